#pragma once

#include "mapping/MappingDocument.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

class QMimeData;

namespace tb::ui {

// The designer's clipboard form of links: each link's source column, target field and the target's transform
// chain, as JSON under a MIME type of our own and as plain text (so that links can be pasted from a text
// editor or a chat, and read there):
//   {"format": "trialbridge.links/1", "entity": "visit",
//    "links": [{"column": "SUBJ", "target": "subject_id", "transforms": [{"trim": {}}]}]}
// Transforms are written as in a mapping document and checked the same way when read.
class LinkClipboard
{
    Q_DECLARE_TR_FUNCTIONS(tb::ui::LinkClipboard)
public:
    static constexpr const char* MimeType = "application/x-trialbridge-links+json";
    static constexpr const char* Format = "trialbridge.links/1";

    struct Link
    {
        QString column;
        QString target;
        QVector<core::TransformSpec> transforms;

        bool operator==(const Link& o) const
        {
            return column == o.column && target == o.target && transforms == o.transforms;
        }
    };

    QString entity; // the target entity the links were copied from
    QVector<Link> links;

    QByteArray toJson() const;
    // Both forms; the caller owns the result (QClipboard::setMimeData takes it).
    QMimeData* toMimeData() const;
    // False with an error naming the place ("clipboard: links[1].column: ...") when the text is not links.
    static bool fromJson(const QByteArray& json, LinkClipboard* out, QString* error);
    // Our MIME type first, else plain text that is our JSON. False (error empty) when the data holds
    // nothing that looks like links.
    static bool fromMimeData(const QMimeData* data, LinkClipboard* out, QString* error);
    static bool hasLinks(const QMimeData* data);
};

} // namespace tb::ui

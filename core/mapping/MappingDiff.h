#pragma once

#include "mapping/MappingDocument.h"

#include <QJsonValue>
#include <QList>

namespace tb::core {

// Field-level differences between two mapping documents (two revisions of one mapping, usually), computed on their
// canonical JSON form, so that key order and formatting never show: each change names its JSON path
// ("fields.visit_date.transforms[0].date.format") with the value before and after. Lists are compared by position
// (the order of transforms matters).
class MappingDiff
{
public:
    struct Change
    {
        enum class Kind { Added, Removed, Changed };
        Kind kind = Kind::Changed;
        QString path;
        QJsonValue before, after; // undefined where absent

        QString toString() const; // "~ path: before → after", "+ path: after", "- path: before"
        QJsonObject toJson() const;
    };

    static QList<Change> diff(const MappingDocument& before, const MappingDocument& after);
    static QList<Change> diff(const QJsonValue& before, const QJsonValue& after, const QString& path = {});
};

} // namespace tb::core

#include "designer/LinkClipboard.h"

#include "mapping/TransformFactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace tb::ui {

namespace {
const QString Place = QStringLiteral("clipboard");
}

QByteArray LinkClipboard::toJson() const
{
    QJsonArray list;
    for (const Link& l : links) {
        QJsonArray ts;
        for (const core::TransformSpec& t : l.transforms)
            ts.append(QJsonObject{{t.name, t.params}});
        QJsonObject o{{QStringLiteral("column"), l.column}, {QStringLiteral("target"), l.target}};
        if (!ts.isEmpty())
            o.insert(QStringLiteral("transforms"), ts);
        list.append(o);
    }
    const QJsonObject doc{{QStringLiteral("format"), QLatin1String(Format)},
                          {QStringLiteral("entity"), entity},
                          {QStringLiteral("links"), list}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QMimeData* LinkClipboard::toMimeData() const
{
    auto* data = new QMimeData;
    const QByteArray json = toJson();
    data->setData(QLatin1String(MimeType), json);
    data->setText(QString::fromUtf8(json));
    return data;
}

bool LinkClipboard::fromJson(const QByteArray& json, LinkClipboard* out, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1: offset %2: %3").arg(Place).arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QLatin1String("format")).toString() != QLatin1String(Format)) {
        *error = tr("%1: not links copied from the mapping designer (format \"%2\" expected)").arg(Place, QLatin1String(Format));
        return false;
    }
    const QJsonValue list = o.value(QLatin1String("links"));
    if (!list.isArray()) {
        *error = tr("%1: links: must be a list").arg(Place);
        return false;
    }
    LinkClipboard result;
    result.entity = o.value(QLatin1String("entity")).toString();
    const QJsonArray links = list.toArray();
    for (int i = 0; i < links.size(); ++i) {
        const QString path = QStringLiteral("%1: links[%2]").arg(Place).arg(i);
        const QJsonObject lo = links[i].toObject();
        Link link;
        link.column = lo.value(QLatin1String("column")).toString();
        link.target = lo.value(QLatin1String("target")).toString();
        if (link.column.isEmpty() || link.target.isEmpty()) {
            *error = tr("%1: needs a \"column\" and a \"target\"").arg(path);
            return false;
        }
        const QJsonValue ts = lo.value(QLatin1String("transforms"));
        if (!ts.isUndefined() && !ts.isArray()) {
            *error = tr("%1.transforms: must be a list").arg(path);
            return false;
        }
        const QJsonArray chain = ts.toArray();
        for (int k = 0; k < chain.size(); ++k) {
            const QString tpath = QStringLiteral("%1.transforms[%2]").arg(path).arg(k);
            const QJsonObject t = chain[k].toObject();
            if (!chain[k].isObject() || t.size() != 1) {
                *error = tr("%1: a transform is an object with one key, its name").arg(tpath);
                return false;
            }
            const core::TransformSpec spec{t.begin().key(), t.begin().value()};
            QString reason;
            if (!core::TransformFactory::create(spec, &reason)) {
                *error = QStringLiteral("%1: %2").arg(tpath, reason);
                return false;
            }
            link.transforms << spec;
        }
        result.links << link;
    }
    if (result.links.isEmpty()) {
        *error = tr("%1: no links").arg(Place);
        return false;
    }
    *out = result;
    return true;
}

bool LinkClipboard::fromMimeData(const QMimeData* data, LinkClipboard* out, QString* error)
{
    error->clear();
    if (!data)
        return false;
    if (data->hasFormat(QLatin1String(MimeType)))
        return fromJson(data->data(QLatin1String(MimeType)), out, error);
    // Plain text counts only when it claims to be ours; any other text is not an error, just not links.
    const QByteArray text = data->text().toUtf8();
    if (!text.contains(Format))
        return false;
    return fromJson(text, out, error);
}

bool LinkClipboard::hasLinks(const QMimeData* data)
{
    return data && (data->hasFormat(QLatin1String(MimeType)) || data->text().contains(QLatin1String(Format)));
}

} // namespace tb::ui

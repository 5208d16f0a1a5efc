#include "mapping/MappingDiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace tb::core {

namespace {

QString text(const QJsonValue& v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // A scalar: wrapped in an array to get JSON's own spelling of it.
    const QString a = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
    return a.mid(1, a.size() - 2);
}

QString member(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace

QString MappingDiff::Change::toString() const
{
    switch (kind) {
    case Kind::Added: return QStringLiteral("+ %1: %2").arg(path, text(after));
    case Kind::Removed: return QStringLiteral("- %1: %2").arg(path, text(before));
    case Kind::Changed: return QStringLiteral("~ %1: %2 \u2192 %3").arg(path, text(before), text(after));
    }
    return {};
}

QJsonObject MappingDiff::Change::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), path},
                  {QStringLiteral("change"), kind == Kind::Added ? QStringLiteral("added")
                                             : kind == Kind::Removed ? QStringLiteral("removed")
                                                                     : QStringLiteral("changed")}};
    if (!before.isUndefined())
        o.insert(QStringLiteral("before"), before);
    if (!after.isUndefined())
        o.insert(QStringLiteral("after"), after);
    return o;
}

QList<MappingDiff::Change> MappingDiff::diff(const MappingDocument& before, const MappingDocument& after)
{
    return diff(before.toJson(), after.toJson());
}

QList<MappingDiff::Change> MappingDiff::diff(const QJsonValue& before, const QJsonValue& after, const QString& path)
{
    QList<Change> out;
    if (before == after)
        return out;
    if (before.isObject() && after.isObject()) {
        const QJsonObject a = before.toObject(), b = after.toObject();
        QStringList keys = a.keys();
        for (const QString& k : b.keys())
            if (!a.contains(k))
                keys << k;
        std::sort(keys.begin(), keys.end());
        for (const QString& k : keys) {
            const QString p = member(path, k);
            if (!b.contains(k))
                out << Change{Change::Kind::Removed, p, a.value(k), QJsonValue(QJsonValue::Undefined)};
            else if (!a.contains(k))
                out << Change{Change::Kind::Added, p, QJsonValue(QJsonValue::Undefined), b.value(k)};
            else
                out << diff(a.value(k), b.value(k), p);
        }
        return out;
    }
    if (before.isArray() && after.isArray()) {
        const QJsonArray a = before.toArray(), b = after.toArray();
        for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i) {
            const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
            if (i >= b.size())
                out << Change{Change::Kind::Removed, p, a[i], QJsonValue(QJsonValue::Undefined)};
            else if (i >= a.size())
                out << Change{Change::Kind::Added, p, QJsonValue(QJsonValue::Undefined), b[i]};
            else
                out << diff(a[i], b[i], p);
        }
        return out;
    }
    out << Change{Change::Kind::Changed, path, before, after};
    return out;
}

} // namespace tb::core

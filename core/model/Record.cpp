#include "model/Record.h"

#include "util/Crypto.h"
#include "util/JsonText.h"

namespace tb::core {

namespace {
const QString kNoValue;
} // namespace

const QString& Record::value(const QString& field) const
{
    const int i = entity->indexOf(field);
    return i < 0 ? kNoValue : values[size_t(i)];
}

const QString& Record::value(int index) const
{
    return index < 0 ? kNoValue : values[size_t(index)];
}

void Record::setValue(const QString& field, const QString& v)
{
    const int i = entity->indexOf(field);
    if (i >= 0)
        values[size_t(i)] = v;
}

QString Record::key() const
{
    QString k;
    bool first = true;
    for (int i : entity->keyFields) {
        if (!first)
            k += QChar(0x1F);
        first = false;
        k += values[size_t(i)];
    }
    return k;
}

QString Record::naturalKeyJson() const
{
    QString out;
    out += QLatin1Char('{');
    bool first = true;
    for (int i : entity->keyFields) {
        if (!first)
            out += QLatin1Char(',');
        first = false;
        json::appendString(out, entity->fields[i].name);
        out += QLatin1Char(':');
        const QString& v = values[size_t(i)];
        if (v.isNull())
            out += QLatin1String("null");
        else
            json::appendString(out, v);
    }
    out += QLatin1Char('}');
    return out;
}

QString Record::keyLabel() const
{
    QStringList parts;
    for (int i : entity->keyFields)
        parts << (values[size_t(i)].isNull() ? QStringLiteral("(none)") : values[size_t(i)]);
    return parts.join(QLatin1Char('/'));
}

QByteArray Record::contentHash() const
{
    crypto::Blake2b h(16);
    for (const QString& v : values) {
        // A length prefix keeps ("ab","c") apart from ("a","bc"); -1 marks null.
        const qint32 len = v.isNull() ? -1 : qint32(v.size());
        h.add(reinterpret_cast<const char*>(&len), sizeof len);
        h.add(reinterpret_cast<const char*>(v.constData()), v.size() * qsizetype(sizeof(QChar)));
    }
    return h.finish();
}

QString Record::sourceRecordJson() const
{
    QString out;
    if (!sourceHeader) {
        out = QStringLiteral("{}");
        return out;
    }
    json::appendObject(out, *sourceHeader, sourceFields);
    return out;
}

} // namespace tb::core

#include "model/Record.h"

#include "util/FastHash.h"
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

quint64 Record::keyHash(const EntityDef& e, const std::vector<QString>& values)
{
    quint64 h = 0;
    for (int i : e.keyFields)
        h = (h ^ hash64(values[size_t(i)])) * 0x9e3779b97f4a7c15ULL + quint64(values[size_t(i)].isNull());
    return h;
}

bool Record::sameKey(const EntityDef& e, const std::vector<QString>& a, const std::vector<QString>& b)
{
    for (int i : e.keyFields)
        if (a[size_t(i)] != b[size_t(i)] || a[size_t(i)].isNull() != b[size_t(i)].isNull())
            return false;
    return true;
}

QString Record::naturalKeyJson() const
{
    QString out;
    out.reserve(96);
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
    // Two independent 64-bit hashes per value, chained: a 128-bit change detector that costs a tenth of
    // BLAKE2b on short values. Tamper evidence is the audit chain's job, not this hash's.
    quint64 h[2] = {0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL};
    for (const QString& v : values) {
        const quint64 marker = v.isNull() ? 0x9e3779b97f4a7c15ULL : quint64(v.size());
        quint64 a, b;
        hashBytes64x2(v.constData(), size_t(v.size()) * 2, 0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL, &a, &b);
        h[0] = (h[0] ^ a ^ marker) * 0xff51afd7ed558ccdULL;
        h[1] = (h[1] ^ b ^ (marker << 1)) * 0xc4ceb9fe1a85ec53ULL;
        h[0] ^= h[0] >> 29;
        h[1] ^= h[1] >> 31;
    }
    return QByteArray(reinterpret_cast<const char*>(h), sizeof h);
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

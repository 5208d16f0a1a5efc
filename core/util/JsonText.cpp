#include "util/JsonText.h"

#include <QJsonDocument>

#include <cstring>

namespace tb::core::json {

namespace {

bool needsEscape(char16_t c)
{
    return c < 0x20 || c == u'"' || c == u'\\';
}

void appendEscaped(QString& out, const QChar* d, qsizetype n)
{
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = d[i].unicode();
        if (!needsEscape(c))
            continue;
        out.append(d + plainStart, i - plainStart);
        plainStart = i + 1;
        switch (c) {
        case u'"': out += QLatin1String("\\\""); break;
        case u'\\': out += QLatin1String("\\\\"); break;
        case u'\n': out += QLatin1String("\\n"); break;
        case u'\r': out += QLatin1String("\\r"); break;
        case u'\t': out += QLatin1String("\\t"); break;
        default: out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        }
    }
    out.append(d + plainStart, n - plainStart);
}

} // namespace

void appendString(QString& out, const QString& s)
{
    const qsizetype n = s.size();
    const QChar* d = s.constData();
    qsizetype i = 0;
    while (i < n && !needsEscape(d[i].unicode()))
        ++i;
    const qsizetype start = out.size();
    if (i == n) {
        // The common case, nothing to escape: one copy into the grown string.
        out.resize(start + n + 2);
        QChar* p = out.data() + start;
        p[0] = QLatin1Char('"');
        std::memcpy(static_cast<void*>(p + 1), d, size_t(n) * sizeof(QChar));
        p[n + 1] = QLatin1Char('"');
        return;
    }
    out += QLatin1Char('"');
    appendEscaped(out, d, n);
    out += QLatin1Char('"');
}

bool parseDocument(const QByteArray& json, const char* kind, const char* format, QJsonObject* out,
                   QString* message)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        *message = QStringLiteral("invalid JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString());
    else if (!doc.isObject())
        *message = QStringLiteral("a %1 must be a JSON object").arg(QLatin1String(kind));
    else if (doc.object().value(QLatin1String("format")).toString() != QLatin1String(format))
        *message = QStringLiteral("format: expected \"%1\"").arg(QLatin1String(format));
    else {
        *out = doc.object();
        return true;
    }
    return false;
}

} // namespace tb::core::json

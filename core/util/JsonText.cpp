#include "util/JsonText.h"

namespace tb::core::json {

void appendString(QString& out, const QString& s)
{
    out += QLatin1Char('"');
    qsizetype plainStart = 0;
    const qsizetype n = s.size();
    const QChar* d = s.constData();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = d[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
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
    out += QLatin1Char('"');
}

} // namespace tb::core::json

#include "source/SourceLocation.h"

namespace tb::core {

namespace {

// Appends n in decimal without a temporary string: every loaded record gets a "file:line" reference.
void appendNumber(QString& s, qint64 n)
{
    char16_t digits[20];
    int count = 0;
    do {
        digits[count++] = char16_t(u'0' + n % 10);
        n /= 10;
    } while (n > 0);
    const qsizetype at = s.size();
    s.resize(at + count);
    QChar* d = s.data() + at;
    for (int i = 0; i < count; ++i)
        d[i] = QChar(digits[count - 1 - i]);
}

} // namespace

QString SourceLocation::toString() const
{
    QString s;
    s.reserve(file.size() + 24 + (field.isEmpty() ? 0 : field.size() + 3));
    s += file;
    if (line > 0) {
        s += QLatin1Char(':');
        appendNumber(s, line);
        if (column > 0) {
            s += QLatin1Char(':');
            appendNumber(s, column);
        }
    }
    if (!field.isEmpty()) {
        s += QLatin1String(" (");
        s += field;
        s += QLatin1Char(')');
    }
    return s;
}

QString SourceError::toString() const
{
    const QString place = where.toString();
    return place.isEmpty() ? message : place + QStringLiteral(": ") + message;
}

} // namespace tb::core

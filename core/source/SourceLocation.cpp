#include "source/SourceLocation.h"

namespace tb::core {

QString SourceLocation::toString() const
{
    QString s = file;
    if (line > 0) {
        s += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            s += QLatin1Char(':') + QString::number(column);
    }
    if (!field.isEmpty())
        s += QStringLiteral(" (%1)").arg(field);
    return s;
}

QString SourceError::toString() const
{
    const QString place = where.toString();
    return place.isEmpty() ? message : place + QStringLiteral(": ") + message;
}

} // namespace tb::core

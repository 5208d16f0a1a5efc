#include "validate/ValidationIssue.h"

namespace tb::core {

QString ValidationIssue::toString() const
{
    const QString where = source.toString();
    QString s = where.isEmpty() ? QString() : where + QStringLiteral(": ");
    s += QStringLiteral("[%1] %2").arg(rule, message);
    return s;
}

} // namespace tb::core

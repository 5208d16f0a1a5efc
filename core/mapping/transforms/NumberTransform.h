#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>

#include <memory>

namespace tb::core {

// Numbers as written in the source → canonical ("1.234,50" with {"decimal": ",", "thousands": "."} → "1234.5").
// Canonical numbers have no '+', no leading zeros and no trailing fractional zeros. "integer": true
// rejects fractions.
class NumberTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;

    // The canonical text of a number, or a null string when text is not a number in that notation.
    static QString canonical(QStringView text, QChar decimal, QChar thousands, bool integer);

private:
    QChar m_decimal = QLatin1Char('.');
    QChar m_thousands;
    bool m_integer = false;
};

} // namespace tb::core

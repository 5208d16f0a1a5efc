#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>

#include <memory>

namespace tb::core {

// Upper or lower case: {"case": {"to": "upper"}}, or the shorthands {"upper": {}} and {"lower": {}}.
class CaseTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;

private:
    bool m_upper = true;
};

} // namespace tb::core

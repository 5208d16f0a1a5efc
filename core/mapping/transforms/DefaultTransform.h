#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>

#include <memory>

namespace tb::core {

// Fills a missing value: {"default": {"value": "SCHEDULED"}} or {"default": "SCHEDULED"}.
class DefaultTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;

private:
    QString m_value;
};

} // namespace tb::core

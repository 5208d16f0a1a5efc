#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>

#include <memory>

namespace tb::core {

// Removes surrounding white space; a value that is only white space becomes null (missing).
class TrimTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;
};

} // namespace tb::core

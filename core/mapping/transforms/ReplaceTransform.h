#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <memory>

namespace tb::core {

// Regular-expression replacement: {"replace": {"regex": "^0+", "with": ""}}; "\\1" refers to groups.
class ReplaceTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;

private:
    QRegularExpression m_regex;
    QString m_with;
};

} // namespace tb::core

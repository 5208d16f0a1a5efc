#pragma once

#include "mapping/Transform.h"

#include "util/FastHash.h"

#include <unordered_map>
#include <QJsonValue>

#include <memory>

namespace tb::core {

// Source codes → canonical terms: {"valueMap": {"map": {"DONE": "COMPLETED"}, "unmapped": "reject"}}.
// unmapped: "reject" (the record is rejected and the message names the value), "default" (use
// "default"), "pass" (keep the value; the codelist check still applies). "ignoreCase": true matches
// regardless of case. "codelist" names the target codelist, for the designer.
class ValueMapTransform final : public Transform
{
public:
    enum class Unmapped { Reject, Default, Pass };

    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;

private:
    std::unordered_map<QString, QString, QStringHash> m_map;
    Unmapped m_unmapped = Unmapped::Reject;
    QString m_default;
    bool m_ignoreCase = false;
};

} // namespace tb::core

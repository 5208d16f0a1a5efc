#pragma once

#include "mapping/Transform.h"

#include <QJsonValue>

#include <memory>

namespace tb::core {

// A value → another field of an already-loaded entity in the same study, e.g. the EDC's site number →
// the CTMS site id: {"lookup": {"entity": "site", "match": "site_number", "return": "site_id"}}.
// "missing": "reject" (default) or "pass" (keep the value, e.g. when it is already the id).
class LookupTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;
    bool isPure() const override { return false; } // reads loaded data

private:
    QString m_entity;
    QString m_match;
    QString m_return;
    bool m_passMissing = false;
};

} // namespace tb::core

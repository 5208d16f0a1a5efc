#include "mapping/transforms/LookupTransform.h"

#include "model/CtmsSchema.h"
#include "model/ReferenceData.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> LookupTransform::create(const QJsonValue& params, QString* error)
{
    const QJsonObject o = params.toObject();
    auto t = std::make_shared<LookupTransform>();
    t->m_entity = o.value(QLatin1String("entity")).toString();
    t->m_match = o.value(QLatin1String("match")).toString();
    t->m_return = o.value(QLatin1String("return")).toString();
    const EntityDef* e = CtmsSchema::builtIn()->entity(t->m_entity);
    if (!e) {
        *error = QStringLiteral("\"entity\" must name a CTMS entity, not '%1'").arg(t->m_entity);
        return nullptr;
    }
    for (const QString& f : {t->m_match, t->m_return}) {
        if (e->indexOf(f) < 0) {
            *error = QStringLiteral("\"match\" and \"return\" must be fields of %1; '%2' is not (fields: %3)")
                         .arg(t->m_entity, f, e->fieldNames().join(QStringLiteral(", ")));
            return nullptr;
        }
    }
    const QString missing = o.value(QLatin1String("missing")).toString(QStringLiteral("reject"));
    if (missing != QLatin1String("reject") && missing != QLatin1String("pass")) {
        *error = QStringLiteral("\"missing\" must be \"reject\" or \"pass\"");
        return nullptr;
    }
    t->m_passMissing = missing == QLatin1String("pass");
    return t;
}

bool LookupTransform::apply(Values& values, TransformContext& ctx) const
{
    for (QString& v : values) {
        if (v.isNull() || !ctx.reference)
            continue;
        const QString study = ctx.studyId();
        const auto found = ctx.reference->lookup(m_entity, m_match, v, m_return, study);
        if (found) {
            v = *found;
        } else if (!m_passMissing) {
            return ctx.fail(QStringLiteral("lookup"),
                            QStringLiteral("no %1 of study %2 has %3 '%4': add it (to the study document or the "
                                           "source) or correct the value")
                                .arg(m_entity, study, m_match, v));
        }
    }
    return true;
}

} // namespace tb::core

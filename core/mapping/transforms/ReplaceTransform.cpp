#include "mapping/transforms/ReplaceTransform.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> ReplaceTransform::create(const QJsonValue& params, QString* error)
{
    const QJsonObject o = params.toObject();
    auto t = std::make_shared<ReplaceTransform>();
    t->m_regex.setPattern(o.value(QLatin1String("regex")).toString());
    if (t->m_regex.pattern().isEmpty() || !t->m_regex.isValid()) {
        *error = QStringLiteral("needs a valid \"regex\": %1").arg(t->m_regex.errorString());
        return nullptr;
    }
    if (!o.value(QLatin1String("with")).isString()) {
        *error = QStringLiteral("needs \"with\": the replacement text");
        return nullptr;
    }
    t->m_with = o.value(QLatin1String("with")).toString();
    t->m_regex.optimize();
    return t;
}

bool ReplaceTransform::apply(Values& values, TransformContext&) const
{
    for (QString& v : values)
        if (!v.isNull())
            v.replace(m_regex, m_with);
    return true;
}

} // namespace tb::core

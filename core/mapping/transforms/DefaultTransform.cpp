#include "mapping/transforms/DefaultTransform.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> DefaultTransform::create(const QJsonValue& params, QString* error)
{
    const QJsonValue v = params.isObject() ? params.toObject().value(QLatin1String("value")) : params;
    if (!v.isString()) {
        *error = QStringLiteral("needs \"value\": the text to use when the value is missing");
        return nullptr;
    }
    auto t = std::make_shared<DefaultTransform>();
    t->m_value = v.toString();
    return t;
}

bool DefaultTransform::apply(Values& values, TransformContext&) const
{
    for (QString& v : values)
        if (v.isNull())
            v = m_value;
    return true;
}

} // namespace tb::core

#include "mapping/transforms/CaseTransform.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> CaseTransform::create(const QJsonValue& params, QString* error)
{
    const QString to = params.isString() ? params.toString() : params.toObject().value(QLatin1String("to")).toString();
    if (to != QLatin1String("upper") && to != QLatin1String("lower")) {
        *error = QStringLiteral("\"to\" must be \"upper\" or \"lower\"");
        return nullptr;
    }
    auto t = std::make_shared<CaseTransform>();
    t->m_upper = to == QLatin1String("upper");
    return t;
}

bool CaseTransform::apply(Values& values, TransformContext&) const
{
    for (QString& v : values) {
        if (v.isNull())
            continue;
        // Codes are usually written in the right case already: skip the copy then.
        bool change = false;
        for (QChar c : std::as_const(v))
            if ((m_upper && c.isLower()) || (!m_upper && c.isUpper())) {
                change = true;
                break;
            }
        if (change)
            v = m_upper ? v.toUpper() : v.toLower();
    }
    return true;
}

} // namespace tb::core

#include "mapping/transforms/ValueMapTransform.h"

#include <QJsonObject>
#include <QStringList>

namespace tb::core {

std::shared_ptr<const Transform> ValueMapTransform::create(const QJsonValue& params, QString* error)
{
    const QJsonObject o = params.toObject();
    if (!o.value(QLatin1String("map")).isObject()) {
        *error = QStringLiteral("needs \"map\": an object of source value → target value");
        return nullptr;
    }
    auto t = std::make_shared<ValueMapTransform>();
    t->m_ignoreCase = o.value(QLatin1String("ignoreCase")).toBool();
    const QJsonObject map = o.value(QLatin1String("map")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isString() && !it.value().isNull()) {
            *error = QStringLiteral("map[\"%1\"]: the target value must be a string or null").arg(it.key());
            return nullptr;
        }
        const QString key = t->m_ignoreCase ? it.key().toUpper() : it.key();
        if (t->m_map.count(key)) {
            *error = QStringLiteral("map: \"%1\" appears twice (ignoring case)").arg(it.key());
            return nullptr;
        }
        t->m_map.emplace(key, it.value().isNull() ? QString() : it.value().toString());
    }
    const QString unmapped = o.value(QLatin1String("unmapped")).toString(QStringLiteral("reject"));
    if (unmapped == QLatin1String("reject"))
        t->m_unmapped = Unmapped::Reject;
    else if (unmapped == QLatin1String("default"))
        t->m_unmapped = Unmapped::Default;
    else if (unmapped == QLatin1String("pass"))
        t->m_unmapped = Unmapped::Pass;
    else {
        *error = QStringLiteral("\"unmapped\" must be \"reject\", \"default\" or \"pass\"");
        return nullptr;
    }
    if (t->m_unmapped == Unmapped::Default) {
        if (!o.value(QLatin1String("default")).isString()) {
            *error = QStringLiteral("\"unmapped\": \"default\" needs \"default\": the value to use");
            return nullptr;
        }
        t->m_default = o.value(QLatin1String("default")).toString();
    }
    return t;
}

bool ValueMapTransform::apply(Values& values, TransformContext& ctx) const
{
    for (QString& v : values) {
        if (v.isNull())
            continue;
        const auto it = m_map.find(m_ignoreCase ? v.toUpper() : v);
        if (it != m_map.end()) {
            v = it->second;
            continue;
        }
        switch (m_unmapped) {
        case Unmapped::Default: v = m_default; break;
        case Unmapped::Pass: break;
        case Unmapped::Reject: {
            QStringList known;
            for (const auto& entry : m_map)
                known << entry.first;
            known.sort();
            if (known.size() > 12)
                known = known.mid(0, 12) << QStringLiteral("…");
            return ctx.fail(QStringLiteral("value_map"),
                            QStringLiteral("'%1' has no entry in the value map (mapped values: %2): add it to the "
                                           "mapping's value map or correct the source")
                                .arg(v, known.join(QStringLiteral(", "))));
        }
        }
    }
    return true;
}

} // namespace tb::core

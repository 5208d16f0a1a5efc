#include "mapping/transforms/TrimTransform.h"

#include <QJsonObject>

namespace tb::core {

std::shared_ptr<const Transform> TrimTransform::create(const QJsonValue& params, QString* error)
{
    if (!params.isNull() && !params.isUndefined() && !(params.isObject() && params.toObject().isEmpty())) {
        *error = QStringLiteral("takes no parameters: {\"trim\": {}}");
        return nullptr;
    }
    return std::make_shared<TrimTransform>();
}

bool TrimTransform::apply(Values& values, TransformContext&) const
{
    for (QString& v : values) {
        if (v.isNull())
            continue;
        // Most values have nothing to trim: avoid the copy then.
        if (!v.isEmpty() && !v.front().isSpace() && !v.back().isSpace())
            continue;
        v = v.trimmed();
        if (v.isEmpty())
            v = QString();
    }
    return true;
}

} // namespace tb::core

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
        // Most values have nothing to trim: look (through a const reference — front() on a non-const
        // QString would detach and copy it) and skip.
        const QString& cv = v;
        if (!cv.isEmpty() && !cv.front().isSpace() && !cv.back().isSpace())
            continue;
        v = v.trimmed();
        if (v.isEmpty())
            v = QString();
    }
    return true;
}

} // namespace tb::core

#include "mapping/TransformFactory.h"

#include "mapping/transforms/CaseTransform.h"
#include "mapping/transforms/CombineTransform.h"
#include "mapping/transforms/DateTransform.h"
#include "mapping/transforms/DefaultTransform.h"
#include "mapping/transforms/LookupTransform.h"
#include "mapping/transforms/NumberTransform.h"
#include "mapping/transforms/ReplaceTransform.h"
#include "mapping/transforms/TrimTransform.h"
#include "mapping/transforms/ValueMapTransform.h"

#include <functional>
#include <map>

namespace tb::core {

namespace {

using Maker = std::function<std::shared_ptr<const Transform>(const QJsonValue&, QString*)>;

const std::map<QString, Maker>& makers()
{
    static const std::map<QString, Maker> m{
        {QStringLiteral("trim"), TrimTransform::create},
        {QStringLiteral("case"), CaseTransform::create},
        {QStringLiteral("upper"), [](const QJsonValue&, QString* e) { return CaseTransform::create(QStringLiteral("upper"), e); }},
        {QStringLiteral("lower"), [](const QJsonValue&, QString* e) { return CaseTransform::create(QStringLiteral("lower"), e); }},
        {QStringLiteral("valueMap"), ValueMapTransform::create},
        {QStringLiteral("date"), DateTransform::create},
        {QStringLiteral("number"), NumberTransform::create},
        {QStringLiteral("replace"), ReplaceTransform::create},
        {QStringLiteral("default"), DefaultTransform::create},
        {QStringLiteral("lookup"), LookupTransform::create},
        {QStringLiteral("format"), [](const QJsonValue& p, QString* e) { return CombineTransform::create(CombineTransform::Kind::Format, p, e); }},
        {QStringLiteral("concat"), [](const QJsonValue& p, QString* e) { return CombineTransform::create(CombineTransform::Kind::Concat, p, e); }},
        {QStringLiteral("coalesce"), [](const QJsonValue& p, QString* e) { return CombineTransform::create(CombineTransform::Kind::Coalesce, p, e); }},
    };
    return m;
}

} // namespace

std::shared_ptr<const Transform> TransformFactory::create(const TransformSpec& spec, QString* error)
{
    const auto it = makers().find(spec.name);
    if (it == makers().end()) {
        *error = QStringLiteral("unknown transform '%1'; known transforms: %2")
                     .arg(spec.name, names().join(QStringLiteral(", ")));
        return nullptr;
    }
    QString err;
    auto t = it->second(spec.params, &err);
    if (!t)
        *error = spec.name + QStringLiteral(": ") + err;
    return t;
}

QStringList TransformFactory::names()
{
    QStringList n;
    for (const auto& [name, maker] : makers())
        n << name;
    return n;
}

} // namespace tb::core

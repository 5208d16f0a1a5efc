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

#include <QJsonObject>

#include <functional>
#include <map>

namespace tb::core {

namespace {

using Maker = std::function<std::shared_ptr<const Transform>(const QJsonValue&, QString*)>;

// The keys a transform accepts in its object form and their JSON types: a typo or a wrong type
// ("zone": 5) is a configuration error, never a silent default.
struct Param
{
    const char* key;
    QJsonValue::Type type;
};

struct Kind
{
    Maker make;
    std::vector<Param> params;
};

const std::map<QString, Kind>& kinds()
{
    using T = QJsonValue::Type;
    static const std::map<QString, Kind> m{
        {QStringLiteral("trim"), {TrimTransform::create, {}}},
        {QStringLiteral("case"), {CaseTransform::create, {{"to", T::String}}}},
        {QStringLiteral("upper"), {[](const QJsonValue&, QString* e) { return CaseTransform::create(QStringLiteral("upper"), e); }, {}}},
        {QStringLiteral("lower"), {[](const QJsonValue&, QString* e) { return CaseTransform::create(QStringLiteral("lower"), e); }, {}}},
        {QStringLiteral("valueMap"),
         {ValueMapTransform::create,
          {{"map", T::Object}, {"ignoreCase", T::Bool}, {"unmapped", T::String}, {"default", T::String}, {"codelist", T::String}}}},
        {QStringLiteral("date"), {DateTransform::create, {{"format", T::String}, {"zone", T::String}, {"partial", T::String}}}},
        {QStringLiteral("number"), {NumberTransform::create, {{"decimal", T::String}, {"thousands", T::String}, {"integer", T::Bool}}}},
        {QStringLiteral("replace"), {ReplaceTransform::create, {{"regex", T::String}, {"with", T::String}}}},
        {QStringLiteral("default"), {DefaultTransform::create, {{"value", T::String}}}},
        {QStringLiteral("lookup"),
         {LookupTransform::create, {{"entity", T::String}, {"match", T::String}, {"return", T::String}, {"missing", T::String}}}},
        {QStringLiteral("format"),
         {[](const QJsonValue& p, QString* e) { return CombineTransform::create(CombineTransform::Kind::Format, p, e); },
          {{"pattern", T::String}}}},
        {QStringLiteral("concat"),
         {[](const QJsonValue& p, QString* e) { return CombineTransform::create(CombineTransform::Kind::Concat, p, e); },
          {{"separator", T::String}}}},
        {QStringLiteral("coalesce"),
         {[](const QJsonValue& p, QString* e) { return CombineTransform::create(CombineTransform::Kind::Coalesce, p, e); }, {}}},
    };
    return m;
}

QString typeName(QJsonValue::Type t)
{
    switch (t) {
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Bool: return QStringLiteral("true or false");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Double: return QStringLiteral("a number");
    default: return QStringLiteral("a value");
    }
}

bool checkParameters(const std::vector<Param>& known, const QJsonValue& params, QString* error)
{
    if (!params.isObject())
        return true; // the short forms ("upper", a format string) are checked by the transform itself
    const QJsonObject o = params.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto p = std::find_if(known.begin(), known.end(),
                                    [&](const Param& k) { return it.key() == QLatin1String(k.key); });
        if (p == known.end()) {
            QStringList keys;
            for (const Param& k : known)
                keys << QLatin1String(k.key);
            *error = keys.isEmpty() ? QStringLiteral("takes no parameters, found \"%1\"").arg(it.key())
                                    : QStringLiteral("unknown parameter \"%1\"; known: %2").arg(it.key(), keys.join(QStringLiteral(", ")));
            return false;
        }
        // null stands for "no value" where a string is expected (a value map's default of null).
        if (it.value().type() != p->type && !(it.value().isNull() && p->type == QJsonValue::String)) {
            *error = QStringLiteral("\"%1\" must be %2").arg(it.key(), typeName(p->type));
            return false;
        }
    }
    return true;
}

} // namespace

std::shared_ptr<const Transform> TransformFactory::create(const TransformSpec& spec, QString* error)
{
    const auto it = kinds().find(spec.name);
    if (it == kinds().end()) {
        *error = QStringLiteral("unknown transform '%1'; known transforms: %2")
                     .arg(spec.name, names().join(QStringLiteral(", ")));
        return nullptr;
    }
    QString err;
    if (!checkParameters(it->second.params, spec.params, &err)) {
        *error = spec.name + QStringLiteral(": ") + err;
        return nullptr;
    }
    auto t = it->second.make(spec.params, &err);
    if (!t)
        *error = spec.name + QStringLiteral(": ") + err;
    return t;
}

QStringList TransformFactory::names()
{
    QStringList n;
    for (const auto& [name, kind] : kinds())
        n << name;
    return n;
}

} // namespace tb::core

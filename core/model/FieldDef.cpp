#include "model/FieldDef.h"

#include <array>
#include <utility>

namespace tb::core {

namespace {
constexpr std::array<std::pair<FieldType, const char*>, 7> kNames{{
    {FieldType::Text, "text"},
    {FieldType::Integer, "integer"},
    {FieldType::Decimal, "decimal"},
    {FieldType::Date, "date"},
    {FieldType::DateTime, "datetime"},
    {FieldType::Code, "code"},
    {FieldType::TimeZone, "timezone"},
}};
} // namespace

QString fieldTypeName(FieldType t)
{
    for (const auto& [type, name] : kNames)
        if (type == t)
            return QLatin1String(name);
    return {};
}

std::optional<FieldType> fieldTypeFromName(const QString& name)
{
    for (const auto& [type, n] : kNames)
        if (name == QLatin1String(n))
            return type;
    return std::nullopt;
}

} // namespace tb::core

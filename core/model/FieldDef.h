#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace tb::core {

enum class FieldType {
    Text,     // any text
    Integer,  // canonical: optional '-' and digits
    Decimal,  // canonical: optional '-', digits, optional '.' and digits
    Date,     // ISO 8601 YYYY-MM-DD (YYYY or YYYY-MM too when partial)
    DateTime, // ISO 8601 YYYY-MM-DDTHH:MM[:SS]Z in UTC, or a date, or a partial date when partial
    Code,     // one of the terms of a codelist
    TimeZone, // an IANA time zone id
};

QString fieldTypeName(FieldType t);
std::optional<FieldType> fieldTypeFromName(const QString& name);

// One field of a canonical entity, with the rules every value must satisfy.
struct FieldDef
{
    QString name;
    QString label;
    FieldType type = FieldType::Text;
    bool required = false;
    bool partial = false;          // dates: ISO 8601 partial values (YYYY, YYYY-MM) allowed
    std::optional<double> min;     // numbers
    std::optional<double> max;
    int maxLength = 0;             // text; 0 = unlimited
    QRegularExpression pattern;    // empty pattern = none
    QString codelist;              // Code fields
    QString references;            // entity this field points to (relationship)
};

} // namespace tb::core

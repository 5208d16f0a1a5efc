#pragma once

#include "mapping/Transform.h"
#include "util/TimeZoneCache.h"

#include <QJsonValue>
#include <QVector>

#include <memory>

namespace tb::core {

// Dates and date-times as written in the source → ISO 8601; date-times converted from the source time
// zone to UTC; partial dates ("UN-MAR-2023", "2013-05") kept partial.
//   {"date": {"format": "dd.MM.yyyy HH:mm", "zone": "site", "partial": "keep"}}
// format: "iso" (default; also takes offsets like +02:00 and Z) or a pattern of yyyy yy MM M MMM dd d HH H
//         mm ss and literal characters; a value that stops after the date part is taken as a date.
// zone:   "UTC" (default), "site" (the record's site), "study" (the study's default) or an IANA id.
// partial: "keep" (default) or "reject". Day or month written as UN, UNK, -- or XX is unknown.
// Two-digit years: 00–49 → 2000s, 50–99 → 1900s.
class DateTransform final : public Transform
{
public:
    static std::shared_ptr<const Transform> create(const QJsonValue& params, QString* error);
    bool apply(Values& values, TransformContext& ctx) const override;
    bool isPure() const override { return m_zone != QLatin1String("site"); } // site time depends on the record

private:
    enum class Tok { Year4, Year2, Month, MonthName, Day, Hour, Minute, Second, Literal };
    struct Token
    {
        Tok kind;
        bool fixedWidth = true; // "MM" reads exactly two digits, "M" one or two
        QChar literal;
    };
    struct Parsed
    {
        int y = 0, mo = 0, d = 0, h = -1, mi = 0, s = -1;
        bool hasOffset = false;
        int offsetSecs = 0;
    };

    bool parseIso(QStringView v, Parsed& p) const;
    bool parsePattern(QStringView v, Parsed& p) const;

    bool m_iso = true;
    QString m_format;
    QVector<Token> m_tokens;
    QString m_zone = QStringLiteral("UTC");
    bool m_keepPartial = true;

    mutable TimeZoneCache m_zones; // transforms run on one thread per run
};

} // namespace tb::core

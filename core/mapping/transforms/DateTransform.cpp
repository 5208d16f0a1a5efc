#include "mapping/transforms/DateTransform.h"

#include "study/StudyConfig.h"
#include "validate/RecordValidator.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

namespace tb::core {

namespace {

constexpr int kUnknown = 0; // month or day not known (partial date)

int digitAt(QStringView s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    const char16_t c = s[i].unicode();
    return c >= u'0' && c <= u'9' ? int(c - u'0') : -1;
}

// Reads n digits (or 1–2 when !fixed) at pos; advances pos.
bool readNumber(QStringView s, qsizetype& pos, int n, bool fixed, int* out)
{
    int v = 0, count = 0;
    const int maxDigits = n;
    while (count < maxDigits) {
        const int d = digitAt(s, pos);
        if (d < 0)
            break;
        v = v * 10 + d;
        ++pos;
        ++count;
    }
    if (count == 0 || (fixed && count != n))
        return false;
    *out = v;
    return true;
}

// UN, UNK, --, XX (any case) for an unknown day or month.
bool readUnknown(QStringView s, qsizetype& pos)
{
    // Almost every value has a digit here: answer that without the case-insensitive comparisons.
    if (pos >= s.size() || s[pos].isDigit())
        return false;
    for (const char* token : {"UNK", "UN", "--", "XX"}) {
        const QLatin1String t(token);
        if (s.mid(pos).startsWith(t, Qt::CaseInsensitive)) {
            pos += t.size();
            return true;
        }
    }
    return false;
}

const char* const kMonths[12] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// Writes v as exactly n digits; the hot path formats a million dates without QString::arg().
void put(QChar*& p, int v, int n)
{
    for (int i = n - 1; i >= 0; --i) {
        p[i] = QChar(u'0' + v % 10);
        v /= 10;
    }
    p += n;
}

// "2024-03-05", "2024-03", "2024", or with a UTC time "2024-03-05T09:30Z" / "…T09:30:15Z".
QString isoText(int y, int mo, int d, int h, int mi, int s)
{
    QString out(20, Qt::Uninitialized);
    QChar* p = out.data();
    put(p, y, 4);
    if (mo) {
        *p++ = u'-';
        put(p, mo, 2);
        if (d) {
            *p++ = u'-';
            put(p, d, 2);
            if (h >= 0) {
                *p++ = u'T';
                put(p, h, 2);
                *p++ = u':';
                put(p, mi, 2);
                if (s >= 0) {
                    *p++ = u':';
                    put(p, s, 2);
                }
                *p++ = u'Z';
            }
        }
    }
    out.truncate(p - out.constData());
    return out;
}

} // namespace

std::shared_ptr<const Transform> DateTransform::create(const QJsonValue& params, QString* error)
{
    const QJsonObject o = params.toObject();
    auto t = std::make_shared<DateTransform>();
    t->m_format = params.isString() ? params.toString() : o.value(QLatin1String("format")).toString(QStringLiteral("iso"));
    t->m_iso = t->m_format == QLatin1String("iso");
    if (!t->m_iso) {
        const QString& f = t->m_format;
        bool hasYear = false;
        for (qsizetype i = 0; i < f.size();) {
            auto run = [&](QChar c) {
                qsizetype n = 0;
                while (i + n < f.size() && f[i + n] == c)
                    ++n;
                return n;
            };
            const QChar c = f[i];
            const qsizetype n = run(c);
            Token tok{Tok::Literal, true, c};
            if (c == u'y' && (n == 4 || n == 2)) {
                tok.kind = n == 4 ? Tok::Year4 : Tok::Year2;
                hasYear = true;
            } else if (c == u'M' && n <= 3) {
                tok.kind = n == 3 ? Tok::MonthName : Tok::Month;
                tok.fixedWidth = n == 2;
            } else if (c == u'd' && n <= 2) {
                tok.kind = Tok::Day;
                tok.fixedWidth = n == 2;
            } else if (c == u'H' && n <= 2) {
                tok.kind = Tok::Hour;
                tok.fixedWidth = n == 2;
            } else if (c == u'm' && n == 2) {
                tok.kind = Tok::Minute;
            } else if (c == u's' && n == 2) {
                tok.kind = Tok::Second;
            } else if (QStringLiteral("yMdHms").contains(c)) {
                *error = QStringLiteral("format \"%1\": '%2' is not a pattern element (use yyyy yy MM M MMM dd d HH H mm ss)")
                             .arg(f, QString(n, c));
                return nullptr;
            } else {
                t->m_tokens.append(tok);
                ++i;
                continue;
            }
            t->m_tokens.append(tok);
            i += n;
        }
        if (!hasYear) {
            *error = QStringLiteral("format \"%1\" has no year (yyyy or yy)").arg(f);
            return nullptr;
        }
    }
    t->m_zone = o.value(QLatin1String("zone")).toString(QStringLiteral("UTC"));
    if (t->m_zone != QLatin1String("site") && t->m_zone != QLatin1String("study")
        && !RecordValidator::isTimeZone(t->m_zone)) {
        *error = QStringLiteral("zone '%1' is not \"site\", \"study\" or an IANA time zone").arg(t->m_zone);
        return nullptr;
    }
    const QString partial = o.value(QLatin1String("partial")).toString(QStringLiteral("keep"));
    if (partial != QLatin1String("keep") && partial != QLatin1String("reject")) {
        *error = QStringLiteral("\"partial\" must be \"keep\" or \"reject\"");
        return nullptr;
    }
    t->m_keepPartial = partial == QLatin1String("keep");
    return t;
}

bool DateTransform::parseIso(QStringView v, Parsed& p) const
{
    qsizetype pos = 0;
    if (!readNumber(v, pos, 4, true, &p.y))
        return false;
    if (pos == v.size())
        return true;
    // Month 00 or 13 and day 00 are not ISO 8601 (unknown parts are left out, not zeroed).
    if (v[pos++] != u'-' || !readNumber(v, pos, 2, true, &p.mo) || p.mo < 1 || p.mo > 12)
        return false;
    if (pos == v.size())
        return true;
    if (v[pos++] != u'-' || !readNumber(v, pos, 2, true, &p.d) || p.d < 1)
        return false;
    if (pos == v.size())
        return true;
    if ((v[pos] != u'T' && v[pos] != u' ') || !readNumber(v, ++pos, 2, true, &p.h))
        return false;
    if (pos >= v.size() || v[pos++] != u':' || !readNumber(v, pos, 2, true, &p.mi))
        return false;
    if (pos < v.size() && v[pos] == u':') {
        if (!readNumber(v, ++pos, 2, true, &p.s))
            return false;
        if (pos < v.size() && (v[pos] == u'.' || v[pos] == u',')) { // fractions of a second are dropped
            ++pos;
            while (digitAt(v, pos) >= 0)
                ++pos;
        }
    }
    if (pos == v.size())
        return true;
    if (v[pos] == u'Z' && pos + 1 == v.size()) {
        p.hasOffset = true;
        return true;
    }
    if (v[pos] != u'+' && v[pos] != u'-')
        return false;
    const int sign = v[pos++] == u'-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!readNumber(v, pos, 2, true, &oh))
        return false;
    if (pos < v.size() && v[pos] == u':')
        ++pos;
    if (pos < v.size() && !readNumber(v, pos, 2, true, &om))
        return false;
    if (pos != v.size() || oh > 18 || om > 59)
        return false;
    p.hasOffset = true;
    p.offsetSecs = sign * (oh * 3600 + om * 60);
    return true;
}

bool DateTransform::parsePattern(QStringView v, Parsed& p) const
{
    qsizetype pos = 0;
    for (int ti = 0; ti < m_tokens.size(); ++ti) {
        const Token& t = m_tokens[ti];
        if (pos == v.size()) {
            // The value stops where the time part would start: a date without time.
            for (int k = ti; k < m_tokens.size(); ++k) {
                const Tok kind = m_tokens[k].kind;
                if (kind != Tok::Hour && kind != Tok::Minute && kind != Tok::Second && kind != Tok::Literal)
                    return false;
                if (kind == Tok::Minute && p.h >= 0) // an hour without its minutes
                    return false;
            }
            return ti > 0;
        }
        switch (t.kind) {
        case Tok::Literal:
            if (v[pos] != t.literal)
                return false;
            ++pos;
            break;
        case Tok::Year4:
            if (!readNumber(v, pos, 4, true, &p.y))
                return false;
            break;
        case Tok::Year2:
            if (!readNumber(v, pos, 2, true, &p.y))
                return false;
            p.y += p.y < 50 ? 2000 : 1900;
            break;
        case Tok::Month:
            if (readUnknown(v, pos))
                p.mo = kUnknown;
            else if (!readNumber(v, pos, 2, t.fixedWidth, &p.mo) || p.mo < 1 || p.mo > 12)
                return false;
            break;
        case Tok::MonthName: {
            if (readUnknown(v, pos)) {
                p.mo = kUnknown;
                break;
            }
            bool found = false;
            for (int m = 0; m < 12 && !found; ++m) {
                if (v.mid(pos).startsWith(QLatin1String(kMonths[m]), Qt::CaseInsensitive)) {
                    p.mo = m + 1;
                    pos += 3;
                    found = true;
                }
            }
            if (!found)
                return false;
            break;
        }
        case Tok::Day:
            if (readUnknown(v, pos))
                p.d = kUnknown;
            else if (!readNumber(v, pos, 2, t.fixedWidth, &p.d) || p.d < 1)
                return false;
            break;
        case Tok::Hour:
            if (!readNumber(v, pos, 2, t.fixedWidth, &p.h))
                return false;
            break;
        case Tok::Minute:
            if (!readNumber(v, pos, 2, true, &p.mi))
                return false;
            break;
        case Tok::Second:
            if (!readNumber(v, pos, 2, true, &p.s))
                return false;
            break;
        }
    }
    return pos == v.size();
}

bool DateTransform::apply(Values& values, TransformContext& ctx) const
{
    for (QString& v : values) {
        if (v.isNull())
            continue;
        Parsed p;
        const bool parsed = m_iso ? parseIso(v, p) : parsePattern(v, p);
        const bool monthKnown = p.mo != kUnknown, dayKnown = p.d != kUnknown;
        if (!parsed || (monthKnown && dayKnown && !QDate::isValid(p.y, p.mo, p.d)) || p.h > 23 || p.mi > 59
            || p.s > 59 || (!monthKnown && dayKnown && !m_iso))
            return ctx.fail(QStringLiteral("date"),
                            QStringLiteral("'%1' is not a valid date in the format %2: correct the source, or the "
                                           "mapping's date format")
                                .arg(v, m_iso ? QStringLiteral("ISO 8601 (YYYY-MM-DD)") : m_format));
        if (!monthKnown || !dayKnown) {
            if (!m_keepPartial)
                return ctx.fail(QStringLiteral("partial_date"),
                                QStringLiteral("'%1' is a partial date and this mapping requires complete dates").arg(v));
            v = isoText(p.y, monthKnown ? p.mo : 0, 0, -1, 0, -1);
            continue;
        }
        if (p.h < 0) {
            v = isoText(p.y, p.mo, p.d, -1, 0, -1);
            continue;
        }
        constexpr qint64 kUnixEpochJulianDay = TimeZoneCache::UnixEpochJulianDay;
        const qint64 localSecs = (QDate(p.y, p.mo, p.d).toJulianDay() - kUnixEpochJulianDay) * 86400
            + p.h * 3600 + p.mi * 60 + qMax(p.s, 0);
        int offset = p.offsetSecs;
        if (!p.hasOffset) {
            QString zone = m_zone;
            if (zone == QLatin1String("site")) {
                zone = ctx.siteTimeZone();
                if (zone.isEmpty()) {
                    const QString site = ctx.siteId();
                    return ctx.fail(QStringLiteral("time_zone"),
                                    site.isNull()
                                        ? QStringLiteral("'%1' is in site time, but the record's site is not known "
                                                         "(see the subject's site): correct the site first")
                                              .arg(v)
                                        : QStringLiteral("'%1' is in site time, but site '%2' is not in the study: "
                                                         "add it with its time zone to the study document")
                                              .arg(v, site));
                }
            } else if (zone == QLatin1String("study")) {
                zone = ctx.study ? ctx.study->defaultTimeZone() : QStringLiteral("UTC");
            }
            offset = m_zones.offsetForLocal(zone, localSecs);
        }
        const qint64 utcSecs = localSecs - offset;
        const qint64 days = utcSecs >= 0 ? utcSecs / 86400 : (utcSecs - 86399) / 86400;
        const int secOfDay = int(utcSecs - days * 86400);
        const QDate utcDate = QDate::fromJulianDay(days + kUnixEpochJulianDay);
        v = isoText(utcDate.year(), utcDate.month(), utcDate.day(), secOfDay / 3600, secOfDay / 60 % 60,
                    p.s >= 0 ? secOfDay % 60 : -1);
    }
    return true;
}

} // namespace tb::core

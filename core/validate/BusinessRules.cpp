#include "validate/BusinessRules.h"

#include "model/PartialDate.h"
#include "model/CtmsSchema.h"
#include "study/StudyConfig.h"

#include <QDate>


namespace tb::core {

BusinessRules::BusinessRules(const StudyConfig& study, ReferenceData& reference)
    : m_study(study), m_reference(reference)
{
    const CtmsSchema& schema = study.schema();
    m_subject = schema.entity(QStringLiteral("subject"));
    m_visit = schema.entity(QStringLiteral("visit"));
    m_adverseEvent = schema.entity(QStringLiteral("adverse_event"));
    auto index = [](const EntityDef* e, const char* name) { return e ? e->indexOf(QLatin1String(name)) : -1; };
    m_visitCode = index(m_visit, "visit_code");
    m_visitDate = index(m_visit, "visit_date");
    m_referenceStart = index(m_subject, "reference_start_date");
    m_consent = index(m_subject, "informed_consent_date");
    m_aeStart = index(m_adverseEvent, "start_date");
    m_aeEnd = index(m_adverseEvent, "end_date");
}

int BusinessRules::studyDay(qint64 julianDay, qint64 referenceJulianDay)
{
    const qint64 offset = julianDay - referenceJulianDay;
    return int(offset >= 0 ? offset + 1 : offset);
}

bool BusinessRules::add(QVector<ValidationIssue>& out, const Record& r, const QString& field, const QString& rule,
                        const QString& message)
{
    const RuleSeverity severity = m_study.ruleSeverity(rule);
    if (severity == RuleSeverity::Off)
        return true;
    ValidationIssue is;
    is.severity = severity == RuleSeverity::Warn ? ValidationIssue::Severity::Warning : ValidationIssue::Severity::Error;
    is.entity = r.entity->name;
    is.naturalKey = r.naturalKeyJson();
    is.field = field;
    is.value = r.value(field);
    is.rule = rule;
    is.message = message;
    is.source = r.source;
    out << is;
    return severity != RuleSeverity::Reject;
}

bool BusinessRules::check(const Record& r, const Record* subject, QVector<ValidationIssue>& out)
{
    if (r.entity == m_subject)
        return checkSubject(r, out);
    if (r.entity == m_visit)
        return checkVisit(r, subject, out);
    if (r.entity == m_adverseEvent)
        return checkAdverseEvent(r, subject, out);
    return true;
}

bool BusinessRules::checkSubject(const Record& r, QVector<ValidationIssue>& out)
{
    const QString& site = r.value(r.entity->siteField);
    if (site.isNull() || m_reference.siteExists(r.value(r.entity->studyField), site))
        return true;
    return add(out, r, QStringLiteral("site_id"), QStringLiteral("site_exists"),
               QStringLiteral("Subject %1 belongs to site '%2', which study %3 does not have: add the site to the "
                              "study document or correct the subject's site in the EDC")
                   .arg(r.keyLabel(), site, r.value(r.entity->studyField)));
}

bool BusinessRules::checkVisit(const Record& r, const Record* subject, QVector<ValidationIssue>& out)
{
    if (!subject)
        return true;
    const QString& study = r.value(r.entity->studyField);
    const QString& code = r.value(m_visitCode);
    const auto window = m_reference.visitWindow(study, code);
    const auto visitDate = PartialDate::parse(r.value(m_visitDate));
    const QString& refText = subject->value(m_referenceStart);
    const auto ref = PartialDate::parse(refText);
    if (!window || !visitDate || !visitDate->isComplete() || !ref || !ref->isComplete())
        return true; // unscheduled visit, no date or no reference start: nothing to measure

    // The study day is counted in the site's local calendar, where the visit happened.
    qint64 day = visitDate->julianDay();
    if (visitDate->hasTime()) {
        const QString zone = m_reference.siteTimeZone(study, subject->value(subject->entity->siteField));
        if (!zone.isEmpty()) {
            const qint64 utc = visitDate->secsSinceEpoch();
            const qint64 local = utc + m_zones.offsetForUtc(zone, utc);
            day = (local >= 0 ? local / 86400 : (local - 86399) / 86400) + TimeZoneCache::UnixEpochJulianDay;
        }
    }
    const int actual = studyDay(day, ref->julianDay());
    // Offsets from the reference skip day 0, so windows are measured on offsets, not on day numbers.
    const qint64 plannedOffset = window->plannedDay > 0 ? window->plannedDay - 1 : window->plannedDay;
    const qint64 offset = day - ref->julianDay();
    if (offset >= plannedOffset - window->before && offset <= plannedOffset + window->after)
        return true;
    const int first = studyDay(ref->julianDay() + plannedOffset - window->before, ref->julianDay());
    const int last = studyDay(ref->julianDay() + plannedOffset + window->after, ref->julianDay());
    const QString localDate = QDate::fromJulianDay(day).toString(Qt::ISODate);
    return add(out, r, QStringLiteral("visit_date"), QStringLiteral("visit_window"),
               QStringLiteral("Visit %1 on %2 is study day %3, outside its window day %4 to %5 (planned day %6, "
                              "-%7/+%8, reference start %9): correct the visit date or the reference start date "
                              "in the EDC, or record a protocol deviation")
                   .arg(r.keyLabel(), visitDate->hasTime() ? localDate + QStringLiteral(" (site time)") : localDate)
                   .arg(actual)
                   .arg(first)
                   .arg(last)
                   .arg(window->plannedDay)
                   .arg(window->before)
                   .arg(window->after)
                   .arg(refText));
}

bool BusinessRules::checkAdverseEvent(const Record& r, const Record* subject, QVector<ValidationIssue>& out)
{
    bool ok = true;
    const QString& startText = r.value(m_aeStart);
    const auto start = PartialDate::parse(startText);
    if (!start)
        return true;
    if (subject) {
        const QString& consentText = subject->value(m_consent);
        if (const auto consent = PartialDate::parse(consentText)) {
            // Consent is a calendar date at the site: compare the AE's start on the site's calendar too.
            PartialDate localStart = *start;
            if (start->hasTime()) {
                const QString zone = m_reference.siteTimeZone(r.value(r.entity->studyField),
                                                              subject->value(subject->entity->siteField));
                const qint64 utc = start->secsSinceEpoch();
                const qint64 local = utc + (zone.isEmpty() ? 0 : m_zones.offsetForUtc(zone, utc));
                const QDate d = QDate::fromJulianDay((local >= 0 ? local / 86400 : (local - 86399) / 86400)
                                                     + TimeZoneCache::UnixEpochJulianDay);
                localStart = PartialDate::fromDate(d.year(), d.month(), d.day());
            }
            const auto cmp = PartialDate::compare(localStart, *consent);
            if (cmp && *cmp < 0)
                ok &= add(out, r, QStringLiteral("start_date"), QStringLiteral("ae_after_consent"),
                          QStringLiteral("Adverse event %1 starts %2, before informed consent on %3: an AE before "
                                         "consent belongs to medical history; correct the start date or the "
                                         "consent date in the EDC")
                              .arg(r.keyLabel(), startText, consentText));
        }
    }
    const QString& endText = r.value(m_aeEnd);
    if (const auto end = PartialDate::parse(endText)) {
        const auto cmp = PartialDate::compare(*end, *start);
        if (cmp && *cmp < 0)
            ok &= add(out, r, QStringLiteral("end_date"), QStringLiteral("ae_end_after_start"),
                      QStringLiteral("Adverse event %1 ends %2, before it starts %3: correct the start or end "
                                     "date in the EDC")
                          .arg(r.keyLabel(), endText, startText));
    }
    return ok;
}

} // namespace tb::core

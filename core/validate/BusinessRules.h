#pragma once

#include "model/Record.h"
#include "model/ReferenceData.h"
#include "util/TimeZoneCache.h"
#include "validate/ValidationIssue.h"

#include <QVector>


namespace tb::core {

class StudyConfig;

// Rules across records: a subject's site exists; a visit lies in its window relative to the subject's
// reference start; an AE starts no earlier than informed consent and ends no earlier than it starts.
// Each rule's severity (reject, warn, off) comes from the study document.
class BusinessRules
{
public:
    BusinessRules(const StudyConfig& study, ReferenceData& reference);

    // Checks r; subject is the unit's subject (nullptr when not known). Appends to out; returns false
    // when an error (not a warning) was found.
    bool check(const Record& r, const Record* subject, QVector<ValidationIssue>& out);

    // Study day of a date relative to the reference start (SDTM: day 1 is the reference date, no day 0).
    static int studyDay(qint64 julianDay, qint64 referenceJulianDay);

private:
    bool add(QVector<ValidationIssue>& out, const Record& r, const QString& field, const QString& rule,
             const QString& message);
    bool checkSubject(const Record& r, QVector<ValidationIssue>& out);
    bool checkVisit(const Record& r, const Record* subject, QVector<ValidationIssue>& out);
    bool checkAdverseEvent(const Record& r, const Record* subject, QVector<ValidationIssue>& out);

    const StudyConfig& m_study;
    ReferenceData& m_reference;
    TimeZoneCache m_zones;
    // Entities and field indexes the rules read, resolved once (records are checked by the million).
    const EntityDef* m_subject = nullptr;
    const EntityDef* m_visit = nullptr;
    const EntityDef* m_adverseEvent = nullptr;
    int m_visitCode = -1, m_visitDate = -1, m_referenceStart = -1, m_consent = -1, m_aeStart = -1, m_aeEnd = -1;
};

} // namespace tb::core

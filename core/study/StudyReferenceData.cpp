#include "study/StudyReferenceData.h"

#include "study/StudyConfig.h"

namespace tb::core {

StudyReferenceData::StudyReferenceData(std::shared_ptr<const StudyConfig> study) : m_study(std::move(study))
{
}

const Record* StudyReferenceData::find(const QString& entity, const QString& field, const QString& value,
                                       const QString& studyId) const
{
    const Record* found = nullptr;
    for (const Record& r : m_study->records()) {
        if (r.entity->name != entity || r.value(field) != value)
            continue;
        if (!studyId.isEmpty() && r.entity->studyField >= 0 && r.value(r.entity->studyField) != studyId)
            continue;
        if (found)
            return nullptr; // ambiguous, as the database's lookup
        found = &r;
    }
    return found;
}

bool StudyReferenceData::siteExists(const QString& studyId, const QString& siteId)
{
    return find(QStringLiteral("site"), QStringLiteral("site_id"), siteId, studyId) != nullptr;
}

QString StudyReferenceData::siteTimeZone(const QString& studyId, const QString& siteId)
{
    const Record* site = find(QStringLiteral("site"), QStringLiteral("site_id"), siteId, studyId);
    return site ? site->value(QStringLiteral("time_zone")) : QString();
}

std::optional<VisitWindow> StudyReferenceData::visitWindow(const QString& studyId, const QString& visitCode)
{
    const Record* v =
        find(QStringLiteral("visit_schedule"), QStringLiteral("visit_code"), visitCode, studyId);
    if (!v)
        return std::nullopt;
    return VisitWindow{v->value(QStringLiteral("planned_day")).toInt(),
                       v->value(QStringLiteral("window_before")).toInt(),
                       v->value(QStringLiteral("window_after")).toInt()};
}

std::optional<QString> StudyReferenceData::lookup(const QString& entity, const QString& matchField,
                                                  const QString& value, const QString& returnField,
                                                  const QString& studyId)
{
    const Record* r = find(entity, matchField, value, studyId);
    if (!r)
        return std::nullopt;
    return r->value(returnField);
}

} // namespace tb::core

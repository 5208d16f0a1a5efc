#pragma once

#include "model/ReferenceData.h"

#include <memory>

namespace tb::core {

class StudyConfig;
struct Record;

// ReferenceData answered from a study document's own records (sites with their time zones, the visit
// schedule, and lookups into those entities): what a run would find in the CTMS right after it loaded the
// study records. For the designer's preview, which must not open the workspace's target database.
class StudyReferenceData final : public ReferenceData
{
public:
    explicit StudyReferenceData(std::shared_ptr<const StudyConfig> study);

    bool siteExists(const QString& studyId, const QString& siteId) override;
    QString siteTimeZone(const QString& studyId, const QString& siteId) override;
    std::optional<VisitWindow> visitWindow(const QString& studyId, const QString& visitCode) override;
    // Like the database's lookup: one matching record gives its value; none or two give nothing.
    std::optional<QString> lookup(const QString& entity, const QString& matchField, const QString& value,
                                  const QString& returnField, const QString& studyId) override;

private:
    const Record* find(const QString& entity, const QString& field, const QString& value,
                       const QString& studyId) const;

    std::shared_ptr<const StudyConfig> m_study;
};

} // namespace tb::core

#pragma once

#include <QString>

#include <optional>

namespace tb::core {

struct VisitWindow
{
    int plannedDay = 0;
    int before = 0;
    int after = 0;
};

// What transforms and rules need to know beyond the record in hand — sites, time zones, visit windows,
// lookups into loaded entities — answered from the target database (and what this run loaded so far).
class ReferenceData
{
public:
    virtual ~ReferenceData() = default;
    virtual bool siteExists(const QString& studyId, const QString& siteId) = 0;
    virtual QString siteTimeZone(const QString& studyId, const QString& siteId) = 0; // empty when unknown
    virtual std::optional<VisitWindow> visitWindow(const QString& studyId, const QString& visitCode) = 0;
    // The returnField of the entity row whose matchField equals value (within studyId when not empty).
    virtual std::optional<QString> lookup(const QString& entity, const QString& matchField, const QString& value,
                                          const QString& returnField, const QString& studyId) = 0;
};

} // namespace tb::core

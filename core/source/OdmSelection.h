#pragma once

#include <QJsonObject>
#include <QStringList>

namespace tb::core {

struct OdmClinicalRecord;

// Which records of an ODM file a mapping reads (its "source" section with "kind": "odm"):
//   "level": "subject" | "studyEvent" | "form" | "itemGroup"
//   "studyEvents", "forms", "itemGroups": OIDs to keep (empty: all)
// e.g. {"kind": "odm", "level": "itemGroup", "itemGroups": ["IG_ADVER_AELOG"]}.
struct OdmSelection
{
    enum class Level { Subject, StudyEvent, Form, ItemGroup };

    Level level = Level::Subject;
    QStringList studyEvents, forms, itemGroups;

    // Reads the members above from a source section; errors name the member ("source.level: ...").
    static bool fromJson(const QJsonObject& source, OdmSelection* out, QString* error);
    void writeTo(QJsonObject& source) const;
    static QString levelName(Level level);
    // Whether a record read from the file is one this selection keeps.
    bool matches(const OdmClinicalRecord& record) const;
};

} // namespace tb::core

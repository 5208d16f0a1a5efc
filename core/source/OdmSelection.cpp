#include "source/OdmSelection.h"

#include "source/OdmClinicalRecord.h"

#include <QJsonArray>

namespace tb::core {

namespace {

const char* const LevelNames[] = {"subject", "studyEvent", "form", "itemGroup"};

OdmClinicalRecord::Level recordLevel(OdmSelection::Level l)
{
    switch (l) {
    case OdmSelection::Level::Subject:
        return OdmClinicalRecord::Level::Subject;
    case OdmSelection::Level::StudyEvent:
        return OdmClinicalRecord::Level::StudyEvent;
    case OdmSelection::Level::Form:
        return OdmClinicalRecord::Level::Form;
    case OdmSelection::Level::ItemGroup:
        return OdmClinicalRecord::Level::ItemGroup;
    }
    return OdmClinicalRecord::Level::Subject;
}

} // namespace

QString OdmSelection::levelName(Level level)
{
    return QLatin1String(LevelNames[int(level)]);
}

bool OdmSelection::fromJson(const QJsonObject& source, OdmSelection* out, QString* error)
{
    *out = OdmSelection();
    const QJsonValue level = source.value(QLatin1String("level"));
    bool found = false;
    for (int i = 0; i < 4; ++i)
        if (level.toString() == QLatin1String(LevelNames[i])) {
            out->level = Level(i);
            found = true;
        }
    if (!found) {
        *error = QStringLiteral("source.level: required for ODM, one of \"subject\", \"studyEvent\", \"form\", \"itemGroup\"");
        return false;
    }
    for (const auto& [name, list] : {std::pair{"studyEvents", &out->studyEvents}, std::pair{"forms", &out->forms},
                                     std::pair{"itemGroups", &out->itemGroups}}) {
        const QJsonValue v = source.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isArray()) {
            *error = QStringLiteral("source.%1: must be a list of OIDs").arg(QLatin1String(name));
            return false;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a[i].isString() || a[i].toString().isEmpty()) {
                *error = QStringLiteral("source.%1[%2]: must be an OID").arg(QLatin1String(name)).arg(i);
                return false;
            }
            *list << a[i].toString();
        }
    }
    return true;
}

void OdmSelection::writeTo(QJsonObject& source) const
{
    source.insert(QStringLiteral("level"), levelName(level));
    for (const auto& [name, list] : {std::pair{"studyEvents", &studyEvents}, std::pair{"forms", &forms},
                                     std::pair{"itemGroups", &itemGroups}})
        if (!list->isEmpty())
            source.insert(QLatin1String(name), QJsonArray::fromStringList(*list));
}

bool OdmSelection::matches(const OdmClinicalRecord& r) const
{
    return r.level == recordLevel(level) &&
           (studyEvents.isEmpty() || studyEvents.contains(r.studyEventOid)) &&
           (forms.isEmpty() || forms.contains(r.formOid)) &&
           (itemGroups.isEmpty() || itemGroups.contains(r.itemGroupOid));
}

} // namespace tb::core

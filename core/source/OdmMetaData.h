#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace tb::core {

struct OdmCodeListItem
{
    QString codedValue;
    QString decode; // empty for an EnumeratedItem
};

// A CodeList (or OpenClinica's MultiSelectList, whose values list several codes: "1,3").
struct OdmCodeList
{
    QString oid;
    QString name;
    QString dataType;
    bool multiSelect = false;
    std::vector<OdmCodeListItem> items;

    // The codelist as a mapping's value map: {"map": {coded: decode}, "unmapped": "reject", "codelist": OID}.
    // An item without a decode maps to itself.
    QJsonObject valueMap() const;
};

struct OdmItemDef
{
    QString oid;
    QString name;
    QString label;       // the Question's text, else the Description's, else the Comment, else Name
    QString dataType;    // text, integer, float, date, datetime, ... as written
    int length = 0;
    QString codeListOid; // CodeListRef (or OpenClinica:MultiSelectListRef)
    QString sasFieldName;
    QString unitOid;     // MeasurementUnitRef
};

struct OdmItemGroupDef
{
    QString oid;
    QString name;
    QString type;       // ODM 2.0: Form, Section, Dataset, Concept
    QString domain;
    bool repeating = false; // Repeating="Yes" (2.0 also Simple, Dynamic, Static)
    QStringList itemOids;
    QStringList itemGroupOids; // ODM 2.0: nested groups
};

struct OdmFormDef
{
    QString oid;
    QString name;
    bool repeating = false;
    QStringList itemGroupOids;
};

struct OdmStudyEventDef
{
    QString oid;
    QString name;
    QString type; // Scheduled, Unscheduled, Common
    bool repeating = false;
    QStringList formOids;      // ODM 1.3 FormRef
    QStringList itemGroupOids; // ODM 2.0 ItemGroupRef (forms are item groups)
};

// A definitions table kept in file order with an index by OID.
template <typename T>
struct OdmDefinitions
{
    using value_type = T;
    std::vector<T> list;
    QHash<QString, int> index;

    const T* find(const QString& oid) const
    {
        const auto it = index.constFind(oid);
        return it == index.cend() ? nullptr : &list[size_t(*it)];
    }
    // A later definition with the same OID replaces the earlier one.
    T& add(const QString& oid)
    {
        const auto it = index.constFind(oid);
        if (it != index.cend()) {
            list[size_t(*it)] = T();
            list[size_t(*it)].oid = oid;
            return list[size_t(*it)];
        }
        index.insert(oid, int(list.size()));
        list.push_back(T());
        list.back().oid = oid;
        return list.back();
    }
};

struct OdmMetaDataVersion
{
    QString studyOid;
    QString oid;
    QString name;
    QString includeStudyOid; // Include: this version extends another one
    QString includeMetaDataVersionOid;
    QStringList protocolOrder; // Protocol/StudyEventRef, in order
    OdmDefinitions<OdmStudyEventDef> studyEvents;
    OdmDefinitions<OdmFormDef> forms;
    OdmDefinitions<OdmItemGroupDef> itemGroups;
    OdmDefinitions<OdmItemDef> items;
    OdmDefinitions<OdmCodeList> codeLists;
};

struct OdmStudy
{
    QString oid;
    QString name;
    QString protocolName;
    std::vector<OdmMetaDataVersion> versions;
};

struct OdmUser
{
    QString oid;
    QString fullName; // FullName, else "FirstName LastName"
    QString organization;
};

struct OdmLocation
{
    QString oid;
    QString name;
    QString type; // Sponsor, Site, CRO, Lab, Other
};

// One item as the mapping side sees it: where it sits (its OID path through event, form and group),
// what it is called, its type and its codelist. An item used in several places appears once per place.
struct OdmField
{
    QString studyOid;
    QString metaDataVersionOid;
    QString path; // "SE_VISIT1/F_DEMOG/IG_DEMOG/I_AGE"; parts absent from the metadata are left out
    QString studyEventOid, formOid, itemGroupOid, itemOid;
    bool repeatingGroup = false;
    QString name, label, dataType, codeListOid;
    int length = 0;
};

// The metadata of an ODM file: studies with their MetaDataVersions (Include followed), and AdminData's
// users and locations. Kept whole in memory: it grows with the number of definitions, not with the data.
class OdmMetaData
{
public:
    const std::vector<OdmStudy>& studies() const { return m_studies; }
    const OdmStudy* study(const QString& oid) const;
    const OdmMetaDataVersion* metaDataVersion(const QString& studyOid, const QString& oid) const;
    // The version a version includes, or null (also when it is missing from the file).
    const OdmMetaDataVersion* included(const OdmMetaDataVersion& v) const;

    // Definitions as seen from a version: its own first, then those of the versions it includes.
    const OdmStudyEventDef* studyEventDef(const OdmMetaDataVersion& v, const QString& oid) const;
    const OdmFormDef* formDef(const OdmMetaDataVersion& v, const QString& oid) const;
    const OdmItemGroupDef* itemGroupDef(const OdmMetaDataVersion& v, const QString& oid) const;
    const OdmItemDef* itemDef(const OdmMetaDataVersion& v, const QString& oid) const;
    const OdmCodeList* codeList(const OdmMetaDataVersion& v, const QString& oid) const;

    // The study at the top of a study's Include chain (the study itself without one). OpenClinica writes a
    // study per site whose version includes the parent study's: those are site-level studies.
    QString mainStudyOid(const QString& studyOid) const;
    bool isSiteStudy(const QString& studyOid) const { return mainStudyOid(studyOid) != studyOid; }

    // Every item of a version with its OID paths (events in Protocol order, then the rest; forms, groups and
    // items reached from no event are listed with the path they have). Without arguments: the versions
    // that include no other (the main studies'), or all when every version includes another.
    std::vector<OdmField> fields(const QString& studyOid, const QString& metaDataVersionOid) const;
    std::vector<OdmField> fields() const;

    const QHash<QString, OdmUser>& users() const { return m_users; }
    const QHash<QString, OdmLocation>& locations() const { return m_locations; }

    // {"studies": [...], "fields": [...], "codeLists": {OID: {"name", "dataType", "valueMap"}}}
    QJsonObject toJson() const;

    // Building, for the reader.
    OdmStudy& addStudy(const QString& oid);
    OdmMetaDataVersion& addVersion(OdmStudy& study, const QString& oid);
    OdmUser& addUser(const QString& oid) { return m_users[oid]; }
    OdmLocation& addLocation(const QString& oid) { return m_locations[oid]; }
    void clear();

private:
    template <typename T, typename Table>
    const T* lookup(const OdmMetaDataVersion& v, const QString& oid, Table OdmMetaDataVersion::*table) const;
    void collectFields(const OdmMetaDataVersion& v, std::vector<OdmField>& out) const;

    std::vector<OdmStudy> m_studies;
    QHash<QString, OdmUser> m_users;
    QHash<QString, OdmLocation> m_locations;
};

} // namespace tb::core

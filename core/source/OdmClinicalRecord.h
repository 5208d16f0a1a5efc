#pragma once

#include "source/SourceLocation.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace tb::core {

// ODM's TransactionType. None: neither the element nor any of its parents carries one.
enum class OdmTransaction : quint8 { None, Insert, Update, Upsert, Remove, Context };

QString odmTransactionName(OdmTransaction t); // "Insert", ...; "" for None
// False for anything but the five names ODM defines (case matters, as in the schema).
bool parseOdmTransaction(QStringView text, OdmTransaction* out);

// Appends an XPath step "/Element[@Key='value'][@Key2='value2']" (a predicate only when its value is not
// empty; double quotes around a value holding an apostrophe).
void appendOdmXPathStep(QString& path, QLatin1StringView element, QLatin1StringView key = {},
                        const QString& value = {}, QLatin1StringView key2 = {}, const QString& value2 = {});

// An ODM AuditRecord: who changed clinical data, where, when, why, and from which source document.
// User and location are OIDs of AdminData's User and Location; OdmMetaData names them.
struct OdmAuditRecord
{
    QString userOid;
    QString locationOid;
    QString dateTimeStamp;   // as written (ISO 8601)
    QString reasonForChange;
    QString sourceId;
    QString editPoint;       // Monitoring, DataManagement, DBAudit (optional)
    qint64 line = 0;         // where the AuditRecord starts

    bool operator==(const OdmAuditRecord& o) const;
};

// An attribute from a vendor's namespace (OpenClinica, Medidata mdsol:, REDCap, ...), kept as written.
struct OdmVendorAttribute
{
    QString namespaceUri;
    QString name;          // local name: "Status"
    QString qualifiedName; // as written: "OpenClinica:Status"
    QString value;
};

// One ItemData: its value and the provenance that applies to it.
struct OdmItemValue
{
    QString itemOid;
    QString value;                // null when absent or IsNull="Yes"
    QStringList moreValues;       // ODM 2.0: the second and later <Value> elements (rare)
    bool isNull = false;          // IsNull="Yes": the value is set to null on purpose
    OdmTransaction transaction = OdmTransaction::None; // own or inherited
    std::shared_ptr<const OdmAuditRecord> audit;       // own or inherited; null when none applies
    QString itemGroupOid;         // the ItemGroupData it is in (differs from the record's on Form records)
    qint64 line = 0;
    quint8 auditDepth = 0;        // nesting depth of the element the audit came from (0: none)
};

// One clinical entity of an ODM file, flattened with its context, in document order, parents before
// children. Levels: a SubjectData, a StudyEventData, a FormData (ODM 2.0: an ItemGroupData whose
// ItemGroupDef has Type="Form") and an ItemGroupData occurrence. ItemGroup records carry their own
// ItemData; Form records carry the ItemData of their non-repeating item groups as well (a form as one
// row: REDCap puts every field in a group of its own), repeating groups come as ItemGroup records only.
struct OdmClinicalRecord
{
    enum class Level : quint8 { Subject, StudyEvent, Form, ItemGroup };

    Level level = Level::Subject;
    bool odm2 = false;            // ODM 2.0: forms are ItemGroupData, there is no FormData element
    QString file;                 // as given to the reader
    qint64 line = 0;              // line of the element's start tag (where it ends)
    qint64 column = 0;
    qint64 subjectSeq = -1;       // ordinal of the SubjectData element in the file (-1: outside one)

    QString studyOid;             // ClinicalData/@StudyOID as written
    QString mainStudyOid;         // the study at the top of the metadata's Include chain (OpenClinica's parent)
    QString metaDataVersionOid;
    QString siteOid;              // see OdmReader: SiteRef, a site-level study, or a data access group
    QString subjectKey;
    QString subjectStatus;        // a vendor's subject status (OpenClinica:Status, mdsol:Status), if any
    QString studyEventOid, studyEventRepeatKey;
    QString formOid, formRepeatKey;
    QString itemGroupOid, itemGroupRepeatKey;
    struct GroupRef
    {
        QString oid, repeatKey;
    };
    std::vector<GroupRef> outerItemGroups; // ODM 2.0: item groups between the form and this one

    OdmTransaction ownTransaction = OdmTransaction::None; // as written on this element
    OdmTransaction transaction = OdmTransaction::None;    // own or inherited
    std::shared_ptr<const OdmAuditRecord> audit;          // own or inherited
    std::vector<OdmVendorAttribute> vendorAttributes;     // of this element
    std::vector<OdmItemValue> items;
    quint8 auditDepth = 0;

    QString levelName() const; // SubjectData, StudyEventData, FormData, ItemGroupData
    // XPath-like place: /ODM/ClinicalData[@StudyOID='S_101'][@MetaDataVersionOID='v1']/SubjectData[@SubjectKey=
    // 'SS_1']/StudyEventData[@StudyEventOID='SE_1'][@StudyEventRepeatKey='1']/...
    QString xpath() const;
    QString itemXPath(const OdmItemValue& item) const;
    SourceLocation location() const; // file, line, column; field = xpath()
    // The first item with this OID, or null.
    const OdmItemValue* item(QStringView itemOid) const;
    // A vendor attribute by its local name (any namespace) or its qualified name as written.
    QString vendorAttribute(QStringView name) const;
};

} // namespace tb::core

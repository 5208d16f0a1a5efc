#include "source/OdmClinicalRecord.h"

namespace tb::core {

namespace {

// [@Name='value'], with double quotes when the value holds an apostrophe (XPath 1.0 literals).
void appendPredicate(QString& s, QLatin1StringView name, const QString& value)
{
    const QChar quote = value.contains(QLatin1Char('\'')) ? QLatin1Char('"') : QLatin1Char('\'');
    s += QLatin1String("[@");
    s += name;
    s += QLatin1Char('=');
    s += quote;
    s += value;
    s += quote;
    s += QLatin1Char(']');
}

} // namespace

void appendOdmXPathStep(QString& s, QLatin1StringView element, QLatin1StringView key, const QString& value,
                        QLatin1StringView key2, const QString& value2)
{
    s += QLatin1Char('/');
    s += element;
    if (!key.isEmpty() && !value.isEmpty())
        appendPredicate(s, key, value);
    if (!key2.isEmpty() && !value2.isEmpty())
        appendPredicate(s, key2, value2);
}

QString odmTransactionName(OdmTransaction t)
{
    switch (t) {
    case OdmTransaction::None: return {};
    case OdmTransaction::Insert: return QStringLiteral("Insert");
    case OdmTransaction::Update: return QStringLiteral("Update");
    case OdmTransaction::Upsert: return QStringLiteral("Upsert");
    case OdmTransaction::Remove: return QStringLiteral("Remove");
    case OdmTransaction::Context: return QStringLiteral("Context");
    }
    return {};
}

bool parseOdmTransaction(QStringView text, OdmTransaction* out)
{
    static const struct
    {
        QLatin1StringView name;
        OdmTransaction value;
    } names[] = {{QLatin1StringView("Insert"), OdmTransaction::Insert},
                 {QLatin1StringView("Update"), OdmTransaction::Update},
                 {QLatin1StringView("Upsert"), OdmTransaction::Upsert},
                 {QLatin1StringView("Remove"), OdmTransaction::Remove},
                 {QLatin1StringView("Context"), OdmTransaction::Context}};
    for (const auto& n : names)
        if (text == n.name) {
            *out = n.value;
            return true;
        }
    return false;
}

bool OdmAuditRecord::operator==(const OdmAuditRecord& o) const
{
    return userOid == o.userOid && locationOid == o.locationOid && dateTimeStamp == o.dateTimeStamp
        && reasonForChange == o.reasonForChange && sourceId == o.sourceId && editPoint == o.editPoint;
}

QString OdmClinicalRecord::levelName() const
{
    switch (level) {
    case Level::Subject: return QStringLiteral("SubjectData");
    case Level::StudyEvent: return QStringLiteral("StudyEventData");
    case Level::Form: return odm2 ? QStringLiteral("ItemGroupData") : QStringLiteral("FormData");
    case Level::ItemGroup: return QStringLiteral("ItemGroupData");
    }
    return {};
}

QString OdmClinicalRecord::xpath() const
{
    QString s;
    s.reserve(160);
    s += QLatin1String("/ODM");
    appendOdmXPathStep(s, QLatin1StringView("ClinicalData"), QLatin1StringView("StudyOID"), studyOid,
                       QLatin1StringView("MetaDataVersionOID"), metaDataVersionOid);
    if (!subjectKey.isNull())
        appendOdmXPathStep(s, QLatin1StringView("SubjectData"), QLatin1StringView("SubjectKey"), subjectKey);
    if (level == Level::Subject)
        return s;
    if (!studyEventOid.isNull())
        appendOdmXPathStep(s, QLatin1StringView("StudyEventData"), QLatin1StringView("StudyEventOID"), studyEventOid,
                   QLatin1StringView("StudyEventRepeatKey"), studyEventRepeatKey);
    if (level == Level::StudyEvent)
        return s;
    if (!formOid.isNull()) {
        if (odm2)
            appendOdmXPathStep(s, QLatin1StringView("ItemGroupData"), QLatin1StringView("ItemGroupOID"), formOid,
                       QLatin1StringView("ItemGroupRepeatKey"), formRepeatKey);
        else
            appendOdmXPathStep(s, QLatin1StringView("FormData"), QLatin1StringView("FormOID"), formOid,
                       QLatin1StringView("FormRepeatKey"), formRepeatKey);
    }
    if (level == Level::Form)
        return s;
    for (const GroupRef& outer : outerItemGroups)
        appendOdmXPathStep(s, QLatin1StringView("ItemGroupData"), QLatin1StringView("ItemGroupOID"), outer.oid,
                   QLatin1StringView("ItemGroupRepeatKey"), outer.repeatKey);
    appendOdmXPathStep(s, QLatin1StringView("ItemGroupData"), QLatin1StringView("ItemGroupOID"), itemGroupOid,
               QLatin1StringView("ItemGroupRepeatKey"), itemGroupRepeatKey);
    return s;
}

QString OdmClinicalRecord::itemXPath(const OdmItemValue& item) const
{
    QString s = xpath();
    if (level == Level::Form && item.itemGroupOid != formOid)
        appendOdmXPathStep(s, QLatin1StringView("ItemGroupData"), QLatin1StringView("ItemGroupOID"), item.itemGroupOid);
    appendOdmXPathStep(s, QLatin1StringView("ItemData"), QLatin1StringView("ItemOID"), item.itemOid);
    return s;
}

SourceLocation OdmClinicalRecord::location() const
{
    SourceLocation l;
    l.file = file;
    l.line = line;
    l.column = column;
    l.field = xpath();
    return l;
}

const OdmItemValue* OdmClinicalRecord::item(QStringView itemOid) const
{
    for (const OdmItemValue& v : items)
        if (v.itemOid == itemOid)
            return &v;
    return nullptr;
}

QString OdmClinicalRecord::vendorAttribute(QStringView name) const
{
    for (const OdmVendorAttribute& a : vendorAttributes)
        if (a.name == name || a.qualifiedName == name)
            return a.value;
    return {};
}

} // namespace tb::core

#include "source/OdmRecordSource.h"

#include "source/OdmReader.h"

#include <QHash>

namespace tb::core {

namespace {

const char* const ContextColumns[] = {
    "StudyOID", "SiteOID", "SubjectKey", "SubjectStatus", "StudyEventOID", "StudyEventRepeatKey", "FormOID",
    "FormRepeatKey", "ItemGroupOID", "ItemGroupRepeatKey", "TransactionType", "AuditUserOID", "AuditUser",
    "AuditLocationOID", "AuditDateTimeStamp", "AuditReasonForChange", "AuditSourceID"};
constexpr int ContextCount = int(sizeof ContextColumns / sizeof *ContextColumns);

// The vendor attributes of a record's element and of the elements above it, as "<Element>@<name>" columns.
class Ancestry
{
public:
    void add(const OdmClinicalRecord& r)
    {
        const int depth = int(r.level);
        m_levels.resize(size_t(depth) + 1);
        m_levels[size_t(depth)].clear();
        for (const OdmVendorAttribute& a : r.vendorAttributes)
            m_levels[size_t(depth)].emplace_back(r.levelName() + QLatin1Char('@') + a.qualifiedName, a.value);
    }
    template <typename F> void forEach(const OdmClinicalRecord& r, F f) const
    {
        for (int d = 0; d <= int(r.level) && d < int(m_levels.size()); ++d)
            for (const auto& [name, value] : m_levels[size_t(d)])
                f(name, value);
    }

private:
    std::vector<std::vector<std::pair<QString, QString>>> m_levels;
};

} // namespace

OdmRecordSource::OdmRecordSource(const OdmSelection& selection)
    : m_selection(selection)
{
}

OdmRecordSource::~OdmRecordSource() = default;

bool OdmRecordSource::fail(const SourceError& error)
{
    m_error = error;
    return false;
}

QStringList OdmRecordSource::contextColumns()
{
    QStringList columns;
    for (const char* c : ContextColumns)
        columns << QLatin1String(c);
    return columns;
}

bool OdmRecordSource::open(const QString& path)
{
    m_path = path;
    m_error = SourceError();
    m_header.clear();

    // First pass: the columns. Items the metadata defines for the selected groups come first, so that a
    // mapping may name an item no record of this file happens to carry.
    QStringList vendorColumns, itemColumns;
    QSet<QString> seen;
    auto addItem = [&](const QString& oid) {
        if (!seen.contains(oid)) {
            seen.insert(oid);
            itemColumns << oid;
        }
    };
    {
        OdmReader reader;
        if (!reader.open(path))
            return fail(reader.error());
        const bool withItems = m_selection.level == OdmSelection::Level::Form || m_selection.level == OdmSelection::Level::ItemGroup;
        if (withItems)
            for (const OdmField& f : reader.metaData().fields())
                if ((m_selection.studyEvents.isEmpty() || f.studyEventOid.isEmpty() || m_selection.studyEvents.contains(f.studyEventOid))
                    && (m_selection.forms.isEmpty() || m_selection.forms.contains(f.formOid))
                    && (m_selection.itemGroups.isEmpty() || m_selection.itemGroups.contains(f.itemGroupOid)))
                    addItem(f.itemOid);
        Ancestry ancestry;
        QSet<QString> vendorSeen;
        while (reader.next()) {
            const OdmClinicalRecord& r = reader.record();
            ancestry.add(r);
            if (!m_selection.matches(r))
                continue;
            ancestry.forEach(r, [&](const QString& name, const QString&) {
                if (!vendorSeen.contains(name)) {
                    vendorSeen.insert(name);
                    vendorColumns << name;
                }
            });
            if (withItems)
                for (const OdmItemValue& v : r.items)
                    addItem(v.itemOid);
        }
        if (reader.hasError())
            return fail(reader.error());
    }
    m_header = contextColumns();
    m_header << vendorColumns;
    m_firstItemColumn = int(m_header.size());
    m_header << itemColumns << QStringLiteral("@line") << QStringLiteral("@xpath");
    m_lineColumn = int(m_header.size()) - 2;
    m_xpathColumn = int(m_header.size()) - 1;
    if (QSet<QString>(m_header.begin(), m_header.end()).size() != m_header.size()) {
        SourceError e;
        e.where.file = path;
        e.message = QStringLiteral("an ItemOID or vendor attribute has the name of a context column (%1)")
                        .arg(m_header.join(QStringLiteral(", ")));
        return fail(e);
    }
    QHash<QString, int> columnOf;
    for (int i = 0; i < m_header.size(); ++i)
        columnOf.insert(m_header[i], i);

    // Second pass: the records, into the spill file.
    QString spillError;
    // One hidden column more: the items an Update names.
    if (!m_spill.create(QStringList(m_header) << QStringLiteral("@named"), QStringLiteral("ODM records"), &spillError)) {
        SourceError e;
        e.where.file = path;
        e.message = spillError;
        return fail(e);
    }
    OdmReader reader;
    if (!reader.open(path))
        return fail(reader.error());
    const auto& users = reader.metaData().users();
    std::vector<QString> row(size_t(m_header.size()) + 1);
    const size_t namedColumn = size_t(m_header.size());
    Ancestry ancestry;
    while (reader.next()) {
        const OdmClinicalRecord& r = reader.record();
        ancestry.add(r);
        if (!m_selection.matches(r) || r.transaction == OdmTransaction::Context)
            continue;
        std::fill(row.begin(), row.end(), QString());
        const QString* context[ContextCount] = {&r.studyOid, &r.siteOid, &r.subjectKey, &r.subjectStatus, &r.studyEventOid,
                                                &r.studyEventRepeatKey, &r.formOid, &r.formRepeatKey, &r.itemGroupOid,
                                                &r.itemGroupRepeatKey};
        for (int i = 0; i < 10; ++i)
            row[size_t(i)] = *context[i];
        row[10] = odmTransactionName(r.transaction);
        if (r.audit) {
            row[11] = r.audit->userOid;
            row[12] = users.value(r.audit->userOid).fullName;
            row[13] = r.audit->locationOid;
            row[14] = r.audit->dateTimeStamp;
            row[15] = r.audit->reasonForChange;
            row[16] = r.audit->sourceId;
        }
        // Every name was seen by the first pass, unless the file changed in between.
        bool known = true;
        auto cell = [&](const QString& name) -> QString& {
            const auto it = columnOf.constFind(name);
            known = known && it != columnOf.cend();
            return row[size_t(it != columnOf.cend() ? *it : m_xpathColumn)];
        };
        ancestry.forEach(r, [&](const QString& name, const QString& value) { cell(name) = value; });
        QStringList named;
        for (const OdmItemValue& v : r.items) {
            QString& c = cell(v.itemOid);
            if (c.isNull() && !v.isNull)
                c = v.value;
            if (r.transaction == OdmTransaction::Update)
                named << v.itemOid;
        }
        // An OID is an xs:token without spaces in practice; a space separates them.
        row[namedColumn] = named.join(QLatin1Char(' '));
        if (!known) {
            SourceError e;
            e.where = r.location();
            e.message = QStringLiteral("the file changed while it was being read: run again");
            return fail(e);
        }
        row[size_t(m_lineColumn)] = QString::number(r.line);
        row[size_t(m_xpathColumn)] = r.xpath();
        if (!m_spill.append(row))
            break;
    }
    if (reader.hasError())
        return fail(reader.error());
    if (!m_spill.finish(&spillError)) {
        SourceError e;
        e.where.file = path;
        e.message = spillError;
        return fail(e);
    }
    return true;
}

bool OdmRecordSource::next()
{
    return m_error.isNull() && m_spill.reader().next();
}

SourceLocation OdmRecordSource::location() const
{
    const std::vector<QString>& f = m_spill.reader().fields();
    if (f.size() != size_t(m_header.size()) + 1)
        return {m_path, 0, 0, QString()};
    return {m_path, f[size_t(m_lineColumn)].toLongLong(), 0, f[size_t(m_xpathColumn)]};
}

QString OdmRecordSource::provenance() const
{
    const std::vector<QString>& f = m_spill.reader().fields();
    if (f.size() != size_t(m_header.size()) + 1)
        return {};
    // Columns 11 to 16: AuditUserOID, AuditUser, AuditLocationOID, AuditDateTimeStamp, AuditReasonForChange,
    // AuditSourceID.
    QStringList parts;
    if (!f[15].isEmpty())
        parts << f[15];
    if (!f[11].isEmpty())
        parts << (f[12].isEmpty() ? QStringLiteral("user %1").arg(f[11]) : QStringLiteral("user %1 (%2)").arg(f[12], f[11]));
    if (!f[13].isEmpty())
        parts << QStringLiteral("location %1").arg(f[13]);
    if (!f[14].isEmpty())
        parts << f[14];
    if (!f[16].isEmpty())
        parts << QStringLiteral("SourceID %1").arg(f[16]);
    return parts.isEmpty() ? QString() : QStringLiteral("ODM AuditRecord: ") + parts.join(QStringLiteral("; "));
}

bool OdmRecordSource::seek(const RecordPosition& p)
{
    return m_error.isNull() && m_spill.reader().seek(p.offset, p.line);
}

RecordSource::Operation OdmRecordSource::operation() const
{
    const std::vector<QString>& f = m_spill.reader().fields();
    if (f.size() != size_t(m_header.size()) + 1)
        return Operation::Upsert;
    const QString& t = f[10]; // TransactionType, own or inherited
    if (t == QLatin1String("Update"))
        return Operation::Update;
    if (t == QLatin1String("Remove"))
        return Operation::Remove;
    return Operation::Upsert;
}

bool OdmRecordSource::names(int column) const
{
    // Context and vendor columns describe the element itself: named whenever they have a value.
    if (operation() != Operation::Update || column < m_firstItemColumn || column >= m_lineColumn)
        return true;
    const CsvReader& r = m_spill.reader();
    if (m_namedOffset != r.recordOffset()) {
        m_namedOffset = r.recordOffset();
        const QString& list = r.fields().back();
        const auto oids = QStringView(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        m_named.clear();
        for (QStringView oid : oids)
            m_named.insert(oid.toString());
    }
    return m_named.contains(m_header[column]);
}

} // namespace tb::core

#pragma once

#include "source/OdmSelection.h"
#include "source/RecordSource.h"
#include "source/SpillFile.h"

#include <QSet>

namespace tb::core {

// The records of one level of an ODM file (subjects, study events, forms or item groups, as OdmSelection
// says) as flat records, one column per piece of context and per item:
//
//   StudyOID, SiteOID, SubjectKey, SubjectStatus, StudyEventOID, StudyEventRepeatKey, FormOID,
//   FormRepeatKey, ItemGroupOID, ItemGroupRepeatKey, TransactionType, AuditUserOID, AuditUser (printed name
//   from AdminData), AuditLocationOID, AuditDateTimeStamp, AuditReasonForChange, AuditSourceID;
//   "<Element>@<attribute>" for the vendor attributes of the record's element and of its parents
//   ("SubjectData@OpenClinica:StudySubjectID", "StudyEventData@OpenClinica:StartDate");
//   one column per ItemOID (forms: the items of their non-repeating groups), the metadata's first;
//   "@line" and "@xpath": where the record's element is in the ODM file.
//
// open() reads the file twice with OdmReader (the columns, then the records) and writes the records to a
// SpillFile (a private, unnamed temporary CSV file, gone with the process) that next() and seek() then read,
// so memory stays flat and units can be revisited. Empty values and IsNull items are null. Context
// instructions (ODM's "nothing changes here") are skipped. Update and Remove instructions come through
// operation(); an Update names only the items it changes (names()), which the spill file keeps in one more
// column after the header's.
class OdmRecordSource : public RecordSource
{
public:
    explicit OdmRecordSource(const OdmSelection& selection);
    ~OdmRecordSource() override;

    // The context columns every selection has, in their order (the list above, up to AuditSourceID).
    static QStringList contextColumns();

    bool open(const QString& path) override;
    const QStringList& header() const override { return m_header; }
    void setDecodedColumns(std::vector<bool> columns) override { m_spill.reader().setDecodedColumns(std::move(columns)); }
    bool next() override;
    const std::vector<QString>& fields() const override { return m_spill.reader().fields(); }
    QByteArrayView recordText() const override { return m_spill.reader().recordText(); }
    RecordPosition position() const override { return {m_spill.reader().recordOffset(), m_spill.reader().recordLine(), 0}; }
    SourceLocation location() const override;
    // "ODM AuditRecord: <reason>; user <name> (<OID>); location <OID>; <time>; SourceID <id>", the parts given.
    QString provenance() const override;
    bool seek(const RecordPosition& p) override;
    Operation operation() const override;
    bool names(int column) const override;
    const SourceError& error() const override { return m_error.isNull() ? m_spill.reader().error() : m_error; }

private:
    bool fail(const SourceError& error);

    OdmSelection m_selection;
    QString m_path;
    QStringList m_header;
    int m_lineColumn = -1, m_xpathColumn = -1;
    int m_firstItemColumn = 0; // item columns run from here to m_lineColumn
    mutable qint64 m_namedOffset = -1; // the record m_named belongs to
    mutable QSet<QString> m_named;
    SpillFile m_spill; // the records, open while the source is
    SourceError m_error;
};

} // namespace tb::core

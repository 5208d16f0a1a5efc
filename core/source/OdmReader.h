#pragma once

#include "source/OdmClinicalRecord.h"
#include "source/OdmEntityState.h"
#include "source/OdmMetaData.h"
#include "source/SourceLocation.h"

#include <QFile>
#include <QStringList>
#include <QXmlStreamReader>

#include <array>
#include <deque>
#include <memory>
#include <vector>

namespace tb::core {

// What the root element of an ODM file says about the file.
struct OdmFileInfo
{
    QString path;
    QString namespaceUri;
    QString odmVersion; // ODMVersion as written; "1.3" or "2.0" from the namespace when absent
    bool odm2 = false;
    bool transactional = false; // FileType="Transactional" (else Snapshot)
    QString fileType;
    QString fileOid, priorFileOid;
    QString asOfDateTime, creationDateTime;
    QString granularity, description, originator, sourceSystem, sourceSystemVersion;
    QStringList vendorNamespaces; // namespaces declared on the root besides ODM's and XML's own
    qint64 line = 0;
};

// Elements seen so far, and transactions by level after inheritance (types as resolved).
struct OdmCounts
{
    enum Level { Subject, StudyEvent, Form, ItemGroup, Item, LevelCount };
    qint64 clinicalDataBlocks = 0;
    qint64 subjects = 0; // SubjectData elements (the same subject may appear in several)
    qint64 studyEvents = 0, forms = 0, itemGroups = 0, items = 0;
    qint64 auditRecords = 0, signatures = 0;
    qint64 vendorAuditRecords = 0; // vendor audit entries (OpenClinica:AuditLog), counted, not read
    std::array<std::array<qint64, 6>, LevelCount> transactions{}; // [level][OdmTransaction]
};

// Streaming reader of CDISC ODM 1.3.x (namespace http://www.cdisc.org/ns/odm/v1.3) and 2.0
// (http://www.cdisc.org/ns/odm/v2.0, where forms are item groups) over QXmlStreamReader. open() reads the
// root and the metadata before the first ClinicalData; next() then delivers OdmClinicalRecords in document
// order, parents before children. Memory is bounded by one form (ODM 1.3) or one subject (ODM 2.0, whose
// AuditRecords follow the data they describe), plus the metadata, never by the file.
//
// TransactionType and AuditRecord are inherited from the nearest element that has one. In Snapshot files
// a TransactionType other than Insert is an error (ODM: it must be absent or Insert there). In
// Transactional files every ItemData and every childless entity needs a type, own or inherited, and the
// instructions are checked against what the file series did before (OdmEntityState).
//
// The site of a subject: SiteRef/@LocationOID; else a vendor's data access group attribute (REDCap);
// else, when the ClinicalData's study is a site-level study (its metadata includes another study's, as
// OpenClinica writes them), that study's OID.
//
// Hostile input is refused, naming the file, line and column and the XPath-like place: a DTD with an
// internal subset (entity declarations: XXE, billion laughs), entity references, nesting deeper than
// MaxDepth, a single tag or text longer than MaxTokenBytes. External DTDs are never loaded.
class OdmReader
{
public:
    static constexpr int MaxDepth = 64;
    static constexpr qint64 MaxTokenBytes = 64 * 1024 * 1024;
    static constexpr int MaxPendingRecords = 100000;
    static constexpr qint64 ReadChunk = 256 * 1024;

    static const QLatin1StringView Odm13Namespace;
    static const QLatin1StringView Odm20Namespace;

    struct Options
    {
        // Carries entity existence across the Transactional files of a series; the reader keeps its own
        // when null (checks within the one file).
        OdmEntityState* state = nullptr;
        // Which records next() delivers.
        bool subjects = true, studyEvents = true, forms = true, itemGroups = true;
    };

    OdmReader();
    ~OdmReader();

    // Opens the file, checks the root and reads up to the first ClinicalData (the metadata).
    bool open(const QString& path, const Options& options);
    bool open(const QString& path) { return open(path, Options()); }
    void close();

    // Reads only the root element's attributes (for ordering a file series without reading it).
    static bool readFileInfo(const QString& path, OdmFileInfo* info, SourceError* error);

    QString fileName() const { return m_fileName; }
    const OdmFileInfo& fileInfo() const { return m_info; }
    const OdmMetaData& metaData() const { return m_meta; }
    const OdmCounts& counts() const { return m_counts; }

    // The next record; false at the end of the file or on an error (hasError() tells which).
    bool next();
    const OdmClinicalRecord& record() const { return m_current; }

    bool hasError() const { return !m_error.isNull(); }
    const SourceError& error() const { return m_error; }

private:
    enum class El : quint8;
    struct Frame;
    struct Pending
    {
        OdmClinicalRecord rec;
        bool complete = false;
    };

    bool step();
    bool feed();
    void explainBytes(); // fails with the place of a NUL byte or bad UTF-8 behind a malformed-XML error
    bool startElement();
    bool endElement();
    bool startRoot();
    bool startMetadata(Frame& f, const Frame& parent);
    void endMetadata(Frame& f, const Frame& parent);
    bool startClinical(Frame& f, Frame& parent);
    bool endClinical(Frame& f, Frame& parent);
    bool startEntity(Frame& f, Frame& parent, OdmCounts::Level level);
    bool checkTransaction(Frame& f, const Frame& parent, OdmEntityState::Kind kind);
    void setAudit(Frame& owner, int ownerDepth, const std::shared_ptr<const OdmAuditRecord>& audit);
    qint64 newRecord(OdmClinicalRecord::Level level, const Frame& f);
    OdmClinicalRecord& pending(qint64 seq) { return m_pending[size_t(seq - m_firstSeq)].rec; }
    void complete(qint64 seq);
    void readVendorAttributes(std::vector<OdmVendorAttribute>& out);
    bool transactionAttribute(OdmTransaction* out);
    const QString& intern(QStringView s);
    QString xpath(int depth) const;
    bool fail(const QString& message);
    bool failAt(qint64 line, qint64 column, const QString& message, int depth);

    QFile m_file;
    QString m_fileName;
    Options m_options;
    QXmlStreamReader m_xml;
    qint64 m_fed = 0;          // bytes handed to m_xml
    qint64 m_fedAtToken = 0;   // ... when the last token completed
    bool m_eof = false;
    bool m_done = false;       // EndDocument seen
    bool m_inClinicalData = false;

    OdmFileInfo m_info;
    OdmMetaData m_meta;
    OdmCounts m_counts;
    std::unique_ptr<OdmEntityState> m_ownState;
    OdmEntityState* m_state = nullptr;

    std::vector<Frame> m_stack; // m_stack[0..m_depth)
    int m_depth = 0;
    QString m_text;             // text of the element being read, when it is one we keep
    bool m_keepText = false;

    // Metadata being read.
    int m_study = -1;
    OdmMetaDataVersion* m_version = nullptr;
    QString m_defOid;           // the definition being read (its table is the frame's element)
    QString m_user, m_location;
    bool m_textPreferred = false; // the kept TranslatedText is in English or unlabelled
    bool m_haveText = false;      // a TranslatedText of the current Question/Description/Decode was kept
    int m_labelRank = 0;          // how good the item's label is so far: Name 1, Comment 2, Description 3, Question 4
    bool m_userFullName = false;  // the user being read has a FullName (First/LastName do not override it)

    // Clinical context.
    QString m_studyOid, m_mainStudyOid, m_versionOid;
    const OdmMetaDataVersion* m_clinicalVersion = nullptr;
    bool m_siteStudy = false;
    int m_subjectDepth = -1, m_eventDepth = -1, m_formDepth = -1;
    QString m_siteOid, m_subjectKey, m_subjectStatus;
    qint64 m_subjectSeq = -1;
    int m_hold = 0;             // ODM 2.0: records wait for the AuditRecords after them
    std::shared_ptr<OdmAuditRecord> m_audit; // the AuditRecord being read

    std::deque<Pending> m_pending;
    qint64 m_firstSeq = 0;      // sequence number of m_pending.front()
    OdmClinicalRecord m_current;

    std::array<QString, 4096> m_interned;
    SourceError m_error;
};

} // namespace tb::core

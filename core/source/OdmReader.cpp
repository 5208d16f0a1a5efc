#include "source/OdmReader.h"

#include "util/FastHash.h"

#include <limits>

namespace tb::core {

const QLatin1StringView OdmReader::Odm13Namespace("http://www.cdisc.org/ns/odm/v1.3");
const QLatin1StringView OdmReader::Odm20Namespace("http://www.cdisc.org/ns/odm/v2.0");

namespace {

const QLatin1StringView XmlNamespace("http://www.w3.org/XML/1998/namespace");
const QLatin1StringView XsiNamespace("http://www.w3.org/2001/XMLSchema-instance");

// Namespaces every ODM file may declare that are no vendor's extension.
bool isStandardNamespace(QStringView uri)
{
    return uri == OdmReader::Odm13Namespace || uri == OdmReader::Odm20Namespace || uri == XmlNamespace
        || uri == XsiNamespace || uri == QLatin1StringView("http://www.w3.org/2000/09/xmldsig#")
        || uri == QLatin1StringView("http://www.w3.org/1999/xlink")
        || uri == QLatin1StringView("http://www.w3.org/1999/xhtml");
}

// An unqualified attribute (ODM's own are never prefixed); empty when absent.
QStringView attribute(const QXmlStreamAttributes& attrs, QLatin1StringView name)
{
    for (const QXmlStreamAttribute& a : attrs)
        if (a.name() == name && a.namespaceUri().isEmpty())
            return a.value();
    return {};
}

bool hasAttribute(const QXmlStreamAttributes& attrs, QLatin1StringView name)
{
    for (const QXmlStreamAttribute& a : attrs)
        if (a.name() == name && a.namespaceUri().isEmpty())
            return true;
    return false;
}

bool yes(QStringView v)
{
    return v == QLatin1StringView("Yes");
}

// ODM 1.3 Repeating="Yes"; ODM 2.0 also Simple, Dynamic and Static.
bool repeatingValue(QStringView v)
{
    return !v.isEmpty() && v != QLatin1StringView("No");
}

QString quoted(const QString& oid, const QString& repeatKey = {})
{
    QString s = QLatin1Char('\'') + oid + QLatin1Char('\'');
    if (!repeatKey.isEmpty())
        s += QLatin1String(" [") + repeatKey + QLatin1Char(']');
    return s;
}

} // namespace

enum class OdmReader::El : quint8 {
    Other, // ignored, with everything inside
    Odm,
    Study, GlobalVariables, StudyName, ProtocolName, MetaDataVersion, Include, Protocol, StudyEventRef,
    StudyEventDef, FormDef, ItemGroupDef, ItemDef, CodeList, CodeListItem, EnumeratedItem, Decode, Question,
    Description, TranslatedText, FormRef, ItemGroupRef, ItemRef, CodeListRef, MeasurementUnitRef,
    MultiSelectList, MultiSelectListItem, // OpenClinica's codelists for multi-select items
    AdminData, User, UserText, Location,
    ClinicalData, SubjectData, SiteRef, StudyEventData, FormData, ItemGroupData, ItemData, Value,
    AuditRecords, AuditRecord, UserRef, LocationRef, AuditText, Signature,
};

struct OdmReader::Frame
{
    El el = El::Other;
    QString name; // qualified name, for places
    QString oid, repeatKey; // identity (ClinicalData: StudyOID and MetaDataVersionOID)
    qint64 line = 0, column = 0;

    // Clinical entities.
    OdmTransaction own = OdmTransaction::None, effective = OdmTransaction::None;
    std::shared_ptr<const OdmAuditRecord> audit;
    quint8 auditDepth = 0;
    qint64 record = -1;      // the record this element makes
    qint64 firstRecord = -1; // the first record made inside it (its own)
    OdmEntityState::Entity entity;
    OdmCounts::Level level = OdmCounts::Subject;
    bool hadChild = false;   // a child entity (or an ItemData) was seen
    bool repeating = false;  // a repeating ItemGroupData: not copied into its form's record
    bool isForm = false;     // ODM 2.0: an ItemGroupData that is the form

    // ItemData.
    bool typed = false;      // ODM 1.3 ItemDataString, ItemDataInteger, ...: the value is the text
    bool isNull = false;
    bool hasValue = false;
    QString value;
    QStringList moreValues;

    void reset()
    {
        el = El::Other;
        oid.clear();
        repeatKey.clear();
        own = effective = OdmTransaction::None;
        audit.reset();
        auditDepth = 0;
        record = firstRecord = -1;
        entity = OdmEntityState::Entity();
        hadChild = repeating = isForm = typed = isNull = hasValue = false;
        value.clear();
        moreValues.clear();
    }
};

OdmReader::OdmReader()
    : m_stack(MaxDepth + 1)
{
}

OdmReader::~OdmReader() = default;

void OdmReader::close()
{
    m_file.close();
    m_xml.clear();
    m_fed = m_fedAtToken = 0;
    m_eof = m_done = m_inClinicalData = false;
    m_info = OdmFileInfo();
    m_meta.clear();
    m_counts = OdmCounts();
    m_ownState.reset();
    m_state = nullptr;
    m_depth = 0;
    m_text.clear();
    m_keepText = false;
    m_study = -1;
    m_version = nullptr;
    m_subjectDepth = m_eventDepth = m_formDepth = -1;
    m_subjectSeq = -1;
    m_hold = 0;
    m_audit.reset();
    m_pending.clear();
    m_firstSeq = 0;
    m_current = OdmClinicalRecord();
    m_error = SourceError();
}

bool OdmReader::open(const QString& path, const Options& options)
{
    close();
    m_fileName = path;
    m_options = options;
    if (!options.state)
        m_ownState = std::make_unique<OdmEntityState>();
    m_state = options.state ? options.state : m_ownState.get();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error.where.file = path;
        m_error.message = QStringLiteral("cannot open the file: %1").arg(m_file.errorString());
        return false;
    }
    while (!m_done && !m_inClinicalData)
        if (!step())
            return false;
    return true;
}

bool OdmReader::readFileInfo(const QString& path, OdmFileInfo* info, SourceError* error)
{
    OdmReader r;
    r.m_fileName = path;
    r.m_ownState = std::make_unique<OdmEntityState>();
    r.m_state = r.m_ownState.get();
    r.m_file.setFileName(path);
    bool ok = r.m_file.open(QIODevice::ReadOnly);
    if (!ok) {
        r.m_error.where.file = path;
        r.m_error.message = QStringLiteral("cannot open the file: %1").arg(r.m_file.errorString());
    }
    while (ok && r.m_info.line == 0 && !r.m_done)
        ok = r.step();
    if (ok && r.m_info.line == 0)
        ok = r.fail(QStringLiteral("no ODM element"));
    if (ok)
        *info = r.m_info;
    else if (error)
        *error = r.m_error;
    return ok;
}

bool OdmReader::next()
{
    for (;;) {
        while (!m_pending.empty() && m_pending.front().complete && m_hold == 0) {
            OdmClinicalRecord rec = std::move(m_pending.front().rec);
            m_pending.pop_front();
            ++m_firstSeq;
            const bool wanted = rec.level == OdmClinicalRecord::Level::Subject ? m_options.subjects
                : rec.level == OdmClinicalRecord::Level::StudyEvent          ? m_options.studyEvents
                : rec.level == OdmClinicalRecord::Level::Form                ? m_options.forms
                                                                              : m_options.itemGroups;
            if (wanted) {
                m_current = std::move(rec);
                return true;
            }
        }
        if (hasError() || m_done || !m_file.isOpen())
            return false;
        if (!step())
            return false;
    }
}

bool OdmReader::feed()
{
    // A tag or text still incomplete after MaxTokenBytes is refused rather than buffered on.
    if (m_fed - m_fedAtToken > MaxTokenBytes)
        return failAt(m_xml.lineNumber(), m_xml.columnNumber(),
                      QStringLiteral("a single tag or text runs over %1 MB").arg(MaxTokenBytes / (1024 * 1024)), m_depth);
    const QByteArray chunk = m_file.read(ReadChunk);
    if (chunk.isEmpty()) {
        if (m_file.error() != QFileDevice::NoError)
            return fail(QStringLiteral("cannot read the file: %1").arg(m_file.errorString()));
        m_eof = true;
        return true;
    }
    m_fed += chunk.size();
    m_xml.addData(chunk);
    return true;
}

bool OdmReader::step()
{
    for (;;) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token != QXmlStreamReader::Invalid)
            m_fedAtToken = m_fed;
        switch (token) {
        case QXmlStreamReader::Invalid:
            if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
                if (!m_eof) {
                    if (!feed())
                        return false;
                    continue;
                }
                if (m_fed == 0)
                    return fail(QStringLiteral("the file is empty: expected an ODM document"));
                return fail(m_depth > 0 ? QStringLiteral("the file ends inside <%1> (truncated?)").arg(m_stack[m_depth - 1].name)
                                        : QStringLiteral("the file ends before its ODM element (truncated?)"));
            }
            explainBytes(); // the first error stands: a NUL byte or bad UTF-8 found there wins
            return fail(QStringLiteral("malformed XML: %1").arg(m_xml.errorString()));
        case QXmlStreamReader::DTD:
            // External DTDs are never fetched; an internal subset can only declare entities, which ODM needs
            // none of: XXE and entity expansion ("billion laughs") are refused before any is expanded.
            if (!m_xml.entityDeclarations().isEmpty() || m_xml.text().contains(QLatin1Char('[')))
                return fail(QStringLiteral("a DTD with entity declarations is refused (ODM needs none; entities "
                                           "can read local files or expand without bound)"));
            continue;
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("the entity reference &%1; is refused (entities are never expanded)")
                            .arg(m_xml.name()));
        case QXmlStreamReader::StartElement:
            return startElement();
        case QXmlStreamReader::EndElement:
            return endElement();
        case QXmlStreamReader::Characters:
            if (m_keepText) {
                if (m_text.size() + m_xml.text().size() > MaxTokenBytes)
                    return fail(QStringLiteral("a text runs over %1 MB").arg(MaxTokenBytes / (1024 * 1024)));
                m_text += m_xml.text();
            }
            continue;
        case QXmlStreamReader::EndDocument:
            m_done = true;
            return true;
        default:
            continue; // the XML declaration, comments, processing instructions
        }
    }
}

void OdmReader::explainBytes()
{
    // Qt names neither a NUL byte nor bytes that are not UTF-8 (and puts an encoding error at the XML
    // declaration): look for them from the start, up to the line Qt reports or, for an encoding error, to the
    // first bad sequence. Only on the error path, so the reader's speed does not depend on it.
    const bool encodingError = m_xml.errorString().contains(QLatin1String("encoded"));
    const QString declared = m_xml.documentEncoding().toString().toLower();
    const bool utf8 = declared.isEmpty() || declared == QLatin1String("utf-8") || declared == QLatin1String("utf8");
    const qint64 lastLine = encodingError ? std::numeric_limits<qint64>::max() : m_xml.lineNumber();
    QFile f(m_fileName);
    if (!f.open(QIODevice::ReadOnly))
        return;
    qint64 line = 1, column = 1;
    int pending = 0;      // continuation bytes still expected
    quint32 codePoint = 0;
    quint32 minimum = 0;  // smallest code point the sequence may encode (no overlong forms)
    qint64 startColumn = 1;
    // The element path is known only when the bad byte is on the line where the reader stopped.
    const auto failHere = [&](qint64 column, const QString& message) {
        failAt(line, column, message, line == m_xml.lineNumber() ? m_depth : 0);
    };
    const QString notUtf8 = QStringLiteral("invalid UTF-8 (the file declares no other encoding)");
    while (line <= lastLine) {
        const QByteArray chunk = f.read(ReadChunk);
        if (chunk.isEmpty())
            return;
        for (const char ch : chunk) {
            const auto b = quint8(ch);
            if (pending > 0) {
                if ((b & 0xC0) != 0x80)
                    return failHere(startColumn, notUtf8);
                codePoint = (codePoint << 6) | (b & 0x3F);
                if (--pending == 0) {
                    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
                        return failHere(startColumn, notUtf8);
                    ++column;
                }
                continue;
            }
            if (b == 0)
                return failHere(column, QStringLiteral("NUL byte"));
            if (b == '\n') {
                ++line;
                column = 1;
                if (line > lastLine)
                    break;
                continue;
            }
            if (b < 0x80 || !utf8) {
                ++column;
                continue;
            }
            startColumn = column;
            if ((b & 0xE0) == 0xC0) {
                pending = 1, codePoint = b & 0x1F, minimum = 0x80;
            } else if ((b & 0xF0) == 0xE0) {
                pending = 2, codePoint = b & 0x0F, minimum = 0x800;
            } else if ((b & 0xF8) == 0xF0) {
                pending = 3, codePoint = b & 0x07, minimum = 0x10000;
            } else {
                return failHere(column, notUtf8);
            }
        }
    }
}

const QString& OdmReader::intern(QStringView s)
{
    QString& slot = m_interned[size_t(hash64(s) & (m_interned.size() - 1))];
    if (slot != s)
        slot = s.toString();
    return slot;
}

bool OdmReader::transactionAttribute(OdmTransaction* out)
{
    *out = OdmTransaction::None;
    const QXmlStreamAttributes attrs = m_xml.attributes();
    if (!hasAttribute(attrs, QLatin1StringView("TransactionType")))
        return true;
    const QStringView t = attribute(attrs, QLatin1StringView("TransactionType"));
    if (!parseOdmTransaction(t, out))
        return fail(QStringLiteral("unknown TransactionType \"%1\" (Insert, Update, Upsert, Remove or Context)").arg(t));
    if (!m_info.transactional && *out != OdmTransaction::Insert)
        return fail(QStringLiteral("TransactionType \"%1\" in a Snapshot file: ODM allows only Insert (or none) "
                                   "there; a file of changes says FileType=\"Transactional\"")
                        .arg(t));
    return true;
}

void OdmReader::readVendorAttributes(std::vector<OdmVendorAttribute>& out)
{
    for (const QXmlStreamAttribute& a : m_xml.attributes()) {
        const QStringView ns = a.namespaceUri();
        if (ns.isEmpty() || ns == XmlNamespace || ns == XsiNamespace)
            continue;
        OdmVendorAttribute v;
        v.namespaceUri = intern(ns);
        v.name = intern(a.name());
        v.qualifiedName = intern(a.qualifiedName());
        v.value = a.value().toString();
        out.push_back(std::move(v));
    }
}

bool OdmReader::startElement()
{
    if (m_depth >= MaxDepth)
        return fail(QStringLiteral("elements nested deeper than %1 levels").arg(MaxDepth));
    Frame& f = m_stack[size_t(m_depth)];
    f.reset();
    f.line = m_xml.lineNumber();
    f.column = m_xml.columnNumber();
    f.name = intern(m_xml.qualifiedName());
    ++m_depth;
    if (m_depth == 1)
        return startRoot();
    Frame& parent = m_stack[size_t(m_depth - 2)];
    const QStringView name = m_xml.name();
    const bool vendor = m_xml.namespaceUri() != m_info.namespaceUri;
    // OpenClinica's audit entries sit in a vendor element of their own (OpenClinica:AuditLogs).
    if (vendor && m_inClinicalData && name == QLatin1StringView("AuditLog"))
        ++m_counts.vendorAuditRecords;
    if (parent.el == El::Other)
        return true;

    if (vendor) {
        // A vendor's element: ignored with its content, except what is worth reading.
        if (m_version && parent.el == El::MetaDataVersion && name == QLatin1StringView("MultiSelectList")) {
            const QXmlStreamAttributes attrs = m_xml.attributes();
            OdmCodeList& c = m_version->codeLists.add(intern(attribute(attrs, QLatin1StringView("ID"))));
            c.name = attribute(attrs, QLatin1StringView("Name")).toString();
            c.dataType = attribute(attrs, QLatin1StringView("DataType")).toString();
            c.multiSelect = true;
            m_defOid = c.oid;
            f.el = El::MultiSelectList;
        } else if (m_version && parent.el == El::MultiSelectList && name == QLatin1StringView("MultiSelectListItem")) {
            if (OdmCodeList* c = const_cast<OdmCodeList*>(m_version->codeLists.find(m_defOid)))
                c->items.push_back({attribute(m_xml.attributes(), QLatin1StringView("CodedOptionValue")).toString(), {}});
            f.el = El::MultiSelectListItem;
        } else if (m_version && parent.el == El::ItemDef && name == QLatin1StringView("MultiSelectListRef")) {
            if (OdmItemDef* d = const_cast<OdmItemDef*>(m_version->items.find(m_defOid)))
                d->codeListOid = attribute(m_xml.attributes(), QLatin1StringView("MultiSelectListID")).toString();
        }
        return true;
    }
    return m_inClinicalData || parent.el == El::ClinicalData ? startClinical(f, parent) : startMetadata(f, parent);
}

bool OdmReader::startRoot()
{
    Frame& f = m_stack[0];
    const QStringView ns = m_xml.namespaceUri();
    if (m_xml.name() != QLatin1StringView("ODM"))
        return fail(QStringLiteral("not an ODM file: the root element is <%1>").arg(m_xml.qualifiedName()));
    const QString expected = QStringLiteral("ODM 1.3.x uses xmlns=\"%1\", ODM 2.0 xmlns=\"%2\"")
                                 .arg(Odm13Namespace, Odm20Namespace);
    if (ns.isEmpty())
        return fail(QStringLiteral("the ODM element has no namespace (as in ODM 1.1 and 1.2): only ODM 1.3.x and "
                                   "2.0 are read; %1")
                        .arg(expected));
    if (ns != Odm13Namespace && ns != Odm20Namespace)
        return fail(QStringLiteral("unknown ODM namespace \"%1\": %2").arg(ns, expected));
    f.el = El::Odm;
    m_info.path = m_fileName;
    m_info.namespaceUri = ns.toString();
    m_info.odm2 = ns == Odm20Namespace;

    const QXmlStreamAttributes attrs = m_xml.attributes();
    const QStringView version = attribute(attrs, QLatin1StringView("ODMVersion"));
    if (!version.isEmpty() && (m_info.odm2 ? !version.startsWith(QLatin1StringView("2."))
                                           : version != QLatin1StringView("1.3") && !version.startsWith(QLatin1StringView("1.3."))))
        return fail(QStringLiteral("ODMVersion=\"%1\" does not match the namespace %2").arg(version, ns));
    m_info.odmVersion = !version.isEmpty() ? version.toString() : m_info.odm2 ? QStringLiteral("2.0") : QStringLiteral("1.3");
    const QStringView type = attribute(attrs, QLatin1StringView("FileType"));
    if (type != QLatin1StringView("Snapshot") && type != QLatin1StringView("Transactional"))
        return fail(type.isEmpty() ? QStringLiteral("the ODM element has no FileType (Snapshot or Transactional)")
                                   : QStringLiteral("unknown FileType \"%1\" (Snapshot or Transactional)").arg(type));
    m_info.fileType = type.toString();
    m_info.transactional = type == QLatin1StringView("Transactional");
    m_info.fileOid = attribute(attrs, QLatin1StringView("FileOID")).toString();
    if (m_info.fileOid.isEmpty())
        return fail(QStringLiteral("the ODM element has no FileOID"));
    m_info.priorFileOid = attribute(attrs, QLatin1StringView("PriorFileOID")).toString();
    m_info.asOfDateTime = attribute(attrs, QLatin1StringView("AsOfDateTime")).toString();
    m_info.creationDateTime = attribute(attrs, QLatin1StringView("CreationDateTime")).toString();
    m_info.granularity = attribute(attrs, QLatin1StringView("Granularity")).toString();
    m_info.description = attribute(attrs, QLatin1StringView("Description")).toString();
    m_info.originator = attribute(attrs, QLatin1StringView("Originator")).toString();
    m_info.sourceSystem = attribute(attrs, QLatin1StringView("SourceSystem")).toString();
    m_info.sourceSystemVersion = attribute(attrs, QLatin1StringView("SourceSystemVersion")).toString();
    for (const QXmlStreamNamespaceDeclaration& d : m_xml.namespaceDeclarations())
        if (!isStandardNamespace(d.namespaceUri()))
            m_info.vendorNamespaces << d.namespaceUri().toString();
    m_info.line = m_xml.lineNumber();
    if (m_info.transactional)
        m_state->beginFile(m_fileName);
    return true;
}

bool OdmReader::startMetadata(Frame& f, const Frame& parent)
{
    const QStringView n = m_xml.name();
    auto is = [&](const char* s) { return n == QLatin1StringView(s); };
    const QXmlStreamAttributes attrs = m_xml.attributes();
    auto attr = [&](const char* s) { return attribute(attrs, QLatin1StringView(s)); };
    auto requireOid = [&](QString* oid) {
        *oid = intern(attr("OID"));
        return !oid->isEmpty() || fail(QStringLiteral("%1 has no OID").arg(n));
    };
    QString oid;

    switch (parent.el) {
    case El::Odm:
        if (is("Study")) {
            if (!requireOid(&oid))
                return false;
            f.el = El::Study;
            f.oid = oid;
            OdmStudy& s = m_meta.addStudy(oid);
            m_study = int(&s - m_meta.studies().data());
            if (!attr("StudyName").isEmpty()) // ODM 2.0 names the study in attributes
                s.name = attr("StudyName").toString();
            if (!attr("ProtocolName").isEmpty())
                s.protocolName = attr("ProtocolName").toString();
        } else if (is("AdminData")) {
            f.el = El::AdminData;
        } else if (is("ClinicalData")) {
            return startClinical(f, const_cast<Frame&>(parent));
        }
        return true;
    case El::Study:
        if (is("GlobalVariables")) {
            f.el = El::GlobalVariables;
        } else if (is("MetaDataVersion")) {
            if (!requireOid(&oid))
                return false;
            f.el = El::MetaDataVersion;
            f.oid = oid;
            OdmStudy& s = const_cast<OdmStudy&>(m_meta.studies()[size_t(m_study)]);
            m_version = &m_meta.addVersion(s, oid);
            m_version->name = attr("Name").toString();
        }
        return true;
    case El::GlobalVariables:
        if (is("StudyName") || is("ProtocolName")) {
            f.el = is("StudyName") ? El::StudyName : El::ProtocolName;
            m_keepText = true;
            m_text.clear();
        }
        return true;
    case El::MetaDataVersion:
        if (is("Include")) {
            f.el = El::Include;
            m_version->includeStudyOid = attr("StudyOID").toString();
            m_version->includeMetaDataVersionOid = attr("MetaDataVersionOID").toString();
            return true;
        }
        if (is("Protocol")) {
            f.el = El::Protocol;
            return true;
        }
        if (!is("StudyEventDef") && !is("FormDef") && !is("ItemGroupDef") && !is("ItemDef") && !is("CodeList"))
            return true;
        if (!requireOid(&oid))
            return false;
        f.oid = m_defOid = oid;
        if (is("StudyEventDef")) {
            f.el = El::StudyEventDef;
            OdmStudyEventDef& d = m_version->studyEvents.add(oid);
            d.name = attr("Name").toString();
            d.type = attr("Type").toString();
            d.repeating = yes(attr("Repeating"));
        } else if (is("FormDef")) {
            f.el = El::FormDef;
            OdmFormDef& d = m_version->forms.add(oid);
            d.name = attr("Name").toString();
            d.repeating = yes(attr("Repeating"));
        } else if (is("ItemGroupDef")) {
            f.el = El::ItemGroupDef;
            OdmItemGroupDef& d = m_version->itemGroups.add(oid);
            d.name = attr("Name").toString();
            d.type = attr("Type").toString();
            d.domain = attr("Domain").toString();
            d.repeating = repeatingValue(attr("Repeating"));
        } else if (is("ItemDef")) {
            f.el = El::ItemDef;
            OdmItemDef& d = m_version->items.add(oid);
            d.name = attr("Name").toString();
            d.dataType = attr("DataType").toString();
            d.length = attr("Length").toInt();
            d.sasFieldName = attr("SASFieldName").toString();
            // Label candidates, best last: Name (1), Comment (2), Description (3), Question (4).
            d.label = !attr("Comment").isEmpty() ? attr("Comment").toString().simplified() : d.name;
            m_labelRank = attr("Comment").isEmpty() ? 1 : 2;
        } else {
            f.el = El::CodeList;
            OdmCodeList& d = m_version->codeLists.add(oid);
            d.name = attr("Name").toString();
            d.dataType = attr("DataType").toString();
        }
        return true;
    case El::Protocol:
        if (is("StudyEventRef")) {
            f.el = El::StudyEventRef;
            m_version->protocolOrder << attr("StudyEventOID").toString();
        }
        return true;
    case El::StudyEventDef:
    case El::FormDef:
    case El::ItemGroupDef:
        if (is("FormRef") && parent.el == El::StudyEventDef) {
            f.el = El::FormRef;
            if (auto* d = const_cast<OdmStudyEventDef*>(m_version->studyEvents.find(m_defOid)))
                d->formOids << intern(attr("FormOID"));
        } else if (is("ItemGroupRef")) {
            f.el = El::ItemGroupRef;
            const QString ref = intern(attr("ItemGroupOID"));
            if (parent.el == El::StudyEventDef) {
                if (auto* d = const_cast<OdmStudyEventDef*>(m_version->studyEvents.find(m_defOid)))
                    d->itemGroupOids << ref;
            } else if (parent.el == El::FormDef) {
                if (auto* d = const_cast<OdmFormDef*>(m_version->forms.find(m_defOid)))
                    d->itemGroupOids << ref;
            } else if (auto* d = const_cast<OdmItemGroupDef*>(m_version->itemGroups.find(m_defOid))) {
                d->itemGroupOids << ref;
            }
        } else if (is("ItemRef") && parent.el == El::ItemGroupDef) {
            f.el = El::ItemRef;
            if (auto* d = const_cast<OdmItemGroupDef*>(m_version->itemGroups.find(m_defOid)))
                d->itemOids << intern(attr("ItemOID"));
        }
        return true;
    case El::ItemDef:
        if (is("Question") || is("Description")) {
            f.el = is("Question") ? El::Question : El::Description;
            m_textPreferred = false;
            m_haveText = false;
        } else if (is("CodeListRef") || is("MeasurementUnitRef")) {
            f.el = is("CodeListRef") ? El::CodeListRef : El::MeasurementUnitRef;
            if (auto* d = const_cast<OdmItemDef*>(m_version->items.find(m_defOid))) {
                if (f.el == El::CodeListRef)
                    d->codeListOid = attr("CodeListOID").toString();
                else
                    d->unitOid = attr("MeasurementUnitOID").toString();
            }
        }
        return true;
    case El::CodeList:
        if (is("CodeListItem") || is("EnumeratedItem")) {
            f.el = is("CodeListItem") ? El::CodeListItem : El::EnumeratedItem;
            if (auto* c = const_cast<OdmCodeList*>(m_version->codeLists.find(m_defOid)))
                c->items.push_back({attr("CodedValue").toString(), {}});
        }
        return true;
    case El::CodeListItem:
    case El::MultiSelectListItem:
        if (is("Decode")) {
            f.el = El::Decode;
            m_textPreferred = false;
            m_haveText = false;
        }
        return true;
    case El::Question:
    case El::Description:
    case El::Decode:
        if (is("TranslatedText")) {
            f.el = El::TranslatedText;
            const QStringView lang = attrs.value(XmlNamespace, QLatin1StringView("lang"));
            f.isForm = lang.isEmpty() || lang.startsWith(QLatin1StringView("en")); // preferred language
            m_keepText = true;
            m_text.clear();
        }
        return true;
    case El::AdminData:
        if (is("User") || is("Location")) {
            if (!requireOid(&oid))
                return false;
            f.oid = oid;
            if (is("User")) {
                f.el = El::User;
                m_meta.addUser(oid).oid = oid;
            } else {
                f.el = El::Location;
                OdmLocation& l = m_meta.addLocation(oid);
                l.oid = oid;
                l.name = attr("Name").toString();
                l.type = attr("LocationType").toString();
            }
        }
        return true;
    case El::User:
        if (is("FullName") || is("FirstName") || is("LastName") || is("Organization")) {
            f.el = El::UserText;
            m_keepText = true;
            m_text.clear();
        }
        return true;
    default:
        return true;
    }
}

void OdmReader::endMetadata(Frame& f, const Frame& parent)
{
    switch (f.el) {
    case El::StudyName:
    case El::ProtocolName: {
        OdmStudy& s = const_cast<OdmStudy&>(m_meta.studies()[size_t(m_study)]);
        (f.el == El::StudyName ? s.name : s.protocolName) = m_text.simplified();
        m_keepText = false;
        break;
    }
    case El::MetaDataVersion:
        m_version = nullptr;
        break;
    case El::TranslatedText: {
        m_keepText = false;
        // The first text, or a better-language one after a worse: English or unlabelled wins.
        const bool preferred = f.isForm;
        if (m_haveText && (m_textPreferred || !preferred))
            break;
        m_haveText = true;
        m_textPreferred = preferred;
        const QString text = m_text.simplified();
        const Frame& owner = m_stack[size_t(m_depth - 3)];
        if (parent.el == El::Decode) {
            if (auto* c = const_cast<OdmCodeList*>(m_version->codeLists.find(m_defOid)); c && !c->items.empty())
                c->items.back().decode = text;
        } else if (owner.el == El::ItemDef) {
            const int rank = parent.el == El::Question ? 4 : 3;
            if (auto* d = const_cast<OdmItemDef*>(m_version->items.find(m_defOid)); d && rank >= m_labelRank) {
                d->label = text;
                m_labelRank = rank;
            }
        }
        break;
    }
    case El::UserText: {
        m_keepText = false;
        OdmUser& u = m_meta.addUser(parent.oid);
        const QString text = m_text.simplified();
        if (f.name.endsWith(QLatin1String("FullName")))
            u.fullName = text;
        else if (f.name.endsWith(QLatin1String("Organization")))
            u.organization = text;
        else if (u.fullName.isEmpty() || !m_userFullName)
            u.fullName = u.fullName.isEmpty() ? text : u.fullName + QLatin1Char(' ') + text;
        if (f.name.endsWith(QLatin1String("FullName")))
            m_userFullName = true;
        break;
    }
    case El::User:
        m_userFullName = false;
        break;
    default:
        break;
    }
}

bool OdmReader::startClinical(Frame& f, Frame& parent)
{
    const QStringView n = m_xml.name();
    auto is = [&](const char* s) { return n == QLatin1StringView(s); };
    const QXmlStreamAttributes attrs = m_xml.attributes();
    auto attr = [&](const char* s) { return attribute(attrs, QLatin1StringView(s)); };
    const bool odm2 = m_info.odm2;
    const bool entityName = is("SubjectData") || is("StudyEventData") || is("FormData") || is("ItemGroupData")
        || n.startsWith(QLatin1StringView("ItemData"));
    auto misplaced = [&] {
        if (is("FormData") && odm2)
            return fail(QStringLiteral("FormData is not part of ODM 2.0 (forms are ItemGroupData there)"));
        if (is("ItemGroupData") && parent.el == El::StudyEventData)
            return fail(QStringLiteral("ItemGroupData directly inside StudyEventData is ODM 2.0; in ODM 1.3 it "
                                       "belongs in a FormData"));
        return fail(QStringLiteral("<%1> is not allowed inside <%2>").arg(n, parent.name));
    };
    auto entity = [&](El el, const char* oidName, const char* repeatName) {
        f.el = el;
        f.oid = intern(attr(oidName));
        if (f.oid.isEmpty())
            return fail(QStringLiteral("%1 has no %2").arg(n, QLatin1StringView(oidName)));
        if (repeatName)
            f.repeatKey = intern(attr(repeatName));
        return true;
    };

    switch (parent.el) {
    case El::Odm: {
        f.el = El::ClinicalData;
        f.oid = intern(attr("StudyOID"));
        f.repeatKey = intern(attr("MetaDataVersionOID"));
        if (f.oid.isEmpty())
            return fail(QStringLiteral("ClinicalData has no StudyOID"));
        if (f.repeatKey.isEmpty())
            return fail(QStringLiteral("ClinicalData has no MetaDataVersionOID"));
        ++m_counts.clinicalDataBlocks;
        m_inClinicalData = true;
        m_studyOid = f.oid;
        m_versionOid = f.repeatKey;
        m_clinicalVersion = m_meta.metaDataVersion(m_studyOid, m_versionOid);
        m_mainStudyOid = m_meta.mainStudyOid(m_studyOid);
        m_siteStudy = m_mainStudyOid != m_studyOid;
        f.entity = OdmEntityState::study(m_mainStudyOid);
        return true;
    }
    case El::ClinicalData:
        if (is("SubjectData")) {
            f.el = El::SubjectData;
            f.oid = attr("SubjectKey").toString();
            if (f.oid.isEmpty())
                return fail(QStringLiteral("SubjectData has no SubjectKey"));
            ++m_counts.subjects;
            ++m_subjectSeq;
            m_subjectDepth = m_depth - 1;
            m_subjectKey = f.oid;
            m_subjectStatus.clear();
            m_siteOid = m_siteStudy ? m_studyOid : QString();
            return startEntity(f, parent, OdmCounts::Subject);
        }
        if (is("ItemGroupData") && odm2) {
            if (!entity(El::ItemGroupData, "ItemGroupOID", "ItemGroupRepeatKey"))
                return false;
            ++m_counts.itemGroups;
            m_subjectKey = QString();
            m_siteOid.clear();
            m_subjectStatus.clear();
            return startEntity(f, parent, OdmCounts::ItemGroup);
        }
        if (is("AuditRecords")) {
            f.el = El::AuditRecords;
            return true;
        }
        break;
    case El::AuditRecords:
        break;
    case El::SubjectData:
        if (is("SiteRef")) {
            f.el = El::SiteRef;
            m_siteOid = intern(attr("LocationOID"));
            if (m_siteOid.isEmpty())
                return fail(QStringLiteral("SiteRef has no LocationOID"));
            if (parent.record >= 0)
                pending(parent.record).siteOid = m_siteOid;
            return true;
        }
        if (is("StudyEventData")) {
            if (!entity(El::StudyEventData, "StudyEventOID", "StudyEventRepeatKey"))
                return false;
            ++m_counts.studyEvents;
            m_eventDepth = m_depth - 1;
            return startEntity(f, parent, OdmCounts::StudyEvent);
        }
        break;
    case El::StudyEventData:
        if (is("FormData") && !odm2) {
            if (!entity(El::FormData, "FormOID", "FormRepeatKey"))
                return false;
            ++m_counts.forms;
            m_formDepth = m_depth - 1;
            return startEntity(f, parent, OdmCounts::Form);
        }
        if (is("ItemGroupData") && odm2) {
            if (!entity(El::ItemGroupData, "ItemGroupOID", "ItemGroupRepeatKey"))
                return false;
            // A group right under the event is the form, unless its definition says otherwise.
            const OdmItemGroupDef* def = m_clinicalVersion ? m_meta.itemGroupDef(*m_clinicalVersion, f.oid) : nullptr;
            f.isForm = !def || def->type.isEmpty() || def->type == QLatin1String("Form");
            if (f.isForm) {
                ++m_counts.forms;
                m_formDepth = m_depth - 1;
            } else {
                ++m_counts.itemGroups;
            }
            return startEntity(f, parent, f.isForm ? OdmCounts::Form : OdmCounts::ItemGroup);
        }
        break;
    case El::FormData:
    case El::ItemGroupData:
        if (is("ItemGroupData") && (parent.el == El::FormData || odm2)) {
            if (!entity(El::ItemGroupData, "ItemGroupOID", "ItemGroupRepeatKey"))
                return false;
            ++m_counts.itemGroups;
            return startEntity(f, parent, OdmCounts::ItemGroup);
        }
        if (parent.el == El::ItemGroupData && n.startsWith(QLatin1StringView("ItemData"))) {
            if (!entity(El::ItemData, "ItemOID", nullptr))
                return false;
            ++m_counts.items;
            f.typed = n.size() > 8 && !odm2; // ItemDataString, ItemDataInteger, ...
            f.isNull = yes(attr("IsNull"));
            if (hasAttribute(attrs, QLatin1StringView("Value"))) {
                if (f.isNull)
                    return fail(QStringLiteral("ItemData has both a Value and IsNull=\"Yes\""));
                f.value = attr("Value").toString();
                f.hasValue = true;
            }
            if (f.typed) {
                m_keepText = true;
                m_text.clear();
            }
            return startEntity(f, parent, OdmCounts::Item);
        }
        break;
    case El::ItemData:
        if (is("Value")) {
            f.el = El::Value;
            m_keepText = true;
            m_text.clear();
            return true;
        }
        break;
    case El::AuditRecord:
        if (is("UserRef")) {
            f.el = El::UserRef;
            m_audit->userOid = intern(attr("UserOID"));
        } else if (is("LocationRef")) {
            f.el = El::LocationRef;
            m_audit->locationOid = intern(attr("LocationOID"));
        } else if (is("DateTimeStamp") || is("ReasonForChange") || is("SourceID")) {
            f.el = El::AuditText;
            m_keepText = true;
            m_text.clear();
        }
        return true;
    default:
        return true;
    }
    if (is("AuditRecord")) {
        f.el = El::AuditRecord;
        ++m_counts.auditRecords;
        m_audit = std::make_shared<OdmAuditRecord>();
        m_audit->line = f.line;
        m_audit->editPoint = attr("EditPoint").toString();
        return true;
    }
    if (is("Signature")) {
        ++m_counts.signatures;
        return true;
    }
    if (entityName)
        return misplaced();
    return true; // Annotation, Query, InvestigatorRef, ArchiveLayoutRef, ...: not read
}

bool OdmReader::startEntity(Frame& f, Frame& parent, OdmCounts::Level level)
{
    if (!transactionAttribute(&f.own))
        return false;
    f.level = level;
    f.effective = f.own != OdmTransaction::None ? f.own : parent.effective;
    f.audit = parent.audit;
    f.auditDepth = parent.auditDepth;
    ++m_counts.transactions[size_t(level)][size_t(f.effective)];
    if (parent.record >= 0 && !parent.hadChild && !m_info.odm2
        && (parent.el == El::SubjectData || parent.el == El::StudyEventData))
        complete(parent.record); // ODM 1.3: all a subject or event says of itself comes before its children
    parent.hadChild = true;

    static const OdmEntityState::Kind kinds[] = {OdmEntityState::Kind::Subject, OdmEntityState::Kind::StudyEvent,
                                                 OdmEntityState::Kind::Form, OdmEntityState::Kind::ItemGroup,
                                                 OdmEntityState::Kind::Item};
    if (m_info.transactional) {
        if (level == OdmCounts::Item && f.effective == OdmTransaction::None)
            return fail(QStringLiteral("ItemData %1 has no TransactionType, neither its own nor a parent's: a "
                                       "Transactional file says what it does with every value")
                            .arg(quoted(f.oid)));
        if (!checkTransaction(f, parent, kinds[level]))
            return false;
    }
    if (level == OdmCounts::Item)
        return true;

    if (f.el == El::ItemGroupData && !f.isForm) {
        const OdmItemGroupDef* def = m_clinicalVersion ? m_meta.itemGroupDef(*m_clinicalVersion, f.oid) : nullptr;
        f.repeating = def ? def->repeating : !f.repeatKey.isEmpty() && f.repeatKey != QLatin1String("1");
    }
    if (m_info.odm2 && (level == OdmCounts::Subject || parent.el == El::ClinicalData))
        ++m_hold; // its AuditRecords follow its data: hold its records until it ends
    using L = OdmClinicalRecord::Level;
    const L recordLevel = level == OdmCounts::Subject ? L::Subject
        : level == OdmCounts::StudyEvent              ? L::StudyEvent
        : level == OdmCounts::Form                    ? L::Form
                                                      : L::ItemGroup;
    f.record = f.firstRecord = newRecord(recordLevel, f);
    return f.record >= 0;
}

bool OdmReader::checkTransaction(Frame& f, const Frame& parent, OdmEntityState::Kind kind)
{
    const OdmEntityState::Key key = OdmEntityState::childKey(parent.entity, kind, f.oid, f.repeatKey);
    const OdmEntityState::Result r = m_state->apply(key, f.effective, parent.entity, f.line, &f.entity);
    if (r.conflict == OdmEntityState::Conflict::None)
        return true;
    const QString what = QStringLiteral("%1 %2").arg(m_xml.name(), quoted(f.oid, f.repeatKey));
    const QString type = odmTransactionName(f.effective);
    const QString earlier = r.earlierFile.isEmpty() ? QString()
                                                    : QStringLiteral("%1:%2").arg(r.earlierFile).arg(r.earlierLine);
    switch (r.conflict) {
    case OdmEntityState::Conflict::AlreadyExists:
        return fail(QStringLiteral("Insert of %1, which already exists (the file series has it from %2)").arg(what, earlier));
    case OdmEntityState::Conflict::WasRemoved:
        return fail(QStringLiteral("%1 of %2, which does not exist: the file series removed it at %3")
                        .arg(type, what, earlier));
    case OdmEntityState::Conflict::ParentIsNew:
        return fail(QStringLiteral("%1 of %2, which does not exist: its <%3> was inserted as new%4 and the file "
                                   "series never inserted this one")
                        .arg(type, what, parent.name, earlier.isEmpty() ? QString() : QStringLiteral(" at ") + earlier));
    case OdmEntityState::Conflict::ParentRemoved:
        return fail(QStringLiteral("%1 of %2 inside <%3>, which this instruction removes").arg(type, what, parent.name));
    case OdmEntityState::Conflict::None:
        break;
    }
    return true;
}

qint64 OdmReader::newRecord(OdmClinicalRecord::Level level, const Frame& f)
{
    if (m_pending.size() >= size_t(MaxPendingRecords)) {
        fail(QStringLiteral("more than %1 records wait for the end of one %2 (an ODM 1.3 form, or an ODM 2.0 "
                            "subject whose AuditRecords follow its data)")
                 .arg(MaxPendingRecords)
                 .arg(m_info.odm2 ? QStringLiteral("subject") : QStringLiteral("form")));
        return -1;
    }
    m_pending.emplace_back();
    OdmClinicalRecord& r = m_pending.back().rec;
    r.level = level;
    r.odm2 = m_info.odm2;
    r.file = m_fileName;
    r.line = f.line;
    r.column = f.column;
    r.studyOid = m_studyOid;
    r.mainStudyOid = m_mainStudyOid;
    r.metaDataVersionOid = m_versionOid;
    r.ownTransaction = f.own;
    r.transaction = f.effective;
    r.audit = f.audit;
    r.auditDepth = f.auditDepth;
    readVendorAttributes(r.vendorAttributes);
    if (level == OdmClinicalRecord::Level::Subject) {
        for (const OdmVendorAttribute& a : r.vendorAttributes) {
            if (a.name == QLatin1String("Status") || a.name == QLatin1String("SubjectStatus"))
                m_subjectStatus = a.value;
            else if (a.name == QLatin1String("DataAccessGroup") && !a.value.isEmpty())
                m_siteOid = a.value; // REDCap's data access group: its site
        }
    }
    if (m_subjectDepth >= 0) {
        r.subjectSeq = m_subjectSeq;
        r.subjectKey = m_subjectKey;
        r.siteOid = m_siteOid;
        r.subjectStatus = m_subjectStatus;
    }
    if (m_eventDepth >= 0) {
        const Frame& e = m_stack[size_t(m_eventDepth)];
        r.studyEventOid = e.oid;
        r.studyEventRepeatKey = e.repeatKey;
    }
    if (m_formDepth >= 0) {
        const Frame& fm = m_stack[size_t(m_formDepth)];
        r.formOid = fm.oid;
        r.formRepeatKey = fm.repeatKey;
    }
    if (level == OdmClinicalRecord::Level::ItemGroup) {
        r.itemGroupOid = f.oid;
        r.itemGroupRepeatKey = f.repeatKey;
        const int first = m_formDepth >= 0 ? m_formDepth + 1 : m_eventDepth >= 0 ? m_eventDepth + 1 : 1;
        for (int d = first; d < m_depth - 1; ++d)
            if (m_stack[size_t(d)].el == El::ItemGroupData)
                r.outerItemGroups.push_back({m_stack[size_t(d)].oid, m_stack[size_t(d)].repeatKey});
    }
    return m_firstSeq + qint64(m_pending.size()) - 1;
}

void OdmReader::complete(qint64 seq)
{
    if (seq >= m_firstSeq)
        m_pending[size_t(seq - m_firstSeq)].complete = true;
}

void OdmReader::setAudit(Frame& owner, int ownerDepth, const std::shared_ptr<const OdmAuditRecord>& audit)
{
    // The nearest AuditRecord wins: it replaces an inherited one on the owner's records and items, never
    // one that a nearer element gave them (ODM 2.0 writes it after the children, which have theirs already).
    const quint8 depth = quint8(ownerDepth + 1);
    owner.audit = audit;
    owner.auditDepth = depth;
    if (owner.firstRecord < 0)
        return;
    for (qint64 seq = qMax(owner.firstRecord, m_firstSeq); seq < m_firstSeq + qint64(m_pending.size()); ++seq) {
        OdmClinicalRecord& r = pending(seq);
        if (r.auditDepth < depth) {
            r.audit = audit;
            r.auditDepth = depth;
        }
        for (OdmItemValue& v : r.items)
            if (v.auditDepth < depth) {
                v.audit = audit;
                v.auditDepth = depth;
            }
    }
}

bool OdmReader::endElement()
{
    Frame& f = m_stack[size_t(m_depth - 1)];
    bool ok = true;
    if (m_depth >= 2 && f.el != El::Other) {
        Frame& parent = m_stack[size_t(m_depth - 2)];
        ok = f.el >= El::ClinicalData ? endClinical(f, parent) : (endMetadata(f, parent), true);
    }
    if (ok)
        --m_depth;
    return ok;
}

bool OdmReader::endClinical(Frame& f, Frame& parent)
{
    auto childless = [&] {
        if (m_info.transactional && f.effective == OdmTransaction::None && !f.hadChild)
            return fail(QStringLiteral("%1 %2 has no TransactionType and no content: a Transactional file says "
                                       "what it does with it")
                            .arg(f.name, quoted(f.oid, f.repeatKey)));
        return true;
    };
    switch (f.el) {
    case El::ClinicalData:
        m_inClinicalData = false;
        m_clinicalVersion = nullptr;
        return true;
    case El::SubjectData:
        if (!childless())
            return false;
        complete(f.record);
        m_subjectDepth = -1;
        if (m_info.odm2)
            --m_hold;
        return true;
    case El::StudyEventData:
        if (!childless())
            return false;
        complete(f.record);
        m_eventDepth = -1;
        return true;
    case El::FormData:
        if (!childless())
            return false;
        complete(f.record);
        m_formDepth = -1;
        return true;
    case El::ItemGroupData:
        if (!childless())
            return false;
        if (f.isForm) {
            m_formDepth = -1;
        } else if (m_formDepth >= 0 && !f.repeating) {
            // A form as one row: the values of its non-repeating groups.
            const qint64 formRecord = m_stack[size_t(m_formDepth)].record;
            if (formRecord >= m_firstSeq && f.record >= m_firstSeq) {
                const std::vector<OdmItemValue>& items = pending(f.record).items;
                std::vector<OdmItemValue>& out = pending(formRecord).items;
                out.insert(out.end(), items.begin(), items.end());
            }
        }
        complete(f.record);
        if (m_info.odm2 && parent.el == El::ClinicalData)
            --m_hold;
        return true;
    case El::ItemData: {
        if (f.typed) {
            m_keepText = false;
            f.value = m_text;
            f.hasValue = true;
        }
        if (f.isNull && f.hasValue)
            return fail(QStringLiteral("ItemData has both a value and IsNull=\"Yes\""));
        if (parent.record < m_firstSeq)
            return true;
        OdmItemValue v;
        v.itemOid = f.oid;
        v.value = f.hasValue ? f.value : QString();
        v.moreValues = f.moreValues;
        v.isNull = f.isNull;
        v.transaction = f.effective;
        v.audit = f.audit;
        v.auditDepth = f.auditDepth;
        v.itemGroupOid = parent.oid;
        v.line = f.line;
        pending(parent.record).items.push_back(std::move(v));
        return true;
    }
    case El::Value:
        m_keepText = false;
        if (!parent.hasValue) {
            parent.value = m_text;
            parent.hasValue = true;
        } else {
            parent.moreValues << m_text;
        }
        return true;
    case El::AuditText: {
        m_keepText = false;
        const QString text = m_text.trimmed();
        if (f.name.endsWith(QLatin1String("DateTimeStamp")))
            m_audit->dateTimeStamp = text;
        else if (f.name.endsWith(QLatin1String("ReasonForChange")))
            m_audit->reasonForChange = text;
        else
            m_audit->sourceId = text;
        return true;
    }
    case El::AuditRecord:
        // Applies to its parent entity and everything inside that has no nearer one; the ClinicalData's
        // (ODM 2.0, after all its subjects) and the AuditRecords collection (ODM 1.3) are counted only.
        if (parent.el >= El::SubjectData && parent.el <= El::ItemData)
            setAudit(parent, m_depth - 2, m_audit);
        m_audit.reset();
        return true;
    default:
        return true;
    }
}

QString OdmReader::xpath(int depth) const
{
    QString s;
    for (int i = 0; i < depth; ++i) {
        const Frame& f = m_stack[size_t(i)];
        auto step = [&](const char* key, const char* key2 = nullptr) {
            appendOdmXPathStep(s, QLatin1StringView(f.name.toLatin1()), QLatin1StringView(key), f.oid,
                               key2 ? QLatin1StringView(key2) : QLatin1StringView(), f.repeatKey);
        };
        switch (f.el) {
        case El::ClinicalData: step("StudyOID", "MetaDataVersionOID"); break;
        case El::SubjectData: step("SubjectKey"); break;
        case El::StudyEventData: step("StudyEventOID", "StudyEventRepeatKey"); break;
        case El::FormData: step("FormOID", "FormRepeatKey"); break;
        case El::ItemGroupData: step("ItemGroupOID", "ItemGroupRepeatKey"); break;
        case El::ItemData: step("ItemOID"); break;
        case El::Study:
        case El::MetaDataVersion:
        case El::StudyEventDef:
        case El::FormDef:
        case El::ItemGroupDef:
        case El::ItemDef:
        case El::CodeList:
        case El::User:
        case El::Location: step("OID"); break;
        default: {
            // A run of the same element (deep nesting) is written once with its count.
            int run = 1;
            while (i + run < depth && m_stack[size_t(i + run)].el == El::Other && m_stack[size_t(i + run)].name == f.name)
                ++run;
            s += QLatin1Char('/');
            s += f.name;
            if (run > 2) {
                s += QStringLiteral("/\u2026 (%1 nested <%2>)").arg(run).arg(f.name);
                i += run - 1;
            }
            break;
        }
        }
    }
    return s;
}

bool OdmReader::fail(const QString& message)
{
    return failAt(m_xml.lineNumber(), m_xml.columnNumber(), message, m_depth);
}

bool OdmReader::failAt(qint64 line, qint64 column, const QString& message, int depth)
{
    if (hasError())
        return false;
    m_error.where.file = m_fileName;
    m_error.where.line = line;
    m_error.where.column = column;
    m_error.where.field = xpath(depth);
    m_error.message = message;
    m_file.close();
    return false;
}

} // namespace tb::core

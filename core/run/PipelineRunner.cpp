#include "run/PipelineRunner.h"

#include "audit/AuditLog.h"
#include "changecontrol/ChangeControl.h"
#include "changecontrol/UatSandbox.h"
#include "connection/ConnectionProfile.h"
#include "load/CtmsDatabase.h"
#include "load/DatabaseReferenceData.h"
#include "load/EntityTable.h"
#include "mapping/MappingPlan.h"
#include "run/DropIntake.h"
#include "run/LoadWriter.h"
#include "run/PipelineDocument.h"
#include "run/RunFeedback.h"
#include "run/RunStore.h"
#include "run/SourceCursorStore.h"
#include "run/TargetLock.h"
#include "run/UnitIndex.h"
#include "run/UnitStateStore.h"
#include "source/RecordSource.h"
#include "source/http/JsonRestRecordSource.h"
#include "source/http/RedcapRecordSource.h"
#include "source/drop/DropLedger.h"
#include "source/drop/DropRecordSource.h"
#include "source/drop/LocalDropFolder.h"
#include "source/drop/SftpDropFolder.h"
#include "study/StudyConfig.h"
#include "util/Crypto.h"
#include "util/FastHash.h"
#include "util/JsonText.h"
#include "util/Logging.h"
#include "validate/BusinessRules.h"
#include "validate/RecordValidator.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>

#include <unordered_map>

#include <cstring>
#include <map>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace tb::core {

namespace {

constexpr quint64 kKeySeed = 0x7b1d5eedU;

// The loaded sources of one pipeline step.
struct Step
{
    PipelineDocument::Step spec;
    QString mappingPath;
    QString sourcePath;
    MappingDocument doc;
    std::unique_ptr<MappingPlan> plan;
    std::unique_ptr<RecordSource> reader;
    const EntityDef* entity = nullptr;
    bool root = false; // the step loads the unit's own entity (subject in a subject unit)
    // Remote steps (REDCap, REST): spec.source names a connection; the pull happens once the target is open
    // (its cursor is there), and the reader is a RestRecordSource.
    bool remote = false;
    RestSourceConfig rest;
    QString cursorBasis; // what a cursor of this step is valid for (0008_source_cursor.sql)
    RestRecordSource* restReader = nullptr; // == reader.get() for remote steps
    // Folder drops (spec.isDrop()): the folder (opened once the target is open: its ledger is there), and the
    // files this run took — loaded (records read) or failed (moved to error/) — recorded with the run's commit.
    bool drop = false;
    std::unique_ptr<DropFolder> dropFolder;
    QByteArray dropSecret; // an sftp connection's password or key, until the folder is opened
    std::vector<DropLedger::File> dropFiles;
};

// Steps whose records share one kind of unit (all steps loaded per subject), loaded together.
struct Group
{
    const EntityDef* unitEntity = nullptr;
    std::vector<int> steps; // root steps (upsert, then merge) first, then children
    UnitIndex index;
};

// A record of the unit being loaded, with what was found wrong with it.
struct UnitRecord
{
    Record record;
    QVector<ValidationIssue> issues;
    int step = 0;         // index into the run's steps
    bool merge = false;   // folded into the unit's root record
    bool dropped = false; // an identical duplicate of another record, or folded into one, or a removal
    RecordSource::Operation op = RecordSource::Operation::Upsert;
};

bool isRemoval(const UnitRecord& ur)
{
    return ur.op == RecordSource::Operation::Remove;
}

// A removal that does not name its entity's whole key (a REDCap record deletion read by a visit step) is not
// about that entity: its subject's removal takes everything of the subject with it.
bool isForeignRemoval(const UnitRecord& ur)
{
    const EntityDef& e = *ur.record.entity;
    return isRemoval(ur)
        && std::any_of(e.keyFields.cbegin(), e.keyFields.cend(), [&](int k) { return ur.record.values[size_t(k)].isEmpty(); });
}

// Whether b comes after a in the same source file (ODM transactions apply in document order).
bool laterInFile(const UnitRecord& a, const UnitRecord& b)
{
    return a.record.source.file == b.record.source.file && b.record.source.line > a.record.source.line;
}

quint64 keyHash(const Values& key)
{
    quint64 h = kKeySeed;
    for (const QString& v : key)
        h = (h ^ hash64(v, kKeySeed)) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

// A unit key for a row whose key cannot be computed: the row becomes a unit of its own, rejected with
// the reason its mapping gives.
quint64 orphanHash(int step, qint64 line)
{
    return hash64(QStringLiteral("\x1Frow:%1:%2").arg(step).arg(line), kKeySeed);
}

Record recordFromStored(const EntityDef* e, const StoredRow& row)
{
    Record r(e);
    r.values = row.values;
    r.sourceModified = row.sourceModified;
    return r;
}

bool hasError(const QVector<ValidationIssue>& issues)
{
    for (const ValidationIssue& i : issues)
        if (i.severity == ValidationIssue::Severity::Error)
            return true;
    return false;
}

class PipelineRun
{
public:
    PipelineRun(const PipelineRunner::Options& options, RunFeedback* feedback)
        : m_options(options), m_feedback(feedback)
    {
    }

    RunResult execute(const QString& pipelinePath);

private:
    bool configure(const QString& pipelinePath);
    bool configureRemote(int stepIndex, Step& s);
    bool configureDrop(int stepIndex, Step& s);
    bool loadConnection(const QString& where, const QString& name, const QString& path, ConnectionProfile* out);
    bool readSecret(const QString& where, const QString& name, const ConnectionProfile& profile, QByteArray* out);
    bool pullDropSources();
    bool compileStep(Step& s);
    void groupSteps();
    bool pullRemoteSources();
    bool lockTarget(const QString& dbPath);
    bool checkChangeControl(const QString& dbPath);
    bool indexSources();
    bool prepareWriters();
    bool loadStudyRecords();
    bool loadGroup(Group& g);
    bool loadUnit(Group& g, int unit, WriteChunk& ops, bool* loaded);
    bool changedSoFar() const;
    bool readUnitRows(const Group& g, int unit, int step, const Record* root, std::vector<UnitRecord>& out,
                      Values* unitKey);
    bool peekUnitKey(const Group& g, int unit, size_t firstChild, Values* unitKey);
    bool planRecord(const Record& rec, const StoredRow* existing, WriteChunk& ops);
    // Who, when, which record (key, study, site, subject), from where and why; the action is the caller's.
    WriteChunk::AuditFacts auditFacts(const Record& cause, const QString& why);
    void planDelete(const EntityDef& e, const StoredRow& stored, const Record& cause, const QString& why,
                    WriteChunk& ops);
    bool removeUnit(Group& g, int unit, std::vector<UnitRecord>& recs, size_t removal, size_t firstChildStep,
                    const Values& unitKey, WriteChunk& ops, bool* loaded);
    bool resolveChildOperations(std::vector<UnitRecord>& recs, size_t first, bool rootStored,
                                std::vector<size_t>* removals);
    void rejectUnit(const std::vector<UnitRecord>& recs, const UnitRecord* root, WriteChunk& ops);
    bool handOver(bool flush = false);
    bool barrier(); // everything planned so far written and committed
    EntityCounts& counts(const EntityDef* e) { return m_result.entities[e->index].second; }
    EntityTable& table(const EntityDef* e) { return m_tables[size_t(e->index)]; }
    void countRead(const EntityDef* e) { ++counts(e).read; }
    bool fail(const QString& message)
    {
        m_result.status = RunResult::Status::Failed;
        m_result.message = message;
        return false;
    }
    // A failure of the target database, named.
    bool targetFailed(const QString& error) { return fail(QStringLiteral("%1: %2").arg(m_db.path(), error)); }
    bool configError(const QString& message)
    {
        m_result.status = RunResult::Status::ConfigError;
        m_result.message = message;
        return false;
    }

    PipelineRunner::Options m_options;
    RunFeedback* m_feedback;
    RunResult m_result;
    PipelineDocument m_pipeline;
    std::shared_ptr<StudyConfig> m_study;
    std::vector<Step> m_steps;
    std::vector<Group> m_groups;
    // Two connections to the target: the writer thread owns m_db during the load; this thread reads
    // (stored rows, reference data) through m_readDb, which sees what the writer has committed.
    CtmsDatabase m_db;
    CtmsDatabase m_readDb;
    std::unique_ptr<LoadWriter> m_writer;
    std::shared_ptr<const AuditSigner> m_signer; // signs the audit checkpoints; null: unsigned
    std::unique_ptr<TargetLock> m_targetLock;
    WriteChunk m_pending; // whole units, not yet handed to the writer
    std::unique_ptr<DatabaseReferenceData> m_reference;
    std::unique_ptr<RecordValidator> m_validator;
    std::unique_ptr<BusinessRules> m_rules;
    std::vector<EntityTable> m_tables; // by entity index, on m_readDb
    std::vector<quint64> m_storedRoots; // keyHash() of the group's stored root rows, sorted
    AuditChain::Head m_chain;            // the audit chain as the writer will find it (see WriteChunk)
    RunStore m_store;
    UnitStateStore m_states;
    SourceCursorStore m_cursors; // on m_readDb: read before the pulls; the writer writes them
    DropLedger m_dropLedger;     // on m_readDb: read before the files are; the writer writes it
    QStringList m_dropNotes;     // files refused or moved to error/: the run reports them
    std::pair<quint64, quint64> m_salt; // mixed into every unit fingerprint: documents and engine version
    QString m_unitTime; // audit time stamp of the unit being written
    qint64 m_unitsDone = 0;
    qint64 m_unitsTotal = 0;
};

bool PipelineRun::configure(const QString& pipelinePath)
{
    QString error;
    if (!PipelineDocument::load(pipelinePath, &m_pipeline, &error))
        return configError(error);
    m_study = StudyConfig::load(m_pipeline.resolve(m_pipeline.study), m_options.schema, &error);
    if (!m_study)
        return configError(error);

    for (int i = 0; i < int(m_pipeline.steps.size()); ++i) {
        const PipelineDocument::Step& spec = m_pipeline.steps[i];
        Step s;
        s.spec = spec;
        s.mappingPath = m_pipeline.resolve(spec.mapping);
        if (!MappingDocument::load(s.mappingPath, &s.doc, &error))
            return configError(error);
        if (spec.isDrop()) {
            if (!configureDrop(i, s))
                return false;
            m_steps.push_back(std::move(s));
            continue;
        }
        RecordSource::Kind kind = RecordSource::Kind::Csv;
        RecordSource::parseKind(s.doc.sourceKind, &kind); // checked when the document was loaded
        if (RecordSource::isRemote(kind)) {
            if (!configureRemote(i, s))
                return false;
            m_steps.push_back(std::move(s));
            continue;
        }
        s.sourcePath = m_pipeline.resolve(spec.source);
        s.reader = RecordSource::create(kind, s.doc.dialect, s.doc.odm);
        if (!s.reader->open(s.sourcePath))
            return fail(s.reader->error().toString() + QStringLiteral(" — nothing was loaded"));
        if (!compileStep(s))
            return false;
        m_steps.push_back(std::move(s));
    }

    // Whatever changes how rows become records changes every fingerprint: the unit is loaded again.
    crypto::Blake2b salt(16);
    salt.add(QByteArrayLiteral(TB_VERSION));
    salt.add(QByteArray::number(m_options.schema->version()));
    salt.add(QJsonDocument(m_study->toJson()).toJson(QJsonDocument::Compact));
    for (const Step& s : m_steps)
        salt.add(s.doc.toJsonBytes());
    const QByteArray digest = salt.finish();
    std::memcpy(&m_salt.first, digest.constData(), 8);
    std::memcpy(&m_salt.second, digest.constData() + 8, 8);
    return true;
}

bool PipelineRun::compileStep(Step& s)
{
    QString error;
    s.plan = MappingPlan::compile(s.doc, s.mappingPath, m_options.schema, s.reader->header(), s.spec.source, m_study.get(),
                                  &error);
    if (!s.plan)
        return configError(error);
    s.entity = &s.plan->entity();
    s.root = s.entity->name == s.plan->unitEntity().name;
    if (!s.root && s.plan->isMerge())
        return configError(QStringLiteral("%1: \"merge\" mode is for records of a unit's own entity (%2)")
                               .arg(s.mappingPath, s.plan->unitEntity().name));
    return true;
}

void PipelineRun::groupSteps()
{
    // Group steps by unit entity, in order of first appearance; within a group, the root's upserts
    // come first, then its merges, then the children in schema order.
    const CtmsSchema& schema = *m_options.schema;
    for (int i = 0; i < int(m_steps.size()); ++i) {
        const EntityDef* unit = &m_steps[size_t(i)].plan->unitEntity();
        auto it = std::find_if(m_groups.begin(), m_groups.end(), [&](const Group& g) { return g.unitEntity == unit; });
        if (it == m_groups.end()) {
            m_groups.push_back(Group{unit, {}, UnitIndex()});
            it = m_groups.end() - 1;
        }
        it->steps.push_back(i);
    }
    for (Group& g : m_groups) {
        auto rank = [&](int i) {
            const Step& s = m_steps[size_t(i)];
            if (s.root)
                return s.plan->isMerge() ? 1 : 0;
            return 2 + schema.entityIndex(s.entity->name);
        };
        std::stable_sort(g.steps.begin(), g.steps.end(), [&](int a, int b) { return rank(a) < rank(b); });
        g.index = UnitIndex(int(g.steps.size()));
    }
}

// The source columns a mapping reads (fields, modifiedAt, filters), each once, in that order.
QStringList mappingColumns(const MappingDocument& doc)
{
    QStringList columns;
    auto want = [&](const QStringList& names) {
        for (const QString& n : names)
            if (!n.isEmpty() && !columns.contains(n))
                columns << n;
    };
    for (const FieldRule& r : doc.fields)
        want(r.from);
    want(doc.modifiedAt.from);
    for (const RowFilter& f : doc.filters)
        want({f.column});
    return columns;
}

bool PipelineRun::configureRemote(int stepIndex, Step& s)
{
    // Everything but the pull: a missing connection or secret stops the run before the target is touched.
    const QString name = s.spec.source;
    const QString where = QStringLiteral("%1: steps[%2] (%3)").arg(m_pipeline.fileName).arg(stepIndex).arg(s.spec.mapping);
    const bool redcap = s.doc.sourceKind == QLatin1String("redcap");
    s.remote = true;
    s.rest = s.doc.rest;
    s.sourcePath = name;
    const QString profilePath = m_pipeline.resolve(name + QStringLiteral(".connection.json"));
    const bool isFile = name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || (!QFileInfo::exists(profilePath) && QFileInfo(m_pipeline.resolve(name)).isFile());
    if (isFile)
        return configError(QStringLiteral("%1: \"source\" must name a connection of the workspace (NAME for "
                                          "NAME.connection.json), not a file: the mapping reads from %2 — nothing was loaded")
                               .arg(where, s.doc.sourceKind));
    if (!QFileInfo::exists(profilePath))
        return configError(QStringLiteral("%1: the connection \"%2\" does not exist (no %3) — nothing was loaded")
                               .arg(where, name, QFileInfo(profilePath).fileName()));
    ConnectionProfile profile;
    if (!loadConnection(where, name, profilePath, &profile))
        return false;
    const ConnectionProfile::Kind wanted = redcap ? ConnectionProfile::Kind::Redcap : ConnectionProfile::Kind::EdcRest;
    if (profile.kind != wanted)
        return configError(QStringLiteral("%1: the mapping reads from %2, but the connection \"%3\" is of kind %4 "
                                          "(expected %5)")
                               .arg(where, s.doc.sourceKind, name, ConnectionProfile::kindName(profile.kind),
                                    ConnectionProfile::kindName(wanted)));
    RestSourceConfig& c = s.rest;
    c.url = redcap ? profile.url : RestSourceConfig::endpointUrl(profile.url, c.resourcePath);
    c.tls = profile.tls;
    c.policy.connectTimeoutMs = profile.timeoutMs;
    c.policy.transferTimeoutMs = qMax(c.policy.transferTimeoutMs, profile.timeoutMs); // a whole export takes long
    // Records name only the fields they have (an incremental pull may bring none): the mapping's columns are
    // always there, null where missing.
    for (const QString& column : mappingColumns(s.doc))
        if (!c.columns.contains(column))
            c.columns << column;
    if (!redcap) {
        switch (profile.auth) {
        case ConnectionProfile::Auth::None: c.auth = RestSourceConfig::Auth::None; break;
        case ConnectionProfile::Auth::Bearer: c.auth = RestSourceConfig::Auth::Bearer; break;
        case ConnectionProfile::Auth::Header:
            c.auth = RestSourceConfig::Auth::ApiKeyHeader;
            c.authHeader = profile.headerName;
            break;
        default:
            return configError(QStringLiteral("%1: the connection \"%2\" authenticates with %3, which REST sources do "
                                              "not support (use none, bearer or header)")
                                   .arg(where, name, ConnectionProfile::authName(profile.auth)));
        }
    }
    return readSecret(where, name, profile, &c.credential);
}

bool PipelineRun::loadConnection(const QString& where, const QString& name, const QString& path, ConnectionProfile* out)
{
    QStringList errors;
    if (!ConnectionProfile::load(path, out, &errors))
        return configError(QStringLiteral("%1: the connection \"%2\" is not valid: %3 — nothing was loaded")
                               .arg(where, name, errors.join(QStringLiteral("; "))));
    return true;
}

bool PipelineRun::readSecret(const QString& where, const QString& name, const ConnectionProfile& profile, QByteArray* out)
{
    const QStringList fields = profile.secretFields();
    if (fields.isEmpty())
        return true;
    QString error;
    if (!m_options.secret)
        return configError(QStringLiteral("%1: the connection \"%2\" needs its secret %3, and this run has no "
                                          "secret store — nothing was loaded")
                               .arg(where, name, profile.secretName(fields.first())));
    if (!m_options.secret(name, fields.first(), out, &error) || out->isEmpty())
        return configError(QStringLiteral("%1: the secret %2 of the connection \"%3\": %4 — nothing was loaded")
                               .arg(where, profile.secretName(fields.first()), name,
                                    error.isEmpty() ? QStringLiteral("empty") : error));
    return true;
}

bool PipelineRun::configureDrop(int stepIndex, Step& s)
{
    // Everything but the listing: a missing folder, connection or secret stops the run before the target is touched.
    const QString where = QStringLiteral("%1: steps[%2] (%3)").arg(m_pipeline.fileName).arg(stepIndex).arg(s.spec.mapping);
    RecordSource::Kind kind = RecordSource::Kind::Csv;
    RecordSource::parseKind(s.doc.sourceKind, &kind);
    if (kind != RecordSource::Kind::Csv && kind != RecordSource::Kind::DatasetJson)
        return configError(QStringLiteral("%1: a folder drop delivers csv or dataset-json files, but the mapping reads from "
                                          "%2 — nothing was loaded")
                               .arg(where, s.doc.sourceKind));
    s.drop = true;
    s.sourcePath = s.spec.source;
    const QString name = s.spec.source;
    const QString profilePath = m_pipeline.resolve(name + QStringLiteral(".connection.json"));
    if (!name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')) && QFileInfo::exists(profilePath)) {
        ConnectionProfile profile;
        if (!loadConnection(where, name, profilePath, &profile))
            return false;
        if (profile.kind != ConnectionProfile::Kind::Sftp)
            return configError(QStringLiteral("%1: a folder drop reads a local folder or an sftp connection, but the "
                                              "connection \"%2\" is of kind %3 — nothing was loaded")
                                   .arg(where, name, ConnectionProfile::kindName(profile.kind)));
        if (!readSecret(where, name, profile, &s.dropSecret))
            return false;
        s.dropFolder = std::make_unique<SftpDropFolder>(profile);
        return true;
    }
    const QString folder = m_pipeline.resolve(name);
    if (!QFileInfo(folder).isDir())
        return configError(QStringLiteral("%1: the drop folder \"%2\" does not exist (a folder, or NAME of an sftp "
                                          "connection NAME.connection.json) — nothing was loaded")
                               .arg(where, name));
    s.dropFolder = std::make_unique<LocalDropFolder>(folder);
    return true;
}

bool PipelineRun::pullDropSources()
{
    QString error;
    bool ledgerReady = false;
    for (Step& s : m_steps) {
        if (!s.drop)
            continue;
        if (!ledgerReady && !(ledgerReady = m_dropLedger.prepare(m_readDb.handle(), &error)))
            return targetFailed(error);
        if (auto* sftp = dynamic_cast<SftpDropFolder*>(s.dropFolder.get())) {
            const ConnectionTestResult opened = sftp->open(s.dropSecret);
            crypto::wipe(s.dropSecret);
            if (!opened.ok())
                return fail(QStringLiteral("%1: %2 — nothing was loaded").arg(s.spec.source, opened.message));
        }
        DropIntake intake(*s.dropFolder, m_dropLedger, m_feedback);
        const DropIntake::Step step{m_pipeline.name, m_db.path(), s.spec.source, s.spec.mapping, s.mappingPath, &s.doc,
                                    m_options.schema, m_study.get(),
                                    {s.spec.dropPattern, s.spec.dropMarker, s.spec.dropStableMs}};
        const DropIntake::Outcome outcome = intake.take(step);
        m_dropNotes << intake.notes();
        if (outcome == DropIntake::Outcome::Cancelled) {
            m_result.status = RunResult::Status::Cancelled;
            m_result.message = intake.error();
            return false;
        }
        if (outcome == DropIntake::Outcome::Failed)
            return fail(intake.error());
        s.dropFiles = std::move(intake.files());
        std::unique_ptr<DropRecordSource> reader = intake.releaseReader();
        if (reader->fileCount() == 0)
            reader->setHeader(mappingColumns(s.doc)); // nothing new: no rows, under the columns the mapping names
        s.reader = std::move(reader);
        if (!compileStep(s))
            return false;
    }
    return true;
}

bool PipelineRun::pullRemoteSources()
{
    if (!pullDropSources())
        return false;
    QString error;
    for (Step& s : m_steps) {
        if (!s.remote)
            continue;
        // The cursor of the last run that committed everything it pulled; empty: a full pull. A cursor taken
        // under other documents (or from another server) is not used: unchanged records may map differently now.
        {
            crypto::Blake2b basis(16);
            basis.add(reinterpret_cast<const char*>(&m_salt.first), 8);
            basis.add(reinterpret_cast<const char*>(&m_salt.second), 8);
            basis.add(s.rest.url.toString(QUrl::RemoveUserInfo).toUtf8());
            s.cursorBasis = QString::fromLatin1(basis.finish().toHex());
        }
        QString storedBasis;
        if (!m_cursors.load(m_pipeline.name, s.spec.source, s.spec.mapping, &s.rest.cursorIn, &storedBasis))
            return fail(QStringLiteral("%1: cannot read the cursor of %2: %3").arg(m_db.path(), s.spec.source, m_cursors.error()));
        if (!s.rest.cursorIn.isEmpty() && storedBasis != s.cursorBasis) {
            qCInfo(lcRun) << "the documents or the connection of" << s.spec.mapping << "changed since its cursor was stored:"
                          << "pulling everything from" << s.spec.source;
            s.rest.cursorIn.clear();
        }
        std::unique_ptr<RestRecordSource> reader;
        if (s.rest.kind == RestSourceConfig::Kind::Redcap)
            reader = std::make_unique<RedcapRecordSource>(s.rest, m_options.clock);
        else
            reader = std::make_unique<JsonRestRecordSource>(s.rest);
        crypto::wipe(s.rest.credential); // the reader keeps its own copy
        RunFeedback* feedback = m_feedback;
        reader->fetcher().setCancelCheck([feedback] { return feedback && feedback->isCanceled(); });
        if (m_feedback)
            m_feedback->report(QStringLiteral("pulling %1 from %2").arg(s.spec.mapping, s.spec.source));
        const bool opened = reader->open(QString());
        if (!opened && m_feedback && m_feedback->isCanceled()) {
            m_result.status = RunResult::Status::Cancelled;
            m_result.message = QStringLiteral("cancelled while pulling from %1: nothing was loaded").arg(s.spec.source);
            return false;
        }
        if (!opened)
            return fail(QStringLiteral("%1: %2 — nothing was loaded").arg(s.spec.source, reader->error().toString()));
        qCInfo(lcRun) << "pulled" << reader->rowCount() << "rows from" << s.spec.source
                      << (s.rest.cursorIn.isEmpty() ? "(full)" : "(since the stored cursor)");
        s.restReader = reader.get();
        s.reader = std::move(reader);
        if (!compileStep(s))
            return false;
    }
    groupSteps();
    return true;
}

bool PipelineRun::indexSources()
{
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = m_reference.get();
    for (Group& g : m_groups) {
        for (int gs = 0; gs < int(g.steps.size()); ++gs) {
            Step& s = m_steps[size_t(g.steps[size_t(gs)])];
            if (m_feedback)
                m_feedback->report(QStringLiteral("indexing %1").arg(s.spec.source));
            RecordSource& reader = *s.reader;
            reader.setDecodedColumns(s.plan->indexColumns());
            Values key;
            while (reader.next()) {
                const std::vector<QString>& row = reader.fields();
                if (!s.plan->accepts(row))
                    continue;
                const RecordPosition at = reader.position();
                const quint64 h = s.plan->unitKey(row, ctx, &key) ? keyHash(key) : orphanHash(gs, at.line);
                const int unit = g.index.add(gs, h, at.offset, at.line, at.index);
                // The fingerprint hashes the row as written: identical bytes give identical records.
                const QByteArrayView text = reader.recordText();
                quint64 a, b;
                hashBytes64x2(text.data(), size_t(text.size()), 0xc0ac29b7c97c50ddULL + quint64(gs),
                              0x3f84d5b5b5470917ULL ^ quint64(gs), &a, &b);
                g.index.addToFingerprint(unit, a, b);
            }
            if (reader.hasError())
                return fail(reader.error().toString() + QStringLiteral(" — nothing was loaded"));
            reader.setDecodedColumns({});
        }
        m_unitsTotal += g.index.unitCount();
    }
    return true;
}

bool PipelineRun::prepareWriters()
{
    QString error;
    m_tables.resize(size_t(m_options.schema->entities().size()));
    for (const EntityDef& e : m_options.schema->entities()) {
        EntityTable& t = table(&e);
        if (!t.prepare(m_readDb.handle(), e, *m_options.schema->entity(e.unitEntity()), &error))
            return targetFailed(error);
    }
    if (!m_store.prepare(m_db.handle(), &error) || !m_states.prepare(m_readDb.handle(), &error)
        || !m_cursors.prepare(m_readDb.handle(), &error))
        return targetFailed(error);
    return true;
}

bool PipelineRun::handOver(bool flush)
{
    // Units plan their writes straight into m_pending; whole units collect into chunks: one hand-over
    // to the writer per few hundred records. Call only between units.
    if (m_pending.empty() || (!flush && m_pending.size() < 512))
        return true;
    WriteChunk next;
    if (!m_writer->push(std::move(m_pending), &next))
        return targetFailed(m_writer->error());
    m_pending = std::move(next);
    return true;
}

bool PipelineRun::barrier()
{
    QString error;
    if (!handOver(true) || !m_writer->barrier(&error))
        return targetFailed(error.isEmpty() ? m_writer->error() : error);
    return true;
}

bool PipelineRun::planRecord(const Record& rec, const StoredRow* existing, WriteChunk& ops)
{
    EntityTable& table = this->table(rec.entity);
    EntityCounts& counts = this->counts(rec.entity);
    const EntityDef& e = *rec.entity;
    const QByteArray hash = rec.contentHash();
    StoredRow full;
    if (existing && existing->keysOnly && existing->hash != hash) {
        // Changed (or written by something other than the loader): the whole row, for the before image.
        if (!table.selectByKey(rec, &full))
            return fail(QStringLiteral("%1: cannot read %2 %3: %4").arg(m_db.path(), e.name, rec.keyLabel(), table.error()));
        existing = &full;
    }
    if (existing) {
        QByteArray storedHash = existing->hash;
        if (storedHash.isEmpty()) // written by something other than the loader: compare the content
            storedHash = recordFromStored(&e, *existing).contentHash();
        if (storedHash == hash) {
            ++counts.unchanged;
            return true;
        }
        if (!rec.sourceModified.isEmpty() && !existing->sourceModified.isEmpty()
            && rec.sourceModified < existing->sourceModified) {
            // Effective dating: an older version must not overwrite newer data; keep it, do not apply it.
            ValidationIssue is;
            is.entity = e.name;
            is.naturalKey = rec.naturalKeyJson();
            is.rule = QStringLiteral("stale");
            is.message = QStringLiteral("%1 %2 was modified in the source at %3, but the CTMS holds a newer version "
                                        "(%4): not applied, kept here for review")
                             .arg(e.label, rec.keyLabel(), rec.sourceModified, existing->sourceModified);
            is.source = rec.source;
            ++counts.stale;
            ops.add(WriteOp::reject(is, rec.sourceRecordJson(), QStringLiteral("stale")));
            return true;
        }
        ops.addUpdate(rec, existing->values, hash, auditFacts(rec, QString()));
        ++counts.updated;
    } else {
        ops.addInsert(rec, hash, auditFacts(rec, QString()));
        ++counts.inserted;
    }
    return true;
}

bool PipelineRun::loadStudyRecords()
{
    m_unitTime = toIsoUtc(m_options.clock->nowUtc());
    for (const Record& rec : m_study->records()) {
        countRead(rec.entity);
        StoredRow existing;
        const bool found = table(rec.entity).selectByKey(rec, &existing);
        if (!found && !table(rec.entity).error().isEmpty())
            return targetFailed(table(rec.entity).error());
        if (!planRecord(rec, found ? &existing : nullptr, m_pending) || !handOver())
            return false;
    }
    // Sites and the schedule must be visible to the reads of everything that follows.
    if (!barrier())
        return false;
    m_reference->clearCaches();
    return true;
}

bool PipelineRun::readUnitRows(const Group& g, int unit, int gs, const Record* root, std::vector<UnitRecord>& out,
                               Values* unitKey)
{
    Step& s = m_steps[size_t(g.steps[size_t(gs)])];
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = m_reference.get();
    ctx.unitRoot = root;
    for (int ri = g.index.firstRun(unit, gs); ri >= 0; ri = g.index.run(gs, ri).next) {
        const UnitIndex::Run& run = g.index.run(gs, ri);
        if (!s.reader->seek({run.offset, run.line, run.index}))
            return fail(s.reader->error().toString());
        for (int accepted = 0; accepted < run.count;) {
            if (!s.reader->next())
                return fail(s.reader->hasError() ? s.reader->error().toString()
                                                 : QStringLiteral("%1 changed while it was being loaded: run again")
                                                       .arg(s.sourcePath));
            const std::vector<QString>& row = s.reader->fields();
            if (!s.plan->accepts(row))
                continue;
            ++accepted;
            UnitRecord ur;
            ur.step = g.steps[size_t(gs)];
            ur.merge = s.plan->isMerge();
            SourceLocation where = s.reader->location();
            // As the pipeline names it; a folder drop's records name their delivered file too ("inbox/subjects_2.csv").
            where.file = s.drop ? s.spec.source + QLatin1Char('/') + where.file : s.spec.source;
            s.plan->map(row, where, ctx, ur.record, ur.issues);
            ur.record.provenance = s.reader->provenance();
            ur.op = s.reader->operation();
            if (ur.op == RecordSource::Operation::Update) {
                s.plan->keepNamed(ur.record, ur.issues, [&](int c) { return s.reader->names(c); });
                // An Update of the unit's own entity changes the stored one: folded in as a merge row is.
                ur.merge = ur.merge || s.root;
            } else if (isRemoval(ur)) {
                // A removal carries its key and nothing else.
                const EntityDef& e = *ur.record.entity;
                ur.issues.removeIf([&](const ValidationIssue& i) { return !e.keyNames().contains(i.field); });
            }
            // The first pass put this row here by its key: a different key now means the file changed
            // (or, astronomically rarely, two keys share a hash) — never load it into the wrong unit.
            Values key;
            const bool hasKey = s.plan->unitKey(ur.record, &key);
            const quint64 h = hasKey ? keyHash(key) : orphanHash(gs, s.reader->position().line);
            if (h != g.index.unitHash(unit) || (hasKey && !unitKey->isEmpty() && key != *unitKey))
                return fail(QStringLiteral("%1: the row does not belong where the first pass found it (the file "
                                           "changed during the run): run again")
                                .arg(where.toString()));
            if (hasKey && unitKey->isEmpty())
                *unitKey = key;
            out.push_back(std::move(ur));
        }
    }
    return true;
}

bool PipelineRun::peekUnitKey(const Group& g, int unit, size_t firstChild, Values* unitKey)
{
    // A unit without rows of its root (its subject only in the CTMS) takes its key from its first child row,
    // read raw as the first pass did: the children cannot be mapped before their stored root is known.
    TransformContext ctx;
    ctx.study = m_study.get();
    ctx.reference = m_reference.get();
    for (size_t gs = firstChild; gs < g.steps.size(); ++gs) {
        const int ri = g.index.firstRun(unit, int(gs));
        if (ri < 0)
            continue;
        Step& s = m_steps[size_t(g.steps[gs])];
        const UnitIndex::Run& run = g.index.run(int(gs), ri);
        if (!s.reader->seek({run.offset, run.line, run.index}))
            return fail(s.reader->error().toString());
        while (s.reader->next()) {
            const std::vector<QString>& row = s.reader->fields();
            if (!s.plan->accepts(row))
                continue;
            if (!s.plan->unitKey(row, ctx, unitKey))
                unitKey->clear();
            return true;
        }
        return fail(s.reader->hasError() ? s.reader->error().toString()
                                         : QStringLiteral("%1 changed while it was being loaded: run again").arg(s.sourcePath));
    }
    return true;
}

void PipelineRun::rejectUnit(const std::vector<UnitRecord>& recs, const UnitRecord* root, WriteChunk& ops)
{
    // The first error names the reason for the records that have none of their own.
    const ValidationIssue* first = nullptr;
    if (root)
        for (const ValidationIssue& i : root->issues)
            if (!first && i.severity == ValidationIssue::Severity::Error)
                first = &i;
    for (const UnitRecord& ur : recs)
        for (const ValidationIssue& i : ur.issues)
            if (!first && i.severity == ValidationIssue::Severity::Error)
                first = &i;
    auto addReject = [&](const ValidationIssue& issue, const Record& r) {
        ops.add(WriteOp::reject(issue, r.sourceRecordJson(), QStringLiteral("open")));
    };
    auto reject = [&](const UnitRecord& ur, bool count) {
        bool own = false;
        for (const ValidationIssue& i : ur.issues) {
            if (i.severity != ValidationIssue::Severity::Error)
                continue;
            own = true;
            addReject(i, ur.record);
        }
        if (!own) {
            ValidationIssue is;
            is.entity = ur.record.entity->name;
            is.naturalKey = ur.record.naturalKeyJson();
            is.rule = QStringLiteral("unit");
            is.message = QStringLiteral("%1 %2 was not loaded because its unit has errors (%3): fix them and run again")
                             .arg(ur.record.entity->label, ur.record.keyLabel(), first ? first->toString() : QString());
            is.source = ur.record.source;
            addReject(is, ur.record);
        }
        if (count)
            ++counts(ur.record.entity).rejected;
    };
    // Rows merged into the root get an entry too (their data must not be lost) but are counted with it.
    if (root)
        reject(*root, true);
    for (const UnitRecord& ur : recs)
        if (!ur.dropped)
            reject(ur, !ur.merge || !root);
}

bool PipelineRun::loadUnit(Group& g, int unit, WriteChunk& ops, bool* loaded)
{
    *loaded = false;
    const EntityDef* rootEntity = g.unitEntity;
    EntityTable& rootTable = table(rootEntity);
    std::vector<UnitRecord> recs;
    Values unitKey; // empty when the rows carry no usable key

    // Phase 1: the root's own rows (upserts, then merges).
    size_t gs = 0;
    for (; gs < g.steps.size() && m_steps[size_t(g.steps[gs])].root; ++gs)
        if (!readUnitRows(g, unit, int(gs), nullptr, recs, &unitKey))
            return false;

    // A removal of the unit's own record (the subject) deletes it with everything that belongs to it.
    for (size_t i = recs.size(); i-- > 0;)
        if (isRemoval(recs[i]))
            return removeUnit(g, unit, recs, i, gs, unitKey, ops, loaded);

    UnitRecord root; // the unit's root record as it will be written
    bool haveRoot = false;
    for (UnitRecord& ur : recs) {
        if (ur.merge)
            continue;
        if (!haveRoot) {
            root = ur;
            haveRoot = true;
            ur.dropped = true; // represented by root from here on
            continue;
        }
        // A folder drop's later file is a later delivery (files are read in name order): its record replaces.
        if (ur.step == root.step && m_steps[size_t(ur.step)].drop && ur.record.source.file != root.record.source.file) {
            root = ur;
            ur.dropped = true;
            continue;
        }
        const MappingDocument& doc = m_steps[size_t(ur.step)].doc;
        if (doc.duplicates == MappingDocument::Duplicates::Identical && ur.record.values == root.record.values) {
            ur.dropped = true;
            continue;
        }
        ValidationIssue is;
        is.entity = rootEntity->name;
        is.naturalKey = ur.record.naturalKeyJson();
        is.rule = QStringLiteral("duplicate_key");
        is.message = QStringLiteral("%1 %2 appears more than once in the source (%3 and %4): remove the duplicate "
                                    "in the source system")
                         .arg(rootEntity->label, ur.record.keyLabel(), root.record.source.toString(),
                              ur.record.source.toString());
        is.source = ur.record.source;
        ur.issues << is;
        is.source = root.record.source;
        root.issues << is;
    }

    // The stored root: for change detection, merges and the rules of the children.
    if (unitKey.empty() && !peekUnitKey(g, unit, gs, &unitKey))
        return false;
    StoredRow storedRoot;
    bool rootStored = false;
    {
        Record probe(rootEntity);
        if (unitKey.size() == rootEntity->keyFields.size()) {
            for (int k = 0; k < unitKey.size(); ++k)
                probe.values[size_t(rootEntity->keyFields[k])] = unitKey[k];
            rootStored = std::binary_search(m_storedRoots.cbegin(), m_storedRoots.cend(), probe.keyHash())
                      && rootTable.selectByKey(probe, &storedRoot);
            if (!rootStored && !rootTable.error().isEmpty())
                return targetFailed(rootTable.error());
        }
    }
    for (UnitRecord& ur : recs) {
        if (!ur.merge)
            continue;
        if (!haveRoot && rootStored) {
            root.record = recordFromStored(rootEntity, storedRoot);
            root.record.source = ur.record.source;
            root.record.sourceHeader = ur.record.sourceHeader;
            root.record.sourceFields = ur.record.sourceFields;
            haveRoot = true;
        }
        if (!haveRoot) {
            ValidationIssue is;
            is.entity = rootEntity->name;
            is.naturalKey = ur.record.naturalKeyJson();
            is.rule = QStringLiteral("merge_target");
            is.message = QStringLiteral("%1 %2 is updated by this row but is neither in this run nor in the CTMS: "
                                        "load it first")
                             .arg(rootEntity->label, ur.record.keyLabel());
            is.source = ur.record.source;
            ur.issues << is;
            countRead(rootEntity);
            continue;
        }
        for (size_t f = 0; f < ur.record.values.size(); ++f) {
            if (!ur.record.isAssigned(int(f)) || rootEntity->isKeyField(int(f)))
                continue;
            root.record.values[f] = ur.record.values[f];
        }
        if (!ur.record.sourceModified.isEmpty() && ur.record.sourceModified > root.record.sourceModified)
            root.record.sourceModified = ur.record.sourceModified;
        root.issues += ur.issues;
        ur.issues.clear();
    }
    std::optional<Record> storedRootRecord;
    if (rootStored)
        storedRootRecord = recordFromStored(rootEntity, storedRoot);
    const Record* subjectForRules = haveRoot ? &root.record : (storedRootRecord ? &*storedRootRecord : nullptr);

    // Phase 2: the children, mapped knowing their root (dates in site time need the subject's site).
    const size_t firstChildRecord = recs.size();
    for (; gs < g.steps.size(); ++gs)
        if (!readUnitRows(g, unit, int(gs), subjectForRules, recs, &unitKey))
            return false;

    std::vector<size_t> removals;
    if (!resolveChildOperations(recs, firstChildRecord, rootStored, &removals))
        return false;

    // Validation: field rules, duplicates, the parent, business rules.
    if (haveRoot) {
        m_validator->validate(root.record, root.issues);
        m_rules->check(root.record, &root.record, root.issues);
        countRead(rootEntity);
    }
    // Duplicate keys within the unit, by key hash (confirmed by comparing the keys).
    std::unordered_multimap<quint64, size_t> seen;
    for (size_t i = firstChildRecord; i < recs.size(); ++i) {
        UnitRecord& ur = recs[i];
        if (ur.dropped)
            continue;
        const quint64 k = ur.record.keyHash() ^ quint64(ur.record.entity->index);
        size_t dupIndex = 0;
        bool isDup = false;
        for (auto [it, end] = seen.equal_range(k); it != end && !isDup; ++it) {
            const Record& o = recs[it->second].record;
            if (o.entity == ur.record.entity && Record::sameKey(*o.entity, o.values, ur.record.values)) {
                isDup = true;
                dupIndex = it->second;
            }
        }
        if (isDup && ur.step == recs[dupIndex].step && m_steps[size_t(ur.step)].drop
            && recs[dupIndex].record.source.file != ur.record.source.file) {
            // A folder drop's later file replaces the earlier file's record (as above); counted once.
            recs[dupIndex].dropped = true;
            --counts(ur.record.entity).read;
            for (auto [it, end] = seen.equal_range(k); it != end; ++it)
                if (it->second == dupIndex)
                    it->second = i;
            isDup = false;
        }
        if (isDup) {
            UnitRecord& other = recs[dupIndex];
            if (m_steps[size_t(ur.step)].doc.duplicates == MappingDocument::Duplicates::Identical
                && other.record.values == ur.record.values) {
                ur.dropped = true;
                continue;
            }
            ValidationIssue is;
            is.entity = ur.record.entity->name;
            is.naturalKey = ur.record.naturalKeyJson();
            is.rule = QStringLiteral("duplicate_key");
            is.message = QStringLiteral("%1 %2 appears more than once in the source (%3 and %4): remove the "
                                        "duplicate in the source system")
                             .arg(ur.record.entity->label, ur.record.keyLabel(), other.record.source.toString(),
                                  ur.record.source.toString());
            is.source = ur.record.source;
            ur.issues << is;
            is.source = other.record.source;
            other.issues << is;
        } else {
            seen.emplace(k, i);
        }
        countRead(ur.record.entity);
        m_validator->validate(ur.record, ur.issues);
        if (!subjectForRules) {
            ValidationIssue is;
            is.entity = ur.record.entity->name;
            is.naturalKey = ur.record.naturalKeyJson();
            is.field = rootEntity->keyNames().last();
            is.value = ur.record.value(is.field);
            is.rule = QStringLiteral("parent_exists");
            is.message = QStringLiteral("%1 %2 belongs to %3 %4, which is neither in this source nor in the CTMS: "
                                        "load the %3 first or correct the %5")
                             .arg(ur.record.entity->label, ur.record.keyLabel(), rootEntity->label,
                                  unitKey.isEmpty() ? QStringLiteral("(none)") : QStringList(unitKey.begin(), unitKey.end()).join(QLatin1Char('/')),
                                  is.field);
            is.source = ur.record.source;
            ur.issues << is;
        } else {
            m_rules->check(ur.record, subjectForRules, ur.issues);
        }
    }

    // A subject whose site is unknown leaves its visits' site times unconvertible: one problem, reported
    // on the subject (the visits get the unit's reason), not once more per visit.
    const bool siteUnknown = haveRoot && std::any_of(root.issues.cbegin(), root.issues.cend(), [](const ValidationIssue& i) {
        return i.severity == ValidationIssue::Severity::Error && i.field == QLatin1String("site_id");
    });
    if (siteUnknown)
        for (size_t i = firstChildRecord; i < recs.size(); ++i)
            recs[i].issues.removeIf([](const ValidationIssue& is) { return is.rule == QLatin1String("time_zone"); });

    // Warnings are kept whatever happens to the unit.
    auto recordWarnings = [&](const UnitRecord& ur) {
        for (const ValidationIssue& i : ur.issues)
            if (i.severity == ValidationIssue::Severity::Warning) {
                ++m_result.entities[m_options.schema->entityIndex(i.entity)].second.warnings;
                ops.add(WriteOp::warning(i));
            }
    };
    bool unitHasError = haveRoot && hasError(root.issues);
    for (const UnitRecord& ur : recs)
        unitHasError = unitHasError || (!ur.dropped && hasError(ur.issues));
    if (haveRoot)
        recordWarnings(root);
    for (const UnitRecord& ur : recs)
        if (!ur.dropped)
            recordWarnings(ur);

    // A failed read of the target must not pass for a missing site or lookup value: no unfounded reject.
    if (!m_reference->error().isEmpty())
        return targetFailed(m_reference->error());
    m_unitTime = toIsoUtc(m_options.clock->nowUtc());
    if (unitHasError) {
        rejectUnit(recs, haveRoot ? &root : nullptr, ops);
        return true;
    }
    *loaded = true;

    // The unit is valid, so only a database failure can stop it half-way — and that fails the run and
    // rolls back the whole open batch: units commit whole without a savepoint each.
    bool ok = true;
    if (haveRoot)
        ok = planRecord(root.record, rootStored ? &storedRoot : nullptr, ops);
    // Stored children, fetched once per entity for the whole unit (none before the root exists).
    std::map<const EntityDef*, std::vector<StoredRow>> storedChildren;
    for (size_t i = firstChildRecord; ok && i < recs.size(); ++i) {
        const UnitRecord& ur = recs[i];
        if (ur.dropped)
            continue;
        const EntityDef& e = *ur.record.entity;
        auto it = storedChildren.find(&e);
        if (it == storedChildren.end()) {
            it = storedChildren.emplace(&e, std::vector<StoredRow>()).first;
            EntityTable& t = table(&e);
            if (rootStored && !t.selectByUnit(unitKey.constData(), int(unitKey.size()), it->second)) {
                ok = targetFailed(t.error());
                break;
            }
        }
        // A unit holds a handful of children per entity: a linear search beats building an index.
        const StoredRow* stored = nullptr;
        for (const StoredRow& row : it->second)
            if (Record::sameKey(e, row.values, ur.record.values))
                stored = &row;
        ok = planRecord(ur.record, stored, ops);
    }
    for (size_t i : removals) {
        if (!ok)
            break;
        const Record& r = recs[i].record;
        StoredRow stored;
        if (rootStored && table(r.entity).selectByKey(r, &stored))
            planDelete(*r.entity, stored, r, QString(), ops);
        else if (!table(r.entity).error().isEmpty())
            ok = targetFailed(table(r.entity).error());
        else
            ++counts(r.entity).unchanged; // already gone: a re-run of the same removal
    }
    return ok;
}

bool PipelineRun::resolveChildOperations(std::vector<UnitRecord>& recs, size_t first, bool rootStored,
                                         std::vector<size_t>* removals)
{
    // In document order: an Update completes the record it changes (an earlier row of this unit, else the
    // stored one); a Remove supersedes the earlier rows of its key and deletes the stored record, unless a
    // later row brings the key back (then that row replaces the record). Counted as read: every removal and
    // every row it supersedes (as unchanged); an Update folded into an earlier row is counted with it, as a
    // merge row is.
    auto earlier = [&](size_t i) -> UnitRecord* {
        for (size_t j = i; j-- > first;) {
            UnitRecord& o = recs[j];
            if (!o.dropped && o.record.entity == recs[i].record.entity
                && Record::sameKey(*o.record.entity, o.record.values, recs[i].record.values))
                return &o;
        }
        return nullptr;
    };
    auto cancelRemovals = [&](const UnitRecord& ur) {
        const EntityDef& e = *ur.record.entity;
        removals->erase(std::remove_if(removals->begin(), removals->end(),
                                       [&](size_t r) {
                                           const bool same = recs[r].record.entity == &e
                                               && Record::sameKey(e, recs[r].record.values, ur.record.values);
                                           if (same)
                                               ++counts(&e).unchanged; // read, superseded by a later row
                                           return same;
                                       }),
                        removals->end());
    };
    for (size_t i = first; i < recs.size(); ++i) {
        UnitRecord& ur = recs[i];
        const EntityDef& e = *ur.record.entity;
        if (ur.op == RecordSource::Operation::Upsert) {
            cancelRemovals(ur);
            continue;
        }
        if (isForeignRemoval(ur)) {
            ur.dropped = true;
            continue;
        }
        if (isRemoval(ur)) {
            for (UnitRecord* o = earlier(i); o; o = earlier(i)) {
                o->dropped = true;
                countRead(&e);
                ++counts(&e).unchanged;
            }
            cancelRemovals(ur);
            countRead(&e);
            ur.dropped = true;
            removals->push_back(i);
            continue;
        }
        // An Update.
        UnitRecord* target = earlier(i);
        Record base(&e);
        StoredRow stored;
        if (target) {
            base = target->record;
        } else if (rootStored && table(&e).selectByKey(ur.record, &stored)) {
            base = recordFromStored(&e, stored);
        } else if (!table(&e).error().isEmpty()) {
            return targetFailed(table(&e).error());
        } else {
            ValidationIssue is;
            is.entity = e.name;
            is.naturalKey = ur.record.naturalKeyJson();
            is.rule = QStringLiteral("update_target");
            is.message = QStringLiteral("%1 %2 is updated by this record but is neither in this run nor in the CTMS: "
                                        "load it first")
                             .arg(e.label, ur.record.keyLabel());
            is.source = ur.record.source;
            ur.issues << is;
            ur.op = RecordSource::Operation::Upsert;
            continue;
        }
        for (size_t f = 0; f < base.values.size(); ++f)
            if (ur.record.isAssigned(int(f)))
                base.values[f] = ur.record.values[f];
        if (ur.record.sourceModified > base.sourceModified)
            base.sourceModified = ur.record.sourceModified;
        if (target) {
            // The earlier row now stands for both, with the Update's place and provenance (its latest).
            target->record.values = base.values;
            target->record.sourceModified = base.sourceModified;
            target->record.source = ur.record.source;
            if (!ur.record.provenance.isEmpty())
                target->record.provenance = ur.record.provenance;
            target->issues += ur.issues;
            ur.dropped = true;
        } else {
            ur.record.values = base.values;
            ur.record.sourceModified = base.sourceModified;
            ur.record.assignAll();
            ur.op = RecordSource::Operation::Upsert;
        }
    }
    return true;
}

WriteChunk::AuditFacts PipelineRun::auditFacts(const Record& cause, const QString& why)
{
    WriteChunk::AuditFacts a;
    a.sourceRef = cause.source.toString();
    a.timeUtc = &m_unitTime;
    a.actor = &m_options.actor;
    a.runId = m_result.runId;
    a.chain = &m_chain;
    // An automated load's reason is its run (run_id → run.pipeline), kept once there; what the source system's
    // own audit trail says about the record (ODM AuditRecord) is kept here.
    if (!m_options.uat && why.isEmpty()) { // the common case, once per loaded record
        a.reason = cause.provenance;
        return a;
    }
    QStringList reason;
    if (m_options.uat)
        reason << QStringLiteral("UAT run");
    if (!why.isEmpty())
        reason << why;
    if (!cause.provenance.isEmpty())
        reason << cause.provenance;
    a.reason = reason.join(QStringLiteral("; "));
    return a;
}

void PipelineRun::planDelete(const EntityDef& e, const StoredRow& stored, const Record& cause, const QString& why,
                             WriteChunk& ops)
{
    ops.addDelete(e, stored.values, auditFacts(cause, why));
    ++counts(&e).deleted;
}

bool PipelineRun::removeUnit(Group& g, int unit, std::vector<UnitRecord>& recs, size_t removal, size_t firstChildStep,
                             const Values& unitKey, WriteChunk& ops, bool* loaded)
{
    const EntityDef* rootEntity = g.unitEntity;
    const size_t firstChild = recs.size();
    for (size_t gs = firstChildStep; gs < g.steps.size(); ++gs) {
        Values key = unitKey;
        if (!readUnitRows(g, unit, int(gs), nullptr, recs, &key))
            return false;
    }
    recs.erase(std::remove_if(recs.begin() + qsizetype(firstChild), recs.end(), isForeignRemoval), recs.end());
    for (const UnitRecord& ur : recs)
        countRead(ur.record.entity);
    const UnitRecord cause = recs[removal];
    // Whatever the unit's rows did before the removal, the removal undoes; a row after it would need the
    // subject back, which is a new delivery's business.
    bool bad = hasError(cause.issues);
    for (UnitRecord& ur : recs) {
        if (isRemoval(ur) || !laterInFile(cause, ur))
            continue;
        ValidationIssue is;
        is.entity = ur.record.entity->name;
        is.naturalKey = ur.record.naturalKeyJson();
        is.rule = QStringLiteral("after_removal");
        is.message = QStringLiteral("%1 %2 comes after the removal of %3 %4 (%5) in the same file: deliver it in a "
                                    "later file")
                         .arg(ur.record.entity->label, ur.record.keyLabel(), rootEntity->label,
                              cause.record.keyLabel(), cause.record.source.toString());
        is.source = ur.record.source;
        ur.issues << is;
        bad = true;
    }
    if (bad) {
        m_unitTime = toIsoUtc(m_options.clock->nowUtc());
        rejectUnit(recs, nullptr, ops);
        return true;
    }
    *loaded = true;
    m_unitTime = toIsoUtc(m_options.clock->nowUtc());
    StoredRow storedRoot;
    if (!table(rootEntity).selectByKey(cause.record, &storedRoot)) {
        if (!table(rootEntity).error().isEmpty())
            return targetFailed(table(rootEntity).error());
        for (const UnitRecord& ur : recs)
            ++counts(ur.record.entity).unchanged; // nothing stored: a re-run of the same removal
        return true;
    }
    for (const UnitRecord& ur : recs)
        if (&ur != &recs[removal])
            ++counts(ur.record.entity).unchanged; // read, superseded by the removal
    // Children first (the CTMS's foreign keys point to their parents), deepest entities first.
    const QString why = QStringLiteral("removed with %1 %2").arg(rootEntity->label, cause.record.keyLabel());
    const auto& entities = m_options.schema->entities();
    for (auto it = entities.crbegin(); it != entities.crend(); ++it) {
        const EntityDef& e = *it;
        if (&e == rootEntity || e.unitEntity() != rootEntity->name)
            continue;
        std::vector<StoredRow> rows;
        if (!table(&e).selectByUnit(unitKey.constData(), int(unitKey.size()), rows))
            return targetFailed(table(&e).error());
        for (const StoredRow& keys : rows) {
            Record probe(&e);
            probe.values = keys.values;
            StoredRow full;
            if (!table(&e).selectByKey(probe, &full))
                return targetFailed(table(&e).error());
            planDelete(e, full, cause.record, why, ops);
            ++counts(&e).deletedWithParent;
        }
    }
    planDelete(*rootEntity, storedRoot, cause.record, QString(), ops);
    return true;
}

bool PipelineRun::changedSoFar() const
{
    for (const auto& [name, c] : m_result.entities)
        if (c.inserted || c.updated || c.deleted || c.stale)
            return true;
    return false;
}

bool PipelineRun::loadGroup(Group& g)
{
    m_reference->clearCaches();
    // What the group's units find stored (the earlier groups' writes are committed: each ends with a barrier).
    if (!table(g.unitEntity).keyHashes(&m_storedRoots))
        return targetFailed(table(g.unitEntity).error());
    // Units whose source rows are exactly those of their last successful load are not read again —
    // unless something loaded earlier in this run (sites, the study) changed: lookups and rules may
    // then judge the same rows differently.
    std::unordered_map<quint64, UnitStateStore::State> states;
    const bool canSkip = !m_options.fullCompare && !changedSoFar();
    if (canSkip && !m_states.load(m_pipeline.name, g.unitEntity->name, &states))
        return targetFailed(m_states.error());
    std::vector<qint64> readBefore(size_t(m_result.entities.size()));
    for (int unit = 0; unit < g.index.unitCount(); ++unit) {
        if (m_feedback && m_feedback->isCanceled()) {
            m_result.status = RunResult::Status::Cancelled;
            m_result.message = QStringLiteral("cancelled after %1 of %2 units").arg(m_unitsDone).arg(m_unitsTotal);
            return false;
        }
        const quint64 keyHash = g.index.unitHash(unit);
        UnitStateStore::State state;
        state.fingerprint = g.index.fingerprint(unit);
        state.fingerprint.first += m_salt.first;
        state.fingerprint.second += m_salt.second;
        const auto known = canSkip ? states.find(keyHash) : states.end();
        if (known != states.end() && known->second.fingerprint == state.fingerprint) {
            const QByteArray& c = known->second.counts;
            for (qsizetype i = 0; i + 8 <= c.size(); i += 8) {
                qint32 entity, records;
                std::memcpy(&entity, c.constData() + i, 4);
                std::memcpy(&records, c.constData() + i + 4, 4);
                if (entity >= 0 && entity < m_result.entities.size()) {
                    m_result.entities[entity].second.read += records;
                    m_result.entities[entity].second.unchanged += records;
                }
            }
        } else {
            for (int e = 0; e < m_result.entities.size(); ++e)
                readBefore[size_t(e)] = m_result.entities[e].second.read;
            const qint64 warningsBefore = m_result.total().warnings;
            bool loaded = false;
            if (!loadUnit(g, unit, m_pending, &loaded))
                return false;
            // Units with warnings are judged again on every run, so that each run reports them.
            if (loaded && m_result.total().warnings == warningsBefore) {
                for (int e = 0; e < m_result.entities.size(); ++e) {
                    const qint32 records = qint32(m_result.entities[e].second.read - readBefore[size_t(e)]);
                    if (records) {
                        const qint32 pair[2] = {e, records};
                        state.counts.append(reinterpret_cast<const char*>(pair), sizeof pair);
                    }
                }
                // The unit's state commits with its data.
                m_pending.add(WriteOp::unitState(g.unitEntity->name, keyHash, std::move(state)));
            }
            if (!handOver())
                return false;
        }
        ++m_unitsDone;
        if (m_feedback)
            m_feedback->setProgress(100.0 * double(m_unitsDone) / double(qMax<qint64>(1, m_unitsTotal)));
    }
    // The next group's lookups and rules read what this group wrote.
    return barrier();
}

bool PipelineRun::lockTarget(const QString& dbPath)
{
    // One run at a time per target: a second would interleave its batches with the first's. The lock goes
    // when the run ends or its process dies, however it dies (TargetLock).
    m_targetLock = std::make_unique<TargetLock>(dbPath + QStringLiteral(".lock"));
    switch (m_targetLock->acquire()) {
    case TargetLock::Outcome::Acquired:
        return true;
    case TargetLock::Outcome::Held: {
        const QString host = m_targetLock->holderHost().isEmpty() ? QStringLiteral("this machine")
                                                                  : m_targetLock->holderHost();
        const QString holder = m_targetLock->holderPid() > 0
                                   ? QStringLiteral("process %1 on %2").arg(m_targetLock->holderPid()).arg(host)
                                   : QStringLiteral("a process starting up");
        return fail(QStringLiteral("%1: another run is loading this target (%2): wait for it to finish")
                        .arg(dbPath, holder));
    }
    case TargetLock::Outcome::NotWritable:
        return fail(QStringLiteral("%1: cannot create the lock file %2: the folder is read-only or not writable")
                        .arg(dbPath, m_targetLock->fileName()));
    case TargetLock::Outcome::DiskFull:
        return fail(QStringLiteral("%1: the disk is full: cannot create the lock file %2; free some space and run "
                                   "again")
                        .arg(dbPath, m_targetLock->fileName()));
    case TargetLock::Outcome::Failed:
        break;
    }
    return fail(QStringLiteral("%1: cannot create the lock file %2: %3")
                    .arg(dbPath, m_targetLock->fileName(), m_targetLock->errorString()));
}

bool PipelineRun::checkChangeControl(const QString& dbPath)
{
    if (m_options.uat)
        return true;
    QString origin, error;
    if (!UatSandbox::originOf(m_db.handle(), &origin, &error))
        return fail(QStringLiteral("%1: %2").arg(dbPath, error));
    if (!origin.isEmpty())
        return configError(QStringLiteral("%1 is a UAT sandbox (a copy of %2): production runs do not load into it")
                               .arg(dbPath, origin));
    QStringList refusals;
    for (const Step& s : m_steps) {
        QString refusal;
        if (!ChangeControl::checkProductionUse(m_db.handle(), s.doc, s.mappingPath, &refusal, &error))
            return fail(QStringLiteral("%1: %2").arg(dbPath, error));
        if (!refusal.isEmpty())
            refusals << refusal;
    }
    if (refusals.isEmpty())
        return true;
    return configError(refusals.join(QLatin1Char('\n')) + QStringLiteral("\nNothing was loaded."));
}

RunResult PipelineRun::execute(const QString& pipelinePath)
{
    QElapsedTimer timer;
    timer.start();
    auto finish = [&]() {
        m_result.durationMs = timer.elapsed();
        // Only the entities the run touched, in schema order.
        m_result.entities.removeIf([](const QPair<QString, EntityCounts>& p) { return p.second.read == 0 && p.second.deleted == 0; });
        return m_result;
    };

    for (const EntityDef& e : m_options.schema->entities())
        m_result.entities.append({e.name, EntityCounts{}});
    if (!configure(pipelinePath))
        return finish();
    QString error;
    if (m_options.auditSigner && !(m_signer = m_options.auditSigner(pipelinePath, &error))) {
        configError(error);
        return finish();
    }
    const QString productionPath = m_pipeline.resolve(m_pipeline.targetDatabase);
    const QString dbPath = m_options.uat ? UatSandbox::pathFor(productionPath) : productionPath;
    m_result.target = dbPath;
    m_result.uat = m_options.uat;
    if (!lockTarget(dbPath))
        return finish();
    if (m_options.uat && !UatSandbox::create(productionPath, dbPath, toIsoUtc(m_options.clock->nowUtc()), &error)) {
        fail(error);
        return finish();
    }
    if (!m_db.open(dbPath, &error) || !m_readDb.open(dbPath, &error)) {
        fail(error);
        return finish();
    }
    if (!checkChangeControl(dbPath))
        return finish();
    // The loader checks every parent itself before writing (site_exists, parent_exists, units written
    // root first), so SQLite's per-row foreign-key lookups would only repeat that work; other connections
    // keep enforcing the declared keys, and the tests run PRAGMA foreign_key_check after loads.
    m_db.exec(QStringLiteral("PRAGMA foreign_keys=OFF"), &error);
    // The reads are point lookups by key: a small cache does; memory goes to the writer's cache.
    m_readDb.exec(QStringLiteral("PRAGMA cache_size=-4096"), &error);
    m_reference = std::make_unique<DatabaseReferenceData>(m_readDb.handle());
    m_validator = std::make_unique<RecordValidator>(*m_study);
    m_rules = std::make_unique<BusinessRules>(*m_study, *m_reference);
    if (!prepareWriters())
        return finish();
    // Holding the target's lock, any run still marked 'running' belongs to a process that is gone.
    if (!m_store.markInterrupted(toIsoUtc(m_options.clock->nowUtc()), &error)) {
        fail(QStringLiteral("%1: cannot record the run: %2").arg(dbPath, error));
        return finish();
    }
    m_result.runId = m_store.startRun(m_pipeline.name, QFileInfo(pipelinePath).fileName(),
                                      m_options.uat ? QStringLiteral("uat") : QStringLiteral("production"),
                                      m_options.actor, toIsoUtc(m_options.clock->nowUtc()), &error);
    if (!m_result.runId) {
        fail(QStringLiteral("%1: cannot record the run: %2").arg(dbPath, error));
        return finish();
    }
    qCInfo(lcRun) << "run" << m_result.runId << "of pipeline" << m_pipeline.name;
    if (!m_signer)
        qCWarning(lcAudit) << "run" << m_result.runId << "has no signing key: its audit checkpoints are unsigned";

    // Remote sources are pulled whole now (into spill files), then read like files. Structural errors in any
    // source stop the run here, before anything is written.
    bool ok = pullRemoteSources() && indexSources();
    if (ok) {
        m_writer = std::make_unique<LoadWriter>(m_db.handle(), *m_options.schema, m_pipeline.name, m_result.runId,
                                                m_options.batchRecords);
        m_writer->setAuditSigning(m_signer, m_options.checkpointEvery);
        ok = m_writer->start(&error) || fail(QStringLiteral("%1: %2").arg(dbPath, error));
        m_chain = m_writer->chainHead();
    }
    ok = ok && loadStudyRecords();
    for (Group& g : m_groups)
        ok = ok && loadGroup(g);
    if (ok)
        m_result.status = m_result.total().rejected > 0 ? RunResult::Status::CompletedWithRejects
                                                        : RunResult::Status::Succeeded;
    if (ok) {
        // Every pulled row is committed (each group ended with a barrier) or kept as a reject: the cursors move,
        // in the transaction that records the run as finished. Killed before that commit, the run leaves the old
        // cursors and the next run pulls the same records again — upserts, so nothing is doubled; a failed or
        // cancelled run never gets here. Safe for REDCap: its cursor is the server's time when the pull began
        // (RedcapRecordSource), and dateRangeBegin is inclusive, so a record saved while we were pulling is
        // pulled again next time rather than missed.
        std::vector<SourceCursorStore::Cursor> cursors;
        for (const Step& s : m_steps)
            if (s.restReader && !s.restReader->newCursor().isEmpty())
                cursors.push_back({s.spec.source, s.spec.mapping, s.restReader->newCursor(), s.cursorBasis});
        m_writer->setCursors(std::move(cursors));
        // The files of folder drops, under the same rule: recorded with the data they brought, or not at all.
        std::vector<DropLedger::File> dropFiles;
        for (const Step& s : m_steps)
            dropFiles.insert(dropFiles.end(), s.dropFiles.begin(), s.dropFiles.end());
        m_writer->setDropFiles(std::move(dropFiles));
        if (!m_dropNotes.isEmpty()) {
            m_result.status = RunResult::Status::CompletedWithRejects;
            m_result.message = m_dropNotes.join(QLatin1Char('\n'));
        }
    }
    // A cancelled run keeps the units it loaded: each is complete.
    m_result.entities.removeIf([](const QPair<QString, EntityCounts>& p) { return p.second.read == 0 && p.second.deleted == 0; });
    if ((ok || m_result.status == RunResult::Status::Cancelled) && m_writer) {
        if (!handOver(true) || !m_writer->finish(m_result, toIsoUtc(m_options.clock->nowUtc()), &error))
            fail(QStringLiteral("%1: %2").arg(dbPath, error));
        else {
            if (ok)
                for (const Step& s : m_steps)
                    if (s.drop)
                        if (const QString left = DropIntake::archive(*s.dropFolder, s.dropFiles);
                            !left.isEmpty())
                            m_result.message +=
                                (m_result.message.isEmpty() ? QString() : QStringLiteral("\n")) + left;
            return finish();
        }
    }
    // Failed: the open batch is rolled back (units committed in earlier batches stay, each whole) and
    // the run is recorded as failed.
    if (m_writer)
        m_writer->abort();
    m_writer.reset();
    // On a disk that fails every write not even that is possible: the run stays 'running' in the history
    // until the next run on the target, holding its lock, records it as interrupted.
    if (!m_store.finishRun(m_result, toIsoUtc(m_options.clock->nowUtc()), &error)) {
        m_result.message += QStringLiteral("\nThe failure could not be recorded in the run history either (%1): the "
                                           "next run on this target records the run as interrupted.")
                                .arg(error);
        qCWarning(lcRun) << "run" << m_result.runId << "could not be recorded as failed:" << error;
    }
    // The entries of the batches it committed are covered by a checkpoint all the same.
    if (!AuditLog::writeRunEndCheckpoint(m_db.handle(), m_signer, m_result.runId, toIsoUtc(m_options.clock->nowUtc()),
                                         &error))
        qCWarning(lcAudit) << "run" << m_result.runId << "ended without its audit checkpoint:" << error;
    return finish();
}

} // namespace

PipelineRunner::PipelineRunner() : PipelineRunner(Options{}) {}

PipelineRunner::PipelineRunner(Options options) : m_options(std::move(options))
{
    if (!m_options.schema)
        m_options.schema = CtmsSchema::builtIn();
    if (m_options.actor.isEmpty())
        m_options.actor = currentUser();
    if (!m_options.clock)
        m_options.clock = &Clock::system();
}

RunResult PipelineRunner::run(const QString& pipelinePath, RunFeedback* feedback)
{
    PipelineRun run(m_options, feedback);
    return run.execute(pipelinePath);
}

QString PipelineRunner::currentUser()
{
#ifdef Q_OS_UNIX
    if (const passwd* pw = getpwuid(getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

} // namespace tb::core

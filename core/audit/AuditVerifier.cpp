#include "audit/AuditVerifier.h"

#include "audit/AuditChain.h"
#include "audit/AuditLog.h"
#include "audit/AuditSigner.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>

namespace tb::core {

namespace {

using Problem = AuditVerifier::Problem;
using Kind = Problem::Kind;

// The columns an entry is read with: seq, the hashed fields in encoding order, prev_hash, hash.
constexpr char EntrySelect[] =
    "SELECT seq, ts_utc, actor, action, entity, natural_key, study_id, site_id, subject_id, before_json, "
    "after_json, run_id, source_ref, reason, prev_hash, hash FROM audit_log";
constexpr int PrevColumn = 1 + AuditChain::FieldCount;
constexpr int HashColumn = PrevColumn + 1;
constexpr int RunIdColumn = 11;
// How far from its place the verifier looks for where a misplaced entry was written.
constexpr int ReorderWindow = 8;

class Statement
{
public:
    Statement(sqlite3* db, const char* sql)
    {
        m_ok = sqlite3_prepare_v2(db, sql, -1, &m_st, nullptr) == SQLITE_OK;
    }
    ~Statement() { sqlite3_finalize(m_st); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    bool ok() const { return m_ok; }
    sqlite3_stmt* get() const { return m_st; }
    bool step() { return sqlite3_step(m_st) == SQLITE_ROW; }

private:
    sqlite3_stmt* m_st = nullptr;
    bool m_ok = false;
};

QByteArray columnBytes(sqlite3_stmt* st, int i)
{
    const void* p = sqlite3_column_blob(st, i);
    return p ? QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(st, i)) : QByteArray();
}

bool sameHash(const QByteArray& a, const unsigned char* b)
{
    return a.size() == AuditChain::HashBytes && std::memcmp(a.constData(), b, AuditChain::HashBytes) == 0;
}

// Adds the hashed fields of the current row of st to the encoder (the hot path: no copies, no QString).
void encodeFields(AuditChain::Encoder& enc, sqlite3_stmt* st)
{
    for (int c = 1; c <= AuditChain::FieldCount; ++c) {
        switch (sqlite3_column_type(st, c)) {
        case SQLITE_NULL:
            enc.addNull();
            break;
        case SQLITE_INTEGER:
            enc.addInteger(sqlite3_column_int64(st, c));
            break;
        case SQLITE_FLOAT:
            enc.addReal(sqlite3_column_double(st, c));
            break;
        case SQLITE_TEXT:
            enc.addText(reinterpret_cast<const char*>(sqlite3_column_text(st, c)),
                        sqlite3_column_bytes(st, c));
            break;
        default:
            enc.addBlob(sqlite3_column_blob(st, c), sqlite3_column_bytes(st, c));
            break;
        }
    }
}

// An entry read back whole, for telling what happened to it.
struct Row
{
    struct Field
    {
        int type = SQLITE_NULL;
        qint64 integer = 0;
        double real = 0;
        QByteArray bytes;
    };
    bool found = false;
    qint64 seq = 0;
    Field fields[AuditChain::FieldCount];
    QByteArray prev, hash;

    void read(sqlite3_stmt* st)
    {
        found = true;
        seq = sqlite3_column_int64(st, 0);
        for (int i = 0; i < AuditChain::FieldCount; ++i) {
            Field& f = fields[i];
            f.type = sqlite3_column_type(st, i + 1);
            if (f.type == SQLITE_INTEGER)
                f.integer = sqlite3_column_int64(st, i + 1);
            else if (f.type == SQLITE_FLOAT)
                f.real = sqlite3_column_double(st, i + 1);
            else if (f.type != SQLITE_NULL)
                f.bytes = columnBytes(st, i + 1);
        }
        prev = columnBytes(st, PrevColumn);
        hash = columnBytes(st, HashColumn);
    }

    qint64 runId() const
    {
        return fields[RunIdColumn - 1].type == SQLITE_INTEGER ? fields[RunIdColumn - 1].integer : 0;
    }

    // Whether the stored hash is that of this content written as entry seqWritten after prevHash.
    bool hashMatches(const QByteArray& prevHash, qint64 seqWritten) const
    {
        if (prevHash.size() != AuditChain::HashBytes || hash.size() != AuditChain::HashBytes)
            return false;
        AuditChain::Encoder enc;
        enc.begin(reinterpret_cast<const unsigned char*>(prevHash.constData()), seqWritten);
        for (const Field& f : fields) {
            switch (f.type) {
            case SQLITE_NULL:
                enc.addNull();
                break;
            case SQLITE_INTEGER:
                enc.addInteger(f.integer);
                break;
            case SQLITE_FLOAT:
                enc.addReal(f.real);
                break;
            case SQLITE_TEXT:
                enc.addText(f.bytes.constData(), f.bytes.size());
                break;
            default:
                enc.addBlob(f.bytes.constData(), f.bytes.size());
                break;
            }
        }
        AuditChain::Hash h;
        enc.finish(h.data());
        return sameHash(hash, h.data());
    }
};

struct Checkpoint
{
    qint64 id = 0;
    qint64 lastSeq = 0;
    QByteArray head;
    QString createdUtc;
    qint64 runId = 0;
    QString reason;
    QByteArray publicKey, signature;
    bool comparable = false; // well formed and not forged: its head is compared with the chain
};

QString range(qint64 first, qint64 last)
{
    return first == last ? QStringLiteral("entry %1").arg(first)
                         : QStringLiteral("entries %1–%2").arg(first).arg(last);
}

class Verification
{
public:
    Verification(sqlite3* db, AuditVerifier::Report& report) : m_db(db), m_r(report) {}

    bool readChain();
    void readCheckpoints(const QList<QByteArray>& trusted, bool checkTrust);
    void walk();
    void report() { m_r.problems = m_entryProblems + m_checkpointProblems; }

private:
    Row rowWhere(const char* condition, qint64 seq, const QByteArray* hash, qint64 notSeq = 0);
    Row rowBySeq(qint64 seq) { return rowWhere("seq = ?1", seq, nullptr); }
    Row rowByHash(const QByteArray& hash, qint64 notSeq = 0)
    {
        return rowWhere("hash = ?2 AND seq <> ?3", 0, &hash, notSeq);
    }
    Problem diagnose(const Row& r, qint64 expectedSeq, const QByteArray& expectedPrev);
    void add(QVector<Problem>& to, Kind kind, qint64 seq, qint64 lastSeq, qint64 checkpoint,
             const QString& message)
    {
        Problem p;
        p.kind = kind;
        p.seq = seq;
        p.lastSeq = lastSeq;
        p.checkpointId = checkpoint;
        p.message = message;
        to.append(p);
    }

    sqlite3* m_db;
    AuditVerifier::Report& m_r;
    QByteArray m_chainId;
    AuditChain::Hash m_genesis{};
    std::vector<Checkpoint> m_checkpoints; // by id
    std::map<qint64, qint64> m_runEndSeq;  // run id → last entry its run-end checkpoint covers
    QVector<Problem> m_entryProblems, m_checkpointProblems;
};

bool Verification::readChain()
{
    Statement st(m_db, "SELECT chain_id, first_seq, (SELECT COUNT(*) FROM audit_chain) FROM audit_chain");
    if (!st.ok()) {
        add(m_entryProblems, Kind::NoChain, 0, 0, 0,
            QStringLiteral(
                "the database has no audit chain (its schema predates version 5): a pipeline run on it "
                "upgrades it; entries written before are not covered"));
        return false;
    }
    if (!st.step() || sqlite3_column_bytes(st.get(), 0) != AuditChain::ChainIdBytes
        || sqlite3_column_int64(st.get(), 2) != 1) {
        add(m_entryProblems, Kind::NoChain, 0, 0, 0,
            QStringLiteral(
                "the audit chain's identity (table audit_chain, one row) is missing or was changed: no "
                "entry can be verified without it"));
        return false;
    }
    m_chainId = columnBytes(st.get(), 0);
    m_r.firstSeq = sqlite3_column_int64(st.get(), 1);
    m_genesis = AuditChain::genesis(m_chainId, m_r.firstSeq);
    return true;
}

void Verification::readCheckpoints(const QList<QByteArray>& trusted, bool checkTrust)
{
    Statement st(m_db, "SELECT checkpoint_id, last_seq, head_hash, created_utc, run_id, reason, public_key, "
                       "signature FROM audit_checkpoint ORDER BY checkpoint_id");
    while (st.ok() && st.step()) {
        Checkpoint c;
        sqlite3_stmt* s = st.get();
        c.id = sqlite3_column_int64(s, 0);
        c.lastSeq = sqlite3_column_int64(s, 1);
        c.head = columnBytes(s, 2);
        c.createdUtc = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 3)));
        c.runId = sqlite3_column_int64(s, 4);
        c.reason = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 5)));
        c.publicKey = columnBytes(s, 6);
        c.signature = columnBytes(s, 7);
        m_checkpoints.push_back(c);
    }
    qint64 expectedId = 1;
    QList<QByteArray> reportedKeys;
    for (Checkpoint& c : m_checkpoints) {
        const QString what = QStringLiteral("checkpoint %1 (entries up to seq %2, %3)")
                                 .arg(c.id)
                                 .arg(c.lastSeq)
                                 .arg(c.createdUtc);
        if (c.id > expectedId)
            add(m_checkpointProblems, Kind::CheckpointDeleted, 0, 0, expectedId,
                QStringLiteral("checkpoint%1 %2 %3 missing: deleted")
                    .arg(c.id - 1 > expectedId ? QStringLiteral("s") : QString(),
                         c.id - 1 > expectedId ? QStringLiteral("%1–%2").arg(expectedId).arg(c.id - 1)
                                               : QString::number(expectedId),
                         c.id - 1 > expectedId ? QStringLiteral("are") : QStringLiteral("is")));
        expectedId = c.id + 1;
        ++m_r.checkpoints;
        const bool wellFormed = c.head.size() == AuditChain::HashBytes && c.lastSeq >= m_r.firstSeq - 1;
        if (c.publicKey.isNull() && c.signature.isNull()) {
            add(m_checkpointProblems, Kind::Unsigned, c.lastSeq, 0, c.id,
                what
                    + QStringLiteral(
                        " is not signed (its run had no signing key, or the signature was removed)"));
            c.comparable = wellFormed;
            continue;
        }
        const bool valid = wellFormed
                           && AuditSigner::verify(c.publicKey,
                                                  AuditChain::checkpointMessage(m_chainId, c.id, c.lastSeq,
                                                                                c.head, c.createdUtc, c.runId,
                                                                                c.reason, c.publicKey),
                                                  c.signature);
        if (!valid) {
            add(m_checkpointProblems, Kind::BadSignature, c.lastSeq, 0, c.id,
                what
                    + QStringLiteral(": the signature does not verify — the checkpoint was changed or its "
                                     "signature forged"));
            continue;
        }
        c.comparable = true;
        ++m_r.signedCheckpoints;
        if (c.reason == AuditLog::reasonName(AuditLog::CheckpointReason::RunEnd) && c.runId > 0)
            m_runEndSeq[c.runId] = qMax(m_runEndSeq[c.runId], c.lastSeq);
        auto key = std::find_if(m_r.keys.begin(), m_r.keys.end(),
                                [&](const AuditVerifier::KeyUse& k) { return k.publicKey == c.publicKey; });
        if (key == m_r.keys.end()) {
            m_r.keys.append({c.publicKey, 0, trusted.contains(c.publicKey)});
            key = m_r.keys.end() - 1;
        }
        ++key->checkpoints;
        if (checkTrust && !key->trusted && !reportedKeys.contains(c.publicKey)) {
            reportedKeys << c.publicKey;
            add(m_checkpointProblems, Kind::UntrustedKey, c.lastSeq, 0, c.id,
                what
                    + QStringLiteral(
                          " is signed by key %1, which the workspace %2 does not list: the checkpoints "
                          "may have been re-signed by someone else")
                          .arg(AuditSigner::keyIdOf(c.publicKey), m_r.workspace));
        }
    }
    if (!m_checkpoints.empty()) {
        const Checkpoint& last = m_checkpoints.back();
        m_r.lastCheckpointId = last.id;
        m_r.lastCheckpointSeq = last.lastSeq;
        m_r.lastCheckpointUtc = last.createdUtc;
    }
}

Row Verification::rowWhere(const char* condition, qint64 seq, const QByteArray* hash, qint64 notSeq)
{
    Row row;
    Statement st(m_db,
                 (QByteArray(EntrySelect) + " WHERE " + condition + " ORDER BY seq LIMIT 1").constData());
    if (!st.ok())
        return row;
    sqlite3_bind_int64(st.get(), 1, seq);
    if (hash)
        sqlite3_bind_blob(st.get(), 2, hash->constData(), int(hash->size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st.get(), 3, notSeq);
    if (st.step())
        row.read(st.get());
    return row;
}

void Verification::walk()
{
    // Checkpoints in the order of the entries they cover; each is compared when the walk reaches its entry.
    std::vector<const Checkpoint*> byEntry;
    for (const Checkpoint& c : m_checkpoints)
        if (c.comparable)
            byEntry.push_back(&c);
    std::stable_sort(byEntry.begin(), byEntry.end(),
                     [](const Checkpoint* a, const Checkpoint* b) { return a->lastSeq < b->lastSeq; });
    size_t nextCheckpoint = 0;
    qint64 lastMatchedSeq = m_r.firstSeq - 1; // entries up to here agree with a checkpoint
    AuditChain::Hash expectedPrev = m_genesis;
    qint64 expectedSeq = m_r.firstSeq;
    bool broken = false;
    auto compareCheckpoints = [&](qint64 seq) {
        for (; nextCheckpoint < byEntry.size() && byEntry[nextCheckpoint]->lastSeq <= seq; ++nextCheckpoint) {
            const Checkpoint& c = *byEntry[nextCheckpoint];
            if (sameHash(c.head, expectedPrev.data())) {
                lastMatchedSeq = seq;
                continue;
            }
            add(m_entryProblems, Kind::ChainRewritten, lastMatchedSeq + 1, seq, c.id,
                QStringLiteral(
                    "checkpoint %1 does not match the chain at seq %2, although every entry matches its "
                    "hash: %3 were changed and the chain recomputed after them")
                    .arg(c.id)
                    .arg(seq)
                    .arg(range(lastMatchedSeq + 1, seq)));
            return false;
        }
        return true;
    };
    broken = !compareCheckpoints(expectedSeq - 1);

    Statement st(m_db, (QByteArray(EntrySelect) + " ORDER BY seq").constData());
    if (!st.ok()) {
        m_r.error = QStringLiteral("%1: cannot read the audit trail: %2").arg(m_r.database, QString::fromUtf8(sqlite3_errmsg(m_db)));
        return;
    }
    AuditChain::Encoder enc;
    AuditChain::Hash computed;
    sqlite3_stmt* s = st.get();
    qint64 badSeq = 0;
    int rc;
    while (!broken && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(s, 0);
        if (seq < m_r.firstSeq && seq >= 1) {
            ++m_r.legacyEntries;
            continue;
        }
        if (seq == expectedSeq) {
            enc.begin(expectedPrev.data(), seq);
            encodeFields(enc, s);
            enc.finish(computed.data());
            if (sqlite3_column_bytes(s, PrevColumn) == AuditChain::HashBytes
                && sqlite3_column_bytes(s, HashColumn) == AuditChain::HashBytes
                && std::memcmp(sqlite3_column_blob(s, PrevColumn), expectedPrev.data(), AuditChain::HashBytes)
                       == 0
                && std::memcmp(sqlite3_column_blob(s, HashColumn), computed.data(), AuditChain::HashBytes)
                       == 0) {
                expectedPrev = computed;
                ++expectedSeq;
                ++m_r.entries;
                broken = !compareCheckpoints(seq);
                continue;
            }
        }
        badSeq = seq;
        broken = true;
    }
    if (!broken && rc != SQLITE_DONE) {
        m_r.error = QStringLiteral("%1: cannot read the audit trail: %2").arg(m_r.database, QString::fromUtf8(sqlite3_errmsg(m_db)));
        return;
    }
    m_r.lastSeq = expectedSeq - 1;
    const QByteArray lastGood(reinterpret_cast<const char*>(expectedPrev.data()), AuditChain::HashBytes);
    if (badSeq) {
        m_entryProblems.prepend(diagnose(rowBySeq(badSeq), expectedSeq, lastGood));
    } else if (!broken) {
        m_r.headHash = lastGood;
        // Checkpoints beyond the last entry: the end of the log was cut off.
        qint64 coveredTo = 0, id = 0;
        for (size_t i = nextCheckpoint; i < byEntry.size(); ++i)
            if (byEntry[i]->lastSeq > coveredTo) {
                coveredTo = byEntry[i]->lastSeq;
                id = byEntry[i]->id;
            }
        if (coveredTo > m_r.lastSeq)
            add(m_entryProblems, Kind::Deleted, m_r.lastSeq + 1, coveredTo, id,
                QStringLiteral(
                    "%1 %2 missing: checkpoint %3 covered the log up to seq %4 — the end of the log was "
                    "deleted")
                    .arg(range(m_r.lastSeq + 1, coveredTo),
                         coveredTo > m_r.lastSeq + 1 ? QStringLiteral("are") : QStringLiteral("is"))
                    .arg(id)
                    .arg(coveredTo));
        m_r.uncoveredEntries = m_r.lastSeq - lastMatchedSeq;
    }
    if (broken) {
        // Entries after the damage are counted, not verified; there is no verified head.
        Statement count(m_db, "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM audit_log WHERE seq >= ?1");
        sqlite3_bind_int64(count.get(), 1, m_r.firstSeq);
        if (count.ok() && count.step()) {
            m_r.entries = sqlite3_column_int64(count.get(), 0);
            m_r.lastSeq = sqlite3_column_int64(count.get(), 1);
        }
    }
}

Problem Verification::diagnose(const Row& r, qint64 s, const QByteArray& expectedPrev)
{
    QVector<Problem> out;
    auto verdict = [&](Kind kind, qint64 seq, qint64 lastSeq, const QString& message) {
        add(out, kind, seq, lastSeq, 0, message);
        return out.first();
    };
    if (r.seq < 1)
        return verdict(
            Kind::Inserted, r.seq, 0,
            QStringLiteral("entry %1 lies outside the numbering (entries start at 1): it was inserted")
                .arg(r.seq));
    if (r.seq > s)
        return verdict(
            Kind::Deleted, s, r.seq - 1 > s ? r.seq - 1 : 0,
            QStringLiteral("%1 %2 missing (%3): deleted")
                .arg(range(s, r.seq - 1), r.seq - 1 > s ? QStringLiteral("are") : QStringLiteral("is"),
                     s == m_r.firstSeq ? QStringLiteral("the log starts at entry %1").arg(r.seq)
                                       : QStringLiteral("entry %1 follows entry %2").arg(r.seq).arg(s - 1)));
    if (r.hash.size() != AuditChain::HashBytes || r.prev.size() != AuditChain::HashBytes)
        return verdict(
            Kind::Inserted, r.seq, 0,
            QStringLiteral("entry %1 has no chain hash: it was added outside TrialBridge").arg(r.seq));
    if (const Row copy = rowByHash(r.hash, r.seq); copy.found)
        return verdict(Kind::Inserted, r.seq, 0,
                       QStringLiteral("entry %1 is a copy of entry %2 (the same hash): it was inserted")
                           .arg(r.seq)
                           .arg(copy.seq));

    // Where was this content written? At its own place (then its link is what changed), or elsewhere.
    qint64 writtenAs = 0;
    const Row predecessor = rowByHash(r.prev);
    if (r.hashMatches(r.prev, r.seq))
        writtenAs = r.seq;
    else if (predecessor.found && r.hashMatches(r.prev, predecessor.seq + 1))
        writtenAs = predecessor.seq + 1;
    for (int d = 1; !writtenAs && d <= ReorderWindow; ++d)
        for (qint64 candidate : {r.seq + d, r.seq - d})
            if (!writtenAs && candidate >= 1 && r.hashMatches(r.prev, candidate))
                writtenAs = candidate;

    if (writtenAs == r.seq) {
        if (s == m_r.firstSeq)
            return verdict(
                Kind::NoChain, 0, 0,
                QStringLiteral("entry %1 was chained to another start: the chain's identity (audit_chain) "
                               "was changed")
                    .arg(r.seq));
        return verdict(
            Kind::Changed, s - 1, 0,
            QStringLiteral("entry %1 was changed and its hash recomputed: entry %2 was chained to a "
                           "different entry %1")
                .arg(s - 1)
                .arg(r.seq));
    }
    if (writtenAs) {
        if (!predecessor.found && writtenAs > r.seq)
            return verdict(
                Kind::Deleted, s, writtenAs - 1 > s ? writtenAs - 1 : 0,
                QStringLiteral("%1 %2 deleted and the entries after renumbered: the entry now at seq %3 "
                               "was written as seq %4")
                    .arg(range(s, writtenAs - 1),
                         writtenAs - 1 > s ? QStringLiteral("were") : QStringLiteral("was"))
                    .arg(r.seq)
                    .arg(writtenAs));
        return verdict(
            Kind::Reordered, r.seq, 0,
            QStringLiteral("entry %1 holds the entry written as seq %2: the entries were reordered")
                .arg(r.seq)
                .arg(writtenAs));
    }
    // Not written by the engine at any place near here. An insertion pushes the real entry one place on.
    if (const Row next = rowBySeq(r.seq + 1);
        next.found && next.prev == expectedPrev && next.hashMatches(expectedPrev, r.seq))
        return verdict(
            Kind::Inserted, r.seq, 0,
            QStringLiteral("entry %1 is not part of the chain: it was inserted before the entry now at seq "
                           "%2, which was written as seq %1")
                .arg(r.seq)
                .arg(r.seq + 1));
    if (r.prev == expectedPrev) {
        const qint64 run = r.runId();
        const auto end = m_runEndSeq.find(run);
        if (end != m_runEndSeq.end() && end->second < r.seq)
            return verdict(
                Kind::Inserted, r.seq, 0,
                QStringLiteral("entry %1 names run %2, whose last entry was seq %3: it was inserted "
                               "after the run")
                    .arg(r.seq)
                    .arg(run)
                    .arg(end->second));
        return verdict(
            Kind::Changed, r.seq, 0,
            QStringLiteral("entry %1 was changed: its content no longer matches its hash").arg(r.seq));
    }
    return verdict(Kind::Changed, r.seq, 0,
                   QStringLiteral("entry %1 was changed: neither its content nor its link to entry %2 match")
                       .arg(r.seq)
                       .arg(s - 1));
}

} // namespace

QString AuditVerifier::Problem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Deleted:
        return QStringLiteral("deleted");
    case Kind::Inserted:
        return QStringLiteral("inserted");
    case Kind::Reordered:
        return QStringLiteral("reordered");
    case Kind::ChainRewritten:
        return QStringLiteral("chain_rewritten");
    case Kind::BadSignature:
        return QStringLiteral("bad_signature");
    case Kind::CheckpointDeleted:
        return QStringLiteral("checkpoint_deleted");
    case Kind::Unsigned:
        return QStringLiteral("unsigned");
    case Kind::UntrustedKey:
        return QStringLiteral("untrusted_key");
    case Kind::NoChain:
        return QStringLiteral("no_chain");
    }
    return {};
}

QJsonObject AuditVerifier::Problem::toJson() const
{
    auto orNull = [](qint64 v) { return v ? QJsonValue(v) : QJsonValue(); };
    return {{QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("seq"), orNull(seq)},
            {QStringLiteral("last_seq"), orNull(lastSeq)},
            {QStringLiteral("checkpoint"), orNull(checkpointId)},
            {QStringLiteral("message"), message}};
}

QJsonObject AuditVerifier::Report::toJson() const
{
    QJsonArray keyList, problemList;
    for (const KeyUse& k : keys)
        keyList.append(
            QJsonObject{{QStringLiteral("key_id"), AuditSigner::keyIdOf(k.publicKey)},
                        {QStringLiteral("public_key"), QString::fromLatin1(k.publicKey.toHex())},
                        {QStringLiteral("checkpoints"), k.checkpoints},
                        {QStringLiteral("trusted"), trustChecked ? QJsonValue(k.trusted) : QJsonValue()}});
    for (const Problem& p : problems)
        problemList.append(p.toJson());
    QJsonObject o{{QStringLiteral("database"), database},
                  {QStringLiteral("result"), !error.isEmpty() ? QStringLiteral("error")
                                             : intact()       ? QStringLiteral("intact")
                                                              : QStringLiteral("broken")},
                  {QStringLiteral("entries"), entries},
                  {QStringLiteral("legacy_entries"), legacyEntries},
                  {QStringLiteral("first_seq"), firstSeq},
                  {QStringLiteral("last_seq"), lastSeq},
                  {QStringLiteral("head_hash"), QString::fromLatin1(headHash.toHex())},
                  {QStringLiteral("checkpoints"), checkpoints},
                  {QStringLiteral("signed_checkpoints"), signedCheckpoints},
                  {QStringLiteral("last_checkpoint"),
                   lastCheckpointId ? QJsonValue(QJsonObject{{QStringLiteral("id"), lastCheckpointId},
                                                             {QStringLiteral("seq"), lastCheckpointSeq},
                                                             {QStringLiteral("time"), lastCheckpointUtc}})
                                    : QJsonValue()},
                  {QStringLiteral("uncovered_entries"), uncoveredEntries},
                  {QStringLiteral("workspace"), workspace.isEmpty() ? QJsonValue() : QJsonValue(workspace)},
                  {QStringLiteral("trust_checked"), trustChecked},
                  {QStringLiteral("keys"), keyList},
                  {QStringLiteral("problems"), problemList},
                  {QStringLiteral("first_problem"),
                   problems.isEmpty() ? QJsonValue() : QJsonValue(problems.first().toJson())},
                  {QStringLiteral("duration_ms"), durationMs}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

AuditVerifier::Report AuditVerifier::verify(const QString& databasePath, const QList<QByteArray>& trustedKeys,
                                            bool checkTrust, const QString& workspace)
{
    QElapsedTimer timer;
    timer.start();
    Report r;
    r.database = databasePath;
    r.workspace = workspace;
    r.trustChecked = checkTrust;
    if (!QFileInfo(databasePath).isFile()) {
        r.error = QStringLiteral("%1: no such database").arg(databasePath);
        return r;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        r.error = QStringLiteral("%1: cannot open the database: %2")
                      .arg(databasePath, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return r;
    }
    // One read transaction: a run writing meanwhile is seen as of one moment, never half.
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db, "PRAGMA cache_size=-16384; BEGIN", nullptr, nullptr,
                 nullptr);
    {
        Verification v(db, r);
        Statement probe(db, "SELECT COUNT(*) FROM sqlite_master");
        if (!probe.ok() || !probe.step()) {
            // An I/O error on that first read is not the file's fault.
            const bool notADatabase = sqlite3_errcode(db) == SQLITE_NOTADB;
            r.error = QStringLiteral("%1: %2: %3")
                          .arg(databasePath, notADatabase ? QStringLiteral("not a database")
                                                          : QStringLiteral("cannot read the database"),
                               QString::fromUtf8(sqlite3_errmsg(db)));
        } else if (v.readChain()) {
            v.readCheckpoints(trustedKeys, checkTrust);
            v.walk();
        }
        v.report();
    } // statements finalized before the connection closes
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    r.durationMs = timer.elapsed();
    return r;
}

} // namespace tb::core

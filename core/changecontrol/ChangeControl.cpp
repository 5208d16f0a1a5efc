#include "changecontrol/ChangeControl.h"

#include "audit/AuditLog.h"
#include "esign/ElectronicSignature.h"
#include "esign/SignatureLog.h"
#include "load/CtmsDatabase.h"
#include "load/SqliteStatement.h"
#include "mapping/MappingDiff.h"
#include "mapping/MappingDocument.h"
#include "util/Crypto.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <functional>

#include <sqlite3.h>

namespace tb::core {

namespace {

constexpr const char* Columns =
    "mapping, revision, content_hash, document, file, author_id, submitted_utc, state, state_utc";

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString keyOf(const QString& mapping, int revision)
{
    return compact(QJsonObject{{QStringLiteral("mapping"), mapping}, {QStringLiteral("revision"), revision}});
}

// One act of change control: a write transaction with its audit entries, closed by a signed checkpoint.
class Act
{
public:
    Act(CtmsDatabase& db, QString* error) : m_db(db), m_error(error) {}
    ~Act()
    {
        if (m_open)
            m_db.rollback();
    }

    bool begin(std::shared_ptr<const AuditSigner> key)
    {
        QString e;
        if (!m_db.begin(&e))
            return fail(e);
        m_open = true;
        if (!m_audit.prepare(m_db.handle(), &e))
            return fail(e);
        m_audit.setSigning(std::move(key), 0, 0);
        m_audit.transactionStarted();
        return true;
    }
    bool fail(const QString& message)
    {
        *m_error = QStringLiteral("%1: %2").arg(m_db.path(), message);
        if (m_open)
            m_db.rollback();
        m_open = false;
        return false;
    }
    // A refusal: the reason alone, nothing written.
    bool refuse(const QString& message)
    {
        if (m_open)
            m_db.rollback();
        m_open = false;
        *m_error = message;
        return false;
    }
    bool audit(const AuditEntry& e) { return m_audit.append(e) || fail(m_audit.error()); }
    bool sign(ElectronicSignature& sig, const QString& actor)
    {
        QString e;
        return SignatureLog::store(m_db.handle(), m_audit, sig, actor, &e) || fail(e);
    }
    bool commit(const QString& timeUtc)
    {
        QString e;
        if (!m_audit.checkpoint(AuditLog::CheckpointReason::Signature, timeUtc))
            return fail(m_audit.error());
        if (!m_db.commit(&e))
            return fail(e);
        m_open = false;
        return true;
    }
    sqlite3* handle() const { return m_db.handle(); }

private:
    CtmsDatabase& m_db;
    QString* m_error;
    AuditLog m_audit;
    bool m_open = false;
};

bool readRevisions(sqlite3* db, const QString& where, const std::function<void(SqliteStatement&)>& bind,
                   std::vector<MappingRevision>* out, QString* error)
{
    out->clear();
    SqliteStatement st;
    if (!st.prepare(db, QStringLiteral("SELECT %1 FROM mapping_revision %2").arg(QLatin1String(Columns), where), error))
        return false;
    bind(st);
    while (st.next()) {
        MappingRevision r;
        r.mapping = st.columnText(0);
        r.revision = int(st.columnInt64(1));
        r.contentHash = st.columnBlob(2);
        r.document = st.columnText(3).toUtf8();
        r.file = st.columnText(4);
        r.authorId = st.columnText(5);
        r.submittedUtc = st.columnText(6);
        MappingRevision::parseState(st.columnText(7), &r.state); // the table's CHECK allows only these
        r.stateUtc = st.columnText(8);
        // The audit trail holds the hash; the copy must still be what was submitted.
        if (crypto::blake2b(r.document) != r.contentHash) {
            *error = QStringLiteral("the register's copy of %1 does not match its hash: it was changed outside TrialBridge")
                         .arg(r.label());
            return false;
        }
        out->push_back(std::move(r));
    }
    if (!st.error().isEmpty()) {
        *error = st.error();
        return false;
    }
    return true;
}

bool findByHash(sqlite3* db, const QByteArray& hash, MappingRevision* out, bool* found, QString* error)
{
    std::vector<MappingRevision> list;
    if (!readRevisions(db, QStringLiteral("WHERE content_hash = ?1"), [&](SqliteStatement& st) { st.bindBlob(1, hash); },
                       &list, error))
        return false;
    *found = !list.empty();
    if (*found)
        *out = list.front();
    return true;
}

bool setState(Act& act, MappingRevision& r, MappingRevision::State to, const QString& timeUtc, const QString& actor,
              const QString& reason)
{
    SqliteStatement st;
    QString e;
    if (!st.prepare(act.handle(),
                    QStringLiteral("UPDATE mapping_revision SET state = ?1, state_utc = ?2 WHERE mapping = ?3 AND revision = ?4"),
                    &e))
        return act.fail(e);
    st.bindText(1, MappingRevision::stateName(to));
    st.bindText(2, timeUtc);
    st.bindText(3, r.mapping);
    st.bindInt64(4, r.revision);
    if (!st.exec())
        return act.fail(st.error());
    AuditEntry a;
    a.timeUtc = timeUtc;
    a.actor = actor;
    a.action = QStringLiteral("update");
    a.entity = QStringLiteral("mapping_revision");
    a.naturalKey = keyOf(r.mapping, r.revision);
    a.beforeJson = compact({{QStringLiteral("state"), MappingRevision::stateName(r.state)},
                            {QStringLiteral("state_utc"), r.stateUtc}});
    a.afterJson = compact({{QStringLiteral("state"), MappingRevision::stateName(to)}, {QStringLiteral("state_utc"), timeUtc}});
    a.sourceRef = r.file;
    a.reason = reason;
    r.state = to;
    r.stateUtc = timeUtc;
    return act.audit(a);
}

} // namespace

bool ChangeControl::submit(CtmsDatabase& db, const MappingDocument& doc, const QString& file, ElectronicSignature& authored,
                           std::shared_ptr<const AuditSigner> workspaceKey, const QString& actor, MappingRevision* out,
                           QString* error)
{
    MappingRevision r;
    r.mapping = doc.name;
    r.revision = doc.revision;
    r.document = doc.toJsonBytes();
    r.contentHash = crypto::blake2b(r.document);
    r.file = QFileInfo(file).fileName();
    r.authorId = authored.signerId;
    r.submittedUtc = authored.signedUtc;
    r.stateUtc = authored.signedUtc;
    if (authored.meaning != ElectronicSignature::Meaning::Authored || authored.contentHash != r.contentHash) {
        *error = QStringLiteral("a submission is signed by its author with the meaning authored over the mapping's content");
        return false;
    }
    Act act(db, error);
    if (!act.begin(std::move(workspaceKey)))
        return false;
    MappingRevision existing;
    bool found = false;
    QString e;
    if (!find(db.handle(), r.mapping, r.revision, &existing, &found, &e))
        return act.fail(e);
    if (found)
        return act.refuse(existing.contentHash == r.contentHash
                              ? QStringLiteral("%1 was submitted already (%2); it is %3")
                                    .arg(r.label(), existing.submittedUtc, MappingRevision::describeState(existing.state))
                              : QStringLiteral("%1 was submitted already with other content (%2, %3): a submitted "
                                               "revision never changes — raise \"revision\" in %4 and submit that")
                                    .arg(r.label(), existing.submittedUtc, MappingRevision::describeState(existing.state),
                                         r.file));
    SqliteStatement st;
    if (!st.prepare(db.handle(),
                    QStringLiteral("INSERT INTO mapping_revision (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'in_review', ?8)")
                        .arg(QLatin1String(Columns)),
                    &e))
        return act.fail(e);
    st.bindText(1, r.mapping);
    st.bindInt64(2, r.revision);
    st.bindBlob(3, r.contentHash);
    st.bindText(4, QString::fromUtf8(r.document));
    st.bindText(5, r.file);
    st.bindText(6, r.authorId);
    st.bindText(7, r.submittedUtc);
    st.bindText(8, r.stateUtc);
    if (!st.exec())
        return act.fail(st.error());
    AuditEntry a;
    a.timeUtc = r.submittedUtc;
    a.actor = actor;
    a.action = QStringLiteral("insert");
    a.entity = QStringLiteral("mapping_revision");
    a.naturalKey = keyOf(r.mapping, r.revision);
    a.afterJson = compact(r.toJson());
    a.sourceRef = r.file;
    a.reason = QStringLiteral("submitted for review by %1 (%2)").arg(authored.printedName, authored.signerId);
    if (!act.audit(a) || !act.sign(authored, actor) || !act.commit(r.submittedUtc))
        return false;
    *out = r;
    return true;
}

bool ChangeControl::decide(CtmsDatabase& db, ElectronicSignature& sig, std::shared_ptr<const AuditSigner> workspaceKey,
                           const QString& actor, MappingRevision* out, QStringList* retired, QString* error)
{
    if (sig.meaning == ElectronicSignature::Meaning::Authored) {
        *error = QStringLiteral("a revision is authored when it is submitted");
        return false;
    }
    Act act(db, error);
    if (!act.begin(std::move(workspaceKey)))
        return false;
    MappingRevision r;
    bool found = false;
    QString e;
    if (!findByHash(db.handle(), sig.contentHash, &r, &found, &e))
        return act.fail(e);
    if (!found)
        return act.refuse(QStringLiteral("this content was never submitted for review: submit it first"));
    const QString meaning = ElectronicSignature::meaningName(sig.meaning);
    if (r.state != MappingRevision::State::InReview)
        return act.refuse(QStringLiteral("%1 is %2: only a revision in review is %3")
                              .arg(r.label(), MappingRevision::describeState(r.state), meaning));
    // Four eyes (Annex 11 §10): the author's own review or approval counts for nothing.
    if (sig.meaning != ElectronicSignature::Meaning::Rejected && sig.signerId == r.authorId)
        return act.refuse(QStringLiteral("%1 was authored by %2: its %3 must come from another user")
                              .arg(r.label(), r.authorId, sig.meaning == ElectronicSignature::Meaning::Approved
                                                                ? QStringLiteral("approval")
                                                                : QStringLiteral("review")));
    if (!act.sign(sig, actor))
        return false;
    const QString by = QStringLiteral("%1 by %2 (%3), signature %4").arg(meaning, sig.printedName, sig.signerId).arg(sig.id);
    if (sig.meaning == ElectronicSignature::Meaning::Approved) {
        std::vector<MappingRevision> earlier;
        if (!readRevisions(db.handle(), QStringLiteral("WHERE mapping = ?1 AND state = 'approved'"),
                           [&](SqliteStatement& st) { st.bindText(1, r.mapping); }, &earlier, &e))
            return act.fail(e);
        for (MappingRevision& old : earlier) {
            if (!setState(act, old, MappingRevision::State::Retired, sig.signedUtc, actor,
                          QStringLiteral("superseded by revision %1, %2").arg(r.revision).arg(by)))
                return false;
            if (retired)
                retired->append(old.label());
        }
        if (!setState(act, r, MappingRevision::State::Approved, sig.signedUtc, actor, by))
            return false;
    } else if (sig.meaning == ElectronicSignature::Meaning::Rejected) {
        if (!setState(act, r, MappingRevision::State::Rejected, sig.signedUtc, actor, by))
            return false;
    }
    if (!act.commit(sig.signedUtc))
        return false;
    *out = r;
    return true;
}

bool ChangeControl::retire(CtmsDatabase& db, const QString& mapping, int revision, const QString& userId,
                           const QString& comment, const QString& nowUtc, std::shared_ptr<const AuditSigner> workspaceKey,
                           const QString& actor, QString* error)
{
    Act act(db, error);
    if (!act.begin(std::move(workspaceKey)))
        return false;
    MappingRevision r;
    bool found = false;
    QString e;
    if (!find(db.handle(), mapping, revision, &r, &found, &e))
        return act.fail(e);
    if (!found)
        return act.refuse(QStringLiteral("%1 revision %2 was never submitted").arg(mapping).arg(revision));
    if (r.state != MappingRevision::State::Approved)
        return act.refuse(QStringLiteral("%1 is %2: only an approved revision is retired")
                              .arg(r.label(), MappingRevision::describeState(r.state)));
    QString reason = QStringLiteral("retired by %1").arg(userId);
    if (!comment.isEmpty())
        reason += QStringLiteral(": ") + comment;
    return setState(act, r, MappingRevision::State::Retired, nowUtc, actor, reason) && act.commit(nowUtc);
}

bool ChangeControl::requireApproval(CtmsDatabase& db, const QString& userId, const QString& nowUtc,
                                    std::shared_ptr<const AuditSigner> workspaceKey, const QString& actor, QString* error)
{
    Act act(db, error);
    if (!act.begin(std::move(workspaceKey)))
        return false;
    bool required = false;
    QString e;
    if (!approvalRequired(db.handle(), &required, &e))
        return act.fail(e);
    if (required)
        return act.refuse(QStringLiteral("%1 requires approved mappings already").arg(db.path()));
    SqliteStatement st;
    if (!st.prepare(db.handle(), QStringLiteral("INSERT INTO change_control (required_since_utc, required_by) VALUES (?1, ?2)"),
                    &e))
        return act.fail(e);
    st.bindText(1, nowUtc);
    st.bindText(2, userId);
    if (!st.exec())
        return act.fail(st.error());
    AuditEntry a;
    a.timeUtc = nowUtc;
    a.actor = actor;
    a.action = QStringLiteral("insert");
    a.entity = QStringLiteral("change_control");
    a.naturalKey = QStringLiteral("{}");
    a.afterJson = compact({{QStringLiteral("required_since_utc"), nowUtc}, {QStringLiteral("required_by"), userId}});
    a.reason = QStringLiteral("production runs use approved mappings only, required by %1").arg(userId);
    return act.audit(a) && act.commit(nowUtc);
}

bool ChangeControl::approvalRequired(sqlite3* db, bool* required, QString* error)
{
    SqliteStatement st;
    if (!st.prepare(db, QStringLiteral("SELECT COUNT(*) FROM change_control"), error))
        return false;
    if (!st.next()) {
        *error = st.error();
        return false;
    }
    *required = st.columnInt64(0) > 0;
    return true;
}

bool ChangeControl::revisions(sqlite3* db, const QString& mapping, std::vector<MappingRevision>* out, QString* error)
{
    if (mapping.isEmpty())
        return readRevisions(db, QStringLiteral("ORDER BY mapping, revision"), [](SqliteStatement&) {}, out, error);
    return readRevisions(db, QStringLiteral("WHERE mapping = ?1 ORDER BY revision"),
                         [&](SqliteStatement& st) { st.bindText(1, mapping); }, out, error);
}

bool ChangeControl::find(sqlite3* db, const QString& mapping, int revision, MappingRevision* out, bool* found,
                         QString* error)
{
    std::vector<MappingRevision> list;
    if (!readRevisions(db, QStringLiteral("WHERE mapping = ?1 AND revision = ?2"),
                       [&](SqliteStatement& st) {
                           st.bindText(1, mapping);
                           st.bindInt64(2, revision);
                       },
                       &list, error))
        return false;
    *found = !list.empty();
    if (*found)
        *out = list.front();
    return true;
}

bool ChangeControl::statusOf(CtmsDatabase& db, const MappingDocument& doc, FileStatus* out, QString* error)
{
    *out = FileStatus();
    bool found = false;
    if (!find(db.handle(), doc.name, doc.revision, &out->revision, &found, error))
        return false;
    if (!found)
        return true;
    out->kind = crypto::blake2b(doc.toJsonBytes()) == out->revision.contentHash ? FileStatus::Kind::Submitted
                                                                                : FileStatus::Kind::Changed;
    return SignatureLog::list(db, out->revision.contentHash, &out->signatures, error);
}

QString ChangeControl::FileStatus::describe() const
{
    if (kind == Kind::Draft)
        return QStringLiteral("draft: this revision was never submitted for review");
    const QString state = MappingRevision::describeState(revision.state);
    if (kind == Kind::Changed)
        return QStringLiteral("changed since %1 was submitted (%2): submit it as a new revision").arg(revision.label(), state);
    QStringList by;
    for (const ElectronicSignature& s : signatures)
        by << QStringLiteral("%1 by %2 (%3) %4")
                  .arg(ElectronicSignature::meaningName(s.meaning), s.printedName, s.signerId, s.signedUtc.left(10));
    return QStringLiteral("%1: %2 — %3").arg(revision.label(), state, by.join(QStringLiteral("; ")));
}

bool ChangeControl::checkProductionUse(sqlite3* db, const MappingDocument& doc, const QString& file, QString* refusal,
                                       QString* error)
{
    refusal->clear();
    bool required = false;
    if (!approvalRequired(db, &required, error))
        return false;
    if (!required)
        return true;
    MappingRevision r;
    bool found = false;
    if (!find(db, doc.name, doc.revision, &r, &found, error))
        return false;
    const QString name = QFileInfo(file).fileName();
    const QString rule = QStringLiteral("production runs into this target use approved mappings only");
    if (!found) {
        *refusal = QStringLiteral("%1: mapping %2 revision %3 was never submitted for review; %4 (submit it with "
                                  "trialbridge-cli mapping submit and have it approved, or try it with run --uat)")
                       .arg(name, doc.name)
                       .arg(doc.revision)
                       .arg(rule);
        return true;
    }
    const QByteArray hash = crypto::blake2b(doc.toJsonBytes());
    if (hash != r.contentHash) {
        MappingDocument submitted;
        QString e;
        QList<MappingDiff::Change> changes;
        if (MappingDocument::fromJson(r.document, r.label(), &submitted, &e))
            changes = MappingDiff::diff(submitted, doc);
        *refusal = QStringLiteral("%1 no longer matches %2 as it was submitted (%3): %4 change(s) since%5 — a "
                                  "submitted revision never changes; raise \"revision\" and submit the change")
                       .arg(name, r.label(), MappingRevision::describeState(r.state))
                       .arg(changes.size())
                       .arg(changes.isEmpty() ? QString() : QStringLiteral(", first %1").arg(changes.first().toString()));
        return true;
    }
    if (r.state != MappingRevision::State::Approved)
        *refusal = QStringLiteral("%1: %2 is %3, not approved; %4")
                       .arg(name, r.label(), MappingRevision::describeState(r.state), rule);
    return true;
}

} // namespace tb::core

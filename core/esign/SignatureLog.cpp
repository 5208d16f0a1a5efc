#include "esign/SignatureLog.h"

#include "audit/AuditLog.h"
#include "load/CtmsDatabase.h"
#include "load/SqliteStatement.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace tb::core {

bool SignatureLog::append(CtmsDatabase& db, ElectronicSignature& sig, std::shared_ptr<const AuditSigner> workspaceKey,
                          const QString& actor, QString* error)
{
    if (!sig.verify()) {
        *error = QStringLiteral("the signature does not verify: not stored");
        return false;
    }
    if (!db.begin(error))
        return false;
    auto rollback = [&](const QString& message) {
        *error = QStringLiteral("%1: %2").arg(db.path(), message);
        db.exec(QStringLiteral("ROLLBACK"), nullptr);
        return false;
    };
    AuditLog audit;
    QString e;
    if (!audit.prepare(db.handle(), &e))
        return rollback(e);
    audit.setSigning(std::move(workspaceKey), 0, 0);
    audit.transactionStarted();
    if (!store(db.handle(), audit, sig, actor, &e))
        return rollback(e);
    if (!audit.checkpoint(AuditLog::CheckpointReason::Signature, sig.signedUtc))
        return rollback(audit.error());
    if (!db.commit(&e))
        return rollback(e);
    return true;
}

bool SignatureLog::store(sqlite3* db, AuditLog& audit, ElectronicSignature& sig, const QString& actor, QString* error)
{
    if (!sig.verify()) {
        *error = QStringLiteral("the signature does not verify: not stored");
        return false;
    }
    SqliteStatement insert;
    if (!insert.prepare(db,
                        QStringLiteral("INSERT INTO esignature (signed_utc, signer_id, printed_name, role, meaning, comment, "
                                       "subject, content_hash, public_key, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
                        error))
        return false;
    insert.bindText(1, sig.signedUtc);
    insert.bindText(2, sig.signerId);
    insert.bindText(3, sig.printedName);
    insert.bindText(4, sig.role);
    insert.bindText(5, ElectronicSignature::meaningName(sig.meaning));
    insert.bindText(6, sig.comment.isNull() ? QStringLiteral("") : sig.comment); // no comment is an empty one, not NULL
    insert.bindText(7, sig.subject);
    insert.bindBlob(8, sig.contentHash);
    insert.bindBlob(9, sig.publicKey);
    insert.bindBlob(10, sig.signature);
    if (!insert.exec()) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    sig.id = sqlite3_last_insert_rowid(db);

    AuditEntry entry;
    entry.timeUtc = sig.signedUtc;
    entry.actor = actor;
    entry.action = QStringLiteral("insert");
    entry.entity = QStringLiteral("esignature");
    entry.naturalKey = QStringLiteral("{\"signature_id\":%1}").arg(sig.id);
    entry.afterJson = QString::fromUtf8(QJsonDocument(sig.toJson()).toJson(QJsonDocument::Compact));
    entry.sourceRef = sig.subject;
    entry.reason = QStringLiteral("electronic signature: %1 by %2 (%3)")
                       .arg(ElectronicSignature::meaningName(sig.meaning), sig.printedName, sig.signerId);
    if (!audit.append(entry)) {
        *error = audit.error();
        return false;
    }
    return true;
}

namespace {

bool readSignatures(sqlite3* db, const QString& path, const QByteArray& contentHash, std::vector<ElectronicSignature>* out,
                    QString* error)
{
    out->clear();
    SqliteStatement st;
    QString e;
    if (!st.prepare(db,
                    QStringLiteral("SELECT signature_id, signed_utc, signer_id, printed_name, role, meaning, comment, subject, "
                                   "content_hash, public_key, signature FROM esignature%1 ORDER BY signature_id")
                        .arg(contentHash.isEmpty() ? QString() : QStringLiteral(" WHERE content_hash = ?1")),
                    &e)) {
        *error = QStringLiteral("%1: %2").arg(path, e);
        return false;
    }
    if (!contentHash.isEmpty())
        st.bindBlob(1, contentHash);
    while (st.next()) {
        ElectronicSignature s;
        s.id = st.columnInt64(0);
        s.signedUtc = st.columnText(1);
        s.signerId = st.columnText(2);
        s.printedName = st.columnText(3);
        s.role = st.columnText(4);
        ElectronicSignature::parseMeaning(st.columnText(5), &s.meaning); // the table's CHECK allows only these
        s.comment = st.columnText(6);
        s.subject = st.columnText(7);
        s.contentHash = st.columnBlob(8);
        s.publicKey = st.columnBlob(9);
        s.signature = st.columnBlob(10);
        out->push_back(std::move(s));
    }
    if (!st.error().isEmpty()) {
        *error = QStringLiteral("%1: cannot read the signatures: %2").arg(path, st.error());
        out->clear();
        return false;
    }
    return true;
}

} // namespace

bool SignatureLog::list(CtmsDatabase& db, const QByteArray& contentHash, std::vector<ElectronicSignature>* out, QString* error)
{
    return readSignatures(db.handle(), db.path(), contentHash, out, error);
}

bool SignatureLog::check(const QString& databasePath, Check* out, QString* error)
{
    *out = Check();
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: cannot open the database: %2").arg(databasePath, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return false;
    }
    bool ok = true;
    {
        SqliteStatement exists;
        QString e;
        ok = exists.prepare(db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'esignature'"), &e)
            && exists.next();
        std::vector<ElectronicSignature> list;
        if (!ok)
            *error = QStringLiteral("%1: %2").arg(databasePath, e);
        else if (exists.columnInt64(0) > 0)
            ok = readSignatures(db, databasePath, {}, &list, error);
        SqliteStatement entry;
        if (ok && !list.empty()
            && !entry.prepare(db, QStringLiteral("SELECT after_json FROM audit_log WHERE entity = 'esignature' AND natural_key = ?1"), &e)) {
            *error = QStringLiteral("%1: %2").arg(databasePath, e);
            ok = false;
        }
        for (size_t i = 0; ok && i < list.size(); ++i) {
            const ElectronicSignature& s = list[i];
            const QString name = QStringLiteral("electronic signature %1 (%2 by %3 of %4)")
                                     .arg(s.id)
                                     .arg(ElectronicSignature::meaningName(s.meaning), s.printedName, s.subject);
            ++out->signatures;
            if (!s.verify()) {
                out->problems << name + QStringLiteral(": does not verify — changed after it was signed");
                continue;
            }
            entry.reset();
            entry.bindText(1, QStringLiteral("{\"signature_id\":%1}").arg(s.id));
            const QString expected = QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact));
            if (!entry.next())
                out->problems << name + QStringLiteral(": has no audit entry — written outside the audit trail");
            else if (entry.columnText(0) != expected)
                out->problems << name + QStringLiteral(": differs from its audit entry");
        }
    }
    sqlite3_close(db);
    return ok;
}

} // namespace tb::core

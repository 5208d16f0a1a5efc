#include "AuditTestSupport.h"

#include "audit/AuditChain.h"
#include "audit/AuditSigner.h"

#include <QAtomicInt>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tb::test {

using tb::core::AuditChain;

namespace {

QAtomicInt g_connections;

// One Qt Sql connection to a database file for the length of a scope.
class Connection
{
public:
    explicit Connection(const QString& path)
        : m_name(QStringLiteral("audit-test-%1").arg(g_connections.fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Connection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

bool run(QSqlQuery& q, const QString& sql, QString* error)
{
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
    return false;
}

} // namespace

bool tamper(const QString& dbPath, const QStringList& statements, QString* error)
{
    Connection c(dbPath);
    QSqlQuery q(c.db());
    for (const char* trigger :
         {"audit_log_no_update", "audit_log_no_delete", "audit_checkpoint_no_update",
          "audit_checkpoint_no_delete", "audit_chain_no_update", "audit_chain_no_delete"})
        if (!run(q, QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(QLatin1String(trigger)), error))
            return false;
    for (const QString& sql : statements)
        if (!run(q, sql, error))
            return false;
    return true;
}

bool rechain(const QString& dbPath, qint64 fromSeq, qint64 toSeq, QString* error)
{
    if (!tamper(dbPath, {}, error))
        return false;
    Connection c(dbPath);
    QSqlQuery q(c.db());
    if (!run(q, QStringLiteral("SELECT hash FROM audit_log WHERE seq = %1").arg(fromSeq - 1), error)
        || !q.next()) {
        *error = QStringLiteral("no entry %1 to chain from").arg(fromSeq - 1);
        return false;
    }
    QByteArray prev = q.value(0).toByteArray();
    QString fields;
    for (const char* f : AuditChain::FieldNames)
        fields += QStringLiteral(", ") + QLatin1String(f);
    for (qint64 seq = fromSeq; seq <= toSeq; ++seq) {
        if (!run(q, QStringLiteral("SELECT seq%1 FROM audit_log WHERE seq = %2").arg(fields).arg(seq), error))
            return false;
        if (!q.next())
            continue;
        AuditChain::Encoder enc;
        enc.begin(reinterpret_cast<const unsigned char*>(prev.constData()), seq);
        for (int i = 1; i <= AuditChain::FieldCount; ++i) {
            const QVariant v = q.value(i);
            if (v.isNull())
                enc.addNull();
            else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
                enc.addInteger(v.toLongLong());
            else
                enc.addText(v.toString());
        }
        AuditChain::Hash h;
        enc.finish(h.data());
        const QByteArray hash(reinterpret_cast<const char*>(h.data()), AuditChain::HashBytes);
        QSqlQuery u(c.db());
        u.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?"));
        u.addBindValue(prev);
        u.addBindValue(hash);
        u.addBindValue(seq);
        if (!u.exec()) {
            *error = u.lastError().text();
            return false;
        }
        prev = hash;
    }
    return true;
}

bool resign(const QString& dbPath, qint64 checkpointId, const tb::core::AuditSigner& signer, QString* error)
{
    if (!tamper(dbPath, {}, error))
        return false;
    Connection c(dbPath);
    QSqlQuery q(c.db());
    if (!run(q,
             QStringLiteral(
                 "SELECT (SELECT chain_id FROM audit_chain), last_seq, head_hash, created_utc, run_id, "
                 "reason FROM audit_checkpoint WHERE checkpoint_id = %1")
                 .arg(checkpointId),
             error)
        || !q.next()) {
        *error = QStringLiteral("no checkpoint %1").arg(checkpointId);
        return false;
    }
    const QByteArray message = AuditChain::checkpointMessage(
        q.value(0).toByteArray(), checkpointId, q.value(1).toLongLong(), q.value(2).toByteArray(),
        q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(), signer.publicKey());
    QSqlQuery u(c.db());
    u.prepare(
        QStringLiteral("UPDATE audit_checkpoint SET public_key = ?, signature = ? WHERE checkpoint_id = ?"));
    u.addBindValue(signer.publicKey());
    u.addBindValue(signer.sign(message));
    u.addBindValue(checkpointId);
    if (!u.exec()) {
        *error = u.lastError().text();
        return false;
    }
    return true;
}

QStringList swapEntries(qint64 a, qint64 b)
{
    return {QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = %1").arg(a),
            QStringLiteral("UPDATE audit_log SET seq = %1 WHERE seq = %2").arg(a).arg(b),
            QStringLiteral("UPDATE audit_log SET seq = %1 WHERE seq = -1").arg(b)};
}

bool copyDatabase(const QString& from, const QString& to, QString* error)
{
    {
        Connection c(from);
        QSqlQuery q(c.db());
        if (!run(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), error))
            return false;
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(to + QLatin1String(suffix));
    if (!QFile::copy(from, to)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(from, to);
        return false;
    }
    return true;
}

qint64 scalar(const QString& dbPath, const QString& sql)
{
    Connection c(dbPath);
    QSqlQuery q(c.db());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

} // namespace tb::test

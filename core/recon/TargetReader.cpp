#include "recon/TargetReader.h"

#include "load/CtmsDatabase.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace tb::core {

TargetReader::TargetReader()
{
    static QAtomicInteger<quint64> serial;
    m_connectionName = QStringLiteral("tb-target-reader-%1").arg(serial.fetchAndAddRelaxed(1));
}

TargetReader::~TargetReader()
{
    close();
}

void TargetReader::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool TargetReader::open(const QString& path, QString* error)
{
    close();
    m_path = path;
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("%1 does not exist yet: run a pipeline to create it").arg(path);
        return false;
    }
    QString failure;
    {
        // Every handle on the connection is gone before close() removes it.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            failure = QStringLiteral("%1: cannot open the database: %2")
                          .arg(path, CtmsDatabase::errorText(db.lastError()));
    }
    if (failure.isEmpty()) {
        QSqlQuery q(sql());
        if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'run_entity'")))
            failure = QStringLiteral("%1: cannot read the database: %2")
                          .arg(path, CtmsDatabase::errorText(q.lastError()));
        else if (!q.next())
            failure = QStringLiteral("%1 is not a TrialBridge target database (it has no run records)").arg(path);
    }
    if (failure.isEmpty())
        return true;
    *error = failure;
    close();
    return false;
}

QSqlDatabase TargetReader::sql() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

} // namespace tb::core

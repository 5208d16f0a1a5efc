#include "changecontrol/UatSandbox.h"

#include "load/CtmsDatabase.h"
#include "load/SqliteStatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace tb::core {

namespace {

bool copyDatabase(const QString& from, const QString& to, QString* error)
{
    sqlite3* src = nullptr;
    sqlite3* dst = nullptr;
    auto done = [&](const QString& message) {
        if (!message.isEmpty())
            *error = message;
        sqlite3_close(src);
        sqlite3_close(dst);
        return message.isEmpty();
    };
    if (sqlite3_open_v2(from.toUtf8().constData(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return done(QStringLiteral("%1: cannot open the target to copy it: %2").arg(from, QString::fromUtf8(sqlite3_errmsg(src))));
    if (sqlite3_open_v2(to.toUtf8().constData(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return done(QStringLiteral("%1: cannot create the sandbox: %2").arg(to, QString::fromUtf8(sqlite3_errmsg(dst))));
    sqlite3_busy_timeout(src, 10000);
    sqlite3_backup* backup = sqlite3_backup_init(dst, "main", src, "main");
    if (!backup)
        return done(QStringLiteral("%1: cannot copy %2: %3").arg(to, from, QString::fromUtf8(sqlite3_errmsg(dst))));
    const int rc = sqlite3_backup_step(backup, -1); // all pages in one read transaction: a consistent copy
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return done(QStringLiteral("%1: cannot copy %2: %3").arg(to, from, QString::fromUtf8(sqlite3_errstr(rc))));
    return done({});
}

} // namespace

QString UatSandbox::pathFor(const QString& target)
{
    const QFileInfo fi(target);
    const QString suffix = fi.completeSuffix();
    const QString name = suffix.isEmpty() ? fi.fileName() + QStringLiteral(".uat")
                                          : fi.baseName() + QStringLiteral(".uat.") + suffix;
    return fi.dir().filePath(name);
}

bool UatSandbox::create(const QString& target, const QString& sandbox, const QString& nowUtc, QString* error)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile f(sandbox + suffix);
        if (f.exists() && !f.remove()) {
            *error = QStringLiteral("%1: cannot replace the old sandbox: %2").arg(f.fileName(), f.errorString());
            return false;
        }
    }
    if (QFileInfo::exists(target) && !copyDatabase(target, sandbox, error))
        return false;
    CtmsDatabase db;
    QString origin, e;
    if (!db.open(sandbox, &e) || !originOf(db.handle(), &origin, &e)) {
        *error = QStringLiteral("%1: %2").arg(sandbox, e);
        return false;
    }
    if (!origin.isEmpty()) {
        *error = QStringLiteral("%1 is itself a UAT sandbox (of %2): give the production target").arg(target, origin);
        db.close();
        QFile::remove(sandbox);
        return false;
    }
    SqliteStatement st;
    if (!st.prepare(db.handle(), QStringLiteral("INSERT INTO uat_sandbox (origin, created_utc) VALUES (?1, ?2)"), &e)) {
        *error = QStringLiteral("%1: %2").arg(sandbox, e);
        return false;
    }
    st.bindText(1, QFileInfo(target).absoluteFilePath());
    st.bindText(2, nowUtc);
    if (!st.exec()) {
        *error = QStringLiteral("%1: %2").arg(sandbox, st.error());
        return false;
    }
    return true;
}

bool UatSandbox::originOf(sqlite3* db, QString* origin, QString* error)
{
    origin->clear();
    SqliteStatement st;
    if (!st.prepare(db, QStringLiteral("SELECT origin FROM uat_sandbox LIMIT 1"), error))
        return false;
    if (st.next())
        *origin = st.columnText(0);
    else if (!st.error().isEmpty()) {
        *error = st.error();
        return false;
    }
    return true;
}

} // namespace tb::core

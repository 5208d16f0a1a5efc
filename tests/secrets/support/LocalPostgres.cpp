#include "LocalPostgres.h"

#include "SecretsTestSupport.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tb::test {

namespace {

bool asRoot()
{
    return geteuid() == 0;
}

} // namespace

LocalPostgres::LocalPostgres() = default;

LocalPostgres::~LocalPostgres()
{
    stop();
}

bool LocalPostgres::giveToServer(const QString& path)
{
    if (!asRoot())
        return true;
    const passwd* pw = getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

bool LocalPostgres::run(const QString& program, const QStringList& args, QString* output)
{
    if (!asRoot())
        return runProgram(program, args, output, 120000);
    return runProgram(findProgram(QStringLiteral("runuser")),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args,
                      output, 120000);
}

bool LocalPostgres::start(QString* error, const QString& tlsCert, const QString& tlsKey)
{
    const QString initdb = findProgram(QStringLiteral("initdb"));
    const QString pgCtl = findProgram(QStringLiteral("pg_ctl"));
    if (initdb.isEmpty() || pgCtl.isEmpty()) {
        *error = QStringLiteral("PostgreSQL's initdb/pg_ctl are not installed (package postgresql, see scripts/setup.sh)");
        return false;
    }
    if (asRoot() && !getpwnam("postgres")) {
        *error = QStringLiteral("running as root, but there is no \"postgres\" user to run the server as");
        return false;
    }
    if (!m_tmp.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    ::chmod(QFile::encodeName(m_tmp.path()).constData(), 0755); // the server's user must reach its folders
    m_dataDir = m_tmp.filePath(QStringLiteral("data"));
    m_sockDir = m_tmp.filePath(QStringLiteral("sock"));
    QDir().mkpath(m_dataDir);
    QDir().mkpath(m_sockDir);
    ::chmod(QFile::encodeName(m_dataDir).constData(), 0700);
    m_superPassword = QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString pwFile = m_tmp.filePath(QStringLiteral("pw"));
    QFile pw(pwFile);
    if (!pw.open(QIODevice::WriteOnly) || pw.write(m_superPassword + '\n') < 0) {
        *error = QStringLiteral("cannot write %1").arg(pwFile);
        return false;
    }
    pw.close();
    if (!giveToServer(m_dataDir) || !giveToServer(m_sockDir) || !giveToServer(pwFile)) {
        *error = QStringLiteral("cannot hand the folders to the postgres user");
        return false;
    }
    QString log;
    if (!run(initdb, {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QLatin1String(SuperUser),
                      QStringLiteral("--pwfile=") + pwFile, QStringLiteral("-A"), QStringLiteral("scram-sha-256"),
                      QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
             &log)) {
        *error = QStringLiteral("initdb failed: %1").arg(log);
        return false;
    }
    QString options = QStringLiteral("-k %1 -p %2 -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off");
    if (!tlsCert.isEmpty()) {
        const QString crt = QDir(m_dataDir).filePath(QStringLiteral("server.crt"));
        const QString key = QDir(m_dataDir).filePath(QStringLiteral("server.key"));
        if (!QFile::copy(tlsCert, crt) || !QFile::copy(tlsKey, key) || !giveToServer(crt) || !giveToServer(key)) {
            *error = QStringLiteral("cannot install the TLS certificate");
            return false;
        }
        ::chmod(QFile::encodeName(key).constData(), 0600);
        options += QStringLiteral(" -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key");
    }
    for (int attempt = 0; attempt < 5 && !m_running; ++attempt) {
        m_port = freePort();
        if (run(pgCtl, {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), QDir(m_dataDir).filePath(QStringLiteral("server.log")),
                        QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"),
                        options.arg(m_sockDir).arg(m_port), QStringLiteral("start")},
                &log))
            m_running = true;
    }
    if (!m_running) {
        QFile serverLog(QDir(m_dataDir).filePath(QStringLiteral("server.log")));
        (void)serverLog.open(QIODevice::ReadOnly);
        *error = QStringLiteral("pg_ctl start failed: %1 %2").arg(log, QString::fromUtf8(serverLog.readAll()));
        return false;
    }
    return true;
}

void LocalPostgres::stop()
{
    if (!m_running)
        return;
    QString log;
    run(findProgram(QStringLiteral("pg_ctl")),
        {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
        &log);
    m_running = false;
}

bool LocalPostgres::exec(const QStringList& statements, QString* error)
{
    const QString name = QStringLiteral("local-postgres-admin");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_sockDir);
        db.setPort(m_port);
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(QLatin1String(SuperUser));
        db.setPassword(QString::fromLatin1(m_superPassword));
        db.setConnectOptions(QStringLiteral("sslmode=disable"));
        if (!db.open()) {
            *error = db.lastError().text();
            ok = false;
        }
        for (const QString& s : statements) {
            if (!ok)
                break;
            QSqlQuery q(db);
            if (!q.exec(s)) {
                *error = QStringLiteral("%1: %2").arg(s, q.lastError().text());
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace tb::test

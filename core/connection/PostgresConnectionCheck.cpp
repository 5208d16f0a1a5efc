#include "connection/PostgresConnectionCheck.h"

#include "util/Crypto.h"
#include "util/Logging.h"
#include "util/Redactor.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tb::core {

namespace {

using Outcome = ConnectionTestResult::Outcome;

// A libpq connection option value, quoted (QPSQL passes the options into the conninfo string).
QString quoted(const QString& value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

} // namespace

PostgresConnectionCheck::PostgresConnectionCheck(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

PostgresConnectionCheck::~PostgresConnectionCheck()
{
    m_pool.waitForDone();
}

QString PostgresConnectionCheck::systemCaBundle()
{
    for (const char* p : {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"})
        if (QFileInfo::exists(QLatin1String(p)))
            return QLatin1String(p);
    return {};
}

ConnectionTestResult PostgresConnectionCheck::classify(const QString& message, const ConnectionProfile& p)
{
    const QString m = message.toLower();
    const QString text = Redactor::global().redact(message.simplified());
    const QString secret = p.secretName(QStringLiteral("password"));
    if (m.contains(QLatin1String("could not translate host name")))
        return ConnectionTestResult::make(Outcome::Dns, QStringLiteral("DNS: the host name \"%1\" does not resolve (%2)").arg(p.host, text),
                                          QStringLiteral("check host in the profile, and the machine's DNS settings"));
    if (m.contains(QLatin1String("password authentication failed")) || m.contains(QLatin1String("authentication failed"))
        || m.contains(QLatin1String("no password supplied")) || m.contains(QLatin1String("password is required")))
        return ConnectionTestResult::make(Outcome::Auth, QStringLiteral("authentication failed for user \"%1\" (%2)").arg(p.username, text),
                                          QStringLiteral("check the user name and the stored password (trialbridge-cli secrets set %1)").arg(secret));
    if (m.contains(QLatin1String("role")) && m.contains(QLatin1String("does not exist")))
        return ConnectionTestResult::make(Outcome::Auth, QStringLiteral("authentication failed: %1").arg(text),
                                          QStringLiteral("check username in the profile"));
    if (m.contains(QLatin1String("database")) && m.contains(QLatin1String("does not exist")))
        return ConnectionTestResult::make(Outcome::NotFound, QStringLiteral("no such database: %1").arg(text),
                                          QStringLiteral("check database in the profile"));
    if (m.contains(QLatin1String("permission denied")) || m.contains(QLatin1String("no pg_hba.conf entry"))
        || m.contains(QLatin1String("not permitted to log in")) || m.contains(QLatin1String("connect privilege")))
        return ConnectionTestResult::make(Outcome::Permission, QStringLiteral("permission denied: %1").arg(text),
                                          QStringLiteral("the server knows the user but does not let it connect to \"%1\"; "
                                                         "a database administrator grants CONNECT or adds a pg_hba.conf rule")
                                              .arg(p.database));
    if (m.contains(QLatin1String("ssl")) || m.contains(QLatin1String("certificate")) || m.contains(QLatin1String("tls")))
        return ConnectionTestResult::make(Outcome::Tls, QStringLiteral("TLS: %1").arg(text),
                                          p.tls.caBundle.isEmpty()
                                              ? QStringLiteral("the server's certificate must be issued for \"%1\" by a CA in "
                                                               "the system store, or by the CA named as tls.caBundle").arg(p.host)
                                              : QStringLiteral("the server's certificate must be issued for \"%1\" by the CA "
                                                               "in %2").arg(p.host, p.tls.caBundle));
    // libpq tries every address of a name (::1, then 127.0.0.1) and reports them all: a refusal of one
    // address says less than a TLS or authentication failure of another, so those are matched first.
    if (m.contains(QLatin1String("connection refused")))
        return ConnectionTestResult::make(Outcome::Refused, QStringLiteral("%1 refused the connection (%2)").arg(p.target(), text),
                                          QStringLiteral("is PostgreSQL running and listening on that address and port?"));
    if (m.contains(QLatin1String("no such file or directory")) && p.host.startsWith(QLatin1Char('/')))
        return ConnectionTestResult::make(Outcome::Refused, QStringLiteral("no server listens on the socket in %1 (%2)").arg(p.host, text),
                                          QStringLiteral("is PostgreSQL running, with this socket directory and port?"));
    if (m.contains(QLatin1String("timeout expired")) || m.contains(QLatin1String("timed out")))
        return ConnectionTestResult::make(Outcome::Timeout,
                                          QStringLiteral("no answer within %1 s from %2").arg(p.timeoutMs / 1000).arg(p.target()),
                                          QStringLiteral("a firewall may drop the packets; timeoutSeconds in the profile sets the limit"));
    return ConnectionTestResult::make(Outcome::Network, QStringLiteral("cannot connect to %1: %2").arg(p.target(), text));
}

void PostgresConnectionCheck::start(const ConnectionProfile& profile, const QByteArray& password, Done done)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        const auto r = ConnectionTestResult::make(Outcome::InvalidProfile,
                                                  QStringLiteral("the PostgreSQL driver (QPSQL) is not installed"),
                                                  QStringLiteral("install libqt6sql6-psql"));
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
        return;
    }
    m_pool.start([this, profile, password, done] {
        QElapsedTimer clock;
        clock.start();
        ConnectionTestResult r;
        QString options = QStringLiteral("connect_timeout=%1;application_name='TrialBridge connection test'")
                              .arg(qMax(2, profile.timeoutMs / 1000));
        if (profile.tlsEnabled) {
            const QString ca = profile.tls.caBundle.isEmpty() ? systemCaBundle() : profile.tls.caBundle;
            options += QStringLiteral(";sslmode=verify-full;sslrootcert=%1").arg(quoted(ca));
        } else {
            options += QStringLiteral(";sslmode=disable");
        }
        const QString name = QStringLiteral("tb-connection-test-") + QUuid::createUuid().toString(QUuid::Id128);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(profile.host);
            db.setPort(profile.port);
            db.setDatabaseName(profile.database);
            db.setUserName(profile.username);
            db.setPassword(QString::fromUtf8(password));
            db.setConnectOptions(options);
            if (!db.open()) {
                const QSqlError e = db.lastError();
                r = classify(e.databaseText().isEmpty() ? e.text() : e.databaseText(), profile);
            } else {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT current_setting('server_version'), "
                                          "has_database_privilege(current_database(), 'CONNECT')"))
                    && q.next()) {
                    r.outcome = Outcome::Ok;
                    r.server = QStringLiteral("PostgreSQL %1").arg(q.value(0).toString());
                    r.message = QStringLiteral("%1 accepted user \"%2\" on database \"%3\"%4")
                                    .arg(profile.target(), profile.username, profile.database,
                                         profile.tlsEnabled ? QStringLiteral(" over verified TLS") : QString());
                } else {
                    const QSqlError e = q.lastError();
                    r = classify(e.databaseText().isEmpty() ? e.text() : e.databaseText(), profile);
                }
                db.close();
            }
            db.setPassword(QString());
        }
        QSqlDatabase::removeDatabase(name);
        r.target = profile.target();
        r.elapsedMs = clock.elapsed();
        r = r.redacted();
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
    });
}

} // namespace tb::core

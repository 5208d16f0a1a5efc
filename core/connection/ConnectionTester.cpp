#include "connection/ConnectionTester.h"

#include "connection/HttpConnectionCheck.h"
#include "connection/PostgresConnectionCheck.h"
#include "connection/SftpConnectionCheck.h"
#include "secrets/SecretStore.h"
#include "util/Crypto.h"

#include <QMetaObject>

namespace tb::core {

using Outcome = ConnectionTestResult::Outcome;

ConnectionTester::ConnectionTester(SecretStore* store, QObject* parent) : QObject(parent), m_store(store) {}

void ConnectionTester::test(const ConnectionProfile& profile, Done done)
{
    readSecrets(profile, profile.secretFields(), {}, std::move(done));
}

void ConnectionTester::readSecrets(const ConnectionProfile& profile, QStringList fields,
                                   QHash<QString, QByteArray> secrets, Done done)
{
    if (fields.isEmpty()) {
        runCheck(profile, secrets, std::move(done));
        return;
    }
    const auto report = [this, profile, done](ConnectionTestResult r) {
        r.target = profile.target();
        r = r.redacted();
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
    };
    if (!m_store) {
        report(ConnectionTestResult::make(Outcome::SecretStore, QStringLiteral("no secret store is open")));
        return;
    }
    const QString field = fields.takeFirst();
    const QString name = profile.secretName(field);
    // The store calls back from its own context: if this tester is gone by then, nothing is reported.
    QPointer<ConnectionTester> self(this);
    m_store->read(name, [self, profile, fields, secrets, done, name, field, report](const SecretResult& r) mutable {
        if (!self)
            return;
        if (r.status == SecretResult::Status::NotFound) {
            report(ConnectionTestResult::make(Outcome::MissingSecret,
                                              QStringLiteral("the secret %1 is not stored in the %2")
                                                  .arg(name, self->m_store ? self->m_store->description() : QStringLiteral("secret store")),
                                              QStringLiteral("store it: trialbridge-cli secrets set %1").arg(name)));
            return;
        }
        if (!r.ok()) {
            report(ConnectionTestResult::make(Outcome::SecretStore,
                                              QStringLiteral("cannot read the secret %1: %2").arg(name, r.message)));
            return;
        }
        secrets.insert(field, r.value);
        self->readSecrets(profile, fields, secrets, done);
    });
}

void ConnectionTester::runCheck(const ConnectionProfile& profile, const QHash<QString, QByteArray>& secrets, Done done)
{
    // Each check deletes itself after reporting; its result is already redacted.
    const auto finished = [done](QObject* check) {
        return [done, check](const ConnectionTestResult& r) {
            check->deleteLater();
            done(r);
        };
    };
    if (profile.isHttp()) {
        auto* check = new HttpConnectionCheck(this);
        check->start(profile, secrets, finished(check));
    } else if (profile.kind == ConnectionProfile::Kind::Postgresql) {
        auto* check = new PostgresConnectionCheck(this);
        check->start(profile, secrets.value(QStringLiteral("password")), finished(check));
    } else {
        auto* check = new SftpConnectionCheck(this);
        check->start(profile, secrets.value(profile.secretFields().value(0)), finished(check));
    }
}

} // namespace tb::core

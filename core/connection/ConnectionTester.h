#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace tb::core {

class SecretStore;

// "Test connection": reads the secrets a profile needs from the store, then runs the check for its
// kind (HttpConnectionCheck, PostgresConnectionCheck, SftpConnectionCheck) and reports one
// ConnectionTestResult. Asynchronous like the secret store: done runs later from the event loop of
// the tester's thread, exactly once. One test at a time per tester.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ConnectionTestResult&)>;

    // store may be null when the profile needs no secret.
    explicit ConnectionTester(SecretStore* store, QObject* parent = nullptr);

    void test(const ConnectionProfile& profile, Done done);

private:
    void readSecrets(const ConnectionProfile& profile, QStringList fields, QHash<QString, QByteArray> secrets, Done done);
    void runCheck(const ConnectionProfile& profile, const QHash<QString, QByteArray>& secrets, Done done);

    QPointer<SecretStore> m_store;
};

} // namespace tb::core

#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"

#include <QByteArray>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace tb::core {

// Tests a PostgreSQL connection through Qt's QPSQL driver (libpq): TLS with sslmode=verify-full
// (certificate and host name verified against the system CAs or the profile's CA bundle) unless the
// profile disables TLS for a Unix socket or loopback host; then checks the CONNECT privilege and
// reads the server version. libpq blocks, so the check runs on a worker thread; the result comes back
// through the owner's event loop.
class PostgresConnectionCheck : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ConnectionTestResult&)>;

    explicit PostgresConnectionCheck(QObject* parent = nullptr);
    ~PostgresConnectionCheck() override; // waits for a running check

    void start(const ConnectionProfile& profile, const QByteArray& password, Done done);

    // libpq's message mapped onto an outcome, with a hint (public for tests).
    static ConnectionTestResult classify(const QString& libpqMessage, const ConnectionProfile& profile);
    // The system CA bundle libpq verifies against when the profile names none.
    static QString systemCaBundle();

private:
    QThreadPool m_pool;
};

} // namespace tb::core

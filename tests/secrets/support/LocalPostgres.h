#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace tb::test {

// A throw-away PostgreSQL cluster for tests: initdb into a temporary folder, a server on a free port
// of 127.0.0.1 and a Unix socket in that folder, password (SCRAM) authentication everywhere, optional
// TLS with a given certificate. As root it runs as the "postgres" user (PostgreSQL refuses root).
class LocalPostgres
{
public:
    static constexpr const char* SuperUser = "tb_admin";

    LocalPostgres();
    ~LocalPostgres();

    bool start(QString* error, const QString& tlsCert = {}, const QString& tlsKey = {});
    void stop();

    QString socketDir() const { return m_sockDir; }
    quint16 port() const { return m_port; }
    QByteArray superPassword() const { return m_superPassword; }

    // Runs statements as the superuser on database "postgres".
    bool exec(const QStringList& statements, QString* error);

private:
    bool run(const QString& program, const QStringList& args, QString* output);
    bool giveToServer(const QString& path);

    QTemporaryDir m_tmp;
    QString m_dataDir;
    QString m_sockDir;
    quint16 m_port = 0;
    QByteArray m_superPassword;
    bool m_running = false;
};

} // namespace tb::test

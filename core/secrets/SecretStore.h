#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>

namespace tb::core {

// The outcome of one secret store operation. message never contains a secret value.
struct SecretResult
{
    enum class Status { Ok, NotFound, Unavailable, AccessDenied, WrongPassphrase, Corrupted, Failed };

    Status status = Status::Ok;
    QString message;
    QByteArray value;  // read
    QStringList names; // list

    bool ok() const { return status == Status::Ok; }
    static QString statusName(Status status); // "ok", "not_found", ...
};

// Where connection secrets live: the OS keychain (KeychainSecretStore) or the encrypted vault
// (VaultSecretStore). Names are "<connection>/<field>" (edc-prod/token); the store namespaces them by
// the workspace's id (scope), so two workspaces never see each other's secrets.
//
// Every operation is asynchronous: it returns at once and calls done later from the event loop of
// the thread that owns the store — never from inside the call, whichever back end. The engine never
// runs an event loop itself; the application does (QCoreApplication::exec, a QEventLoop in the CLI,
// the GUI's loop). Operations on one store run one at a time, in the order they were started.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Keychain, Vault };
    using Callback = std::function<void(const SecretResult&)>;

    static QString backendName(Backend backend); // "keychain", "vault"
    // A connection secret's name: "<connection>/<field>", each part letters, digits, '.', '_' or '-',
    // starting with a letter or digit, at most 128 characters in all.
    static bool isValidName(const QString& name, QString* error);

    explicit SecretStore(const QString& scope, QObject* parent = nullptr);
    ~SecretStore() override;

    QString scope() const { return m_scope; }
    virtual Backend backend() const = 0;
    // For people: "OS keychain (Secret Service)", "encrypted vault /home/a/.local/share/...".
    virtual QString description() const = 0;

    virtual void read(const QString& name, Callback done) = 0;
    virtual void write(const QString& name, const QByteArray& value, Callback done) = 0;
    virtual void remove(const QString& name, Callback done) = 0;
    virtual void list(Callback done) = 0; // names in this scope, sorted

protected:
    QString qualified(const QString& name) const { return m_scope + QLatin1Char('/') + name; }
    // Runs op when the operations before it have finished; op calls its argument when it is done.
    void enqueue(std::function<void(std::function<void()> next)> op);
    // Calls done with result from the event loop (queued), so that no callback runs inside the call.
    void finishLater(const Callback& done, const SecretResult& result);

private:
    void runNext();

    QString m_scope;
    std::deque<std::function<void(std::function<void()>)>> m_queue;
    bool m_running = false;
};

} // namespace tb::core

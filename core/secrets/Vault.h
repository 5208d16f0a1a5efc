#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tb::core {

// The encrypted vault file for machines without an OS keychain (format in docs/secrets.md).
//
// A key is derived from the passphrase with Argon2id; algorithm, limits and salt are in the file's
// header, so that the parameters can be raised later without breaking old files. Every entry is
// encrypted on its own with XChaCha20-Poly1305 and a fresh random nonce, its name bound as associated
// data; a keyed BLAKE2b MAC over the whole file binds the entries together (none can be removed,
// reordered or rolled back alone), and a plain BLAKE2b checksum tells a damaged file from a wrong
// passphrase. Writes re-read the file under a lock file and replace it atomically (QSaveFile: temp
// file + rename), so a crash leaves the old or the new content, never a broken file.
//
// Synchronous and blocking (the key derivation takes a noticeable fraction of a second by design):
// VaultSecretStore runs it off the caller's thread.
class Vault
{
public:
    enum class Error {
        None,
        Missing,               // the file does not exist
        WrongHeader,           // not a TrialBridge vault
        UnsupportedVersion,    // a format version this build does not read
        UnsupportedParameters, // an algorithm, cipher or limit this build does not accept
        Truncated,
        Corrupted,             // checksum or structure broken: damaged on disk
        WrongPassphrase,
        Tampered,              // checksum fine, authentication failed: changed without the passphrase
        NotFound,              // no entry of that name
        Busy,                  // another process holds the lock too long
        Io,
    };

    struct KdfParams
    {
        int algorithm = 2;                   // crypto_pwhash_ALG_ARGON2ID13
        quint64 opsLimit = 3;                // Argon2 passes
        quint64 memLimit = 64ull * 1024 * 1024; // bytes

        // RFC 9106's second recommended option (t=3, m=64 MiB): about a quarter second here.
        static KdfParams recommended() { return {}; }
        // libsodium's minimum; for tests that open a vault hundreds of times. Never for real secrets.
        static KdfParams minimal() { return {2, 1, 8192}; }
    };

    struct Header
    {
        int version = 0;
        KdfParams kdf;
        QByteArray salt;
        int cipher = 0;
        int entryCount = 0;
        qint64 fileSize = 0;
    };

    static constexpr int FormatVersion = 1;
    static constexpr int CipherXChaCha20Poly1305 = 1;
    static constexpr qsizetype HeaderSize = 104;
    static constexpr qsizetype TrailerSize = 64;
    static constexpr int MaxNameBytes = 1024;
    static constexpr int MaxValueBytes = 1024 * 1024;

    // $XDG_DATA_HOME/TrialBridge/secrets.tbvault (QStandardPaths::GenericDataLocation).
    static QString defaultPath();

    Vault() = default;
    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Opens the vault at path: checks header, size and checksum, derives the key and verifies the
    // passphrase and the file's authenticity. With create, a missing file becomes a new empty vault
    // with the given parameters (written at once).
    bool open(const QString& path, const QByteArray& passphrase, bool create,
              const KdfParams& params = KdfParams::recommended());
    void close();
    // Re-reads the file another process may have changed since (no key derivation: same key).
    bool reload();

    // Reads and checks the header without the passphrase (for "which vault, which parameters").
    static bool inspect(const QString& path, Header* header, Error* error, QString* message);

    bool isOpen() const { return !m_key.isEmpty(); }
    QString path() const { return m_path; }
    Header header() const { return m_header; }
    QStringList names() const; // sorted
    bool contains(const QString& name) const;

    // Decrypts an entry; NotFound when absent, Tampered when it does not authenticate.
    bool read(const QString& name, QByteArray* value);
    // Re-reads the file under the lock (another process may have written since), replaces or adds the
    // entry with a fresh nonce and saves atomically.
    bool write(const QString& name, const QByteArray& value);
    bool remove(const QString& name);

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

private:
    struct Entry
    {
        QByteArray name; // UTF-8
        QByteArray nonce;
        QByteArray ciphertext;
    };
    struct Parsed
    {
        Header header;
        QByteArray headerBytes;
        QVector<Entry> entries;
        QByteArray macInput; // everything before the MAC
        QByteArray mac;
    };

    bool fail(Error error, const QString& message);
    bool parse(const QByteArray& bytes, Parsed* out);
    bool deriveKeys(const QByteArray& passphrase, const Header& header);
    bool authenticate(const Parsed& parsed);
    QByteArray serialize(const QVector<Entry>& entries) const;
    bool readFile(QByteArray* bytes);
    // Reads the file as it is now, refusing one made with another salt or other parameters than ours.
    bool readCurrent(Parsed* p);
    bool save(const QVector<Entry>& entries);
    // Runs change on the current entries under the lock file, then saves.
    template <typename Change> bool modify(Change change);

    QString m_path;
    Header m_header;
    QByteArray m_key;    // encryption subkey
    QByteArray m_macKey; // MAC subkey
    QVector<Entry> m_entries;
    Error m_error = Error::None;
    QString m_errorString;
};

} // namespace tb::core

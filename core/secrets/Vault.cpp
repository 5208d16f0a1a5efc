#include "secrets/Vault.h"

#include "util/Crypto.h"
#include "util/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace tb::core {

namespace {

// Layout of the fixed header (all integers little-endian); see docs/secrets.md.
constexpr char Magic[8] = {'T', 'B', 'V', 'A', 'U', 'L', 'T', '\0'};
constexpr int OffVersion = 8;     // u16
constexpr int OffHeaderSize = 10; // u16
constexpr int OffKdf = 12;        // u32
constexpr int OffOps = 16;        // u64
constexpr int OffMem = 24;        // u64
constexpr int OffSalt = 32;       // 16 bytes
constexpr int OffCipher = 48;     // u32
constexpr int OffCount = 52;      // u32
constexpr int OffFileSize = 56;   // u64
constexpr int OffCheckNonce = 64; // 24 bytes
constexpr int OffCheckTag = 88;   // 16 bytes
constexpr int ParamsSize = 52;    // bytes 0..51 (magic to cipher): associated data of the check tag
constexpr qsizetype MaxEntries = 100000;
constexpr char KdfContext[9] = "TBVAULT1";
constexpr quint64 EncryptionKeyId = 1;
constexpr quint64 MacKeyId = 2;
constexpr int LockTimeoutMs = 10000;

template <typename T> T readLe(const QByteArray& b, qsizetype off)
{
    return qFromLittleEndian<T>(b.constData() + off);
}

template <typename T> void appendLe(QByteArray& b, T v)
{
    char buf[sizeof(T)];
    qToLittleEndian<T>(v, buf);
    b.append(buf, qsizetype(sizeof(T)));
}

template <typename T> void writeLe(QByteArray& b, qsizetype off, T v)
{
    qToLittleEndian<T>(v, b.data() + off);
}

QString sizeText(qint64 n)
{
    return QStringLiteral("%1 bytes").arg(n);
}

} // namespace

QString Vault::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/TrialBridge/secrets.tbvault");
}

Vault::~Vault()
{
    close();
}

void Vault::close()
{
    crypto::wipe(m_key);
    crypto::wipe(m_macKey);
    m_entries.clear();
    m_header = Header();
}

bool Vault::fail(Error error, const QString& message)
{
    m_error = error;
    m_errorString = message;
    qCDebug(lcSecrets) << "vault:" << message;
    return false;
}

bool Vault::readFile(QByteArray* bytes)
{
    QFile f(m_path);
    if (!f.exists())
        return fail(Error::Missing, QStringLiteral("%1: no vault file").arg(m_path));
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::Io, QStringLiteral("%1: cannot read the vault: %2").arg(m_path, f.errorString()));
    // Far larger than any real vault; refusing early keeps a wrong path (a disk image) from being read.
    if (f.size() > qint64(MaxEntries) * (MaxValueBytes / 16))
        return fail(Error::WrongHeader, QStringLiteral("%1: not a TrialBridge vault (the file is far too large)").arg(m_path));
    *bytes = f.readAll();
    return true;
}

bool Vault::parse(const QByteArray& b, Parsed* out)
{
    const qint64 size = b.size();
    const QByteArray magic(Magic, sizeof Magic);
    if (size < qsizetype(sizeof Magic)) {
        if (size > 0 && magic.startsWith(b))
            return fail(Error::Truncated, QStringLiteral("%1: the vault file is truncated (%2, the header alone has %3)")
                                              .arg(m_path, sizeText(size)).arg(HeaderSize));
        return fail(Error::WrongHeader,
                    QStringLiteral("%1: not a TrialBridge vault (wrong header: the file is %2 long)").arg(m_path, sizeText(size)));
    }
    if (!b.startsWith(magic))
        return fail(Error::WrongHeader,
                    QStringLiteral("%1: not a TrialBridge vault (wrong header: the file does not start with \"TBVAULT\")").arg(m_path));
    if (size < OffHeaderSize)
        return fail(Error::Truncated, QStringLiteral("%1: the vault file is truncated (%2)").arg(m_path, sizeText(size)));
    const int version = readLe<quint16>(b, OffVersion);
    if (version != FormatVersion)
        return fail(Error::UnsupportedVersion,
                    QStringLiteral("%1: vault format version %2 is not supported (this build reads version %3); "
                                   "a newer TrialBridge wrote it, or the header is damaged")
                        .arg(m_path).arg(version).arg(FormatVersion));
    if (size < HeaderSize)
        return fail(Error::Truncated, QStringLiteral("%1: the vault file is truncated (%2, the header alone has %3)")
                                          .arg(m_path, sizeText(size)).arg(HeaderSize));
    const int headerSize = readLe<quint16>(b, OffHeaderSize);
    if (headerSize != HeaderSize)
        return fail(Error::Corrupted, QStringLiteral("%1: the vault file is corrupted (header size %2, version %3 has %4)")
                                          .arg(m_path).arg(headerSize).arg(version).arg(HeaderSize));
    const quint64 declared = readLe<quint64>(b, OffFileSize);
    if (quint64(size) < declared)
        return fail(Error::Truncated, QStringLiteral("%1: the vault file is truncated (%2 of the %3 its header declares)")
                                          .arg(m_path, sizeText(size)).arg(declared));
    if (quint64(size) > declared)
        return fail(Error::Corrupted,
                    QStringLiteral("%1: the vault file is corrupted (%2, but its header declares %3)")
                        .arg(m_path, sizeText(size)).arg(declared));
    if (size < HeaderSize + TrailerSize)
        return fail(Error::Corrupted, QStringLiteral("%1: the vault file is corrupted (no room for its checksum)").arg(m_path));
    const QByteArray body = b.left(size - 32);
    if (!crypto::constantTimeEquals(crypto::blake2b(body, 32), b.right(32)))
        return fail(Error::Corrupted,
                    QStringLiteral("%1: the vault file is corrupted (checksum mismatch: bytes were changed on disk); "
                                   "restore it from a backup or delete it and store the secrets again")
                        .arg(m_path));

    Header h;
    h.version = version;
    h.kdf.algorithm = int(readLe<quint32>(b, OffKdf));
    h.kdf.opsLimit = readLe<quint64>(b, OffOps);
    h.kdf.memLimit = readLe<quint64>(b, OffMem);
    h.salt = b.mid(OffSalt, crypto::PasswordSaltBytes);
    h.cipher = int(readLe<quint32>(b, OffCipher));
    h.entryCount = int(readLe<quint32>(b, OffCount));
    h.fileSize = qint64(declared);
    if (h.kdf.algorithm != crypto::Argon2id13)
        return fail(Error::UnsupportedParameters,
                    QStringLiteral("%1: key derivation algorithm %2 is not supported (this build knows 2 = Argon2id v1.3)")
                        .arg(m_path).arg(h.kdf.algorithm));
    if (!crypto::passphraseLimitsSupported(h.kdf.opsLimit, h.kdf.memLimit))
        return fail(Error::UnsupportedParameters,
                    QStringLiteral("%1: Argon2id limits out of range (%2 passes, %3 bytes of memory)")
                        .arg(m_path).arg(h.kdf.opsLimit).arg(h.kdf.memLimit));
    if (h.cipher != CipherXChaCha20Poly1305)
        return fail(Error::UnsupportedParameters,
                    QStringLiteral("%1: cipher %2 is not supported (this build knows 1 = XChaCha20-Poly1305)").arg(m_path).arg(h.cipher));
    if (h.entryCount < 0 || h.entryCount > MaxEntries)
        return fail(Error::Corrupted, QStringLiteral("%1: the vault file is corrupted (%2 entries)").arg(m_path).arg(h.entryCount));

    // The checksum matched, so a structural error below means the file was written wrongly or crafted.
    const qsizetype end = size - TrailerSize;
    qsizetype pos = HeaderSize;
    out->entries.clear();
    out->entries.reserve(h.entryCount);
    for (int i = 0; i < h.entryCount; ++i) {
        const auto broken = [&] {
            return fail(Error::Corrupted, QStringLiteral("%1: the vault file is corrupted (entry %2 of %3 runs past its end)")
                                              .arg(m_path).arg(i + 1).arg(h.entryCount));
        };
        if (pos + 2 > end)
            return broken();
        const int nameSize = readLe<quint16>(b, pos);
        pos += 2;
        if (nameSize == 0 || nameSize > MaxNameBytes || pos + nameSize + crypto::AeadNonceBytes + 4 > end)
            return broken();
        Entry e;
        e.name = b.mid(pos, nameSize);
        pos += nameSize;
        e.nonce = b.mid(pos, crypto::AeadNonceBytes);
        pos += crypto::AeadNonceBytes;
        const quint32 cipherSize = readLe<quint32>(b, pos);
        pos += 4;
        if (cipherSize < quint32(crypto::AeadTagBytes) || cipherSize > quint32(MaxValueBytes + crypto::AeadTagBytes)
            || pos + qsizetype(cipherSize) > end)
            return broken();
        e.ciphertext = b.mid(pos, qsizetype(cipherSize));
        pos += qsizetype(cipherSize);
        out->entries.append(e);
    }
    if (pos != end)
        return fail(Error::Corrupted, QStringLiteral("%1: the vault file is corrupted (%2 unexplained bytes after the entries)")
                                          .arg(m_path).arg(end - pos));
    out->header = h;
    out->headerBytes = b.left(HeaderSize);
    out->macInput = b.left(end);
    out->mac = b.mid(end, 32);
    return true;
}

bool Vault::deriveKeys(const QByteArray& passphrase, const Header& header)
{
    QByteArray master = crypto::deriveKeyFromPassphrase(passphrase, header.salt, header.kdf.opsLimit, header.kdf.memLimit);
    if (master.isEmpty())
        return fail(Error::Io, QStringLiteral("%1: key derivation failed (Argon2id with %2 bytes of memory: out of memory?)")
                                   .arg(m_path).arg(header.kdf.memLimit));
    crypto::wipe(m_key);
    crypto::wipe(m_macKey);
    m_key = crypto::deriveSubkey(master, EncryptionKeyId, KdfContext);
    m_macKey = crypto::deriveSubkey(master, MacKeyId, KdfContext);
    crypto::wipe(master);
    return true;
}

bool Vault::authenticate(const Parsed& p)
{
    QByteArray empty;
    if (!crypto::aeadDecrypt(m_key, p.headerBytes.mid(OffCheckNonce, crypto::AeadNonceBytes),
                             p.headerBytes.mid(OffCheckTag, crypto::AeadTagBytes), p.headerBytes.left(ParamsSize), &empty))
        return fail(Error::WrongPassphrase, QStringLiteral("%1: wrong passphrase for this vault").arg(m_path));
    if (!crypto::constantTimeEquals(crypto::blake2bKeyed(p.macInput, m_macKey, 32), p.mac))
        return fail(Error::Tampered,
                    QStringLiteral("%1: the vault failed authentication: it was changed by something that did not know "
                                   "the passphrase (entries removed, reordered or replaced); it is not used")
                        .arg(m_path));
    return true;
}

bool Vault::open(const QString& path, const QByteArray& passphrase, bool create, const KdfParams& params)
{
    close();
    m_error = Error::None;
    m_errorString.clear();
    m_path = QFileInfo(path).absoluteFilePath();
    if (passphrase.isEmpty())
        return fail(Error::WrongPassphrase, QStringLiteral("%1: an empty passphrase is not accepted").arg(m_path));
    if (!QFileInfo::exists(m_path)) {
        if (!create)
            return fail(Error::Missing, QStringLiteral("%1: no vault file").arg(m_path));
        if (params.algorithm != crypto::Argon2id13 || !crypto::passphraseLimitsSupported(params.opsLimit, params.memLimit))
            return fail(Error::UnsupportedParameters, QStringLiteral("%1: unsupported key derivation parameters").arg(m_path));
        Header h;
        h.version = FormatVersion;
        h.kdf = params;
        h.salt = crypto::randomBytes(crypto::PasswordSaltBytes);
        h.cipher = CipherXChaCha20Poly1305;
        if (!deriveKeys(passphrase, h))
            return false;
        m_header = h;
        return modify([](QVector<Entry>&) { return true; });
    }
    QByteArray bytes;
    Parsed p;
    if (!readFile(&bytes) || !parse(bytes, &p) || !deriveKeys(passphrase, p.header) || !authenticate(p)) {
        const Error e = m_error;
        const QString s = m_errorString;
        close();
        m_error = e;
        m_errorString = s;
        return false;
    }
    m_header = p.header;
    m_entries = p.entries;
    return true;
}

bool Vault::readCurrent(Parsed* p)
{
    QByteArray bytes;
    if (!readFile(&bytes) || !parse(bytes, p))
        return false;
    if (p->header.salt != m_header.salt || p->header.kdf.opsLimit != m_header.kdf.opsLimit ||
        p->header.kdf.memLimit != m_header.kdf.memLimit)
        return fail(Error::Io, QStringLiteral("%1: the vault was replaced by another process (new salt or parameters); "
                                              "open it again").arg(m_path));
    return authenticate(*p);
}

bool Vault::reload()
{
    if (!isOpen())
        return fail(Error::Io, QStringLiteral("the vault is not open"));
    Parsed p;
    if (!readCurrent(&p))
        return false;
    m_header = p.header;
    m_entries = p.entries;
    return true;
}

bool Vault::inspect(const QString& path, Header* header, Error* error, QString* message)
{
    Vault v;
    v.m_path = QFileInfo(path).absoluteFilePath();
    QByteArray bytes;
    Parsed p;
    const bool ok = v.readFile(&bytes) && v.parse(bytes, &p);
    if (ok && header)
        *header = p.header;
    if (error)
        *error = ok ? Error::None : v.m_error;
    if (message)
        *message = v.m_errorString;
    return ok;
}

QStringList Vault::names() const
{
    QStringList out;
    for (const Entry& e : m_entries)
        out << QString::fromUtf8(e.name);
    out.sort();
    return out;
}

bool Vault::contains(const QString& name) const
{
    const QByteArray n = name.toUtf8();
    return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.name == n; });
}

bool Vault::read(const QString& name, QByteArray* value)
{
    if (!isOpen())
        return fail(Error::Io, QStringLiteral("the vault is not open"));
    const QByteArray n = name.toUtf8();
    for (const Entry& e : m_entries) {
        if (e.name != n)
            continue;
        if (!crypto::aeadDecrypt(m_key, e.nonce, e.ciphertext, e.name, value))
            return fail(Error::Tampered, QStringLiteral("%1: entry \"%2\" failed authentication").arg(m_path, name));
        return true;
    }
    return fail(Error::NotFound, QStringLiteral("no secret named \"%1\" in the vault %2").arg(name, m_path));
}

bool Vault::write(const QString& name, const QByteArray& value)
{
    const QByteArray n = name.toUtf8();
    if (n.isEmpty() || n.size() > MaxNameBytes)
        return fail(Error::Io, QStringLiteral("secret names have 1 to %1 bytes").arg(MaxNameBytes));
    if (value.size() > MaxValueBytes)
        return fail(Error::Io, QStringLiteral("secret \"%1\" is larger than %2 bytes").arg(name).arg(MaxValueBytes));
    return modify([&](QVector<Entry>& entries) {
        Entry e;
        e.name = n;
        e.nonce = crypto::randomBytes(crypto::AeadNonceBytes); // fresh for every write, never reused
        e.ciphertext = crypto::aeadEncrypt(m_key, e.nonce, value, n);
        auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& x) { return x.name == n; });
        if (it != entries.end())
            *it = e;
        else
            entries.append(e);
        return true;
    });
}

bool Vault::remove(const QString& name)
{
    const QByteArray n = name.toUtf8();
    bool found = false;
    const bool ok = modify([&](QVector<Entry>& entries) {
        const auto it = std::remove_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.name == n; });
        found = it != entries.end();
        entries.erase(it, entries.end());
        return found;
    });
    if (ok)
        return true;
    if (m_error == Error::None)
        return fail(Error::NotFound, QStringLiteral("no secret named \"%1\" in the vault %2").arg(name, m_path));
    return false;
}

template <typename Change> bool Vault::modify(Change change)
{
    if (m_key.isEmpty())
        return fail(Error::Io, QStringLiteral("the vault is not open"));
    m_error = Error::None;
    m_errorString.clear();
    const QString dir = QFileInfo(m_path).absolutePath();
    const bool newFolder = !QFileInfo::exists(dir);
    if (!QDir().mkpath(dir))
        return fail(Error::Io, QStringLiteral("%1: cannot create the folder").arg(dir));
    // A folder of its own is private; a folder that was there (a shared one, even /tmp) is left as it is.
    if (newFolder)
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QLockFile lock(m_path + QStringLiteral(".lock"));
    // A writer holds the lock for milliseconds. One killed before it wrote its PID into the lock file leaves a
    // file nobody can tell the owner of: taken over once it is this old (Qt's default waits longer than we do).
    lock.setStaleLockTime(LockTimeoutMs / 2);
    if (!lock.tryLock(LockTimeoutMs))
        return fail(Error::Busy, QStringLiteral("%1: another process has held the vault's lock for %2 s")
                                     .arg(m_path).arg(LockTimeoutMs / 1000));
    // Another process may have written since we read: start from what is on disk now.
    QVector<Entry> entries = m_entries;
    if (QFileInfo::exists(m_path)) {
        Parsed p;
        if (!readCurrent(&p))
            return false;
        entries = p.entries;
    }
    if (!change(entries))
        return false;
    if (!save(entries))
        return false;
    m_entries = entries;
    m_header.entryCount = int(entries.size());
    return true;
}

QByteArray Vault::serialize(const QVector<Entry>& entries) const
{
    QByteArray b;
    b.append(Magic, sizeof Magic);
    appendLe<quint16>(b, quint16(FormatVersion));
    appendLe<quint16>(b, quint16(HeaderSize));
    appendLe<quint32>(b, quint32(m_header.kdf.algorithm));
    appendLe<quint64>(b, m_header.kdf.opsLimit);
    appendLe<quint64>(b, m_header.kdf.memLimit);
    b.append(m_header.salt);
    appendLe<quint32>(b, quint32(CipherXChaCha20Poly1305));
    appendLe<quint32>(b, quint32(entries.size()));
    appendLe<quint64>(b, 0); // file size, filled in below
    const QByteArray checkNonce = crypto::randomBytes(crypto::AeadNonceBytes);
    b.append(checkNonce);
    b.append(crypto::aeadEncrypt(m_key, checkNonce, QByteArray(), b.left(ParamsSize)));
    Q_ASSERT(b.size() == HeaderSize);
    for (const Entry& e : entries) {
        appendLe<quint16>(b, quint16(e.name.size()));
        b.append(e.name);
        b.append(e.nonce);
        appendLe<quint32>(b, quint32(e.ciphertext.size()));
        b.append(e.ciphertext);
    }
    writeLe<quint64>(b, OffFileSize, quint64(b.size() + TrailerSize));
    b.append(crypto::blake2bKeyed(b, m_macKey, 32));
    b.append(crypto::blake2b(b, 32));
    return b;
}

bool Vault::save(const QVector<Entry>& entries)
{
    // Written under the lock file to one fixed temporary name, then renamed over the vault: a writer
    // killed half-way leaves at most that one file, which the next write truncates (QSaveFile's random
    // names would pile up next to the vault).
    const QByteArray bytes = serialize(entries);
    const QString temp = m_path + QStringLiteral(".writing");
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Error::Io, QStringLiteral("%1: cannot write the vault: %2").arg(temp, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const bool written = f.write(bytes) == bytes.size() && f.flush() && ::fsync(f.handle()) == 0;
    const QString writeError = f.errorString();
    f.close();
    if (!written) {
        QFile::remove(temp);
        return fail(Error::Io, QStringLiteral("%1: cannot write the vault: %2").arg(m_path, writeError));
    }
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(m_path).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(temp);
        return fail(Error::Io, QStringLiteral("%1: cannot replace the vault: %2").arg(m_path, reason));
    }
    // The rename itself must reach the disk before the write counts as done.
    const int dir = ::open(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

} // namespace tb::core

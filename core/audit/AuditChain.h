#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <vector>

namespace tb::core {

// The rules of the tamper-evident audit trail (docs/audit.md): the canonical encoding of an entry, its hash
//     hash_i = BLAKE2b-256(hash_{i-1} ‖ canonical(entry_i)),   hash_{first-1} = genesis(chain id, first seq)
// and the message a checkpoint signs. The writer (AuditLog) and the verifier (AuditVerifier) both use it,
// so that they cannot drift apart.
class AuditChain
{
public:
    static constexpr int HashBytes = 32;
    static constexpr int ChainIdBytes = 16;
    // The audit_log columns an entry hash covers after seq, in this order (the encoding's field order).
    static constexpr int FieldCount = 13;
    static const char* const FieldNames[FieldCount];
    static constexpr int RunIdField = 10; // the one integer field (NULL when there is no run)
    using Hash = std::array<unsigned char, HashBytes>;

    // A field's type byte: SQLite's storage class, so that 5 and '5', NULL and '' never encode alike.
    enum Type : unsigned char { Null = 0, Integer = 1, Real = 2, Text = 3, Blob = 4 };

    static Hash genesis(const QByteArray& chainId, qint64 firstSeq);

    // One field of the encoding as read back (text and blobs point into the encoded bytes).
    struct Field
    {
        Type type = Null;
        const char* data = nullptr;
        qsizetype size = 0;
        qint64 integer = 0;
        double real = 0;
    };
    // Reads the field that starts at p; returns where the next one starts.
    static const unsigned char* readField(const unsigned char* p, Field* out);
    // hash(prev ‖ canonical(entry)) for an entry whose fields were encoded apart from the chain (by a
    // thread that does not know seq and prev yet): the same hash as begin() + the fields + finish().
    static void hashEntry(const unsigned char* prevHash, qint64 seq, const unsigned char* fields, qsizetype bytes,
                          unsigned char* hash);

    // Builds prev_hash ‖ canonical(entry) in a buffer reused from entry to entry (no allocation once it
    // has grown to the largest entry) and hashes it in one call.
    class Encoder
    {
    public:
        struct Span
        {
            qsizetype offset = 0;
            qsizetype size = 0;
        };

        void begin(const unsigned char* prevHash, qint64 seq);
        // Starts over without the entry prefix: fields of many rows back to back (see hashEntry).
        void clear() { m_size = 0; }
        void addNull();
        void addInteger(qint64 v);
        void addReal(double v);
        Span addText(const char* utf8, qsizetype bytes);
        Span addText(const QString& text); // a null QString is NULL; converted to UTF-8 in place
        void addBlob(const void* data, qsizetype bytes);
        // A text field written in pieces (a JSON image built in place): openText(), append…(), closeText().
        qsizetype openText();
        void appendAscii(const char* text, qsizetype bytes);
        void appendUtf8(const QString& text);
        void appendJsonString(const QString& text); // quoted and escaped as json::appendString does
        Span closeText(qsizetype opened);
        void finish(unsigned char* hash) const; // BLAKE2b-256 of everything added since begin()

        const char* data() const { return reinterpret_cast<const char*>(m_buffer.data()); }
        qsizetype size() const { return m_size; }

    private:
        // Room for bytes more; returns where they go.
        unsigned char* grow(qsizetype bytes)
        {
            if (m_size + bytes > qsizetype(m_buffer.size()))
                enlarge(m_size + bytes);
            unsigned char* at = m_buffer.data() + m_size;
            m_size += bytes;
            return at;
        }
        void enlarge(qsizetype bytes);
        unsigned char* reserve(qsizetype bytes); // room for up to bytes more, not yet used
        void putUtf8(const char16_t* text, qsizetype units);
        void putLength(qsizetype at, quint32 length);

        std::vector<unsigned char> m_buffer;
        qsizetype m_size = 0;
    };

    // Where the chain stands: its last entry's seq and hash. A thread that encodes entries ahead of their
    // writer chains them from here (append() advances it); the writer takes a hash made this way only
    // if the entry lands at the seq and after the hash it was made for.
    struct Head
    {
        qint64 lastSeq = 0;
        Hash hash{};
        // Hashes the entry encoded at fields as the next one; returns its seq, prev is set to the hash before.
        qint64 append(const unsigned char* fields, qsizetype bytes, Hash* prev, Hash* entryHash);
    };

    // What a checkpoint's Ed25519 signature covers.
    static QByteArray checkpointMessage(const QByteArray& chainId, qint64 checkpointId, qint64 lastSeq,
                                        const QByteArray& headHash, const QString& createdUtc, qint64 runId,
                                        const QString& reason, const QByteArray& publicKey);
};

} // namespace tb::core

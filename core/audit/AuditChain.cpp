#include "audit/AuditChain.h"

#include "util/Crypto.h"

#include <sodium.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tb::core {

namespace {

// Domain tags: an entry, a genesis and a checkpoint can never encode to the same bytes.
constexpr char EntryTag[4] = {'T', 'B', 'A', '1'};
constexpr char GenesisTag[] = "trialbridge.audit.genesis/1";
constexpr char CheckpointTag[] = "trialbridge.audit.checkpoint/1";

void putBigEndian64(unsigned char* out, quint64 v)
{
    for (int i = 7; i >= 0; --i, v >>= 8)
        out[i] = static_cast<unsigned char>(v);
}

void appendBigEndian64(QByteArray& out, quint64 v)
{
    unsigned char b[8];
    putBigEndian64(b, v);
    out.append(reinterpret_cast<const char*>(b), 8);
}

void appendText(QByteArray& out, const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    const quint32 n = quint32(utf8.size());
    const char len[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    out.append(len, 4);
    out.append(utf8);
}

} // namespace

const char* const AuditChain::FieldNames[FieldCount] = {
    "ts_utc",     "actor",       "action",     "entity", "natural_key", "study_id", "site_id",
    "subject_id", "before_json", "after_json", "run_id", "source_ref",  "reason"};

AuditChain::Hash AuditChain::genesis(const QByteArray& chainId, qint64 firstSeq)
{
    (void)crypto::init();
    QByteArray input(GenesisTag, sizeof GenesisTag - 1);
    input.append(chainId);
    appendBigEndian64(input, quint64(firstSeq));
    Hash h;
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size()), nullptr, 0);
    return h;
}

void AuditChain::Encoder::enlarge(qsizetype bytes)
{
    m_buffer.resize(size_t(qMax<qsizetype>(bytes, 2 * qsizetype(m_buffer.size()))));
}

void AuditChain::Encoder::putLength(qsizetype at, quint32 length)
{
    unsigned char* p = m_buffer.data() + at;
    p[0] = static_cast<unsigned char>(length >> 24);
    p[1] = static_cast<unsigned char>(length >> 16);
    p[2] = static_cast<unsigned char>(length >> 8);
    p[3] = static_cast<unsigned char>(length);
}

void AuditChain::Encoder::begin(const unsigned char* prevHash, qint64 seq)
{
    m_size = 0;
    unsigned char* p = grow(HashBytes + sizeof EntryTag + 8);
    std::memcpy(p, prevHash, HashBytes);
    std::memcpy(p + HashBytes, EntryTag, sizeof EntryTag);
    putBigEndian64(p + HashBytes + sizeof EntryTag, quint64(seq));
}

void AuditChain::Encoder::addNull()
{
    *grow(1) = Null;
}

void AuditChain::Encoder::addInteger(qint64 v)
{
    unsigned char* p = grow(9);
    p[0] = Integer;
    putBigEndian64(p + 1, quint64(v));
}

void AuditChain::Encoder::addReal(double v)
{
    quint64 bits;
    std::memcpy(&bits, &v, 8);
    unsigned char* p = grow(9);
    p[0] = Real;
    putBigEndian64(p + 1, bits);
}

AuditChain::Encoder::Span AuditChain::Encoder::addText(const char* utf8, qsizetype bytes)
{
    unsigned char* p = grow(5 + bytes);
    p[0] = Text;
    putLength(p + 1 - m_buffer.data(), quint32(bytes));
    if (bytes)
        std::memcpy(p + 5, utf8, size_t(bytes));
    return {m_size - bytes, bytes};
}

AuditChain::Encoder::Span AuditChain::Encoder::addText(const QString& text)
{
    if (text.isNull()) {
        addNull();
        return {m_size, 0};
    }
    const qsizetype opened = openText();
    putUtf8(reinterpret_cast<const char16_t*>(text.utf16()), text.size());
    return closeText(opened);
}

qsizetype AuditChain::Encoder::openText()
{
    const qsizetype at = m_size;
    *grow(5) = Text;
    return at;
}

AuditChain::Encoder::Span AuditChain::Encoder::closeText(qsizetype opened)
{
    const qsizetype bytes = m_size - opened - 5;
    putLength(opened + 1, quint32(bytes));
    return {opened + 5, bytes};
}

void AuditChain::Encoder::appendAscii(const char* text, qsizetype bytes)
{
    if (bytes)
        std::memcpy(grow(bytes), text, size_t(bytes));
}

unsigned char* AuditChain::Encoder::reserve(qsizetype bytes)
{
    unsigned char* at = grow(bytes);
    m_size -= bytes;
    return at;
}

void AuditChain::Encoder::putUtf8(const char16_t* src, qsizetype n)
{
    // Room for the worst case (three bytes per UTF-16 unit), then straight into the buffer: ASCII (nearly
    // every value) without a temporary.
    unsigned char* dst = reserve(3 * n);
    qsizetype k = 0;
#if defined(__SSE2__)
    const __m128i nonAscii = _mm_set1_epi16(short(0xFF80));
    for (; k + 8 <= n; k += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + k));
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, nonAscii), _mm_setzero_si128())) != 0xFFFF)
            break;
        _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + k), _mm_packus_epi16(v, v));
    }
#endif
    for (; k < n && src[k] < 0x80; ++k)
        dst[k] = static_cast<unsigned char>(src[k]);
    m_size += k;
    if (k < n) {
        // Qt's encoder for the rest: surrogate pairs and broken ones exactly as QString::toUtf8 has them.
        const QByteArray rest = QStringView(src + k, n - k).toUtf8();
        std::memcpy(m_buffer.data() + m_size, rest.constData(), size_t(rest.size()));
        m_size += rest.size();
    }
}

void AuditChain::Encoder::appendUtf8(const QString& text)
{
    putUtf8(reinterpret_cast<const char16_t*>(text.utf16()), text.size());
}

void AuditChain::Encoder::appendJsonString(const QString& text)
{
    const char16_t* src = reinterpret_cast<const char16_t*>(text.utf16());
    const qsizetype n = text.size();
    // Room for the worst case (\u00XX for every unit) and the quotes: nothing moves while writing.
    unsigned char* dst = reserve(6 * n + 2);
    qsizetype k = 0;
    dst[k++] = '"';
    qsizetype i = 0;
#if defined(__SSE2__)
    // Eight characters at a time while they are printable ASCII other than " and \.
    const __m128i nonAscii = _mm_set1_epi16(short(0xFF80));
    const __m128i space = _mm_set1_epi16(0x20), quote = _mm_set1_epi16('"'), backslash = _mm_set1_epi16('\\');
    for (; i + 8 <= n; i += 8, k += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
        const __m128i special = _mm_or_si128(
            _mm_or_si128(_mm_xor_si128(_mm_cmpeq_epi16(_mm_and_si128(v, nonAscii), _mm_setzero_si128()),
                                       _mm_set1_epi16(-1)),
                         _mm_cmplt_epi16(v, space)),
            _mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, backslash)));
        if (_mm_movemask_epi8(special))
            break;
        _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + k), _mm_packus_epi16(v, v));
    }
#endif
    while (i < n) {
        const char16_t c = src[i];
        if (c >= 0x80) {
            qsizetype j = i;
            while (j < n && src[j] >= 0x80)
                ++j;
            const QByteArray utf8 = QStringView(src + i, j - i).toUtf8();
            std::memcpy(dst + k, utf8.constData(), size_t(utf8.size()));
            k += utf8.size();
            i = j;
            continue;
        }
        ++i;
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            dst[k++] = static_cast<unsigned char>(c);
            continue;
        }
        dst[k++] = '\\';
        switch (c) {
        case u'"': dst[k++] = '"'; break;
        case u'\\': dst[k++] = '\\'; break;
        case u'\n': dst[k++] = 'n'; break;
        case u'\r': dst[k++] = 'r'; break;
        case u'\t': dst[k++] = 't'; break;
        default: {
            static const char hex[] = "0123456789abcdef";
            dst[k++] = 'u';
            dst[k++] = '0';
            dst[k++] = '0';
            dst[k++] = static_cast<unsigned char>(hex[(c >> 4) & 0xF]);
            dst[k++] = static_cast<unsigned char>(hex[c & 0xF]);
        }
        }
    }
    dst[k++] = '"';
    m_size += k;
}

void AuditChain::Encoder::addBlob(const void* data, qsizetype bytes)
{
    unsigned char* p = grow(5 + bytes);
    p[0] = Blob;
    putLength(p + 1 - m_buffer.data(), quint32(bytes));
    if (bytes)
        std::memcpy(p + 5, data, size_t(bytes));
}

const unsigned char* AuditChain::readField(const unsigned char* p, Field* out)
{
    auto bigEndian = [](const unsigned char* b, int bytes) {
        quint64 v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | b[i];
        return v;
    };
    out->type = static_cast<Type>(p[0]);
    out->data = nullptr;
    out->size = 0;
    switch (out->type) {
    case Null:
        return p + 1;
    case Integer:
        out->integer = qint64(bigEndian(p + 1, 8));
        return p + 9;
    case Real: {
        const quint64 bits = bigEndian(p + 1, 8);
        std::memcpy(&out->real, &bits, 8);
        return p + 9;
    }
    case Text:
    case Blob:
        out->size = qsizetype(bigEndian(p + 1, 4));
        out->data = reinterpret_cast<const char*>(p + 5);
        return p + 5 + out->size;
    }
    return p + 1;
}

void AuditChain::hashEntry(const unsigned char* prevHash, qint64 seq, const unsigned char* fields, qsizetype bytes,
                           unsigned char* hash)
{
    unsigned char head[sizeof EntryTag + 8];
    std::memcpy(head, EntryTag, sizeof EntryTag);
    putBigEndian64(head + sizeof EntryTag, quint64(seq));
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, HashBytes);
    crypto_generichash_update(&state, prevHash, HashBytes);
    crypto_generichash_update(&state, head, sizeof head);
    crypto_generichash_update(&state, fields, size_t(bytes));
    crypto_generichash_final(&state, hash, HashBytes);
}

qint64 AuditChain::Head::append(const unsigned char* fields, qsizetype bytes, Hash* prev, Hash* entryHash)
{
    *prev = hash;
    hashEntry(hash.data(), lastSeq + 1, fields, bytes, entryHash->data());
    hash = *entryHash;
    return ++lastSeq;
}

void AuditChain::Encoder::finish(unsigned char* hash) const
{
    crypto_generichash(hash, HashBytes, m_buffer.data(), size_t(m_size), nullptr, 0);
}

QByteArray AuditChain::checkpointMessage(const QByteArray& chainId, qint64 checkpointId, qint64 lastSeq,
                                         const QByteArray& headHash, const QString& createdUtc, qint64 runId,
                                         const QString& reason, const QByteArray& publicKey)
{
    // Fixed-width fields are written as they are; the others carry a length, so that no boundary can shift.
    QByteArray m(CheckpointTag, sizeof CheckpointTag - 1);
    m.append(chainId);
    appendBigEndian64(m, quint64(checkpointId));
    appendBigEndian64(m, quint64(lastSeq));
    m.append(headHash);
    appendText(m, createdUtc);
    if (runId > 0) {
        m.append(char(Integer));
        appendBigEndian64(m, quint64(runId));
    } else {
        m.append(char(Null));
    }
    appendText(m, reason);
    m.append(publicKey);
    return m;
}

} // namespace tb::core

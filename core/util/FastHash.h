#pragma once

#include <QString>
#include <QStringView>

#include <cstring>

namespace tb::core {

// A fast, portable 64-bit string hash for the hot paths (unit keys, codes, caches). Qt's qHash for
// strings is seeded per process and costs several times more on the short keys we hash by the million.
// Not for security: keys come from our own data, and every hash hit is confirmed by comparing values.
inline quint64 hashBytes64(const void* data, size_t n, quint64 seed = 0x9e3779b97f4a7c15ULL)
{
    const auto* p = static_cast<const unsigned char*>(data);
    quint64 h = seed ^ (quint64(n) * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        quint64 k;
        std::memcpy(&k, p, 8);
        k *= 0x87c37b91114253d5ULL;
        k = (k << 31) | (k >> 33);
        h ^= k * 0x4cf5ad432745937fULL;
        h = ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
        p += 8;
        n -= 8;
    }
    quint64 tail = 0;
    for (size_t i = 0; i < n; ++i) // at most 7 bytes; a variable-size memcpy would be a library call
        tail |= quint64(p[i]) << (8 * i);
    h ^= tail * 0x87c37b91114253d5ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// hashBytes64 with two seeds at once, exactly: the two chains interleave, so the pair costs little more
// than one (fingerprints and change detectors want 128 bits).
inline void hashBytes64x2(const void* data, size_t n, quint64 seedA, quint64 seedB, quint64* a, quint64* b)
{
    const auto* p = static_cast<const unsigned char*>(data);
    quint64 ha = seedA ^ (quint64(n) * 0xff51afd7ed558ccdULL);
    quint64 hb = seedB ^ (quint64(n) * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        quint64 k;
        std::memcpy(&k, p, 8);
        k *= 0x87c37b91114253d5ULL;
        k = (k << 31) | (k >> 33);
        k *= 0x4cf5ad432745937fULL;
        ha ^= k;
        hb ^= k;
        ha = ((ha << 27) | (ha >> 37)) * 5 + 0x52dce729;
        hb = ((hb << 27) | (hb >> 37)) * 5 + 0x52dce729;
        p += 8;
        n -= 8;
    }
    quint64 tail = 0;
    for (size_t i = 0; i < n; ++i)
        tail |= quint64(p[i]) << (8 * i);
    tail *= 0x87c37b91114253d5ULL;
    for (quint64* h : {&ha, &hb}) {
        *h ^= tail;
        *h ^= *h >> 33;
        *h *= 0xff51afd7ed558ccdULL;
        *h ^= *h >> 33;
        *h *= 0xc4ceb9fe1a85ec53ULL;
        *h ^= *h >> 33;
    }
    *a = ha;
    *b = hb;
}

inline quint64 hash64(QStringView s, quint64 seed = 0x9e3779b97f4a7c15ULL)
{
    return hashBytes64(s.data(), size_t(s.size()) * 2, seed);
}

// For std::unordered_map / std::unordered_set keyed by QString.
struct QStringHash
{
    size_t operator()(const QString& s) const { return size_t(hash64(s)); }
};

} // namespace tb::core

#pragma once

#include <QByteArray>

namespace tb::core::crypto {

// Initialises libsodium once; safe to call from anywhere, any number of times.
[[nodiscard]] bool init();

// BLAKE2b digests (libsodium crypto_generichash).
[[nodiscard]] QByteArray blake2b(const QByteArray& data, int bytes = 32);

// Incremental BLAKE2b for hashing many small parts without concatenating them.
class Blake2b
{
public:
    explicit Blake2b(int bytes = 32);
    void add(const char* data, qsizetype size);
    void add(const QByteArray& data) { add(data.constData(), data.size()); }
    [[nodiscard]] QByteArray finish();

private:
    alignas(64) unsigned char m_state[384];
    int m_bytes;
};

} // namespace tb::core::crypto

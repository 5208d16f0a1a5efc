#include "util/Crypto.h"

#include <sodium.h>

namespace tb::core::crypto {

static_assert(sizeof(crypto_generichash_state) <= 384, "Blake2b state buffer too small");

bool init()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QByteArray blake2b(const QByteArray& data, int bytes)
{
    (void)init();
    QByteArray out(bytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), size_t(bytes),
                       reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()),
                       nullptr, 0);
    return out;
}

Blake2b::Blake2b(int bytes) : m_bytes(bytes)
{
    (void)init();
    crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(m_state), nullptr, 0,
                            size_t(bytes));
}

void Blake2b::add(const char* data, qsizetype size)
{
    crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(m_state),
                              reinterpret_cast<const unsigned char*>(data), size_t(size));
}

QByteArray Blake2b::finish()
{
    QByteArray out(m_bytes, Qt::Uninitialized);
    crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(m_state),
                             reinterpret_cast<unsigned char*>(out.data()), size_t(m_bytes));
    return out;
}

} // namespace tb::core::crypto

#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>

namespace tb::core {

// Removes secret values and credentials from text before it reaches a log, an error message, a run
// record or an export. Two mechanisms: known secret values (every value read from a secret store is
// registered with global()) are replaced wherever they appear, also percent- or Base64-encoded; and
// credential-bearing syntax (Authorization and similar headers, user info and token parameters in
// URLs) is masked whatever its value.
class Redactor
{
public:
    static constexpr const char* Mask = "[redacted]";
    // Shorter values are not registered: masking every "ab" would garble messages, and no real token,
    // password or key is that short (secrets set refuses them).
    static constexpr int MinimumSecretLength = 6;

    // The process-wide instance; thread-safe.
    static Redactor& global();

    void addSecret(const QByteArray& value);
    void clear();
    int secretCount() const;

    // Text with every known secret (and its encodings) and every credential header value masked.
    [[nodiscard]] QString redact(const QString& text) const;
    [[nodiscard]] QByteArray redact(const QByteArray& bytes) const;

    // True for headers whose value is a credential (Authorization, Proxy-Authorization, Cookie,
    // Set-Cookie, X-API-Key, X-Auth-Token, ...).
    static bool isCredentialHeader(const QByteArray& name);
    // "Name: value" lines with credential values masked; other lines unchanged.
    [[nodiscard]] static QByteArray redactHeaderLines(const QByteArray& headers);
    // The URL without user info and with credential query parameters (token, api_key, ...) masked.
    [[nodiscard]] static QString redactUrl(const QUrl& url);

    // Installs a Qt message handler that passes every message through global() before the handler
    // that was installed before it. Idempotent. Applications call it once at start.
    static void installMessageHandler();

private:
    mutable QMutex m_mutex;
    QList<QByteArray> m_patterns; // values and their encodings, longest first
};

} // namespace tb::core

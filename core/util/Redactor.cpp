#include "util/Redactor.h"

#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace tb::core {

namespace {

const QList<QByteArray>& credentialHeaders()
{
    static const QList<QByteArray> names{
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token",
        "x-access-token", "api-key", "apikey", "x-trialbridge-signature", "x-hub-signature", "x-hub-signature-256",
    };
    return names;
}

bool isCredentialParameter(const QString& name)
{
    static const QStringList names{
        QStringLiteral("token"),     QStringLiteral("access_token"), QStringLiteral("api_key"),
        QStringLiteral("apikey"),    QStringLiteral("key"),          QStringLiteral("password"),
        QStringLiteral("passwd"),    QStringLiteral("secret"),       QStringLiteral("client_secret"),
        QStringLiteral("signature"), QStringLiteral("sig"),          QStringLiteral("auth"),
    };
    return names.contains(name.toLower());
}

QtMessageHandler g_previousHandler = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString clean = Redactor::global().redact(message);
    if (g_previousHandler) {
        g_previousHandler(type, context, clean);
        return;
    }
    fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, clean)));
    fflush(stderr);
}

} // namespace

Redactor& Redactor::global()
{
    static Redactor instance;
    return instance;
}

void Redactor::addSecret(const QByteArray& value)
{
    if (value.size() < MinimumSecretLength)
        return;
    // The forms in which a value typically travels: raw, in a URL or form body, in Base64 (a key
    // file's content, HTTP Basic of a bare token).
    const QList<QByteArray> forms{value, value.toPercentEncoding(), value.toBase64(),
                                  value.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
                                  value.trimmed()};
    QMutexLocker lock(&m_mutex);
    for (const QByteArray& f : forms)
        if (f.size() >= MinimumSecretLength && !m_patterns.contains(f))
            m_patterns.append(f);
    // Longest first, so that a value that contains another registered one is masked whole.
    std::sort(m_patterns.begin(), m_patterns.end(),
              [](const QByteArray& a, const QByteArray& b) { return a.size() > b.size(); });
}

void Redactor::clear()
{
    QMutexLocker lock(&m_mutex);
    m_patterns.clear();
}

int Redactor::secretCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_patterns.size());
}

QByteArray Redactor::redact(const QByteArray& bytes) const
{
    QByteArray out = redactHeaderLines(bytes);
    QMutexLocker lock(&m_mutex);
    for (const QByteArray& p : m_patterns)
        out.replace(p, Mask);
    return out;
}

QString Redactor::redact(const QString& text) const
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_patterns.isEmpty() && !text.contains(QLatin1Char(':')))
            return text; // nothing registered and no header syntax: the common case for log lines
    }
    return QString::fromUtf8(redact(text.toUtf8()));
}

bool Redactor::isCredentialHeader(const QByteArray& name)
{
    return credentialHeaders().contains(name.trimmed().toLower());
}

QByteArray Redactor::redactHeaderLines(const QByteArray& headers)
{
    // "Authorization: Bearer abc", also inside a longer message ("... header Authorization: Basic x"):
    // the value runs to the end of the line (Digest values contain quotes and commas). A value masked
    // already is left alone, so that redacting twice keeps what was appended after the mask.
    static const QRegularExpression re(
        QStringLiteral("(?i)\\b(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|"
                       "x-access-token|api-key|apikey|x-trialbridge-signature|x-hub-signature(?:-256)?)"
                       "([ \\t]*+[:=][ \\t]*+)(?!\\[redacted\\])([^\\r\\n]*)"));
    const QString text = QString::fromUtf8(headers);
    if (!re.match(text).hasMatch())
        return headers;
    QString out = text;
    out.replace(re, QStringLiteral("\\1\\2") + QLatin1String(Mask));
    return out.toUtf8();
}

QString Redactor::redactUrl(const QUrl& url)
{
    QUrl u = url;
    if (!u.userInfo().isEmpty())
        u.setUserInfo(QString());
    if (u.hasQuery()) {
        QUrlQuery q(u);
        QUrlQuery clean;
        for (const auto& [name, value] : q.queryItems(QUrl::FullyEncoded))
            clean.addQueryItem(name, isCredentialParameter(name) ? QString::fromLatin1(Mask) : value);
        u.setQuery(clean);
    }
    return global().redact(u.toString());
}

void Redactor::installMessageHandler()
{
    static std::atomic<bool> installed{false};
    if (installed.exchange(true))
        return;
    g_previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace tb::core

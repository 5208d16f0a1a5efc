#include "connection/ConnectionTestResult.h"

#include "util/Redactor.h"

namespace tb::core {

QString ConnectionTestResult::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return QStringLiteral("ok");
    case Outcome::InvalidProfile: return QStringLiteral("invalid_profile");
    case Outcome::MissingSecret: return QStringLiteral("missing_secret");
    case Outcome::SecretStore: return QStringLiteral("secret_store");
    case Outcome::Dns: return QStringLiteral("dns");
    case Outcome::Refused: return QStringLiteral("refused");
    case Outcome::Timeout: return QStringLiteral("timeout");
    case Outcome::Tls: return QStringLiteral("tls");
    case Outcome::HostKey: return QStringLiteral("host_key");
    case Outcome::Auth: return QStringLiteral("auth");
    case Outcome::Permission: return QStringLiteral("permission");
    case Outcome::NotFound: return QStringLiteral("not_found");
    case Outcome::Protocol: return QStringLiteral("protocol");
    case Outcome::Network: return QStringLiteral("network");
    }
    return {};
}

QJsonObject ConnectionTestResult::toJson() const
{
    const ConnectionTestResult r = redacted();
    QJsonObject o{{QStringLiteral("ok"), ok()},
                  {QStringLiteral("outcome"), outcomeName(outcome)},
                  {QStringLiteral("message"), r.message},
                  {QStringLiteral("target"), r.target},
                  {QStringLiteral("elapsed_ms"), elapsedMs}};
    if (!r.hint.isEmpty())
        o.insert(QStringLiteral("hint"), r.hint);
    if (!r.server.isEmpty())
        o.insert(QStringLiteral("server"), r.server);
    return o;
}

ConnectionTestResult ConnectionTestResult::redacted() const
{
    ConnectionTestResult r = *this;
    const Redactor& red = Redactor::global();
    r.message = red.redact(message);
    r.hint = red.redact(hint);
    r.server = red.redact(server);
    r.target = red.redact(target);
    return r;
}

ConnectionTestResult ConnectionTestResult::make(Outcome outcome, const QString& message, const QString& hint)
{
    ConnectionTestResult r;
    r.outcome = outcome;
    r.message = message;
    r.hint = hint;
    return r;
}

} // namespace tb::core

#include "connection/ConnectionProfile.h"

#include "util/Redactor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrlQuery>

namespace tb::core {

namespace {

const QString Suffix = QStringLiteral(".connection.json");

bool isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

// Keys that would hold a secret value: refused with a pointer to the secret store.
bool looksLikeSecret(const QString& key)
{
    static const QRegularExpression re(
        QStringLiteral("^(password|passwd|pass|token|api_?key|secret|client_?secret|private_?key|passphrase|"
                       "signing_?secret|credentials?|auth_?token|access_?token)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(key).hasMatch();
}

QStringList allowedKeys(ConnectionProfile::Kind kind)
{
    QStringList common{QStringLiteral("format"), QStringLiteral("kind"), QStringLiteral("name"),
                       QStringLiteral("description"), QStringLiteral("timeoutSeconds")};
    switch (kind) {
    case ConnectionProfile::Kind::EdcRest:
    case ConnectionProfile::Kind::Erp:
    case ConnectionProfile::Kind::Bi:
        return common << QStringLiteral("url") << QStringLiteral("auth") << QStringLiteral("test") << QStringLiteral("tls");
    case ConnectionProfile::Kind::Redcap:
    case ConnectionProfile::Kind::Webhook:
        return common << QStringLiteral("url") << QStringLiteral("tls");
    case ConnectionProfile::Kind::Sftp:
        return common << QStringLiteral("host") << QStringLiteral("port") << QStringLiteral("username")
                      << QStringLiteral("path") << QStringLiteral("hostKey") << QStringLiteral("auth");
    case ConnectionProfile::Kind::Postgresql:
        return common << QStringLiteral("host") << QStringLiteral("port") << QStringLiteral("database")
                      << QStringLiteral("username") << QStringLiteral("tls");
    }
    return common;
}

} // namespace

QString ConnectionProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::EdcRest: return QStringLiteral("edc-rest");
    case Kind::Redcap: return QStringLiteral("redcap");
    case Kind::Sftp: return QStringLiteral("sftp");
    case Kind::Postgresql: return QStringLiteral("postgresql");
    case Kind::Erp: return QStringLiteral("erp");
    case Kind::Webhook: return QStringLiteral("webhook");
    case Kind::Bi: return QStringLiteral("bi");
    }
    return {};
}

QList<ConnectionProfile::Kind> ConnectionProfile::kinds()
{
    return {Kind::EdcRest, Kind::Redcap, Kind::Sftp, Kind::Postgresql, Kind::Erp, Kind::Webhook, Kind::Bi};
}

bool ConnectionProfile::parseKind(const QString& text, Kind* out)
{
    for (Kind k : kinds())
        if (kindName(k) == text) {
            *out = k;
            return true;
        }
    return false;
}

QString ConnectionProfile::authName(Auth auth)
{
    switch (auth) {
    case Auth::None: return QStringLiteral("none");
    case Auth::Bearer: return QStringLiteral("bearer");
    case Auth::Basic: return QStringLiteral("basic");
    case Auth::Header: return QStringLiteral("header");
    case Auth::Password: return QStringLiteral("password");
    case Auth::PrivateKey: return QStringLiteral("key");
    }
    return {};
}

QString ConnectionProfile::nameFromFileName(const QString& fileName)
{
    const QString base = QFileInfo(fileName).fileName();
    return base.endsWith(Suffix) ? base.left(base.size() - Suffix.size()) : QFileInfo(fileName).completeBaseName();
}

bool ConnectionProfile::isHttp() const
{
    return kind == Kind::EdcRest || kind == Kind::Redcap || kind == Kind::Erp || kind == Kind::Webhook || kind == Kind::Bi;
}

QStringList ConnectionProfile::secretFields() const
{
    switch (kind) {
    case Kind::Redcap: return {QStringLiteral("token")};
    case Kind::Webhook: return {QStringLiteral("signing_secret")};
    case Kind::Postgresql: return {QStringLiteral("password")};
    case Kind::Sftp:
        return {auth == Auth::PrivateKey ? QStringLiteral("private_key") : QStringLiteral("password")};
    case Kind::EdcRest:
    case Kind::Erp:
    case Kind::Bi:
        switch (auth) {
        case Auth::Bearer:
        case Auth::Header: return {QStringLiteral("token")};
        case Auth::Basic: return {QStringLiteral("password")};
        default: return {};
        }
    }
    return {};
}

QStringList ConnectionProfile::secretNames() const
{
    QStringList out;
    for (const QString& f : secretFields())
        out << secretName(f);
    return out;
}

QString ConnectionProfile::target() const
{
    if (isHttp())
        return Redactor::redactUrl(url);
    if (host.startsWith(QLatin1Char('/')))
        return QStringLiteral("%1 (socket, port %2)").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

bool ConnectionProfile::load(const QString& path, ConnectionProfile* out, QStringList* errors)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        errors->append(QStringLiteral("%1: cannot read: %2").arg(path, f.errorString()));
        return false;
    }
    return fromJson(f.readAll(), QFileInfo(path).absoluteFilePath(), out, errors);
}

bool ConnectionProfile::fromJson(const QByteArray& json, const QString& fileName, ConnectionProfile* out,
                                 QStringList* errors)
{
    *out = ConnectionProfile();
    out->fileName = fileName;
    out->name = nameFromFileName(fileName);
    const QString file = QFileInfo(fileName).fileName();
    const qsizetype before = errors->size();
    const auto error = [&](const QString& field, const QString& message) {
        errors->append(QStringLiteral("%1: %2: %3").arg(file, field, message));
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        errors->append(QStringLiteral("%1: not a JSON object (%2 at byte %3)")
                           .arg(file, pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("wrong type"))
                           .arg(pe.offset));
        return false;
    }
    const QJsonObject o = doc.object();
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!validName.match(out->name).hasMatch() || out->name.size() > 64)
        error(QStringLiteral("name"), QStringLiteral("the file name must be NAME.connection.json with NAME of letters, "
                                                     "digits, '.', '_' and '-' (at most 64)"));
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(Format))
        error(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(QLatin1String(Format)));
    if (o.contains(QStringLiteral("name")) && o.value(QStringLiteral("name")).toString() != out->name)
        error(QStringLiteral("name"), QStringLiteral("\"%1\" differs from the file's name \"%2\" (the file name is the "
                                                     "connection's name)")
                                          .arg(o.value(QStringLiteral("name")).toString(), out->name));
    const QString kindText = o.value(QStringLiteral("kind")).toString();
    if (!parseKind(kindText, &out->kind)) {
        QStringList names;
        for (Kind k : kinds())
            names << kindName(k);
        error(QStringLiteral("kind"), QStringLiteral("\"%1\" is not a connection kind (%2)").arg(kindText, names.join(QStringLiteral(", "))));
        return false;
    }
    // Secrets in the file are the one mistake worth a special message.
    const auto checkKeys = [&](const QJsonObject& obj, const QString& prefix, const QStringList& allowed) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (looksLikeSecret(it.key()))
                error(prefix + it.key(), QStringLiteral("secrets never go into connection files: store the value with "
                                                        "\"trialbridge-cli secrets set %1/%2\" and remove it here")
                                             .arg(out->name, out->secretFields().value(0, QStringLiteral("password"))));
            else if (!allowed.contains(it.key()))
                error(prefix + it.key(), QStringLiteral("unknown field for a %1 connection (known: %2)")
                                             .arg(kindName(out->kind), allowed.join(QStringLiteral(", "))));
        }
    };
    checkKeys(o, QString(), allowedKeys(out->kind));
    out->description = o.value(QStringLiteral("description")).toString();
    if (o.contains(QStringLiteral("timeoutSeconds"))) {
        const double t = o.value(QStringLiteral("timeoutSeconds")).toDouble(-1);
        if (t <= 0 || t > 600)
            error(QStringLiteral("timeoutSeconds"), QStringLiteral("must be a number of seconds between 0 and 600"));
        else
            out->timeoutMs = int(t * 1000);
    }
    const QString baseDir = QFileInfo(fileName).absolutePath();

    if (out->isHttp()) {
        const QString urlText = o.value(QStringLiteral("url")).toString();
        out->url = QUrl(urlText, QUrl::StrictMode);
        if (urlText.isEmpty() || !out->url.isValid() || out->url.host().isEmpty()
            || (out->url.scheme() != QLatin1String("https") && out->url.scheme() != QLatin1String("http"))) {
            error(QStringLiteral("url"), QStringLiteral("must be an absolute https:// URL"));
        } else {
            if (out->url.scheme() == QLatin1String("http") && !isLoopback(out->url.host()))
                error(QStringLiteral("url"), QStringLiteral("plain http:// would send credentials unencrypted; use "
                                                            "https:// (http:// is accepted only for localhost)"));
            if (!out->url.userInfo().isEmpty())
                error(QStringLiteral("url"), QStringLiteral("must not contain a user name or password; store the "
                                                            "password with \"trialbridge-cli secrets set %1/password\"")
                                                 .arg(out->name));
            for (const auto& [key, value] : QUrlQuery(out->url).queryItems())
                if (looksLikeSecret(key) || key.compare(QLatin1String("key"), Qt::CaseInsensitive) == 0)
                    error(QStringLiteral("url"), QStringLiteral("the query parameter \"%1\" looks like a credential: "
                                                                "secrets never go into connection files")
                                                     .arg(key));
        }
        QString tlsError;
        if (!TlsSettings::fromJson(o.value(QStringLiteral("tls")), baseDir, &out->tls, &tlsError))
            errors->append(QStringLiteral("%1: %2").arg(file, tlsError));
        if (o.value(QStringLiteral("tls")).toObject().contains(QStringLiteral("mode")))
            error(QStringLiteral("tls.mode"), QStringLiteral("only PostgreSQL connections have a TLS mode"));
    }

    switch (out->kind) {
    case Kind::Redcap:
        out->auth = Auth::None; // the token goes in the form body
        break;
    case Kind::Webhook:
        out->auth = Auth::None; // requests are signed with HMAC-SHA-256
        break;
    case Kind::EdcRest:
    case Kind::Erp:
    case Kind::Bi: {
        const QJsonObject a = o.value(QStringLiteral("auth")).toObject();
        if (!o.contains(QStringLiteral("auth")) || !o.value(QStringLiteral("auth")).isObject()) {
            error(QStringLiteral("auth"), QStringLiteral("must be an object: {\"method\": \"bearer\"}, {\"method\": "
                                                         "\"basic\", \"username\": ...}, {\"method\": \"header\", "
                                                         "\"header\": \"X-API-Key\"} or {\"method\": \"none\"}"));
            break;
        }
        checkKeys(a, QStringLiteral("auth."), {QStringLiteral("method"), QStringLiteral("username"), QStringLiteral("header")});
        const QString method = a.value(QStringLiteral("method")).toString();
        if (method == QLatin1String("bearer")) {
            out->auth = Auth::Bearer;
        } else if (method == QLatin1String("basic")) {
            out->auth = Auth::Basic;
            out->username = a.value(QStringLiteral("username")).toString();
            if (out->username.isEmpty() || out->username.contains(QLatin1Char(':')))
                error(QStringLiteral("auth.username"), QStringLiteral("basic authentication needs a user name without ':'"));
        } else if (method == QLatin1String("header")) {
            out->auth = Auth::Header;
            out->headerName = a.value(QStringLiteral("header")).toString();
            static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
            if (!token.match(out->headerName).hasMatch())
                error(QStringLiteral("auth.header"), QStringLiteral("must be an HTTP header name (X-API-Key)"));
        } else if (method == QLatin1String("none")) {
            out->auth = Auth::None;
        } else {
            error(QStringLiteral("auth.method"), QStringLiteral("\"%1\" is not one of bearer, basic, header, none").arg(method));
        }
        if (o.contains(QStringLiteral("test"))) {
            const QJsonObject t = o.value(QStringLiteral("test")).toObject();
            checkKeys(t, QStringLiteral("test."), {QStringLiteral("path")});
            out->testPath = t.value(QStringLiteral("path")).toString();
            if (out->testPath.contains(QLatin1String("://")) || out->testPath.contains(QLatin1String("..")))
                error(QStringLiteral("test.path"), QStringLiteral("must be a path relative to url"));
        }
        break;
    }
    case Kind::Sftp:
    case Kind::Postgresql: {
        const bool sftp = out->kind == Kind::Sftp;
        out->host = o.value(QStringLiteral("host")).toString();
        if (out->host.isEmpty())
            error(QStringLiteral("host"), QStringLiteral("is required"));
        out->port = o.contains(QStringLiteral("port")) ? o.value(QStringLiteral("port")).toInt(-1) : (sftp ? 22 : 5432);
        if (out->port < 1 || out->port > 65535)
            error(QStringLiteral("port"), QStringLiteral("must be a whole number from 1 to 65535"));
        out->username = o.value(QStringLiteral("username")).toString();
        if (out->username.isEmpty())
            error(QStringLiteral("username"), QStringLiteral("is required"));
        if (sftp) {
            out->remotePath = o.value(QStringLiteral("path")).toString(QStringLiteral("."));
            out->hostKey = o.value(QStringLiteral("hostKey")).toString();
            static const QRegularExpression fp(QStringLiteral("^SHA256:[A-Za-z0-9+/]{43}$"));
            if (!fp.match(out->hostKey).hasMatch())
                error(QStringLiteral("hostKey"), QStringLiteral("is required: the server's host key fingerprint as "
                                                                "\"ssh-keygen -l -E sha256 -f KEY.pub\" prints it "
                                                                "(SHA256:43 Base64 characters); the server's identity is "
                                                                "always verified"));
            const QJsonObject a = o.value(QStringLiteral("auth")).toObject();
            checkKeys(a, QStringLiteral("auth."), {QStringLiteral("method")});
            const QString method = a.value(QStringLiteral("method")).toString(QStringLiteral("password"));
            if (method == QLatin1String("password"))
                out->auth = Auth::Password;
            else if (method == QLatin1String("key"))
                out->auth = Auth::PrivateKey;
            else
                error(QStringLiteral("auth.method"), QStringLiteral("\"%1\" is not password or key").arg(method));
        } else {
            out->auth = Auth::Password;
            out->database = o.value(QStringLiteral("database")).toString();
            if (out->database.isEmpty())
                error(QStringLiteral("database"), QStringLiteral("is required"));
            const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
            const QString mode = tls.value(QStringLiteral("mode")).toString(QStringLiteral("verify-full"));
            if (mode == QLatin1String("disable")) {
                out->tlsEnabled = false;
                if (!out->host.startsWith(QLatin1Char('/')) && !isLoopback(out->host))
                    error(QStringLiteral("tls.mode"), QStringLiteral("\"disable\" is allowed only for a Unix socket or "
                                                                     "a loopback host: the password would cross the "
                                                                     "network unencrypted"));
            } else if (mode != QLatin1String("verify-full")) {
                error(QStringLiteral("tls.mode"), QStringLiteral("must be \"verify-full\" (the default: encrypted, "
                                                                 "certificate and host name verified) or \"disable\" "
                                                                 "(Unix socket or loopback only)"));
            }
            QString tlsError;
            if (!TlsSettings::fromJson(o.value(QStringLiteral("tls")), baseDir, &out->tls, &tlsError))
                errors->append(QStringLiteral("%1: %2").arg(file, tlsError));
            if (out->tls.hasPin())
                error(QStringLiteral("tls.pin"), QStringLiteral("PostgreSQL connections cannot pin (libpq has no pinning); "
                                                                "name the server's CA as tls.caBundle"));
        }
        break;
    }
    }
    return errors->size() == before;
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonObject o{{QStringLiteral("format"), QLatin1String(Format)}, {QStringLiteral("kind"), kindName(kind)}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (timeoutMs != 15000)
        o.insert(QStringLiteral("timeoutSeconds"), timeoutMs / 1000.0);
    const QString baseDir = QFileInfo(fileName).absolutePath();
    if (isHttp()) {
        o.insert(QStringLiteral("url"), url.toString());
        if (kind == Kind::EdcRest || kind == Kind::Erp || kind == Kind::Bi) {
            QJsonObject a{{QStringLiteral("method"), authName(auth)}};
            if (auth == Auth::Basic)
                a.insert(QStringLiteral("username"), username);
            if (auth == Auth::Header)
                a.insert(QStringLiteral("header"), headerName);
            o.insert(QStringLiteral("auth"), a);
            if (!testPath.isEmpty())
                o.insert(QStringLiteral("test"), QJsonObject{{QStringLiteral("path"), testPath}});
        }
        const QJsonObject t = tls.toJson(baseDir);
        if (!t.isEmpty())
            o.insert(QStringLiteral("tls"), t);
        return o;
    }
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("port"), port);
    o.insert(QStringLiteral("username"), username);
    if (kind == Kind::Sftp) {
        o.insert(QStringLiteral("path"), remotePath);
        o.insert(QStringLiteral("hostKey"), hostKey);
        o.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("method"), authName(auth)}});
    } else {
        o.insert(QStringLiteral("database"), database);
        QJsonObject t = tls.toJson(baseDir);
        t.insert(QStringLiteral("mode"), tlsEnabled ? QStringLiteral("verify-full") : QStringLiteral("disable"));
        o.insert(QStringLiteral("tls"), t);
    }
    return o;
}

bool ConnectionProfile::save(const QString& path, QString* error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented)) < 0
        || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace tb::core

#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Text of hand-written HTTP/1.1 exchanges, shared by the connection check and the REST sources' fetcher
// (both speak HTTP over a QSslSocket so that TLS is verified before any byte of a request leaves).
namespace tb::core::http {

// The Host header's value: the host (IPv6 in brackets) and the port when it is not the scheme's default.
QByteArray hostHeader(const QUrl& url);
// " The server said: "…"" — a short, single-line, redacted excerpt of a body for messages; empty for none.
QString excerpt(const QByteArray& body);

} // namespace tb::core::http

#include "util/HttpText.h"

#include "util/Redactor.h"

namespace tb::core::http {

QByteArray hostHeader(const QUrl& url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QString excerpt(const QByteArray& body)
{
    QByteArray b = body.left(300);
    for (char& c : b)
        if (uchar(c) < 0x20)
            c = ' ';
    const QString s = Redactor::global().redact(QString::fromUtf8(b).simplified());
    return s.isEmpty() ? QString()
                       : QStringLiteral(" The server said: \"%1%2\"").arg(s, body.size() > 300 ? QStringLiteral("…") : QString());
}

} // namespace tb::core::http

#include "SecretsTestSupport.h"

#include "secrets/KeychainProbe.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

namespace tb::test {

void isolateUserDirs(const QString& root)
{
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = root + QLatin1Char('/') + QString::fromLatin1(var).toLower();
        QDir().mkpath(dir);
        qputenv(var, dir.toLocal8Bit());
    }
    qunsetenv("TRIALBRIDGE_SECRETS_BACKEND");
    qunsetenv("TRIALBRIDGE_VAULT_FILE");
    qunsetenv("TRIALBRIDGE_VAULT_PASSPHRASE_FILE");
}

bool keyringAnswers(QString* reason)
{
    static int cached = -1;
    static QString cachedReason;
    if (cached < 0) {
        tb::core::KeychainProbe probe;
        QEventLoop loop;
        tb::core::KeychainProbe::Result result;
        probe.start(10000, [&](const tb::core::KeychainProbe::Result& r) {
            result = r;
            loop.quit();
        });
        loop.exec();
        cached = result.available ? 1 : 0;
        cachedReason = result.reason;
    }
    *reason = cachedReason;
    return cached == 1;
}

bool keyringRequired()
{
    const QByteArray v = qgetenv("TB_REQUIRE_KEYRING");
    return !v.isEmpty() && v != "0";
}

QString findProgram(const QString& name)
{
    QStringList extra{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")};
    const QDir pg(QStringLiteral("/usr/lib/postgresql"));
    for (const QString& v : pg.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed))
        extra << pg.filePath(v + QStringLiteral("/bin"));
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(name, extra);
    return found;
}

bool runProgram(const QString& program, const QStringList& args, QString* output, int timeoutMs,
                const QString& workingDir)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(program, args);
    if (!p.waitForStarted()) {
        if (output)
            *output = QStringLiteral("cannot start %1").arg(program);
        return false;
    }
    const bool finished = p.waitForFinished(timeoutMs);
    if (!finished)
        p.kill(), p.waitForFinished();
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

quint16 freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

QList<QByteArray> leakForms(const QByteArray& secret)
{
    return {secret, secret.toBase64(), secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            secret.toHex(), secret.toPercentEncoding()};
}

QStringList filesContaining(const QStringList& rootsOrFiles, const QList<QByteArray>& needles)
{
    QStringList files;
    for (const QString& r : rootsOrFiles) {
        if (QFileInfo(r).isFile()) {
            files << r;
            continue;
        }
        QDirIterator it(r, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    QStringList found;
    for (const QString& f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QByteArray& n : needles)
            if (!n.isEmpty() && bytes.contains(n))
                found << QStringLiteral("%1: contains %2").arg(f, QString::fromLatin1(n.left(6)) + QStringLiteral("…"));
    }
    return found;
}

} // namespace tb::test

#include "SecretSession.h"

#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretsSettings.h"
#include "secrets/Vault.h"
#include "util/Crypto.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace tb::cli {

using namespace tb::core;

namespace {

QFile& standardInput()
{
    static QFile in;
    if (!in.isOpen())
        (void)in.open(stdin, QIODevice::ReadOnly, QFileDevice::DontCloseHandle);
    return in;
}

} // namespace

void SecretSession::stripLineBreak(QByteArray& bytes)
{
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
}

bool SecretSession::prompt(const QString& question, QByteArray* answer, QString* error)
{
    if (isatty(STDIN_FILENO)) {
        FILE* tty = fopen("/dev/tty", "r+");
        if (!tty) {
            *error = QStringLiteral("cannot open the terminal to ask for input");
            return false;
        }
        const int fd = fileno(tty);
        termios old{};
        const bool hasTermios = tcgetattr(fd, &old) == 0;
        if (hasTermios) {
            termios silent = old;
            silent.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(fd, TCSAFLUSH, &silent);
        }
        fputs(question.toLocal8Bit().constData(), tty);
        fflush(tty);
        QByteArray line;
        int c;
        while ((c = fgetc(tty)) != EOF && c != '\n')
            line.append(char(c));
        if (hasTermios)
            tcsetattr(fd, TCSAFLUSH, &old);
        fputs("\n", tty);
        fclose(tty);
        stripLineBreak(line);
        *answer = line;
        crypto::wipe(line);
        return true;
    }
    QByteArray line = standardInput().readLine();
    stripLineBreak(line);
    *answer = line;
    crypto::wipe(line);
    return true;
}

QByteArray SecretSession::readStandardInput()
{
    QByteArray all = standardInput().readAll();
    stripLineBreak(all);
    return all;
}

bool SecretSession::choose(QString* error)
{
    const SecretsSettings settings = SecretsSettings::load();
    SecretBackendChooser chooser;
    m_choice = await<SecretBackendChooser::Choice>([&](auto done) { chooser.choose(settings, done); });
    if (!m_choice.ok)
        *error = m_choice.error;
    return m_choice.ok;
}

bool SecretSession::passphrase(bool creating, QByteArray* out, QString* error)
{
    const QString file = qEnvironmentVariable(PassphraseFileEnv);
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1=%2: cannot read the passphrase file: %3")
                         .arg(QLatin1String(PassphraseFileEnv), file, f.errorString());
            return false;
        }
        if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            fprintf(stderr, "trialbridge-cli: warning: the passphrase file %s is readable by other users (chmod 600 it)\n",
                    qPrintable(file));
        QByteArray p = f.readAll();
        stripLineBreak(p);
        if (p.isEmpty()) {
            *error = QStringLiteral("%1=%2: the passphrase file is empty").arg(QLatin1String(PassphraseFileEnv), file);
            return false;
        }
        *out = p;
        crypto::wipe(p);
        return true;
    }
    const bool exists = QFileInfo::exists(m_choice.vaultPath);
    if (!prompt(QStringLiteral("Passphrase for the vault %1: ").arg(m_choice.vaultPath), out, error))
        return false;
    if (out->isEmpty()) {
        *error = QStringLiteral("no passphrase given (set %1 to read it from a file)").arg(QLatin1String(PassphraseFileEnv));
        return false;
    }
    if (!exists && creating && isatty(STDIN_FILENO)) {
        QByteArray again;
        if (!prompt(QStringLiteral("The vault is new; the same passphrase again: "), &again, error))
            return false;
        const bool same = crypto::constantTimeEquals(again, *out);
        crypto::wipe(again);
        if (!same) {
            *error = QStringLiteral("the two passphrases differ; nothing was stored");
            return false;
        }
    }
    return true;
}

bool SecretSession::open(const QString& scope, bool creating, QString* error)
{
    QByteArray pass;
    if (m_choice.backend == SecretStore::Backend::Vault && !passphrase(creating, &pass, error))
        return false;
    m_store = SecretBackendChooser::createStore(m_choice, scope, pass);
    crypto::wipe(pass);
    if (!m_store) {
        *error = QStringLiteral("no secret store");
        return false;
    }
    return true;
}

QString SecretSession::describe() const
{
    if (m_store)
        return m_store->description();
    if (m_choice.backend == SecretStore::Backend::Vault)
        return QStringLiteral("encrypted vault %1").arg(m_choice.vaultPath);
    return KeychainSecretStore::platformDescription();
}

SecretResult SecretSession::read(const QString& name)
{
    return await<SecretResult>([&](auto done) { m_store->read(name, done); });
}

SecretResult SecretSession::write(const QString& name, const QByteArray& value)
{
    return await<SecretResult>([&](auto done) { m_store->write(name, value, done); });
}

SecretResult SecretSession::remove(const QString& name)
{
    return await<SecretResult>([&](auto done) { m_store->remove(name, done); });
}

SecretResult SecretSession::list()
{
    return await<SecretResult>([&](auto done) { m_store->list(done); });
}

} // namespace tb::cli

// Helper for tst_vaultcrash: opens a vault and rewrites it in a loop, forever, until it is killed.
// Usage: tb_vault_writer VAULT PASSPHRASE_FILE
// Prints "ready" once the vault is open, then "committed N" after each write of counter N.

#include "secrets/Vault.h"
#include "util/Crypto.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        fprintf(stderr, "usage: tb_vault_writer VAULT PASSPHRASE_FILE\n");
        return 2;
    }
    QFile pf(args[2]);
    if (!pf.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray passphrase = pf.readAll().trimmed();
    tb::core::Vault vault;
    if (!vault.open(args[1], passphrase, false)) {
        fprintf(stderr, "%s\n", qPrintable(vault.errorString()));
        return 1;
    }
    QByteArray value;
    qint64 counter = vault.read(QStringLiteral("crash/test/counter"), &value) ? value.toLongLong() : 0;
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        ++counter;
        // A large entry makes each write long enough to be interrupted in the middle.
        if (!vault.write(QStringLiteral("crash/test/filler"), tb::core::crypto::randomBytes(600 * 1024))
            || !vault.write(QStringLiteral("crash/test/counter"), QByteArray::number(counter))) {
            fprintf(stderr, "%s\n", qPrintable(vault.errorString()));
            return 1;
        }
        printf("committed %lld\n", counter);
        fflush(stdout);
    }
}

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace tb::test {

// Points XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME into root, so that settings files and
// the default vault of this test (and of the trialbridge-cli it starts) never touch the user's.
void isolateUserDirs(const QString& root);

// Whether a Secret Service answers KeychainProbe (runs an event loop; tests only).
bool keyringAnswers(QString* reason);
bool keyringRequired(); // TB_REQUIRE_KEYRING is set (and not "0")

// Absolute path of a program on PATH or in the usual places (sbin, PostgreSQL's bin folder).
QString findProgram(const QString& name);

// Runs a program to completion; output gets stdout and stderr together.
bool runProgram(const QString& program, const QStringList& args, QString* output, int timeoutMs = 60000,
                const QString& workingDir = {});

// A TCP port on 127.0.0.1 that nothing listened on a moment ago.
quint16 freePort();

// The forms a secret could leak in: raw, Base64, Base64url, hex, percent-encoded.
QList<QByteArray> leakForms(const QByteArray& secret);
// Every file under the roots (recursively, hidden files too) or named directly that contains any of
// the needles; "path: which needle" per finding.
QStringList filesContaining(const QStringList& rootsOrFiles, const QList<QByteArray>& needles);

} // namespace tb::test

// In a test function: continue only when a Secret Service answers. Missing: FAIL when
// TB_REQUIRE_KEYRING is set (CI, scripts/test.sh), otherwise SKIP with the reason.
#define TB_NEED_KEYRING()                                                                                     \
    do {                                                                                                      \
        QString tbKeyringWhy;                                                                                 \
        if (!tb::test::keyringAnswers(&tbKeyringWhy)) {                                                       \
            if (tb::test::keyringRequired())                                                                  \
                QFAIL(qPrintable(QStringLiteral("TB_REQUIRE_KEYRING is set but no Secret Service answers: ")  \
                                 + tbKeyringWhy));                                                            \
            QSKIP(qPrintable(QStringLiteral("no Secret Service answers (") + tbKeyringWhy                     \
                             + QStringLiteral("); run under dbus-run-session with gnome-keyring-daemon "      \
                                              "--unlock, and set TB_REQUIRE_KEYRING=1 to make this a failure"))); \
        }                                                                                                     \
    } while (false)

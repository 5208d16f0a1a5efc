// The console's Connections page and its secret store, driven with real clicks and keys, offscreen, on a
// throw-away vault: a connection made in the editor keeps its secret in the store and out of the file,
// is edited without its secret ever being shown, tested against a port where nothing listens (a
// "refused" outcome on the page), and deleted with its secrets. The store is opened like the CLI opens it
// (passphrase file, else a password dialog), the status bar names the back end, and without a store a run
// is refused instead of running unsigned.

#include "TestSupport.h"
#include "connection/ConnectionListModel.h"
#include "connections/ConnectionEditor.h"
#include "connections/ConnectionsPage.h"
#include "mainwindow/MainWindow.h"
#include "secrets/PassphraseDialog.h"
#include "secrets/SecretStore.h"
#include "secrets/WorkspaceSecrets.h"
#include "workspace/DemoStudyGenerator.h"
#include "workspace/WorkspacePage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using ui::WorkspaceSecrets;

namespace {

constexpr int Wait = 30000;

// A store operation, waited for on the event loop as the console's callers do.
core::SecretResult await(core::SecretStore* store, const std::function<void(core::SecretStore*, core::SecretStore::Callback)>& op)
{
    core::SecretResult out;
    bool done = false;
    op(store, [&](const core::SecretResult& r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, Wait))
        out = {core::SecretResult::Status::Failed, QStringLiteral("no answer from the secret store"), {}, {}};
    return out;
}

core::SecretResult readSecret(core::SecretStore* store, const QString& name)
{
    return await(store, [name](core::SecretStore* s, core::SecretStore::Callback cb) { s->read(name, cb); });
}

// Every byte of every file under dir that contains needle.
QStringList filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

QPushButton* saveButton(ui::ConnectionEditor* editor)
{
    return editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
}

void typeInto(QWidget* field, const QString& text)
{
    auto* edit = qobject_cast<QLineEdit*>(field);
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier); // replace what is there, as a user would
    QTest::keyClicks(edit, text);
}

// A port on 127.0.0.1 where nothing listens: bound once to get a free number, then closed.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestConnectionsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheBackEndInTheStatusBar_data();
    void showsTheBackEndInTheStatusBar();
    void asksForTheVaultPassphraseInADialog();
    void refusesARunWithoutTheSecretStore();
    void createsEditsTestsAndDeletesAConnection();
    void showsValidationErrorsNextToTheFields();

private:
    bool openAndWait(ui::MainWindow& w);

    QTemporaryDir m_tmp;
    QString m_dir;
    QByteArray m_passFile;
};

void TestConnectionsPage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridgeTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(QStringLiteral("settings")));
    test::useTestVault(m_tmp.filePath(QStringLiteral("vault")));
    m_passFile = qgetenv(WorkspaceSecrets::PassphraseFileEnv);
    m_dir = m_tmp.filePath(QStringLiteral("demo"));
    core::DemoStudyGenerator::Options o;
    o.subjects = 20;
    o.sites = 2;
    QString error;
    QVERIFY2(core::DemoStudyGenerator(o).write(m_dir, &error), qPrintable(error));
}

void TestConnectionsPage::init()
{
    qputenv("TRIALBRIDGE_SECRETS_BACKEND", "vault");
    qputenv(WorkspaceSecrets::PassphraseFileEnv, m_passFile);
}

void TestConnectionsPage::cleanup()
{
    init();
}

bool TestConnectionsPage::openAndWait(ui::MainWindow& w)
{
    if (!w.openWorkspace(m_dir))
        return false;
    return QTest::qWaitFor([&] { return w.secrets()->state() != WorkspaceSecrets::State::Opening; }, Wait);
}

void TestConnectionsPage::showsTheBackEndInTheStatusBar_data()
{
    QTest::addColumn<QByteArray>("preference");
    QTest::newRow("vault configured") << QByteArray("vault");
    // Whether a keychain answers depends on the machine (scripts/test.sh starts one): the label must name
    // the back end that was chosen, and the reason when it is the vault.
    QTest::newRow("auto") << QByteArray("auto");
}

void TestConnectionsPage::showsTheBackEndInTheStatusBar()
{
    QFETCH(QByteArray, preference);
    qputenv("TRIALBRIDGE_SECRETS_BACKEND", preference);
    ui::MainWindow w;
    auto* label = w.findChild<QLabel*>(QStringLiteral("secretsLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Secrets: not open"));
    QVERIFY(openAndWait(w));
    QCOMPARE(w.secrets()->state(), WorkspaceSecrets::State::Open);
    QString expected;
    if (preference == "vault")
        expected = QStringLiteral("Secrets: vault (configured)");
    else if (w.secrets()->choice().backend == core::SecretStore::Backend::Keychain)
        expected = QStringLiteral("Secrets: keychain");
    else
        expected = QStringLiteral("Secrets: vault (no keychain answered)");
    QCOMPARE(label->text(), expected);
    QVERIFY(label->toolTip().contains(w.secrets()->store()->description()));
    // The Connections page says where its secrets go.
    auto* storeStatus = w.connectionsPage()->findChild<QLabel*>(QStringLiteral("storeStatus"));
    QVERIFY(storeStatus->text().contains(w.secrets()->store()->description()));
}

void TestConnectionsPage::asksForTheVaultPassphraseInADialog()
{
    qunsetenv(WorkspaceSecrets::PassphraseFileEnv);
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    QTRY_VERIFY_WITH_TIMEOUT(w.secrets()->passphraseDialog() && w.secrets()->passphraseDialog()->isVisible(), Wait);
    ui::PassphraseDialog* dialog = w.secrets()->passphraseDialog();
    auto* field = dialog->findChild<QLineEdit*>(QStringLiteral("passphrase"));
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("passphraseAgain"))); // the vault exists: asked once

    // A wrong passphrase is asked again, saying so.
    QTest::keyClicks(field, QStringLiteral("not-the-passphrase"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(w.secrets()->passphraseDialog() && w.secrets()->passphraseDialog() != dialog
                                 && w.secrets()->passphraseDialog()->isVisible(),
                             Wait);
    dialog = w.secrets()->passphraseDialog();
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("passphraseError"));
    QVERIFY(error->text().contains(QStringLiteral("Wrong passphrase")));
    QCOMPARE(w.secrets()->state(), WorkspaceSecrets::State::Opening);

    field = dialog->findChild<QLineEdit*>(QStringLiteral("passphrase"));
    QTest::keyClicks(field, QStringLiteral("test-vault-passphrase"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(w.secrets()->state(), WorkspaceSecrets::State::Open, Wait);
    QCOMPARE(w.findChild<QLabel*>(QStringLiteral("secretsLabel"))->text(), QStringLiteral("Secrets: vault (configured)"));
    QVERIFY(w.connectionsPage()->findChild<QPushButton*>(QStringLiteral("newConnection"))->isEnabled());
}

void TestConnectionsPage::refusesARunWithoutTheSecretStore()
{
    qunsetenv(WorkspaceSecrets::PassphraseFileEnv);
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(m_dir));
    QTRY_VERIFY_WITH_TIMEOUT(w.secrets()->passphraseDialog() && w.secrets()->passphraseDialog()->isVisible(), Wait);
    // The user cancels: the store stays closed, and the console says so.
    QTest::keyClick(w.secrets()->passphraseDialog(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(w.secrets()->state(), WorkspaceSecrets::State::Failed, Wait);
    QCOMPARE(w.findChild<QLabel*>(QStringLiteral("secretsLabel"))->text(), QStringLiteral("Secrets: not open"));

    const QString db = w.workspace().targetDatabases().first();
    QFile::remove(db);
    auto* run = w.workspacePage()->findChild<QPushButton*>(QStringLiteral("runPipeline"));
    QSignalSpy finished(&w, &ui::MainWindow::runFinished);
    QTest::mouseClick(run, Qt::LeftButton);
    QVERIFY(finished.wait(Wait));
    // Exit status 2 like the CLI's, with the reason; nothing was loaded, not even a database made.
    QCOMPARE(finished.first().at(0).toInt(), 2);
    const QString summary = finished.first().at(1).toString();
    QVERIFY2(summary.contains(QStringLiteral("cannot sign the audit trail")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("nothing was loaded")), qPrintable(summary));
    QVERIFY(!QFileInfo::exists(db));
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("runRefused"));
    QVERIFY(box);
    QVERIFY(box->informativeText().contains(QStringLiteral("cannot sign the audit trail")));
    box->close();
}

void TestConnectionsPage::createsEditsTestsAndDeletesAConnection()
{
    const quint16 port = closedPort();
    QVERIFY(port);
    const QString token = QStringLiteral("edc-token-Zq81xW");
    const QString newToken = QStringLiteral("edc-token-Pm47yK");

    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(openAndWait(w));
    QCOMPARE(w.secrets()->state(), WorkspaceSecrets::State::Open);
    core::SecretStore* store = w.secrets()->store();
    ui::ConnectionsPage* page = w.connectionsPage();
    core::ConnectionListModel* model = page->model();
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, &w);
    QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::ConnectionsPageIndex);
    QCOMPARE(model->rowCount(), 0);

    // New: the editor, filled in with real key clicks.
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("newConnection")), Qt::LeftButton);
    QTRY_VERIFY(page->editor() && page->editor()->isVisible());
    ui::ConnectionEditor* editor = page->editor();
    QLineEdit* secret = editor->secretEdit(QStringLiteral("token"));
    QVERIFY(secret->isVisible()); // an EDC REST API with a bearer token, the defaults
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QCOMPARE(editor->findChild<QLabel*>(QStringLiteral("secretState_token"))->text(), QStringLiteral("not set"));
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("edc-local"));
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("url")), QStringLiteral("http://127.0.0.1:%1/api/").arg(port));
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("testPath")), QStringLiteral("studies"));
    typeInto(secret, token);
    QSignalSpy listed(page, &ui::ConnectionsPage::storedSecretsUpdated);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->editor(), Wait);

    // The file holds the profile and no secret; the store holds the secret.
    const QString path = QDir(m_dir).filePath(QStringLiteral("edc-local.connection.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    file.close();
    QVERIFY(!json.contains(token.toUtf8()));
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("edc-rest"));
    QCOMPARE(o.value(QStringLiteral("url")).toString(), QStringLiteral("http://127.0.0.1:%1/api/").arg(port));
    QCOMPARE(o.value(QStringLiteral("auth")).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("bearer"));
    core::SecretResult stored = readSecret(store, QStringLiteral("edc-local/token"));
    QVERIFY2(stored.ok(), qPrintable(stored.message));
    QCOMPARE(stored.value, token.toUtf8());
    // Nowhere else in plain text: not in the workspace, not in the settings.
    QCOMPARE(filesContaining(m_dir, token.toUtf8()), QStringList());
    QCOMPARE(filesContaining(m_tmp.filePath(QStringLiteral("settings")), token.toUtf8()), QStringList());
    QTRY_VERIFY(listed.count() > 0);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(page->selectedName(), QStringLiteral("edc-local"));
    QCOMPARE(model->data(model->index(0, core::ConnectionListModel::Secrets)).toString(), QStringLiteral("stored"));

    // Edit (F2): the secret field is empty and says "stored"; a new value replaces the stored one.
    w.activateWindow(); // the closed editor gave the activation back (a window manager would do that)
    QVERIFY(QTest::qWaitForWindowActive(&w));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_F2);
    QTRY_VERIFY(page->editor() && page->editor()->isVisible());
    editor = page->editor();
    secret = editor->secretEdit(QStringLiteral("token"));
    QVERIFY(secret->text().isEmpty());
    QCOMPARE(editor->findChild<QLabel*>(QStringLiteral("secretState_token"))->text(), QStringLiteral("stored"));
    QVERIFY(editor->findChild<QLineEdit*>(QStringLiteral("name"))->isReadOnly());
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("description")), QStringLiteral("Local EDC"));
    typeInto(secret, newToken);
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->editor(), Wait);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject edited = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QCOMPARE(edited.value(QStringLiteral("description")).toString(), QStringLiteral("Local EDC"));
    stored = readSecret(store, QStringLiteral("edc-local/token"));
    QCOMPARE(stored.value, newToken.toUtf8());
    QCOMPARE(filesContaining(m_dir, newToken.toUtf8()), QStringList());

    // Test (Ctrl+T): busy while it runs, then the specific outcome on the page.
    QSignalSpy tested(page, &ui::ConnectionsPage::testFinished);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(page->table(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(page->isTesting());
    QVERIFY(page->busyIndicator()->isVisible());
    QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("testConnection"))->isEnabled());
    QVERIFY(tested.wait(Wait));
    const auto result = tested.first().at(1).value<core::ConnectionTestResult>();
    QCOMPARE(result.outcome, core::ConnectionTestResult::Outcome::Refused);
    QVERIFY(!page->busyIndicator()->isVisible());
    const QString shown = page->resultLabel()->text();
    QVERIFY2(shown.contains(QStringLiteral("[refused]")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Connection refused")), qPrintable(shown));
    QVERIFY2(shown.contains(QString::number(port)), qPrintable(shown));
    QVERIFY(!shown.contains(newToken));
    QCOMPARE(model->data(model->index(0, 0), core::ConnectionListModel::OutcomeRole).toString(), QStringLiteral("refused"));
    QCOMPARE(model->data(model->index(0, core::ConnectionListModel::LastTest)).toString(), QStringLiteral("Connection refused"));

    // Delete, confirmed in the message box: the file and the secret are gone.
    QSignalSpy deleted(page, &ui::ConnectionsPage::deleteFinished);
    QTimer::singleShot(0, [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (auto* yes = box ? box->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton")) : nullptr)
            QTest::mouseClick(yes, Qt::LeftButton);
    });
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("deleteConnection")), Qt::LeftButton);
    QVERIFY(deleted.wait(Wait));
    QCOMPARE(deleted.first().at(1).toBool(), true);
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(readSecret(store, QStringLiteral("edc-local/token")).status, core::SecretResult::Status::NotFound);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(page->resultLabel()->text().contains(QStringLiteral("Deleted")));
    // The audit signing key in the same store is untouched.
    const core::SecretResult all = await(store, [](core::SecretStore* s, core::SecretStore::Callback cb) { s->list(cb); });
    QVERIFY(!all.names.contains(QStringLiteral("edc-local/token")));
}

void TestConnectionsPage::showsValidationErrorsNextToTheFields()
{
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(openAndWait(w));
    ui::ConnectionsPage* page = w.connectionsPage();
    w.showPage(ui::MainWindow::ConnectionsPageIndex);
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_N, Qt::ControlModifier); // New, from the keyboard
    QTRY_VERIFY(page->editor() && page->editor()->isVisible());
    ui::ConnectionEditor* editor = page->editor();
    // A PostgreSQL connection without host and database, with a too short password, refused on save.
    auto* kind = editor->findChild<QComboBox*>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("postgresql")));
    QVERIFY(editor->secretEdit(QStringLiteral("password"))->isVisible());
    QVERIFY(!editor->secretEdit(QStringLiteral("token"))->isVisible());
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("ctms-db"));
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("username")), QStringLiteral("loader"));
    typeInto(editor->secretEdit(QStringLiteral("password")), QStringLiteral("abc"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->fieldError(QStringLiteral("host")), QStringLiteral("Required."));
    QCOMPARE(editor->fieldError(QStringLiteral("database")), QStringLiteral("Required."));
    QVERIFY(editor->fieldError(QStringLiteral("secret:password")).contains(QStringLiteral("At least 6")));
    QVERIFY(editor->findChild<QLabel*>(QStringLiteral("error_host"))->isVisible());
    QVERIFY(!QFileInfo::exists(QDir(m_dir).filePath(QStringLiteral("ctms-db.connection.json"))));
    // Errors follow the edits, and go away when fixed.
    typeInto(editor->findChild<QLineEdit*>(QStringLiteral("host")), QStringLiteral("db.example.org"));
    QVERIFY(editor->fieldError(QStringLiteral("host")).isEmpty());
    // "disable" is only for loopback: the profile's rule, shown at the encryption field.
    auto* tls = editor->findChild<QComboBox*>(QStringLiteral("tlsMode"));
    tls->setCurrentIndex(tls->findData(QStringLiteral("disable")));
    QVERIFY(editor->fieldError(QStringLiteral("tlsMode")).contains(QStringLiteral("loopback")));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(!page->editor());
    QVERIFY(!QFileInfo::exists(QDir(m_dir).filePath(QStringLiteral("ctms-db.connection.json"))));
    QCOMPARE(readSecret(w.secrets()->store(), QStringLiteral("ctms-db/password")).status,
             core::SecretResult::Status::NotFound);
}

QTEST_MAIN(TestConnectionsPage)
#include "tst_connectionspage.moc"

// File ▸ New Workspace: a folder with the workspace's identity, empty or filled with the demo study; every
// invalid form says why and creates nothing.

#include "mainwindow/MainWindow.h"
#include "workspace/NewWorkspaceDialog.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using tb::ui::NewWorkspaceDialog;

class TestNewWorkspace : public QObject
{
    Q_OBJECT

private:
    static void typeInto(QLineEdit* edit, const QString& text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

private slots:
    void createsAnEmptyWorkspace()
    {
        QTemporaryDir tmp;
        NewWorkspaceDialog dialog(tmp.path());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* create = dialog.findChild<QPushButton*>(QStringLiteral("create"));
        QVERIFY(!create->isEnabled()); // no name yet
        typeInto(dialog.findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("study-a"));
        QVERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QString dir = tmp.filePath(QStringLiteral("study-a"));
        QCOMPARE(dialog.createdDir(), dir);
        const QStringList files = QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot);
        QCOMPARE(files, QStringList{QString::fromLatin1(tb::core::Workspace::IdFile)});
        QVERIFY(!tb::core::Workspace(dir).id().isEmpty());
    }

    void createsTheDemoStudy()
    {
        QTemporaryDir tmp;
        NewWorkspaceDialog dialog(tmp.path());
        dialog.show();
        typeInto(dialog.findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("demo"));
        auto* subjects = dialog.findChild<QSpinBox*>(QStringLiteral("subjects"));
        QVERIFY(!subjects->isEnabled());
        QTest::mouseClick(dialog.findChild<QCheckBox*>(QStringLiteral("demo")), Qt::LeftButton);
        QVERIFY(subjects->isEnabled());
        subjects->selectAll();
        QTest::keyClicks(subjects, QStringLiteral("30"));
        QCOMPARE(subjects->value(), 30);
        QTest::keyClick(subjects, Qt::Key_Return); // the spin box passes Return on to the default button
        QVERIFY2(dialog.result() == QDialog::Accepted,
                 qPrintable(dialog.findChild<QLabel*>(QStringLiteral("problem"))->text()));
        const tb::core::Workspace ws(tmp.filePath(QStringLiteral("demo")));
        QCOMPARE(ws.documents(tb::core::Workspace::Kind::Pipeline), QStringList{QStringLiteral("demo.pipeline.json")});
        QCOMPARE(ws.documents(tb::core::Workspace::Kind::Mapping).size(), 3);
        QFile subjectsCsv(ws.absolutePath(QStringLiteral("edc/subjects.csv")));
        QVERIFY(subjectsCsv.open(QIODevice::ReadOnly));
        QCOMPARE(subjectsCsv.readAll().count('\n'), 31); // header + 30 subjects
        QVERIFY(!ws.id().isEmpty());
    }

    void invalidFormsCreateNothing_data()
    {
        QTest::addColumn<QString>("parent");   // relative to the temporary folder; "" = the folder itself
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");  // a part of the message shown
        QTest::newRow("separator") << "" << "a/b" << "cannot be a folder name";
        QTest::newRow("backslash") << "" << "a\\b" << "cannot be a folder name";
        QTest::newRow("dot-dot") << "" << ".." << "cannot be a folder name";
        QTest::newRow("control") << "" << QStringLiteral("a\tb") << "cannot be a folder name";
        QTest::newRow("missing location") << "no-such-folder" << "ws" << "is not an existing folder";
        QTest::newRow("not empty") << "" << "occupied" << "already exists and is not an empty folder";
        QTest::newRow("a file") << "" << "file.txt" << "already exists and is not an empty folder";
    }
    void invalidFormsCreateNothing()
    {
        QFETCH(QString, parent);
        QFETCH(QString, name);
        QFETCH(QString, problem);
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkpath(QStringLiteral("occupied/inside")));
        QFile file(tmp.filePath(QStringLiteral("file.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QStringList before = QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        NewWorkspaceDialog dialog(parent.isEmpty() ? tmp.path() : tmp.filePath(parent));
        dialog.show();
        auto* nameEdit = dialog.findChild<QLineEdit*>(QStringLiteral("name"));
        nameEdit->setText(name); // a tab cannot be typed into a line edit
        auto* create = dialog.findChild<QPushButton*>(QStringLiteral("create"));
        QVERIFY(!create->isEnabled());
        const QString shown = dialog.findChild<QLabel*>(QStringLiteral("problem"))->text();
        QVERIFY2(shown.contains(problem), qPrintable(shown));
        dialog.accept(); // even when forced, nothing is created
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.createdDir().isEmpty());
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
        QVERIFY(QDir(tmp.filePath(QStringLiteral("occupied"))).entryList(QDir::Files).isEmpty());
    }

    void theMainWindowOpensWhatItCreated()
    {
        QTemporaryDir tmp, config;
        qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit()); // recent list and geometry of this test only
        QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("current")));
        tb::ui::MainWindow window;
        QVERIFY(window.openWorkspace(tmp.filePath(QStringLiteral("current"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        NewWorkspaceDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<NewWorkspaceDialog*>()) != nullptr && dialog->isVisible());
        // Proposed next to the open workspace.
        QCOMPARE(QDir::fromNativeSeparators(dialog->findChild<QLineEdit*>(QStringLiteral("parentDir"))->text()),
                 tmp.path());
        typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("name")), QStringLiteral("next"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("create")), Qt::LeftButton);
        QTRY_COMPARE(window.workspace().dir(), tmp.filePath(QStringLiteral("next")));
        QTRY_VERIFY(window.findChild<NewWorkspaceDialog*>() == nullptr); // closed and deleted
    }

    void anEmptyFolderCanBecomeAWorkspace()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("empty")));
        NewWorkspaceDialog dialog(tmp.path());
        dialog.findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("empty"));
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("create"))->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!tb::core::Workspace(dialog.createdDir()).id().isEmpty());
    }
};

QTEST_MAIN(TestNewWorkspace)
#include "tst_newworkspace.moc"

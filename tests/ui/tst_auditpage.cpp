// The console's audit page, offscreen, with real clicks and keys: the audit trail of a demo target with filters
// and before / after images, "Verify" on an intact and on a tampered trail (the damaged entry selected), and
// mapping change control — signatures and differences of a revision, approve and reject through the sign dialog
// (user id and passphrase every time; the author's own approval refused; a wrong passphrase keeps the dialog
// open; a rejection needs a reason), each act in the database and in the trail.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "audit/AuditPage.h"
#include "audit/AuditTrailModel.h"
#include "audit/AuditTrailPanel.h"
#include "audit/RevisionsPanel.h"
#include "changecontrol/MappingRevisionModel.h"
#include "designer/MappingsPage.h"
#include "esign/SignDialog.h"
#include "secrets/WorkspaceSecrets.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb;
using test::runCli;

namespace {

constexpr int Wait = 30000;
const QByteArray kPassphrase = "correct horse battery";

} // namespace

class TestAuditPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void trailShowsEveryEntry();
    void filtersNarrowTheEntries_data();
    void filtersNarrowTheEntries();
    void selectedEntryShowsBeforeAndAfter();
    void revisionShowsSignaturesAndDifferences();
    void authorCannotApproveOwnRevision();
    void wrongPassphraseKeepsTheDialogOpen();
    void rejectionNeedsAReason();
    void mappingsPageShowsTheRevisionState();
    void exportsTheReport_data();
    void exportsTheReport();
    void exportCanBeCanceled();
    void verifyFindsTheDamagedEntry();

private:
    qint64 scalar(const QString& sql) { return test::scalar(m_db, sql); }
    ui::SignDialog* openSignDialog(const QString& action);
    void sign(ui::SignDialog* dialog, const QString& user, const QByteArray& passphrase, const QString& comment = {});

    QTemporaryDir m_tmp;
    QString m_ws, m_db;
    std::unique_ptr<ui::WorkspaceSecrets> m_secrets;
    std::unique_ptr<ui::AuditPage> m_page;
};

void TestAuditPage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridgeTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(QStringLiteral("settings")));
    test::useTestVault(m_tmp.filePath(QStringLiteral("vault")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    m_db = QDir(m_ws).filePath(QStringLiteral("ctms.db"));
    auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"), QStringLiteral("20")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("run"), QDir(m_ws).filePath(QStringLiteral("demo.pipeline.json"))});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
    for (const QStringList& u : {QStringList{QStringLiteral("alee"), QStringLiteral("Ann Lee"), QStringLiteral("analyst")},
                                 QStringList{QStringLiteral("jdoe"), QStringLiteral("Jane Doe"), QStringLiteral("qa")}}) {
        r = runCli({QStringLiteral("user"), QStringLiteral("create"), u[0], QStringLiteral("--name"), u[1], QStringLiteral("--role"), u[2],
                    QStringLiteral("--workspace"), m_ws},
                   {}, kPassphrase + "\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    r = runCli({QStringLiteral("mapping"), QStringLiteral("submit"), QDir(m_ws).filePath(QStringLiteral("visits.mapping.json")),
                QStringLiteral("--target"), m_db, QStringLiteral("--workspace"), m_ws},
               {}, "alee\n" + kPassphrase + "\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());

    m_secrets = std::make_unique<ui::WorkspaceSecrets>(nullptr);
    m_secrets->open(core::Workspace(m_ws));
    QTRY_VERIFY_WITH_TIMEOUT(m_secrets->state() != ui::WorkspaceSecrets::State::Opening, Wait);
    QCOMPARE(m_secrets->state(), ui::WorkspaceSecrets::State::Open);
    m_page = std::make_unique<ui::AuditPage>();
    m_page->setSecrets(m_secrets.get());
    m_page->setWorkspace(m_ws, {m_db});
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestAuditPage::cleanupTestCase()
{
    m_page.reset();
    m_secrets.reset();
}

void TestAuditPage::trailShowsEveryEntry()
{
    core::AuditTrailModel* model = m_page->trail()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(qint64(model->rowCount()), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
    QVERIFY(!model->truncated());
    // The author's submission is there, with the printed name from the workspace's users.
    const int last = model->rowCount() - 1;
    QCOMPARE(model->entry(last).entity, QStringLiteral("esignature"));
    QVERIFY2(model->data(model->index(last, core::AuditTrailModel::Changes), Qt::DisplayRole).toString().contains(QStringLiteral("Ann Lee")),
             qPrintable(model->entry(last).signature));

    // A long trail shows its latest entries and says how many there are.
    core::AuditTrailModel latest;
    QString error;
    QVERIFY2(latest.load(m_db, {}, {}, 10, &error), qPrintable(error));
    QCOMPARE(latest.rowCount(), 10);
    QVERIFY(latest.truncated());
    QCOMPARE(latest.matched(), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
    QCOMPARE(latest.entry(9).seq, scalar(QStringLiteral("SELECT MAX(seq) FROM audit_log")));
    QCOMPARE(latest.entry(0).seq, scalar(QStringLiteral("SELECT MAX(seq) - 9 FROM audit_log")));
}

void TestAuditPage::filtersNarrowTheEntries_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("where");
    QTest::newRow("subject") << QStringLiteral("101-00001") << QString() << QStringLiteral("subject_id = '101-00001'");
    QTest::newRow("entity") << QString() << QStringLiteral("visit") << QStringLiteral("entity = 'visit'");
    QTest::newRow("both") << QStringLiteral("101-00002") << QStringLiteral("adverse_event")
                          << QStringLiteral("subject_id = '101-00002' AND entity = 'adverse_event'");
    QTest::newRow("sql-looking") << QStringLiteral("x' OR '1'='1") << QString() << QStringLiteral("0");
}

void TestAuditPage::filtersNarrowTheEntries()
{
    QFETCH(QString, subject);
    QFETCH(QString, entity);
    QFETCH(QString, where);
    ui::AuditTrailPanel* trail = m_page->trail();
    QComboBox* entities = trail->entityFilter();
    entities->setCurrentIndex(entity.isEmpty() ? 0 : entities->findData(entity));
    QLineEdit* field = trail->subjectFilter();
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, subject.isEmpty() ? QStringLiteral(" ") : subject);
    if (subject.isEmpty())
        QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(qint64(trail->model()->rowCount()), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE %1").arg(where)));
    if (where != QLatin1String("0"))
        QVERIFY(trail->model()->rowCount() > 0);
    // Back to everything.
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    entities->setCurrentIndex(0);
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(qint64(trail->model()->rowCount()), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")));
}

void TestAuditPage::selectedEntryShowsBeforeAndAfter()
{
    ui::AuditTrailPanel* trail = m_page->trail();
    QTableView* table = trail->entryTable();
    // The first subject insert: every field after, nothing before (the key is in the Key column).
    const qint64 seq = scalar(QStringLiteral("SELECT MIN(seq) FROM audit_log WHERE entity = 'subject'"));
    const int row = trail->model()->rowOfSeq(seq);
    QVERIFY(row >= 0);
    table->scrollTo(trail->model()->index(row, 0));
    const QRect cell = table->visualRect(trail->model()->index(row, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(table->currentIndex().row(), row);
    QTableWidget* images = trail->imageTable();
    QCOMPARE(qint64(images->rowCount()),
             scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log, json_each(audit_log.after_json) WHERE seq = %1").arg(seq)));
    bool sawSite = false;
    for (int i = 0; i < images->rowCount(); ++i) {
        QVERIFY(images->item(i, 1)->text().isEmpty());
        if (images->item(i, 0)->text() == QLatin1String("site_id")) {
            sawSite = true;
            QCOMPARE(qint64(1), scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE seq = %1 AND json_extract(after_json, "
                                                      "'$.site_id') = '%2'")
                                           .arg(seq)
                                           .arg(images->item(i, 2)->text())));
        }
    }
    QVERIFY(sawSite);
}

ui::SignDialog* TestAuditPage::openSignDialog(const QString& action)
{
    ui::RevisionsPanel* panel = m_page->revisions();
    QPushButton* button = panel->button(action);
    if (!button || !button->isEnabled())
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    ui::SignDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = panel->findChild<ui::SignDialog*>();
        return dialog && dialog->isVisible();
    }, Wait);
    return shown ? dialog : nullptr;
}

void TestAuditPage::sign(ui::SignDialog* dialog, const QString& user, const QByteArray& passphrase, const QString& comment)
{
    QTest::keyClicks(dialog->userField(), user);
    QTest::keyClicks(dialog->passphraseField(), QString::fromUtf8(passphrase));
    if (!comment.isEmpty())
        QTest::keyClicks(dialog->commentField(), comment);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void TestAuditPage::revisionShowsSignaturesAndDifferences()
{
    m_page->tabs()->setCurrentWidget(m_page->revisions());
    ui::RevisionsPanel* panel = m_page->revisions();
    core::MappingRevisionModel* model = panel->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 1);
    QTableView* table = panel->revisionTable();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model->index(0, 0)).center());
    QCOMPARE(model->revision(0).mapping, QStringLiteral("demo-edc-visits"));
    QTableWidget* sigs = panel->signatureTable();
    QCOMPARE(sigs->rowCount(), 1);
    QCOMPARE(sigs->item(0, 1)->text(), QStringLiteral("authored"));
    QCOMPARE(sigs->item(0, 2)->text(), QStringLiteral("Ann Lee (alee)"));
    // A first revision: everything in it is new.
    QTableWidget* diff = panel->diffTable();
    QVERIFY(diff->rowCount() > 5);
    QStringList paths;
    for (int i = 0; i < diff->rowCount(); ++i)
        paths << diff->item(i, 1)->text();
    QVERIFY2(paths.contains(QStringLiteral("fields.visit_date.transforms[0].date.format")), qPrintable(paths.join(QLatin1Char(' '))));
    // Filled after the page was shown: the last column still takes the rest of the width, and a cell cut
    // short by its column shows all of its text as a tool tip.
    const int lastSig = sigs->columnCount() - 1;
    QCOMPARE(sigs->horizontalHeader()->sectionViewportPosition(lastSig) +
                 sigs->horizontalHeader()->sectionSize(lastSig),
             sigs->viewport()->width());
    for (QTableWidget* t : {sigs, diff})
        for (int c = 0; c < t->columnCount(); ++c)
            QCOMPARE(t->item(0, c)->toolTip(), t->item(0, c)->text());
    QVERIFY(panel->button(QStringLiteral("approve"))->isEnabled());
    QVERIFY(!panel->button(QStringLiteral("retire"))->isEnabled());
}

void TestAuditPage::authorCannotApproveOwnRevision()
{
    ui::SignDialog* dialog = openSignDialog(QStringLiteral("approve"));
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("signStatement"))->text().contains(QStringLiteral("visits.mapping.json")));
    const qint64 signatures = scalar(QStringLiteral("SELECT COUNT(*) FROM esignature"));
    sign(dialog, QStringLiteral("alee"), kPassphrase);
    QLabel* message = m_page->revisions()->message();
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("must come from another user")), Wait);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature")), signatures);
    QCOMPARE(m_page->revisions()->model()->revision(0).state, core::MappingRevision::State::InReview);
}

void TestAuditPage::wrongPassphraseKeepsTheDialogOpen()
{
    QTableView* table = m_page->revisions()->revisionTable();
    table->selectRow(0);
    ui::SignDialog* dialog = openSignDialog(QStringLiteral("approve"));
    QVERIFY(dialog);
    sign(dialog, QStringLiteral("jdoe"), "not the passphrase");
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->error().isEmpty(), Wait);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->passphraseField()->text().isEmpty()); // never kept
    QTest::keyClicks(dialog->passphraseField(), QString::fromUtf8(kPassphrase));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->revisions()->message()->text().contains(QStringLiteral("Jane Doe")), Wait);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM mapping_revision WHERE state = 'approved' AND mapping = 'demo-edc-visits'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature WHERE meaning = 'approved' AND signer_id = 'jdoe'")), 1);
    core::MappingRevisionModel* model = m_page->revisions()->model();
    QCOMPARE(model->revision(0).state, core::MappingRevision::State::Approved);
    QCOMPARE(m_page->revisions()->signatureTable()->rowCount(), 2);
    // The act is in the trail the page shows.
    core::AuditTrailModel* trail = m_page->trail()->model();
    QCOMPARE(trail->entry(trail->rowCount() - 1).entity, QStringLiteral("mapping_revision"));
    QVERIFY(m_page->revisions()->button(QStringLiteral("retire"))->isEnabled());
}

void TestAuditPage::rejectionNeedsAReason()
{
    ui::RevisionsPanel* panel = m_page->revisions();
    QVERIFY(panel->button(QStringLiteral("submit"))->isEnabled());
    panel->submit(QDir(m_ws).filePath(QStringLiteral("subjects.mapping.json")));
    ui::SignDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = panel->findChild<ui::SignDialog*>()) && dialog->isVisible(), Wait);
    sign(dialog, QStringLiteral("alee"), kPassphrase);
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, Wait);
    const int row = panel->model()->rowOf(QStringLiteral("demo-edc-subjects"), 1);
    QVERIFY(row >= 0);
    panel->revisionTable()->selectRow(row);

    dialog = openSignDialog(QStringLiteral("reject"));
    QVERIFY(dialog);
    sign(dialog, QStringLiteral("jdoe"), kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->error().contains(QStringLiteral("reason")), Wait);
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->passphraseField(), QString::fromUtf8(kPassphrase));
    QTest::keyClicks(dialog->commentField(), QStringLiteral("the consent date is missing"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT COUNT(*) FROM mapping_revision WHERE state = 'rejected'")), qint64(1), Wait);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature WHERE meaning = 'rejected' AND comment = 'the consent date is missing'")),
             1);
}

// Where a signed mapping is shown, its signatures are too.
void TestAuditPage::mappingsPageShowsTheRevisionState()
{
    ui::MappingsPage page;
    page.setWorkspace(core::Workspace(m_ws));
    QVERIFY(page.selectMapping(QStringLiteral("visits.mapping.json")));
    const QString visits = page.revisionStatus()->text();
    QVERIFY2(visits.contains(QStringLiteral("demo-edc-visits revision 1: approved")) && visits.contains(QStringLiteral("Ann Lee (alee)"))
                 && visits.contains(QStringLiteral("approved by Jane Doe (jdoe)")),
             qPrintable(visits));
    QVERIFY(page.selectMapping(QStringLiteral("adverse_events.mapping.json")));
    QVERIFY2(page.revisionStatus()->text().contains(QStringLiteral("draft")), qPrintable(page.revisionStatus()->text()));
}

void TestAuditPage::exportsTheReport_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("pdf") << QStringLiteral("audit.pdf");
    QTest::newRow("csv") << QStringLiteral("audit.csv");
}

// The report of what the filters select, written off the GUI thread: the approval just made is in it.
void TestAuditPage::exportsTheReport()
{
    QFETCH(QString, file);
    ui::AuditTrailPanel* trail = m_page->trail();
    trail->entityFilter()->setCurrentIndex(trail->entityFilter()->findData(QStringLiteral("mapping_revision")));
    const QString path = m_tmp.filePath(file);
    QSignalSpy done(trail, &ui::AuditTrailPanel::exportFinished);
    trail->exportTo(path);
    QVERIFY(done.wait(Wait));
    const qint64 entries = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'mapping_revision'"));
    QVERIFY2(trail->countLine()->text().startsWith(QStringLiteral("%1 entries written").arg(entries)), qPrintable(trail->countLine()->text()));
    QByteArray text;
    if (file.endsWith(QLatin1String(".pdf"))) {
        QProcess p;
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils) is needed");
        p.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(Wait));
        text = p.readAllStandardOutput();
        QVERIFY2(text.contains("intact"), text.constData());
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        text = f.readAll();
    }
    QVERIFY2(text.contains("in_review") && text.contains("approved") && text.contains("demo-edc-visits"), text.constData());
    trail->entityFilter()->setCurrentIndex(0);
}

// While the report is written the page shows its progress and a Cancel button; a click on it stops the export and
// no file is left.
void TestAuditPage::exportCanBeCanceled()
{
    ui::AuditTrailPanel* trail = m_page->trail();
    m_page->tabs()->setCurrentWidget(trail);
    QCOMPARE(trail->entityFilter()->currentIndex(), 0); // the whole trail: long enough to be canceled under way
    QVERIFY(!trail->exportProgress()->isVisible() && !trail->cancelExportButton()->isVisible());
    const QString path = m_tmp.filePath(QStringLiteral("canceled.pdf"));
    QSignalSpy done(trail, &ui::AuditTrailPanel::exportFinished);
    trail->exportTo(path);
    QVERIFY(trail->exportProgress()->isVisible());
    QVERIFY(trail->cancelExportButton()->isVisible() && trail->cancelExportButton()->isEnabled());
    QTest::mouseClick(trail->cancelExportButton(), Qt::LeftButton);
    QVERIFY(!trail->cancelExportButton()->isEnabled());
    QVERIFY(done.wait(Wait));
    QCOMPARE(trail->countLine()->text(), path + QStringLiteral(": export canceled \u2014 no file was written"));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!trail->exportProgress()->isVisible() && !trail->cancelExportButton()->isVisible());

    // Not canceled, the same export fills the bar on its way.
    QSignalSpy progress(trail->exportProgress(), &QProgressBar::valueChanged);
    trail->exportTo(path);
    QVERIFY(done.wait(Wait));
    QVERIFY2(trail->countLine()->text().contains(QStringLiteral("entries written")), qPrintable(trail->countLine()->text()));
    QVERIFY(QFile::exists(path));
    QVERIFY(progress.size() > 3);
    QVERIFY(progress.last().at(0).toInt() >= 90);
}

void TestAuditPage::verifyFindsTheDamagedEntry()
{
    m_page->tabs()->setCurrentWidget(m_page->trail());
    ui::AuditTrailPanel* trail = m_page->trail();
    auto* verify = trail->findChild<QPushButton*>(QStringLiteral("auditVerify"));
    QTest::mouseClick(verify, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(trail->verifyResult()->text().startsWith(QStringLiteral("Intact")), Wait);

    const qint64 seq = scalar(QStringLiteral("SELECT MIN(seq) FROM audit_log WHERE entity = 'visit'")) + 3;
    QString error;
    QVERIFY2(test::tamper(m_db, {QStringLiteral("UPDATE audit_log SET after_json = replace(after_json, '2025', '2024') WHERE seq = %1").arg(seq)},
                          &error),
             qPrintable(error));
    QTest::mouseClick(verify, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(trail->verifyResult()->text().startsWith(QStringLiteral("BROKEN")), Wait);
    QVERIFY2(trail->verifyResult()->text().contains(QString::number(seq)), qPrintable(trail->verifyResult()->text()));
    QCOMPARE(trail->model()->entry(trail->entryTable()->currentIndex().row()).seq, seq);
}

QTEST_MAIN(TestAuditPage)
#include "tst_auditpage.moc"

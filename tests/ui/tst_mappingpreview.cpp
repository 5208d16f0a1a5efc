// The designer's live preview, driven like a user drives it (offscreen): a generated demo workspace (every
// subject with one seeded defect) is loaded by trialbridge-cli, then its visits mapping is opened on the
// Mappings page. The preview's cells equal the rows the run loaded; the seeded defects are highlighted with
// their messages; edits made with the mouse and keys (delete a link, drag a link, remove a key field's link)
// update the preview, and undo restores it exactly. A paused preview follows no edit until it is resumed.
// PreviewModel runs under QAbstractItemModelTester throughout.

#include "TestSupport.h"
#include "designer/DesignerScene.h"
#include "designer/FieldItem.h"
#include "designer/LinkItem.h"
#include "designer/MappingDesigner.h"
#include "designer/MappingsPage.h"
#include "designer/PreviewModel.h"
#include "designer/PreviewPanel.h"
#include "mapping/MappingModel.h"
#include "workspace/DemoStudyGenerator.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QGraphicsView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QSettings>
#include <QtTest>

#include <memory>

using namespace tb;
using ui::MappingDesigner;
using ui::PreviewModel;
using ui::PreviewPanel;

namespace {

QPoint centerOf(MappingDesigner& d, QGraphicsItem* item)
{
    return d.view()->mapFromScene(item->sceneBoundingRect().center());
}

void drag(MappingDesigner& d, QPoint from, QPoint to)
{
    QWidget* vp = d.view()->viewport();
    QTest::mousePress(vp, Qt::LeftButton, {}, from);
    constexpr int Steps = 8;
    for (int i = 1; i <= Steps; ++i)
        QTest::mouseMove(vp, from + (to - from) * i / Steps);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
}

// Every cell of the preview as text, rows by line: what "the preview is the same again" compares.
QStringList snapshot(const PreviewModel& m)
{
    QStringList out{m.result().fields.join(QLatin1Char('|'))};
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList cells{m.headerData(r, Qt::Vertical).toString()};
        for (int c = 0; c < m.columnCount(); ++c)
            cells << m.index(r, c).data().toString() + QLatin1Char('#') +
                         m.index(r, c).data(Qt::ToolTipRole).toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

} // namespace

class TestMappingPreview : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void previewEqualsWhatTheRunLoads_data();
    void previewEqualsWhatTheRunLoads();
    void seededDefectsAreHighlightedWithTheirMessage_data();
    void seededDefectsAreHighlightedWithTheirMessage();
    void deletingALinkUpdatesThePreviewAndUndoRestoresIt();
    void draggedLinkMakesInvalidValuesVisible();
    void unplannableMappingShowsWhyNamingTheField();
    void pausedPreviewFollowsNoEdit();
    void openButtonUsesThePipelinesStudy_data();
    void openButtonUsesThePipelinesStudy();
    void openButtonNamesABrokenFile();

private:
    bool waitForPreview();
    int rowOfLine(qint64 line) const;
    QString cell(int row, const QString& field) const;

    QTemporaryDir m_tmp;
    QString m_ws;
    QHash<QString, QStringList> m_loaded; // "subject|visit_code" → the visit row the CLI loaded
    QJsonArray m_defects;
    std::unique_ptr<ui::MappingsPage> m_page;
    MappingDesigner* m_designer = nullptr;
    PreviewPanel* m_panel = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

const QStringList LoadedFields{QStringLiteral("study_id"),   QStringLiteral("subject_id"),
                               QStringLiteral("visit_code"), QStringLiteral("visit_name"),
                               QStringLiteral("visit_date"), QStringLiteral("status")};

void TestMappingPreview::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    test::useTestVault(m_tmp.path());
    // The preview's row count comes from the settings: this test's own, empty, so the default of 50.
    QCoreApplication::setOrganizationName(QStringLiteral("TrialBridgeTest"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_tmp.filePath(QStringLiteral("settings")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    // Eight subjects, five with one defect each (one of every class), three clean.
    core::DemoStudyGenerator gen({8, 2, 5, 0.6});
    QString error;
    QVERIFY2(gen.write(m_ws, &error), qPrintable(error));
    m_defects = gen.defects();
    QCOMPARE(m_defects.size(), 5);
    // Exit 3: loaded, with rejects (the seeded defects).
    const auto run = test::runCli({QStringLiteral("run"), m_ws + QStringLiteral("/demo.pipeline.json")});
    QVERIFY2(run.exitCode == 3, qPrintable(QString::number(run.exitCode) + QLatin1Char(' ') + run.err));
    const QStringList rows =
        test::queryRows(m_ws + QStringLiteral("/ctms.db"),
                        QStringLiteral("SELECT %1 FROM visit").arg(LoadedFields.join(QLatin1Char(','))));
    for (const QString& r : rows) {
        const QStringList v = r.split(QLatin1Char('|'));
        QCOMPARE(v.size(), LoadedFields.size());
        m_loaded.insert(v[1] + QLatin1Char('|') + v[2], v);
    }
    QVERIFY(m_loaded.size() >= 8);
}

void TestMappingPreview::init()
{
    m_page = std::make_unique<ui::MappingsPage>();
    m_page->resize(1280, 900);
    m_designer = m_page->designer();
    m_panel = m_designer->previewPanel();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_panel->previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // Delete and Ctrl+Z are the designer's shortcuts: they need the active window.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->setWorkspace(core::Workspace(m_ws));
    QVERIFY(m_page->selectMapping(QStringLiteral("visits.mapping.json")));
    QCOMPARE(QFileInfo(m_designer->sampleFile()).fileName(), QStringLiteral("visits.csv"));
    // Enough records for every subject: typed into the spin box.
    QSpinBox* limit = m_panel->limitBox();
    limit->setFocus();
    limit->selectAll();
    QTest::keyClicks(limit, QStringLiteral("200"));
    QTest::keyClick(limit, Qt::Key_Return);
    QCOMPARE(limit->value(), 200);
    QVERIFY(waitForPreview());
}

void TestMappingPreview::cleanup()
{
    m_tester.reset();
    m_page.reset();
}

bool TestMappingPreview::waitForPreview()
{
    return QTest::qWaitFor([this] { return m_panel->shownGeneration() == m_panel->generation(); }, 10000);
}

int TestMappingPreview::rowOfLine(qint64 line) const
{
    const auto& rows = m_panel->previewModel()->result().rows;
    for (int r = 0; r < rows.size(); ++r)
        if (rows[r].source.line == line)
            return r;
    return -1;
}

QString TestMappingPreview::cell(int row, const QString& field) const
{
    // The value as it would be loaded.
    const PreviewModel* m = m_panel->previewModel();
    return m->result().rows[row].cells[m->columnOf(field)].value;
}

void TestMappingPreview::previewEqualsWhatTheRunLoads_data()
{
    QTest::addColumn<QString>("field");
    for (const QString& f : LoadedFields)
        QTest::newRow(qPrintable(f)) << f;
}

void TestMappingPreview::previewEqualsWhatTheRunLoads()
{
    QFETCH(QString, field);
    const PreviewModel* m = m_panel->previewModel();
    QVERIFY(!m_panel->isShowingError());
    QCOMPARE(m->result().fields, LoadedFields);
    QVERIFY(m->rowCount() > 40);
    QVERIFY(m->rowCount() < 200); // the whole sample
    QCOMPARE(m_panel->statusLabel()->text(), m->statusText());
    QVERIFY(m->statusText().startsWith(QStringLiteral("%1 records, ").arg(m->rowCount())));
    int compared = 0;
    for (int r = 0; r < m->rowCount(); ++r) {
        const auto it = m_loaded.constFind(cell(r, QStringLiteral("subject_id")) + QLatin1Char('|') +
                                           cell(r, QStringLiteral("visit_code")));
        if (it == m_loaded.constEnd())
            continue;
        QCOMPARE(cell(r, field), it->at(int(LoadedFields.indexOf(field))));
        // A loaded record is clean in the preview too.
        QVERIFY2(!m->result().rows[r].hasError(),
                 qPrintable(m->headerData(r, Qt::Vertical, Qt::ToolTipRole).toString()));
        ++compared;
    }
    QCOMPARE(compared, m_loaded.size());
}

void TestMappingPreview::seededDefectsAreHighlightedWithTheirMessage_data()
{
    QTest::addColumn<QString>("defect");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("invalid date") << "invalid_date"
                                  << "visit_date"
                                  << "is not a valid date";
    QTest::newRow("out of window") << "out_of_window"
                                   << "visit_date"
                                   << "window";
    QTest::newRow("unmapped code") << "unmapped_code"
                                   << "status"
                                   << "DONE?";
    // The subject's site is unknown, so its visits' site times cannot be converted.
    QTest::newRow("unknown site") << "unknown_site"
                                  << "visit_date"
                                  << "site is not known";
    // A record-level problem: the row's header is marked, its tool tip says why.
    QTest::newRow("duplicate row") << "duplicate_row" << QString() << "appears twice";
}

void TestMappingPreview::seededDefectsAreHighlightedWithTheirMessage()
{
    QFETCH(QString, defect);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QJsonObject d;
    for (const QJsonValue& v : m_defects)
        if (v[QLatin1String("class")].toString() == defect)
            d = v.toObject();
    QVERIFY(!d.isEmpty());
    const PreviewModel* m = m_panel->previewModel();
    int row = -1;
    if (d[QLatin1String("entity")].toString() == QLatin1String("visit")) {
        row = rowOfLine(d[QLatin1String("line")].toInteger());
    } else {
        // The subject's first visit (never a missed one).
        for (int r = 0; r < m->rowCount() && row < 0; ++r)
            if (cell(r, QStringLiteral("subject_id")) == d[QLatin1String("subject")].toString())
                row = r;
    }
    if (field.isEmpty()) {
        row = rowOfLine(d[QLatin1String("line")].toInteger() + 1); // the repeated row follows the first
        QVERIFY(row >= 0);
        QCOMPARE(m->headerData(row, Qt::Vertical, Qt::BackgroundRole).value<QColor>(),
                 PreviewModel::errorColor());
        const QString tip = m->headerData(row, Qt::Vertical, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(message), qPrintable(tip));
        QVERIFY(
            tip.startsWith(QStringLiteral("visits.csv:%1").arg(d[QLatin1String("line")].toInteger() + 1)));
        QCOMPARE(m->headerData(row - 1, Qt::Vertical, Qt::BackgroundRole), QVariant());
        return;
    }
    QVERIFY(row >= 0);
    const QModelIndex index = m->index(row, m->columnOf(field));
    QCOMPARE(index.data(Qt::BackgroundRole).value<QColor>(), PreviewModel::errorColor());
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(message), qPrintable(tip));
    // The other cells of the row are plain.
    QCOMPARE(m->index(row, m->columnOf(QStringLiteral("visit_name"))).data(Qt::BackgroundRole), QVariant());
    QVERIFY(m->result().invalidCells >= 1);
    QVERIFY(m_panel->statusLabel()->text().contains(
        QStringLiteral("%1 invalid cells").arg(m->result().invalidCells)));
}

void TestMappingPreview::deletingALinkUpdatesThePreviewAndUndoRestoresIt()
{
    const QStringList before = snapshot(*m_panel->previewModel());
    ui::DesignerScene* scene = m_designer->scene();
    const int id = m_designer->model()->findLink(QStringLiteral("VISIT_NAME"), QStringLiteral("visit_name"));
    ui::LinkItem* link = scene->linkItem(id);
    QVERIFY(link);
    QGraphicsView* view = m_designer->view();
    view->ensureVisible(link);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(link->path().pointAtPercent(0.5)));
    QVERIFY(link->isSelected());
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!m_designer->model()->hasLink(id));
    // The field is no longer written: its column leaves the preview, the other values stay.
    QTRY_VERIFY(!m_panel->previewModel()->result().fields.contains(QStringLiteral("visit_name")));
    QVERIFY(waitForPreview());
    QCOMPARE(m_panel->previewModel()->rowCount(), int(before.size()) - 1);
    QCOMPARE(cell(0, QStringLiteral("visit_code")), QStringLiteral("V1"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_designer->model()->hasLink(id));
    QTRY_COMPARE(snapshot(*m_panel->previewModel()), before);
}

void TestMappingPreview::draggedLinkMakesInvalidValuesVisible()
{
    const QStringList before = snapshot(*m_panel->previewModel());
    ui::DesignerScene* scene = m_designer->scene();
    QGraphicsView* view = m_designer->view();
    // Status from the visit name instead: its value map (unmapped: reject) knows none of the names.
    const int status =
        m_designer->model()->findLink(QStringLiteral("VISIT_STATUS"), QStringLiteral("status"));
    ui::LinkItem* link = scene->linkItem(status);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(link->path().pointAtPercent(0.5)));
    QVERIFY(link->isSelected());
    QTest::keyClick(view, Qt::Key_Delete);
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("VISIT_NAME"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("status"))));
    QVERIFY(m_designer->model()->findLink(QStringLiteral("VISIT_NAME"), QStringLiteral("status")));
    const PreviewModel* m = m_panel->previewModel();
    const auto everyStatusInvalid = [&] {
        const int c = m->columnOf(QStringLiteral("status"));
        if (c < 0 || m->rowCount() == 0)
            return false;
        for (const core::MappingPreview::Row& r : m->result().rows)
            if (!r.cells[c].hasIssue || r.cells[c].severity != core::ValidationIssue::Severity::Error)
                return false;
        return true;
    };
    QTRY_VERIFY(everyStatusInvalid());
    QVERIFY(waitForPreview());
    const QModelIndex first = m->index(0, m->columnOf(QStringLiteral("status")));
    // Shown as the source has it, in italics; loaded as nothing.
    QCOMPARE(first.data().toString(), QStringLiteral("SCREENING"));
    QVERIFY(first.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(m->result().rows[0].cells[first.column()].value.isNull());
    QCOMPARE(first.data(Qt::BackgroundRole).value<QColor>(), PreviewModel::errorColor());
    const QString tip = first.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("SCREENING")), qPrintable(tip));
    QVERIFY(m_panel->table()->isVisible());
    // Two undo steps (the drag, the removal) give the first preview back.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(snapshot(*m), before);
}

void TestMappingPreview::unplannableMappingShowsWhyNamingTheField()
{
    const QStringList before = snapshot(*m_panel->previewModel());
    ui::DesignerScene* scene = m_designer->scene();
    QGraphicsView* view = m_designer->view();
    const int subject =
        m_designer->model()->findLink(QStringLiteral("SUBJECT"), QStringLiteral("subject_id"));
    ui::LinkItem* link = scene->linkItem(subject);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(link->path().pointAtPercent(0.5)));
    QVERIFY(link->isSelected());
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_VERIFY(m_panel->isShowingError());
    QVERIFY(waitForPreview());
    QCOMPARE(m_panel->previewModel()->rowCount(), 0);
    const QString error = m_panel->errorLabel()->text();
    QVERIFY2(error.contains(
                 QLatin1String("visits.mapping.json: the key field 'subject_id' of visit is not mapped")),
             qPrintable(error));
    QVERIFY(m_panel->errorLabel()->isVisible());
    QVERIFY(!m_panel->table()->isVisible());
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(!m_panel->isShowingError());
    QTRY_COMPARE(snapshot(*m_panel->previewModel()), before);
}

void TestMappingPreview::pausedPreviewFollowsNoEdit()
{
    const QStringList before = snapshot(*m_panel->previewModel());
    QTest::mouseClick(m_panel->pauseBox(), Qt::LeftButton);
    QVERIFY(m_panel->pauseBox()->isChecked());
    QCOMPARE(m_panel->statusLabel()->text(), QStringLiteral("Paused"));
    m_designer->model()->removeLink(
        m_designer->model()->findLink(QStringLiteral("VISIT_NAME"), QStringLiteral("visit_name")));
    QTest::qWait(3 * PreviewPanel::DebounceMs);
    QVERIFY(m_panel->generation() > m_panel->shownGeneration()); // stale, and kept so
    QCOMPARE(snapshot(*m_panel->previewModel()), before);
    QTest::mouseClick(m_panel->pauseBox(), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->previewModel()->result().fields.contains(QStringLiteral("visit_name")));
    QVERIFY(waitForPreview());
    QVERIFY(m_panel->statusLabel()->text().endsWith(QLatin1String("invalid cells")));
}

void TestMappingPreview::openButtonUsesThePipelinesStudy_data()
{
    QTest::addColumn<bool>("inWorkspace");
    QTest::newRow("a mapping of the workspace") << true;
    QTest::newRow("a copy outside it") << false;
}

// The designer's own Open button: a mapping of the workspace opens as if picked from the list (its pipeline's
// study checks the preview, its step's source is the sample); a file from elsewhere opens alone, without a study
// or a sample, and the list selects nothing.
void TestMappingPreview::openButtonUsesThePipelinesStudy()
{
    QFETCH(bool, inWorkspace);
    QString path = m_ws + QStringLiteral("/subjects.mapping.json");
    if (!inWorkspace) {
        const QString elsewhere = m_tmp.filePath(QStringLiteral("elsewhere/subjects.mapping.json"));
        QVERIFY(QDir().mkpath(QFileInfo(elsewhere).absolutePath()));
        QFile::remove(elsewhere);
        QVERIFY(QFile::copy(path, elsewhere));
        path = elsewhere;
    }
    const QString noStudy = QStringLiteral("no study document");
    QVERIFY(!m_panel->notesLabel()->text().contains(noStudy)); // visits.mapping.json, from the list
    m_designer->openChosen(path);
    QCOMPARE(QFileInfo(m_designer->fileName()).canonicalFilePath(), QFileInfo(path).canonicalFilePath());
    QVERIFY(waitForPreview());
    if (inWorkspace) {
        QVERIFY2(!m_panel->isShowingError(), qPrintable(m_panel->errorLabel()->text()));
        QCOMPARE(m_page->mappingList()->currentItem()->text(), QStringLiteral("subjects.mapping.json"));
        QCOMPARE(QFileInfo(m_designer->sampleFile()).fileName(), QStringLiteral("subjects.csv"));
        QVERIFY2(!m_panel->notesLabel()->text().contains(noStudy), qPrintable(m_panel->notesLabel()->text()));
        QVERIFY(m_page->revisionStatus()->text().startsWith(QStringLiteral("Change control in ctms.db")));
    } else {
        QVERIFY(!m_page->mappingList()->currentItem());
        QVERIFY(m_designer->sampleFile().isEmpty());
        QVERIFY2(m_panel->errorLabel()->text().contains(QStringLiteral("no sample file")),
                 qPrintable(m_panel->errorLabel()->text()));
        QString error;
        QVERIFY2(m_designer->loadSample(m_ws + QStringLiteral("/edc/subjects.csv"), &error), qPrintable(error));
        // Without the pipeline's study its study parameters are unknown: the preview says which.
        QVERIFY(waitForPreview());
        QVERIFY2(m_panel->errorLabel()->text().contains(QStringLiteral("study parameter 'study_id'")),
                 qPrintable(m_panel->errorLabel()->text()));
        QVERIFY(m_page->revisionStatus()->text().isEmpty());
    }
    // Picking it in the list again opens it with its pipeline.
    QVERIFY(m_page->selectMapping(QStringLiteral("subjects.mapping.json")));
    QVERIFY(waitForPreview());
    QVERIFY(!m_panel->notesLabel()->text().contains(noStudy));
}

// A broken mapping chosen through the Open button: the page names the file and the place, and the mapping shown
// before stays as it was, with its pipeline's study.
void TestMappingPreview::openButtonNamesABrokenFile()
{
    const QString broken = test::writeFile(m_tmp.filePath(QStringLiteral("elsewhere")),
                                           QStringLiteral("broken.mapping.json"),
                                           R"({"format": "trialbridge.mapping/1", "name": 7})");
    const QString shown = m_designer->fileName();
    m_designer->openChosen(broken);
    QVERIFY(m_page->errorLabel()->isVisibleTo(m_page.get()));
    QVERIFY2(m_page->errorLabel()->text().contains(QStringLiteral("broken.mapping.json"))
                 && m_page->errorLabel()->text().contains(QStringLiteral("name")),
             qPrintable(m_page->errorLabel()->text()));
    QCOMPARE(m_designer->fileName(), shown);
    QVERIFY(m_page->mappingList()->currentItem());
    QCOMPARE(m_page->mappingList()->currentItem()->text(), QStringLiteral("visits.mapping.json"));
    QVERIFY(waitForPreview());
    QVERIFY(!m_panel->isShowingError());
    QVERIFY(!m_panel->notesLabel()->text().contains(QStringLiteral("no study document")));
}

QTEST_MAIN(TestMappingPreview)
#include "tst_mappingpreview.moc"

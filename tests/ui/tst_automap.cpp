// Auto-map in the designer, driven like a user drives it (offscreen): Ctrl+Shift+M opens the proposals for
// the CDISC pilot's SDTM SV columns, rows are accepted and rejected by clicks, "accept all above" makes one
// undo step, undo and redo restore each document exactly, and the saved file is compared with the expected
// text. Then a mapping made from nothing in the designer (real mouse drags plus auto-map) is saved into a
// workspace beside the pipeline and run unchanged by trialbridge-cli: the rows it loads are checked.

#include "DesignerTestSupport.h"
#include "TestSupport.h"
#include "designer/AutoMapDialog.h"
#include "designer/AutoMapModel.h"
#include "designer/DesignerScene.h"
#include "designer/FieldItem.h"
#include "designer/MappingDesigner.h"
#include "mapping/MappingDocument.h"
#include "mapping/MappingModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QGraphicsView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tb;
using ui::AutoMapModel;
using ui::MappingDesigner;

namespace {

const QByteArray SvMapping = R"({
  "format": "trialbridge.mapping/1", "name": "sdtm-sv", "revision": 1,
  "source": {"kind": "csv", "delimiter": ",", "nulls": ["NA", ""]},
  "target": {"entity": "visit"},
  "fields": {"study_id": {"param": "study_id"}}
})";

// What the designer saves after: subject_id accepted, visit_code rejected, visit_name accepted, then
// "accept all above 90 %" (visit_date). The CLI's format: sorted keys, four-space indents.
const QByteArray SavedSvMapping = R"({
    "fields": {
        "study_id": {
            "param": "study_id"
        },
        "subject_id": {
            "from": "USUBJID"
        },
        "visit_date": {
            "from": "SVSTDTC"
        },
        "visit_name": {
            "from": "VISIT"
        }
    },
    "format": "trialbridge.mapping/1",
    "name": "sdtm-sv",
    "revision": 1,
    "source": {
        "delimiter": ",",
        "encoding": "utf-8",
        "kind": "csv",
        "nulls": [
            "NA",
            ""
        ]
    },
    "target": {
        "entity": "visit"
    }
}
)";

// The mapping built from nothing in the designer for the pilot's visits.
const QByteArray GuiVisitsMapping = R"({
    "fields": {
        "study_id": {
            "from": "STUDYID"
        },
        "subject_id": {
            "from": "USUBJID"
        },
        "visit_code": {
            "from": "VISITNUM"
        },
        "visit_date": {
            "from": "SVSTDTC"
        },
        "visit_name": {
            "from": "VISIT"
        }
    },
    "format": "trialbridge.mapping/1",
    "name": "gui-visits",
    "revision": 1,
    "source": {
        "delimiter": ",",
        "encoding": "utf-8",
        "kind": "csv",
        "nulls": [
            "NA",
            ""
        ]
    },
    "target": {
        "entity": "visit"
    }
}
)";

QStringList linksOf(MappingDesigner& d)
{
    QStringList out;
    for (const core::MappingLink& l : d.model()->links())
        out << l.column + QStringLiteral(" -> ") + l.target;
    out.sort();
    return out;
}

QPoint centerOf(MappingDesigner& d, QGraphicsItem* item)
{
    return d.view()->mapFromScene(item->sceneBoundingRect().center());
}

void drag(MappingDesigner& d, QGraphicsItem* from, QGraphicsItem* to)
{
    QWidget* vp = d.view()->viewport();
    const QPoint a = centerOf(d, from), b = centerOf(d, to);
    QTest::mousePress(vp, Qt::LeftButton, {}, a);
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(vp, a + (b - a) * i / 8);
    QTest::mouseRelease(vp, Qt::LeftButton, {}, b);
}

void clickRow(QTableView* table, int row)
{
    const QRect r = table->visualRect(table->model()->index(row, AutoMapModel::SourceColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, r.center());
}

QStringList proposalRows(const AutoMapModel* m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r)
        out << QStringList{m->index(r, AutoMapModel::SourceColumn).data().toString(),
                           m->index(r, AutoMapModel::TargetColumn).data().toString(),
                           m->index(r, AutoMapModel::ConfidenceColumn).data().toString(),
                           m->index(r, AutoMapModel::ReasonColumn).data().toString(),
                           m->index(r, AutoMapModel::StateColumn).data().toString()}
                   .join(QStringLiteral(" | "));
    return out;
}

} // namespace

class TestAutoMap : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void acceptRejectUndoRedoAndSave();
    void nothingToProposeIsSaid();
    void rowsFollowUndoAndRedo();
    void mappingBuiltInTheGuiRunsWithTheCli();

private:
    // The SV mapping in the designer with the CDISC pilot's sv.csv as its sample, shown, the picture focused.
    static void openShown(MappingDesigner& d, const QString& mapping)
    {
        d.resize(1100, 720);
        QString error;
        QVERIFY2(d.openMapping(mapping, test::sharedDataPath(QStringLiteral("real/cdiscpilot01-sdtm/sv.csv")), &error),
                 qPrintable(error));
        d.show();
        QApplication::setActiveWindow(&d);
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.view()->setFocus();
    }

    QTemporaryDir m_tmp;
};

void TestAutoMap::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    test::useTestVault(m_tmp.path());
}

void TestAutoMap::acceptRejectUndoRedoAndSave()
{
    const QString mapping = test::writeFile(m_tmp.path(), QStringLiteral("sv.mapping.json"), SvMapping);
    MappingDesigner d;
    QString error;
    openShown(d, mapping);
    if (QTest::currentTestFailed())
        return;
    const QByteArray opened = test::currentDocument(d);

    QVERIFY(d.autoMapAction()->isEnabled());
    QVERIFY(!d.autoMapDialog());
    QTest::keyClick(d.view(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    ui::AutoMapDialog* dialog = d.autoMapDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    AutoMapModel* proposals = dialog->proposalModel();
    new QAbstractItemModelTester(proposals, QAbstractItemModelTester::FailureReportingMode::QtTest, proposals);
    // study_id is filled by a parameter: not proposed. The rest by confidence, then field order.
    QCOMPARE(proposalRows(proposals),
             (QStringList{"USUBJID | subject_id | 95 % | known synonym USUBJID | Proposed",
                          "VISITNUM | visit_code | 95 % | known synonym VISITNUM | Proposed",
                          "VISIT | visit_name | 95 % | known synonym VISIT | Proposed",
                          "SVSTDTC | visit_date | 95 % | known synonym SVSTDTC | Proposed"}));
    QCOMPARE(d.undoStack()->count(), 0);
    QCOMPARE(test::currentDocument(d), opened); // proposing changes nothing

    // Accept the first (selected), reject the next (selected after the accept), accept the third by click.
    QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
    QVERIFY(d.model()->findLink(QStringLiteral("USUBJID"), QStringLiteral("subject_id")));
    QCOMPARE(d.undoStack()->count(), 1);
    QCOMPARE(dialog->table()->currentIndex().row(), 1);
    QTest::mouseClick(dialog->rejectButton(), Qt::LeftButton);
    QVERIFY(!d.model()->findLink(QStringLiteral("VISITNUM"), QStringLiteral("visit_code")));
    QCOMPARE(d.undoStack()->count(), 1); // a rejection is no edit
    clickRow(dialog->table(), 2);
    QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
    QCOMPARE(d.undoStack()->count(), 2);
    QCOMPARE(proposals->index(0, AutoMapModel::StateColumn).data().toString(), QStringLiteral("Accepted"));
    QCOMPARE(proposals->index(1, AutoMapModel::StateColumn).data().toString(), QStringLiteral("Rejected"));
    QCOMPARE(proposals->index(2, AutoMapModel::StateColumn).data().toString(), QStringLiteral("Accepted"));
    // A decided row cannot be decided again.
    clickRow(dialog->table(), 1);
    QVERIFY(!dialog->acceptButton()->isEnabled());
    QVERIFY(!dialog->acceptProposal(1));
    QCOMPARE(linksOf(d), (QStringList{"USUBJID -> subject_id", "VISIT -> visit_name"}));
    const QByteArray twoAccepted = test::currentDocument(d);

    // Undo and redo, one accepted proposal per step, back to the exact documents.
    d.undoStack()->undo();
    QCOMPARE(linksOf(d), (QStringList{"USUBJID -> subject_id"}));
    d.undoStack()->undo();
    QCOMPARE(test::currentDocument(d), opened);
    d.undoStack()->redo();
    d.undoStack()->redo();
    QCOMPARE(test::currentDocument(d), twoAccepted);
    QVERIFY(d.scene()->linkItems().size() == 2);

    // "Accept all above 96 %": nothing left that high; at 90 % the last pending row, as one undo step.
    dialog->minimumConfidence()->setValue(96);
    QTest::mouseClick(dialog->acceptAllButton(), Qt::LeftButton);
    QCOMPARE(d.undoStack()->count(), 2);
    dialog->minimumConfidence()->setValue(90);
    QTest::mouseClick(dialog->acceptAllButton(), Qt::LeftButton);
    QCOMPARE(d.undoStack()->count(), 3);
    QCOMPARE(proposals->pendingCount(), 0);
    QVERIFY(!dialog->acceptAllButton()->isEnabled());
    QCOMPARE(linksOf(d), (QStringList{"SVSTDTC -> visit_date", "USUBJID -> subject_id", "VISIT -> visit_name"}));
    d.undoStack()->undo();
    QCOMPARE(test::currentDocument(d), twoAccepted);
    d.undoStack()->redo();

    // Save and compare the saved JSON with the expected document, byte for byte.
    const QString out = m_tmp.filePath(QStringLiteral("sv-saved.mapping.json"));
    QVERIFY2(d.saveAs(out, &error), qPrintable(error));
    QCOMPARE(test::readFile(out), SavedSvMapping);
    core::MappingDocument back;
    QVERIFY2(core::MappingDocument::load(out, &back, &error), qPrintable(error));

    // Opening auto-map again proposes only for what is still unmapped (visit_code: the rejected one).
    d.autoMapAction()->trigger();
    QCOMPARE(proposalRows(proposals), (QStringList{"VISITNUM | visit_code | 95 % | known synonym VISITNUM | Proposed"}));
    // Another document closes the proposals: they were for the old one.
    QVERIFY2(d.openMapping(mapping, {}, &error), qPrintable(error));
    QVERIFY(!dialog->isVisible());
}

// A row's "Accepted" is the mapping's state, not a memory of the click: undoing the link in the designer makes
// the row a proposal again (acceptable once more), redoing it accepts it again; a removed link likewise, and a
// rejection stays what the user said.
void TestAutoMap::rowsFollowUndoAndRedo()
{
    const QString mapping = test::writeFile(m_tmp.path(), QStringLiteral("undo.mapping.json"), SvMapping);
    MappingDesigner d;
    openShown(d, mapping);
    if (QTest::currentTestFailed())
        return;
    QTest::keyClick(d.view(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    ui::AutoMapDialog* dialog = d.autoMapDialog();
    QVERIFY(dialog);
    AutoMapModel* proposals = dialog->proposalModel();
    new QAbstractItemModelTester(proposals, QAbstractItemModelTester::FailureReportingMode::QtTest, proposals);
    const auto state = [proposals](int row) { return proposals->index(row, AutoMapModel::StateColumn).data().toString(); };

    QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton); // row 0: USUBJID → subject_id
    QTest::mouseClick(dialog->rejectButton(), Qt::LeftButton); // row 1
    QCOMPARE(state(0), QStringLiteral("Accepted"));
    QCOMPARE(state(1), QStringLiteral("Rejected"));
    QCOMPARE(proposals->pendingCount(), 2);

    // Undo with the designer's key: the link goes, the row is proposed again and can be accepted again.
    d.activateWindow();
    QApplication::setActiveWindow(&d);
    d.view()->setFocus();
    QTest::keyClick(d.view(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!d.model()->findLink(QStringLiteral("USUBJID"), QStringLiteral("subject_id")));
    QCOMPARE(state(0), QStringLiteral("Proposed"));
    QCOMPARE(state(1), QStringLiteral("Rejected"));
    QCOMPARE(proposals->pendingCount(), 3);
    clickRow(dialog->table(), 0);
    QVERIFY(dialog->acceptButton()->isEnabled());

    // Redo accepts it again.
    QApplication::setActiveWindow(&d);
    d.view()->setFocus();
    QTest::keyClick(d.view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(d.model()->findLink(QStringLiteral("USUBJID"), QStringLiteral("subject_id")));
    QCOMPARE(state(0), QStringLiteral("Accepted"));
    QVERIFY(!dialog->acceptButton()->isEnabled());

    // Removing the link in the picture does the same; accepting again is one more undo step.
    d.scene()->selectField(d.scene()->targetItem(QStringLiteral("subject_id")));
    QTest::keyClick(d.view(), Qt::Key_Delete);
    QCOMPARE(state(0), QStringLiteral("Proposed"));
    const int steps = d.undoStack()->count();
    QVERIFY(dialog->acceptProposal(0));
    QCOMPARE(d.undoStack()->count(), steps + 1);
    QCOMPARE(state(0), QStringLiteral("Accepted"));
    QCOMPARE(linksOf(d), (QStringList{"USUBJID -> subject_id"}));

    // "Accept all" and its undo: every row it accepted is proposed again.
    dialog->minimumConfidence()->setValue(90);
    QCOMPARE(dialog->acceptAllAbove(90), 2);
    QCOMPARE(state(2), QStringLiteral("Accepted"));
    QCOMPARE(state(3), QStringLiteral("Accepted"));
    d.undoStack()->undo();
    QCOMPARE(state(0), QStringLiteral("Accepted"));
    QCOMPARE(state(1), QStringLiteral("Rejected"));
    QCOMPARE(state(2), QStringLiteral("Proposed"));
    QCOMPARE(state(3), QStringLiteral("Proposed"));
}

void TestAutoMap::nothingToProposeIsSaid()
{
    const QString mapping = test::writeFile(m_tmp.path(), QStringLiteral("none.mapping.json"), SvMapping);
    const QString sample = test::writeFile(m_tmp.path(), QStringLiteral("none.csv"), "COLOUR,WEIGHT_KG\nred,3\n");
    MappingDesigner d;
    QString error;
    QVERIFY2(d.openMapping(mapping, sample, &error), qPrintable(error));
    d.showAutoMap();
    QVERIFY(d.autoMapDialog());
    QCOMPARE(d.autoMapDialog()->proposalModel()->rowCount(), 0);
    QVERIFY(d.autoMapDialog()->summaryLabel()->text().startsWith(QLatin1String("No proposals")));
    QVERIFY(!d.autoMapDialog()->acceptButton()->isEnabled());
    QVERIFY(!d.autoMapDialog()->acceptAllButton()->isEnabled());
    QCOMPARE(d.autoMapDialog()->acceptAllAbove(0), 0);
    QCOMPARE(d.undoStack()->count(), 0);
    // Without a document there is nothing to map.
    MappingDesigner empty;
    QVERIFY(!empty.autoMapAction()->isEnabled());
    empty.showAutoMap();
    QVERIFY(!empty.autoMapDialog());
}

void TestAutoMap::mappingBuiltInTheGuiRunsWithTheCli()
{
    // A workspace with the CDISC pilot's pipeline, study, other mappings and SDTM files, but no visits mapping.
    const QString ws = m_tmp.filePath(QStringLiteral("pilot"));
    const QString examples = test::sourcePath(QStringLiteral("examples/cdiscpilot01"));
    QVERIFY(QDir().mkpath(ws + QStringLiteral("/sdtm")));
    for (const QString& f : QDir(examples).entryList({QStringLiteral("*.json")}, QDir::Files))
        if (f != QLatin1String("visits.mapping.json"))
            QVERIFY(QFile::copy(examples + QLatin1Char('/') + f, ws + QLatin1Char('/') + f));
    for (const QString& f : {QStringLiteral("dm.csv"), QStringLiteral("sv.csv"), QStringLiteral("ae.csv"), QStringLiteral("ds.csv")})
        QVERIFY(QFile::copy(test::sharedDataPath(QStringLiteral("real/cdiscpilot01-sdtm/") + f), ws + QStringLiteral("/sdtm/") + f));
    const QString mappingPath = ws + QStringLiteral("/visits.mapping.json");
    QVERIFY(!QFile::exists(mappingPath));

    // A new mapping: its header (name, CSV dialect, target entity) and no fields; the rest in the designer.
    core::MappingDocument doc;
    doc.name = QStringLiteral("gui-visits");
    doc.revision = 1;
    doc.sourceKind = QStringLiteral("csv");
    doc.dialect.delimiter = ',';
    doc.dialect.nullTokens = QStringList{QStringLiteral("NA"), QString(QLatin1String(""))};
    doc.targetEntity = QStringLiteral("visit");
    MappingDesigner d;
    d.resize(1100, 720);
    d.setDocument(doc, mappingPath);
    QString error;
    QVERIFY2(d.loadSample(ws + QStringLiteral("/sdtm/sv.csv"), &error), qPrintable(error));
    d.show();
    QApplication::setActiveWindow(&d);
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.view()->setFocus();
    QVERIFY(d.model()->links().isEmpty());

    // Two links by real mouse drags…
    ui::DesignerScene* scene = d.scene();
    drag(d, scene->sourceItem(QStringLiteral("USUBJID")), scene->targetItem(QStringLiteral("subject_id")));
    drag(d, scene->sourceItem(QStringLiteral("VISITNUM")), scene->targetItem(QStringLiteral("visit_code")));
    QCOMPARE(d.undoStack()->count(), 2);
    // …the rest by auto-map's "accept all above 90 %".
    QTest::keyClick(d.view(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    ui::AutoMapDialog* dialog = d.autoMapDialog();
    QVERIFY(dialog);
    QCOMPARE(proposalRows(dialog->proposalModel()),
             (QStringList{"STUDYID | study_id | 100 % | same name | Proposed",
                          "VISIT | visit_name | 95 % | known synonym VISIT | Proposed",
                          "SVSTDTC | visit_date | 95 % | known synonym SVSTDTC | Proposed"}));
    dialog->minimumConfidence()->setValue(90);
    QTest::mouseClick(dialog->acceptAllButton(), Qt::LeftButton);
    dialog->close();
    QCOMPARE(d.undoStack()->count(), 3);
    QVERIFY(d.model()->problems().isEmpty());
    // Ctrl+S saves where the pipeline expects it.
    d.view()->setFocus();
    QTest::keyClick(d.view(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!d.isModified());
    QCOMPARE(test::readFile(mappingPath), GuiVisitsMapping);

    // The CLI runs the workspace's pipeline with it, unchanged.
    const auto run = test::runCli({QStringLiteral("run"), ws + QStringLiteral("/cdiscpilot01.pipeline.json"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    const QJsonObject visits = result.value(QStringLiteral("entities")).toObject().value(QStringLiteral("visit")).toObject();
    QCOMPARE(visits.value(QStringLiteral("inserted")).toInt(), 3559);
    QCOMPARE(visits.value(QStringLiteral("rejected")).toInt(), 0);
    QCOMPARE(test::readFile(mappingPath), GuiVisitsMapping); // the run did not touch it

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ctms"));
        db.setDatabaseName(ws + QStringLiteral("/ctms.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT subject_id) FROM visit")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3559);
        QCOMPARE(q.value(1).toInt(), 306);
        // One row read back from the SDTM file's first visit.
        QVERIFY(q.exec(QStringLiteral("SELECT study_id, visit_name, visit_date FROM visit "
                                      "WHERE subject_id = '01-701-1015' AND visit_code = '1'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("CDISCPILOT01"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("SCREENING 1"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("2013-12-26"));
        QVERIFY(!q.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ctms"));
}

QTEST_MAIN(TestAutoMap)
#include "tst_automap.moc"

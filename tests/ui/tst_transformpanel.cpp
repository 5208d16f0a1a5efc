// The designer's transform side panel driven like a user drives it, offscreen: a link clicked on the view
// opens its field's chain; a value map is added, "Profile values" reads the distinct values of the link's
// column from a real sample (the CDISC pilot's DS domain, through the mapping's filter) and pre-fills the codes
// that spell a codelist term; the flags (a value without a code, a code outside the codelist) are shown in
// colour with a tool tip; codes are typed into cells with keys; transforms are reordered and removed; every step
// is undone and redone with the exact document compared each time, and the saved file is compared with the
// expected text. The date editor's live example comes from the real transform. ValueMapModel runs under
// QAbstractItemModelTester; DistinctValueProfiler's bad inputs are named.

#include "DesignerTestSupport.h"
#include "TestSupport.h"
#include "designer/DateTransformEditor.h"
#include "designer/DesignerScene.h"
#include "designer/LinkItem.h"
#include "designer/MappingDesigner.h"
#include "designer/TransformPanel.h"
#include "designer/ValueMapEditor.h"
#include "mapping/DistinctValueProfiler.h"
#include "mapping/MappingModel.h"
#include "mapping/TransformFactory.h"
#include "mapping/ValueMapModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGraphicsView>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace tb;
using core::MappingDocument;
using core::ValueMapModel;
using ui::MappingDesigner;
using ui::TransformPanel;

namespace {

// The pilot's subject status mapping without its value map: the test builds one.
const QByteArray StatusJson = R"({
  "format": "trialbridge.mapping/1", "name": "ds-status", "revision": 1,
  "source": {"kind": "csv", "delimiter": ",", "nulls": ["NA", ""]},
  "target": {"entity": "subject", "mode": "merge"},
  "filter": [{"column": "DSCAT", "in": ["DISPOSITION EVENT"]}],
  "fields": {
    "study_id": {"param": "study_id"},
    "subject_id": {"from": "USUBJID"},
    "status": {"from": "DSDECOD", "transforms": [{"trim": {}}]},
    "informed_consent_date": {"from": "DSSTDTC"}
  }
})";

// The disposition events of the pilot's DS domain (DSCAT = DISPOSITION EVENT), counted by hand.
const QMap<QString, qint64> DispositionEvents{
    {QStringLiteral("COMPLETED"), 110},         {QStringLiteral("ADVERSE EVENT"), 92},
    {QStringLiteral("SCREEN FAILURE"), 52},     {QStringLiteral("WITHDRAWAL BY SUBJECT"), 27},
    {QStringLiteral("STUDY TERMINATED BY SPONSOR"), 7}, {QStringLiteral("PROTOCOL VIOLATION"), 6},
    {QStringLiteral("LACK OF EFFICACY"), 4},    {QStringLiteral("DEATH"), 3},
    {QStringLiteral("PHYSICIAN DECISION"), 3},  {QStringLiteral("LOST TO FOLLOW-UP"), 2},
};

core::TransformSpec spec(const char* name, const QByteArray& params)
{
    return {QLatin1String(name), QJsonDocument::fromJson("[" + params + "]").array().first()};
}

// The document with the status field's chain replaced.
QByteArray withStatusChain(const QVector<core::TransformSpec>& chain)
{
    MappingDocument doc = test::parseMapping(StatusJson);
    doc.field(QStringLiteral("status"))->transforms = chain;
    return doc.toJsonBytes();
}

QString sample()
{
    return test::sourcePath(QStringLiteral("examples/cdiscpilot01/sdtm/ds.csv"));
}

} // namespace

class TestTransformPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void mappingModelSetsTransformChains();
    void valueMapModelPassesTheModelTester();
    void matchingTerms_data();
    void matchingTerms();
    void valueMapFlags_data();
    void valueMapFlags();
    void distinctValuesFollowTheMappingsFilter();
    void distinctValuesAreCapped();
    void distinctValuesCanBeCancelled();
    void distinctValuesBadInputsAreNamed_data();
    void distinctValuesBadInputsAreNamed();

    void clickingALinkShowsItsChain();
    void editAValueMapUndoRedoAndSave();
    void profilingStopsWhenTheEditorCloses_data();
    void profilingStopsWhenTheEditorCloses();
    void dateEditorShowsALiveExample_data();
    void dateEditorShowsALiveExample();
    void parameterEditorRefusesInvalidParameters();
    void valueMapFitsAShortWindow();

private:
    void clickLink(const QString& column, const QString& target);
    TransformPanel* panel() const { return m_designer->transformPanel(); }

    QTemporaryDir m_tmp;
    MappingDesigner* m_designer = nullptr;
    QString m_mappingPath;
};

void TestTransformPanel::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_mappingPath = test::writeFile(m_tmp.path(), QStringLiteral("status.mapping.json"), StatusJson);
}

void TestTransformPanel::init()
{
    m_designer = new MappingDesigner;
    m_designer->resize(1280, 800);
    QString error;
    QVERIFY2(m_designer->openMapping(m_mappingPath, sample(), &error), qPrintable(error));
    m_designer->show();
    QApplication::setActiveWindow(m_designer);
    QVERIFY(QTest::qWaitForWindowExposed(m_designer));
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(StatusJson).toJsonBytes());
}

void TestTransformPanel::cleanup()
{
    delete m_designer;
    m_designer = nullptr;
}

void TestTransformPanel::clickLink(const QString& column, const QString& target)
{
    const int id = m_designer->model()->findLink(column, target);
    QVERIFY(id);
    ui::LinkItem* link = m_designer->scene()->linkItem(id);
    QVERIFY(link);
    QGraphicsView* view = m_designer->view();
    view->ensureVisible(link);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(link->path().pointAtPercent(0.5)));
    QVERIFY(link->isSelected());
}

void TestTransformPanel::mappingModelSetsTransformChains()
{
    core::MappingModel model;
    model.setDocument(test::parseMapping(StatusJson));
    QSignalSpy field(&model, &core::MappingModel::fieldChanged);
    QSignalSpy changed(&model, &core::MappingModel::changed);
    const QVector<core::TransformSpec> chain{spec("upper", "{}"), spec("trim", "{}")};
    QVERIFY(model.setTransforms(QStringLiteral("status"), chain));
    QCOMPARE(model.transforms(QStringLiteral("status")), chain);
    QCOMPARE(field.size(), 1);
    QCOMPARE(field.first().first().toString(), QStringLiteral("status"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.toDocument().toJsonBytes(), withStatusChain(chain));
    // The same chain again changes nothing and says nothing; an empty target is refused.
    QVERIFY(model.setTransforms(QStringLiteral("status"), chain));
    QCOMPARE(field.size(), 1);
    QVERIFY(!model.setTransforms(QString(), chain));
    // A field without a source keeps its chain out of the document until a column is connected.
    QVERIFY(model.setTransforms(QStringLiteral("sex"), {spec("upper", "{}")}));
    QCOMPARE(model.toDocument().toJsonBytes(), withStatusChain(chain));
    QVERIFY(model.addLink(QStringLiteral("DSTERM"), QStringLiteral("sex")));
    QCOMPARE(model.toDocument().field(QStringLiteral("sex"))->transforms,
             (QVector<core::TransformSpec>{spec("upper", "{}")}));
}

void TestTransformPanel::valueMapModelPassesTheModelTester()
{
    ValueMapModel model;
    new QAbstractItemModelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest, &model);
    QSignalSpy edited(&model, &ValueMapModel::mapEdited);
    model.setCodelist(QStringLiteral("visit_status"), {QStringLiteral("SCHEDULED"), QStringLiteral("COMPLETED")});
    model.setParameters(QJsonDocument::fromJson(R"({"map": {"DONE": "COMPLETED", "LATE": "DELAYED"}})").object());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ValueMapModel::ColumnCount));
    core::DistinctValueProfiler::Result profile;
    profile.values = {{QStringLiteral("DONE"), 5}, {QStringLiteral("PLANNED"), 2}};
    model.setProfile(profile);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, ValueMapModel::SourceColumn).data().toString(), QStringLiteral("PLANNED"));
    QCOMPARE(model.index(0, ValueMapModel::CountColumn).data(Qt::EditRole).toLongLong(), 5);
    QVERIFY(!model.index(1, ValueMapModel::CountColumn).data(Qt::EditRole).isValid()); // LATE: not in the sample
    // Only codes are editable; an edit changes the map and says so, the rows stay.
    QVERIFY(!(model.flags(model.index(0, ValueMapModel::SourceColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(0, ValueMapModel::CodeColumn)) & Qt::ItemIsEditable);
    QVERIFY(!model.setData(model.index(0, ValueMapModel::SourceColumn), QStringLiteral("X")));
    QVERIFY(model.setData(model.index(2, ValueMapModel::CodeColumn), QStringLiteral("SCHEDULED")));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(model.map().value(QLatin1String("PLANNED")).toString(), QStringLiteral("SCHEDULED"));
    QVERIFY(model.setData(model.index(1, ValueMapModel::CodeColumn), QString()));
    QCOMPARE(edited.size(), 2);
    QVERIFY(!model.map().contains(QLatin1String("LATE")));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowFlags(1), int(ValueMapModel::NotMapped));
    QVERIFY(model.addSourceValue(QStringLiteral("CANCELLED")));
    QVERIFY(!model.addSourceValue(QStringLiteral("CANCELLED")));
    QVERIFY(!model.addSourceValue(QString()));
    QCOMPARE(model.rowCount(), 4);
    // The map handed back (as after an undo) keeps the rows the user saw; a new transform forgets them.
    model.setParameters(QJsonDocument::fromJson(R"({"map": {"DONE": "COMPLETED"}})").object());
    QCOMPARE(model.rowCount(), 4);
    model.clearExtraRows();
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.hasProfile());
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
}

void TestTransformPanel::matchingTerms_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("term"); // null: none
    QTest::newRow("exact") << QStringLiteral("COMPLETED") << QStringLiteral("COMPLETED");
    QTest::newRow("case") << QStringLiteral("Completed") << QStringLiteral("COMPLETED");
    QTest::newRow("space for underscore") << QStringLiteral("screen failed") << QStringLiteral("SCREEN_FAILED");
    QTest::newRow("hyphen for underscore") << QStringLiteral("SCREEN-FAILED ") << QStringLiteral("SCREEN_FAILED");
    QTest::newRow("another word") << QStringLiteral("SCREEN FAILURE") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestTransformPanel::matchingTerms()
{
    QFETCH(QString, value);
    QFETCH(QString, term);
    const QStringList terms = core::CtmsSchema::builtIn()->codelist(QStringLiteral("subject_status"));
    QCOMPARE(ValueMapModel::matchingTerm(value, terms), term);
    QCOMPARE(ValueMapModel::matchingTerm(value, terms).isNull(), term.isNull());
}

void TestTransformPanel::valueMapFlags_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QStringList>("profiled");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QList<int>>("flags");
    QTest::addColumn<QString>("firstTip"); // part of the first flagged row's tool tip

    const int none = ValueMapModel::NoFlags, unmapped = ValueMapModel::NotMapped, outside = ValueMapModel::NotInCodelist;
    QTest::newRow("reject") << QByteArray(R"({"map": {"DONE": "COMPLETED", "LATE": "DELAYED"}})")
                            << QStringList{QStringLiteral("DONE"), QStringLiteral("NOT DONE")}
                            << QStringList{QStringLiteral("DONE"), QStringLiteral("LATE"), QStringLiteral("NOT DONE")}
                            << QList<int>{none, outside, unmapped} << QStringLiteral("DELAYED");
    QTest::newRow("default") << QByteArray(R"({"map": {}, "unmapped": "default", "default": "MISSED"})")
                             << QStringList{QStringLiteral("X")} << QStringList{QStringLiteral("X")}
                             << QList<int>{unmapped} << QStringLiteral("default \"MISSED\"");
    QTest::newRow("pass") << QByteArray(R"({"map": {}, "unmapped": "pass"})") << QStringList{QStringLiteral("X")}
                          << QStringList{QStringLiteral("X")} << QList<int>{unmapped} << QStringLiteral("unchanged");
    QTest::newRow("ignore case") << QByteArray(R"({"map": {"done": "COMPLETED"}, "ignoreCase": true})")
                                 << QStringList{QStringLiteral("DONE")}
                                 << QStringList{QStringLiteral("DONE"), QStringLiteral("done")} << QList<int>{none, none}
                                 << QString();
    QTest::newRow("null code is mapped") << QByteArray(R"({"map": {"UNK": null}})") << QStringList()
                                         << QStringList{QStringLiteral("UNK")} << QList<int>{none} << QString();
}

void TestTransformPanel::valueMapFlags()
{
    QFETCH(QByteArray, params);
    QFETCH(QStringList, profiled);
    QFETCH(QStringList, rows);
    QFETCH(QList<int>, flags);
    QFETCH(QString, firstTip);
    ValueMapModel model;
    new QAbstractItemModelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest, &model);
    model.setCodelist(QStringLiteral("visit_status"), core::CtmsSchema::builtIn()->codelist(QStringLiteral("visit_status")));
    model.setParameters(QJsonDocument::fromJson(params).object());
    core::DistinctValueProfiler::Result profile;
    for (const QString& v : profiled)
        profile.values.append({v, 1});
    model.setProfile(profile);
    QCOMPARE(model.rowCount(), rows.size());
    bool tipChecked = firstTip.isEmpty();
    for (int row = 0; row < rows.size(); ++row) {
        QCOMPARE(model.index(row, ValueMapModel::SourceColumn).data().toString(), rows[row]);
        QCOMPARE(model.index(row, 0).data(ValueMapModel::FlagsRole).toInt(), flags[row]);
        const QString tip = model.index(row, ValueMapModel::CodeColumn).data(Qt::ToolTipRole).toString();
        QCOMPARE(tip.isEmpty(), flags[row] == ValueMapModel::NoFlags);
        if (!tipChecked && !tip.isEmpty()) {
            QVERIFY2(tip.contains(firstTip), qPrintable(tip));
            tipChecked = true;
        }
    }
    QVERIFY(tipChecked);
}

void TestTransformPanel::distinctValuesFollowTheMappingsFilter()
{
    const auto r = core::DistinctValueProfiler::profile(sample(), test::parseMapping(StatusJson), QStringLiteral("DSDECOD"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows, 306); // one disposition event per subject
    QCOMPARE(r.nulls, 0);
    QVERIFY(!r.capped);
    QMap<QString, qint64> seen;
    for (const auto& v : r.values)
        seen.insert(v.value, v.count);
    QCOMPARE(seen, DispositionEvents); // RANDOMIZED, FINAL LAB VISIT (protocol milestones) are filtered out
    // Without the filter every row counts.
    MappingDocument all = test::parseMapping(StatusJson);
    all.filters.clear();
    const auto unfiltered = core::DistinctValueProfiler::profile(sample(), all, QStringLiteral("DSDECOD"));
    QCOMPARE(unfiltered.rows, 850);
    QCOMPARE(unfiltered.values.size(), 13);
}

void TestTransformPanel::distinctValuesCanBeCancelled()
{
    const std::atomic_bool cancel{true};
    const auto r = core::DistinctValueProfiler::profile(sample(), test::parseMapping(StatusJson), QStringLiteral("DSDECOD"),
                                                        core::DistinctValueProfiler::DefaultLimit, &cancel);
    QVERIFY(r.cancelled);
    QVERIFY(r.values.isEmpty());
    QCOMPARE(r.error, QFileInfo(sample()).fileName() + QStringLiteral(": cancelled"));
    const std::atomic_bool go{false};
    const auto full = core::DistinctValueProfiler::profile(sample(), test::parseMapping(StatusJson), QStringLiteral("DSDECOD"),
                                                           core::DistinctValueProfiler::DefaultLimit, &go);
    QVERIFY(!full.cancelled);
    QCOMPARE(full.values.size(), DispositionEvents.size());
}

void TestTransformPanel::distinctValuesAreCapped()
{
    const auto r = core::DistinctValueProfiler::profile(sample(), test::parseMapping(StatusJson), QStringLiteral("USUBJID"), 100);
    QVERIFY(r.error.isEmpty());
    QVERIFY(r.capped);
    QCOMPARE(r.values.size(), 100);
    QCOMPARE(r.uncounted, 206);
    qint64 counted = 0;
    for (const auto& v : r.values)
        counted += v.count;
    QCOMPARE(counted + r.uncounted + r.nulls, r.rows);
}

void TestTransformPanel::distinctValuesBadInputsAreNamed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("mapping");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("missing file") << QStringLiteral("no-such.csv") << StatusJson << QStringLiteral("DSDECOD")
                                  << QStringList{QStringLiteral("no-such.csv")};
    QTest::newRow("missing column") << sample() << StatusJson << QStringLiteral("NOPE")
                                    << QStringList{QStringLiteral("ds.csv"), QStringLiteral("NOPE")};
    QByteArray badFilter = StatusJson;
    badFilter.replace("\"DSCAT\"", "\"DSKAT\"");
    QTest::newRow("filter column missing") << sample() << badFilter << QStringLiteral("DSDECOD")
                                           << QStringList{QStringLiteral("ds.csv"), QStringLiteral("DSKAT")};
    QByteArray noFilter = StatusJson;
    noFilter.replace(R"("filter": [{"column": "DSCAT", "in": ["DISPOSITION EVENT"]}],)", "");
    QTest::newRow("broken csv") << QStringLiteral("broken.csv") << noFilter << QStringLiteral("A")
                                << QStringList{QStringLiteral("broken.csv:2")};
    QByteArray rest = StatusJson;
    rest.replace(R"("kind": "csv", "delimiter": ",", "nulls": ["NA", ""])", R"("kind": "rest", "path": "v1/s")");
    QTest::newRow("remote source") << sample() << rest << QStringLiteral("DSDECOD")
                                   << QStringList{QStringLiteral("rest"), QStringLiteral("no sample")};
}

void TestTransformPanel::distinctValuesBadInputsAreNamed()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, mapping);
    QFETCH(QString, column);
    QFETCH(QStringList, mentions);
    QString path = file;
    if (file == QLatin1String("broken.csv"))
        path = test::writeFile(m_tmp.path(), file, "A,B\n1,\"2\n");
    else if (!QFileInfo(file).isAbsolute())
        path = m_tmp.filePath(file);
    const auto r = core::DistinctValueProfiler::profile(path, test::parseMapping(mapping), column);
    QVERIFY(!r.error.isEmpty());
    QVERIFY(r.values.isEmpty());
    for (const QString& m : mentions)
        QVERIFY2(r.error.contains(m), qPrintable(r.error));
}

void TestTransformPanel::clickingALinkShowsItsChain()
{
    TransformPanel* p = panel();
    QVERIFY(p->target().isEmpty());
    QVERIFY(!p->addButton()->isEnabled());
    clickLink(QStringLiteral("DSDECOD"), QStringLiteral("status"));
    QCOMPARE(p->target(), QStringLiteral("status"));
    QCOMPARE(p->column(), QStringLiteral("DSDECOD"));
    QVERIFY(p->targetLabel()->text().contains(QLatin1String("status")));
    QVERIFY(p->sourcesLabel()->text().contains(QLatin1String("DSDECOD")));
    QCOMPARE(p->transformList()->count(), 1);
    QCOMPARE(p->transformList()->item(0)->text(), QStringLiteral("trim"));
    QVERIFY(p->addButton()->isEnabled());
    QCOMPARE(p->addMenu()->actions().size(), core::TransformFactory::names().size());
    // Another link, then empty space: the panel follows.
    clickLink(QStringLiteral("DSSTDTC"), QStringLiteral("informed_consent_date"));
    QCOMPARE(p->target(), QStringLiteral("informed_consent_date"));
    QCOMPARE(p->transformList()->count(), 0);
    QTest::mouseClick(m_designer->view()->viewport(), Qt::LeftButton, {},
                      m_designer->view()->mapFromScene(QPointF(ui::DesignerScene::ColumnWidth + 30, 2000)));
    QVERIFY(p->target().isEmpty());
    QCOMPARE(m_designer->undoStack()->count(), 0);
}

// On a screen 768 pixels high the designer still fits (the transform editor scrolls rather than holding the window
// taller), and a value map shows at least five codes.
void TestTransformPanel::valueMapFitsAShortWindow()
{
    m_designer->resize(1200, 620);
    TransformPanel* p = panel();
    clickLink(QStringLiteral("DSDECOD"), QStringLiteral("status"));
    p->transformList()->setCurrentRow(0);
    p->addMenu()->findChild<QAction*>(QStringLiteral("add-valueMap"))->trigger();
    QCOMPARE(p->editorStack()->currentWidget(), p->valueMapEditor());
    QVERIFY2(m_designer->minimumSizeHint().height() <= 620,
             qPrintable(QString::number(m_designer->minimumSizeHint().height())));
    QTRY_COMPARE(m_designer->height(), 620);
    const QTableView* table = p->valueMapEditor()->table();
    QVERIFY(table->isVisible());
    QVERIFY2(table->viewport()->height() >= 5 * table->verticalHeader()->defaultSectionSize(),
             qPrintable(QString::number(table->viewport()->height())));
}

void TestTransformPanel::editAValueMapUndoRedoAndSave()
{
    TransformPanel* p = panel();
    QUndoStack* undo = m_designer->undoStack();
    QVector<QByteArray> steps{test::currentDocument(*m_designer)};
    const auto step = [&] { steps << test::currentDocument(*m_designer); };
    const core::TransformSpec trim = spec("trim", "{}");
    clickLink(QStringLiteral("DSDECOD"), QStringLiteral("status"));

    // Add a value map after trim: it names the field's codelist.
    p->transformList()->setCurrentRow(0);
    p->addMenu()->findChild<QAction*>(QStringLiteral("add-valueMap"))->trigger();
    QCOMPARE(test::currentDocument(*m_designer),
             withStatusChain({trim, spec("valueMap", R"({"map": {}, "unmapped": "reject", "codelist": "subject_status"})")}));
    QCOMPARE(p->currentTransform(), 1);
    QCOMPARE(p->editorStack()->currentWidget(), p->valueMapEditor());
    step();

    // Profile values: the ten disposition events, COMPLETED pre-filled (it is a term), the rest flagged.
    ui::ValueMapEditor* editor = p->valueMapEditor();
    ValueMapModel* model = editor->model();
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    QVERIFY(editor->profileButton()->isEnabled());
    QVERIFY(!editor->busyIndicator()->isVisible());
    QSignalSpy finished(editor, &ui::ValueMapEditor::profileFinished);
    QTest::mouseClick(editor->profileButton(), Qt::LeftButton);
    // Read on a worker thread: the result comes through the event loop, so until then the editor is busy.
    QVERIFY(editor->isProfiling());
    QVERIFY(!editor->profileButton()->isEnabled());
    QVERIFY(editor->busyIndicator()->isVisible());
    QVERIFY(!editor->profileValues()); // one read at a time
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!editor->isProfiling());
    QVERIFY(editor->profileButton()->isEnabled());
    QVERIFY(!editor->busyIndicator()->isVisible());
    QCOMPARE(model->rowCount(), DispositionEvents.size());
    for (auto it = DispositionEvents.begin(); it != DispositionEvents.end(); ++it) {
        const int row = model->rowOf(it.key());
        QVERIFY2(row >= 0, qPrintable(it.key()));
        QCOMPARE(model->index(row, ValueMapModel::CountColumn).data(Qt::EditRole).toLongLong(), it.value());
        const bool completed = it.key() == QLatin1String("COMPLETED");
        QCOMPARE(model->index(row, ValueMapModel::CodeColumn).data().toString(), completed ? it.key() : QString());
        QCOMPARE(model->rowFlags(row), completed ? int(ValueMapModel::NoFlags) : int(ValueMapModel::NotMapped));
    }
    QVERIFY2(editor->summaryLabel()->text().contains(QLatin1String("9 value(s) without a code")),
             qPrintable(editor->summaryLabel()->text()));
    QVERIFY(editor->codelistLabel()->text().contains(QLatin1String("SCREEN_FAILED")));
    QCOMPARE(test::currentDocument(*m_designer),
             withStatusChain({trim, spec("valueMap", R"({"map": {"COMPLETED": "COMPLETED"}, "unmapped": "reject", "codelist": "subject_status"})")}));
    QCOMPARE(undo->count(), 2);
    step();

    // A flagged row is amber with the reason as its tool tip.
    QTableView* table = editor->table();
    const QModelIndex death = model->index(model->rowOf(QStringLiteral("DEATH")), ValueMapModel::CodeColumn);
    QVERIFY(death.data(Qt::ToolTipRole).toString().contains(QLatin1String("rejected")));
    table->scrollTo(death);
    const auto pixel = [table](const QModelIndex& i) {
        const QRect r = table->visualRect(i);
        return table->viewport()->grab().toImage().pixelColor(r.right() - 3, r.center().y());
    };
    QCOMPARE(pixel(death), QColor(0xff, 0xec, 0xb3));

    // Type codes with keys: SCREEN FAILURE → SCREEN_FAILED (a term), WITHDRAWAL BY SUBJECT → WITHDRAWN (not one).
    const auto typeCode = [&](const QString& source, const QString& code) {
        const QModelIndex i = model->index(model->rowOf(source), ValueMapModel::CodeColumn);
        table->setFocus(Qt::OtherFocusReason);
        table->setCurrentIndex(i);
        QTest::keyClick(table, Qt::Key_F2);
        QWidget* cell = QApplication::focusWidget();
        QVERIFY(cell && cell != table);
        QTest::keyClicks(cell, code);
        QTest::keyClick(cell, Qt::Key_Return);
        // The delegate commits from the event loop.
        QTRY_COMPARE(model->index(model->rowOf(source), ValueMapModel::CodeColumn).data().toString(), code);
    };
    typeCode(QStringLiteral("SCREEN FAILURE"), QStringLiteral("SCREEN_FAILED"));
    step();
    typeCode(QStringLiteral("WITHDRAWAL BY SUBJECT"), QStringLiteral("WITHDRAWN"));
    step();
    const QByteArray mapped = R"({"map": {"COMPLETED": "COMPLETED", "SCREEN FAILURE": "SCREEN_FAILED", "WITHDRAWAL BY SUBJECT": "WITHDRAWN"}, "unmapped": "reject", "codelist": "subject_status"})";
    QCOMPARE(test::currentDocument(*m_designer), withStatusChain({trim, spec("valueMap", mapped)}));
    const QModelIndex withdrawn = model->index(model->rowOf(QStringLiteral("WITHDRAWAL BY SUBJECT")), ValueMapModel::CodeColumn);
    QCOMPARE(model->rowFlags(withdrawn.row()), int(ValueMapModel::NotInCodelist));
    QVERIFY(withdrawn.data(Qt::ToolTipRole).toString().contains(QLatin1String("subject_status")));
    table->selectionModel()->clear(); // the selection's highlight covers the colour of the cell
    QCOMPARE(pixel(withdrawn), QColor(0xff, 0xcd, 0xd2));
    QVERIFY(editor->summaryLabel()->text().contains(QLatin1String("1 code(s) outside the codelist")));
    QCOMPARE(undo->count(), 4);

    // Values without a code get a default: one step.
    editor->unmappedCombo()->setFocus();
    QCOMPARE(editor->unmappedCombo()->currentData().toString(), QStringLiteral("reject"));
    QTest::keyClick(editor->unmappedCombo(), Qt::Key_Down); // the next choice: use the default
    QCOMPARE(editor->unmappedCombo()->currentData().toString(), QStringLiteral("default"));
    const QByteArray defaulted = R"({"map": {"COMPLETED": "COMPLETED", "SCREEN FAILURE": "SCREEN_FAILED", "WITHDRAWAL BY SUBJECT": "WITHDRAWN"}, "unmapped": "default", "default": "SCREENING", "codelist": "subject_status"})";
    QCOMPARE(test::currentDocument(*m_designer), withStatusChain({trim, spec("valueMap", defaulted)}));
    QVERIFY(editor->defaultEdit()->isEnabled());
    QCOMPARE(editor->defaultEdit()->text(), QStringLiteral("SCREENING"));
    step();
    editor->defaultEdit()->setFocus();
    editor->defaultEdit()->selectAll();
    QTest::keyClicks(editor->defaultEdit(), QStringLiteral("DISCONTINUED"));
    QTest::keyClick(editor->defaultEdit(), Qt::Key_Return);
    QByteArray discontinued = defaulted;
    discontinued.replace("\"SCREENING\"", "\"DISCONTINUED\"");
    QCOMPARE(test::currentDocument(*m_designer), withStatusChain({trim, spec("valueMap", discontinued)}));
    step();

    // Reorder with the keyboard (Alt+Up on the list), then Down by its button; remove trim.
    p->transformList()->setFocus();
    QCOMPARE(p->currentTransform(), 1);
    QTest::keyClick(p->transformList(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(test::currentDocument(*m_designer), withStatusChain({spec("valueMap", discontinued), trim}));
    QCOMPARE(p->currentTransform(), 0);
    QCOMPARE(p->transformList()->item(1)->text(), QStringLiteral("trim"));
    step();
    QTest::mouseClick(p->downButton(), Qt::LeftButton);
    QCOMPARE(test::currentDocument(*m_designer), withStatusChain({trim, spec("valueMap", discontinued)}));
    QCOMPARE(p->currentTransform(), 1);
    step();
    p->setCurrentTransform(0);
    QVERIFY(!p->upButton()->isEnabled());
    QTest::mouseClick(p->removeButton(), Qt::LeftButton);
    QCOMPARE(test::currentDocument(*m_designer), withStatusChain({spec("valueMap", discontinued)}));
    step();
    QCOMPARE(undo->count(), steps.size() - 1);

    // Undo to the opened document and redo to the end, the exact document at every step.
    for (int i = int(steps.size()) - 2; i >= 0; --i) {
        QTest::keyClick(m_designer->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::currentDocument(*m_designer), steps[i]);
        QCOMPARE(p->transformList()->count(), m_designer->model()->transforms(QStringLiteral("status")).size());
    }
    QVERIFY(!m_designer->isModified());
    for (int i = 1; i < steps.size(); ++i) {
        m_designer->redoAction()->trigger();
        QCOMPARE(test::currentDocument(*m_designer), steps[i]);
    }
    // The editor shows the map of the document it stands for.
    QCOMPARE(p->editorStack()->currentWidget(), p->valueMapEditor());
    QCOMPARE(model->map(), QJsonDocument::fromJson(discontinued).object().value(QLatin1String("map")).toObject());

    // Saved: the document as the CLI reads it, byte for byte.
    const QString saved = m_tmp.filePath(QStringLiteral("saved.mapping.json"));
    QString error;
    QVERIFY2(m_designer->saveAs(saved, &error), qPrintable(error));
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray expected = R"({
    "fields": {
        "informed_consent_date": {
            "from": "DSSTDTC"
        },
        "status": {
            "from": "DSDECOD",
            "transforms": [
                {
                    "valueMap": {
                        "codelist": "subject_status",
                        "default": "DISCONTINUED",
                        "map": {
                            "COMPLETED": "COMPLETED",
                            "SCREEN FAILURE": "SCREEN_FAILED",
                            "WITHDRAWAL BY SUBJECT": "WITHDRAWN"
                        },
                        "unmapped": "default"
                    }
                }
            ]
        },
        "study_id": {
            "param": "study_id"
        },
        "subject_id": {
            "from": "USUBJID"
        }
    },
    "filter": [
        {
            "column": "DSCAT",
            "in": [
                "DISPOSITION EVENT"
            ]
        }
    ],
    "format": "trialbridge.mapping/1",
    "name": "ds-status",
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
        "entity": "subject",
        "mode": "merge"
    }
}
)";
    QCOMPARE(f.readAll(), expected);
    MappingDocument reread;
    QVERIFY2(MappingDocument::load(saved, &reread, &error), qPrintable(error));
    QCOMPARE(reread.toJsonBytes(), steps.last());
}

void TestTransformPanel::profilingStopsWhenTheEditorCloses_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("another transform shown") << QStringLiteral("transform");
    QTest::newRow("another link chosen") << QStringLiteral("link");
    QTest::newRow("designer closed") << QStringLiteral("close");
}

// A read that is still running when its editor goes away is cancelled: its result never pre-fills anything.
void TestTransformPanel::profilingStopsWhenTheEditorCloses()
{
    QFETCH(QString, how);
    TransformPanel* p = panel();
    clickLink(QStringLiteral("DSDECOD"), QStringLiteral("status"));
    p->transformList()->setCurrentRow(0);
    p->addMenu()->findChild<QAction*>(QStringLiteral("add-valueMap"))->trigger();
    QCOMPARE(p->editorStack()->currentWidget(), p->valueMapEditor());
    ui::ValueMapEditor* editor = p->valueMapEditor();
    const QByteArray before = test::currentDocument(*m_designer);
    const int steps = m_designer->undoStack()->count();
    QSignalSpy finished(editor, &ui::ValueMapEditor::profileFinished);
    QVERIFY(editor->profileValues());
    QVERIFY(editor->isProfiling());
    if (how == QLatin1String("transform")) {
        p->transformList()->setCurrentRow(0); // trim: the value map's editor is hidden
        QVERIFY(p->editorStack()->currentWidget() != editor);
    } else if (how == QLatin1String("link")) {
        clickLink(QStringLiteral("USUBJID"), QStringLiteral("subject_id"));
    } else {
        m_designer->hide();
    }
    QVERIFY(!editor->isProfiling());
    QVERIFY(!editor->busyIndicator()->isVisibleTo(editor));
    QTest::qWait(300); // long enough for the read of this sample to have ended
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_designer->undoStack()->count(), steps);
    QCOMPARE(test::currentDocument(*m_designer), before);
    QCOMPARE(editor->model()->rowCount(), 0);
}

void TestTransformPanel::dateEditorShowsALiveExample_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("input"); // empty: the example the editor makes from the format
    QTest::addColumn<QString>("example");
    QTest::addColumn<bool>("committed"); // a valid format and zone reach the document

    QTest::newRow("Berlin winter") << QStringLiteral("yyyy-MM-dd HH:mm") << QStringLiteral("Europe/Berlin")
                                   << QStringLiteral("2026-01-31 08:00")
                                   << QStringLiteral("2026-01-31 08:00 Europe/Berlin → 2026-01-31T07:00Z") << true;
    QTest::newRow("New York summer") << QStringLiteral("dd.MM.yyyy HH:mm") << QStringLiteral("America/New_York")
                                     << QStringLiteral("31.07.2026 08:00")
                                     << QStringLiteral("31.07.2026 08:00 America/New_York → 2026-07-31T12:00Z") << true;
    QTest::newRow("made-up example") << QStringLiteral("dd.MM.yyyy HH:mm") << QStringLiteral("Asia/Tokyo") << QString()
                                     << QStringLiteral("31.01.2026 08:00 Asia/Tokyo → 2026-01-30T23:00Z") << true;
    QTest::newRow("site zone") << QStringLiteral("dd-MMM-yyyy HH:mm") << QStringLiteral("site") << QString()
                               << QStringLiteral("31-Jan-2026 08:00 Europe/Berlin → 2026-01-31T07:00Z") << true;
    QTest::newRow("date only") << QStringLiteral("dd.MM.yyyy") << QStringLiteral("UTC") << QStringLiteral("31.01.2026")
                               << QStringLiteral("31.01.2026 UTC → 2026-01-31") << true;
    QTest::newRow("value not in the format") << QStringLiteral("yyyy-MM-dd") << QStringLiteral("UTC")
                                             << QStringLiteral("31/01/2026") << QStringLiteral("31/01/2026 cannot be read")
                                             << true;
    QTest::newRow("format without a year") << QStringLiteral("dd.MM") << QStringLiteral("UTC") << QString()
                                           << QStringLiteral("Not valid: date: format \"dd.MM\" has no year") << false;
    QTest::newRow("unknown zone") << QStringLiteral("iso") << QStringLiteral("Europe/Berlinn") << QString()
                                  << QStringLiteral("Not valid: date: zone 'Europe/Berlinn'") << false;
}

void TestTransformPanel::dateEditorShowsALiveExample()
{
    QFETCH(QString, format);
    QFETCH(QString, zone);
    QFETCH(QString, input);
    QFETCH(QString, example);
    QFETCH(bool, committed);
    TransformPanel* p = panel();
    clickLink(QStringLiteral("DSSTDTC"), QStringLiteral("informed_consent_date"));
    p->addMenu()->findChild<QAction*>(QStringLiteral("add-date"))->trigger();
    QCOMPARE(p->editorStack()->currentWidget(), p->dateEditor());
    ui::DateTransformEditor* editor = p->dateEditor();
    const QByteArray added = test::currentDocument(*m_designer);
    QCOMPARE(m_designer->model()->transforms(QStringLiteral("informed_consent_date")),
             (QVector<core::TransformSpec>{spec("date", R"({"format": "iso"})")}));

    QTest::keyClicks(editor->exampleEdit(), input);
    // Type the format and the zone, each left with Tab: the example follows each key.
    for (auto [combo, text] : {std::pair{editor->formatCombo(), format}, std::pair{editor->zoneCombo(), zone}}) {
        combo->setFocus(Qt::TabFocusReason);
        combo->lineEdit()->selectAll();
        QTest::keyClicks(combo->lineEdit(), text);
        QCOMPARE(combo->currentText(), text);
        QTest::keyClick(combo->lineEdit(), Qt::Key_Tab);
    }
    QVERIFY2(editor->exampleResult()->text().startsWith(example), qPrintable(editor->exampleResult()->text()));
    QCOMPARE(editor->exampleIsValid(), !example.contains(QLatin1String("cannot")) && committed);
    const QVector<core::TransformSpec> chain = m_designer->model()->transforms(QStringLiteral("informed_consent_date"));
    if (committed) {
        QJsonObject params{{QStringLiteral("format"), format}};
        if (zone != QLatin1String("UTC"))
            params.insert(QLatin1String("zone"), zone);
        QCOMPARE(chain.size(), 1);
        QCOMPARE(QJsonDocument(chain.first().params.toObject()).toJson(QJsonDocument::Compact),
                 QJsonDocument(params).toJson(QJsonDocument::Compact));
        // Undo takes the format and zone back, one step each (UTC was already the zone).
        m_designer->undoStack()->undo();
        if (zone != QLatin1String("UTC"))
            m_designer->undoStack()->undo();
        QCOMPARE(test::currentDocument(*m_designer), added);
        QCOMPARE(editor->formatCombo()->currentText(), QStringLiteral("iso"));
    } else {
        // The document keeps the last valid transform; the field shows what is wrong.
        QCOMPARE(test::currentDocument(*m_designer), added);
        QVERIFY(editor->exampleResult()->styleSheet().contains(QLatin1String("b00020")));
    }
}

void TestTransformPanel::parameterEditorRefusesInvalidParameters()
{
    TransformPanel* p = panel();
    clickLink(QStringLiteral("USUBJID"), QStringLiteral("subject_id"));
    p->addMenu()->findChild<QAction*>(QStringLiteral("add-replace"))->trigger();
    QCOMPARE(p->editorStack()->currentWidget()->findChild<QLineEdit*>(QStringLiteral("transformParameters")),
             p->parameterEdit());
    const QByteArray added = test::currentDocument(*m_designer);
    const int steps = m_designer->undoStack()->count();
    for (const QString& bad : {QStringLiteral("{\"regex\": "), QStringLiteral("{\"regex\": \"(\"}"),
                               QStringLiteral("{\"regexp\": \"a\"}")}) {
        p->parameterEdit()->setFocus();
        p->parameterEdit()->selectAll();
        QTest::keyClicks(p->parameterEdit(), bad);
        QTest::keyClick(p->parameterEdit(), Qt::Key_Return);
        QVERIFY2(p->transformError()->isVisible(), qPrintable(bad));
        QVERIFY(!p->transformError()->text().isEmpty());
        QCOMPARE(test::currentDocument(*m_designer), added);
        QCOMPARE(m_designer->undoStack()->count(), steps);
    }
    p->parameterEdit()->selectAll();
    QTest::keyClicks(p->parameterEdit(), QStringLiteral("{\"regex\": \"-\", \"with\": \"\"}"));
    QTest::keyClick(p->parameterEdit(), Qt::Key_Return);
    QVERIFY(!p->transformError()->isVisible());
    QCOMPARE(m_designer->model()->transforms(QStringLiteral("subject_id")),
             (QVector<core::TransformSpec>{spec("replace", R"({"regex": "-", "with": ""})")}));
    QCOMPARE(p->transformList()->item(0)->text(), QStringLiteral("replace {\"regex\":\"-\",\"with\":\"\"}"));
}

QTEST_MAIN(TestTransformPanel)
#include "tst_transformpanel.moc"

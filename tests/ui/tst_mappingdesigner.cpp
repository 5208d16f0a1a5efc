// The mapping designer driven like a user drives it, offscreen: a source column dragged onto a target field
// with real mouse presses, moves and releases on the view (the draft link follows the mouse mid-drag), a drop
// on empty space, the keyboard's select-source / select-target / Connect, Delete, re-targeting a link by its
// end, undo and redo of each step back to the exact document, saving byte for byte what MappingDocument
// writes, and opening then saving every example mapping unchanged. The schema models run under
// QAbstractItemModelTester, and the ODM source tree gives the columns OdmRecordSource gives.

#include "DesignerTestSupport.h"
#include "TestSupport.h"
#include "designer/DesignerScene.h"
#include "designer/DraftLinkItem.h"
#include "designer/FieldItem.h"
#include "designer/LinkItem.h"
#include "designer/MappingDesigner.h"
#include "designer/MappingsPage.h"
#include "mainwindow/MainWindow.h"
#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "mapping/TargetSchemaModel.h"
#include "source/OdmRecordSource.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QGraphicsView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tb;
using core::MappingDocument;
using ui::DesignerScene;
using ui::FieldItem;
using ui::MappingDesigner;

namespace {


QPoint viewPoint(MappingDesigner& d, const QPointF& scenePos)
{
    return d.view()->mapFromScene(scenePos);
}

QPoint centerOf(MappingDesigner& d, QGraphicsItem* item)
{
    return viewPoint(d, item->sceneBoundingRect().center());
}

// Presses at from, moves there in steps (calling midway once the mouse is halfway), releases at to.
void drag(MappingDesigner& d, QPoint from, QPoint to, const std::function<void(QPoint)>& midway = {})
{
    QWidget* vp = d.view()->viewport();
    QTest::mousePress(vp, Qt::LeftButton, {}, from);
    constexpr int Steps = 8;
    for (int i = 1; i <= Steps; ++i) {
        const QPoint p = from + (to - from) * i / Steps;
        QTest::mouseMove(vp, p);
        if (i == Steps / 2 && midway)
            midway(p);
    }
    QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
}

QStringList exampleMappings()
{
    QStringList out;
    for (const QString& dir : {QStringLiteral("resources/demo"), QStringLiteral("examples/cdiscpilot01"),
                               QStringLiteral("examples/openclinica-juno")})
        for (const QString& f : QDir(test::sourcePath(dir)).entryList({QStringLiteral("*.mapping.json")}, QDir::Files))
            out << dir + QLatin1Char('/') + f;
    return out;
}

} // namespace

class TestMappingDesigner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sourceModelsPassTheModelTester_data();
    void sourceModelsPassTheModelTester();
    void targetModelPassesTheModelTester();
    void odmTreeHasTheRecordSourcesColumns_data();
    void odmTreeHasTheRecordSourcesColumns();
    void badSamplesAreNamed();

    void dragCreatesALink();
    void dropOnEmptySpaceCreatesNothing();
    void severalSourcesFeedOneTarget();
    void keyboardConnects();
    void deleteRemovesTheSelectedLink();
    void dragTheEndOfALinkToRetarget();
    void undoAndRedoRestoreEveryStep();
    void saveWritesTheExpectedDocument();
    void openThenSaveIsIdentical_data();
    void openThenSaveIsIdentical();
    void problemsAreHighlighted();
    void searchFiltersTheSourceColumns();
    void zoomAndFit();
    void odmGroupsFoldWithTheirLinks();
    void mappingsPageOpensTheWorkspacesMappings();

private:
    QTemporaryDir m_tmp;
    MappingDesigner* m_designer = nullptr;
    QString m_mappingPath, m_samplePath;
};

void TestMappingDesigner::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_mappingPath = test::writeFile(m_tmp.path(), QStringLiteral("visits.mapping.json"), test::VisitsJson);
    m_samplePath = test::writeFile(m_tmp.path(), QStringLiteral("visits.csv"), test::VisitsCsv);
}

void TestMappingDesigner::init()
{
    m_designer = new MappingDesigner;
    m_designer->resize(1100, 720);
    QString error;
    QVERIFY2(m_designer->openMapping(m_mappingPath, m_samplePath, &error), qPrintable(error));
    m_designer->show();
    QApplication::setActiveWindow(m_designer);
    QVERIFY(QTest::qWaitForWindowExposed(m_designer));
    m_designer->view()->setFocus();
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
}

void TestMappingDesigner::cleanup()
{
    delete m_designer;
    m_designer = nullptr;
}

void TestMappingDesigner::sourceModelsPassTheModelTester_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("source"); // the mapping's source section
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("search");

    QTest::newRow("csv") << test::sourcePath(QStringLiteral("examples/cdiscpilot01/sdtm/sv.csv"))
                         << QByteArray(R"({"kind": "csv"})") << 8 << QStringLiteral("visit");
    QTest::newRow("dataset-json") << test::testDataPath(QStringLiteral("datasetjson/sv.json"))
                                  << QByteArray(R"({"kind": "dataset-json"})") << 10 << QStringLiteral("date");
    QTest::newRow("odm forms") << test::sourcePath(QStringLiteral("examples/openclinica-juno/odm/openclinica-juno-full-extract.xml"))
                               << QByteArray(R"({"kind": "odm", "level": "form"})") << -1 << QStringLiteral("weight");
    QTest::newRow("odm subjects") << test::sourcePath(QStringLiteral("examples/openclinica-juno/odm/openclinica-juno-full-extract.xml"))
                                  << QByteArray(R"({"kind": "odm", "level": "subject"})") << -1 << QStringLiteral("Audit");
    QTest::newRow("odmlib item groups") << test::testDataPath(QStringLiteral("odm/odmlib-odm-data-snapshot.xml"))
                                        << QByteArray(R"({"kind": "odm", "level": "itemGroup"})") << -1 << QStringLiteral("date");
}

void TestMappingDesigner::sourceModelsPassTheModelTester()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, source);
    QFETCH(int, columns);
    QFETCH(QString, search);
    core::SourceSchemaModel model;
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    proxy.setSourceModel(&model);
    new QAbstractItemModelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest, &model);
    new QAbstractItemModelTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, &proxy);

    const MappingDocument doc = test::parseMapping(R"({"format": "trialbridge.mapping/1", "name": "m", "source": )" + source
                                      + R"(, "target": {"entity": "visit"}, "fields": {"study_id": {"param": "study_id"}}})");
    QString error;
    QVERIFY2(model.load(file, doc, &error), qPrintable(error));
    QCOMPARE(model.sourceFile(), file);
    QCOMPARE(model.sourceKind(), doc.sourceKind);
    if (columns >= 0)
        QCOMPARE(model.columns().size(), columns);
    QVERIFY(!model.columns().isEmpty());
    // Every column has a leaf that says so, found by indexOfColumn.
    for (const QString& c : model.columns()) {
        const QModelIndex i = model.indexOfColumn(c);
        QVERIFY2(i.isValid(), qPrintable(c));
        QCOMPARE(i.data(core::SourceSchemaModel::ColumnRole).toString(), c);
        QVERIFY(i.data(core::SourceSchemaModel::IsColumnRole).toBool());
        QVERIFY(model.flags(i) & Qt::ItemIsDragEnabled);
    }
    QVERIFY(!model.indexOfColumn(QStringLiteral("NO SUCH COLUMN")).isValid());
    std::unique_ptr<QMimeData> mime(model.mimeData({model.indexOfColumn(model.columns().first())}));
    QVERIFY(mime);
    QCOMPARE(QString::fromUtf8(mime->data(QLatin1String(core::SourceSchemaModel::ColumnMimeType))), model.columns().first());

    // Searching keeps the matching rows with their parents; clearing brings every row back.
    const int all = proxy.rowCount();
    proxy.setFilterFixedString(search);
    QVERIFY(proxy.rowCount() > 0);
    QVERIFY(proxy.rowCount() <= all);
    proxy.setFilterFixedString(QStringLiteral("zzz-matches-nothing"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterFixedString({});
    QCOMPARE(proxy.rowCount(), all);
    model.setColumns({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("A")});
    QCOMPARE(model.columns(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestMappingDesigner::targetModelPassesTheModelTester()
{
    core::TargetSchemaModel model;
    new QAbstractItemModelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest, &model);
    const auto schema = core::CtmsSchema::builtIn();
    for (const core::EntityDef& e : schema->entities()) {
        QVERIFY(model.setEntity(schema, e.name, true));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex entity = model.index(0, 0);
        QCOMPARE(entity.data().toString(), e.name);
        QCOMPARE(model.rowCount(entity), int(e.fields.size()) + 1);
        QCOMPARE(model.fields().last(), QLatin1String(core::MappingModel::ModifiedTarget));
        for (int i = 0; i < e.fields.size(); ++i) {
            const QModelIndex f = model.index(i, 0, entity);
            QCOMPARE(f.data(core::TargetSchemaModel::FieldRole).toString(), e.fields[i].name);
            QCOMPARE(f.data(core::TargetSchemaModel::RequiredRole).toBool(), e.isKeyField(i) || e.fields[i].required);
            QCOMPARE(f.data(core::TargetSchemaModel::KeyRole).toBool(), e.isKeyField(i));
            QCOMPARE(model.indexOfField(e.fields[i].name), f);
        }
    }
    // Merge mode: only the key must be mapped.
    QVERIFY(model.setEntity(schema, QStringLiteral("subject"), false));
    QVERIFY(model.isRequired(QStringLiteral("subject_id")));
    QVERIFY(!model.isRequired(QStringLiteral("site_id")));
    QVERIFY(!model.setEntity(schema, QStringLiteral("spaceship")));
    QCOMPARE(model.rowCount(), 0);
}

void TestMappingDesigner::odmTreeHasTheRecordSourcesColumns_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("source");
    const QString juno = test::sourcePath(QStringLiteral("examples/openclinica-juno/odm/openclinica-juno-full-extract.xml"));
    QTest::newRow("juno subjects") << juno << QByteArray(R"({"kind": "odm", "level": "subject"})");
    QTest::newRow("juno events") << juno << QByteArray(R"({"kind": "odm", "level": "studyEvent"})");
    QTest::newRow("juno AE log") << juno
                                 << QByteArray(R"({"kind": "odm", "level": "itemGroup", "itemGroups": ["IG_ADVER_AELOG"]})");
    QTest::newRow("juno forms") << juno << QByteArray(R"({"kind": "odm", "level": "form"})");
    QTest::newRow("odmlib snapshot") << test::testDataPath(QStringLiteral("odm/odmlib-odm-data-snapshot.xml"))
                                     << QByteArray(R"({"kind": "odm", "level": "form"})");
}

void TestMappingDesigner::odmTreeHasTheRecordSourcesColumns()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, source);
    const MappingDocument doc = test::parseMapping(R"({"format": "trialbridge.mapping/1", "name": "m", "source": )" + source
                                      + R"(, "target": {"entity": "visit"}, "fields": {"study_id": {"param": "study_id"}}})");
    core::OdmRecordSource records(doc.odm);
    QVERIFY2(records.open(file), qPrintable(records.error().toString()));
    core::SourceSchemaModel model;
    QString error;
    QVERIFY2(model.load(file, doc, &error), qPrintable(error));
    // The same columns in the same order: a link the designer makes, the pipeline finds.
    QCOMPARE(model.columns(), records.header());
}

void TestMappingDesigner::badSamplesAreNamed()
{
    const QString broken = test::writeFile(m_tmp.path(), QStringLiteral("broken.csv"), "A;\"B\nC\n");
    const QString missing = m_tmp.filePath(QStringLiteral("no-such-file.csv"));
    for (const QString& sample : {broken, missing}) {
        QString error;
        QVERIFY(!m_designer->loadSample(sample, &error));
        QVERIFY2(error.contains(QFileInfo(sample).fileName()), qPrintable(error));
        // The mapping stays open on the columns it names; nothing is edited.
        QCOMPARE(m_designer->sourceModel()->columns(), (QStringList{QStringLiteral("SUBJ"), QStringLiteral("VISIT")}));
        QVERIFY(!m_designer->model()->hasSourceColumns());
        QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
        QVERIFY(m_designer->statusLabel()->text().contains(QFileInfo(sample).fileName()));
    }
    // An unreadable mapping names its file and place.
    const QString bad = test::writeFile(m_tmp.path(), QStringLiteral("bad.mapping.json"), "{\"format\": 1}");
    QString error;
    MappingDesigner other;
    QVERIFY(!other.openMapping(bad, {}, &error));
    QVERIFY2(error.contains(QLatin1String("bad.mapping.json")) && error.contains(QLatin1String("format")), qPrintable(error));
    QVERIFY(!other.hasDocument());
}

void TestMappingDesigner::dragCreatesALink()
{
    DesignerScene* scene = m_designer->scene();
    FieldItem* source = scene->sourceItem(QStringLiteral("VISIT_DATE"));
    FieldItem* target = scene->targetItem(QStringLiteral("visit_date"));
    QVERIFY(source && target);
    QCOMPARE(scene->linkItems().size(), 2);
    bool checkedMidway = false;
    drag(*m_designer, centerOf(*m_designer, source), centerOf(*m_designer, target), [&](QPoint mouse) {
        // A draft link from the column's anchor follows the mouse; the model has no new link yet.
        ui::DraftLinkItem* draft = scene->draftLink();
        QVERIFY(draft);
        QCOMPARE(draft->from(), scene->sourceItem(QStringLiteral("VISIT_DATE"))->anchor());
        QVERIFY((draft->to() - m_designer->view()->mapToScene(mouse)).manhattanLength() < 2);
        QVERIFY(draft->path().elementCount() >= 4); // a cubic curve
        QCOMPARE(m_designer->model()->links().size(), 2);
        checkedMidway = true;
    });
    QVERIFY(checkedMidway);
    QVERIFY(!scene->draftLink());
    const int id = m_designer->model()->findLink(QStringLiteral("VISIT_DATE"), QStringLiteral("visit_date"));
    QVERIFY(id);
    ui::LinkItem* link = scene->linkItem(id);
    QVERIFY(link);
    // Snapped: from the column's anchor to the field's.
    QCOMPARE(link->from(), scene->sourceItem(QStringLiteral("VISIT_DATE"))->anchor());
    QCOMPARE(link->to(), scene->targetItem(QStringLiteral("visit_date"))->anchor());
    QCOMPARE(m_designer->undoStack()->count(), 1);
    QVERIFY(m_designer->isModified());
    QCOMPARE(test::currentDocument(*m_designer), test::expectedDocument([](MappingDocument& d) {
                 core::FieldRule r;
                 r.target = QStringLiteral("visit_date");
                 r.from = QStringList{QStringLiteral("VISIT_DATE")};
                 d.fields << r;
             }));
}

void TestMappingDesigner::dropOnEmptySpaceCreatesNothing()
{
    DesignerScene* scene = m_designer->scene();
    FieldItem* source = scene->sourceItem(QStringLiteral("STATUS"));
    QVERIFY(source);
    // Between the columns, and below the target fields.
    const QPointF between((DesignerScene::ColumnWidth + DesignerScene::TargetX) / 2, source->sceneBoundingRect().center().y());
    const QPointF below(DesignerScene::TargetX + 50, scene->fieldItems(FieldItem::Side::Target).last()->sceneBoundingRect().bottom() + 40);
    for (const QPointF& empty : {between, below}) {
        bool sawDraft = false;
        drag(*m_designer, centerOf(*m_designer, source), viewPoint(*m_designer, empty),
             [&](QPoint) { sawDraft = scene->draftLink() != nullptr; });
        QVERIFY(sawDraft);
        QVERIFY(!scene->draftLink());
        QCOMPARE(m_designer->model()->links().size(), 2);
        QCOMPARE(m_designer->undoStack()->count(), 0);
        QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
    }
    // Onto a source column, or the target's header: nothing either.
    drag(*m_designer, centerOf(*m_designer, source), centerOf(*m_designer, scene->sourceItem(QStringLiteral("SUBJ"))));
    QCOMPARE(m_designer->undoStack()->count(), 0);
    // A press and release without moving selects the column, and connects nothing.
    QTest::mouseClick(m_designer->view()->viewport(), Qt::LeftButton, {}, centerOf(*m_designer, source));
    QVERIFY(scene->sourceItem(QStringLiteral("STATUS"))->isSelected());
    QCOMPARE(scene->armedColumn(), QStringLiteral("STATUS"));
    QCOMPARE(m_designer->undoStack()->count(), 0);
}

void TestMappingDesigner::severalSourcesFeedOneTarget()
{
    DesignerScene* scene = m_designer->scene();
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("REPEAT"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_code"))));
    QCOMPARE(m_designer->model()->linksTo(QStringLiteral("visit_code")).size(), 2);
    QCOMPARE(test::currentDocument(*m_designer), test::expectedDocument([](MappingDocument& d) {
                 d.field(QStringLiteral("visit_code"))->from << QStringLiteral("REPEAT");
             }));
    // The same pair again is refused with a word why.
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("REPEAT"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_code"))));
    QCOMPARE(m_designer->undoStack()->count(), 1);
    QVERIFY(m_designer->statusLabel()->text().contains(QLatin1String("already")));
    // A column onto a field filled by a study parameter replaces the parameter; undo gives it back.
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("SUBJ"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("study_id"))));
    QCOMPARE(m_designer->model()->param(QStringLiteral("study_id")), QString());
    m_designer->undoStack()->undo();
    QCOMPARE(m_designer->model()->param(QStringLiteral("study_id")), QStringLiteral("study_id"));
}

void TestMappingDesigner::keyboardConnects()
{
    DesignerScene* scene = m_designer->scene();
    QGraphicsView* view = m_designer->view();
    QVERIFY(!m_designer->connectAction()->isEnabled());
    // Down through the source column to VISIT_NAME (the 5th column).
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(scene->sourceItem(QStringLiteral("VISIT_NAME"))->isSelected());
    QCOMPARE(scene->armedColumn(), QStringLiteral("VISIT_NAME"));
    QTest::keyClick(view, Qt::Key_Up);
    QVERIFY(scene->sourceItem(QStringLiteral("VISIT_DATE"))->isSelected());
    QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(!m_designer->connectAction()->isEnabled()); // no target yet
    // Right to the target column (the field on the same row: visit_date), then up to visit_name.
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(scene->selectedItems().size(), 1);
    QVERIFY(scene->targetItem(QStringLiteral("visit_date"))->isSelected());
    QTest::keyClick(view, Qt::Key_Up);
    QVERIFY(scene->targetItem(QStringLiteral("visit_name"))->isSelected());
    QVERIFY(scene->armedSource() && scene->armedSource()->isArmed());
    QVERIFY(m_designer->connectAction()->isEnabled());
    QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_designer->model()->findLink(QStringLiteral("VISIT_NAME"), QStringLiteral("visit_name")));
    QCOMPARE(test::currentDocument(*m_designer), test::expectedDocument([](MappingDocument& d) {
                 core::FieldRule r;
                 r.target = QStringLiteral("visit_name");
                 r.from = QStringList{QStringLiteral("VISIT_NAME")};
                 d.fields << r;
             }));
    // Again: already connected, nothing changes.
    QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(m_designer->undoStack()->count(), 1);
    // Left goes back to the armed source column.
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY(scene->sourceItem(QStringLiteral("VISIT_NAME"))->isSelected());
    // Undo and redo by their keys.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_designer->model()->findLink(QStringLiteral("VISIT_NAME"), QStringLiteral("visit_name")));
}

void TestMappingDesigner::deleteRemovesTheSelectedLink()
{
    DesignerScene* scene = m_designer->scene();
    QGraphicsView* view = m_designer->view();
    const int subject = m_designer->model()->findLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"));
    ui::LinkItem* link = scene->linkItem(subject);
    QVERIFY(link);
    // Click the middle of the curve.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, viewPoint(*m_designer, link->path().pointAtPercent(0.5)));
    QVERIFY(link->isSelected());
    QVERIFY(m_designer->deleteAction()->isEnabled());
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!m_designer->model()->hasLink(subject));
    QVERIFY(!scene->linkItem(subject));
    const QByteArray removed = test::expectedDocument([](MappingDocument& d) { d.fields.removeAt(1); });
    QCOMPARE(test::currentDocument(*m_designer), removed);
    // The required key field is now unmapped: highlighted and listed.
    QVERIFY(scene->targetItem(QStringLiteral("subject_id"))->hasProblem());
    QVERIFY(m_designer->problemList()->item(0)->text().contains(QLatin1String("subject_id")));
    m_designer->undoStack()->undo();
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes()); // with its transforms
    QVERIFY(!scene->targetItem(QStringLiteral("subject_id"))->hasProblem());

    // A selected field's links go with Delete too.
    scene->selectField(scene->targetItem(QStringLiteral("visit_code")));
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(m_designer->model()->linksTo(QStringLiteral("visit_code")).isEmpty());
    m_designer->undoStack()->undo();
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
    // Nothing selected: nothing to delete.
    scene->clearSelection();
    QVERIFY(!m_designer->deleteAction()->isEnabled());
    QVERIFY(!scene->deleteSelected());
}

void TestMappingDesigner::dragTheEndOfALinkToRetarget()
{
    DesignerScene* scene = m_designer->scene();
    const int visit = m_designer->model()->findLink(QStringLiteral("VISIT"), QStringLiteral("visit_code"));
    ui::LinkItem* link = scene->linkItem(visit);
    QVERIFY(link);
    bool sawDraft = false;
    drag(*m_designer, viewPoint(*m_designer, link->to()), centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_name"))),
         [&](QPoint) {
             sawDraft = scene->draftLink() && scene->draftLink()->retargetedLink() == visit;
             QVERIFY(!scene->linkItem(visit)->isVisible()); // the draft stands for it
         });
    QVERIFY(sawDraft);
    QCOMPARE(m_designer->model()->link(visit).target, QStringLiteral("visit_name")); // the same link, re-targeted
    QCOMPARE(test::currentDocument(*m_designer), test::expectedDocument([](MappingDocument& d) {
                 d.field(QStringLiteral("visit_code"))->from.clear();
                 d.fields.removeAt(2);
                 core::FieldRule r;
                 r.target = QStringLiteral("visit_name");
                 r.from = QStringList{QStringLiteral("VISIT")};
                 d.fields << r;
             }));
    QVERIFY(scene->targetItem(QStringLiteral("visit_code"))->hasProblem()); // a key field, now unmapped
    QCOMPARE(scene->linkItem(visit)->to(), scene->targetItem(QStringLiteral("visit_name"))->anchor());
    QVERIFY(scene->linkItem(visit)->isVisible());
    m_designer->undoStack()->undo();
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
    // Dropping the end on empty space leaves the link where it was.
    link = scene->linkItem(visit);
    drag(*m_designer, viewPoint(*m_designer, link->to()), viewPoint(*m_designer, QPointF(DesignerScene::TargetX - 100, 5)));
    QCOMPARE(m_designer->model()->link(visit).target, QStringLiteral("visit_code"));
    QVERIFY(scene->linkItem(visit)->isVisible());
    QCOMPARE(m_designer->undoStack()->count(), 1); // only the re-target before
}

void TestMappingDesigner::undoAndRedoRestoreEveryStep()
{
    DesignerScene* scene = m_designer->scene();
    QList<QByteArray> states{test::currentDocument(*m_designer)};
    auto dragTo = [&](const QString& column, const QString& field) {
        drag(*m_designer, centerOf(*m_designer, scene->sourceItem(column)), centerOf(*m_designer, scene->targetItem(field)));
        states << test::currentDocument(*m_designer);
    };
    dragTo(QStringLiteral("VISIT_DATE"), QStringLiteral("visit_date"));
    dragTo(QStringLiteral("REPEAT"), QStringLiteral("visit_code"));
    dragTo(QStringLiteral("STATUS"), QStringLiteral("status"));
    // Re-target STATUS onto visit_name, then delete the SUBJ link.
    const int status = m_designer->model()->findLink(QStringLiteral("STATUS"), QStringLiteral("status"));
    drag(*m_designer, viewPoint(*m_designer, scene->linkItem(status)->to()),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_name"))));
    states << test::currentDocument(*m_designer);
    const int subject = m_designer->model()->findLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"));
    scene->clearSelection();
    scene->linkItem(subject)->setSelected(true);
    m_designer->deleteAction()->trigger();
    states << test::currentDocument(*m_designer);
    QCOMPARE(m_designer->undoStack()->count(), 5);
    for (int i = 1; i < states.size(); ++i)
        QVERIFY2(states[i] != states[i - 1], qPrintable(QString::number(i)));

    for (int i = states.size() - 2; i >= 0; --i) {
        m_designer->undoAction()->trigger();
        QCOMPARE(test::currentDocument(*m_designer), states[i]);
        QCOMPARE(scene->linkItems().size(), m_designer->model()->links().size());
    }
    QVERIFY(!m_designer->undoAction()->isEnabled());
    QVERIFY(!m_designer->isModified());
    for (int i = 1; i < states.size(); ++i) {
        m_designer->redoAction()->trigger();
        QCOMPARE(test::currentDocument(*m_designer), states[i]);
        QCOMPARE(scene->linkItems().size(), m_designer->model()->links().size());
    }
    QVERIFY(!m_designer->redoAction()->isEnabled());
    // The ids survive undo and redo: the re-targeted link is the one made by the third drag.
    QCOMPARE(m_designer->model()->link(status).target, QStringLiteral("visit_name"));
}

void TestMappingDesigner::saveWritesTheExpectedDocument()
{
    DesignerScene* scene = m_designer->scene();
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("VISIT_DATE"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_date"))));
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("REPEAT"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_code"))));
    const QString out = m_tmp.filePath(QStringLiteral("saved.mapping.json"));
    QSignalSpy saved(m_designer, &MappingDesigner::saved);
    QString error;
    QVERIFY2(m_designer->saveAs(out, &error), qPrintable(error));
    QCOMPARE(saved.size(), 1);
    QVERIFY(!m_designer->isModified());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(bytes, test::expectedDocument([](MappingDocument& d) {
                 core::FieldRule r;
                 r.target = QStringLiteral("visit_date");
                 r.from = QStringList{QStringLiteral("VISIT_DATE")};
                 d.fields << r;
                 d.field(QStringLiteral("visit_code"))->from << QStringLiteral("REPEAT");
             }));
    // What the CLI reads: the saved file loads, and opening it again restores the same picture.
    MappingDocument back;
    QVERIFY2(MappingDocument::load(out, &back, &error), qPrintable(error));
    MappingDesigner again;
    QVERIFY(again.openMapping(out, m_samplePath, &error));
    QCOMPARE(test::currentDocument(again), bytes);
    QCOMPARE(again.scene()->linkItems().size(), 4);
    for (const core::MappingLink& l : again.model()->links()) {
        ui::LinkItem* item = again.scene()->linkItem(l.id);
        QVERIFY(item);
        QCOMPARE(item->from(), again.scene()->sourceItem(l.column)->anchor());
        QCOMPARE(item->to(), again.scene()->targetItem(l.target)->anchor());
    }
    // Ctrl+S saves to the file it came from.
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("STATUS"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("status"))));
    QVERIFY(m_designer->isModified());
    QTest::keyClick(m_designer->view(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_designer->isModified());
    QCOMPARE(saved.size(), 2);
    f.close(); // the save replaced the file
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), test::currentDocument(*m_designer));
    // A file that cannot be written is said so, and the changes stay unsaved.
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("VISIT_NAME"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_name"))));
    QVERIFY(!m_designer->saveAs(m_tmp.filePath(QStringLiteral("no-such-dir/x.mapping.json")), &error));
    QVERIFY2(error.contains(QLatin1String("x.mapping.json")), qPrintable(error));
    QVERIFY(m_designer->isModified());
}

void TestMappingDesigner::openThenSaveIsIdentical_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sample");
    const QStringList files = exampleMappings();
    QVERIFY(files.size() >= 8);
    for (const QString& f : files) {
        QString sample;
        if (f.contains(QLatin1String("openclinica-juno")))
            sample = QStringLiteral("examples/openclinica-juno/odm/openclinica-juno-full-extract.xml");
        QTest::newRow(qPrintable(f)) << f << sample;
    }
}

void TestMappingDesigner::openThenSaveIsIdentical()
{
    QFETCH(QString, file);
    QFETCH(QString, sample);
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::load(test::sourcePath(file), &doc, &error), qPrintable(error));
    MappingDesigner d;
    QVERIFY2(d.openMapping(test::sourcePath(file), sample.isEmpty() ? QString() : test::sourcePath(sample), &error),
             qPrintable(error));
    QVERIFY(QDir(m_tmp.path()).mkpath(QStringLiteral("saved")));
    const QString out = m_tmp.filePath(QStringLiteral("saved/") + QString(file).replace(QLatin1Char('/'), QLatin1Char('_')));
    QVERIFY2(d.saveAs(out, &error), qPrintable(error));
    QFile saved(out);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QCOMPARE(bytes, doc.toJsonBytes());
    // The same JSON as the file (the files' own formatting may differ: some write an empty object as "{}"
    // where QJsonDocument writes it over two lines).
    QFile original(test::sourcePath(file));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(bytes), QJsonDocument::fromJson(original.readAll()));
    // And a fixed point: opening the saved file and saving it again gives the same bytes.
    MappingDesigner again;
    QVERIFY2(again.openMapping(out, {}, &error), qPrintable(error));
    const QString second = out + QStringLiteral(".again");
    QVERIFY2(again.saveAs(second, &error), qPrintable(error));
    QFile secondFile(second);
    QVERIFY(secondFile.open(QIODevice::ReadOnly));
    QCOMPARE(secondFile.readAll(), bytes);
    // A real sample leaves nothing broken in the examples.
    if (!sample.isEmpty())
        for (const core::MappingProblem& p : d.model()->problems())
            QVERIFY2(p.kind != core::MappingProblem::Kind::BrokenLink, qPrintable(p.message));
}

void TestMappingDesigner::problemsAreHighlighted()
{
    DesignerScene* scene = m_designer->scene();
    // A sample without the VISIT column: its link is broken, drawn to a placeholder, and listed.
    const QString other = test::writeFile(m_tmp.path(), QStringLiteral("other.csv"), "SUBJ;VISITNUM\n1;2\n");
    QString error;
    QVERIFY2(m_designer->loadSample(other, &error), qPrintable(error));
    const int visit = m_designer->model()->findLink(QStringLiteral("VISIT"), QStringLiteral("visit_code"));
    QVERIFY(scene->linkItem(visit)->isBroken());
    QVERIFY(!scene->linkItem(m_designer->model()->findLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id")))->isBroken());
    FieldItem* placeholder = scene->sourceItem(QStringLiteral("VISIT"));
    QVERIFY(placeholder);
    QCOMPARE(placeholder->kind(), FieldItem::Kind::Missing);
    QVERIFY(placeholder->hasProblem());
    QCOMPARE(scene->linkItem(visit)->from(), placeholder->anchor());
    QCOMPARE(m_designer->problemList()->count(), 1);
    QVERIFY(m_designer->problemList()->item(0)->text().contains(QLatin1String("VISIT")));
    // Activating the problem selects the link.
    m_designer->problemList()->setCurrentRow(0);
    emit m_designer->problemList()->itemActivated(m_designer->problemList()->item(0));
    QVERIFY(scene->linkItem(visit)->isSelected());
    // Re-targeting does not mend it; replacing the column does: remove it, connect VISITNUM.
    QVERIFY(scene->deleteSelected());
    QVERIFY(scene->targetItem(QStringLiteral("visit_code"))->hasProblem()); // a key field, unmapped
    QVERIFY(!scene->sourceItem(QStringLiteral("VISIT"))); // the placeholder went with its link
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("VISITNUM"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_code"))));
    QVERIFY(!scene->targetItem(QStringLiteral("visit_code"))->hasProblem());
    QVERIFY(m_designer->model()->problems().isEmpty());
    QCOMPARE(m_designer->problemList()->count(), 1); // "no problems"
    QVERIFY(m_designer->problemList()->item(0)->data(Qt::UserRole + 1).toString().isEmpty());
    // Required fields are marked whether mapped or not.
    QVERIFY(scene->targetItem(QStringLiteral("study_id"))->isSelected() || true);
    const QStringList required{QStringLiteral("study_id"), QStringLiteral("subject_id"), QStringLiteral("visit_code")};
    for (FieldItem* f : scene->fieldItems(FieldItem::Side::Target))
        QCOMPARE(m_designer->targetModel()->isRequired(f->key()), required.contains(f->key()));
}

void TestMappingDesigner::searchFiltersTheSourceColumns()
{
    DesignerScene* scene = m_designer->scene();
    QTest::keyClick(m_designer->view(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_designer->searchField()->hasFocus());
    QTest::keyClicks(m_designer->searchField(), QStringLiteral("visit_"));
    QStringList shown;
    for (FieldItem* f : scene->fieldItems(FieldItem::Side::Source))
        shown << f->key();
    QCOMPARE(shown, (QStringList{QStringLiteral("VISIT_DATE"), QStringLiteral("VISIT_NAME")}));
    // Links from hidden columns are hidden, not removed.
    QVERIFY(!scene->linkItem(m_designer->model()->findLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id")))->isVisible());
    QCOMPARE(m_designer->model()->links().size(), 2);
    // Dragging a found column works as ever.
    drag(*m_designer, centerOf(*m_designer, scene->sourceItem(QStringLiteral("VISIT_NAME"))),
         centerOf(*m_designer, scene->targetItem(QStringLiteral("visit_name"))));
    QVERIFY(m_designer->model()->findLink(QStringLiteral("VISIT_NAME"), QStringLiteral("visit_name")));
    m_designer->searchField()->clear();
    QCOMPARE(scene->fieldItems(FieldItem::Side::Source).size(), 6);
    QVERIFY(scene->linkItem(m_designer->model()->findLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id")))->isVisible());
}

void TestMappingDesigner::zoomAndFit()
{
    QGraphicsView* view = m_designer->view();
    m_designer->resize(1400, 720); // wide enough beside the transform panel for the natural size
    QCOMPARE(m_designer->zoom(), 1.0);
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(m_designer->zoom() > 1.0);
    m_designer->zoomOutAction()->trigger();
    m_designer->zoomOutAction()->trigger();
    QVERIFY(m_designer->zoom() < 1.0);
    for (int i = 0; i < 20; ++i)
        m_designer->zoomOutAction()->trigger();
    QVERIFY(m_designer->zoom() >= 0.2 - 1e-9); // bounded
    m_designer->fitAction()->trigger();
    // The whole picture is in the view.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY2(visible.contains(m_designer->scene()->itemsBoundingRect()), "fit to view shows everything");
    // A drag still works at another zoom.
    m_designer->zoomOutAction()->trigger();
    drag(*m_designer, centerOf(*m_designer, m_designer->scene()->sourceItem(QStringLiteral("STATUS"))),
         centerOf(*m_designer, m_designer->scene()->targetItem(QStringLiteral("status"))));
    QVERIFY(m_designer->model()->findLink(QStringLiteral("STATUS"), QStringLiteral("status")));
}

void TestMappingDesigner::odmGroupsFoldWithTheirLinks()
{
    MappingDesigner d;
    d.resize(1100, 720);
    QString error;
    QVERIFY2(d.openMapping(test::sourcePath(QStringLiteral("examples/openclinica-juno/visits.mapping.json")),
                           test::sourcePath(QStringLiteral("examples/openclinica-juno/odm/openclinica-juno-full-extract.xml")),
                           &error),
             qPrintable(error));
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    DesignerScene* scene = d.scene();
    QVERIFY(d.model()->problems().isEmpty());
    FieldItem* context = scene->groupItem(QStringLiteral("/Context"));
    QVERIFY(context);
    QCOMPARE(context->kind(), FieldItem::Kind::Group);
    const int event = d.model()->findLink(QStringLiteral("StudyEventOID"), QStringLiteral("visit_code"));
    QVERIFY(event);
    QCOMPARE(scene->sourceItem(QStringLiteral("StudyEventOID"))->kind(), FieldItem::Kind::Field);
    const int rows = int(scene->fieldItems(FieldItem::Side::Source).size());
    // A click folds the group: its columns' links now start at the group's row.
    QTest::mouseClick(d.view()->viewport(), Qt::LeftButton, {}, centerOf(d, context));
    context = scene->groupItem(QStringLiteral("/Context"));
    QVERIFY(!context->isExpanded());
    QCOMPARE(scene->sourceItem(QStringLiteral("StudyEventOID")), context);
    QVERIFY(scene->fieldItems(FieldItem::Side::Source).size() < rows);
    QCOMPARE(scene->linkItem(event)->from(), context->anchor());
    QVERIFY(scene->linkItem(event)->isVisible());
    // Return unfolds it again (the group is the current row).
    QTest::keyClick(d.view(), Qt::Key_Return);
    QVERIFY(scene->groupItem(QStringLiteral("/Context"))->isExpanded());
    QCOMPARE(int(scene->fieldItems(FieldItem::Side::Source).size()), rows);
    QCOMPARE(scene->sourceItem(QStringLiteral("StudyEventOID"))->kind(), FieldItem::Kind::Field);
    QCOMPARE(d.undoStack()->count(), 0); // folding is no edit
}

void TestMappingDesigner::mappingsPageOpensTheWorkspacesMappings()
{
    // A workspace with the demo's mappings and pipeline, and a visits sample where the pipeline says.
    QTemporaryDir ws;
    for (const QString& f : QDir(test::sourcePath(QStringLiteral("resources/demo"))).entryList(QDir::Files))
        QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("resources/demo/") + f), ws.filePath(f)));
    test::writeFile(ws.path(), QStringLiteral("edc/visits.csv"),
                    "SUBJECT;VISIT_NO;VISIT_NAME;VISIT_DATE;VISIT_STATUS\n001;1;Screening;01.02.2024 10:00;DONE\n");
    ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openWorkspace(ws.path()));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::MappingsPageIndex);
    ui::MappingsPage* page = w.mappingsPage();
    QListWidget* list = page->mappingList();
    QCOMPARE(list->count(), 3);
    // The first is open; its pipeline's source file does not exist here: the mapping's columns are shown.
    QVERIFY(page->designer()->hasDocument());
    QCOMPARE(QFileInfo(page->designer()->fileName()).fileName(), list->item(0)->text());
    QVERIFY(page->designer()->sampleFile().isEmpty());
    // Clicking visits opens it with the sample the pipeline names.
    const int row = int(list->row(list->findItems(QStringLiteral("visits.mapping.json"), Qt::MatchExactly).first()));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    QCOMPARE(QFileInfo(page->designer()->fileName()).fileName(), QStringLiteral("visits.mapping.json"));
    QCOMPARE(QFileInfo(page->designer()->sampleFile()).fileName(), QStringLiteral("visits.csv"));
    QCOMPARE(page->designer()->sourceModel()->columns().size(), 5);
    QVERIFY(page->designer()->model()->problems().isEmpty());
    MappingDocument doc;
    QString error;
    QVERIFY(MappingDocument::load(ws.filePath(QStringLiteral("visits.mapping.json")), &doc, &error));
    QCOMPARE(page->designer()->model()->toDocument().toJsonBytes(), doc.toJsonBytes());
    // The other pages keep their places and keys.
    QTest::keyClick(&w, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), ui::MainWindow::RunsPageIndex);
    QCOMPARE(w.navigation()->item(ui::MainWindow::MappingsPageIndex)->text(), QStringLiteral("Mappings"));
}

QTEST_MAIN(TestMappingDesigner)
#include "tst_mappingdesigner.moc"

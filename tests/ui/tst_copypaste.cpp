// Copy, cut and paste of links in the mapping designer, driven by real keys on the view (offscreen): Ctrl+C puts
// the selected links with their target's transform chain on the clipboard (our MIME type and plain-text JSON,
// compared with the expected document), Ctrl+X removes them as one undo step, Ctrl+V pastes onto the fields of
// the same name (also in another mapping of the entity) or one link onto the selected field. Every paste is one
// undo step, undone and redone back to the exact document; the saved file is compared byte for byte. What
// cannot be pasted is named in the status line; a clipboard that is not links is named with its place.

#include "DesignerTestSupport.h"
#include "TestSupport.h"
#include "designer/DesignerScene.h"
#include "designer/FieldItem.h"
#include "designer/LinkClipboard.h"
#include "designer/LinkItem.h"
#include "designer/MappingDesigner.h"
#include "mapping/MappingModel.h"
#include "mapping/TransformFactory.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QGraphicsView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tb;
using core::MappingDocument;
using ui::DesignerScene;
using ui::LinkClipboard;
using ui::MappingDesigner;

namespace {

// Another mapping of the same entity: the place links are pasted into.
const QByteArray OtherVisitsJson = R"({
  "format": "trialbridge.mapping/1", "name": "other-visits", "revision": 1,
  "source": {"kind": "csv", "delimiter": ";", "nulls": [""]},
  "target": {"entity": "visit"},
  "fields": {
    "study_id": {"param": "study_id"},
    "visit_name": {"from": "VISIT_NAME"}
  }
})";

core::TransformSpec spec(const char* name, const char* params = "{}")
{
    return {QLatin1String(name), QJsonDocument::fromJson(params).object()};
}

core::FieldRule rule(const char* target, const QStringList& from, const QVector<core::TransformSpec>& transforms = {})
{
    core::FieldRule r;
    r.target = QLatin1String(target);
    r.from = from;
    r.transforms = transforms;
    return r;
}

// The clipboard's links as JSON, the text form compared with the MIME form.
QJsonObject clipboardJson()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (!data || !data->hasFormat(QLatin1String(LinkClipboard::MimeType)))
        return {};
    const QByteArray mime = data->data(QLatin1String(LinkClipboard::MimeType));
    if (data->text().toUtf8() != mime)
        return {};
    return QJsonDocument::fromJson(mime).object();
}

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestCopyPaste : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void copyPutsTheLinksOnTheClipboard_data();
    void copyPutsTheLinksOnTheClipboard();
    void cutThenPasteRestoresTheDocument();
    void pasteOntoTheSelectedField_data();
    void pasteOntoTheSelectedField();
    void pasteNamesWhatItCannotPlace();
    void pasteIntoAnotherMappingOfTheEntity();
    void clipboardThatIsNotLinksIsNamed_data();
    void clipboardThatIsNotLinksIsNamed();
    void editActionsAndContextMenu();

private:
    void clickLink(const QString& column, const QString& target, Qt::KeyboardModifiers modifiers = {});
    void key(QKeySequence::StandardKey k);
    void key(const QKeySequence& k);

    QTemporaryDir m_tmp;
    MappingDesigner* m_designer = nullptr;
    QString m_mappingPath, m_samplePath;
};

void TestCopyPaste::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_samplePath = test::writeFile(m_tmp.path(), QStringLiteral("visits.csv"), test::VisitsCsv);
}

void TestCopyPaste::init()
{
    // Every test saves: each its own file.
    m_mappingPath = test::writeFile(m_tmp.path(), QStringLiteral("%1.mapping.json").arg(QTest::currentTestFunction()),
                                    test::VisitsJson);
    QApplication::clipboard()->clear();
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

void TestCopyPaste::cleanup()
{
    delete m_designer;
    m_designer = nullptr;
}

void TestCopyPaste::clickLink(const QString& column, const QString& target, Qt::KeyboardModifiers modifiers)
{
    ui::LinkItem* link = m_designer->scene()->linkItem(m_designer->model()->findLink(column, target));
    QVERIFY(link);
    // The curve's middle: away from the fields and from the handle at its end.
    QTest::mouseClick(m_designer->view()->viewport(), Qt::LeftButton, modifiers,
                      m_designer->view()->mapFromScene(link->path().pointAtPercent(0.5)));
    QVERIFY(link->isSelected());
}

void TestCopyPaste::key(QKeySequence::StandardKey k)
{
    key(QKeySequence(k));
}

void TestCopyPaste::key(const QKeySequence& k)
{
    QTest::keySequence(m_designer->view(), k);
}

void TestCopyPaste::copyPutsTheLinksOnTheClipboard_data()
{
    QTest::addColumn<QString>("select");
    QTest::addColumn<QByteArray>("clipboard");
    QTest::addColumn<QString>("status");

    const QByteArray subject = R"({"format": "trialbridge.links/1", "entity": "visit",
        "links": [{"column": "SUBJ", "target": "subject_id", "transforms": [{"trim": {}}]}]})";
    QTest::newRow("a link clicked") << "link" << subject << "Copied 1 link(s).";
    QTest::newRow("a source field: its links") << "source" << subject << "Copied 1 link(s).";
    QTest::newRow("a target field: its links")
        << "target"
        << QByteArray(R"({"format": "trialbridge.links/1", "entity": "visit",
               "links": [{"column": "VISIT", "target": "visit_code"}]})")
        << "Copied 1 link(s).";
    QTest::newRow("two links, Ctrl+click")
        << "two"
        << QByteArray(R"({"format": "trialbridge.links/1", "entity": "visit",
               "links": [{"column": "SUBJ", "target": "subject_id", "transforms": [{"trim": {}}]},
                         {"column": "VISIT", "target": "visit_code"}]})")
        << "Copied 2 link(s).";
}

void TestCopyPaste::copyPutsTheLinksOnTheClipboard()
{
    QFETCH(QString, select);
    QFETCH(QByteArray, clipboard);
    QFETCH(QString, status);
    DesignerScene* scene = m_designer->scene();
    QVERIFY(!m_designer->copyAction()->isEnabled());
    if (select == QLatin1String("link")) {
        clickLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"));
    } else if (select == QLatin1String("source")) {
        QTest::mouseClick(m_designer->view()->viewport(), Qt::LeftButton, {},
                          m_designer->view()->mapFromScene(scene->sourceItem(QStringLiteral("SUBJ"))->sceneBoundingRect().center()));
    } else if (select == QLatin1String("target")) {
        QTest::mouseClick(m_designer->view()->viewport(), Qt::LeftButton, {},
                          m_designer->view()->mapFromScene(scene->targetItem(QStringLiteral("visit_code"))->sceneBoundingRect().center()));
    } else {
        clickLink(QStringLiteral("VISIT"), QStringLiteral("visit_code"));
        clickLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"), Qt::ControlModifier);
        QCOMPARE(scene->selectedItems().size(), 2);
    }
    QVERIFY(m_designer->copyAction()->isEnabled());
    key(QKeySequence::Copy);
    QCOMPARE(clipboardJson(), json(clipboard));
    QCOMPARE(m_designer->statusLabel()->text(), status);
    // Copying changes nothing.
    QCOMPARE(m_designer->undoStack()->count(), 0);
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
    QVERIFY(m_designer->pasteAction()->isEnabled());
}

void TestCopyPaste::cutThenPasteRestoresTheDocument()
{
    DesignerScene* scene = m_designer->scene();
    QUndoStack* undo = m_designer->undoStack();
    const QByteArray opened = test::currentDocument(*m_designer);
    clickLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"));
    clickLink(QStringLiteral("VISIT"), QStringLiteral("visit_code"), Qt::ControlModifier);
    key(QKeySequence::Cut);
    QCOMPARE(clipboardJson(), json(R"({"format": "trialbridge.links/1", "entity": "visit",
        "links": [{"column": "SUBJ", "target": "subject_id", "transforms": [{"trim": {}}]},
                  {"column": "VISIT", "target": "visit_code"}]})"));
    const QByteArray cut = test::expectedDocument([](MappingDocument& d) { d.fields.remove(1, 2); });
    QCOMPARE(test::currentDocument(*m_designer), cut);
    QVERIFY(scene->linkItems().isEmpty());
    QCOMPARE(undo->count(), 1); // one step
    QCOMPARE(undo->undoText(), QStringLiteral("Cut 2 link(s)"));

    // Paste with nothing selected: onto the fields of the same name, trim back on subject_id.
    scene->clearSelection();
    key(QKeySequence::Paste);
    QCOMPARE(test::currentDocument(*m_designer), opened);
    QCOMPARE(undo->count(), 2);
    QCOMPARE(undo->undoText(), QStringLiteral("Paste 2 link(s)"));
    QCOMPARE(m_designer->statusLabel()->text(), QStringLiteral("Pasted 2 link(s)."));
    QCOMPARE(scene->selectedItems().size(), 2); // the pasted links
    for (QGraphicsItem* i : scene->selectedItems())
        QCOMPARE(i->type(), int(ui::LinkItem::Type));

    // Undo and redo with the keys, one step each, the exact documents.
    key(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(test::currentDocument(*m_designer), cut);
    key(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(test::currentDocument(*m_designer), opened);
    key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(test::currentDocument(*m_designer), cut);
    key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(test::currentDocument(*m_designer), opened);
    QCOMPARE(scene->linkItems().size(), 2);

    // Saved: what was opened, byte for byte in the CLI's format.
    key(QKeySequence::Save);
    QCOMPARE(test::readFile(m_mappingPath), opened);
}

void TestCopyPaste::pasteOntoTheSelectedField_data()
{
    QTest::addColumn<QString>("column");   // the link copied
    QTest::addColumn<QString>("from");     // its target
    QTest::addColumn<QString>("onto");     // the field selected when pasting
    QTest::addColumn<QVector<core::TransformSpec>>("ownChain"); // set on onto before (empty: none)
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("status");

    const core::TransformSpec trim = spec("trim");
    const core::TransformSpec upper = spec("upper");
    QTest::newRow("onto an unmapped field: its chain comes along")
        << "SUBJ" << "subject_id" << "visit_name" << QVector<core::TransformSpec>{}
        << test::expectedDocument([&](MappingDocument& d) { d.fields << rule("visit_name", {"SUBJ"}, {trim}); })
        << "Pasted 1 link(s).";
    QTest::newRow("onto a linked field: a second source")
        << "SUBJ" << "subject_id" << "visit_code" << QVector<core::TransformSpec>{}
        << test::expectedDocument([&](MappingDocument& d) { *d.field(QStringLiteral("visit_code")) = rule("visit_code", {"VISIT", "SUBJ"}, {trim}); })
        << "Pasted 1 link(s).";
    QTest::newRow("a link without a chain: the field keeps its own")
        << "VISIT" << "visit_code" << "subject_id" << QVector<core::TransformSpec>{}
        << test::expectedDocument([&](MappingDocument& d) { *d.field(QStringLiteral("subject_id")) = rule("subject_id", {"SUBJ", "VISIT"}, {trim}); })
        << "Pasted 1 link(s).";
    QTest::newRow("another chain on the field: kept, and said")
        << "SUBJ" << "subject_id" << "visit_code" << QVector<core::TransformSpec>{upper}
        << test::expectedDocument([&](MappingDocument& d) { *d.field(QStringLiteral("visit_code")) = rule("visit_code", {"VISIT", "SUBJ"}, {upper}); })
        << "Pasted 1 link(s). Kept the transforms of visit_code (they differ from the copied ones).";
    QTest::newRow("onto a parameter field: the link replaces it")
        << "SUBJ" << "subject_id" << "study_id" << QVector<core::TransformSpec>{}
        << test::expectedDocument([&](MappingDocument& d) { *d.field(QStringLiteral("study_id")) = rule("study_id", {"SUBJ"}, {trim}); })
        << "Pasted 1 link(s).";
    QTest::newRow("onto its own field: nothing")
        << "SUBJ" << "subject_id" << "subject_id" << QVector<core::TransformSpec>{}
        << QByteArray() << "Nothing pasted. Already connected: SUBJ → subject_id.";
}

void TestCopyPaste::pasteOntoTheSelectedField()
{
    QFETCH(QString, column);
    QFETCH(QString, from);
    QFETCH(QString, onto);
    QFETCH(QVector<core::TransformSpec>, ownChain);
    QFETCH(QByteArray, document);
    QFETCH(QString, status);
    DesignerScene* scene = m_designer->scene();
    QUndoStack* undo = m_designer->undoStack();
    if (!ownChain.isEmpty()) {
        m_designer->model()->setTransforms(onto, ownChain);
        undo->clear();
    }
    const QByteArray before = test::currentDocument(*m_designer);
    clickLink(column, from);
    key(QKeySequence::Copy);
    // Choose the target field with the keyboard, as a user without a mouse would: Right, then Up / Down.
    QTest::keyClick(m_designer->view(), Qt::Key_Right);
    const QList<ui::FieldItem*> targets = scene->fieldItems(ui::FieldItem::Side::Target);
    QTest::keyClick(m_designer->view(), Qt::Key_Up);
    for (int i = 0; i < targets.size() && !scene->targetItem(onto)->isSelected(); ++i)
        QTest::keyClick(m_designer->view(), Qt::Key_Down);
    QVERIFY(scene->targetItem(onto)->isSelected());
    key(QKeySequence::Paste);
    QCOMPARE(m_designer->statusLabel()->text(), status);
    if (document.isEmpty()) {
        QCOMPARE(undo->count(), 0);
        QCOMPARE(test::currentDocument(*m_designer), before);
        return;
    }
    QCOMPARE(test::currentDocument(*m_designer), document);
    QCOMPARE(undo->count(), 1);
    const int pasted = m_designer->model()->findLink(column, onto);
    QVERIFY(pasted);
    QVERIFY(m_designer->model()->findLink(column, from)); // a copy: the original stays
    QVERIFY(scene->linkItem(pasted)->isSelected());
    key(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QCOMPARE(test::currentDocument(*m_designer), before);
    key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(test::currentDocument(*m_designer), document);
    key(QKeySequence::Save);
    QCOMPARE(test::readFile(m_mappingPath), document);
}

void TestCopyPaste::pasteNamesWhatItCannotPlace()
{
    // Links from a text editor: plain text only. Two fit, the others are named, not dropped in silence.
    auto* data = new QMimeData;
    data->setText(QStringLiteral(R"({"format": "trialbridge.links/1", "entity": "visit", "links": [
        {"column": "PATIENT", "target": "subject_id"},
        {"column": "VISIT_DATE", "target": "visit_day"},
        {"column": "VISIT", "target": "visit_code"},
        {"column": "STATUS", "target": "status", "transforms": [{"upper": {}}]},
        {"column": "VISIT_NAME", "target": "visit_name"},
        {"column": "LAB", "target": "visit_date"}]})"));
    QApplication::clipboard()->setMimeData(data);
    QVERIFY(m_designer->pasteAction()->isEnabled());
    m_designer->scene()->clearSelection();
    key(QKeySequence::Paste);
    QCOMPARE(m_designer->statusLabel()->text(),
             QStringLiteral("Pasted 2 link(s). Not in the source: PATIENT, LAB. Not a field of visit: visit_day. "
                            "Already connected: VISIT → visit_code."));
    QCOMPARE(test::currentDocument(*m_designer), test::expectedDocument([](MappingDocument& d) {
                 d.fields << rule("visit_name", {"VISIT_NAME"}) << rule("status", {"STATUS"}, {spec("upper")});
             }));
    QCOMPARE(m_designer->undoStack()->count(), 1);
    m_designer->undoStack()->undo();
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
}

void TestCopyPaste::pasteIntoAnotherMappingOfTheEntity()
{
    DesignerScene* scene = m_designer->scene();
    // Both links of the first mapping: its two fields selected, Ctrl+C.
    scene->selectField(scene->targetItem(QStringLiteral("subject_id")));
    scene->targetItem(QStringLiteral("visit_code"))->setSelected(true);
    key(QKeySequence::Copy);
    QCOMPARE(m_designer->statusLabel()->text(), QStringLiteral("Copied 2 link(s)."));

    const QString otherPath = test::writeFile(m_tmp.path(), QStringLiteral("other.mapping.json"), OtherVisitsJson);
    MappingDesigner other;
    other.resize(1100, 720);
    QString error;
    QVERIFY2(other.openMapping(otherPath, m_samplePath, &error), qPrintable(error));
    other.show();
    QApplication::setActiveWindow(&other);
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    other.view()->setFocus();
    QVERIFY(other.pasteAction()->isEnabled());
    QTest::keySequence(other.view(), QKeySequence::Paste);
    const QByteArray pasted = test::expectedDocument(
        [](MappingDocument& d) {
            d.fields << rule("subject_id", {"SUBJ"}, {spec("trim")}) << rule("visit_code", {"VISIT"});
        },
        OtherVisitsJson);
    QCOMPARE(test::currentDocument(other), pasted);
    QCOMPARE(other.statusLabel()->text(), QStringLiteral("Pasted 2 link(s)."));
    QCOMPARE(other.undoStack()->count(), 1);
    QTest::keySequence(other.view(), QKeySequence::Save);
    QCOMPARE(test::readFile(otherPath), pasted);
    // The first mapping is untouched.
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
}

void TestCopyPaste::clipboardThatIsNotLinksIsNamed_data()
{
    QTest::addColumn<bool>("ours");       // under our MIME type, else plain text
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("status");

    const QByteArray broken = R"({"format": "trialbridge.links/1", "links": [)";
    QJsonParseError parseError;
    QJsonDocument::fromJson(broken, &parseError);
    QTest::newRow("empty clipboard") << false << QByteArray() << "The clipboard holds no links.";
    QTest::newRow("other text") << false << QByteArray("SUBJ -> subject_id") << "The clipboard holds no links.";
    QTest::newRow("not JSON")
        << true << broken
        << QStringLiteral("clipboard: offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
    QTest::newRow("another format") << true << QByteArray(R"({"format": "trialbridge.mapping/1", "links": []})")
                                    << R"(clipboard: not links copied from the mapping designer (format "trialbridge.links/1" expected))";
    QTest::newRow("links not a list") << false << QByteArray(R"({"format": "trialbridge.links/1", "links": {}})")
                                      << "clipboard: links: must be a list";
    QTest::newRow("no links") << true << QByteArray(R"({"format": "trialbridge.links/1", "links": []})")
                              << "clipboard: no links";
    QTest::newRow("a link without its column")
        << true << QByteArray(R"({"format": "trialbridge.links/1", "links": [{"column": "SUBJ", "target": "status"}, {"target": "status"}]})")
        << R"(clipboard: links[1]: needs a "column" and a "target")";
    QTest::newRow("transforms not a list")
        << true << QByteArray(R"({"format": "trialbridge.links/1", "links": [{"column": "SUBJ", "target": "status", "transforms": {"trim": {}}}]})")
        << "clipboard: links[0].transforms: must be a list";
    QTest::newRow("a transform with two names")
        << true << QByteArray(R"({"format": "trialbridge.links/1", "links": [{"column": "SUBJ", "target": "status", "transforms": [{"trim": {}, "upper": {}}]}]})")
        << "clipboard: links[0].transforms[0]: a transform is an object with one key, its name";
    QTest::newRow("an unknown transform")
        << false << QByteArray(R"({"format": "trialbridge.links/1", "links": [{"column": "SUBJ", "target": "status", "transforms": [{"trim": {}}, {"shout": {}}]}]})")
        << QStringLiteral("clipboard: links[0].transforms[1]: unknown transform 'shout'; known transforms: %1")
               .arg(core::TransformFactory::names().join(QStringLiteral(", ")));
    QTest::newRow("a bad transform parameter")
        << false << QByteArray(R"({"format": "trialbridge.links/1", "links": [{"column": "SUBJ", "target": "status", "transforms": [{"trim": {"side": "left"}}]}]})")
        << R"(clipboard: links[0].transforms[0]: trim: takes no parameters, found "side")";
}

void TestCopyPaste::clipboardThatIsNotLinksIsNamed()
{
    QFETCH(bool, ours);
    QFETCH(QByteArray, payload);
    QFETCH(QString, status);
    auto* data = new QMimeData;
    if (ours)
        data->setData(QLatin1String(LinkClipboard::MimeType), payload);
    else if (!payload.isEmpty())
        data->setText(QString::fromUtf8(payload));
    QApplication::clipboard()->setMimeData(data);
    // Paste is offered for what claims to be links, and then says what is wrong with it.
    QCOMPARE(m_designer->pasteAction()->isEnabled(), ours || payload.contains("trialbridge.links/1"));
    QVERIFY(!m_designer->scene()->paste());
    QCOMPARE(m_designer->statusLabel()->text(), status);
    QCOMPARE(m_designer->undoStack()->count(), 0);
    QCOMPARE(test::currentDocument(*m_designer), test::parseMapping(test::VisitsJson).toJsonBytes());
}

void TestCopyPaste::editActionsAndContextMenu()
{
    QGraphicsView* view = m_designer->view();
    QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
    const QList<QAction*> menu = view->actions();
    QVERIFY(menu.contains(m_designer->cutAction()));
    QVERIFY(menu.contains(m_designer->copyAction()));
    QVERIFY(menu.contains(m_designer->pasteAction()));
    QVERIFY(menu.contains(m_designer->deleteAction()));
    QCOMPARE(m_designer->cutAction()->shortcut(), QKeySequence(QKeySequence::Cut));
    QCOMPARE(m_designer->copyAction()->shortcut(), QKeySequence(QKeySequence::Copy));
    QCOMPARE(m_designer->pasteAction()->shortcut(), QKeySequence(QKeySequence::Paste));
    QVERIFY(!m_designer->cutAction()->isEnabled());
    QVERIFY(!m_designer->copyAction()->isEnabled());
    QVERIFY(!m_designer->pasteAction()->isEnabled());
    // Nothing selected: Ctrl+C does nothing (its action is off) and leaves the clipboard alone; asked anyway,
    // the scene says what to select.
    key(QKeySequence::Copy);
    QVERIFY(QApplication::clipboard()->text().isEmpty());
    QVERIFY(!m_designer->scene()->copySelected());
    QCOMPARE(m_designer->statusLabel()->text(), QStringLiteral("Select a link, or a field whose links to copy."));
    QVERIFY(QApplication::clipboard()->text().isEmpty());
    QVERIFY(!m_designer->scene()->cutSelected());
    QCOMPARE(m_designer->undoStack()->count(), 0);
    clickLink(QStringLiteral("VISIT"), QStringLiteral("visit_code"));
    QVERIFY(m_designer->cutAction()->isEnabled());
    QVERIFY(m_designer->copyAction()->isEnabled());
    m_designer->copyAction()->trigger(); // as the context menu does
    QVERIFY(m_designer->pasteAction()->isEnabled());
    // Ctrl+C in the search field copies its text, not links.
    m_designer->searchField()->setText(QStringLiteral("VISIT"));
    m_designer->searchField()->selectAll();
    m_designer->searchField()->setFocus();
    QTest::keySequence(m_designer->searchField(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("VISIT"));
    QVERIFY(!m_designer->pasteAction()->isEnabled());
}

QTEST_MAIN(TestCopyPaste)
#include "tst_copypaste.moc"

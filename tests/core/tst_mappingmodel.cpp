// The designer's model of a mapping document, without any GUI: links with stable ids from the document's
// `from` lists, a signal for every change, the problems it reports (unmapped required fields, broken links,
// unknown targets), and the round trip: toDocument() gives back exactly the document it was given.

#include "TestSupport.h"
#include "mapping/MappingModel.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

using namespace tb;
using core::MappingDocument;
using core::MappingModel;
using core::MappingProblem;

namespace {

// A visit mapping: study from a parameter, subject with transforms, the visit code from two columns.
const QByteArray Visits = R"({
  "format": "trialbridge.mapping/1", "name": "visits", "revision": 2,
  "source": {"kind": "csv", "delimiter": ";", "nulls": ["", "NA"]},
  "target": {"entity": "visit"},
  "filter": [{"column": "STATUS", "notIn": ["DELETED"]}],
  "fields": {
    "study_id": {"param": "study_id"},
    "subject_id": {"from": "SUBJ", "transforms": [{"trim": {}}, {"upper": {}}]},
    "visit_code": {"from": ["VISIT", "REPEAT"], "transforms": [{"concat": {"separator": "."}}]},
    "visit_name": {"const": "Visit"}
  },
  "modifiedAt": {"from": "CHANGED", "transforms": [{"date": {"format": "iso"}}]}
})";

QStringList exampleMappings()
{
    QStringList out;
    for (const QString& dir : {QStringLiteral("resources/demo"), QStringLiteral("examples/cdiscpilot01"),
                               QStringLiteral("examples/openclinica-juno")})
        for (const QString& f : QDir(test::sourcePath(dir)).entryList({QStringLiteral("*.mapping.json")}, QDir::Files))
            out << dir + QLatin1Char('/') + f;
    return out;
}

QStringList kinds(const QVector<MappingProblem>& problems)
{
    QStringList out;
    for (const MappingProblem& p : problems) {
        static const char* const names[] = {"unmapped", "broken", "unknownTarget", "unknownEntity"};
        QString s = QLatin1String(names[int(p.kind)]);
        if (!p.target.isEmpty())
            s += QLatin1Char(':') + p.target;
        if (!p.column.isEmpty() && p.kind == MappingProblem::Kind::BrokenLink)
            s += QLatin1Char('<') + p.column;
        out << s;
    }
    return out;
}

} // namespace

class TestMappingModel : public QObject
{
    Q_OBJECT
private slots:
    void roundTripIsExact_data();
    void roundTripIsExact();
    void linksComeFromTheDocumentInOrder();
    void idsAreStableAndNeverReused();
    void everyEditEmitsItsSignals();
    void positionsOrderSeveralSources_data();
    void positionsOrderSeveralSources();
    void linkReplacesAConstantOrParameter();
    void movedLinkKeepsItsId();
    void lastLinkRemovedKeepsTheTransforms();
    void modifiedAtIsATarget();
    void refusals();
    void problems_data();
    void problems();
    void problemsNameTheirPlace();
};

void TestMappingModel::roundTripIsExact_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("inline visits") << QString();
    const QStringList files = exampleMappings();
    QVERIFY(files.size() >= 8);
    for (const QString& f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TestMappingModel::roundTripIsExact()
{
    QFETCH(QString, file);
    MappingDocument doc;
    if (file.isEmpty()) {
        doc = test::parseMapping(Visits);
    } else {
        QString error;
        QVERIFY2(MappingDocument::load(test::sourcePath(file), &doc, &error), qPrintable(error));
    }
    MappingModel model;
    model.setDocument(doc);
    const MappingDocument back = model.toDocument();
    QCOMPARE(back.toJsonBytes(), doc.toJsonBytes());
    QVERIFY(back == doc);
    // Field by field, order included: nothing is reordered or rewritten.
    QCOMPARE(back.fields.size(), doc.fields.size());
    for (int i = 0; i < doc.fields.size(); ++i)
        QVERIFY2(back.fields[i] == doc.fields[i], qPrintable(doc.fields[i].target));
    QVERIFY(back.modifiedAt == doc.modifiedAt);
    QVERIFY(back.filters == doc.filters);
}

void TestMappingModel::linksComeFromTheDocumentInOrder()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    QStringList links;
    for (const core::MappingLink& l : model.links())
        links << l.column + QStringLiteral("→") + l.target;
    QCOMPARE(links, (QStringList{QStringLiteral("SUBJ→subject_id"), QStringLiteral("VISIT→visit_code"),
                                 QStringLiteral("REPEAT→visit_code"), QStringLiteral("CHANGED→_modified")}));
    const QVector<int> code = model.linksTo(QStringLiteral("visit_code"));
    QCOMPARE(code.size(), 2);
    QCOMPARE(model.link(code[0]).column, QStringLiteral("VISIT"));
    QCOMPARE(model.positionOf(code[1]), 1);
    QCOMPARE(model.findLink(QStringLiteral("REPEAT"), QStringLiteral("visit_code")), code[1]);
    QCOMPARE(model.findLink(QStringLiteral("REPEAT"), QStringLiteral("visit_name")), 0);
    QCOMPARE(model.param(QStringLiteral("study_id")), QStringLiteral("study_id"));
    QCOMPARE(model.constValue(QStringLiteral("visit_name")), QStringLiteral("Visit"));
    QCOMPARE(model.transforms(QStringLiteral("subject_id")).size(), 2);
}

void TestMappingModel::idsAreStableAndNeverReused()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    QSet<int> ids;
    for (const core::MappingLink& l : model.links())
        ids.insert(l.id);
    QCOMPARE(ids.size(), 4);
    QVERIFY(!ids.contains(0));
    const int subject = model.linksTo(QStringLiteral("subject_id")).first();
    QVERIFY(model.removeLink(subject));
    const int added = model.addLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"));
    QVERIFY(added != 0);
    QVERIFY(!ids.contains(added)); // a removed link's id is not handed out again
    // An id given back (undo of a removal) is taken as it is.
    QVERIFY(model.removeLink(added));
    QCOMPARE(model.addLink(QStringLiteral("SUBJ"), QStringLiteral("subject_id"), -1, subject), subject);
    QCOMPARE(model.toDocument().toJsonBytes(), test::parseMapping(Visits).toJsonBytes());
}

void TestMappingModel::everyEditEmitsItsSignals()
{
    MappingModel model;
    QSignalSpy reset(&model, &MappingModel::documentReset);
    QSignalSpy added(&model, &MappingModel::linkAdded);
    QSignalSpy aboutToRemove(&model, &MappingModel::linkAboutToBeRemoved);
    QSignalSpy removed(&model, &MappingModel::linkRemoved);
    QSignalSpy changedLink(&model, &MappingModel::linkChanged);
    QSignalSpy field(&model, &MappingModel::fieldChanged);
    QSignalSpy changed(&model, &MappingModel::changed);
    QSignalSpy problems(&model, &MappingModel::problemsChanged);
    QSignalSpy columns(&model, &MappingModel::sourceColumnsChanged);

    model.setDocument(test::parseMapping(Visits));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0); // opening is not an edit
    QCOMPARE(problems.size(), 1);

    const int id = model.addLink(QStringLiteral("NAME"), QStringLiteral("visit_name"));
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().toInt(), id);
    QCOMPARE(field.size(), 1); // its constant went
    QCOMPARE(field.first().first().toString(), QStringLiteral("visit_name"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(problems.size(), 2);

    QVERIFY(model.moveLink(id, QStringLiteral("status")));
    QCOMPARE(changedLink.size(), 1);
    QCOMPARE(changedLink.first().first().toInt(), id);
    QCOMPARE(changed.size(), 2);

    QVERIFY(model.removeLink(id));
    QCOMPARE(aboutToRemove.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first(), (QList<QVariant>{id, QStringLiteral("NAME"), QStringLiteral("status")}));
    QCOMPARE(changed.size(), 3);

    QVERIFY(model.setFieldValue(QStringLiteral("visit_name"), QStringLiteral("V"), {}));
    QCOMPARE(field.size(), 2);
    QCOMPARE(changed.size(), 4);

    model.setSourceColumns({QStringLiteral("SUBJ")});
    QCOMPARE(columns.size(), 1);
    QCOMPARE(problems.size(), 6);
    QCOMPARE(changed.size(), 4); // the source's columns are not an edit of the document
}

void TestMappingModel::positionsOrderSeveralSources_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<QStringList>("from");
    QTest::newRow("last") << -1 << QStringList{"VISIT", "REPEAT", "EXTRA"};
    QTest::newRow("first") << 0 << QStringList{"EXTRA", "VISIT", "REPEAT"};
    QTest::newRow("middle") << 1 << QStringList{"VISIT", "EXTRA", "REPEAT"};
    QTest::newRow("past the end") << 7 << QStringList{"VISIT", "REPEAT", "EXTRA"};
}

void TestMappingModel::positionsOrderSeveralSources()
{
    QFETCH(int, position);
    QFETCH(QStringList, from);
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    const int id = model.addLink(QStringLiteral("EXTRA"), QStringLiteral("visit_code"), position);
    QVERIFY(id);
    QCOMPARE(model.toDocument().field(QStringLiteral("visit_code"))->from, from);
    QCOMPARE(model.positionOf(id), int(from.indexOf(QStringLiteral("EXTRA"))));
    QVERIFY(model.removeLink(id));
    QCOMPARE(model.toDocument().toJsonBytes(), test::parseMapping(Visits).toJsonBytes());
}

void TestMappingModel::linkReplacesAConstantOrParameter()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    QVERIFY(model.isMapped(QStringLiteral("study_id")));
    const int id = model.addLink(QStringLiteral("STUDY"), QStringLiteral("study_id"));
    QVERIFY(model.param(QStringLiteral("study_id")).isEmpty());
    const core::MappingDocument linked = model.toDocument();
    const core::FieldRule* r = linked.field(QStringLiteral("study_id"));
    QVERIFY(r);
    QCOMPARE(r->from, QStringList{QStringLiteral("STUDY")});
    QVERIFY(r->param.isEmpty());
    // One kind of source per field: no parameter while a link feeds it.
    QVERIFY(!model.setFieldValue(QStringLiteral("study_id"), {}, QStringLiteral("study_id")));
    QVERIFY(model.removeLink(id));
    QVERIFY(model.setFieldValue(QStringLiteral("study_id"), {}, QStringLiteral("study_id")));
    QCOMPARE(model.toDocument().toJsonBytes(), test::parseMapping(Visits).toJsonBytes());
    // Both a constant and a parameter: refused.
    QVERIFY(!model.setFieldValue(QStringLiteral("visit_name"), QStringLiteral("A"), QStringLiteral("b")));
}

void TestMappingModel::movedLinkKeepsItsId()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    const int repeat = model.findLink(QStringLiteral("REPEAT"), QStringLiteral("visit_code"));
    QVERIFY(model.moveLink(repeat, QStringLiteral("visit_name")));
    QCOMPARE(model.link(repeat).target, QStringLiteral("visit_name"));
    const MappingDocument moved = model.toDocument();
    QCOMPARE(moved.field(QStringLiteral("visit_code"))->from, QStringList{QStringLiteral("VISIT")});
    QCOMPARE(moved.field(QStringLiteral("visit_name"))->from, QStringList{QStringLiteral("REPEAT")});
    QVERIFY(moved.field(QStringLiteral("visit_name"))->constValue.isNull());
    // Back to its place, and the constant back: the document as it was.
    QVERIFY(model.moveLink(repeat, QStringLiteral("visit_code"), 1));
    QVERIFY(model.setFieldValue(QStringLiteral("visit_name"), QStringLiteral("Visit"), {}));
    QCOMPARE(model.toDocument().toJsonBytes(), test::parseMapping(Visits).toJsonBytes());
}

void TestMappingModel::lastLinkRemovedKeepsTheTransforms()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    const int subject = model.linksTo(QStringLiteral("subject_id")).first();
    QVERIFY(model.removeLink(subject));
    QVERIFY(!model.toDocument().field(QStringLiteral("subject_id"))); // a rule needs a source
    QVERIFY(!model.isMapped(QStringLiteral("subject_id")));
    QCOMPARE(model.transforms(QStringLiteral("subject_id")).size(), 2);
    QVERIFY(model.addLink(QStringLiteral("PATIENT"), QStringLiteral("subject_id")));
    const core::MappingDocument linked = model.toDocument();
    const core::FieldRule* r = linked.field(QStringLiteral("subject_id"));
    QVERIFY(r);
    QCOMPARE(r->from, QStringList{QStringLiteral("PATIENT")});
    QCOMPARE(r->transforms, test::parseMapping(Visits).field(QStringLiteral("subject_id"))->transforms);
}

void TestMappingModel::modifiedAtIsATarget()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    const int changed = model.linksTo(QLatin1String(MappingModel::ModifiedTarget)).first();
    QVERIFY(model.removeLink(changed));
    QVERIFY(model.toDocument().modifiedAt.target.isEmpty());
    QVERIFY(!model.toDocument().toJson().contains(QStringLiteral("modifiedAt")));
    QVERIFY(model.addLink(QStringLiteral("UPDATED"), QLatin1String(MappingModel::ModifiedTarget)));
    const MappingDocument doc = model.toDocument();
    QCOMPARE(doc.modifiedAt.from, QStringList{QStringLiteral("UPDATED")});
    QCOMPARE(doc.modifiedAt.transforms.size(), 1); // kept

    // A document without modifiedAt gets one from a link.
    MappingDocument plain = test::parseMapping(Visits);
    plain.modifiedAt = core::FieldRule();
    model.setDocument(plain);
    QVERIFY(model.addLink(QStringLiteral("UPDATED"), QLatin1String(MappingModel::ModifiedTarget)));
    QCOMPARE(model.toDocument().modifiedAt.target, QLatin1String(MappingModel::ModifiedTarget));
    QCOMPARE(model.toDocument().modifiedAt.from, QStringList{QStringLiteral("UPDATED")});
}

void TestMappingModel::refusals()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    QSignalSpy changed(&model, &MappingModel::changed);
    const int used = model.links().first().id;
    QCOMPARE(model.addLink({}, QStringLiteral("visit_name")), 0);
    QCOMPARE(model.addLink(QStringLiteral("A"), {}), 0);
    QCOMPARE(model.addLink(QStringLiteral("A"), QStringLiteral("visit_name"), -1, used), 0);
    QVERIFY(!model.removeLink(9999));
    QVERIFY(!model.moveLink(9999, QStringLiteral("visit_name")));
    QVERIFY(!model.moveLink(used, {}));
    QVERIFY(!model.hasLink(9999));
    QCOMPARE(model.link(9999).id, 0);
    QCOMPARE(model.positionOf(9999), -1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.toDocument().toJsonBytes(), test::parseMapping(Visits).toJsonBytes());
}

void TestMappingModel::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("columns"); // the source's; empty list = unknown
    QTest::addColumn<QStringList>("expected");

    const QByteArray head = R"({"format": "trialbridge.mapping/1", "name": "m", "source": {"kind": "csv"}, )";
    QTest::newRow("complete, no source known")
        << Visits << QStringList() << QStringList();
    QTest::newRow("complete, source has every column")
        << Visits << QStringList{"SUBJ", "VISIT", "REPEAT", "CHANGED", "STATUS"} << QStringList();
    QTest::newRow("broken links")
        << Visits << QStringList{"SUBJ", "VISIT"}
        << QStringList{"broken:visit_code<REPEAT", "broken:_modified<CHANGED"};
    QTest::newRow("unmapped key and required fields (upsert)")
        << head + R"("target": {"entity": "adverse_event"}, "fields": {"study_id": {"param": "study_id"},
                     "subject_id": {"from": "USUBJID"}, "term": {"from": "AETERM"}}})"
        << QStringList()
        << QStringList{"unmapped:ae_id", "unmapped:start_date"};
    QTest::newRow("merge: only the key must be mapped")
        << head + R"("target": {"entity": "subject", "mode": "merge"}, "fields": {"study_id": {"param": "study_id"},
                     "subject_id": {"from": "USUBJID"}, "status": {"from": "DSDECOD"}}})"
        << QStringList()
        << QStringList();
    QTest::newRow("merge without the key")
        << head + R"("target": {"entity": "subject", "mode": "merge"}, "fields": {"status": {"from": "DSDECOD"}}})"
        << QStringList{"DSDECOD"}
        << QStringList{"unmapped:study_id", "unmapped:subject_id"};
    QTest::newRow("unknown target field")
        << head + R"("target": {"entity": "country"}, "fields": {"study_id": {"param": "study_id"},
                     "country_code": {"from": "C"}, "flag": {"from": "F"}, "motto": {"const": "x"}}})"
        << QStringList{"C"}
        << QStringList{"unknownTarget:flag", "unknownTarget:motto"};
    QTest::newRow("unknown entity")
        << head + R"("target": {"entity": "spaceship"}, "fields": {"x": {"from": "X"}}})"
        << QStringList{"Y"}
        << QStringList{"unknownEntity", "broken:x<X"};
}

void TestMappingModel::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, expected);
    MappingModel model;
    model.setDocument(test::parseMapping(json));
    if (!columns.isEmpty())
        model.setSourceColumns(columns);
    QCOMPARE(kinds(model.problems()), expected);
    for (const MappingProblem& p : model.problems())
        QVERIFY(!p.message.isEmpty());
}

void TestMappingModel::problemsNameTheirPlace()
{
    MappingModel model;
    model.setDocument(test::parseMapping(Visits));
    model.setSourceColumns({QStringLiteral("SUBJ"), QStringLiteral("VISIT"), QStringLiteral("CHANGED")});
    QVector<MappingProblem> problems = model.problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, MappingProblem::Kind::BrokenLink);
    QCOMPARE(problems.first().linkId, model.findLink(QStringLiteral("REPEAT"), QStringLiteral("visit_code")));
    QVERIFY2(problems.first().message.contains(QLatin1String("REPEAT"))
                 && problems.first().message.contains(QLatin1String("visit_code")),
             qPrintable(problems.first().message));

    // Removing the subject's link leaves a required key field unmapped, named in the message.
    QVERIFY(model.removeLink(model.linksTo(QStringLiteral("subject_id")).first()));
    problems = model.problems();
    QCOMPARE(problems.first().kind, MappingProblem::Kind::UnmappedRequired);
    QCOMPARE(problems.first().target, QStringLiteral("subject_id"));
    QVERIFY(problems.first().message.contains(QLatin1String("subject_id")));
    // Forgetting the source's columns: nothing is broken any more, the unmapped field stays.
    model.clearSourceColumns();
    QCOMPARE(kinds(model.problems()), QStringList{QStringLiteral("unmapped:subject_id")});
}

QTEST_GUILESS_MAIN(TestMappingModel)
#include "tst_mappingmodel.moc"

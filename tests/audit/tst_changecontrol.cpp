// Mapping change control through trialbridge-cli, on the demo workspace: revisions frozen at submission, the
// lifecycle in review → approved | rejected → retired moved by electronic signatures, four eyes (nobody approves
// what they authored), production runs refusing unapproved or changed mappings once the target requires
// approval, `run --uat` into a marked sandbox that leaves the target untouched, and the register protected like
// the audit trail.

#include "AuditTestSupport.h"
#include "TestSupport.h"

#include "changecontrol/ChangeControl.h"
#include "changecontrol/UatSandbox.h"
#include "load/CtmsDatabase.h"
#include "mapping/MappingDocument.h"
#include "util/Crypto.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace tb::core;
using tb::test::ProcessResult;
using tb::test::runCli;

namespace {

const QByteArray kPassphrase = "correct horse battery";

// The demo's three mappings, by file.
const QStringList kMappings{QStringLiteral("subjects.mapping.json"), QStringLiteral("visits.mapping.json"),
                            QStringLiteral("adverse_events.mapping.json")};

} // namespace

class TestChangeControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void withoutRequirementRunsAsBefore();
    void requireApprovalRefusesUnsubmittedMappings();
    void submitFreezesTheRevision();
    void refusals_data();
    void refusals();
    void reviewAndApproveByOthers();
    void approvedMappingsRun();
    void changedMappingIsRefusedUntilANewRevisionIsApproved();
    void uatRunsIntoAMarkedSandbox();
    void rejectAndRetire();
    void fileStatus_data();
    void fileStatus();
    void registerCannotBeChanged_data();
    void registerCannotBeChanged();
    void historyShowAndDiff();
    void trailVerifies();

private:
    ProcessResult mapping(const QStringList& args, const QByteArray& user = {}, const QString& db = {});
    ProcessResult run(bool uat = false);
    QString file(const QString& name) const { return QDir(m_ws).filePath(name); }
    qint64 scalar(const QString& sql, const QString& db = {}) { return tb::test::scalar(db.isEmpty() ? m_db : db, sql); }
    QString state(const QString& mapping, int revision);
    void setVisitsRevision(int revision, bool lowerNames);

    QTemporaryDir m_tmp;
    QString m_ws;
    QString m_db;
};

ProcessResult TestChangeControl::mapping(const QStringList& args, const QByteArray& user, const QString& db)
{
    QStringList full{QStringLiteral("mapping")};
    full << args << QStringLiteral("--target") << (db.isEmpty() ? m_db : db) << QStringLiteral("--workspace") << m_ws;
    return runCli(full, {}, user.isEmpty() ? QByteArray() : user + "\n" + kPassphrase + "\n");
}

ProcessResult TestChangeControl::run(bool uat)
{
    QStringList args{QStringLiteral("run"), file(QStringLiteral("demo.pipeline.json"))};
    if (uat)
        args << QStringLiteral("--uat");
    return runCli(args);
}

QString TestChangeControl::state(const QString& mapping, int revision)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("state"));
    QString s;
    {
        db.setDatabaseName(m_db);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT state FROM mapping_revision WHERE mapping = ? AND revision = ?"));
            q.addBindValue(mapping);
            q.addBindValue(revision);
            if (q.exec() && q.next())
                s = q.value(0).toString();
        }
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("state"));
    return s;
}

// Sets the visits mapping's revision and whether it lower-cases visit names (a real change a reviewer must see;
// the demo's names are upper case, so it updates every visit).
void TestChangeControl::setVisitsRevision(int revision, bool lowerNames)
{
    MappingDocument doc;
    QString error;
    QVERIFY2(MappingDocument::load(file(QStringLiteral("visits.mapping.json")), &doc, &error), qPrintable(error));
    doc.revision = revision;
    FieldRule* name = doc.field(QStringLiteral("visit_name"));
    QVERIFY(name);
    name->transforms.clear();
    if (lowerNames)
        name->transforms.append(TransformSpec{QStringLiteral("lower"), QJsonObject()});
    QVERIFY2(doc.save(file(QStringLiteral("visits.mapping.json")), &error), qPrintable(error));
}

void TestChangeControl::initTestCase()
{
    tb::test::useTestVault(m_tmp.filePath(QStringLiteral("secrets")));
    m_ws = m_tmp.filePath(QStringLiteral("ws"));
    m_db = file(QStringLiteral("ctms.db"));
    auto r = runCli({QStringLiteral("demo"), QStringLiteral("--out"), m_ws, QStringLiteral("--subjects"), QStringLiteral("20")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QStringList> users{{QStringLiteral("alee"), QStringLiteral("Ann Lee"), QStringLiteral("analyst")},
                                   {QStringLiteral("bkim"), QStringLiteral("Bo Kim"), QStringLiteral("study_manager")},
                                   {QStringLiteral("jdoe"), QStringLiteral("Jane Doe"), QStringLiteral("qa")}};
    for (const QStringList& u : users) {
        r = runCli({QStringLiteral("user"), QStringLiteral("create"), u[0], QStringLiteral("--name"), u[1], QStringLiteral("--role"),
                    u[2], QStringLiteral("--workspace"), m_ws},
                   {}, kPassphrase + "\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

void TestChangeControl::withoutRequirementRunsAsBefore()
{
    const ProcessResult r = run();
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE mode = 'production'")), 1);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM subject")) > 0);
}

void TestChangeControl::requireApprovalRefusesUnsubmittedMappings()
{
    ProcessResult r = mapping({QStringLiteral("require-approval")}, "jdoe");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("approved mappings only"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM change_control WHERE required_by = 'jdoe'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'change_control'")), 1);

    // Once is enough, and it has no way back.
    r = mapping({QStringLiteral("require-approval")}, "jdoe");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("already"), r.err.constData());

    const qint64 runs = scalar(QStringLiteral("SELECT COUNT(*) FROM run"));
    const qint64 entries = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    r = run();
    QCOMPARE(r.exitCode, 2);
    for (const QString& m : kMappings)
        QVERIFY2(r.err.contains(m.toUtf8() + ": mapping"), r.err.constData());
    QVERIFY2(r.err.contains("was never submitted for review"), r.err.constData());
    QVERIFY2(r.err.contains("run --uat"), r.err.constData());
    QVERIFY2(r.err.contains("Nothing was loaded"), r.err.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run")), runs);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), entries);
}

void TestChangeControl::submitFreezesTheRevision()
{
    for (const QString& m : kMappings) {
        const ProcessResult r = mapping({QStringLiteral("submit"), file(m), QStringLiteral("--comment"), QStringLiteral("first release")},
                                        "alee");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("submitted for review by Ann Lee (alee)"), r.out.constData());
    }
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 1), QStringLiteral("in_review"));
    // The frozen copy is the canonical document, its hash the signature's content hash.
    MappingDocument doc;
    QString error;
    QVERIFY(MappingDocument::load(file(QStringLiteral("visits.mapping.json")), &doc, &error));
    const QByteArray hash = tb::core::crypto::blake2b(doc.toJsonBytes());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM mapping_revision WHERE mapping = 'demo-edc-visits' AND content_hash = x'%1' "
                                   "AND author_id = 'alee'")
                        .arg(QString::fromLatin1(hash.toHex()))),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature WHERE meaning = 'authored' AND signer_id = 'alee' AND "
                                   "content_hash = x'%1'")
                        .arg(QString::fromLatin1(hash.toHex()))),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'mapping_revision' AND action = 'insert'")), 3);

    // In review is not approved.
    const ProcessResult r = run();
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("visits.mapping.json: demo-edc-visits revision 1 is in review, not approved"), r.err.constData());
}

void TestChangeControl::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    const QString visits = QStringLiteral("visits.mapping.json");
    QTest::newRow("author approves") << QStringList{QStringLiteral("approve"), visits} << QByteArray("alee") << 1
                                     << QByteArray("authored by alee: its approval must come from another user");
    QTest::newRow("author reviews") << QStringList{QStringLiteral("review"), visits} << QByteArray("alee") << 1
                                    << QByteArray("its review must come from another user");
    QTest::newRow("wrong passphrase") << QStringList{QStringLiteral("approve"), visits} << QByteArray("jdoe\nwrong passphrase!") << 1
                                      << QByteArray("not signed");
    QTest::newRow("unknown user") << QStringList{QStringLiteral("approve"), visits} << QByteArray("nobody") << 1
                                  << QByteArray("not signed");
    QTest::newRow("submitted twice") << QStringList{QStringLiteral("submit"), visits} << QByteArray("alee") << 1
                                     << QByteArray("demo-edc-visits revision 1 was submitted already");
    QTest::newRow("never submitted") << QStringList{QStringLiteral("approve"), QStringLiteral("demo-edc-visits@7")} << QByteArray("jdoe")
                                     << 1 << QByteArray("demo-edc-visits revision 7 was never submitted for review");
    QTest::newRow("reject without comment") << QStringList{QStringLiteral("reject"), visits} << QByteArray("jdoe") << 2
                                            << QByteArray("a rejection says why: give --comment");
    QTest::newRow("retire in review") << QStringList{QStringLiteral("retire"), visits} << QByteArray("jdoe") << 1
                                      << QByteArray("is in review: only an approved revision is retired");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("publish"), visits} << QByteArray() << 2
                                    << QByteArray("unknown action 'publish'");
}

void TestChangeControl::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, user);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    if (args.size() > 1 && args[1].endsWith(QLatin1String(".json")))
        args[1] = file(args[1]);
    const qint64 signatures = scalar(QStringLiteral("SELECT COUNT(*) FROM esignature"));
    const qint64 entries = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const ProcessResult r = mapping(args, user);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM esignature")), signatures);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), entries);
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 1), QStringLiteral("in_review"));
}

void TestChangeControl::reviewAndApproveByOthers()
{
    ProcessResult r = mapping({QStringLiteral("review"), file(QStringLiteral("visits.mapping.json")), QStringLiteral("--comment"),
                               QStringLiteral("windows checked")},
                              "bkim");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("reviewed by Bo Kim (bkim, study_manager)") && r.out.contains("now in review"), r.out.constData());
    for (const QString& m : kMappings) {
        r = mapping({QStringLiteral("approve"), file(m)}, "jdoe");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("approved by Jane Doe (jdoe, qa)") && r.out.contains("now approved"), r.out.constData());
    }
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 1), QStringLiteral("approved"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'mapping_revision' AND action = 'update' AND "
                                   "after_json LIKE '%\"state\":\"approved\"%' AND reason LIKE 'approved by Jane Doe (jdoe)%'")),
             3);
}

void TestChangeControl::approvedMappingsRun()
{
    const ProcessResult r = run();
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE mode = 'production'")), 2);
}

void TestChangeControl::changedMappingIsRefusedUntilANewRevisionIsApproved()
{
    // Changed after approval, same revision number: refused, naming the change.
    setVisitsRevision(1, true);
    ProcessResult r = run();
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("visits.mapping.json no longer matches demo-edc-visits revision 1 as it was submitted (approved)"),
             r.err.constData());
    QVERIFY2(r.err.contains("fields.visit_name.transforms"), r.err.constData());
    QVERIFY2(!r.err.contains("subjects.mapping.json"), r.err.constData()); // the unchanged ones may run
    r = mapping({QStringLiteral("submit"), file(QStringLiteral("visits.mapping.json"))}, "alee");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("raise \"revision\""), r.err.constData());
    // Approving by the file is refused too: it is not what was submitted.
    r = mapping({QStringLiteral("approve"), file(QStringLiteral("visits.mapping.json"))}, "jdoe");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("has changed since demo-edc-visits revision 1 was submitted"), r.err.constData());

    // The change as revision 2: submitted, approved by someone else; revision 1 retires.
    setVisitsRevision(2, false);
    r = mapping({QStringLiteral("submit"), file(QStringLiteral("visits.mapping.json"))}, "alee");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run();
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("demo-edc-visits revision 2 is in review, not approved"), r.err.constData());
    r = mapping({QStringLiteral("approve"), QStringLiteral("demo-edc-visits@2")}, "bkim");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("demo-edc-visits revision 1 retired: superseded"), r.out.constData());
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 1), QStringLiteral("retired"));
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 2), QStringLiteral("approved"));
    r = run();
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
}

void TestChangeControl::uatRunsIntoAMarkedSandbox()
{
    // An unapproved revision 3: production refuses it, UAT takes it.
    setVisitsRevision(3, true);
    QCOMPARE(run().exitCode, 2);
    const qint64 runs = scalar(QStringLiteral("SELECT COUNT(*) FROM run"));
    const qint64 entries = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    const qint64 head = scalar(QStringLiteral("SELECT MAX(seq) FROM audit_log"));
    const QByteArray before = [&] {
        QFile f(m_db);
        return f.open(QIODevice::ReadOnly) ? tb::core::crypto::blake2b(f.readAll()) : QByteArray();
    }();

    ProcessResult r = run(true);
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
    const QString sandbox = UatSandbox::pathFor(m_db);
    QCOMPARE(QFileInfo(sandbox).fileName(), QStringLiteral("ctms.uat.db"));
    QVERIFY2(r.out.contains("UAT run into the sandbox " + sandbox.toUtf8()), r.out.constData());

    // The target was only read.
    QFile f(m_db);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(tb::core::crypto::blake2b(f.readAll()), before);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run")), runs);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), entries);

    // The sandbox: the target's history, then the UAT run, every record it wrote marked.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM uat_sandbox WHERE origin = '%1'").arg(QFileInfo(m_db).absoluteFilePath()), sandbox),
             1);
    const qint64 uatRun = scalar(QStringLiteral("SELECT MAX(run_id) FROM run WHERE mode = 'uat'"), sandbox);
    QVERIFY(uatRun > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE mode = 'production'"), sandbox),
             scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE mode = 'production'")));
    const qint64 written = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id = %1").arg(uatRun), sandbox);
    QVERIFY2(written > 0, r.out.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id = %1 AND reason LIKE 'UAT run%'").arg(uatRun), sandbox),
             written);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE seq <= %1").arg(head), sandbox), entries);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM visit WHERE _run_id = %1").arg(uatRun), sandbox),
             scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE run_id = %1 AND entity = 'visit'").arg(uatRun), sandbox));
    r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), sandbox, QStringLiteral("--workspace"), m_ws});
    QVERIFY2(r.exitCode == 0, r.out.constData());

    // A second UAT run starts again from the target.
    r = run(true);
    QVERIFY2(r.exitCode == 0 || r.exitCode == 3, r.err.constData());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM run WHERE mode = 'uat'"), sandbox), 1);

    // No production run loads into a sandbox.
    QJsonObject pipeline = QJsonDocument::fromJson([&] {
                               QFile p(file(QStringLiteral("demo.pipeline.json")));
                               return p.open(QIODevice::ReadOnly) ? p.readAll() : QByteArray();
                           }()).object();
    QJsonObject target = pipeline.value(QStringLiteral("target")).toObject();
    target.insert(QStringLiteral("database"), QFileInfo(sandbox).fileName());
    pipeline.insert(QStringLiteral("target"), target);
    pipeline.insert(QStringLiteral("name"), QStringLiteral("into-sandbox"));
    QFile p(file(QStringLiteral("sandbox.pipeline.json")));
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(QJsonDocument(pipeline).toJson());
    p.close();
    r = runCli({QStringLiteral("run"), p.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("is a UAT sandbox (a copy of "), r.err.constData());
    QVERIFY(p.remove());
    setVisitsRevision(2, false); // back to the approved revision
}

void TestChangeControl::rejectAndRetire()
{
    setVisitsRevision(3, true);
    ProcessResult r = mapping({QStringLiteral("submit"), file(QStringLiteral("visits.mapping.json"))}, "alee");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The author may withdraw their own revision: rejecting never lets anything run.
    r = mapping({QStringLiteral("reject"), QStringLiteral("demo-edc-visits@3"), QStringLiteral("--comment"),
                 QStringLiteral("seconds are not in the export")},
                "jdoe");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 3), QStringLiteral("rejected"));
    r = mapping({QStringLiteral("approve"), QStringLiteral("demo-edc-visits@3")}, "bkim");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("demo-edc-visits revision 3 is rejected: only a revision in review is approved"), r.err.constData());
    r = run();
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("demo-edc-visits revision 3 is rejected, not approved"), r.err.constData());

    // Retiring the approved revision 2 leaves the mapping without one.
    setVisitsRevision(2, false);
    r = mapping({QStringLiteral("retire"), QStringLiteral("demo-edc-visits@2"), QStringLiteral("--comment"), QStringLiteral("study closed")},
                "bkim");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(state(QStringLiteral("demo-edc-visits"), 2), QStringLiteral("retired"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'mapping_revision' AND reason = "
                                   "'retired by bkim: study closed'")),
             1);
    r = run();
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("demo-edc-visits revision 2 is retired, not approved"), r.err.constData());
}

void TestChangeControl::fileStatus_data()
{
    QTest::addColumn<int>("revision");
    QTest::addColumn<bool>("lowerNames");
    QTest::addColumn<QString>("expected");
    QTest::newRow("submitted") << 2 << false
                               << QStringLiteral("demo-edc-visits revision 2: retired — authored by Ann Lee (alee) %1; approved by "
                                                 "Bo Kim (bkim) %1");
    QTest::newRow("changed") << 2 << true
                             << QStringLiteral("changed since demo-edc-visits revision 2 was submitted (retired): submit it as a "
                                               "new revision");
    QTest::newRow("draft") << 9 << false << QStringLiteral("draft: this revision was never submitted for review");
}

void TestChangeControl::fileStatus()
{
    QFETCH(int, revision);
    QFETCH(bool, lowerNames);
    QFETCH(QString, expected);
    setVisitsRevision(revision, lowerNames);
    MappingDocument doc;
    QString error;
    QVERIFY(MappingDocument::load(file(QStringLiteral("visits.mapping.json")), &doc, &error));
    CtmsDatabase db;
    QVERIFY2(db.open(m_db, &error), qPrintable(error));
    ChangeControl::FileStatus status;
    QVERIFY2(ChangeControl::statusOf(db, doc, &status, &error), qPrintable(error));
    QCOMPARE(status.describe(), expected.arg(QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)));
    setVisitsRevision(2, false);
}

void TestChangeControl::registerCannotBeChanged_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("message");
    QTest::newRow("document") << QStringLiteral("UPDATE mapping_revision SET document = '{}' WHERE revision = 1")
                              << QStringLiteral("a submitted mapping revision cannot be changed");
    QTest::newRow("author") << QStringLiteral("UPDATE mapping_revision SET author_id = 'jdoe'")
                            << QStringLiteral("a submitted mapping revision cannot be changed");
    QTest::newRow("back to review") << QStringLiteral("UPDATE mapping_revision SET state = 'in_review' WHERE state = 'retired'")
                                    << QStringLiteral("not a step of the mapping lifecycle");
    QTest::newRow("rejected approved") << QStringLiteral("UPDATE mapping_revision SET state = 'approved' WHERE state = 'rejected'")
                                       << QStringLiteral("not a step of the mapping lifecycle");
    QTest::newRow("delete") << QStringLiteral("DELETE FROM mapping_revision") << QStringLiteral("mapping revisions cannot be deleted");
    QTest::newRow("switch off") << QStringLiteral("DELETE FROM change_control") << QStringLiteral("change control cannot be switched off");
}

void TestChangeControl::registerCannotBeChanged()
{
    QFETCH(QString, sql);
    QFETCH(QString, message);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
    {
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(!q.exec(sql));
        QVERIFY2(q.lastError().text().contains(message), qPrintable(q.lastError().text()));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

void TestChangeControl::historyShowAndDiff()
{
    ProcessResult r = mapping({QStringLiteral("history"), QStringLiteral("demo-edc-visits"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject h = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(h.value(QStringLiteral("approval_required")).toBool(), true);
    const QJsonArray revisions = h.value(QStringLiteral("revisions")).toArray();
    QCOMPARE(revisions.size(), 3);
    QStringList states, meanings;
    for (const QJsonValue& v : revisions) {
        states << v[QStringLiteral("state")].toString();
        QStringList m;
        for (const QJsonValue& s : v[QStringLiteral("signatures")].toArray()) {
            QVERIFY(s[QStringLiteral("valid")].toBool());
            m << s[QStringLiteral("meaning")].toString() + QLatin1Char(':') + s[QStringLiteral("signer_id")].toString();
        }
        meanings << m.join(QLatin1Char(' '));
    }
    QCOMPARE(states, (QStringList{QStringLiteral("retired"), QStringLiteral("retired"), QStringLiteral("rejected")}));
    QCOMPARE(meanings, (QStringList{QStringLiteral("authored:alee reviewed:bkim approved:jdoe"),
                                    QStringLiteral("authored:alee approved:bkim"), QStringLiteral("authored:alee rejected:jdoe")}));

    // show prints the revision exactly as it was submitted; diff compares revisions of the register.
    r = mapping({QStringLiteral("show"), QStringLiteral("demo-edc-visits@2")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    MappingDocument shown, current;
    QString error;
    QVERIFY2(MappingDocument::fromJson(r.out, QStringLiteral("shown"), &shown, &error), qPrintable(error));
    QVERIFY(MappingDocument::load(file(QStringLiteral("visits.mapping.json")), &current, &error));
    QCOMPARE(shown.toJsonBytes(), current.toJsonBytes());
    QCOMPARE(r.out, current.toJsonBytes());
    r = mapping({QStringLiteral("diff"), QStringLiteral("demo-edc-visits@1"), QStringLiteral("demo-edc-visits@3")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("~ revision: 1 \u2192 3") || r.out.contains("~ revision: 1 → 3"), r.out.constData());
    QVERIFY2(r.out.contains("fields.visit_name.transforms"), r.out.constData());

    // A copy changed behind the triggers' back no longer matches its hash.
    QString e;
    QVERIFY2(tb::test::tamper(m_db, {QStringLiteral("DROP TRIGGER mapping_revision_frozen"),
                                     QStringLiteral("UPDATE mapping_revision SET document = replace(document, 'visit_date', 'visit_day') "
                                                    "WHERE revision = 2")},
                              &e),
             qPrintable(e));
    r = mapping({QStringLiteral("history")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the register's copy of demo-edc-visits revision 2 does not match its hash"), r.err.constData());
}

void TestChangeControl::trailVerifies()
{
    // Everything change control wrote is inside the tamper-evident trail; the trail itself was not touched.
    const ProcessResult r = runCli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--target"), m_db,
                                    QStringLiteral("--workspace"), m_ws});
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity IN ('mapping_revision', 'esignature', 'change_control')")) >= 17);
}

QTEST_GUILESS_MAIN(TestChangeControl)
#include "tst_changecontrol.moc"

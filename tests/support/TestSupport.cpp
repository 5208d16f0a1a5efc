#include "TestSupport.h"

#include "load/CtmsDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include "secrets/Vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace tb::test {

QDateTime utc(const char* iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QString testDataPath(const QString& relative)
{
    return QStringLiteral(TB_TEST_DATA_DIR "/") + relative;
}

QString sharedDataPath(const QString& relative)
{
    const QString shared = QStringLiteral(TB_SHARED_DATA_DIR "/") + relative;
    if (QFileInfo::exists(shared))
        return shared;
    // Checkouts without the workplace's shared folder use the copies kept in the repository.
    static const QList<QPair<QString, QString>> copies{
        {QStringLiteral("real/cdiscpilot01-sdtm/"), QStringLiteral(TB_SOURCE_DIR "/examples/cdiscpilot01/sdtm/")},
        {QStringLiteral("real/redcap/longitudinal-"), QStringLiteral(TB_TEST_DATA_DIR "/redcap/longitudinal-")},
        {QStringLiteral("real/odm/openclinica-"), QStringLiteral(TB_SOURCE_DIR "/examples/openclinica-juno/odm/openclinica-")},
        {QStringLiteral("real/odm/"), QStringLiteral(TB_TEST_DATA_DIR "/odm/")},
    };
    for (const auto& [prefix, copy] : copies)
        if (relative.startsWith(prefix))
            return copy + relative.mid(prefix.size());
    return shared;
}

QString sourcePath(const QString& relative)
{
    return QStringLiteral(TB_SOURCE_DIR "/") + relative;
}

QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = QDir(dir).filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}

void useTestVault(const QString& dir)
{
    const QByteArray passphrase = "test-vault-passphrase";
    const QString passFile = writeFile(dir, QStringLiteral("test-vault.pass"), passphrase);
    QFile::setPermissions(passFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString vaultFile = QDir(dir).filePath(QStringLiteral("test.tbvault"));
    tb::core::Vault vault;
    if (!vault.open(vaultFile, passphrase, true, tb::core::Vault::KdfParams::minimal()))
        qFatal("cannot create the test vault %s: %s", qPrintable(vaultFile), qPrintable(vault.errorString()));
    qputenv("TRIALBRIDGE_SECRETS_BACKEND", "vault");
    qputenv("TRIALBRIDGE_VAULT_FILE", vaultFile.toLocal8Bit());
    qputenv("TRIALBRIDGE_VAULT_PASSPHRASE_FILE", passFile.toLocal8Bit());
}

ProcessResult runCli(const QStringList& args, const QString& workingDir, const QByteArray& input, int timeoutMs)
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    p.start(QStringLiteral(TB_CLI_PATH), args);
    ProcessResult r;
    if (!p.waitForStarted()) {
        r.err = "cannot start trialbridge-cli";
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "trialbridge-cli timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList queryRows(const QString& databasePath, const QString& sql)
{
    tb::core::CtmsDatabase db;
    QString error;
    if (!db.open(databasePath, &error))
        return {QStringLiteral("cannot open: ") + error};
    QSqlQuery q(db.sql());
    if (!q.exec(sql))
        return {QStringLiteral("query failed: ") + q.lastError().text()};
    QStringList out;
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < q.record().count(); ++i)
            row << q.value(i).toString();
        out << row.join(QLatin1Char('|'));
    }
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

core::MappingDocument parseMapping(const QByteArray& json)
{
    core::MappingDocument doc;
    QString error;
    if (!core::MappingDocument::fromJson(json, QStringLiteral("test.mapping.json"), &doc, &error))
        qFatal("%s", qPrintable(error));
    return doc;
}

void writeOdmWorkspace(const QString& dir)
{
    writeFile(dir, QStringLiteral("t.study.json"), R"({"format": "trialbridge.study/1", "study_id": "T1",
        "defaultTimeZone": "UTC",
        "sites": [{"site_id": "SITE1", "name": "Site One", "country_code": "DEU", "time_zone": "Europe/Berlin"}]})");
    writeFile(dir, QStringLiteral("subjects.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "s",
        "source": {"kind": "odm", "level": "subject"}, "target": {"entity": "subject"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SubjectKey"},
                   "site_id": {"from": "SiteOID"}}})");
    writeFile(dir, QStringLiteral("visits.mapping.json"), R"({"format": "trialbridge.mapping/1", "name": "v",
        "source": {"kind": "odm", "level": "form", "forms": ["F_VISIT"]}, "target": {"entity": "visit"},
        "fields": {"study_id": {"param": "study_id"}, "subject_id": {"from": "SubjectKey"},
                   "visit_code": {"from": "StudyEventOID"},
                   "visit_date": {"from": "I_VISDAT", "transforms": [{"date": {"format": "iso"}}]}}})");
    writeFile(dir, QStringLiteral("t.pipeline.json"), R"({"format": "trialbridge.pipeline/1", "name": "t",
        "study": "t.study.json", "target": {"kind": "sqlite", "database": "ctms.db"},
        "steps": [{"mapping": "subjects.mapping.json", "source": "edc.xml"},
                  {"mapping": "visits.mapping.json", "source": "edc.xml"}]})");
}

} // namespace tb::test

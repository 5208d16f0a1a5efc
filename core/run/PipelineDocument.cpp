#include "run/PipelineDocument.h"

#include "util/JsonText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace tb::core {

bool PipelineDocument::load(const QString& path, PipelineDocument* out, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, f.errorString());
        return false;
    }
    return fromJson(f.readAll(), path, out, error);
}

bool PipelineDocument::fromJson(const QByteArray& json, const QString& fileName, PipelineDocument* out, QString* error)
{
    auto fail = [&](const QString& message) {
        *error = fileName + QStringLiteral(": ") + message;
        return false;
    };
    QJsonObject o;
    QString message;
    if (!json::parseDocument(json, "pipeline document", Format, &o, &message))
        return fail(message);
    PipelineDocument p;
    p.fileName = fileName;
    p.name = o.value(QLatin1String("name")).toString();
    p.description = o.value(QLatin1String("description")).toString();
    p.study = o.value(QLatin1String("study")).toString();
    if (p.name.isEmpty())
        return fail(QStringLiteral("name: required"));
    if (p.study.isEmpty())
        return fail(QStringLiteral("study: required (a *.study.json file)"));
    const QJsonObject target = o.value(QLatin1String("target")).toObject();
    p.targetKind = target.value(QLatin1String("kind")).toString(QStringLiteral("sqlite"));
    if (p.targetKind != QLatin1String("sqlite"))
        return fail(QStringLiteral("target.kind: \"%1\" is not supported; use \"sqlite\"").arg(p.targetKind));
    p.targetDatabase = target.value(QLatin1String("database")).toString();
    if (p.targetDatabase.isEmpty())
        return fail(QStringLiteral("target.database: required"));
    const QJsonValue steps = o.value(QLatin1String("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty())
        return fail(QStringLiteral("steps: required, a list of {\"mapping\": ..., \"source\": ...}"));
    // A relative path may not climb out of the workspace ("../../etc/…"): a pipeline copied from
    // elsewhere must not read or write files its folder does not hold. Absolute paths are explicit.
    // Symbolic links are resolved too: a link inside the folder to a file outside it escapes as well.
    const QString base = QFileInfo(fileName).absolutePath();
    const QString canonicalBase = QFileInfo(base).canonicalFilePath();
    auto escapes = [&](const QString& path) {
        if (QFileInfo(path).isAbsolute())
            return false;
        const QString clean = QDir::cleanPath(path);
        if (clean == QLatin1String("..") || clean.startsWith(QLatin1String("../")))
            return true;
        if (canonicalBase.isEmpty())
            return false;
        // A file that does not exist yet (a new target database) is judged by its folder.
        QFileInfo fi(base + QLatin1Char('/') + clean);
        QString real = fi.canonicalFilePath();
        if (real.isEmpty())
            real = QFileInfo(fi.absolutePath()).canonicalFilePath();
        return !real.isEmpty() && real != canonicalBase && !real.startsWith(canonicalBase + QLatin1Char('/'));
    };
    auto outside = [&](const QString& where, const QString& path) {
        return fail(QStringLiteral("%1: '%2' points outside the workspace folder; use a path inside it, or an "
                                   "absolute path")
                        .arg(where, path));
    };
    if (escapes(p.study))
        return outside(QStringLiteral("study"), p.study);
    if (escapes(p.targetDatabase))
        return outside(QStringLiteral("target.database"), p.targetDatabase);
    const QJsonArray list = steps.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject s = list[i].toObject();
        Step step;
        step.mapping = s.value(QLatin1String("mapping")).toString();
        step.source = s.value(QLatin1String("source")).toString();
        if (step.mapping.isEmpty() || step.source.isEmpty())
            return fail(QStringLiteral("steps[%1]: needs \"mapping\" and \"source\"").arg(i));
        if (escapes(step.mapping))
            return outside(QStringLiteral("steps[%1].mapping").arg(i), step.mapping);
        if (escapes(step.source))
            return outside(QStringLiteral("steps[%1].source").arg(i), step.source);
        if (s.contains(QLatin1String("drop"))) {
            const QJsonObject d = s.value(QLatin1String("drop")).toObject();
            step.dropPattern = d.value(QLatin1String("pattern")).toString();
            if (step.dropPattern.isEmpty() || step.dropPattern.contains(QLatin1Char('/'))
                || step.dropPattern.contains(QLatin1Char('\\')))
                return fail(QStringLiteral("steps[%1].drop.pattern: required, a file name pattern such as "
                                           "\"subjects_*.csv\" (no folder)")
                                .arg(i));
            const QString complete = d.value(QLatin1String("complete")).toString(QStringLiteral("marker"));
            if (complete != QLatin1String("marker") && complete != QLatin1String("stable-size"))
                return fail(QStringLiteral("steps[%1].drop.complete: \"%2\" is not a rule; use \"marker\" (NAME.done or "
                                           "NAME.ok next to the file) or \"stable-size\"")
                                .arg(i)
                                .arg(complete));
            step.dropMarker = complete == QLatin1String("marker");
            const double seconds = d.value(QLatin1String("stableSeconds")).toDouble(5);
            if (!(seconds >= 0 && seconds <= 3600))
                return fail(QStringLiteral("steps[%1].drop.stableSeconds: between 0 and 3600").arg(i));
            step.dropStableMs = int(seconds * 1000);
        }
        for (int j = 0; j < p.steps.size(); ++j)
            if (QDir::cleanPath(p.steps[j].mapping) == QDir::cleanPath(step.mapping)
                && QDir::cleanPath(p.steps[j].source) == QDir::cleanPath(step.source))
                return fail(QStringLiteral("steps[%1]: the same mapping and source as steps[%2]; list each step once")
                                .arg(i)
                                .arg(j));
        p.steps << step;
    }
    if (o.contains(QLatin1String("schedule"))) {
        const QJsonValue sv = o.value(QLatin1String("schedule"));
        const QJsonObject s = sv.toObject();
        if (!sv.isObject() || !s.value(QLatin1String("cron")).isString())
            return fail(QStringLiteral("schedule: an object with \"cron\" (\"30 2 * * *\"), and optionally "
                                       "\"timeZone\" (\"Europe/Berlin\") and \"enabled\" (true or false)"));
        p.scheduleCron = s.value(QLatin1String("cron")).toString();
        const QJsonValue zone = s.value(QLatin1String("timeZone"));
        p.scheduleTimeZone = zone.toString();
        if (!zone.isUndefined() && (!zone.isString() || !QTimeZone::isTimeZoneIdAvailable(p.scheduleTimeZone.toUtf8())))
            return fail(QStringLiteral("schedule.timeZone: '%1' is not a known IANA time zone (such as Europe/Berlin, "
                                       "America/New_York or UTC)")
                            .arg(p.scheduleTimeZone));
        const QJsonValue enabled = s.value(QLatin1String("enabled"));
        if (!enabled.isUndefined() && !enabled.isBool())
            return fail(QStringLiteral("schedule.enabled: true or false"));
        p.scheduleEnabled = enabled.toBool(true);
        QString cronError;
        CronSchedule c;
        if (!CronSchedule::parse(p.scheduleCron, p.scheduleZone(), &c, &cronError))
            return fail(QStringLiteral("schedule.cron: ") + cronError);
    }
    *out = p;
    return true;
}

QJsonObject PipelineDocument::toJson() const
{
    QJsonArray steps;
    for (const Step& s : this->steps) {
        QJsonObject step{{QStringLiteral("mapping"), s.mapping}, {QStringLiteral("source"), s.source}};
        if (s.isDrop())
            step.insert(QStringLiteral("drop"),
                        QJsonObject{{QStringLiteral("pattern"), s.dropPattern},
                                    {QStringLiteral("complete"), s.dropMarker ? QStringLiteral("marker") : QStringLiteral("stable-size")},
                                    {QStringLiteral("stableSeconds"), s.dropStableMs / 1000.0}});
        steps.append(step);
    }
    QJsonObject o{{QStringLiteral("format"), QLatin1String(Format)},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("study"), study},
                  {QStringLiteral("target"),
                   QJsonObject{{QStringLiteral("kind"), targetKind}, {QStringLiteral("database"), targetDatabase}}},
                  {QStringLiteral("steps"), steps}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (hasSchedule()) {
        QJsonObject s{{QStringLiteral("cron"), scheduleCron}};
        if (!scheduleTimeZone.isEmpty())
            s.insert(QStringLiteral("timeZone"), scheduleTimeZone);
        if (!scheduleEnabled)
            s.insert(QStringLiteral("enabled"), false);
        o.insert(QStringLiteral("schedule"), s);
    }
    return o;
}

bool PipelineDocument::save(const QString& path, QString* error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented)) < 0
        || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QTimeZone PipelineDocument::scheduleZone() const
{
    return scheduleTimeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(scheduleTimeZone.toUtf8());
}

CronSchedule PipelineDocument::schedule() const
{
    CronSchedule c;
    QString ignored;
    CronSchedule::parse(scheduleCron, scheduleZone(), &c, &ignored);
    return c;
}

QString PipelineDocument::resolve(const QString& path) const
{
    if (QFileInfo(path).isAbsolute())
        return path;
    return QDir::cleanPath(QFileInfo(fileName).absoluteDir().filePath(path));
}

} // namespace tb::core

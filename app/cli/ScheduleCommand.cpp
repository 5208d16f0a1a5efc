#include "ScheduleCommand.h"

#include "CliApp.h"

#include "run/PipelineDocument.h"
#include "schedule/CronSchedule.h"
#include "util/Clock.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace tb::cli {

using namespace tb::core;

namespace {

const QString Help = QStringLiteral(
    "Usage: trialbridge-cli schedule list [--workspace DIR] [--json]\n"
    "       trialbridge-cli schedule next CRON [--time-zone ZONE] [--count N] [--after TIME] [--json]\n\n"
    "list: the pipelines of the workspace (the current folder, or DIR) that have a \"schedule\", each with its\n"
    "expression, time zone and next run (or \"paused\"); pipeline documents that cannot be read are named.\n"
    "next: the next N (default 5, at most 1000) occurrences of a cron expression in ZONE (an IANA zone; default\n"
    "the machine's) after TIME (ISO 8601, default now; without an offset it is read in ZONE), in local time and\n"
    "UTC. An occurrence moved by a daylight-saving change is marked.\n"
    "Exit status: 0 done, 1 a pipeline document cannot be read, 2 usage error or an invalid expression or zone.\n");

// "2026-03-29 03:30 +02:00 (2026-03-29T01:30:00Z)"
QString describe(const QDateTime& utc, const QTimeZone& zone)
{
    const QDateTime local = utc.toTimeZone(zone);
    const int offset = local.offsetFromUtc();
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    return QStringLiteral("%1 %2%3:%4 (%5)")
        .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm")), sign)
        .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
        .arg(qAbs(offset) / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(toIsoUtc(utc));
}

int listSchedules(const QCommandLineParser& parser)
{
    const Workspace ws(parser.isSet(QStringLiteral("workspace")) ? parser.value(QStringLiteral("workspace"))
                                                                   : QDir::currentPath());
    if (!ws.isValid()) {
        err() << "trialbridge-cli schedule: " << ws.dir() << ": no such workspace folder\n";
        return Usage;
    }
    const QDateTime now = Clock::system().nowUtc();
    const QString suffix = Workspace::suffix(Workspace::Kind::Pipeline);
    QJsonArray list;
    QStringList problems;
    for (const QString& relative : ws.documents(Workspace::Kind::Pipeline)) {
        PipelineDocument doc;
        QString error;
        if (!PipelineDocument::load(ws.absolutePath(relative), &doc, &error)) {
            problems << error;
            continue;
        }
        if (!doc.hasSchedule())
            continue;
        const CronSchedule c = doc.schedule();
        QJsonObject o{{QStringLiteral("pipeline"), relative.chopped(suffix.size())},
                      {QStringLiteral("cron"), c.text()},
                      {QStringLiteral("timeZone"), QString::fromUtf8(c.timeZone().id())},
                      {QStringLiteral("enabled"), doc.scheduleEnabled}};
        if (doc.scheduleEnabled)
            o.insert(QStringLiteral("next"), toIsoUtc(c.next(now)));
        list.append(o);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("schedules"), list},
                                           {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}})
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const QJsonValue& v : list) {
            const QJsonObject o = v.toObject();
            const QTimeZone zone(o.value(QLatin1String("timeZone")).toString().toUtf8());
            out() << o.value(QLatin1String("pipeline")).toString() << ": " << o.value(QLatin1String("cron")).toString()
                  << " (" << zone.id() << "), "
                  << (o.contains(QLatin1String("next"))
                          ? QStringLiteral("next ")
                                + describe(QDateTime::fromString(o.value(QLatin1String("next")).toString(), Qt::ISODate),
                                           zone)
                          : QStringLiteral("paused"))
                  << "\n";
        }
        if (list.isEmpty())
            out() << "No pipeline of " << QDir::toNativeSeparators(ws.dir()) << " has a schedule.\n";
        for (const QString& p : problems)
            err() << "trialbridge-cli schedule: " << p << "\n";
    }
    return problems.isEmpty() ? Ok : Failed;
}

int nextOccurrences(const QCommandLineParser& parser, const QString& text)
{
    const QString zoneId = parser.value(QStringLiteral("time-zone"));
    if (!zoneId.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(zoneId.toUtf8())) {
        err() << "trialbridge-cli schedule: --time-zone '" << zoneId
              << "' is not a known IANA time zone (such as Europe/Berlin, America/New_York or UTC)\n";
        return Usage;
    }
    const QTimeZone zone = zoneId.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(zoneId.toUtf8());
    bool ok = false;
    const int count = parser.value(QStringLiteral("count")).toInt(&ok);
    if (!ok || count < 1 || count > 1000) {
        err() << "trialbridge-cli schedule: --count takes a whole number from 1 to 1000\n";
        return Usage;
    }
    QDateTime after = Clock::system().nowUtc();
    if (parser.isSet(QStringLiteral("after"))) {
        after = QDateTime::fromString(parser.value(QStringLiteral("after")), Qt::ISODate);
        if (!after.isValid()) {
            err() << "trialbridge-cli schedule: --after '" << parser.value(QStringLiteral("after"))
                  << "' is not an ISO 8601 time (2026-03-28T12:00:00Z, 2026-03-28T13:00:00+01:00)\n";
            return Usage;
        }
        if (after.timeSpec() == Qt::LocalTime) // no offset given: a wall-clock time of the zone
            after = QDateTime(after.date(), after.time(), zone);
    }
    CronSchedule c;
    QString error;
    if (!CronSchedule::parse(text, zone, &c, &error)) {
        err() << "trialbridge-cli schedule: " << error << "\n";
        return Usage;
    }
    QJsonArray list;
    QDateTime t = after;
    for (int i = 0; i < count; ++i) {
        t = c.next(t);
        // A time the zone skipped runs later than it says: say so.
        const bool moved = !c.matchesWallClock(t);
        if (parser.isSet(QStringLiteral("json"))) {
            list.append(QJsonObject{{QStringLiteral("utc"), toIsoUtc(t)},
                                    {QStringLiteral("local"), t.toTimeZone(zone).toString(Qt::ISODate)},
                                    {QStringLiteral("movedByDaylightSaving"), moved}});
        } else {
            out() << describe(t, zone)
                  << (moved ? QStringLiteral("  moved: the time it names does not exist that night") : QString())
                  << "\n";
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(QJsonObject{{QStringLiteral("cron"), c.text()},
                                           {QStringLiteral("timeZone"), QString::fromUtf8(zone.id())},
                                           {QStringLiteral("occurrences"), list}})
                     .toJson(QJsonDocument::Indented);
    return Ok;
}

} // namespace

int scheduleCommand(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Workspace folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("time-zone"), QStringLiteral("IANA time zone."), QStringLiteral("ZONE")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Occurrences."), QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("after"), QStringLiteral("Start time."), QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    QStringList full = args;
    full.prepend(QStringLiteral("trialbridge-cli schedule"));
    if (!parser.parse(full)) {
        err() << "trialbridge-cli schedule: " << parser.errorText() << "\nTry 'trialbridge-cli schedule --help'.\n";
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Help;
        return Ok;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() == 1 && pos[0] == QLatin1String("list"))
        return listSchedules(parser);
    if (pos.size() == 2 && pos[0] == QLatin1String("next"))
        return nextOccurrences(parser, pos[1]);
    err() << Help;
    return Usage;
}

} // namespace tb::cli

#include "schedule/Scheduler.h"

#include "run/PipelineDocument.h"
#include "util/JsonText.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <tuple>

namespace tb::core {

namespace {

constexpr const char* StateFormat = "trialbridge.schedule-state/1";

QString span(qint64 secs)
{
    if (secs < 120)
        return QStringLiteral("%1 s").arg(secs);
    if (secs < 2 * 3600)
        return QStringLiteral("%1 min").arg(secs / 60);
    if (secs < 2 * 86400)
        return QStringLiteral("%1 h").arg(secs / 3600);
    return QStringLiteral("%1 days").arg(secs / 86400);
}

} // namespace

Scheduler::Scheduler(Options options, QObject* parent) : QObject(parent), m_options(std::move(options))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::check);
}

QVector<Scheduler::Entry> Scheduler::fromWorkspace(const QString& dir, QStringList* problems)
{
    const Workspace ws(dir);
    const QString suffix = Workspace::suffix(Workspace::Kind::Pipeline);
    QVector<Entry> entries;
    for (const QString& relative : ws.documents(Workspace::Kind::Pipeline)) {
        PipelineDocument doc;
        QString error;
        if (!PipelineDocument::load(ws.absolutePath(relative), &doc, &error)) {
            problems->append(error);
            continue;
        }
        if (doc.hasSchedule() && doc.scheduleEnabled)
            entries.append({relative.chopped(suffix.size()), ws.absolutePath(relative), doc.schedule()});
    }
    return entries;
}

bool Scheduler::loadState(QString* error)
{
    m_slots.clear();
    const QString& path = m_options.stateFile;
    if (path.isEmpty() || !QFile::exists(path))
        return true;
    auto fail = [&](const QString& message) {
        *error = QStringLiteral("%1: %2; every schedule counts from now").arg(path, message);
        m_slots.clear();
        return false;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open: ") + f.errorString());
    QJsonObject o;
    QString message;
    if (!json::parseDocument(f.readAll(), "schedule state", StateFormat, &o, &message))
        return fail(message);
    const QJsonObject pipelines = o.value(QLatin1String("pipelines")).toObject();
    for (auto it = pipelines.begin(); it != pipelines.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        Slot slot;
        slot.cron = s.value(QLatin1String("cron")).toString();
        slot.timeZone = s.value(QLatin1String("timeZone")).toString();
        slot.basis = QDateTime::fromString(s.value(QLatin1String("basis")).toString(), Qt::ISODate);
        if (slot.cron.isEmpty() || !slot.basis.isValid() || slot.basis.timeSpec() != Qt::UTC)
            return fail(QStringLiteral("pipelines.%1: needs \"cron\", \"timeZone\" and \"basis\" (a UTC time)")
                            .arg(it.key()));
        m_slots.insert(it.key(), slot);
    }
    return true;
}

void Scheduler::setEntries(const QVector<Entry>& entries)
{
    const QDateTime now = m_options.clock->nowUtc();
    QHash<QString, Slot> updated;
    for (const Entry& e : entries) {
        Slot slot = m_slots.value(e.name);
        const QString zone = QString::fromUtf8(e.schedule.timeZone().id());
        if (slot.cron != e.schedule.text() || slot.timeZone != zone || !slot.basis.isValid()) {
            slot.cron = e.schedule.text();
            slot.timeZone = zone;
            slot.basis = now;
        }
        slot.pipelinePath = e.pipelinePath;
        slot.schedule = e.schedule;
        slot.nextDue = e.schedule.next(slot.basis);
        updated.insert(e.name, slot);
    }
    // What the state file holds: written again only when that changed.
    const auto kept = [](const QHash<QString, Slot>& table) {
        QStringList lines;
        for (auto it = table.cbegin(); it != table.cend(); ++it)
            lines << it.key() + QLatin1Char('\n') + it->cron + QLatin1Char('\n') + it->timeZone + QLatin1Char('\n')
                    + toIsoUtc(it->basis);
        lines.sort();
        return lines;
    };
    const bool changed = kept(updated) != kept(m_slots);
    m_slots = updated;
    if (changed)
        save();
    if (m_running)
        arm();
}

void Scheduler::check()
{
    const QDateTime now = m_options.clock->nowUtc();
    if (m_lastLook.isValid() && now < m_lastLook.addSecs(-1))
        emit notice(QStringLiteral("the clock went back by %1 (from %2 to %3); what already ran does not run again")
                        .arg(span(m_lastLook.secsTo(now) * -1), toIsoUtc(m_lastLook), toIsoUtc(now)));
    m_lastLook = now;

    bool changed = false;
    QVector<std::tuple<QDateTime, QString, QString>> due; // occurrence, name, pipeline path
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it) {
        Slot& s = it.value();
        if (!s.schedule.isValid())
            continue;
        if (now.secsTo(s.basis) > m_options.trustedBackwardSecs) {
            emit notice(QStringLiteral("%1: its last run (%2) lies %3 ahead of the clock; the clock was wrong then, "
                                       "so the schedule counts from now")
                            .arg(it.key(), toIsoUtc(s.basis), span(now.secsTo(s.basis))));
            s.basis = now;
            s.nextDue = s.schedule.next(now);
            changed = true;
        }
        if (s.nextDue.isValid() && s.nextDue <= now) {
            due.append({s.nextDue, it.key(), s.pipelinePath});
            s.basis = now;
            s.nextDue = s.schedule.next(now);
            changed = true;
        }
    }
    std::sort(due.begin(), due.end());
    if (changed)
        save();
    // Signalled once the state is written: a receiver that stops the process loses nothing.
    for (const auto& [occurrence, name, path] : due)
        emit this->due(name, path, occurrence, occurrence.secsTo(now) > 60);
    if (m_running)
        arm();
}

void Scheduler::start()
{
    m_running = true;
    check();
}

void Scheduler::stop()
{
    m_running = false;
    m_timer.stop();
}

QDateTime Scheduler::nextDue(const QString& name) const
{
    return m_slots.value(name).nextDue;
}

QStringList Scheduler::names() const
{
    QStringList list = m_slots.keys();
    list.sort();
    return list;
}

void Scheduler::arm()
{
    const QDateTime now = m_options.clock->nowUtc();
    qint64 wait = m_options.pollMs;
    for (const Slot& s : std::as_const(m_slots))
        if (s.nextDue.isValid())
            wait = qMin(wait, qMax<qint64>(0, now.msecsTo(s.nextDue)));
    m_timer.start(int(wait));
}

void Scheduler::save()
{
    if (m_options.stateFile.isEmpty())
        return;
    QJsonObject pipelines;
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it)
        pipelines.insert(it.key(), QJsonObject{{QStringLiteral("cron"), it->cron},
                                               {QStringLiteral("timeZone"), it->timeZone},
                                               {QStringLiteral("basis"), toIsoUtc(it->basis)}});
    const QJsonObject o{{QStringLiteral("format"), QLatin1String(StateFormat)}, {QStringLiteral("pipelines"), pipelines}};
    QSaveFile f(m_options.stateFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
        emit notice(QStringLiteral("%1: cannot write: %2; after a restart, schedules count from then")
                        .arg(m_options.stateFile, f.errorString()));
}

} // namespace tb::core

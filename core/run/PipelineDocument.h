#pragma once

#include "schedule/CronSchedule.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace tb::core {

// A pipeline (*.pipeline.json): which source files go through which mappings, for which study, into
// which target. Relative paths are relative to the pipeline file's folder (the workspace).
class PipelineDocument
{
public:
    static constexpr const char* Format = "trialbridge.pipeline/1";

    struct Step
    {
        QString mapping; // *.mapping.json
        QString source;  // source file; for a redcap or rest mapping, the name of a connection (NAME.connection.json)
        // A folder drop ("drop": {...}): source is a local folder or an sftp connection; each new complete file
        // whose name matches the pattern is read (see DropFolder).
        QString dropPattern;         // empty: not a drop
        bool dropMarker = true;      // complete when NAME.done or NAME.ok exists; else when its size holds still
        int dropStableMs = 5000;     // for the size rule: the time between the two listings
        bool isDrop() const { return !dropPattern.isEmpty(); }
    };

    static bool load(const QString& path, PipelineDocument* out, QString* error);
    static bool fromJson(const QByteArray& json, const QString& fileName, PipelineDocument* out, QString* error);
    QJsonObject toJson() const;
    bool save(const QString& path, QString* error) const;

    // Absolute path of a path written in the document.
    QString resolve(const QString& path) const;

    // The schedule "serve" runs the pipeline on ("schedule": {"cron": ..., "timeZone": ..., "enabled": ...}).
    bool hasSchedule() const { return !scheduleCron.isEmpty(); }
    // The expression read in its zone (the machine's when the document names none); load() checked it.
    CronSchedule schedule() const;
    QTimeZone scheduleZone() const;

    QString fileName;    // where it was loaded from
    QString name;
    QString description;
    QString study;       // *.study.json
    QString targetKind = QStringLiteral("sqlite");
    QString targetDatabase;
    QVector<Step> steps;
    QString scheduleCron;     // empty: runs only when asked
    QString scheduleTimeZone; // IANA id; empty: the machine's zone
    bool scheduleEnabled = true;
};

} // namespace tb::core

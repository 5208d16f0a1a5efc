#include "audit/AuditExport.h"

#include "load/SqliteStatement.h"
#include "run/RunFeedback.h"
#include "source/CsvDialect.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sqlite3.h>

#include <functional>
#include <vector>

namespace tb::core {

namespace {

QString scalar(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("(none)");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// "field: old → new" for each field of either image (inserts: "(none) → new").
QStringList changes(const QString& beforeJson, const QString& afterJson)
{
    const QJsonObject before = QJsonDocument::fromJson(beforeJson.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(afterJson.toUtf8()).object();
    QStringList keys = after.keys();
    for (const QString& k : before.keys())
        if (!after.contains(k))
            keys << k;
    QStringList parts;
    for (const QString& k : keys)
        parts << QStringLiteral("%1: %2 \u2192 %3").arg(k, scalar(before.value(k)), scalar(after.value(k)));
    return parts;
}

// A day alone covers the whole day: "2026-01-02" as upper bound means up to its last instant.
QString upperBound(const QString& to)
{
    return to.size() == 10 ? to + QStringLiteral("T23:59:59.999999Z") : to;
}

} // namespace

QString AuditFilter::describe() const
{
    QStringList parts;
    if (!fromUtc.isEmpty())
        parts << QStringLiteral("from %1").arg(fromUtc);
    if (!toUtc.isEmpty())
        parts << QStringLiteral("to %1").arg(toUtc);
    if (!entity.isEmpty())
        parts << QStringLiteral("entity %1").arg(entity);
    if (!subjectId.isEmpty())
        parts << QStringLiteral("subject %1").arg(subjectId);
    if (!siteId.isEmpty())
        parts << QStringLiteral("site %1").arg(siteId);
    if (!userId.isEmpty())
        parts << QStringLiteral("user %1").arg(userId);
    if (runId > 0)
        parts << QStringLiteral("run %1").arg(runId);
    return parts.isEmpty() ? QStringLiteral("all entries") : parts.join(QStringLiteral(", "));
}

QStringList AuditExport::columns()
{
    return {QStringLiteral("seq"),     QStringLiteral("time_utc"), QStringLiteral("user_id"),    QStringLiteral("printed_name"),
            QStringLiteral("action"),  QStringLiteral("entity"),   QStringLiteral("entity_key"), QStringLiteral("changes"),
            QStringLiteral("reason"),  QStringLiteral("source"),   QStringLiteral("run_id"),     QStringLiteral("signature")};
}

QStringList AuditExport::Row::cells() const
{
    return {QString::number(seq), timeUtc, userId, printedName, action, entity, entityKey, changes.join(QStringLiteral("; ")), reason, source, runId,
            signature};
}

bool AuditExport::rows(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
                       const std::function<bool(const Row&)>& onRow, QString* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: cannot open the database: %2").arg(databasePath, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return false;
    }
    // Every filter value is bound, never spliced into the SQL.
    QStringList where;
    std::vector<std::function<void(SqliteStatement&, int)>> binds;
    auto add = [&](const char* condition, const QString& value) {
        if (value.isEmpty())
            return;
        binds.push_back([value](SqliteStatement& st, int i) { st.bindText(i, value); });
        where << QString::fromLatin1(condition).arg(binds.size());
    };
    add("ts_utc >= ?%1", filter.fromUtc);
    add("ts_utc <= ?%1", filter.toUtc.isEmpty() ? QString() : upperBound(filter.toUtc));
    add("entity = ?%1", filter.entity);
    add("subject_id = ?%1", filter.subjectId);
    add("site_id = ?%1", filter.siteId);
    add("actor = ?%1", filter.userId);
    if (filter.runId > 0) {
        const qint64 run = filter.runId;
        binds.push_back([run](SqliteStatement& st, int i) { st.bindInt64(i, run); });
        where << QStringLiteral("run_id = ?%1").arg(binds.size());
    }
    bool ok = true;
    {
        SqliteStatement st;
        QString e;
        ok = st.prepare(db,
                        QStringLiteral("SELECT seq, ts_utc, actor, action, entity, natural_key, before_json, after_json, reason, "
                                       "source_ref, run_id, study_id FROM audit_log%1 ORDER BY seq")
                            .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))),
                        &e);
        if (!ok)
            *error = QStringLiteral("%1: %2").arg(databasePath, e);
        for (size_t i = 0; ok && i < binds.size(); ++i)
            binds[i](st, int(i) + 1);
        Row row;
        while (ok && st.next()) {
            row.seq = st.columnInt64(0);
            row.timeUtc = st.columnText(1);
            row.userId = st.columnText(2);
            row.printedName = printedNames.value(row.userId);
            row.action = st.columnText(3);
            row.entity = st.columnText(4);
            row.entityKey = st.columnText(5);
            row.changes.clear();
            row.signature.clear();
            if (row.entity == QLatin1String("esignature")) {
                const QJsonObject s = QJsonDocument::fromJson(st.columnText(7).toUtf8()).object();
                // The manifestation (§11.50): meaning, printed name, signer and the UTC time of signing.
                row.signature = QStringLiteral("%1 by %2 (%3, %4), signed %5")
                                    .arg(s.value(QLatin1String("meaning")).toString(), s.value(QLatin1String("printed_name")).toString(),
                                         s.value(QLatin1String("signer_id")).toString(), s.value(QLatin1String("role")).toString(),
                                         s.value(QLatin1String("signed_utc")).toString());
            } else {
                row.changes = changes(st.columnText(6), st.columnText(7));
            }
            row.reason = st.columnText(8);
            row.source = st.columnText(9);
            row.runId = st.columnIsNull(10) ? QString() : QString::number(st.columnInt64(10));
            row.studyId = st.columnText(11);
            ok = onRow(row);
        }
        if (ok && !st.error().isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(databasePath, st.error());
            ok = false;
        }
    }
    sqlite3_close(db);
    return ok;
}

QString AuditExport::canceledMessage(const QString& outPath)
{
    return QStringLiteral("%1: export canceled \u2014 no file was written").arg(outPath);
}

bool AuditExport::writeCsv(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
                           const QString& outPath, qint64* rows, QString* error, RunFeedback* feedback)
{
    *rows = 0;
    QSaveFile out(outPath); // written whole or not at all: an uncommitted QSaveFile leaves nothing behind
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(outPath, out.errorString());
        return false;
    }
    auto writeLine = [&out](const QStringList& cells) {
        QByteArray line;
        for (int i = 0; i < cells.size(); ++i) {
            if (i)
                line += ',';
            CsvDialect::appendField(line, cells[i]);
        }
        out.write(line + "\r\n");
    };
    writeLine(columns());
    const bool ok = AuditExport::rows(databasePath, filter, printedNames, [&](const Row& row) {
        if (feedback && feedback->isCanceled()) {
            *error = canceledMessage(outPath);
            return false;
        }
        writeLine(row.cells());
        ++*rows;
        return true;
    }, error);
    if (!ok)
        return false;
    if (!out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(outPath, out.errorString());
        return false;
    }
    return true;
}

} // namespace tb::core

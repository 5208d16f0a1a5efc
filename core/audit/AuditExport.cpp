#include "audit/AuditExport.h"

#include "load/SqliteStatement.h"
#include "source/CsvDialect.h"

#include <QHash>
#include <QStringList>
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

// "field: old → new; …" over the fields of either image (inserts: "(none) → new").
QString changes(const QString& beforeJson, const QString& afterJson)
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
    return parts.join(QStringLiteral("; "));
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

bool AuditExport::writeCsv(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
                           const QString& outPath, qint64* rows, QString* error)
{
    *rows = 0;
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
    QSaveFile out(outPath);
    {
        SqliteStatement st;
        QString e;
        ok = st.prepare(db,
                        QStringLiteral("SELECT seq, ts_utc, actor, action, entity, natural_key, before_json, after_json, reason, "
                                       "source_ref, run_id FROM audit_log%1 ORDER BY seq")
                            .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))),
                        &e);
        if (!ok)
            *error = QStringLiteral("%1: %2").arg(databasePath, e);
        for (size_t i = 0; ok && i < binds.size(); ++i)
            binds[i](st, int(i) + 1);
        if (ok && !out.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("%1: cannot write: %2").arg(outPath, out.errorString());
            ok = false;
        }
        if (ok) {
            QByteArray line;
            for (const QString& c : columns())
            {
                if (!line.isEmpty())
                    line += ',';
                CsvDialect::appendField(line, c);
            }
            out.write(line + "\r\n");
        }
        while (ok && st.next()) {
            const QString entity = st.columnText(4);
            const QString actor = st.columnText(2);
            QString signature;
            if (entity == QLatin1String("esignature")) {
                const QJsonObject s = QJsonDocument::fromJson(st.columnText(7).toUtf8()).object();
                signature = QStringLiteral("%1 by %2 (%3, %4)")
                                .arg(s.value(QLatin1String("meaning")).toString(), s.value(QLatin1String("printed_name")).toString(),
                                     s.value(QLatin1String("signer_id")).toString(), s.value(QLatin1String("role")).toString());
            }
            const QStringList cells{QString::number(st.columnInt64(0)),
                                    st.columnText(1),
                                    actor,
                                    printedNames.value(actor),
                                    st.columnText(3),
                                    entity,
                                    st.columnText(5),
                                    entity == QLatin1String("esignature") ? QString() : changes(st.columnText(6), st.columnText(7)),
                                    st.columnText(8),
                                    st.columnText(9),
                                    st.columnIsNull(10) ? QString() : QString::number(st.columnInt64(10)),
                                    signature};
            QByteArray row;
            for (int i = 0; i < cells.size(); ++i)
            {
                if (i)
                    row += ',';
                CsvDialect::appendField(row, cells[i]);
            }
            out.write(row + "\r\n");
            ++*rows;
        }
        if (ok && !st.error().isEmpty()) {
            *error = QStringLiteral("%1: %2").arg(databasePath, st.error());
            ok = false;
        }
    }
    sqlite3_close(db);
    if (ok && !out.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(outPath, out.errorString());
        ok = false;
    }
    return ok;
}

} // namespace tb::core

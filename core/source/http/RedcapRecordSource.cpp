#include "source/http/RedcapRecordSource.h"

#include "util/Clock.h"
#include "util/Crypto.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace tb::core {

namespace {

const QString EventColumn = QStringLiteral("redcap_event_name");
const QString RepeatInstrumentColumn = QStringLiteral("redcap_repeat_instrument");
const QString RepeatInstanceColumn = QStringLiteral("redcap_repeat_instance");
const QString DagColumn = QStringLiteral("redcap_data_access_group");

QByteArray formValue(const QString& v)
{
    return v.toUtf8().toPercentEncoding();
}

const QString DeletedPrefix = QStringLiteral("deleted record ");

QString whereText(const QString& record, const QString& event, const QString& instrument, const QString& instance)
{
    QString s = QStringLiteral("record %1").arg(record);
    if (!event.isEmpty())
        s += QStringLiteral(", event %1").arg(event);
    if (!instance.isEmpty())
        s += instrument.isEmpty() ? QStringLiteral(", instance %1").arg(instance) : QStringLiteral(", %1 #%2").arg(instrument, instance);
    return s;
}

// The data dictionary as columns: a field, a checkbox's choices, a form's "_complete".
struct Dictionary
{
    QString recordIdField;
    QStringList columns;              // in export order
    QHash<QString, QString> formOf;   // column -> form
    QHash<QString, QStringList> checkboxChoices;

    bool read(const QJsonArray& metadata, QString* error)
    {
        QString currentForm;
        auto closeForm = [&] {
            if (!currentForm.isEmpty()) {
                const QString complete = currentForm + QStringLiteral("_complete");
                columns << complete;
                formOf.insert(complete, currentForm);
            }
        };
        for (qsizetype i = 0; i < metadata.size(); ++i) {
            const QJsonObject f = metadata[i].toObject();
            const QString name = f.value(QStringLiteral("field_name")).toString();
            const QString form = f.value(QStringLiteral("form_name")).toString();
            const QString type = f.value(QStringLiteral("field_type")).toString();
            if (name.isEmpty()) {
                *error = QStringLiteral("the data dictionary's entry %1 has no field_name").arg(i);
                return false;
            }
            if (recordIdField.isEmpty())
                recordIdField = name;
            if (form != currentForm) {
                closeForm();
                currentForm = form;
            }
            if (type == QLatin1String("descriptive"))
                continue;
            if (type == QLatin1String("checkbox")) {
                // "1, Yes | 2, No | 99, Unknown"
                QStringList codes;
                for (const QString& choice : f.value(QStringLiteral("select_choices_or_calculations")).toString().split(QLatin1Char('|'))) {
                    const QString code = choice.section(QLatin1Char(','), 0, 0).trimmed();
                    if (code.isEmpty())
                        continue;
                    codes << code;
                    const QString column = name + QStringLiteral("___") + code.toLower();
                    columns << column;
                    formOf.insert(column, form);
                }
                checkboxChoices.insert(name, codes);
                continue;
            }
            columns << name;
            formOf.insert(name, form);
        }
        closeForm();
        if (recordIdField.isEmpty()) {
            *error = QStringLiteral("the data dictionary is empty");
            return false;
        }
        return true;
    }
};

} // namespace

RedcapRecordSource::RedcapRecordSource(RestSourceConfig config, const Clock* clock)
    : RestRecordSource(std::move(config)), m_clock(clock ? clock : &Clock::system())
{
}

QString RedcapRecordSource::deletedRecordId(const QJsonObject& entry)
{
    static const QRegularExpression deleted(QStringLiteral(R"(^\s*delete(?:d)?\s+record\s+(\S+))"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto m = deleted.match(entry.value(QStringLiteral("action")).toString());
    if (!m.hasMatch())
        return {};
    const QString own = scalarText(entry.value(QStringLiteral("record")));
    return own.isEmpty() ? m.captured(1) : own;
}

QString RedcapRecordSource::serverTime(const HttpFetcher::Response& response) const
{
    const QDateTime date = HttpFetcher::parseHttpDate(response.header("date"));
    if (!date.isValid())
        return {};
    return date.toTimeZone(QTimeZone(m_config.serverTimeZone.toUtf8())).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool RedcapRecordSource::post(const QList<QPair<QString, QString>>& params, const QString& what, QJsonDocument* json)
{
    HttpFetcher::Request request;
    request.method = "POST";
    request.url = m_config.url;
    request.contentType = "application/x-www-form-urlencoded";
    request.body = "token=" + m_config.credential.toPercentEncoding();
    request.secrets = {m_config.credential};
    for (const auto& [name, value] : params)
        request.body += '&' + formValue(name) + '=' + formValue(value);
    HttpFetcher::Response response;
    const bool ok = m_fetcher.fetchJson(request, json, &response);
    crypto::wipe(request.body);
    if (!ok) {
        // REDCap explains refusals in {"error": "..."}: say that rather than the raw body.
        const QJsonObject body = QJsonDocument::fromJson(m_fetcher.lastErrorBody()).object();
        const QString said = body.value(QStringLiteral("error")).toString();
        const int status = m_fetcher.lastStatus();
        if (m_fetcher.failure() == HttpFetcher::Failure::Http && !said.isEmpty()) {
            QString hint;
            if (status == 401 || status == 403)
                hint = QStringLiteral("; check the token stored for this connection and the user's API export rights in the project");
            return fail(QStringLiteral("POST %1: REDCap refused the %2 (HTTP %3, %4 attempt(s)): \"%5\"%6")
                            .arg(displayUrl(), what)
                            .arg(status)
                            .arg(m_fetcher.attempts())
                            .arg(said.left(500), hint),
                        false);
        }
        return failFetch();
    }
    if (m_firstServerTime.isEmpty())
        m_firstServerTime = serverTime(response);
    return true;
}

bool RedcapRecordSource::pull()
{
    const RestSourceConfig& c = m_config;
    m_deleted.clear();
    m_firstServerTime.clear();
    if (!QTimeZone(c.serverTimeZone.toUtf8()).isValid())
        return fail(QStringLiteral("unknown server time zone \"%1\" (an IANA name such as Europe/Berlin)").arg(c.serverTimeZone));
    QString since;
    if (!c.cursorIn.isEmpty()) {
        const QDateTime t = QDateTime::fromString(c.cursorIn, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!t.isValid())
            return fail(QStringLiteral("the cursor \"%1\" is not a REDCap time (yyyy-MM-dd HH:mm:ss)").arg(c.cursorIn));
        since = c.cursorIn;
    }
    const QString startTime = m_clock->nowUtc().toTimeZone(QTimeZone(c.serverTimeZone.toUtf8())).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QList<QPair<QString, QString>> json = {{QStringLiteral("format"), QStringLiteral("json")},
                                                 {QStringLiteral("returnFormat"), QStringLiteral("json")}};

    // 1. Deleted records, from the logging export.
    QStringList deletedCandidates;
    if (c.exportDeletions) {
        auto params = json;
        params.prepend({QStringLiteral("logtype"), QStringLiteral("record")});
        params.prepend({QStringLiteral("content"), QStringLiteral("log")});
        if (!since.isEmpty())
            params << qMakePair(QStringLiteral("beginTime"), since.left(16)); // "yyyy-MM-dd HH:mm": earlier, never later
        QJsonDocument doc;
        if (!post(params, QStringLiteral("logging export"), &doc))
            return false;
        if (!doc.isArray())
            return fail(QStringLiteral("POST %1: the logging export is not a JSON array").arg(displayUrl()), false);
        for (const QJsonValue& v : doc.array()) {
            const QString id = deletedRecordId(v.toObject());
            if (!id.isEmpty() && !deletedCandidates.contains(id))
                deletedCandidates << id;
        }
    }

    // 2. The data dictionary.
    Dictionary dictionary;
    {
        auto params = json;
        params.prepend({QStringLiteral("content"), QStringLiteral("metadata")});
        QJsonDocument doc;
        if (!post(params, QStringLiteral("metadata export"), &doc))
            return false;
        QString error;
        if (!doc.isArray() || !dictionary.read(doc.array(), &error))
            return fail(QStringLiteral("POST %1: the metadata export is not a data dictionary%2")
                            .arg(displayUrl(), error.isEmpty() ? QString() : QStringLiteral(": ") + error),
                        false);
    }

    // 3. The records.
    const bool eav = c.redcapType == RestSourceConfig::RedcapType::Eav;
    QList<QPair<QString, QString>> params = {{QStringLiteral("content"), QStringLiteral("record")},
                                             {QStringLiteral("action"), QStringLiteral("export")},
                                             {QStringLiteral("format"), QStringLiteral("json")},
                                             {QStringLiteral("type"), eav ? QStringLiteral("eav") : QStringLiteral("flat")},
                                             {QStringLiteral("rawOrLabel"), QStringLiteral("raw")},
                                             {QStringLiteral("exportDataAccessGroups"), QStringLiteral("true")},
                                             {QStringLiteral("returnFormat"), QStringLiteral("json")}};
    if (!since.isEmpty())
        params << qMakePair(QStringLiteral("dateRangeBegin"), since);
    auto addArray = [&](const QString& name, const QStringList& values) {
        for (int i = 0; i < values.size(); ++i)
            params << qMakePair(QStringLiteral("%1[%2]").arg(name).arg(i), values[i]);
    };
    addArray(QStringLiteral("fields"), c.fields);
    addArray(QStringLiteral("forms"), c.forms);
    addArray(QStringLiteral("events"), c.events);
    QJsonDocument doc;
    if (!post(params, QStringLiteral("record export"), &doc))
        return false;
    if (!doc.isArray())
        return fail(QStringLiteral("POST %1: the record export is not a JSON array").arg(displayUrl()), false);
    const QJsonArray records = doc.array();
    doc = QJsonDocument();
    m_newCursor = m_firstServerTime.isEmpty() ? startTime : m_firstServerTime;

    // Which columns: the design columns present, the dictionary's in its order, then anything else by name.
    auto orderColumns = [&](const QSet<QString>& present, bool designColumns[3]) {
        QStringList columns{dictionary.recordIdField};
        if (designColumns[0])
            columns << EventColumn;
        if (designColumns[1])
            columns << RepeatInstrumentColumn << RepeatInstanceColumn;
        columns << DagColumn; // always: requested, and mappings may name it in projects without DAGs
        QSet<QString> listed(columns.begin(), columns.end());
        for (const QString& col : dictionary.columns)
            if (present.contains(col) && !listed.contains(col)) {
                columns << col;
                listed.insert(col);
            }
        QStringList rest;
        for (const QString& col : present)
            if (!listed.contains(col))
                rest << col;
        std::sort(rest.begin(), rest.end());
        return columns + rest;
    };
    QSet<QString> presentIds;

    if (!eav) {
        QSet<QString> present;
        bool design[3] = {false, false, false};
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (!records[i].isObject())
                return fail(QStringLiteral("POST %1: record export entry %2 is not an object").arg(displayUrl()).arg(i), false);
            const QJsonObject r = records[i].toObject();
            for (auto it = r.begin(); it != r.end(); ++it)
                present.insert(it.key());
        }
        design[0] = present.contains(EventColumn);
        design[1] = present.contains(RepeatInstrumentColumn) || present.contains(RepeatInstanceColumn);
        for (const QString& col : c.columns) // wanted even when no record has them (an empty incremental pull)
            present.insert(col);
        const QStringList columns = orderColumns(present, design);
        if (columns.contains(QStringLiteral("@where")))
            return fail(QStringLiteral("a field is named \"@where\", the name of the column that says where a row came from"));
        if (!startSpill(columns))
            return false;
        std::vector<QString> row(size_t(columns.size()));
        for (const QJsonValue& v : records) {
            const QJsonObject r = v.toObject();
            for (int i = 0; i < columns.size(); ++i)
                row[size_t(i)] = scalarText(r.value(columns[i]));
            const QString id = row[0];
            presentIds.insert(id);
            if (!spillRow(row, whereText(id, scalarText(r.value(EventColumn)), scalarText(r.value(RepeatInstrumentColumn)),
                                         scalarText(r.value(RepeatInstanceColumn)))))
                return false;
        }
    } else {
        // One row per (record, event, repeat instrument, repeat instance), in order of first appearance.
        struct Row
        {
            QString record, event, instrument, instance;
            QHash<QString, QString> values;
        };
        std::vector<Row> rows;
        QHash<QString, size_t> rowOf;
        QHash<QString, QString> dagOf;
        QSet<QString> present;
        bool design[3] = {false, false, false};
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (!records[i].isObject())
                return fail(QStringLiteral("POST %1: record export entry %2 is not an object").arg(displayUrl()).arg(i), false);
            const QJsonObject r = records[i].toObject();
            const QString record = scalarText(r.value(QStringLiteral("record")));
            const QString field = r.value(QStringLiteral("field_name")).toString();
            if (record.isEmpty() || field.isEmpty())
                return fail(QStringLiteral("POST %1: eav entry %2 lacks \"record\" or \"field_name\"").arg(displayUrl()).arg(i), false);
            design[0] = design[0] || r.contains(EventColumn);
            design[1] = design[1] || r.contains(RepeatInstrumentColumn) || r.contains(RepeatInstanceColumn);
            const QString value = scalarText(r.value(QStringLiteral("value")));
            if (r.contains(DagColumn) && !scalarText(r.value(DagColumn)).isEmpty())
                dagOf.insert(record, scalarText(r.value(DagColumn)));
            if (field == DagColumn) {
                dagOf.insert(record, value);
                continue;
            }
            const QString event = scalarText(r.value(EventColumn));
            const QString instrument = scalarText(r.value(RepeatInstrumentColumn));
            const QString instance = scalarText(r.value(RepeatInstanceColumn));
            const QString key = record + QChar(0x1f) + event + QChar(0x1f) + instrument + QChar(0x1f) + instance;
            auto it = rowOf.constFind(key);
            if (it == rowOf.cend()) {
                it = rowOf.insert(key, rows.size());
                rows.push_back({record, event, instrument, instance, {}});
            }
            Row& row = rows[*it];
            const auto choices = dictionary.checkboxChoices.constFind(field);
            const QString column = choices != dictionary.checkboxChoices.cend() ? field + QStringLiteral("___") + value.toLower() : field;
            row.values.insert(column, choices != dictionary.checkboxChoices.cend() ? QStringLiteral("1") : value);
            present.insert(column);
        }
        // The flat export has every column of the exported fields, filled or not.
        const QSet<QString> fieldFilter(c.fields.begin(), c.fields.end()), formFilter(c.forms.begin(), c.forms.end());
        for (const QString& col : dictionary.columns) {
            const QString field = col.contains(QStringLiteral("___")) ? col.section(QStringLiteral("___"), 0, 0) : col;
            const QString form = dictionary.formOf.value(col);
            if ((fieldFilter.isEmpty() && formFilter.isEmpty()) || fieldFilter.contains(field) || formFilter.contains(form))
                present.insert(col);
        }
        for (const QString& col : c.columns)
            present.insert(col);
        present.remove(dictionary.recordIdField);
        const QStringList columns = orderColumns(present, design);
        if (columns.contains(QStringLiteral("@where")))
            return fail(QStringLiteral("a field is named \"@where\", the name of the column that says where a row came from"));
        if (!startSpill(columns))
            return false;
        std::vector<bool> checkbox(size_t(columns.size()));
        for (int i = 0; i < columns.size(); ++i)
            checkbox[size_t(i)] = columns[i].contains(QStringLiteral("___"))
                                  && dictionary.checkboxChoices.contains(columns[i].section(QStringLiteral("___"), 0, 0));
        std::vector<QString> out(size_t(columns.size()));
        for (const Row& r : rows) {
            for (int i = 0; i < columns.size(); ++i) {
                const QString& col = columns[i];
                QString v;
                if (i == 0)
                    v = r.record;
                else if (col == EventColumn)
                    v = r.event;
                else if (col == RepeatInstrumentColumn)
                    v = r.instrument;
                else if (col == RepeatInstanceColumn)
                    v = r.instance;
                else if (col == DagColumn)
                    v = dagOf.value(r.record);
                else
                    v = r.values.value(col, checkbox[size_t(i)] ? QStringLiteral("0") : QString());
                out[size_t(i)] = v;
            }
            presentIds.insert(r.record);
            if (!spillRow(out, whereText(r.record, r.event, r.instrument, r.instance)))
                return false;
        }
    }
    std::vector<QString> removal(size_t(header().size() - 1)); // without "@where"
    for (const QString& id : deletedCandidates)
        if (!presentIds.contains(id)) {
            m_deleted << id;
            removal[0] = id; // the record id column comes first
            if (!spillRow(removal, DeletedPrefix + id + QStringLiteral(" (logging export)")))
                return false;
        }
    return true;
}

RecordSource::Operation RedcapRecordSource::operation() const
{
    const std::vector<QString>& f = fields();
    return !f.empty() && f.back().startsWith(DeletedPrefix) ? Operation::Remove : Operation::Upsert;
}

} // namespace tb::core

#include "FakeEdcServer.h"

#include "source/CsvReader.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <set>

namespace tb::test {

namespace {

QByteArray httpDate(const QDateTime& utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QByteArray json(const QJsonArray& a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

// form fields named "fields[0]", "fields[1]", ...
// (names arrive percent-encoded, "fields%5B0%5D", as PHP reads them)
QStringList formArray(const QUrlQuery& form, const QString& name)
{
    QHash<QString, QString> fields;
    for (const auto& [key, value] : form.queryItems(QUrl::FullyDecoded))
        fields.insert(key, value);
    QStringList out;
    for (int i = 0;; ++i) {
        const QString key = QStringLiteral("%1[%2]").arg(name).arg(i);
        if (!fields.contains(key))
            return out;
        out << fields.value(key);
    }
}

QDateTime redcapTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    t.setTimeSpec(Qt::UTC); // the fake server's local time is UTC
    return t;
}

} // namespace

QUrlQuery FakeEdcServer::Request::form() const
{
    return QUrlQuery(QString::fromUtf8(body));
}

class FakeEdcServerWorker : public QAbstractHttpServer
{
public:
    explicit FakeEdcServerWorker(FakeEdcServer* owner) : m_owner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        FakeEdcServer::Request r;
        switch (request.method()) {
        case QHttpServerRequest::Method::Get: r.method = "GET"; break;
        case QHttpServerRequest::Method::Post: r.method = "POST"; break;
        default: r.method = "OTHER"; break;
        }
        r.path = request.url().path();
        r.query = request.query();
        for (const auto& [name, value] : request.headers())
            r.headers.insert(name.toLower(), value);
        r.body = request.body();
        FakeEdcServer::Fault fault = FakeEdcServer::Fault::None;
        int slowMs = 0;
        QByteArray retryAfter;
        QDateTime date;
        FakeEdcServer::Answer a = m_owner->answer(r, &fault, &slowMs, &retryAfter, &date);
        QPointer<QTcpSocket> s(socket);
        auto head = [&](int status, qint64 length, bool chunked) {
            QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
            h += "Date: " + httpDate(date) + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
            if (chunked)
                h += "Transfer-Encoding: chunked\r\n";
            else
                h += "Content-Length: " + QByteArray::number(length) + "\r\n";
            for (const auto& [n, v] : a.headers)
                h += n + ": " + v + "\r\n";
            return h + "\r\n";
        };
        switch (fault) {
        case FakeEdcServer::Fault::RateLimit: {
            const QByteArray body = R"({"error":"rate limit exceeded"})";
            a.headers = {{"Retry-After", retryAfter}};
            socket->write(head(429, body.size(), false) + body);
            socket->disconnectFromHost();
            return true;
        }
        case FakeEdcServer::Fault::ServerError: {
            const QByteArray body = R"({"error":"internal error"})";
            a.headers.clear();
            socket->write(head(500, body.size(), false) + body);
            socket->disconnectFromHost();
            return true;
        }
        case FakeEdcServer::Fault::DropMidBody:
            // A graceful close after half the body: the client sees the connection end early.
            socket->write(head(a.status, a.body.size(), false) + a.body.left(a.body.size() / 2));
            socket->disconnectFromHost();
            return true;
        case FakeEdcServer::Fault::CloseWithoutAnswer:
            socket->disconnectFromHost();
            return true;
        case FakeEdcServer::Fault::TruncatedJson: {
            const QByteArray cut = a.body.left(a.body.size() / 2);
            socket->write(head(a.status, cut.size(), false) + cut);
            socket->disconnectFromHost();
            return true;
        }
        case FakeEdcServer::Fault::Chunked: {
            QByteArray out = head(a.status, 0, true);
            for (qsizetype i = 0; i < a.body.size(); i += 7) {
                const QByteArray part = a.body.mid(i, 7);
                out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
            }
            out += "0\r\n\r\n";
            socket->write(out);
            socket->disconnectFromHost();
            return true;
        }
        case FakeEdcServer::Fault::Slow: {
            const QByteArray out = head(a.status, a.body.size(), false) + a.body;
            QTimer::singleShot(slowMs, this, [s, out] {
                if (s) {
                    s->write(out);
                    s->disconnectFromHost();
                }
            });
            return true;
        }
        case FakeEdcServer::Fault::None:
            break;
        }
        socket->write(head(a.status, a.body.size(), false) + a.body);
        socket->disconnectFromHost();
        return true;
    }
    void missingHandler(const QHttpServerRequest&, QTcpSocket* socket) override { socket->abort(); }

private:
    FakeEdcServer* m_owner;
};

FakeEdcServer::FakeEdcServer() = default;

FakeEdcServer::~FakeEdcServer()
{
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, [this] { delete m_worker; }, Qt::BlockingQueuedConnection);
        m_worker = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

bool FakeEdcServer::start()
{
    m_thread.start();
    m_worker = new FakeEdcServerWorker(this);
    m_worker->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_worker, [this] { m_port = m_worker->listen(QHostAddress::LocalHost, 0); },
                              Qt::BlockingQueuedConnection);
    return m_port != 0;
}

QUrl FakeEdcServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void FakeEdcServer::setFault(int requestNumber, Fault fault)
{
    QMutexLocker l(&m_mutex);
    m_faults.insert(requestNumber, fault);
}

void FakeEdcServer::setFaultForAll(Fault fault)
{
    QMutexLocker l(&m_mutex);
    m_faultAll = fault;
}

QList<FakeEdcServer::Request> FakeEdcServer::requests() const
{
    QMutexLocker l(&m_mutex);
    return m_requests;
}

int FakeEdcServer::requestCount() const
{
    QMutexLocker l(&m_mutex);
    return int(m_requests.size());
}

void FakeEdcServer::setItemsCredential(const QByteArray& header, const QByteArray& value)
{
    QMutexLocker l(&m_mutex);
    m_itemsHeader = header.toLower();
    m_itemsCredential = value;
}

FakeEdcServer::Answer FakeEdcServer::answer(const Request& request, Fault* fault, int* slowMs, QByteArray* retryAfter,
                                            QDateTime* date)
{
    QMutexLocker l(&m_mutex);
    m_requests << request;
    const int number = int(m_requests.size());
    *fault = m_faults.value(number, m_faultAll);
    *slowMs = m_slowMs;
    *retryAfter = m_retryAfter;
    *date = m_serverTime.isValid() ? m_serverTime : QDateTime::currentDateTimeUtc();
    if (request.path.startsWith(QLatin1String("/redcap/api")))
        return redcap(request);
    if (request.path.startsWith(QLatin1String("/items/")))
        return items(request);
    return {404, R"({"error":"no such endpoint"})", {}};
}

// REDCap ---------------------------------------------------------------------------------------------------

bool FakeEdcServer::loadRedcapCsv(const QString& path, QString* error)
{
    core::CsvReader reader;
    if (!reader.open(path)) {
        *error = reader.error().toString();
        return false;
    }
    QMutexLocker l(&m_mutex);
    const QStringList header = reader.header();
    m_recordIdField = header.value(0);
    m_columns.clear();
    m_fieldOrder.clear();
    m_formOf.clear();
    m_checkboxes.clear();
    m_rows.clear();
    // Forms end at "<form>_complete": the fields before it belong to it. The record id is the first field.
    QStringList pending{m_recordIdField};
    m_fieldOrder << m_recordIdField;
    for (int i = 1; i < header.size(); ++i) {
        const QString c = header[i];
        if (c.startsWith(QLatin1String("redcap_")))
            continue;
        m_columns << c;
        if (c.endsWith(QLatin1String("_complete"))) {
            const QString form = c.chopped(9);
            for (const QString& f : pending)
                m_formOf.insert(f, form);
            m_formOf.insert(c, form);
            pending.clear();
            continue;
        }
        const QString field = c.contains(QLatin1String("___")) ? c.section(QStringLiteral("___"), 0, 0) : c;
        if (c.contains(QLatin1String("___")))
            m_checkboxes[field] << c.section(QStringLiteral("___"), 1);
        if (!m_fieldOrder.contains(field)) {
            m_fieldOrder << field;
            pending << field;
        }
    }
    const int eventColumn = reader.columnIndex(QStringLiteral("redcap_event_name"));
    while (reader.next()) {
        const auto& f = reader.fields();
        RedcapRow row;
        row.record = f[0];
        row.event = eventColumn >= 0 ? f[size_t(eventColumn)] : QString();
        for (int i = 1; i < header.size(); ++i) {
            const QString& c = header[i];
            const QString& v = f[size_t(i)];
            if (c.startsWith(QLatin1String("redcap_")) || v.isEmpty())
                continue;
            if (c.contains(QLatin1String("___"))) {
                if (v == QLatin1String("1")) {
                    QString& ticked = row.values[c.section(QStringLiteral("___"), 0, 0)];
                    ticked += (ticked.isEmpty() ? QString() : QStringLiteral(",")) + c.section(QStringLiteral("___"), 1);
                }
                continue;
            }
            row.values.insert(c, v);
        }
        m_rows.push_back(row);
        if (!m_modified.contains(row.record))
            m_modified.insert(row.record, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    }
    if (reader.hasError()) {
        *error = reader.error().toString();
        return false;
    }
    return true;
}

void FakeEdcServer::setDag(const QString& record, const QString& dag)
{
    QMutexLocker l(&m_mutex);
    m_dag.insert(record, dag);
}

void FakeEdcServer::setModified(const QString& record, const QDateTime& utc)
{
    QMutexLocker l(&m_mutex);
    m_modified.insert(record, utc);
}

void FakeEdcServer::setValue(const QString& record, const QString& event, const QString& field, const QString& value,
                             const QDateTime& modified)
{
    QMutexLocker l(&m_mutex);
    bool found = false;
    for (RedcapRow& r : m_rows)
        if (r.record == record && r.event == event && r.instrument.isEmpty()) {
            r.values.insert(field, value);
            found = true;
        }
    if (!found)
        m_rows.push_back({record, event, QString(), QString(), {{field, value}}});
    m_modified.insert(record, modified);
    m_log.append(QJsonObject{{QStringLiteral("timestamp"), modified.toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                             {QStringLiteral("username"), QStringLiteral("alice")},
                             {QStringLiteral("action"), QStringLiteral("Updated Record %1").arg(record)},
                             {QStringLiteral("details"), QStringLiteral("%1 = '%2'").arg(field, value)}});
}

void FakeEdcServer::addRepeatInstance(const QString& record, const QString& event, const QString& instrument, int instance,
                                      const QHash<QString, QString>& values)
{
    QMutexLocker l(&m_mutex);
    m_repeating = true;
    m_rows.push_back({record, event, instrument, QString::number(instance), values});
}

void FakeEdcServer::deleteRecord(const QString& record, const QDateTime& when, const QString& user)
{
    QMutexLocker l(&m_mutex);
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), [&](const RedcapRow& r) { return r.record == record; }), m_rows.end());
    m_modified.remove(record);
    m_log.append(QJsonObject{{QStringLiteral("timestamp"), when.toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                             {QStringLiteral("username"), user},
                             {QStringLiteral("action"), QStringLiteral("Deleted Record %1").arg(record)},
                             {QStringLiteral("details"), QStringLiteral("%1 = '%2'").arg(m_recordIdField, record)}});
}

void FakeEdcServer::addLogEntry(const QDateTime& when, const QString& action, const QString& user)
{
    QMutexLocker l(&m_mutex);
    m_log.append(QJsonObject{{QStringLiteral("timestamp"), when.toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                             {QStringLiteral("username"), user},
                             {QStringLiteral("action"), action},
                             {QStringLiteral("details"), QString()}});
}

QStringList FakeEdcServer::redcapRecords() const
{
    QMutexLocker l(&m_mutex);
    QStringList out;
    for (const RedcapRow& r : m_rows)
        if (!out.contains(r.record))
            out << r.record;
    return out;
}

QJsonArray FakeEdcServer::redcapMetadata() const
{
    QJsonArray out;
    for (const QString& f : m_fieldOrder) {
        const bool checkbox = m_checkboxes.contains(f);
        QStringList choices;
        for (const QString& code : m_checkboxes.value(f))
            choices << QStringLiteral("%1, Choice %1").arg(code);
        out.append(QJsonObject{{QStringLiteral("field_name"), f},
                               {QStringLiteral("form_name"), m_formOf.value(f)},
                               {QStringLiteral("field_type"), checkbox ? QStringLiteral("checkbox") : QStringLiteral("text")},
                               {QStringLiteral("select_choices_or_calculations"), choices.join(QStringLiteral(" | "))}});
    }
    return out;
}

FakeEdcServer::Answer FakeEdcServer::redcap(const Request& request)
{
    const QUrlQuery form = request.form();
    if (request.method != "POST" || m_token.isEmpty() || form.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8() != m_token)
        return {403, R"({"error":"You do not have permissions to use the API"})", {}};
    const QString content = form.queryItemValue(QStringLiteral("content"));
    if (content == QLatin1String("metadata"))
        return {200, json(redcapMetadata()), {}};
    if (content == QLatin1String("log")) {
        const QDateTime begin = redcapTime(form.queryItemValue(QStringLiteral("beginTime"), QUrl::FullyDecoded));
        QJsonArray out;
        for (const QJsonValue& v : m_log)
            if (!begin.isValid() || redcapTime(v.toObject().value(QStringLiteral("timestamp")).toString()) >= begin)
                out.append(v);
        return {200, json(out), {}};
    }
    if (content != QLatin1String("record"))
        return {400, R"({"error":"The value of the parameter \"content\" is not valid"})", {}};

    const bool eav = form.queryItemValue(QStringLiteral("type")) == QLatin1String("eav");
    const bool dags = form.queryItemValue(QStringLiteral("exportDataAccessGroups")) == QLatin1String("true");
    const QDateTime begin = redcapTime(form.queryItemValue(QStringLiteral("dateRangeBegin"), QUrl::FullyDecoded));
    const QStringList fields = formArray(form, QStringLiteral("fields")), forms = formArray(form, QStringLiteral("forms")),
                      events = formArray(form, QStringLiteral("events"));
    auto wanted = [&](const QString& field) {
        return (fields.isEmpty() && forms.isEmpty()) || field == m_recordIdField || fields.contains(field)
            || forms.contains(m_formOf.value(field));
    };
    QJsonArray out;
    std::set<QString> dagWritten;
    for (const RedcapRow& r : m_rows) {
        if (begin.isValid() && m_modified.value(r.record) < begin)
            continue;
        if (!events.isEmpty() && !events.contains(r.event))
            continue;
        if (!eav) {
            QJsonObject o;
            o.insert(m_recordIdField, r.record);
            if (!r.event.isEmpty())
                o.insert(QStringLiteral("redcap_event_name"), r.event);
            if (m_repeating) {
                o.insert(QStringLiteral("redcap_repeat_instrument"), r.instrument);
                o.insert(QStringLiteral("redcap_repeat_instance"), r.instance);
            }
            if (dags)
                o.insert(QStringLiteral("redcap_data_access_group"), m_dag.value(r.record));
            for (const QString& c : m_columns) {
                const bool box = c.contains(QLatin1String("___"));
                const QString field = box ? c.section(QStringLiteral("___"), 0, 0) : c;
                if (!wanted(field))
                    continue;
                if (box)
                    o.insert(c, r.values.value(field).split(QLatin1Char(',')).contains(c.section(QStringLiteral("___"), 1))
                                    ? QStringLiteral("1") : QStringLiteral("0"));
                else
                    o.insert(c, r.values.value(c));
            }
            out.append(o);
            continue;
        }
        auto item = [&](const QString& field, const QString& value) {
            QJsonObject o{{QStringLiteral("record"), r.record}, {QStringLiteral("field_name"), field}, {QStringLiteral("value"), value}};
            if (!r.event.isEmpty())
                o.insert(QStringLiteral("redcap_event_name"), r.event);
            if (m_repeating) {
                o.insert(QStringLiteral("redcap_repeat_instrument"), r.instrument);
                o.insert(QStringLiteral("redcap_repeat_instance"), r.instance);
            }
            out.append(o);
        };
        if (dags && dagWritten.insert(r.record).second && !m_dag.value(r.record).isEmpty())
            item(QStringLiteral("redcap_data_access_group"), m_dag.value(r.record));
        for (const QString& c : m_columns) {
            const bool box = c.contains(QLatin1String("___"));
            if (box)
                continue;
            if (wanted(c) && !r.values.value(c).isEmpty())
                item(c, r.values.value(c));
        }
        for (const QString& field : m_fieldOrder)
            if (m_checkboxes.contains(field) && wanted(field) && !r.values.value(field).isEmpty())
                for (const QString& code : r.values.value(field).split(QLatin1Char(',')))
                    item(field, code);
    }
    return {200, json(out), {}};
}

// Generic JSON API -------------------------------------------------------------------------------------------

FakeEdcServer::Answer FakeEdcServer::items(const Request& request)
{
    if (request.path == QLatin1String("/items/echo")) // a careless server that repeats the credentials it got
        return {400, "{\"error\":\"bad key " + request.headers.value("x-api-key") + " / " + request.headers.value("authorization") + "\"}", {}};
    if (!m_itemsHeader.isEmpty() && request.headers.value(m_itemsHeader) != m_itemsCredential)
        return {401, R"({"error":"unauthorized"})", {}};
    QJsonArray all;
    const QString since = request.query.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded);
    for (const QJsonValue& v : m_items)
        if (since.isEmpty() || v.toObject().value(QStringLiteral("meta")).toObject().value(QStringLiteral("updated_at")).toString() >= since)
            all.append(v);
    const QString style = request.path.section(QLatin1Char('/'), 2, 2);
    auto number = [&](const char* name, int fallback) {
        bool ok = false;
        const int n = request.query.queryItemValue(QLatin1String(name)).toInt(&ok);
        return ok ? n : fallback;
    };
    auto slice = [&](int from, int count) {
        QJsonArray out;
        for (int i = from; i < from + count && i < all.size(); ++i)
            out.append(all[i]);
        return out;
    };
    if (style == QLatin1String("all"))
        return {200, json(QJsonObject{{QStringLiteral("data"), all}}), {}};
    if (style == QLatin1String("page") || style == QLatin1String("link")) {
        const int page = number("page", 1), per = number("per_page", 10);
        const QJsonArray data = slice((page - 1) * per, per);
        Answer a{200, json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("meta"), QJsonObject{{QStringLiteral("page"), page}}}}), {}};
        if (style == QLatin1String("link")) {
            const int last = std::max(1, int((all.size() + per - 1) / per));
            auto link = [&](int p) { return QStringLiteral("<%1?page=%2&per_page=%3>").arg(url(request.path).toString()).arg(p).arg(per).toLatin1(); };
            QByteArray value = link(1) + "; rel=\"first\"";
            if (page < last)
                value += ", " + link(page + 1) + "; rel=\"next\"";
            value += ", " + link(last) + "; rel=\"last\"";
            a.headers.push_back({"Link", value});
        }
        return a;
    }
    if (style == QLatin1String("cursorloop"))
        return {200, json(QJsonObject{{QStringLiteral("data"), slice(0, 2)}, {QStringLiteral("meta"), QJsonObject{{QStringLiteral("next_cursor"), QStringLiteral("again")}}}}), {}};
    if (style == QLatin1String("offsite"))
        return {200, json(QJsonObject{{QStringLiteral("data"), slice(0, 2)}}), {{"Link", R"(<http://elsewhere.invalid/items?page=2>; rel="next")"}}};
    if (style == QLatin1String("offset"))
        return {200, json(QJsonObject{{QStringLiteral("data"), slice(number("offset", 0), number("limit", 10))}}), {}};
    if (style == QLatin1String("cursor")) {
        const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
        const int from = cursor.isEmpty() ? 0 : QByteArray::fromBase64(cursor.toLatin1()).mid(1).toInt();
        const int limit = number("limit", 3);
        const QJsonArray data = slice(from, limit);
        const QJsonValue next = from + limit < all.size() ? QJsonValue(QString::fromLatin1(("i" + QByteArray::number(from + limit)).toBase64()))
                                                          : QJsonValue(QJsonValue::Null);
        return {200, json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("meta"), QJsonObject{{QStringLiteral("next_cursor"), next}}}}), {}};
    }
    return {404, R"({"error":"no such endpoint"})", {}};
}

} // namespace tb::test

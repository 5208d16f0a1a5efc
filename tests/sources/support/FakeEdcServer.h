#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QStringList>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace tb::test {

class FakeEdcServerWorker;

// An EDC on 127.0.0.1 (ephemeral port) for the REST source tests, on its own thread so that it answers while
// a test blocks in a fetch. Two APIs:
//
//  POST /redcap/api/ — REDCap's API semantics: the token (else 403 {"error": ...} like REDCap);
//    content=record (format=json, type=flat|eav, exportDataAccessGroups, dateRangeBegin against a per-record
//    modification time, fields[]/forms[]/events[]), content=metadata (the data dictionary), content=log
//    (logtype=record, beginTime; deletions are "Deleted record <id>"). The project is loaded from a REDCap
//    flat CSV export (loadRedcapCsv), its data dictionary derived from the header (checkboxes "f___code",
//    forms ending at "<form>_complete"). Every answer carries a Date header with serverTime().
//  GET /items/{all,page,offset,cursor,link} — a generic JSON API: {"data": [...], "meta": {...}} paged by
//    page/per_page, offset/limit, cursor/limit (meta.next_cursor) or page/per_page with a Link header;
//    optional header credential; updated_since filters on meta.updated_at. Misbehaving paging:
//    /items/cursorloop (always the same next cursor), /items/offsite (a Link to another host), /items/echo
//    (a 400 that repeats the credential headers).
//
// Faults by request number (1-based over all requests): 429 with Retry-After, 500, a connection dropped
// half-way through the body, an answer after a delay, a body of truncated JSON, a connection closed before
// any answer, and (not a fault) a chunked answer.
class FakeEdcServer
{
public:
    enum class Fault { None, RateLimit, ServerError, DropMidBody, Slow, TruncatedJson, CloseWithoutAnswer, Chunked };
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QUrlQuery form() const; // the body as form fields
    };

    FakeEdcServer();
    ~FakeEdcServer();
    FakeEdcServer(const FakeEdcServer&) = delete;
    FakeEdcServer& operator=(const FakeEdcServer&) = delete;

    bool start();
    quint16 port() const { return m_port; }
    QUrl url(const QString& path) const;

    // Faults
    void setFault(int requestNumber, Fault fault);
    void setFaultForAll(Fault fault); // every request from now on (None ends it)
    void setRetryAfter(const QByteArray& value) { QMutexLocker l(&m_mutex); m_retryAfter = value; }
    void setSlowMs(int ms) { QMutexLocker l(&m_mutex); m_slowMs = ms; }
    QList<Request> requests() const;
    int requestCount() const;

    // REDCap
    void setRedcapToken(const QByteArray& token) { QMutexLocker l(&m_mutex); m_token = token; }
    bool loadRedcapCsv(const QString& path, QString* error);
    void setDag(const QString& record, const QString& dag);
    void setModified(const QString& record, const QDateTime& utc);
    void setValue(const QString& record, const QString& event, const QString& field, const QString& value, const QDateTime& modified);
    // A repeating instrument's instance (REDCap's redcap_repeat_instrument / redcap_repeat_instance); from the
    // first one on, every row of the export carries both columns.
    void addRepeatInstance(const QString& record, const QString& event, const QString& instrument, int instance,
                           const QHash<QString, QString>& values);
    void deleteRecord(const QString& record, const QDateTime& when, const QString& user = QStringLiteral("alice"));
    void addLogEntry(const QDateTime& when, const QString& action, const QString& user = QStringLiteral("alice"));
    QStringList redcapRecords() const;
    void setServerTime(const QDateTime& utc) { QMutexLocker l(&m_mutex); m_serverTime = utc; }

    // Generic JSON API
    void setItems(const QJsonArray& items) { QMutexLocker l(&m_mutex); m_items = items; }
    void setItemsCredential(const QByteArray& header, const QByteArray& value);

private:
    friend class FakeEdcServerWorker;
    struct RedcapRow
    {
        QString record, event, instrument, instance;
        QHash<QString, QString> values; // field -> value; a checkbox field -> ticked codes joined by ","
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    Answer answer(const Request& request, Fault* fault, int* slowMs, QByteArray* retryAfter, QDateTime* date);
    Answer redcap(const Request& request);
    Answer items(const Request& request);
    QJsonArray redcapMetadata() const;

    QThread m_thread;
    FakeEdcServerWorker* m_worker = nullptr;
    quint16 m_port = 0;

    mutable QMutex m_mutex;
    QList<Request> m_requests;
    QHash<int, Fault> m_faults;
    Fault m_faultAll = Fault::None;
    QByteArray m_retryAfter = "1";
    int m_slowMs = 1000;
    QDateTime m_serverTime;

    QByteArray m_token;
    QString m_recordIdField;
    QStringList m_columns; // the flat export's data columns, in order
    QHash<QString, QString> m_formOf;
    QHash<QString, QStringList> m_checkboxes; // field -> codes
    QStringList m_fieldOrder;                 // metadata order of fields (checkboxes once)
    std::vector<RedcapRow> m_rows;
    QHash<QString, QString> m_dag;
    QHash<QString, QDateTime> m_modified;
    QJsonArray m_log;
    bool m_repeating = false;

    QJsonArray m_items;
    QByteArray m_itemsHeader, m_itemsCredential;
};

} // namespace tb::test

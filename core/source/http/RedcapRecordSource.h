#pragma once

#include "source/http/RestRecordSource.h"

#include <QDateTime>

namespace tb::core {

class Clock;

// Records from REDCap's API (POST, form-encoded, to the project's API URL with its token), one row per
// record, event and repeat instance, as REDCap's flat export has them: the record id field, then
// redcap_event_name, redcap_repeat_instrument, redcap_repeat_instance and redcap_data_access_group (the
// data access group is the site) where the project has them, then the fields in the data dictionary's order
// (checkboxes as "<field>___<code>", "<form>_complete" after each form), then "@where".
//
// open() asks, in order:
//  1. content=log, logtype=record, beginTime = the cursor: records deleted since the cursor (deletedRecords()),
//     delivered after the records as removals (operation() Remove): a row with only the record id, whose
//     "@where" is "deleted record ID (logging export)". Skipped when exportDeletions is off.
//  2. content=metadata: the data dictionary, for the column order and the checkbox choices.
//  3. content=record, format=json, type=flat|eav, exportDataAccessGroups=true, dateRangeBegin = the cursor,
//     fields/forms/events filters. An eav export (one value per object; a checkbox once per ticked choice) is
//     pivoted into the flat rows; unticked choices read "0" and values REDCap left out are null.
// The new cursor is the server's time (its Date header, in serverTimeZone) of the first answer — taken
// before the records are read, so nothing changed during the pull is missed; REDCap's dateRangeBegin is
// inclusive, and loading a record twice is an upsert. Without a Date header, the local clock at the start.
class RedcapRecordSource : public RestRecordSource
{
public:
    explicit RedcapRecordSource(RestSourceConfig config, const Clock* clock = nullptr);

    // Record ids the logging export lists as deleted since the cursor and that the export no longer has
    // (a record deleted and created again is not deleted), in log order.
    const QStringList& deletedRecords() const { return m_deleted; }
    // REDCap writes "Deleted record 1003" or "Delete record 1003"; the log's own "record" value wins.
    static QString deletedRecordId(const QJsonObject& logEntry);

    Operation operation() const override;

protected:
    bool pull() override;

private:
    struct Column;
    bool post(const QList<QPair<QString, QString>>& params, const QString& what, QJsonDocument* json);
    QString serverTime(const HttpFetcher::Response& response) const;

    const Clock* m_clock;
    QStringList m_deleted;
    QString m_firstServerTime;
};

} // namespace tb::core

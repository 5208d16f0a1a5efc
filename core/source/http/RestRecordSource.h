#pragma once

#include "source/RecordSource.h"
#include "source/SpillFile.h"
#include "source/http/HttpFetcher.h"
#include "source/http/RestSourceConfig.h"

#include <QJsonValue>

namespace tb::core {

// What the REST sources share: open() pulls everything the run needs over HTTP (pull(), per API) into a
// SpillFile, and the pipeline's two passes and seeks then read that file, like a file source — the API is
// asked once per run, and a unit can be revisited without asking again. Every row ends with an "@where"
// column saying where it came from ("page 3, data[17]", "record 1001, event baseline_arm_1"), which
// location() reports as the field of its SourceLocation; the file of a location is the URL (credentials
// masked). Errors never contain the credential.
class RestRecordSource : public RecordSource
{
public:
    explicit RestRecordSource(RestSourceConfig config);
    ~RestRecordSource() override;

    // The path is not used: the configuration has the URL.
    bool open(const QString& path) override;
    const QStringList& header() const override { return m_header; }
    void setDecodedColumns(std::vector<bool> columns) override;
    bool next() override;
    const std::vector<QString>& fields() const override { return m_spill.reader().fields(); }
    // The row without "@where": a record that moved to another page is the same record.
    QByteArrayView recordText() const override;
    RecordPosition position() const override;
    SourceLocation location() const override;
    bool seek(const RecordPosition& p) override;
    const SourceError& error() const override { return m_error.isNull() ? m_spill.reader().error() : m_error; }

    // The cursor to store once the rows are loaded (with the data, in the same transaction); empty when the
    // pull gives none. Valid after a successful open().
    const QString& newCursor() const { return m_newCursor; }
    // Rows pulled by the last open().
    qint64 rowCount() const { return m_rows; }
    // For tests: the sleeper and random source of the retries.
    HttpFetcher& fetcher() { return m_fetcher; }
    const RestSourceConfig& config() const { return m_config; }

    // A JSON scalar as a field's text: strings as they are, numbers in their shortest form (integers without
    // an exponent), booleans "true"/"false", arrays as compact JSON; null, objects and undefined as null.
    static QString scalarText(const QJsonValue& value);

protected:
    // Fetches and spills the rows (startSpill(), spillRow(), then nothing: open() finishes the file).
    virtual bool pull() = 0;

    bool startSpill(const QStringList& columns);
    bool spillRow(std::vector<QString>& row, const QString& where); // row without "@where"
    bool fail(const QString& message, bool atUrl = true); // atUrl: the error's place is the URL
    bool failFetch(); // the fetcher's error (its message names method and URL)
    QString displayUrl() const { return HttpFetcher::displayUrl(m_config.url); }

    RestSourceConfig m_config;
    HttpFetcher m_fetcher;
    QString m_newCursor;

private:
    QStringList m_header;
    SpillFile m_spill;
    qint64 m_rows = 0;
    SourceError m_error;
};

} // namespace tb::core

#pragma once

#include "source/SourceLocation.h"

#include <QByteArrayView>
#include <QStringList>

#include <memory>
#include <vector>

namespace tb::core {

struct CsvDialect;
struct OdmSelection;

// Where a record starts, to come back to it: a byte offset, its line and its ordinal (Dataset-JSON names
// rows by index). What a source gives back from position() its seek() takes.
struct RecordPosition
{
    qint64 offset = 0;
    qint64 line = 0;
    qint64 index = 0;
};

// A source of flat records with named columns, read in two passes by the pipeline: once whole to index
// units, then unit by unit through seek(). CSV files, Dataset-JSON datasets and the records of an ODM file
// (see OdmRecordSource) all look like this to mappings.
class RecordSource
{
public:
    // Redcap and Rest are pulled over HTTP from a connection (RedcapRecordSource, JsonRestRecordSource).
    enum class Kind { Csv, DatasetJson, Odm, Redcap, Rest };

    virtual ~RecordSource();

    // "csv", "dataset-json", "odm", "redcap", "rest"; false for anything else.
    static bool parseKind(const QString& name, Kind* out);
    static QString kindName(Kind kind);
    // Whether the source is a connection (a pipeline step names a *.connection.json) rather than a file.
    static bool isRemote(Kind kind) { return kind == Kind::Redcap || kind == Kind::Rest; }
    // The file sources; null for the remote kinds, which need a RestSourceConfig.
    static std::unique_ptr<RecordSource> create(Kind kind, const CsvDialect& dialect, const OdmSelection& odm);

    virtual bool open(const QString& path) = 0;
    virtual const QStringList& header() const = 0;
    // Columns that must be decoded by the next reads (others may stay null); all when empty.
    virtual void setDecodedColumns(std::vector<bool> columns);
    virtual bool next() = 0;
    virtual const std::vector<QString>& fields() const = 0;
    // The record as written, for fingerprints: identical bytes mean an identical record.
    virtual QByteArrayView recordText() const = 0;
    virtual RecordPosition position() const = 0;
    // The record's place for messages and audit entries: file, line and, where the format has one, the
    // place within it (Dataset-JSON "rows[17]", ODM the element's XPath).
    virtual SourceLocation location() const = 0;
    virtual bool seek(const RecordPosition& position) = 0;
    // What the source system's own audit trail says about the current record (who changed it, when, why,
    // from which document), as one line for our audit entry's reason; empty when it says nothing.
    virtual QString provenance() const { return {}; }
    // What the current record asks for. Most sources deliver records as they stand (Upsert: insert or
    // replace); ODM transactions also change part of a record (Update) or delete one (Remove).
    enum class Operation { Upsert, Update, Remove };
    virtual Operation operation() const { return Operation::Upsert; }
    // Whether the current record names a column: an Update changes only the values it names, and a value it
    // names as null is set to null. Always true for Upsert records.
    virtual bool names(int column) const { return true; }
    virtual const SourceError& error() const = 0;
    bool hasError() const { return !error().isNull(); }
};

} // namespace tb::core

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace tb::core {

// A folder that partners drop files into (a local folder or a remote SFTP folder): list what is there, decide
// which files are complete, read one, and move it aside once handled — to archive/ when loaded, to error/
// (with NAME.reason.txt) when it cannot be. The subclasses do the file system's part; the rules live here.
class DropFolder
{
public:
    struct Entry
    {
        QString name; // as the folder lists it
        qint64 size = 0;
        qint64 modified = 0; // seconds since the epoch
    };
    // What one scan found.
    struct Scan
    {
        QVector<Entry> complete; // matching, complete and safely named: to be read, in name order
        QStringList waiting;     // matching but not complete yet (no marker, size still changing)
        QVector<QPair<QString, QString>> refused; // matching names that are not safe to use, and why
        QStringList orphanMarkers; // markers of matching names whose file is not there (see settleMarker)
    };
    // Completeness: a marker file NAME.done or NAME.ok next to the file, or a size (and time) that stays the
    // same across two listings stableMs apart.
    struct Rule
    {
        QString pattern; // "*" and "?" wildcards, matched against the whole name
        bool marker = true;
        int stableMs = 5000;
    };
    using Sink = std::function<bool(const char* data, qint64 size)>;

    virtual ~DropFolder();

    // For messages: "sftp host:port/path" or the local folder's path.
    virtual QString describe() const = 0;
    // Regular files directly in the folder (no subfolders, no "." and "..").
    virtual bool list(QVector<Entry>* out, QString* error) = 0;
    // Streams a file's content to sink; false with a message when reading fails or sink refuses.
    virtual bool read(const QString& name, const Sink& sink, QString* error) = 0;
    virtual bool exists(const QString& relativePath) = 0;
    // Creates a subfolder unless it exists.
    virtual bool makeFolder(const QString& name, QString* error) = 0;
    // Renames within the folder (to may name a subfolder: "archive/x.csv"); never replaces an existing file.
    virtual bool rename(const QString& from, const QString& to, QString* error) = 0;
    virtual bool write(const QString& relativePath, const QByteArray& bytes, QString* error) = 0;

    // Why a name must not be used as a path ("contains \"..\""); empty when it is safe. Names with "/", "\\",
    // "..", NUL or control characters are refused: a partner's file name must never address another place.
    static QString unsafeReason(const QString& name);
    // Whether the reason also forbids addressing the file at all ("/" and NUL): such a file is left in place.
    static bool addressable(const QString& name);
    static bool matches(const QString& pattern, const QString& name);
    static bool isMarker(const QString& name);
    // The file a marker NAME.done or NAME.ok stands for; empty for other names.
    static QString markedFile(const QString& name);

    // Lists (twice for the size rule) and sorts what matches the rule.
    bool scan(const Rule& rule, Scan* out, QString* error);
    // Moves name (and its marker files) into subfolder ("archive" or "error"), created if missing. An
    // existing file of that name there is kept: the newcomer gets a suffix (".1", ".2", ...). movedTo: the
    // new path.
    bool moveTo(const QString& name, const QString& subfolder, QString* movedTo, QString* error);
    // Moves name into error/ and writes error/NAME.reason.txt with the reason.
    bool moveToError(const QString& name, const QString& reason, QString* error);
    // A marker whose file is gone because a move broke off between the file and its marker (a lost
    // connection, a killed run): left there, it would mark the next delivery of that name complete while it
    // is still being written. It follows its file — the last copy of that name in archive/ or error/, if that
    // has no marker — and true is returned; false with an empty error when it is no such leftover and stays
    // where it is.
    bool settleMarker(const QString& marker, QString* error);
};

} // namespace tb::core

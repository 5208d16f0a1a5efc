#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tb::core {

// A mapping revision under change control, as the target's register (table mapping_revision) holds it: frozen
// at submission in its canonical form, with its lifecycle state.
struct MappingRevision
{
    // draft is not here: a draft is a mapping file that was never submitted.
    enum class State { InReview, Approved, Rejected, Retired };

    QString mapping;
    int revision = 0;
    QByteArray contentHash; // BLAKE2b-256 of document
    QByteArray document;    // canonical JSON (MappingDocument::toJsonBytes)
    QString file;           // the file it was submitted from
    QString authorId;
    QString submittedUtc;
    State state = State::InReview;
    QString stateUtc;

    static QString stateName(State s); // in_review, approved, rejected, retired
    static bool parseState(const QString& name, State* out);
    static QString describeState(State s); // "in review"

    QString label() const; // "edc-visits revision 3"
    // What a signature on it names: "visits.mapping.json (mapping edc-visits, revision 3)".
    QString subject() const { return subjectOf(file, mapping, revision); }
    static QString subjectOf(const QString& fileName, const QString& mapping, int revision);
    // The register's columns; the document only when asked for.
    QJsonObject toJson(bool withDocument = false) const;
};

} // namespace tb::core

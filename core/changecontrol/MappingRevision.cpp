#include "changecontrol/MappingRevision.h"

#include <QJsonDocument>

namespace tb::core {

QString MappingRevision::stateName(State s)
{
    switch (s) {
    case State::InReview: return QStringLiteral("in_review");
    case State::Approved: return QStringLiteral("approved");
    case State::Rejected: return QStringLiteral("rejected");
    case State::Retired: return QStringLiteral("retired");
    }
    return {};
}

bool MappingRevision::parseState(const QString& name, State* out)
{
    for (State s : {State::InReview, State::Approved, State::Rejected, State::Retired})
        if (stateName(s) == name) {
            *out = s;
            return true;
        }
    return false;
}

QString MappingRevision::describeState(State s)
{
    return s == State::InReview ? QStringLiteral("in review") : stateName(s);
}

QString MappingRevision::label() const
{
    return QStringLiteral("%1 revision %2").arg(mapping).arg(revision);
}

QString MappingRevision::subjectOf(const QString& fileName, const QString& mapping, int revision)
{
    return QStringLiteral("%1 (mapping %2, revision %3)").arg(fileName, mapping).arg(revision);
}

QJsonObject MappingRevision::toJson(bool withDocument) const
{
    QJsonObject o{{QStringLiteral("mapping"), mapping},
                  {QStringLiteral("revision"), revision},
                  {QStringLiteral("content_hash"), QString::fromLatin1(contentHash.toHex())},
                  {QStringLiteral("file"), file},
                  {QStringLiteral("author_id"), authorId},
                  {QStringLiteral("submitted_utc"), submittedUtc},
                  {QStringLiteral("state"), stateName(state)},
                  {QStringLiteral("state_utc"), stateUtc}};
    if (withDocument)
        o.insert(QStringLiteral("document"), QJsonDocument::fromJson(document).object());
    return o;
}

} // namespace tb::core

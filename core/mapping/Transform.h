#pragma once

#include <QString>
#include <QVarLengthArray>

namespace tb::core {

class ReferenceData;
class StudyConfig;
struct Record;

// The values flowing through a field's transform chain: one per source column until a combining
// transform (concat, format, coalesce) reduces them to one. Inline storage: no allocation per row.
using Values = QVarLengthArray<QString, 4>;

// What a transform may consult, and where it reports why a value cannot be transformed.
class TransformContext
{
public:
    const StudyConfig* study = nullptr;
    ReferenceData* reference = nullptr;
    const Record* record = nullptr;   // the record being built (fields evaluated so far)
    const Record* unitRoot = nullptr; // the unit's root record (the subject of a visit), when known

    QString failedRule;
    QString failedMessage;

    bool fail(const QString& rule, const QString& message)
    {
        failedRule = rule;
        failedMessage = message;
        return false;
    }
    // The record's study: its study_id field, else the study document's.
    QString studyId() const;
    // The record's site: its site_id, else its unit root's (the subject's); null when unknown.
    QString siteId() const;
    // The IANA zone of that site; empty when unknown.
    QString siteTimeZone() const;
};

// One step of a field's transform chain. Instances are immutable after creation and shared by every row.
class Transform
{
public:
    virtual ~Transform() = default;
    // Transforms values in place; on failure calls ctx.fail() and returns false.
    virtual bool apply(Values& values, TransformContext& ctx) const = 0;
    // True for transforms that take several values and leave one.
    virtual bool combines() const { return false; }
    // True when the output depends on the input values alone (not on the record's site or on loaded
    // data): such chains are memoised per distinct input.
    virtual bool isPure() const { return true; }
};

} // namespace tb::core

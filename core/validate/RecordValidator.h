#pragma once

#include "model/Record.h"
#include "validate/ValidationIssue.h"

#include "util/FastHash.h"

#include <QVector>

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tb::core {

class StudyConfig;

// Field rules of the canonical model: required, type, range, length, pattern and controlled terms
// (with the study's codelist overrides). Business rules that need other records live in BusinessRules.
class RecordValidator
{
public:
    explicit RecordValidator(const StudyConfig& study);

    QVector<ValidationIssue> validate(const Record& r) const;
    // Appends issues to out; returns false when any was an error.
    bool validate(const Record& r, QVector<ValidationIssue>& out) const;

    static bool isCanonicalInteger(QStringView s);
    static bool isCanonicalDecimal(QStringView s);
    static bool isTimeZone(const QString& id);

private:
    using TermSet = std::unordered_set<QString, QStringHash>;
    // The term set of each field of an entity (null for non-code fields), built on first use.
    const std::vector<const TermSet*>& fieldTerms(const EntityDef& e) const;

    const StudyConfig& m_study;
    mutable std::unordered_map<QString, TermSet, QStringHash> m_terms;    // by codelist
    mutable std::vector<std::vector<const TermSet*>> m_fieldTerms;       // by entity index
};

} // namespace tb::core

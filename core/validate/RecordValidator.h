#pragma once

#include "model/Record.h"
#include "validate/ValidationIssue.h"

#include <QHash>
#include <QSet>
#include <QVector>

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
    const QSet<QString>& terms(const QString& codelist) const;

    const StudyConfig& m_study;
    mutable QHash<QString, QSet<QString>> m_terms;
};

} // namespace tb::core

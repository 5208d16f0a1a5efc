#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

namespace tb::core {

class MappingModel;
class SourceSchemaModel;
class TargetSchemaModel;

// A source column as auto-map sees it: its name, the label the sample gives (Dataset-JSON, ODM) and, for
// ODM, its OID.
struct AutoMapColumn
{
    QString column;
    QString label;
    QString oid;
};

// A target field: its name in the mapping and its label in the schema.
struct AutoMapField
{
    QString name;
    QString label;
};

struct AutoMapProposal
{
    enum class Reason {
        SameName,     // the names agree once case, separators and the entity's prefix are set aside
        Synonym,      // a clinical synonym (USUBJID → subject_id, AESTDTC → start_date, …)
        LabelMatches, // the column's label is the field's name or label
        OidSuffix,    // the end of an ODM OID (I_ADVER_AE_SEV → severity)
        SimilarName,  // string similarity of the names (bigram Dice), in `similarity`
        SimilarLabel, // string similarity of the labels
    };

    QString column;
    QString target;
    double confidence = 0; // 0..1
    Reason reason = Reason::SameName;
    double similarity = 0; // SimilarName / SimilarLabel: the Dice coefficient
    QString detail;        // Synonym: the synonym that matched; OidSuffix: the suffix

    QString reasonText() const; // translated, e.g. "similar name 0.82"
    bool operator==(const AutoMapProposal& o) const { return column == o.column && target == o.target; }
};

// Proposes links for a mapping's unmapped target fields from the source columns' names, labels and ODM
// OIDs. Every pair is scored by its best rule (same name 1.0, synonym 0.95 and down, label 0.9, OID suffix
// 0.85, similarity = the Dice coefficient); pairs below the threshold are dropped; then the best pairs are
// taken greedily so that each target field and each column is proposed at most once. No Widgets: the
// designer shows the proposals, the engine could use them headless.
class AutoMapper
{
    Q_DECLARE_TR_FUNCTIONS(tb::core::AutoMapper)
public:
    static constexpr double DefaultThreshold = 0.7;

    explicit AutoMapper(double threshold = DefaultThreshold) : m_threshold(threshold) {}
    double threshold() const { return m_threshold; }
    void setThreshold(double threshold) { m_threshold = threshold; }

    // entity: the CTMS entity (its name and usual prefixes are ignored in column names, VISIT_STATUS →
    // status). Sorted by confidence, highest first; ties in target order.
    QVector<AutoMapProposal> propose(const QVector<AutoMapColumn>& columns, const QString& entity,
                                     const QVector<AutoMapField>& targets) const;
    // For the designer: the sample's columns, the entity's fields the mapping does not fill yet.
    QVector<AutoMapProposal> propose(const SourceSchemaModel& source, const TargetSchemaModel& target,
                                     const MappingModel& mapping) const;

    // Lower-case words of a name or label: split at _ - . space / : @ and at camel case (StudySubjectID →
    // study subject id).
    static QStringList words(const QString& text);
    // The words run together: "VISIT_DATE", "VisitDate", "visit date" → "visitdate".
    static QString normalise(const QString& text);
    // Bigram Dice coefficient of the normalised strings (1 for equal, 0 when nothing is shared).
    static double similarity(const QString& a, const QString& b);

private:
    double m_threshold;
};

} // namespace tb::core

#include "mapping/AutoMapper.h"

#include "mapping/MappingModel.h"
#include "mapping/SourceSchemaModel.h"
#include "mapping/TargetSchemaModel.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace tb::core {

namespace {

constexpr double SameNameScore = 1.0;
constexpr double PrefixedNameScore = 0.9;
constexpr double AttributeNameScore = 0.82;
constexpr double SynonymScore = 0.95; // the first synonym; later ones a little less (USUBJID before SUBJID)
constexpr double LabelScore = 0.9;
constexpr double OidScore = 0.85;
constexpr double SimilarCap = 0.84; // a similar name never outranks a rule that names the field

// Normalised names that stand for a target field in common EDC and SDTM exports, best first.
const QHash<QString, QStringList>& synonyms()
{
    static const QHash<QString, QStringList> table = {
        {QStringLiteral("study_id"), {"studyid", "study", "protocol", "protocolid", "studyoid"}},
        {QStringLiteral("subject_id"),
         {"usubjid", "subjid", "subject", "subjectkey", "studysubjectid", "subjectid", "subj", "patientid", "patient"}},
        {QStringLiteral("site_id"), {"siteid", "site", "siteoid", "locationoid", "siteno", "sitenumber", "centre", "center"}},
        {QStringLiteral("site_number"), {"siteno", "sitenumber", "sitenum"}},
        {QStringLiteral("country_code"), {"country", "countrycd", "countrycode"}},
        {QStringLiteral("time_zone"), {"timezone", "tz"}},
        {QStringLiteral("principal_investigator"), {"invnam", "investigator", "principalinvestigator", "pi"}},
        {QStringLiteral("visit_code"), {"visitnum", "visitno", "visitcode", "visitcd", "visitid", "studyeventoid"}},
        {QStringLiteral("visit_name"), {"visit", "visitname", "eventname"}},
        {QStringLiteral("visit_date"), {"svstdtc", "visitdate", "visitdt", "visdat", "visdt", "startdate"}},
        {QStringLiteral("ae_id"), {"aeseq", "aespid", "aeno", "aeid", "aenumber"}},
        {QStringLiteral("term"), {"aeterm", "aedesc", "aeverbatim", "verbatimterm", "reportedterm"}},
        {QStringLiteral("decoded_term"), {"aedecod", "aept", "preferredterm"}},
        {QStringLiteral("body_system"), {"aebodsys", "aesoc", "soc", "bodysystem"}},
        {QStringLiteral("start_date"), {"aestdtc", "aestdat", "onsetdate", "aedton", "onset"}},
        {QStringLiteral("end_date"), {"aeendtc", "aeendat", "aedtre", "resolutiondate"}},
        {QStringLiteral("severity"), {"aesev", "sev", "intensity"}},
        {QStringLiteral("serious"), {"aeser", "sae", "seriousness"}},
        {QStringLiteral("outcome"), {"aeout"}},
        {QStringLiteral("relationship"), {"aerel", "causality", "relatedness"}},
        {QStringLiteral("birth_date"), {"brthdtc", "brthdat", "dateofbirth", "birthdate", "dob"}},
        {QStringLiteral("sex"), {"sex", "gender"}},
        {QStringLiteral("informed_consent_date"), {"rficdtc", "consentdate", "icdtc", "icdat"}},
        {QStringLiteral("reference_start_date"), {"rfstdtc", "rfxstdtc", "firstdosedate", "firstdose"}},
        {QStringLiteral("reference_end_date"), {"rfendtc", "rfxendtc", "lastdosedate", "lastdose"}},
        {QStringLiteral("arm"), {"arm", "treatmentarm", "planarm"}},
        {QStringLiteral("deviation_id"), {"dvseq", "dvspid", "deviationid", "deviationno"}},
        {QStringLiteral("category"), {"dvcat"}},
        {QStringLiteral("description"), {"dvterm"}},
        {QStringLiteral("occurred_date"), {"dvstdtc"}},
        {QLatin1String(MappingModel::ModifiedTarget),
         {"lastmodified", "modifiedat", "modified", "lastupdated", "updatedat", "lastchanged", "datetimestamp"}},
    };
    return table;
}

// Words an entity's columns often start with (VISIT_STATUS, AE_NO, DVCAT is left to the synonyms).
QStringList entityPrefixes(const QString& entity)
{
    static const QHash<QString, QStringList> table = {
        {QStringLiteral("adverse_event"), {"ae", "adverse"}},
        {QStringLiteral("visit"), {"visit", "sv"}},
        {QStringLiteral("visit_schedule"), {"visit", "tv"}},
        {QStringLiteral("subject"), {"subject", "subj", "dm"}},
        {QStringLiteral("site"), {"site"}},
        {QStringLiteral("study"), {"study"}},
        {QStringLiteral("country"), {"country"}},
        {QStringLiteral("protocol_deviation"), {"dv", "deviation"}},
        {QStringLiteral("payment"), {"payment"}},
    };
    return table.value(entity);
}

// ODM OID prefixes of the element kinds (I_ item, IG_ item group, F_ form, SE_ study event).
bool isOidKindPrefix(const QString& word)
{
    return word == QLatin1String("i") || word == QLatin1String("it") || word == QLatin1String("ig")
        || word == QLatin1String("f") || word == QLatin1String("se");
}

// A normalised name without the entity's prefix (visitdat → dat for visits); unchanged when nothing is left.
QString withoutPrefix(const QString& normalised, const QStringList& prefixes)
{
    for (const QString& p : prefixes)
        if (normalised.size() > p.size() && normalised.startsWith(p))
            return normalised.mid(p.size());
    return normalised;
}

QVector<QString> bigrams(const QString& s)
{
    QVector<QString> out;
    for (int i = 0; i + 1 < s.size(); ++i)
        out << s.mid(i, 2);
    return out;
}

struct Score
{
    double confidence = 0;
    AutoMapProposal::Reason reason = AutoMapProposal::Reason::SameName;
    double similarity = 0;
    QString detail;
};

void consider(Score* best, double confidence, AutoMapProposal::Reason reason, double similarity = 0,
              const QString& detail = {})
{
    if (confidence > best->confidence)
        *best = Score{confidence, reason, similarity, detail};
}

struct Column
{
    QString full, last, stripped, label, oidTail;
    QStringList oidSuffixes;
};

Column describe(const AutoMapColumn& c, const QStringList& prefixes)
{
    Column d;
    d.full = AutoMapper::normalise(c.column);
    // ODM context columns (SubjectData@OpenClinica:DateOfBirth): the attribute's own name counts.
    const QString lastSegment = c.column.section(QRegularExpression(QStringLiteral("[@:]")), -1);
    d.last = AutoMapper::normalise(lastSegment);
    QStringList words = AutoMapper::words(lastSegment);
    if (words.size() > 1 && prefixes.contains(words.first()))
        d.stripped = words.mid(1).join(QString());
    d.label = AutoMapper::normalise(c.label);
    // An item's OID (or a column that is one): the words after the kind, every suffix of them.
    QString oid = c.oid.isEmpty() ? c.column : c.oid;
    oid = oid.section(QLatin1Char('/'), -1);
    QStringList oidWords = AutoMapper::words(oid);
    if (oidWords.size() > 1 && isOidKindPrefix(oidWords.first()) && oid.contains(QLatin1Char('_'))) {
        oidWords.removeFirst();
        for (int i = 0; i < oidWords.size(); ++i) // the longest, most specific first
            d.oidSuffixes << oidWords.mid(i).join(QString());
    }
    return d;
}

} // namespace

QString AutoMapProposal::reasonText() const
{
    switch (reason) {
    case Reason::SameName: return AutoMapper::tr("same name");
    case Reason::Synonym: return AutoMapper::tr("known synonym %1").arg(detail.toUpper());
    case Reason::LabelMatches: return AutoMapper::tr("label matches");
    case Reason::OidSuffix: return AutoMapper::tr("OID suffix %1").arg(detail.toUpper());
    case Reason::SimilarName: return AutoMapper::tr("similar name %1").arg(similarity, 0, 'f', 2);
    case Reason::SimilarLabel: return AutoMapper::tr("similar label %1").arg(similarity, 0, 'f', 2);
    }
    return {};
}

QStringList AutoMapper::words(const QString& text)
{
    // Camel case: a lower-case letter or digit before an upper-case one, and an acronym before a word
    // (StudySubjectID → Study Subject ID, ODMVersion → ODM Version).
    QString spaced;
    spaced.reserve(text.size() * 2);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i > 0 && c.isUpper()) {
            const QChar p = text.at(i - 1);
            const bool nextLower = i + 1 < text.size() && text.at(i + 1).isLower();
            if (p.isLower() || p.isDigit() || (p.isUpper() && nextLower))
                spaced += QLatin1Char(' ');
        }
        spaced += c;
    }
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList out = spaced.toLower().split(separators, Qt::SkipEmptyParts);
    return out;
}

QString AutoMapper::normalise(const QString& text)
{
    return words(text).join(QString());
}

double AutoMapper::similarity(const QString& a, const QString& b)
{
    const QString x = normalise(a), y = normalise(b);
    if (x.isEmpty() || y.isEmpty())
        return 0;
    if (x == y)
        return 1;
    QVector<QString> bx = bigrams(x), by = bigrams(y);
    if (bx.isEmpty() || by.isEmpty())
        return 0;
    const int total = int(bx.size() + by.size());
    int shared = 0;
    for (const QString& g : std::as_const(bx)) {
        const int at = int(by.indexOf(g));
        if (at >= 0) {
            ++shared;
            by.remove(at); // a multiset: each bigram of b pairs once
        }
    }
    return 2.0 * shared / total;
}

QVector<AutoMapProposal> AutoMapper::propose(const QVector<AutoMapColumn>& columns, const QString& entity,
                                             const QVector<AutoMapField>& targets) const
{
    const QStringList prefixes = entityPrefixes(entity);
    QVector<Column> described;
    described.reserve(columns.size());
    for (const AutoMapColumn& c : columns)
        described << describe(c, prefixes);

    struct Candidate
    {
        int column, target;
        Score score;
    };
    QVector<Candidate> candidates;
    for (int t = 0; t < targets.size(); ++t) {
        const AutoMapField& field = targets[t];
        const QString name = normalise(field.name);
        const QString label = normalise(field.label);
        const QStringList syn = synonyms().value(field.name);
        for (int c = 0; c < described.size(); ++c) {
            const Column& d = described[c];
            Score best;
            if (d.full == name)
                consider(&best, SameNameScore, AutoMapProposal::Reason::SameName);
            else if (d.last == name) // an attribute's generic name (StudyEventData@…:StartDate) says less
                consider(&best, AttributeNameScore, AutoMapProposal::Reason::SameName);
            if (!d.stripped.isEmpty() && d.stripped == name)
                consider(&best, PrefixedNameScore, AutoMapProposal::Reason::SameName);
            for (int i = 0; i < syn.size(); ++i) {
                if (syn[i] == d.full || syn[i] == d.last || syn[i] == d.stripped) {
                    consider(&best, SynonymScore - 0.01 * std::min(i, 5), AutoMapProposal::Reason::Synonym, 0, syn[i]);
                    break;
                }
            }
            if (!d.label.isEmpty() && (d.label == label || d.label == name))
                consider(&best, LabelScore, AutoMapProposal::Reason::LabelMatches);
            for (const QString& suffix : d.oidSuffixes) {
                if (suffix == name || syn.contains(suffix)) {
                    consider(&best, OidScore, AutoMapProposal::Reason::OidSuffix, 0, suffix);
                    break;
                }
            }
            // Names against the name, labels against the label: a name against a label matched generic
            // words (UniqueIdentifier ~ "AE identifier"). A shared entity prefix is no similarity
            // (VISIT_NO ~ visit_name), so it is set aside on both sides.
            double nameSim = 0;
            for (const QString& v : {d.full, d.last})
                if (!v.isEmpty())
                    nameSim = std::max(nameSim, similarity(withoutPrefix(v, prefixes), withoutPrefix(name, prefixes)));
            consider(&best, std::min(nameSim, SimilarCap), AutoMapProposal::Reason::SimilarName, nameSim);
            if (!d.label.isEmpty()) {
                const double labelSim = similarity(d.label, label);
                consider(&best, std::min(labelSim, SimilarCap), AutoMapProposal::Reason::SimilarLabel, labelSim);
            }
            if (best.confidence >= m_threshold && best.confidence > 0)
                candidates << Candidate{c, t, best};
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score.confidence != b.score.confidence)
            return a.score.confidence > b.score.confidence;
        if (a.target != b.target)
            return a.target < b.target;
        return a.column < b.column;
    });
    // Greedy one-to-one: the best pair first, then the best of what is left.
    QSet<int> usedColumns, usedTargets;
    QVector<AutoMapProposal> out;
    for (const Candidate& cand : std::as_const(candidates)) {
        if (usedColumns.contains(cand.column) || usedTargets.contains(cand.target))
            continue;
        usedColumns.insert(cand.column);
        usedTargets.insert(cand.target);
        AutoMapProposal p;
        p.column = columns[cand.column].column;
        p.target = targets[cand.target].name;
        p.confidence = cand.score.confidence;
        p.reason = cand.score.reason;
        p.similarity = cand.score.similarity;
        p.detail = cand.score.detail;
        out << p;
    }
    return out;
}

QVector<AutoMapProposal> AutoMapper::propose(const SourceSchemaModel& source, const TargetSchemaModel& target,
                                             const MappingModel& mapping) const
{
    QVector<AutoMapColumn> columns;
    QSet<QString> seen;
    // Depth first, in source order: the first leaf of a column gives its label and OID.
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int r = 0; r < source.rowCount(parent); ++r) {
            const QModelIndex i = source.index(r, SourceSchemaModel::NameColumn, parent);
            if (i.data(SourceSchemaModel::IsColumnRole).toBool()) {
                const QString column = i.data(SourceSchemaModel::ColumnRole).toString();
                if (!seen.contains(column)) {
                    seen.insert(column);
                    columns << AutoMapColumn{column,
                                             source.index(r, SourceSchemaModel::LabelColumn, parent).data().toString(),
                                             i.data(SourceSchemaModel::OidRole).toString()};
                }
            }
            walk(i);
        }
    };
    walk({});
    QVector<AutoMapField> fields;
    for (const QString& f : target.fields()) {
        if (mapping.isMapped(f))
            continue;
        const QModelIndex i = target.indexOfField(f);
        fields << AutoMapField{f, i.siblingAtColumn(TargetSchemaModel::LabelColumn).data().toString()};
    }
    return propose(columns, target.entityName(), fields);
}

} // namespace tb::core

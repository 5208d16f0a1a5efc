#include "validate/RecordValidator.h"

#include "model/PartialDate.h"
#include "study/StudyConfig.h"

#include <QTimeZone>

namespace tb::core {

RecordValidator::RecordValidator(const StudyConfig& study) : m_study(study) {}

bool RecordValidator::isCanonicalInteger(QStringView s)
{
    qsizetype i = (!s.isEmpty() && s[0] == u'-') ? 1 : 0;
    if (i == s.size())
        return false;
    for (; i < s.size(); ++i)
        if (s[i] < u'0' || s[i] > u'9')
            return false;
    return true;
}

bool RecordValidator::isCanonicalDecimal(QStringView s)
{
    const qsizetype dot = s.indexOf(u'.');
    if (dot < 0)
        return isCanonicalInteger(s);
    const QStringView frac = s.mid(dot + 1);
    if (frac.isEmpty() || frac[0] == u'-' || !isCanonicalInteger(frac))
        return false;
    return isCanonicalInteger(s.left(dot)) || (dot == 0);
}

bool RecordValidator::isTimeZone(const QString& id)
{
    // availableTimeZoneIds() is slow; ask it once.
    static const QSet<QByteArray> ids = [] {
        const QList<QByteArray> list = QTimeZone::availableTimeZoneIds();
        return QSet<QByteArray>(list.begin(), list.end());
    }();
    return ids.contains(id.toUtf8());
}

const std::vector<const RecordValidator::TermSet*>& RecordValidator::fieldTerms(const EntityDef& e) const
{
    if (size_t(e.index) >= m_fieldTerms.size())
        m_fieldTerms.resize(size_t(e.index) + 1);
    auto& terms = m_fieldTerms[size_t(e.index)];
    if (terms.empty()) {
        terms.resize(size_t(e.fields.size()), nullptr);
        for (int i = 0; i < e.fields.size(); ++i) {
            const QString& codelist = e.fields[i].codelist;
            if (e.fields[i].type != FieldType::Code)
                continue;
            auto it = m_terms.find(codelist);
            if (it == m_terms.end()) {
                const QStringList list = m_study.codelist(codelist);
                it = m_terms.emplace(codelist, TermSet(list.begin(), list.end())).first;
            }
            terms[size_t(i)] = &it->second;
        }
    }
    return terms;
}

QVector<ValidationIssue> RecordValidator::validate(const Record& r) const
{
    QVector<ValidationIssue> out;
    validate(r, out);
    return out;
}

bool RecordValidator::validate(const Record& r, QVector<ValidationIssue>& out) const
{
    const EntityDef& e = *r.entity;
    const auto& terms = fieldTerms(e);
    bool ok = true;
    // A field the mapping could not transform is already reported; checking its (missing) value again
    // would only repeat the message.
    QVarLengthArray<QString, 4> reported;
    for (const ValidationIssue& is : out)
        reported.append(is.field);
    for (int i = 0; i < e.fields.size(); ++i) {
        const FieldDef& f = e.fields[i];
        const QString& v = r.values[size_t(i)];
        if (reported.contains(f.name))
            continue;
        auto issue = [&](const QString& rule, const QString& message) {
            ValidationIssue is;
            is.entity = e.name;
            is.naturalKey = r.naturalKeyJson();
            is.field = f.name;
            is.value = v;
            is.rule = rule;
            is.message = message;
            is.source = r.source;
            out << is;
            ok = false;
        };
        if (i == e.studyField && !v.isNull() && v != m_study.studyId()) {
            issue(QStringLiteral("study"),
                  QStringLiteral("%1 %2 belongs to study '%3', but this pipeline loads study '%4': check the "
                                 "source file and the pipeline's study document")
                      .arg(e.label, r.keyLabel(), v, m_study.studyId()));
            continue;
        }
        if (v.isNull()) {
            if (f.required && r.isAssigned(i))
                issue(QStringLiteral("required"),
                      QStringLiteral("%1 %2 has no %3 (%4), which is required: enter it in the source system "
                                     "or give the mapping a default")
                          .arg(e.label, r.keyLabel(), f.name, f.label));
            continue;
        }
        switch (f.type) {
        case FieldType::Text:
        case FieldType::Code:
            break;
        case FieldType::Integer:
            if (!isCanonicalInteger(v)) {
                issue(QStringLiteral("type"), QStringLiteral("%1 '%2' is not a whole number: correct it in the source "
                                                             "or add a number transform to the mapping")
                                                  .arg(f.name, v));
                continue;
            }
            break;
        case FieldType::Decimal:
            if (!isCanonicalDecimal(v)) {
                issue(QStringLiteral("type"),
                      QStringLiteral("%1 '%2' is not a number with '.' as decimal point: add a number transform "
                                     "(e.g. {\"number\": {\"decimal\": \",\"}}) or correct the source")
                          .arg(f.name, v));
                continue;
            }
            break;
        case FieldType::Date:
        case FieldType::DateTime: {
            const auto d = PartialDate::parse(v);
            const bool typeOk = d && (f.type == FieldType::DateTime || !d->hasTime());
            if (!typeOk) {
                issue(QStringLiteral("type"),
                      QStringLiteral("%1 '%2' is not an ISO 8601 %3: give the mapping a date transform with the "
                                     "source format, or correct the source")
                          .arg(f.name, v, f.type == FieldType::Date ? QStringLiteral("date (YYYY-MM-DD)")
                                                                    : QStringLiteral("date-time in UTC")));
                continue;
            }
            if (!d->isComplete() && !f.partial) {
                issue(QStringLiteral("partial_date"),
                      QStringLiteral("%1 '%2' is a partial date, but a complete date is required: complete it in "
                                     "the source system")
                          .arg(f.name, v));
                continue;
            }
            break;
        }
        case FieldType::TimeZone:
            if (!isTimeZone(v)) {
                issue(QStringLiteral("type"),
                      QStringLiteral("%1 '%2' is not an IANA time zone (like Europe/Berlin)").arg(f.name, v));
                continue;
            }
            break;
        }
        if ((f.min || f.max) && (f.type == FieldType::Integer || f.type == FieldType::Decimal)) {
            const double d = v.toDouble();
            if ((f.min && d < *f.min) || (f.max && d > *f.max))
                issue(QStringLiteral("range"),
                      QStringLiteral("%1 %2 is outside the allowed range %3 to %4")
                          .arg(f.name, v, f.min ? QString::number(*f.min) : QStringLiteral("-∞"),
                               f.max ? QString::number(*f.max) : QStringLiteral("∞")));
        }
        if (f.maxLength > 0 && v.size() > f.maxLength)
            issue(QStringLiteral("length"), QStringLiteral("%1 is %2 characters long; at most %3 are allowed")
                                                .arg(f.name)
                                                .arg(v.size())
                                                .arg(f.maxLength));
        if (!f.pattern.pattern().isEmpty() && !f.pattern.match(v).hasMatch())
            issue(QStringLiteral("pattern"),
                  QStringLiteral("%1 '%2' does not match the required pattern %3").arg(f.name, v, f.pattern.pattern()));
        if (f.type == FieldType::Code && !terms[size_t(i)]->count(v))
            issue(QStringLiteral("codelist"),
                  QStringLiteral("%1 '%2' is not a term of codelist %3 (%4): map it with a value map or extend the "
                                 "study's codelist")
                      .arg(f.name, v, f.codelist, m_study.codelist(f.codelist).join(QStringLiteral(", "))));
    }
    return ok;
}

} // namespace tb::core

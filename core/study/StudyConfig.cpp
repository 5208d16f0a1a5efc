#include "study/StudyConfig.h"

#include "util/JsonText.h"
#include "validate/RecordValidator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

#include <cmath>

namespace tb::core {

namespace {

const QStringList kRules{QStringLiteral("site_exists"), QStringLiteral("visit_window"),
                         QStringLiteral("ae_after_consent"), QStringLiteral("ae_end_after_start")};

// JSON scalars become canonical text: numbers without a trailing ".0", booleans as Y/N are not guessed.
bool scalarText(const QJsonValue& v, QString* out)
{
    switch (v.type()) {
    case QJsonValue::String: *out = v.toString(); return true;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        // Whole numbers without a fraction; the range test comes first, as converting a double outside
        // qint64's range is undefined behaviour (1e300 in a document).
        const bool whole = std::abs(d) < 9.0e15 && d == std::floor(d);
        *out = whole ? QString::number(qint64(d)) : QString::number(d, 'g', 15);
        return true;
    }
    case QJsonValue::Null: *out = QString(); return true;
    default: return false;
    }
}

} // namespace

QStringList StudyConfig::ruleNames()
{
    return kRules;
}

std::shared_ptr<StudyConfig> StudyConfig::load(const QString& path, std::shared_ptr<const CtmsSchema> schema,
                                               QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, f.errorString());
        return nullptr;
    }
    return fromJson(f.readAll(), path, std::move(schema), error);
}

std::shared_ptr<StudyConfig> StudyConfig::fromJson(const QByteArray& json, const QString& fileName,
                                                   std::shared_ptr<const CtmsSchema> schema, QString* error)
{
    auto fail = [&](const QString& path, const QString& message) {
        *error = QStringLiteral("%1: %2%3").arg(fileName, path.isEmpty() ? QString() : path + QStringLiteral(": "),
                                                message);
        return nullptr;
    };
    QJsonObject o;
    QString message;
    if (!json::parseDocument(json, "study document", Format, &o, &message))
        return fail(QString(), message);

    // Sections of the wrong type are errors, not silently empty ("sites": "all" would load no sites).
    for (const char* list : {"countries", "sites", "visitSchedule"})
        if (o.contains(QLatin1String(list)) && !o.value(QLatin1String(list)).isArray())
            return fail(QLatin1String(list), QStringLiteral("must be a list"));
    for (const char* object : {"parameters", "codelists", "rules"})
        if (o.contains(QLatin1String(object)) && !o.value(QLatin1String(object)).isObject())
            return fail(QLatin1String(object), QStringLiteral("must be an object"));
    if (o.contains(QLatin1String("defaultTimeZone")) && !o.value(QLatin1String("defaultTimeZone")).isString())
        return fail(QStringLiteral("defaultTimeZone"), QStringLiteral("must be a string (an IANA time zone)"));

    auto study = std::make_shared<StudyConfig>();
    study->m_fileName = fileName;
    study->m_json = o;
    study->m_schema = schema;
    study->m_studyId = o.value(QLatin1String("study_id")).toString();
    if (study->m_studyId.isEmpty())
        return fail(QStringLiteral("study_id"), QStringLiteral("required"));
    study->m_defaultTimeZone = o.value(QLatin1String("defaultTimeZone")).toString(QStringLiteral("UTC"));
    if (!QTimeZone::isTimeZoneIdAvailable(study->m_defaultTimeZone.toUtf8()))
        return fail(QStringLiteral("defaultTimeZone"),
                    QStringLiteral("'%1' is not an IANA time zone").arg(study->m_defaultTimeZone));

    const QJsonObject params = o.value(QLatin1String("parameters")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        QString text;
        if (!scalarText(it.value(), &text))
            return fail(QStringLiteral("parameters.") + it.key(), QStringLiteral("must be a string or number"));
        study->m_parameters.insert(it.key(), text);
    }
    study->m_parameters.insert(QStringLiteral("study_id"), study->m_studyId);
    study->m_parameters.insert(QStringLiteral("defaultTimeZone"), study->m_defaultTimeZone);

    const QJsonObject codelists = o.value(QLatin1String("codelists")).toObject();
    for (auto it = codelists.begin(); it != codelists.end(); ++it) {
        if (!schema->codelists().contains(it.key()))
            return fail(QStringLiteral("codelists.") + it.key(), QStringLiteral("the CTMS model has no such codelist"));
        QStringList terms;
        for (const QJsonValue& v : it.value().toArray())
            terms << v.toString();
        if (terms.isEmpty())
            return fail(QStringLiteral("codelists.") + it.key(), QStringLiteral("needs at least one term"));
        study->m_codelists.insert(it.key(), terms);
    }

    const QJsonObject rules = o.value(QLatin1String("rules")).toObject();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        if (!kRules.contains(it.key()))
            return fail(QStringLiteral("rules.") + it.key(),
                        QStringLiteral("unknown rule; known rules: %1").arg(kRules.join(QStringLiteral(", "))));
        const QString s = it.value().toString();
        RuleSeverity sev;
        if (s == QLatin1String("reject"))
            sev = RuleSeverity::Reject;
        else if (s == QLatin1String("warn"))
            sev = RuleSeverity::Warn;
        else if (s == QLatin1String("off"))
            sev = RuleSeverity::Off;
        else
            return fail(QStringLiteral("rules.") + it.key(), QStringLiteral("must be \"reject\", \"warn\" or \"off\""));
        study->m_rules.insert(it.key(), sev);
    }

    // Records: the study itself, then countries, sites and the visit schedule. path is where the record's
    // values are in the document ("" for the top level), for error messages.
    auto member = [](const QString& path, const QString& key) { return path.isEmpty() ? key : path + QLatin1Char('.') + key; };
    auto addRecord = [&](const QString& entityName, const QJsonObject& values, const QString& path) -> bool {
        const EntityDef* e = schema->entity(entityName);
        Record r(e);
        r.source = SourceLocation{fileName, 0, 0, path.isEmpty() ? entityName : path};
        for (auto it = values.begin(); it != values.end(); ++it) {
            const int i = e->indexOf(it.key());
            if (i < 0) {
                fail(member(path, it.key()), QStringLiteral("%1 has no field '%2'").arg(entityName, it.key()));
                return false;
            }
            if (!scalarText(it.value(), &r.values[size_t(i)])) {
                fail(member(path, it.key()), QStringLiteral("must be a string or number"));
                return false;
            }
        }
        r.setValue(QStringLiteral("study_id"), study->m_studyId);
        const QVector<ValidationIssue> issues = RecordValidator(*study).validate(r);
        if (!issues.isEmpty()) {
            fail(member(path, issues.first().field), issues.first().message);
            return false;
        }
        study->m_records.push_back(std::move(r));
        return true;
    };

    QJsonObject studyValues;
    for (const char* k : {"title", "phase", "sponsor", "status"})
        if (o.contains(QLatin1String(k)))
            studyValues.insert(QLatin1String(k), o.value(QLatin1String(k)));
    if (!addRecord(QStringLiteral("study"), studyValues, QString()))
        return nullptr;

    // Countries not listed are derived from the sites; their errors point at the site that named them.
    const QJsonArray sites = o.value(QLatin1String("sites")).toArray();
    QJsonArray countries = o.value(QLatin1String("countries")).toArray();
    QStringList countryPaths;
    if (countries.isEmpty()) {
        QStringList seen;
        for (int i = 0; i < sites.size(); ++i) {
            const QString c = sites[i].toObject().value(QLatin1String("country_code")).toString();
            if (!c.isEmpty() && !seen.contains(c)) {
                seen << c;
                countries.append(QJsonObject{{QStringLiteral("country_code"), c}});
                countryPaths << QStringLiteral("sites[%1]").arg(i);
            }
        }
    }
    QSet<QString> keys;
    auto addList = [&](const QString& entity, const QJsonArray& list, const QString& name,
                       const QStringList& paths = {}) -> bool {
        for (int i = 0; i < list.size(); ++i) {
            const QString path = i < paths.size() ? paths[i] : QStringLiteral("%1[%2]").arg(name).arg(i);
            if (!list[i].isObject()) {
                fail(path, QStringLiteral("must be an object"));
                return false;
            }
            if (!addRecord(entity, list[i].toObject(), path))
                return false;
            const QString key = entity + QLatin1Char('/') + study->m_records.back().key();
            if (keys.contains(key)) {
                fail(path, QStringLiteral("duplicate %1 %2").arg(entity, study->m_records.back().keyLabel()));
                return false;
            }
            keys.insert(key);
        }
        return true;
    };
    if (!addList(QStringLiteral("country"), countries, QStringLiteral("countries"), countryPaths)
        || !addList(QStringLiteral("site"), sites, QStringLiteral("sites"))
        || !addList(QStringLiteral("visit_schedule"), o.value(QLatin1String("visitSchedule")).toArray(),
                    QStringLiteral("visitSchedule")))
        return nullptr;
    return study;
}

QString StudyConfig::parameter(const QString& name) const
{
    return m_parameters.value(name);
}

QStringList StudyConfig::codelist(const QString& name) const
{
    const auto it = m_codelists.constFind(name);
    return it != m_codelists.constEnd() ? *it : m_schema->codelist(name);
}

RuleSeverity StudyConfig::ruleSeverity(const QString& rule) const
{
    return m_rules.value(rule, RuleSeverity::Reject);
}

} // namespace tb::core

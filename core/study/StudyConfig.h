#pragma once

#include "model/CtmsSchema.h"
#include "model/Record.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace tb::core {

// What a business rule does when a record breaks it.
enum class RuleSeverity { Reject, Warn, Off };

// A study document (*.study.json): what differs per study, so that one mapping serves many studies —
// sites with their time zones, the visit schedule with windows, codelist overrides, rule severities and
// parameters that mappings read with {"param": ...}.
class StudyConfig
{
public:
    static constexpr const char* Format = "trialbridge.study/1";

    // Parses and validates; errors name the file and the JSON path ("sites[3].time_zone").
    static std::shared_ptr<StudyConfig> fromJson(const QByteArray& json, const QString& fileName,
                                                 std::shared_ptr<const CtmsSchema> schema, QString* error);
    static std::shared_ptr<StudyConfig> load(const QString& path, std::shared_ptr<const CtmsSchema> schema,
                                             QString* error);
    QJsonObject toJson() const { return m_json; }

    QString fileName() const { return m_fileName; }
    QString studyId() const { return m_studyId; }
    QString defaultTimeZone() const { return m_defaultTimeZone; }

    // study, country, site and visit_schedule records this document defines (countries are derived from
    // the sites when the document lists none).
    const std::vector<Record>& records() const { return m_records; }

    // A parameter for mappings: "study_id", "defaultTimeZone" or any key of "parameters".
    QString parameter(const QString& name) const;
    // Terms of a codelist: the study's override when it has one, else the schema's.
    QStringList codelist(const QString& name) const;
    RuleSeverity ruleSeverity(const QString& rule) const;

    const CtmsSchema& schema() const { return *m_schema; }
    static QStringList ruleNames();

private:
    QString m_fileName;
    QString m_studyId;
    QString m_defaultTimeZone;
    QJsonObject m_json;
    std::shared_ptr<const CtmsSchema> m_schema;
    std::vector<Record> m_records;
    QHash<QString, QString> m_parameters;
    QHash<QString, QStringList> m_codelists;
    QHash<QString, RuleSeverity> m_rules;
};

} // namespace tb::core

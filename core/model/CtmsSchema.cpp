#include "model/CtmsSchema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tb::core {

namespace {

bool parseField(const QJsonObject& o, FieldDef& f, QString* error)
{
    f.name = o.value(QLatin1String("name")).toString();
    f.label = o.value(QLatin1String("label")).toString(f.name);
    const auto type = fieldTypeFromName(o.value(QLatin1String("type")).toString());
    if (f.name.isEmpty() || !type) {
        *error = QStringLiteral("field '%1' has a missing or unknown type '%2'")
                     .arg(f.name, o.value(QLatin1String("type")).toString());
        return false;
    }
    f.type = *type;
    f.required = o.value(QLatin1String("required")).toBool();
    f.partial = o.value(QLatin1String("partial")).toBool();
    if (o.contains(QLatin1String("min")))
        f.min = o.value(QLatin1String("min")).toDouble();
    if (o.contains(QLatin1String("max")))
        f.max = o.value(QLatin1String("max")).toDouble();
    f.maxLength = o.value(QLatin1String("maxLength")).toInt();
    const QString pattern = o.value(QLatin1String("pattern")).toString();
    if (!pattern.isEmpty()) {
        f.pattern.setPattern(pattern);
        if (!f.pattern.isValid()) {
            *error = QStringLiteral("field '%1' has an invalid pattern: %2").arg(f.name, f.pattern.errorString());
            return false;
        }
        f.pattern.optimize();
    }
    f.codelist = o.value(QLatin1String("codelist")).toString();
    f.references = o.value(QLatin1String("references")).toString();
    if (f.type == FieldType::Code && f.codelist.isEmpty()) {
        *error = QStringLiteral("code field '%1' names no codelist").arg(f.name);
        return false;
    }
    return true;
}

} // namespace

std::shared_ptr<const CtmsSchema> CtmsSchema::fromJson(const QByteArray& json, const QString& fileName,
                                                       QString* error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("%1: offset %2: %3").arg(fileName).arg(pe.offset).arg(pe.errorString());
        return nullptr;
    }
    const QJsonObject root = doc.object();
    auto schema = std::make_shared<CtmsSchema>();
    schema->m_name = root.value(QLatin1String("name")).toString();
    schema->m_version = root.value(QLatin1String("version")).toInt();

    const QJsonObject codelists = root.value(QLatin1String("codelists")).toObject();
    for (auto it = codelists.begin(); it != codelists.end(); ++it) {
        QStringList terms;
        for (const QJsonValue& v : it.value().toArray())
            terms << v.toString();
        schema->m_codelists.insert(it.key(), terms);
    }

    for (const QJsonValue& ev : root.value(QLatin1String("entities")).toArray()) {
        const QJsonObject eo = ev.toObject();
        EntityDef e;
        e.name = eo.value(QLatin1String("name")).toString();
        e.label = eo.value(QLatin1String("label")).toString(e.name);
        e.parent = eo.value(QLatin1String("parent")).toString();
        e.unit = eo.value(QLatin1String("unit")).toString();
        for (const QJsonValue& fv : eo.value(QLatin1String("fields")).toArray()) {
            FieldDef f;
            if (!parseField(fv.toObject(), f, error)) {
                *error = QStringLiteral("%1: entity '%2': %3").arg(fileName, e.name, *error);
                return nullptr;
            }
            if (f.type == FieldType::Code && !schema->m_codelists.contains(f.codelist)) {
                *error = QStringLiteral("%1: entity '%2': field '%3' names unknown codelist '%4'")
                             .arg(fileName, e.name, f.name, f.codelist);
                return nullptr;
            }
            e.fields << f;
        }
        for (const QJsonValue& kv : eo.value(QLatin1String("key")).toArray()) {
            const int i = e.indexOf(kv.toString());
            if (i < 0) {
                *error = QStringLiteral("%1: entity '%2': key field '%3' is not a field")
                             .arg(fileName, e.name, kv.toString());
                return nullptr;
            }
            e.keyFields << i;
        }
        if (e.fields.size() > EntityDef::MaxFields) {
            *error = QStringLiteral("%1: entity '%2' has %3 fields, more than the %4 an entity can have")
                         .arg(fileName, e.name)
                         .arg(e.fields.size())
                         .arg(EntityDef::MaxFields);
            return nullptr;
        }
        if (e.name.isEmpty() || e.keyFields.isEmpty()) {
            *error = QStringLiteral("%1: entity '%2' needs a name and a key").arg(fileName, e.name);
            return nullptr;
        }
        e.index = int(schema->m_entities.size());
        e.studyField = e.indexOf(QStringLiteral("study_id"));
        e.siteField = e.indexOf(QStringLiteral("site_id"));
        e.subjectField = e.indexOf(QStringLiteral("subject_id"));
        schema->m_entities << e;
    }
    for (const EntityDef& e : schema->m_entities) {
        for (const QString& other : {e.parent, e.unit}) {
            if (!other.isEmpty() && !schema->entity(other)) {
                *error = QStringLiteral("%1: entity '%2' refers to unknown entity '%3'").arg(fileName, e.name, other);
                return nullptr;
            }
        }
    }
    return schema;
}

std::shared_ptr<const CtmsSchema> CtmsSchema::builtIn()
{
    static const std::shared_ptr<const CtmsSchema> schema = [] {
        QFile f(QStringLiteral(":/schemas/ctms.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("the built-in CTMS schema resource is missing");
        QString error;
        auto s = fromJson(f.readAll(), f.fileName(), &error);
        if (!s)
            qFatal("the built-in CTMS schema is invalid: %s", qPrintable(error));
        return s;
    }();
    return schema;
}

const EntityDef* CtmsSchema::entity(const QString& name) const
{
    const int i = entityIndex(name);
    return i < 0 ? nullptr : &m_entities[i];
}

int CtmsSchema::entityIndex(const QString& name) const
{
    for (int i = 0; i < m_entities.size(); ++i)
        if (m_entities[i].name == name)
            return i;
    return -1;
}

} // namespace tb::core

#include "mapping/MappingDocument.h"

#include "mapping/TransformFactory.h"
#include "source/RecordSource.h"
#include "util/JsonText.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace tb::core {

namespace {

bool parseRule(const QJsonValue& v, const QString& target, const QString& path, FieldRule* rule, QString* error)
{
    if (!v.isObject()) {
        *error = path + QStringLiteral(": must be an object with \"from\", \"const\" or \"param\"");
        return false;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList known{QStringLiteral("from"), QStringLiteral("const"), QStringLiteral("param"),
                                       QStringLiteral("transforms")};
        if (!known.contains(it.key())) {
            *error = path + QStringLiteral(": unknown key \"%1\" (expected from, const, param, transforms)").arg(it.key());
            return false;
        }
    }
    rule->target = target;
    const QJsonValue from = o.value(QLatin1String("from"));
    if (from.isString()) {
        rule->from << from.toString();
    } else if (from.isArray()) {
        for (const QJsonValue& c : from.toArray()) {
            if (!c.isString()) {
                *error = path + QStringLiteral(".from: column names must be strings");
                return false;
            }
            rule->from << c.toString();
        }
    } else if (!from.isUndefined()) {
        *error = path + QStringLiteral(".from: must be a column name or a list of column names");
        return false;
    }
    const QJsonValue c = o.value(QLatin1String("const"));
    if (c.isString())
        rule->constValue = c.toString();
    else if (c.isDouble())
        rule->constValue = QString::number(c.toDouble(), 'g', 15);
    else if (!c.isUndefined()) {
        *error = path + QStringLiteral(".const: must be a string or a number");
        return false;
    }
    rule->param = o.value(QLatin1String("param")).toString();
    const int sources = (rule->from.isEmpty() ? 0 : 1) + (rule->constValue.isNull() ? 0 : 1) + (rule->param.isEmpty() ? 0 : 1);
    if (sources != 1) {
        *error = path + QStringLiteral(": give exactly one of \"from\", \"const\" and \"param\"");
        return false;
    }
    const QJsonValue ts = o.value(QLatin1String("transforms"));
    if (!ts.isUndefined() && !ts.isArray()) {
        *error = path + QStringLiteral(".transforms: must be a list");
        return false;
    }
    const QJsonArray list = ts.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QString tpath = QStringLiteral("%1.transforms[%2]").arg(path).arg(i);
        const QJsonObject t = list[i].toObject();
        if (!list[i].isObject() || t.size() != 1) {
            *error = tpath + QStringLiteral(": a transform is an object with one key, its name: {\"trim\": {}}");
            return false;
        }
        TransformSpec spec{t.begin().key(), t.begin().value()};
        QString terr;
        if (!TransformFactory::create(spec, &terr)) {
            *error = tpath + QStringLiteral(": ") + terr;
            return false;
        }
        rule->transforms << spec;
    }
    return true;
}

QJsonObject ruleToJson(const FieldRule& r)
{
    QJsonObject o;
    if (r.from.size() == 1)
        o.insert(QStringLiteral("from"), r.from.first());
    else if (!r.from.isEmpty())
        o.insert(QStringLiteral("from"), QJsonArray::fromStringList(r.from));
    else if (!r.param.isEmpty())
        o.insert(QStringLiteral("param"), r.param);
    else
        o.insert(QStringLiteral("const"), r.constValue);
    if (!r.transforms.isEmpty()) {
        QJsonArray ts;
        for (const TransformSpec& t : r.transforms)
            ts.append(QJsonObject{{t.name, t.params}});
        o.insert(QStringLiteral("transforms"), ts);
    }
    return o;
}

} // namespace

bool MappingDocument::fromJson(const QByteArray& json, const QString& fileName, MappingDocument* out, QString* error)
{
    auto fail = [&](const QString& message) {
        *error = fileName + QStringLiteral(": ") + message;
        return false;
    };
    QJsonObject o;
    QString message;
    if (!json::parseDocument(json, "mapping document", Format, &o, &message))
        return fail(message);

    MappingDocument m;
    m.name = o.value(QLatin1String("name")).toString();
    if (m.name.isEmpty())
        return fail(QStringLiteral("name: required"));
    const QJsonValue rev = o.value(QLatin1String("revision"));
    if (!rev.isUndefined()) {
        const double d = rev.toDouble(-1);
        // Range first: converting a double outside int's range is undefined behaviour.
        if (!rev.isDouble() || !(d >= 1 && d <= std::numeric_limits<int>::max()) || d != std::floor(d))
            return fail(QStringLiteral("revision: must be a whole number from 1"));
        m.revision = int(d);
    }
    m.description = o.value(QLatin1String("description")).toString();

    // Sections of the wrong type are errors, not silently empty: {"source": "visits.csv"} must not load
    // with the default dialect.
    for (const char* section : {"source", "target"})
        if (o.contains(QLatin1String(section)) && !o.value(QLatin1String(section)).isObject())
            return fail(QStringLiteral("%1: must be an object").arg(QLatin1String(section)));
    const QJsonObject source = o.value(QLatin1String("source")).toObject();
    m.sourceKind = source.value(QLatin1String("kind")).toString(QStringLiteral("csv"));
    RecordSource::Kind kind;
    if (!RecordSource::parseKind(m.sourceKind, &kind))
        return fail(QStringLiteral("source.kind: \"%1\" is not supported; use \"csv\", \"dataset-json\", \"odm\", "
                                   "\"redcap\" or \"rest\"")
                        .arg(m.sourceKind));
    QString derr;
    if (kind == RecordSource::Kind::Csv) {
        m.dialect = CsvDialect::fromJson(source, &derr);
        if (!derr.isEmpty())
            return fail(QStringLiteral("source.") + derr);
    } else if (kind == RecordSource::Kind::Odm && !OdmSelection::fromJson(source, &m.odm, &derr)) {
        return fail(derr);
    } else if (RecordSource::isRemote(kind)
               && !RestSourceConfig::fromJson(source,
                                              kind == RecordSource::Kind::Redcap ? RestSourceConfig::Kind::Redcap
                                                                                 : RestSourceConfig::Kind::JsonRest,
                                              &m.rest, &derr)) {
        return fail(derr);
    }

    const QJsonObject target = o.value(QLatin1String("target")).toObject();
    m.targetEntity = target.value(QLatin1String("entity")).toString();
    if (m.targetEntity.isEmpty())
        return fail(QStringLiteral("target.entity: required"));
    const QString mode = target.value(QLatin1String("mode")).toString(QStringLiteral("upsert"));
    if (mode == QLatin1String("upsert"))
        m.mode = Mode::Upsert;
    else if (mode == QLatin1String("merge"))
        m.mode = Mode::Merge;
    else
        return fail(QStringLiteral("target.mode: must be \"upsert\" or \"merge\""));
    const QString dups = target.value(QLatin1String("duplicates")).toString(QStringLiteral("reject"));
    if (dups == QLatin1String("reject"))
        m.duplicates = Duplicates::Reject;
    else if (dups == QLatin1String("identical"))
        m.duplicates = Duplicates::Identical;
    else
        return fail(QStringLiteral("target.duplicates: must be \"reject\" or \"identical\""));

    if (o.contains(QLatin1String("filter")) && !o.value(QLatin1String("filter")).isArray())
        return fail(QStringLiteral("filter: must be a list of conditions"));
    const QJsonArray filters = o.value(QLatin1String("filter")).toArray();
    for (int i = 0; i < filters.size(); ++i) {
        const QJsonObject f = filters[i].toObject();
        RowFilter rf;
        rf.column = f.value(QLatin1String("column")).toString();
        const bool negate = f.contains(QLatin1String("notIn"));
        const QJsonValue values = f.value(negate ? QLatin1String("notIn") : QLatin1String("in"));
        if (rf.column.isEmpty() || !values.isArray())
            return fail(QStringLiteral("filter[%1]: needs \"column\" and \"in\" or \"notIn\" (a list)").arg(i));
        for (const QJsonValue& v : values.toArray()) {
            if (!v.isString())
                return fail(QStringLiteral("filter[%1].%2: values must be strings")
                                .arg(i)
                                .arg(negate ? QLatin1String("notIn") : QLatin1String("in")));
            rf.values << v.toString();
        }
        rf.negate = negate;
        m.filters << rf;
    }

    const QJsonValue fields = o.value(QLatin1String("fields"));
    if (!fields.isObject() || fields.toObject().isEmpty())
        return fail(QStringLiteral("fields: required, an object of target field → rule"));
    const QJsonObject fo = fields.toObject();
    for (auto it = fo.begin(); it != fo.end(); ++it) {
        FieldRule rule;
        QString err;
        if (!parseRule(it.value(), it.key(), QStringLiteral("fields.") + it.key(), &rule, &err))
            return fail(err);
        m.fields << rule;
    }
    if (o.contains(QLatin1String("modifiedAt"))) {
        QString err;
        if (!parseRule(o.value(QLatin1String("modifiedAt")), QStringLiteral("_modified"), QStringLiteral("modifiedAt"),
                       &m.modifiedAt, &err))
            return fail(err);
    }
    *out = m;
    return true;
}

bool MappingDocument::load(const QString& path, MappingDocument* out, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, f.errorString());
        return false;
    }
    return fromJson(f.readAll(), path, out, error);
}

QJsonObject MappingDocument::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(Format));
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("revision"), revision);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    QJsonObject source;
    if (sourceKind == QLatin1String("csv"))
        source = dialect.toJson();
    else if (sourceKind == QLatin1String("odm"))
        odm.writeTo(source);
    else if (sourceKind == QLatin1String("redcap") || sourceKind == QLatin1String("rest"))
        rest.writeTo(source);
    source.insert(QStringLiteral("kind"), sourceKind);
    o.insert(QStringLiteral("source"), source);
    QJsonObject target{{QStringLiteral("entity"), targetEntity}};
    if (mode == Mode::Merge)
        target.insert(QStringLiteral("mode"), QStringLiteral("merge"));
    if (duplicates == Duplicates::Identical)
        target.insert(QStringLiteral("duplicates"), QStringLiteral("identical"));
    o.insert(QStringLiteral("target"), target);
    if (!filters.isEmpty()) {
        QJsonArray fa;
        for (const RowFilter& f : filters)
            fa.append(QJsonObject{{QStringLiteral("column"), f.column},
                                  {f.negate ? QStringLiteral("notIn") : QStringLiteral("in"),
                                   QJsonArray::fromStringList(f.values)}});
        o.insert(QStringLiteral("filter"), fa);
    }
    QJsonObject fo;
    for (const FieldRule& r : fields)
        fo.insert(r.target, ruleToJson(r));
    o.insert(QStringLiteral("fields"), fo);
    if (!modifiedAt.target.isEmpty())
        o.insert(QStringLiteral("modifiedAt"), ruleToJson(modifiedAt));
    return o;
}

QByteArray MappingDocument::toJsonBytes() const
{
    // QJsonDocument writes object keys sorted: the stable order that keeps diffs small.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

bool MappingDocument::save(const QString& path, QString* error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toJsonBytes()) < 0 || !f.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

const FieldRule* MappingDocument::field(const QString& target) const
{
    for (const FieldRule& r : fields)
        if (r.target == target)
            return &r;
    return nullptr;
}

FieldRule* MappingDocument::field(const QString& target)
{
    for (FieldRule& r : fields)
        if (r.target == target)
            return &r;
    return nullptr;
}

bool MappingDocument::operator==(const MappingDocument& o) const
{
    return toJson() == o.toJson();
}

} // namespace tb::core

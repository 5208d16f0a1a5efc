#include "source/OdmMetaData.h"

#include <QJsonArray>
#include <QSet>

#include <functional>
#include <type_traits>

namespace tb::core {

namespace {

// Include chains are short; a longer one is a cycle.
constexpr int MaxIncludeDepth = 16;
constexpr int MaxGroupNesting = 16;

QString join(const QString& prefix, const QString& oid)
{
    return prefix.isEmpty() ? oid : prefix + QLatin1Char('/') + oid;
}

} // namespace

QJsonObject OdmCodeList::valueMap() const
{
    QJsonObject map;
    for (const OdmCodeListItem& i : items)
        map.insert(i.codedValue, i.decode.isEmpty() ? i.codedValue : i.decode);
    return QJsonObject{{QStringLiteral("map"), map},
                       {QStringLiteral("unmapped"), QStringLiteral("reject")},
                       {QStringLiteral("codelist"), oid}};
}

const OdmStudy* OdmMetaData::study(const QString& oid) const
{
    for (const OdmStudy& s : m_studies)
        if (s.oid == oid)
            return &s;
    return nullptr;
}

const OdmMetaDataVersion* OdmMetaData::metaDataVersion(const QString& studyOid, const QString& oid) const
{
    if (const OdmStudy* s = study(studyOid))
        for (const OdmMetaDataVersion& v : s->versions)
            if (v.oid == oid)
                return &v;
    return nullptr;
}

const OdmMetaDataVersion* OdmMetaData::included(const OdmMetaDataVersion& v) const
{
    if (v.includeMetaDataVersionOid.isEmpty())
        return nullptr;
    const OdmMetaDataVersion* inc = metaDataVersion(v.includeStudyOid, v.includeMetaDataVersionOid);
    return inc == &v ? nullptr : inc;
}

template <typename T, typename Table>
const T* OdmMetaData::lookup(const OdmMetaDataVersion& v, const QString& oid, Table OdmMetaDataVersion::*table) const
{
    const OdmMetaDataVersion* at = &v;
    for (int depth = 0; at && depth < MaxIncludeDepth; ++depth, at = included(*at))
        if (const T* def = (at->*table).find(oid))
            return def;
    return nullptr;
}

const OdmStudyEventDef* OdmMetaData::studyEventDef(const OdmMetaDataVersion& v, const QString& oid) const
{
    return lookup<OdmStudyEventDef>(v, oid, &OdmMetaDataVersion::studyEvents);
}

const OdmFormDef* OdmMetaData::formDef(const OdmMetaDataVersion& v, const QString& oid) const
{
    return lookup<OdmFormDef>(v, oid, &OdmMetaDataVersion::forms);
}

const OdmItemGroupDef* OdmMetaData::itemGroupDef(const OdmMetaDataVersion& v, const QString& oid) const
{
    return lookup<OdmItemGroupDef>(v, oid, &OdmMetaDataVersion::itemGroups);
}

const OdmItemDef* OdmMetaData::itemDef(const OdmMetaDataVersion& v, const QString& oid) const
{
    return lookup<OdmItemDef>(v, oid, &OdmMetaDataVersion::items);
}

const OdmCodeList* OdmMetaData::codeList(const OdmMetaDataVersion& v, const QString& oid) const
{
    return lookup<OdmCodeList>(v, oid, &OdmMetaDataVersion::codeLists);
}

QString OdmMetaData::mainStudyOid(const QString& studyOid) const
{
    QString at = studyOid;
    for (int depth = 0; depth < MaxIncludeDepth; ++depth) {
        const OdmStudy* s = study(at);
        if (!s)
            return at;
        QString parent;
        for (const OdmMetaDataVersion& v : s->versions)
            if (!v.includeStudyOid.isEmpty() && v.includeStudyOid != at) {
                parent = v.includeStudyOid;
                break;
            }
        if (parent.isEmpty())
            return at;
        at = parent;
    }
    return at;
}

void OdmMetaData::collectFields(const OdmMetaDataVersion& v, std::vector<OdmField>& out) const
{
    // Every definition visible from v, own ones first, each OID once.
    auto all = [&](auto table) {
        using Def = typename std::remove_reference_t<decltype(v.*table)>::value_type;
        std::vector<const Def*> defs;
        QSet<QString> seen;
        const OdmMetaDataVersion* at = &v;
        for (int depth = 0; at && depth < MaxIncludeDepth; ++depth, at = included(*at))
            for (const Def& d : (at->*table).list)
                if (!seen.contains(d.oid)) {
                    seen.insert(d.oid);
                    defs.push_back(&d);
                }
        return defs;
    };
    QSet<QString> reachedForms, reachedGroups, reachedItems;

    auto addField = [&](const QString& prefix, const QString& event, const QString& form, const OdmItemGroupDef* group,
                    const QString& itemOid) {
        OdmField f;
        f.studyOid = v.studyOid;
        f.metaDataVersionOid = v.oid;
        f.path = join(prefix, itemOid);
        f.studyEventOid = event;
        f.formOid = form;
        f.itemGroupOid = group ? group->oid : QString();
        f.repeatingGroup = group && group->repeating;
        f.itemOid = itemOid;
        if (const OdmItemDef* d = itemDef(v, itemOid)) {
            f.name = d->name;
            f.label = d->label;
            f.dataType = d->dataType;
            f.codeListOid = d->codeListOid;
            f.length = d->length;
        }
        reachedItems.insert(itemOid);
        out.push_back(std::move(f));
    };
    // A group's items, then its nested groups (ODM 2.0), depth first.
    std::function<void(const QString&, const QString&, const QString&, const QString&, int)> walkGroup =
        [&](const QString& prefix, const QString& event, const QString& form, const QString& groupOid, int depth) {
            const OdmItemGroupDef* g = itemGroupDef(v, groupOid);
            reachedGroups.insert(groupOid);
            if (!g || depth > MaxGroupNesting)
                return;
            const QString path = join(prefix, groupOid);
            for (const QString& item : g->itemOids)
                addField(path, event, form, g, item);
            for (const QString& nested : g->itemGroupOids)
                walkGroup(path, event, form, nested, depth + 1);
        };
    auto walkForm = [&](const QString& prefix, const QString& event, const QString& formOid) {
        reachedForms.insert(formOid);
        if (const OdmFormDef* f = formDef(v, formOid))
            for (const QString& g : f->itemGroupOids)
                walkGroup(join(prefix, formOid), event, formOid, g, 0);
    };

    QStringList events = v.protocolOrder;
    for (const OdmStudyEventDef* e : all(&OdmMetaDataVersion::studyEvents))
        if (!events.contains(e->oid))
            events << e->oid;
    for (const QString& eventOid : events) {
        const OdmStudyEventDef* e = studyEventDef(v, eventOid);
        if (!e)
            continue;
        for (const QString& form : e->formOids)
            walkForm(eventOid, eventOid, form);
        for (const QString& group : e->itemGroupOids) {
            // ODM 2.0: a group of Type="Form" directly under an event is the form.
            const OdmItemGroupDef* g = itemGroupDef(v, group);
            const bool isForm = g && g->type == QLatin1String("Form");
            walkGroup(eventOid, eventOid, isForm ? group : QString(), group, 0);
        }
    }
    for (const OdmFormDef* f : all(&OdmMetaDataVersion::forms))
        if (!reachedForms.contains(f->oid))
            walkForm({}, {}, f->oid);
    // Groups nested in others are reached through them.
    QSet<QString> nestedGroups;
    const auto groups = all(&OdmMetaDataVersion::itemGroups);
    for (const OdmItemGroupDef* g : groups)
        for (const QString& n : g->itemGroupOids)
            nestedGroups.insert(n);
    for (const OdmItemGroupDef* g : groups)
        if (!reachedGroups.contains(g->oid) && !nestedGroups.contains(g->oid))
            walkGroup({}, {}, g->type == QLatin1String("Form") ? g->oid : QString(), g->oid, 0);
    for (const OdmItemDef* d : all(&OdmMetaDataVersion::items))
        if (!reachedItems.contains(d->oid))
            addField({}, {}, {}, nullptr, d->oid);
}

std::vector<OdmField> OdmMetaData::fields(const QString& studyOid, const QString& metaDataVersionOid) const
{
    std::vector<OdmField> out;
    if (const OdmMetaDataVersion* v = metaDataVersion(studyOid, metaDataVersionOid))
        collectFields(*v, out);
    return out;
}

std::vector<OdmField> OdmMetaData::fields() const
{
    std::vector<const OdmMetaDataVersion*> versions, all;
    for (const OdmStudy& s : m_studies)
        for (const OdmMetaDataVersion& v : s.versions) {
            all.push_back(&v);
            if (v.includeMetaDataVersionOid.isEmpty())
                versions.push_back(&v);
        }
    std::vector<OdmField> out;
    for (const OdmMetaDataVersion* v : versions.empty() ? all : versions)
        collectFields(*v, out);
    return out;
}

QJsonObject OdmMetaData::toJson() const
{
    QJsonArray studies;
    QJsonObject codeLists;
    for (const OdmStudy& s : m_studies) {
        QJsonArray versions;
        for (const OdmMetaDataVersion& v : s.versions) {
            QJsonObject o{{QStringLiteral("oid"), v.oid}, {QStringLiteral("name"), v.name}};
            if (!v.includeMetaDataVersionOid.isEmpty())
                o.insert(QStringLiteral("include"),
                         QJsonObject{{QStringLiteral("studyOid"), v.includeStudyOid},
                                     {QStringLiteral("metaDataVersionOid"), v.includeMetaDataVersionOid}});
            versions.append(o);
            for (const OdmCodeList& c : v.codeLists.list)
                if (!codeLists.contains(c.oid))
                    codeLists.insert(c.oid, QJsonObject{{QStringLiteral("name"), c.name},
                                                        {QStringLiteral("dataType"), c.dataType},
                                                        {QStringLiteral("multiSelect"), c.multiSelect},
                                                        {QStringLiteral("valueMap"), c.valueMap()}});
        }
        studies.append(QJsonObject{{QStringLiteral("oid"), s.oid},
                                   {QStringLiteral("name"), s.name},
                                   {QStringLiteral("protocolName"), s.protocolName},
                                   {QStringLiteral("metaDataVersions"), versions}});
    }
    QJsonArray fieldList;
    for (const OdmField& f : fields()) {
        QJsonObject o{{QStringLiteral("path"), f.path},
                      {QStringLiteral("itemOid"), f.itemOid},
                      {QStringLiteral("name"), f.name},
                      {QStringLiteral("label"), f.label},
                      {QStringLiteral("dataType"), f.dataType}};
        if (f.length > 0)
            o.insert(QStringLiteral("length"), f.length);
        if (!f.codeListOid.isEmpty())
            o.insert(QStringLiteral("codeList"), f.codeListOid);
        if (f.repeatingGroup)
            o.insert(QStringLiteral("repeating"), true);
        fieldList.append(o);
    }
    return QJsonObject{{QStringLiteral("studies"), studies},
                       {QStringLiteral("fields"), fieldList},
                       {QStringLiteral("codeLists"), codeLists}};
}

OdmStudy& OdmMetaData::addStudy(const QString& oid)
{
    for (OdmStudy& s : m_studies)
        if (s.oid == oid)
            return s;
    m_studies.push_back(OdmStudy());
    m_studies.back().oid = oid;
    return m_studies.back();
}

OdmMetaDataVersion& OdmMetaData::addVersion(OdmStudy& study, const QString& oid)
{
    for (OdmMetaDataVersion& v : study.versions)
        if (v.oid == oid)
            return v;
    study.versions.push_back(OdmMetaDataVersion());
    study.versions.back().studyOid = study.oid;
    study.versions.back().oid = oid;
    return study.versions.back();
}

void OdmMetaData::clear()
{
    m_studies.clear();
    m_users.clear();
    m_locations.clear();
}

} // namespace tb::core

#include "source/OdmProfiler.h"

#include "source/OdmReader.h"
#include "source/ValueProfile.h"

#include <QJsonArray>
#include <QSet>

#include <map>
#include <unordered_map>
#include <vector>

namespace tb::core {

namespace {

struct ItemStats
{
    QString studyOid, versionOid, path, itemOid;
    ValueProfile values;
};

} // namespace

QJsonObject OdmProfiler::profile(const QString& path, SourceError* error)
{
    OdmReader reader;
    OdmReader::Options options;
    options.forms = false; // values are counted once, in their item group's record
    if (!reader.open(path, options)) {
        if (error)
            *error = reader.error();
        return {};
    }
    std::vector<ItemStats> items;
    std::unordered_map<QString, size_t> itemIndex;
    std::map<QString, qint64> subjectsPerSite;
    QString key;
    while (reader.next()) {
        const OdmClinicalRecord& r = reader.record();
        if (r.level == OdmClinicalRecord::Level::Subject) {
            ++subjectsPerSite[r.siteOid];
            continue;
        }
        if (r.level != OdmClinicalRecord::Level::ItemGroup)
            continue;
        for (const OdmItemValue& v : r.items) {
            key = r.studyEventOid + QLatin1Char('/') + r.formOid + QLatin1Char('/') + r.itemGroupOid + QLatin1Char('/') + v.itemOid;
            auto it = itemIndex.find(key);
            if (it == itemIndex.end()) {
                it = itemIndex.emplace(key, items.size()).first;
                ItemStats s;
                s.studyOid = r.studyOid;
                s.versionOid = r.metaDataVersionOid;
                s.path = key;
                s.itemOid = v.itemOid;
                items.push_back(std::move(s));
            }
            items[it->second].values.add(v.isNull ? QString() : v.value);
        }
    }
    if (reader.hasError()) {
        if (error)
            *error = reader.error();
        return {};
    }

    const OdmMetaData& meta = reader.metaData();
    QJsonArray itemList;
    for (const ItemStats& s : items) {
        QJsonObject o;
        o.insert(QLatin1String("path"), s.path);
        o.insert(QLatin1String("itemOid"), s.itemOid);
        const OdmMetaDataVersion* version = meta.metaDataVersion(s.studyOid, s.versionOid);
        const OdmItemDef* def = version ? meta.itemDef(*version, s.itemOid) : nullptr;
        if (def) {
            o.insert(QLatin1String("label"), def->label);
            o.insert(QLatin1String("dataType"), def->dataType);
            if (!def->codeListOid.isEmpty())
                o.insert(QLatin1String("codeList"), def->codeListOid);
        }
        s.values.writeTo(o);
        // Values the item's codelist does not know: what a value map built from it would reject.
        if (const OdmCodeList* codes = def && version ? meta.codeList(*version, def->codeListOid) : nullptr) {
            QSet<QString> known;
            for (const OdmCodeListItem& c : codes->items)
                known.insert(c.codedValue);
            QStringList outside;
            for (const QString& value : s.values.distinctValues()) {
                const QStringList parts = codes->multiSelect ? value.split(QLatin1Char(',')) : QStringList{value};
                for (const QString& part : parts)
                    if (!known.contains(part.trimmed()) && !outside.contains(part.trimmed()))
                        outside << part.trimmed();
            }
            outside.sort();
            if (!outside.isEmpty())
                o.insert(QLatin1String("notInCodeList"), QJsonArray::fromStringList(outside));
        }
        itemList.append(o);
    }

    const OdmFileInfo& info = reader.fileInfo();
    const OdmCounts& c = reader.counts();
    QJsonArray sites;
    for (const auto& [site, subjects] : subjectsPerSite)
        sites.append(QJsonObject{{QLatin1String("site"), site}, {QLatin1String("subjects"), subjects}});

    QJsonObject o;
    o.insert(QLatin1String("format"), QStringLiteral("odm"));
    o.insert(QLatin1String("file"), path);
    o.insert(QLatin1String("odm_version"), info.odmVersion);
    o.insert(QLatin1String("file_type"), info.fileType);
    o.insert(QLatin1String("file_oid"), info.fileOid);
    for (const auto& [name, value] : {std::pair{"prior_file_oid", &info.priorFileOid}, std::pair{"as_of_date_time", &info.asOfDateTime},
                                      std::pair{"source_system", &info.sourceSystem}})
        if (!value->isEmpty())
            o.insert(QLatin1String(name), *value);
    for (const auto& [name, count] : {std::pair{"clinical_data", c.clinicalDataBlocks}, std::pair{"subjects", c.subjects},
                                      std::pair{"sites", qint64(subjectsPerSite.size())}, std::pair{"study_events", c.studyEvents},
                                      std::pair{"forms", c.forms}, std::pair{"item_groups", c.itemGroups}, std::pair{"items", c.items},
                                      std::pair{"audit_records", c.auditRecords}, std::pair{"signatures", c.signatures},
                                      std::pair{"vendor_audit_records", c.vendorAuditRecords}})
        o.insert(QLatin1String(name), count);
    // Of the values, as inherited; empty when the file names none (as Snapshots mostly do).
    QJsonObject transactions;
    const auto& perType = c.transactions[OdmCounts::Item];
    for (size_t t = 1; t < perType.size(); ++t)
        if (perType[t] > 0)
            transactions.insert(odmTransactionName(OdmTransaction(t)), perType[t]);
    o.insert(QLatin1String("transactions"), transactions);
    o.insert(QLatin1String("subjects_per_site"), sites);
    o.insert(QLatin1String("columns"), itemList);
    o.insert(QLatin1String("metadata"), meta.toJson());
    return o;
}

} // namespace tb::core

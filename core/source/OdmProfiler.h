#pragma once

#include "source/SourceLocation.h"

#include <QJsonObject>

namespace tb::core {

// Describes a CDISC ODM file for `trialbridge-cli profile FILE.xml`, in one streaming pass of OdmReader:
//
// {"format":"odm", "file", "odm_version", "file_type", "file_oid", "prior_file_oid", "as_of_date_time",
//  "source_system", and the counts "clinical_data", "subjects" (distinct SubjectKey), "sites", "study_events",
//  "forms", "item_groups", "items" (ItemData), "audit_records", "signatures", "vendor_audit_records",
//  "transactions": {"Insert": N, ...} (of the values, as inherited; empty when the file names none),
//  "subjects_per_site": [{"site", "subjects"}],
//  "columns": [{"path": "SE/FORM/GROUP/ITEM", "itemOid", "label", "dataType", "codeList", "type", "nulls",
//               "distinct", "samples", "notInCodeList": [values outside the item's codelist]}],
//  "metadata": OdmMetaData::toJson()}
//
// Items are listed in the order they first appear, one entry per place (event, form, group) they are used.
class OdmProfiler
{
public:
    // The profile, or an empty object with *error set when the file cannot be read.
    static QJsonObject profile(const QString& path, SourceError* error = nullptr);
};

} // namespace tb::core

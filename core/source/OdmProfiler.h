#pragma once

#include "source/SourceLocation.h"

#include <QJsonObject>

namespace tb::core {

// Describes a CDISC ODM file for `trialbridge-cli profile FILE.xml`, in one streaming pass of OdmReader:
//
// {"format":"odm", "file", "odmVersion", "fileType", "fileOid", "priorFileOid", "asOfDateTime", "sourceSystem",
//  "counts": {"clinicalData", "subjects", "studyEvents", "forms", "itemGroups", "items", "auditRecords",
//             "signatures", "vendorAuditRecords"},
//  "transactions": {"Insert": N, ...} (of the values, as inherited; only in Transactional files),
//  "sites": [{"site", "subjects"}],
//  "items": [{"path": "SE/FORM/GROUP/ITEM", "itemOid", "label", "dataType", "codeList", "type", "nulls",
//             "distinct", "samples", "notInCodeList": [values outside the item's codelist]}],
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

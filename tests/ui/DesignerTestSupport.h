#pragma once

// What the mapping designer's tests share: the visits mapping they open, its sample, and the documents compared.

#include "TestSupport.h"
#include "designer/MappingDesigner.h"
#include "mapping/MappingModel.h"

#include <QByteArray>

#include <functional>

namespace tb::test {

inline const QByteArray VisitsJson = R"({
  "format": "trialbridge.mapping/1", "name": "edc-visits", "revision": 1,
  "source": {"kind": "csv", "delimiter": ";", "nulls": [""]},
  "target": {"entity": "visit"},
  "fields": {
    "study_id": {"param": "study_id"},
    "subject_id": {"from": "SUBJ", "transforms": [{"trim": {}}]},
    "visit_code": {"from": "VISIT"}
  }
})";
inline const QByteArray VisitsCsv = "SUBJ;VISIT;REPEAT;VISIT_DATE;VISIT_NAME;STATUS\n001;1;;01.02.2024;Screening;DONE\n";

// The document the designer holds now, as the CLI would read it.
inline QByteArray currentDocument(ui::MappingDesigner& d)
{
    return d.model()->toDocument().toJsonBytes();
}

// The document after an edit, built by hand from the one the designer opened.
inline QByteArray expectedDocument(const std::function<void(core::MappingDocument&)>& edit,
                                   const QByteArray& json = VisitsJson)
{
    core::MappingDocument doc = parseMapping(json);
    edit(doc);
    return doc.toJsonBytes();
}

} // namespace tb::test

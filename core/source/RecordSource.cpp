#include "source/RecordSource.h"

#include "source/CsvRecordSource.h"
#include "source/DatasetJsonRecordSource.h"
#include "source/OdmRecordSource.h"

namespace tb::core {

RecordSource::~RecordSource() = default;

void RecordSource::setDecodedColumns(std::vector<bool>)
{
}

bool RecordSource::parseKind(const QString& name, Kind* out)
{
    if (name == QLatin1String("csv"))
        *out = Kind::Csv;
    else if (name == QLatin1String("dataset-json"))
        *out = Kind::DatasetJson;
    else if (name == QLatin1String("odm"))
        *out = Kind::Odm;
    else if (name == QLatin1String("redcap"))
        *out = Kind::Redcap;
    else if (name == QLatin1String("rest"))
        *out = Kind::Rest;
    else
        return false;
    return true;
}

QString RecordSource::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Csv: return QStringLiteral("csv");
    case Kind::DatasetJson: return QStringLiteral("dataset-json");
    case Kind::Odm: return QStringLiteral("odm");
    case Kind::Redcap: return QStringLiteral("redcap");
    case Kind::Rest: return QStringLiteral("rest");
    }
    return {};
}

std::unique_ptr<RecordSource> RecordSource::create(Kind kind, const CsvDialect& dialect, const OdmSelection& odm)
{
    switch (kind) {
    case Kind::Csv: return std::make_unique<CsvRecordSource>(dialect);
    case Kind::DatasetJson: return std::make_unique<DatasetJsonRecordSource>();
    case Kind::Odm: return std::make_unique<OdmRecordSource>(odm);
    case Kind::Redcap:
    case Kind::Rest: return nullptr;
    }
    return nullptr;
}

} // namespace tb::core

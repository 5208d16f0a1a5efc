#pragma once

#include "source/OdmReader.h"

#include <QStringList>

#include <vector>

namespace tb::core {

// The files of an ODM series (an EDC's incremental exports dropped one after another), put in the order their
// PriorFileOID links give, from the file after the last one loaded (the source's cursor) on. Only the root
// elements are read. The order is refused, naming the files, when it is not one unbroken chain:
//   - two files with the same FileOID;
//   - two files naming the same prior file (a fork: which one is the truth?);
//   - a file whose prior file is neither in the folder nor the one last loaded (a gap: a file is missing);
//   - without a last loaded file, a chain that does not start with a file without PriorFileOID;
//   - files not on the chain that are not already loaded (earlier than the last loaded one);
//   - AsOfDateTime going backwards along the chain, where both files give one.
class OdmFileSeries
{
public:
    struct Result
    {
        std::vector<OdmFileInfo> toLoad;   // in order
        std::vector<OdmFileInfo> loaded;   // already loaded: the last loaded file and those before it
    };

    // lastLoaded: the FileOID the cursor holds, empty when nothing was loaded yet.
    static bool order(const QStringList& paths, const QString& lastLoaded, Result* out, QString* error);
};

} // namespace tb::core

#include "source/OdmFileSeries.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace tb::core {

namespace {

QString name(const OdmFileInfo& f)
{
    return QStringLiteral("%1 (FileOID %2)").arg(QFileInfo(f.path).fileName(), f.fileOid);
}

} // namespace

bool OdmFileSeries::order(const QStringList& paths, const QString& lastLoaded, Result* out, QString* error)
{
    *out = Result();
    std::vector<OdmFileInfo> files;
    QHash<QString, int> byOid;   // FileOID → file
    QHash<QString, int> byPrior; // PriorFileOID → the file naming it
    for (const QString& path : paths) {
        OdmFileInfo info;
        SourceError e;
        if (!OdmReader::readFileInfo(path, &info, &e)) {
            *error = e.toString();
            return false;
        }
        const int index = int(files.size());
        if (const auto it = byOid.constFind(info.fileOid); it != byOid.cend()) {
            *error = QStringLiteral("%1 and %2 have the same FileOID: one series cannot hold both")
                         .arg(name(files[size_t(*it)]), QFileInfo(path).fileName());
            return false;
        }
        if (!info.priorFileOid.isEmpty()) {
            if (const auto it = byPrior.constFind(info.priorFileOid); it != byPrior.cend()) {
                *error = QStringLiteral("%1 and %2 both follow FileOID %3: the series forks, and which branch holds the "
                                        "truth is not for a loader to guess")
                             .arg(name(files[size_t(*it)]), name(info), info.priorFileOid);
                return false;
            }
            byPrior.insert(info.priorFileOid, index);
        }
        byOid.insert(info.fileOid, index);
        files.push_back(std::move(info));
    }

    // Already loaded: the last loaded file and, following the links back, every file before it.
    QSet<int> done;
    for (QString oid = lastLoaded; !oid.isEmpty();) {
        const auto it = byOid.constFind(oid);
        if (it == byOid.cend() || done.contains(*it))
            break;
        done.insert(*it);
        oid = files[size_t(*it)].priorFileOid;
    }

    // The chain to load starts after the last loaded file, or at the file without a prior.
    int at = -1;
    if (!lastLoaded.isEmpty()) {
        at = byPrior.value(lastLoaded, -1);
    } else {
        for (int i = 0; i < int(files.size()); ++i)
            if (files[size_t(i)].priorFileOid.isEmpty()) {
                if (at >= 0) {
                    *error = QStringLiteral("%1 and %2 both start a series (no PriorFileOID): load them as separate sources")
                                 .arg(name(files[size_t(at)]), name(files[size_t(i)]));
                    return false;
                }
                at = i;
            }
        if (at < 0 && !files.empty()) {
            *error = QStringLiteral("no file starts the series: %1 follows FileOID %2, which was never loaded (a file is "
                                    "missing)")
                         .arg(name(files.front()), files.front().priorFileOid);
            return false;
        }
    }
    QSet<int> chained;
    for (; at >= 0 && !chained.contains(at); at = byPrior.value(files[size_t(at)].fileOid, -1)) {
        const OdmFileInfo& f = files[size_t(at)];
        if (!out->toLoad.empty()) {
            const OdmFileInfo& before = out->toLoad.back();
            if (!before.asOfDateTime.isEmpty() && !f.asOfDateTime.isEmpty() && f.asOfDateTime < before.asOfDateTime) {
                *error = QStringLiteral("%1 is as of %2, earlier than %3 before it (as of %4): the series goes back in time")
                             .arg(name(f), f.asOfDateTime, name(before), before.asOfDateTime);
                return false;
            }
        }
        chained.insert(at);
        out->toLoad.push_back(f);
    }
    for (int i = 0; i < int(files.size()); ++i) {
        if (chained.contains(i) || done.contains(i))
            continue;
        const OdmFileInfo& f = files[size_t(i)];
        if (f.priorFileOid.isEmpty())
            *error = QStringLiteral("%1 starts a series of its own (no PriorFileOID), but FileOID %2 was loaded last: "
                                    "load it as a new source")
                         .arg(name(f), lastLoaded);
        else if (!byOid.contains(f.priorFileOid))
            *error = QStringLiteral("%1 follows FileOID %2, which is neither in the folder nor the last file loaded (a file "
                                    "is missing)")
                         .arg(name(f), f.priorFileOid);
        else
            *error = QStringLiteral("%1 is not on the chain that follows the last file loaded (%2)")
                         .arg(name(f), lastLoaded.isEmpty() ? QStringLiteral("none") : lastLoaded);
        return false;
    }
    for (int i = 0; i < int(files.size()); ++i)
        if (done.contains(i))
            out->loaded.push_back(files[size_t(i)]);
    return true;
}

} // namespace tb::core

// Replays fuzz inputs without libFuzzer: every file named on the command line, and every file below the
// folders named there, goes once through LLVMFuzzerTestOneInput. Options starting with '-' (libFuzzer's)
// are ignored, so CTest can call the replay and the real fuzzer binary the same way.
#include "FuzzSupport.h"

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdio>

int main(int argc, char* argv[])
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1Char('-')))
            continue;
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else {
            files << arg;
        }
    }
    std::sort(files.begin(), files.end());
    for (const QString& file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
            return 1;
        }
        const QByteArray data = f.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size()));
    }
    std::printf("%s: %lld inputs replayed\n", argc > 0 ? argv[0] : "fuzz",
                static_cast<long long>(files.size()));
    return files.isEmpty() ? 1 : 0;
}

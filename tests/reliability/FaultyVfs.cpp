#include "FaultyVfs.h"

#include <sqlite3.h>

#include <cstring>

namespace tb::test {
namespace {

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;

FaultyVfs& self()
{
    return *static_cast<FaultyVfs*>(g_vfs.pAppData);
}

// Our file object; the platform VFS's own follows it in the same allocation.
struct File
{
    sqlite3_file base;
    bool watched;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

File* file(sqlite3_file* f)
{
    return reinterpret_cast<File*>(f);
}

const sqlite3_io_methods* realMethods(sqlite3_file* f)
{
    return file(f)->real()->pMethods;
}

bool fails(sqlite3_file* f, FaultyVfs::Op op, int* code)
{
    return file(f)->watched && self().shouldFail(op, code);
}

int fileClose(sqlite3_file* f)
{
    return realMethods(f)->xClose(file(f)->real());
}

int fileRead(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset)
{
    int code = 0;
    if (fails(f, FaultyVfs::Read, &code))
        return code;
    return realMethods(f)->xRead(file(f)->real(), buf, amount, offset);
}

int fileWrite(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset)
{
    int code = 0;
    if (fails(f, FaultyVfs::Write, &code))
        return code;
    return realMethods(f)->xWrite(file(f)->real(), buf, amount, offset);
}

int fileTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    int code = 0;
    if (fails(f, FaultyVfs::Truncate, &code))
        return code;
    return realMethods(f)->xTruncate(file(f)->real(), size);
}

int fileSync(sqlite3_file* f, int flags)
{
    int code = 0;
    if (fails(f, FaultyVfs::Sync, &code))
        return code;
    return realMethods(f)->xSync(file(f)->real(), flags);
}

int fileSize(sqlite3_file* f, sqlite3_int64* size)
{
    return realMethods(f)->xFileSize(file(f)->real(), size);
}
int fileLock(sqlite3_file* f, int level)
{
    return realMethods(f)->xLock(file(f)->real(), level);
}
int fileUnlock(sqlite3_file* f, int level)
{
    return realMethods(f)->xUnlock(file(f)->real(), level);
}
int fileCheckReservedLock(sqlite3_file* f, int* out)
{
    return realMethods(f)->xCheckReservedLock(file(f)->real(), out);
}
int fileControl(sqlite3_file* f, int op, void* arg)
{
    return realMethods(f)->xFileControl(file(f)->real(), op, arg);
}
int fileSectorSize(sqlite3_file* f)
{
    return realMethods(f)->xSectorSize(file(f)->real());
}
int fileDeviceCharacteristics(sqlite3_file* f)
{
    return realMethods(f)->xDeviceCharacteristics(file(f)->real());
}
int fileShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** p)
{
    return realMethods(f)->xShmMap(file(f)->real(), region, size, extend, p);
}
int fileShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    return realMethods(f)->xShmLock(file(f)->real(), offset, n, flags);
}
void fileShmBarrier(sqlite3_file* f)
{
    realMethods(f)->xShmBarrier(file(f)->real());
}
int fileShmUnmap(sqlite3_file* f, int deleteFlag)
{
    return realMethods(f)->xShmUnmap(file(f)->real(), deleteFlag);
}

const sqlite3_io_methods g_methods = {2,
                                      fileClose,
                                      fileRead,
                                      fileWrite,
                                      fileTruncate,
                                      fileSync,
                                      fileSize,
                                      fileLock,
                                      fileUnlock,
                                      fileCheckReservedLock,
                                      fileControl,
                                      fileSectorSize,
                                      fileDeviceCharacteristics,
                                      fileShmMap,
                                      fileShmLock,
                                      fileShmBarrier,
                                      fileShmUnmap,
                                      nullptr,
                                      nullptr};

int vfsOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags)
{
    File* p = file(f);
    p->base.pMethods = nullptr;
    p->watched = name && self().isWatched(name);
    const int rc = g_real->xOpen(g_real, name, p->real(), flags, outFlags);
    // Without the platform's methods SQLite must not call ours (it would close a file never opened).
    if (p->real()->pMethods)
        p->base.pMethods = &g_methods;
    return rc;
}

int vfsDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}
int vfsAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return g_real->xAccess(g_real, name, flags, out);
}
int vfsFullPathname(sqlite3_vfs*, const char* name, int n, char* out)
{
    return g_real->xFullPathname(g_real, name, n, out);
}
void* vfsDlOpen(sqlite3_vfs*, const char* name)
{
    return g_real->xDlOpen(g_real, name);
}
void vfsDlError(sqlite3_vfs*, int n, char* out)
{
    g_real->xDlError(g_real, n, out);
}
void (*vfsDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}
void vfsDlClose(sqlite3_vfs*, void* handle)
{
    g_real->xDlClose(g_real, handle);
}
int vfsRandomness(sqlite3_vfs*, int n, char* out)
{
    return g_real->xRandomness(g_real, n, out);
}
int vfsSleep(sqlite3_vfs*, int microseconds)
{
    return g_real->xSleep(g_real, microseconds);
}
int vfsCurrentTime(sqlite3_vfs*, double* out)
{
    return g_real->xCurrentTime(g_real, out);
}
int vfsGetLastError(sqlite3_vfs*, int n, char* out)
{
    return g_real->xGetLastError(g_real, n, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return g_real->xCurrentTimeInt64(g_real, out);
}

} // namespace

FaultyVfs& FaultyVfs::install()
{
    static FaultyVfs* instance = [] {
        auto* vfs = new FaultyVfs;
        g_real = sqlite3_vfs_find(nullptr);
        std::memset(&g_vfs, 0, sizeof g_vfs);
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = int(sizeof(File)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "tb-faulty";
        g_vfs.pAppData = vfs;
        g_vfs.xOpen = vfsOpen;
        g_vfs.xDelete = vfsDelete;
        g_vfs.xAccess = vfsAccess;
        g_vfs.xFullPathname = vfsFullPathname;
        g_vfs.xDlOpen = vfsDlOpen;
        g_vfs.xDlError = vfsDlError;
        g_vfs.xDlSym = vfsDlSym;
        g_vfs.xDlClose = vfsDlClose;
        g_vfs.xRandomness = vfsRandomness;
        g_vfs.xSleep = vfsSleep;
        g_vfs.xCurrentTime = vfsCurrentTime;
        g_vfs.xGetLastError = vfsGetLastError;
        g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        sqlite3_vfs_register(&g_vfs, 1);
        return vfs;
    }();
    return *instance;
}

void FaultyVfs::watch(const QByteArray& prefix)
{
    m_prefix = prefix;
}

void FaultyVfs::arm(Op op, qint64 nth, int code, bool persistent)
{
    reset();
    m_nth = nth;
    m_code = code;
    m_persistent = persistent;
    m_op = op;
}

void FaultyVfs::disarm()
{
    m_op = -1;
}

void FaultyVfs::reset()
{
    disarm();
    for (auto& c : m_calls)
        c = 0;
    m_failures = 0;
}

const char* FaultyVfs::opName(Op op)
{
    static const char* const names[] = {"read", "write", "sync", "truncate"};
    return op >= 0 && op < OpCount ? names[op] : "?";
}

bool FaultyVfs::isWatched(const char* path) const
{
    return !m_prefix.isEmpty() && std::strncmp(path, m_prefix.constData(), size_t(m_prefix.size())) == 0;
}

bool FaultyVfs::shouldFail(Op op, int* code)
{
    const qint64 n = ++m_calls[op];
    if (m_op.load() != op)
        return false;
    const qint64 nth = m_nth.load();
    if (n != nth && !(m_persistent.load() && n > nth))
        return false;
    ++m_failures;
    *code = m_code.load();
    return true;
}

} // namespace tb::test

#include "source/drop/DropFolder.h"

#include <QSet>
#include <QThread>

#include <algorithm>

namespace tb::core {

DropFolder::~DropFolder() = default;

QString DropFolder::unsafeReason(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("the name is empty");
    if (name.contains(QChar(0)))
        return QStringLiteral("the name contains a NUL character");
    if (name.contains(QLatin1Char('/')))
        return QStringLiteral("the name contains \"/\"");
    if (name.contains(QLatin1Char('\\')))
        return QStringLiteral("the name contains \"\\\"");
    if (name.contains(QLatin1String("..")))
        return QStringLiteral("the name contains \"..\"");
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control)
            return QStringLiteral("the name contains the control character U+%1")
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
    return {};
}

bool DropFolder::addressable(const QString& name)
{
    return !name.isEmpty() && !name.contains(QChar(0)) && !name.contains(QLatin1Char('/')) &&
           name != QLatin1String("..") && name != QLatin1String(".");
}

bool DropFolder::matches(const QString& pattern, const QString& name)
{
    // Iterative wildcard match with backtracking to the last "*": linear for the usual patterns.
    qsizetype p = 0, n = 0, star = -1, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            mark = n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QString DropFolder::markedFile(const QString& name)
{
    for (const QLatin1String suffix : {QLatin1String(".done"), QLatin1String(".ok")})
        if (name.endsWith(suffix) && name.size() > suffix.size())
            return name.chopped(suffix.size());
    return {};
}

bool DropFolder::isMarker(const QString& name)
{
    return name.endsWith(QLatin1String(".done")) || name.endsWith(QLatin1String(".ok")) ||
           name.endsWith(QLatin1String(".reason.txt"));
}

bool DropFolder::scan(const Rule& rule, Scan* out, QString* error)
{
    *out = Scan();
    QVector<Entry> first;
    if (!list(&first, error))
        return false;
    std::sort(first.begin(), first.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    QVector<Entry> second;
    if (!rule.marker) {
        // The size rule: a file still being written grows (or its time moves) between the two listings.
        QThread::msleep(ulong(qMax(0, rule.stableMs)));
        if (!list(&second, error))
            return false;
    }
    QSet<QString> names; // a folder may hold thousands of files
    for (const Entry& e : first)
        names.insert(e.name);
    for (const Entry& e : first) {
        if (isMarker(e.name) || !matches(rule.pattern, e.name))
            continue;
        const QString unsafe = unsafeReason(e.name);
        if (!unsafe.isEmpty()) {
            out->refused.append({e.name, unsafe});
            continue;
        }
        bool complete = false;
        if (rule.marker) {
            complete = names.contains(e.name + QStringLiteral(".done")) ||
                       names.contains(e.name + QStringLiteral(".ok"));
        } else {
            for (const Entry& again : second)
                if (again.name == e.name)
                    complete = again.size == e.size && again.modified == e.modified;
        }
        if (complete)
            out->complete.append(e);
        else
            out->waiting << e.name;
    }
    if (rule.marker) {
        for (const Entry& e : first) {
            const QString file = markedFile(e.name);
            if (!file.isEmpty() && matches(rule.pattern, file) && !names.contains(file))
                out->orphanMarkers << e.name;
        }
    }
    return true;
}

bool DropFolder::settleMarker(const QString& marker, QString* error)
{
    error->clear();
    const QString file = markedFile(marker);
    if (file.isEmpty() || exists(file))
        return false;
    for (const QLatin1String subfolder : {QLatin1String("archive"), QLatin1String("error")}) {
        // The last copy moveTo made: NAME, NAME.1, NAME.2, ...
        QString last;
        QString copy = subfolder + QLatin1Char('/') + file;
        for (int n = 1; exists(copy); ++n) {
            last = copy;
            copy = subfolder + QLatin1Char('/') + file + QLatin1Char('.') + QString::number(n);
        }
        const QString target = last + marker.mid(file.size());
        if (!last.isEmpty() && !exists(target))
            return rename(marker, target, error);
    }
    return false;
}

bool DropFolder::moveTo(const QString& name, const QString& subfolder, QString* movedTo, QString* error)
{
    if (!makeFolder(subfolder, error))
        return false;
    QString target = subfolder + QLatin1Char('/') + name;
    for (int n = 1; exists(target); ++n)
        target = subfolder + QLatin1Char('/') + name + QLatin1Char('.') + QString::number(n);
    if (!rename(name, target, error))
        return false;
    if (movedTo)
        *movedTo = target;
    // Markers go along: left behind, they would mark the next delivery of that name complete too early.
    for (const char* suffix : {".done", ".ok"}) {
        const QString marker = name + QLatin1String(suffix);
        if (!exists(marker))
            continue;
        QString markerTarget = target + QLatin1String(suffix);
        for (int n = 1; exists(markerTarget); ++n)
            markerTarget = target + QLatin1String(suffix) + QLatin1Char('.') + QString::number(n);
        if (!rename(marker, markerTarget, error))
            return false;
    }
    return true;
}

bool DropFolder::moveToError(const QString& name, const QString& reason, QString* error)
{
    QString movedTo;
    if (!moveTo(name, QStringLiteral("error"), &movedTo, error))
        return false;
    return write(movedTo + QStringLiteral(".reason.txt"), reason.toUtf8() + '\n', error);
}

} // namespace tb::core

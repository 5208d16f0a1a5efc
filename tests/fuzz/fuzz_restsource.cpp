// The REST sources (JsonRestRecordSource in each paging style, RedcapRecordSource flat and EAV) over answers
// taken from the input instead of a server: what a hostile or broken API can send. Input: a mode byte, a
// flags byte, then the raw HTTP answers in the order they are asked for, separated by "\n--next--\n" (an
// answer beyond the last is a connection closed at once). Invariants: an error names the server and never
// shows the credential; a pull that succeeds gives as many rows as it counted, each with every column and a
// non-empty "@where", and seek() to each row's position reads the same row again; a JSON pull's new cursor is
// the given one or a modification time it read.
#include "FuzzSupport.h"

#include "source/http/JsonRestRecordSource.h"
#include "source/http/RedcapRecordSource.h"

#include <QCoreApplication>

#include <memory>

using namespace tb::core;

namespace {

const QByteArray Credential = "tok-FUZZ-7f3a9c2e5b";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The fetcher builds its socket and event loop even when the answer comes from the input.
    static int argc = 1;
    static char name[] = "fuzz_restsource";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    if (size < 2)
        return 0;
    const int mode = data[0] % 7;
    const uint8_t flags = data[1];
    QList<QByteArray> pages;
    {
        const QByteArray rest(reinterpret_cast<const char*>(data) + 2, qsizetype(size - 2));
        const QByteArray separator = "\n--next--\n";
        qsizetype from = 0;
        for (qsizetype at; (at = rest.indexOf(separator, from)) >= 0; from = at + separator.size())
            pages << rest.mid(from, at - from);
        pages << rest.mid(from);
    }

    RestSourceConfig c;
    c.url = QUrl(QStringLiteral("http://fuzz.example.org/api/items"));
    c.credential = Credential;
    c.policy.maxAttempts = 2;
    c.maxPages = 8;
    c.pageSize = 2;
    c.recordsPath = (flags & 1) ? QStringLiteral("data") : QString();
    c.nextCursorPath = QStringLiteral("meta.next");
    c.modifiedField = (flags & 2) ? QStringLiteral("meta.updated") : QString();
    c.sinceParam = QStringLiteral("since");
    c.auth = (flags & 4) ? RestSourceConfig::Auth::ApiKeyHeader : RestSourceConfig::Auth::Bearer;
    c.columns = {QStringLiteral("id")};
    std::unique_ptr<RestRecordSource> source;
    if (mode < 5) {
        c.kind = RestSourceConfig::Kind::JsonRest;
        c.paging = RestSourceConfig::Paging(mode);
        c.cursorIn = (flags & 8) ? QStringLiteral("2026-01-01T00:00:00Z") : QString();
        source = std::make_unique<JsonRestRecordSource>(c);
    } else {
        c.kind = RestSourceConfig::Kind::Redcap;
        c.redcapType = mode == 6 ? RestSourceConfig::RedcapType::Eav : RestSourceConfig::RedcapType::Flat;
        c.exportDeletions = flags & 16;
        c.cursorIn = (flags & 8) ? QStringLiteral("2026-01-01 00:00:00") : QString();
        source = std::make_unique<RedcapRecordSource>(c);
    }
    int asked = 0;
    source->fetcher().setSleeper([](int) {});
    source->fetcher().setExchange(
        [&](const HttpFetcher::Request&) { return asked < pages.size() ? pages[asked++] : QByteArray(); });

    if (!source->open(QString())) {
        const QString error = source->error().toString();
        TB_FUZZ_CHECK(error.contains(QLatin1String("fuzz.example.org")), error);
        TB_FUZZ_CHECK(!error.contains(QString::fromLatin1(Credential)), error);
        TB_FUZZ_CHECK(source->newCursor().isEmpty(), QStringLiteral("a failed pull moved the cursor"));
        return 0;
    }
    const QStringList header = source->header();
    TB_FUZZ_CHECK(!header.isEmpty() && header.last() == QLatin1String("@where") &&
                      header.contains(QLatin1String("id")),
                  header.join(QLatin1Char(',')));
    std::vector<RecordPosition> positions;
    std::vector<std::vector<QString>> rows;
    while (source->next()) {
        TB_FUZZ_CHECK(source->fields().size() == size_t(header.size()),
                      QString::number(source->fields().size()));
        TB_FUZZ_CHECK(!source->fields().back().isEmpty(), QStringLiteral("a row without \"@where\""));
        positions.push_back(source->position());
        rows.push_back(source->fields());
    }
    TB_FUZZ_CHECK(source->error().isNull(), source->error().toString());
    TB_FUZZ_CHECK(qint64(rows.size()) == source->rowCount(),
                  QStringLiteral("%1 rows read, %2 counted").arg(rows.size()).arg(source->rowCount()));
    for (size_t i = rows.size(); i-- > 0;) {
        TB_FUZZ_CHECK(source->seek(positions[i]) && source->next(), QStringLiteral("seek to row %1").arg(i));
        TB_FUZZ_CHECK(source->fields() == rows[i],
                      QStringLiteral("row %1 read differently after a seek").arg(i));
    }
    if (mode < 5 && !c.modifiedField.isEmpty()) {
        const QString cursor = source->newCursor();
        const qsizetype column = header.indexOf(c.modifiedField);
        bool read = cursor == c.cursorIn;
        for (const auto& row : rows)
            read = read || (column >= 0 && row[size_t(column)] == cursor);
        TB_FUZZ_CHECK(read, QStringLiteral("the new cursor \"%1\" was neither given nor read").arg(cursor));
    }
    return 0;
}

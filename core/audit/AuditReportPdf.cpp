#include "audit/AuditReportPdf.h"

#include "audit/TrailCheck.h"
#include "run/PipelineRunner.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>

namespace tb::core {

namespace {

const QColor Ink(0x20, 0x20, 0x20);
const QColor Muted(0x60, 0x60, 0x60);
const QColor Alarm(0xb0, 0x00, 0x00);
const QColor Rule(0xa0, 0xa0, 0xa0);
const QColor HeaderFill(0xe4, 0xe8, 0xee);

QString grouped(qint64 n)
{
    return QLocale::c().toString(n); // 1,234,567
}

// "1 entry", "2 entries"
QString counted(qint64 n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(grouped(n), QString::fromLatin1(n == 1 ? one : many));
}

QFont reportFont(qreal points, bool bold = false)
{
    QFont f;
    // DejaVu first: it has every glyph the report uses (→, –) and is on every Debian system with fonts.
    f.setFamilies(
        {QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Noto Sans")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    // Any letter spacing turns ligatures off (Qt 6.4 has no font feature API): "fi" stays two letters that
    // pdftotext and a reader's search find, not the one glyph U+FB01.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    return f;
}

QTextCharFormat charFormat(qreal points, bool bold = false, const QColor& color = Ink)
{
    QTextCharFormat f;
    f.setFont(reportFont(points, bold));
    f.setForeground(color);
    return f;
}

// One report cell: lines after the first in a smaller, muted type (a key under its entity, a name under its
// id).
void fillCell(QTextTable* table, int row, int column, const QString& text, const QTextCharFormat& format,
              const QString& second = {}, const QTextCharFormat& secondFormat = {})
{
    QTextCursor c = table->cellAt(row, column).firstCursorPosition();
    c.insertText(text, format);
    if (!second.isEmpty()) {
        c.insertBlock();
        c.insertText(second, secondFormat);
    }
}

struct Column
{
    const char* title;
    qreal percent;
};

// Landscape A4 leaves about 273 mm: the wide columns are the ones whose values are long (keys, changes,
// reasons).
const Column Columns[] = {
    {"Seq", 4.5},
    {"Time (UTC)", 14},
    {"User", 8},
    {"Action", 4.5},
    {"Entity and key", 16},
    {"Change (old \u2192 new) or signature", 24},
    {"Reason", 11},
    {"Source (system, record / audit id)", 14},
    {"Run", 4},
};

// Table borders and padding are in 1/96 inch, as QTextDocument takes them (it scales them to the device).
constexpr qreal TableBorder = 1;
constexpr qreal TablePadding = 3;

// A band of the laid-out document printed on one page: [top, bottom), under a copy of the table's title row
// on every page after the first.
struct Slice
{
    qreal top = 0, bottom = 0;
    bool topInRow = false, bottomInRow = false; // cut between two lines of a row taller than a page
};

// One data row of the entries: the report's rows are spread over tables of RowsPerTable rows each.
struct RowRef
{
    QTextTable* table = nullptr;
    int row = 0;
};

// QTextDocument lays out and draws one large table in time growing with the square of its rows (every cell
// looks its row up in the whole table); tables of a few dozen rows, set one under the other, keep it linear.
constexpr int RowsPerTable = 48;

// Where the row starts: its top border, in document coordinates.
qreal rowTop(const QTextDocument& doc, const RowRef& r, qreal padding, qreal border)
{
    const QTextBlock first = r.table->cellAt(r.row, 0).firstCursorPosition().block();
    return doc.documentLayout()->blockBoundingRect(first).top() - padding - border;
}

// A row taller than a page is cut between lines of text (in every cell), never through one: the largest y in
// (from, limit] that no line of the row straddles; limit itself when its lines leave no such place.
qreal cutBetweenLines(const QTextDocument& doc, const RowRef& r, qreal from, qreal limit)
{
    QVector<std::pair<qreal, qreal>> lines;
    for (int c = 0; c < r.table->columns(); ++c) {
        const QTextTableCell cell = r.table->cellAt(r.row, c);
        for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
            const QTextBlock block = it.currentBlock();
            if (!block.isValid() || !block.layout())
                continue;
            const qreal top =
                doc.documentLayout()->blockBoundingRect(block).top() - block.layout()->boundingRect().top();
            for (int i = 0; i < block.layout()->lineCount(); ++i) {
                const QTextLine line = block.layout()->lineAt(i);
                lines.append({top + line.y(), top + line.y() + line.height()});
            }
        }
    }
    qreal best = limit;
    bool found = false;
    QVector<qreal> candidates{limit};
    for (const auto& l : lines)
        candidates << l.first;
    for (const qreal y : candidates) {
        if (y <= from || y > limit || (found && y <= best))
            continue;
        const bool clear = std::none_of(lines.begin(), lines.end(),
                                        [y](const auto& l) { return l.first < y && y < l.second; });
        if (clear) {
            best = y;
            found = true;
        }
    }
    return best;
}

// Pages end at row boundaries, so no entry is split across pages unless it is taller than a page on its own.
QVector<Slice> paginate(const QTextDocument& doc, const QVector<RowRef>& rows, qreal pageHeight,
                        qreal titleRowHeight, qreal padding, qreal border)
{
    const qreal end = doc.documentLayout()->documentSize().height();
    QVector<qreal> tops; // the data rows' tops, then the document's end
    for (const RowRef& r : rows)
        tops << rowTop(doc, r, padding, border);
    tops << end;
    QVector<Slice> pages;
    qreal top = 0;
    int next = 0; // the first row boundary below top
    while (top < end - 0.5) {
        const qreal limit = top + pageHeight - (pages.isEmpty() ? 0 : titleRowHeight);
        while (next < tops.size() && tops[next] <= top + 0.5)
            ++next;
        int last = -1;
        for (int i = next; i < tops.size() && tops[i] <= limit; ++i)
            last = i;
        qreal bottom;
        bool inRow = last < 0;
        if (last >= 0) {
            bottom = tops[last];
            // A row that fits on no page starts right here instead of leaving the rest of this page empty.
            const qreal fullPage = pageHeight - titleRowHeight;
            if (last + 1 < tops.size() && tops[last + 1] - tops[last] > fullPage &&
                limit - tops[last] > fullPage / 8) {
                const qreal cut = cutBetweenLines(doc, rows[last], tops[last], limit);
                if (cut > tops[last] + 0.5) {
                    bottom = cut;
                    inRow = true;
                }
            }
        } else {
            // The row that top lies in (tops[next - 1] <= top < tops[next]) does not fit on a page: cut it
            // between lines.
            const int row = std::clamp(next - 1, 0, int(rows.size()) - 1);
            bottom = rows.isEmpty() ? limit : cutBetweenLines(doc, rows[row], top, limit);
        }
        pages.append({top, bottom, !pages.isEmpty() && pages.last().bottomInRow, inRow});
        top = bottom;
    }
    if (pages.isEmpty())
        pages.append({0, end, false, false});
    return pages;
}

} // namespace

QString AuditReportPdf::verificationText(const Context& context)
{
    const AuditVerifier::Report& r = context.verification;
    if (!r.error.isEmpty())
        return QStringLiteral("NOT VERIFIED \u2014 the trail could not be read: %1").arg(r.error);
    if (!r.intact()) {
        const AuditVerifier::Problem& first = r.problems.first();
        return QStringLiteral("BROKEN \u2014 the audit trail does not verify. First problem [%1]: %2%3")
            .arg(AuditVerifier::Problem::kindName(first.kind), first.message,
                 r.problems.size() > 1
                     ? QStringLiteral(" (and %1 more; `audit verify` lists them)").arg(r.problems.size() - 1)
                     : QString());
    }
    if (!context.signatureProblems.isEmpty())
        return QStringLiteral("BROKEN \u2014 electronic signatures do not verify: %1")
            .arg(context.signatureProblems.join(QStringLiteral("; ")));
    QString text =
        QStringLiteral("intact \u2014 the hash chain of %1").arg(counted(r.entries, "entry", "entries"));
    if (r.entries)
        text += QStringLiteral(" (seq %1\u2013%2)").arg(r.firstSeq).arg(r.lastSeq);
    text += QStringLiteral(" and the signatures of %1 verify")
                .arg(counted(r.signedCheckpoints, "checkpoint", "checkpoints"));
    text += r.trustChecked ? QStringLiteral(", made with keys the workspace lists")
                           : QStringLiteral(" (signing keys not compared with a workspace: none found)");
    text += QStringLiteral("; %1").arg(
        counted(context.signatures, "electronic signature, valid", "electronic signatures, each valid"));
    if (r.legacyEntries)
        text += QStringLiteral("; %1 written before the chain existed, not covered")
                    .arg(counted(r.legacyEntries, "entry", "entries"));
    if (r.uncoveredEntries)
        text += QStringLiteral("; %1 after the last checkpoint, chained but not yet signed")
                    .arg(counted(r.uncoveredEntries, "entry", "entries"));
    return text;
}

bool AuditReportPdf::write(const QString& databasePath, const AuditFilter& filter,
                           const QHash<QString, QString>& printedNames, const Context& context,
                           const QString& outPath, qint64* rows, QString* error)
{
    *rows = 0;
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        *error = QStringLiteral("%1: the PDF report needs a QGuiApplication (none was created)").arg(outPath);
        return false;
    }
    // The table needs every row before it is laid out (page count, studies in the header): read them first.
    QVector<AuditExport::Row> entries;
    QStringList studies;
    QSet<QString> seenStudies;
    if (!AuditExport::rows(
            databasePath, filter, printedNames,
            [&](const AuditExport::Row& row) {
                entries.append(row);
                if (!row.studyId.isEmpty() && !seenStudies.contains(row.studyId)) {
                    seenStudies.insert(row.studyId);
                    studies << row.studyId;
                }
                return true;
            },
            error))
        return false;
    std::sort(studies.begin(), studies.end());

    QSaveFile file(outPath); // the whole report or nothing: an uncommitted QSaveFile leaves no file behind
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(outPath, file.errorString());
        return false;
    }
    const QString exported = context.exportedUtc.toUTC().toString(Qt::ISODate);
    QPdfWriter writer(&file);
    writer.setTitle(QStringLiteral("QA audit report \u2014 %1 \u2014 %2")
                        .arg(QFileInfo(databasePath).fileName(), exported));
    writer.setCreator(QStringLiteral("TrialBridge %1").arg(QStringLiteral(TB_VERSION)));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(12, 10, 12, 10), QPageLayout::Millimeter));

    const QRectF body = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal footerHeight = writer.resolution() * 0.30; // 7.6 mm below the text of each page
    const QSizeF textPage(body.width(), body.height() - footerHeight);

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer); // point sizes in the writer's resolution
    doc.setDefaultFont(reportFont(7));
    doc.setDocumentMargin(0);
    doc.setTextWidth(textPage.width()); // one long page: paginate() decides where pages end
    QTextOption wrap;
    wrap.setWrapMode(
        QTextOption::WrapAtWordBoundaryOrAnywhere); // keys and hashes have no spaces; never cut them off
    doc.setDefaultTextOption(wrap);

    QTextCursor cursor(&doc);
    cursor
        .beginEditBlock(); // one layout at the end: laying the table out again after every cell is quadratic
    cursor.insertText(QStringLiteral("QA audit report"), charFormat(15, true));
    cursor.insertBlock();
    cursor.insertText(QStringLiteral("Audit trail of a TrialBridge target database (21 CFR Part 11 "
                                     "\u00a711.10(e), EU GMP Annex 11 \u00a79)"),
                      charFormat(8.5, false, Muted));
    cursor.insertBlock();

    // The header: what the report covers and whether the trail it comes from is intact.
    const AuditVerifier::Report& v = context.verification;
    const bool intact = v.intact() && context.signatureProblems.isEmpty();
    QString head;
    if (!v.error.isEmpty())
        head = QStringLiteral("not known: the trail could not be read");
    else if (!v.intact())
        head = QStringLiteral("none vouched for: the trail is broken (see the verification)");
    else if (v.entries == 0)
        head = QStringLiteral("the trail has no entries yet");
    else
        head = QStringLiteral("seq %1, hash %2").arg(v.lastSeq).arg(QString::fromLatin1(v.headHash.toHex()));
    QString count = QStringLiteral("%1 in this report").arg(grouped(entries.size()));
    if (v.error.isEmpty())
        count += QStringLiteral(" (of %1 in the trail)").arg(grouped(v.entries + v.legacyEntries));
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("Database"), databasePath},
        {QStringLiteral("Study"), studies.isEmpty() ? QStringLiteral("none named in these entries")
                                                    : studies.join(QStringLiteral(", "))},
        {QStringLiteral("Filters"), filter.describe()},
        {QStringLiteral("Exported by"),
         context.exportedBy.isEmpty() ? QStringLiteral("(unknown user)") : context.exportedBy},
        {QStringLiteral("Exported at (UTC)"), exported},
        {QStringLiteral("Entries"), count},
        {QStringLiteral("Head of the trail"), head},
        {QStringLiteral("Verification"), verificationText(context)},
    };
    QTextTableFormat headerFormat;
    headerFormat.setBorder(0);
    headerFormat.setCellPadding(2.5);
    headerFormat.setTopMargin(6);
    headerFormat.setBottomMargin(10);
    headerFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    headerFormat.setColumnWidthConstraints(
        {QTextLength(QTextLength::PercentageLength, 14), QTextLength(QTextLength::PercentageLength, 86)});
    QTextTable* header = cursor.insertTable(int(fields.size()), 2, headerFormat);
    for (int i = 0; i < fields.size(); ++i) {
        const bool verdict = fields[i].first == QLatin1String("Verification");
        fillCell(header, i, 0, fields[i].first, charFormat(8.5, true, Muted));
        fillCell(header, i, 1, fields[i].second, charFormat(8.5, verdict, verdict && !intact ? Alarm : Ink));
    }
    cursor.movePosition(QTextCursor::End);

    // The entries: one row each, the column titles repeated on every page (see paginate()).
    const int columnCount = int(std::size(Columns));
    QTextTableFormat tableFormat;
    tableFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tableFormat.setBorderBrush(Rule);
    tableFormat.setBorder(TableBorder);
    tableFormat.setBorderCollapse(true);
    tableFormat.setCellSpacing(0);
    tableFormat.setCellPadding(TablePadding);
    tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QVector<QTextLength> widths;
    for (const Column& c : Columns)
        widths << QTextLength(QTextLength::PercentageLength, c.percent);
    tableFormat.setColumnWidthConstraints(widths);
    // The first table holds the column titles; the ones below continue it without a top border of their own.
    QTextTable* titleTable = nullptr;
    QVector<RowRef> dataRows;
    dataRows.reserve(entries.size());
    QTextBlockFormat joint; // the block QTextDocument keeps between two tables: no height
    joint.setLineHeight(0, QTextBlockFormat::FixedHeight);
    const QTextCharFormat jointChars = charFormat(1);
    for (qsizetype first = 0; first < entries.size() || !titleTable; first += RowsPerTable) {
        const int title = titleTable ? 0 : 1;
        const int count = int(qMin<qsizetype>(RowsPerTable, entries.size() - first));
        QTextTableFormat format = tableFormat;
        if (titleTable)
            format.setTopMargin(-TableBorder); // its top border on the bottom border of the table above
        QTextTable* table = cursor.insertTable(count + title, columnCount, format);
        if (!titleTable)
            titleTable = table;
        for (int i = 0; i < count; ++i)
            dataRows.append({table, title + i});
        cursor.movePosition(QTextCursor::End);
        cursor.setBlockFormat(joint);
        cursor.setBlockCharFormat(jointChars);
    }
    const QTextCharFormat titleFormat = charFormat(7, true);
    for (int c = 0; c < columnCount; ++c) {
        QTextTableCell cell = titleTable->cellAt(0, c);
        QTextCharFormat fill = cell.format();
        fill.setBackground(HeaderFill);
        cell.setFormat(fill);
        fillCell(titleTable, 0, c, QString::fromUtf8(Columns[c].title), titleFormat);
    }
    const QTextCharFormat text = charFormat(7);
    const QTextCharFormat strong = charFormat(7, true);
    const QTextCharFormat small = charFormat(6.3, false, Muted);
    for (int i = 0; i < entries.size(); ++i) {
        const AuditExport::Row& e = entries[i];
        QTextTable* table = dataRows[i].table;
        const int row = dataRows[i].row;
        fillCell(table, row, 0, QString::number(e.seq), text);
        fillCell(table, row, 1, e.timeUtc, text);
        fillCell(table, row, 2, e.userId, text, e.printedName, small);
        fillCell(table, row, 3, e.action, text);
        fillCell(table, row, 4, e.entity, strong, e.entityKey, small);
        if (e.signature.isEmpty()) {
            QTextCursor c = table->cellAt(row, 5).firstCursorPosition();
            for (int k = 0; k < e.changes.size();
                 ++k) { // a line per field: easier to read than the CSV's "; "
                if (k)
                    c.insertBlock();
                c.insertText(e.changes[k], text);
            }
        } else
            fillCell(table, row, 5, QStringLiteral("Electronic signature: ") + e.signature, strong);
        fillCell(table, row, 6, e.reason, text);
        fillCell(table, row, 7, e.source, text);
        fillCell(table, row, 8, e.runId, text);
    }
    if (entries.isEmpty()) {
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        cursor.insertText(QStringLiteral("No audit entry matches the filters."),
                          charFormat(8.5, false, Muted));
    }

    cursor.endEditBlock();

    // Each page painted by hand: its band of the document (below the column titles after the first page),
    // then the footer with the page count.
    const qreal toDevice = writer.logicalDpiY() / 96.0;
    const qreal padding = TablePadding * toDevice, border = TableBorder * toDevice;
    const qreal titleTop = rowTop(doc, {titleTable, 0}, padding, border);
    const qreal titleBottom = dataRows.isEmpty() ? doc.documentLayout()->documentSize().height()
                                             : rowTop(doc, dataRows.first(), padding, border);
    const qreal titleHeight = titleBottom - titleTop + border;
    const QVector<Slice> pages = paginate(doc, dataRows, textPage.height(), titleHeight, padding, border);
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("%1: cannot write the PDF").arg(outPath);
        return false;
    }
    auto paintBand = [&](qreal top, qreal bottom, qreal at) {
        painter.save();
        painter.translate(0, at - top);
        const QRectF band(0, top, textPage.width(), bottom - top);
        painter.setClipRect(band);
        QAbstractTextDocumentLayout::PaintContext paint;
        paint.clip = band;
        paint.palette.setColor(QPalette::Text, Ink);
        doc.documentLayout()->draw(&painter, paint);
        painter.restore();
    };
    const QString footerLeft = QStringLiteral("QA audit report \u2014 %1 \u2014 %2 \u2014 exported %3")
                                   .arg(QFileInfo(databasePath).fileName(), filter.describe(), exported);
    painter.setFont(reportFont(7));
    for (int p = 0; p < pages.size(); ++p) {
        if (p > 0 && !writer.newPage()) {
            *error = QStringLiteral("%1: cannot write the PDF").arg(outPath);
            return false;
        }
        // At a row boundary the band takes the border line below it. Inside a row the bands keep clear of the
        // cut by a device pixel, so the line that begins there is drawn on the next page only. (QTextLayout
        // also draws the one line just above a clip; painted outside the clip it stays invisible, but its
        // text is in the PDF: a text extractor sees that single line twice at such a cut.)
        const Slice& page = pages[p];
        const qreal bottom = page.bottomInRow ? page.bottom - 1 : page.bottom + border;
        if (p == 0) {
            paintBand(page.top, bottom, 0);
        } else {
            paintBand(titleTop, titleBottom + border, 0);
            paintBand(page.topInRow ? page.top + 1 : page.top + border, bottom, titleHeight);
        }

        const QRectF footer(0, textPage.height(), textPage.width(), footerHeight);
        painter.setPen(QPen(Rule, border));
        painter.drawLine(footer.topLeft() + QPointF(0, footerHeight * 0.25),
                         footer.topRight() + QPointF(0, footerHeight * 0.25));
        painter.setPen(Muted);
        const QRectF line = footer.adjusted(0, footerHeight * 0.35, 0, 0);
        const QString pageText = QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages.size());
        const qreal pageWidth = painter.fontMetrics().horizontalAdvance(pageText) * 1.1;
        // The running title may be shortened here: the first page's header holds it in full.
        painter.drawText(line, Qt::AlignLeft | Qt::AlignTop,
                         painter.fontMetrics().elidedText(footerLeft, Qt::ElideMiddle,
                                                          int(line.width() - pageWidth * 1.5)));
        painter.drawText(line, Qt::AlignRight | Qt::AlignTop, pageText);
    }
    if (!painter.end()) {
        *error = QStringLiteral("%1: cannot write the PDF").arg(outPath);
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(outPath, file.errorString());
        return false;
    }
    *rows = entries.size();
    return true;
}

AuditReportPdf::Context AuditReportPdf::Context::of(const TrailCheck& check, const QHash<QString, QString>& printedNames)
{
    Context c;
    c.verification = check.report;
    c.signatures = check.signatures.signatures;
    c.signatureProblems = check.signatures.problems;
    c.exportedUtc = QDateTime::currentDateTimeUtc();
    const QString user = PipelineRunner::currentUser();
    c.exportedBy = printedNames.contains(user)
                       ? QStringLiteral("%1 (%2; operating-system user)").arg(user, printedNames.value(user))
                       : QStringLiteral("%1 (operating-system user)").arg(user);
    return c;
}

} // namespace tb::core

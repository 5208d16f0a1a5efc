#include "audit/AuditReportPdf.h"

#include "audit/TrailCheck.h"
#include "run/PipelineRunner.h"
#include "run/RunFeedback.h"

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
#include <QTextLayout>

#include <algorithm>
#include <memory>
#include <vector>

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

// A paragraph's type: the report uses a few (text, bold, a smaller muted second line, titles).
struct Style
{
    QFont font;
    QColor color;
};

Style style(qreal points, bool bold = false, const QColor& color = Ink)
{
    return {reportFont(points, bold), color};
}

struct Paragraph
{
    QString text;
    const Style* style = nullptr;
};

// One table cell: lines after the first in a smaller, muted type (a key under its entity, a name under its
// id), or a paragraph per changed field.
using Cell = QVector<Paragraph>;

// Paragraphs laid out one under the other at a width, each wrapped into lines. Laid out again for painting
// rather than kept: the report holds one page's layouts at a time, however long the trail.
class TextBlock
{
public:
    TextBlock(const Cell& paragraphs, qreal width, QPaintDevice* device)
    {
        QTextOption wrap;
        wrap.setWrapMode(
            QTextOption::WrapAtWordBoundaryOrAnywhere); // keys and hashes have no spaces: never cut off
        for (const Paragraph& p : paragraphs) {
            auto layout = std::make_unique<QTextLayout>(p.text, p.style->font, device);
            layout->setTextOption(wrap);
            layout->setCacheEnabled(true);
            layout->beginLayout();
            qreal y = m_height;
            for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
                line.setLineWidth(width);
                line.setPosition(QPointF(0, y));
                y += line.height();
            }
            layout->endLayout();
            m_height = y;
            m_parts.push_back({std::move(layout), p.style->color});
        }
    }

    qreal height() const { return m_height; }

    // Draws the lines whose tops lie in [from, to) with the block's origin at origin: each line is drawn on
    // exactly one page when a row is cut between lines.
    void draw(QPainter& painter, const QPointF& origin, qreal from, qreal to) const
    {
        for (const Part& part : m_parts) {
            painter.setPen(part.color);
            for (int i = 0; i < part.layout->lineCount(); ++i) {
                const QTextLine line = part.layout->lineAt(i);
                if (line.y() >= from - 0.5 && line.y() < to - 0.5)
                    line.draw(&painter, origin);
            }
        }
    }

    // Every line's top and bottom, moved down by offset.
    void lineExtents(qreal offset, QVector<std::pair<qreal, qreal>>* out) const
    {
        for (const Part& part : m_parts)
            for (int i = 0; i < part.layout->lineCount(); ++i) {
                const QTextLine line = part.layout->lineAt(i);
                out->append({offset + line.y(), offset + line.y() + line.height()});
            }
    }

private:
    struct Part
    {
        std::unique_ptr<QTextLayout> layout;
        QColor color;
    };
    std::vector<Part> m_parts;
    qreal m_height = 0;
};

// A table's columns in device pixels, and the padding inside each cell.
struct Columns
{
    QVector<qreal> left, width;
    qreal padding = 0;

    Columns(const QVector<qreal>& percents, qreal tableWidth, qreal cellPadding) : padding(cellPadding)
    {
        qreal x = 0;
        for (const qreal p : percents) {
            left << x;
            width << tableWidth * p / 100;
            x += width.last();
        }
    }
};

// A table row laid out: its cells' blocks; height includes the padding above and below.
struct RowLayout
{
    std::vector<TextBlock> cells;
    qreal height = 0;

    RowLayout(const QVector<Cell>& content, const Columns& columns, QPaintDevice* device)
    {
        qreal tallest = 0;
        for (int c = 0; c < content.size(); ++c) {
            cells.emplace_back(content[c], columns.width[c] - 2 * columns.padding, device);
            tallest = std::max(tallest, cells.back().height());
        }
        height = tallest + 2 * columns.padding;
    }

    // The band [from, to) of the row (row coordinates, 0 at its top) drawn with from at y.
    void draw(QPainter& painter, const Columns& columns, qreal from, qreal to, qreal y) const
    {
        for (size_t c = 0; c < cells.size(); ++c)
            cells[c].draw(painter,
                          QPointF(columns.left[int(c)] + columns.padding, y + columns.padding - from),
                          from - columns.padding, to - columns.padding);
    }

    // A row taller than a page is cut between lines of text (in every cell), never through one: the largest y
    // in (from, limit] that no line of the row straddles; limit itself when its lines leave no such place.
    qreal cutBetweenLines(qreal from, qreal limit, qreal padding) const
    {
        QVector<std::pair<qreal, qreal>> lines;
        for (const TextBlock& cell : cells)
            cell.lineExtents(padding, &lines);
        qreal best = -1;
        QVector<qreal> candidates{limit};
        for (const auto& l : lines)
            candidates << l.first;
        for (const qreal y : candidates) {
            if (y <= from + 0.5 || y > limit || y <= best)
                continue;
            if (std::none_of(lines.begin(), lines.end(),
                             [y](const auto& l) { return l.first < y - 0.01 && y + 0.01 < l.second; }))
                best = y;
        }
        return best < 0 ? limit : best;
    }
};

struct Column
{
    const char* title;
    qreal percent;
};

// Landscape A4 leaves about 273 mm: the wide columns are the ones whose values are long (keys, changes,
// reasons).
const Column EntryColumns[] = {
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

// Rules and padding in 1/96 inch (scaled to the writer's resolution).
constexpr qreal RuleWidth = 1;
constexpr qreal EntryPadding = 3;
constexpr qreal HeaderPadding = 2.5;

// The type styles of the report.
struct Styles
{
    Style title = style(15, true);
    Style subtitle = style(8.5, false, Muted);
    Style label = style(8.5, true, Muted);
    Style value = style(8.5);
    Style verdict = style(8.5, true);
    Style broken = style(8.5, true, Alarm);
    Style text = style(7);
    Style strong = style(7, true);
    Style small = style(6.3, false, Muted);
};

Cell cell(const QString& text, const Style& first, const QString& second = {},
          const Style* secondStyle = nullptr)
{
    Cell c{{text, &first}};
    if (!second.isEmpty())
        c.append({second, secondStyle});
    return c;
}

// An entry's row: the cells in the order of EntryColumns.
QVector<Cell> entryCells(const AuditExport::Row& e, const Styles& s)
{
    Cell change;
    if (!e.signature.isEmpty())
        change = cell(QStringLiteral("Electronic signature: ") + e.signature, s.strong);
    for (const QString& c : e.changes) // a line per field: easier to read than the CSV's "; "
        change.append({c, &s.text});
    if (change.isEmpty())
        change = cell(QString(), s.text);
    return {cell(QString::number(e.seq), s.text),
            cell(e.timeUtc, s.text),
            cell(e.userId, s.text, e.printedName, &s.small),
            cell(e.action, s.text),
            cell(e.entity, s.strong, e.entityKey, &s.small),
            change,
            cell(e.reason, s.text),
            cell(e.source, s.text),
            cell(e.runId, s.text)};
}

// A band of one entry's row printed on a page: [from, to) of the row, whole unless it is taller than a page.
struct Piece
{
    qsizetype entry = 0;
    qreal from = 0, to = 0;
};

// Where pages end, from the rows' heights alone: between rows, so no entry is split across pages unless it is
// taller than a page on its own. firstTop: where the first page's rows begin (below the header and the column
// titles); otherwise each page starts with the column titles (titleHeight). Reports 5–40 % to feedback; no
// pages when it was canceled.
QVector<QVector<Piece>> paginate(const QVector<AuditExport::Row>& entries, const Styles& styles,
                                 const Columns& columns, QPaintDevice* device, qreal pageHeight,
                                 qreal titleHeight, qreal firstTop, RunFeedback* feedback)
{
    QVector<QVector<Piece>> pages(1);
    qreal y = firstTop;
    const qreal fullPage = pageHeight - titleHeight;
    auto newPage = [&] {
        pages.append(QVector<Piece>());
        y = titleHeight;
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (feedback) {
            if (feedback->isCanceled())
                return {};
            feedback->setProgress(5 + 35.0 * double(i) / double(entries.size()));
        }
        const RowLayout row(entryCells(entries[i], styles), columns, device);
        qreal from = 0;
        while (from < row.height) {
            const qreal room = pageHeight - y;
            if (row.height - from <= room) {
                pages.last().append({i, from, row.height});
                y += row.height - from;
                break;
            }
            // A row that fits on a page goes to the next one; one that fits on none starts right here, unless
            // little of this page is left.
            if (from == 0 && (row.height <= fullPage || room < fullPage / 8)) {
                newPage();
                continue;
            }
            const qreal cut = row.cutBetweenLines(from, from + room, columns.padding);
            pages.last().append({i, from, cut});
            from = cut;
            newPage();
        }
    }
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
                           const QString& outPath, qint64* rows, QString* error, RunFeedback* feedback)
{
    *rows = 0;
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        *error = QStringLiteral("%1: the PDF report needs a QGuiApplication (none was created)").arg(outPath);
        return false;
    }
    const QString canceled = AuditExport::canceledMessage(outPath);
    // The table needs every row before it is laid out (page count, studies in the header): read them first.
    QVector<AuditExport::Row> entries;
    QStringList studies;
    QSet<QString> seenStudies;
    if (!AuditExport::rows(
            databasePath, filter, printedNames,
            [&](const AuditExport::Row& row) {
                if (feedback && feedback->isCanceled()) {
                    *error = canceled;
                    return false;
                }
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
    const qreal width = body.width(), pageHeight = body.height() - footerHeight;
    const qreal toDevice = writer.logicalDpiY() / 96.0;
    const qreal rule = RuleWidth * toDevice;
    const Styles styles;

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
    const TextBlock title({{QStringLiteral("QA audit report"), &styles.title},
                           {QStringLiteral("Audit trail of a TrialBridge target database (21 CFR Part 11 "
                                           "\u00a711.10(e), EU GMP Annex 11 \u00a79)"),
                            &styles.subtitle}},
                          width, &writer);
    const Columns headerColumns({14, 86}, width, HeaderPadding * toDevice);
    std::vector<RowLayout> headerRows;
    qreal headerHeight = title.height() + 6 * toDevice;
    for (const auto& [label, value] : QList<std::pair<QString, QString>>{
             {QStringLiteral("Database"), databasePath},
             {QStringLiteral("Study"), studies.isEmpty() ? QStringLiteral("none named in these entries")
                                                         : studies.join(QStringLiteral(", "))},
             {QStringLiteral("Filters"), filter.describe()},
             {QStringLiteral("Exported by"),
              context.exportedBy.isEmpty() ? QStringLiteral("(unknown user)") : context.exportedBy},
             {QStringLiteral("Exported at (UTC)"), exported},
             {QStringLiteral("Entries"), count},
             {QStringLiteral("Head of the trail"), head},
             {QStringLiteral("Verification"), verificationText(context)}}) {
        const Style& valueStyle =
            label == QLatin1String("Verification") ? (intact ? styles.verdict : styles.broken) : styles.value;
        headerRows.emplace_back(QVector<Cell>{cell(label, styles.label), cell(value, valueStyle)},
                                headerColumns, &writer);
        headerHeight += headerRows.back().height;
    }
    headerHeight += 10 * toDevice;

    // The entries: one row each, under the column titles repeated on every page.
    QVector<qreal> percents;
    QVector<Cell> titles;
    for (const Column& c : EntryColumns) {
        percents << c.percent;
        titles << cell(QString::fromUtf8(c.title), styles.strong);
    }
    const Columns columns(percents, width, EntryPadding * toDevice);
    const RowLayout titleRow(titles, columns, &writer);
    const QVector<QVector<Piece>> pages = paginate(entries, styles, columns, &writer, pageHeight,
                                                   titleRow.height, headerHeight + titleRow.height, feedback);
    if (pages.isEmpty()) {
        *error = canceled;
        return false;
    }

    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("%1: cannot write the PDF").arg(outPath);
        return false;
    }
    // The collapsed rules of a band of the table [y, y + height): its columns' sides and its bottom line.
    const auto drawRules = [&](qreal y, qreal height) {
        painter.setPen(QPen(Rule, rule));
        const qreal inset = rule / 2;
        for (int c = 0; c <= columns.left.size(); ++c) {
            const qreal x = c == 0 ? inset : c == columns.left.size() ? width - inset : columns.left[c];
            painter.drawLine(QPointF(x, y), QPointF(x, y + height));
        }
        painter.drawLine(QPointF(inset, y + height), QPointF(width - inset, y + height));
    };
    const QString footerLeft = QStringLiteral("QA audit report \u2014 %1 \u2014 %2 \u2014 exported %3")
                                   .arg(QFileInfo(databasePath).fileName(), filter.describe(), exported);
    const QFont footerFont = reportFont(7);
    for (int p = 0; p < pages.size(); ++p) {
        if (feedback) {
            if (feedback->isCanceled()) {
                *error = canceled;
                return false; // the file is not committed: nothing is left behind
            }
            feedback->setProgress(40 + 60.0 * p / pages.size());
        }
        if (p > 0 && !writer.newPage()) {
            *error = QStringLiteral("%1: cannot write the PDF").arg(outPath);
            return false;
        }
        qreal y = 0;
        if (p == 0) {
            title.draw(painter, QPointF(0, 0), 0, title.height());
            y = title.height() + 6 * toDevice;
            for (const RowLayout& row : headerRows) {
                row.draw(painter, headerColumns, 0, row.height, y);
                y += row.height;
            }
            y = headerHeight;
        }
        painter.fillRect(QRectF(0, y, width, titleRow.height), HeaderFill);
        titleRow.draw(painter, columns, 0, titleRow.height, y);
        painter.setPen(QPen(Rule, rule));
        painter.drawLine(QPointF(rule / 2, y), QPointF(width - rule / 2, y));
        drawRules(y, titleRow.height);
        y += titleRow.height;
        for (const Piece& piece : pages[p]) {
            const RowLayout row(entryCells(entries[piece.entry], styles), columns, &writer);
            row.draw(painter, columns, piece.from, piece.to, y);
            drawRules(y, piece.to - piece.from);
            y += piece.to - piece.from;
        }
        if (entries.isEmpty()) {
            const TextBlock none({{QStringLiteral("No audit entry matches the filters."), &styles.subtitle}},
                                 width, &writer);
            none.draw(painter, QPointF(0, y + 4 * toDevice), 0, none.height());
        }

        const QRectF footer(0, pageHeight, width, footerHeight);
        painter.setPen(QPen(Rule, rule));
        painter.drawLine(footer.topLeft() + QPointF(0, footerHeight * 0.25),
                         footer.topRight() + QPointF(0, footerHeight * 0.25));
        painter.setPen(Muted);
        painter.setFont(footerFont);
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

AuditReportPdf::Context AuditReportPdf::Context::of(const TrailCheck& check,
                                                    const QHash<QString, QString>& printedNames)
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

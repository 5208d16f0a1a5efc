// Tool for tests/bench/designer_bench.sh: the mapping designer on a large mapping (offscreen).
//   tb_designer_bench [SOURCES TARGETS LINKS [STEPS]]     defaults 300 120 150 200
// TARGETS is at most EntityDef::MaxFields (256), the field limit of a CTMS entity.
// A synthetic CSV sample with SOURCES columns, a schema entity with TARGETS fields, and a mapping with LINKS
// links. Prints, for that mapping and for a small baseline (6 columns, 6 fields, 2 links) measured the same
// way in the same run:
//   open   construct the designer, open the mapping with its sample, show it and paint it once (median of 5)
//   drag   a link dragged from a source column to a target field: each of STEPS mouse moves followed by a
//          forced paint of the view (median and 95th percentile)
//   scroll the view scrolled top to bottom in STEPS steps, each with a forced paint
// and the ratios large / baseline. Figures, not a pass/fail test.

#include "designer/DesignerScene.h"
#include "designer/FieldItem.h"
#include "designer/MappingDesigner.h"
#include "mapping/MappingModel.h"
#include "model/CtmsSchema.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsView>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace tb;

namespace {

struct Setup
{
    std::shared_ptr<const core::CtmsSchema> schema;
    QString mapping, sample;
    int sources = 0, targets = 0, links = 0;
};

QString field(int i) { return QStringLiteral("field_%1").arg(i, 3, 10, QLatin1Char('0')); }
QString column(int i) { return QStringLiteral("COL_%1").arg(i, 3, 10, QLatin1Char('0')); }

bool write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

Setup make(const QString& dir, const QString& name, int sources, int targets, int links)
{
    Setup s;
    s.sources = sources;
    s.targets = targets;
    s.links = links;
    // One entity with `targets` text fields, the first the key.
    QByteArray fields;
    for (int i = 0; i < targets; ++i)
        fields += (i ? "," : "") + QStringLiteral(R"({"name": "%1", "type": "text", "label": "Field number %2"%3})")
                                      .arg(field(i)).arg(i).arg(i == 0 ? QStringLiteral(R"(, "required": true)") : QString())
                                      .toUtf8();
    const QByteArray schemaJson = R"({"format": "trialbridge.schema/1", "name": "bench", "version": 1, "codelists": {},
        "entities": [{"name": "bench", "label": "Bench", "key": ["field_000"], "fields": [)" + fields + "]}]}";
    QString error;
    s.schema = core::CtmsSchema::fromJson(schemaJson, QStringLiteral("bench.schema.json"), &error);
    if (!s.schema)
        qFatal("schema: %s", qPrintable(error));
    // The sample: a header and one row.
    QStringList header, row;
    for (int i = 0; i < sources; ++i) {
        header << column(i);
        row << QString::number(i);
    }
    s.sample = dir + QLatin1Char('/') + name + QStringLiteral(".csv");
    write(s.sample, (header.join(QLatin1Char(',')) + QLatin1Char('\n') + row.join(QLatin1Char(',')) + QLatin1Char('\n')).toUtf8());
    // Links spread over the whole picture: link k from column (k·7) mod sources to field k mod targets, so
    // that lines cross the view at every height and some fields have two sources.
    QHash<int, QStringList> from;
    for (int k = 0; k < links; ++k)
        from[k % targets] << column((k * 7) % sources);
    QByteArray rules;
    for (int t = 0; t < targets; ++t) {
        if (!from.contains(t))
            continue;
        QStringList quoted;
        for (const QString& c : from.value(t))
            quoted << QLatin1Char('"') + c + QLatin1Char('"');
        rules += (rules.isEmpty() ? "" : ",") + QStringLiteral(R"("%1": {"from": [%2]})").arg(field(t), quoted.join(QLatin1Char(','))).toUtf8();
    }
    s.mapping = dir + QLatin1Char('/') + name + QStringLiteral(".mapping.json");
    write(s.mapping, R"({"format": "trialbridge.mapping/1", "name": "bench", "revision": 1,
        "source": {"kind": "csv", "delimiter": ","}, "target": {"entity": "bench"}, "fields": {)" + rules + "}}");
    return s;
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double percentile95(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<int>(int(v.size()) - 1, int(v.size() * 0.95))];
}

double ms(const QElapsedTimer& t) { return t.nsecsElapsed() / 1e6; }

std::unique_ptr<ui::MappingDesigner> open(const Setup& s, double* millis)
{
    QElapsedTimer t;
    t.start();
    auto d = std::make_unique<ui::MappingDesigner>(s.schema);
    d->resize(1280, 800);
    QString error;
    if (!d->openMapping(s.mapping, s.sample, &error))
        qFatal("open: %s", qPrintable(error));
    d->show();
    if (!QTest::qWaitForWindowExposed(d.get()))
        qFatal("the designer was not exposed");
    d->repaint(); // the first paint, synchronously
    *millis = ms(t);
    if (int(d->model()->links().size()) != s.links || int(d->scene()->linkItems().size()) != s.links)
        qFatal("expected %d links, the designer has %d", s.links, int(d->model()->links().size()));
    return d;
}

struct Figures
{
    double open = 0, moveMedian = 0, dragMedian = 0, drag95 = 0, scrollMedian = 0, scroll95 = 0;
};

Figures measure(const Setup& s, int steps)
{
    Figures f;
    QVector<double> opens;
    for (int i = 0; i < 5; ++i) {
        double t = 0;
        open(s, &t);
        opens << t;
    }
    f.open = median(opens);

    double ignored = 0;
    auto d = open(s, &ignored);
    QGraphicsView* view = d->view();
    QWidget* vp = view->viewport();
    // Drag from the first source column to the last target field in view: the draft link crosses the
    // picture, over every link drawn there.
    ui::FieldItem* from = d->scene()->fieldItems(ui::FieldItem::Side::Source).first();
    ui::FieldItem* to = nullptr;
    const QRectF visible = view->mapToScene(vp->rect()).boundingRect();
    for (ui::FieldItem* t : d->scene()->fieldItems(ui::FieldItem::Side::Target))
        if (visible.contains(t->sceneBoundingRect()))
            to = t;
    if (!to)
        qFatal("no target field in view");
    const QPoint a = view->mapFromScene(from->sceneBoundingRect().center());
    const QPoint b = view->mapFromScene(to->sceneBoundingRect().center());
    QTest::mousePress(vp, Qt::LeftButton, {}, a);
    QVector<double> frames, moves;
    for (int i = 1; i <= steps; ++i) {
        // Back and forth across the picture, so that every step changes the draft.
        const int j = i % 100 <= 50 ? i % 100 : 100 - i % 100;
        const QPoint p = a + (b - a) * j / 50 + QPoint(0, (i % 7) - 3);
        QElapsedTimer t;
        t.start();
        QTest::mouseMove(vp, p);
        moves << ms(t);
        vp->repaint();
        frames << ms(t);
    }
    QTest::mouseRelease(vp, Qt::LeftButton, {}, b);
    if (!d->model()->findLink(from->key(), to->key()))
        qFatal("the drag did not connect %s to %s", qPrintable(from->key()), qPrintable(to->key()));
    f.dragMedian = median(frames);
    f.moveMedian = median(moves);
    f.drag95 = percentile95(frames);

    QScrollBar* bar = view->verticalScrollBar();
    QVector<double> scrolls;
    const int range = bar->maximum() - bar->minimum();
    for (int i = 1; i <= steps; ++i) {
        QElapsedTimer t;
        t.start();
        bar->setValue(bar->minimum() + range * (i % (steps / 2 + 1)) / (steps / 2));
        vp->repaint();
        scrolls << ms(t);
    }
    f.scrollMedian = median(scrolls);
    f.scroll95 = percentile95(scrolls);
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int sources = args.size() > 1 ? args[1].toInt() : 300;
    const int targets = args.size() > 2 ? args[2].toInt() : 120;
    const int links = args.size() > 3 ? args[3].toInt() : 150;
    const int steps = args.size() > 4 ? args[4].toInt() : 200;
    if (sources < 7 || targets < 2 || targets > core::EntityDef::MaxFields || links < 1 || steps < 10) {
        std::fprintf(stderr, "usage: tb_designer_bench [SOURCES TARGETS LINKS [STEPS]] (TARGETS 2..%d: an entity's field limit)\n",
                     core::EntityDef::MaxFields);
        return 2;
    }
    QTemporaryDir dir;
    const Setup large = make(dir.path(), QStringLiteral("large"), sources, targets, links);
    const Setup small = make(dir.path(), QStringLiteral("small"), 6, 6, 2);
    measure(small, steps); // warm-up: fonts, styles, shaders of the raster engine
    const Figures base = measure(small, steps);
    const Figures big = measure(large, steps);
    auto line = [](const char* what, const Setup& s, const Figures& f) {
        std::printf("%-9s %4d sources %4d targets %4d links: open %7.1f ms | drag frame median %6.2f ms (mouse move %5.2f), p95 %6.2f ms"
                    " | scroll frame median %6.2f ms, p95 %6.2f ms\n",
                    what, s.sources, s.targets, s.links, f.open, f.dragMedian, f.moveMedian, f.drag95, f.scrollMedian,
                    f.scroll95);
    };
    line("baseline", small, base);
    line("large", large, big);
    std::printf("ratio large / baseline: open %.1f, drag median %.2f, drag p95 %.2f, scroll median %.2f\n",
                big.open / base.open, big.dragMedian / base.dragMedian, big.drag95 / base.drag95,
                big.scrollMedian / base.scrollMedian);
    std::printf("drag frames per second (median): %.0f\n", big.dragMedian > 0 ? 1000.0 / big.dragMedian : 0.0);
    return 0;
}

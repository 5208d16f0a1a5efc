#include "style/ThemedIcon.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QRegularExpression>
#include <QSvgRenderer>

namespace tb::ui {

namespace {

QString resourcePath(const QString& name)
{
    return QStringLiteral(":/icons/%1.svg").arg(name);
}

// Renders the SVG with currentColor replaced by the colour the palette gives the icon's mode.
class Engine : public QIconEngine
{
public:
    explicit Engine(QString name) : m_name(std::move(name))
    {
        QFile f(resourcePath(m_name));
        if (f.open(QIODevice::ReadOnly))
            m_svg = f.readAll();
    }

    QIconEngine* clone() const override { return new Engine(*this); }
    QString key() const override { return QStringLiteral("tb-themed"); }
    QString iconName() override { return m_name; }
    bool isNull() override { return m_svg.isEmpty(); }
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size() * scale, mode, state, scale));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // size is in device pixels already (QIcon::pixmap multiplies by the ratio).
    QPixmap scaledPixmap(const QSize& pixels, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor colour = colourFor(mode);
        const QString cacheKey = QStringLiteral("%1x%2/%3").arg(pixels.width()).arg(pixels.height()).arg(colour.rgba());
        const auto cached = m_cache.constFind(cacheKey);
        if (cached != m_cache.constEnd())
            return *cached;
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QByteArray svg = m_svg;
        svg.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        QPainter p(&image);
        renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(pixels)));
        p.end();
        QPixmap pm = QPixmap::fromImage(image);
        pm.setDevicePixelRatio(scale);
        m_cache.insert(cacheKey, pm);
        return pm;
    }

private:
    static QColor colourFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled: return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected: return palette.color(QPalette::Active, QPalette::HighlightedText);
        default: return palette.color(QPalette::Active, QPalette::WindowText);
        }
    }

    QString m_name;
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache; // per size and colour: a palette change draws anew
};

} // namespace

QIcon ThemedIcon::get(const QString& name)
{
    if (!exists(name))
        return QIcon();
    return QIcon(new Engine(name));
}

bool ThemedIcon::exists(const QString& name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9-]+$"));
    return valid.match(name).hasMatch() && QFile::exists(resourcePath(name));
}

} // namespace tb::ui

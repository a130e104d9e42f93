#include "ui/app/icons.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>

// Outside any namespace, as Q_INIT_RESOURCE requires.
static void initContactDeskResources()
{
    Q_INIT_RESOURCE(contactdesk);
}

namespace ContactDesk::Ui::Icons {

namespace {

// Renders the SVG text with `currentColor` replaced by the palette's colour for the mode, through
// the SVG image plugin, at the exact pixel size asked for.
class PaletteSvgEngine : public QIconEngine
{
public:
    PaletteSvgEngine(QString name, QByteArray svg, QIcon fallback)
        : m_name(std::move(name))
        , m_svg(std::move(svg))
        , m_fallback(std::move(fallback))
    { }

    QIconEngine* clone() const override { return new PaletteSvgEngine(m_name, m_svg, m_fallback); }
    QString key() const override { return QStringLiteral("ContactDeskPaletteSvg"); }
    QString iconName() override { return m_name; }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(
            rect, scaledPixmap((QSizeF(rect.size()) * scale).toSize(), mode, state, scale));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // `size` is in device pixels: QIcon::pixmap(size, ratio) asks for size * ratio at that ratio.
    QPixmap scaledPixmap(
        const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        const QPalette palette = QGuiApplication::palette();
        const QColor colour = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
        const QSize pixels = size;
        const QString cacheKey = QStringLiteral("cdicon:%1:%2x%3:%4")
                                     .arg(m_name)
                                     .arg(pixels.width())
                                     .arg(pixels.height())
                                     .arg(colour.name(QColor::HexArgb));
        QPixmap result;
        if (QPixmapCache::find(cacheKey, &result))
            return result;
        QByteArray svg = m_svg;
        svg.replace("currentColor", colour.name().toLatin1());
        QBuffer buffer(&svg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(pixels);
        const QImage image = reader.read();
        if (image.isNull())
            return m_fallback.pixmap((QSizeF(size) / scale).toSize(), scale, mode, state);
        result = QPixmap::fromImage(image);
        result.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, result);
        return result;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }

private:
    QString m_name;
    QByteArray m_svg;
    QIcon m_fallback;
};

QByteArray readSvg(const QString& name)
{
    ensureResources();
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool svgSupported()
{
    static const bool supported = QImageReader::supportedImageFormats().contains("svg");
    return supported;
}

} // namespace

void ensureResources()
{
    static const bool done = [] {
        initContactDeskResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon icon(const QString& name, const QIcon& fallback)
{
    const QByteArray svg = readSvg(name);
    if (svg.isEmpty() || !svgSupported())
        return fallback;
    return QIcon(new PaletteSvgEngine(name, svg, fallback));
}

QIcon appIcon()
{
    ensureResources();
    if (!svgSupported())
        return {};
    QIcon icon;
    const QString path = QStringLiteral(":/icons/contactdesk.svg");
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        QImageReader reader(path, "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (!image.isNull())
            icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace ContactDesk::Ui::Icons

#include "ui/app/noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace ContactDesk::Ui {

NoticeBar::NoticeBar(const QString& objectName, QWidget* parent)
    : QFrame(parent)
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // The highlight colour, toned down, marks the bar on light and dark palettes alike.
    QPalette tinted = palette();
    QColor background = tinted.color(QPalette::Highlight);
    background.setAlpha(48);
    tinted.setColor(QPalette::Window, background);
    setPalette(tinted);
    setBackgroundRole(QPalette::Window);

    m_text = new QLabel(this);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_action = new QPushButton(this);
    m_action->setObjectName(objectName + QStringLiteral("Action"));
    m_action->setAutoDefault(false);
    m_close = new QToolButton(this);
    m_close->setObjectName(objectName + QStringLiteral("Close"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Hide this message"));
    m_close->setAccessibleName(tr("Hide this message"));
    m_close->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);

    connect(m_action, &QPushButton::clicked, this, &NoticeBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    hide();
}

void NoticeBar::setMessage(const QString& text, const QString& actionText)
{
    m_text->setText(text);
    setAccessibleName(text);
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
}

void NoticeBar::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

QString NoticeBar::message() const
{
    return m_text->text();
}

} // namespace ContactDesk::Ui

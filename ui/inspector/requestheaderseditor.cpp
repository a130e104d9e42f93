#include "ui/inspector/requestheaderseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

RequestHeadersEditor::RequestHeadersEditor(QWidget* parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("composerHeaders"));
    m_table->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    m_table->setToolTip(tr("Headers sent with the request besides the ones ContactDesk sets "
                           "itself. One named like a default (Accept, User-Agent) replaces it."));
    m_add = new QPushButton(tr("&Add header"), this);
    m_add->setObjectName(QStringLiteral("composerAddHeader"));
    m_remove = new QPushButton(tr("Re&move header"), this);
    m_remove->setObjectName(QStringLiteral("composerRemoveHeader"));
    m_remove->setEnabled(false);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, &RequestHeadersEditor::removeCurrentRow);
    connect(m_table, &QTableWidget::currentCellChanged, this,
        [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_table, &QTableWidget::cellChanged, this, &RequestHeadersEditor::changed);
}

RequestHeadersEditor::Headers RequestHeadersEditor::headers() const
{
    Headers headers;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_table->item(row, column);
            return item ? item->text().trimmed().toUtf8() : QByteArray();
        };
        const QByteArray name = text(0);
        const QByteArray value = text(1);
        if (!name.isEmpty() || !value.isEmpty())
            headers.append({name, value});
    }
    return headers;
}

void RequestHeadersEditor::setHeaders(const Headers& headers)
{
    m_table->setRowCount(0);
    for (const auto& [name, value] : headers)
        addRow(name, value);
    m_remove->setEnabled(m_table->currentRow() >= 0);
    Q_EMIT changed();
}

void RequestHeadersEditor::addRow(const QByteArray& name, const QByteArray& value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(QString::fromUtf8(name)));
    m_table->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
    m_table->setCurrentCell(row, 0);
    Q_EMIT changed();
}

void RequestHeadersEditor::removeCurrentRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    m_remove->setEnabled(m_table->currentRow() >= 0);
    Q_EMIT changed();
}

int RequestHeadersEditor::rowCount() const
{
    return m_table->rowCount();
}

} // namespace ContactDesk::Ui

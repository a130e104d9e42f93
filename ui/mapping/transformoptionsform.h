#pragma once

#include "mapping/transforms.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace ContactDesk::Ui {

// The options of one transform step as a form drawn from its TransformOption list: a line for
// a string, one line per item for a list, a spin box, a check box, a choice, and a two-column
// table (from, to) for a value map. Every edit gives the options anew (optionsChanged); an
// option left at its default is not written, so saved profiles stay small.
class TransformOptionsForm : public QWidget
{
    Q_OBJECT

public:
    explicit TransformOptionsForm(QWidget* parent = nullptr);

    // Shows the form of `info` filled from `options`; null shows "No options".
    void setTransform(const Mapping::TransformInfo* info, const QJsonObject& options);
    QJsonObject options() const;
    // Shows what the checker says about the step, or hides the line when `text` is empty.
    void setProblem(const QString& text);
    // The editor of an option, by its JSON name (tests and the tab order).
    QWidget* editor(const QString& optionName) const { return m_editors.value(optionName); }

Q_SIGNALS:
    void optionsChanged(const QJsonObject& options);

private:
    QWidget* makeEditor(const Mapping::TransformOption& option, const QJsonValue& value);
    QJsonValue valueOf(const Mapping::TransformOption& option) const;
    void clear();
    void emitChanged();

    QFormLayout* m_form = nullptr;
    QLabel* m_none = nullptr;
    QLabel* m_problem = nullptr;
    QList<Mapping::TransformOption> m_options;
    QHash<QString, QWidget*> m_editors;
    bool m_filling = false;
};

} // namespace ContactDesk::Ui

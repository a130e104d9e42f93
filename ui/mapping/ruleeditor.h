#pragma once

#include "mapping/profile.h"
#include "ui/mapping/targetchoices.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace ContactDesk::Ui {

class TransformOptionsForm;

// The form of the rule chosen in the editor: which source columns feed it, its target, its
// field policy, the suggested confidence, and its transform chain (add, remove, move up and
// down, each step's options). Every edit gives the rule anew (ruleChanged).
//
// Keys in the transform list: Del removes the current step, Ctrl+Up and Ctrl+Down move it.
class RuleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleEditor(QWidget* parent = nullptr);

    // The columns of the file (the sources offered) and the targets of the location.
    void setColumns(const QStringList& columns);
    void setTargets(const QList<TargetChoice>& targets);
    // Shows `rule`; null clears and disables the form (no rule chosen).
    void setRule(const Mapping::Rule* rule);
    Mapping::Rule rule() const { return m_rule; }

    QListWidget* transformList() const { return m_transforms; }
    QComboBox* targetCombo() const { return m_target; }
    TransformOptionsForm* optionsForm() const { return m_options; }
    // Adds a step of `op` after the current one and makes it current.
    void addTransform(const QString& op);
    void removeTransform();
    void moveTransform(int by);
    // Makes `target` the rule's target (the editor's target list double-click lands here).
    void setTarget(const Mapping::Target& target);

Q_SIGNALS:
    void ruleChanged(const ContactDesk::Mapping::Rule& rule);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillSources();
    void fillTransforms(int current);
    void showCurrentTransform();
    void updateButtons();
    void emitChanged();
    int targetIndex(const Mapping::Target& target) const;

    QStringList m_columns;
    QList<TargetChoice> m_targets;
    Mapping::Rule m_rule;
    bool m_hasRule = false;
    bool m_filling = false;

    QListWidget* m_sources = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_policy = nullptr;
    QCheckBox* m_replaceTags = nullptr;
    QLabel* m_confidence = nullptr;
    QListWidget* m_transforms = nullptr;
    QComboBox* m_addOp = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    TransformOptionsForm* m_options = nullptr;
};

// The confidence of a suggested rule as the user reads it ("Sure (95 %)", "Likely (70 %)",
// "Guess (40 %)") and its colour cue; a rule the user made reads "Set by you".
QString confidenceText(double confidence);
QColor confidenceColour(double confidence, const QWidget* on);

} // namespace ContactDesk::Ui

#pragma once

#include "auth/oauthflow.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace ContactDesk::Ui {

// Shown when an agency-level sign-in ends with a Company token (OAuthFlow emitted
// locationChoiceNeeded): lists the sub-accounts the app is installed on, filtered as the user
// types (name, address or id). Choosing one calls OAuthFlow::chooseLocation, which trades the
// agency token for that sub-account's; closing the dialog cancels the sign-in.
class LocationPickerDialog : public QDialog
{
    Q_OBJECT

public:
    LocationPickerDialog(Auth::OAuthFlow& flow, const QList<Auth::InstalledLocation>& locations,
        QWidget* parent = nullptr);

    // The selected sub-account's id; empty when none is selected.
    QString selectedId() const;
    // Rows left after the filter.
    int visibleCount() const;

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void locationChosen(const QString& locationId);

private:
    void updateButtons();
    void selectFirst();

    QPointer<Auth::OAuthFlow> m_flow;
    QLineEdit* m_filter = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_count = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace ContactDesk::Ui

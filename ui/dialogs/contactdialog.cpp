#include "ui/dialogs/contactdialog.h"

#include "ui/dialogs/customfieldeditors.h"
#include "ui/dialogs/dialogsupport.h"
#include "ui/dialogs/dndeditor.h"
#include "ui/dialogs/tageditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace ContactDesk::Ui {

namespace {

QString displayName(const Api::Contact& contact)
{
    const QString full = QStringList {contact.firstName, contact.lastName}.join(u' ').trimmed();
    for (const QString& candidate : {contact.name, full, contact.email, contact.phone}) {
        if (!candidate.trimmed().isEmpty())
            return candidate.trimmed();
    }
    return {};
}

void fillCountries(QComboBox* box)
{
    box->addItem(ContactDialog::tr("Not set"), QString());
    QList<std::pair<QString, QString>> countries;
    for (int t = int(QLocale::AnyTerritory) + 1; t <= int(QLocale::LastTerritory); ++t) {
        const auto territory = QLocale::Territory(t);
        const QString code = QLocale::territoryToCode(territory);
        if (code.size() == 2 && code.at(0).isLetter())
            countries.append({QLocale::territoryToString(territory), code});
    }
    std::sort(countries.begin(), countries.end());
    for (const auto& country : std::as_const(countries))
        box->addItem(QStringLiteral("%1 (%2)").arg(country.first, country.second), country.second);
}

} // namespace

ContactDialog::ContactDialog(const QString& defaultRegion, QWidget* parent)
    : QDialog(parent)
    , m_defaultRegion(defaultRegion)
{
    build();
    load(m_original);
    remember();
    revalidate();
}

ContactDialog::ContactDialog(
    const Api::Contact& existing, const QString& defaultRegion, QWidget* parent)
    : QDialog(parent)
    , m_original(existing)
    , m_defaultRegion(defaultRegion)
    , m_editing(true)
{
    build();
    load(m_original);
    remember();
    revalidate();
}

ContactDialog::~ContactDialog()
{
    // Closing a dialog on its way out moves the focus, and a line edit losing it reports that
    // editing finished; nothing here may answer that once the members are gone.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        disconnect(child, nullptr, this, nullptr);
}

void ContactDialog::build()
{
    setObjectName(QStringLiteral("contactDialog"));
    const QString name = displayName(m_original);
    setWindowTitle(!m_editing ? tr("New contact")
            : name.isEmpty()  ? tr("Edit contact")
                              : tr("Edit %1").arg(name));
    setAccessibleName(windowTitle());

    m_duplicateBanner = new QFrame(this);
    m_duplicateBanner->setObjectName(QStringLiteral("duplicateBanner"));
    m_duplicateBanner->setFrameShape(QFrame::StyledPanel);
    m_duplicateBanner->setAccessibleName(tr("Possible duplicate"));
    m_duplicateMessage = new QLabel(m_duplicateBanner);
    m_duplicateMessage->setObjectName(QStringLiteral("duplicateMessage"));
    m_duplicateMessage->setWordWrap(true);
    m_duplicateMessage->setTextFormat(Qt::PlainText);
    m_openExisting = new QPushButton(tr("Open existing"), m_duplicateBanner);
    m_openExisting->setObjectName(QStringLiteral("openExisting"));
    m_openExisting->setAccessibleName(tr("Open the existing contact"));
    m_openExisting->setAutoDefault(false);
    m_createAnyway = new QPushButton(tr("Create anyway"), m_duplicateBanner);
    m_createAnyway->setObjectName(QStringLiteral("createAnyway"));
    m_createAnyway->setAccessibleName(tr("Create the new contact anyway"));
    m_createAnyway->setAutoDefault(false);
    auto* bannerLayout = new QHBoxLayout(m_duplicateBanner);
    bannerLayout->addWidget(m_duplicateMessage, 1);
    bannerLayout->addWidget(m_openExisting);
    bannerLayout->addWidget(m_createAnyway);
    m_duplicateBanner->hide();
    connect(m_openExisting, &QPushButton::clicked, this, [this] {
        if (!m_duplicate)
            return;
        Q_EMIT openExistingRequested(m_duplicate->contactId);
        reject();
    });
    connect(m_createAnyway, &QPushButton::clicked, this, [this] {
        m_duplicateAcknowledged = true;
        accept();
    });

    m_generalErrors = makeMessageLabel(
        this, QStringLiteral("serverErrors"), tr("Problems HighLevel reported with the contact"));

    // Person.
    auto* person = new QGroupBox(tr("Person"), this);
    auto* personForm = new QFormLayout(person);
    const auto addTo = [this](QFormLayout* form, const QString& label, QWidget* editor,
                           const QString& key, QList<QLabel*> extra = {}) {
        auto* caption = new QLabel(label, form->parentWidget());
        caption->setBuddy(editor);
        form->addRow(caption, withMessages(editor, key, std::move(extra)));
    };
    m_firstName = addLine(QStringLiteral("firstName"), &Api::Contact::firstName, tr("First name"));
    m_lastName = addLine(QStringLiteral("lastName"), &Api::Contact::lastName, tr("Last name"));
    m_email = addLine(QStringLiteral("email"), &Api::Contact::email, tr("Email address"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_emailError = makeMessageLabel(
        this, QStringLiteral("emailError"), tr("Problem with the email address"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setAccessibleName(tr("Phone number"));
    m_phoneError
        = makeMessageLabel(this, QStringLiteral("phoneError"), tr("Problem with the phone number"));
    m_phoneHint = makeHintLabel(
        this, QStringLiteral("phoneNormalized"), tr("Phone number as it will be saved"));
    addTo(personForm, requiredLabel(tr("&First name")), m_firstName, QStringLiteral("firstName"));
    m_serverSlots.insert(QStringLiteral("name"), m_serverSlots.value(QStringLiteral("firstName")));
    addTo(personForm, requiredLabel(tr("&Last name")), m_lastName, QStringLiteral("lastName"));
    addTo(
        personForm, requiredLabel(tr("&Email")), m_email, QStringLiteral("email"), {m_emailError});
    addTo(personForm, requiredLabel(tr("&Phone")), m_phone, QStringLiteral("phone"),
        {m_phoneError, m_phoneHint});

    m_dateOfBirthKnown = new QCheckBox(tr("Known"), this);
    m_dateOfBirthKnown->setObjectName(QStringLiteral("dateOfBirthKnown"));
    m_dateOfBirthKnown->setAccessibleName(tr("Date of birth is known"));
    m_dateOfBirth = new QDateEdit(this);
    m_dateOfBirth->setObjectName(QStringLiteral("dateOfBirthEdit"));
    m_dateOfBirth->setAccessibleName(tr("Date of birth"));
    m_dateOfBirth->setDisplayFormat(dateEditFormat());
    m_dateOfBirth->setCalendarPopup(true);
    m_dateOfBirth->setMinimumDate(QDate(1900, 1, 1));
    m_dateOfBirth->setEnabled(false);
    auto* dateRow = new QWidget(this);
    auto* dateLayout = new QHBoxLayout(dateRow);
    dateLayout->setContentsMargins(0, 0, 0, 0);
    dateLayout->addWidget(m_dateOfBirthKnown);
    dateLayout->addWidget(m_dateOfBirth, 1);
    connect(m_dateOfBirthKnown, &QCheckBox::toggled, m_dateOfBirth, &QWidget::setEnabled);
    addTo(personForm, tr("Date of &birth"), dateRow, QStringLiteral("dateOfBirth"));
    QLineEdit* source = addLine(
        QStringLiteral("source"), &Api::Contact::source, tr("Where the contact came from"));
    source->setPlaceholderText(tr("e.g. Trade show"));
    addTo(personForm, tr("&Source"), source, QStringLiteral("source"));
    m_assignee = new QComboBox(this);
    m_assignee->setObjectName(QStringLiteral("assigneeCombo"));
    m_assignee->setAccessibleName(tr("Assigned to"));
    fillAssignees(m_original.assignedTo);
    addTo(personForm, tr("Assi&gned to"), m_assignee, QStringLiteral("assignedTo"));

    auto* tagsBox = new QGroupBox(tr("Tags"), this);
    m_tags = new TagEditor(tagsBox);
    auto* tagsLayout = new QVBoxLayout(tagsBox);
    tagsLayout->addWidget(withMessages(m_tags, QStringLiteral("tags")));

    // Company and address.
    auto* place = new QGroupBox(tr("Company and address"), this);
    auto* placeForm = new QFormLayout(place);
    m_company = addLine(QStringLiteral("companyName"), &Api::Contact::companyName, tr("Company"));
    QList<QLabel*> companyNotes;
    if (m_editing) {
        // The update DTO has no companyName; an edit here would be dropped without a word.
        m_company->setReadOnly(true);
        QLabel* note = makeHintLabel(
            this, QStringLiteral("companyReadOnly"), tr("Why the company cannot be changed"));
        setMessage(note, tr("HighLevel takes the company only when a contact is created."));
        companyNotes.append(note);
    }
    addTo(placeForm, tr("&Company"), m_company, QStringLiteral("companyName"), companyNotes);
    const auto addPlaceLine = [&](const QString& key, QString Api::Contact::*member,
                                  const QString& label, const QString& accessible) {
        addTo(placeForm, label, addLine(key, member, accessible), key);
    };
    addPlaceLine(
        QStringLiteral("address1"), &Api::Contact::address1, tr("&Address"), tr("Street address"));
    addPlaceLine(QStringLiteral("city"), &Api::Contact::city, tr("Cit&y"), tr("City"));
    addPlaceLine(
        QStringLiteral("state"), &Api::Contact::state, tr("S&tate or region"), tr("State"));
    addPlaceLine(QStringLiteral("postalCode"), &Api::Contact::postalCode, tr("P&ostal code"),
        tr("Postal code"));
    m_country = new QComboBox(this);
    m_country->setObjectName(QStringLiteral("countryCombo"));
    m_country->setAccessibleName(tr("Country"));
    fillCountries(m_country);
    addTo(placeForm, tr("Cou&ntry"), m_country, QStringLiteral("country"));
    addPlaceLine(QStringLiteral("website"), &Api::Contact::website, tr("&Website"), tr("Website"));

    auto* dndBox = new QGroupBox(tr("Do not disturb"), this);
    m_dnd = new DndEditor(dndBox);
    auto* dndLayout = new QVBoxLayout(dndBox);
    dndLayout->addWidget(withMessages(m_dnd, QStringLiteral("dndSettings")));
    m_serverSlots.insert(QStringLiteral("dnd"), m_serverSlots.value(QStringLiteral("dndSettings")));
    m_serverSlots.insert(
        QStringLiteral("inboundDndSettings"), m_serverSlots.value(QStringLiteral("dndSettings")));

    // Custom fields: filled by setLocationLists(), hidden while the location has none.
    auto* customGroup = new QGroupBox(tr("Custom fields"), this);
    customGroup->setObjectName(QStringLiteral("customFieldsBox"));
    auto* customScroll = new QScrollArea(customGroup);
    customScroll->setWidgetResizable(true);
    customScroll->setFrameShape(QFrame::NoFrame);
    auto* customPage = new QWidget(customScroll);
    m_customForm = new QFormLayout(customPage);
    m_customForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    customScroll->setWidget(customPage);
    auto* customLayout = new QVBoxLayout(customGroup);
    customLayout->addWidget(customScroll);
    customGroup->setMinimumWidth(320);
    customGroup->hide();
    m_customBox = customGroup;

    m_requiredNote = new QLabel(
        tr("* Enter at least one of these: a first or last name, an email address or a phone "
           "number."),
        this);
    m_requiredNote->setObjectName(QStringLiteral("requiredNote"));
    m_requiredNote->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    nameStandardButtons(m_buttons, m_editing ? tr("Save") : tr("Create contact"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);

    auto* left = new QVBoxLayout;
    left->addWidget(person);
    left->addWidget(tagsBox);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(place);
    right->addWidget(dndBox);
    right->addStretch(1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    columns->addWidget(m_customBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_duplicateBanner);
    layout->addWidget(m_generalErrors);
    layout->addLayout(columns, 1);
    layout->addWidget(m_requiredNote);
    layout->addWidget(m_buttons);

    QList<QWidget*> order {m_firstName, m_lastName, m_email, m_phone, m_dateOfBirthKnown,
        m_dateOfBirth, source, m_assignee, m_tags, m_company};
    for (const TextRow& row : std::as_const(m_textRows)) {
        if (row.key == QLatin1StringView("address1") || row.key == QLatin1StringView("city")
            || row.key == QLatin1StringView("state") || row.key == QLatin1StringView("postalCode"))
            order.append(row.edit);
    }
    order << m_country << m_serverSlots.value(QStringLiteral("website")).editor
          << m_dnd->allChannels();
    for (const Api::DndChannel channel : Api::DndSettings::allChannels)
        order << m_dnd->channel(channel);
    order << okButton(m_buttons) << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    // Watching the user's edits: validation, and server messages that no longer apply.
    for (const TextRow& row : std::as_const(m_textRows)) {
        const QString key = row.key;
        connect(row.edit, &QLineEdit::textChanged, this, &ContactDialog::revalidate);
        connect(row.edit, &QLineEdit::textEdited, this, [this, key] { clearServerError(key); });
    }
    connect(m_email, &QLineEdit::textEdited, this, [this] { hideDuplicate(); });
    connect(m_email, &QLineEdit::editingFinished, this, [this] {
        m_emailTouched = true;
        revalidate();
        if (!m_editing)
            checkDuplicate();
    });
    connect(m_phone, &QLineEdit::textChanged, this, &ContactDialog::revalidate);
    connect(m_phone, &QLineEdit::textEdited, this, [this] {
        m_phoneEdited = true;
        clearServerError(QStringLiteral("phone"));
        hideDuplicate();
    });
    connect(m_phone, &QLineEdit::editingFinished, this, [this] {
        m_phoneTouched = true;
        normalisePhone();
        revalidate();
        if (!m_editing)
            checkDuplicate();
    });
    connect(m_country, &QComboBox::currentIndexChanged, this, [this] {
        clearServerError(QStringLiteral("country"));
        revalidate();
    });
    connect(m_dateOfBirthKnown, &QCheckBox::toggled, this, [this] {
        clearServerError(QStringLiteral("dateOfBirth"));
        revalidate();
    });
    connect(m_dateOfBirth, &QDateEdit::dateChanged, this, [this] {
        clearServerError(QStringLiteral("dateOfBirth"));
        revalidate();
    });
    connect(m_assignee, &QComboBox::currentIndexChanged, this, [this] {
        clearServerError(QStringLiteral("assignedTo"));
        revalidate();
    });
    connect(m_tags, &TagEditor::tagsChanged, this, [this] {
        clearServerError(QStringLiteral("tags"));
        revalidate();
    });
    connect(m_tags->lineEdit(), &QLineEdit::textChanged, this, &ContactDialog::revalidate);
    connect(m_dnd, &DndEditor::changed, this, [this] {
        clearServerError(QStringLiteral("dndSettings"));
        revalidate();
    });
}

QLineEdit* ContactDialog::addLine(
    const QString& key, QString Api::Contact::*member, const QString& accessibleName)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(key + QStringLiteral("Edit"));
    edit->setAccessibleName(accessibleName);
    m_textRows.append({key, member, edit, {}});
    return edit;
}

QWidget* ContactDialog::withMessages(QWidget* editor, const QString& key, QList<QLabel*> extra)
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    for (QLabel* label : std::as_const(extra))
        layout->addWidget(label);
    addServerSlot(key, editor);
    layout->addWidget(m_serverSlots.value(key).label);
    return box;
}

void ContactDialog::addServerSlot(const QString& key, QWidget* editor)
{
    QLabel* label = makeMessageLabel(this, key + QStringLiteral("ServerError"),
        tr("HighLevel's message about %1").arg(fieldDisplayName(key)));
    m_serverSlots.insert(key, {label, editor});
}

} // namespace ContactDesk::Ui

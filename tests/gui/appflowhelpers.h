#pragma once

// Small steps the app-level GUI tests share: typing into a dialog's fields and pressing its
// buttons the way a user does.

#include <QAbstractButton>
#include <QDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

namespace AppFlowTest {

// Replaces the text of the line edit `objectName` in `dialog` by typing it.
inline bool type(QWidget* dialog, const char* objectName, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(QString::fromLatin1(objectName));
    if (!edit)
        return false;
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    return edit->text() == text;
}

inline bool typePlain(QWidget* dialog, const char* objectName, const QString& text)
{
    auto* edit = dialog->findChild<QPlainTextEdit*>(QString::fromLatin1(objectName));
    if (!edit)
        return false;
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    return edit->toPlainText() == text;
}

inline bool press(QWidget* in, const char* objectName)
{
    auto* button = in->findChild<QAbstractButton*>(QString::fromLatin1(objectName));
    if (!button || !button->isEnabled())
        return false;
    button->click();
    return true;
}

} // namespace AppFlowTest

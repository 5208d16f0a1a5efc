#pragma once

#include "settings/ConsoleSettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace tb::ui {

// Edit ▸ Settings…: the language (used from the next start), the theme (applied at once, taken back by
// Cancel) and the designer's preview row count, kept in QSettings through ConsoleSettings.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    QComboBox* themeBox() const { return m_theme; }
    QSpinBox* previewRowsBox() const { return m_previewRows; }
    QLabel* restartNote() const { return m_restartNote; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    void accept() override;
    void reject() override;

private:
    ConsoleSettings::Theme selectedTheme() const;

    QComboBox* m_language;
    QComboBox* m_theme;
    QSpinBox* m_previewRows;
    QLabel* m_restartNote;
    QDialogButtonBox* m_buttons;
    ConsoleSettings::Theme m_initialTheme;
};

} // namespace tb::ui

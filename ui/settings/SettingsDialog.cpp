#include "settings/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace tb::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent), m_initialTheme(ConsoleSettings::theme())
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("languageBox"));
    // Each language under its own name, so that it can be found whatever the current one.
    const QStringList names{tr("System"), QStringLiteral("English"), QStringLiteral("Deutsch"),
                            QStringLiteral("Русский")};
    const QStringList codes = ConsoleSettings::languages();
    for (int i = 0; i < codes.size(); ++i)
        m_language->addItem(names[i], codes[i]);
    m_language->setCurrentIndex(qMax(0, m_language->findData(ConsoleSettings::language())));

    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System"), int(ConsoleSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(ConsoleSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(ConsoleSettings::Theme::Dark));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(m_initialTheme))));

    m_previewRows = new QSpinBox;
    m_previewRows->setObjectName(QStringLiteral("previewRowsBox"));
    m_previewRows->setRange(1, 100000);
    m_previewRows->setValue(ConsoleSettings::previewRows());
    m_previewRows->setToolTip(tr("Rows of a source sample the mapping designer shows"));

    m_restartNote = new QLabel(tr("The new language is used when TrialBridge is started again."));
    m_restartNote->setObjectName(QStringLiteral("restartNote"));
    m_restartNote->setWordWrap(true);
    m_restartNote->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_restartNote);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Preview rows:"), m_previewRows);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    // Room for the restart note on one or two lines in every language.
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        m_restartNote->setVisible(m_language->currentData().toString() != ConsoleSettings::language());
    });
    // A theme is seen at once; Cancel takes it back.
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] { ConsoleSettings::applyTheme(selectedTheme()); });
}

ConsoleSettings::Theme SettingsDialog::selectedTheme() const
{
    return ConsoleSettings::Theme(m_theme->currentData().toInt());
}

void SettingsDialog::accept()
{
    ConsoleSettings::setLanguage(m_language->currentData().toString());
    ConsoleSettings::setTheme(selectedTheme());
    ConsoleSettings::setPreviewRows(m_previewRows->value());
    m_initialTheme = selectedTheme();
    QDialog::accept();
}

void SettingsDialog::reject()
{
    if (selectedTheme() != m_initialTheme)
        ConsoleSettings::applyTheme(m_initialTheme);
    QDialog::reject();
}

} // namespace tb::ui

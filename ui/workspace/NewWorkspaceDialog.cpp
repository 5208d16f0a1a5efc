#include "workspace/NewWorkspaceDialog.h"

#include "workspace/DemoStudyGenerator.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tb::ui {

NewWorkspaceDialog::NewWorkspaceDialog(const QString& parentDir, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("New Workspace"));
    setObjectName(QStringLiteral("newWorkspaceDialog"));
    m_parent = new QLineEdit(QDir::toNativeSeparators(parentDir));
    m_parent->setObjectName(QStringLiteral("parentDir"));
    auto* browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browse"));
    auto* parentRow = new QHBoxLayout;
    parentRow->addWidget(m_parent, 1);
    parentRow->addWidget(browse);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. study-abc-123"));
    m_demo = new QCheckBox(tr("Fill with the &demo study"));
    m_demo->setObjectName(QStringLiteral("demo"));
    m_demo->setToolTip(tr("A synthetic study exported as EDC CSV files, with its mappings, study document and "
                          "pipeline into an embedded SQLite CTMS"));
    m_subjects = new QSpinBox;
    m_subjects->setObjectName(QStringLiteral("subjects"));
    m_subjects->setRange(1, 5000);
    m_subjects->setValue(200);
    m_subjects->setSuffix(tr(" subjects"));
    m_subjects->setEnabled(false);
    auto* demoRow = new QHBoxLayout;
    demoRow->addWidget(m_demo);
    demoRow->addWidget(m_subjects);
    demoRow->addStretch();
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("create"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Location:"), parentRow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), demoRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);

    connect(browse, &QPushButton::clicked, this, &NewWorkspaceDialog::browse);
    connect(m_parent, &QLineEdit::textChanged, this, &NewWorkspaceDialog::revalidate);
    connect(m_name, &QLineEdit::textChanged, this, &NewWorkspaceDialog::revalidate);
    connect(m_demo, &QCheckBox::toggled, m_subjects, &QWidget::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewWorkspaceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_create->setDefault(true); // once it is inside the dialog: the dialog keeps track of its default button
    m_name->setFocus();
    revalidate();
}

QString NewWorkspaceDialog::targetDir(QString* problem) const
{
    auto fail = [problem](const QString& why) {
        if (problem)
            *problem = why;
        return QString();
    };
    const QString parentDir = QDir::fromNativeSeparators(m_parent->text().trimmed());
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return fail(tr("Enter a name for the workspace folder."));
    // One folder name: no separators, no "." or "..", nothing a file system refuses or a shell misreads.
    static const QRegularExpression invalid(QStringLiteral(R"([/\\:*?"<>|\x00-\x1f]|^\.+$)"));
    if (invalid.match(name).hasMatch())
        return fail(tr("The name '%1' cannot be a folder name: leave out / \\ : * ? \" < > | and control characters.")
                        .arg(name));
    const QFileInfo parentInfo(parentDir);
    if (parentDir.isEmpty() || !parentInfo.isDir())
        return fail(tr("The location '%1' is not an existing folder.").arg(QDir::toNativeSeparators(parentDir)));
    if (!parentInfo.isWritable())
        return fail(tr("The location '%1' is not writable.").arg(QDir::toNativeSeparators(parentDir)));
    const QString dir = QDir(parentDir).absoluteFilePath(name);
    const QFileInfo target(dir);
    if (target.exists() && !(target.isDir() && QDir(dir).isEmpty()))
        return fail(tr("'%1' already exists and is not an empty folder: choose another name.")
                        .arg(QDir::toNativeSeparators(dir)));
    if (problem)
        problem->clear();
    return dir;
}

void NewWorkspaceDialog::browse()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Location of the New Workspace"), m_parent->text());
    if (!chosen.isEmpty())
        m_parent->setText(QDir::toNativeSeparators(chosen));
}

void NewWorkspaceDialog::revalidate()
{
    QString problem;
    const bool valid = !targetDir(&problem).isEmpty();
    // An empty name is the starting state, not an error worth red text.
    m_problem->setText(m_name->text().trimmed().isEmpty() ? QString() : problem);
    m_create->setEnabled(valid);
}

void NewWorkspaceDialog::accept()
{
    QString problem;
    const QString dir = targetDir(&problem);
    if (dir.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    QString error;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    bool ok = QDir().mkpath(dir);
    if (!ok)
        error = tr("Cannot create the folder '%1'.").arg(QDir::toNativeSeparators(dir));
    if (ok && m_demo->isChecked()) {
        core::DemoStudyGenerator::Options options;
        options.subjects = m_subjects->value();
        options.sites = qMin(12, qMax(1, m_subjects->value() / 10));
        ok = core::DemoStudyGenerator(options).write(dir, &error);
    }
    if (ok)
        ok = !core::Workspace(dir).ensureId(&error).isEmpty();
    QGuiApplication::restoreOverrideCursor();
    if (!ok) {
        m_problem->setText(error);
        return;
    }
    m_created = dir;
    QDialog::accept();
}

} // namespace tb::ui

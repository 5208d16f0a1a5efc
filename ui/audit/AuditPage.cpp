#include "audit/AuditPage.h"

#include "audit/AuditTrailPanel.h"
#include "audit/RevisionsPanel.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tb::ui {

AuditPage::AuditPage(QWidget* parent) : QWidget(parent)
{
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("auditTarget"));
    m_target->setAccessibleName(tr("Target database"));
    m_trail = new AuditTrailPanel;
    m_revisions = new RevisionsPanel;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_trail, tr("Audit &trail"));
    m_tabs->addTab(m_revisions, tr("&Mapping revisions"));
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("Target:"));
    label->setBuddy(m_target);
    top->addWidget(label);
    top->addWidget(m_target, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    connect(m_target, &QComboBox::currentIndexChanged, this, &AuditPage::targetChosen);
    // An act of change control is an audit entry too.
    connect(m_revisions, &RevisionsPanel::changed, m_trail, &AuditTrailPanel::refresh);
}

void AuditPage::setWorkspace(const QString& workspace, const QStringList& databases)
{
    m_workspace = workspace;
    const QSignalBlocker block(m_target);
    m_target->clear();
    for (const QString& db : databases)
        m_target->addItem(QDir(workspace).relativeFilePath(db), db);
    targetChosen();
}

void AuditPage::setSecrets(WorkspaceSecrets* secrets)
{
    m_revisions->setSecrets(secrets);
}

void AuditPage::refresh()
{
    m_trail->refresh();
    m_revisions->refresh();
}

void AuditPage::targetChosen()
{
    const QString db = m_target->currentData().toString();
    m_trail->setDatabase(db, m_workspace);
    m_revisions->setDatabase(db, m_workspace);
}

} // namespace tb::ui

#include "audit/RevisionsPanel.h"

#include "audit/AuditSigner.h"
#include "changecontrol/ChangeControl.h"
#include "changecontrol/MappingRevisionModel.h"
#include "esign/ElectronicSignature.h"
#include "esign/SignDialog.h"
#include "load/CtmsDatabase.h"
#include "mapping/MappingDiff.h"
#include "mapping/MappingDocument.h"
#include "run/PipelineRunner.h"
#include "secrets/WorkspaceSecrets.h"
#include "style/ReadOnlyTable.h"
#include "util/Clock.h"
#include "util/Crypto.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb::ui {

using core::ChangeControl;
using core::ElectronicSignature;
using core::MappingRevision;

namespace {

QTableWidget* makeTable(const QStringList& headers, const QString& name)
{
    QTableWidget* t = readOnlyTable(headers, name);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->horizontalHeader()->setMaximumSectionSize(280);
    return t;
}

void addRow(QTableWidget* t, const QStringList& cells)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        item->setToolTip(cells[c]); // paths and values longer than their column
        t->setItem(row, c, item);
    }
}

QString valueText(const QJsonValue& v)
{
    if (v.isUndefined())
        return {};
    if (v.isString())
        return v.toString();
    QJsonArray a{v};
    const QByteArray json = QJsonDocument(a).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// A first revision has nothing to differ from: every value in it is shown as added.
void addLeaves(QTableWidget* t, const QString& kind, const QString& path, const QJsonValue& v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addLeaves(t, kind, path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), it.value());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addLeaves(t, kind, QStringLiteral("%1[%2]").arg(path).arg(i), a[i]);
    } else {
        addRow(t, {kind, path, QString(), valueText(v)});
    }
}


ElectronicSignature signatureOf(const RevisionsPanel::Signer& s, ElectronicSignature::Meaning meaning,
                                const QByteArray& contentHash, const QString& subject)
{
    ElectronicSignature sig;
    sig.meaning = meaning;
    sig.contentHash = contentHash;
    sig.subject = subject;
    sig.comment = s.comment;
    sig.signedUtc = core::toIsoUtc(core::Clock::system().nowUtc());
    sig.signerId = s.user.id;
    sig.printedName = s.user.printedName;
    sig.role = core::UserAccount::roleName(s.user.role);
    sig.signWith(*s.key);
    return sig;
}

} // namespace

RevisionsPanel::RevisionsPanel(QWidget* parent) : QWidget(parent), m_model(new core::MappingRevisionModel(this))
{
    m_required = new QLabel;
    m_required->setObjectName(QStringLiteral("approvalRequired"));
    m_required->setWordWrap(true);
    m_revisions = new QTableView;
    m_revisions->setObjectName(QStringLiteral("revisionTable"));
    m_revisions->setModel(m_model);
    m_revisions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_revisions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_revisions->verticalHeader()->setVisible(false);
    m_revisions->verticalHeader()->setDefaultSectionSize(m_revisions->fontMetrics().height() + 6);
    m_revisions->horizontalHeader()->setStretchLastSection(true);
    m_signatures = makeTable({tr("Time (UTC)"), tr("Meaning"), tr("Signed by"), tr("Role"), tr("Comment")},
                             QStringLiteral("signatureTable"));
    m_diff = makeTable({tr("Change"), tr("Where"), tr("Before"), tr("After")}, QStringLiteral("revisionDiff"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("revisionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    const QList<std::pair<QString, QString>> actions{
        {QStringLiteral("submit"), tr("&Submit for review…")}, {QStringLiteral("review"), tr("Re&view…")},
        {QStringLiteral("approve"), tr("A&pprove…")},          {QStringLiteral("reject"), tr("Re&ject…")},
        {QStringLiteral("retire"), tr("Re&tire…")},            {QStringLiteral("require"), tr("Require appro&val…")}};
    for (const auto& [name, label] : actions) {
        auto* b = new QPushButton(label);
        b->setObjectName(name + QStringLiteral("Revision"));
        buttons->addWidget(b);
        m_buttons << b;
    }
    buttons->addStretch(1);
    connect(button(QStringLiteral("submit")), &QPushButton::clicked, this, &RevisionsPanel::chooseAndSubmit);
    connect(button(QStringLiteral("review")), &QPushButton::clicked, this, &RevisionsPanel::review);
    connect(button(QStringLiteral("approve")), &QPushButton::clicked, this, &RevisionsPanel::approve);
    connect(button(QStringLiteral("reject")), &QPushButton::clicked, this, &RevisionsPanel::reject);
    connect(button(QStringLiteral("retire")), &QPushButton::clicked, this, &RevisionsPanel::retire);
    connect(button(QStringLiteral("require")), &QPushButton::clicked, this, &RevisionsPanel::requireApproval);

    auto* details = new QSplitter(Qt::Horizontal);
    auto* sigBox = new QWidget;
    auto* sigLayout = new QVBoxLayout(sigBox);
    sigLayout->setContentsMargins(0, 0, 0, 0);
    sigLayout->addWidget(new QLabel(tr("Signatures")));
    sigLayout->addWidget(m_signatures);
    auto* diffBox = new QWidget;
    auto* diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(new QLabel(tr("Changes from the revision before")));
    diffLayout->addWidget(m_diff);
    details->addWidget(sigBox);
    details->addWidget(diffBox);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_revisions);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_required);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    connect(m_revisions->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RevisionsPanel::showRevision);
    updateButtons();
}

QPushButton* RevisionsPanel::button(const QString& action) const
{
    for (QPushButton* b : m_buttons)
        if (b->objectName() == action + QStringLiteral("Revision"))
            return b;
    return nullptr;
}

void RevisionsPanel::setDatabase(const QString& databasePath, const QString& workspace)
{
    m_database = databasePath;
    m_workspace = workspace;
    m_message->clear();
    refresh();
}

void RevisionsPanel::refresh()
{
    const QModelIndex current = m_revisions->currentIndex();
    const QString mapping = current.isValid() ? m_model->revision(current.row()).mapping : QString();
    const int revision = current.isValid() ? m_model->revision(current.row()).revision : 0;
    QString error;
    if (m_database.isEmpty() || !m_model->load(m_database, &error)) {
        m_model->clear();
        if (!error.isEmpty())
            say(error, true);
    }
    m_required->setText(m_model->approvalRequired()
                            ? tr("Production runs into this target use approved mapping revisions only.")
                            : tr("Production runs into this target do not require approved mappings yet."));
    fitColumnsToContents(m_revisions);
    const int row = m_model->rowOf(mapping, revision);
    if (row >= 0)
        m_revisions->selectRow(row);
    showRevision();
}

void RevisionsPanel::showRevision()
{
    m_signatures->setRowCount(0);
    m_diff->setRowCount(0);
    updateButtons();
    const QModelIndex current = m_revisions->currentIndex();
    if (!current.isValid())
        return;
    for (const ElectronicSignature& s : m_model->signatures(current.row()))
        addRow(m_signatures, {s.signedUtc, ElectronicSignature::meaningName(s.meaning),
                              QStringLiteral("%1 (%2)").arg(s.printedName, s.signerId), s.role, s.comment});
    const MappingRevision& r = m_model->revision(current.row());
    const int previous = m_model->previousRevisionRow(current.row());
    const QJsonObject after = QJsonDocument::fromJson(r.document).object();
    if (previous < 0)
        addLeaves(m_diff, tr("added"), QString(), after);
    const QJsonObject before = previous >= 0 ? QJsonDocument::fromJson(m_model->revision(previous).document).object() : after;
    for (const core::MappingDiff::Change& c : core::MappingDiff::diff(before, after)) {
        const QString kind = c.kind == core::MappingDiff::Change::Kind::Added   ? tr("added")
                           : c.kind == core::MappingDiff::Change::Kind::Removed ? tr("removed")
                                                                                : tr("changed");
        addRow(m_diff, {kind, c.path, valueText(c.before), valueText(c.after)});
    }
    fitColumnsToContents(m_signatures);
    fitColumnsToContents(m_diff);
}

void RevisionsPanel::updateButtons()
{
    const QModelIndex current = m_revisions->currentIndex();
    const bool open = !m_database.isEmpty();
    const auto state = current.isValid() ? m_model->revision(current.row()).state : MappingRevision::State::Rejected;
    const bool inReview = current.isValid() && state == MappingRevision::State::InReview;
    button(QStringLiteral("submit"))->setEnabled(open);
    button(QStringLiteral("review"))->setEnabled(inReview);
    button(QStringLiteral("approve"))->setEnabled(inReview);
    button(QStringLiteral("reject"))->setEnabled(inReview);
    button(QStringLiteral("retire"))->setEnabled(current.isValid() && state == MappingRevision::State::Approved);
    button(QStringLiteral("require"))->setEnabled(open && !m_model->approvalRequired());
}

void RevisionsPanel::say(const QString& text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    m_message->setText(text);
}

void RevisionsPanel::perform(const QString& title, const QString& statement, bool commentRequired, Act act)
{
    if (!m_secrets || !m_secrets->store()) {
        say(tr("The secret store is not open: open it (status bar) to sign."), true);
        return;
    }
    auto* dialog = new SignDialog(m_secrets->store(), m_workspace, title, statement, commentRequired, this);
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    QPointer<RevisionsPanel> self(this);
    connect(dialog, &QDialog::accepted, this, [self, dialog, act] {
        Signer signer{dialog->user(), dialog->key(), dialog->comment()};
        self->m_secrets->auditSigner(QDir(self->m_workspace).filePath(QStringLiteral("trialbridge.workspace.json")),
                                     [self, signer, act](std::shared_ptr<const core::AuditSigner> key, const QString& error) {
                                         if (!self)
                                             return;
                                         const QString problem = key ? act(signer, key) : error;
                                         self->refresh();
                                         if (!problem.isEmpty()) {
                                             self->say(problem, true);
                                             return;
                                         }
                                         self->say(tr("Done: signed by %1 (%2).").arg(signer.user.printedName, signer.user.id), false);
                                         emit self->changed();
                                     });
    });
    dialog->open();
}

void RevisionsPanel::chooseAndSubmit()
{
    QStringList files = QDir(m_workspace).entryList({QStringLiteral("*.mapping.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        say(tr("The workspace has no mapping documents."), true);
        return;
    }
    bool ok = false;
    const QString file = QInputDialog::getItem(this, tr("Submit for review"), tr("Mapping:"), files, 0, false, &ok);
    if (ok)
        submit(QDir(m_workspace).filePath(file));
}

void RevisionsPanel::submit(const QString& mappingFile)
{
    core::MappingDocument doc;
    QString error;
    if (!core::MappingDocument::load(mappingFile, &doc, &error))
        return say(error, true);
    MappingRevision r;
    r.mapping = doc.name;
    r.revision = doc.revision;
    r.file = QFileInfo(mappingFile).fileName();
    const QString db = m_database;
    perform(tr("Submit for review"),
            tr("You submit %1 for review. The revision is frozen and signed by you as its author.").arg(r.subject()), false,
            [doc, r, db](const Signer& s, std::shared_ptr<const core::AuditSigner> key) {
                ElectronicSignature sig =
                    signatureOf(s, ElectronicSignature::Meaning::Authored, core::crypto::blake2b(doc.toJsonBytes()), r.subject());
                core::CtmsDatabase target;
                MappingRevision stored;
                QString e;
                if (!target.open(db, &e)
                    || !ChangeControl::submit(target, doc, r.file, sig, key, core::PipelineRunner::currentUser(), &stored, &e))
                    return e;
                return QString();
            });
}

void RevisionsPanel::decide(ElectronicSignature::Meaning meaning)
{
    const QModelIndex current = m_revisions->currentIndex();
    if (!current.isValid())
        return;
    const MappingRevision r = m_model->revision(current.row());
    using Meaning = ElectronicSignature::Meaning;
    const QString title = meaning == Meaning::Reviewed ? tr("Review") : meaning == Meaning::Approved ? tr("Approve") : tr("Reject");
    const QString statement =
        meaning == Meaning::Reviewed ? tr("You sign that you reviewed %1.").arg(r.subject())
        : meaning == Meaning::Approved
            ? tr("You approve %1 for production runs. Your signature binds its content (%2…).")
                  .arg(r.subject(), QString::fromLatin1(r.contentHash.toHex().left(16)))
            : tr("You reject %1.").arg(r.subject());
    const QString db = m_database;
    perform(title, statement, meaning == ElectronicSignature::Meaning::Rejected,
            [r, meaning, db](const Signer& s, std::shared_ptr<const core::AuditSigner> key) {
                ElectronicSignature sig = signatureOf(s, meaning, r.contentHash, r.subject());
                core::CtmsDatabase target;
                MappingRevision stored;
                QStringList retired;
                QString e;
                if (!target.open(db, &e)
                    || !ChangeControl::decide(target, sig, key, core::PipelineRunner::currentUser(), &stored, &retired, &e))
                    return e;
                return QString();
            });
}

void RevisionsPanel::retire()
{
    const QModelIndex current = m_revisions->currentIndex();
    if (!current.isValid())
        return;
    const MappingRevision r = m_model->revision(current.row());
    const QString db = m_database;
    perform(tr("Retire"), tr("You take %1 out of production use.").arg(r.subject()), false,
            [r, db](const Signer& s, std::shared_ptr<const core::AuditSigner> key) {
                core::CtmsDatabase target;
                QString e;
                if (!target.open(db, &e)
                    || !ChangeControl::retire(target, r.mapping, r.revision, s.user.id, s.comment,
                                              core::toIsoUtc(core::Clock::system().nowUtc()), key,
                                              core::PipelineRunner::currentUser(), &e))
                    return e;
                return QString();
            });
}

void RevisionsPanel::requireApproval()
{
    const QString db = m_database;
    perform(tr("Require approval"),
            tr("From now on production runs into %1 will use approved mapping revisions only. This cannot be undone.")
                .arg(QFileInfo(db).fileName()),
            false, [db](const Signer& s, std::shared_ptr<const core::AuditSigner> key) {
                core::CtmsDatabase target;
                QString e;
                if (!target.open(db, &e)
                    || !ChangeControl::requireApproval(target, s.user.id, core::toIsoUtc(core::Clock::system().nowUtc()), key,
                                                       core::PipelineRunner::currentUser(), &e))
                    return e;
                return QString();
            });
}

} // namespace tb::ui

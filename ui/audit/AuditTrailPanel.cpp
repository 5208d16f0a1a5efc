#include "audit/AuditTrailPanel.h"

#include "audit/AuditReportPdf.h"
#include "audit/AuditTrailModel.h"
#include "audit/TrailCheck.h"
#include "esign/UserAccount.h"
#include "model/CtmsSchema.h"
#include "run/RunFeedback.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb::ui {

namespace {

QLineEdit* filterField(const QString& name, const QString& placeholder, const QString& accessible)
{
    auto* f = new QLineEdit;
    f->setObjectName(name);
    f->setPlaceholderText(placeholder);
    f->setAccessibleName(accessible);
    f->setClearButtonEnabled(true);
    return f;
}

QString text(const QJsonValue& v)
{
    if (v.isUndefined())
        return {};
    if (v.isNull())
        return QStringLiteral("(none)");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
                                 .toJson(QJsonDocument::Compact));
}

} // namespace

AuditTrailPanel::AuditTrailPanel(QWidget* parent) : QWidget(parent), m_model(new core::AuditTrailModel(this))
{
    m_from = filterField(QStringLiteral("auditFrom"), tr("from (UTC)"), tr("From"));
    m_to = filterField(QStringLiteral("auditTo"), tr("to (UTC)"), tr("To"));
    m_from->setToolTip(tr("UTC date or date-time, e.g. 2026-01-31 or 2026-01-31T08:00:00Z; inclusive"));
    m_to->setToolTip(m_from->toolTip());
    m_entity = new QComboBox;
    m_entity->setObjectName(QStringLiteral("auditEntity"));
    m_entity->setAccessibleName(tr("Entity"));
    m_entity->addItem(tr("All entities"), QString());
    for (const core::EntityDef& e : core::CtmsSchema::builtIn()->entities())
        m_entity->addItem(e.name, e.name);
    for (const char* e : {"esignature", "mapping_revision", "change_control"})
        m_entity->addItem(QLatin1String(e), QLatin1String(e));
    m_subject = filterField(QStringLiteral("auditSubject"), tr("subject"), tr("Subject"));
    m_site = filterField(QStringLiteral("auditSite"), tr("site"), tr("Site"));
    m_user = filterField(QStringLiteral("auditUser"), tr("user id"), tr("User"));
    m_run = filterField(QStringLiteral("auditRun"), tr("run"), tr("Run"));
    auto* apply = new QPushButton(tr("&Apply filters"));
    apply->setObjectName(QStringLiteral("auditApply"));

    m_entries = new QTableView;
    m_entries->setObjectName(QStringLiteral("auditEntries"));
    m_entries->setModel(m_model);
    m_entries->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_entries->setSelectionMode(QAbstractItemView::SingleSelection);
    m_entries->verticalHeader()->setVisible(false);
    m_entries->setWordWrap(false);
    m_entries->verticalHeader()->setDefaultSectionSize(m_entries->fontMetrics().height() + 6);
    m_entries->horizontalHeader()->setStretchLastSection(true);
    m_entries->horizontalHeader()->setMaximumSectionSize(360); // long keys and changes: the whole text on hover
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("auditCount"));

    m_images = new QTableWidget(0, 3);
    m_images->setObjectName(QStringLiteral("auditImages"));
    m_images->setHorizontalHeaderLabels({tr("Field"), tr("Before"), tr("After")});
    m_images->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_images->verticalHeader()->setVisible(false);
    m_images->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_verifyButton = new QPushButton(tr("&Verify"));
    m_verifyButton->setObjectName(QStringLiteral("auditVerify"));
    m_verifyButton->setToolTip(tr("Recompute the hash chain and check every checkpoint's signature"));
    m_exportButton = new QPushButton(tr("&Export report…"));
    m_exportButton->setObjectName(QStringLiteral("auditExport"));
    m_exportButton->setToolTip(tr("The QA audit report of the entries the filters select, as PDF or CSV"));
    m_exportProgress = new QProgressBar;
    m_exportProgress->setObjectName(QStringLiteral("auditExportProgress"));
    m_exportProgress->setMaximumWidth(200);
    m_exportProgress->hide();
    m_cancelExport = new QPushButton(tr("Cancel export"));
    m_cancelExport->setObjectName(QStringLiteral("auditCancelExport"));
    m_cancelExport->setToolTip(tr("Stop the export; no file is written"));
    m_cancelExport->hide();
    m_verifyResult = new QLabel;
    m_verifyResult->setObjectName(QStringLiteral("auditVerifyResult"));
    m_verifyResult->setWordWrap(true);
    m_verifyResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* filters = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{m_from, m_to, m_entity, m_subject, m_site, m_user, m_run})
        filters->addWidget(w, w == m_entity ? 0 : 1);
    filters->addWidget(apply);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_verifyButton);
    actions->addWidget(m_verifyResult, 1);
    actions->addWidget(m_exportProgress);
    actions->addWidget(m_cancelExport);
    actions->addWidget(m_exportButton);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_entries);
    splitter->addWidget(m_images);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_count);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    for (QLineEdit* f : {m_from, m_to, m_subject, m_site, m_user, m_run})
        connect(f, &QLineEdit::returnPressed, this, &AuditTrailPanel::refresh);
    connect(apply, &QPushButton::clicked, this, &AuditTrailPanel::refresh);
    connect(m_entity, &QComboBox::currentIndexChanged, this, &AuditTrailPanel::refresh);
    connect(m_entries->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditTrailPanel::showEntry);
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditTrailPanel::verify);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditTrailPanel::chooseExport);
    connect(m_cancelExport, &QPushButton::clicked, this, [this] {
        if (m_exportFeedback)
            m_exportFeedback->cancel();
        m_cancelExport->setEnabled(false);
    });
    connect(&m_exporting, &QFutureWatcher<QString>::finished, this, &AuditTrailPanel::exported);
    connect(&m_verifying, &QFutureWatcher<core::TrailCheck>::finished, this, &AuditTrailPanel::verified);
}

AuditTrailPanel::~AuditTrailPanel()
{
    if (m_exportFeedback)
        m_exportFeedback->cancel();
    m_verifying.waitForFinished();
    m_exporting.waitForFinished();
}

void AuditTrailPanel::setDatabase(const QString& databasePath, const QString& workspace)
{
    m_database = databasePath;
    m_workspace = workspace;
    m_verifyResult->clear();
    refresh();
}

core::AuditFilter AuditTrailPanel::currentFilter() const
{
    core::AuditFilter filter;
    filter.fromUtc = m_from->text().trimmed();
    filter.toUtc = m_to->text().trimmed();
    filter.entity = m_entity->currentData().toString();
    filter.subjectId = m_subject->text().trimmed();
    filter.siteId = m_site->text().trimmed();
    filter.userId = m_user->text().trimmed();
    filter.runId = m_run->text().trimmed().toLongLong();
    return filter;
}

void AuditTrailPanel::refresh()
{
    m_images->setRowCount(0);
    if (m_database.isEmpty() || !QFileInfo::exists(m_database)) {
        m_model->clear();
        m_count->setText(m_database.isEmpty() ? tr("No target database.")
                                              : tr("%1 does not exist yet: run a pipeline to create it").arg(m_database));
        return;
    }
    const core::AuditFilter filter = currentFilter();
    QString error;
    if (!m_model->load(m_database, filter, core::UserAccount::printedNames(m_workspace), RowLimit, &error)) {
        m_model->clear();
        m_count->setText(error);
        return;
    }
    m_count->setText(m_model->truncated() ? tr("The latest %1 of %2 entries (%3): narrow the filters to see the others.")
                                                .arg(m_model->rowCount())
                                                .arg(m_model->matched())
                                                .arg(filter.describe())
                                          : tr("%n entries (%1)", nullptr, m_model->rowCount()).arg(filter.describe()));
    // Sized on the latest rows (the widest numbers), and every action word fits.
    m_entries->scrollToBottom();
    m_entries->resizeColumnsToContents();
    const int action = m_entries->fontMetrics().horizontalAdvance(QStringLiteral("update")) + 16;
    if (m_entries->columnWidth(core::AuditTrailModel::Action) < action)
        m_entries->setColumnWidth(core::AuditTrailModel::Action, action);
}

void AuditTrailPanel::showEntry()
{
    m_images->setRowCount(0);
    const QModelIndex current = m_entries->currentIndex();
    if (!current.isValid())
        return;
    QJsonObject before, after;
    QString error;
    if (!m_model->images(m_model->entry(current.row()).seq, &before, &after, &error)) {
        m_count->setText(error);
        return;
    }
    QStringList fields = after.keys();
    for (const QString& k : before.keys())
        if (!after.contains(k))
            fields << k;
    for (const QString& f : fields) {
        const int row = m_images->rowCount();
        m_images->insertRow(row);
        m_images->setItem(row, 0, new QTableWidgetItem(f));
        m_images->setItem(row, 1, new QTableWidgetItem(text(before.value(f))));
        m_images->setItem(row, 2, new QTableWidgetItem(text(after.value(f))));
    }
}

void AuditTrailPanel::verify()
{
    if (m_database.isEmpty() || m_verifying.isRunning())
        return;
    m_verifyButton->setEnabled(false);
    m_verifyResult->setText(tr("Verifying…"));
    const QString db = m_database;
    const QString workspace = m_workspace;
    m_verifying.setFuture(QtConcurrent::run([db, workspace] {
        core::TrailCheck check;
        QString error;
        if (!core::TrailCheck::run(db, workspace, &check, &error))
            check.report.error = error;
        return check;
    }));
}

void AuditTrailPanel::verified()
{
    m_verifyButton->setEnabled(true);
    const core::TrailCheck check = m_verifying.result();
    const core::AuditVerifier::Report& r = check.report;
    if (!r.error.isEmpty()) {
        m_verifyResult->setStyleSheet(QStringLiteral("color: #b00020"));
        m_verifyResult->setText(tr("Not verified: %1").arg(r.error));
        return;
    }
    if (check.intact()) {
        m_verifyResult->setStyleSheet(QStringLiteral("color: #1b5e20"));
        m_verifyResult->setText(tr("Intact: %n entries, %1 signed checkpoint(s), %2 electronic signature(s) valid; head %3",
                                   nullptr, int(r.entries))
                                    .arg(r.signedCheckpoints)
                                    .arg(check.signatures.signatures)
                                    .arg(QString::fromLatin1(r.headHash.toHex().left(16))));
        return;
    }
    m_verifyResult->setStyleSheet(QStringLiteral("color: #b00020"));
    if (r.problems.isEmpty()) {
        m_verifyResult->setText(tr("BROKEN: %1").arg(check.signatures.problems.join(QStringLiteral("; "))));
        return;
    }
    const core::AuditVerifier::Problem& p = r.problems.first();
    m_verifyResult->setText(tr("BROKEN (%n problem(s)): %1", nullptr, int(r.problems.size())).arg(p.message));
    const int row = p.seq > 0 ? m_model->rowOfSeq(p.seq) : -1;
    if (row >= 0) {
        m_entries->selectRow(row);
        m_entries->scrollTo(m_model->index(row, 0));
    }
}

void AuditTrailPanel::chooseExport()
{
    if (m_database.isEmpty())
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit report"), QStringLiteral("audit.pdf"),
                                                      tr("PDF report (*.pdf);;CSV table (*.csv)"), &filter);
    if (!path.isEmpty())
        exportTo(path);
}

void AuditTrailPanel::exportTo(const QString& path)
{
    if (m_database.isEmpty() || m_exporting.isRunning())
        return;
    m_exportButton->setEnabled(false);
    m_count->setText(tr("Exporting to %1…").arg(path));
    m_exportFeedback = new core::RunFeedback(this);
    m_exportProgress->setRange(0, 0); // busy until the first figure (the CSV has none: it is quick)
    connect(m_exportFeedback, &core::RunFeedback::progressChanged, m_exportProgress, [this](double percent) {
        m_exportProgress->setRange(0, 100);
        m_exportProgress->setValue(int(percent));
    });
    m_exportProgress->show();
    m_cancelExport->setEnabled(true);
    m_cancelExport->show();
    const QString db = m_database, workspace = m_workspace;
    const core::AuditFilter filter = currentFilter();
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    core::RunFeedback* feedback = m_exportFeedback; // lives until exported() has the result
    // Off the GUI thread: a long trail makes a long report (QTextLayout and QPdfWriter are reentrant).
    m_exporting.setFuture(QtConcurrent::run([db, workspace, filter, pdf, path, feedback] {
        const QHash<QString, QString> names = core::UserAccount::printedNames(workspace);
        qint64 rows = 0;
        QString error;
        bool ok = false;
        if (!pdf) {
            ok = core::AuditExport::writeCsv(db, filter, names, path, &rows, &error, feedback);
        } else {
            core::TrailCheck check;
            ok = core::TrailCheck::run(db, workspace, &check, &error)
                 && core::AuditReportPdf::write(db, filter, names, core::AuditReportPdf::Context::of(check, names), path,
                                                &rows, &error, feedback);
        }
        return ok ? tr("%n entries written to %1", nullptr, int(rows)).arg(path) : error;
    }));
}

void AuditTrailPanel::exported()
{
    m_exportFeedback->deleteLater();
    m_exportFeedback = nullptr;
    m_exportProgress->hide();
    m_cancelExport->hide();
    m_exportButton->setEnabled(true);
    m_count->setText(m_exporting.result());
    emit exportFinished();
}

} // namespace tb::ui

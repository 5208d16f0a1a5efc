#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tb::ui {

// File ▸ New Workspace: a new, empty folder with the workspace's identity file — optionally filled with
// the demo study (its EDC files, mappings, study document and pipeline), so a first look needs no data.
// Nothing is created until every field is valid; the reason a field is not is shown under the form.
class NewWorkspaceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewWorkspaceDialog(const QString& parentDir, QWidget* parent = nullptr);

    // The folder the workspace would be created in ("" while the form is not valid), and the reason.
    QString targetDir(QString* problem = nullptr) const;
    // After accept(): the folder that was created.
    QString createdDir() const { return m_created; }

    void accept() override;

private:
    void browse();
    void revalidate();

    QLineEdit* m_parent;
    QLineEdit* m_name;
    QCheckBox* m_demo;
    QSpinBox* m_subjects;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QPushButton* m_create;
    QString m_created;
};

} // namespace tb::ui

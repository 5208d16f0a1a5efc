#pragma once

#include "changecontrol/MappingRevision.h"
#include "esign/ElectronicSignature.h"

#include <QStringList>

#include <memory>
#include <vector>

struct sqlite3;

namespace tb::core {

class AuditSigner;
class CtmsDatabase;
class MappingDocument;

// Mapping change control in a target database (21 CFR Part 11 §11.10(k), EU Annex 11 §10; docs/audit.md):
// the register of submitted revisions, the lifecycle draft → in review → approved | rejected → retired moved by
// electronic signatures, and the rule production runs follow once the target requires approval. Every act is
// written with its audit entries and a checkpoint signed with the workspace's key, in one transaction.
class ChangeControl
{
public:
    // Submits doc (read from file) for review: its canonical form is frozen in the register as in review, with
    // the author's signature (meaning authored, over the canonical hash). A revision number is submitted once.
    static bool submit(CtmsDatabase& db, const MappingDocument& doc, const QString& file, ElectronicSignature& authored,
                       std::shared_ptr<const AuditSigner> workspaceKey, const QString& actor, MappingRevision* out,
                       QString* error);

    // A signature on a revision in review, found by sig.contentHash: reviewed keeps it in review; approved makes
    // it the mapping's approved revision and retires the one approved before (its label goes to *retired);
    // rejected ends it. Whoever authored a revision neither reviews nor approves it.
    static bool decide(CtmsDatabase& db, ElectronicSignature& sig, std::shared_ptr<const AuditSigner> workspaceKey,
                       const QString& actor, MappingRevision* out, QStringList* retired, QString* error);

    // Takes an approved revision out of use (its mapping then has no approved revision); userId is the
    // authenticated user who does it, comment why.
    static bool retire(CtmsDatabase& db, const QString& mapping, int revision, const QString& userId,
                       const QString& comment, const QString& nowUtc, std::shared_ptr<const AuditSigner> workspaceKey,
                       const QString& actor, QString* error);

    // From now on production runs into this target use approved mappings only; there is no way back.
    static bool requireApproval(CtmsDatabase& db, const QString& userId, const QString& nowUtc,
                                std::shared_ptr<const AuditSigner> workspaceKey, const QString& actor, QString* error);
    static bool approvalRequired(sqlite3* db, bool* required, QString* error);

    // The register, oldest first (one mapping's when mapping is not empty). A stored document that no longer
    // matches its hash is an error naming the revision.
    static bool revisions(sqlite3* db, const QString& mapping, std::vector<MappingRevision>* out, QString* error);
    static bool find(sqlite3* db, const QString& mapping, int revision, MappingRevision* out, bool* found, QString* error);

    // Where a mapping file stands in the register, for showing it beside the file: a draft (its revision number
    // was never submitted), the submitted revision it still is (with its signatures), or changed since that
    // revision was submitted.
    struct FileStatus
    {
        enum class Kind { Draft, Submitted, Changed };
        Kind kind = Kind::Draft;
        MappingRevision revision; // Submitted, Changed
        std::vector<ElectronicSignature> signatures;
        QString describe() const; // one line for people
    };
    static bool statusOf(CtmsDatabase& db, const MappingDocument& doc, FileStatus* out, QString* error);

    // For production runs: may the mapping doc, read from file, run into this target? False on a read error;
    // otherwise *refusal is empty when it may and says why (and what to do) when it may not.
    static bool checkProductionUse(sqlite3* db, const MappingDocument& doc, const QString& file, QString* refusal,
                                   QString* error);
};

} // namespace tb::core

#pragma once
// A vault is a folder of encrypted files (docs/vault-format.md):
//   vault.key   one key slot per user (Argon2id of the password opens the user's
//               key pair, which opens the vault key), all of it MACed
//   index.kbx   encrypted list of cases with each file's generation and hash,
//               anchored to the audit log's head
//   audit.kbl   encrypted, hash-chained audit log
//   <uuid>.kbc  one encrypted case file per client
//   write.lock  held by whoever changes the vault right now (any computer)
// This header is the whole contract the app and the CLI use.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/CaseCommand.h"
#include "kartbok/journal/Search.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::vault {

class FileSystem; // kartbok/vault/FileSystem.h

/// Why a vault operation failed. The message names the file and the problem in
/// words a person can act on, and never contains client text.
class VaultError : public std::runtime_error {
public:
    enum class Kind {
        WrongPassword, ///< no key slot opens with this password
        Damaged,       ///< a file fails authentication or is truncated/malformed
        Tampered,      ///< authentic file, but not the one the index expects (swapped, rolled back,
                       ///< missing)
        Io,            ///< the operating system refused (disk full, read-only, vanished folder)
        Conflict,      ///< another program changed the file since it was read; an id
                       ///< that already exists (import creates new cases only)
        Locked,        ///< another Kartbok instance holds the case (or write.lock, too long)
        Usage,         ///< the caller asked for something impossible (unknown case, duplicate user)
    };
    VaultError(Kind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    Kind GetKind() const { return m_kind; }

private:
    Kind m_kind;
};

/// Argon2id cost. Moderate by default (~0.7 s here); tests use the minimum.
struct KdfLimits {
    std::uint64_t opsLimit;
    std::size_t memLimit;
    static KdfLimits Moderate();
    static KdfLimits Interactive();
    static KdfLimits Minimum(); ///< for tests only
};

/// Where one checklist run of a case stands (journal::ChecklistRun without notes,
/// sessions or people), so the client list can show "9/14" without opening the
/// case. Only template item ids, never client text. Items without an entry are
/// not listed; the total comes from the template, which the vault never loads.
struct ChecklistSummary {
    std::string templateId;  ///< e.g. "deep-interview"
    int templateVersion = 0; ///< the version the item ids belong to (journal::MapAnswers maps them)
    std::vector<std::string> coveredItemIds;
    std::vector<std::string> partlyItemIds;
    /// Entries still marked not yet (say, a note but no mark). They count as
    /// not covered, but when a newer template merges two items, a covered one
    /// merged with one of these becomes partly, as in the case itself.
    std::vector<std::string> notYetItemIds;
    bool operator==(const ChecklistSummary&) const = default;
};

/// What the index knows about a case without opening it. The index is encrypted,
/// so it may hold the pseudonymous code and dates for a fast client list.
struct CaseSummary {
    std::string id;
    std::string code;
    journal::CaseStatus status = journal::CaseStatus::Enquiry;
    journal::Date followUpDue;
    journal::Date lastEntry;
    int sessions = 0;
    std::uint64_t generation = 0;
    /// One per checklist run of the case, in the case's order. Empty when the
    /// case has none, and for a case last saved while the index was version 1
    /// (before it held progress) until that case is saved again.
    std::vector<ChecklistSummary> checklists = {};
};

enum class AuditAction : std::uint8_t {
    Unlock,
    UnlockFailed,
    Open,
    Create,
    Save,
    Export,
    Sign,
    Addendum,
    SlotAdded,
    SlotRemoved,
    PasswordChanged,
    Archive,
    Search,     ///< a vault-wide search: one entry per search, never the query text
    Restore,    ///< a case's previous version restored (vault restore --previous)
    Repair,     ///< an interrupted change finished, an orphan adopted, debris removed
    KeyRotated, ///< a new vault key (a user removed): older vault.key copies open nothing newer
};
constexpr AuditAction kLastAuditAction = AuditAction::KeyRotated;
const char* ToString(AuditAction a);

/// The audit action of a save made by one command (Sign -> Sign, Addendum and
/// Correction -> Addendum, anything else -> Save): the app and the CLI both
/// pass it to SaveCase, so each save is one record saying what it was.
AuditAction AuditActionFor(journal::CommandKind kind);

struct AuditEntry {
    std::uint64_t seq = 0;
    std::int64_t time = 0; ///< seconds since epoch, UTC
    std::string user;
    AuditAction action = AuditAction::Open;
    std::string caseId; ///< empty for vault-level events
    std::string detail; ///< never client text: ids, counts, file names
    /// For changes to a case (create, save, sign, restore...): the case file's
    /// generation written; 0 otherwise.
    std::uint64_t caseGeneration = 0;
    /// The index generation this change wrote (the anchor); 0 when none.
    std::uint64_t indexGeneration = 0;
};

/// One hit of a vault-wide search: the case it is in, and where.
struct VaultSearchHit {
    std::string caseId;
    std::string code; ///< the case's pseudonymous code, as the client list shows it
    journal::SearchHit hit;
};

/// What Vault::SearchCases found.
struct VaultSearchResult {
    /// In client-list order (by code), then each case's own order (journal::SearchCase).
    std::vector<VaultSearchHit> hits;
    /// One line per case that could not be read: its code and the VaultError
    /// message (file and problem, never client text).
    std::vector<std::string> problems;
    std::size_t casesSearched = 0; ///< cases read and searched (those in problems are not)
};

struct VerifyReport {
    bool ok = true;
    std::vector<std::string> problems; ///< one line each, naming file and problem
    /// Not failures: leftover temporary files, backups, orphans that contradict
    /// nothing, repairs this handle made when it unlocked. One line each.
    std::vector<std::string> notes;
    std::string fingerprint; ///< Vault::Fingerprint() at the time of the check
};

/// What Vault::Repair did, one line per step (each step is also audited).
struct RepairReport {
    std::vector<std::string> steps;
};

/// Whether TryLockCase may take over another computer's lock.
enum class TakeOver {
    Never,             ///< another host's lock is refused, however old
    StaleAfterTimeout, ///< taken when its holder showed no sign of life for the timeout
                       ///< (the app asks the user first; the CLI needs --take-over)
};

/// Who holds a case's lock, as the app needs it to ask before a takeover.
struct CaseLockState {
    bool held = false;              ///< someone else holds it
    bool otherComputer = false;     ///< on another host (no local check is possible)
    bool silentPastTimeout = false; ///< no sign of life for the takeover timeout (10 min)
    std::string holder;             ///< "anna on host x, pid 123, since ..."
};

/// How a writer waits for write.lock (tests shorten it).
struct WriteLockTimeouts {
    std::chrono::milliseconds wait{30000};
    /// Another computer's write.lock older than this was left by a crash.
    std::chrono::seconds remoteStaleAfter{120};
};

/// Why a new password is refused ("" when it is fine): fewer than 10
/// characters, or on the list of common passwords shipped with the templates
/// (common-passwords.txt, found where the templates are). English, ASCII.
std::string PasswordProblem(const std::string& password);

/// An unlocked vault. Keys live in sodium_malloc'd memory and are wiped by
/// Lock() and the destructor. Not copyable; movable.
class Vault {
public:
    /// Creates a new vault folder (must be empty or absent) with one key slot.
    /// Refuses (Usage) a password PasswordProblem refuses.
    static Vault Create(const std::filesystem::path& dir, const std::string& user,
                        const std::string& password, KdfLimits limits = KdfLimits::Moderate());
    /// Unlocks with the named user's slot, or (user empty) any slot whose
    /// password matches. Records Unlock/UnlockFailed (an unlock failure is
    /// appended in the form the log allows without a key: time and "wrong
    /// password"). Finishes a change a crash interrupted (see Notes()) and
    /// cross-checks index and audit log: a rollback or cut found is kept in
    /// IntegrityProblems(), and every read or change of a case refuses until
    /// the files are put right.
    static Vault Open(const std::filesystem::path& dir, const std::string& password,
                      const std::string& user = {});

    Vault(Vault&&) noexcept;
    Vault& operator=(Vault&&) noexcept;
    ~Vault();

    const std::filesystem::path& Dir() const;
    const std::string& User() const; ///< name of the slot that unlocked
    bool IsLocked() const;
    void Lock(); ///< wipes keys; every later call throws until a new Open

    /// "index generation-audit records-head hash" (e.g. 42-1381-3f9a2c1b5d0e7a66):
    /// where this vault stands. Note it somewhere safe: a later
    /// Verify(fingerprint) tells whether the vault went back behind it, the one
    /// rollback the files cannot show (all of them put back together).
    std::string Fingerprint() const;
    /// Rollbacks or cuts found when the vault was unlocked (one line each, naming files).
    const std::vector<std::string>& IntegrityProblems() const;
    /// What unlocking repaired (an interrupted save finished...), one line each.
    const std::vector<std::string>& Notes() const;

    // Key slots -----------------------------------------------------------
    std::vector<std::string> Users() const;
    /// Refuses (Usage) an existing user and a password PasswordProblem refuses.
    void AddSlot(const std::string& user, const std::string& password,
                 KdfLimits limits = KdfLimits::Moderate());
    /// Removes a user and rotates the vault key: every case file, the index and
    /// the audit keys are re-keyed, so the removed user's password with any
    /// old copy of vault.key reads nothing saved afterwards. Refuses to remove
    /// the last slot, and while a version 1 slot remains (its user must unlock once).
    void RemoveSlot(const std::string& user);
    /// A new vault key for the same users (as RemoveSlot, without removing anyone).
    void RotateKey();
    /// Needs the user's current password (WrongPassword otherwise). Gives the
    /// user a new key pair: the old password opens nothing in today's vault.key.
    void ChangePassword(const std::string& user, const std::string& currentPassword,
                        const std::string& newPassword, KdfLimits limits = KdfLimits::Moderate());
    /// True when password opens user's slot (the app asks before signing).
    bool CheckPassword(const std::string& user, const std::string& password) const;

    // Cases ---------------------------------------------------------------
    std::vector<CaseSummary> ListCases() const;
    /// Creates and saves a new case with a fresh uuid; returns the case.
    /// Refuses (Usage) a code journal::ClientCodeProblem refuses or one in use.
    journal::Case CreateCase(const std::string& code);
    /// Adds a whole case that is new to this vault (an import): under its own
    /// id when set, else a fresh one written back into c. Refuses an id the
    /// vault already has (Conflict: an import never replaces a case) and a code
    /// in use or not allowed (Usage).
    void AddCase(journal::Case& c);
    /// Audits Open first (refuses when the record cannot be written), then
    /// loads and authenticates the case and checks it against the index.
    journal::Case LoadCase(const std::string& caseId);
    /// Atomic, fsynced save under write.lock, written as one audit record of
    /// `action` with `detail` (ids only). Refuses (Conflict) when the case on
    /// disk is not the generation this handle last read or wrote, and (Usage)
    /// a case in which a session signed in that generation is missing or
    /// changed (addenda may only be appended).
    void SaveCase(const journal::Case& c, AuditAction action = AuditAction::Save,
                  const std::string& detail = {});
    /// Moves sessions of `source` into a new case (a relative's own record):
    /// creates newCase (fresh id unless set), then saves source, under one
    /// lock, audited as two linked records ("split from"/"split into"); a crash
    /// in between leaves the sessions in both, never in neither. Signed
    /// sessions missing from source must be in newCase unchanged. Conflict as SaveCase.
    void SplitCase(const journal::Case& source, journal::Case& newCase);
    /// Restores the previous version (<uuid>.kbc.bak) as a new generation,
    /// audited. Refuses when it lacks signed content the current version has.
    void RestorePrevious(const std::string& caseId);
    std::string FindCaseIdByCode(const std::string& code) const; ///< throws Usage when absent

    /// Searches every note of every case, archived ones included (as the client
    /// list can show them: searching old records is legitimate), decrypting case
    /// by case in memory: nothing in the clear on disk, nothing indexed. Reads the
    /// index once; each case file is authenticated and checked against the index
    /// exactly as LoadCase does, searched, then dropped (its decrypted bytes wiped).
    /// A damaged or tampered case is reported in problems and the search goes on.
    /// Audits one Search entry ("N cases, M hits"), never the query text, and no
    /// Open entries; nothing else is written (an index behind a case is left for
    /// LoadCase to repair). Throws only for the vault as a whole (locked, index unreadable).
    VaultSearchResult SearchCases(std::string_view query,
                                  const journal::SearchOptions& options = {});

    /// Seals a case that could not be saved, so the app can hold it while the vault is
    /// locked: the bytes are a case file (EncryptCaseFile) under this vault's key, kept in
    /// memory by the caller, never written. Only an unlocked handle of the same vault opens
    /// them. Marked as generation 0, which no saved case file has, so a seal is never taken
    /// for a case file nor a case file for a seal. c.id must be set (Usage otherwise).
    std::vector<unsigned char> SealUnsaved(const journal::Case& c) const;
    /// Opens what SealUnsaved made (throws VaultError::Damaged / Tampered for anything else,
    /// including another vault's seal and a saved case file; Usage when locked).
    journal::Case OpenUnsaved(std::span<const unsigned char> sealed) const;

    // Locking between instances ------------------------------------------
    /// Takes the per-case lock file. Returns false and fills holder ("anna on
    /// host x, pid 123") when another live instance holds it; a stale lock of
    /// this computer is taken over; another computer's only as takeOver says.
    bool TryLockCase(const std::string& caseId, std::string* holder = nullptr,
                     TakeOver takeOver = TakeOver::Never);
    /// As TryLockCase; *heldByApp tells whether the holder is the Kartbok app
    /// (a person editing) rather than a command that is done in a moment.
    bool TryLockCase(const std::string& caseId, std::string* holder, TakeOver takeOver,
                     bool* heldByApp);
    void UnlockCase(const std::string& caseId);
    /// Who holds a case's lock now (nothing held: held == false; ours counts as not held).
    CaseLockState LockStateOf(const std::string& caseId) const;
    /// A sign of life in every case lock held (the app calls it every minute),
    /// so other computers do not take them for left behind.
    void RefreshCaseLocks();

    // Audit -----------------------------------------------------------------
    void Audit(AuditAction action, const std::string& caseId = {}, const std::string& detail = {});
    std::vector<AuditEntry> ReadAudit() const;

    /// Checks every file: slots, index, each case's authentication, generation
    /// and hash, the audit chain and the anchors between index and log, and
    /// lists debris (temps, backups, orphans). With expectFingerprint, also
    /// that the vault has not gone back behind it. Does not throw for damage.
    VerifyReport Verify(const std::string& expectFingerprint = {});
    /// Adopts orphan case files of this vault (or quarantines them), removes
    /// leftover temporary files, finishes an interrupted key rotation; each
    /// step audited.
    RepairReport Repair();

    // Testing seam ------------------------------------------------------------
    /// Every write this vault makes (saves, index, key file, audit appends) goes
    /// through fs; tests install a FaultInjectingFileSystem. nullptr = POSIX.
    void SetFileSystem(std::shared_ptr<FileSystem> fs);
    void SetWriteLockTimeouts(WriteLockTimeouts timeouts);

    struct Impl; ///< opaque (vault/src/VaultImpl.h)

private:
    explicit Vault(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kartbok::vault

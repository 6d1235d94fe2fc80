#pragma once
// A vault is a folder of encrypted files (DESIGN.md §5):
//   vault.key   key slots, each wrapping the one random vault key with a password (Argon2id)
//   index.kbx   encrypted list of cases with each file's generation and hash
//   audit.kbl   encrypted, hash-chained audit log
//   <uuid>.kbc  one encrypted case file per client
// This header is the whole contract the app and the CLI use.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Search.h"

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
        Conflict,      ///< another program changed the file since it was read
        Locked,        ///< another Kartbok instance holds the case
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
    Search, ///< a vault-wide search: one entry per search, never the query text
};
constexpr AuditAction kLastAuditAction = AuditAction::Search;
const char* ToString(AuditAction a);

struct AuditEntry {
    std::uint64_t seq = 0;
    std::int64_t time = 0; ///< seconds since epoch, UTC
    std::string user;
    AuditAction action = AuditAction::Open;
    std::string caseId; ///< empty for vault-level events
    std::string detail; ///< never client text: ids, counts, file names
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
};

/// An unlocked vault. Keys live in sodium_malloc'd memory and are wiped by
/// Lock() and the destructor. Not copyable; movable.
class Vault {
public:
    /// Creates a new vault folder (must be empty or absent) with one key slot.
    static Vault Create(const std::filesystem::path& dir, const std::string& user,
                        const std::string& password, KdfLimits limits = KdfLimits::Moderate());
    /// Unlocks with any slot whose password matches. Records Unlock/UnlockFailed
    /// (an unlock failure is appended to the audit log in the clear-safe form the
    /// log allows: time and "wrong password", no key needed).
    static Vault Open(const std::filesystem::path& dir, const std::string& password);

    Vault(Vault&&) noexcept;
    Vault& operator=(Vault&&) noexcept;
    ~Vault();

    const std::filesystem::path& Dir() const;
    const std::string& User() const; ///< name of the slot that unlocked
    bool IsLocked() const;
    void Lock(); ///< wipes keys; every later call throws until a new Open

    // Key slots -----------------------------------------------------------
    std::vector<std::string> Users() const;
    void AddSlot(const std::string& user, const std::string& password,
                 KdfLimits limits = KdfLimits::Moderate());
    void RemoveSlot(const std::string& user); ///< refuses to remove the last slot
    void ChangePassword(const std::string& user, const std::string& newPassword,
                        KdfLimits limits = KdfLimits::Moderate());

    // Cases ---------------------------------------------------------------
    std::vector<CaseSummary> ListCases() const;
    /// Creates and saves a new case with a fresh uuid; returns the case.
    journal::Case CreateCase(const std::string& code);
    /// Adds a whole case that is new to this vault (an import): under its own
    /// id when set, else a fresh one written back into c. Refuses (Usage) an id
    /// or a code the vault already has.
    void AddCase(journal::Case& c);
    /// Loads and authenticates a case, checks it against the index, audits Open.
    journal::Case LoadCase(const std::string& caseId);
    /// Atomic, fsynced save. Refuses (Conflict) when the file on disk is not the
    /// generation this process last read or wrote.
    void SaveCase(const journal::Case& c);
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
    /// host x, pid 123") when another live instance holds it; a stale lock is taken over.
    bool TryLockCase(const std::string& caseId, std::string* holder = nullptr);
    void UnlockCase(const std::string& caseId);

    // Audit -----------------------------------------------------------------
    void Audit(AuditAction action, const std::string& caseId = {}, const std::string& detail = {});
    std::vector<AuditEntry> ReadAudit() const;

    /// Checks every file: slots, index, each case's authentication, generation
    /// and hash, the audit chain. Does not throw for damage; reports it.
    VerifyReport Verify();

    // Testing seam ------------------------------------------------------------
    /// Every write this vault makes (saves, index, key file, audit appends) goes
    /// through fs; tests install a FaultInjectingFileSystem. nullptr = POSIX.
    void SetFileSystem(std::shared_ptr<FileSystem> fs);

private:
    struct Impl;
    explicit Vault(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kartbok::vault

// Vault: cases (docs/vault-format.md). Every change goes through write.lock,
// compares generations under it and commits through Impl::Commit; every read
// writes its audit record first.

#include "VaultImpl.h"

#include "kartbok/journal/ClientCode.h"

#include <sodium.h>

#include <algorithm>

namespace kartbok::vault {
namespace {

using detail::Hash;
using detail::WipeOnExit;

struct CheckedCase {
    journal::Case c;
    std::uint64_t generation = 0;
    Hash headerHash{};
    bool indexBehind = false; ///< a save wrote the case, and its index write did not happen
};

/// Reads, authenticates and parses one case file and checks it against its
/// index entry: the one path of LoadCase, SearchCases and Verify. The decrypted
/// archive is wiped before returning, or, for a case that parsed, moved into
/// `keepArchive` when given (LoadCase keeps it as the signed-notes baseline;
/// the caller wipes it). Throws VaultError naming the file.
CheckedCase CheckCase(const Vault::Impl& impl, const detail::IndexEntry& entry,
                      std::string* keepArchive = nullptr) {
    const std::string& id = entry.summary.id;
    const std::string name = id + ".kbc";
    const auto path = impl.CasePath(id);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !std::filesystem::is_symlink(path, ec))
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": missing (the index lists it; it was deleted or moved)");
    std::vector<unsigned char>& bytes = impl.readBuffer;
    ReadWholeFile(path, bytes);
    CheckedCase out;
    out.headerHash = detail::CaseHeaderHash(bytes);
    DecryptedCase d = impl.Decrypt(id, bytes, {}, std::move(impl.plainBuffer));
    struct Lend { // kept, or wiped and its memory back for the next case
        std::string& plaintext;
        std::string& home;
        std::string* keep;
        ~Lend() {
            if (keep != nullptr) {
                *keep = std::move(plaintext);
                return;
            }
            sodium_memzero(plaintext.data(), plaintext.size());
            home = std::move(plaintext);
        }
    } lend{d.plaintext, impl.plainBuffer, nullptr};
    out.generation = d.header.generation;
    if (out.generation < entry.summary.generation)
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": rolled back: generation " + std::to_string(out.generation) +
                             " but the index expects " + std::to_string(entry.summary.generation) +
                             " (an older copy was put back?)");
    // While a change of vault key is unfinished a case file may already be
    // re-keyed (same generation, same content, new header) before the index.
    if (out.generation == entry.summary.generation && impl.previousKey.Empty()) {
        const Hash h = entry.fullHash ? detail::HashBytes(bytes) : out.headerHash;
        if (sodium_memcmp(h.data(), entry.hash.data(), h.size()) != 0)
            throw VaultError(VaultError::Kind::Tampered,
                             name + ": does not match the index (same generation, other content: "
                                    "replaced by another copy)");
    }
    out.indexBehind = out.generation > entry.summary.generation;
    out.c = DeserializeCase(d.plaintext, name);
    if (out.c.id != id)
        throw VaultError(VaultError::Kind::Tampered, name + ": holds a case with another id");
    lend.keep = keepArchive;
    return out;
}

/// The generation in the header of sealed unsaved changes (SealUnsaved). Saved
/// case files start at 1, so neither is ever taken for the other.
constexpr std::uint64_t kUnsavedGeneration = 0;

void RequireCode(const std::string& code) {
    if (const std::string why = journal::ClientCodeProblem(code); !why.empty())
        throw VaultError(VaultError::Kind::Usage, why);
}

void RequireCodeFree(const detail::Index& index, const std::string& code, const std::string& id) {
    for (const auto& e : index.entries)
        if (e.summary.code == code && e.summary.id != id)
            throw VaultError(VaultError::Kind::Usage,
                             "a case with that code already exists (" + e.summary.id + ")");
}

std::vector<unsigned char> Encrypt(const Vault::Impl& impl, const journal::Case& c,
                                   std::uint64_t generation) {
    std::string plain = SerializeCase(c);
    WipeOnExit wipe{plain};
    return EncryptCaseFile(impl.Key(), impl.keyFile.vault, c.id, generation, plain);
}

/// Under write.lock: the index entry of a case this handle knows, checked
/// against the disk. Throws Conflict when someone else changed it.
detail::IndexEntry& CheckBase(Vault::Impl& impl, detail::Index& index, const std::string& id,
                              const Vault::Impl::Known& known) {
    const std::string name = id + ".kbc";
    detail::IndexEntry* e = index.Find(id);
    if (e == nullptr)
        throw VaultError(VaultError::Kind::Conflict,
                         name +
                             ": was removed from the vault since it was opened; nothing was saved");
    if (e->summary.generation != known.generation)
        throw VaultError(VaultError::Kind::Conflict,
                         name + ": was saved elsewhere since it was opened (generation " +
                             std::to_string(e->summary.generation) + ", opened " +
                             std::to_string(known.generation) + "); reopen it; nothing was saved");
    const auto onDisk = detail::CaseHeaderHashOnDisk(impl.CasePath(id));
    if (!onDisk)
        throw VaultError(VaultError::Kind::Conflict,
                         name + ": was removed since it was opened; nothing was saved");
    if (*onDisk != known.headerHash)
        throw VaultError(VaultError::Kind::Conflict,
                         name + ": changed on disk since it was opened (another program or "
                                "Kartbok instance); reopen it; nothing was saved");
    return *e;
}

/// Writes a case file; when only the folder flush failed the file is in
/// place and the change goes on (the error is rethrown after the commit).
std::optional<VaultError> WriteCase(Vault::Impl& impl, const std::string& id,
                                    const std::vector<unsigned char>& bytes, bool keepBackup) {
    try {
        AtomicWriteFile(*impl.fs, impl.CasePath(id), bytes, keepBackup);
    } catch (const VaultError& e) {
        if (detail::CaseHeaderHashOnDisk(impl.CasePath(id)) != detail::CaseHeaderHash(bytes))
            throw;
        return e;
    }
    return std::nullopt;
}

} // namespace

std::vector<CaseSummary> Vault::ListCases() const {
    m_impl->RequireUnlocked();
    std::vector<CaseSummary> out;
    for (auto& e : m_impl->LoadIndex().entries)
        out.push_back(std::move(e.summary));
    return out;
}

std::string Vault::FindCaseIdByCode(const std::string& code) const {
    for (const auto& s : ListCases())
        if (s.code == code)
            return s.id;
    throw VaultError(VaultError::Kind::Usage, "no case with that code in this vault");
}

journal::Case Vault::CreateCase(const std::string& code) {
    journal::Case c;
    c.code = code;
    AddCase(c);
    return c;
}

void Vault::AddCase(journal::Case& c) {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    impl.RequireIntact();
    RequireCode(c.code);
    if (!c.id.empty())
        Impl::RequireCaseId(c.id);
    WriteLock lock(impl);
    detail::Index index = impl.LoadIndex();
    std::error_code ec;
    if (c.id.empty())
        c.id = detail::FreshCaseId(impl, index);
    else if (index.Find(c.id) != nullptr || std::filesystem::exists(impl.CasePath(c.id), ec))
        throw VaultError(VaultError::Kind::Conflict,
                         "a case with id " + c.id +
                             " already exists; an import only ever creates new cases");
    RequireCodeFree(index, c.code, {});
    impl.MigrateKeyFile();
    const auto bytes = Encrypt(impl, c, 1);
    const auto flushError = WriteCase(impl, c.id, bytes, false);
    const Hash hh = detail::CaseHeaderHash(bytes);
    index.entries.push_back(detail::EntryFor(c, 1, hh));
    AuditEntry e;
    e.action = AuditAction::Create;
    e.caseId = c.id;
    e.caseGeneration = 1;
    impl.Commit(index, {e});
    impl.known[c.id] = {1, hh, detail::Baseline::Of(c)};
    if (flushError)
        throw *flushError;
}

journal::Case Vault::LoadCase(const std::string& caseId) {
    Impl& impl = *m_impl;
    impl.RequireCaseAccess(caseId);
    const std::string name = caseId + ".kbc";
    WriteLock lock(impl);
    detail::Index index = impl.LoadIndex();
    detail::IndexEntry* entry = index.Find(caseId);
    if (entry == nullptr) {
        std::error_code ec;
        if (std::filesystem::exists(impl.CasePath(caseId), ec))
            throw VaultError(VaultError::Kind::Tampered,
                             name + ": not in the index (added from elsewhere, or its creation "
                                    "was interrupted: vault repair)");
        throw VaultError(VaultError::Kind::Usage, "no case " + caseId + " in this vault");
    }
    // The record first: nothing is decrypted unless it is written.
    AuditEntry open;
    open.action = AuditAction::Open;
    open.caseId = caseId;
    open.caseGeneration = entry->summary.generation;
    impl.Append(open, false);
    std::string archive;
    WipeOnExit wipeArchive{archive};
    CheckedCase checked = CheckCase(impl, *entry, &archive);
    if (checked.indexBehind) {
        if (checked.generation != entry->summary.generation + 1)
            throw VaultError(VaultError::Kind::Tampered,
                             name + ": generation " + std::to_string(checked.generation) +
                                 " is newer than any save the index records (" +
                                 std::to_string(entry->summary.generation) + ")");
        // A save wrote the case and was interrupted before its index write:
        // the file is authentic (only a vault-key holder makes one), so finish it.
        *entry = detail::EntryFor(checked.c, checked.generation, checked.headerHash);
        AuditEntry repair;
        repair.action = AuditAction::Repair;
        repair.caseId = caseId;
        repair.caseGeneration = checked.generation;
        repair.detail =
            "finished an interrupted save of generation " + std::to_string(checked.generation);
        impl.Commit(index, {repair});
        impl.notes.push_back(name + ": finished an interrupted save (generation " +
                             std::to_string(checked.generation) + ")");
    }
    Impl::Known& known = impl.known[caseId];
    impl.plainBuffer = known.baseline.Release();
    known = {checked.generation, checked.headerHash,
             detail::Baseline(std::move(archive), checked.c)};
    return std::move(checked.c);
}

void Vault::SaveCase(const journal::Case& c, AuditAction action, const std::string& detail) {
    Impl& impl = *m_impl;
    impl.RequireCaseAccess(c.id);
    const std::string name = c.id + ".kbc";
    auto known = impl.known.find(c.id);
    if (known == impl.known.end())
        throw VaultError(VaultError::Kind::Usage, name + ": open the case before saving it");
    std::error_code ec;
    if (!std::filesystem::exists(impl.KeyPath(), ec))
        throw VaultError(VaultError::Kind::Io,
                         "the vault folder " + impl.dir.string() +
                             " cannot be reached (removed, renamed, or a network share that "
                             "dropped); nothing was saved");
    RequireCode(c.code);
    if (const std::string why = known->second.baseline.Problem(c); !why.empty())
        throw VaultError(VaultError::Kind::Usage, name + ": " + why + "; nothing was saved");
    const std::uint64_t generation = known->second.generation + 1;
    const auto bytes = Encrypt(impl, c, generation); // outside the lock: it is the slow part

    WriteLock lock(impl);
    detail::Index index = impl.LoadIndex();
    detail::IndexEntry& entry = CheckBase(impl, index, c.id, known->second);
    RequireCodeFree(index, c.code, c.id);
    impl.MigrateKeyFile();
    const auto flushError = WriteCase(impl, c.id, bytes, true);
    const Hash hh = detail::CaseHeaderHash(bytes);
    entry = detail::EntryFor(c, generation, hh);
    AuditEntry e;
    e.action = action;
    e.caseId = c.id;
    e.caseGeneration = generation;
    e.detail = detail;
    try {
        impl.Commit(index, {e});
    } catch (const VaultError& err) {
        // Once index.kbx is written the save stands (its record is in it).
        const detail::Index onDisk = impl.LoadIndex();
        const detail::IndexEntry* now = onDisk.Find(c.id);
        if (now != nullptr && now->summary.generation == generation) {
            known->second = {generation, hh, detail::Baseline::Of(c)};
            throw;
        }
        throw VaultError(err.GetKind(), std::string(err.what()) + "; " + name +
                                            " itself was saved, and the index catches up when "
                                            "the case is next opened");
    }
    known->second = {generation, hh, detail::Baseline::Of(c)};
    if (flushError)
        throw *flushError;
}

void Vault::SplitCase(const journal::Case& source, journal::Case& newCase) {
    Impl& impl = *m_impl;
    impl.RequireCaseAccess(source.id);
    auto known = impl.known.find(source.id);
    if (known == impl.known.end())
        throw VaultError(VaultError::Kind::Usage,
                         source.id + ".kbc: open the case before splitting it");
    RequireCode(source.code);
    RequireCode(newCase.code);
    if (!newCase.id.empty())
        Impl::RequireCaseId(newCase.id);
    if (const std::string why = known->second.baseline.Problem(source, &newCase); !why.empty())
        throw VaultError(VaultError::Kind::Usage,
                         source.id + ".kbc: " + why + "; nothing was saved");
    const std::uint64_t generation = known->second.generation + 1;

    WriteLock lock(impl);
    detail::Index index = impl.LoadIndex();
    CheckBase(impl, index, source.id, known->second);
    RequireCodeFree(index, source.code, source.id);
    RequireCodeFree(index, newCase.code, {});
    if (newCase.code == source.code)
        throw VaultError(VaultError::Kind::Usage, "the new case needs a code of its own");
    std::error_code ec;
    if (newCase.id.empty())
        newCase.id = detail::FreshCaseId(impl, index);
    else if (index.Find(newCase.id) != nullptr ||
             std::filesystem::exists(impl.CasePath(newCase.id), ec))
        throw VaultError(VaultError::Kind::Conflict,
                         "a case with id " + newCase.id + " already exists");
    impl.MigrateKeyFile();
    // The new case first, committed on its own; then the source without what
    // moved. A crash in between leaves the sessions in both, never in neither.
    const auto newBytes = Encrypt(impl, newCase, 1);
    const auto srcBytes = Encrypt(impl, source, generation);
    WriteCase(impl, newCase.id, newBytes, false);
    const Hash newHash = detail::CaseHeaderHash(newBytes),
               srcHash = detail::CaseHeaderHash(srcBytes);
    index.entries.push_back(detail::EntryFor(newCase, 1, newHash));
    AuditEntry created;
    created.action = AuditAction::Create;
    created.caseId = newCase.id;
    created.caseGeneration = 1;
    created.detail = "split from " + source.id;
    impl.Commit(index, {created});
    impl.known[newCase.id] = {1, newHash, detail::Baseline::Of(newCase)};
    WriteCase(impl, source.id, srcBytes, true);
    *index.Find(source.id) = detail::EntryFor(source, generation, srcHash);
    AuditEntry saved;
    saved.action = AuditAction::Save;
    saved.caseId = source.id;
    saved.caseGeneration = generation;
    saved.detail = "split into " + newCase.id;
    impl.Commit(index, {saved});
    known->second = {generation, srcHash, detail::Baseline::Of(source)};
}

void Vault::RestorePrevious(const std::string& caseId) {
    Impl& impl = *m_impl;
    impl.RequireCaseAccess(caseId);
    const std::string name = caseId + ".kbc";
    WriteLock lock(impl);
    detail::Index index = impl.LoadIndex();
    detail::IndexEntry* entry = index.Find(caseId);
    if (entry == nullptr)
        throw VaultError(VaultError::Kind::Usage, "no case " + caseId + " in this vault");
    const auto bakPath = impl.dir / (name + ".bak");
    std::error_code ec;
    if (!std::filesystem::exists(bakPath, ec))
        throw VaultError(VaultError::Kind::Usage, name + ".bak: no previous version is kept");
    AuditEntry open;
    open.action = AuditAction::Open;
    open.caseId = caseId;
    open.detail = "previous version, to restore it";
    impl.Append(open, false);
    const auto bakBytes = ReadWholeFile(bakPath);
    DecryptedCase d = impl.Decrypt(caseId, bakBytes, name + ".bak");
    WipeOnExit wipe{d.plaintext};
    journal::Case previous = DeserializeCase(d.plaintext, name + ".bak");
    if (previous.id != caseId)
        throw VaultError(VaultError::Kind::Tampered, name + ".bak: holds a case with another id");
    std::string note;
    std::uint64_t current = entry->summary.generation;
    try {
        const CheckedCase now = CheckCase(impl, *entry);
        current = std::max(current, now.generation);
        if (const std::string why = detail::SignedContentProblem(now.c, previous); !why.empty())
            throw VaultError(VaultError::Kind::Usage,
                             name + ".bak: restoring it would undo a signature (" + why +
                                 "); nothing was changed");
    } catch (const VaultError& e) {
        if (e.GetKind() == VaultError::Kind::Usage)
            throw;
        note = "; the current version could not be read";
    }
    const std::uint64_t generation = current + 1;
    impl.MigrateKeyFile();
    const auto bytes = Encrypt(impl, previous, generation);
    const auto flushError = WriteCase(impl, caseId, bytes, true);
    const Hash hh = detail::CaseHeaderHash(bytes);
    *entry = detail::EntryFor(previous, generation, hh);
    AuditEntry e;
    e.action = AuditAction::Restore;
    e.caseId = caseId;
    e.caseGeneration = generation;
    e.detail = "restored generation " + std::to_string(d.header.generation) + " from " + name +
               ".bak" + note;
    impl.Commit(index, {e});
    impl.known[caseId] = {generation, hh, detail::Baseline::Of(previous)};
    if (flushError)
        throw *flushError;
}

VaultSearchResult Vault::SearchCases(std::string_view query,
                                     const journal::SearchOptions& options) {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    impl.RequireIntact();
    VaultSearchResult result;
    if (query.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return result; // finds nothing (journal::SearchCase), so nothing is read
    const detail::Index index = impl.LoadIndex();
    // The record first (never the query): nothing is decrypted unless it is written.
    AuditEntry e;
    e.action = AuditAction::Search;
    e.detail = std::to_string(index.entries.size()) + " cases";
    impl.Append(e, true);
    std::vector<const detail::IndexEntry*> order;
    order.reserve(index.entries.size());
    for (const auto& entry : index.entries)
        order.push_back(&entry);
    std::sort(order.begin(), order.end(),
              [](const detail::IndexEntry* a, const detail::IndexEntry* b) {
                  return a->summary.code < b->summary.code;
              });
    for (const detail::IndexEntry* entry : order) {
        const CaseSummary& s = entry->summary;
        std::vector<journal::SearchHit> hits;
        try {
            const CheckedCase checked = CheckCase(impl, *entry);
            hits = journal::SearchCase(checked.c, query, options);
        } catch (const VaultError& err) {
            result.problems.push_back(s.code + ": " + err.what());
            continue;
        }
        ++result.casesSearched;
        for (auto& hit : hits)
            result.hits.push_back({s.id, s.code, std::move(hit)});
    }
    return result;
}

std::vector<unsigned char> Vault::SealUnsaved(const journal::Case& c) const {
    m_impl->RequireUnlocked();
    Impl::RequireCaseId(c.id);
    std::string plain = SerializeCase(c);
    WipeOnExit wipe{plain};
    return EncryptCaseFile(m_impl->Key(), m_impl->keyFile.vault, c.id, kUnsavedGeneration, plain);
}

journal::Case Vault::OpenUnsaved(std::span<const unsigned char> sealed) const {
    m_impl->RequireUnlocked();
    const std::string label = "unsaved changes";
    DecryptedCase d = m_impl->Decrypt({}, sealed, label);
    WipeOnExit wipe{d.plaintext};
    if (d.header.generation != kUnsavedGeneration)
        throw VaultError(VaultError::Kind::Tampered,
                         label + ": a saved case file, not sealed unsaved changes");
    journal::Case c = DeserializeCase(d.plaintext, label);
    if (c.id != d.header.caseId)
        throw VaultError(VaultError::Kind::Tampered, label + ": holds a case with another id");
    return c;
}

namespace detail {

/// Verify's view of one case (VaultVerify.cpp): "" when fine, a note when an
/// interrupted save is pending, or throws VaultError with the problem.
std::string VerifyCase(const Vault::Impl& impl, const IndexEntry& entry) {
    const CheckedCase checked = CheckCase(impl, entry);
    if (!checked.indexBehind)
        return {};
    if (checked.generation != entry.summary.generation + 1)
        throw VaultError(VaultError::Kind::Tampered,
                         entry.summary.id + ".kbc: generation " +
                             std::to_string(checked.generation) +
                             " is newer than any save the index records (" +
                             std::to_string(entry.summary.generation) + ")");
    return entry.summary.id + ".kbc: newer than the index (an interrupted save of generation " +
           std::to_string(checked.generation) + "; opening the case finishes it)";
}

} // namespace detail
} // namespace kartbok::vault

// Vault: cases, the index, Verify (DESIGN.md §5).

#include "VaultImpl.h"

#include <sodium.h>

#include <algorithm>

namespace kartbok::vault {
namespace {

/// The plaintext of a case never outlives its parse.
struct WipeOnExit {
    std::string& s;
    ~WipeOnExit() {
        if (!s.empty())
            sodium_memzero(s.data(), s.size());
    }
};

struct CheckedCase {
    journal::Case c;
    std::uint64_t generation = 0;
    detail::Hash hash{};
    bool indexBehind = false; ///< a save finished but its index update did not
};

/// Where a case file is and the key and vault it must belong to.
struct CaseContext {
    std::filesystem::path path;
    std::span<const unsigned char, 32> key;
    VaultIdentity vault;
};

/// Reads, authenticates and parses one case file and checks it against its
/// index entry: the one path of LoadCase, SearchCases and Verify. The decrypted
/// archive is wiped before returning. Throws VaultError naming the file.
CheckedCase CheckCase(const CaseContext& ctx, const detail::IndexEntry& entry) {
    const std::string& id = entry.summary.id;
    const std::string name = id + ".kbc";
    const auto& path = ctx.path;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": missing (the index lists it; it was deleted or moved)");
    const auto bytes = ReadWholeFile(path);
    CheckedCase out;
    out.hash = detail::HashBytes(bytes);
    DecryptedCase d = DecryptCaseFile(ctx.key, ctx.vault, id, bytes);
    WipeOnExit wipe{d.plaintext};
    out.generation = d.header.generation;
    if (out.generation < entry.summary.generation)
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": rolled back: generation " + std::to_string(out.generation) +
                             " but the index expects " + std::to_string(entry.summary.generation) +
                             " (an older copy was restored?)");
    if (out.generation == entry.summary.generation &&
        sodium_memcmp(out.hash.data(), entry.hash.data(), out.hash.size()) != 0)
        throw VaultError(VaultError::Kind::Tampered,
                         name + ": does not match the index (same generation, other content: "
                                "replaced by another copy)");
    out.indexBehind = out.generation > entry.summary.generation;
    out.c = DeserializeCase(d.plaintext, name);
    if (out.c.id != id)
        throw VaultError(VaultError::Kind::Tampered, name + ": holds a case with another id");
    return out;
}

/// The generation in the header of sealed unsaved changes (SealUnsaved). Saved
/// case files start at 1, so neither is ever taken for the other.
constexpr std::uint64_t kUnsavedGeneration = 0;

detail::IndexEntry EntryFor(const journal::Case& c, std::uint64_t generation,
                            const detail::Hash& hash) {
    detail::IndexEntry e;
    e.summary = detail::Summarise(c);
    e.summary.generation = generation;
    e.hash = hash;
    return e;
}

} // namespace

detail::Index Vault::Impl::LoadIndex() const {
    std::error_code ec;
    if (!std::filesystem::exists(IndexPath(), ec))
        throw VaultError(VaultError::Kind::Tampered,
                         "index.kbx: missing in " + dir.string() + " (it was deleted or moved)");
    return detail::ParseIndex(ReadWholeFile(IndexPath()), keyFile.vault, vaultKey);
}

void Vault::Impl::SaveIndex(detail::Index& index) {
    ++index.generation;
    AtomicWriteFile(*fs, IndexPath(), detail::WriteIndex(index, keyFile.vault, vaultKey), true);
}

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
    m_impl->RequireUnlocked();
    FolderLock folder(m_impl->dir);
    detail::Index index = m_impl->LoadIndex();
    for (const auto& e : index.entries)
        if (e.summary.code == c.code)
            throw VaultError(VaultError::Kind::Usage,
                             "a case with that code already exists (" + e.summary.id + ")");
    std::error_code ec;
    if (c.id.empty()) {
        do
            c.id = detail::NewUuid();
        while (index.Find(c.id) != nullptr || std::filesystem::exists(m_impl->CasePath(c.id), ec));
    } else {
        Impl::RequireCaseId(c.id);
        if (index.Find(c.id) != nullptr || std::filesystem::exists(m_impl->CasePath(c.id), ec))
            throw VaultError(VaultError::Kind::Usage, "a case with id " + c.id + " already exists");
    }

    std::string plain = SerializeCase(c);
    WipeOnExit wipe{plain};
    const auto bytes = EncryptCaseFile(m_impl->Key(), m_impl->keyFile.vault, c.id, 1, plain);
    AtomicWriteFile(*m_impl->fs, m_impl->CasePath(c.id), bytes, false);
    const detail::Hash hash = detail::HashBytes(bytes);
    m_impl->known[c.id] = {1, hash, detail::StampOf(m_impl->CasePath(c.id))};
    index.entries.push_back(EntryFor(c, 1, hash));
    m_impl->SaveIndex(index);
    m_impl->AppendAudit(AuditAction::Create, c.id, "generation 1");
}

journal::Case Vault::LoadCase(const std::string& caseId) {
    m_impl->RequireUnlocked();
    Impl::RequireCaseId(caseId);
    const std::string name = caseId + ".kbc";
    detail::Index index = m_impl->LoadIndex();
    const detail::IndexEntry* entry = index.Find(caseId);
    if (entry == nullptr) {
        std::error_code ec;
        if (std::filesystem::exists(m_impl->CasePath(caseId), ec))
            throw VaultError(VaultError::Kind::Tampered,
                             name + ": not in the index (added from elsewhere?)");
        throw VaultError(VaultError::Kind::Usage, "no case " + caseId + " in this vault");
    }
    // Stamped before reading: a change after this shows as another stamp at save time.
    const auto stamp = detail::StampOf(m_impl->CasePath(caseId));
    CheckedCase checked =
        CheckCase({m_impl->CasePath(caseId), m_impl->Key(), m_impl->keyFile.vault}, *entry);
    if (checked.indexBehind) {
        // The save wrote the case and was interrupted before the index: the file
        // is authentic and newer, so the index catches up rather than crying wolf.
        FolderLock folder(m_impl->dir);
        detail::Index fresh = m_impl->LoadIndex();
        if (detail::IndexEntry* e = fresh.Find(caseId);
            e != nullptr && e->summary.generation < checked.generation) {
            *e = EntryFor(checked.c, checked.generation, checked.hash);
            try {
                m_impl->SaveIndex(fresh);
            } catch (const VaultError&) {
                // Read-only vault: opening still works; the index stays behind.
            }
        }
    }
    m_impl->known[caseId] = {checked.generation, checked.hash, stamp};
    try {
        m_impl->AppendAudit(AuditAction::Open, caseId,
                            "generation " + std::to_string(checked.generation) +
                                (checked.indexBehind ? "; index caught up" : ""));
    } catch (const VaultError&) {
        // Reading from read-only media must work; Verify shows the gap.
    }
    return std::move(checked.c);
}

VaultSearchResult Vault::SearchCases(std::string_view query,
                                     const journal::SearchOptions& options) {
    m_impl->RequireUnlocked();
    VaultSearchResult result;
    if (query.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return result; // finds nothing (journal::SearchCase), so nothing is read
    const detail::Index index = m_impl->LoadIndex();
    std::vector<const detail::IndexEntry*> order;
    order.reserve(index.entries.size());
    for (const auto& e : index.entries)
        order.push_back(&e);
    std::sort(order.begin(), order.end(),
              [](const detail::IndexEntry* a, const detail::IndexEntry* b) {
                  return a->summary.code < b->summary.code;
              });
    for (const detail::IndexEntry* entry : order) {
        const CaseSummary& s = entry->summary;
        std::vector<journal::SearchHit> hits;
        try {
            // The same checks as LoadCase; the decrypted archive is wiped inside,
            // the parsed case is dropped at the end of this block.
            const CheckedCase checked =
                CheckCase({m_impl->CasePath(s.id), m_impl->Key(), m_impl->keyFile.vault}, *entry);
            hits = journal::SearchCase(checked.c, query, options);
        } catch (const VaultError& e) {
            result.problems.push_back(s.code + ": " + e.what());
            continue;
        }
        ++result.casesSearched;
        for (auto& hit : hits)
            result.hits.push_back({s.id, s.code, std::move(hit)});
    }
    std::string counts = std::to_string(result.casesSearched) + " cases, " +
                         std::to_string(result.hits.size()) + " hits";
    if (!result.problems.empty())
        counts += ", " + std::to_string(result.problems.size()) + " could not be read";
    try {
        m_impl->AppendAudit(AuditAction::Search, {}, counts);
    } catch (const VaultError&) {
        // As LoadCase: searching read-only media must work; Verify shows the gap.
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
    DecryptedCase d = DecryptCaseFile(m_impl->Key(), m_impl->keyFile.vault, {}, sealed, label);
    WipeOnExit wipe{d.plaintext};
    if (d.header.generation != kUnsavedGeneration)
        throw VaultError(VaultError::Kind::Tampered,
                         label + ": a saved case file, not sealed unsaved changes");
    journal::Case c = DeserializeCase(d.plaintext, label);
    if (c.id != d.header.caseId)
        throw VaultError(VaultError::Kind::Tampered, label + ": holds a case with another id");
    return c;
}

void Vault::SaveCase(const journal::Case& c) {
    m_impl->RequireUnlocked();
    Impl::RequireCaseId(c.id);
    const std::string name = c.id + ".kbc";
    const auto path = m_impl->CasePath(c.id);
    auto known = m_impl->known.find(c.id);
    if (known == m_impl->known.end())
        throw VaultError(VaultError::Kind::Usage, name + ": open the case before saving it");
    std::error_code ec;
    if (!std::filesystem::exists(m_impl->KeyPath(), ec))
        throw VaultError(VaultError::Kind::Io,
                         "the vault folder " + m_impl->dir.string() +
                             " cannot be reached (removed, renamed, or a network share that "
                             "dropped); nothing was saved");
    if (!std::filesystem::exists(path, ec))
        throw VaultError(VaultError::Kind::Conflict,
                         name + ": was removed since it was opened; nothing was saved");
    const bool untouched = known->second.stamp && detail::StampOf(path) == known->second.stamp;
    if (!untouched && detail::HashBytes(ReadWholeFile(path)) != known->second.hash)
        throw VaultError(VaultError::Kind::Conflict,
                         name + ": changed on disk since it was opened (another program or "
                                "Kartbok instance); reopen it before saving");

    const std::uint64_t generation = known->second.generation + 1;
    std::string plain = SerializeCase(c);
    WipeOnExit wipe{plain};
    const auto bytes =
        EncryptCaseFile(m_impl->Key(), m_impl->keyFile.vault, c.id, generation, plain);
    const detail::Hash hash = detail::HashBytes(bytes);
    try {
        AtomicWriteFile(*m_impl->fs, path, bytes, true);
    } catch (const VaultError&) {
        // After the rename (folder fsync failed) the new file is in place: our
        // record must follow the disk, or the next save would see a conflict.
        if (std::filesystem::exists(path, ec) && detail::HashBytes(ReadWholeFile(path)) == hash)
            known->second = {generation, hash, detail::StampOf(path)};
        throw;
    }
    known->second = {generation, hash, detail::StampOf(path)};

    try {
        FolderLock folder(m_impl->dir);
        detail::Index index = m_impl->LoadIndex();
        detail::IndexEntry* e = index.Find(c.id);
        if (e == nullptr) {
            index.entries.push_back(EntryFor(c, generation, hash));
        } else if (e->summary.generation < generation) {
            *e = EntryFor(c, generation, hash);
        }
        m_impl->SaveIndex(index);
    } catch (const VaultError& e) {
        throw VaultError(e.GetKind(), std::string(e.what()) + "; " + name +
                                          " itself was saved, and the index catches up when "
                                          "the case is next opened");
    }
    try {
        m_impl->AppendAudit(AuditAction::Save, c.id, "generation " + std::to_string(generation));
    } catch (const VaultError& e) {
        throw VaultError(e.GetKind(), std::string(e.what()) + "; " + name + " itself was saved");
    }
}

VerifyReport Vault::Verify() {
    m_impl->RequireUnlocked();
    VerifyReport report;
    auto add = [&](const std::string& p) { report.problems.push_back(p); };
    try {
        detail::KeyFile kf = detail::ParseKeyFile(ReadWholeFile(m_impl->KeyPath()));
        if (kf.vault != m_impl->keyFile.vault)
            add("vault.key: belongs to another vault");
        else if (detail::UnwrapAuditSecret(kf, m_impl->vaultKey).Empty())
            add("vault.key: the audit key is unusable");
    } catch (const VaultError& e) {
        add(e.what());
    }

    std::optional<detail::Index> index;
    try {
        index = m_impl->LoadIndex();
    } catch (const VaultError& e) {
        add(e.what());
    }
    if (index) {
        for (const auto& entry : index->entries) {
            try {
                const CheckedCase checked = CheckCase(
                    {m_impl->CasePath(entry.summary.id), m_impl->Key(), m_impl->keyFile.vault},
                    entry);
                if (checked.indexBehind)
                    add(entry.summary.id + ".kbc: newer than the index (generation " +
                        std::to_string(checked.generation) + " vs " +
                        std::to_string(entry.summary.generation) +
                        "; a save was interrupted; opening the case repairs it)");
            } catch (const VaultError& e) {
                add(e.what());
            }
        }
    }
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(m_impl->dir, ec)) {
        const std::string fname = f.path().filename().string();
        if (f.path().extension() != ".kbc")
            continue;
        const std::string id = f.path().stem().string();
        if (!detail::IsUuid(id))
            add(fname + ": not a case file name Kartbok makes");
        else if (index && index->Find(id) == nullptr)
            add(fname +
                ": not in the index (added from elsewhere, or its creation was interrupted)");
    }
    const auto audit = detail::ReadAuditFile(m_impl->AuditPath(), m_impl->keyFile.vault,
                                             m_impl->keyFile.auditPublic, m_impl->auditSecret,
                                             m_impl->auditMacKey);
    for (const auto& p : audit.problems)
        add(p);
    report.ok = report.problems.empty();
    return report;
}

} // namespace kartbok::vault

// Vault: Verify and Repair (docs/vault-format.md, "Verify" and "Repair").

#include "VaultImpl.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>

namespace kartbok::vault {

namespace detail {
std::string VerifyCase(const Vault::Impl& impl, const IndexEntry& entry); // VaultCases.cpp
void FinishRotation(Vault::Impl& impl, const std::string& detail);        // VaultKeys.cpp
} // namespace detail

namespace {

enum class FileKind { Core, Case, Backup, Temp, CaseLock, WriteLock, Quarantined, Other };

FileKind KindOf(const std::string& name) {
    if (name == "vault.key" || name == "index.kbx" || name == "audit.kbl")
        return FileKind::Core;
    if (name == "write.lock")
        return FileKind::WriteLock;
    if (name.find(".tmp-") != std::string::npos || name.find(".stale-") != std::string::npos)
        return FileKind::Temp;
    if (name.find(".quarantined-") != std::string::npos)
        return FileKind::Quarantined;
    auto ends = [&](const std::string& tail) {
        return name.size() > tail.size() &&
               name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends(".bak"))
        return FileKind::Backup;
    if (ends(".kbc"))
        return FileKind::Case;
    if (ends(".lock"))
        return FileKind::CaseLock;
    return FileKind::Other;
}

/// The latest record of the audit log about a case, if any (by id).
const AuditEntry* LastRecordOf(const std::vector<AuditEntry>& log, const std::string& id) {
    for (auto it = log.rbegin(); it != log.rend(); ++it)
        if (it->caseId == id && it->caseGeneration != 0)
            return &*it;
    return nullptr;
}

/// "G-C-H" as Fingerprint() makes it.
struct Fingerprint {
    std::uint64_t generation = 0, count = 0;
    std::string hash;
};

std::optional<Fingerprint> ParseFingerprint(const std::string& text) {
    Fingerprint f;
    const auto a = text.find('-'), b = text.find('-', a == std::string::npos ? a : a + 1);
    if (a == std::string::npos || b == std::string::npos)
        return std::nullopt;
    auto num = [](std::string_view s, std::uint64_t& out) {
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && p == s.data() + s.size() && !s.empty();
    };
    f.hash = text.substr(b + 1);
    if (!num(std::string_view(text).substr(0, a), f.generation) ||
        !num(std::string_view(text).substr(a + 1, b - a - 1), f.count) || f.hash.size() != 16 ||
        f.hash.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::nullopt;
    return f;
}

void CheckFingerprint(const std::string& expect, const detail::Index& index,
                      const detail::AuditReadResult& audit, std::vector<std::string>& problems) {
    const auto f = ParseFingerprint(expect);
    if (!f) {
        problems.push_back("--expect: not a vault fingerprint (GENERATION-RECORDS-HASH, as vault "
                           "verify prints it)");
        return;
    }
    if (index.generation < f->generation)
        problems.push_back("index.kbx: generation " + std::to_string(index.generation) +
                           " is behind the fingerprint's " + std::to_string(f->generation) +
                           ": the vault was rolled back (perhaps every file together)");
    const auto frame =
        std::find_if(audit.frames.begin(), audit.frames.end(),
                     [&](const detail::AuditFrame& fr) { return fr.seq + 1 == f->count; });
    if (frame == audit.frames.end())
        problems.push_back("audit.kbl: has no record " + std::to_string(f->count) +
                           ", which the fingerprint names: the log was cut or replaced");
    else if (detail::ToHex(std::span(frame->self).subspan(0, 8)) != f->hash)
        problems.push_back("audit.kbl: record " + std::to_string(f->count) +
                           " is not the one the fingerprint names: the log was replaced");
}

} // namespace

namespace {

void CheckKeyFile(const Vault::Impl& impl, VerifyReport& report) {
    try {
        const auto bytes = ReadWholeFile(impl.KeyPath(), 1u << 20);
        const detail::KeyFile kf = detail::ParseKeyFile(bytes);
        if (kf.vault != impl.keyFile.vault)
            report.problems.push_back("vault.key: belongs to another vault");
        else if (kf.version >= 2)
            detail::CheckKeyFileMac(bytes, impl.vaultKey);
        if (kf.previousKey)
            report.notes.push_back(
                "vault.key: a change of vault key was interrupted; vault repair finishes it");
        for (const auto& s : kf.slots)
            if (s.kind == detail::SlotKind::Legacy)
                report.notes.push_back("vault.key: the key slot of " + s.user +
                                       " is of version 1; it is upgraded when " + s.user +
                                       " next unlocks and saves");
    } catch (const VaultError& e) {
        report.problems.push_back(e.what());
    }
}

/// One file of the folder that is not a core file: a note, or a problem when
/// it contradicts the index or the log.
void CheckFolderFile(const Vault::Impl& impl, const std::string& name,
                     const std::optional<detail::Index>& index,
                     const detail::AuditReadResult& audit, VerifyReport& report) {
    auto note = [&](const std::string& n) { report.notes.push_back(name + ": " + n); };
    std::error_code ec;
    switch (KindOf(name)) {
    case FileKind::Core:
    case FileKind::WriteLock:
        break;
    case FileKind::Case: {
        const std::string id = name.substr(0, name.size() - 4);
        if (!detail::IsUuid(id)) {
            note("not a case file name Kartbok makes (ignored)");
        } else if (index && index->Find(id) == nullptr) {
            if (const AuditEntry* r = LastRecordOf(audit.entries, id))
                report.problems.push_back(
                    name + ": not in the index, but audit.kbl records it (record " +
                    std::to_string(r->seq + 1) + ": " + ToString(r->action) +
                    "): the index was rolled back or the case removed from it");
            else
                note("an orphan (not in the index; an interrupted creation?); vault repair "
                     "adopts or quarantines it");
        }
        break;
    }
    case FileKind::Backup:
        note(KindOf(name.substr(0, name.size() - 4)) == FileKind::Case
                 ? "the previous version (vault restore --previous puts it back)"
                 : "the version before the last change (for recovery by hand; put back, it is "
                   "reported as a rollback)");
        break;
    case FileKind::Temp:
        note("left over from an interrupted write; vault repair removes it");
        break;
    case FileKind::Quarantined:
        note("set aside by vault repair (not part of the vault)");
        break;
    case FileKind::CaseLock:
        note("a case is open for editing somewhere (or was, before a crash)");
        break;
    case FileKind::Other:
        if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(impl.dir / name, ec)))
            report.problems.push_back(
                name + ": not a regular file; a vault holds only files Kartbok writes");
        else
            note("not a file Kartbok writes (ignored)");
        break;
    }
}

/// A fresh cross-check of index and log, on the handle's behalf but without
/// repairing and without touching what it found at unlock.
void CheckAnchorsAgain(Vault::Impl& impl, const detail::Index& index, VerifyReport& report) {
    std::vector<std::string> keepProblems = std::move(impl.integrityProblems);
    std::vector<std::string> keepNotes = impl.notes;
    impl.integrityProblems.clear();
    impl.CheckAnchors(index, false);
    for (const auto& p : impl.integrityProblems)
        report.problems.push_back(p);
    impl.integrityProblems = std::move(keepProblems);
    for (std::size_t i = keepNotes.size(); i < impl.notes.size(); ++i)
        report.notes.push_back(impl.notes[i]);
    impl.notes = std::move(keepNotes);
}

} // namespace

VerifyReport Vault::Verify(const std::string& expectFingerprint) {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    VerifyReport report;
    CheckKeyFile(impl, report);
    // Index and log as one state: read under write.lock when it can be taken.
    std::optional<WriteLock> lock;
    try {
        lock.emplace(impl);
    } catch (const VaultError& e) {
        report.notes.push_back(std::string("checked without write.lock (") + e.what() + ")");
    }
    std::optional<detail::Index> index;
    try {
        index = impl.LoadIndex();
    } catch (const VaultError& e) {
        report.problems.push_back(e.what());
    }
    detail::AuditReadResult audit;
    try {
        audit = detail::ReadAuditBytes(ReadWholeFile(impl.AuditPath()), impl.keyFile.vault,
                                       impl.auditKeys);
    } catch (const VaultError& e) {
        audit.problems.push_back(e.what());
    }
    if (index) {
        CheckAnchorsAgain(impl, *index, report);
        lock.reset(); // the cases are read without holding up other writers
        for (const auto& entry : index->entries) {
            try {
                if (std::string n = detail::VerifyCase(impl, entry); !n.empty())
                    report.notes.push_back(n);
            } catch (const VaultError& e) {
                report.problems.push_back(e.what());
            }
        }
        if (!expectFingerprint.empty())
            CheckFingerprint(expectFingerprint, *index, audit, report.problems);
    }
    for (const auto& p : audit.problems)
        report.problems.push_back(p);
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& f : std::filesystem::directory_iterator(impl.dir, ec))
        names.push_back(f.path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& name : names)
        CheckFolderFile(impl, name, index, audit, report);
    try {
        report.fingerprint = Fingerprint();
    } catch (const VaultError&) {
    }
    report.ok = report.problems.empty();
    return report;
}

namespace {

/// Why an orphan case file may not be adopted ("" when it may): it must be an
/// authentic first generation of this vault, its code free, unknown to the log.
std::string AdoptionProblem(const std::string& id, const DecryptedCase& d, const journal::Case& c,
                            const detail::Index& index, const std::vector<AuditEntry>& log) {
    if (LastRecordOf(log, id) != nullptr)
        return "the audit log records it: not an interrupted creation";
    if (std::any_of(index.entries.begin(), index.entries.end(),
                    [&](const auto& e) { return e.summary.code == c.code; }))
        return "its code is used by another case";
    if (c.id != id || d.header.generation != 1 || log.empty())
        return "not a first version of a case";
    return {};
}

/// Adopts an orphan case file, or sets it aside; each audited.
void RepairOrphan(Vault::Impl& impl, const std::filesystem::path& path,
                  const std::vector<AuditEntry>& log, RepairReport& report) {
    const std::string name = path.filename().string();
    const std::string id = name.substr(0, name.size() - 4);
    detail::Index index = impl.LoadIndex();
    if (!detail::IsUuid(id) || index.Find(id) != nullptr)
        return;
    std::string why;
    try {
        const auto bytes = ReadWholeFile(path);
        DecryptedCase d = impl.Decrypt(id, bytes);
        detail::WipeOnExit wipe{d.plaintext};
        const journal::Case c = DeserializeCase(d.plaintext, name);
        why = AdoptionProblem(id, d, c, index, log);
        if (why.empty()) {
            index.entries.push_back(detail::EntryFor(c, 1, detail::CaseHeaderHash(bytes)));
            AuditEntry e;
            e.action = AuditAction::Repair;
            e.caseId = id;
            e.caseGeneration = 1;
            e.detail = "adopted " + name + " (its creation was interrupted)";
            impl.Commit(index, {e});
            report.steps.push_back(e.detail);
            return;
        }
    } catch (const VaultError& e) {
        why = e.what();
    }
    unsigned char rnd[4];
    detail::RandomBytes(rnd, sizeof rnd);
    const auto aside = impl.dir / (name + ".quarantined-" + detail::ToHex(rnd));
    if (impl.fs->Rename(path, aside) != 0)
        return;
    AuditEntry e;
    e.action = AuditAction::Repair;
    e.detail = "quarantined " + name + " as " + aside.filename().string() + " (" + why + ")";
    impl.Append(e, true);
    report.steps.push_back(e.detail);
}

} // namespace

RepairReport Vault::Repair() {
    Impl& impl = *m_impl;
    impl.RequireUnlocked();
    impl.RequireIntact();
    RepairReport report;
    WriteLock lock(impl);
    if (!impl.previousKey.Empty()) {
        detail::FinishRotation(impl, "finished after an interruption");
        report.steps.push_back("finished an interrupted change of vault key");
    }
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::directory_iterator(impl.dir, ec))
        files.push_back(f.path());
    std::sort(files.begin(), files.end());
    std::vector<AuditEntry> log;
    try {
        log = ReadAudit();
    } catch (const VaultError&) {
        // A damaged log: orphans are quarantined rather than adopted.
    }
    for (const auto& path : files) {
        const std::string name = path.filename().string();
        if (KindOf(name) == FileKind::Temp) {
            if (impl.fs->Unlink(path) != 0)
                continue;
            AuditEntry e;
            e.action = AuditAction::Repair;
            e.detail = "removed " + name + " (left over from an interrupted write)";
            impl.Append(e, true);
            report.steps.push_back(e.detail);
        } else if (KindOf(name) == FileKind::Case) {
            RepairOrphan(impl, path, log, report);
        }
    }
    return report;
}

} // namespace kartbok::vault

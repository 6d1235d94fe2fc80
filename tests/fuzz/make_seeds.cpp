// make_fuzz_seeds SEEDS_DIR SOURCE_DIR: writes the seed corpora of the fuzz
// targets into SEEDS_DIR/<target>/ (tests/fuzz/seeds, committed). Cases come
// from the demo vault (made in-process through kartbok-cli, as a user would)
// plus one invented case that sets every field; big cases are cut into
// several small seeds, since libFuzzer mutates small inputs far faster.
// Encrypted seeds use FuzzSupport.h's fixed key so the targets can open them.
// Run it again (cmake --build build-fuzz --target fuzz_seeds) after a format
// change; the files it writes are deterministic except nonces, keys and the
// times in audit records.
#include "FuzzSupport.h"

#include "CaseJson.h"
#include "Cli.h"

#include "Audit.h"
#include "Index.h"
#include "KeyFile.h"
#include "Lock.h"

#include "kartbok/genogram/Gedcom.h"
#include "kartbok/vault/CaseFile.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <stdlib.h>

namespace fs = std::filesystem;
namespace g = kartbok::genogram;
namespace kj = kartbok::journal;
namespace vault = kartbok::vault;
namespace detail = kartbok::vault::detail;

namespace {

constexpr std::size_t kMaxSeedBytes = 8 * 1024;
const std::string kPassword = "fuzz-seed-password";

struct Cli {
    int code;
    std::string out;
};

Cli Run(std::vector<std::string> args) {
    args.insert(args.begin(), "kartbok-cli");
    std::vector<const char*> argv;
    for (const auto& a : args)
        argv.push_back(a.c_str());
    std::istringstream in(kPassword + "\n");
    std::ostringstream out, err;
    const int code = kartbok::cli::Run(static_cast<int>(argv.size()), argv.data(), in, out, err);
    if (code != 0) {
        std::cerr << "make_fuzz_seeds: kartbok-cli " << args.at(1) << " failed: " << err.str();
        std::exit(1);
    }
    return {code, out.str()};
}

void Write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

void Write(const fs::path& file, const std::vector<unsigned char>& bytes) {
    Write(file, std::string(bytes.begin(), bytes.end()));
}

std::string Read(const fs::path& file) {
    std::ifstream f(file, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

/// A family with every kind of person, union, union event, child link,
/// relation and household in use.
g::Family EveryFamilyField() {
    g::Family f;
    for (g::Id id = 1; id <= 7; ++id) {
        g::Person p;
        p.id = id;
        p.gender = static_cast<g::Gender>(id % 4);
        p.kind = id == 7 ? g::PersonKind::Miscarriage : g::PersonKind::Person;
        p.givenNames = "Namn" + std::to_string(id);
        p.surname = id % 2 ? "Ett" : "Två";
        p.birth = id % 2 ? g::FuzzyDate::Full(1950 + static_cast<int>(id), 3, 14)
                         : g::FuzzyDate::About(1960);
        p.deceased = id == 1;
        if (p.deceased)
            p.death = g::FuzzyDate::Year(2001);
        p.isIndex = id == 5;
        p.placeholder = id == 2;
        p.occupation = "yrke";
        p.place = "ort";
        p.note = "anteckning";
        p.conditions = static_cast<std::uint8_t>(id & 0x0f);
        p.nudgeX = id == 3 ? -12.5 : 0;
        f.people.push_back(p);
    }
    f.unions.push_back({8,
                        1,
                        2,
                        g::UnionKind::Marriage,
                        {{g::UnionEventKind::Married, 1975},
                         {g::UnionEventKind::Divorced, 1990},
                         {g::UnionEventKind::Reunited, 1995}},
                        0});
    f.unions.push_back({9, 1, 3, g::UnionKind::Affair, {{g::UnionEventKind::Separated, 0}}, 1});
    f.children.push_back({4, 8, g::kNoId, g::ChildKind::Biological, 0, 20, g::TwinKind::Identical});
    f.children.push_back({5, 8, g::kNoId, g::ChildKind::Adopted, 1, 20, g::TwinKind::Identical});
    f.children.push_back({6, g::kNoId, 3, g::ChildKind::Foster, 0, g::kNoId, g::TwinKind::None});
    f.relations.push_back({10, 5, 1, g::RelationKind::Neglect, true, "relation"});
    f.relations.push_back({11, 4, 5, g::RelationKind::CutOffRepaired, false, ""});
    f.households.push_back({12, "hushåll", {4, 5, 6}, 1990, 2000});
    f.nextId = 21;
    return f;
}

/// A signed session with every field and two addenda (one a correction),
/// and an empty draft.
std::vector<kj::Session> EverySessionField() {
    kj::Session s;
    s.id = "00000000-0000-4000-8000-00000000a001";
    s.start = 1'710'000'000;
    s.minutes = 90;
    s.type = kj::SessionType::FollowUp;
    s.participants = {1, 4};
    s.templateId = "note-soap";
    s.templateVersion = 2;
    s.fields = {{"s", "subjektivt"}, {"o", ""}, {"a", "bedömning"}};
    s.themes = {"tema"};
    s.methods = {"family-map"};
    s.nextSteps = "nästa steg";
    s.nextAppointment = 1'711'000'000;
    s.author = "terapeut";
    s.created = 1'710'000'100;
    s.isSigned = true;
    s.signedBy = "terapeut";
    s.signedAt = 1'710'000'200;
    s.addenda = {{"terapeut", 1'710'100'000, "tillägg", "skäl", ""},
                 {"terapeut", 1'710'200'000, "rättad text", "fel", "a"}};
    kj::Session draft;
    draft.id = "00000000-0000-4000-8000-00000000a002";
    draft.type = kj::SessionType::Couple;
    return {s, draft};
}

/// An invented case with every field and every enumeration value in use.
kj::Case EveryField() {
    kj::Case c;
    c.id = "00000000-0000-4000-8000-00000000e7e7";
    c.code = "FUZZ-1";
    c.name = "Ada Exempel";
    c.contact = "070-000 00 00";
    c.reasonForContact = "Påhittad kontaktorsak, \"citat\" och\nny rad.";
    c.status = kj::CaseStatus::FollowUpDone;
    c.firstContact = {2024, 1, 2};
    c.start = {2024, 2, 29};
    c.end = {2025, 12, 31};
    c.followUpDue = {2026, 6, 30};
    c.followUpMonths = 8;
    c.family = EveryFamilyField();
    c.sessions = EverySessionField();
    const std::string& signedId = c.sessions.front().id;
    c.checklists.push_back({"deep-interview",
                            1,
                            {{"family-map", kj::TopicState::Covered, "klar", {signedId}, {1, 4}},
                             {"childhood", kj::TopicState::Partly, "", {}, {}},
                             {"puberty", kj::TopicState::NotYet, "", {}, {}}}});
    c.forms.push_back({"00000000-0000-4000-8000-00000000f001",
                       "form-start",
                       1,
                       kj::FormPhase::Start,
                       {2024, 2, 29},
                       {{"q1", "yes"}, {"q2", "3"}}});
    c.forms.push_back({"00000000-0000-4000-8000-00000000f002",
                       "form-end",
                       1,
                       kj::FormPhase::FollowUp,
                       {2026, 6, 30},
                       {{"q1", "fritext"}}});
    return c;
}

/// Small pieces of a case: libFuzzer works best on inputs of a few KB.
std::vector<std::pair<std::string, kj::Case>> Pieces(const std::string& name, const kj::Case& c) {
    std::vector<std::pair<std::string, kj::Case>> out;
    if (vault::SerializeCase(c).size() <= kMaxSeedBytes) {
        out.emplace_back(name, c);
        return out;
    }
    kj::Case family = c;
    family.sessions.clear();
    family.checklists.clear();
    family.forms.clear();
    out.emplace_back(name + "-family", family);
    kj::Case rest = c;
    rest.family = {};
    rest.sessions.clear();
    out.emplace_back(name + "-checklists-forms", rest);
    for (std::size_t i = 0; i < c.sessions.size() && i < 6; i += 2) {
        kj::Case sessions = rest;
        sessions.checklists.clear();
        sessions.forms.clear();
        sessions.sessions.assign(
            c.sessions.begin() + static_cast<std::ptrdiff_t>(i),
            c.sessions.begin() + static_cast<std::ptrdiff_t>(std::min(i + 2, c.sessions.size())));
        out.emplace_back(name + "-sessions-" + std::to_string(i), sessions);
    }
    return out;
}

std::vector<unsigned char> IndexBody(const std::vector<kj::Case>& cases) {
    const detail::SecureBuffer key(kartbok::fuzz::kVaultKey.data(),
                                   kartbok::fuzz::kVaultKey.size());
    detail::Index index;
    index.generation = cases.size() + 1;
    for (const auto& c : cases) {
        detail::IndexEntry e;
        e.summary = detail::Summarise(c);
        e.summary.generation = 3;
        e.hash = detail::HashBytes(vault::SerializeCase(c));
        index.entries.push_back(e);
    }
    const detail::Bytes file = detail::WriteIndex(index, kartbok::fuzz::FuzzVault(), key);
    // Version 3 header: 36 bytes, key epoch, commitment, an empty audit head.
    constexpr std::size_t kAd = 36 + 4 + 16 + 8 + 32 + 8 + 4;
    constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::vector<unsigned char> body(file.size());
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            body.data(), &len, nullptr, file.data() + kAd + kNonce, file.size() - kAd - kNonce,
            file.data(), kAd, file.data() + kAd, key.Data()) != 0) {
        std::cerr << "make_fuzz_seeds: index.kbx layout is not what docs/vault-format.md says\n";
        std::exit(1);
    }
    body.resize(static_cast<std::size_t>(len));
    return body;
}

/// A version 2 vault.key under the fuzz key: key-pair slots, the fuzz audit keys, a MAC.
detail::Bytes KeyFileWithSlots(int slots) {
    const detail::SecureBuffer key(kartbok::fuzz::kVaultKey.data(),
                                   kartbok::fuzz::kVaultKey.size());
    detail::KeyFile kf;
    kf.version = 2;
    kf.epoch = 1;
    kf.vault = kartbok::fuzz::FuzzVault();
    detail::AddRingEntry(kf, kartbok::fuzz::FuzzVaultAuditKeys(), key);
    for (int i = 0; i < slots; ++i)
        kf.slots.push_back(detail::MakeSlot(kf, i == 0 ? "anna" : "user-" + std::to_string(i),
                                            kPassword, vault::KdfLimits::Minimum(), key));
    return detail::WriteKeyFile(kf, key);
}

/// A version 2 audit log of the fuzz vault with a record of every kind of
/// writer: with the vault key (MAC), without (a failed unlock); anchored saves.
detail::Bytes AuditLog() {
    const detail::AuditKeys keys = kartbok::fuzz::FuzzVaultAuditKeys();
    detail::Bytes log = detail::NewAuditLog(kartbok::fuzz::FuzzVault());
    detail::AuditPosition at{log.size(), 0, detail::HashBytes(log)};
    auto append = [&](vault::AuditAction action, const std::string& user, const std::string& caseId,
                      const std::string& text, std::uint64_t indexGen, bool authenticated = true) {
        vault::AuditEntry e;
        e.action = action;
        e.user = user;
        e.caseId = caseId;
        e.detail = text;
        e.time = 1767225600 + static_cast<std::int64_t>(at.count);
        e.caseGeneration = indexGen == 0 ? 0 : 2;
        const detail::Bytes rec = detail::SealAuditRecord(e, at, indexGen, 1, keys.publicKey,
                                                          authenticated ? &keys.mac : nullptr);
        log.insert(log.end(), rec.begin(), rec.end());
        at = {log.size(), at.count + 1, detail::HashBytes(rec)};
    };
    const std::string caseId = EveryField().id;
    append(vault::AuditAction::SlotAdded, "anna", "", "vault created; slot for anna", 1);
    append(vault::AuditAction::UnlockFailed, "", "", "wrong password", 0, false);
    append(vault::AuditAction::Unlock, "anna", "", "", 0);
    append(vault::AuditAction::Create, "anna", caseId, "", 2);
    append(vault::AuditAction::Open, "anna", caseId, "", 0);
    append(vault::AuditAction::Save, "anna", caseId, "session 1", 3);
    append(vault::AuditAction::Search, "anna", "", "3 cases", 0);
    return log;
}

/// An anchor seed: u32 length, an index whose head names the log's last
/// record (and holds it as pending), then the log.
detail::Bytes Anchor(const detail::Bytes& log, std::size_t pendingBytes) {
    const detail::SecureBuffer key(kartbok::fuzz::kVaultKey.data(),
                                   kartbok::fuzz::kVaultKey.size());
    detail::Index index;
    index.generation = 3;
    index.head.end = log.size();
    index.head.pending.assign(log.end() - static_cast<std::ptrdiff_t>(pendingBytes), log.end());
    index.head.count = 7;
    const detail::Bytes file = detail::WriteIndex(index, kartbok::fuzz::FuzzVault(), key);
    detail::ByteWriter w;
    w.U32(static_cast<std::uint32_t>(file.size()));
    w.Raw(std::span(file));
    w.Raw(std::span(log));
    return std::move(w.Out());
}

/// A lock as FormatLock writes it, for an invented holder (never this host).
std::string Lock(const std::string& user, const std::string& host, long pid, std::int64_t since) {
    detail::LockInfo l;
    l.user = user;
    l.host = host;
    l.pid = pid;
    l.start = 1234567;
    l.since = since;
    return detail::FormatLock(l);
}

void CopyFiles(const fs::path& from, const fs::path& to, const std::string& ext, bool recursive) {
    if (!fs::exists(from))
        return;
    auto copy = [&](const fs::directory_entry& e) {
        if (!e.is_regular_file() || e.path().extension() != ext)
            return;
        std::string name = fs::relative(e.path(), from).string();
        std::replace(name.begin(), name.end(), '/', '-');
        Write(to / name, Read(e.path()));
    };
    if (recursive)
        for (const auto& e : fs::recursive_directory_iterator(from))
            copy(e);
    else
        for (const auto& e : fs::directory_iterator(from))
            copy(e);
}

/// Seeds of the vault's own files: key files, audit logs, index/log anchors.
void WriteVaultSeeds(const fs::path& seeds, const fs::path& source, const fs::path& demo) {
    Write(seeds / "fuzz_vault_key" / "demo.key", Read(demo / "vault.key"));
    Write(seeds / "fuzz_vault_key" / "golden-v1.key",
          Read(source / "tests/data/vault/v1/vault.key"));
    Write(seeds / "fuzz_vault_key" / "golden-v3.key",
          Read(source / "tests/data/vault/v3/vault.key"));
    Write(seeds / "fuzz_vault_key" / "three-slots.key", KeyFileWithSlots(3));

    const detail::Bytes audit = AuditLog();
    Write(seeds / "fuzz_audit" / "seven-records.kbl", audit);
    detail::Bytes torn = audit;
    torn.resize(torn.size() - 10);
    Write(seeds / "fuzz_audit" / "torn-last-record.kbl", torn);
    detail::Bytes garbage = audit;
    garbage.insert(garbage.begin() + 200, 17, 0x5a);
    Write(seeds / "fuzz_audit" / "damaged-in-the-middle.kbl", garbage);
    const std::string legacyText = Read(source / "tests/data/vault/v1/audit.kbl");
    const detail::Bytes legacy(legacyText.begin(), legacyText.end());
    Write(seeds / "fuzz_audit" / "golden-v1.kbl", legacy);
    Write(seeds / "fuzz_audit" / "upgraded-v1.kbl",
          detail::NewAuditLog(kartbok::fuzz::FuzzVault(), legacy));
    Write(seeds / "fuzz_audit" / "golden-v3.kbl", Read(source / "tests/data/vault/v3/audit.kbl"));

    Write(seeds / "fuzz_anchor" / "last-record-pending.bin", Anchor(audit, 200));
    Write(seeds / "fuzz_anchor" / "nothing-pending.bin", Anchor(audit, 0));
    detail::Bytes cut = audit;
    cut.resize(cut.size() - 150);
    Write(seeds / "fuzz_anchor" / "log-cut-short.bin", Anchor(cut, 0));
}

using NamedCases = std::vector<std::pair<std::string, kj::Case>>;

/// Every case of a new demo vault, made through kartbok-cli as a user would,
/// cut into small pieces, and the every-field case.
NamedCases SeedCases(const std::string& demo) {
    Run({"--kdf", "minimum", "demo", demo, "--password-stdin"});
    NamedCases cases;
    std::istringstream list(Run({"case", "list", demo, "--password-stdin"}).out);
    for (std::string line; std::getline(list, line);) {
        const std::string code = line.substr(0, line.find('\t'));
        const std::string json =
            Run({"case", "show", demo, code, "--json", "--password-stdin"}).out;
        const kj::Case c = kartbok::cli::CaseFromJson(kartbok::cli::ParseJson(json, code));
        for (auto& piece : Pieces("demo-" + code, c))
            cases.push_back(std::move(piece));
    }
    cases.emplace_back("every-field", EveryField());
    return cases;
}

/// Each case as the serialized text, the case JSON and an encrypted case file.
void WriteCaseSeeds(const fs::path& seeds, const NamedCases& cases) {
    const auto key = kartbok::fuzz::KeySpan();
    std::uint64_t generation = 1;
    for (const auto& [name, c] : cases) {
        const std::string text = vault::SerializeCase(c);
        Write(seeds / "fuzz_case_deserialize" / (name + ".txt"), text);
        Write(seeds / "fuzz_case_json" / (name + ".json"),
              kartbok::cli::CaseToJson(c).dump() + "\n");
        // Alternate chunk sizes: one chunk, and many small ones.
        const std::size_t chunk = generation % 2 ? vault::kCaseChunkSize : 512;
        Write(seeds / "fuzz_case_decrypt" / (name + ".kbc"),
              vault::EncryptCaseFile(key, kartbok::fuzz::FuzzVault(), c.id, generation++, text,
                                     chunk));
    }
    Write(seeds / "fuzz_case_json" / "family-only.json",
          kartbok::cli::FamilyToJson(EveryField().family).dump() + "\n");
    Write(seeds / "fuzz_case_decrypt" / "empty-plaintext.kbc",
          vault::EncryptCaseFile(key, kartbok::fuzz::FuzzVault(), EveryField().id, 7, "", 64));
}

/// Index bodies: empty, one case, every case, and a version 1 body.
void WriteIndexSeeds(const fs::path& seeds, const NamedCases& cases) {
    std::vector<kj::Case> all;
    for (const auto& [name, c] : cases)
        all.push_back(c);
    Write(seeds / "fuzz_index" / "empty.bin", IndexBody({}));
    Write(seeds / "fuzz_index" / "one.bin", IndexBody({EveryField()}));
    Write(seeds / "fuzz_index" / "all.bin", IndexBody(all));
    // A version 1 body (no checklist progress): one entry whose progress is an
    // empty run count, the last 4 bytes of the version 2 body, cut off.
    kj::Case noChecklists = EveryField();
    noChecklists.checklists.clear();
    std::vector<unsigned char> v1 = IndexBody({noChecklists});
    v1.resize(v1.size() - 4);
    Write(seeds / "fuzz_index" / "one-v1.bin", v1);
}

void WriteLockSeeds(const fs::path& seeds) {
    Write(seeds / "fuzz_lock" / "anna.lock",
          Lock("anna", "kartbok-fuzz.example", 4242, 1767225600));
    Write(seeds / "fuzz_lock" / "no-user.lock", Lock("", "localhost", 1, 0));
    Write(seeds / "fuzz_lock" / "utf8-user.lock",
          Lock("Åsa Öberg-Lindqvist", "mottagning-3.kartbok-fuzz.example", 2147483647, 4102444800));
    Write(seeds / "fuzz_lock" / "unknown-key.lock",
          Lock("bo", "kartbok-fuzz.example", 77, 1767225600) + "note=a later version's field\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_fuzz_seeds SEEDS_DIR SOURCE_DIR\n";
        return 2;
    }
    if (sodium_init() < 0)
        return 1;
    const fs::path seeds = argv[1];
    const fs::path source = argv[2];

    std::string tmpl = (fs::temp_directory_path() / "kartbok-seeds-XXXXXX").string();
    if (!::mkdtemp(tmpl.data()))
        return 1;
    const fs::path tmp = tmpl;
    const std::string demo = (tmp / "demo").string();
    const NamedCases cases = SeedCases(demo);
    WriteCaseSeeds(seeds, cases);
    WriteIndexSeeds(seeds, cases);
    WriteVaultSeeds(seeds, source, fs::path(demo));
    WriteLockSeeds(seeds);

    CopyFiles(source / "tests/data/gedcom", seeds / "fuzz_gedcom", ".ged", false);
    Write(seeds / "fuzz_gedcom" / "generated-40.ged", g::GenerateGedcom(40, 7));
    CopyFiles(source / "templates", seeds / "fuzz_template", ".yaml", false);
    CopyFiles(source / "tests/data/templates", seeds / "fuzz_template", ".yaml", true);

    std::error_code ec;
    fs::remove_all(tmp, ec);
    std::cout << "make_fuzz_seeds: wrote seeds for " << cases.size() << " cases into "
              << seeds.string() << "\n";
    return 0;
}

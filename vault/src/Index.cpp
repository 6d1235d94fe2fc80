#include "Index.h"

#include "kartbok/journal/Dates.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace kartbok::vault::detail {
namespace {

constexpr unsigned char kMagic[8] = {'K', 'B', 'I', 'N', 'D', 'E', 'X', 0};
/// Version 2 adds each case's checklist progress; version 3 the key epoch and
/// commitment, header hashes and the audit head. Versions 1 and 2 are still
/// read (version 1 entries have no progress until their case is saved again).
constexpr std::uint16_t kVersion = 3;
constexpr std::uint16_t kOldestVersion = 1;
// Bounds on the checklist progress of an entry (version 2).
constexpr std::size_t kMaxChecklistRuns = 64;
constexpr std::size_t kMaxChecklistItems = 4096;
constexpr std::size_t kMaxChecklistIdBytes = 256;
constexpr std::size_t kMaxPending = 256 * 1024;
const std::string kLabel = "index.kbx";
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

void WriteDate(ByteWriter& w, const journal::Date& d) {
    w.I32(d.year);
    w.I32(d.month);
    w.I32(d.day);
}

journal::Date ReadDate(ByteReader& r) {
    journal::Date d;
    d.year = r.I32();
    d.month = r.I32();
    d.day = r.I32();
    return d;
}

void WriteIds(ByteWriter& w, const std::vector<std::string>& ids) {
    w.U32(static_cast<std::uint32_t>(ids.size()));
    for (const auto& id : ids)
        w.Str(id);
}

std::vector<std::string> ReadIds(ByteReader& r) {
    const std::uint32_t count = r.U32();
    // Every id takes at least its 4-byte length.
    if (count > kMaxChecklistItems || count > r.Remaining() / 4)
        r.Fail("checklist item count out of range");
    std::vector<std::string> ids;
    ids.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i)
        ids.push_back(r.Str(kMaxChecklistIdBytes));
    return ids;
}

void WriteChecklists(ByteWriter& w, const std::vector<ChecklistSummary>& runs) {
    w.U32(static_cast<std::uint32_t>(runs.size()));
    for (const auto& run : runs) {
        w.Str(run.templateId);
        w.I32(run.templateVersion);
        WriteIds(w, run.coveredItemIds);
        WriteIds(w, run.partlyItemIds);
        WriteIds(w, run.notYetItemIds);
    }
}

std::vector<ChecklistSummary> ReadChecklists(ByteReader& r) {
    const std::uint32_t count = r.U32();
    // A run takes at least 20 bytes: id length, version, three item counts.
    if (count > kMaxChecklistRuns || count > r.Remaining() / 20)
        r.Fail("checklist count out of range");
    std::vector<ChecklistSummary> runs(count);
    for (auto& run : runs) {
        run.templateId = r.Str(kMaxChecklistIdBytes);
        run.templateVersion = r.I32();
        run.coveredItemIds = ReadIds(r);
        run.partlyItemIds = ReadIds(r);
        run.notYetItemIds = ReadIds(r);
    }
    return runs;
}

/// Only what the reader accepts: ids within kMaxChecklistIdBytes, at most
/// kMaxChecklistItems per state and kMaxChecklistRuns runs. A case beyond that
/// (no sensible template comes near) loses the excess from its client-list
/// progress, never its index.
std::vector<ChecklistSummary> SummariseChecklists(const std::vector<journal::ChecklistRun>& runs) {
    std::vector<ChecklistSummary> out;
    for (const auto& run : runs) {
        if (out.size() == kMaxChecklistRuns)
            break;
        if (run.templateId.size() > kMaxChecklistIdBytes)
            continue;
        ChecklistSummary& s = out.emplace_back();
        s.templateId = run.templateId;
        s.templateVersion = run.templateVersion;
        for (const auto& e : run.entries) {
            if (e.itemId.size() > kMaxChecklistIdBytes)
                continue;
            auto& ids = e.state == journal::TopicState::Covered  ? s.coveredItemIds
                        : e.state == journal::TopicState::Partly ? s.partlyItemIds
                                                                 : s.notYetItemIds;
            if (ids.size() < kMaxChecklistItems)
                ids.push_back(e.itemId);
        }
    }
    return out;
}

} // namespace

IndexEntry* Index::Find(const std::string& caseId) {
    for (auto& e : entries)
        if (e.summary.id == caseId)
            return &e;
    return nullptr;
}

const IndexEntry* Index::Find(const std::string& caseId) const {
    return const_cast<Index*>(this)->Find(caseId);
}

CaseSummary Summarise(const journal::Case& c) {
    CaseSummary s;
    s.id = c.id;
    s.code = c.code;
    s.status = c.status;
    s.followUpDue = c.followUpDue;
    s.sessions = static_cast<int>(c.sessions.size());
    // The journal owns what counts as an entry (sessions, signatures, addenda,
    // forms, case dates); the retention review date hangs on it.
    s.lastEntry = journal::LastEntryDate(c);
    s.checklists = SummariseChecklists(c.checklists);
    return s;
}

Bytes WriteIndex(const Index& index, const VaultIdentity& vault, const SecureBuffer& vaultKey) {
    ByteWriter body;
    body.U32(static_cast<std::uint32_t>(index.entries.size()));
    for (const auto& e : index.entries) {
        const CaseSummary& s = e.summary;
        body.Str(s.id);
        body.Str(s.code);
        body.U8(static_cast<std::uint8_t>(s.status));
        WriteDate(body, s.followUpDue);
        WriteDate(body, s.lastEntry);
        body.I32(s.sessions);
        body.U64(s.generation);
        body.Raw(std::span(e.hash));
        WriteChecklists(body, s.checklists);
    }

    ByteWriter w;
    w.Raw(std::span(kMagic));
    w.U16(kVersion);
    w.U16(0);
    w.Raw(std::span(vault.id));
    w.U64(index.generation);
    w.U32(index.epoch);
    w.Raw(std::span(index.commit));
    // The audit head in the clear (authenticated as associated data): its
    // records are sealed already, and a failed unlock, which has no key, can
    // still see that they belong in the log before its own.
    w.U64(index.head.count);
    w.Raw(std::span(index.head.last));
    w.U64(index.head.end);
    w.U32(static_cast<std::uint32_t>(index.head.pending.size()));
    w.Raw(std::span(index.head.pending));
    const std::size_t adLen = w.Size();
    unsigned char nonce[kNonce];
    RandomBytes(nonce, sizeof nonce);
    w.Raw(std::span(nonce));
    Bytes& out = w.Out();
    const std::size_t pos = out.size();
    out.resize(pos + body.Size() + kTag);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + pos, &clen, body.Out().data(),
                                               body.Size(), out.data(), adLen, nullptr, nonce,
                                               vaultKey.Data());
    sodium_memzero(body.Out().data(), body.Size());
    out.resize(pos + static_cast<std::size_t>(clen));
    return std::move(out);
}

namespace {

Index ParseHeader(ByteReader& r, std::span<const unsigned char> bytes) {
    if (bytes.empty())
        r.Fail("the file is empty");
    auto magic = r.Raw(std::min(bytes.size(), sizeof kMagic));
    if (magic.size() != sizeof kMagic || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        r.Fail("not a Kartbok index");
    Index index;
    index.version = r.U16();
    if (index.version < kOldestVersion || index.version > kVersion)
        r.Fail("index version " + std::to_string(index.version) + " is not supported");
    if (r.U16() != 0) // reserved must stay zero until a version gives it meaning
        r.Fail("reserved header field is not zero");
    return index;
}

void ReadHead(ByteReader& r, Index& index) {
    index.epoch = r.U32();
    r.Raw(index.commit.data(), index.commit.size());
    index.head.count = r.U64();
    r.Raw(index.head.last.data(), index.head.last.size());
    index.head.end = r.U64();
    const std::uint32_t n = r.U32();
    if (n > kMaxPending || n > r.Remaining())
        r.Fail("pending audit records out of range");
    auto pending = r.Raw(n);
    index.head.pending.assign(pending.begin(), pending.end());
    if (index.head.end < index.head.pending.size())
        r.Fail("audit head out of range");
}

} // namespace

Index ParseIndexHeader(std::span<const unsigned char> bytes) {
    ByteReader r(bytes, kLabel);
    Index index = ParseHeader(r, bytes);
    r.Raw(16);
    index.generation = r.U64();
    if (index.version >= 3)
        ReadHead(r, index);
    return index;
}

Index ParseIndex(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                 const SecureBuffer& vaultKey) {
    ByteReader r(bytes, kLabel);
    Index index = ParseHeader(r, bytes);
    const std::uint16_t version = index.version;
    VaultIdentity id;
    r.Raw(id.id.data(), id.id.size());
    if (id != vault)
        throw VaultError(VaultError::Kind::Tampered, kLabel + ": belongs to another vault");
    index.generation = r.U64();
    if (version >= 3)
        ReadHead(r, index);
    const std::size_t adLen = r.Pos();
    const unsigned char* nonce = r.Raw(kNonce).data();
    if (r.Remaining() < kTag)
        r.Fail("truncated");
    const auto cipher = r.Raw(r.Remaining());
    SecureBuffer plain(cipher.size() - kTag + 1); // +1: never a zero-size buffer
    unsigned long long plen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.Data(), &plen, nullptr, cipher.data(),
                                                   cipher.size(), bytes.data(), adLen, nonce,
                                                   vaultKey.Data()) != 0)
        r.Fail("authentication failed");
    ByteReader b(std::span<const unsigned char>(plain.Data(), static_cast<std::size_t>(plen)),
                 kLabel);
    const std::uint32_t count = b.U32();
    if (count > b.Remaining())
        b.Fail("entry count out of range");
    for (std::uint32_t i = 0; i < count; ++i) {
        IndexEntry e;
        CaseSummary& s = e.summary;
        s.id = b.Str(64);
        if (!IsUuid(s.id))
            b.Fail("an entry has an invalid case id");
        s.code = b.Str();
        const std::uint8_t status = b.U8();
        if (status > static_cast<std::uint8_t>(journal::CaseStatus::Archived))
            b.Fail("an entry has an invalid status");
        s.status = static_cast<journal::CaseStatus>(status);
        s.followUpDue = ReadDate(b);
        s.lastEntry = ReadDate(b);
        s.sessions = b.I32();
        s.generation = b.U64();
        b.Raw(e.hash.data(), e.hash.size());
        if (version >= 2)
            s.checklists = ReadChecklists(b);
        e.fullHash = version < 3;
        index.entries.push_back(std::move(e));
    }
    b.ExpectEnd();
    return index;
}

} // namespace kartbok::vault::detail

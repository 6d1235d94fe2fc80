#include "Index.h"

#include "kartbok/journal/Dates.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace kartbok::vault::detail {
namespace {

constexpr unsigned char kMagic[8] = {'K', 'B', 'I', 'N', 'D', 'E', 'X', 0};
constexpr std::uint16_t kVersion = 1;
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
    }

    ByteWriter w;
    w.Raw(std::span(kMagic));
    w.U16(kVersion);
    w.U16(0);
    w.Raw(std::span(vault.id));
    w.U64(index.generation);
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

Index ParseIndex(std::span<const unsigned char> bytes, const VaultIdentity& vault,
                 const SecureBuffer& vaultKey) {
    ByteReader r(bytes, kLabel);
    if (bytes.empty())
        r.Fail("the file is empty");
    auto magic = r.Raw(std::min(bytes.size(), sizeof kMagic));
    if (magic.size() != sizeof kMagic || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        r.Fail("not a Kartbok index");
    const std::uint16_t version = r.U16();
    if (version != kVersion)
        r.Fail("index version " + std::to_string(version) + " is not supported");
    if (r.U16() != 0) // reserved must stay zero until a version gives it meaning
        r.Fail("reserved header field is not zero");
    VaultIdentity id;
    r.Raw(id.id.data(), id.id.size());
    if (id != vault)
        throw VaultError(VaultError::Kind::Tampered, kLabel + ": belongs to another vault");
    Index index;
    index.generation = r.U64();
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
        index.entries.push_back(std::move(e));
    }
    b.ExpectEnd();
    return index;
}

} // namespace kartbok::vault::detail

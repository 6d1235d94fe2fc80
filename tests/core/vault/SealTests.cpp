// Vault::SealUnsaved / OpenUnsaved: changes that could not be saved are held
// encrypted in memory across an auto-lock, and only this vault opens them.

#include "VaultTestSupport.h"

#include <algorithm>

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {

bool Contains(const Bytes& bytes, const std::string& text) {
    return std::search(bytes.begin(), bytes.end(), text.begin(), text.end()) != bytes.end();
}

std::vector<std::string> FolderListing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& f : fs::directory_iterator(dir))
        names.push_back(f.path().filename().string() + " " +
                        std::to_string(fs::file_size(f.path())));
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("unsaved changes sealed before a lock open again after the next unlock",
          "[vault][seal]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const journal::Case unsaved = RichCase(v.CreateCase(kCode).id);
    const auto listing = FolderListing(tmp / "vault");

    const Bytes sealed = v.SealUnsaved(unsaved);
    CHECK_FALSE(Contains(sealed, kNoteText));
    CHECK_FALSE(Contains(sealed, kClientName));
    CHECK(v.OpenUnsaved(sealed) == unsaved);
    CHECK(FolderListing(tmp / "vault") == listing); // nothing written

    v.Lock();
    Vault again = Vault::Open(tmp / "vault", kPassword);
    CHECK(again.OpenUnsaved(sealed) == unsaved);
}

TEST_CASE("another vault's handle refuses a seal", "[vault][seal]") {
    TempDir mine, theirs;
    Vault v = NewVault(mine);
    Vault other = NewVault(theirs);
    const Bytes sealed = v.SealUnsaved(RichCase(v.CreateCase(kCode).id));
    const std::string msg =
        ExpectVaultError(VaultError::Kind::Tampered, [&] { other.OpenUnsaved(sealed); });
    CHECK(msg.find("another vault") != std::string::npos);
    CheckCleanMessage(msg);
}

TEST_CASE("a flipped bit in a seal is refused as damaged", "[vault][seal]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const Bytes sealed = v.SealUnsaved(RichCase(v.CreateCase(kCode).id));
    for (const std::size_t at : {std::size_t{64}, std::size_t{200}, sealed.size() - 1}) {
        INFO("byte " << at);
        Bytes flipped = sealed;
        flipped[at] ^= 0x01;
        CheckCleanMessage(
            ExpectVaultError(VaultError::Kind::Damaged, [&] { v.OpenUnsaved(flipped); }));
    }
    ExpectVaultError(VaultError::Kind::Damaged, [&] { v.OpenUnsaved(Bytes{}); });
}

TEST_CASE("a saved case file is not a seal, and a seal is not a case file", "[vault][seal]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const journal::Case c = RichCase(v.CreateCase(kCode).id);
    v.SaveCase(c);
    const fs::path file = tmp / "vault" / (c.id + ".kbc");
    ExpectVaultError(VaultError::Kind::Tampered, [&] { v.OpenUnsaved(ReadFile(file)); });

    WriteFile(file, v.SealUnsaved(c)); // a seal dropped into the folder
    ExpectVaultError(VaultError::Kind::Tampered, [&] { v.LoadCase(c.id); });
}

TEST_CASE("a locked handle neither seals nor opens", "[vault][seal]") {
    TempDir tmp;
    Vault v = NewVault(tmp);
    const journal::Case c = RichCase(v.CreateCase(kCode).id);
    const Bytes sealed = v.SealUnsaved(c);
    v.Lock();
    ExpectVaultError(VaultError::Kind::Usage, [&] { v.SealUnsaved(c); });
    ExpectVaultError(VaultError::Kind::Usage, [&] { v.OpenUnsaved(sealed); });
}

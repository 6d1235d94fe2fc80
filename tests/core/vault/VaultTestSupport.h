#pragma once
// Helpers shared by the vault tests: temporary folders, a case with every
// field set, raw file access.

#include "kartbok/journal/Case.h"
#include "kartbok/vault/Vault.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace kartbok::vault::test {

namespace fs = std::filesystem;
using Bytes = std::vector<unsigned char>;

/// A fresh folder under the system temp dir, removed afterwards.
class TempDir {
public:
    TempDir() {
        static std::mt19937_64 rng{std::random_device{}()};
        m_path = fs::temp_directory_path() / ("kartbok-vault-test-" + std::to_string(rng()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& Path() const { return m_path; }
    fs::path operator/(const std::string& s) const { return m_path / s; }

private:
    fs::path m_path;
};

inline Bytes ReadFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

inline void WriteFile(const fs::path& p, const Bytes& b) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

inline const char* kPassword = "correct horse battery staple";
inline const char* kNoteText = "Klienten berattade om pappans drickande";
inline const char* kCode = "GBG-2026-014";
inline const char* kClientName = "Johan Andersson-Blom";

/// A vault in a temp folder, KDF at the minimum so tests stay fast.
inline Vault NewVault(const TempDir& dir, const std::string& user = "anna") {
    return Vault::Create(dir.Path() / "vault", user, kPassword, KdfLimits::Minimum());
}

/// A case with every field of every type set to something other than its default.
journal::Case RichCase(const std::string& id, const std::string& code = kCode, int sessions = 3,
                       std::size_t noteBytes = 200);

/// Expects `f` to throw VaultError of `kind`; returns the message for more checks.
template <class F> std::string ExpectVaultError(VaultError::Kind kind, F&& f) {
    try {
        f();
    } catch (const VaultError& e) {
        INFO("message: " << e.what());
        CHECK(static_cast<int>(e.GetKind()) == static_cast<int>(kind));
        return e.what();
    }
    FAIL("expected a VaultError");
    return {};
}

/// Every session id in `saved` (each a save reported done) is in `c` exactly
/// once, and nothing else is: nothing twice, nothing lost.
inline void CheckSessionsSavedOnce(const journal::Case& c, const std::vector<std::string>& saved) {
    std::vector<std::string> present;
    for (const auto& s : c.sessions)
        present.push_back(s.id);
    for (const auto& sid : saved) {
        INFO(sid);
        CHECK(std::count(present.begin(), present.end(), sid) == 1);
    }
    CHECK(c.sessions.size() == saved.size());
}

/// Verify finds nothing wrong; what it found is shown otherwise.
inline void CheckVerifies(Vault& v) {
    const VerifyReport report = v.Verify();
    for (const auto& p : report.problems)
        UNSCOPED_INFO(p);
    CHECK(report.ok);
}

/// One line, names no client text.
inline void CheckCleanMessage(const std::string& msg) {
    CHECK(msg.find('\n') == std::string::npos);
    CHECK(msg.find(kCode) == std::string::npos);
    CHECK(msg.find(kClientName) == std::string::npos);
    CHECK(msg.find(kNoteText) == std::string::npos);
}

} // namespace kartbok::vault::test

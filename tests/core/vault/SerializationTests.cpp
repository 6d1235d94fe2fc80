// Boost.Serialization of the whole case: lossless, and safe on any input.

#include "VaultTestSupport.h"

#include "kartbok/vault/CaseFile.h"

using namespace kartbok;
using namespace kartbok::vault;
using namespace kartbok::vault::test;

namespace {
const std::string kId = "0b7c6f3e-1d2a-4f5b-9c8d-7e6f5a4b3c2d";
}

TEST_CASE("a case with every field set survives serialisation unchanged", "[vault]") {
    const journal::Case original = RichCase(kId);
    const std::string text = SerializeCase(original);
    CHECK(text.rfind("22 serialization::archive", 0) == 0); // standard Boost archive header
    const journal::Case back = DeserializeCase(text);
    CHECK(back == original);
    CHECK(back.family.people[0].nudgeX == original.family.people[0].nudgeX);
    CHECK(SerializeCase(back) == text);
}

TEST_CASE("an empty case survives serialisation", "[vault]") {
    journal::Case c;
    CHECK(DeserializeCase(SerializeCase(c)) == c);
}

TEST_CASE("malformed case data is refused as damaged, never crashes", "[vault]") {
    const std::string good = SerializeCase(RichCase(kId, kCode, 2, 50));
    auto damaged = [](const std::string& text) {
        const std::string msg =
            ExpectVaultError(VaultError::Kind::Damaged, [&] { DeserializeCase(text, "x.kbc"); });
        CHECK(msg.rfind("x.kbc: damaged", 0) == 0);
    };
    SECTION("empty and garbage") {
        damaged("");
        damaged("hello");
        damaged(std::string(1000, '\0'));
        // The archive signature is a length-prefixed string Boost reads itself.
        damaged("2200000000 serialization::archive 18 0 1");
        damaged("22 serialization::archivX 18 0 1");
    }
    SECTION("every truncation") {
        for (std::size_t n = 0; n < good.size(); n += 7)
            damaged(good.substr(0, n));
    }
    SECTION("trailing data") {
        damaged(good + " 17");
    }
    SECTION("absurd lengths and counts ask for no memory") {
        // The first string length in the archive is the case id's (36).
        std::string text = good;
        const auto pos = text.find(" 36 ");
        REQUIRE(pos != std::string::npos);
        damaged(text.replace(pos, 4, " 99999999999 "));
        std::string counts = good;
        // Replace every small number with a huge one, one at a time.
        int tried = 0;
        for (std::size_t i = 30; i + 3 < good.size() && tried < 400; ++i) {
            if (good[i] == ' ' && good[i + 1] >= '1' && good[i + 1] <= '9' && good[i + 2] == ' ') {
                std::string t = good;
                t.replace(i + 1, 1, "18446744073709551615");
                try {
                    DeserializeCase(t);
                } catch (const VaultError& e) {
                    CHECK(e.GetKind() == VaultError::Kind::Damaged);
                }
                ++tried;
            }
        }
        CHECK(tried > 50);
    }
    SECTION("a newer class version is refused with a clear message") {
        // "22 serialization::archive 18 0 1 36 <id>": the Case class version follows the tracking
        // flag.
        std::string text = good;
        const auto pos = text.find(" 0 1 36 ");
        REQUIRE(pos != std::string::npos);
        text.replace(pos, 8, " 0 9 36 ");
        const std::string msg =
            ExpectVaultError(VaultError::Kind::Damaged, [&] { DeserializeCase(text); });
        CHECK(msg.find("newer version") != std::string::npos);
    }
    SECTION("integers: overflow, a sign on a count, no digits") {
        // Kartbok reads integers itself (faster than std::istream): it must
        // refuse what istream refuses, and what istream would wrap.
        std::string text = good;
        const auto pos = text.find(" 36 ");
        REQUIRE(pos != std::string::npos);
        for (const char* bad :
             {" 99999999999999999999999 ", " -36 ", " +36 ", " - ", " +x ", " 3 6 "}) {
            std::string t = good;
            damaged(t.replace(pos, 4, bad));
        }
    }
    SECTION("out of range enum values") {
        journal::Case c;
        c.status = static_cast<journal::CaseStatus>(200);
        damaged(SerializeCase(c));
    }
}

TEST_CASE("random bytes and random mutations never crash the parser", "[vault]") {
    const std::string good = SerializeCase(RichCase(kId, kCode, 1, 20));
    std::mt19937 rng(1234);
    for (int i = 0; i < 3000; ++i) {
        std::string t = good;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e)
            t[rng() % t.size()] = static_cast<char>(rng() % 256);
        try {
            (void)DeserializeCase(t);
        } catch (const VaultError& e) {
            REQUIRE(e.GetKind() == VaultError::Kind::Damaged);
        }
    }
}

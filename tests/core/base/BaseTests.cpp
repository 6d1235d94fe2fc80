#include "kartbok/base/Text.h"
#include "kartbok/base/Uuid.h"

#include <catch2/catch.hpp>

#include <set>

using namespace kartbok::base;

TEST_CASE("NewUuid makes distinct version 4 ids that IsUuid accepts", "[base]") {
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const std::string id = NewUuid();
        REQUIRE(IsUuid(id));
        CHECK(id[14] == '4');
        CHECK(std::string("89ab").find(id[19]) != std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 2000);
}

TEST_CASE("IsUuid refuses anything a file name could be tricked with", "[base]") {
    CHECK_FALSE(IsUuid(""));
    CHECK_FALSE(IsUuid("../../../../etc/passwd/xxxxxxxxxxxxxxxxx"));
    CHECK_FALSE(IsUuid("0123456789abcdef0123456789abcdef0123"));
    CHECK_FALSE(IsUuid("01234567-89AB-4def-8123-456789abcdef")); // upper case
    CHECK_FALSE(IsUuid("01234567-89ab-4def-8123-456789abcde/"));
    CHECK(IsUuid("01234567-89ab-4def-8123-456789abcdef"));
}

TEST_CASE("AppendUtf8 writes every length and never invalid UTF-8", "[base]") {
    std::string s;
    AppendUtf8(s, U'a');
    AppendUtf8(s, U'\u00e5');     // å, two bytes
    AppendUtf8(s, U'\u20ac');     // €, three bytes
    AppendUtf8(s, U'\U0001F600'); // four bytes
    CHECK(s == "a\xc3\xa5\xe2\x82\xac\xf0\x9f\x98\x80");
    std::string bad;
    AppendUtf8(bad, 0xD800);   // a lone surrogate
    AppendUtf8(bad, 0x110000); // past the last code point
    CHECK(bad == "\xef\xbf\xbd\xef\xbf\xbd");
}

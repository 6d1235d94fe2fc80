#include "kartbok/journal/ClientCode.h"

#include <cstdint>

namespace kartbok::journal {

namespace {

/// Next code point of valid UTF-8 at i (advances i), or -1 for invalid bytes.
long NextCodePoint(const std::string& s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const int extra = b0 < 0x80           ? 0
                      : (b0 >> 5) == 0x6  ? 1
                      : (b0 >> 4) == 0xE  ? 2
                      : (b0 >> 3) == 0x1E ? 3
                                          : -1;
    if (extra < 0 || (extra > 0 && i + static_cast<std::size_t>(extra) >= s.size()))
        return -1;
    long cp = extra == 0 ? b0 : b0 & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr long kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1; // overlong, out of range or a surrogate
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

} // namespace

std::string ClientCodeProblem(const std::string& code) {
    if (code.empty())
        return "a client code cannot be empty";
    std::size_t count = 0;
    bool onlySpace = true;
    for (std::size_t i = 0; i < code.size();) {
        const long cp = NextCodePoint(code, i);
        if (cp < 0)
            return "a client code must be valid UTF-8 text";
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            return "a client code cannot contain control characters (tabs, line breaks...)";
        if (cp == '/' || cp == '\\')
            return "a client code cannot contain / or \\";
        if (cp != ' ')
            onlySpace = false;
        ++count;
    }
    if (count > 64)
        return "a client code can have at most 64 characters";
    if (onlySpace)
        return "a client code cannot be only spaces";
    return {};
}

} // namespace kartbok::journal

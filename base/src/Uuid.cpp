#include "kartbok/base/Uuid.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <stdexcept>

namespace kartbok::base {

std::string NewUuid() {
    std::array<unsigned char, 16> b{};
    std::size_t have = 0;
    while (have < b.size()) { // the kernel's CSPRNG; 16 bytes never come short, but be exact
        const ssize_t n = getrandom(b.data() + have, b.size() - have, 0);
        if (n < 0 && errno != EINTR)
            throw std::runtime_error("no random bytes from the operating system");
        have += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 0x0F]);
    }
    return out;
}

bool IsUuid(const std::string& s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace kartbok::base

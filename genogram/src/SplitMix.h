#pragma once
// SplitMix64 for the generators: tiny, and the same numbers on every compiler
// (std:: distributions are not portable across standard libraries), so a
// generated family is the same file everywhere. Internal to genogram/src.

#include <cstdint>

namespace kartbok::genogram::detail {

class SplitMix {
public:
    explicit SplitMix(std::uint32_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}
    std::uint64_t Next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
    bool Chance(int percent) { return Below(100) < percent; }

private:
    std::uint64_t m_state;
};

} // namespace kartbok::genogram::detail

#pragma once
// Little-endian writer and bounds-checked reader for the clear parts of vault
// files. Every read checks the remaining length, so a truncated or hostile file
// becomes VaultError::Damaged naming the file, never an out-of-bounds read.

#include "kartbok/vault/Vault.h"

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

namespace kartbok::vault::detail {

using Bytes = std::vector<unsigned char>;

class ByteWriter {
public:
    void U8(std::uint8_t v) { m_out.push_back(v); }
    void U16(std::uint16_t v) { Le(v, 2); }
    void U32(std::uint32_t v) { Le(v, 4); }
    void U64(std::uint64_t v) { Le(v, 8); }
    void I32(std::int32_t v) { U32(static_cast<std::uint32_t>(v)); }
    void I64(std::int64_t v) { U64(static_cast<std::uint64_t>(v)); }
    void Raw(std::span<const unsigned char> b) { m_out.insert(m_out.end(), b.begin(), b.end()); }
    void Raw(const std::string& s) { m_out.insert(m_out.end(), s.begin(), s.end()); }
    /// u32 length, then the bytes.
    void Str(const std::string& s) {
        U32(static_cast<std::uint32_t>(s.size()));
        Raw(s);
    }
    Bytes& Out() { return m_out; }
    std::size_t Size() const { return m_out.size(); }

private:
    void Le(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i)
            m_out.push_back(static_cast<unsigned char>(v >> (8 * i)));
    }
    Bytes m_out;
};

class ByteReader {
public:
    /// label names the file in error messages ("index.kbx").
    ByteReader(std::span<const unsigned char> in, std::string label)
        : m_in(in), m_label(std::move(label)) {}

    std::uint8_t U8() { return static_cast<std::uint8_t>(Le(1)); }
    std::uint16_t U16() { return static_cast<std::uint16_t>(Le(2)); }
    std::uint32_t U32() { return static_cast<std::uint32_t>(Le(4)); }
    std::uint64_t U64() { return Le(8); }
    std::int32_t I32() { return static_cast<std::int32_t>(U32()); }
    std::int64_t I64() { return static_cast<std::int64_t>(U64()); }
    std::span<const unsigned char> Raw(std::size_t n) {
        Need(n);
        auto s = m_in.subspan(m_pos, n);
        m_pos += n;
        return s;
    }
    void Raw(unsigned char* out, std::size_t n) {
        auto s = Raw(n);
        std::memcpy(out, s.data(), n);
    }
    std::string Str(std::size_t maxLen = 1 << 20) {
        const std::uint32_t n = U32();
        if (n > maxLen)
            Fail("a text field is too long");
        auto s = Raw(n);
        return std::string(s.begin(), s.end());
    }
    std::size_t Pos() const { return m_pos; }
    const unsigned char* Data() const { return m_in.data(); }
    std::size_t Remaining() const { return m_in.size() - m_pos; }
    bool AtEnd() const { return m_pos == m_in.size(); }
    void ExpectEnd() {
        if (!AtEnd())
            Fail("unexpected bytes at the end");
    }
    [[noreturn]] void Fail(const std::string& what) const {
        throw VaultError(VaultError::Kind::Damaged, m_label + ": damaged (" + what + ")");
    }

private:
    void Need(std::size_t n) const {
        if (n > Remaining())
            Fail("truncated");
    }
    std::uint64_t Le(int n) {
        Need(static_cast<std::size_t>(n));
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i)
            v |= static_cast<std::uint64_t>(m_in[m_pos + static_cast<std::size_t>(i)]) << (8 * i);
        m_pos += static_cast<std::size_t>(n);
        return v;
    }
    std::span<const unsigned char> m_in;
    std::size_t m_pos = 0;
    std::string m_label;
};

} // namespace kartbok::vault::detail

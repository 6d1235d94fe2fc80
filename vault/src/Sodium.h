#pragma once
// libsodium plumbing shared by every vault file: one-time init, key memory that
// is locked and wiped, random ids, hashes. Private to vault/src.

#include "kartbok/base/Uuid.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace kartbok::vault::detail {

/// sodium_init() is idempotent and thread-safe since 1.0.11; calling it from a
/// function-local static makes "init once before first use" explicit.
void EnsureSodium();

/// Key material lives here: sodium_malloc'd (guard pages, mlock'd where the OS
/// allows) and sodium_memzero'd before it is freed, so keys never linger in
/// freed heap or swap.
class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    SecureBuffer(const unsigned char* data, std::size_t size);
    ~SecureBuffer();
    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    unsigned char* Data() { return m_data; }
    const unsigned char* Data() const { return m_data; }
    std::size_t Size() const { return m_size; }
    bool Empty() const { return m_size == 0; }
    /// Wipes and frees now (Vault::Lock); the buffer becomes empty.
    void Wipe();

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

constexpr std::size_t kKeyBytes = 32;

/// This thread's locked buffer for a key that lives within one call (a case
/// file's key while the file is sealed or opened), wiped when the scope ends
/// however it ends. A SecureBuffer per call costs an mmap, mprotects and an
/// mlock: more than opening a small case. Scopes on one thread do not nest.
class ScratchKey {
public:
    ScratchKey();
    ~ScratchKey();
    ScratchKey(const ScratchKey&) = delete;
    ScratchKey& operator=(const ScratchKey&) = delete;

    unsigned char* Data() { return m_data; }
    static constexpr std::size_t Size() { return kKeyBytes; }
    /// Wipes now, as soon as the key has been used.
    void Wipe();

private:
    unsigned char* m_data;
};
constexpr std::size_t kVaultIdBytes = 16;
constexpr std::size_t kHashBytes = 32;
using Hash = std::array<unsigned char, kHashBytes>;

void RandomBytes(unsigned char* out, std::size_t size);
/// BLAKE2b-256 (crypto_generichash) of bytes.
Hash HashBytes(std::span<const unsigned char> bytes);
Hash HashBytes(const std::string& bytes);
// Ids become file names: IsUuid guards them against path tricks ("../x").
using base::IsUuid;
using base::NewUuid;
std::string ToHex(std::span<const unsigned char> bytes);

} // namespace kartbok::vault::detail

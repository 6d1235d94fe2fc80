#include "Sodium.h"

#include "kartbok/vault/Vault.h"

#include <sodium.h>

#include <new>
#include <stdexcept>
#include <utility>

namespace kartbok::vault::detail {

void EnsureSodium() {
    static const bool ok = sodium_init() >= 0;
    if (!ok)
        throw VaultError(VaultError::Kind::Io, "libsodium could not be initialised");
}

SecureBuffer::SecureBuffer(std::size_t size) {
    EnsureSodium();
    if (size == 0)
        return;
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (m_data == nullptr)
        throw std::bad_alloc();
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecureBuffer::SecureBuffer(const unsigned char* data, std::size_t size) : SecureBuffer(size) {
    if (size != 0)
        std::copy(data, data + size, m_data);
}

SecureBuffer::~SecureBuffer() {
    Wipe();
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
    if (this != &other) {
        Wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBuffer::Wipe() {
    if (m_data != nullptr) {
        sodium_memzero(m_data, m_size);
        sodium_free(m_data); // also wipes, but we do not rely on it
    }
    m_data = nullptr;
    m_size = 0;
}

namespace {
struct ThreadScratch {
    SecureBuffer key{kKeyBytes};
    bool inUse = false;
};
thread_local ThreadScratch t_scratch;
} // namespace

ScratchKey::ScratchKey() : m_data(nullptr) {
    if (t_scratch.inUse)
        throw std::logic_error("ScratchKey scopes nest on one thread");
    t_scratch.inUse = true;
    m_data = t_scratch.key.Data();
}

ScratchKey::~ScratchKey() {
    Wipe();
    t_scratch.inUse = false;
}

void ScratchKey::Wipe() {
    sodium_memzero(m_data, kKeyBytes);
}

void RandomBytes(unsigned char* out, std::size_t size) {
    EnsureSodium();
    randombytes_buf(out, size);
}

Hash HashBytes(std::span<const unsigned char> bytes) {
    EnsureSodium();
    Hash h{};
    crypto_generichash(h.data(), h.size(), bytes.data(), bytes.size(), nullptr, 0);
    return h;
}

Hash HashBytes(const std::string& bytes) {
    return HashBytes(std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
}

std::string ToHex(std::span<const unsigned char> bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xF]);
    }
    return out;
}

} // namespace kartbok::vault::detail

#pragma once
// The low-level case file (<uuid>.kbc), without the rest of the vault: used by
// Vault itself, and by benchmarks and fuzz targets that want the serialise /
// encrypt / decrypt path without Argon2 or a folder. Any 32 random bytes make a
// valid vault key here. Byte layout: docs/vault-format.md.

#include "kartbok/journal/Case.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kartbok::vault {

/// The random 16-byte id of a vault; every case file names the vault it belongs
/// to, so a file copied in from another vault is refused with a clear message.
struct VaultIdentity {
    std::array<unsigned char, 16> id{};
    bool operator==(const VaultIdentity&) const = default;
};

/// Plaintext bytes per secretstream chunk. Big enough that a 1 MiB case needs
/// only 16 chunks, small enough that a damaged file is reported near the damage.
constexpr std::size_t kCaseChunkSize = 64 * 1024;
constexpr std::uint16_t kCaseFormatVersion = 1;
/// Bytes of a case file's clear header (magic to secretstream header).
constexpr std::size_t kCaseHeaderBytes = 172;

/// The clear header of a case file, as read before anything is decrypted.
struct CaseFileHeader {
    std::uint16_t version = 0;
    VaultIdentity vault;
    std::string caseId;
    std::uint64_t generation = 0;
    std::uint32_t chunkSize = 0;
};

/// What DecryptCaseFile returns: the authenticated header and the plaintext
/// (a Boost.Serialization text archive). The caller should wipe the plaintext
/// (sodium_memzero) once parsed; Vault does.
struct DecryptedCase {
    CaseFileHeader header;
    std::string plaintext;
};

/// Whole case as a Boost.Serialization text archive (standard archive header kept).
std::string SerializeCase(const journal::Case& c);

/// Parses what SerializeCase made. Never trusts the input: any malformed text,
/// absurd count or length, or unknown newer class version throws
/// VaultError::Damaged naming `label` (a file name, never client text). Never
/// allocates more than a small multiple of the input size and never loops
/// longer than the input allows, so it is safe to fuzz.
journal::Case DeserializeCase(const std::string& text, const std::string& label = "case data");

/// Encrypts a serialised case under a fresh random per-file key, which is itself
/// wrapped by the vault key. chunkSize is a parameter only so tests can make
/// many-chunk files from small cases.
std::vector<unsigned char> EncryptCaseFile(std::span<const unsigned char, 32> vaultKey,
                                           const VaultIdentity& vault, const std::string& caseId,
                                           std::uint64_t generation, const std::string& plaintext,
                                           std::size_t chunkSize = kCaseChunkSize);

/// Reads only the clear header (magic, version, vault id, case id, generation).
/// Throws VaultError::Damaged when it is not a case header.
CaseFileHeader ReadCaseFileHeader(std::span<const unsigned char> bytes, const std::string& label);

/// Authenticates the header and every chunk and checks that the stream ends
/// with TAG_FINAL exactly at the end of the bytes, before returning anything.
/// Throws VaultError::Tampered when the file authenticates but belongs to another
/// vault or another case id (expectedCaseId empty = any), VaultError::Damaged for
/// everything else. Messages name "<caseId>.kbc" (or label when given).
/// `buffer` lends its memory to the plaintext (it must hold nothing readable:
/// a wiped earlier plaintext), so a caller opening many cases reuses one
/// allocation; on failure it is wiped and dropped.
DecryptedCase DecryptCaseFile(std::span<const unsigned char, 32> vaultKey,
                              const VaultIdentity& vault, const std::string& expectedCaseId,
                              std::span<const unsigned char> bytes, const std::string& label = {},
                              std::string buffer = {});

} // namespace kartbok::vault

#pragma once
// Process-wide protections for a program that holds decrypted client data.

namespace kartbok::vault {

/// Keeps decrypted client text and keys out of crash artefacts: no core dumps
/// (RLIMIT_CORE 0) and not dumpable (no core, no ptrace attach by other
/// processes of the same user, /proc/self/mem closed to them). Call first
/// thing in main(). Returns false when the system refused either step.
bool HardenProcess();

} // namespace kartbok::vault

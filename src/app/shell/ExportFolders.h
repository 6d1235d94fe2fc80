#pragma once
// The folders the app last exported into, kept in wxConfig (folders only,
// never file names), so that at start it can remove the plaintext temporary
// files an export killed mid-write left there (docs/vault-format.md, "Files
// outside the vault").

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace kartbok::app {

/// How many folders are remembered: the most recent first.
constexpr std::size_t kRememberedExportFolders = 8;

/// Notes the folder of an export about to be written (before it is written,
/// so a crash during the write is cleaned up at the next start).
void RememberExportFolder(const std::filesystem::path& file);

/// The remembered folders, most recent first.
std::vector<std::string> RecentExportFolders();

/// The preferences file now holds folder names: it is kept 0600 (the file
/// wxConfig writes, $HOME/.kartbok, and any rewrite of it). Call at start.
void KeepPreferencesPrivate();

/// Removes stale export temporaries (vault::RemoveStaleExportTemps) in every
/// remembered folder; returns how many files were removed. Called at start.
std::size_t CleanRecentExportFolders();

} // namespace kartbok::app

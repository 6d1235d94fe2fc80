#pragma once
// The user guide that F1 opens: which page to show, and its HTML made fit to
// show in any build. The screenshots in it are made by a GUI test run
// (tests_gui "[guide]"), so a build where that never ran has none: the guide
// then shows its text without empty image frames.

#include <filesystem>
#include <string>

namespace kartbok::app {

/// The guide page in a UI language: share/kartbok/guide/sv.html for "sv",
/// en.html for anything else (journal::ShippedDataDir finds share/).
std::filesystem::path GuidePage(const std::string& language);

/// `html` without the <img> tags whose picture is not a file in `folder`
/// (relative sources) or on disk (absolute ones). Pictures on the network are
/// left out too: the guide never reaches outside the computer.
std::string WithoutMissingImages(const std::string& html, const std::filesystem::path& folder);

/// The page, read and passed through WithoutMissingImages; empty when the
/// page cannot be read.
std::string ReadGuide(const std::filesystem::path& page);

} // namespace kartbok::app

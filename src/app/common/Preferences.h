#pragma once
// The user's settings, kept in wxConfig. Never client data: no codes, no
// names, no case ids - only how the app looks and where the vault and the
// clinic's templates are.

#include <string>

namespace kartbok::app {

struct Preferences {
    std::string language;     ///< "sv", "en", or "" for the system's
    int idleLockMinutes = 10; ///< auto-lock after this many idle minutes; 0 = never
    std::string lastVault;    ///< folder of the last unlocked vault
    /// The clinic's own template folder ("" = none): its templates override or
    /// add to the shipped ones (templates/README.md).
    std::string clinicTemplates;
    /// Signing a note asks for the signing user's password again, so a note
    /// left open on an unlocked screen cannot be signed by someone else.
    bool signWithPassword = true;

    static Preferences Load();
    void Save() const;
};

/// What the user folded away to give the note room: remembered between
/// sessions, each saved the moment it changes and on its own, so two windows
/// holding copies never write back each other's old values (and apart from
/// Preferences, which the preferences dialog rewrites whole).
struct LayoutMemory {
    bool clientList = true; ///< the client list beside the open case
    bool topicPanel = true; ///< the deep-interview topics beside a draft
    bool timeline = false;  ///< the session list as a narrow timeline

    static LayoutMemory Load();
    static void RememberClientList(bool shown);
    static void RememberTopicPanel(bool shown);
    static void RememberTimeline(bool timeline);
};

} // namespace kartbok::app

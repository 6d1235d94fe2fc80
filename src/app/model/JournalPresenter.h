#pragma once
// What the Journal tab shows, without wx: the session list in time order, which
// template a new note starts from, a new draft (optionally carried over from the
// last note) and the fields a note shows - also when its template is gone.

#include "kartbok/journal/Case.h"
#include "kartbok/journal/Labels.h"
#include "kartbok/journal/TemplateLoader.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::app {

/// One line of the session list. Never more than the list needs: no note text.
struct SessionRow {
    std::string id;
    journal::Timestamp start = 0;
    journal::SessionType type = journal::SessionType::Individual;
    bool isSigned = false;
    std::string author;
    std::string templateId;
};

/// Sessions oldest first (ties keep the stored order), so the list reads like the record.
std::vector<SessionRow> BuildSessionRows(const journal::Case& c);

/// The marker colour of a session type, shared by the list and the timeline so a
/// couple session looks the same everywhere. RGB.
std::array<unsigned char, 3> SessionTypeColour(journal::SessionType type);

/// Every session type in display order (the rows of its label table), for choices.
inline const std::vector<journal::SessionType> kSessionTypes = [] {
    std::vector<journal::SessionType> types;
    for (const auto& row : LabelTable<journal::SessionType>())
        types.push_back(row.value);
    return types;
}();

inline constexpr const char* kFirstVisitTemplate = "first-visit";
inline constexpr const char* kDefaultNoteTemplate = "note-soap";

/// The template a new note starts from: the first-visit guide for a case without
/// sessions, SOAP otherwise; falls back to any note template that loaded.
std::string DefaultNoteTemplate(const journal::Case& c, const journal::TemplateSet& templates);

/// A new draft from a template, dated `now`. With `fromLast` the latest session's
/// fields (as they stand after corrections), themes, methods, participants, type
/// and length are carried over, so a therapist edits rather than retypes.
journal::Session NewDraft(const journal::Case& c, const journal::Template* tmpl, std::string id,
                          std::string author, journal::Timestamp now, bool fromLast);

/// The latest session by start time, or nullptr.
const journal::Session* LatestSession(const journal::Case& c);

/// One field as the editor and the signed view show it.
struct NoteFieldView {
    std::string id;
    std::string title; ///< the template's title, or the id when the template lacks it
    std::string help;
    std::string section; ///< section title, "" when unknown
};

/// The template's items in order, then any stored field the template does not
/// know (a retired item, or the whole note when the template is missing), by id.
std::vector<NoteFieldView> NoteFields(const journal::Session& s, const journal::Template* tmpl,
                                      std::string_view language);

/// The people a note can name as also taking part: people on the map (not the
/// client, a placeholder, a pregnancy) who are alive, in map order - plus anyone
/// in `chosen` who has died since, so a note that names them keeps them.
std::vector<genogram::PersonId> ParticipantChoices(const genogram::Family& family,
                                                   const std::vector<genogram::PersonId>& chosen);

/// Themes typed as "shame, loneliness ,work" -> {"shame", "loneliness", "work"}.
std::vector<std::string> SplitThemes(const std::string& text);
std::string JoinThemes(const std::vector<std::string>& themes);

} // namespace kartbok::app

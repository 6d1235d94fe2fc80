#include "map/MapKeys.h"

#include <wx/event.h>
#include <wx/intl.h>

namespace kartbok::app {

const std::vector<MapKey>& MapKeys() {
    using A = MapKeyAction;
    static const std::vector<MapKey> keys = {
        {{'P'}, A::Grow, Growth::Father, wxTRANSLATE("Add father")},
        {{'P', wxMOD_SHIFT}, A::Grow, Growth::Mother, wxTRANSLATE("Add mother")},
        {{'S'}, A::Grow, Growth::Partner, wxTRANSLATE("Add partner")},
        {{'S', wxMOD_SHIFT},
         A::Grow,
         Growth::PartnerSameGender,
         wxTRANSLATE("Add partner of the same gender")},
        {{'C'}, A::Grow, Growth::Son, wxTRANSLATE("Add son")},
        {{'C', wxMOD_SHIFT}, A::Grow, Growth::Daughter, wxTRANSLATE("Add daughter")},
        {{'B'}, A::Grow, Growth::Brother, wxTRANSLATE("Add brother")},
        {{'B', wxMOD_SHIFT}, A::Grow, Growth::Sister, wxTRANSLATE("Add sister")},
        {{'G'}, A::Grow, Growth::Pregnancy, wxTRANSLATE("Add pregnancy")},
        {{'T'},
         A::Twin,
         Growth::TwinFraternal,
         wxTRANSLATE("Add a fraternal twin; with several siblings selected: make them twins")},
        {{'T', wxMOD_SHIFT},
         A::Twin,
         Growth::TwinIdentical,
         wxTRANSLATE("Add an identical twin; with several siblings selected: make them "
                     "identical twins")},
        {{'U'},
         A::NextCouple,
         {},
         wxTRANSLATE("Select the person's couple line (again: the next one)")},
        {{'E'},
         A::CoupleEvent,
         {},
         wxTRANSLATE("Add an event to the selected couple (in the panel on the right)")},
        {{'F'}, A::Fit, {}, wxTRANSLATE("Fit the whole map in the window"), true},
        {{'+'}, A::ZoomIn, {}, wxTRANSLATE("Zoom in"), true},
        {{'='}, A::ZoomIn, {}, nullptr, true, false},
        {{WXK_NUMPAD_ADD}, A::ZoomIn, {}, nullptr, true, false},
        {{'-'}, A::ZoomOut, {}, wxTRANSLATE("Zoom out"), true},
        {{WXK_NUMPAD_SUBTRACT}, A::ZoomOut, {}, nullptr, true, false},
        {{WXK_DELETE}, A::Delete, {}, wxTRANSLATE("Delete the selected person or line"), true},
        {{WXK_BACK}, A::Delete, {}, nullptr, true},
        {{WXK_ESCAPE},
         A::Cancel,
         {},
         wxTRANSLATE("Stop drawing a relation, or clear the selection"),
         true},
    };
    return keys;
}

std::optional<MapKey> MapKeyFor(const wxKeyEvent& event) {
    if (event.ControlDown() || event.AltDown())
        return std::nullopt;
    for (const MapKey& key : MapKeys())
        if (Matches(key.chord, event, key.anyShift))
            return key;
    return std::nullopt;
}

std::vector<std::pair<wxString, wxString>> MapKeyHelp() {
    std::vector<std::pair<wxString, wxString>> rows;
    const auto& keys = MapKeys();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i].what || !keys[i].listed)
            continue;
        wxString chords = ChordText(keys[i].chord);
        // Listed keys without text that follow, for the same action, are alternatives.
        for (std::size_t j = i + 1; j < keys.size() && !keys[j].what; ++j)
            if (keys[j].listed && keys[j].action == keys[i].action)
                chords += ", " + ChordText(keys[j].chord);
        rows.emplace_back(chords, wxGetTranslation(keys[i].what));
    }
    for (const MapHint& hint : MapHints())
        rows.emplace_back(wxGetTranslation(hint.keys), wxGetTranslation(hint.what));
    return rows;
}

const std::vector<MapHint>& MapHints() {
    static const std::vector<MapHint> hints = {
        {wxTRANSLATE("Enter (in the panel)"), wxTRANSLATE("Done typing: back to the map")},
        {wxTRANSLATE("Esc (in the panel)"), wxTRANSLATE("Back to the map for the next key")},
        {wxTRANSLATE("Ctrl+click"), wxTRANSLATE("Select several people (a household, twins)")},
        {wxTRANSLATE("Drag a person"),
         wxTRANSLATE("Move sideways; a sibling dragged keeps its place until Reset layout")},
    };
    return hints;
}

} // namespace kartbok::app

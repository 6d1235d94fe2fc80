#pragma once
// The app's colours, named by what they mean, so a room never picks its own
// shade of "muted" or "error". The family map's own colours (session types,
// relation lines) come from the libraries' scene; these are the chrome around it.

#include <wx/colour.h>

namespace kartbok::app::palette {

inline const wxColour kPaper{255, 255, 255};            ///< canvases drawn on white
inline const wxColour kText{30, 30, 30};                ///< body text drawn by Kartbok itself
inline const wxColour kInk{60, 60, 60};                 ///< text and marks drawn on canvases
inline const wxColour kMutedText{100, 100, 100};        ///< hints, counts, secondary lines
inline const wxColour kAxis{120, 120, 120};             ///< axes, the "not due" state
inline const wxColour kTick{160, 160, 160};             ///< ticks and minor rules
inline const wxColour kGrid{220, 220, 220};             ///< chart grid lines
inline const wxColour kAccent{52, 101, 164};            ///< headings, the next appointment, links
inline const wxColour kError{180, 30, 30};              ///< what failed, what is overdue, today
inline const wxColour kWarning{176, 100, 0};            ///< due soon, needs a look
inline const wxColour kGood{30, 120, 60};               ///< done, present, signed
inline const wxColour kForm{117, 80, 123};              ///< self-rating forms on the timeline
inline const wxColour kNoticeBackground{252, 245, 214}; ///< information bars, highlighted rows
inline const wxColour kNoticeText{70, 50, 0};           ///< text on a notice background
inline const wxColour kErrorBackground{253, 226, 214};  ///< a field or bar that needs fixing
inline const wxColour kQuietBackground{246, 245, 240};  ///< help boxes, tool bars, chart areas
inline const wxColour kSelection{40, 110, 220};         ///< the selection on the map
inline const wxColour kSelectionFill{60, 130, 230, 90}; ///< the selected person's box
inline const wxColour kHoverFill{120, 160, 220, 50};    ///< a box under the pointer

} // namespace kartbok::app::palette

#pragma once
// Sizes the Journal tab's parts share (JournalPage.cpp, JournalPageList.cpp):
// the note's minimum width and the topic panel's width decide when the
// session list must fold into a timeline.

namespace kartbok::app {

constexpr int kMarkerSize = 12; ///< the session type's coloured marker in the list
/// The note is never narrower than this: room for the date row and a few words a line.
constexpr int kEditorMinWidth = 280;
constexpr int kTopicPanelWidth = 250;

} // namespace kartbok::app

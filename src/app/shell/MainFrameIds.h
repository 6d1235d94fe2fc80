#pragma once
// Menu ids of the main window, shared by MainFrame.cpp and MainFrameMenus.cpp.

#include <wx/defs.h>

namespace kartbok::app {

enum MainMenuId {
    kIdNewCase = wxID_HIGHEST + 1,
    kIdArchive,
    kIdExport,
    kIdExportDeidentified,
    kIdLock,
    kIdPresent,
    kIdFather,
    kIdMother,
    kIdPartner,
    kIdSon,
    kIdDaughter,
    kIdBrother,
    kIdSister,
    kIdPregnancy,
    kIdRelation,
    kIdHousehold,
    kIdResetLayout,
    kIdFit,
    kIdDelete,
    kIdStatistics,
    kIdAuditLog,
    kIdFindCase,
    kIdFindAll,
    kIdUsers,
    kIdTreatment,
    kIdRelativeCase,
    kIdLinkedCase,
    kIdSplitRelative,
    kIdShortcuts,
    kIdViewClientList,
    kIdViewTopics,
    kIdViewTimeline,
    kIdExportReport,
    kIdShowRelations,
};

/// The case tabs, in the order MainFrame::BuildContent adds them.
enum CaseTab { kTabMap, kTabJournal, kTabInterview, kTabForms, kTabOverview };

} // namespace kartbok::app

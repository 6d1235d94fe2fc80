#include "shell/HelpMenu.h"

#include "shell/AppIcon.h"
#include "shell/HelpFrame.h"
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"
#include "shell/ShortcutsDialog.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>

namespace kartbok::app {

wxMenu* NewHelpMenu(MainFrame& frame) {
    auto* help = new wxMenu;
    help->Append(wxID_HELP, _("&User guide\tF1"));
    help->Append(kIdShortcuts, _("&Keyboard shortcuts"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About Kartbok"));

    MainFrame* owner = &frame;
    frame.Bind(
        wxEVT_MENU, [owner](wxCommandEvent&) { ShowUserGuide(owner); }, wxID_HELP);
    frame.Bind(
        wxEVT_MENU,
        [owner](wxCommandEvent&) { ShortcutsDialog(owner, owner->GetMenuBar()).ShowModal(); },
        kIdShortcuts);
    frame.Bind(
        wxEVT_MENU,
        [owner](wxCommandEvent&) {
            wxAboutDialogInfo info;
            info.SetName("Kartbok");
            info.SetVersion(KARTBOK_VERSION);
            info.SetIcon(AppIcons().GetIcon(wxSize(64, 64)));
            info.SetDescription(owner->AboutText()); // with the vault's fingerprint
            wxAboutBox(info, owner);
        },
        wxID_ABOUT);
    return help;
}

} // namespace kartbok::app

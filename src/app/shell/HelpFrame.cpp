#include "shell/HelpFrame.h"

#include "common/Translations.h"
#include "common/Utf8.h"
#include "model/Guide.h"
#include "shell/AppIcon.h"

#include <wx/filesys.h>
#include <wx/html/htmlwin.h>
#include <wx/sizer.h>

namespace kartbok::app {

namespace {

/// An HTML view whose relative pictures resolve against the guide's folder, and
/// that never opens anything but local files.
class GuideView : public wxHtmlWindow {
public:
    explicit GuideView(wxWindow* parent)
        : wxHtmlWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxHW_SCROLLBAR_AUTO | wxBORDER_NONE) {}

    void ShowHtml(const std::string& html, const std::filesystem::path& folder) {
        m_FS->ChangePathTo(FromUtf8(folder.string()), true);
        SetPage(FromUtf8(html));
    }

    void GoTo(const wxString& anchor) { ScrollToAnchor(anchor); }

    wxHtmlOpeningStatus OnOpeningURL(wxHtmlURLType, const wxString& url, wxString*) const override {
        const bool remote = url.Contains("://") && !url.StartsWith("file:");
        return remote ? wxHTML_BLOCK : wxHTML_OPEN;
    }
};

} // namespace

HelpFrame::HelpFrame(wxWindow* parent) : wxFrame(parent, wxID_ANY, _("Kartbok user guide")) {
    SetName("user_guide");
    SetIcons(AppIcons());
    m_html = new GuideView(this);
    m_html->SetName("user_guide_html");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_html, 1, wxEXPAND);
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(880, 860))); // the screenshots are at most 800 px wide
}

void HelpFrame::ShowGuide(const wxString& anchor) {
    SetTitle(_("Kartbok user guide"));
    const std::filesystem::path page = GuidePage(CurrentLanguage());
    const std::string html = ReadGuide(page);
    m_hasGuide = !html.empty();
    auto* view = static_cast<GuideView*>(m_html);
    if (m_hasGuide) {
        view->ShowHtml(html, page.parent_path());
    } else {
        const wxString line = wxString::Format(_("The user guide is not installed: %s is missing."),
                                               FromUtf8(page.string()));
        wxString escaped = line;
        escaped.Replace("&", "&amp;");
        escaped.Replace("<", "&lt;");
        escaped.Replace(">", "&gt;");
        view->SetPage("<html><body><p>" + escaped + "</p></body></html>");
    }
    if (!anchor.empty())
        view->GoTo(anchor);
}

HelpFrame* ShowUserGuide(wxWindow* parent, const wxString& anchor) {
    auto* frame = dynamic_cast<HelpFrame*>(wxWindow::FindWindowByName("user_guide"));
    if (!frame)
        frame = new HelpFrame(parent);
    frame->ShowGuide(anchor);
    frame->Show();
    frame->Raise();
    return frame;
}

} // namespace kartbok::app

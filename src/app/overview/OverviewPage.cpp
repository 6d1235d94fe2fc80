#include "overview/OverviewPage.h"

#include "common/JournalNames.h"
#include "common/Label.h"
#include "common/Labels.h"
#include "common/Palette.h"
#include "common/TemplateCatalog.h"
#include "common/Translations.h"
#include "common/Utf8.h"
#include "model/ClientListPresenter.h"
#include "model/JournalPresenter.h"

#include "kartbok/genogram/Roles.h"
#include "kartbok/journal/Dates.h"

#include <wx/checkbox.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/listbox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <memory>
#include <set>

namespace kartbok::app {

using namespace kartbok::journal;

namespace {

wxString MarkName(MarkKind kind) {
    switch (kind) {
    case MarkKind::Session:
        return _("Session");
    case MarkKind::FirstContact:
        return _("First contact");
    case MarkKind::Start:
        return _("Start");
    case MarkKind::End:
        return _("End");
    case MarkKind::FollowUpDue:
        return _("Follow-up due");
    case MarkKind::FormStart:
        return _("Form (start)");
    case MarkKind::FormEnd:
        return _("Form (end)");
    case MarkKind::FormFollowUp:
        return _("Form (follow-up)");
    case MarkKind::NextAppointment:
        return _("Next appointment");
    }
    return wxString();
}

} // namespace

// ---------------------------------------------------------------------------------------

TimelineCanvas::TimelineCanvas(wxWindow* parent) : wxPanel(parent) {
    SetName("timeline");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(-1, FromDIP(200)));
    Bind(wxEVT_PAINT, &TimelineCanvas::OnPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void TimelineCanvas::SetTimeline(Timeline timeline) {
    m_timeline = std::move(timeline);
    Refresh();
}

namespace {

/// Where the timeline's parts go, in the canvas's pixels.
struct TimelineFrame {
    const Timeline& t;
    wxGraphicsContext& gc;
    const wxWindow& window;
    wxFont small;
    wxSize size;
    double left, right, axisY;
    int span;
    double X(Date d) const { return left + (right - left) * DaysBetween(t.from, d) / span; }
    double Dip(int v) const { return window.FromDIP(v); }
};

/// The axis with month ticks; labels thinned so they never run into each other.
void PaintAxis(TimelineFrame& f) {
    f.gc.SetFont(f.small, palette::kMutedText);
    f.gc.SetPen(wxPen(palette::kAxis, f.window.FromDIP(2)));
    f.gc.StrokeLine(f.left, f.axisY, f.right, f.axisY);
    double lastLabel = -1e9;
    for (Date month{f.t.from.year, f.t.from.month, 1}; month <= f.t.to;
         month = month.AddMonths(1)) {
        if (month < f.t.from)
            continue;
        const double x = f.X(month);
        f.gc.SetPen(wxPen(palette::kTick, 1));
        f.gc.StrokeLine(x, f.axisY - f.Dip(4), x, f.axisY + f.Dip(4));
        const wxString label = wxString::Format("%04d-%02d", month.year, month.month);
        double w = 0, h = 0;
        f.gc.GetTextExtent(label, &w, &h);
        if (x - w / 2 > lastLabel + f.Dip(8) && x + w / 2 < f.size.x) {
            f.gc.DrawText(label, x - w / 2, f.axisY + f.Dip(8));
            lastLabel = x + w / 2;
        }
    }
}

/// Today: a dashed line, so what is overdue reads at a glance.
void PaintToday(TimelineFrame& f) {
    const double x = f.X(f.t.today);
    f.gc.SetPen(wxPen(palette::kError, 1, wxPENSTYLE_SHORT_DASH));
    f.gc.StrokeLine(x, f.Dip(20), x, f.axisY + f.Dip(36));
    f.gc.SetFont(f.small, palette::kError);
    double w = 0, h = 0;
    f.gc.GetTextExtent(_("today"), &w, &h);
    const bool roomRight = x + f.Dip(3) + w < f.size.x;
    f.gc.DrawText(_("today"), roomRight ? x + f.Dip(3) : x - f.Dip(3) - w, f.axisY + f.Dip(24));
}

/// Key dates and forms above the axis as flags, in rows so labels do not overlap.
void PaintFlags(TimelineFrame& f) {
    std::vector<double> rowEnd(3, -1e9);
    for (const auto& m : f.t.marks) {
        if (m.kind == MarkKind::Session)
            continue;
        const double x = f.X(m.date);
        const bool form = m.kind == MarkKind::FormStart || m.kind == MarkKind::FormEnd ||
                          m.kind == MarkKind::FormFollowUp;
        const bool overdue = m.kind == MarkKind::FollowUpDue && m.date < f.t.today;
        const wxColour colour = overdue                               ? palette::kError
                                : form                                ? palette::kForm
                                : m.kind == MarkKind::NextAppointment ? palette::kAccent
                                                                      : palette::kInk;
        const wxString label = MarkName(m.kind) + " " + FromUtf8(m.date.Iso());
        double w = 0, h = 0;
        f.gc.SetFont(f.small, colour);
        f.gc.GetTextExtent(label, &w, &h);
        std::size_t row = 0;
        while (row + 1 < rowEnd.size() && rowEnd[row] > x - f.Dip(4))
            ++row;
        const double y = f.Dip(8) + row * (h + f.Dip(4));
        rowEnd[row] = x + w + f.Dip(6);
        f.gc.SetPen(wxPen(colour, 1));
        f.gc.StrokeLine(x, y + h, x, f.axisY);
        f.gc.SetBrush(wxBrush(colour));
        if (form)
            f.gc.DrawRectangle(x - f.Dip(4), f.axisY - f.Dip(4), f.Dip(8), f.Dip(8));
        f.gc.DrawText(label, std::min(x + f.Dip(2), f.size.x - w - 2), y);
    }
}

/// Sessions on the axis, filled when signed, a ring while still a draft; then
/// the legend of the session types present.
void PaintSessions(TimelineFrame& f) {
    const double r = f.Dip(6);
    std::set<SessionType> types;
    for (const auto& m : f.t.marks) {
        if (m.kind != MarkKind::Session)
            continue;
        types.insert(m.type);
        const wxColour colour = SessionTypeWxColour(m.type);
        f.gc.SetPen(wxPen(colour, f.window.FromDIP(2)));
        f.gc.SetBrush(m.isSigned ? wxBrush(colour) : wxBrush(palette::kPaper));
        f.gc.DrawEllipse(f.X(m.date) - r, f.axisY - r, 2 * r, 2 * r);
    }
    double x = f.left;
    const double y = f.axisY + f.Dip(52);
    for (auto type : types) {
        const wxColour colour = SessionTypeWxColour(type);
        f.gc.SetPen(wxPen(colour, 1));
        f.gc.SetBrush(wxBrush(colour));
        f.gc.DrawEllipse(x, y + f.Dip(2), f.Dip(10), f.Dip(10));
        f.gc.SetFont(f.small, palette::kInk);
        const wxString name = Name(type);
        double w = 0, h = 0;
        f.gc.GetTextExtent(name, &w, &h);
        f.gc.DrawText(name, x + f.Dip(14), y);
        x += f.Dip(14) + w + f.Dip(16);
    }
    if (!types.empty()) {
        f.gc.SetFont(f.small, palette::kMutedText);
        f.gc.DrawText(_("filled: signed, ring: draft"), x, y);
    }
}

} // namespace

void TimelineCanvas::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(palette::kPaper));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc)
        return;
    const wxSize size = GetClientSize();
    TimelineFrame f{m_timeline,
                    *gc,
                    *this,
                    GetFont(),
                    size,
                    static_cast<double>(FromDIP(30)),
                    static_cast<double>(size.x - FromDIP(30)),
                    static_cast<double>(FromDIP(92)),
                    std::max(1, DaysBetween(m_timeline.from, m_timeline.to))};
    f.small.SetPointSize(std::max(7, f.small.GetPointSize() - 1));
    PaintAxis(f);
    PaintToday(f);
    PaintFlags(f);
    PaintSessions(f);
}

// ---------------------------------------------------------------------------------------

OverviewPage::OverviewPage(wxWindow* parent, std::function<CaseDocument*()> document)
    : wxPanel(parent), m_documentSource(std::move(document)) {
    SetName("overview_page");
    m_templates = AppTemplates(this);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    m_identity = new wxStaticText(this, wxID_ANY, wxString());
    m_identity->SetName("overview_identity");
    top->Add(m_identity, 1, wxALL, FromDIP(8));
    m_supervisor = new wxCheckBox(this, wxID_ANY, _("Supervisor view"));
    m_supervisor->SetName("supervisor_view");
    m_supervisor->SetToolTip(_("Hide the client's name, contact details, reason for contact and "
                               "the names of people (roles are shown instead)"));
    top->Add(m_supervisor, 0, wxALL, FromDIP(8));
    sizer->Add(top, 0, wxEXPAND);

    m_timeline = new TimelineCanvas(this);
    sizer->Add(m_timeline, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* leftCol = new wxBoxSizer(wxVERTICAL);
    auto heading = [&](const wxString& text) {
        return NewHeading(this, text); // markup: measured bold, never cut
    };
    leftCol->Add(heading(_("Agreed for next time")), 0, wxBOTTOM, FromDIP(4));
    m_agreed = new wxStaticText(this, wxID_ANY, wxString());
    m_agreed->SetName("overview_agreed");
    leftCol->Add(m_agreed, 0, wxEXPAND | wxBOTTOM, FromDIP(12));
    leftCol->Add(heading(_("Latest session")), 0, wxBOTTOM, FromDIP(4));
    m_latest = new wxStaticText(this, wxID_ANY, wxString());
    m_latest->SetName("overview_latest");
    leftCol->Add(m_latest, 0, wxEXPAND);
    columns->Add(leftCol, 1, wxALL, FromDIP(8));

    auto* rightCol = new wxBoxSizer(wxVERTICAL);
    m_progress = heading(wxString());
    m_progress->SetName("overview_progress");
    rightCol->Add(m_progress, 0, wxBOTTOM, FromDIP(4));
    m_topics = new wxListBox(this, wxID_ANY);
    m_topics->SetName("open_topics");
    rightCol->Add(m_topics, 1, wxEXPAND);
    columns->Add(rightCol, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(columns, 1, wxEXPAND);
    SetSizer(sizer);

    m_supervisor->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { Rebuild(); });
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        Sync();
        e.Skip();
    });
}

void OverviewPage::Sync() {
    CaseDocument* now = m_documentSource ? m_documentSource() : nullptr;
    const bool other = now != m_document ||
                       (now && (now->Id() != m_documentId || now->Revision() < m_seenRevision));
    if (!other && (!now || now->Revision() == m_seenRevision))
        return;
    m_document = now;
    m_documentId = now ? now->Id() : std::string();
    m_seenRevision = now ? now->Revision() : 0;
    Rebuild();
}

void OverviewPage::SetSupervisorView(bool on) {
    m_supervisor->SetValue(on);
    Rebuild();
}

wxString OverviewPage::IdentityText() const {
    return m_identity->GetLabel();
}
wxString OverviewPage::AgreedText() const {
    return m_agreed->GetLabel();
}
wxString OverviewPage::ProgressText() const {
    return m_progress->GetLabel();
}

void OverviewPage::Rebuild() {
    if (!m_document) {
        m_identity->SetLabel(wxString());
        m_timeline->SetTimeline({});
        return;
    }
    const Case& c = m_document->Case();
    const bool hide = m_supervisor->GetValue();
    const std::string lang = CurrentLanguage();

    wxString id =
        _("Client:") + " " + FromUtf8(c.code) + "    " + _("Status:") + " " + Name(c.status);
    if (hide) {
        id +=
            "\n" + _("Name, contact details and reason for contact are hidden in supervisor view.");
    } else {
        if (!c.name.empty())
            id += "\n" + _("Name:") + " " + FromUtf8(c.name);
        if (!c.contact.empty())
            id += "\n" + _("Contact:") + " " + FromUtf8(c.contact);
        if (!c.reasonForContact.empty())
            id += "\n" + _("Reason for contact:") + " " + FromUtf8(c.reasonForContact);
    }
    m_identity->SetLabel(id);
    m_identity->Wrap(FromDIP(700));

    m_timeline->SetTimeline(BuildTimeline(c, Today()));

    const AgreedSteps agreed = LatestAgreedSteps(c);
    m_agreed->SetLabel(agreed.text.empty()
                           ? _("Nothing agreed yet.")
                           : FromUtf8(agreed.text) + "\n(" + FormatDay(agreed.sessionStart) + ")");
    m_agreed->Wrap(FromDIP(420));

    // People by name, or by role in supervisor view (roles never carry a name).
    std::map<genogram::PersonId, std::string> roles;
    if (hide && c.family.IndexPerson())
        roles = genogram::RoleNames(c.family, *c.family.IndexPerson(), lang);
    wxString latest = _("No sessions yet.");
    if (const Session* s = LatestSession(c)) {
        latest = FormatTime(s->start) + ", " + Name(s->type) + ", " +
                 (s->isSigned ? _("signed") : _("draft"));
        wxString people;
        for (auto pid : s->participants) {
            wxString name;
            if (hide)
                name = roles.count(pid) ? FromUtf8(roles[pid]) : wxString(_("Person"));
            else if (const auto* p = c.family.FindPerson(pid))
                name = FromUtf8(p->DisplayName());
            people += (people.empty() ? "" : ", ") + name;
        }
        if (!people.empty())
            latest += "\n" + _("Also taking part:") + " " + people;
        if (!s->themes.empty())
            latest += "\n" + _("Themes:") + " " + FromUtf8(JoinThemes(s->themes));
    }
    m_latest->SetLabel(latest);
    m_latest->Wrap(FromDIP(420));

    m_topics->Clear();
    if (const Template* deep = m_templates.Find("deep-interview")) {
        const TopicProgress p = ChecklistProgress(c, *deep, lang);
        m_progress->SetLabel(
            wxString::Format(_("Deep interview: %d of %d topics covered"), p.covered, p.total));
        for (const auto& row : p.open)
            m_topics->Append(FromUtf8(row.title) + " (" + Name(row.state) + ")");
    } else {
        m_progress->SetLabel(_("Deep interview: the checklist template is not available."));
    }
    // Labels change with the case and the language: let the sizer measure them again.
    for (wxStaticText* t : {m_identity, m_agreed, m_latest, m_progress})
        t->SetMinSize(t->GetBestSize());
    Layout();
}

} // namespace kartbok::app

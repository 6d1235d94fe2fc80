#pragma once
// The Overview tab, read only: the course of treatment on a time axis (sessions
// by type, forms, key dates, follow-up due), what was agreed last, and the
// deep-interview topics still open. "Supervisor view" hides what identifies the
// client - name, contact, reason for contact, and people's names (roles instead).

#include "model/CaseDocument.h"
#include "model/OverviewPresenter.h"

#include "kartbok/journal/TemplateLoader.h"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <string>

class wxCheckBox;
class wxListBox;
class wxStaticText;

namespace kartbok::app {

/// The time axis, drawn with wxGraphicsContext.
class TimelineCanvas : public wxPanel {
public:
    explicit TimelineCanvas(wxWindow* parent);
    void SetTimeline(Timeline timeline);
    const Timeline& Data() const { return m_timeline; }

private:
    void OnPaint(wxPaintEvent&);
    Timeline m_timeline;
};

class OverviewPage : public wxPanel {
public:
    /// document: the frame's open case, asked again on idle (see JournalPage).
    OverviewPage(wxWindow* parent, std::function<CaseDocument*()> document);

    /// Catches up with the frame's document now (also done on idle).
    void Sync();
    void SetSupervisorView(bool on);
    TimelineCanvas& TimelineView() { return *m_timeline; }
    /// The texts shown, for tests: identity block, agreed steps, progress line.
    wxString IdentityText() const;
    wxString AgreedText() const;
    wxString ProgressText() const;

private:
    void Rebuild();

    std::function<CaseDocument*()> m_documentSource;
    CaseDocument* m_document = nullptr; ///< only used after Sync() confirmed it
    std::string m_documentId;
    std::uint64_t m_seenRevision = 0;
    journal::TemplateSet m_templates;
    wxCheckBox* m_supervisor = nullptr;
    wxStaticText* m_identity = nullptr;
    TimelineCanvas* m_timeline = nullptr;
    wxStaticText* m_agreed = nullptr;
    wxStaticText* m_latest = nullptr;
    wxStaticText* m_progress = nullptr;
    wxListBox* m_topics = nullptr;
};

} // namespace kartbok::app

// Swedish means Swedish everywhere, GTK's own buttons too, and a date is
// written 2026-12-05 in every language: the app's date field, its calendar and
// its time field.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/DateControls.h"
#include "common/Labels.h"
#include "common/Translations.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <gtk/gtk.h>

#include <set>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

/// The text GTK shows on a button (a stock button's label is looked up by GTK).
void CollectLabels(GtkWidget* widget, std::set<std::string>& out) {
    if (GTK_IS_LABEL(widget)) {
        out.insert(gtk_label_get_text(GTK_LABEL(widget)));
        return;
    }
    if (GTK_IS_CONTAINER(widget)) {
        GList* children = gtk_container_get_children(GTK_CONTAINER(widget));
        for (GList* c = children; c; c = c->next)
            CollectLabels(static_cast<GtkWidget*>(c->data), out);
        g_list_free(children);
    }
}

/// Shows a yes/no message box and reads the words on its buttons before closing it.
std::set<std::string> YesNoButtons(wxWindow* parent) {
    std::set<std::string> labels;
    wxMessageDialog question(parent, "?", "Kartbok", wxYES_NO | wxNO_DEFAULT);
    parent->CallAfter([&] {
        GList* windows = gtk_window_list_toplevels();
        for (GList* w = windows; w; w = w->next)
            if (GTK_IS_MESSAGE_DIALOG(w->data)) {
                CollectLabels(GTK_WIDGET(w->data), labels);
                gtk_dialog_response(GTK_DIALOG(w->data), GTK_RESPONSE_NO);
            }
        g_list_free(windows);
    });
    question.ShowModal();
    return labels;
}

} // namespace

TEST_CASE("stock buttons and message boxes speak the UI's language", "[gui][labels]") {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "labels");
    frame->Show();
    Pump();
    for (const char* language : {"sv", "en"}) {
        ApplyLanguage(language);
        const bool sv = std::string(language) == "sv";
        auto* dialog = new wxDialog(frame, wxID_ANY, "buttons");
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(dialog->CreateStdDialogButtonSizer(wxOK | wxCANCEL));
        dialog->SetSizerAndFit(sizer);
        dialog->Show();
        Pump();
        std::set<std::string> cancel;
        CollectLabels(static_cast<GtkWidget*>(dialog->FindWindow(wxID_CANCEL)->GetHandle()),
                      cancel);
        CHECK(cancel.count(sv ? "Avbryt" : "Cancel") == 1);
        dialog->Destroy();

        const auto yesNo = YesNoButtons(frame);
        INFO(language);
        CHECK(yesNo.count(sv ? "Ja" : "Yes") == 1);
        CHECK(yesNo.count(sv ? "Nej" : "No") == 1);
        // The app's own names follow too.
        CHECK(Name(journal::SessionType::Closing) ==
              wxString::FromUTF8(sv ? "Avslutande samtal" : "Closing session"));
    }
    ApplyLanguage("en");
    frame->Destroy();
    Pump();
}

TEST_CASE("the date field writes and reads ISO dates whatever the language", "[gui][dates]") {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "dates", wxDefaultPosition, wxSize(500, 400));
    auto* panel = new wxPanel(frame);
    for (const char* language : {"en", "sv"}) {
        ApplyLanguage(language);
        auto* date = new DateCtrl(panel, {2026, 12, 5});
        auto* time = new TimeCtrl(panel, 14 * 60 + 25);
        date->SetPosition(wxPoint(10, 10));
        time->SetPosition(wxPoint(10, 60));
        frame->Show();
        Pump();
        auto* text = Find<wxTextCtrl>("date_text", date);
        REQUIRE(text != nullptr);
        CHECK(text->GetValue() == "2026-12-05");
        CHECK(Find<wxTextCtrl>("time_text", time)->GetValue() == "14:25");

        int changes = 0;
        date->onChanged = [&] { ++changes; };
        text->SetValue("2026-12-24");
        CHECK(date->GetDate() == journal::Date{2026, 12, 24});
        CHECK(changes == 1);
        // A US or Swedish-written date is not taken for another day: it is refused.
        text->SetValue("12/05/2026");
        CHECK(date->GetDate() == journal::Date{2026, 12, 24});
        text->SetValue("5/12 2026");
        CHECK(date->GetDate() == journal::Date{2026, 12, 24});
        CHECK(changes == 1);
        text->SetFocus();
        Pump();
        Key(WXK_UP);
        CHECK(date->GetDate() == journal::Date{2026, 12, 25});
        CHECK(text->GetValue() == "2026-12-25");

        // The calendar: opened from the keyboard, a week on, picked with Enter.
        Key(WXK_DOWN, wxMOD_ALT);
        REQUIRE(PumpUntil([&] { return date->Calendar() != nullptr; }));
        Pump(4);
        Screenshot(*frame, std::string("date-calendar-") + language + ".png");
        Key(WXK_DOWN);
        Key(WXK_RETURN);
        REQUIRE(PumpUntil([&] { return date->Calendar() == nullptr; }));
        CHECK(date->GetDate() == journal::Date{2027, 1, 1});
        CHECK(text->GetValue() == "2027-01-01");

        Find<wxTextCtrl>("time_text", time)->SetValue("9.05");
        CHECK(time->GetMinutes() == 9 * 60 + 5);
        Find<wxTextCtrl>("time_text", time)->SetValue("25:00");
        CHECK(time->GetMinutes() == 9 * 60 + 5);
        date->Destroy();
        time->Destroy();
    }
    ApplyLanguage("en");
    frame->Destroy();
    Pump();
}

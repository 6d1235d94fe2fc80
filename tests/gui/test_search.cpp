// Edit > Find in notes: this client's notes from memory, every client's through
// the vault, and opening a hit where the text is.

#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "dialogs/SearchDialog.h"
#include "journal/JournalPage.h"
#include "model/CaseDocument.h"
#include "model/CaseEdit.h"
#include "shell/MainFrame.h"
#include "shell/MainFrameIds.h"

#include "kartbok/journal/SessionCommands.h"
#include "kartbok/vault/Vault.h"

#include <wx/datetime.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <algorithm>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

/// A session with one note field; returns its id.
std::string AddNote(CaseDocument& doc, const std::string& id, int day, const std::string& text) {
    journal::Session s;
    s.id = id;
    s.start = wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day), wxDateTime::Mar, 2026, 10, 0)
                  .GetTicks();
    s.type = journal::SessionType::Individual;
    s.templateId = "note-free";
    s.fields = {{"note", text}};
    doc.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::AddSession>(s), "session"));
    return s.id;
}

} // namespace

TEST_CASE("find in notes searches this client from memory and every client through the vault",
          "[gui][journal][search]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));

    // KB-002 gets a saved note; KB-001 one that is only in memory when searched.
    REQUIRE(frame->OpenCase(v.richId));
    AddNote(*frame->Document(), "5e55a0aa-0000-4000-8000-0000000000b1", 3,
            "He spoke of ÅNGEST before the meeting.");
    REQUIRE(frame->SaveNow());
    REQUIRE(frame->OpenCase(v.firstId));
    const std::string unsaved = AddNote(*frame->Document(), "5e55a0aa-0000-4000-8000-0000000000a1",
                                        5, "Less ångest this week, sleeps better.");
    REQUIRE(frame->Document()->IsDirty());

    // This client: only KB-001's note, found although it is not saved yet.
    auto own = frame->RunSearch("ångest", false);
    REQUIRE(own.hits.size() == 1);
    CHECK(own.hits[0].code == "KB-001");
    CHECK(own.hits[0].hit.sessionId == unsaved);

    // All clients: both, by code, the open one from memory.
    auto all = frame->RunSearch("ÅNGEST", true);
    REQUIRE(all.hits.size() == 2);
    CHECK(all.hits[0].code == "KB-001");
    CHECK(all.hits[1].code == "KB-002");
    CHECK(all.problems.empty());
    CHECK(all.casesSearched == 2);
    CHECK(frame->RunSearch("nothing like this", true).hits.empty());

    // The vault logged one search and no query text.
    const auto audit = frame->Vault()->ReadAudit();
    const auto searches = std::count_if(audit.begin(), audit.end(), [](const auto& e) {
        return e.action == vault::AuditAction::Search;
    });
    CHECK(searches == 2); // this client's search runs in memory: nothing to log
    for (const auto& e : audit)
        CHECK(e.detail.find("ngest") == std::string::npos);

    // The dialog lists the hits; opening one shows its session in the Journal tab.
    SearchDialog::Callbacks callbacks;
    callbacks.search = [frame](const std::string& q, bool a) { return frame->RunSearch(q, a); };
    std::optional<vault::VaultSearchHit> opened;
    callbacks.open = [&](const vault::VaultSearchHit& h) { opened = h; };
    {
        SearchDialog dialog(frame, true, true, callbacks);
        dialog.Show();
        dialog.Search(wxString::FromUTF8("ångest"));
        Pump();
        auto* list = Find<wxListCtrl>("search_hits", &dialog);
        REQUIRE(list != nullptr);
        CHECK(list->GetItemCount() == 2);
        CHECK(list->GetItemText(1, 0) == "KB-002");
        CHECK(list->GetItemText(1, 3).Contains(wxString::FromUTF8("ÅNGEST")));
        CHECK(dialog.Summary().StartsWith("2 hits in 2 clients"));
        Screenshot(dialog, "search.png");
        dialog.OpenHit(1);
        CHECK_FALSE(dialog.IsShown());
    }
    REQUIRE(opened);
    frame->OpenSearchHit(*opened); // KB-001 has unsaved changes: saved first, then switched
    Pump();
    REQUIRE(frame->Document() != nullptr);
    CHECK(frame->Document()->Case().code == "KB-002");
    CHECK(frame->Tabs().GetSelection() == kTabJournal);
    auto* journal = dynamic_cast<JournalPage*>(frame->Tabs().GetPage(kTabJournal));
    REQUIRE(journal != nullptr);
    CHECK(journal->CurrentSessionId() == "5e55a0aa-0000-4000-8000-0000000000b1");
    Screenshot(*frame, "search-opened.png");

    frame->Close(true);
    Pump();
}

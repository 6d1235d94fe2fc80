// New clients start from the three-generation scaffold; an idle Kartbok locks
// itself and unlocking resumes where the therapist was.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "dialogs/UnlockDialog.h"
#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/ClientListPanel.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Queries.h"

#include <wx/textctrl.h>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

TEST_CASE("a new client starts with the three-generation scaffold, saved", "[gui]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->CreateCase("KB-003", genogram::Gender::Woman));
    Pump(6);
    auto* doc = frame->Document();
    REQUIRE(doc != nullptr);
    CHECK(doc->Case().code == "KB-003");
    const auto client = doc->Family().IndexPerson();
    REQUIRE(client.has_value());
    CHECK(doc->Family().FindPerson(*client)->gender == genogram::Gender::Woman);
    CHECK(genogram::AncestorsOf(doc->Family(), *client).size() == 6); // parents + grandparents
    CHECK_FALSE(doc->IsDirty());
    CHECK_FALSE(doc->CanUndo()); // the scaffold is where the history starts
    CHECK(frame->ClientList().Rows().size() == 3);
    // The client is selected with the caret in the name: type it straight away.
    CHECK(frame->Map().Canvas().SelectedPerson() == *client);
    TypeText("Mia");
    CHECK(doc->Family().FindPerson(*client)->givenNames == "Mia");
    Screenshot(*frame, "new-case.png");
    frame->Close(true);
    Pump();
}

TEST_CASE("an idle Kartbok locks itself and resumes after the password", "[gui]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(v.richId));
    frame->Map().Canvas().SelectPerson(*frame->Document()->Family().IndexPerson());
    frame->SetIdleLimit(std::chrono::seconds(1));
    REQUIRE(PumpUntil([&] { return frame->IsLocked(); }, 6000));
    CHECK(frame->Document() == nullptr); // no case data left in the window
    REQUIRE(frame->Unlock() != nullptr);
    frame->SetIdleLimit(std::chrono::seconds(0));
    auto* field = Find<wxTextCtrl>("password", frame->Unlock());
    field->SetFocus();
    Pump();
    TypeText(v.password.c_str());
    Key(WXK_RETURN);
    REQUIRE(PumpUntil([&] { return frame->Document() != nullptr; }));
    CHECK(frame->Document()->Id() == v.richId);
    CHECK(frame->Map().Canvas().SelectedPerson() == *frame->Document()->Family().IndexPerson());
    frame->Close(true);
    Pump();
}

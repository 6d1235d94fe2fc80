// The vault folder drops away (a network share) while a client is open: the
// changes stay in memory, a bar says so, nothing else can be opened over them,
// and they are saved once the folder is back - also across an auto-lock, where
// they are kept sealed under the vault key instead of in the clear.

#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "dialogs/UnlockDialog.h"
#include "model/CaseDocument.h"
#include "model/CaseEdit.h"
#include "shell/MainFrame.h"

#include "kartbok/journal/SessionCommands.h"
#include "kartbok/vault/Vault.h"

#include <wx/datetime.h>
#include <wx/textctrl.h>

#include <filesystem>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

void AddNote(CaseDocument& doc, const std::string& id, const std::string& text) {
    journal::Session s;
    s.id = id;
    s.start = wxDateTime(10, wxDateTime::Mar, 2026, 10, 0).GetTicks();
    s.type = journal::SessionType::Individual;
    s.templateId = "note-free";
    s.fields = {{"note", text}};
    doc.Execute(std::make_unique<CaseEdit>(std::make_unique<journal::AddSession>(s), "session"));
}

/// The case as a fresh reader of the folder sees it.
journal::Case OnDisk(const TempVault& v, const std::string& caseId) {
    auto vault = vault::Vault::Open(v.dir, v.password);
    return vault.LoadCase(caseId);
}

} // namespace

TEST_CASE("a vanished vault folder keeps the changes in memory and saves them when it is back",
          "[gui][vault][fault]") {
    TempVault v;
    const std::filesystem::path away = v.dir.string() + "-away";
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    REQUIRE(frame->OpenCase(v.firstId));

    const std::string first = "5e55a0aa-0000-4000-8000-0000000000c1";
    AddNote(*frame->Document(), first, "Written while the share was gone.");
    std::filesystem::rename(v.dir, away);
    CHECK_FALSE(frame->SaveNow());
    CHECK(frame->Document()->IsDirty());
    CHECK(frame->SaveProblem().Contains("kept in memory"));
    CHECK(frame->GetTitle().EndsWith("*"));
    // Another client is not opened over unsaved changes.
    CHECK_FALSE(frame->OpenCase(v.richId));
    CHECK(frame->Document()->Id() == v.firstId);
    Pump();
    Screenshot(*frame, "vault-gone.png");

    // The folder returns; the next retry (the timer's, here called at once) saves.
    std::filesystem::rename(away, v.dir);
    CHECK(frame->SaveNow());
    CHECK_FALSE(frame->Document()->IsDirty());
    CHECK(frame->SaveProblem().empty());
    REQUIRE(OnDisk(v, v.firstId).FindSession(first) != nullptr);

    // Gone again, and the app locks (idle) before it is back: the changes are
    // sealed, the case closed, and after unlocking they come back and are saved.
    const std::string second = "5e55a0aa-0000-4000-8000-0000000000c2";
    AddNote(*frame->Document(), second, "Written just before the auto-lock.");
    std::filesystem::rename(v.dir, away);
    frame->LockNow();
    Pump();
    CHECK(frame->IsLocked());
    CHECK(frame->Document() == nullptr);
    CHECK(frame->HasPendingChanges());
    std::filesystem::rename(away, v.dir);
    CHECK(OnDisk(v, v.firstId).FindSession(second) == nullptr);

    UnlockDialog* dialog = frame->Unlock();
    REQUIRE(dialog != nullptr);
    auto* field = Find<wxTextCtrl>("password", dialog);
    REQUIRE(field != nullptr);
    field->ChangeValue(wxString::FromUTF8(v.password));
    dialog->TryUnlock();
    REQUIRE(PumpUntil([&] { return !frame->IsLocked() && frame->Document() != nullptr; }));
    CHECK_FALSE(frame->HasPendingChanges());
    CHECK(frame->Document()->Id() == v.firstId);
    CHECK_FALSE(frame->Document()->IsDirty());
    CHECK(frame->Document()->Case().FindSession(second) != nullptr);
    CHECK(OnDisk(v, v.firstId).FindSession(second) != nullptr);

    frame->Close(true);
    Pump();
}

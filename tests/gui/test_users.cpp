// File > Users and passwords: add a user, remove one (the vault key changes),
// change one's own password with the current one; the fingerprint shown here
// and in the About box.

#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "dialogs/UsersDialog.h"
#include "shell/MainFrame.h"

#include "kartbok/vault/Vault.h"

#include <wx/listbox.h>
#include <wx/stattext.h>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

TEST_CASE("the users dialog adds, removes and changes passwords, and shows the fingerprint",
          "[gui][vault][users]") {
    TempVault v;
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(PumpUntil([&] { return !frame->IsLocked(); }));
    {
        // A dialog on the stack, a child of the frame: gone before the frame is.
        UsersDialog dialog(frame, *frame->Vault());
        dialog.Show();
        Pump();
        auto* list = Find<wxListBox>("users_list", &dialog);
        REQUIRE(list != nullptr);
        CHECK(list->GetCount() == 1);
        CHECK(list->GetString(0) == "tester (you)");

        CHECK(dialog.AddUser("bo", "short", "short").Contains("10 characters"));
        CHECK(dialog.AddUser("bo", "password123", "password123").Contains("common passwords"));
        CHECK(dialog.AddUser("bo", "bo's long password", "other").Contains("differ"));
        CHECK(dialog.AddUser("bo", "bo's long password", "bo's long password").empty());
        CHECK(list->GetCount() == 2);
        CHECK(frame->Vault()->CheckPassword("bo", "bo's long password"));

        auto* fingerprint = Find<wxStaticText>("vault_fingerprint", &dialog);
        REQUIRE(fingerprint != nullptr);
        const wxString before = fingerprint->GetLabel();
        CHECK(before.StartsWith("Vault fingerprint: "));
        CHECK(frame->AboutText().Contains(dialog.Fingerprint()));
        Screenshot(dialog, "users_dialog");

        // Removing bo changes the vault key; the fingerprint moves on.
        CHECK(dialog.RemoveUser("bo").empty());
        CHECK(list->GetCount() == 1);
        CHECK(fingerprint->GetLabel() != before);
        CHECK_THROWS_AS(vault::Vault::Open(v.dir, "bo's long password"), vault::VaultError);

        CHECK(
            dialog.ChangeMyPassword("not my password", "a new long password", "a new long password")
                .Contains("current password is not right"));
        CHECK(dialog.ChangeMyPassword(v.password, "a new long password", "a new long password")
                  .empty());
        CHECK(vault::Vault::Open(v.dir, "a new long password").User() == "tester");
        dialog.Hide();
    }
    frame->Close(true);
    Pump();
}

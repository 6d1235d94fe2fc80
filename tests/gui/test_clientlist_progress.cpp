// Deep-interview progress at a glance in the client list (issue 7): counted
// from the vault's index against the loaded template, the same way the
// Overview tab counts the opened case, and shown as "6/20" in its own column.
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "common/Translations.h"
#include "model/CaseDocument.h"
#include "model/CaseEdit.h"
#include "model/ClientListPresenter.h"
#include "model/OverviewPresenter.h"
#include "shell/ClientListPanel.h"
#include "shell/MainFrame.h"

#include "kartbok/journal/ChecklistCommands.h"
#include "kartbok/journal/TemplateLoader.h"

#include <wx/listctrl.h>

#include <algorithm>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;
using journal::TopicState;

namespace {

const journal::Template& ShippedDeepInterview() {
    static const journal::TemplateSet templates =
        journal::LoadTemplates(journal::ShippedTemplatesDir());
    const journal::Template* deep = templates.Find("deep-interview");
    REQUIRE(deep != nullptr);
    return *deep;
}

/// The shipped deep interview (version 2) as a clinic might raise it to version 3: two
/// childhood topics merged into one, one upbringing topic retired.
journal::Template DeepInterviewV2() {
    journal::Template t = ShippedDeepInterview();
    REQUIRE(t.version == 2);
    t.version = 3; // the shipped version 2 added topics only, so version 1 ids map through 1 -> 3
    for (auto& section : t.sections) {
        auto& items = section.items;
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [](const journal::TemplateItem& i) {
                                       return i.id == "childhood-friends" ||
                                              i.id == "upbringing-norms";
                                   }),
                    items.end());
        for (auto& item : items)
            if (item.id == "childhood-interests")
                item.id = "childhood-interests-and-friends";
    }
    t.replaces[1] = {{"childhood-interests", "childhood-interests-and-friends"},
                     {"childhood-friends", "childhood-interests-and-friends"}};
    return t;
}

vault::CaseSummary Summary(std::vector<vault::ChecklistSummary> checklists) {
    vault::CaseSummary s;
    s.id = "00000000-0000-4000-8000-000000000001";
    s.code = "KB-1";
    s.status = journal::CaseStatus::Ongoing;
    s.checklists = std::move(checklists);
    return s;
}

std::optional<ChecklistCount> InterviewOf(const vault::CaseSummary& s,
                                          const journal::Template* deep) {
    const auto rows = BuildClientRows({s}, {}, {2026, 3, 1}, deep);
    REQUIRE(rows.size() == 1);
    return rows[0].interview;
}

/// The deep interview of the demo vault's case (kartbok-cli demo), ids and marks only.
journal::ChecklistRun DemoLikeRun() {
    journal::ChecklistRun run{"deep-interview", 1, {}};
    for (const char* id :
         {"family-map-three-generations", "childhood-interests", "childhood-school", "puberty",
          "sexual-debut", "first-purchase-or-onset"})
        run.entries.push_back({id, TopicState::Covered, "", {}, {}});
    for (const char* id :
         {"childhood-friends", "upbringing-patterns", "vulnerability", "relationships"})
        run.entries.push_back({id, TopicState::Partly, "A note", {}, {}});
    return run;
}

long RowOf(const ClientListPanel& panel, const std::string& code) {
    const auto& rows = panel.Rows();
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].code == code)
            return static_cast<long>(i);
    FAIL("no row for " << code);
    return -1;
}

wxString ColumnTitle(wxListCtrl& list, int column) {
    wxListItem item;
    item.SetMask(wxLIST_MASK_TEXT);
    list.GetColumn(column, item);
    return item.GetText();
}

/// Every column fits the list (nothing hidden past the right edge) and the
/// Interview column is wide enough for its title and for "17/17".
void CheckColumnsReadable(wxListCtrl& list) {
    int total = 0;
    for (int c = 0; c < list.GetColumnCount(); ++c)
        total += list.GetColumnWidth(c);
    INFO("columns " << total << " px, list " << list.GetClientSize().x << " px");
    CHECK(total <= list.GetClientSize().x);
    const int width = list.GetColumnWidth(3);
    CHECK(width >= list.GetTextExtent(ColumnTitle(list, 3)).x + list.FromDIP(12));
    CHECK(width >= list.GetTextExtent("17/17").x + list.FromDIP(12));
}

} // namespace

TEST_CASE("the client list counts covered topics from the index, old ids mapped",
          "[gui][presenter]") {
    const journal::Template v2 = DeepInterviewV2();
    REQUIRE(v2.Items().size() == 18);
    // Stored under version 1: a merged pair, both covered; a retired topic; a partly one.
    const auto s = Summary({{"deep-interview",
                             1,
                             {"family-map-three-generations", "childhood-interests",
                              "childhood-friends", "upbringing-norms"},
                             {"vulnerability"},
                             {}},
                            {"relatives-support", 1, {"loss-of-control"}, {}, {}}});
    CHECK(InterviewOf(s, &v2) == ChecklistCount{2, 18});
    CHECK(InterviewOf(s, &ShippedDeepInterview()) == ChecklistCount{4, 20});
    CHECK(ProgressText(InterviewOf(s, &v2)) == "2/18");

    // Covered merged with an entry still marked not yet is partly, as in the case.
    const auto merged = Summary({{"deep-interview",
                                  1,
                                  {"family-map-three-generations", "childhood-interests"},
                                  {},
                                  {"childhood-friends"}}});
    CHECK(InterviewOf(merged, &v2) == ChecklistCount{1, 18});

    // Stored under the loaded version: counted as is.
    const auto current =
        Summary({{"deep-interview", 3, {"childhood-interests-and-friends"}, {}, {}}});
    CHECK(InterviewOf(current, &v2) == ChecklistCount{1, 18});
}

TEST_CASE("the client list shows a dash when there is nothing to count", "[gui][presenter]") {
    const journal::Template& deep = ShippedDeepInterview();
    // No run, or an index entry from version 1 (no progress until the case is saved).
    CHECK_FALSE(InterviewOf(Summary({}), &deep).has_value());
    // Only another checklist.
    CHECK_FALSE(
        InterviewOf(Summary({{"relatives-support", 1, {"loss-of-control"}, {}, {}}}), &deep));
    // A run started, nothing ticked: counted.
    CHECK(InterviewOf(Summary({{"deep-interview", 1, {}, {}, {}}}), &deep) ==
          ChecklistCount{0, 20});
    // No template loaded.
    CHECK_FALSE(
        InterviewOf(Summary({{"deep-interview", 1, {"childhood"}, {}, {}}}), nullptr).has_value());
    CHECK(ProgressText(std::nullopt) == "\u2013");
}

TEST_CASE("the client list and the overview count a saved case alike", "[gui][presenter]") {
    TempVault v;
    const journal::Template v2 = DeepInterviewV2();
    journal::Case c;
    std::vector<vault::CaseSummary> list;
    {
        auto vault = vault::Vault::Open(v.dir, v.password);
        c = vault.LoadCase(v.richId);
        c.checklists.push_back(DemoLikeRun());
        c.checklists[0].entries.push_back(
            {"upbringing-norms", TopicState::Covered, "", {}, {}}); // retired in v2
        vault.SaveCase(c);
        list = vault.ListCases();
    }
    const auto rows = BuildClientRows(list, {}, {2026, 3, 1}, &v2);
    const auto rich = std::find_if(rows.begin(), rows.end(),
                                   [](const ClientRow& r) { return r.code == "KB-002"; });
    REQUIRE(rich != rows.end());
    const TopicProgress overview = ChecklistProgress(c, v2, "en");
    REQUIRE(rich->interview.has_value());
    CHECK(rich->interview->covered == overview.covered);
    CHECK(rich->interview->total == overview.total);
    CHECK(overview.covered == 5); // the merged pair is covered + partly: partly
}

TEST_CASE("the client list shows each case's deep-interview progress, in English and Swedish",
          "[gui]") {
    TempVault v;
    {
        auto vault = vault::Vault::Open(v.dir, v.password);
        journal::Case c = vault.LoadCase(v.richId);
        c.checklists.push_back(DemoLikeRun());
        vault.SaveCase(c);
    }
    journal::Case expected;
    expected.checklists.push_back(DemoLikeRun());
    const TopicProgress p = ChecklistProgress(expected, ShippedDeepInterview(), "en");
    const wxString progress =
        wxString::FromUTF8(std::to_string(p.covered) + "/" + std::to_string(p.total));
    CHECK(progress == "6/20");

    MainFrame* frame = OpenUnlockedFrame(v);
    auto* list = Find<wxListCtrl>("client_list", frame);
    REQUIRE(list != nullptr);
    CHECK(ColumnTitle(*list, 3) == "Interview");
    CHECK(list->GetItemText(RowOf(frame->ClientList(), "KB-002"), 3) == progress);
    CHECK(list->GetItemText(RowOf(frame->ClientList(), "KB-001"), 3) ==
          wxString::FromUTF8("\u2013"));
    CheckColumnsReadable(*list);
    Screenshot(frame->ClientList(), "clientlist-progress-en.png");
    Screenshot(*frame, "clientlist-progress-frame-en.png");

    Preferences prefs = frame->Prefs();
    prefs.language = "sv";
    frame->ApplyPreferences(prefs);
    Pump(10);
    list = Find<wxListCtrl>("client_list", frame);
    REQUIRE(list != nullptr);
    CHECK(ColumnTitle(*list, 3) == "Intervju");
    CHECK(list->GetItemText(RowOf(frame->ClientList(), "KB-002"), 3) == progress);
    CheckColumnsReadable(*list);
    Screenshot(frame->ClientList(), "clientlist-progress-sv.png");

    // A topic ticked and saved shows in the list at once, not at the next reload.
    REQUIRE(frame->OpenCase(v.firstId));
    frame->Document()->Execute(std::make_unique<CaseEdit>(
        std::make_unique<journal::SetTopic>(
            "deep-interview", 1,
            journal::TopicEntry{"childhood-school", TopicState::Covered, "", {}, {}}),
        "topic"));
    REQUIRE(frame->SaveNow());
    CHECK(list->GetItemText(RowOf(frame->ClientList(), "KB-001"), 3) == "1/20");

    prefs.language = "en";
    frame->ApplyPreferences(prefs);
    Pump();
    frame->Close(true);
    Pump();
    ApplyLanguage("en");
}

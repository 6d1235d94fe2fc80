// A case held by another Kartbok opens read-only with a banner naming the
// holder; a 200-person map stays fluid (edit-to-repaint is printed for the
// benchmark table as `gui_repaint_200`).
#include <catch2/catch.hpp>

#include "GuiDriver.h"

#include "map/MapCanvas.h"
#include "map/MapPage.h"
#include "shell/CaseHeader.h"
#include "shell/MainFrame.h"

#include "kartbok/genogram/Sample.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace kartbok;
using namespace kartbok::app;
using namespace kartbok::test;

namespace {

/// Another process holding the case lock: tests_gui itself in its lock-holder mode.
class OtherInstance {
public:
    OtherInstance(const TempVault& v, const std::string& caseId) {
        const std::string command = "KARTBOK_TEST_HOLD_LOCK='" + v.dir.string() +
                                    "' KARTBOK_TEST_CASE='" + caseId + "' KARTBOK_TEST_PASSWORD='" +
                                    v.password + "' exec /proc/" + std::to_string(::getpid()) +
                                    "/exe";
        m_pipe = ::popen(command.c_str(), "r");
        char line[64] = {};
        if (m_pipe && std::fgets(line, sizeof line, m_pipe))
            std::sscanf(line, "held %d", &m_pid);
    }
    ~OtherInstance() {
        if (m_pid > 0)
            ::kill(m_pid, SIGTERM);
        if (m_pipe)
            ::pclose(m_pipe);
    }
    bool Holding() const { return m_pid > 0; }

private:
    FILE* m_pipe = nullptr;
    int m_pid = 0;
};

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

TEST_CASE("a client open in another Kartbok opens read-only and says who has it", "[gui]") {
    TempVault v;
    OtherInstance other(v, v.firstId);
    REQUIRE(other.Holding());
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE_FALSE(frame->IsLocked());
    REQUIRE(frame->OpenCase(v.firstId));
    Pump(8);
    CHECK(frame->Document()->ReadOnly());
    CHECK(frame->Header().BannerText().Contains("tester"));
    CHECK(frame->GetTitle().Contains("(read only)"));
    // Gestures do nothing on a read-only map.
    const auto before = frame->Document()->Family();
    frame->Map().Canvas().SelectPerson(*before.IndexPerson());
    Key('S');
    CHECK(frame->Document()->Family() == before);
    Screenshot(*frame, "readonly.png");
    frame->Close(true);
    Pump();
}

TEST_CASE("a 200-person map repaints quickly after an edit", "[gui][speed]") {
    TempVault v;
    std::string bigId;
    {
        auto vault = vault::Vault::Open(v.dir, v.password);
        auto big = vault.CreateCase("KB-200");
        big.family = genogram::GeneratedFamily(200, 7);
        vault.SaveCase(big);
        bigId = big.id;
    }
    MainFrame* frame = OpenUnlockedFrame(v);
    REQUIRE(frame->OpenCase(bigId));
    Pump(8);
    auto& canvas = frame->Map().Canvas();
    auto& doc = *frame->Document();
    const auto person = doc.Family().people.at(10).id;
    canvas.SelectPerson(person);
    Pump();

    // Edit -> command -> scene -> paint, as one synchronous path; timed to the end of the paint.
    auto timed = [&](const std::function<void()>& edit) {
        const int paints = canvas.PaintCount();
        const auto start = std::chrono::steady_clock::now();
        edit();
        if (canvas.PaintCount() == paints)
            PumpUntil([&] { return canvas.PaintCount() > paints; }, 2000);
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    };
    std::vector<double> text, layout;
    const int layoutRuns = canvas.Presenter().LayoutRuns();
    for (int i = 0; i < 12; ++i) {
        text.push_back(timed([&] {
            auto p = *doc.Family().FindPerson(person);
            p.occupation = "snickare " + std::to_string(i);
            frame->Map().Perform(MakeSetPerson(doc.Family(), p));
        }));
    }
    // Text edits keep the Graphviz layout: only the scene is rebuilt.
    CHECK(canvas.Presenter().LayoutRuns() == layoutRuns);
    for (int i = 0; i < 6; ++i) {
        layout.push_back(timed([&] { frame->Map().Grow(Growth::Son); }));
        canvas.SelectPerson(person);
        layout.push_back(timed([&] { frame->Undo(); }));
    }
    // The row the target is held to is the slower kind's median: a median of
    // both kinds together would sit between them and describe neither.
    std::printf("gui_repaint_200\t%.1f\n", std::max(Median(text), Median(layout)));
    std::printf("gui_repaint_200_text\t%.1f\n", Median(text));
    std::printf("gui_repaint_200_layout\t%.1f\n", Median(layout));
    std::fflush(stdout);
    // Timings are reported, not asserted: the bench compares them with the limit
    // on the same machine (docs/design.md, "Speed").
    Screenshot(*frame, "map-200.png");
    frame->Close(true);
    Pump();
}

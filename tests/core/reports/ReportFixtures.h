#pragma once
// Cases and helpers for the reports tests: a finished case built in code with
// a closing session, a corrected note, forms and a deep interview; and
// pdftotext on a written report.

#include "CaseFixtures.h"
#include "TemplateFixtures.h"

#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Sample.h"
#include "kartbok/journal/Dates.h"
#include "kartbok/journal/TemplateLoader.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kartbok::reports::test {

namespace jn = kartbok::journal;

using kartbok::test::ShippedTemplates;

using kartbok::test::At;

/// A note of a session at nine on `d`, written at ten and signed at eleven by terapeut.åsa.
inline jn::Session Note(const std::string& id, jn::Date d, jn::SessionType type,
                        const std::string& templateId, std::vector<jn::NoteField> fields) {
    jn::Session s = kartbok::test::NoteSession(id, At(d, 9), type, templateId, std::move(fields),
                                               "terapeut.åsa");
    s.created = s.start + 3600;
    const jn::Timestamp signedAt = s.start + 7200;
    return kartbok::test::Signed(std::move(s), "terapeut.åsa", signedAt);
}

/// Distinctive texts the tests look for (or must not find).
inline const std::string kReason = "Köper sex på resor och vill sluta; skämmer sig inför sin fru.";
inline const std::string kSessionText = "Pratade om ensamheten på internatskolan i Växjö.";
inline const std::string kWrongText = "Klienten var sju år när fadern försvann.";
inline const std::string kRightText = "Klienten var fem år när fadern försvann.";
inline const std::string kTheme = "återfallsplanen";
inline const std::string kPlan = "Fråga om återfallsplanen håller och hur relationen mår.";

/// A client who ended in June 2026, follow-up due in December.
inline jn::Case FinishedCase() {
    jn::Case c;
    c.id = "9a000000-0000-4000-8000-000000000001";
    c.code = "GBG-2025-042";
    c.name = "Örjan Ångström";
    c.contact = "070-123 45 67";
    c.reasonForContact = kReason;
    c.status = jn::CaseStatus::Ended;
    c.firstContact = {2025, 5, 20};
    c.start = {2025, 6, 3};
    c.end = {2026, 6, 9};
    c.followUps = {{"fu-1", jn::FollowUpDue(c.end, 6), jn::FollowUpOutcome::Planned, {}, {}}};
    c.followUpDue = c.followUps[0].due;
    c.intake = {{jn::SeekReason::BuyingSex}, jn::ReferralRoute::Partner};
    c.family = genogram::RichSampleFamily();
    c.sessions.push_back(Note("s1", {2025, 6, 3}, jn::SessionType::Individual, "note-free",
                              {{"note", kSessionText}}));
    c.sessions.push_back(Note("s2", {2025, 9, 9}, jn::SessionType::Couple, "note-soap",
                              {{"subjective", "Partnern deltar."}, {"assessment", kWrongText}}));
    c.sessions[1].addenda.push_back(
        {"terapeut.åsa", At({2025, 9, 10}, 9), kRightText, "Fel ålder", "assessment"});
    c.sessions[1].addenda.push_back({"terapeut.åsa", At({2025, 9, 11}, 9),
                                     "Partnern ringde och vill ha egna samtal.",
                                     "Kom in efter samtalet", ""});
    c.sessions.push_back(Note("s3", {2026, 1, 13}, jn::SessionType::Remote, "note-free",
                              {{"note", "Kort avstämning."}}));
    jn::Session closing = Note("s4", {2026, 6, 9}, jn::SessionType::Closing, "note-closing",
                               {{"course", "Ett år av samtal om skam och närhet."},
                                {"changes", "Inga köp sedan hösten."},
                                {"agreements", kPlan}});
    closing.themes = {"avslut", kTheme};
    closing.nextSteps = "Uppföljning i december.";
    c.sessions.push_back(closing);

    jn::ChecklistRun run;
    run.templateId = "deep-interview";
    run.templateVersion = 1;
    run.entries = {{"family-map-three-generations", jn::TopicState::Covered, "", {"s1"}, {}},
                   {"childhood", jn::TopicState::Covered, "", {"s1"}, {}},
                   {"childhood-school", jn::TopicState::Partly, "Internatet.", {"s1"}, {}},
                   {"first-love", jn::TopicState::Partly, "", {}, {}}};
    c.checklists.push_back(run);

    jn::FormResponse start{"r1", "form-start", 1, jn::FormPhase::Start, {2025, 6, 3}, {}};
    start.answers = {
        {"bought-sex-ever", "yes"},          {"problem-behaviour-frequency", "weekly"},
        {"behaviour-destructive-self", "5"}, {"wellbeing", "2"},
        {"relations-quality", "3"},          {"reason-for-contact", "Min fru fick veta."},
        {"can-stop-impulses", "3"}};
    jn::FormResponse end{"r2", "form-end", 1, jn::FormPhase::End, {2026, 6, 9}, {}};
    end.answers = {{"problem-behaviour-frequency", "never"},
                   {"behaviour-destructive-self", "2"},
                   {"wellbeing", "4"},
                   {"relations-quality", "3"},
                   {"can-stop-impulses", "3"},
                   {"respectful-treatment", "5"}};
    c.forms = {start, end};
    return c;
}

/// Every given name and surname in the family (for "must not appear" checks).
inline std::vector<std::string> FamilyNames(const jn::Case& c) {
    std::vector<std::string> names;
    for (const auto& p : c.family.people) {
        if (p.placeholder)
            continue;
        for (const std::string* s : {&p.givenNames, &p.surname})
            if (s->size() >= 3)
                names.push_back(*s);
    }
    return names;
}

inline void WriteBytes(const std::filesystem::path& p, const std::vector<unsigned char>& bytes) {
    std::ofstream(p, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

/// The text of a PDF, pages separated by form feeds (pdftotext's output).
inline std::string PdfText(const std::filesystem::path& pdf) {
    std::string cmd = "pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null";
    std::FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe)
        return {};
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        out.append(buf.data(), n);
    ::pclose(pipe);
    return out;
}

inline std::vector<std::string> Pages(const std::string& text) {
    std::vector<std::string> pages;
    std::size_t from = 0, ff;
    while ((ff = text.find('\f', from)) != std::string::npos) {
        pages.push_back(text.substr(from, ff - from));
        from = ff + 1;
    }
    if (from < text.size() && text.find_first_not_of(" \n", from) != std::string::npos)
        pages.push_back(text.substr(from));
    return pages;
}

/// pdftotext breaks lines where the layout wrapped: join them for phrase checks.
inline std::string Flat(std::string text) {
    for (char& ch : text)
        if (ch == '\n' || ch == '\f')
            ch = ' ';
    std::string out;
    for (char ch : text)
        if (!(ch == ' ' && !out.empty() && out.back() == ' '))
            out += ch;
    return out;
}

} // namespace kartbok::reports::test

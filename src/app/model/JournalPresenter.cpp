#include "model/JournalPresenter.h"

#include "kartbok/journal/Lifecycle.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace kartbok::app {

using namespace kartbok::journal;

std::vector<SessionRow> BuildSessionRows(const Case& c) {
    std::vector<SessionRow> rows;
    rows.reserve(c.sessions.size());
    for (const auto& s : c.sessions)
        rows.push_back({s.id, s.start, s.type, s.isSigned, s.author, s.templateId});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const SessionRow& a, const SessionRow& b) { return a.start < b.start; });
    return rows;
}

std::array<unsigned char, 3> SessionTypeColour(SessionType type) {
    switch (type) {
    case SessionType::Individual:
        return {52, 101, 164}; // blue
    case SessionType::Couple:
        return {173, 75, 150}; // purple
    case SessionType::Relative:
        return {206, 92, 0}; // orange
    case SessionType::Group:
        return {78, 154, 6}; // green
    case SessionType::Remote:
        return {85, 87, 83}; // grey
    case SessionType::Closing:
        return {164, 0, 0}; // red
    case SessionType::FollowUp:
        return {0, 140, 140}; // teal
    }
    return {85, 87, 83};
}

std::string DefaultNoteTemplate(const Case& c, const TemplateSet& templates) {
    const char* wanted = c.sessions.empty() ? kFirstVisitTemplate : kDefaultNoteTemplate;
    if (templates.Find(wanted))
        return wanted;
    if (templates.Find(kDefaultNoteTemplate))
        return kDefaultNoteTemplate;
    const auto notes = templates.OfKind(TemplateKind::Note);
    return notes.empty() ? std::string() : notes.front()->id;
}

const Session* LatestSession(const Case& c) {
    const Session* latest = nullptr;
    for (const auto& s : c.sessions)
        if (!latest || s.start >= latest->start)
            latest = &s;
    return latest;
}

Session NewDraft(const Case& c, const Template* tmpl, std::string id, std::string author,
                 Timestamp now, bool fromLast) {
    Session s;
    s.id = std::move(id);
    s.author = std::move(author);
    s.created = now;
    s.start = now - now % 300; // to the last five minutes: how a clinician would write it
    if (tmpl) {
        s.templateId = tmpl->id;
        s.templateVersion = tmpl->version;
        for (const TemplateItem* item : tmpl->Items())
            s.fields.push_back({item->id, {}});
    }
    const Session* last = fromLast ? LatestSession(c) : nullptr;
    if (!last)
        return s;
    s.type = last->type;
    s.minutes = last->minutes;
    s.participants = last->participants;
    s.themes = last->themes;
    s.methods = last->methods;
    for (const auto& field : last->fields) {
        auto it = std::find_if(s.fields.begin(), s.fields.end(),
                               [&](const NoteField& f) { return f.id == field.id; });
        const std::string text = CurrentText(*last, field.id);
        if (it != s.fields.end())
            it->text = text;
        else if (!tmpl)
            s.fields.push_back({field.id, text});
    }
    return s;
}

std::vector<NoteFieldView> NoteFields(const Session& s, const Template* tmpl,
                                      std::string_view language) {
    std::vector<NoteFieldView> out;
    std::set<std::string> known;
    if (tmpl && tmpl->id == s.templateId) {
        for (const auto& section : tmpl->sections)
            for (const auto& item : section.items) {
                out.push_back({item.id, item.title.In(language), item.help.In(language),
                               section.title.In(language)});
                known.insert(item.id);
            }
    }
    // Stored fields the template does not (or no longer) know: shown by id, never lost.
    for (const auto& field : s.fields)
        if (known.insert(field.id).second)
            out.push_back({field.id, field.id, {}, {}});
    return out;
}

std::vector<genogram::PersonId> ParticipantChoices(const genogram::Family& family,
                                                   const std::vector<genogram::PersonId>& chosen) {
    std::vector<genogram::PersonId> out;
    for (const auto& p : family.people) {
        const bool human = p.kind == genogram::PersonKind::Person ||
                           p.kind == genogram::PersonKind::SignificantOther;
        const bool wasChosen = std::find(chosen.begin(), chosen.end(), p.id) != chosen.end();
        const bool dead = p.deceased || p.death.Known();
        if (p.isIndex || p.placeholder || !human || (dead && !wasChosen))
            continue;
        out.push_back(p.id);
    }
    return out;
}

std::vector<std::string> SplitThemes(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const auto b = current.find_first_not_of(" \t\n");
        const auto e = current.find_last_not_of(" \t\n");
        if (b != std::string::npos) {
            std::string theme = current.substr(b, e - b + 1);
            if (std::find(out.begin(), out.end(), theme) == out.end())
                out.push_back(std::move(theme));
        }
        current.clear();
    };
    for (char ch : text) {
        if (ch == ',' || ch == ';')
            flush();
        else
            current += ch;
    }
    flush();
    return out;
}

std::string JoinThemes(const std::vector<std::string>& themes) {
    std::string out;
    for (const auto& t : themes) {
        if (!out.empty())
            out += ", ";
        out += t;
    }
    return out;
}

} // namespace kartbok::app

// GEDCOM records (HEAD, INDI, NOTE) into a Family; FAM records are read in
// GedcomFamilies.cpp. See Gedcom.h for how GEDCOM's structures map onto the
// family map and what is reported.

#include "GedcomImporter.h"

#include <algorithm>

namespace kartbok::genogram {
namespace gedcom {

namespace {
constexpr std::size_t kMaxPeople = 200'000;
constexpr std::size_t kMaxFamcPerPerson = 64;

} // namespace

/// Bookkeeping tags with nothing for a family map: dropped without a note.
bool IsBookkeeping(std::string_view tag) {
    static const std::unordered_set<std::string_view> kTags = {
        "CHAN", "CREA", "RIN",  "UID",     "_UID", "AFN",  "RFN",  "REFN", "EXID",
        "SUBM", "ANCI", "DESI", "_FSFTID", "_UPD", "CONC", "CONT", "SOUR", "OBJE"};
    return kTags.count(tag) != 0;
}

std::string Trim(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t\n");
    if (a == std::string_view::npos)
        return {};
    std::size_t b = s.find_last_not_of(" \t\n");
    return std::string(s.substr(a, b - a + 1));
}

std::string UpperAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

void Importer::Run() {
    ScanRecords();
    for (const auto& [index, node] : m_indi)
        ReadPerson(*node, m_family.people[index]);
    for (const Node* fam : m_fams)
        ReadFamily(*fam);
    LinkFamcOnly();
    KeepOneBirthFamily(m_links, m_warn);
    BreakCycles(m_family, m_links, m_warn);
    for (const PendingLink& p : m_links)
        if (!p.dropped)
            m_family.children.push_back(p.link);
    MarkTwins();
    MarkConsanguineous(m_family, 3);
    SetIndex();
    if (m_sources)
        m_warn.AddFileLevel(std::to_string(m_sources) +
                            " source and media references were not imported");
}

void Importer::ScanRecords() {
    bool head = false, trailer = false;
    std::set<std::string> unknownRecords;
    for (std::int32_t r : m_tree.records) {
        const Node& rec = N(r);
        if (rec.tag == "HEAD") {
            head = true;
            ReadHead(rec);
        } else if (rec.tag == "TRLR") {
            trailer = true;
        } else if (rec.tag == "INDI") {
            CreatePerson(rec);
        } else if (rec.tag == "FAM") {
            if (!rec.xref.empty() && !m_famXrefs.insert(rec.xref).second) {
                m_warn.Add(rec.line,
                           "a second family record " + ShownXref(rec.xref) + "; it was skipped");
                continue;
            }
            m_fams.push_back(&rec);
        } else if (rec.tag == "NOTE" || rec.tag == "SNOTE") {
            if (!rec.xref.empty())
                m_notes[rec.xref] = Text(m_tree, rec);
        } else if (rec.tag != "SOUR" && rec.tag != "REPO" && rec.tag != "OBJE" &&
                   rec.tag != "SUBM" && rec.tag != "SUBN" &&
                   unknownRecords.insert(std::string(rec.tag)).second) {
            // Only tag-shaped words are named (_LOC, _TODO): a stray level-0
            // line may hold a name.
            bool tagShaped = rec.tag.size() <= 12 && rec.tag.front() == '_' &&
                             std::all_of(rec.tag.begin(), rec.tag.end(), [](char ch) {
                                 return ch == '_' || std::isupper(static_cast<unsigned char>(ch)) ||
                                        std::isdigit(static_cast<unsigned char>(ch));
                             });
            m_warn.Add(rec.line, tagShaped
                                     ? std::string(rec.tag) + " records are not imported"
                                     : std::string("a record of an unknown kind is not imported"));
        }
    }
    if (!head) {
        if (m_indi.empty() && m_fams.empty())
            throw GedcomError("not a GEDCOM file: no HEAD record");
        m_warn.AddFileLevel("the file has no HEAD record; read anyway");
    }
    if (!trailer)
        m_warn.AddFileLevel("the file has no TRLR record at the end; it may be cut short");
}

void Importer::ReadHead(const Node& head) {
    ForEachChild(m_tree, head, [&](const Node& c) {
        if (c.tag != "GEDC")
            return;
        ForEachChild(m_tree, c, [&](const Node& v) {
            if (v.tag == "VERS")
                m_result.version = Trim(v.value);
        });
    });
    const std::string& v = m_result.version;
    if (!v.empty() && v.rfind("5.", 0) != 0 && v.rfind("7.", 0) != 0)
        m_warn.Add(head.line, "GEDCOM version " + v + " is not known; read as 5.5.1");
}

void Importer::CreatePerson(const Node& rec) {
    if (m_family.people.size() >= kMaxPeople) {
        if (m_family.people.size() == kMaxPeople)
            m_warn.Add(rec.line, "more than " + std::to_string(kMaxPeople) +
                                     " people; the rest are not imported");
        return;
    }
    if (!rec.xref.empty() && m_result.xrefToPerson.count(std::string(rec.xref))) {
        m_warn.Add(rec.line, "a second person record " + ShownXref(rec.xref) + "; it was skipped");
        return;
    }
    Person p;
    p.id = m_family.NewId();
    if (!rec.xref.empty()) {
        m_result.xrefToPerson.emplace(std::string(rec.xref), p.id);
        m_personByXref.emplace(rec.xref, p.id);
    }
    m_indi.emplace_back(m_family.people.size(), &rec);
    m_family.people.push_back(std::move(p));
}

void Importer::AddNote(Person& p, const std::string& text) {
    if (text.empty())
        return;
    if (!p.note.empty())
        p.note += '\n';
    p.note += text;
}

/// "GEDCOM: TAG value sub-values...", the way unknown data is kept.
void Importer::KeepUnknown(Person& p, const Node& n, const std::string& path) {
    std::string text = "GEDCOM: " + path;
    AppendValues(n, text, 0);
    AddNote(p, text);
}

void Importer::AppendValues(const Node& n, std::string& text, int depth) {
    if (Pointer(n.value).empty()) {
        std::string v = Trim(Text(m_tree, n));
        if (!v.empty())
            text += ' ' + v;
    }
    if (depth > kGedcomMaxDepth)
        return;
    ForEachChild(m_tree, n, [&](const Node& c) {
        if (!IsBookkeeping(c.tag))
            AppendValues(c, text, depth + 1);
    });
}

bool Importer::SkipBookkeeping(const Node& n) {
    if (n.tag == "SOUR" || n.tag == "OBJE")
        ++m_sources;
    return IsBookkeeping(n.tag);
}

std::string Importer::NoteText(const Node& n) {
    std::string_view ptr = Pointer(n.value);
    if (ptr.empty())
        return Trim(Text(m_tree, n));
    if (ptr == "@VOID@")
        return {};
    auto it = m_notes.find(ptr);
    if (it == m_notes.end()) {
        m_warn.Add(n.line, "note " + ShownXref(ptr) + " is not in the file; skipped");
        return {};
    }
    return Trim(it->second);
}

FuzzyDate Importer::DateOf(const Node& event, Person& p, const std::string& path,
                           std::string* place, std::string* cause) {
    FuzzyDate date;
    ForEachChild(m_tree, event, [&](const Node& c) {
        if (SkipBookkeeping(c))
            return;
        if (c.tag == "DATE" && !date.Known()) {
            DateQuality q;
            date = ParseDate(Text(m_tree, c), q);
            if (q == DateQuality::YearGuessed)
                m_warn.Add(c.line, "date not in GEDCOM form; only the year was kept");
            else if (q == DateQuality::NotUnderstood)
                m_warn.Add(c.line, "date not understood; left empty");
            else if (q == DateQuality::UnsupportedCalendar)
                m_warn.Add(c.line, "date in a calendar Kartbok does not read; left empty");
        } else if (c.tag == "PLAC" && place) {
            if (place->empty())
                *place = Trim(Text(m_tree, c));
        } else if (c.tag == "CAUS" && cause) {
            if (cause->empty())
                *cause = Trim(Text(m_tree, c));
        } else if (c.tag == "NOTE" || c.tag == "SNOTE") {
            AddNote(p, NoteText(c));
        } else {
            KeepUnknown(p, c, path + "." + std::string(c.tag));
        }
    });
    return date;
}

void Importer::ReadName(const Node& n, Person& p, bool first) {
    if (!first) {
        KeepUnknown(p, n, "NAME");
        return;
    }
    std::string value = Text(m_tree, n);
    std::size_t a = value.find('/');
    std::size_t b = a == std::string::npos ? std::string::npos : value.find('/', a + 1);
    if (a == std::string::npos) {
        p.givenNames = Trim(value);
    } else {
        p.givenNames = Trim(value.substr(0, a));
        p.surname =
            Trim(value.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1));
        if (b != std::string::npos) {
            std::string suffix = Trim(value.substr(b + 1));
            if (!suffix.empty())
                p.surname += (p.surname.empty() ? "" : " ") + suffix;
        }
    }
    ForEachChild(m_tree, n, [&](const Node& c) {
        if (SkipBookkeeping(c) || c.tag == "TYPE")
            return;
        if (c.tag == "GIVN")
            p.givenNames = Trim(Text(m_tree, c));
        else if (c.tag == "SURN")
            p.surname = Trim(Text(m_tree, c));
        else if (c.tag == "NOTE" || c.tag == "SNOTE")
            AddNote(p, NoteText(c));
        else
            KeepUnknown(p, c, "NAME." + std::string(c.tag));
    });
}

ChildKind Importer::Pedigree(const Node& pedi) {
    std::string v = UpperAscii(Trim(pedi.value));
    if (v == "BIRTH")
        return ChildKind::Biological;
    if (v == "ADOPTED")
        return ChildKind::Adopted;
    if (v == "FOSTER")
        return ChildKind::Foster;
    if (v != "SEALING" && v != "OTHER")
        m_warn.Add(pedi.line, "pedigree value not understood; read as birth");
    return ChildKind::Biological;
}

void Importer::ReadFamc(const Node& n, Person& p, ChildKind kind) {
    std::string_view fam = Pointer(n.value);
    if (fam.empty() || fam == "@VOID@") {
        if (fam.empty())
            m_warn.Add(n.line, "FAMC without a family pointer; skipped");
        return;
    }
    if (!m_famXrefs.count(fam)) {
        m_warn.Add(n.line, "family " + ShownXref(fam) + " is not in the file; link skipped");
        return;
    }
    FamcRef ref{fam, kind, n.line};
    ForEachChild(m_tree, n, [&](const Node& c) {
        if (c.tag == "PEDI")
            ref.kind = Pedigree(c);
        else if (c.tag == "ADOP") // 5.5.1 INDI.ADOP.FAMC.ADOP: who adopted
            ref.kind = ChildKind::Adopted;
        else if (c.tag == "NOTE" || c.tag == "SNOTE")
            AddNote(p, NoteText(c));
        else if (c.tag != "STAT" && !SkipBookkeeping(c))
            KeepUnknown(p, c, "FAMC." + std::string(c.tag));
    });
    auto& refs = m_famc[p.id];
    if (refs.size() >= kMaxFamcPerPerson) {
        // Only the first family is used anyway; a cap keeps hostile files linear.
        m_warn.Add(n.line, "too many FAMC lines for one person; skipped");
        return;
    }
    auto same =
        std::find_if(refs.begin(), refs.end(), [&](const FamcRef& r) { return r.fam == fam; });
    if (same == refs.end())
        refs.push_back(ref);
    else if (ref.kind != ChildKind::Biological)
        same->kind = ref.kind; // ADOP.FAMC refines a plain FAMC
}

/// ASSO @I2@ with RELA (5.5.1) or ROLE/PHRASE (7.0) saying "twin"; any other
/// association is kept in the note like an unknown tag.
void Importer::ReadAsso(const Node& n, Person& p) {
    std::string_view other = Pointer(n.value);
    std::string what;
    ForEachChild(m_tree, n, [&](const Node& c) {
        if (c.tag == "RELA" || c.tag == "ROLE" || c.tag == "PHRASE")
            what += " " + UpperAscii(Trim(Text(m_tree, c)));
        ForEachChild(m_tree, c, [&](const Node& d) {
            if (d.tag == "PHRASE")
                what += " " + UpperAscii(Trim(Text(m_tree, d)));
        });
    });
    if (other.empty() || other == "@VOID@" || what.find("TWIN") == std::string::npos) {
        KeepUnknown(p, n, "ASSO");
        return;
    }
    bool identical = what.find("IDENTICAL") != std::string::npos ||
                     what.find("MONOZYGOTIC") != std::string::npos;
    m_twins.push_back({p.id, other, identical ? TwinKind::Identical : TwinKind::Fraternal, n.line});
}

void Importer::ReadPerson(const Node& rec, Person& p) {
    bool named = false;
    FuzzyDate christened;
    std::string birthPlace, residence;
    ForEachChild(m_tree, rec, [&](const Node& c) {
        if (SkipBookkeeping(c))
            return;
        const std::string tag(c.tag);
        if (tag == "NAME") {
            ReadName(c, p, !named);
            named = true;
        } else if (tag == "SEX") {
            std::string v = UpperAscii(Trim(c.value));
            if (v == "M")
                p.gender = Gender::Man;
            else if (v == "F")
                p.gender = Gender::Woman;
            else if (v == "X")
                p.gender = Gender::Other;
            else if (v != "U" && !v.empty())
                m_warn.Add(c.line, "sex value not understood; left unknown");
        } else if (tag == "BIRT") {
            FuzzyDate d = DateOf(c, p, "BIRT", &birthPlace);
            if (!p.birth.Known())
                p.birth = d;
        } else if (tag == "DEAT" || tag == "BURI" || tag == "CREM") {
            p.deceased = true;
            FuzzyDate d = DateOf(c, p, tag, nullptr, tag == "DEAT" ? &p.causeOfDeath : nullptr);
            if (tag == "DEAT" && !p.death.Known())
                p.death = d;
        } else if (tag == "CHR" || tag == "BAPM") {
            FuzzyDate d = DateOf(c, p, tag);
            if (!christened.Known() && d.Known())
                christened = FuzzyDate::About(d.year);
        } else if (tag == "OCCU") {
            std::string v = Trim(Text(m_tree, c));
            if (!v.empty())
                p.occupation += (p.occupation.empty() ? "" : "; ") + v;
            ForEachChild(m_tree, c, [&](const Node& s) {
                if (!SkipBookkeeping(s))
                    KeepUnknown(p, s, "OCCU." + std::string(s.tag));
            });
        } else if (tag == "RESI") {
            std::string place;
            DateOf(c, p, "RESI", &place);
            if (residence.empty())
                residence = place.empty() ? Trim(Text(m_tree, c)) : place;
        } else if (tag == "NOTE" || tag == "SNOTE") {
            AddNote(p, NoteText(c));
        } else if (tag == "FAMC") {
            ReadFamc(c, p, ChildKind::Biological);
        } else if (tag == "ASSO") {
            ReadAsso(c, p);
        } else if (tag == "ADOP") {
            bool linked = false;
            ForEachChild(m_tree, c, [&](const Node& s) {
                if (s.tag == "FAMC") {
                    ReadFamc(s, p, ChildKind::Adopted);
                    linked = true;
                }
            });
            if (!linked)
                KeepUnknown(p, c, "ADOP");
        } else if (tag == "FAMS") {
            std::string_view fam = Pointer(c.value);
            if (fam.empty() || (fam != "@VOID@" && !m_famXrefs.count(fam)))
                m_warn.Add(c.line, "FAMS points to no family in the file; skipped");
        } else {
            KeepUnknown(p, c, tag);
        }
    });
    if (!p.birth.Known() && christened.Known())
        p.birth = christened;
    p.place = !residence.empty() ? residence : birthPlace;
}

void Importer::SetIndex() {
    std::string xref = Trim(m_options.indexXref);
    if (xref.empty())
        return;
    if (xref.front() != '@')
        xref = '@' + xref + '@';
    auto it = m_result.xrefToPerson.find(xref);
    if (it == m_result.xrefToPerson.end()) {
        m_warn.AddFileLevel("the chosen client " + ShownXref(xref) +
                            " is not a person in the file");
        return;
    }
    PersonById(it->second)->isIndex = true;
}

Person* Importer::PersonById(PersonId id) {
    // People are created first, one id each, so id - 1 is their index.
    return id >= 1 && id <= m_family.people.size() ? &m_family.people[id - 1] : nullptr;
}

} // namespace gedcom

GedcomResult ImportGedcom(std::string_view bytes, const GedcomOptions& options) {
    using namespace gedcom;
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw GedcomError("not a GEDCOM file: the file is empty");
    if (bytes.size() > kGedcomMaxBytes)
        throw GedcomError("The GEDCOM file is too large to import (more than " +
                          std::to_string(kGedcomMaxBytes / (1024 * 1024)) + " MiB).");
    GedcomResult result;
    Warnings warnings(result.warnings);
    Decoded decoded = DecodeToUtf8(bytes, warnings);
    result.encoding = decoded.encoding;
    Tree tree = Lex(decoded.text, warnings);
    if (tree.records.empty())
        throw GedcomError("not a GEDCOM file: no HEAD record");
    gedcom::Importer(tree, result, warnings, options).Run();
    warnings.Finish();
    return result;
}

} // namespace kartbok::genogram

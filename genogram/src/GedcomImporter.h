#pragma once
// The GEDCOM importer's record reader, shared by GedcomImport.cpp (records
// and people) and GedcomFamilies.cpp (families, children, couples). Internal
// to genogram/src.

#include "GedcomInternal.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kartbok::genogram::gedcom {

/// Bookkeeping tags with nothing for a family map: dropped without a note.
/// Sources and media are counted and reported once instead.
bool IsBookkeeping(std::string_view tag);
std::string Trim(std::string_view s);
std::string UpperAscii(std::string_view s);

struct FamcRef {
    std::string_view fam;
    ChildKind kind = ChildKind::Biological;
    std::uint32_t line = 0;
};

struct FamilyParents {
    UnionId parents = kNoId;
    PersonId single = kNoId;
    std::set<PersonId> children;
};

/// An ASSO ... RELA twin line: a person names their twin.
struct TwinRef {
    PersonId person = kNoId;
    std::string_view other;
    TwinKind kind = TwinKind::Fraternal;
    std::uint32_t line = 0;
};

class Importer {
public:
    Importer(const Tree& tree, GedcomResult& result, Warnings& warnings,
             const GedcomOptions& options)
        : m_tree(tree), m_result(result), m_family(result.family), m_warn(warnings),
          m_options(options) {}

    void Run();

private:
    const Node& N(std::int32_t i) const { return m_tree.nodes[static_cast<std::size_t>(i)]; }

    // ---- records and people (GedcomImport.cpp) -------------------------------
    void ScanRecords();
    void ReadHead(const Node& head);
    void CreatePerson(const Node& rec);
    void AddNote(Person& p, const std::string& text);
    /// "GEDCOM: TAG value sub-values...", the way unknown data is kept.
    void KeepUnknown(Person& p, const Node& n, const std::string& path);
    void AppendValues(const Node& n, std::string& text, int depth);
    bool SkipBookkeeping(const Node& n);
    std::string NoteText(const Node& n);
    /// The DATE of an event; PLAC into *place and CAUS into *cause when given.
    FuzzyDate DateOf(const Node& event, Person& p, const std::string& path,
                     std::string* place = nullptr, std::string* cause = nullptr);
    void ReadName(const Node& n, Person& p, bool first);
    ChildKind Pedigree(const Node& pedi);
    void ReadFamc(const Node& n, Person& p, ChildKind kind);
    void ReadPerson(const Node& rec, Person& p);
    void ReadAsso(const Node& n, Person& p);
    void SetIndex();
    Person* PersonById(PersonId id);

    // ---- families (GedcomFamilies.cpp) ---------------------------------------
    PersonId PartnerOf(const Node& n);
    void ReadFamily(const Node& rec);
    /// The couple's union with a FAM record's events added: the union they
    /// already have (married again, or one couple over two records) or a new
    /// one. `keeper` gets what cannot be read.
    UnionId ReadCouple(PersonId husband, PersonId wife, const std::vector<const Node*>& events,
                       bool married, bool engaged, Person& keeper);
    void AddChildLink(PersonId child, const Node& at, std::string_view fam, FamilyParents& parents);
    /// A FAMC the family's CHIL lines do not mention still links the child.
    void LinkFamcOnly();
    /// The union of a couple met before in another FAM record (a couple married
    /// twice), or kNoId: the same two people are one union on the map.
    UnionId CoupleUnion(PersonId a, PersonId b) const;
    /// Twins named by ASSO ... RELA twin become a twin group; siblings sharing
    /// a full birth date are only suggested (GedcomResult::possibleTwins).
    void MarkTwins();

    const Tree& m_tree;
    GedcomResult& m_result;
    Family& m_family;
    Warnings& m_warn;
    const GedcomOptions& m_options;
    std::vector<std::pair<std::size_t, const Node*>> m_indi; ///< people index, record
    std::vector<const Node*> m_fams;
    std::unordered_set<std::string_view> m_famXrefs;
    std::unordered_map<std::string_view, PersonId> m_personByXref;
    std::unordered_map<std::string_view, std::string> m_notes;
    std::unordered_map<PersonId, std::vector<FamcRef>> m_famc;
    std::unordered_map<std::string_view, FamilyParents> m_famParents;
    std::map<std::pair<PersonId, PersonId>, UnionId> m_couples; ///< (lower id, higher id)
    std::unordered_map<Id, int> m_nextBirthOrder;               ///< per union or single parent
    std::vector<TwinRef> m_twins;
    std::vector<PendingLink> m_links;
    std::size_t m_sources = 0;
    int m_unionOrder = 0;
};

} // namespace kartbok::genogram::gedcom

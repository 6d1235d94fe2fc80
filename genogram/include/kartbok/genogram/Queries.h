#pragma once
// Questions about a family that the editor, the role names of the
// de-identified export, the commands and the tests all ask. Free functions so
// the model stays plain data.

#include "kartbok/genogram/Family.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kartbok::genogram {

/// The person's display name, or "unnamed person": what commands put in their
/// messages and descriptions.
std::string NameOrUnnamed(const Family& family, PersonId person);

/// Parents through the person's child link: 0, 1 or 2 ids, never kNoId.
std::vector<PersonId> ParentsOf(const Family& family, PersonId person);
/// The parent whose gender is Man (Woman), or kNoId.
PersonId FatherOf(const Family& family, PersonId person);
PersonId MotherOf(const Family& family, PersonId person);

/// Partners in the time order of the unions.
std::vector<PersonId> PartnersOf(const Family& family, PersonId person);
/// The union between two people (the earliest if several), or kNoId.
UnionId UnionBetween(const Family& family, PersonId a, PersonId b);
/// The children of a person: union by union in time order, then children
/// linked to the person alone; each group in birth order.
std::vector<PersonId> ChildrenOfPerson(const Family& family, PersonId person);

/// The children that hang from the same line as this one (same union, or the
/// same single parent), the person included, in birth order.
std::vector<PersonId> SibshipOf(const Family& family, PersonId person);

enum class SiblingKind { Full, Half, All };
/// Full siblings share the sibship; half siblings share exactly one parent
/// through another union or link. Full ones first, each group in birth order.
std::vector<PersonId> SiblingsOf(const Family& family, PersonId person,
                                 SiblingKind which = SiblingKind::All);

/// Ancestors nearest first (parents, grandparents...), each once. Safe on a
/// family that (wrongly) contains a cycle.
std::vector<PersonId> AncestorsOf(const Family& family, PersonId person);
/// Descendants nearest first, each once.
std::vector<PersonId> DescendantsOf(const Family& family, PersonId person);
/// True when `ancestor` is a parent, grandparent... of `person`.
bool IsAncestorOf(const Family& family, PersonId ancestor, PersonId person);

/// Generation of every person connected to the index person, relative to it:
/// 0 the client, partners and siblings; -1 parents; -2 grandparents; +1
/// children. Partners count as the same generation. Empty without an index.
std::map<PersonId, int> GenerationsFromIndex(const Family& family);
/// One entry of GenerationsFromIndex, or nullopt when not connected.
std::optional<int> GenerationOf(const Family& family, PersonId person);

/// The family within `generations` generations up and down from the index
/// person, for drawing a big file around the client: the client's ancestors
/// up to that many generations, all their descendants down to that many
/// generations below the client (siblings, aunts and uncles, cousins, nieces,
/// children), and the partners of everyone kept. Unions, child links,
/// relations and households among the people kept stay; ids stay as they are.
/// The whole family when there is no index person or generations < 0.
Family AroundIndex(const Family& family, int generations);

} // namespace kartbok::genogram

#include "LayoutRows.h"

#include <algorithm>
#include <deque>
#include <set>

namespace kartbok::genogram::detail {
namespace {

enum class Side { Left, Right };

void Append(PartnerRow& out, const PartnerRow& part) {
    out.insert(out.end(), part.begin(), part.end());
}

/// Builds one row: claims people and unions as it places them, so each
/// stands once however the unions loop.
class RowBuilder {
public:
    explicit RowBuilder(const PartnerFacts& facts) : m_facts(facts) {}

    /// `root` with its k-th partner (time order) on sides[k]; on each side the
    /// earliest partner nearest.
    PartnerRow FromRoot(PersonId root, const std::vector<Side>& sides) {
        m_visited.insert(root);
        const auto& edges = Edges(root);
        std::vector<PartnerRow> left, right;
        for (std::size_t k = 0; k < edges.size(); ++k)
            if (Claim(edges[k]))
                (sides[k] == Side::Left ? left : right)
                    .push_back(Outward(edges[k].partner, sides[k], edges[k].union_));
        PartnerRow out;
        for (auto it = left.rbegin(); it != left.rend(); ++it)
            Append(out, *it);
        out.push_back({true, root});
        for (const PartnerRow& part : right)
            Append(out, part);
        return CloseLoops(std::move(out));
    }

    /// A chain of partners left to right: chain[0] the left end, chain[i]
    /// joined to chain[i-1] by chain[i].union_. Everyone else stands beside
    /// their partner on the chain, inside it (the ends stay ends).
    PartnerRow FromChain(const std::vector<PartnerEdge>& chain) {
        for (const PartnerEdge& e : chain) {
            m_visited.insert(e.partner);
            if (e.union_ != kNoId)
                m_usedUnions.insert(e.union_);
        }
        PartnerRow out;
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const PersonId x = chain[i].partner;
            const bool last = i + 1 == chain.size();
            if (i > 0)
                out.push_back({false, chain[i].union_});
            std::vector<PartnerRow> parts;
            for (const PartnerEdge& e : Edges(x))
                if (Claim(e))
                    parts.push_back(Outward(e.partner, last ? Side::Left : Side::Right, e.union_));
            if (last) {
                for (auto it = parts.rbegin(); it != parts.rend(); ++it)
                    Append(out, *it);
                out.push_back({true, x});
            } else {
                out.push_back({true, x});
                for (const PartnerRow& part : parts)
                    Append(out, part);
            }
        }
        return CloseLoops(std::move(out));
    }

private:
    const std::vector<PartnerEdge>& Edges(PersonId p) const { return m_facts.partners.at(p); }

    bool Claim(const PartnerEdge& e) {
        if (m_visited.count(e.partner) || m_usedUnions.count(e.union_))
            return false;
        m_visited.insert(e.partner);
        m_usedUnions.insert(e.union_);
        return true;
    }

    /// `q`, reached through `via`, with its own further partners beyond it.
    PartnerRow Outward(PersonId q, Side side, UnionId via) {
        std::vector<PartnerRow> parts;
        for (const PartnerEdge& e : Edges(q))
            if (Claim(e))
                parts.push_back(Outward(e.partner, side, e.union_));
        PartnerRow out;
        if (side == Side::Right) {
            out = {{false, via}, {true, q}};
            for (const PartnerRow& part : parts)
                Append(out, part);
        } else {
            for (auto it = parts.rbegin(); it != parts.rend(); ++it)
                Append(out, *it);
            out.push_back({true, q});
            out.push_back({false, via});
        }
        return out;
    }

    /// Unions closing a loop of partners: their cell goes after the first partner met.
    PartnerRow CloseLoops(PartnerRow out) {
        for (PersonId p : m_visited)
            for (const PartnerEdge& e : Edges(p))
                if (m_usedUnions.insert(e.union_).second) {
                    auto at = std::find_if(out.begin(), out.end(), [&](const RowCell& c) {
                        return c.person && (c.id == p || c.id == e.partner);
                    });
                    out.insert(at + 1, RowCell{false, e.union_});
                }
        return out;
    }

    const PartnerFacts& m_facts;
    std::set<PersonId> m_visited;
    std::set<UnionId> m_usedUnions;
};

/// Everyone reachable from `p` through unions, sorted by id.
std::vector<PersonId> GroupOf(const PartnerFacts& f, PersonId p) {
    std::set<PersonId> group{p};
    std::vector<PersonId> todo{p};
    while (!todo.empty()) {
        PersonId q = todo.back();
        todo.pop_back();
        for (const PartnerEdge& e : f.partners.at(q))
            if (group.insert(e.partner).second)
                todo.push_back(e.partner);
    }
    return {group.begin(), group.end()};
}

/// The person of the group who gets `end`: the strongest wish, then the lowest id.
PersonId EndPerson(const PartnerFacts& f, const std::vector<PersonId>& group, RowWish::End end) {
    PersonId best = kNoId;
    int strength = -1;
    for (PersonId p : group) { // sorted: the first of equal strength has the lowest id
        auto it = f.wishes.find(p);
        if (it != f.wishes.end() && it->second.end == end && it->second.strength > strength) {
            best = p;
            strength = it->second.strength;
        }
    }
    return best;
}

/// The shortest chain of partners from `from` to `to`, earlier unions first.
std::vector<PartnerEdge> Chain(const PartnerFacts& f, PersonId from, PersonId to) {
    std::map<PersonId, PartnerEdge> cameFrom{{from, {kNoId, kNoId}}};
    std::deque<PersonId> queue{from};
    while (!queue.empty() && !cameFrom.count(to)) {
        PersonId q = queue.front();
        queue.pop_front();
        for (const PartnerEdge& e : f.partners.at(q))
            if (cameFrom.emplace(e.partner, PartnerEdge{q, e.union_}).second)
                queue.push_back(e.partner);
    }
    std::vector<PartnerEdge> chain;
    for (PersonId p = to; p != kNoId; p = cameFrom.at(p).partner)
        chain.push_back({p, cameFrom.at(p).union_});
    std::reverse(chain.begin(), chain.end()); // each cell: a person and its union to the one before
    return chain;
}

PartnerRow ArrangeGroup(const PartnerFacts& f, const std::vector<PersonId>& group) {
    RowBuilder builder(f);
    const PersonId left = EndPerson(f, group, RowWish::End::Left);
    const PersonId right = EndPerson(f, group, RowWish::End::Right);
    if (left != kNoId && right != kNoId)
        return builder.FromChain(Chain(f, left, right));
    if (left != kNoId || right != kNoId) {
        PersonId root = left != kNoId ? left : right;
        Side side = left != kNoId ? Side::Right : Side::Left;
        return builder.FromRoot(root, std::vector<Side>(f.partners.at(root).size(), side));
    }
    PersonId root = *std::min_element(group.begin(), group.end(), [&](PersonId a, PersonId b) {
        std::size_t na = f.partners.at(a).size(), nb = f.partners.at(b).size();
        return na != nb ? na > nb : a < b;
    });
    auto woman = f.woman.find(root);
    const Side base = woman != f.woman.end() && woman->second ? Side::Left : Side::Right;
    const Side other = base == Side::Left ? Side::Right : Side::Left;
    std::vector<Side> sides;
    for (std::size_t k = 0; k < f.partners.at(root).size(); ++k)
        sides.push_back(k % 2 == 0 ? base : other);
    return builder.FromRoot(root, sides);
}

} // namespace

std::vector<PartnerRow> ArrangePartners(const PartnerFacts& facts) {
    std::vector<PartnerRow> rows;
    std::set<PersonId> done;
    for (const auto& [p, edges] : facts.partners) {
        if (done.count(p) || edges.empty())
            continue;
        std::vector<PersonId> group = GroupOf(facts, p);
        done.insert(group.begin(), group.end());
        rows.push_back(ArrangeGroup(facts, group));
    }
    return rows;
}

} // namespace kartbok::genogram::detail

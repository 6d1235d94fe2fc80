#include "model/MapPresenter.h"

#include "kartbok/genogram/Queries.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace kartbok::app {

using namespace kartbok::genogram;

namespace {

/// FNV-1a over plain values; collisions only cost a missed relayout of one edit.
class Hasher {
public:
    template <class T> void Add(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        unsigned char bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));
        for (unsigned char b : bytes) {
            m_h ^= b;
            m_h *= 1099511628211ULL;
        }
    }
    std::uint64_t Value() const { return m_h; }

private:
    std::uint64_t m_h = 14695981039346656037ULL;
};

} // namespace

std::uint64_t MapPresenter::StructureKey(const Family& family) {
    Hasher h;
    h.Add(family.people.size());
    for (const auto& p : family.people) {
        h.Add(p.id);
        h.Add(p.gender);
        h.Add(p.kind);
        h.Add(p.placeholder);
        h.Add(p.isIndex);
        h.Add(p.deceased);
        h.Add(p.birth.precision);
        h.Add(p.birth.year);
        h.Add(p.birth.month);
        h.Add(p.birth.day);
        h.Add(p.nudgeX);
    }
    h.Add(family.unions.size());
    for (const auto& u : family.unions) {
        h.Add(u.id);
        h.Add(u.partnerA);
        h.Add(u.partnerB);
        h.Add(u.order);
        h.Add(u.kind);
    }
    h.Add(family.children.size());
    for (const auto& c : family.children) {
        h.Add(c.child);
        h.Add(c.parents);
        h.Add(c.singleParent);
        h.Add(c.kind);
        h.Add(c.birthOrder);
        h.Add(c.twinGroup);
        h.Add(c.twinKind);
        h.Add(c.pinnedPosition);
    }
    // Households can change the margins a drawing needs.
    h.Add(family.households.size());
    for (const auto& hh : family.households) {
        h.Add(hh.id);
        for (auto m : hh.members)
            h.Add(m);
    }
    // Relations are left out on purpose: they never move a symbol (docs/design.md, "The family
    // map").
    return h.Value();
}

void MapPresenter::Update(const Family& whole) {
    const Family cut = m_generations >= 0 ? AroundIndex(whole, m_generations) : Family{};
    const Family& family = m_generations >= 0 ? cut : whole;
    const std::uint64_t key = StructureKey(family);
    if (!m_structureKey || *m_structureKey != key) {
        // Large type needs wider gaps and deeper generations to stay clear.
        m_layout = ComputeLayout(family, LayoutOptionsFor(m_options));
        m_structureKey = key;
        ++m_layoutRuns;
    }
    m_scene = BuildScene(family, m_layout, m_options);
    m_hasScene = true;
}

double DistanceToSegment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
    return std::sqrt(qx * qx + qy * qy);
}

MapHit MapPresenter::HitTest(Point p, double tolerance) const {
    if (!m_hasScene)
        return {};
    const double half = m_scene.symbolSize / 2 + tolerance;
    // People first, nearest centre wins when symbols are close.
    MapHit best;
    double bestDist = std::numeric_limits<double>::max();
    for (const auto& [id, c] : m_scene.personCentres) {
        const double dx = std::abs(p.x - c.x), dy = std::abs(p.y - c.y);
        if (dx <= half && dy <= half) {
            const double d = dx * dx + dy * dy;
            if (d < bestDist) {
                bestDist = d;
                best = {SceneItem::Owner::Person, id};
            }
        }
    }
    if (best.id != kNoId)
        return best;

    // Lines: unions, then relations, then households, top-most (last painted) first.
    auto lineHit = [&](SceneItem::Owner owner) -> MapHit {
        for (auto it = m_scene.items.rbegin(); it != m_scene.items.rend(); ++it) {
            if (it->owner != owner || it->id == kNoId)
                continue;
            if (const auto* path = std::get_if<PathShape>(&it->shape)) {
                const auto& pts = path->points;
                for (std::size_t i = 1; i < pts.size(); ++i)
                    if (DistanceToSegment(p, pts[i - 1], pts[i]) <= tolerance)
                        return {owner, it->id};
                if (path->closed && pts.size() > 2 &&
                    DistanceToSegment(p, pts.back(), pts.front()) <= tolerance)
                    return {owner, it->id};
            }
        }
        return {};
    };
    for (auto owner :
         {SceneItem::Owner::Union, SceneItem::Owner::Relation, SceneItem::Owner::Household}) {
        if (auto hit = lineHit(owner); hit.id != kNoId)
            return hit;
    }
    return {};
}

} // namespace kartbok::app

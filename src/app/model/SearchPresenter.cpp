#include "model/SearchPresenter.h"

#include "kartbok/journal/Search.h"

#include <algorithm>

namespace kartbok::app {

vault::VaultSearchResult SearchOpenCase(const journal::Case& c, std::string_view query) {
    vault::VaultSearchResult result;
    result.casesSearched = 1;
    for (auto& hit : journal::SearchCase(c, query))
        result.hits.push_back({c.id, c.code, std::move(hit)});
    return result;
}

void MergeOpenCase(vault::VaultSearchResult& all, const journal::Case& open,
                   std::string_view query) {
    auto& hits = all.hits;
    std::erase_if(hits, [&](const vault::VaultSearchHit& h) { return h.caseId == open.id; });
    auto fresh = SearchOpenCase(open, query).hits;
    // The vault lists hits by code; the open client's go where its code sorts.
    auto at = std::find_if(hits.begin(), hits.end(),
                           [&](const vault::VaultSearchHit& h) { return open.code < h.code; });
    hits.insert(at, std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
}

HitTarget TargetOf(const journal::SearchHit& hit) {
    switch (hit.place) {
    case journal::HitPlace::ReasonForContact:
        return HitTarget::Overview;
    case journal::HitPlace::TopicNote:
        return HitTarget::Interview;
    default:
        return hit.sessionId.empty() ? HitTarget::Overview : HitTarget::Session;
    }
}

} // namespace kartbok::app

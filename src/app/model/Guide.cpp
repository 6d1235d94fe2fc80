#include "model/Guide.h"

#include "kartbok/journal/ShippedData.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace kartbok::app {

namespace fs = std::filesystem;

namespace {

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// End of the tag that starts at `from` (one past its '>'), quotes respected.
std::size_t TagEnd(const std::string& html, std::size_t from) {
    char quote = 0;
    for (std::size_t i = from; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

/// The value of src="..." (or '...') in one tag; empty when there is none.
std::string SourceOf(const std::string& tag) {
    const std::string lower = Lower(tag);
    for (std::size_t at = lower.find("src"); at != std::string::npos;
         at = lower.find("src", at + 3)) {
        if (at == 0 || !std::isspace(static_cast<unsigned char>(lower[at - 1])))
            continue;
        std::size_t i = at + 3;
        while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i])))
            ++i;
        if (i >= tag.size() || tag[i] != '=')
            continue;
        ++i;
        while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i])))
            ++i;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
            const std::size_t end = tag.find(tag[i], i + 1);
            return tag.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
        }
        std::size_t end = i;
        while (end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[end])) &&
               tag[end] != '>')
            ++end;
        return tag.substr(i, end - i);
    }
    return {};
}

bool PictureThere(const std::string& source, const fs::path& folder) {
    if (source.empty() || source.find("://") != std::string::npos)
        return false;
    const fs::path path(source);
    std::error_code ec;
    return fs::is_regular_file(path.is_absolute() ? path : folder / path, ec);
}

} // namespace

fs::path GuidePage(const std::string& language) {
    return journal::ShippedDataDir(journal::ShippedData::Guide) /
           (language == "sv" ? "sv.html" : "en.html");
}

std::string WithoutMissingImages(const std::string& html, const fs::path& folder) {
    const std::string lower = Lower(html);
    std::string out;
    out.reserve(html.size());
    std::size_t copied = 0;
    std::size_t at = lower.find("<img");
    while (at != std::string::npos) {
        const char after = at + 4 < lower.size() ? lower[at + 4] : '>';
        const bool image =
            std::isspace(static_cast<unsigned char>(after)) || after == '>' || after == '/';
        const std::size_t end = image ? TagEnd(html, at) : at + 4;
        if (image && !PictureThere(SourceOf(html.substr(at, end - at)), folder)) {
            out.append(html, copied, at - copied);
            copied = end;
        }
        at = lower.find("<img", end);
    }
    out.append(html, copied, std::string::npos);
    return out;
}

std::string ReadGuide(const fs::path& page) {
    std::ifstream in(page, std::ios::binary);
    if (!in)
        return {};
    std::ostringstream text;
    text << in.rdbuf();
    return WithoutMissingImages(text.str(), page.parent_path());
}

} // namespace kartbok::app

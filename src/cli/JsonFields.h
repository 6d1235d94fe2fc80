#pragma once
// The fields and lists of the case JSON (docs/case-json.md), shared by its
// record, family and clinical parts (CaseJson.cpp, FamilyJson.cpp,
// ClinicalJson.cpp). Reading: a missing or null key gives the default; a
// wrong type or value throws JsonError naming the JSON path
// ("case.sessions[3].start: not a timestamp") and never the value, which may
// be client text.

#include "CaseJson.h"

#include "kartbok/genogram/Family.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kartbok::cli::json_fields {

using nlohmann::json;

[[noreturn]] void Fail(const std::string& path, const std::string& what);

/// "path[i]": the path of a list's element.
std::string Index(const std::string& path, std::size_t i);

/// The member `key` of an object that must have it.
const json& Member(const json& j, const char* key, const std::string& path);

/// A string; "" when absent or null, unless `required` (then absent is "missing").
std::string Str(const json& j, const char* key, const std::string& path, bool required = false);

bool Bool(const json& j, const char* key, const std::string& path);

/// A list; an empty one when absent or null.
const json& Array(const json& j, const char* key, const std::string& path);

std::vector<std::string> Strings(const json& j, const char* key, const std::string& path);

/// A list of family ids (whole numbers from 0).
std::vector<genogram::Id> Ids(const json& j, const char* key, const std::string& path);

/// "YYYY-MM-DD", or "" for an unset date.
journal::Date CivilFromJson(const json& j, const char* key, const std::string& path);

/// "YYYY-MM-DDTHH:MM:SSZ", or "" for none (0).
journal::Timestamp TimeFromJson(const json& j, const char* key, const std::string& path);

/// A whole number; `fallback` when absent or null.
template <class T> T Int(const json& j, const char* key, const std::string& path, T fallback = 0) {
    if (!j.contains(key) || j.at(key).is_null())
        return fallback;
    const json& v = j.at(key);
    if (!v.is_number_integer())
        Fail(path + "." + key, "expected a whole number");
    return v.get<T>();
}

/// The list `key` of `j`, each element read by `read(element, its path)`.
template <class T, class Read>
void ListFromJson(const json& j, const char* key, const std::string& path, std::vector<T>& out,
                  Read read) {
    const json& list = Array(j, key, path);
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(read(list[i], Index(path + "." + key, i)));
}

/// A list written element by element (an empty list as []).
template <class T, class Write>
nlohmann::ordered_json ListJson(const std::vector<T>& items, Write write) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const T& item : items)
        out.push_back(write(item));
    return out;
}

} // namespace kartbok::cli::json_fields

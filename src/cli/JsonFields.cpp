#include "JsonFields.h"

#include <stdexcept>

namespace kartbok::cli::json_fields {

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
    throw JsonError(path + ": " + what);
}

std::string Index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

const json& Member(const json& j, const char* key, const std::string& path) {
    if (!j.is_object())
        Fail(path, "expected an object");
    auto it = j.find(key);
    if (it == j.end())
        Fail(path + "." + key, "missing");
    return *it;
}

std::string Str(const json& j, const char* key, const std::string& path, bool required) {
    if (!j.contains(key)) {
        if (required)
            Fail(path + "." + key, "missing");
        return {};
    }
    const json& v = j.at(key);
    if (v.is_null())
        return {};
    if (!v.is_string())
        Fail(path + "." + key, "expected a string");
    return v.get<std::string>();
}

bool Bool(const json& j, const char* key, const std::string& path) {
    if (!j.contains(key) || j.at(key).is_null())
        return false;
    if (!j.at(key).is_boolean())
        Fail(path + "." + key, "expected true or false");
    return j.at(key).get<bool>();
}

const json& Array(const json& j, const char* key, const std::string& path) {
    static const json kEmpty = json::array();
    if (!j.contains(key) || j.at(key).is_null())
        return kEmpty;
    if (!j.at(key).is_array())
        Fail(path + "." + key, "expected a list");
    return j.at(key);
}

std::vector<std::string> Strings(const json& j, const char* key, const std::string& path) {
    std::vector<std::string> out;
    const json& a = Array(j, key, path);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_string())
            Fail(Index(path + "." + key, i), "expected a string");
        out.push_back(a[i].get<std::string>());
    }
    return out;
}

std::vector<genogram::Id> Ids(const json& j, const char* key, const std::string& path) {
    std::vector<genogram::Id> out;
    const json& a = Array(j, key, path);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_number_unsigned())
            Fail(Index(path + "." + key, i), "expected an id");
        out.push_back(a[i].get<genogram::Id>());
    }
    return out;
}

journal::Date CivilFromJson(const json& j, const char* key, const std::string& path) {
    try {
        return journal::Date::FromIso(Str(j, key, path));
    } catch (const std::invalid_argument&) {
        Fail(path + "." + key, "not a date (YYYY-MM-DD)");
    }
}

journal::Timestamp TimeFromJson(const json& j, const char* key, const std::string& path) {
    try {
        return TimestampFromIso(Str(j, key, path));
    } catch (const std::invalid_argument&) {
        Fail(path + "." + key, "not a timestamp (YYYY-MM-DDTHH:MM:SSZ)");
    }
}

} // namespace kartbok::cli::json_fields

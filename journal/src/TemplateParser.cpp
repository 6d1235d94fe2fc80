// Parses and validates one template file. yaml-cpp stays inside this file.

#include "kartbok/journal/TemplateLoader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace kartbok::journal {

std::string TemplateProblem::ToString() const {
    std::string out = file;
    if (line > 0)
        out += ":" + std::to_string(line) + ":" + std::to_string(column);
    return out + ": " + message;
}

namespace {

bool IsKebab(const std::string& s) {
    if (s.empty() || s.front() == '-' || s.back() == '-' || s.find("--") != std::string::npos)
        return false;
    return std::all_of(s.begin(), s.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
}

/// Collects every problem instead of stopping at the first, so a coordinator
/// fixes a template in one round.
class Parser {
public:
    explicit Parser(std::string file) : m_file(std::move(file)) {}

    std::vector<TemplateProblem>& Problems() { return m_problems; }

    void Problem(const YAML::Mark& mark, std::string message) {
        TemplateProblem p{m_file, 0, 0, std::move(message)};
        if (!mark.is_null()) {
            p.line = mark.line + 1;
            p.column = mark.column + 1;
        }
        m_problems.push_back(std::move(p));
    }

    Template ParseRoot(const YAML::Node& root) {
        Template t;
        t.sourceFile = m_file;
        if (!root.IsMap()) {
            Problem(root.Mark(), "a template must be a mapping with id, version, kind, title and "
                                 "sections");
            return t;
        }
        CheckKeys(root,
                  {"id", "version", "kind", "title", "description", "phase", "audience", "sections",
                   "methods", "replaces"},
                  "template");
        t.id = Id(root, "template");
        t.version = Int(root, "version", "template", true).value_or(0);
        if (root["version"] && t.version < 1)
            Problem(root["version"].Mark(), "version must be a whole number from 1 up");
        if (const auto kind = Scalar(root, "kind", "template", true)) {
            if (!FromString(*kind, t.kind))
                Problem(root["kind"].Mark(),
                        "unknown kind '" + *kind + "' (use note, checklist or form)");
        }
        t.title = Text(root, "title", "template", true);
        t.description = Text(root, "description", "template", false);
        if (const auto phase = Scalar(root, "phase", "template", false)) {
            FormPhase p{};
            if (!FromString(*phase, p))
                Problem(root["phase"].Mark(),
                        "unknown phase '" + *phase + "' (use start, end or follow-up)");
            else if (t.kind != TemplateKind::Form)
                Problem(root["phase"].Mark(), "only forms have a phase");
            else
                t.phase = p;
        }
        if (const auto audience = Scalar(root, "audience", "template", false)) {
            if (t.kind == TemplateKind::Note)
                Problem(root["audience"].Mark(), "only checklists and forms have an audience");
            else if (*audience == "relative")
                t.forRelatives = true;
            else if (*audience != "client")
                Problem(root["audience"].Mark(),
                        "unknown audience '" + *audience + "' (use client or relative)");
        }
        ParseSections(root, t);
        ParseMethods(root, t);
        ParseReplaces(root, t);
        return t;
    }

private:
    std::string m_file;
    std::vector<TemplateProblem> m_problems;
    std::set<std::string> m_itemIds;

    void CheckKeys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                   const std::string& where) {
        std::set<std::string> seen;
        for (const auto& kv : map) {
            const auto key = kv.first.Scalar();
            if (!seen.insert(key).second)
                Problem(kv.first.Mark(), where + ": key '" + key + "' appears twice");
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&](const char* a) { return key == a; })) {
                std::string list;
                for (const char* a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                Problem(kv.first.Mark(),
                        where + ": unknown key '" + key + "' (expected " + list + ")");
            }
        }
    }

    std::optional<std::string> Scalar(const YAML::Node& map, const char* key,
                                      const std::string& where, bool required) {
        const YAML::Node n = map[key];
        if (!n || n.IsNull()) {
            if (required)
                Problem(map.Mark(), where + " has no " + key);
            return std::nullopt;
        }
        if (!n.IsScalar()) {
            Problem(n.Mark(), where + ": " + key + " must be a single value");
            return std::nullopt;
        }
        return n.Scalar();
    }

    std::optional<int> Int(const YAML::Node& map, const char* key, const std::string& where,
                           bool required) {
        const auto s = Scalar(map, key, where, required);
        if (!s)
            return std::nullopt;
        try {
            return map[key].as<int>();
        } catch (const YAML::Exception&) {
            Problem(map[key].Mark(),
                    where + ": " + key + " must be a whole number, not '" + *s + "'");
            return std::nullopt;
        }
    }

    std::string Id(const YAML::Node& map, const std::string& where) {
        const auto id = Scalar(map, "id", where, true);
        if (!id)
            return {};
        if (!IsKebab(*id))
            Problem(map["id"].Mark(), where + ": id '" + *id +
                                          "' must be lowercase letters, digits and single dashes "
                                          "(like first-love)");
        return *id;
    }

    /// `title: {sv: ..., en: ...}`, or a plain string meaning Swedish only.
    LocalText Text(const YAML::Node& map, const char* key, const std::string& where,
                   bool required) {
        LocalText text;
        const YAML::Node n = map[key];
        if (!n || n.IsNull()) {
            if (required)
                Problem(map.Mark(), where + " has no " + key + " (give at least sv: Swedish text)");
            return text;
        }
        if (n.IsScalar()) {
            text.sv = n.Scalar();
        } else if (n.IsMap()) {
            CheckKeys(n, {"sv", "en"}, where + " " + key);
            if (n["sv"] && n["sv"].IsScalar())
                text.sv = n["sv"].Scalar();
            if (n["en"] && n["en"].IsScalar())
                text.en = n["en"].Scalar();
        } else {
            Problem(n.Mark(), where + ": " + key + " must be text or sv:/en: texts");
            return text;
        }
        if (text.sv.empty())
            Problem(n.Mark(), where + ": " + key + " has no Swedish text (sv)");
        return text;
    }

    void ParseSections(const YAML::Node& root, Template& t) {
        const YAML::Node sections = root["sections"];
        if (!sections || !sections.IsSequence() || sections.size() == 0) {
            Problem(sections ? sections.Mark() : root.Mark(),
                    "template needs sections: a list of sections, each with items");
            return;
        }
        std::set<std::string> sectionIds;
        for (const YAML::Node& node : sections) {
            if (!node.IsMap()) {
                Problem(node.Mark(), "each section must be a mapping with id, title and items");
                continue;
            }
            TemplateSection s;
            CheckKeys(node, {"id", "title", "help", "source", "items"}, "section");
            s.id = Id(node, "section");
            const std::string where = "section '" + s.id + "'";
            if (!s.id.empty() && !sectionIds.insert(s.id).second)
                Problem(node["id"].Mark(), "duplicate section id '" + s.id + "'");
            s.title = Text(node, "title", where, true);
            s.help = Text(node, "help", where, false);
            s.source = Source(node, where, false);
            const YAML::Node items = node["items"];
            if (!items || !items.IsSequence() || items.size() == 0)
                Problem(items ? items.Mark() : node.Mark(), where + " has no items");
            else
                for (const YAML::Node& item : items)
                    if (auto parsed = ParseItem(item, t.kind))
                        s.items.push_back(std::move(*parsed));
            t.sections.push_back(std::move(s));
        }
    }

    std::optional<TemplateItem> ParseItem(const YAML::Node& node, TemplateKind kind) {
        if (!node.IsMap()) {
            Problem(node.Mark(), "each item must be a mapping with id and title");
            return std::nullopt;
        }
        TemplateItem item;
        CheckKeys(node,
                  {"id", "title", "help", "type", "labels", "options", "min", "max", "source",
                   "table", "fold", "buyer"},
                  "item");
        item.id = Id(node, "item");
        const std::string where = "item '" + item.id + "'";
        if (!item.id.empty() && !m_itemIds.insert(item.id).second)
            Problem(node["id"].Mark(), "duplicate item id '" + item.id +
                                           "' (item ids must be unique in the whole template)");
        item.title = Text(node, "title", where, true);
        item.help = Text(node, "help", where, false);
        // Every form item says where it comes from: a form is what leaves the
        // room as numbers, so an invented question must be marked as such.
        item.source = Source(node, where, kind == TemplateKind::Form);
        if (const auto type = Scalar(node, "type", where, kind == TemplateKind::Form)) {
            if (!FromString(*type, item.type))
                Problem(node["type"].Mark(), where + ": unknown answer type '" + *type +
                                                 "' (use yes-no, scale, number, frequency, "
                                                 "multiple-choice, free-text or text-field)");
        }
        ParseChoices(node, item, where);
        ParseStatistics(node, item, kind, where);
        return item;
    }

    void ParseChoices(const YAML::Node& node, TemplateItem& item, const std::string& where) {
        const bool scale = item.type == AnswerType::Scale;
        const bool options =
            item.type == AnswerType::Frequency || item.type == AnswerType::MultipleChoice;
        if (node["labels"] && !scale)
            Problem(node["labels"].Mark(), where + ": only scale items have labels");
        if (node["options"] && !options)
            Problem(node["options"].Mark(),
                    where + ": only frequency and multiple-choice items have options");
        if (scale)
            item.choices = Choices(node, "labels", where, false);
        if (options)
            item.choices = Choices(node, "options", where, true);
        if (item.type == AnswerType::Number) {
            item.min = Int(node, "min", where, false);
            item.max = Int(node, "max", where, false);
            if (item.min && item.max && *item.min > *item.max)
                Problem(node["min"].Mark(), where + ": min is larger than max");
        } else if (node["min"] || node["max"]) {
            Problem((node["min"] ? node["min"] : node["max"]).Mark(),
                    where + ": only number items have min and max");
        }
        if (item.type == AnswerType::MultipleChoice)
            for (const Choice& c : item.choices)
                if (c.value.find(',') != std::string::npos)
                    Problem(node["options"].Mark(), where + ": option value '" + c.value +
                                                        "' has a comma, which answers use to "
                                                        "separate the chosen options");
    }

    /// fold, table and buyer: how the statistics read the item.
    void ParseStatistics(const YAML::Node& node, TemplateItem& item, TemplateKind kind,
                         const std::string& where) {
        if (const YAML::Node fold = node["fold"]) {
            if (item.type != AnswerType::Scale && item.type != AnswerType::Frequency)
                Problem(fold.Mark(), where + ": only scale and frequency items have a fold "
                                             "(yes-no items are yes or no already)");
            else
                ParseFold(fold, item, where);
        }
        if (const YAML::Node table = node["table"]) {
            if (kind != TemplateKind::Form)
                Problem(table.Mark(), where + ": only form items rebuild a table row");
            else if (!Foldable(item))
                Problem(table.Mark(), where + ": a table row counts yes answers, so the item "
                                              "must be yes-no or have a fold");
            ParseTable(table, item, where);
        }
        if (const auto buyer = Scalar(node, "buyer", where, false)) {
            if (*buyer == "true" || *buyer == "yes")
                item.buyer = true;
            else if (*buyer != "false" && *buyer != "no")
                Problem(node["buyer"].Mark(), where + ": buyer must be true or false");
            if (item.buyer && !Foldable(item))
                Problem(node["buyer"].Mark(),
                        where + ": only a yes-no item (or one with a fold) can mark a buyer");
        }
    }

    void ParseFold(const YAML::Node& fold, TemplateItem& item, const std::string& where) {
        if (!fold.IsMap()) {
            Problem(fold.Mark(), where + ": fold must be {yes: [steps], no: [steps]}");
            return;
        }
        CheckKeys(fold, {"yes", "no"}, where + " fold");
        std::map<std::string, int> seen;
        for (const char* side : {"yes", "no"}) {
            const YAML::Node list = fold[side];
            if (!list || !list.IsSequence() || list.size() == 0) {
                Problem(list ? list.Mark() : fold.Mark(),
                        where + ": fold needs a list of the steps that count as " + side);
                continue;
            }
            for (const YAML::Node& v : list) {
                const std::string value = v.IsScalar() ? v.Scalar() : "";
                if (std::none_of(item.choices.begin(), item.choices.end(),
                                 [&](const Choice& c) { return c.value == value; }))
                    Problem(v.Mark(), where + ": fold names '" + value +
                                          "', which is not one of the item's steps");
                ++seen[value];
                (side[0] == 'y' ? item.foldYes : item.foldNo).push_back(value);
            }
        }
        for (const Choice& c : item.choices)
            if (seen[c.value] != 1)
                Problem(fold.Mark(), where + ": fold must put step '" + c.value +
                                         "' in exactly one of yes and no");
    }

    void ParseTable(const YAML::Node& table, TemplateItem& item, const std::string& where) {
        if (!table.IsMap()) {
            Problem(table.Mark(), where + ": table must be {number: 1 or 2, sv: row text}");
            return;
        }
        CheckKeys(table, {"number", "sv", "en"}, where + " table");
        TableRow row;
        row.number = Int(table, "number", where + " table", true).value_or(0);
        if (table["number"] && row.number != 1 && row.number != 2)
            Problem(table["number"].Mark(),
                    where + ": the evaluation has table 1 (start) and table 2 (end)");
        if (table["sv"] && table["sv"].IsScalar())
            row.label.sv = table["sv"].Scalar();
        if (table["en"] && table["en"].IsScalar())
            row.label.en = table["en"].Scalar();
        if (row.label.sv.empty())
            Problem(table.Mark(), where + ": table needs the row's Swedish text (sv)");
        item.table = row;
    }

    /// `source:` words, `clinic-defined`, or `{clinic-defined: context}`.
    Provenance Source(const YAML::Node& map, const std::string& where, bool required) {
        Provenance p;
        const YAML::Node n = map["source"];
        if (!n || n.IsNull()) {
            if (required)
                Problem(map.Mark(), where + " has no source: name the publication in words, or "
                                            "write clinic-defined");
            return p;
        }
        if (n.IsMap()) {
            CheckKeys(n, {"clinic-defined"}, where + " source");
            p.clinicDefined = true;
            if (n["clinic-defined"] && n["clinic-defined"].IsScalar())
                p.context = n["clinic-defined"].Scalar();
            if (p.context.empty())
                Problem(n.Mark(), where + ": source {clinic-defined: ...} needs the heading or "
                                          "topic it was written under");
        } else if (n.IsScalar()) {
            if (n.Scalar() == "clinic-defined")
                p.clinicDefined = true;
            else
                p.publication = n.Scalar();
        } else {
            Problem(n.Mark(), where + ": source must be words or clinic-defined");
            return p;
        }
        if (LooksLikeFile(p.publication) || LooksLikeFile(p.context))
            Problem(n.Mark(), where + ": source must name the publication in words, not a file");
        return p;
    }

    static bool LooksLikeFile(const std::string& s) {
        if (s.rfind("/", 0) == 0 || s.rfind("./", 0) == 0 || s.rfind("../", 0) == 0 ||
            s.find("seeds/") != std::string::npos || s.find('\\') != std::string::npos)
            return true;
        for (const char* ext : {".txt", ".pdf", ".yaml", ".yml", ".doc", ".csv"})
            if (s.find(ext) != std::string::npos)
                return true;
        // Seed-style names: three digits, an underscore and a hex hash.
        for (std::size_t i = 0; i + 4 < s.size(); ++i)
            if (std::isdigit(static_cast<unsigned char>(s[i])) &&
                std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
                std::isdigit(static_cast<unsigned char>(s[i + 2])) && s[i + 3] == '_' &&
                std::isxdigit(static_cast<unsigned char>(s[i + 4])))
                return true;
        return false;
    }

    /// Scale labels (value optional: steps 1, 2, 3...) or frequency options (value required).
    std::vector<Choice> Choices(const YAML::Node& item, const char* key, const std::string& where,
                                bool valueRequired) {
        std::vector<Choice> out;
        const YAML::Node list = item[key];
        if (!list || !list.IsSequence() || list.size() < 2) {
            Problem(list ? list.Mark() : item.Mark(),
                    where + " needs " + key + ": a list of at least two steps with sv: texts");
            return out;
        }
        std::set<std::string> values;
        int step = 0;
        for (const YAML::Node& n : list) {
            ++step;
            if (!n.IsMap()) {
                Problem(n.Mark(), where + ": each of " + key + " needs value, sv and en");
                continue;
            }
            CheckKeys(n, {"value", "sv", "en"}, where + " " + key);
            Choice c;
            if (const auto v = Scalar(n, "value", where + " " + key, valueRequired))
                c.value = *v;
            else if (!valueRequired)
                c.value = std::to_string(step);
            if (!c.value.empty() && !values.insert(c.value).second)
                Problem(n.Mark(), where + ": value '" + c.value + "' appears twice in " + key);
            if (n["sv"] && n["sv"].IsScalar())
                c.label.sv = n["sv"].Scalar();
            if (n["en"] && n["en"].IsScalar())
                c.label.en = n["en"].Scalar();
            if (c.label.sv.empty())
                Problem(n.Mark(), where + ": a step of " + key + " has no Swedish text (sv)");
            out.push_back(std::move(c));
        }
        return out;
    }

    void ParseMethods(const YAML::Node& root, Template& t) {
        const YAML::Node methods = root["methods"];
        if (!methods)
            return;
        if (t.kind != TemplateKind::Note)
            Problem(methods.Mark(), "only note templates have methods");
        if (!methods.IsSequence()) {
            Problem(methods.Mark(), "methods must be a list of id and title");
            return;
        }
        std::set<std::string> ids;
        for (const YAML::Node& n : methods) {
            if (!n.IsMap()) {
                Problem(n.Mark(), "each method needs an id and a title");
                continue;
            }
            CheckKeys(n, {"id", "title"}, "method");
            TemplateMethod m;
            m.id = Id(n, "method");
            if (!m.id.empty() && !ids.insert(m.id).second)
                Problem(n["id"].Mark(), "duplicate method id '" + m.id + "'");
            m.title = Text(n, "title", "method '" + m.id + "'", true);
            t.methods.push_back(std::move(m));
        }
    }

    void ParseReplaces(const YAML::Node& root, Template& t) {
        const YAML::Node replaces = root["replaces"];
        if (!replaces)
            return;
        if (!replaces.IsMap()) {
            Problem(replaces.Mark(), "replaces must map old versions to {old id: new id}");
            return;
        }
        std::map<std::pair<int, std::string>, YAML::Mark> marks;
        for (const auto& kv : replaces) {
            int version = 0;
            try {
                version = kv.first.as<int>();
            } catch (const YAML::Exception&) {
                Problem(kv.first.Mark(),
                        "replaces: '" + kv.first.Scalar() + "' is not a version number");
                continue;
            }
            if (version < 1 || (t.version > 0 && version >= t.version)) {
                Problem(kv.first.Mark(), "replaces: version " + std::to_string(version) +
                                             " must be older than this template's version " +
                                             std::to_string(t.version));
                continue;
            }
            if (t.replaces.count(version)) {
                Problem(kv.first.Mark(),
                        "replaces: version " + std::to_string(version) + " is listed twice");
                continue;
            }
            if (!kv.second.IsMap()) {
                Problem(kv.second.Mark(), "replaces " + std::to_string(version) +
                                              ": must be a mapping {old id: new id}");
                continue;
            }
            auto& map = t.replaces[version];
            for (const auto& ids : kv.second) {
                const std::string from = ids.first.Scalar();
                const std::string to = ids.second.IsScalar() ? ids.second.Scalar() : "";
                if (to.empty()) {
                    Problem(ids.second.Mark(), "replaces " + std::to_string(version) + ": '" +
                                                   from + "' needs the id it became");
                    continue;
                }
                if (!map.emplace(from, to).second)
                    Problem(ids.first.Mark(), "replaces " + std::to_string(version) + ": '" + from +
                                                  "' is listed twice");
                marks[{version, from}] = ids.second.Mark();
            }
        }
        if (t.version < 1)
            return;
        // Every mapping must end, through the later steps, at an item of this version.
        for (const auto& [version, map] : t.replaces)
            for (const auto& [from, to] : map)
                if (!MapItemId(t, version, from))
                    Problem(marks[{version, from}],
                            "replaces " + std::to_string(version) + ": '" + from + "' -> '" + to +
                                "' points to no item of version " + std::to_string(t.version));
    }
};

} // namespace

TemplateLoadResult ParseTemplate(std::string_view yaml, const std::string& file) {
    Parser parser(file);
    TemplateLoadResult result;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::ParserException& e) {
        parser.Problem(e.mark, "not valid YAML: " + e.msg);
        result.problems = std::move(parser.Problems());
        return result;
    }
    Template t = parser.ParseRoot(root);
    result.problems = std::move(parser.Problems());
    std::stable_sort(result.problems.begin(), result.problems.end(),
                     [](const TemplateProblem& a, const TemplateProblem& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    if (result.problems.empty())
        result.value = std::move(t);
    return result;
}

TemplateLoadResult LoadTemplateFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        TemplateLoadResult r;
        r.problems.push_back({file.string(), 0, 0, "cannot read the file"});
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return ParseTemplate(text.str(), file.string());
}

} // namespace kartbok::journal

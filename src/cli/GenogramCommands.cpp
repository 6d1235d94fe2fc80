// kartbok-cli genogram render|layout|import-gedcom
#include "CaseJson.h"
#include "Context.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/genogram/SvgWriter.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>

namespace kartbok::cli {

namespace {

namespace g = kartbok::genogram;

/// GEDCOM warnings go to stderr with their line numbers; they never contain names.
void ReportWarnings(Context& ctx, const std::string& file,
                    const std::vector<std::string>& warnings) {
    for (const auto& w : warnings)
        ctx.err << "kartbok-cli: " << file << ": " << w << "\n";
}

g::Family FamilyFromGedcom(Context& ctx, const std::string& file, const std::string& indexXref) {
    g::GedcomOptions options;
    options.indexXref = indexXref;
    g::GedcomResult result = g::ImportGedcom(ReadFileBytes(file), options);
    ReportWarnings(ctx, file, result.warnings);
    return std::move(result.family);
}

/// The family to draw, and the vault it came from when it is a client's (so
/// the output is an audited export), else from a GEDCOM or JSON file.
struct Source {
    g::Family family;
    std::optional<vault::Vault> vault;
    std::string caseId;
};

/// Reads the source: a case in a vault, a GEDCOM file, or a JSON file (a case
/// as `case show --json` prints it, or just its "family" object).
Source LoadFamily(Context& ctx) {
    const Args& a = ctx.args;
    int sources = (!a.dir.empty()) + (!a.gedcom.empty()) + (!a.json.empty());
    if (sources != 1)
        throw UsageError("name exactly one source: DIR CODE, --gedcom FILE or --json FILE");
    CheckOut(a.out);
    Source s;
    if (!a.gedcom.empty()) {
        s.family = FamilyFromGedcom(ctx, a.gedcom, a.index);
    } else if (!a.json.empty()) {
        nlohmann::json j = ParseJson(ReadFileBytes(a.json), a.json);
        if (j.is_object() && j.contains("format"))
            s.family = CaseFromJson(j).family;
        else
            s.family = FamilyFromJson(j.contains("family") ? j["family"] : j);
    } else {
        if (a.code.empty())
            throw UsageError("a vault source needs DIR and CODE");
        s.vault.emplace(ctx.OpenVault(a.dir));
        journal::Case c = s.vault->LoadCase(s.vault->FindCaseIdByCode(a.code));
        s.caseId = c.id;
        s.family = std::move(c.family);
    }
    return s;
}

/// A client's map leaves the vault only as an audited export; a file's map is
/// written the same careful way, without a vault to audit in.
void WriteResult(Context& ctx, Source& source, std::span<const unsigned char> bytes,
                 const std::string& detail) {
    if (source.vault)
        ctx.Export(*source.vault, ctx.args.out, bytes, source.caseId, detail);
    else
        ctx.WriteOut(ctx.args.out, bytes);
}

bool EndsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

int Render(Context& ctx) {
    const std::string& out = ctx.args.out;
    if (!EndsWith(out, ".svg") && !EndsWith(out, ".pdf") && !EndsWith(out, ".png"))
        throw UsageError(out + ": the output must end in .svg, .pdf or .png");
    Source source = LoadFamily(ctx);
    g::SceneOptions options;
    options.deidentify = ctx.args.deidentify;
    options.language = ctx.Language();
    const g::Scene scene = g::BuildScene(source.family, g::ComputeLayout(source.family), options);
    std::vector<unsigned char> bytes;
    if (EndsWith(out, ".svg")) {
        const std::string svg = g::WriteSvg(scene);
        bytes.assign(svg.begin(), svg.end());
    } else if (EndsWith(out, ".pdf")) {
        bytes = g::RenderPdf(scene);
    } else {
        bytes = g::RenderPng(scene);
    }
    WriteResult(ctx, source, bytes,
                "genogram " + out.substr(out.size() - 3) +
                    (ctx.args.deidentify ? " deidentified" : ""));
    return 0;
}

const char* GenderName(g::Gender gender) {
    switch (gender) {
    case g::Gender::Man:
        return "man";
    case g::Gender::Woman:
        return "woman";
    case g::Gender::Other:
        return "other";
    case g::Gender::Unknown:
        break;
    }
    return "unknown";
}

int LayoutJson(Context& ctx) {
    Source source = LoadFamily(ctx);
    const g::Family& family = source.family;
    g::Layout layout = g::ComputeLayout(family);
    nlohmann::ordered_json j;
    j["people"] = nlohmann::ordered_json::array();
    for (const auto& [id, at] : layout.people) {
        const g::Person* p = family.FindPerson(id);
        nlohmann::ordered_json pj;
        pj["id"] = id;
        pj["x"] = at.x;
        pj["y"] = at.y;
        pj["width"] = layout.symbolSize;
        pj["height"] = layout.symbolSize;
        auto gen = layout.generation.find(id);
        pj["generation"] = gen == layout.generation.end() ? 0 : gen->second;
        pj["gender"] = GenderName(p ? p->gender : g::Gender::Unknown);
        if (p && p->birth.Known())
            pj["birth_year"] = p->birth.year;
        else
            pj["birth_year"] = nullptr;
        pj["placeholder"] = p && p->placeholder;
        j["people"].push_back(pj);
    }
    j["unions"] = nlohmann::ordered_json::array();
    for (const auto& [id, at] : layout.unions) {
        const g::Union* u = family.FindUnion(id);
        if (!u)
            continue;
        nlohmann::ordered_json uj;
        uj["id"] = id;
        uj["partners"] = {u->partnerA, u->partnerB};
        uj["children"] = family.ChildrenOf(id);
        uj["x"] = at.x;
        uj["y"] = at.y;
        j["unions"].push_back(uj);
    }
    j["bounds"] = {{"width", layout.bounds.width}, {"height", layout.bounds.height}};
    WriteResult(ctx, source, TextBytes(j.dump(2) + "\n"), "genogram layout json");
    return 0;
}

int ImportIntoCase(Context& ctx) {
    const Args& a = ctx.args;
    g::Family family = FamilyFromGedcom(ctx, a.file, a.index);
    vault::Vault v = ctx.OpenVault(a.dir);
    const std::size_t people = family.people.size(), unions = family.unions.size();
    // Replaces the whole map: a save in between is a Conflict, not retried.
    ChangeCase(
        ctx, v, v.FindCaseIdByCode(a.code),
        [&](journal::Case& c) {
            c.family = family;
            return CaseChange{vault::AuditAction::Save, "genogram import-gedcom"};
        },
        false);
    ctx.out << people << " people, " << unions << " unions imported\n";
    return 0;
}

} // namespace

void AddGenogramCommands(CLI::App& app, Context& ctx) {
    auto* geno = app.add_subcommand("genogram", "render, lay out and import family maps");
    geno->require_subcommand(1);
    Args& a = ctx.args;
    auto addSources = [&a](CLI::App* cmd) {
        cmd->add_option("DIR", a.dir, "vault folder");
        cmd->add_option("CODE", a.code, "client code");
        cmd->add_option("--gedcom", a.gedcom, "draw a GEDCOM file instead");
        cmd->add_option("--json", a.json, "draw a case or family JSON file instead");
        cmd->add_option("--index", a.index, "GEDCOM xref of the index person (e.g. @I1@)");
        cmd->add_option("--out", a.out, "output file")->required();
    };
    auto* render = geno->add_subcommand("render", "draw the map as SVG, PDF or PNG");
    addSources(render);
    render->add_flag("--deidentify", a.deidentify, "roles instead of names, ages instead of dates");
    AddLanguageOption(render, a);
    render->callback([&ctx] { ctx.action = [&ctx] { return Render(ctx); }; });

    auto* layout = geno->add_subcommand("layout", "positions as JSON (docs/layout-json.md)");
    addSources(layout);
    layout->callback([&ctx] { ctx.action = [&ctx] { return LayoutJson(ctx); }; });

    auto* import = geno->add_subcommand("import-gedcom", "replace a case's map by a GEDCOM file");
    import->add_option("DIR", a.dir, "vault folder")->required();
    import->add_option("CODE", a.code, "client code")->required();
    import->add_option("FILE", a.file, "GEDCOM file")->required();
    import->add_option("--index", a.index, "GEDCOM xref of the index person (e.g. @I1@)");
    import->callback([&ctx] { ctx.action = [&ctx] { return ImportIntoCase(ctx);
};
} // namespace kartbok::cli
);
}

} // namespace kartbok::cli

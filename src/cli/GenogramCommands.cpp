// kartbok-cli genogram render|layout|import-gedcom
#include "CaseJson.h"
#include "Context.h"

#include "kartbok/genogram/CairoWriter.h"
#include "kartbok/genogram/EnumNames.h"
#include "kartbok/genogram/Gedcom.h"
#include "kartbok/genogram/Layout.h"
#include "kartbok/genogram/Queries.h"
#include "kartbok/genogram/Scene.h"
#include "kartbok/genogram/SvgWriter.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <ostream>

namespace kartbok::cli {

namespace {

namespace g = kartbok::genogram;

/// The options of render and layout beyond the shared Args: how much of the
/// family, and on what page or at what scale.
struct ViewArgs {
    int generations = -1; ///< -1: all
    std::string page;     ///< "A4" / "A3", or empty
    bool landscape = false;
    std::optional<double> scale;
};

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
    ReportWarnings(ctx, file, result.warnings); // siblings born the same day among them
    return std::move(result.family);
}

/// The part of the family asked for with --generations N.
g::Family Cut(g::Family family, const ViewArgs& view, const Args& a) {
    if (view.generations < 0)
        return family;
    if (!family.IndexPerson())
        throw UsageError(a.gedcom.empty()
                             ? "--generations needs a client (index person) on the map"
                             : "--generations needs a client: name one with --index XREF");
    return g::AroundIndex(family, view.generations);
}

/// The family to draw, and the vault it came from when it is a client's (so
/// the output is an audited export), else from a GEDCOM or JSON file.
struct Source {
    g::Family family;
    std::optional<vault::Vault> vault;
    std::string caseId;
};

/// Reads the source: a case in a vault, a GEDCOM file, or a JSON file (a case
/// as `case show --json` prints it, or just its "family" object), cut to
/// --generations N around the client.
Source LoadFamily(Context& ctx, const ViewArgs& view) {
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
    s.family = Cut(std::move(s.family), view, a);
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

int Render(Context& ctx, const ViewArgs& view) {
    const std::string& out = ctx.args.out;
    if (!EndsWith(out, ".svg") && !EndsWith(out, ".pdf") && !EndsWith(out, ".png"))
        throw UsageError(out + ": the output must end in .svg, .pdf or .png");
    if (!view.page.empty() && view.scale)
        throw UsageError("choose either --page or --scale, not both");
    if (view.landscape && view.page.empty())
        throw UsageError("--landscape goes with --page A4 or --page A3");
    if ((!view.page.empty() || view.scale) && EndsWith(out, ".svg"))
        throw UsageError("--page and --scale are for PDF and PNG output");
    if (!view.page.empty() && view.page != "A4" && view.page != "A3")
        throw UsageError("--page must be A4 or A3");
    if (view.scale && !(*view.scale > 0 && *view.scale <= 16))
        throw UsageError("--scale must be above 0 and at most 16");
    Source source = LoadFamily(ctx, view);
    g::SceneOptions options;
    options.deidentify = ctx.args.deidentify;
    options.relations = !ctx.args.noRelations;
    options.language = ctx.Language();
    const g::Scene scene = g::BuildScene(source.family, g::ComputeLayout(source.family), options);
    std::vector<unsigned char> bytes;
    if (EndsWith(out, ".svg")) {
        const std::string svg = g::WriteSvg(scene);
        bytes.assign(svg.begin(), svg.end());
    } else if (!view.page.empty()) {
        const g::Page page = g::PageSize(view.page, view.landscape);
        bytes = EndsWith(out, ".pdf") ? g::RenderPdf(scene, page) : g::RenderPng(scene, page);
    } else if (EndsWith(out, ".pdf")) {
        bytes = g::RenderPdf(scene, view.scale.value_or(1.0));
    } else {
        bytes = g::RenderPng(scene, view.scale.value_or(2.0));
    }
    WriteResult(ctx, source, bytes,
                "genogram " + out.substr(out.size() - 3) +
                    (ctx.args.deidentify ? " deidentified" : ""));
    return 0;
}

int LayoutJson(Context& ctx, const ViewArgs& view) {
    Source source = LoadFamily(ctx, view);
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
        pj["gender"] = g::NameOf(p ? p->gender : g::Gender::Unknown);
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
        auto depth = layout.coupleDepth.find(id);
        uj["line_depth"] = depth == layout.coupleDepth.end() ? 0 : depth->second;
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
    auto view = std::make_shared<ViewArgs>(); // lives as long as the callbacks
    auto addSources = [&a, view](CLI::App* cmd) {
        cmd->add_option("DIR", a.dir, "vault folder");
        cmd->add_option("CODE", a.code, "client code");
        cmd->add_option("--gedcom", a.gedcom, "draw a GEDCOM file instead");
        cmd->add_option("--json", a.json, "draw a case or family JSON file instead");
        cmd->add_option("--index", a.index, "GEDCOM xref of the index person (e.g. @I1@)");
        cmd->add_option("--out", a.out, "output file")->required();
        cmd->add_option("--generations", view->generations,
                        "only N generations up and down from the client (default: all)")
            ->check(CLI::NonNegativeNumber);
    };
    auto* render = geno->add_subcommand("render", "draw the map as SVG, PDF or PNG");
    addSources(render);
    render->add_flag("--deidentify", a.deidentify, "roles instead of names, ages instead of dates");
    render->add_flag("--no-relations", a.noRelations,
                     "the family alone: no emotional relation lines, nor their legend");
    render->add_option("--page", view->page, "PDF/PNG on one A4 or A3 page, the map fitted to it");
    render->add_flag("--landscape", view->landscape, "the page turned sideways");
    render->add_option("--scale", view->scale,
                       "PDF/PNG at S times the map's size (PNG: pixels per point, default 2)");
    AddLanguageOption(render, a);
    render->callback([&ctx, view] { ctx.action = [&ctx, view] { return Render(ctx, *view); }; });

    auto* layout = geno->add_subcommand("layout", "positions as JSON (docs/layout-json.md)");
    addSources(layout);
    layout->callback(
        [&ctx, view] { ctx.action = [&ctx, view] { return LayoutJson(ctx, *view); }; });

    auto* importGedcom =
        geno->add_subcommand("import-gedcom", "replace a case's map by a GEDCOM file");
    importGedcom->add_option("DIR", a.dir, "vault folder")->required();
    importGedcom->add_option("CODE", a.code, "client code")->required();
    importGedcom->add_option("FILE", a.file, "GEDCOM file")->required();
    importGedcom->add_option("--index", a.index, "GEDCOM xref of the index person (e.g. @I1@)");
    importGedcom->callback([&ctx] { ctx.action = [&ctx] { return ImportIntoCase(ctx); }; });
}

} // namespace kartbok::cli

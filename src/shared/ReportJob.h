#pragma once
// Making a report, the one way: `kartbok-cli report` and `stats` and the app's
// File > Export report... call the same function, so a report from the app is
// the file the command line writes, with the same audit record. It loads the
// cases from the vault (decrypted in memory only), renders them in the chosen
// language with the reports library and writes the file through the vault's
// export path, which records the export in the audit log first.

#include "kartbok/journal/TemplateLoader.h"
#include "kartbok/vault/Vault.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kartbok::reporting {

enum class ReportKind {
    FollowUp,        ///< the follow-up brief of one client
    Supervision,     ///< the supervisor summary of one client, identified or de-identified
    Record,          ///< the full record of one client (right of access)
    SupervisionPack, ///< several clients' de-identified summaries in one PDF
    Statistics,      ///< counts over every client for a range of years (CSV), tables 1-2
    ResearchAnswers, ///< form answers linked per client by a fresh study id (CSV)
};

/// The kind's name on the command line and in the audit log:
/// followup, supervision, record, supervision-pack, stats, answers.
std::string_view KindName(ReportKind kind);
std::optional<ReportKind> KindFromName(std::string_view name);

struct ReportRequest {
    ReportKind kind = ReportKind::FollowUp;
    /// The client for a case report, the clients of a pack; none for statistics.
    std::vector<std::string> caseIds;
    bool deidentify = false;     ///< supervision only; a pack always is
    std::string language = "sv"; ///< "sv" or "en"
    /// Statistics and research answers: the calendar years counted, inclusive
    /// (one year: both the same).
    int fromYear = 0;
    int toYear = 0;
    bool buyersOnly = false;   ///< research answers only: clients who have bought sex
    std::filesystem::path out; ///< the file to write (PDF, or CSV for statistics)

    /// Statistics of one calendar year (`--year`).
    void SetYear(int year) { fromYear = toYear = year; }
};

/// A request that cannot be made as asked (exit code 2 on the command line).
class RequestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Steps done of the steps there are (a client loaded, the document drawn,
/// the file written); returning false cancels before anything is written.
using Progress = std::function<bool(int done, int total)>;

/// What the audit log says about the export: "report followup", "report
/// supervision deidentified", "report supervision-pack deidentified 3 cases",
/// "stats 2026 over 12 cases", "stats 2024-2026 answers (buyers only) over 12
/// cases". Never a name, a file name or client text.
std::string AuditDetail(const ReportRequest& request, std::size_t cases);

/// Makes the report and writes it. A relative's own case gets the joint
/// sessions written in the index client's case, as dates and lengths only. Throws RequestError for
/// a request that makes no sense (no client, a de-identified brief...), vault::VaultError when a
/// client cannot be read or the audit record or the file cannot be written (then nothing is
/// written), reports::ReportError when it cannot be drawn. Returns false when `progress` cancelled
/// it (nothing written, nothing audited). The file goes out through vault::Export; `fileSystem`
/// (nullptr = POSIX) lets tests fail its steps. `csvRows`, when given, gets the data rows of a CSV
/// written (the research answers' count the command line prints).
bool MakeReport(vault::Vault& vault, const journal::TemplateSet& templates,
                const ReportRequest& request, const Progress& progress = {},
                std::shared_ptr<vault::FileSystem> fileSystem = nullptr,
                std::size_t* csvRows = nullptr);

} // namespace kartbok::reporting

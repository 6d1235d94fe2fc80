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
    Statistics,      ///< the year's counts over every client (CSV)
};

/// The kind's name on the command line and in the audit log:
/// followup, supervision, record, supervision-pack, stats.
std::string_view KindName(ReportKind kind);
std::optional<ReportKind> KindFromName(std::string_view name);

struct ReportRequest {
    ReportKind kind = ReportKind::FollowUp;
    /// The client for a case report, the clients of a pack; none for statistics.
    std::vector<std::string> caseIds;
    bool deidentify = false;     ///< supervision only; a pack always is
    std::string language = "sv"; ///< "sv" or "en"
    int year = 0;                ///< statistics: the calendar year
    std::filesystem::path out;   ///< the file to write (PDF, or CSV for statistics)
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
/// "stats 2026 over 12 cases". Never a name, a file name or client text.
std::string AuditDetail(const ReportRequest& request, std::size_t cases);

/// Makes the report and writes it. Throws RequestError for a request that
/// makes no sense (no client, a de-identified brief...), vault::VaultError when
/// a client cannot be read or the audit record or the file cannot be written
/// (then nothing is written), reports::ReportError when it cannot be drawn.
/// Returns false when `progress` cancelled it (nothing written, nothing audited).
/// The file goes out through vault::Export; `fileSystem` (nullptr = POSIX) lets
/// tests fail its steps.
bool MakeReport(vault::Vault& vault, const journal::TemplateSet& templates,
                const ReportRequest& request, const Progress& progress = {},
                std::shared_ptr<vault::FileSystem> fileSystem = nullptr);

} // namespace kartbok::reporting

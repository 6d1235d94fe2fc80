#include "shell/ExportFolders.h"

#include "common/Utf8.h"

#include "kartbok/vault/Export.h"

#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>

#include <sys/stat.h>

#include <algorithm>

namespace kartbok::app {

namespace {

wxString Key(std::size_t i) {
    return wxString::Format("/Exports/Folder%zu", i + 1);
}

} // namespace

std::vector<std::string> RecentExportFolders() {
    std::vector<std::string> folders;
    wxConfigBase* config = wxConfigBase::Get();
    if (!config)
        return folders;
    for (std::size_t i = 0; i < kRememberedExportFolders; ++i) {
        wxString folder;
        if (config->Read(Key(i), &folder) && !folder.empty())
            folders.push_back(Utf8(folder));
    }
    return folders;
}

void RememberExportFolder(const std::filesystem::path& file) {
    wxConfigBase* config = wxConfigBase::Get();
    if (!config)
        return;
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::absolute(file, ec).parent_path();
    if (ec || folder.empty())
        return;
    std::vector<std::string> folders = RecentExportFolders();
    folders.erase(std::remove(folders.begin(), folders.end(), folder.string()), folders.end());
    folders.insert(folders.begin(), folder.string());
    folders.resize(std::min(folders.size(), kRememberedExportFolders));
    for (std::size_t i = 0; i < kRememberedExportFolders; ++i) {
        if (i < folders.size())
            config->Write(Key(i), wxString::FromUTF8(folders[i]));
        else
            config->DeleteEntry(Key(i));
    }
    config->Flush();
}

void KeepPreferencesPrivate() {
    auto* file = dynamic_cast<wxFileConfig*>(wxConfigBase::Get());
    if (!file || !wxTheApp)
        return;
    file->SetUmask(077); // a new file is created 0600
    // wxFileConfig rewrites an existing file with that file's mode: make it 0600 once.
    const wxString path = wxFileConfig::GetLocalFileName(wxTheApp->GetAppName());
    struct stat st {};
    if (::stat(path.fn_str(), &st) == 0 && (st.st_mode & 077) != 0)
        ::chmod(path.fn_str(), st.st_mode & 0700);
}

std::size_t CleanRecentExportFolders() {
    std::size_t removed = 0;
    for (const auto& folder : RecentExportFolders())
        removed += vault::RemoveStaleExportTemps(folder);
    return removed;
}

} // namespace kartbok::app

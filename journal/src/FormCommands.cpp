#include "kartbok/journal/FormCommands.h"

#include "Checks.h"

#include <algorithm>

namespace kartbok::journal {

using detail::Fail;

namespace {
FormResponse* FindForm(Case& c, const std::string& id) {
    auto it = std::find_if(c.forms.begin(), c.forms.end(),
                           [&](const FormResponse& f) { return f.id == id; });
    return it == c.forms.end() ? nullptr : &*it;
}

void ValidateForm(const FormResponse& f) {
    if (detail::Blank(f.id))
        Fail("A form response needs an id.");
    if (detail::Blank(f.templateId) || f.templateVersion < 1)
        Fail("Form response " + f.id + " needs the form's template id and version.");
    if (!f.date.Set())
        Fail("Form response " + f.id + " needs the date it was filled in.");
    std::vector<std::string> ids;
    for (const FormAnswer& a : f.answers) {
        if (a.itemId.empty())
            Fail("Form response " + f.id + " has an answer without an item id.");
        ids.push_back(a.itemId);
    }
    if (detail::HasDuplicates(ids))
        Fail("Form response " + f.id + " answers the same item twice.");
}
} // namespace

AddFormResponse::AddFormResponse(FormResponse response) : m_response(std::move(response)) {}

void AddFormResponse::Apply(Case& c) {
    ValidateForm(m_response);
    if (FindForm(c, m_response.id))
        Fail("There is already a form response " + m_response.id + " in this case.");
    if (m_response.episode < 0 || m_response.episode > c.CurrentEpisode())
        Fail("Form response " + m_response.id + " names episode " +
             std::to_string(m_response.episode) + ", which this case does not have.");
    FormResponse added = m_response;
    if (added.episode == 0)
        added.episode = c.CurrentEpisode(); // filled in now: the episode going on
    c.forms.push_back(added);
}

void AddFormResponse::Revert(Case& c) {
    std::erase_if(c.forms, [&](const FormResponse& f) { return f.id == m_response.id; });
}

SetFormResponse::SetFormResponse(FormResponse response) : m_new(std::move(response)) {}

void SetFormResponse::Apply(Case& c) {
    ValidateForm(m_new);
    FormResponse* f = FindForm(c, m_new.id);
    if (!f)
        Fail("There is no form response " + m_new.id + " in this case.");
    m_old = *f;
    *f = m_new;
    if (f->episode == 0)
        f->episode = m_old.episode; // the editor does not move a form between episodes
}

void SetFormResponse::Revert(Case& c) {
    if (FormResponse* f = FindForm(c, m_new.id))
        *f = m_old;
}

DeleteFormResponse::DeleteFormResponse(std::string responseId) : m_id(std::move(responseId)) {}

void DeleteFormResponse::Apply(Case& c) {
    FormResponse* f = FindForm(c, m_id);
    if (!f)
        Fail("There is no form response " + m_id + " in this case.");
    m_index = static_cast<std::size_t>(f - c.forms.data());
    m_old = *f;
    c.forms.erase(c.forms.begin() + static_cast<std::ptrdiff_t>(m_index));
}

void DeleteFormResponse::Revert(Case& c) {
    c.forms.insert(c.forms.begin() + static_cast<std::ptrdiff_t>(m_index), m_old);
}

} // namespace kartbok::journal

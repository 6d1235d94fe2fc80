#pragma once
// Commands over self-rating form responses (start, end, follow-up).

#include "kartbok/journal/CaseCommand.h"

namespace kartbok::journal {

/// Adds a filled-in form. Refuses a missing or duplicate id, a missing
/// template id/version or date, and an item answered twice.
class AddFormResponse final : public CaseCommand {
public:
    explicit AddFormResponse(FormResponse response);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Add form " + m_response.id; }
    CommandKind Kind() const override { return CommandKind::Form; }

private:
    FormResponse m_response;
};

/// Replaces a form response with the same id (typing in a paper form in
/// several sittings). Forms are not signed notes, so they stay editable.
class SetFormResponse final : public CaseCommand {
public:
    explicit SetFormResponse(FormResponse response);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Edit form " + m_new.id; }
    CommandKind Kind() const override { return CommandKind::Form; }

private:
    FormResponse m_new;
    FormResponse m_old;
};

/// Removes a form response entered by mistake.
class DeleteFormResponse final : public CaseCommand {
public:
    explicit DeleteFormResponse(std::string responseId);
    void Apply(Case& c) override;
    void Revert(Case& c) override;
    std::string Describe() const override { return "Delete form " + m_id; }
    CommandKind Kind() const override { return CommandKind::Form; }

private:
    std::string m_id;
    FormResponse m_old;
    std::size_t m_index = 0;
};

} // namespace kartbok::journal

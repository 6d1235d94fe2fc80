#pragma once
// Every change to a family is a Command (docs/architecture.md): the app's undo stack,
// dirty flag, autosave and audit hang off this one path.

#include "kartbok/genogram/Family.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace kartbok::genogram {

/// A reversible edit. Apply then Revert leaves the family exactly as it was
/// (operator== holds), including nextId.
class Command {
public:
    virtual ~Command() = default;
    /// Throws CommandError when the edit does not make sense for this family
    /// (unknown person, a third parent...); the family is then unchanged.
    virtual void Apply(Family& family) = 0;
    virtual void Revert(Family& family) = 0;
    /// English, for logs and tests ("Add partner to Anna"); the app translates
    /// by command type, libraries never see wx.
    virtual std::string Describe() const = 0;
};

class CommandError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using CommandPtr = std::unique_ptr<Command>;

} // namespace kartbok::genogram

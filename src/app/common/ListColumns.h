#pragma once
// Report lists whose columns are as wide as their widest text, title
// included: a long question or a long Swedish session type is never cut to
// "…"; when the columns need more than the list has, it scrolls sideways.

class wxListCtrl;

namespace kartbok::app {

/// Sizes every column of a report list to its title and the texts in it
/// (with a row's own font and the first column's icon).
void FitColumnsToContent(wxListCtrl& list);

} // namespace kartbok::app

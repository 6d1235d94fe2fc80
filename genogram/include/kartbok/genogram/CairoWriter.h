#pragma once
// PDF and PNG painters for a Scene, through cairo with pango for text (so
// Swedish letters and fonts work). No cairo or pango types leak out of here.

#include "kartbok/genogram/Scene.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace kartbok::genogram {

/// The drawing could not be made (cairo refused, or the size is out of range).
class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Scene size times `scale` pixels (2.0: crisp on screens and in documents).
/// Bytes, not a file: whoever writes them outside the vault goes through
/// vault::WriteExportFile / vault::Export, the one writer of exports.
std::vector<unsigned char> RenderPng(const Scene& scene, double scale = 2.0);
/// One page, exactly the scene's size in points.
std::vector<unsigned char> RenderPdf(const Scene& scene);

} // namespace kartbok::genogram

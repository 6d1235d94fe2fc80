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
/// Refused (RenderError) past 400 megapixels, with the largest scale that
/// would do.
std::vector<unsigned char> RenderPng(const Scene& scene, double scale = 2.0);
/// One page, exactly the scene's size in points.
std::vector<unsigned char> RenderPdf(const Scene& scene);
/// One page of the scene's size times `scale` (0 < scale <= 16).
std::vector<unsigned char> RenderPdf(const Scene& scene, double scale);

/// A sheet of paper: the drawing is scaled to fit inside the margins (never
/// more than twice its size) and centred. Sizes in points.
struct Page {
    double width = 0, height = 0;
    double margin = 28.35; ///< 10 mm
};
/// "A4" or "A3", portrait unless `landscape`; RenderError for any other name.
Page PageSize(const std::string& name, bool landscape);
/// One page of that paper; a PNG of it at `dpi` (150: sharp on paper and screen).
std::vector<unsigned char> RenderPdf(const Scene& scene, const Page& page);
std::vector<unsigned char> RenderPng(const Scene& scene, const Page& page, double dpi = 150);

} // namespace kartbok::genogram

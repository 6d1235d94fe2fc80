#pragma once
// PDF and PNG painters for a Scene, through cairo with pango for text (so
// Swedish letters and fonts work). No cairo or pango types leak out of here.

#include "kartbok/genogram/Scene.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace kartbok::genogram {

/// A file could not be written (disk full, no permission...), with the reason.
class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One page, exactly the scene's size in points.
void WritePdf(const Scene& scene, const std::string& path);
/// Scene size times `scale` pixels (2.0: crisp on screens and in documents).
void WritePng(const Scene& scene, const std::string& path, double scale = 2.0);

/// In-memory variants, for tests and for handing an export to another library.
std::vector<unsigned char> RenderPng(const Scene& scene, double scale = 2.0);
std::vector<unsigned char> RenderPdf(const Scene& scene);

} // namespace kartbok::genogram

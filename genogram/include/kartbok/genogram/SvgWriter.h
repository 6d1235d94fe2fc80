#pragma once
// SVG painter for a Scene: the vector export that opens in any browser and in
// Inkscape. Same scene as the screen and the PDF, so every export matches.

#include "kartbok/genogram/Scene.h"

#include <string>

namespace kartbok::genogram {

/// A standalone SVG 1.1 document (UTF-8, XML-escaped text, viewBox in points,
/// font "DejaVu Sans, sans-serif").
std::string WriteSvg(const Scene& scene);

} // namespace kartbok::genogram

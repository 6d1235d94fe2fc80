#include "map/MapPrintout.h"

#include "map/ScenePainter.h"

#include <wx/dcmemory.h>
#include <wx/dcprint.h>
#include <wx/graphics.h>

#include <algorithm>
#include <memory>

namespace kartbok::app {

MapPrintout::MapPrintout(genogram::Scene scene, const wxString& title)
    : wxPrintout(title), m_scene(std::move(scene)) {}

void MapPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
    *minPage = *maxPage = *pageFrom = *pageTo = 1;
}

bool MapPrintout::OnPrintPage(int) {
    wxDC* dc = GetDC();
    if (!dc || m_scene.size.width <= 0 || m_scene.size.height <= 0)
        return false;
    std::unique_ptr<wxGraphicsContext> gc;
    if (auto* printer = wxDynamicCast(dc, wxPrinterDC))
        gc.reset(wxGraphicsContext::Create(*printer));
    else if (auto* memory = wxDynamicCast(dc, wxMemoryDC))
        gc.reset(wxGraphicsContext::Create(*memory));
    if (!gc)
        return false;
    // Scale the whole map onto one page in device units, 5 % margin, proportions kept.
    int pw = 0, ph = 0;
    dc->GetSize(&pw, &ph);
    const double margin = std::min(pw, ph) * 0.05;
    const double scale =
        std::min((pw - 2 * margin) / m_scene.size.width, (ph - 2 * margin) / m_scene.size.height);
    gc->Translate((pw - m_scene.size.width * scale) / 2, (ph - m_scene.size.height * scale) / 2);
    gc->Scale(scale, scale);
    PaintScene(*gc, m_scene);
    return true;
}

} // namespace kartbok::app

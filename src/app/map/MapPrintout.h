#pragma once
// Prints the map on one page, painting the same scene as the screen.

#include "kartbok/genogram/Scene.h"

#include <wx/print.h>

namespace kartbok::app {

class MapPrintout : public wxPrintout {
public:
    MapPrintout(genogram::Scene scene, const wxString& title);
    bool OnPrintPage(int page) override;
    bool HasPage(int page) override { return page == 1; }
    void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;

private:
    genogram::Scene m_scene;
};

} // namespace kartbok::app

#include "common/ScreenCapture.h"

#include "common/Utf8.h"

#include "kartbok/vault/Export.h"

#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/mstream.h>
#include <wx/window.h>

#include <algorithm>

#ifdef KARTBOK_HAVE_X11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#endif

namespace kartbok::app {

namespace {

#ifdef KARTBOK_HAVE_X11
/// The bit shift of a colour mask (0x00ff0000 -> 16).
int Shift(unsigned long mask) {
    int s = 0;
    while (mask && !(mask & 1)) {
        mask >>= 1;
        ++s;
    }
    return s;
}

bool CaptureX11(const wxRect& wanted, wxImage& out) {
    Display* display = XOpenDisplay(nullptr);
    if (!display)
        return false;
    const Window root = DefaultRootWindow(display);
    XWindowAttributes attrs{};
    XGetWindowAttributes(display, root, &attrs);
    const wxRect rect = wanted.Intersect(wxRect(0, 0, attrs.width, attrs.height));
    bool ok = false;
    if (!rect.IsEmpty()) {
        XSync(display, False);
        if (XImage* image =
                XGetImage(display, root, rect.x, rect.y, static_cast<unsigned>(rect.width),
                          static_cast<unsigned>(rect.height), AllPlanes, ZPixmap)) {
            const int rs = Shift(image->red_mask), gs = Shift(image->green_mask),
                      bs = Shift(image->blue_mask);
            out.Create(rect.width, rect.height, false);
            unsigned char* rgb = out.GetData();
            for (int y = 0; y < rect.height; ++y)
                for (int x = 0; x < rect.width; ++x) {
                    const unsigned long p = XGetPixel(image, x, y);
                    *rgb++ = static_cast<unsigned char>((p & image->red_mask) >> rs);
                    *rgb++ = static_cast<unsigned char>((p & image->green_mask) >> gs);
                    *rgb++ = static_cast<unsigned char>((p & image->blue_mask) >> bs);
                }
            XDestroyImage(image);
            ok = true;
        }
    }
    XCloseDisplay(display);
    return ok;
}
#endif

} // namespace

std::vector<unsigned char> WindowPng(wxWindow& window) {
    const wxRect rect = window.GetScreenRect();
    wxImage image;
#ifdef KARTBOK_HAVE_X11
    if (!CaptureX11(rect, image))
#endif
    {
        wxBitmap bitmap(rect.width, rect.height, 24);
        {
            wxScreenDC screen;
            wxMemoryDC memory(bitmap);
            memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
        }
        image = bitmap.ConvertToImage();
    }
    wxMemoryOutputStream out;
    if (!image.IsOk() || !image.SaveFile(out, wxBITMAP_TYPE_PNG))
        return {};
    std::vector<unsigned char> bytes(out.GetLength());
    out.CopyTo(bytes.data(), bytes.size());
    return bytes;
}

bool SaveWindowPng(wxWindow& window, const wxString& file) {
    wxFileName::Mkdir(wxFileName(file).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    const std::vector<unsigned char> png = WindowPng(window);
    if (png.empty())
        return false;
    try {
        vault::WriteExportFile(std::filesystem::path(Utf8(file)), png);
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

} // namespace kartbok::app

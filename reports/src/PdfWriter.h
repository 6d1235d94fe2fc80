#pragma once
// The shared page engine of every report: A4 pages with a header (report
// title, case code) and a footer ("Sida n av N"), flowing blocks of wrapped
// text, tables, an image and small line charts. No cairo or pango type in
// here; they stay in PdfWriter.cpp.

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kartbok::reports::detail {

struct PageFrame {
    std::string title;      ///< report name, top left of every page
    std::string caseCode;   ///< top right of every page
    std::string footerLeft; ///< printed date, by whom, confidentiality note
    std::string pageWord = "Sida";
    std::string ofWord = "av";
};

enum class TextStyle { Body, Small, Muted, Bold, Italic };

/// A run of text in a rich paragraph. Struck text stays readable (corrections).
struct Span {
    std::string text;
    bool struck = false;
    bool bold = false;
    bool italic = false;
    bool muted = false;
    bool small = false;
};

struct Column {
    std::string title;
    double weight = 1; ///< share of the content width
};

/// One small line chart: values at start / end / follow-up on a fixed axis.
struct ChartSeries {
    std::string title;
    std::array<std::optional<double>, 3> points;
    double low = 0, high = 1;
    std::string scaleNote; ///< "1 = Stämmer inte alls, 5 = Stämmer helt"
};

/// A bar in the timeline strip: one session at `month` (0-based from the first).
struct TimelineMark {
    int month = 0;
    int row = 0; ///< which type row
};

class PdfWriter {
public:
    class Impl;
    explicit PdfWriter(Impl& impl) : m_impl(impl) {}

    void Title(const std::string& title, const std::string& subtitle);
    /// A section heading; never left alone at the bottom of a page.
    void Heading(const std::string& text);
    void Subheading(const std::string& text);
    void Paragraph(const std::string& text, TextStyle style = TextStyle::Body, double indent = 0);
    void Rich(const std::vector<Span>& spans, double indent = 0);
    void Bullets(const std::vector<std::string>& items);
    /// Label / value pairs in two columns.
    void KeyValues(const std::vector<std::pair<std::string, std::string>>& rows);
    /// Header repeated on every page the table runs over; cells wrap.
    void Table(const std::vector<Column>& columns,
               const std::vector<std::vector<std::string>>& rows);
    /// A PNG scaled to fit maxWidth x maxHeight (points), centred, with a thin frame.
    void Image(const std::vector<unsigned char>& png, double maxWidth, double maxHeight);
    /// Small multiples, three per row.
    void Charts(const std::vector<ChartSeries>& series,
                const std::array<std::string, 3>& phaseLabels);
    /// Sessions per month as a strip: one row per type, one column per month.
    void Timeline(const std::vector<std::string>& rowLabels,
                  const std::vector<std::string>& monthLabels,
                  const std::vector<std::vector<int>>& counts);
    void Space(double points);
    void PageBreak();
    /// Starts a new page whose header names another case (a supervision pack:
    /// every page says which client it is about); the pages before keep theirs.
    void NewCase(const std::string& caseCode);
    double ContentWidth() const;
    double RemainingHeight() const;

private:
    Impl& m_impl;
};

/// Lays the body out twice - once to count pages, once to draw with "av N" -
/// and returns the PDF bytes.
std::vector<unsigned char> RenderPdf(const PageFrame& frame,
                                     const std::function<void(PdfWriter&)>& body);

} // namespace kartbok::reports::detail

// careerpath — the parts of an HTML report (README.md "Reports"): text made safe as HTML, the
// page around a report (one self-contained file: inline CSS, no script, nothing loaded from
// elsewhere), tables, and the plan's Gantt chart as inline SVG. Nothing here knows JSON: the
// reader of plan, scorecard and cohort documents (io/html_report.cpp) fills these parts in.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace html {

/// Text as HTML character data or a double-quoted attribute value: & < > " ' as character
/// references, line breaks and other control characters as spaces (README.md "Exports": no
/// export writes one raw), everything else, non-ASCII included, as it is. Whatever a document
/// holds, it comes out as text, never as markup.
std::string escape(std::string_view text);

/// At most `max_chars` characters of `text` (whole UTF-8 sequences), with "…" where cut.
std::string shorten(std::string_view text, std::size_t max_chars);

/// The page: doctype, <html lang="en">, the title, the stylesheet; `body` is the report's
/// markup, put inside <main>.
std::string page(std::string_view title, std::string_view body);

/// A table: a caption, a header row of column headings (<th scope="col">), and rows whose first
/// cell is the row's heading (<th scope="row">). Cells are markup (escape text first); `numeric`
/// marks columns aligned right.
struct Table {
    std::string caption;
    std::vector<std::string> columns;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row_classes;  ///< per row, "" or a class ("late")
};
std::string table(const Table &t);

/// The plan's Gantt chart.
struct Gantt {
    struct Band {  ///< a phase's window
        std::string title;
        Date first, last;
    };
    struct Bar {  ///< a unit of the path
        std::string label;   ///< skill title and level
        Date start, finish;  ///< days worked on, both included
        Date due;
        int late_days = 0;   ///< 0: on time
    };
    struct Milestone {
        std::string title;
        Date due, delivered;
        bool met = true;
    };
    std::string title;        ///< the chart's accessible name
    std::string description;  ///< its text alternative, in sentences
    Date from, to;            ///< the days the axis shows, both included
    std::vector<Band> bands;
    std::vector<Bar> bars;
    std::vector<Milestone> milestones;
    Date target;
    std::optional<Date> today;
};
std::string gantt_svg(const Gantt &chart);

}  // namespace html

CAREERPATH_NAMESPACE_END

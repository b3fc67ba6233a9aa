#include "report_html.hpp"

#include "export_text.hpp"
#include "report_words.hpp"

#include <algorithm>
#include <cstdio>

CAREERPATH_NAMESPACE_BEGIN

namespace html {

namespace {

// The stylesheet of every report. Colours (README.md "Reports", with their contrast ratios
// against the background they are drawn on, WCAG 2.1: text 4.5:1, chart marks 3:1; the test
// html.accessibility computes them from this text):
//   ink #1b1f24 and muted #4b5563 text on white, on the light fills #eef4fb, #f6f8fb, #e8eef6,
//   #fdf0f0 and #fff7e6; late text #9b1c1c; chart bars #2463a6 (on time) and #b42318 (late).
// Print: A4 pages, headings kept with what follows, no row, figure or small table cut across a
// page, table headers repeated on each page.
constexpr std::string_view stylesheet = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#ffffff;color:#1b1f24;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
main{max-width:1040px;margin:0 auto;padding:32px 28px 40px}
h1{font-size:1.85rem;margin:0 0 .25rem;line-height:1.2}
h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid #d5dde8}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.lead{color:#4b5563;margin:0 0 1.2rem;font-size:1.05rem}
.summary{background:#eef4fb;color:#1b1f24;border-left:5px solid #2463a6;padding:14px 18px;border-radius:6px;font-size:1.1rem;margin:0 0 1rem}
.summary.late{background:#fdf0f0;color:#1b1f24;border-left-color:#b42318}
.summary p{margin:.2rem 0}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(165px,1fr));gap:10px;margin:1rem 0}
dl.facts div{background:#f6f8fb;color:#1b1f24;border:1px solid #d5dde8;border-radius:6px;padding:8px 12px}
dl.facts dt{color:#4b5563;font-size:.78rem;text-transform:uppercase;letter-spacing:.04em}
dl.facts dd{margin:0;font-size:1.05rem;font-weight:600;white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1.2rem;font-size:.9rem}
caption{text-align:left;color:#4b5563;font-size:.85rem;padding:0 0 .3rem}
th,td{padding:5px 8px;border-bottom:1px solid #d5dde8;text-align:left;vertical-align:top}
thead th{background:#e8eef6;color:#1b1f24;font-weight:600;border-bottom:2px solid #b8c4d3}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.n{display:block;color:#4b5563;font-size:.76rem;font-weight:400}
tr.late td,tr.late th{background:#fdf0f0;color:#1b1f24}
.tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:.78rem;font-weight:600;white-space:nowrap}
.tag.late{background:#fde2e1;color:#8a1414}
.tag.ok{background:#e3f3e6;color:#14532d}
.tag.info{background:#e8eef6;color:#1b3a5c}
.muted{color:#4b5563}
.late-text{color:#9b1c1c}
ul.warnings{list-style:none;padding:0;margin:.4rem 0 1rem}
ul.warnings li{background:#fff7e6;color:#1b1f24;border-left:5px solid #b45309;padding:8px 12px;margin:0 0 8px;border-radius:4px}
ul.activities{margin:.15rem 0 0;padding-left:1.1rem;color:#374151;font-size:.86rem}
figure{margin:.5rem 0 1rem}
figure svg{width:100%;height:auto;display:block}
figcaption{color:#4b5563;font-size:.85rem;margin-top:.3rem}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin:0 4px 0 12px}
.swatch.ok{background:#2463a6}.swatch.late{background:#b42318}.swatch.met{background:#166534}.swatch.today{background:#5b21b6}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
.t-ink{fill:#1b1f24}.t-muted{fill:#4b5563}.t-late{fill:#9b1c1c}.t-today{fill:#5b21b6}.t-head{fill:#1b1f24;font-weight:600}
.band-0{fill:#eef3f9}.band-1{fill:#f7f9fc}
.bar-ok{fill:#2463a6}.bar-late{fill:#b42318}.ms-met{fill:#166534}.ms-missed{fill:#b42318}
.grid{stroke:#d5dde8;stroke-width:1}.due{stroke:#1b1f24;stroke-width:2}
.target{stroke:#1b1f24;stroke-width:1.5;stroke-dasharray:5 3}.today{stroke:#5b21b6;stroke-width:2}
footer{color:#4b5563;font-size:.8rem;margin-top:2.5rem;border-top:1px solid #d5dde8;padding-top:.6rem}
@page{size:A4;margin:14mm 12mm}
@media print{
body{font-size:10pt}
main{max-width:none;padding:0}
h2,h3{break-after:avoid}
table,figure,tr,.summary,dl.facts,ul.warnings li{break-inside:avoid}
thead{display:table-header-group}
.summary,dl.facts div,thead th,tr.late td,tr.late th,.tag,.swatch,ul.warnings li{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

// A length for an SVG attribute: at most two decimals, no trailing zeros.
std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

}  // namespace

std::string escape(std::string_view text) {
    return detail::display_text(text, " ", [](std::string &out, char ch) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    });
}

std::string shorten(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a sequence
        if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
        ++chars;
    }
    return std::string(text);
}

std::string page(std::string_view title, std::string_view body) {
    std::string out;
    out.reserve(stylesheet.size() + body.size() + 512);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"careerpath\">\n";
    out += "<title>" + escape(title) + "</title>\n<style>";
    out += stylesheet;
    out += "</style>\n</head>\n<body>\n<main>\n";
    out += body;
    out += "<footer>Made by careerpath from the document it was given: the same document gives the same page.</footer>\n";
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string table(const Table &t) {
    auto numeric = [&](std::size_t col) { return col < t.numeric.size() && t.numeric[col]; };
    std::string out = "<table>\n";
    if (!t.caption.empty()) out += "<caption>" + escape(t.caption) + "</caption>\n";
    out += "<thead><tr>";
    for (std::size_t col = 0; col < t.columns.size(); ++col)
        out += std::string("<th scope=\"col\"") + (numeric(col) ? " class=\"num\"" : "") + ">" + escape(t.columns[col]) +
               "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string &cls = r < t.row_classes.size() ? t.row_classes[r] : std::string();
        out += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
        for (std::size_t col = 0; col < t.rows[r].size(); ++col) {
            const std::string attrs = numeric(col) ? " class=\"num\"" : "";
            if (col == 0) out += "<th scope=\"row\"" + attrs + ">" + t.rows[r][col] + "</th>";
            else out += "<td" + attrs + ">" + t.rows[r][col] + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return out;
}

std::string gantt_svg(const Gantt &g) {
    constexpr double width = 1000, label_width = 300, right = 16, head = 46, row = 22, bar = 14;
    const double chart_width = width - label_width - right;
    const int span = std::max(1, g.to.days_since(g.from) + 1);
    auto x = [&](Date d) {
        const int days = std::clamp(d.days_since(g.from), 0, span);
        return label_width + chart_width * days / span;
    };
    const double rows_top = head;
    const double milestones_y = rows_top + row * static_cast<double>(g.bars.size()) + 8;
    const double height = milestones_y + row + 10;
    const double bottom = milestones_y + row;
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + num(width) + " " +
                      num(height) + "\" aria-labelledby=\"gantt-title gantt-desc\">\n";
    out += "<title id=\"gantt-title\">" + escape(g.title) + "</title>\n";
    out += "<desc id=\"gantt-desc\">" + escape(g.description) + "</desc>\n";
    // Phase windows as bands behind everything, their titles in the second header line.
    for (std::size_t i = 0; i < g.bands.size(); ++i) {
        const Gantt::Band &b = g.bands[i];
        const double x0 = x(b.first), x1 = x(b.last.plus_days(1));
        out += "<rect class=\"band-" + std::to_string(i % 2) + "\" x=\"" + num(x0) + "\" y=\"18\" width=\"" +
               num(std::max(0.0, x1 - x0)) + "\" height=\"" + num(bottom - 18) + "\"/>\n";
        const std::size_t fits = static_cast<std::size_t>(std::max(0.0, (x1 - x0 - 8) / 7.5));
        if (fits >= 4)
            out += "<text class=\"t-head\" x=\"" + num(x0 + 4) + "\" y=\"34\">" + escape(shorten(b.title, fits - 1)) +
                   "</text>\n";
    }
    // Months: a grid line and the month's short name (and year in January and at the start).
    // Where a month is too narrow for "Jan 2027", January is labelled with its year alone.
    const double month_width = chart_width * 30.44 / span;
    auto month_label = [&](Date d, bool with_year) {
        if (!with_year) return std::string(words::month_short_name(d.month()));
        if (month_width < 62) return std::to_string(d.year());
        return std::string(words::month_short_name(d.month())) + " " + std::to_string(d.year());
    };
    bool first_label = true;
    if (g.from.day() != 1 && g.from.day() <= 12) {  // the first month, from the axis's first day
        out += "<text class=\"t-muted\" x=\"" + num(x(g.from) + 3) + "\" y=\"13\">" + escape(month_label(g.from, true)) +
               "</text>\n";
        first_label = false;
    }
    for (Date d = *Date::from_ymd(g.from.year(), g.from.month(), 1); d <= g.to; d = d.plus_months(1)) {
        if (d < g.from) continue;
        const double mx = x(d);
        out += "<line class=\"grid\" x1=\"" + num(mx) + "\" y1=\"2\" x2=\"" + num(mx) + "\" y2=\"" + num(bottom) + "\"/>\n";
        const std::string label = month_label(d, first_label || d.month() == 1);
        first_label = false;
        if (month_width >= 24 || d.month() % 3 == 1)
            out += "<text class=\"t-muted\" x=\"" + num(mx + 3) + "\" y=\"13\">" + escape(label) + "</text>\n";
    }
    // One row per unit: its label, its bar, and where it is late the due day and how late.
    for (std::size_t i = 0; i < g.bars.size(); ++i) {
        const Gantt::Bar &b = g.bars[i];
        const double y = rows_top + row * static_cast<double>(i);
        const bool late = b.late_days > 0;
        out += "<g>";
        out += "<title>" + escape(b.label) + ": " + escape(words::date_range(b.start, b.finish)) +
               (late ? ", " + escape(words::count(static_cast<std::size_t>(b.late_days), "day", "days")) + " late (due " +
                           escape(words::date(b.due)) + ")"
                     : "") +
               "</title>";
        out += "<text class=\"" + std::string(late ? "t-late" : "t-ink") + "\" x=\"4\" y=\"" + num(y + 15) + "\">" +
               escape(shorten((late ? "Late: " : "") + b.label, 44)) + "</text>";
        const double x0 = x(b.start), x1 = std::max(x(b.finish.plus_days(1)), x0 + 2);
        out += "<rect class=\"" + std::string(late ? "bar-late" : "bar-ok") + "\" x=\"" + num(x0) + "\" y=\"" +
               num(y + (row - bar) / 2) + "\" width=\"" + num(x1 - x0) + "\" height=\"" + num(bar) + "\" rx=\"2\"/>";
        if (late) {
            const double dx = x(b.due.plus_days(1));
            out += "<line class=\"due\" x1=\"" + num(dx) + "\" y1=\"" + num(y + 1) + "\" x2=\"" + num(dx) + "\" y2=\"" +
                   num(y + row - 1) + "\"/>";
            const std::string note = "+" + std::to_string(b.late_days) + "d";
            const bool room_right = x1 + 40 < width;
            out += "<text class=\"t-late\" x=\"" + num(room_right ? x1 + 4 : x0 - 4) + "\" y=\"" + num(y + 15) + "\"" +
                   (room_right ? "" : " text-anchor=\"end\"") + ">" + note + "</text>";
        }
        out += "</g>\n";
    }
    // Milestones: a diamond on the day delivered (green met, red missed), in a row of their own.
    out += "<text class=\"t-head\" x=\"4\" y=\"" + num(milestones_y + 14) + "\">Milestones</text>\n";
    for (const Gantt::Milestone &m : g.milestones) {
        const double mx = x(m.delivered.plus_days(1)), my = milestones_y + row / 2;
        out += "<g><title>" + escape(m.title) + ": due " + escape(words::date(m.due)) + ", delivered " +
               escape(words::date(m.delivered)) + (m.met ? "" : " (missed)") + "</title>";
        out += "<path class=\"" + std::string(m.met ? "ms-met" : "ms-missed") + "\" d=\"M" + num(mx) + " " + num(my - 7) +
               " l7 7 l-7 7 l-7 -7 z\"/></g>\n";
    }
    // The target date, dashed, and today.
    const double tx = x(g.target.plus_days(1));
    out += "<line class=\"target\" x1=\"" + num(tx) + "\" y1=\"18\" x2=\"" + num(tx) + "\" y2=\"" + num(bottom) + "\"/>\n";
    out += "<text class=\"t-ink\" x=\"" + num(tx - 3) + "\" y=\"" + num(height - 1) + "\" text-anchor=\"end\">target " +
           escape(words::date(g.target)) + "</text>\n";
    if (g.today && *g.today >= g.from && *g.today <= g.to) {
        const double dx = x(*g.today);
        out += "<line class=\"today\" x1=\"" + num(dx) + "\" y1=\"18\" x2=\"" + num(dx) + "\" y2=\"" + num(bottom) + "\"/>\n";
        out += "<text class=\"t-today\" x=\"" + num(dx + 3) + "\" y=\"" + num(height - 1) + "\">today</text>\n";
    }
    out += "</svg>\n";
    return out;
}

}  // namespace html

CAREERPATH_NAMESPACE_END

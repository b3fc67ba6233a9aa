// careerpath CLI — importing a CASE package or O*NET's Skills table (docs/importing.md).
#include "import.hpp"

#include "exit_status.hpp"
#include "input.hpp"
#include "output.hpp"

#include <careerpath/import.hpp>
#include <careerpath/json.hpp>

#include <iostream>
#include <optional>
#include <sstream>

namespace cp = careerpath;

namespace cli {

int import_framework(const ImportSettings &s) {
    std::string spec = s.format;
    if (!s.hours.empty()) spec += ";hours=" + s.hours;
    if (!s.importance.empty()) spec += ";importance=" + s.importance;
    // Options are checked before the file is read: a bad one is bad usage, whatever the input.
    const auto parsed = cp::parse_import_spec(spec);
    if (!parsed) {
        std::cerr << "careerpath: " << parsed.error().message << "\n"
                  << "usage: careerpath import case|onet FILE [-o CURRICULUM] [--hours N] [--importance X]\n";
        return exit_usage;
    }
    auto text = read_document(s.path, cp::Limits{}.max_document_bytes);
    if (!text) return exit_failure;
    auto imported = cp::import_framework(parsed.value().format, *text, parsed.value().options);
    if (!imported) {
        report(s.path, *text, imported.error());
        return exit_failure;
    }
    const cp::ImportResult &r = imported.value();
    std::optional<Output> out;
    if (s.output.empty()) out.emplace();
    else out.emplace(s.output);
    if (!out->ok()) return out->report();
    if (!(cp::indent_json(r.document, 2, [&](std::string_view piece) { return out->write(piece); }) &&
          out->write("\n") && out->close()))
        return out->report();

    const auto &options = parsed.value().options;
    std::ostringstream summary;
    summary << input_name(s.path) << ": imported (" << s.format.substr(0, s.format.find(';')) << "): " << r.skills
            << " skills, " << r.areas << " areas, " << r.prerequisites << " prerequisites, " << r.roles << " roles, "
            << r.notes << " import notes\n";
    summary << "  hours per level step: " << options.hours.value_or(cp::ImportOptions::default_hours)
            << (options.hours ? "" : " (the default; --hours N)") << "\n";
    if (parsed.value().format == cp::ImportFormat::onet)
        summary << "  roles require skills of Importance " << options.importance.value_or(cp::ImportOptions::default_importance)
                << " or more" << (options.importance ? "" : " (the default; --importance X)") << "\n";
    if (!r.notes_by_code.empty()) {
        summary << "  import notes:";
        for (std::size_t i = 0; i < r.notes_by_code.size(); ++i)
            summary << (i ? ", " : " ") << r.notes_by_code[i].first << " " << r.notes_by_code[i].second;
        summary << "\n";
    }
    if (!s.output.empty()) summary << "  written to " << s.output << "\n";
    std::cerr << summary.str();
    return exit_ok;
}

}  // namespace cli

// careerpath CLI — `careerpath import FORMAT FILE`: a published framework to a curriculum
// (docs/importing.md).
#pragma once

#include <string>

namespace cli {

struct ImportSettings {
    std::string format;      // "case" or "onet", options after ';' allowed
    std::string path;        // the input file, or "-"
    std::string output;      // -o FILE, or "" for standard output
    std::string hours;       // --hours, as given ("" where not)
    std::string importance;  // --importance, as given ("" where not)
};

// Writes the curriculum (indented JSON) to standard output or the -o file and a summary to
// standard error: the counts of skills, areas, prerequisites, roles and import notes. Returns the
// exit status: 2 for an unknown format or a bad option, 1 for input that does not import.
int import_framework(const ImportSettings &settings);

}  // namespace cli

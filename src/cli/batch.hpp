// careerpath batch: every line of a JSON Lines file planned, one line of output per line in, in
// order (README.md, "Batch planning" and "Command line").
#pragma once

#include <string>

namespace cli {

struct BatchSettings {
    unsigned threads = 0;
    bool progress = true;
    std::string out;  // empty: standard output
};

// REQUESTS is a path, or "-" for standard input. Returns the exit status.
int batch(const std::string &curriculum_path, const std::string &requests_path, const BatchSettings &settings);

}  // namespace cli

// The bundled example data for the unit tests: a file of examples/data as text, and the example
// curriculum loaded once.
#pragma once

#include <careerpath/curriculum.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace careerpath_test {

inline std::string read_text(const std::string &name) {
    std::ifstream in(std::string(CAREERPATH_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << name);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline const careerpath::Curriculum &example() {
    static const careerpath::Curriculum c = careerpath::Curriculum::load(read_text("engineering-growth.json")).value();
    return c;
}

}  // namespace careerpath_test

// Fuzz target for careerpath_export's one parser entry point, "mermaid-gantt": any bytes as a
// plan document, against the example curriculum (CAREERPATH_FUZZ_CURRICULUM). On success the
// chart must be text that starts with "gantt"; on failure the output stays NULL, the status is
// one an export of a document may return, and the error has a message.
#include "careerpath.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

namespace {

[[noreturn]] void fail(const char *what, int status) {
    std::fprintf(stderr, "export_gantt fuzz target: %s (status %d %s; last error \"%s\", pointer \"%s\")\n", what,
                 status, careerpath_status_name(static_cast<careerpath_status>(status)), careerpath_last_error(),
                 careerpath_last_error_pointer());
    std::abort();
}

const careerpath_curriculum *curriculum() {
    static const careerpath_curriculum *const loaded = [] {
        std::ifstream in(CAREERPATH_FUZZ_CURRICULUM, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        careerpath_curriculum *c = nullptr;
        if (careerpath_curriculum_load(&c, text.data(), text.size()) != CAREERPATH_OK)
            fail("the example curriculum does not load", 0);
        return c;  // kept for the whole run
    }();
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    char *chart = reinterpret_cast<char *>(&chart);  // a non-NULL sentinel: failure must reset it
    // A zero-length input still needs a non-NULL pointer: NULL input is a different (argument) error.
    const char *input = size ? reinterpret_cast<const char *>(data) : "";
    const careerpath_status status = careerpath_export(curriculum(), "mermaid-gantt", input, size, &chart);
    if (status == CAREERPATH_OK) {
        if (!chart) fail("export succeeded but returned NULL", status);
        if (std::strncmp(chart, "gantt", 5) != 0) fail("the chart does not start with \"gantt\"", status);
        careerpath_free(chart);
        return 0;
    }
    if (chart) fail("export failed but did not leave the output NULL", status);
    if (status != CAREERPATH_ERR_PARSE && status != CAREERPATH_ERR_SCHEMA && status != CAREERPATH_ERR_LIMIT &&
        status != CAREERPATH_ERR_MEMORY)
        fail("export returned a status it should never return", status);
    if (careerpath_last_error()[0] == '\0') fail("export failed with an empty message", status);
    return 0;
}

// Fuzz target for careerpath_export's one parser entry point, "mermaid-gantt": any bytes as a
// plan document, against the example curriculum (CAREERPATH_FUZZ_CURRICULUM). On success the
// chart must be text that starts with "gantt", ends with a line end (a NUL from the document
// would cut it mid-line) and holds no control character but LF; on failure the output stays NULL,
// the status is one an export of a document may return, and the error has a message.
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

[[noreturn]] void fail(const char *what, int status) { fuzz::fail("export_gantt", what, status); }

const careerpath_curriculum *curriculum() { return fuzz::example_curriculum(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    char *chart = reinterpret_cast<char *>(&chart);  // a non-NULL sentinel: failure must reset it
    // A zero-length input still needs a non-NULL pointer: NULL input is a different (argument) error.
    const char *input = size ? reinterpret_cast<const char *>(data) : "";
    const careerpath_status status = careerpath_export(curriculum(), "mermaid-gantt", input, size, &chart);
    if (status == CAREERPATH_OK) {
        if (!chart) fail("export succeeded but returned NULL", status);
        if (std::strncmp(chart, "gantt", 5) != 0) fail("the chart does not start with \"gantt\"", status);
        const std::size_t length = std::strlen(chart);
        if (chart[length - 1] != '\n') fail("the chart does not end with a line end: cut short", status);
        for (std::size_t i = 0; i < length; ++i) {
            const auto byte = static_cast<unsigned char>(chart[i]);
            if ((byte < 0x20 && byte != '\n') || byte == 0x7F) fail("a control character in the chart", status);
        }
        careerpath_free(chart);
        return 0;
    }
    fuzz::check_export_failure("export_gantt", status, chart);
    return 0;
}

// Fuzz target for careerpath_export "text": any bytes as a plan, scorecard or cohort report
// document, against the example curriculum (CAREERPATH_FUZZ_CURRICULUM). On success the report
// must end with a line end (a NUL from the document would cut it mid-line) and hold no control
// character but LF (README.md "The text report": the document's strings reach a terminal); on
// failure the output stays NULL, the status is one an export of a document may return, and the
// error has a message.
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

[[noreturn]] void fail(const char *what, int status) { fuzz::fail("export_text", what, status); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    char *report = reinterpret_cast<char *>(&report);  // a non-NULL sentinel: failure must reset it
    const char *input = size ? reinterpret_cast<const char *>(data) : "";
    const careerpath_status status = careerpath_export(fuzz::example_curriculum(), "text", input, size, &report);
    if (status == CAREERPATH_OK) {
        if (!report) fail("export succeeded but returned NULL", status);
        const std::size_t length = std::strlen(report);
        if (length == 0 || report[length - 1] != '\n') fail("the report does not end with a line end: cut short", status);
        for (std::size_t i = 0; i < length; ++i) {
            const auto byte = static_cast<unsigned char>(report[i]);
            if ((byte < 0x20 && byte != '\n') || byte == 0x7F) fail("a control character in the report", status);
        }
        careerpath_free(report);
        return 0;
    }
    fuzz::check_export_failure("export_text", status, report);
    return 0;
}

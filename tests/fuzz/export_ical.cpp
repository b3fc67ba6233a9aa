// Fuzz target for careerpath_export's "ical": any bytes as a plan document, against the example
// curriculum (CAREERPATH_FUZZ_CURRICULUM). On success the text must be a VCALENDAR in the wire
// format RFC 5545 asks for (every line ends in CRLF, holds no other control character and is at
// most 75 octets), and the same bytes must give the same text; on failure the output stays NULL, the
// status is one an export of a document may return, and the error has a message.
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace {

[[noreturn]] void fail(const char *what, int status) { fuzz::fail("export_ical", what, status); }

const careerpath_curriculum *curriculum() { return fuzz::example_curriculum(); }

// The content-line rules of RFC 5545 section 3.1, on the whole text.
void check_lines(std::string_view text) {
    constexpr std::string_view head = "BEGIN:VCALENDAR\r\n", tail = "END:VCALENDAR\r\n";
    if (text.substr(0, head.size()) != head) fail("the text does not start with BEGIN:VCALENDAR CRLF", 0);
    if (text.size() < tail.size() || text.substr(text.size() - tail.size()) != tail)
        fail("the text does not end with END:VCALENDAR CRLF", 0);
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find("\r\n", at);
        if (end == std::string_view::npos) fail("a line without CRLF", 0);
        const std::string_view line = text.substr(at, end - at);
        if (line.size() > 75) fail("a line longer than 75 octets", 0);
        if (line.find_first_of("\r\n") != std::string_view::npos) fail("a bare CR or LF inside a line", 0);
        for (const char ch : line)
            if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) fail("a control character inside a line", 0);
        at = end + 2;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    char *calendar = reinterpret_cast<char *>(&calendar);  // a non-NULL sentinel: failure must reset it
    // A zero-length input still needs a non-NULL pointer: NULL input is a different (argument) error.
    const char *input = size ? reinterpret_cast<const char *>(data) : "";
    const careerpath_status status = careerpath_export(curriculum(), "ical", input, size, &calendar);
    if (status == CAREERPATH_OK) {
        if (!calendar) fail("export succeeded but returned NULL", status);
        check_lines(calendar);
        char *again = nullptr;
        if (careerpath_export(curriculum(), "ical", input, size, &again) != CAREERPATH_OK || !again ||
            std::strcmp(again, calendar) != 0)
            fail("the same document gave a different calendar", status);
        careerpath_free(again);
        careerpath_free(calendar);
        return 0;
    }
    fuzz::check_export_failure("export_ical", status, calendar);
    return 0;
}

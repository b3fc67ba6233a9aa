// Fuzz target for careerpath_import of a CASE package ("case"): any bytes as the package,
// through the C ABI as an embedding application calls it. The contract is import_check.hpp's:
// a curriculum that loads, the same bytes twice, or a failure with a status, message and pointer.
#include "import_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    fuzz::check_import("import_case", "case", reinterpret_cast<const char *>(data), size, true);
    return 0;
}

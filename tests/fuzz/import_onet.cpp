// Fuzz target for careerpath_import of O*NET's Skills table ("onet"): any bytes as the
// tab-delimited text, through the C ABI, with a low Importance threshold so that more ratings
// become requirements. The contract is import_check.hpp's; O*NET text has no JSON to be
// malformed and no prerequisites to cycle, so only ERR_SCHEMA, ERR_LIMIT and ERR_MEMORY may fail it.
#include "import_check.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    fuzz::check_import("import_onet", "onet;importance=1.5", reinterpret_cast<const char *>(data), size, false);
    return 0;
}

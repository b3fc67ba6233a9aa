// A main() for fuzz targets built without libFuzzer: runs every file named on the command line,
// and every regular file in every directory named (recursively, in sorted order), through
// LLVMFuzzerTestOneInput once. CTest uses it to replay the seed corpus in every build; it also
// reproduces a crash file found by the fuzzer in an ordinary (e.g. gcc or sanitizer) build.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace fs = std::filesystem;

namespace {

bool read_file(const fs::path &path, std::vector<char> &out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

bool run_one(const fs::path &path) {
    std::vector<char> bytes;
    if (!read_file(path, bytes)) {
        std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
        return false;
    }
    // An exactly sized heap copy, as libFuzzer passes it, so that a sanitizer sees any read past
    // the end (the input is not NUL-terminated).
    const std::size_t size = bytes.size();
    std::unique_ptr<std::uint8_t[]> data(new std::uint8_t[size == 0 ? 1 : size]);
    std::copy(bytes.begin(), bytes.end(), data.get());
    LLVMFuzzerTestOneInput(data.get(), size);
    return true;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE_OR_DIRECTORY...\n", argv[0]);
        return 2;
    }
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);

    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> found;
            for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec))
                if (it->is_regular_file(ec)) found.push_back(it->path());
            if (ec) {
                std::fprintf(stderr, "replay: cannot list %s: %s\n", arg.c_str(), ec.message().c_str());
                return 1;
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(arg, ec)) {
            files.push_back(arg);
        } else {
            std::fprintf(stderr, "replay: no such file or directory: %s\n", arg.c_str());
            return 1;
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "replay: no inputs found\n");
        return 1;
    }

    std::size_t ran = 0;
    for (const auto &path : files) {
        // Named first, so that a crash or an abort says which input did it.
        std::fprintf(stderr, "Running: %s\n", path.c_str());
        if (!run_one(path)) return 1;
        ++ran;
    }
    std::printf("replay: ran %zu input%s through the fuzz target\n", ran, ran == 1 ? "" : "s");
    return 0;
}

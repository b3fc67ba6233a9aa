// What several benchmarks measure with: the example files read whole, the process's peak resident
// set, and the heap a call needs at its peak (counted by load.cpp's operator new and delete,
// which every benchmark program but careerpath_bench_batch links).
#pragma once

#include <sys/resource.h>

#include <atomic>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace heap {  // defined in load.cpp
extern std::atomic<std::size_t> live;
extern std::atomic<std::size_t> peak;
}  // namespace heap

namespace careerpath_bench {

inline std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline double max_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0;  // ru_maxrss is in KiB on Linux
}

/// The heap allocated at the peak since construction, above what was live then: construct it
/// just before the call measured, read bytes() just after.
class HeapPeak {
public:
    HeapPeak() : before_(heap::live.load()) { heap::peak.store(before_); }
    std::size_t bytes() const { return heap::peak.load() - before_; }

private:
    std::size_t before_;
};

}  // namespace careerpath_bench

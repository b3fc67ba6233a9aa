// careerpath — work on many items spread over worker threads (a cohort's learning paths, then
// its mentors' sessions): each item is done once, by whichever thread takes it next, and the
// first exception any item throws is rethrown on the calling thread once the workers are joined.
#pragma once

#include <careerpath/batch.hpp>  // max_batch_threads
#include <careerpath/version.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// Calls `work(i)` for every i in [0, n) on up to `threads` threads (0: one per core, at most
/// max_batch_threads), the calling thread among them; each call must touch only its own item.
/// A worker that cannot be started leaves its share to the others, so the answer never depends
/// on how many threads ran.
template <class Work>
void parallel_for(std::size_t n, unsigned threads, Work &&work) {
    const unsigned wanted = std::min(threads ? threads : std::max(1u, std::thread::hardware_concurrency()),
                                     max_batch_threads);
    const std::size_t helpers = std::min<std::size_t>(wanted, n) > 0 ? std::min<std::size_t>(wanted, n) - 1 : 0;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto run = [&] {
        for (std::size_t i; !stop.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < n;) {
            try {
                work(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!error) error = std::current_exception();
                stop = true;
            }
        }
    };
    {
        std::vector<std::jthread> workers;
        try {
            workers.reserve(helpers);
            for (std::size_t t = 0; t < helpers; ++t) workers.emplace_back(run);
        } catch (...) {
            // Fewer helpers: the threads started and this one do all the work.
        }
        run();
    }  // joins
    if (error) std::rethrow_exception(error);
}

}  // namespace detail
CAREERPATH_NAMESPACE_END

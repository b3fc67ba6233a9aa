// Batch planning. Workers claim lines in order from a shared cursor (so no index of the whole
// buffer is ever built) and write each answer into a ring of `window` slots; the calling thread
// takes the slots in order and feeds the sink. A worker may claim line i only while i is within
// `window` of the next line to deliver, which bounds both the answers held and the work ahead.
#include <careerpath/batch.hpp>
#include <careerpath/plan.hpp>

#include "io/batch_writer.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

class BatchRun {
public:
    BatchRun(std::string_view text, std::size_t window, const BatchWork &work)
        : text_(text), ring_(window), work_(work) {}

    void worker() {
        for (;;) {
            std::string_view line;
            std::size_t index = 0;
            {
                std::unique_lock lock(mutex_);
                claimable_.wait(lock, [&] { return stop_ || cursor_ >= text_.size() || next_ < delivered_ + ring_.size(); });
                if (stop_ || cursor_ >= text_.size()) return;
                index = next_++;
                const char *start = text_.data() + cursor_;
                const void *end = std::memchr(start, '\n', text_.size() - cursor_);
                const std::size_t length = end ? static_cast<std::size_t>(static_cast<const char *>(end) - start)
                                               : text_.size() - cursor_;
                line = std::string_view(start, length);
                cursor_ += length + 1;  // past the LF (or the end)
                if (cursor_ >= text_.size()) total_ = next_;
            }
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            std::string answer;
            try {
                answer = work_(line, index + 1);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            {
                std::lock_guard lock(mutex_);
                ring_[index % ring_.size()] = std::move(answer);
            }
            delivered_cv_.notify_all();
        }
    }

    // On the calling thread: hands the answers to the sink in order. False when it stopped early.
    bool deliver(const BatchSink &sink) {
        for (;;) {
            std::string answer;
            {
                std::unique_lock lock(mutex_);
                delivered_cv_.wait(lock, [&] {
                    return ring_[delivered_ % ring_.size()].has_value() || (total_ && delivered_ == *total_) ||
                           text_.empty() || error_;
                });
                if (error_) return false;
                if (text_.empty() || (total_ && delivered_ == *total_)) return true;
                auto &slot = ring_[delivered_ % ring_.size()];
                answer = std::move(*slot);
                slot.reset();
                ++delivered_;
            }
            claimable_.notify_all();
            bool go_on = false;
            try {
                go_on = sink(answer);
            } catch (...) {
                fail(std::current_exception());
                return false;
            }
            if (!go_on) {
                {
                    std::lock_guard lock(mutex_);
                    stop_ = true;
                }
                claimable_.notify_all();
                return false;
            }
        }
    }

    // An exception from the work or the sink stops everything; run_batch rethrows it once the
    // workers are joined.
    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(mutex_);
            if (!error_) error_ = e;
            stop_ = true;
        }
        claimable_.notify_all();
        delivered_cv_.notify_all();
    }

    std::exception_ptr error() {
        std::lock_guard lock(mutex_);
        return error_;
    }

private:
    std::string_view text_;
    std::vector<std::optional<std::string>> ring_;
    const BatchWork &work_;
    std::mutex mutex_;
    std::condition_variable claimable_, delivered_cv_;
    std::size_t cursor_ = 0;     // byte offset of the next line to claim
    std::size_t next_ = 0;       // index of the next line to claim
    std::size_t delivered_ = 0;  // index of the next line to hand to the sink
    std::optional<std::size_t> total_;  // the number of lines, once the cursor reaches the end
    bool stop_ = false;
    std::exception_ptr error_;
};

using io::error_line;

}  // namespace

Result<void> run_batch(std::string_view jsonl, const BatchOptions &options, const BatchWork &work,
                       const BatchSink &sink) {
    const unsigned threads = std::min(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()),
                                      max_batch_threads);
    const std::size_t window = options.window ? options.window : 8 * std::size_t{threads};
    BatchRun run(jsonl, window, work);
    std::vector<std::jthread> workers;
    try {
        workers.reserve(threads);
        for (unsigned t = 0; t < threads; ++t) workers.emplace_back([&run] { run.worker(); });
    } catch (...) {
        // The workers already started hold claimed lines nobody will deliver: stop them before
        // they are joined, or the join would wait for ever.
        run.fail(std::current_exception());
        workers.clear();
        throw;
    }
    const bool finished = run.deliver(sink);
    workers.clear();  // joins
    if (const std::exception_ptr e = run.error()) std::rethrow_exception(e);
    if (!finished) return make_error(Status::cancelled, "the batch was cancelled by its sink");
    return boost::outcome_v2::success();
}

std::string plan_line(const Curriculum &c, std::string_view request, std::size_t line_number, const Limits &limits) {
    try {
        if (request.find_first_not_of(" \t") == std::string_view::npos)
            return error_line(line_number, make_error(Status::parse, "an empty line: every line must hold a plan request"));
        auto text = plan_json_text(c, request, limits);
        if (!text) return error_line(line_number, text.error());
        return std::move(text).value();
    } catch (const std::bad_alloc &) {
        // Out of memory says nothing about the line: the batch stops with Status::memory rather
        // than answer a good request with an error line.
        throw;
    } catch (const std::exception &e) {
        return error_line(line_number, make_error(Status::internal, e.what()));
    }
}

Result<void> plan_batch(const Curriculum &c, std::string_view jsonl, const BatchOptions &options, const BatchSink &sink,
                        const Limits &limits) {
    return run_batch(
        jsonl, options, [&](std::string_view line, std::size_t n) { return plan_line(c, line, n, limits); }, sink);
}

CAREERPATH_NAMESPACE_END

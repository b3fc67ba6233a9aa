// careerpath — batch planning: every line of a JSON Lines buffer planned on worker threads, each
// answer handed back on the calling thread in input order, with a bounded window of lines in
// flight so that memory stays flat however many lines there are (README.md, "Batch planning";
// careerpath_plan_batch in capi/careerpath.h).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

/// More worker threads than this are not started.
inline constexpr unsigned max_batch_threads = 256;

struct BatchOptions {
    unsigned threads = 0;     ///< worker threads; 0: one per core (std::thread::hardware_concurrency); at most max_batch_threads
    std::size_t window = 0;   ///< lines in flight at most (claimed, planned or waiting); 0: 8 per thread
};

/// The answer to one line: `work` gets the line (without its line break; a trailing CR is
/// removed) and its number from 1, and returns one line of output without a line break.
using BatchWork = std::function<std::string(std::string_view line, std::size_t line_number)>;
/// Takes each answer in input order on the calling thread; returning false stops the batch.
using BatchSink = std::function<bool(std::string_view answer)>;

/// Runs `work` over every line of `jsonl` on the worker threads and hands each answer to `sink`
/// in input order. Lines are separated by LF; the empty text after a final LF is not a line, an
/// empty line elsewhere is. At most `window` lines are claimed and not yet handed to the sink, so
/// memory does not grow with the number of lines. Status::cancelled when the sink returns
/// false (the workers stop claiming lines and are joined before returning), else success. An
/// exception thrown by `work` or `sink` stops the batch the same way and is rethrown on the
/// calling thread once the workers are joined.
Result<void> run_batch(std::string_view jsonl, const BatchOptions &options, const BatchWork &work,
                       const BatchSink &sink);

/// One line of careerpath_plan_batch's output: the plan JSON exactly as careerpath_plan writes
/// it, or {"error": {"line": n, "status": "CAREERPATH_ERR_...", "message": ..., "pointer": ...}}.
std::string plan_line(const Curriculum &curriculum, std::string_view request, std::size_t line_number,
                      const Limits &limits = {});

/// run_batch with plan_line.
Result<void> plan_batch(const Curriculum &curriculum, std::string_view jsonl, const BatchOptions &options,
                        const BatchSink &sink, const Limits &limits = {});

CAREERPATH_NAMESPACE_END

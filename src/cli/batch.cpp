// careerpath batch. The requests are streamed: read in runs of whole lines (a few MiB at a time, or
// whatever a pipe holds) and each run planned with careerpath::run_batch, so memory stays flat
// however long the input, and a line may be as long as one document (max_document_bytes). The
// output is whole lines only: a line goes into the output buffer with its line break, the buffer
// is written out whole, and SIGINT or SIGTERM stops the batch between lines (README.md, "Command
// line").
#include "batch.hpp"

#include "exit_status.hpp"
#include "input.hpp"
#include "output.hpp"
#include "stop_signals.hpp"

#include <careerpath/careerpath.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include <unistd.h>

namespace cp = careerpath;

namespace cli {

namespace {

constexpr std::size_t run_bytes = 4u << 20;   // requests handed to one run_batch call, at least
constexpr std::size_t read_bytes = 1u << 20;  // one read

// 7s, 4m05s, 2h03m.
std::string format_duration(double seconds) {
    const auto s = static_cast<long long>(seconds + 0.5);
    char buffer[32];
    if (s < 60) std::snprintf(buffer, sizeof buffer, "%llds", s);
    else if (s < 3600) std::snprintf(buffer, sizeof buffer, "%lldm%02llds", s / 60, s % 60);
    else std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", s / 3600, s % 3600 / 60);
    return buffer;
}

// A one-line progress bar on stderr, redrawn in place with '\r' at most ten times a second:
//   [=========>          ]  48231/100000  48%  8123/s  ETA 6s
// When the number of lines is not known beforehand (requests from a pipe), the count and the rate:
//   48231 lines  8123/s
class ProgressBar {
public:
    using Clock = std::chrono::steady_clock;

    ProgressBar(std::optional<std::size_t> total, Clock::time_point start) : total_(total), start_(start) {}

    // Called for every answer; draws when 100 ms have passed since the last frame.
    void update(std::size_t done) {
        const auto now = Clock::now();
        if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
        draw(done, now);
    }

    // The last frame (whatever the time) and the line break after it.
    void finish(std::size_t done) {
        draw(done, Clock::now());
        ok_ = write_stderr("\n") && ok_;
    }

    // Every frame reached stderr.
    bool ok() const { return ok_; }

private:
    void draw(std::size_t done, Clock::time_point now) {
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double per_second = done > 0 && elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
        char rate[32] = "--/s";
        if (per_second > 0) std::snprintf(rate, sizeof rate, "%.0f/s", per_second);
        char line[160];
        int n = 0;
        if (total_) {
            constexpr int width = 30;
            const std::size_t total = *total_;
            const double fraction = total ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 1.0;
            std::string bar(width, ' ');
            const int filled = static_cast<int>(fraction * width);
            for (int i = 0; i < filled && i < width; ++i) bar[static_cast<std::size_t>(i)] = '=';
            if (filled < width && done > 0) bar[static_cast<std::size_t>(filled)] = '>';
            char eta[32] = "ETA --";
            if (per_second > 0)
                std::snprintf(eta, sizeof eta, "ETA %s",
                              format_duration(static_cast<double>(total > done ? total - done : 0) / per_second).c_str());
            const int digits = static_cast<int>(std::to_string(total).size());
            n = std::snprintf(line, sizeof line, "\r[%s] %*zu/%zu %3d%%  %s  %s", bar.c_str(), digits + 1, done, total,
                              static_cast<int>(fraction * 100), rate, eta);
        } else {
            n = std::snprintf(line, sizeof line, "\r%zu lines  %s", done, rate);
        }
        n = std::min(n, static_cast<int>(sizeof line) - 1);
        // Spaces over what is left of a longer previous frame.
        std::string frame(line, static_cast<std::size_t>(n));
        if (static_cast<std::size_t>(n) < width_) frame.append(width_ - static_cast<std::size_t>(n), ' ');
        width_ = std::max(width_, static_cast<std::size_t>(n));
        ok_ = write_stderr(frame) && ok_;
        drawn_ = true;
        last_ = now;
    }

    std::optional<std::size_t> total_;
    Clock::time_point start_, last_;
    bool drawn_ = false;
    bool ok_ = true;
    std::size_t width_ = 0;
};

// The requests in runs of whole lines. A line ends at LF (run_batch drops a CR before it); text
// after the last LF is a line too. A line is read no further than one byte past the limit, so
// an input without line breaks (/dev/zero) is not read for ever.
class RequestLines {
public:
    RequestLines(Input &in, std::size_t line_limit) : in_(in), limit_(line_limit) {}

    enum class Next { lines, end, too_long, stopped, failed };

    // The next run of whole lines, in `lines` until the next call. `too_long` once every line
    // before the one over the limit has been handed out.
    Next next(std::string_view &lines) {
        pending_.erase(0, handed_);
        line_start_ -= std::min(line_start_, handed_);
        handed_ = 0;
        auto hand = [&](std::size_t bytes) {
            handed_ = bytes;
            lines = std::string_view(pending_.data(), bytes);
            return Next::lines;
        };
        for (;;) {
            const std::size_t partial = pending_.size() - line_start_;
            if (partial > limit_) return line_start_ ? hand(line_start_) : Next::too_long;
            if (at_end_) return pending_.empty() ? Next::end : hand(pending_.size());
            // Plan what a pipe has given so far rather than wait for a full run.
            if (line_start_ && (pending_.size() >= run_bytes || !in_.ready())) return hand(line_start_);
            const std::size_t before = pending_.size();
            switch (in_.read_some(pending_, std::min(read_bytes, limit_ + 1 - partial))) {
            case Input::Read::data: break;
            case Input::Read::end: at_end_ = true; continue;
            case Input::Read::stopped: return Next::stopped;
            case Input::Read::failed: return Next::failed;
            }
            const std::string_view fresh = std::string_view(pending_).substr(before);
            if (const std::size_t last = fresh.rfind('\n'); last != std::string_view::npos)
                line_start_ = before + last + 1;
        }
    }

private:
    Input &in_;
    std::size_t limit_;
    std::string pending_;         // read and not yet planned
    std::size_t line_start_ = 0;  // where the line being read starts: just past the last LF in pending_
    std::size_t handed_ = 0;      // bytes of pending_ handed out by the last next()
    bool at_end_ = false;
};

// The answer for a line over the limit, in the form of careerpath::plan_line's error lines.
std::string too_long_line(std::size_t line_number, std::size_t limit) {
    const cp::Json error = {
        {"line", line_number},
        {"status", cp::status_name(cp::Status::limit)},
        {"message", "the line is longer than the limit of " + std::to_string(limit) + " bytes (max_document_bytes)"},
        {"pointer", ""}};
    return cp::Json{{"error", error}, {"schema_version", cp::schema_version}}.dump();
}

enum class Stop { none, read_failed, too_long, write_failed, exception, signal };

// One batch run: the requests read, planned and written, and the counts for the summary.
struct Run {
    Run(const cp::Curriculum &c, Input &in, Output &o, ProgressBar *b, unsigned threads)
        : curriculum(c), requests(in), out(o), bar(b) {
        options.threads = threads;
    }

    const cp::Curriculum &curriculum;
    Input &requests;
    Output &out;
    ProgressBar *bar;
    cp::BatchOptions options;
    std::size_t limit = cp::Limits{}.max_document_bytes;
    std::size_t done = 0, failed = 0;  // lines put into the output, and those of them that are errors
    std::string exception;             // what stopped the batch with Stop::exception

    bool take(std::string_view answer) {
        static constexpr std::string_view error_prefix = "{\"error\"";
        ++done;
        if (answer.substr(0, error_prefix.size()) == error_prefix) ++failed;
        return out.write_line(answer);
    }

    // Plans runs of lines until the input ends or something stops the batch.
    Stop plan_all() {
        const auto sink = [this](std::string_view answer) {
            if (stop_signal()) return false;  // the line before was the last
            if (!take(answer)) return false;
            if (bar) bar->update(done);
            return true;
        };
        RequestLines lines_in(requests, limit);
        for (;;) {
            std::string_view lines;
            switch (lines_in.next(lines)) {
            case RequestLines::Next::lines: break;
            case RequestLines::Next::end: return Stop::none;
            case RequestLines::Next::stopped: return Stop::signal;
            case RequestLines::Next::failed: return Stop::read_failed;
            case RequestLines::Next::too_long: take(too_long_line(done + 1, limit)); return Stop::too_long;
            }
            const std::size_t before = done;
            const auto work = [&](std::string_view line, std::size_t n) {
                return cp::plan_line(curriculum, line, before + n);
            };
            // run_batch rethrows what a line threw (out of memory, above all) once its workers are
            // joined; the lines already taken are whole and still go out.
            try {
                if (!cp::run_batch(lines, options, work, sink)) return out.ok() ? Stop::signal : Stop::write_failed;
            } catch (const std::bad_alloc &) {
                exception = "out of memory";
                return Stop::exception;
            } catch (const std::exception &e) {
                exception = std::string("internal error: ") + e.what();
                return Stop::exception;
            }
            if (!out.flush()) return Stop::write_failed;
        }
    }

    // The messages on stderr and the exit status.
    int finish(Stop stop, double seconds) {
        bool said = !bar || bar->ok();
        if (!out.ok()) out.report();
        if (stop == Stop::read_failed) requests.report();
        if (stop == Stop::exception) std::cerr << "careerpath: " << exception << "\n";
        if (stop == Stop::too_long)
            std::cerr << requests.name() << ": error: line " << done << " is longer than the limit of " << limit
                      << " bytes (max_document_bytes); the batch stops there\n"
                      << "  status: " << cp::status_name(cp::Status::limit) << "\n";
        char seconds_text[32];
        std::snprintf(seconds_text, sizeof seconds_text, "%.1f s", seconds);
        // A signal that comes after the last line still says the run was interrupted.
        if (const int signal = stop_signal(); signal || stop != Stop::none) {
            const std::string how = signal ? std::string("interrupted by ") + signal_name(signal) : "stopped";
            write_stderr("careerpath batch: " + how + ": " + std::to_string(out.lines_written()) + " lines written to " +
                         out.name() + ", " + seconds_text + "\n");
            return signal ? 128 + signal : exit_failure;
        }
        char figures[200];
        std::snprintf(figures, sizeof figures, "careerpath batch: %zu lines, %zu planned, %zu failed, %.1f s (%.0f lines/s)\n",
                      done, done - failed, failed, seconds, seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
        said = write_stderr(figures) && said;
        return failed || !said ? exit_failure : exit_ok;
    }
};

}  // namespace

int batch(const std::string &curriculum_path, const std::string &requests_path, const BatchSettings &settings) {
    Loaded loaded;
    if (int status = load(curriculum_path, loaded)) return status;
    Input requests(requests_path);
    if (requests.error()) return requests.report();
    std::optional<Output> out;
    if (settings.out.empty()) out.emplace();
    else out.emplace(settings.out);
    if (!out->ok()) return out->report();
    out->keep_whole_lines();

    // The bar needs stderr to be a terminal, and the JSON Lines not to go to that terminal too.
    const bool show_progress = settings.progress && ::isatty(2) && !(settings.out.empty() && ::isatty(1));
    const auto start = ProgressBar::Clock::now();
    std::optional<ProgressBar> bar;
    if (show_progress) bar.emplace(requests.count_lines(), start);
    if (bar) bar->update(0);

    // From here on SIGINT and SIGTERM stop the batch between lines instead of killing it.
    const StopSignals stop_signals;
    Run run(*loaded.curriculum, requests, *out, bar ? &*bar : nullptr, settings.threads);
    Stop stop = run.plan_all();
    if (!out->close() && stop == Stop::none) stop = Stop::write_failed;
    const double seconds = std::chrono::duration<double>(ProgressBar::Clock::now() - start).count();
    if (bar) bar->finish(run.done);
    return run.finish(stop, seconds);
}

}  // namespace cli

#include "input.hpp"

#include "exit_status.hpp"
#include "stop_signals.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cp = careerpath;

namespace cli {

namespace {

constexpr std::size_t read_chunk = 1u << 20;

}  // namespace

std::string input_name(const std::string &path) { return path == "-" ? "standard input" : path; }

Input::Input(const std::string &path) : name_(input_name(path)) {
    if (path == "-") {
        fd_ = STDIN_FILENO;
    } else {
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) {
            error_ = errno;
            return;
        }
        owned_ = true;
    }
    struct stat info {};
    if (::fstat(fd_, &info) != 0) {
        error_ = errno;
        return;
    }
    // Said at once rather than left to the first read (and to a stream library's wording).
    if (S_ISDIR(info.st_mode)) {
        error_ = EISDIR;
        return;
    }
    regular_ = S_ISREG(info.st_mode);
    if (regular_) size_ = static_cast<std::size_t>(info.st_size);
}

Input::~Input() {
    if (owned_) ::close(fd_);
}

Input::Read Input::read_some(std::string &buffer, std::size_t max) {
    if (error_) return Read::failed;
    const std::size_t before = buffer.size();
    buffer.resize(before + max);
    auto give = [&](std::size_t got, Read what) {
        buffer.resize(before + got);
        return what;
    };
    for (;;) {
        if (stop_signal()) return give(0, Read::stopped);
        // While stop signals are caught, wait on their pipe too: a signal that comes just before
        // the read would not interrupt it.
        if (const int wake = stop_wake_fd(); wake >= 0) {
            pollfd fds[2] = {{fd_, POLLIN, 0}, {wake, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0 && errno != EINTR) {
                error_ = errno;
                return give(0, Read::failed);
            }
            if (fds[1].revents) return give(0, Read::stopped);
            if (!fds[0].revents) continue;
        }
        const ssize_t n = ::read(fd_, buffer.data() + before, max);
        if (n > 0) return give(static_cast<std::size_t>(n), Read::data);
        if (n == 0) return give(0, Read::end);
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            // Standard input left non-blocking by whoever started us: wait for it.
            pollfd ready{fd_, POLLIN, 0};
            ::poll(&ready, 1, -1);
            continue;
        }
        error_ = errno;
        return give(0, Read::failed);
    }
}

bool Input::ready() const {
    if (regular_) return true;
    pollfd ready{fd_, POLLIN, 0};
    return ::poll(&ready, 1, 0) > 0;
}

std::optional<std::size_t> Input::count_lines() const {
    if (!regular_ || error_) return std::nullopt;
    off_t at = ::lseek(fd_, 0, SEEK_CUR);
    if (at < 0) return std::nullopt;
    std::string chunk(read_chunk, '\0');
    std::size_t lines = 0;
    char last = '\n';
    for (;;) {
        const ssize_t n = ::pread(fd_, chunk.data(), chunk.size(), at);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) break;
        lines += static_cast<std::size_t>(std::count(chunk.data(), chunk.data() + n, '\n'));
        last = chunk[static_cast<std::size_t>(n) - 1];
        at += n;
    }
    return lines + (last != '\n' ? 1 : 0);
}

int Input::report() const {
    std::cerr << name_ << ": error: cannot read: " << std::strerror(error_) << "\n";
    return exit_failure;
}

std::optional<std::string> read_document(const std::string &path, std::size_t limit) {
    Input in(path);
    if (in.error()) {
        in.report();
        return std::nullopt;
    }
    auto too_large = [&](const std::string &what) {
        std::cerr << in.name() << ": error: " << what << "\n"
                  << "  status: " << cp::status_name(cp::Status::limit) << "\n";
        return std::nullopt;
    };
    const std::string limit_text = "the limit of " + std::to_string(limit) + " bytes (max_document_bytes)";
    if (in.size() && *in.size() > limit)
        return too_large("the file is " + std::to_string(*in.size()) + " bytes, over " + limit_text);
    std::string text;
    if (in.size()) text.reserve(*in.size() + 1);  // + 1: the read that finds the end
    for (;;) {
        // One byte past the limit is enough to know the document is over it.
        if (text.size() > limit)
            return too_large("the input is over " + limit_text + "; reading stopped there");
        switch (in.read_some(text, std::min(read_chunk, limit + 1 - text.size()))) {
        case Input::Read::data: continue;
        case Input::Read::end: return text;
        case Input::Read::stopped:
            std::cerr << in.name() << ": error: reading stopped by " << signal_name(stop_signal()) << "\n";
            return std::nullopt;
        case Input::Read::failed: in.report(); return std::nullopt;
        }
    }
}

// FILE:LINE:COLUMN: error: MESSAGE (STATUS at POINTER)
void report(const std::string &path, std::string_view text, const cp::Error &error) {
    cp::TextPosition where;
    if (error.position) {
        where = *error.position;
    } else {
        where = cp::locate_pointer(text, error.pointer).position;
    }
    std::cerr << input_name(path) << ":" << where.line << ":" << where.column << ": error: " << error.message << "\n"
              << "  status: " << cp::status_name(error.status) << "\n";
    if (!error.pointer.empty()) std::cerr << "  at: " << error.pointer << "\n";
}

int load(const std::string &path, Loaded &out) {
    auto text = read_document(path, cp::Limits{}.max_document_bytes);
    if (!text) return exit_failure;
    out.text = std::move(*text);
    auto curriculum = cp::Curriculum::load(out.text);
    if (!curriculum) {
        report(path, out.text, curriculum.error());
        return exit_failure;
    }
    out.curriculum.emplace(std::move(curriculum).value());
    return exit_ok;
}

}  // namespace cli

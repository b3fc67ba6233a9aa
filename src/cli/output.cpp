#include "output.hpp"

#include "exit_status.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cli {

namespace {

constexpr std::size_t buffer_capacity = 1u << 20;

}  // namespace

int write_all(int fd, std::string_view data, std::size_t &written) {
    written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
            continue;
        }
        if (n == 0) return EIO;  // a write that makes no progress would loop for ever
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            // A descriptor left non-blocking by whoever started us: wait until it takes more.
            pollfd ready{fd, POLLOUT, 0};
            if (::poll(&ready, 1, -1) < 0 && errno != EINTR) return errno;
            continue;
        }
        return errno;
    }
    return 0;
}

bool write_stderr(std::string_view text) {
    std::size_t written = 0;
    return write_all(STDERR_FILENO, text, written) == 0;
}

Output::Output() : fd_(STDOUT_FILENO), name_("standard output") {}

Output::Output(const std::string &path) : owned_(true), name_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        error_ = errno;
        closed_ = true;
    }
}

Output::~Output() {
    if (owned_ && !closed_) ::close(fd_);
}

bool Output::fail(int error) {
    if (!error_) error_ = error;
    return false;
}

bool Output::write(std::string_view text) {
    if (error_) return false;
    // A whole report (a plan's JSON may be tens of MiB) goes out as it is, without a copy.
    if (buffer_.empty() && text.size() >= buffer_capacity) return send(text);
    buffer_.append(text);
    return buffer_.size() < buffer_capacity || flush();
}

bool Output::write_line(std::string_view line) {
    if (error_) return false;
    buffer_.append(line);
    buffer_.push_back('\n');
    return buffer_.size() < buffer_capacity || flush();
}

bool Output::flush() {
    if (error_) return false;
    const bool sent = send(buffer_);
    buffer_.clear();
    return sent;
}

bool Output::send(std::string_view text) {
    std::size_t written = 0;
    const int error = write_all(fd_, text, written);
    const std::string_view sent = text.substr(0, written);
    lines_written_ += static_cast<std::size_t>(std::count(sent.begin(), sent.end(), '\n'));
    if (!error) return true;
    const std::size_t last_break = sent.rfind('\n');
    const std::size_t whole = last_break == std::string_view::npos ? 0 : last_break + 1;
    if (whole_lines_ && written > whole) cut_back(written - whole);
    return fail(error);
}

// Only a regular file can be cut; a pipe or a terminal keeps the part of the line it was given,
// and report() says so.
void Output::cut_back(std::size_t torn_bytes) {
    struct stat info {};
    const off_t end = ::lseek(fd_, 0, SEEK_CUR);
    torn_ = !(::fstat(fd_, &info) == 0 && S_ISREG(info.st_mode) && end >= static_cast<off_t>(torn_bytes) &&
              ::ftruncate(fd_, end - static_cast<off_t>(torn_bytes)) == 0);
}

bool Output::close() {
    if (closed_) return ok();
    const bool flushed = flush();
    closed_ = true;
    // Linux closes the descriptor even when close() is interrupted; EINTR is no failure.
    if (::close(fd_) != 0 && errno != EINTR) return fail(errno);
    return flushed;
}

int Output::report() const {
    std::cerr << "careerpath: cannot write to " << name_ << ": " << std::strerror(error_)
              << (torn_ ? "; it ends in part of a line" : "") << "\n";
    return exit_failure;
}

}  // namespace cli

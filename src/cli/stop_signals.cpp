#include "stop_signals.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace cli {

namespace {

// Lock-free atomics are the shared state a signal handler may touch (C++17 [support.signal]).
static_assert(std::atomic<int>::is_always_lock_free);
std::atomic<int> caught{0};
std::atomic<int> wake_read{-1}, wake_write{-1};

constexpr int stop_signals[] = {SIGINT, SIGTERM};
struct sigaction previous[std::size(stop_signals)];
bool installed[std::size(stop_signals)];

void on_stop_signal(int signal) {
    const int saved_errno = errno;
    int none = 0;
    caught.compare_exchange_strong(none, signal);  // the first one is the one reported
    if (const int fd = wake_write.load(); fd >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);  // non-blocking; one byte is enough
    }
    errno = saved_errno;
}

}  // namespace

StopSignals::StopSignals() {
    int fds[2];
    if (::pipe(fds) == 0) {
        ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
        ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
        ::fcntl(fds[1], F_SETFL, O_NONBLOCK);
        wake_read = fds[0];
        wake_write = fds[1];
    }
    for (std::size_t i = 0; i < std::size(stop_signals); ++i) {
        struct sigaction current {};
        installed[i] = false;
        if (::sigaction(stop_signals[i], nullptr, &current) != 0 || current.sa_handler == SIG_IGN) continue;
        struct sigaction action {};
        action.sa_handler = on_stop_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;  // no SA_RESTART: a read waiting for requests returns EINTR
        installed[i] = ::sigaction(stop_signals[i], &action, &previous[i]) == 0;
    }
}

StopSignals::~StopSignals() {
    for (std::size_t i = 0; i < std::size(stop_signals); ++i)
        if (installed[i]) ::sigaction(stop_signals[i], &previous[i], nullptr);
    const int read_end = wake_read.exchange(-1), write_end = wake_write.exchange(-1);
    if (read_end >= 0) ::close(read_end);
    if (write_end >= 0) ::close(write_end);
}

int stop_signal() { return caught.load(); }

int stop_wake_fd() { return wake_read.load(); }

const char *signal_name(int signal) {
    switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
    }
}

}  // namespace cli

// careerpath CLI — SIGINT and SIGTERM as a request to stop cleanly (careerpath batch, README.md
// "Command line"). The handler only records the first signal and makes a pipe readable, both
// async-signal-safe; the program looks at the record between lines and waits for input on that
// pipe as well, so that a signal ends a wait for more requests.
#pragma once

namespace cli {

// Catches SIGINT and SIGTERM while it lives (a signal ignored when the program started stays
// ignored, as for a job started in the background); the previous handling comes back after.
class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;
};

// The signal that asked the program to stop, or 0.
int stop_signal();
// A descriptor that becomes readable when a signal asks to stop; -1 while none are caught.
int stop_wake_fd();
// "SIGINT", "SIGTERM".
const char *signal_name(int signal);

}  // namespace cli

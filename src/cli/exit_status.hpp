// careerpath CLI — exit statuses (README.md, "Command line"). A run stopped by SIGINT or SIGTERM
// exits 128 + the signal's number (130, 143), as shells report a process killed by it.
#pragma once

namespace cli {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;  // bad input, a failed read or write, a failed batch line
constexpr int exit_usage = 2;

}  // namespace cli

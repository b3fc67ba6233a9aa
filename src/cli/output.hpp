// careerpath CLI — checked output. Every write, the last flush and the close are checked, and a
// failure is reported once, naming where the bytes were going (README.md, "Command line").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cli {

// Writes all of `data` to `fd`, going on after a signal, a short write or a non-blocking
// descriptor that is full. Returns 0, or the errno of the failure; `written` gets the bytes that
// reached the descriptor either way.
int write_all(int fd, std::string_view data, std::size_t &written);

// Writes `text` to standard error; false when it could not.
bool write_stderr(std::string_view text);

// Standard output, or a file created (or truncated) for writing. Text is buffered and written
// whenever the buffer fills, on flush() and on close(). Once a write fails, nothing more is
// written and every call returns false.
class Output {
public:
    Output();                                  // standard output
    explicit Output(const std::string &path);  // the file PATH
    ~Output();
    Output(const Output &) = delete;
    Output &operator=(const Output &) = delete;

    bool write(std::string_view text);
    // `line` and its line break as one unit: a flush never falls between them.
    bool write_line(std::string_view line);
    bool flush();
    // Flushes and closes the descriptor (standard output's too, since some file systems report a
    // failed write only there).
    bool close();

    // Batch output: when a write fails part-way through a line of a regular file, the file is cut
    // back to its last whole line.
    void keep_whole_lines() { whole_lines_ = true; }

    bool ok() const { return error_ == 0; }
    const std::string &name() const { return name_; }
    // The lines (line breaks) that reached the destination.
    std::size_t lines_written() const { return lines_written_; }
    // "careerpath: cannot write to NAME: REASON" on stderr; returns exit_failure.
    int report() const;

private:
    bool send(std::string_view text);
    bool fail(int error);
    void cut_back(std::size_t torn_bytes);

    int fd_ = -1;
    bool owned_ = false;
    bool closed_ = false;
    bool whole_lines_ = false;
    bool torn_ = false;  // the destination ends in part of a line
    int error_ = 0;
    std::string name_;
    std::string buffer_;
    std::size_t lines_written_ = 0;
};

}  // namespace cli

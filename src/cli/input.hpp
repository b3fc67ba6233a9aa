// careerpath CLI — reading the program's inputs: files and standard input, with the document limit
// applied while reading (never after), and every failure reported naming the file and what went
// wrong (README.md, "Command line").
#pragma once

#include <careerpath/careerpath.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cli {

// How messages name an input: its path, or "standard input" for "-".
std::string input_name(const std::string &path);

// A file, or standard input for "-", open for reading.
class Input {
public:
    explicit Input(const std::string &path);
    ~Input();
    Input(const Input &) = delete;
    Input &operator=(const Input &) = delete;

    // The path, or "standard input".
    const std::string &name() const { return name_; }
    // Why it cannot be read (an errno: a directory is EISDIR), or 0.
    int error() const { return error_; }
    bool regular() const { return regular_; }
    // The size of a regular file.
    std::optional<std::size_t> size() const { return size_; }

    enum class Read { data, end, stopped, failed };
    // Appends up to `max` bytes to `buffer`, waiting for them if need be; `stopped` when a stop
    // signal came first (stop_signals.hpp), `failed` with error() set.
    Read read_some(std::string &buffer, std::size_t max);
    // More can be read at once, without waiting (always, for a regular file).
    bool ready() const;
    // A regular file's lines from where reading stands to its end (one per LF, and one more for
    // text after the last LF), counted without moving; nullopt for anything else.
    std::optional<std::size_t> count_lines() const;
    // "NAME: error: cannot read: REASON" on stderr; returns exit_failure.
    int report() const;

private:
    int fd_ = -1;
    bool owned_ = false;
    bool regular_ = false;
    std::optional<std::size_t> size_;
    int error_ = 0;
    std::string name_;
};

// The whole of a document (a curriculum, a request), read with `limit` (max_document_bytes)
// applied while reading; nullopt after a message on stderr that names the file.
std::optional<std::string> read_document(const std::string &path, std::size_t limit);

// A library error in a document: FILE:LINE:COLUMN: error: MESSAGE, its status and JSON Pointer.
void report(const std::string &path, std::string_view text, const careerpath::Error &error);

struct Loaded {
    std::string text;
    std::optional<careerpath::Curriculum> curriculum;
};

// Reads and loads a curriculum; exit_failure after a message naming the file.
int load(const std::string &path, Loaded &out);

}  // namespace cli

// careerpath — JSON trees for C++ users who hold documents as nlohmann::json, and the helpers
// that find places in JSON text.
//
// The library reads and writes JSON text itself (its own readers and writers, src/io/); nothing
// else in careerpath's API names a JSON tree. This header is for callers that already hold trees:
// each function here writes the tree as text (or parses the text) and calls the text API, so the
// results, errors and limits are exactly those of the text functions.
#pragma once

#include <careerpath/assessment.hpp>
#include <careerpath/cohort.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/export.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/match.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/scorecard.hpp>
#include <careerpath/version.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

using Json = nlohmann::json;

/// A parsed document that releases its tree without allocating. nlohmann's own destructor
/// allocates a stack to take a tree apart, which fails exactly when memory has run out and, in a
/// destructor, terminates the process; the library keeps every tree it parses in one of these.
class JsonDocument {
public:
    JsonDocument() = default;
    JsonDocument(JsonDocument &&other) noexcept : root_(std::move(other.root_)) {}
    JsonDocument &operator=(JsonDocument &&other) noexcept {
        release();
        root_ = std::move(other.root_);
        return *this;
    }
    JsonDocument(const JsonDocument &) = delete;
    JsonDocument &operator=(const JsonDocument &) = delete;
    ~JsonDocument() { release(); }

    const Json &root() const noexcept { return root_; }
    Json &root() noexcept { return root_; }

private:
    void release() noexcept;
    Json root_;
};

/// parse_json into a JsonDocument: what every reader of the library uses.
Result<JsonDocument> parse_document(std::string_view text, const Limits &limits = {});

/// Parses one JSON document. Enforces limits.max_document_bytes, limits.max_depth and
/// limits.max_string_bytes while parsing (Status::limit), so no over-deep tree is ever built.
/// Malformed JSON is Status::parse with the byte offset, line and column of the fault. A number
/// beyond the range of a double (1e999) is Status::schema, with the JSON Pointer of that number.
Result<Json> parse_json(std::string_view text, const Limits &limits = {});

/// The line and column (from 1) of a byte offset (from 0) in `text`.
TextPosition position_of(std::string_view text, std::size_t offset) noexcept;

/// Where the value named by an RFC 6901 pointer starts in `text`. Where the pointer names a
/// member that is absent, the result is the start of the nearest enclosing value that exists,
/// with `exact` false. Text that is not well-formed JSON is read as far as it goes.
struct Located {
    TextPosition position;
    bool exact = false;
};
Located locate_pointer(std::string_view text, std::string_view pointer);

/// Compact JSON text as careerpath writes it (no space outside strings), laid out with `indent`
/// spaces per level: the bytes nlohmann's dump(indent) gives for the same document, without
/// building its tree, so that a large output costs its text and no more.
std::string indent_json(std::string_view compact, int indent = 2);
/// The same text handed to `write` in pieces of about 64 KiB as it is made, so that a large
/// document is never held twice; stops, returning false, when `write` returns false.
bool indent_json(std::string_view compact, int indent, const std::function<bool(std::string_view)> &write);

/// A real number for output, rounded to a millionth so that 0.30000000000000004 prints as 0.3,
/// and never as -0.
Json json_number(double value);

/// Appends one reference token to a JSON Pointer, escaping '~' and '/' as RFC 6901 says.
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, std::size_t index);

// --- The text API with trees in and out ---------------------------------------------------------

Result<PlanRequest> read_plan_request(const Curriculum &curriculum, const Json &document, const Limits &limits = {});
Result<ScoreRequest> read_score_request(const Curriculum &curriculum, const Json &document, const Limits &limits = {});
Result<MatchRequest> read_match_request(const Curriculum &curriculum, const Json &document, const Limits &limits = {});
/// An "assessments" array; errors are named under `pointer`, the array's place in its document.
Result<std::vector<Assessment>> read_assessments(const Curriculum &curriculum, const Json &array,
                                                 const std::string &pointer, std::optional<Date> as_of,
                                                 const Limits &limits = {});

Json plan_to_json(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan);
Json scorecard_to_json(const Curriculum &curriculum, const ScoreRequest &request, const Scorecard &card);
Json cohort_to_json(const CohortReport &report);
Json match_to_json(const Curriculum &curriculum, const MatchRequest &request, const MatchResult &result);
/// describe_json_text as a tree.
Json describe(const Curriculum &curriculum);

/// A plan document as a Mermaid Gantt chart and as an iCalendar file: export_mermaid_gantt_from_json
/// and export_ical_from_json (export.hpp) of the tree's text.
Result<std::string> export_mermaid_gantt(const Json &plan_document);
Result<std::string> export_ical(const Json &plan_document);

CAREERPATH_NAMESPACE_END

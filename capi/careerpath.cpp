// The C ABI: a thin shell over the C++ API. Every body catches everything, so no exception
// crosses the boundary; every failure is kept per thread for careerpath_last_error().
#define CAREERPATH_BUILDING 1
#include "careerpath.h"

#include <careerpath/careerpath.hpp>
#include <careerpath/cohort.hpp>
#include <careerpath/cohort_plan.hpp>
#include <careerpath/import.hpp>
#include <careerpath/match.hpp>
#include <careerpath/scorecard.hpp>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>

struct careerpath_curriculum {
    careerpath::Curriculum curriculum;
};

namespace {

struct LastError {
    std::string message;
    std::string pointer;
};

LastError &last_error() {
    thread_local LastError error;
    return error;
}

careerpath_status fail(careerpath_status status, const char *message, const char *pointer = "") noexcept {
    try {
        last_error().message = message;
        last_error().pointer = pointer;
    } catch (...) {
        last_error().message.clear();
        last_error().pointer.clear();
    }
    return status;
}

careerpath_status fail(const careerpath::Error &error) noexcept {
    return fail(static_cast<careerpath_status>(error.status), error.message.c_str(), error.pointer.c_str());
}

careerpath_status succeed() noexcept {
    last_error().message.clear();
    last_error().pointer.clear();
    return CAREERPATH_OK;
}

// Runs `body` with every exception turned into a status.
template <class Body>
careerpath_status guarded(Body &&body) noexcept {
    try {
        return body();
    } catch (const std::bad_alloc &) {
        return fail(CAREERPATH_ERR_MEMORY, "out of memory");
    } catch (const std::exception &e) {
        return fail(CAREERPATH_ERR_INTERNAL, e.what());
    } catch (...) {
        return fail(CAREERPATH_ERR_INTERNAL, "unknown internal error");
    }
}

// A malloc'ed copy, so that careerpath_free is plain free() whatever allocator C++ uses.
char *copy_out(const std::string &text) {
    char *buffer = static_cast<char *>(std::malloc(text.size() + 1));
    if (!buffer) throw std::bad_alloc();
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    return buffer;
}

}  // namespace

static_assert(CAREERPATH_VERSION == careerpath::version_number, "C and C++ version numbers differ");
static_assert(std::string_view(CAREERPATH_SCHEMA_VERSION) == careerpath::schema_version,
              "C and C++ schema versions differ");

namespace {

// A request in, a JSON document out: the shape of careerpath_plan, _score, _cohort and _match. `answer`
// turns the curriculum and the request text into the document's text, or an Error.
template <class Answer>
careerpath_status document_call(const char *name, const careerpath_curriculum *curriculum, const char *request,
                                size_t len, char **out_json, Answer answer) {
    return guarded([&] {
        if (!out_json) return fail(CAREERPATH_ERR_ARGUMENT, (std::string(name) + ": out_json is NULL").c_str());
        *out_json = nullptr;
        if (!curriculum) return fail(CAREERPATH_ERR_ARGUMENT, (std::string(name) + ": curriculum is NULL").c_str());
        if (!request) return fail(CAREERPATH_ERR_ARGUMENT, (std::string(name) + ": request is NULL").c_str());
        careerpath::Result<std::string> text = answer(curriculum->curriculum, std::string_view(request, len));
        if (!text) return fail(text.error());
        *out_json = copy_out(text.value());
        return succeed();
    });
}

// The "html" export of careerpath_export: a plan, scorecard or cohort report document as a page
// (README.md "Reports"). One option may follow a ';': "html;today=2027-03-01", the day the plan's
// chart marks as today.
careerpath_status export_html(const careerpath::Curriculum &curriculum, std::string_view format, const char *input,
                              size_t len, char **out_text) {
    if (!input) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_export: input is NULL (html exports a plan, a scorecard or a cohort report)");
    careerpath::HtmlOptions options;
    if (format != "html") {
        const std::string_view option = format.substr(5);
        const std::string_view key = "today=";
        const auto day = option.rfind(key, 0) == 0 ? careerpath::Date::parse(option.substr(key.size())) : std::nullopt;
        if (!day)
            return fail(CAREERPATH_ERR_ARGUMENT, ("careerpath_export: unknown html option \"" + std::string(option) +
                                                  "\" (the one option is today=YYYY-MM-DD)").c_str());
        options.today = day;
    }
    auto text = careerpath::export_html_from_json(curriculum, std::string_view(input, len), options);
    if (!text) return fail(text.error());
    *out_text = copy_out(text.value());
    return succeed();
}

}  // namespace

extern "C" {

unsigned careerpath_version(void) { return CAREERPATH_VERSION; }

const char *careerpath_version_string(void) { return careerpath::version_string; }

const char *careerpath_status_name(careerpath_status status) {
    // A caller may pass any int: read the bits, since loading an out-of-range value as the enum
    // type is undefined behaviour.
    std::underlying_type_t<careerpath_status> value;
    static_assert(sizeof value == sizeof status);
    std::memcpy(&value, &status, sizeof value);
    return careerpath::status_name(static_cast<careerpath::Status>(value));
}

const char *careerpath_last_error(void) { return last_error().message.c_str(); }

const char *careerpath_last_error_pointer(void) { return last_error().pointer.c_str(); }

careerpath_status careerpath_curriculum_load(careerpath_curriculum **out, const char *json, size_t len) {
    return guarded([&] {
        if (!out) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_curriculum_load: out is NULL");
        *out = nullptr;
        if (!json) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_curriculum_load: json is NULL");
        auto loaded = careerpath::Curriculum::load(std::string_view(json, len));
        if (!loaded) return fail(loaded.error());
        *out = new careerpath_curriculum{std::move(loaded).value()};
        return succeed();
    });
}

void careerpath_curriculum_free(careerpath_curriculum *curriculum) { delete curriculum; }

careerpath_status careerpath_curriculum_describe(const careerpath_curriculum *curriculum, char **out_json) {
    return guarded([&] {
        if (!out_json) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_curriculum_describe: out_json is NULL");
        *out_json = nullptr;
        if (!curriculum)
            return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_curriculum_describe: curriculum is NULL");
        *out_json = copy_out(careerpath::describe_json_text(curriculum->curriculum));
        return succeed();
    });
}

careerpath_status careerpath_plan(const careerpath_curriculum *curriculum, const char *request, size_t len,
                                  char **out_json) {
    return document_call("careerpath_plan", curriculum, request, len, out_json,
                         [](const careerpath::Curriculum &c, std::string_view text) {
                             return careerpath::plan_json_text(c, text);
                         });
}

careerpath_status careerpath_plan_batch(const careerpath_curriculum *curriculum, const char *requests_jsonl, size_t len,
                                        unsigned threads, careerpath_sink_fn sink, void *user) {
    return guarded([&] {
        if (!curriculum) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_plan_batch: curriculum is NULL");
        if (!sink) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_plan_batch: sink is NULL");
        if (!requests_jsonl && len > 0) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_plan_batch: requests_jsonl is NULL");
        careerpath::BatchOptions options;
        options.threads = threads;
        auto done = careerpath::plan_batch(curriculum->curriculum, std::string_view(requests_jsonl ? requests_jsonl : "", len),
                                           options, [&](std::string_view line) {
                                               return sink(line.data(), line.size(), user) == 0;
                                           });
        if (!done) return fail(done.error());
        return succeed();
    });
}

careerpath_status careerpath_score(const careerpath_curriculum *curriculum, const char *request, size_t len,
                                   char **out_json) {
    return document_call("careerpath_score", curriculum, request, len, out_json,
                         [](const careerpath::Curriculum &c, std::string_view text) -> careerpath::Result<std::string> {
                             auto scored = careerpath::score_from_json(c, text);
                             if (!scored) return scored.error();
                             return careerpath::scorecard_to_json_text(c, scored.value().request, scored.value().card);
                         });
}

careerpath_status careerpath_cohort(const careerpath_curriculum *curriculum, const char *request, size_t len,
                                    char **out_json) {
    return document_call("careerpath_cohort", curriculum, request, len, out_json,
                         [](const careerpath::Curriculum &c, std::string_view text) -> careerpath::Result<std::string> {
                             auto report = careerpath::cohort_from_json(c, text);
                             if (!report) return report.error();
                             return careerpath::cohort_to_json_text(report.value());
                         });
}

careerpath_status careerpath_match(const careerpath_curriculum *curriculum, const char *request, size_t len,
                                   char **out_json) {
    return document_call("careerpath_match", curriculum, request, len, out_json,
                         [](const careerpath::Curriculum &c, std::string_view text) -> careerpath::Result<std::string> {
                             return careerpath::match_json_text(c, text);
                         });
}

careerpath_status careerpath_plan_cohort(const careerpath_curriculum *curriculum, const char *request, size_t len,
                                        char **out_json) {
    return document_call("careerpath_plan_cohort", curriculum, request, len, out_json,
                         [](const careerpath::Curriculum &c, std::string_view text) -> careerpath::Result<std::string> {
                             return careerpath::cohort_plan_json_text(c, text);
                         });
}

careerpath_status careerpath_export(const careerpath_curriculum *c, const char *format, const char *input,
                                    size_t len, char **out_text) {
    return guarded([&] {
        if (!out_text) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_export: out_text is NULL");
        *out_text = nullptr;
        if (!c) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_export: curriculum is NULL");
        if (!format) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_export: format is NULL");
        const std::string_view which(format);
        if (which == "dot") {
            *out_text = copy_out(careerpath::export_dot(c->curriculum));
            return succeed();
        }
        if (which == "mermaid-graph") {
            *out_text = copy_out(careerpath::export_mermaid_graph(c->curriculum));
            return succeed();
        }
        if (which == "mermaid-gantt" || which == "ical") {
            if (!input)
                return fail(CAREERPATH_ERR_ARGUMENT, ("careerpath_export: input is NULL (" + std::string(which) +
                                                      " exports a plan)").c_str());
            const std::string_view plan(input, len);
            auto text = which == "ical" ? careerpath::export_ical_from_json(plan)
                                        : careerpath::export_mermaid_gantt_from_json(c->curriculum, plan);
            if (!text) return fail(text.error());
            *out_text = copy_out(text.value());
            return succeed();
        }
        if (which == "text") {
            if (!input)
                return fail(CAREERPATH_ERR_ARGUMENT,
                            "careerpath_export: input is NULL (text reports a plan, a scorecard or a cohort report)");
            auto text = careerpath::export_text_from_json(c->curriculum, std::string_view(input, len));
            if (!text) return fail(text.error());
            *out_text = copy_out(text.value());
            return succeed();
        }
        if (which == "html" || which.rfind("html;", 0) == 0) return export_html(c->curriculum, which, input, len, out_text);
        const std::string message = "careerpath_export: unsupported format \"" + std::string(which) +
                                    "\" (supported: dot, mermaid-graph, mermaid-gantt, ical, text, html)";
        return fail(CAREERPATH_ERR_ARGUMENT, message.c_str());
    });
}

careerpath_status careerpath_import(const char *format, const char *input, size_t len, char **out_json) {
    return guarded([&] {
        if (!out_json) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_import: out_json is NULL");
        *out_json = nullptr;
        if (!format) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_import: format is NULL");
        if (!input) return fail(CAREERPATH_ERR_ARGUMENT, "careerpath_import: input is NULL");
        auto imported = careerpath::import_framework(std::string_view(format), std::string_view(input, len));
        if (!imported) return fail(imported.error());
        *out_json = copy_out(imported.value().document);
        return succeed();
    });
}

void careerpath_free(void *buffer) { std::free(buffer); }

}  // extern "C"

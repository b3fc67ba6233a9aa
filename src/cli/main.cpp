// careerpath — the command-line program: a thin shell over the C++ API for people and scripts.
// Exit status (exit_status.hpp): 0 success, 1 bad input or a failed read or write, 2 bad usage;
// a batch stopped by SIGINT or SIGTERM, 130 or 143.
#include "batch.hpp"
#include "exit_status.hpp"
#include "import.hpp"
#include "input.hpp"
#include "output.hpp"

#include <careerpath/careerpath.hpp>
#include <careerpath/cohort.hpp>
#include <careerpath/cohort_plan.hpp>
#include <careerpath/match.hpp>
#include <careerpath/scorecard.hpp>

#include <algorithm>
#include <cerrno>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace cp = careerpath;
using namespace cli;

namespace {

const char *const usage_text =
    "usage: careerpath COMMAND [OPTIONS] FILE...\n"
    "\n"
    "commands:\n"
    "  validate CURRICULUM                       check a curriculum; print a one-line summary\n"
    "  describe CURRICULUM [--format text|json]  levels, counts, roles, programs\n"
    "  graph CURRICULUM [--format dot|mermaid]   the unit graph as Graphviz DOT (default) or a\n"
    "                                            Mermaid flowchart\n"
    "  plan CURRICULUM REQUEST [--format text|json|mermaid|ical|html] [-o FILE] [--previous PLAN]\n"
    "                                            a learning plan: gaps, the dated path, phases,\n"
    "                                            milestones, sessions, warnings and a summary;\n"
    "                                            mermaid prints it as a Mermaid Gantt chart, ical\n"
    "                                            its sessions and milestones as iCalendar (.ics);\n"
    "                                            --previous: the plan this one replaces (a plan\n"
    "                                            JSON file), to say what changed; html: a page\n"
    "                                            to read and print (also for score and cohort)\n"
    "  score CURRICULUM REQUEST [--format text|json|html]\n"
    "                                            a scorecard: skill estimates by rater group,\n"
    "                                            readiness, growth, metrics, the composite and\n"
    "                                            progress against the plan\n"
    "  cohort CURRICULUM REQUEST [--format text|json|html]\n"
    "                                            the ROI table of many score requests for all\n"
    "                                            individuals, per team and per organization\n"
    "  cohort-plan CURRICULUM REQUEST [--format text|json|ical] [--mentor ID]\n"
    "                                            plan learners who share mentors together: no\n"
    "                                            mentor or learner in two sessions at once, no\n"
    "                                            mentor over their weekly hours; each learner's\n"
    "                                            plan and each mentor's calendar (ical: one\n"
    "                                            VCALENDAR per mentor); --mentor: that mentor's\n"
    "                                            calendar and learners only\n"
    "  match CURRICULUM REQUEST [--format text|json]\n"
    "                                            pair mentees with mentors (or form groups and give\n"
    "                                            each a mentor): the optimal assignment under\n"
    "                                            capacities and exclusions, every pair's score,\n"
    "                                            the reasons for the unmatched\n"
    "  batch CURRICULUM [REQUESTS.jsonl|-] [--threads N] [--no-progress] [-o FILE]\n"
    "                                            plan every line of a JSON Lines file (stdin for -\n"
    "                                            or none): one line of plan JSON or of\n"
    "                                            {\"error\": {\"line\": ...}} per request line, in\n"
    "                                            order; a progress bar and a summary on stderr;\n"
    "                                            exit 1 when some line failed\n"
    "  import case|onet FILE [-o CURRICULUM] [--hours N] [--importance X]\n"
    "                                            a CASE package or O*NET's Skills table (tab-\n"
    "                                            delimited text) as a curriculum: the JSON to\n"
    "                                            stdout or CURRICULUM, a summary on stderr;\n"
    "                                            --hours: per level step (default 10);\n"
    "                                            --importance: onet's threshold (default 3.0)\n"
    "\n"
    "A FILE of - is standard input (the curriculum or the request, not both).\n"
    "\n"
    "options:\n"
    "  -h, --help     show this help\n"
    "  --version      show the version\n"
    "  --set PATH=VALUE\n"
    "                 change the request before it is read (plan, score, cohort, match,\n"
    "                 cohort-plan; repeatable): PATH is dot-separated\n"
    "                 (learner.hours_per_week) or a JSON Pointer (/learner/hours_per_week);\n"
    "                 VALUE is read as JSON when it is JSON, else taken as a string:\n"
    "                 --set learner.hours_per_week=8\n"
    "                 --set target_date=2027-12-31\n"
    "  -o FILE        also write the plan as JSON to FILE (plan); write the JSON Lines to\n"
    "                 FILE instead of stdout (batch); write the curriculum to FILE (import)\n"
    "  --threads N    worker threads (batch); 0, the default: one per core\n"
    "  --no-progress  no progress bar (batch); there is none either when stderr is not a\n"
    "                 terminal, or when the JSON Lines go to a terminal on stdout\n"
    "  --mentor ID    one mentor's calendar (cohort-plan): text, json (the mentor's\n"
    "                 calendar object) or ical\n"
    "\n"
    "Exit status: 0 success; 1 bad input, a file that cannot be read or an output that cannot\n"
    "be written (a message names it), or a batch line that failed; 2 bad usage; 130 or 143 a\n"
    "batch stopped by SIGINT or SIGTERM (its output holds whole lines only).\n";

int usage_error(const std::string &message) {
    std::cerr << "careerpath: " << message << "\n\n" << usage_text;
    return exit_usage;
}

// A command's whole output to standard output, flushed and closed; exit_failure, after a message,
// when any of it cannot be written.
int print(std::string_view text) {
    Output out;
    if (out.write(text) && out.close()) return exit_ok;
    return out.report();
}

// A JSON document of the library's compact text, indented as it is written out: a large one
// (a matching lists every pair) is never held a second time.
int print_json(std::string_view compact) {
    Output out;
    if (cp::indent_json(compact, 2, [&](std::string_view piece) { return out.write(piece); }) && out.write("\n") &&
        out.close())
        return exit_ok;
    return out.report();
}

int validate(const std::string &path) {
    Loaded loaded;
    if (int status = load(path, loaded)) return status;
    const auto &c = *loaded.curriculum;
    std::ostringstream line;
    line << input_name(path) << ": valid curriculum \"" << c.id() << "\": " << c.skills().size() << " skills, "
         << c.graph().unit_count() << " units, " << c.graph().edge_count() << " edges, " << c.roles().size()
         << " roles, " << c.programs().size() << " programs\n";
    return print(line.str());
}

void describe_text(const cp::Curriculum &c, std::ostream &out) {
    const auto &levels = c.levels();
    out << c.title() << " (" << c.id() << ")\n\n";
    out << "Levels:   ";
    for (std::size_t i = 0; i < levels.size(); ++i) out << (i ? " < " : "") << levels.names()[i];
    out << "\nSkills:   " << c.skills().size() << " in " << c.areas().size() << " areas, "
        << c.graph().unit_count() << " units, " << c.graph().edge_count() << " edges ("
        << c.prerequisites().size() << " prerequisite entries)\n";
    for (const auto &area : c.areas()) {
        out << "  " << area << ":";
        std::size_t shown = 0;
        for (const auto &skill : c.skills())
            if (skill.area == area) out << (shown++ ? ", " : " ") << skill.id;
        out << "\n";
    }
    if (!c.roles().empty()) out << "\nRoles:\n";
    for (const auto &role : c.roles()) {
        out << "  " << role.id << " — " << role.title;
        if (role.extends) out << " (extends " << c.roles()[*role.extends].id << ")";
        out << "\n";
        for (const auto &req : role.requirements) {
            out << "    " << c.skills()[req.skill].id << " " << levels.name(req.level);
            if (req.weight != 1.0) out << " (weight " << req.weight << ")";
            out << "\n";
        }
    }
    if (!c.programs().empty()) out << "\nPrograms:\n";
    for (const auto &p : c.programs()) {
        out << "  " << p.id << " — " << p.title << ": " << p.months << " months, " << cp::to_string(p.format);
        if (p.format == cp::Program::Format::group) out << " of " << p.group_min << "-" << p.group_max;
        out << ", target role " << c.roles()[p.target_role].id << "\n";
        for (const auto &ph : p.phases) {
            out << "    months " << ph.first_month << "-" << ph.last_month << "  " << ph.title << ":";
            for (std::size_t i = 0; i < ph.focus.size(); ++i) out << (i ? ", " : " ") << ph.focus[i];
            out << "\n";
        }
        if (!p.session_types.empty()) {
            out << "    sessions:";
            for (std::size_t i = 0; i < p.session_types.size(); ++i)
                out << (i ? ", " : " ") << c.session_types()[p.session_types[i]].id;
            out << "\n";
        }
    }
    if (!c.session_types().empty()) out << "\nSession types:\n";
    for (const auto &t : c.session_types()) {
        out << "  " << t.id << " — " << t.title << ": " << t.minutes << " min, ";
        switch (t.recurrence) {
        case cp::SessionType::Recurrence::weekly: out << "every " << t.every << " week(s)"; break;
        case cp::SessionType::Recurrence::monthly: out << "every " << t.every << " month(s)"; break;
        case cp::SessionType::Recurrence::as_needed:
            out << "as needed, " << t.count << " in the " << t.weeks_before_target << " weeks before the target";
            break;
        }
        out << "\n";
    }
    if (!c.metrics().empty()) out << "\nMetrics:\n";
    for (const auto &m : c.metrics()) {
        out << "  " << m.id << " (" << cp::to_string(m.kind) << ", weight " << m.weight;
        if (m.target) out << ", target " << *m.target;
        out << ")\n";
    }
}

// The place a --set PATH names, as JSON Pointer tokens: a JSON Pointer ("/learner/hours_per_week",
// with ~1 and ~0 for '/' and '~') or dot-separated member names ("learner.hours_per_week");
// nullopt for an empty path or a bad escape.
std::optional<std::vector<std::string>> set_path(const std::string &path) {
    std::vector<std::string> tokens;
    if (path.empty()) return std::nullopt;
    if (path[0] == '/') {
        for (std::size_t at = 1;;) {
            const std::size_t end = std::min(path.find('/', at), path.size());
            std::string token;
            for (std::size_t i = at; i < end; ++i) {
                if (path[i] != '~') {
                    token += path[i];
                } else if (i + 1 < end && (path[i + 1] == '0' || path[i + 1] == '1')) {
                    token += path[++i] == '0' ? '~' : '/';
                } else {
                    return std::nullopt;
                }
            }
            tokens.push_back(std::move(token));
            if (end == path.size()) return tokens;
            at = end + 1;
        }
    }
    for (std::size_t at = 0;;) {
        const std::size_t end = std::min(path.find('.', at), path.size());
        if (end == at) return std::nullopt;  // "a..b", ".a", "a."
        tokens.push_back(path.substr(at, end - at));
        if (end == path.size()) return tokens;
        at = end + 1;
    }
}

// The request changed by each --set PATH=VALUE in turn (README "Command line"): VALUE as JSON
// where it is JSON, else as a string; members missing on the way are made objects; an array
// element is named by its index, or "-" for a new one at the end. A malformed request is
// reported against its file first; a path that cannot be followed is bad usage, naming it.
int apply_sets(const std::vector<std::string> &sets, const std::string &request_path, std::string &request_text) {
    if (sets.empty()) return exit_ok;
    auto request = cp::parse_json(request_text);
    if (!request) {
        report(request_path, request_text, request.error());
        return exit_failure;
    }
    cp::Json &root = request.value();
    for (const std::string &set : sets) {
        const std::size_t equals = set.find('=');
        if (equals == std::string::npos) return usage_error("--set needs PATH=VALUE, not \"" + set + "\"");
        const std::string path = set.substr(0, equals), text = set.substr(equals + 1);
        const auto tokens = set_path(path);
        auto bad_path = [&](const std::string &why) { return usage_error("--set: bad path \"" + path + "\": " + why); };
        if (!tokens) return bad_path("write member names with dots, or a JSON Pointer");
        auto parsed = cp::parse_json(text);
        cp::Json value = parsed ? std::move(parsed).value() : cp::Json(text);
        cp::Json *at = &root;
        std::string where;
        for (std::size_t i = 0; i < tokens->size(); ++i) {
            const std::string &token = (*tokens)[i];
            const bool last = i + 1 == tokens->size();
            if (at->is_null() && !where.empty()) *at = cp::Json::object();
            if (at->is_object()) {
                at = &(*at)[token];
            } else if (at->is_array()) {
                if (token == "-") {
                    at->push_back(nullptr);
                    at = &at->back();
                } else if (!token.empty() && token.size() < 10 &&
                           token.find_first_not_of("0123456789") == std::string::npos &&
                           (token == "0" || token[0] != '0') && std::stoul(token) < at->size()) {
                    at = &(*at)[std::stoul(token)];
                } else {
                    return bad_path((where.empty() ? std::string("the request") : where) + " is an array of " +
                                    std::to_string(at->size()) + " and \"" + token + "\" is no index of it");
                }
            } else {
                return bad_path((where.empty() ? std::string("the request") : where) + " is " +
                                std::string(at->type_name()) + ", which has no member \"" + token + "\"");
            }
            where += "/" + token;
            if (last) *at = value;
        }
    }
    request_text = root.dump(-1, ' ', false, cp::Json::error_handler_t::replace);
    return exit_ok;
}

// Loads the curriculum and reads the request file beside it (plan, score, cohort, match), with
// the --set changes made; `original` is the file's text, where errors are shown.
int load_with_request(const std::string &curriculum_path, const std::string &request_path,
                      const std::vector<std::string> &sets, Loaded &loaded, std::string &request_text,
                      std::string &original) {
    if (int status = load(curriculum_path, loaded)) return status;
    auto text = read_document(request_path, cp::Limits{}.max_document_bytes);
    if (!text) return exit_failure;
    original = *text;
    request_text = std::move(*text);
    return apply_sets(sets, request_path, request_text);
}

// An error in the request as read, shown where the file has it: after --set changes the text
// read is not the file's, so the place is found by the pointer alone.
void report_request(const std::string &path, const std::string &original, bool changed, cp::Error error) {
    if (changed) error.position.reset();
    report(path, original, error);
}

// The request with the plan document of `previous_path` as its "previous" (README
// "Re-planning"): the file's own JSON, so that an error in it is reported against that file.
// A request that is not a JSON object is left as it is, for the reader to say why.
int with_previous(const std::string &previous_path, std::string &request_text, std::string &previous_text) {
    auto text = read_document(previous_path, cp::Limits{}.max_document_bytes);
    if (!text) return exit_failure;
    previous_text = std::move(*text);
    auto previous = cp::parse_json(previous_text);
    if (!previous) {
        report(previous_path, previous_text, previous.error());
        return exit_failure;
    }
    auto request = cp::parse_json(request_text);
    if (!request || !request.value().is_object()) return exit_ok;
    request.value()["previous"] = std::move(previous).value();
    request_text = request.value().dump(-1, ' ', false, cp::Json::error_handler_t::replace);
    return exit_ok;
}

int plan(const std::string &curriculum_path, const std::string &request_path, const std::vector<std::string> &sets,
         const std::string &format, const std::string &json_out, const std::string &previous_path) {
    Loaded loaded;
    std::string text, original, previous_text;
    if (int status = load_with_request(curriculum_path, request_path, sets, loaded, text, original)) return status;
    if (!previous_path.empty())
        if (int status = with_previous(previous_path, text, previous_text)) return status;
    auto planned = cp::plan_from_json(*loaded.curriculum, text);
    if (!planned) {
        // An error in the previous plan is shown where that file has it.
        cp::Error error = planned.error();
        const std::string under = "/previous";
        if (!previous_path.empty() && error.pointer.rfind(under, 0) == 0 &&
            (error.pointer.size() == under.size() || error.pointer[under.size()] == '/')) {
            error.pointer = error.pointer.substr(under.size());
            error.position.reset();
            report(previous_path, previous_text, error);
        } else {
            report_request(request_path, original, !previous_path.empty() || !sets.empty(), error);
        }
        return exit_failure;
    }
    const auto &[request, result] = planned.value();
    // The document as text, indented without a tree; the exports draw the model.
    const std::string document = cp::indent_json(cp::plan_to_json_text(*loaded.curriculum, request, result)) + "\n";
    std::string shown;
    if (format == "json") {
        shown = document;
    } else if (format == "html") {
        auto page = cp::export_html_from_json(*loaded.curriculum, document);
        if (!page) {
            std::cerr << "careerpath: internal error: " << page.error().message << "\n";
            return exit_failure;
        }
        shown = std::move(page).value();
    } else if (format == "mermaid" || format == "ical") {
        auto exported = format == "ical" ? cp::export_ical(*loaded.curriculum, request, result)
                                         : cp::export_mermaid_gantt(*loaded.curriculum, request, result);
        if (!exported) {
            std::cerr << "careerpath: internal error: " << exported.error().message << "\n";
            return exit_failure;
        }
        shown = std::move(exported).value();
    } else {
        // The text report of the document itself: what careerpath_export "text" gives for it.
        auto report = cp::export_text_from_json(*loaded.curriculum, document);
        if (!report) {
            std::cerr << "careerpath: internal error: " << report.error().message << "\n";
            return exit_failure;
        }
        shown = std::move(report).value();
    }
    // The -o file is created first: when it cannot be, nothing is printed either.
    std::optional<Output> file;
    if (!json_out.empty()) {
        file.emplace(json_out);
        if (!file->ok()) return file->report();
    }
    if (file && !(file->write(document) && file->close())) return file->report();
    return print(shown);
}

// score, cohort and match: a request document in, a report out as text or JSON. `make` reads and
// answers the request; `json` and `text` write the answer.
template <class Make, class ToJson, class ToText>
int answer(const std::string &curriculum_path, const std::string &request_path, const std::vector<std::string> &sets,
           const std::string &format, Make make, ToJson json, ToText text_of) {
    Loaded loaded;
    std::string text, original;
    if (int status = load_with_request(curriculum_path, request_path, sets, loaded, text, original)) return status;
    auto made = make(*loaded.curriculum, text);
    if (!made) {
        report_request(request_path, original, !sets.empty(), made.error());
        return exit_failure;
    }
    if (format == "json") return print_json(json(*loaded.curriculum, made.value()));
    if (format == "html") {
        auto page = cp::export_html_from_json(*loaded.curriculum, json(*loaded.curriculum, made.value()));
        if (!page) {
            std::cerr << "careerpath: internal error: " << page.error().message << "\n";
            return exit_failure;
        }
        return print(page.value());
    }
    return print(text_of(*loaded.curriculum, made.value()));
}

// The text report of a scorecard or a cohort report: careerpath_export "text" of its document.
std::string report_text(const cp::Curriculum &c, const std::string &document) {
    auto text = cp::export_text_from_json(c, document);
    if (!text) throw std::logic_error("the text report of the library's own document: " + text.error().message);
    return std::move(text).value();
}

int score(const std::string &curriculum_path, const std::string &request_path, const std::vector<std::string> &sets,
          const std::string &format) {
    using Scored = cp::ScoredRequest;
    return answer(
        curriculum_path, request_path, sets, format,
        [](const cp::Curriculum &c, const std::string &text) { return cp::score_from_json(c, text); },
        [](const cp::Curriculum &c, const Scored &s) { return cp::scorecard_to_json_text(c, s.request, s.card); },
        [](const cp::Curriculum &c, const Scored &s) {
            return report_text(c, cp::scorecard_to_json_text(c, s.request, s.card));
        });
}

int cohort(const std::string &curriculum_path, const std::string &request_path, const std::vector<std::string> &sets,
           const std::string &format) {
    return answer(
        curriculum_path, request_path, sets, format,
        [](const cp::Curriculum &c, const std::string &text) { return cp::cohort_from_json(c, text); },
        [](const cp::Curriculum &, const cp::CohortReport &r) { return cp::cohort_to_json_text(r); },
        [](const cp::Curriculum &c, const cp::CohortReport &r) { return report_text(c, cp::cohort_to_json_text(r)); });
}

int match(const std::string &curriculum_path, const std::string &request_path, const std::vector<std::string> &sets,
          const std::string &format) {
    using Matched = cp::MatchedRequest;
    return answer(
        curriculum_path, request_path, sets, format,
        [](const cp::Curriculum &c, const std::string &text) { return cp::match_from_json(c, text); },
        [](const cp::Curriculum &c, const Matched &m) { return cp::match_to_json_text(c, m.request, m.result); },
        [](const cp::Curriculum &c, const Matched &m) { return cp::match_to_text(c, m.request, m.result); });
}

// A cohort's plan (docs/cohort-planning.md): the report, the document, or the mentors'
// calendars as iCalendar; with `mentor_id`, one mentor's.
int cohort_plan(const std::string &curriculum_path, const std::string &request_path, const std::vector<std::string> &sets,
                const std::string &format, const std::string &mentor_id) {
    Loaded loaded;
    std::string text, original;
    if (int status = load_with_request(curriculum_path, request_path, sets, loaded, text, original)) return status;
    const cp::Curriculum &c = *loaded.curriculum;
    auto planned = cp::cohort_plan_from_json(c, text);
    if (!planned) {
        report_request(request_path, original, !sets.empty(), planned.error());
        return exit_failure;
    }
    const auto &[request, result] = planned.value();
    std::optional<std::size_t> mentor;
    if (!mentor_id.empty()) {
        for (std::size_t m = 0; m < request.mentors.size(); ++m)
            if (request.mentors[m].mentor.id == mentor_id) mentor = m;
        if (!mentor) {
            std::cerr << input_name(request_path) << ": error: no mentor of the cohort has the id \"" << mentor_id
                      << "\" (--mentor)\n";
            return exit_failure;
        }
    }
    if (format == "json") {
        const std::string document = cp::cohort_plan_to_json_text(c, request, result);
        if (!mentor) return print_json(document);
        // The mentor's calendar: the document's "mentors" entry, as it is written there.
        auto parsed = cp::parse_json(document);
        if (!parsed) {
            std::cerr << "careerpath: internal error: " << parsed.error().message << "\n";
            return exit_failure;
        }
        return print_json(parsed.value()["mentors"][*mentor].dump(-1, ' ', false, cp::Json::error_handler_t::replace));
    }
    if (format == "ical") {
        std::string calendars;
        for (std::size_t m = 0; m < request.mentors.size(); ++m) {
            if (mentor && m != *mentor) continue;
            auto exported = cp::export_mentor_ical(c, request, result, m);
            if (!exported) {
                std::cerr << "careerpath: internal error: " << exported.error().message << "\n";
                return exit_failure;
            }
            calendars += exported.value();
        }
        return print(calendars);
    }
    return print(cp::cohort_plan_to_text(c, request, result, mentor));
}

int graph(const std::string &path, const std::string &format) {
    Loaded loaded;
    if (int status = load(path, loaded)) return status;
    return print(format == "mermaid" ? cp::export_mermaid_graph(*loaded.curriculum) : cp::export_dot(*loaded.curriculum));
}

int describe(const std::string &path, const std::string &format) {
    Loaded loaded;
    if (int status = load(path, loaded)) return status;
    if (format == "json") return print_json(cp::describe_json_text(*loaded.curriculum));
    std::ostringstream text;
    describe_text(*loaded.curriculum, text);
    return print(text.str());
}

// Started with standard input, output or error closed, the program would hand that number to
// the next file it opens (a -o file would then get the text meant for standard output). Each
// closed one is held by /dev/null opened the wrong way round, so that using it still fails
// (EBADF) and says so.
void reserve_standard_descriptors() {
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        const int held = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (held >= 0 && held != fd) ::close(held);  // cannot happen: the lowest free number is fd
    }
}

}  // namespace

int main(int argc, char **argv) {
    reserve_standard_descriptors();
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command, format, json_out, previous_path, import_hours, import_importance, mentor_id;
    bool format_given = false, threads_given = false, no_progress = false;
    unsigned threads = 0;
    std::vector<std::string> files, sets;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto &a = args[i];
        if (a == "-h" || a == "--help") return print(usage_text);
        if (a == "--version") return print(std::string("careerpath ") + cp::version_string + "\n");
        if (a == "--format" || a.rfind("--format=", 0) == 0) {
            format_given = true;
            if (a == "--format") {
                if (i + 1 >= args.size()) return usage_error("--format needs a value");
                format = args[++i];
            } else {
                format = a.substr(9);
            }
        } else if (a == "-o") {
            if (i + 1 >= args.size()) return usage_error("-o needs a file");
            json_out = args[++i];
        } else if (a == "--threads" || a.rfind("--threads=", 0) == 0) {
            std::string value;
            if (a == "--threads") {
                if (i + 1 >= args.size()) return usage_error("--threads needs a number");
                value = args[++i];
            } else {
                value = a.substr(10);
            }
            if (value.empty() || value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos ||
                std::stoul(value) > 1024)
                return usage_error("--threads needs a number from 0 to 1024, not \"" + value + "\"");
            threads = static_cast<unsigned>(std::stoul(value));
            threads_given = true;
        } else if (a == "--previous") {
            if (i + 1 >= args.size()) return usage_error("--previous needs a plan document file");
            previous_path = args[++i];
        } else if (a == "--hours" || a == "--importance") {
            if (i + 1 >= args.size()) return usage_error(a + " needs a number");
            (a == "--hours" ? import_hours : import_importance) = args[++i];
        } else if (a == "--set" || a.rfind("--set=", 0) == 0) {
            if (a == "--set" && i + 1 >= args.size()) return usage_error("--set needs PATH=VALUE");
            sets.push_back(a == "--set" ? args[++i] : a.substr(6));
        } else if (a == "--mentor" || a.rfind("--mentor=", 0) == 0) {
            if (a == "--mentor") {
                if (i + 1 >= args.size()) return usage_error("--mentor needs a mentor's id");
                mentor_id = args[++i];
            } else {
                mentor_id = a.substr(9);
            }
            if (mentor_id.empty()) return usage_error("--mentor needs a mentor's id");
        } else if (a == "--no-progress") {
            no_progress = true;
        } else if (a.size() > 1 && a[0] == '-') {
            return usage_error("unknown option \"" + a + "\"");
        } else if (command.empty()) {
            command = a;
        } else {
            files.push_back(a);
        }
    }
    if (command.empty()) return usage_error("no command given");
    const bool with_request = command == "plan" || command == "score" || command == "cohort" || command == "match" ||
                              command == "cohort-plan";
    const std::size_t wanted = with_request ? 2 : 1;
    if (command != "validate" && command != "describe" && command != "graph" && command != "batch" && command != "import" &&
        !with_request)
        return usage_error("unknown command \"" + command + "\"");
    if (!sets.empty() && !with_request) return usage_error("--set is for plan, score, cohort, match and cohort-plan only");
    // Standard input can be read once: for one file only.
    if (std::count(files.begin(), files.end(), "-") + (previous_path == "-") +
            (command == "batch" && files.size() == 1 && files[0] == "-") >
        1)
        return usage_error("standard input (-) can be read for one file only, here the curriculum or the request");
    if (!mentor_id.empty() && command != "cohort-plan") return usage_error("--mentor is for cohort-plan only");
    if (command == "batch") {
        if (format_given) return usage_error("batch writes JSON Lines and takes no --format");
        if (files.empty()) return usage_error("batch needs a CURRICULUM and a REQUESTS file (or - for stdin)");
        if (files.size() > 2) return usage_error("too many arguments");
        try {
            return batch(files[0], files.size() == 2 ? files[1] : std::string("-"),
                         BatchSettings{threads, !no_progress, json_out});
        } catch (const std::exception &e) {
            std::cerr << "careerpath: internal error: " << e.what() << "\n";
            return exit_failure;
        }
    }
    if (command == "import") {
        if (format_given) return usage_error("import takes no --format: its FORMAT is its first argument");
        if (files.size() != 2) return usage_error("import needs a FORMAT (case or onet) and a FILE");
        if (threads_given || no_progress || !previous_path.empty()) return usage_error("import takes -o, --hours and --importance only");
        try {
            return import_framework(ImportSettings{files[0], files[1], json_out, import_hours, import_importance});
        } catch (const std::exception &e) {
            std::cerr << "careerpath: internal error: " << e.what() << "\n";
            return exit_failure;
        }
    }
    if (!import_hours.empty() || !import_importance.empty()) return usage_error("--hours and --importance are for import only");
    if (threads_given || no_progress) return usage_error("--threads and --no-progress are for batch only");
    if (!json_out.empty() && command != "plan") return usage_error("-o is for plan and batch only");
    if (!previous_path.empty() && command != "plan") return usage_error("--previous is for plan only");
    // Which formats each command knows; the first is the default.
    const std::vector<std::string> formats = command == "graph" ? std::vector<std::string>{"dot", "mermaid"}
                                             : command == "plan" ? std::vector<std::string>{"text", "json", "mermaid", "ical", "html"}
                                             : command == "score" || command == "cohort"
                                                 ? std::vector<std::string>{"text", "json", "html"}
                                             : command == "cohort-plan" ? std::vector<std::string>{"text", "json", "ical"}
                                                                        : std::vector<std::string>{"text", "json"};
    if (!format_given) format = formats.front();
    if (std::find(formats.begin(), formats.end(), format) == formats.end())
        return usage_error("unknown format \"" + format + "\" for " + command);
    if (files.size() < wanted)
        return usage_error(command + (wanted == 2 ? " needs a CURRICULUM and a REQUEST file" : " needs a curriculum FILE"));
    if (files.size() > wanted) return usage_error("too many arguments");
    try {
        if (command == "plan") return plan(files[0], files[1], sets, format, json_out, previous_path);
        if (command == "score") return score(files[0], files[1], sets, format);
        if (command == "cohort") return cohort(files[0], files[1], sets, format);
        if (command == "match") return match(files[0], files[1], sets, format);
        if (command == "cohort-plan") return cohort_plan(files[0], files[1], sets, format, mentor_id);
        if (command == "graph") return graph(files[0], format);
        return command == "validate" ? validate(files[0]) : describe(files[0], format);
    } catch (const std::exception &e) {
        std::cerr << "careerpath: internal error: " << e.what() << "\n";
        return exit_failure;
    }
}

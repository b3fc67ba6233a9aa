// careerpath — the command-line program: a thin shell over the C++ API for people and scripts.
// Exit status: 0 success, 1 bad input, 2 bad usage.
#include <careerpath/careerpath.hpp>
#include <careerpath/cohort.hpp>
#include <careerpath/match.hpp>
#include <careerpath/scorecard.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace cp = careerpath;

namespace {

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 1;
constexpr int exit_usage = 2;

const char *const usage_text =
    "usage: careerpath COMMAND [OPTIONS] FILE...\n"
    "\n"
    "commands:\n"
    "  validate CURRICULUM                       check a curriculum; print a one-line summary\n"
    "  describe CURRICULUM [--format text|json]  levels, counts, roles, programs\n"
    "  graph CURRICULUM [--format dot|mermaid]   the unit graph as Graphviz DOT (default) or a\n"
    "                                            Mermaid flowchart\n"
    "  plan CURRICULUM REQUEST [--format text|json|mermaid|ical] [-o FILE]\n"
    "                                            a learning plan: gaps, the dated path, phases,\n"
    "                                            milestones, sessions, warnings and a summary;\n"
    "                                            mermaid prints it as a Mermaid Gantt chart, ical\n"
    "                                            its sessions and milestones as iCalendar (.ics)\n"
    "  score CURRICULUM REQUEST [--format text|json]\n"
    "                                            a scorecard: skill estimates by rater group,\n"
    "                                            readiness, growth, metrics, the composite and\n"
    "                                            progress against the plan\n"
    "  cohort CURRICULUM REQUEST [--format text|json]\n"
    "                                            the ROI table of many score requests for all\n"
    "                                            individuals, per team and per organization\n"
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
    "\n"
    "options:\n"
    "  -h, --help     show this help\n"
    "  --version      show the version\n"
    "  -o FILE        also write the plan as JSON to FILE (plan); write the JSON Lines to\n"
    "                 FILE instead of stdout (batch)\n"
    "  --threads N    worker threads (batch); 0, the default: one per core\n"
    "  --no-progress  no progress bar (batch); there is none either when stderr is not a\n"
    "                 terminal, or when the JSON Lines go to a terminal on stdout\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 bad usage.\n";

int usage_error(const std::string &message) {
    std::cerr << "careerpath: " << message << "\n\n" << usage_text;
    return exit_usage;
}

std::optional<std::string> read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// FILE:LINE:COLUMN: error: MESSAGE (STATUS at POINTER)
void report(const std::string &path, std::string_view text, const cp::Error &error) {
    cp::TextPosition where;
    if (error.position) {
        where = *error.position;
    } else {
        where = cp::locate_pointer(text, error.pointer).position;
    }
    std::cerr << path << ":" << where.line << ":" << where.column << ": error: " << error.message << "\n"
              << "  status: " << cp::status_name(error.status) << "\n";
    if (!error.pointer.empty()) std::cerr << "  at: " << error.pointer << "\n";
}

struct Loaded {
    std::string text;
    std::optional<cp::Curriculum> curriculum;
};

int load(const std::string &path, Loaded &out) {
    auto text = read_file(path);
    if (!text) {
        std::cerr << path << ": error: cannot read the file\n";
        return exit_bad_input;
    }
    out.text = std::move(*text);
    auto curriculum = cp::Curriculum::load(out.text);
    if (!curriculum) {
        report(path, out.text, curriculum.error());
        return exit_bad_input;
    }
    out.curriculum.emplace(std::move(curriculum).value());
    return exit_ok;
}

int validate(const std::string &path) {
    Loaded loaded;
    if (int status = load(path, loaded)) return status;
    const auto &c = *loaded.curriculum;
    std::cout << path << ": valid curriculum \"" << c.id() << "\": " << c.skills().size() << " skills, "
              << c.graph().unit_count() << " units, " << c.graph().edge_count() << " edges, "
              << c.roles().size() << " roles, " << c.programs().size() << " programs\n";
    return exit_ok;
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

// Loads the curriculum and reads the request file beside it (plan, score, cohort, match).
int load_with_request(const std::string &curriculum_path, const std::string &request_path, Loaded &loaded,
                      std::string &request_text) {
    if (int status = load(curriculum_path, loaded)) return status;
    auto text = read_file(request_path);
    if (!text) {
        std::cerr << request_path << ": error: cannot read the file\n";
        return exit_bad_input;
    }
    request_text = std::move(*text);
    return exit_ok;
}

int plan(const std::string &curriculum_path, const std::string &request_path, const std::string &format,
         const std::string &json_out) {
    Loaded loaded;
    std::string text;
    if (int status = load_with_request(curriculum_path, request_path, loaded, text)) return status;
    auto planned = cp::plan_from_json(*loaded.curriculum, text);
    if (!planned) {
        report(request_path, text, planned.error());
        return exit_bad_input;
    }
    const auto &[request, result] = planned.value();
    const cp::Json document = cp::plan_to_json(*loaded.curriculum, request, result);
    if (format == "json") {
        std::cout << document.dump(2) << "\n";
    } else if (format == "mermaid" || format == "ical") {
        auto exported = format == "ical" ? cp::export_ical(document) : cp::export_mermaid_gantt(document);
        if (!exported) {
            std::cerr << "careerpath: internal error: " << exported.error().message << "\n";
            return exit_bad_input;
        }
        // Binary, so that the iCalendar CRLFs reach the file as they are on every platform.
        std::cout.write(exported.value().data(), static_cast<std::streamsize>(exported.value().size()));
    } else {
        std::cout << cp::plan_to_text(*loaded.curriculum, request, result);
    }
    if (!json_out.empty()) {
        std::ofstream out(json_out, std::ios::binary);
        out << document.dump(2) << "\n";
        if (!out) {
            std::cerr << json_out << ": error: cannot write the file\n";
            return exit_bad_input;
        }
    }
    return exit_ok;
}

// score, cohort and match: a request document in, a report out as text or JSON. `make` reads and
// answers the request; `json` and `text` write the answer.
template <class Make, class ToJson, class ToText>
int answer(const std::string &curriculum_path, const std::string &request_path, const std::string &format, Make make,
           ToJson json, ToText text_of) {
    Loaded loaded;
    std::string text;
    if (int status = load_with_request(curriculum_path, request_path, loaded, text)) return status;
    auto made = make(*loaded.curriculum, text);
    if (!made) {
        report(request_path, text, made.error());
        return exit_bad_input;
    }
    if (format == "json") std::cout << json(*loaded.curriculum, made.value()).dump(2) << "\n";
    else std::cout << text_of(*loaded.curriculum, made.value());
    return exit_ok;
}

int score(const std::string &curriculum_path, const std::string &request_path, const std::string &format) {
    using Scored = cp::ScoredRequest;
    return answer(
        curriculum_path, request_path, format,
        [](const cp::Curriculum &c, const std::string &text) { return cp::score_from_json(c, text); },
        [](const cp::Curriculum &c, const Scored &s) { return cp::scorecard_to_json(c, s.request, s.card); },
        [](const cp::Curriculum &c, const Scored &s) { return cp::scorecard_to_text(c, s.request, s.card); });
}

int cohort(const std::string &curriculum_path, const std::string &request_path, const std::string &format) {
    return answer(
        curriculum_path, request_path, format,
        [](const cp::Curriculum &c, const std::string &text) { return cp::cohort_from_json(c, text); },
        [](const cp::Curriculum &, const cp::CohortReport &r) { return cp::cohort_to_json(r); },
        [](const cp::Curriculum &, const cp::CohortReport &r) { return cp::cohort_to_text(r); });
}

int match(const std::string &curriculum_path, const std::string &request_path, const std::string &format) {
    using Matched = cp::MatchedRequest;
    return answer(
        curriculum_path, request_path, format,
        [](const cp::Curriculum &c, const std::string &text) { return cp::match_from_json(c, text); },
        [](const cp::Curriculum &c, const Matched &m) { return cp::match_to_json(c, m.request, m.result); },
        [](const cp::Curriculum &c, const Matched &m) { return cp::match_to_text(c, m.request, m.result); });
}

int graph(const std::string &path, const std::string &format) {
    Loaded loaded;
    if (int status = load(path, loaded)) return status;
    std::cout << (format == "mermaid" ? cp::export_mermaid_graph(*loaded.curriculum) : cp::export_dot(*loaded.curriculum));
    return exit_ok;
}

int describe(const std::string &path, const std::string &format) {
    Loaded loaded;
    if (int status = load(path, loaded)) return status;
    if (format == "json") std::cout << cp::describe(*loaded.curriculum).dump(2) << "\n";
    else describe_text(*loaded.curriculum, std::cout);
    return exit_ok;
}

// ---- batch ---------------------------------------------------------------------------------

// Reads all of stdin (binary), or nullopt when it fails.
std::optional<std::string> read_stdin() {
    std::string text;
    char chunk[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(chunk, 1, sizeof chunk, stdin);
        text.append(chunk, n);
        if (n < sizeof chunk) break;
    }
    if (std::ferror(stdin)) return std::nullopt;
    return text;
}

// The number of lines run_batch sees: one per LF, and one more for text after the last LF.
std::size_t count_lines(std::string_view text) {
    const auto lfs = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    return lfs + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

// 7s, 4m05s, 2h03m.
std::string format_duration(double seconds) {
    const auto s = static_cast<long long>(seconds + 0.5);
    char buffer[32];
    if (s < 60) std::snprintf(buffer, sizeof buffer, "%llds", s);
    else if (s < 3600) std::snprintf(buffer, sizeof buffer, "%lldm%02llds", s / 60, s % 60);
    else std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", s / 3600, s % 3600 / 60);
    return buffer;
}

// A one-line progress bar on stderr, redrawn in place with '\r' at most ten times a second:
//   [=========>          ]  48231/100000  48%  8123/s  ETA 6s
class ProgressBar {
public:
    using Clock = std::chrono::steady_clock;

    ProgressBar(std::size_t total, Clock::time_point start) : total_(total), start_(start) {}

    // Called for every answer; draws when 100 ms have passed since the last frame.
    void update(std::size_t done) {
        const auto now = Clock::now();
        if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
        draw(done, now);
    }

    // The last frame (whatever the time) and the line break after it.
    void finish(std::size_t done) {
        draw(done, Clock::now());
        std::fputc('\n', stderr);
        std::fflush(stderr);
    }

private:
    void draw(std::size_t done, Clock::time_point now) {
        constexpr int width = 30;
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double fraction = total_ ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
        std::string bar(width, ' ');
        const int filled = static_cast<int>(fraction * width);
        for (int i = 0; i < filled && i < width; ++i) bar[static_cast<std::size_t>(i)] = '=';
        if (filled < width && done > 0) bar[static_cast<std::size_t>(filled)] = '>';
        char rate[32] = "--/s", eta[32] = "ETA --";
        if (done > 0 && elapsed > 0) {
            const double per_second = static_cast<double>(done) / elapsed;
            std::snprintf(rate, sizeof rate, "%.0f/s", per_second);
            std::snprintf(eta, sizeof eta, "ETA %s",
                          format_duration(static_cast<double>(total_ - done) / per_second).c_str());
        }
        const int digits = static_cast<int>(std::to_string(total_).size());
        char line[160];
        int n = std::snprintf(line, sizeof line, "\r[%s] %*zu/%zu %3d%%  %s  %s", bar.c_str(), digits + 1, done, total_,
                              static_cast<int>(fraction * 100), rate, eta);
        n = std::min(n, static_cast<int>(sizeof line) - 1);
        // Spaces over what is left of a longer previous frame.
        std::string frame(line, static_cast<std::size_t>(n));
        if (static_cast<std::size_t>(n) < width_) frame.append(width_ - static_cast<std::size_t>(n), ' ');
        width_ = std::max(width_, static_cast<std::size_t>(n));
        std::fwrite(frame.data(), 1, frame.size(), stderr);
        std::fflush(stderr);
        drawn_ = true;
        last_ = now;
    }

    std::size_t total_;
    Clock::time_point start_, last_;
    bool drawn_ = false;
    std::size_t width_ = 0;
};

struct BatchSettings {
    unsigned threads = 0;
    bool progress = true;
    std::string out;  // empty: stdout
};

int batch(const std::string &curriculum_path, const std::string &requests_path, const BatchSettings &settings) {
    Loaded loaded;
    if (int status = load(curriculum_path, loaded)) return status;
    const bool from_stdin = requests_path.empty() || requests_path == "-";
    const std::string input_name = from_stdin ? std::string("<stdin>") : requests_path;
    auto text = from_stdin ? read_stdin() : read_file(requests_path);
    if (!text) {
        std::cerr << input_name << ": error: cannot read the file\n";
        return exit_bad_input;
    }

    std::FILE *out = stdout;
    if (!settings.out.empty()) {
        out = std::fopen(settings.out.c_str(), "wb");
        if (!out) {
            std::cerr << settings.out << ": error: cannot write the file\n";
            return exit_bad_input;
        }
    }
    static char buffer[1 << 20];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);

    const std::size_t total = count_lines(*text);
    // The bar needs stderr to be a terminal, and the JSON Lines not to go to that terminal too.
    const bool show_progress = settings.progress && ::isatty(2) && !(out == stdout && ::isatty(1));
    const auto start = ProgressBar::Clock::now();
    std::optional<ProgressBar> bar;
    if (show_progress) bar.emplace(total, start);
    if (bar) bar->update(0);

    std::size_t done = 0, failed = 0;
    bool write_failed = false;
    static constexpr std::string_view error_prefix = "{\"error\"";
    auto sink = [&](std::string_view answer) {
        ++done;
        if (answer.substr(0, error_prefix.size()) == error_prefix) ++failed;
        if (std::fwrite(answer.data(), 1, answer.size(), out) != answer.size() || std::fputc('\n', out) == EOF) {
            write_failed = true;
            return false;
        }
        if (bar) bar->update(done);
        return true;
    };
    cp::BatchOptions options;
    options.threads = settings.threads;
    auto result = cp::plan_batch(*loaded.curriculum, *text, options, sink);
    if (std::fflush(out) != 0 || std::ferror(out)) write_failed = true;
    if (out != stdout && std::fclose(out) != 0) write_failed = true;
    const double seconds = std::chrono::duration<double>(ProgressBar::Clock::now() - start).count();
    if (bar) bar->finish(done);

    const std::string output_name = settings.out.empty() ? std::string("<stdout>") : settings.out;
    if (write_failed) {
        std::cerr << output_name << ": error: cannot write the file (" << done << " of " << total
                  << " lines written)\n";
        return exit_bad_input;
    }
    if (!result) {
        std::cerr << "careerpath: batch stopped: " << result.error().message << "\n";
        return exit_bad_input;
    }
    char summary[200];
    std::snprintf(summary, sizeof summary, "careerpath batch: %zu lines, %zu planned, %zu failed, %.1f s (%.0f lines/s)\n",
                  done, done - failed, failed, seconds, seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
    std::cerr << summary;
    return failed ? exit_bad_input : exit_ok;
}

}  // namespace

int main(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string command, format, json_out;
    bool format_given = false, threads_given = false, no_progress = false;
    unsigned threads = 0;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto &a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << usage_text;
            return exit_ok;
        }
        if (a == "--version") {
            std::cout << "careerpath " << cp::version_string << "\n";
            return exit_ok;
        }
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
    const bool with_request = command == "plan" || command == "score" || command == "cohort" || command == "match";
    const std::size_t wanted = with_request ? 2 : 1;
    if (command != "validate" && command != "describe" && command != "graph" && command != "batch" && !with_request)
        return usage_error("unknown command \"" + command + "\"");
    if (command == "batch") {
        if (format_given) return usage_error("batch writes JSON Lines and takes no --format");
        if (files.empty()) return usage_error("batch needs a CURRICULUM and a REQUESTS file (or - for stdin)");
        if (files.size() > 2) return usage_error("too many arguments");
        try {
            return batch(files[0], files.size() == 2 ? files[1] : std::string("-"),
                         BatchSettings{threads, !no_progress, json_out});
        } catch (const std::exception &e) {
            std::cerr << "careerpath: internal error: " << e.what() << "\n";
            return exit_bad_input;
        }
    }
    if (threads_given || no_progress) return usage_error("--threads and --no-progress are for batch only");
    // Which formats each command knows; the first is the default.
    const std::vector<std::string> formats = command == "graph" ? std::vector<std::string>{"dot", "mermaid"}
                                             : command == "plan" ? std::vector<std::string>{"text", "json", "mermaid", "ical"}
                                                                 : std::vector<std::string>{"text", "json"};
    if (!format_given) format = formats.front();
    if (std::find(formats.begin(), formats.end(), format) == formats.end())
        return usage_error("unknown format \"" + format + "\" for " + command);
    if (files.size() < wanted)
        return usage_error(command + (wanted == 2 ? " needs a CURRICULUM and a REQUEST file" : " needs a curriculum FILE"));
    if (files.size() > wanted) return usage_error("too many arguments");
    try {
        if (command == "plan") return plan(files[0], files[1], format, json_out);
        if (command == "score") return score(files[0], files[1], format);
        if (command == "cohort") return cohort(files[0], files[1], format);
        if (command == "match") return match(files[0], files[1], format);
        if (command == "graph") return graph(files[0], format);
        return command == "validate" ? validate(files[0]) : describe(files[0], format);
    } catch (const std::exception &e) {
        std::cerr << "careerpath: internal error: " << e.what() << "\n";
        return exit_bad_input;
    }
}

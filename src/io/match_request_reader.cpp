// Reading a match request (docs/matching.md "Request"): every field checked, the first offending
// one reported with its JSON Pointer; people sorted by id afterwards, so that the order of the
// input lists never changes the answer.
#include <careerpath/match.hpp>

#include "readers.hpp"
#include "json_reader.hpp"
#include "request_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

CAREERPATH_NAMESPACE_BEGIN

using detail::missing;
using detail::Node;
using detail::Ok;
using detail::read_array;
using detail::read_date;
using detail::read_id;
using detail::read_int;
using detail::read_number;
using detail::read_optional_string;
using detail::schema_error;
using detail::success;

namespace {

Ok read_id_list(const Node &owner, std::string_view key, std::vector<std::string> &out) {
    Node list;
    BOOST_OUTCOME_TRYV(read_array(owner, key, list));
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        std::string id;
        BOOST_OUTCOME_TRYV(read_id(list.element(i), "an id", id));
        out.push_back(std::move(id));
    }
    return success();
}

Ok read_position(const Node &n, Position &out) {
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("team"), "team", out.team));
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("organization"), "organization", out.organization));
    return read_optional_string(n.member("manager"), "manager", out.manager);
}

Ok read_role(const Curriculum &c, const Node &n, std::size_t &out) {
    std::string id;
    BOOST_OUTCOME_TRYV(read_id(n, "target_role", id));
    const auto role = c.find_role(id);
    if (!role) return make_error(Status::reference, detail::unknown_role(c, id), n.pointer());
    out = *role;
    return success();
}

// {skill id: level}, read through a level per skill of the curriculum that lives only while
// this one person is read: what the person keeps is the skills they hold.
Ok read_levels(const Curriculum &c, const Node &n, SkillLevels &out) {
    std::vector<Level> dense;
    BOOST_OUTCOME_TRYV(detail::read_current_levels(c, n, dense));
    out = SkillLevels(dense);
    return success();
}

Ok read_mentor(const Curriculum &c, const Node &n, const Limits &limits, MatchMentor &m) {
    BOOST_OUTCOME_TRYV(n.expect_object("a mentor"));
    BOOST_OUTCOME_TRYV(read_id(n.member("id"), "mentor id", m.id));
    m.name = m.id;
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("name"), "name", m.name));
    BOOST_OUTCOME_TRYV(read_position(n, m.position));
    BOOST_OUTCOME_TRYV(read_id_list(n, "reports", m.reports));
    BOOST_OUTCOME_TRYV(read_id_list(n, "exclude", m.exclude));
    BOOST_OUTCOME_TRYV(read_levels(c, n.member("levels"), m.levels));
    if (const Node capacity = n.member("capacity")) {
        BOOST_OUTCOME_TRYV(read_int(capacity, "capacity", 0, 1'000'000, m.capacity));
    }
    BOOST_OUTCOME_TRYV(detail::read_time_zone(n.member("time_zone"), m.zone));
    return detail::read_weekly_windows(n, limits, m.available);
}

Ok read_mentee(const Curriculum &c, const Node &n, const Limits &limits, std::optional<std::size_t> default_role,
               MatchMentee &m) {
    BOOST_OUTCOME_TRYV(n.expect_object("a mentee"));
    BOOST_OUTCOME_TRYV(read_id(n.member("id"), "mentee id", m.id));
    m.name = m.id;
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("name"), "name", m.name));
    BOOST_OUTCOME_TRYV(read_position(n, m.position));
    BOOST_OUTCOME_TRYV(read_id_list(n, "exclude", m.exclude));
    BOOST_OUTCOME_TRYV(read_levels(c, n.member("current"), m.current));
    if (const Node role = n.member("target_role")) {
        BOOST_OUTCOME_TRYV(read_role(c, role, m.target_role));
    } else if (default_role) {
        m.target_role = *default_role;
    } else {
        return missing(role, "target_role (here, at the request's root, or through a program)");
    }
    BOOST_OUTCOME_TRYV(detail::read_time_zone(n.member("time_zone"), m.zone));
    return detail::read_weekly_windows(n, limits, m.available);
}

// Hours a week the program's recurring sessions take (as-needed sessions aside); 1 where that
// is nothing.
double weekly_session_hours(const Curriculum &c, const std::optional<std::size_t> &program) {
    double hours = 0;
    if (program)
        for (std::size_t t : c.programs()[*program].session_types) {
            const SessionType &type = c.session_types()[t];
            const double each = type.minutes / 60.0;
            if (type.recurrence == SessionType::Recurrence::weekly) hours += each / type.every;
            else if (type.recurrence == SessionType::Recurrence::monthly) hours += each * 12.0 / 52.0 / type.every;
        }
    return hours > 0 ? hours : 1.0;
}

template <class Person>
Ok read_people(const Node &root, std::string_view key, std::size_t limit, std::string_view limit_name,
               std::vector<Person> &out, const auto &read_one) {
    Node list;
    BOOST_OUTCOME_TRYV(read_array(root, key, limit, limit_name, list));
    if (!list) return missing(list, "\"" + std::string(key) + "\" (an array)");
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        Person p;
        BOOST_OUTCOME_TRYV(read_one(list.element(i), p));
        const auto [it, fresh] = seen.emplace(p.id, i);
        if (!fresh)
            return schema_error(list.element(i).member("id").pointer(),
                                "duplicate id \"" + p.id + "\": " + std::string(key) + "/" + std::to_string(it->second) +
                                    " has it too");
        out.push_back(std::move(p));
    }
    return success();
}

// Every id in an `exclude` list names someone on the other side.
template <class Person>
Ok check_excludes(const Node &root, std::string_view key, const std::vector<Person> &people,
                  const std::set<std::string> &others, std::string_view other_side) {
    const Node list = root.member(key);
    for (std::size_t i = 0; i < people.size(); ++i)
        for (std::size_t k = 0; k < people[i].exclude.size(); ++k)
            if (!others.count(people[i].exclude[k]))
                return make_error(Status::reference,
                                  "unknown " + std::string(other_side) + " \"" + people[i].exclude[k] +
                                      "\": no " + std::string(other_side) + " has this id" +
                                      detail::Nearest(people[i].exclude[k]).among(others, [](const std::string &id) { return id; }).hint(),
                                  list.element(i).member("exclude").element(k).pointer());
    return success();
}

template <class Person>
std::set<std::string> ids_of(const std::vector<Person> &people) {
    std::set<std::string> ids;
    for (const Person &p : people) ids.insert(p.id);
    return ids;
}

// Everything at the root but the program, the role and the people.
Ok read_options(const Curriculum &c, const Node &root, MatchRequest &r) {
    if (const Node mode = root.member("mode")) {
        std::string text;
        BOOST_OUTCOME_TRYV(read_id(mode, "mode", text));
        if (text == "score") r.mode = MatchMode::score;
        else if (text == "participation") r.mode = MatchMode::participation;
        else return schema_error(mode.pointer(), "mode \"" + text + "\" is not one of score, participation");
    }
    if (const Node weights = root.member("weights")) {
        BOOST_OUTCOME_TRYV(weights.expect_object("\"weights\""));
        if (const Node gap = weights.member("gap")) {
            BOOST_OUTCOME_TRYV(read_number(gap, "the gap weight", 0, r.gap_weight));
        }
        if (const Node a = weights.member("availability")) {
            BOOST_OUTCOME_TRYV(read_number(a, "the availability weight", 0, r.availability_weight));
        }
        if (r.gap_weight + r.availability_weight <= 0)
            return schema_error(weights.pointer(), "the weights must not both be 0");
    }
    if (const Node same_team = root.member("exclude_same_team")) {
        if (!same_team->is_boolean())
            return schema_error(same_team.pointer(),
                                std::string("exclude_same_team must be true or false, not ") + detail::type_name(*same_team));
        r.exclude_same_team = same_team->boolean();
    }
    if (const Node n = root.member("min_shared_hours")) {
        BOOST_OUTCOME_TRYV(read_number(n, "min_shared_hours", 0, r.min_shared_hours));
    }
    r.needed_hours = weekly_session_hours(c, r.program);
    if (const Node n = root.member("needed_hours")) {
        BOOST_OUTCOME_TRYV(read_number(n, "needed_hours", 0, r.needed_hours));
        if (r.needed_hours <= 0) return schema_error(n.pointer(), "needed_hours must be more than 0");
    }
    for (const char *key : {"week_of", "start"})
        if (const Node n = root.member(key); n && !r.week_of) {
            Date day = *Date::from_ymd(2000, 1, 1);
            BOOST_OUTCOME_TRYV(read_date(n, key, day));
            r.week_of = day;
        }
    if (const Node size = root.member("group_size")) {
        BOOST_OUTCOME_TRYV(size.expect_array("group_size"));
        if (size->size() != 2) return schema_error(size.pointer(), "group_size must be [smallest, largest]");
        int low = 0, high = 0;
        BOOST_OUTCOME_TRYV(read_int(size.element(0), "the smallest group", 1, 1000, low));
        BOOST_OUTCOME_TRYV(read_int(size.element(1), "the largest group", 1, 1000, high));
        if (high < low) return schema_error(size.element(1).pointer(), "the largest group is smaller than the smallest");
        r.group_size = std::pair{low, high};
    } else if (r.program && c.programs()[*r.program].format == Program::Format::group) {
        r.group_size = std::pair{c.programs()[*r.program].group_min, c.programs()[*r.program].group_max};
    }
    if (const Node n = root.member("candidates_per_mentee")) {
        int count = 0;
        BOOST_OUTCOME_TRYV(read_int(n, "candidates_per_mentee", 0, 1'000'000, count));
        r.candidates_per_mentee = static_cast<std::size_t>(count);
    }
    return success();
}

}  // namespace

Result<MatchRequest> io::read_match_request(const Curriculum &c, const Node &root, const Limits &limits) {
    BOOST_OUTCOME_TRYV(root.expect_object("a match request"));
    MatchRequest r;
    if (const Node program = root.member("program")) {
        std::string id;
        BOOST_OUTCOME_TRYV(read_id(program, "program", id));
        r.program = c.find_program(id);
        if (!r.program)
            return make_error(Status::reference, detail::unknown_program(c, id), program.pointer());
    }
    std::optional<std::size_t> role;
    if (const Node n = root.member("target_role")) {
        std::size_t index = 0;
        BOOST_OUTCOME_TRYV(read_role(c, n, index));
        role = index;
    } else if (r.program) {
        role = c.programs()[*r.program].target_role;
    }
    BOOST_OUTCOME_TRYV(read_options(c, root, r));

    BOOST_OUTCOME_TRYV(read_people(root, "mentors", limits.max_mentors, "max_mentors", r.mentors,
                                   [&](const Node &n, MatchMentor &m) { return read_mentor(c, n, limits, m); }));
    BOOST_OUTCOME_TRYV(read_people(root, "mentees", limits.max_mentees, "max_mentees", r.mentees,
                                   [&](const Node &n, MatchMentee &m) { return read_mentee(c, n, limits, role, m); }));
    if (r.mentors.size() * r.mentees.size() > limits.max_match_pairs)
        return make_error(Status::limit,
                          std::to_string(r.mentors.size()) + " mentors x " + std::to_string(r.mentees.size()) +
                              " mentees is more than " + std::to_string(limits.max_match_pairs) + " pairs (max_match_pairs)",
                          "/mentees");
    BOOST_OUTCOME_TRYV(check_excludes(root, "mentors", r.mentors, ids_of(r.mentees), "mentee"));
    BOOST_OUTCOME_TRYV(check_excludes(root, "mentees", r.mentees, ids_of(r.mentors), "mentor"));

    const bool stated = std::any_of(r.mentors.begin(), r.mentors.end(), [](const auto &m) { return !m.available.empty(); }) ||
                        std::any_of(r.mentees.begin(), r.mentees.end(), [](const auto &m) { return !m.available.empty(); });
    if (stated && !r.week_of)
        return schema_error("/week_of", "missing week_of (or start): the week whose hours are compared across time zones");

    auto by_id = [](const auto &a, const auto &b) { return a.id < b.id; };
    std::sort(r.mentors.begin(), r.mentors.end(), by_id);
    std::sort(r.mentees.begin(), r.mentees.end(), by_id);
    return r;
}

Result<MatchRequest> read_match_request(const Curriculum &c, std::string_view request_json, const Limits &limits) {
    auto document = io::Document::parse(request_json, limits);
    if (!document) return document.error();
    return io::read_match_request(c, Node(document.value().root()), limits);
}

CAREERPATH_NAMESPACE_END

// The parts that plan requests and score requests share (SPEC "Plan request", "Score request"):
// the learner's current levels, and the program, target role, start and target date with their
// defaults. One reader, so that both documents accept and reject the same things alike.
#pragma once

#include <careerpath/curriculum.hpp>

#include "json_reader.hpp"

#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// `learner.current`: {skill id: level}; every other skill at index 0.
inline Ok read_current_levels(const Curriculum &c, const Node &current, std::vector<Level> &out) {
    out.assign(c.skills().size(), 0);
    if (!current) return success();
    BOOST_OUTCOME_TRYV(current.expect_object("\"current\""));
    for (auto it = current->begin(); it != current->end(); ++it) {
        const Node entry = current.member(it.key());
        const auto skill = c.find_skill(it.key());
        if (!skill)
            return make_error(Status::reference, "unknown skill \"" + it.key() + "\": no skill has this id", entry.pointer);
        BOOST_OUTCOME_TRYV(read_level(entry, c.levels(), "level", 0, out[*skill]));
    }
    return success();
}

struct ProgramAndDates {
    std::optional<std::size_t> program;
    std::size_t target_role = 0;
    Date start;
    Date target_date;
};

/// "program", "target_role" (default: the program's), "start" and "target_date" (default: the
/// day before start plus the program's months) of a request's root.
inline Ok read_program_and_dates(const Curriculum &c, const Node &root, ProgramAndDates &out) {
    if (const Node program = root.member("program")) {
        std::string id;
        BOOST_OUTCOME_TRYV(read_id(program, "program", id));
        const auto p = c.find_program(id);
        if (!p) return make_error(Status::reference, "unknown program \"" + id + "\": no program has this id", program.pointer);
        out.program = *p;
    }
    if (const Node role = root.member("target_role")) {
        std::string id;
        BOOST_OUTCOME_TRYV(read_id(role, "target_role", id));
        const auto r = c.find_role(id);
        if (!r) return make_error(Status::reference, "unknown role \"" + id + "\": no role has this id", role.pointer);
        out.target_role = *r;
    } else if (out.program) {
        out.target_role = c.programs()[*out.program].target_role;
    } else {
        return missing(role, "target_role (or a program, whose target role is the default)");
    }
    BOOST_OUTCOME_TRYV(read_date(root.member("start"), "start", out.start));
    if (const Node target = root.member("target_date")) {
        BOOST_OUTCOME_TRYV(read_date(target, "target_date", out.target_date));
        if (out.target_date < out.start)
            return schema_error(target.pointer,
                                "target_date " + out.target_date.iso() + " is before the start " + out.start.iso());
    } else if (out.program) {
        out.target_date = out.start.plus_months(c.programs()[*out.program].months).plus_days(-1);
    } else {
        return missing(target, "target_date (or a program, whose length gives the default)");
    }
    return success();
}

}  // namespace detail
CAREERPATH_NAMESPACE_END

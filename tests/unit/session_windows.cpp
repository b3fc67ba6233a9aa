// src/session_windows.hpp: weekly, monthly and as-needed windows between the plan start
// and the horizon end.
#include "session_windows.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

// Session types: 0 weekly, 1 every 2 weeks, 2 every 3 weeks, 3 monthly, 4 every 2 months,
// 5 every 12 months, 6 two as needed 4 weeks before the target, 7 one as needed 10 weeks before.
const Curriculum &small() {
    static const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner"],
        "skills": [{"id": "a", "hours": 1}],
        "session_types": [
            {"id": "w1", "minutes": 60, "every": {"weeks": 1}},
            {"id": "w2", "minutes": 60, "every": {"weeks": 2}},
            {"id": "w3", "minutes": 60, "every": {"weeks": 3}},
            {"id": "m1", "minutes": 60, "every": {"months": 1}},
            {"id": "m2", "minutes": 60, "every": {"months": 2}},
            {"id": "m12", "minutes": 60, "every": {"months": 12}},
            {"id": "n4", "minutes": 60, "as_needed": {"weeks_before_target": 4, "count": 2}},
            {"id": "n10", "minutes": 60, "as_needed": {"weeks_before_target": 10, "count": 1}}]})");
    return c;
}

Date d(const char *iso) {
    const auto date = Date::parse(iso);
    REQUIRE(date.has_value());
    return *date;
}

std::string read_text(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void check_window(const SessionWindow &w, std::size_t type, std::size_t occurrence, const char *first,
                  const char *last, bool clipped, int interval) {
    INFO("type ", type, " occurrence ", occurrence, ": ", w.first.iso(), "..", w.last.iso());
    CHECK(w.session_type == type);
    CHECK(w.occurrence == occurrence);
    CHECK(w.first.iso() == first);
    CHECK(w.last.iso() == last);
    CHECK(w.clipped == clipped);
    CHECK(w.interval_days == interval);
}

}  // namespace

TEST_CASE("weekly windows: 7n days counted from the start, the last partial one clipped") {
    // 2027-01-04..2027-03-31 is 87 days: 12 weeks and 3 days, or 6 fortnights and 3 days.
    SUBCASE("every week") {
        const auto w = session_windows(small(), {0}, d("2027-01-04"), d("2027-03-31"), d("2027-03-31"));
        REQUIRE(w.size() == 13);
        check_window(w[0], 0, 0, "2027-01-04", "2027-01-10", false, 7);
        check_window(w[1], 0, 1, "2027-01-11", "2027-01-17", false, 7);
        check_window(w[11], 0, 11, "2027-03-22", "2027-03-28", false, 7);
        check_window(w[12], 0, 12, "2027-03-29", "2027-03-31", true, 7);
    }
    SUBCASE("every two weeks") {
        const auto w = session_windows(small(), {1}, d("2027-01-04"), d("2027-03-31"), d("2027-03-31"));
        REQUIRE(w.size() == 7);
        check_window(w[0], 1, 0, "2027-01-04", "2027-01-17", false, 14);
        check_window(w[5], 1, 5, "2027-03-15", "2027-03-28", false, 14);
        check_window(w[6], 1, 6, "2027-03-29", "2027-03-31", true, 14);
    }
    SUBCASE("a horizon ending on a window's last day clips nothing") {
        const auto w = session_windows(small(), {0}, d("2027-01-04"), d("2027-03-28"), d("2027-03-28"));
        REQUIRE(w.size() == 12);
        check_window(w[11], 0, 11, "2027-03-22", "2027-03-28", false, 7);
    }
    SUBCASE("a one-day program") {
        const auto w = session_windows(small(), {1}, d("2027-01-04"), d("2027-01-04"), d("2027-01-04"));
        REQUIRE(w.size() == 1);
        check_window(w[0], 1, 0, "2027-01-04", "2027-01-04", true, 14);
    }
    SUBCASE("a horizon before the start gives nothing") {
        CHECK(session_windows(small(), {0, 3, 6}, d("2027-01-04"), d("2027-01-03"), d("2027-01-03")).empty());
    }
}

TEST_CASE("monthly windows: start plus k months to the day before start plus k+1 months") {
    SUBCASE("from the 31st: each window computed from the start, so clamping does not drift") {
        // plus_months from 2027-01-31: 02-28, 03-31, 04-30, 05-31.
        const auto w = session_windows(small(), {3}, d("2027-01-31"), d("2027-05-10"), d("2027-05-10"));
        REQUIRE(w.size() == 4);
        check_window(w[0], 3, 0, "2027-01-31", "2027-02-27", false, 28);
        check_window(w[1], 3, 1, "2027-02-28", "2027-03-30", false, 31);
        check_window(w[2], 3, 2, "2027-03-31", "2027-04-29", false, 30);
        check_window(w[3], 3, 3, "2027-04-30", "2027-05-10", true, 31);
    }
    SUBCASE("from the 4th") {
        const auto w = session_windows(small(), {3}, d("2027-01-04"), d("2027-03-31"), d("2027-03-31"));
        REQUIRE(w.size() == 3);
        check_window(w[0], 3, 0, "2027-01-04", "2027-02-03", false, 31);
        check_window(w[1], 3, 1, "2027-02-04", "2027-03-03", false, 28);
        check_window(w[2], 3, 2, "2027-03-04", "2027-03-31", true, 31);
    }
    SUBCASE("every two months, across a leap day") {
        const auto w = session_windows(small(), {4}, d("2027-12-31"), d("2028-06-30"), d("2028-06-30"));
        REQUIRE(w.size() == 4);
        check_window(w[0], 4, 0, "2027-12-31", "2028-02-28", false, 60);  // 2028-02-29 is start plus 2 months
        check_window(w[1], 4, 1, "2028-02-29", "2028-04-29", false, 61);
        check_window(w[2], 4, 2, "2028-04-30", "2028-06-29", false, 61);
        check_window(w[3], 4, 3, "2028-06-30", "2028-06-30", true, 62);
    }
}

TEST_CASE("as-needed windows: count occurrences of the weeks before the target") {
    SUBCASE("two occurrences of the same four-week window") {
        const auto w = session_windows(small(), {6}, d("2027-01-04"), d("2027-07-03"), d("2027-07-03"));
        REQUIRE(w.size() == 2);
        check_window(w[0], 6, 0, "2027-06-06", "2027-07-03", false, 28);
        check_window(w[1], 6, 1, "2027-06-06", "2027-07-03", false, 28);
    }
    SUBCASE("the target before the horizon end: the window still ends on the target") {
        const auto w = session_windows(small(), {7}, d("2027-01-04"), d("2027-09-30"), d("2027-07-03"));
        REQUIRE(w.size() == 1);
        check_window(w[0], 7, 0, "2027-04-25", "2027-07-03", false, 70);
    }
    SUBCASE("a program shorter than the window: clipped at the start") {
        const auto w = session_windows(small(), {6, 7}, d("2027-06-20"), d("2027-07-03"), d("2027-07-03"));
        REQUIRE(w.size() == 3);
        check_window(w[0], 6, 0, "2027-06-20", "2027-07-03", true, 28);
        check_window(w[1], 6, 1, "2027-06-20", "2027-07-03", true, 28);
        check_window(w[2], 7, 0, "2027-06-20", "2027-07-03", true, 70);
    }
    SUBCASE("a window starting exactly on the start is not clipped") {
        const auto w = session_windows(small(), {6}, d("2027-06-06"), d("2027-07-03"), d("2027-07-03"));
        REQUIRE(w.size() == 2);
        check_window(w[0], 6, 0, "2027-06-06", "2027-07-03", false, 28);
    }
}

TEST_CASE("order: by type in the order given, then occurrence") {
    const auto w = session_windows(small(), {6, 1, 3}, d("2027-01-04"), d("2027-03-31"), d("2027-03-31"));
    REQUIRE(w.size() == 2 + 7 + 3);
    std::vector<std::size_t> types;
    for (const SessionWindow &x : w) types.push_back(x.session_type);
    CHECK(types == std::vector<std::size_t>{6, 6, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3});
    CHECK(w[2].occurrence == 0);
    CHECK(w[8].occurrence == 6);
    CHECK(w[11].occurrence == 2);
}

TEST_CASE("property: recurring windows are contiguous, cover the program exactly, never exceed the interval") {
    std::mt19937 rng(20270104);
    const Date base = d("2020-01-01");
    std::uniform_int_distribution<int> start_offset(0, 3650);
    std::uniform_int_distribution<int> length(0, 900);
    const std::vector<std::size_t> recurring{0, 1, 2, 3, 4, 5};
    for (int run = 0; run < 500; ++run) {
        const Date start = base.plus_days(start_offset(rng));
        const Date end = start.plus_days(length(rng));
        INFO("start ", start.iso(), " horizon end ", end.iso());
        const auto windows = session_windows(small(), recurring, start, end, end);
        std::map<std::size_t, std::vector<SessionWindow>> by_type;
        for (const SessionWindow &w : windows) by_type[w.session_type].push_back(w);
        REQUIRE(by_type.size() == recurring.size());
        for (const auto &entry : by_type) {  // not a structured binding: clang 14 cannot capture one
            const std::size_t type = entry.first;
            const auto &ws = entry.second;
            INFO("type ", type);
            const SessionType &st = small().session_types()[type];
            REQUIRE_FALSE(ws.empty());
            CHECK(ws.front().first == start);
            CHECK(ws.back().last == end);
            for (std::size_t k = 0; k < ws.size(); ++k) {
                const SessionWindow &w = ws[k];
                CHECK(w.occurrence == k);
                CHECK(w.first <= w.last);
                const int days = w.last.days_since(w.first) + 1;
                CHECK(days <= w.interval_days);
                if (st.recurrence == SessionType::Recurrence::weekly) {
                    CHECK(w.interval_days == 7 * st.every);
                    CHECK(w.first == start.plus_days(static_cast<int>(k) * 7 * st.every));
                } else {
                    CHECK(w.first == start.plus_months(static_cast<int>(k) * st.every));
                    CHECK(w.interval_days ==
                          start.plus_months(static_cast<int>(k + 1) * st.every).days_since(w.first));
                }
                if (k + 1 < ws.size()) {
                    CHECK(ws[k + 1].first == w.last.plus_days(1));
                    CHECK(days == w.interval_days);
                    CHECK_FALSE(w.clipped);
                } else {
                    CHECK(w.clipped == (days < w.interval_days));
                }
            }
        }
    }
}

TEST_CASE("the example: Alex's technical_leadership program, 2027-01-04..2027-07-03") {
    const Curriculum c = load_ok(read_text(std::string(CAREERPATH_EXAMPLES_DIR) + "/engineering-growth.json"));
    const auto program = c.find_program("technical_leadership");
    REQUIRE(program.has_value());
    const auto &types = c.programs()[*program].session_types;
    const auto windows = session_windows(c, types, d("2027-01-04"), d("2027-07-03"), d("2027-07-03"));
    std::map<std::string, int> count;
    for (const SessionWindow &w : windows) ++count[c.session_types()[w.session_type].id];
    // 181 days: 25 weeks and 6 days; 12 fortnights and 13 days; exactly 6 months.
    CHECK(count["coaching"] == 26);
    CHECK(count["technical_review"] == 13);
    CHECK(count["career_planning"] == 6);
    CHECK(count["practice_interview"] == 2);
    CHECK(windows.size() == 26 + 13 + 6 + 2);
    for (const SessionWindow &w : windows) {
        const std::string &id = c.session_types()[w.session_type].id;
        if (id == "career_planning") CHECK_FALSE(w.clipped);  // the months fit exactly
        if (id == "practice_interview") {
            CHECK(w.first.iso() == "2027-06-06");
            CHECK(w.last.iso() == "2027-07-03");
        }
        if (id == "coaching" && w.occurrence == 25) {
            CHECK(w.first.iso() == "2027-06-28");
            CHECK(w.clipped);
        }
    }
}

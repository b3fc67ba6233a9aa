// careerpath/error.hpp: statuses, their names, Error and Result.
#include <careerpath/error.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <utility>

using namespace careerpath;

namespace {

// Every Status with the name and number the C ABI gives it (capi/careerpath.h, careerpath_status).
const std::pair<Status, std::pair<int, std::string_view>> every_status[] = {
    {Status::ok, {0, "CAREERPATH_OK"}},
    {Status::argument, {1, "CAREERPATH_ERR_ARGUMENT"}},
    {Status::parse, {2, "CAREERPATH_ERR_PARSE"}},
    {Status::schema, {3, "CAREERPATH_ERR_SCHEMA"}},
    {Status::reference, {4, "CAREERPATH_ERR_REFERENCE"}},
    {Status::cycle, {5, "CAREERPATH_ERR_CYCLE"}},
    {Status::infeasible, {6, "CAREERPATH_ERR_INFEASIBLE"}},
    {Status::limit, {7, "CAREERPATH_ERR_LIMIT"}},
    {Status::memory, {8, "CAREERPATH_ERR_MEMORY"}},
    {Status::cancelled, {9, "CAREERPATH_ERR_CANCELLED"}},
    {Status::internal, {10, "CAREERPATH_ERR_INTERNAL"}},
};

Result<int> half(int n) {
    if (n % 2 != 0) return make_error(Status::schema, "odd: " + std::to_string(n), "/n");
    return n / 2;
}

Result<int> quarter(int n) {
    BOOST_OUTCOME_TRY(h, half(n));  // Boost 1.74 spelling: declares auto &&h
    return half(h);
}

}  // namespace

TEST_CASE("every status has the C ABI's number and a distinct CAREERPATH_ name") {
    std::set<std::string> names;
    for (const auto &[status, expected] : every_status) {
        // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
        const int number = expected.first;
        const auto &name = expected.second;
        CAPTURE(number);
        CHECK(static_cast<int>(status) == number);
        const std::string got = status_name(status);
        CHECK(got == name);
        CHECK(got.rfind("CAREERPATH_", 0) == 0);
        names.insert(got);
    }
    CHECK(names.size() == std::size(every_status));
    CHECK(names.count("CAREERPATH_UNKNOWN_STATUS") == 0);
}

TEST_CASE("a value outside the enumeration is CAREERPATH_UNKNOWN_STATUS") {
    CHECK(std::string(status_name(static_cast<Status>(11))) == "CAREERPATH_UNKNOWN_STATUS");
    CHECK(std::string(status_name(static_cast<Status>(-1))) == "CAREERPATH_UNKNOWN_STATUS");
    CHECK(std::string(status_name(static_cast<Status>(1000))) == "CAREERPATH_UNKNOWN_STATUS");
}

TEST_CASE("make_error fills status, message and pointer, and no position") {
    const Error e = make_error(Status::reference, "unknown skill \"x\"", "/prerequisites/0/requires");
    CHECK(e.status == Status::reference);
    CHECK(e.message == "unknown skill \"x\"");
    CHECK(e.pointer == "/prerequisites/0/requires");
    CHECK_FALSE(e.position.has_value());

    const Error whole = make_error(Status::limit, "too big");
    CHECK(whole.pointer.empty());
}

TEST_CASE("TextPosition compares member by member") {
    CHECK(TextPosition{} == TextPosition{0, 1, 1});
    CHECK(TextPosition{5, 2, 3} == TextPosition{5, 2, 3});
    CHECK_FALSE(TextPosition{5, 2, 3} == TextPosition{5, 2, 4});
    CHECK_FALSE(TextPosition{5, 2, 3} == TextPosition{6, 2, 3});
    CHECK_FALSE(TextPosition{5, 2, 3} == TextPosition{5, 3, 3});
}

TEST_CASE("Result carries either the value or the Error") {
    SUBCASE("a value") {
        const Result<int> r = half(8);
        REQUIRE(r.has_value());
        CHECK(r.value() == 4);
        CHECK_FALSE(r.has_error());
    }
    SUBCASE("an error, unchanged") {
        const Result<int> r = half(7);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().status == Status::schema);
        CHECK(r.error().message == "odd: 7");
        CHECK(r.error().pointer == "/n");
        CHECK_FALSE(r.error().position.has_value());
    }
    SUBCASE("accessing the value of a failed result throws, carrying the error") {
        const Result<int> r = half(3);
        CHECK_THROWS_AS((void)r.value(), boost::outcome_v2::bad_result_access_with<Error>);
        try {
            (void)r.value();
            FAIL("value() of a failed result did not throw");
        } catch (const boost::outcome_v2::bad_result_access_with<Error> &e) {
            CHECK(e.error().status == Status::schema);
            CHECK(e.error().message == "odd: 3");
        }
    }
    SUBCASE("BOOST_OUTCOME_TRY passes the first error through") {
        CHECK(quarter(12).value() == 3);
        const Result<int> odd_half = quarter(6);  // 6 / 2 = 3 is odd
        REQUIRE(odd_half.has_error());
        CHECK(odd_half.error().message == "odd: 3");
        const Result<int> odd = quarter(5);
        REQUIRE(odd.has_error());
        CHECK(odd.error().message == "odd: 5");
    }
    SUBCASE("an error with a position") {
        Error e = make_error(Status::parse, "malformed");
        e.position = TextPosition{4, 2, 1};
        const Result<void> r = e;
        REQUIRE(r.has_error());
        REQUIRE(r.error().position.has_value());
        CHECK(*r.error().position == TextPosition{4, 2, 1});
    }
}

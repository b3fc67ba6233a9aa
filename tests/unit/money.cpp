// careerpath/money.hpp and plan_cost.hpp, and the money of cohort.hpp (README "Money"): amounts
// read exactly from the JSON text, the ISO 4217 table, a program's price and each bad one with its
// status and pointer, a plan's cost past its program's end worked by hand, and one cohort row's
// economics worked by hand, cent for cent.
#include <careerpath/cohort.hpp>
#include <careerpath/json.hpp>
#include <careerpath/money.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_cost.hpp>

#include <doctest/doctest.h>

#include "example_data.hpp"
#include "support.hpp"

#include <cstdint>
#include <limits>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

// A curriculum of one skill and role, with `price` (JSON text) on its one program "p" of
// `months` months.
std::string curriculum_text(const std::string &price, int months = 6) {
    return R"({"id": "t", "levels": ["none", "beginner", "intermediate", "advanced", "expert"],
        "skills": [{"id": "a", "hours": 100}],
        "roles": [{"id": "solo", "requires": {"a": "beginner"}}],
        "programs": [{"id": "p", "target_role": "solo", "months": )" +
           std::to_string(months) + R"(, "price": )" + price + R"(},
                     {"id": "free", "target_role": "solo", "months": 3}]})";
}

Money price_ok(const std::string &price) {
    const Curriculum c = load_ok(curriculum_text(price));
    REQUIRE(c.programs()[0].price.has_value());
    CHECK_FALSE(c.programs()[1].price.has_value());
    return *c.programs()[0].price;
}

// A rejection: its status, its pointer, and a message that says `mention`.
template <class T>
void check_error(const Result<T> &r, Status status, const std::string &pointer, const std::string &mention) {
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(std::string(status_name(r.error().status)) == status_name(status));
    CHECK(r.error().pointer == pointer);
    CHECK(r.error().message.find(mention) != std::string::npos);
}

void check_rejected(const std::string &price, Status status, const std::string &pointer, const std::string &mention) {
    INFO("price: ", price);
    check_error(Curriculum::load(curriculum_text(price)), status, pointer, mention);
}

std::string amount(const std::string &value) { return R"({"amount": )" + value + R"(, "currency": "USD", "per": "month"})"; }

}  // namespace

TEST_CASE("amounts are written with two places, and for people with the currency and grouping") {
    CHECK(format_amount(0) == "0.00");
    CHECK(format_amount(5) == "0.05");
    CHECK(format_amount(1500000) == "15000.00");
    CHECK(format_amount(-305) == "-3.05");
    CHECK(format_amount(std::numeric_limits<std::int64_t>::min()) == "-92233720368547758.08");
    CHECK(format_money(1500000, "USD") == "USD 15,000.00");
    CHECK(format_money(99, "EUR") == "EUR 0.99");
    CHECK(format_money(100000, "EUR") == "EUR 1,000.00");
    CHECK(format_money(99999, "EUR") == "EUR 999.99");
    CHECK(format_money(-123456789012, "JPY") == "JPY -1,234,567,890.12");
    CHECK(format_money(Money{250000, "USD"}) == "USD 2,500.00");
}

TEST_CASE("ISO 4217: active codes only, in capitals") {
    for (const char *code : {"USD", "EUR", "GBP", "JPY", "CHF", "AED", "ZWG", "XCG", "ZMW"}) CHECK(is_currency_code(code));
    // HRK was withdrawn when Croatia adopted the euro; the others were never codes.
    for (const char *code : {"usd", "Usd", "HRK", "ABC", "US", "USDD", "", "XYZ", "EU"}) CHECK_FALSE(is_currency_code(code));
}

TEST_CASE("a price is read from the number's text exactly, in cents") {
    CHECK(price_ok(amount("2500")) == Money{250000, "USD"});
    CHECK(price_ok(amount("0.29")).cents == 29);  // the double nearest 0.29 is below it: no rounding happens
    CHECK(price_ok(amount("1.500")).cents == 150);  // two decimals by value, not by spelling
    CHECK(price_ok(amount("2.5e3")).cents == 250000);
    CHECK(price_ok(amount("1E2")).cents == 10000);
    CHECK(price_ok(amount("12345e-2")).cents == 12345);
    CHECK(price_ok(amount("0")).cents == 0);
    CHECK(price_ok(amount("-0")).cents == 0);
    CHECK(price_ok(amount("0.0e999")).cents == 0);
    CHECK(price_ok(amount("99999999999.99")).cents == 9999999999999);
    CHECK(price_ok(amount("100000000000")).cents == max_amount_cents);
    CHECK(price_ok(R"({"amount": 1, "currency": "EUR", "per": "month", "note": "unknown members are ignored"})") ==
          Money{100, "EUR"});
    const Curriculum c = load_ok(curriculum_text("null"));
    CHECK_FALSE(c.programs()[0].price.has_value());
}

TEST_CASE("a bad price: status and pointer") {
    const std::string at = "/programs/0/price";
    check_rejected(amount("-5"), Status::schema, at + "/amount", "must not be negative, not -5");
    check_rejected(amount("-0.01"), Status::schema, at + "/amount", "negative");
    check_rejected(amount("12.345"), Status::schema, at + "/amount", "more than two decimals");
    check_rejected(amount("0.30000000000000004"), Status::schema, at + "/amount", "more than two decimals");
    check_rejected(amount("1e-400"), Status::schema, at + "/amount", "more than two decimals");
    check_rejected(amount("100000000000.01"), Status::limit, at + "/amount", "largest amount");
    check_rejected(amount("1e300"), Status::limit, at + "/amount", "largest amount");
    check_rejected(amount("\"2500\""), Status::schema, at + "/amount", "must be a number, not a string");
    check_rejected(R"({"currency": "USD", "per": "month"})", Status::schema, at + "/amount", "missing");
    check_rejected(R"({"amount": 2500, "currency": "ABC", "per": "month"})", Status::schema, at + "/currency",
                   "not an active ISO 4217 currency code");
    check_rejected(R"({"amount": 2500, "currency": "usd", "per": "month"})", Status::schema, at + "/currency", "\"USD\"");
    check_rejected(R"({"amount": 2500, "currency": 840, "per": "month"})", Status::schema, at + "/currency", "string");
    check_rejected(R"({"amount": 2500, "per": "month"})", Status::schema, at + "/currency", "missing currency");
    check_rejected(R"({"amount": 2500, "currency": "USD", "per": "week"})", Status::schema, at + "/per",
                   "\"per\" must be \"month\", not \"week\"");
    check_rejected(R"({"amount": 2500, "currency": "USD"})", Status::schema, at + "/per", "month");
    check_rejected("2500", Status::schema, at, "must be an object");
}

TEST_CASE("plan_cost: the program's months, and each month begun past its end") {
    Program p;
    p.months = 6;
    p.price = Money{333334, "USD"};
    const Date start = *Date::parse("2026-01-05");  // the program's last day is 2026-07-04
    auto past = [&](const char *finish) { return plan_cost(p, start, *Date::parse(finish))->months_past_end; };
    CHECK(past("2026-01-05") == 0);
    CHECK(past("2026-07-04") == 0);
    CHECK(past("2026-07-05") == 1);  // month 7 runs 2026-07-05 to 2026-08-04
    CHECK(past("2026-08-04") == 1);
    CHECK(past("2026-08-05") == 2);
    CHECK(past("2026-09-10") == 3);  // month 9 runs 2026-09-05 to 2026-10-04
    CHECK(past("2076-01-04") == 594);  // 50 years less a day: month 600
    const auto cost = plan_cost(p, start, *Date::parse("2026-09-10"));
    REQUIRE(cost.has_value());
    CHECK(cost->months == 6);
    CHECK(cost->price_cents == 333334);
    CHECK(cost->total == Money{3000006, "USD"});  // 333,334 x 9
    // Month boundaries are the program's own: from 2027-01-31 month 1 ends 2027-02-27 (2027-02-28
    // less a day), month 2 on 2027-03-30.
    p.months = 1;
    const Date end_of_month = *Date::parse("2027-01-31");
    CHECK(plan_cost(p, end_of_month, *Date::parse("2027-02-27"))->months_past_end == 0);
    CHECK(plan_cost(p, end_of_month, *Date::parse("2027-02-28"))->months_past_end == 1);
    CHECK(plan_cost(p, end_of_month, *Date::parse("2027-03-30"))->months_past_end == 1);
    CHECK(plan_cost(p, end_of_month, *Date::parse("2027-03-31"))->months_past_end == 2);
    p.price.reset();
    CHECK_FALSE(plan_cost(p, start, start).has_value());
}

TEST_CASE("a plan that runs past its program's end costs the months it runs, a month begun counting") {
    // 100 hours at 10 a week on weekdays (2 hours a day) from Monday 2027-01-04: 50 working days,
    // the tenth week's Friday, 2027-03-12. The 1-month program ends 2027-02-03; month 2 runs
    // 2027-02-04 to 2027-03-03, month 3 2027-03-04 to 2027-04-03, so the plan pays 3 months:
    // 2,500.50 x 3 = 7,501.50.
    const Curriculum c = load_ok(curriculum_text(R"({"amount": 2500.50, "currency": "USD", "per": "month"})", 1));
    const Json request = {{"learner", {{"id", "kim"}, {"hours_per_week", 10},
                                       {"workdays", {"mon", "tue", "wed", "thu", "fri"}}}},
                          {"program", "p"},
                          {"start", "2027-01-04"}};
    auto planned = plan_from_json(c, request.dump());
    REQUIRE(planned.has_value());
    const Plan &plan = planned.value().plan;
    CHECK(plan.summary.finish.iso() == "2027-03-12");
    REQUIRE(plan.cost.has_value());
    CHECK(plan.cost->months == 1);
    CHECK(plan.cost->months_past_end == 2);
    CHECK(plan.cost->total == Money{750150, "USD"});

    const Json document = Json::parse(plan_to_json_text(c, planned.value().request, plan));
    CHECK(document["cost"] == Json::parse(R"({"amount": "7501.50", "cents": 750150, "currency": "USD", "months": 1,
        "months_past_end": 2, "price": {"amount": "2500.50", "cents": 250050, "per": "month"}})"));
    const std::string text = plan_to_text(c, planned.value().request, plan);
    CHECK(text.find("costs USD 7,501.50: 3 months at USD 2,500.50 a month (the program's 1, and 2 past its end)") !=
          std::string::npos);

    // A program without a price, and a plan without a program, have no cost at all.
    Json unpriced = request;
    unpriced["program"] = "free";
    auto free_plan = plan_from_json(c, unpriced.dump());
    REQUIRE(free_plan.has_value());
    CHECK_FALSE(free_plan.value().plan.cost.has_value());
    CHECK_FALSE(Json::parse(plan_to_json_text(c, free_plan.value().request, free_plan.value().plan)).contains("cost"));
}

TEST_CASE("Alex's plan costs the Technical Leadership program's six months") {
    const Curriculum &c = careerpath_test::example();
    auto planned = plan_from_json(c, careerpath_test::read_text("alex.request.json"));
    REQUIRE(planned.has_value());
    REQUIRE(planned.value().plan.cost.has_value());
    CHECK(planned.value().plan.cost->total == Money{2100000, "USD"});  // 3,500 x 6, finished in time
    CHECK(planned.value().plan.cost->months_past_end == 0);
}

// --- Cohort economics -----------------------------------------------------------------------------

namespace {

// The curriculum above with the price 3,333.34 a month for 6 months.
const Curriculum &priced() {
    static const Curriculum c = load_ok(curriculum_text(R"({"amount": 3333.34, "currency": "USD", "per": "month"})"));
    return c;
}

// A person of acme/core starting 2026-01-05 in program p (or none: ""), as_of 2027-03-01 (12
// months passed on 2027-01-05) unless given; `finish` the last finish of their plan ("" for no
// plan); promoted_on "" for none; retained 1, 0 or -1 (not reported).
Json person(const char *id, const char *program, const char *finish, const char *promoted_on, int retained,
            const char *as_of = "2027-03-01") {
    Json p;
    p["learner"] = {{"id", id}, {"organization", "acme"}, {"team", "core"}};
    if (*program) p["program"] = program;
    else p["target_role"] = "solo", p["target_date"] = "2026-07-04";
    p["start"] = "2026-01-05";
    p["as_of"] = as_of;
    if (*finish) p["plan"] = {{"path", {{{"unit", "a@beginner"}, {"hours", 100}, {"finish", finish}}}}};
    p["outcomes"] = Json::object();
    if (*promoted_on) p["outcomes"]["promoted_on"] = promoted_on;
    if (retained >= 0) p["outcomes"]["retained"] = retained == 1;
    return p;
}

// Eight people, worked by hand. The program runs 2026-01-05 to 2026-07-04; a person's cost is
// 333,334 cents a month for 6 months plus the months their plan runs past 2026-07-04:
//
//        plan finish   months  cost (cents)  promoted <= 12 mo   retained
//   P1   2026-06-01    6       2,000,004     1 (2026-09-01)      yes
//   P2   2026-07-05    7       2,333,338     0                   yes
//   P3   2026-09-10    9       3,000,006     1 (2026-12-01)      yes
//   P4   no plan       6       2,000,004     0 (2027-02-01 is past 2027-01-05)   not reported
//   P5   no program    -       none          1 (2026-05-01)      yes
//   P6   no plan       6       2,000,004     0                   yes
//   P7   2026-07-04    6       2,000,004     1 (2026-08-01)      yes
//   P8   no plan       6       2,000,004     unknown (as_of 2026-12-01)   no
Json economics_cohort(int min_group_size) {
    Json people = Json::array();
    people.push_back(person("P1", "p", "2026-06-01", "2026-09-01", 1));
    people.push_back(person("P2", "p", "2026-07-05", "", 1));
    people.push_back(person("P3", "p", "2026-09-10", "2026-12-01", 1));
    people.push_back(person("P4", "p", "", "2027-02-01", -1));
    people.push_back(person("P5", "", "", "2026-05-01", 1));
    people.push_back(person("P6", "p", "", "", 1));
    people.push_back(person("P7", "p", "2026-07-04", "2026-08-01", 1));
    people.push_back(person("P8", "p", "", "", 0, "2026-12-01"));
    return {{"min_group_size", min_group_size},
            {"economics", Json::parse(R"({"currency": "USD", "replacement_cost": 61234.50, "baseline_retention": 0.85})")},
            {"people", people}};
}

CohortReport cohort_ok(const Json &request) {
    auto r = cohort_from_json(priced(), request.dump());
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    return std::move(r).value();
}

void check_cohort_rejected(const Json &request, Status status, const std::string &pointer, const std::string &mention) {
    check_error(cohort_from_json(priced(), request.dump()), status, pointer, mention);
}

}  // namespace

TEST_CASE("economics: one row cent for cent") {
    const CohortReport report = cohort_ok(economics_cohort(3));
    REQUIRE(report.economics.has_value());
    CHECK(report.economics->replacement_cost_cents == 6123450);
    CHECK(report.economics->baseline_retention_millionths == 850000);
    REQUIRE(report.teams.size() == 1);
    REQUIRE(report.organizations.size() == 1);
    // One team in one organization: the three rows hold the same people and figures.
    for (const RoiRow *row : {&report.individuals, &report.teams[0], &report.organizations[0]}) {
        REQUIRE(row->economics.has_value());
        const RoiEconomics &e = *row->economics;

        // Investment, over the 7 with a cost (all but P5):
        // 5 x 2,000,004 + 2,333,338 + 3,000,006 = 15,333,364 cents.
        CHECK(e.investment.n == 7);
        CHECK(e.investment.cents == 15333364);

        // Cost per promotion, over the 6 with a cost and a known promotion (P8's is not known
        // yet): (4 x 2,000,004 + 2,333,338 + 3,000,006) / 3 promoted (P1, P3, P7)
        // = 13,333,360 / 3 = 4,444,453.33... -> 4,444,453 cents.
        CHECK(e.cost_per_promotion.n == 6);
        CHECK(e.cost_per_promotion.cents == 4444453);

        // Turnover cost avoided, over the 7 whose retention is reported (all but P4), 6 kept:
        // (6/7 - 0.85) x 7 x 61,234.50 = (6 - 5.95) x 6,123,450 cents = 0.05 x 6,123,450
        // = 306,172.5 -> half away from zero: 306,173 cents (half to even would give 306,172).
        CHECK(e.turnover_cost_avoided.n == 7);
        CHECK(e.turnover_cost_avoided.cents == 306173);

        // ROI, over the 6 with a cost and a reported retention (P1, P2, P3, P6, P7, P8), 5 kept:
        // benefit (5 - 0.85 x 6) x 6,123,450 = -0.1 x 6,123,450 = -612,345 cents;
        // investment 4 x 2,000,004 + 2,333,338 + 3,000,006 = 13,333,360 cents;
        // (-612,345 - 13,333,360) / 13,333,360 = -13,945,705 / 13,333,360 = -1.0459257831...
        // -> -1.045926.
        CHECK(e.roi.n == 6);
        REQUIRE(e.roi.value.has_value());
        CHECK(*e.roi.value == -1.045926);
        CHECK_FALSE(e.roi.suppressed);
    }

    const Json json = Json::parse(cohort_to_json_text(report));
    CHECK(json["economics"] == Json::parse(R"({"baseline_retention": 0.85, "currency": "USD",
        "replacement_cost": {"amount": "61234.50", "cents": 6123450}})"));
    CHECK(json["individuals"]["economics"] == Json::parse(R"({
        "cost_per_promotion": {"amount": "44444.53", "cents": 4444453, "n": 6, "suppressed": false},
        "investment": {"amount": "153333.64", "cents": 15333364, "n": 7, "suppressed": false},
        "roi": {"n": 6, "suppressed": false, "value": -1.045926},
        "turnover_cost_avoided": {"amount": "3061.73", "cents": 306173, "n": 7, "suppressed": false}})"));

    const std::string text = cohort_to_text(report);
    INFO(text);
    CHECK(text.find("Economics in USD: replacement cost USD 61,234.50 a person, baseline retention 85%") != std::string::npos);
    CHECK(text.find("USD 153,333.64 (n=7)") != std::string::npos);
    CHECK(text.find("USD 44,444.53 (n=6)") != std::string::npos);
    CHECK(text.find("USD 3,061.73 (n=7)") != std::string::npos);
    CHECK(text.find("-105% (n=6)") != std::string::npos);
}

TEST_CASE("economics: the floor suppresses each figure by its own n; no promotion, no cost per promotion") {
    // A floor of 7: investment and turnover (n = 7) stay, cost per promotion and ROI (n = 6) go.
    const RoiEconomics e = *cohort_ok(economics_cohort(7)).individuals.economics;
    CHECK(e.investment.cents == 15333364);
    CHECK_FALSE(e.investment.suppressed);
    CHECK(e.turnover_cost_avoided.cents == 306173);
    CHECK(e.cost_per_promotion.suppressed);
    CHECK_FALSE(e.cost_per_promotion.cents.has_value());
    CHECK(e.cost_per_promotion.n == 6);
    CHECK(e.roi.suppressed);
    CHECK_FALSE(e.roi.value.has_value());
    // A floor of 9: the row itself (8 people) shows nothing, n still given.
    const RoiEconomics none = *cohort_ok(economics_cohort(9)).individuals.economics;
    CHECK(none.investment.suppressed);
    CHECK(none.investment.n == 7);
    CHECK_FALSE(none.investment.cents.has_value());

    // Nobody promoted: no cost per promotion, and it is no suppression either.
    Json request = economics_cohort(3);
    for (Json &p : request["people"]) p["outcomes"].erase("promoted_on");
    const RoiEconomics unpromoted = *cohort_ok(request).individuals.economics;
    CHECK(unpromoted.cost_per_promotion.n == 6);  // as before: P8's 12 months have not passed
    CHECK_FALSE(unpromoted.cost_per_promotion.suppressed);
    CHECK_FALSE(unpromoted.cost_per_promotion.cents.has_value());
    CHECK(cohort_to_text(cohort_ok(request)).find("n/a (n=6)") != std::string::npos);

    // Without economics the rows have no money figures, and the document no "economics".
    request.erase("economics");
    const CohortReport plain = cohort_ok(request);
    CHECK_FALSE(plain.economics.has_value());
    CHECK_FALSE(plain.individuals.economics.has_value());
    CHECK(cohort_to_json_text(plain).find("economics") == std::string::npos);
}

TEST_CASE("economics: bad input, each with status and pointer") {
    auto with = [](const char *member, const Json &value) {
        Json request = economics_cohort(3);
        request["economics"][member] = value;
        return request;
    };
    check_cohort_rejected(with("replacement_cost", "60000"), Status::schema, "/economics/replacement_cost",
                          "replacement_cost must be a number, not a string");
    check_cohort_rejected(with("replacement_cost", -1), Status::schema, "/economics/replacement_cost", "negative");
    check_cohort_rejected(with("replacement_cost", Json::parse("60000.001")), Status::schema, "/economics/replacement_cost",
                          "more than two decimals");
    check_cohort_rejected(with("baseline_retention", Json::parse("1.2")), Status::schema, "/economics/baseline_retention",
                          "from 0 to 1, not 1.2");
    check_cohort_rejected(with("baseline_retention", Json::parse("-0.1")), Status::schema, "/economics/baseline_retention",
                          "from 0 to 1");
    check_cohort_rejected(with("baseline_retention", Json::parse("0.1234567")), Status::schema,
                          "/economics/baseline_retention", "more than 6 decimals");
    check_cohort_rejected(with("baseline_retention", "high"), Status::schema, "/economics/baseline_retention", "number");
    check_cohort_rejected(with("currency", "DOLLAR"), Status::schema, "/economics/currency", "ISO 4217");
    // A currency other than the prices': the first person whose program is priced in USD is named.
    check_cohort_rejected(with("currency", "EUR"), Status::schema, "/economics/currency",
                          "the economics are in EUR, but program \"p\" of /people/0 is priced in USD");
    Json missing = economics_cohort(3);
    missing["economics"].erase("baseline_retention");
    check_cohort_rejected(missing, Status::schema, "/economics/baseline_retention", "missing");
    missing["economics"] = "USD";
    check_cohort_rejected(missing, Status::schema, "/economics", "must be an object");

    // The same currency rule holds for make_cohort_report.
    std::vector<ScoredRequest> people;
    auto scored = score_from_json(priced(), person("P1", "p", "", "", 1).dump());
    REQUIRE(scored.has_value());
    people.push_back(std::move(scored).value());
    CohortEconomics eur{"EUR", 100, 850000};
    check_error(make_cohort_report(priced(), people, 1, eur), Status::schema, "/economics/currency", "/people/0");
    CohortEconomics usd{"USD", 100, 850000};
    auto ok = make_cohort_report(priced(), people, 1, usd);
    REQUIRE(ok.has_value());
    CHECK(ok.value().individuals.economics->investment.cents == 2000004);
}

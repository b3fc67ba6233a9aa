// careerpath/import.hpp: CASE packages and O*NET's Skills table as curricula, on the small test
// inputs of tests/import/ (written for these tests, not copied from either publisher): the
// direction of prerequisites, cycles named by their items, the Importance threshold, rows left
// out, ids when a humanCodingScheme is not unique, the import notes, and bad inputs with the
// place they name.
#include <careerpath/import.hpp>
#include <careerpath/json.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

std::string read_test_file(const std::string &name) {
    std::ifstream in(std::string(CAREERPATH_UNIT_DIR) + "/../import/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Json imported(std::string_view spec, std::string_view input, const Limits &limits = {}) {
    auto result = import_framework(spec, input, limits);
    if (!result) FAIL("import failed at \"", result.error().pointer, "\": ", result.error().message);
    auto tree = parse_json(result.value().document);
    REQUIRE(tree);
    return std::move(tree).value();
}

Error import_error(std::string_view spec, std::string_view input, const Limits &limits = {}) {
    auto result = import_framework(spec, input, limits);
    REQUIRE_FALSE(result);
    return result.error();
}

std::multiset<std::string> note_codes(const Json &document) {
    std::multiset<std::string> codes;
    for (const auto &note : document.at("import_notes")) codes.insert(note.at("code").get<std::string>());
    return codes;
}

std::vector<std::string> ids(const Json &array) {
    std::vector<std::string> out;
    for (const auto &entry : array) out.push_back(entry.at("id").get<std::string>());
    return out;
}

const Json &role(const Json &document, std::string_view id) {
    for (const auto &r : document.at("roles"))
        if (r.at("id") == id) return r;
    FAIL("no role ", id);
    return document;
}

// The CASE test package with one place changed.
std::string fractions_with(const std::string &pointer, const Json &value) {
    Json package = parse_json(read_test_file("case_fractions.json")).value();
    package[Json::json_pointer(pointer)] = value;
    return package.dump();
}

}  // namespace

TEST_CASE("import formats and options") {
    auto spec = parse_import_spec("onet;hours=8;importance=3.5");
    REQUIRE(spec);
    CHECK(spec.value().format == ImportFormat::onet);
    CHECK(*spec.value().options.hours == 8);
    CHECK(*spec.value().options.importance == 3.5);
    REQUIRE(parse_import_spec("case"));
    CHECK_FALSE(parse_import_spec("case").value().options.hours);
    for (const char *bad : {"", "CASE", "xml", "case;importance=3", "onet;hours=-1", "onet;hours=abc", "onet;hours=1e9",
                            "onet;hours=1;hours=2", "case;hours", "case;depth=2", "onet;importance=0.5", "onet;importance=nan",
                            "case;hours=8;"}) {
        CAPTURE(bad);
        auto r = parse_import_spec(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().status == Status::argument);
        CHECK_FALSE(r.error().message.empty());
    }
    CHECK(import_error("json", "{}").status == Status::argument);
}

TEST_CASE("CASE: items with children are areas, leaves are skills, ids by humanCodingScheme") {
    const Json doc = imported("case", read_test_file("case_fractions.json"));
    CHECK(doc.at("id") == "doc-fractions");
    CHECK(doc.at("title") == "Fractions and decimals (careerpath test package)");
    CHECK(ids(doc.at("areas")) == std::vector<std::string>{"FR", "DEC"});
    // DEC.2 is on two items: both fall back to their identifiers. "  MEAS 1 " is trimmed and
    // its inner space made '_'.
    CHECK(ids(doc.at("skills")) == std::vector<std::string>{"FR.1", "FR.2", "FR.3", "DEC.1", "dec-2a", "dec-2b", "MEAS_1"});
    const Json &skills = doc.at("skills");
    CHECK(skills[0].at("area") == "FR");
    CHECK(skills[0].at("title") == "Understand a fraction as a part of a whole");
    CHECK(skills[0].at("source_id") == "fr-1");
    CHECK(skills[6].at("area") == "");  // a child of the document itself
    CHECK(doc.at("areas")[0].at("parent").is_null());
    CHECK(note_codes(doc).count("id_fallback") == 2);
}

TEST_CASE("CASE: A precedes B makes B require A") {
    const std::string text = read_test_file("case_fractions.json");
    const Json doc = imported("case", text);
    std::set<std::pair<std::string, std::string>> edges;  // (skill, requires)
    for (const auto &p : doc.at("prerequisites"))
        edges.insert({p.at("skill").get<std::string>(), p.at("requires").get<std::string>()});
    const std::set<std::pair<std::string, std::string>> expected{
        {"FR.2", "FR.1"}, {"FR.3", "FR.2"}, {"DEC.1", "FR.3"},
        // DEC (an area) precedes MEAS 1: every skill of DEC comes first.
        {"MEAS_1", "DEC.1"}, {"MEAS_1", "dec-2a"}, {"MEAS_1", "dec-2b"}};
    CHECK(edges == expected);

    // The curriculum the import wrote says the same in units: FR.2 needs FR.1 first.
    auto result = import_framework("case", text);
    REQUIRE(result);
    const Curriculum c = load_ok(result.value().document);
    const auto fr1 = *c.find_skill("FR.1"), fr2 = *c.find_skill("FR.2");
    bool found = false;
    for (const auto &p : c.prerequisites())
        if (p.unit.skill == fr2 && p.required.skill == fr1) found = p.unit.level == 1 && p.required.level == 1;
    CHECK(found);
    CHECK(result.value().prerequisites == 6);
    CHECK(result.value().skills == 7);
    CHECK(result.value().areas == 2);
}

TEST_CASE("CASE: a precedes cycle is ERR_CYCLE naming its items in order") {
    const Error e = import_error("case", read_test_file("case_cycle.json"));
    CHECK(e.status == Status::cycle);
    CHECK(e.message.find("\"A\" precedes \"B\" precedes \"C\" precedes \"A\"") != std::string::npos);
    CHECK(e.pointer == "/CFPackage/CFAssociations/0");
    // An area that precedes its own child is a cycle too.
    Json package = parse_json(read_test_file("case_fractions.json")).value();
    package["CFAssociations"].push_back({{"associationType", "precedes"},
                                         {"originNodeURI", {{"identifier", "fr"}}},
                                         {"destinationNodeURI", {{"identifier", "fr-2"}}}});
    CHECK(import_error("case", package.dump()).status == Status::cycle);
    // A cycle of parents.
    package = parse_json(read_test_file("case_fractions.json")).value();
    package["CFAssociations"][1]["destinationNodeURI"]["identifier"] = "fr-2";  // fr-1 a child of fr-2
    package["CFAssociations"][2]["destinationNodeURI"]["identifier"] = "fr-1";  // fr-2 a child of fr-1
    const Error parents = import_error("case", package.dump());
    CHECK(parents.status == Status::cycle);
    CHECK(parents.message.find("is a child of") != std::string::npos);
}

TEST_CASE("CASE: a rubric gives the level scale, education levels give roles") {
    const Json doc = imported("case", read_test_file("case_fractions.json"));
    CHECK(doc.at("levels") == Json::array({"none", "Beginning", "Developing", "Proficient"}));
    CHECK(ids(doc.at("roles")) == std::vector<std::string>{"education_level_03", "education_level_04"});
    const Json &grade3 = role(doc, "education_level_03");
    CHECK(grade3.at("title") == "Grade 3");
    CHECK(grade3.at("requires") == Json{{"FR.1", "Proficient"}, {"FR.2", "Proficient"}});
    // DEC.1 has no educationLevel of its own and takes its area's.
    const Json &grade4 = role(doc, "education_level_04");
    CHECK(grade4.at("requires").size() == 5);
    CHECK(grade4.at("requires").contains("DEC.1"));
    CHECK_FALSE(grade4.contains("weights"));

    // Without a rubric the scale is none, learned.
    const Json plain = imported("case", fractions_with("/CFRubrics", Json::array()));
    CHECK(plain.at("levels") == Json::array({"none", "learned"}));
    CHECK(role(plain, "education_level_03").at("requires").at("FR.1") == "learned");
}

TEST_CASE("CASE: what is not mapped is noted, with its place") {
    const Json doc = imported("case", read_test_file("case_fractions.json"));
    const auto codes = note_codes(doc);
    CHECK(codes.count("association_not_mapped") == 2);    // isRelatedTo, exactMatchOf
    CHECK(codes.count("association_unknown_node") == 1);  // precedes elsewhere-9
    CHECK(codes.count("rubric_not_used") == 1);           // crit-3's other levels
    CHECK(codes.count("member_not_mapped") == 1);         // CFDefinitions
    CHECK(codes.count("default_hours") == 1);
    CHECK(codes.count("field_not_mapped") >= 5);          // CFDocument's and CFItems' other fields
    bool pointed = false;
    for (const auto &note : doc.at("import_notes")) {
        if (note.at("code") == "association_unknown_node") {
            CHECK(note.at("pointer") == "/CFAssociations/14");
            CHECK(note.at("message").get<std::string>().find("elsewhere-9") != std::string::npos);
            pointed = true;
        }
        if (note.at("code") == "field_not_mapped" &&
            note.at("message").get<std::string>().find("\"notes\"") != std::string::npos)
            CHECK(note.at("pointer") == "/CFItems/3/notes");
    }
    CHECK(pointed);
    CHECK(doc.at("import") == Json{{"format", "case"}, {"hours", 10.0}, {"hours_default", true},
                                   {"source", "CASE CFDocument doc-fractions"}});
    const Json eight = imported("case;hours=8", read_test_file("case_fractions.json"));
    CHECK(eight.at("skills")[0].at("hours") == 8.0);
    CHECK(eight.at("import").at("hours_default") == false);
    CHECK(note_codes(eight).count("default_hours") == 0);
}

TEST_CASE("CASE: the same package gives the same bytes") {
    const std::string text = read_test_file("case_fractions.json");
    CHECK(import_framework("case", text).value().document == import_framework("case", text).value().document);
}

TEST_CASE("CASE: input that is not a package names its place") {
    struct Case {
        std::string input;
        Status status;
        std::string pointer;
    };
    const Case cases[] = {
        {"{\"CFDocument\": ", Status::parse, ""},
        {"[]", Status::schema, ""},
        {"{}", Status::schema, "/CFDocument"},
        {"{\"CFDocument\": {}}", Status::schema, "/CFDocument/identifier"},
        {"{\"CFPackage\": []}", Status::schema, "/CFPackage"},
        {"{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": {}}", Status::schema, "/CFItems"},
        {"{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"fullStatement\": \"x\"}]}", Status::schema,
         "/CFItems/0/identifier"},
        {"{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\"}, {\"identifier\": \"a\"}]}",
         Status::schema, "/CFItems/1/identifier"},
        {"{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\", \"educationLevel\": \"KG\"}]}",
         Status::schema, "/CFItems/0/educationLevel"},
        {"{\"CFDocument\": {\"identifier\": \"d\"}, \"CFAssociations\": [{\"associationType\": \"precedes\"}]}",
         Status::schema, "/CFAssociations/0/originNodeURI"},
        {"{\"CFDocument\": {\"identifier\": \"d\"}, \"CFAssociations\": [{\"associationType\": \"precedes\", "
         "\"originNodeURI\": {\"identifier\": 7}}]}",
         Status::schema, "/CFAssociations/0/originNodeURI/identifier"},
    };
    for (const auto &c : cases) {
        CAPTURE(c.input);
        const Error e = import_error("case", c.input);
        CHECK(e.status == c.status);
        CHECK(e.pointer == c.pointer);
        CHECK_FALSE(e.message.empty());
    }
    CHECK(import_error("case", fractions_with("/CFItems/2/humanCodingScheme", 12)).pointer == "/CFItems/2/humanCodingScheme");
}

TEST_CASE("CASE: a note quotes at most 1024 bytes of the input") {
    const std::string type(5000, 'x');
    const Json doc = imported("case", fractions_with("/CFAssociations/13/associationType", type));
    bool found = false;
    for (const auto &note : doc.at("import_notes"))
        if (note.at("code") == "association_not_mapped" && note.at("pointer") == "/CFAssociations/13") {
            const std::string message = note.at("message");
            CHECK(message.size() == 1024 + 3);
            CHECK(message.substr(message.size() - 3) == "...");
            found = true;
        }
    CHECK(found);
}

TEST_CASE("CASE: limits") {
    const std::string text = read_test_file("case_fractions.json");
    Limits small;
    small.max_prerequisites = 3;  // DEC precedes MEAS 1 takes them to 6
    const Error e = import_error("case", text, small);
    CHECK(e.status == Status::limit);
    CHECK(e.pointer == "/CFAssociations/12");
    small = Limits{};
    small.max_document_bytes = 100;
    CHECK(import_error("case", text, small).status == Status::limit);
    small = Limits{};
    small.max_skills = 3;
    CHECK(import_error("case", text, small).status == Status::limit);
}

TEST_CASE("O*NET: elements are skills in their group's area, occupations are roles") {
    const Json doc = imported("onet", read_test_file("onet_excerpt.txt"));
    CHECK(doc.at("levels") == Json::array({"0", "1", "2", "3", "4", "5", "6", "7"}));
    CHECK(ids(doc.at("skills")) ==
          std::vector<std::string>{"reading_comprehension", "programming", "time_management", "made_up_knowledge"});
    CHECK(doc.at("skills")[0].at("area") == "basic_skills_content");
    CHECK(doc.at("skills")[1].at("area") == "technical_skills");
    CHECK(doc.at("skills")[1].at("source_id") == "2.B.3.e");
    CHECK(doc.at("skills")[3].at("area") == "group_2_c_9");
    CHECK(ids(doc.at("areas")) == std::vector<std::string>{"basic_skills", "basic_skills_content", "cross_functional_skills",
                                                            "technical_skills", "resource_management_skills", "group_2_c_9"});
    CHECK(ids(doc.at("roles")) == std::vector<std::string>{"99-0001.00", "99-0002.00"});

    // Importance 3.50 and 4.25 reach 3.0, 2.99 does not; Levels 4.49 and 5.50 round to 4 and 6;
    // a Level of 0.40 rounds to 0, which no role can require.
    const Json &wrangler = role(doc, "99-0001.00");
    CHECK(wrangler.at("title") == "Data Wranglers");
    CHECK(wrangler.at("description").get<std::string>().find("clean and reshape") != std::string::npos);
    CHECK(wrangler.at("requires") == Json{{"programming", "6"}, {"reading_comprehension", "4"}});
    CHECK(wrangler.at("weights") == Json{{"programming", 4.25}, {"reading_comprehension", 3.5}});
    // 3.00 is at the threshold; Programming's Importance is suppressed and Time Management's
    // Level not relevant, so neither is required.
    CHECK(role(doc, "99-0002.00").at("requires") == Json{{"reading_comprehension", "3"}});
    CHECK(doc.at("import").at("importance") == 3.0);
    CHECK(doc.at("import").at("importance_default") == true);
    load_ok(import_framework("onet", read_test_file("onet_excerpt.txt")).value().document);
}

TEST_CASE("O*NET: the Importance threshold") {
    const Json doc = imported("onet;importance=4", read_test_file("onet_excerpt.txt"));
    CHECK(role(doc, "99-0001.00").at("requires") == Json{{"programming", "6"}});
    CHECK(role(doc, "99-0002.00").at("requires") == Json::object());
    CHECK(note_codes(doc).count("role_without_requirements") == 1);
    CHECK(doc.at("import").at("importance_default") == false);
    const Json low = imported("onet;importance=2.5", read_test_file("onet_excerpt.txt"));
    CHECK(role(low, "99-0001.00").at("requires").at("time_management") == "3");
}

TEST_CASE("O*NET: rows left out and everything else not mapped are noted") {
    const Json doc = imported("onet", read_test_file("onet_excerpt.txt"));
    const auto codes = note_codes(doc);
    CHECK(codes.count("row_suppressed") == 1);
    CHECK(codes.count("row_not_relevant") == 1);
    CHECK(codes.count("missing_rating") == 1);          // Made-up Knowledge in 99-0002.00: IM only
    CHECK(codes.count("level_below_one") == 1);
    CHECK(codes.count("scale_not_mapped") == 1);
    CHECK(codes.count("occupation_without_ratings") == 1);
    CHECK(codes.count("element_group_unknown") == 1);
    CHECK(codes.count("column_not_mapped") == 7);       // Scale Name, N, Standard Error, CI bounds, Date, Domain Source
    for (const auto &note : doc.at("import_notes")) {
        if (note.at("code") == "row_suppressed") CHECK(note.at("pointer") == "/12/Recommend Suppress");
        if (note.at("code") == "row_not_relevant") CHECK(note.at("pointer") == "/15/Not Relevant");
        if (note.at("code") == "occupation_without_ratings") {
            CHECK(note.at("pointer") == "/22/O*NET-SOC Code");
            CHECK(note.at("message").get<std::string>().find("99-0003.00") != std::string::npos);
        }
    }
}

TEST_CASE("O*NET: input that is not the Skills table names its line and column") {
    const std::string header =
        "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tData Value\tRecommend Suppress\tNot Relevant\n";
    const std::string row = "11-1011.00\tChief Executives\t2.A.1.a\tReading Comprehension\t";
    struct Case {
        std::string input;
        std::string pointer;
        std::size_t line;
    };
    const Case cases[] = {
        {"", "/1", 1},
        {"O*NET-SOC Code\tTitle\tDescription\n", "/1", 1},
        {header + row + "IM\tfour\tN\t\n", "/2/Data Value", 2},
        {header + row + "IM\t6.00\tN\t\n", "/2/Data Value", 2},
        {header + row + "LV\t-1\tN\tN\n", "/2/Data Value", 2},
        {header + row + "IM\t4.00\n", "/2", 2},
        {header + row + "IM\t4.00\tmaybe\t\n", "/2/Recommend Suppress", 2},
        {header + row + "IM\t4.00\tN\t\n" + row + "IM\t3.00\tN\t\n", "/3", 3},
        {header + "\t\t2.A.1.a\tReading Comprehension\tIM\t4.00\tN\t\n", "/2/O*NET-SOC Code", 2},
        {header + row + "IM\t4.00\tN\t\n11-1011.00\tChief Executives\t2.A.1.a\tReading\tLV\t4.00\tN\tN\n",
         "/3/Element Name", 3},
        {header + row + "IM\t4.00\tN\t\nO*NET-SOC Code\tDescription\n", "/3", 3},
        {header + "11-1011.00\tChief \xff\t2.A.1.a\tReading Comprehension\tIM\t4.00\tN\t\n", "/2", 2},
    };
    for (const auto &c : cases) {
        CAPTURE(c.input);
        const Error e = import_error("onet", c.input);
        CHECK(e.status == Status::schema);
        CHECK(e.pointer == c.pointer);
        REQUIRE(e.position);
        CHECK(e.position->line == c.line);
        CHECK(e.message.rfind("line " + std::to_string(c.line) + ": ", 0) == 0);
    }
    // The column of a bad value: "four" starts after five fields.
    const Error e = import_error("onet", header + row + "IM\tfour\tN\t\n");
    CHECK(e.position->column == row.size() + 4);
}

TEST_CASE("O*NET: limits") {
    const std::string text = read_test_file("onet_excerpt.txt");
    Limits small;
    small.max_skills = 2;
    Error e = import_error("onet", text, small);
    CHECK(e.status == Status::limit);
    CHECK(e.pointer == "/6/Element ID");
    small = Limits{};
    small.max_roles = 1;
    e = import_error("onet", text, small);
    CHECK(e.status == Status::limit);
    CHECK(e.pointer == "/10/O*NET-SOC Code");
    small = Limits{};
    small.max_string_bytes = 10;
    CHECK(import_error("onet", text, small).status == Status::limit);
}

// The O*NET importer: the O*NET database's Skills table in its tab-delimited text layout,
// optionally followed by its Occupation Data table, as a curriculum (docs/importing.md, "O*NET").
// Each element is a skill in its element group's area on the Level scale 0-7; each occupation is
// a role requiring each skill whose Importance reaches the threshold, at its Level rounded to the
// nearest whole level, weighted by Importance. Rows marked Recommend Suppress or Not Relevant
// are left out, and noted.
//
// Places in the text are named "/LINE/COLUMN NAME" (LINE from 1, the header line being 1), a
// JSON Pointer over the table read as an array of rows keyed by the header's names, with the
// error's position (line, column) beside it.
#include <careerpath/json.hpp>

#include "import_document.hpp"
#include "json_reader.hpp"  // format_number

#include "../utf8.hpp"

#include <charconv>
#include <initializer_list>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

namespace {

constexpr std::size_t absent = static_cast<std::size_t>(-1);

// O*NET's content model: the groups of the Skills table's elements (element id prefix, area id,
// title) and the two groups above them.
struct Group {
    std::string_view prefix, id, title, parent;
};
constexpr Group skill_groups[] = {
    {"2.A", "basic_skills", "Basic Skills", ""},
    {"2.B", "cross_functional_skills", "Cross-Functional Skills", ""},
    {"2.A.1", "basic_skills_content", "Basic Skills: Content", "2.A"},
    {"2.A.2", "basic_skills_process", "Basic Skills: Process", "2.A"},
    {"2.B.1", "social_skills", "Social Skills", "2.B"},
    {"2.B.2", "complex_problem_solving_skills", "Complex Problem Solving Skills", "2.B"},
    {"2.B.3", "technical_skills", "Technical Skills", "2.B"},
    {"2.B.4", "systems_skills", "Systems Skills", "2.B"},
    {"2.B.5", "resource_management_skills", "Resource Management Skills", "2.B"},
};

const Group *find_group(std::string_view prefix) {
    for (const auto &g : skill_groups)
        if (g.prefix == prefix) return &g;
    return nullptr;
}

// An element's group: its id up to the third dot-separated part ("2.A.1.a" -> "2.A.1").
std::string_view group_prefix(std::string_view element) {
    std::size_t dots = 0;
    for (std::size_t i = 0; i < element.size(); ++i)
        if (element[i] == '.' && ++dots == 3) return element.substr(0, i);
    return element;
}

struct Line {
    std::string_view text;   ///< without its line break
    std::size_t number = 0;  ///< from 1
    std::size_t offset = 0;  ///< of its first byte in the text
    std::vector<std::string_view> fields;
    std::vector<std::size_t> columns;  ///< each field's column (bytes, from 1)
};

struct Rating {
    std::optional<double> importance, level;
    std::size_t importance_line = 0, level_line = 0;
    bool importance_left_out = false, level_left_out = false;
};

struct Occupation {
    std::string code;
    std::string title;
    std::size_t line = 0;
    std::vector<std::pair<std::size_t, std::size_t>> ratings;  ///< element, index into ratings_
};

struct Element {
    std::string id;  ///< the O*NET Element ID
    std::string name;
    std::size_t line = 0;
};

class OnetReader {
public:
    OnetReader(std::string_view text, const ImportOptions &options, const Limits &limits, ImportedFramework &out)
        : text_(text), options_(options), limits_(limits), out_(out) {}

    Ok read() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") start_ = 3;
        Line line;
        if (!next_line(line)) return error(Status::schema, "the input is empty: an O*NET Skills table starts with its header line", 1, 0, "");
        BOOST_OUTCOME_TRYV(check_utf8(line));
        BOOST_OUTCOME_TRYV(read_skills_header(line));
        bool occupation_data = false;
        while (next_line(line)) {
            BOOST_OUTCOME_TRYV(check_utf8(line));
            if (line.fields.size() == 1 && line.fields[0].empty()) continue;  // a blank line
            if (line.fields[0] == "O*NET-SOC Code") {
                if (occupation_data)
                    return error(Status::schema, "a third table starts here: after the Skills table only Occupation Data may follow",
                                 line.number, line.offset, "");
                BOOST_OUTCOME_TRYV(read_occupation_header(line));
                occupation_data = true;
                continue;
            }
            if (occupation_data) {
                BOOST_OUTCOME_TRYV(read_occupation_row(line));
            }
            else {
                BOOST_OUTCOME_TRYV(read_skills_row(line));
            }
        }
        build();
        return success();
    }

private:
    // The next line's fields (tab-separated, a CR before the LF dropped); false at the end.
    bool next_line(Line &line) {
        if (start_ >= text_.size()) return false;
        std::size_t end = text_.find('\n', start_);
        if (end == std::string_view::npos) end = text_.size();
        std::string_view content = text_.substr(start_, end - start_);
        if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
        line.text = content;
        line.number = ++line_number_;
        line.offset = start_;
        line.fields.clear();
        line.columns.clear();
        std::size_t from = 0;
        while (true) {
            const std::size_t tab = content.find('\t', from);
            line.fields.push_back(content.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
            line.columns.push_back(from + 1);
            if (tab == std::string_view::npos) break;
            from = tab + 1;
        }
        start_ = end + 1;
        return true;
    }

    // O*NET publishes its text as UTF-8; anything else would reach ids and titles as U+FFFD, so
    // two codes could read as one.
    Ok check_utf8(const Line &line) const {
        for (std::size_t i = 0; i < line.text.size();) {
            if (static_cast<unsigned char>(line.text[i]) < 0x80) {
                ++i;
                continue;
            }
            const std::size_t n = utf8_length(line.text.substr(i));
            if (n == 0)
                return error(Status::schema, "the text is not UTF-8 (byte " + std::to_string(i + 1) + " of the line)",
                             line.number, line.offset, "", i + 1);
            i += n;
        }
        return success();
    }

    Error error(Status status, std::string message, std::size_t line, std::size_t offset, std::string_view column,
                std::size_t byte_column = 1) const {
        std::string pointer = "/" + std::to_string(line);
        if (!column.empty()) pointer = pointer_append(pointer, column);
        Error e = make_error(status, "line " + std::to_string(line) + ": " + message, std::move(pointer));
        e.position = TextPosition{offset + byte_column - 1, line, byte_column};
        return e;
    }
    Error field_error(const Line &line, std::size_t field, std::string message) const {
        return error(Status::schema, std::move(message), line.number, line.offset, header_[field],
                     line.columns[field]);
    }

    Ok check_field_sizes(const Line &line) const {
        for (std::size_t i = 0; i < line.fields.size(); ++i)
            if (line.fields[i].size() > limits_.max_string_bytes)
                return error(Status::limit,
                             "a field has " + std::to_string(line.fields[i].size()) + " bytes, more than " +
                                 std::to_string(limits_.max_string_bytes) + " (max_string_bytes)",
                             line.number, line.offset, i < header_.size() ? header_[i] : std::string_view(),
                             line.columns[i]);
        return success();
    }

    std::size_t column(std::string_view name) const {
        for (std::size_t i = 0; i < header_.size(); ++i)
            if (header_[i] == name) return i;
        return absent;
    }

    Ok read_skills_header(const Line &line) {
        BOOST_OUTCOME_TRYV(check_field_sizes(line));
        header_ = line.fields;
        for (std::size_t i = 0; i < header_.size(); ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (header_[i] == header_[k])
                    return error(Status::schema, "column \"" + std::string(header_[i]) + "\" comes twice in the header",
                                 line.number, line.offset, "", line.columns[i]);
        code_ = column("O*NET-SOC Code");
        title_ = column("Title");
        element_id_ = column("Element ID");
        element_name_ = column("Element Name");
        scale_ = column("Scale ID");
        value_ = column("Data Value");
        suppress_ = column("Recommend Suppress");
        not_relevant_ = column("Not Relevant");
        using Required = std::pair<std::size_t, const char *>;
        for (const auto &[index, name] : std::initializer_list<Required>{
                 {code_, "O*NET-SOC Code"}, {element_id_, "Element ID"}, {element_name_, "Element Name"},
                 {scale_, "Scale ID"}, {value_, "Data Value"}})
            if (index == absent)
                return error(Status::schema,
                             "the header has no \"" + std::string(name) +
                                 "\" column: the input is not O*NET's Skills table in its tab-delimited text layout",
                             line.number, line.offset, "");
        for (std::size_t i = 0; i < header_.size(); ++i)
            if (i != code_ && i != title_ && i != element_id_ && i != element_name_ && i != scale_ && i != value_ &&
                i != suppress_ && i != not_relevant_)
                unmapped_columns_.push_back(i);
        skills_header_line_ = line.number;
        return success();
    }

    Ok expect_fields(const Line &line, std::size_t count) const {
        if (line.fields.size() != count)
            return error(Status::schema,
                         "the row has " + std::to_string(line.fields.size()) + " fields, the header " + std::to_string(count),
                         line.number, line.offset, "");
        return success();
    }

    Ok read_flag(const Line &line, std::size_t field, bool &out) const {
        if (field == absent) return success();
        const std::string_view v = line.fields[field];
        if (v == "Y") out = true;
        else if (v != "N" && !v.empty())
            return field_error(line, field, std::string(header_[field]) + " must be Y, N or empty, not \"" + std::string(v) + "\"");
        return success();
    }

    Ok read_skills_row(const Line &line) {
        BOOST_OUTCOME_TRYV(expect_fields(line, header_.size()));
        BOOST_OUTCOME_TRYV(check_field_sizes(line));
        for (const std::size_t f : {code_, element_id_, element_name_, scale_})
            if (line.fields[f].empty()) return field_error(line, f, std::string(header_[f]) + " must not be empty");
        const std::string_view scale = line.fields[scale_];
        if (scale != "IM" && scale != "LV") {
            auto [it, fresh] = other_scales_.try_emplace(std::string(scale), 0, line.number);
            ++it->second.first;
            (void)fresh;
            return success();
        }
        const bool importance = scale == "IM";
        double value = 0;
        const std::string_view text = line.fields[value_];
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
            return field_error(line, value_, "Data Value must be a number, not \"" + std::string(text) + "\"");
        if (importance ? (value < 1 || value > 5) : (value < 0 || value > 7))
            return field_error(line, value_, std::string(importance ? "an Importance (IM)" : "a Level (LV)") +
                                                 " must be from " + (importance ? "1 to 5" : "0 to 7") + ", not " +
                                                 std::string(text));
        bool suppressed = false, not_relevant = false;
        BOOST_OUTCOME_TRYV(read_flag(line, suppress_, suppressed));
        BOOST_OUTCOME_TRYV(read_flag(line, not_relevant_, not_relevant));

        BOOST_OUTCOME_TRY(element, find_element(line));
        BOOST_OUTCOME_TRY(occupation, find_occupation(line));
        const auto key = (static_cast<std::uint64_t>(occupation) << 32) | element;
        auto [slot, fresh] = rating_index_.try_emplace(key, ratings_.size());
        if (fresh) {
            ratings_.emplace_back();
            occupations_[occupation].ratings.push_back({element, slot->second});
        }
        Rating &rating = ratings_[slot->second];
        std::size_t &seen = importance ? rating.importance_line : rating.level_line;
        if (seen)
            return error(Status::schema,
                         "a second " + std::string(scale) + " row for occupation " + occupations_[occupation].code +
                             " and element " + elements_[element].id + " (first at line " + std::to_string(seen) + ")",
                         line.number, line.offset, "");
        seen = line.number;
        if (suppressed || not_relevant) {
            const std::size_t flag = suppressed ? suppress_ : not_relevant_;
            out_.notes.push_back({suppressed ? "row_suppressed" : "row_not_relevant",
                                  "line " + std::to_string(line.number) + ": " + std::string(scale) + " of " +
                                      elements_[element].name + " for " + occupations_[occupation].code +
                                      " is marked " + std::string(header_[flag]) + ": left out",
                                  pointer_append("/" + std::to_string(line.number), header_[flag])});
            (importance ? rating.importance_left_out : rating.level_left_out) = true;
            return success();
        }
        (importance ? rating.importance : rating.level) = value;
        return success();
    }

    Result<std::size_t> find_element(const Line &line) {
        const std::string_view id = line.fields[element_id_], name = line.fields[element_name_];
        const auto [it, fresh] = element_index_.try_emplace(std::string(id), elements_.size());
        if (!fresh) {
            const Element &e = elements_[it->second];
            if (e.name != name)
                return field_error(line, element_name_, "element " + e.id + " is \"" + std::string(name) + "\" here and \"" +
                                                             e.name + "\" at line " + std::to_string(e.line));
            return it->second;
        }
        if (elements_.size() >= limits_.max_skills)
            return error(Status::limit, "more than " + std::to_string(limits_.max_skills) + " elements (max_skills)",
                         line.number, line.offset, header_[element_id_], line.columns[element_id_]);
        elements_.push_back({std::string(id), std::string(name), line.number});
        return it->second;
    }

    Result<std::size_t> find_occupation(const Line &line) {
        const std::string_view code = line.fields[code_];
        const auto [it, fresh] = occupation_index_.try_emplace(std::string(code), occupations_.size());
        if (!fresh) return it->second;
        if (occupations_.size() >= limits_.max_roles)
            return error(Status::limit, "more than " + std::to_string(limits_.max_roles) + " occupations (max_roles)",
                         line.number, line.offset, header_[code_], line.columns[code_]);
        Occupation o;
        o.code = std::string(code);
        if (title_ != absent) o.title = std::string(line.fields[title_]);
        o.line = line.number;
        occupations_.push_back(std::move(o));
        return it->second;
    }

    Ok read_occupation_header(const Line &line) {
        BOOST_OUTCOME_TRYV(check_field_sizes(line));
        occupation_header_ = line.fields;
        occupation_header_line_ = line.number;
        occupation_title_ = occupation_description_ = absent;
        for (std::size_t i = 0; i < occupation_header_.size(); ++i) {
            if (occupation_header_[i] == "Title" && occupation_title_ == absent) occupation_title_ = i;
            else if (occupation_header_[i] == "Description" && occupation_description_ == absent) occupation_description_ = i;
            else if (i != 0)
                out_.notes.push_back({"column_not_mapped",
                                      "Occupation Data column \"" + std::string(occupation_header_[i]) +
                                          "\" is not carried into the curriculum",
                                      pointer_append("/" + std::to_string(line.number), occupation_header_[i])});
        }
        if (occupation_title_ == absent)
            return error(Status::schema, "the Occupation Data header has no \"Title\" column", line.number, line.offset, "");
        return success();
    }

    Ok read_occupation_row(const Line &line) {
        if (line.fields.size() != occupation_header_.size())
            return error(Status::schema,
                         "the row has " + std::to_string(line.fields.size()) + " fields, the Occupation Data header " +
                             std::to_string(occupation_header_.size()),
                         line.number, line.offset, "");
        BOOST_OUTCOME_TRYV(check_field_sizes(line));
        const std::string_view code = line.fields[0];
        if (code.empty())
            return error(Status::schema, "O*NET-SOC Code must not be empty", line.number, line.offset, "O*NET-SOC Code");
        const auto [it, fresh] = described_.try_emplace(std::string(code), line.number);
        if (!fresh)
            return error(Status::schema,
                         "occupation " + std::string(code) + " comes twice in Occupation Data (first at line " +
                             std::to_string(it->second) + ")",
                         line.number, line.offset, "O*NET-SOC Code");
        const auto known = occupation_index_.find(std::string(code));
        if (known == occupation_index_.end()) {
            out_.notes.push_back({"occupation_without_ratings",
                                  "occupation " + std::string(code) + " (" + std::string(line.fields[occupation_title_]) +
                                      ") has no Skills ratings: no role",
                                  pointer_append("/" + std::to_string(line.number), "O*NET-SOC Code")});
            return success();
        }
        Occupation &o = occupations_[known->second];
        o.title = std::string(line.fields[occupation_title_]);
        if (occupation_description_ != absent) descriptions_[known->second] = std::string(line.fields[occupation_description_]);
        return success();
    }

    void build() {
        const double threshold = options_.importance.value_or(ImportOptions::default_importance);
        out_.id = "onet-skills";
        out_.title = "O*NET Skills";
        out_.source = occupation_header_line_ ? "O*NET Skills table with Occupation Data" : "O*NET Skills table";
        for (int level = 0; level <= 7; ++level) out_.levels.push_back(std::to_string(level));
        out_.weighted_roles = true;

        for (const std::size_t i : unmapped_columns_)
            out_.notes.push_back({"column_not_mapped",
                                  "Skills column \"" + std::string(header_[i]) + "\" is not carried into the curriculum",
                                  pointer_append("/" + std::to_string(skills_header_line_), header_[i])});
        for (const auto &[scale, seen] : other_scales_)
            out_.notes.push_back({"scale_not_mapped",
                                  "scale \"" + scale + "\" (" + std::to_string(seen.first) + " rows, the first at line " +
                                      std::to_string(seen.second) + ") is not mapped: only IM (Importance) and LV (Level) are",
                                  pointer_append("/" + std::to_string(seen.second), "Scale ID")});

        // Areas: the groups the elements fall in, each with the group above it, in order of first use.
        std::map<std::string, std::string, std::less<>> area_of_group;
        std::set<std::string> area_ids;
        for (const auto &g : skill_groups) area_ids.insert(std::string(g.id));
        const auto add_area = [&](std::string_view prefix, std::size_t line) -> std::string {
            if (const auto found = area_of_group.find(prefix); found != area_of_group.end()) return found->second;
            const Group *group = find_group(prefix);
            std::string parent;
            if (group && !group->parent.empty()) {
                const Group *above = find_group(group->parent);
                if (!area_of_group.count(above->prefix)) {
                    area_of_group.emplace(std::string(above->prefix), std::string(above->id));
                    out_.areas.push_back({std::string(above->id), std::string(above->title), "", std::string(above->prefix)});
                }
                parent = std::string(above->id);
            }
            std::string id = group ? std::string(group->id) : "group_" + snake_id(prefix);
            // Two unknown groups may spell the same id ("9.a", "9-a"): each area keeps its own.
            if (!group) {
                const std::string base = id;
                for (std::size_t n = 2; area_ids.count(id); ++n) id = base + "_" + std::to_string(n);
                area_ids.insert(id);
            }
            if (!group)
                out_.notes.push_back({"element_group_unknown",
                                      "element group " + std::string(prefix) +
                                          " is not one of the Skills table's: its area is named after its Element ID",
                                      pointer_append("/" + std::to_string(line), "Element ID")});
            out_.areas.push_back({id, group ? std::string(group->title) : std::string(prefix), parent, std::string(prefix)});
            area_of_group.emplace(std::string(prefix), id);
            return id;
        };
        std::unordered_map<std::string, std::size_t> taken;
        for (const auto &e : elements_) {
            std::string id = snake_id(e.name);
            if (id.empty()) id = "element_" + snake_id(e.id);
            std::string unique = id;
            for (std::size_t n = 2; taken.count(unique); ++n) unique = id + "_" + std::to_string(n);
            if (unique != id)
                out_.notes.push_back({"id_changed", "id \"" + id + "\" is taken: element " + e.id + " is \"" + unique + "\"",
                                      pointer_append("/" + std::to_string(e.line), "Element Name")});
            taken.emplace(unique, 0);
            out_.skills.push_back({unique, e.name, add_area(group_prefix(e.id), e.line), e.id});
        }

        std::unordered_map<std::string, std::size_t> role_ids;
        for (std::size_t k = 0; k < occupations_.size(); ++k) {
            const Occupation &o = occupations_[k];
            ImportedRole role;
            role.id = clean_id(o.code);
            if (role.id.empty()) role.id = "occupation";
            std::string unique = role.id;
            for (std::size_t n = 2; role_ids.count(unique); ++n) unique = role.id + "~" + std::to_string(n);
            if (unique != role.id)
                out_.notes.push_back({"id_changed", "id \"" + role.id + "\" is taken: occupation " + o.code + " is \"" + unique + "\"",
                                      pointer_append("/" + std::to_string(o.line), "O*NET-SOC Code")});
            role_ids.emplace(unique, 0);
            role.id = std::move(unique);
            role.title = o.title.empty() ? o.code : o.title;
            role.source_id = o.code;
            if (const auto d = descriptions_.find(k); d != descriptions_.end()) role.description = d->second;
            for (const auto &[element, index] : o.ratings) {
                const Rating &r = ratings_[index];
                const std::string &name = elements_[element].name;
                if (r.importance && !r.level && !r.level_left_out && *r.importance >= threshold)
                    out_.notes.push_back({"missing_rating",
                                          "no Level (LV) row for " + name + " in " + o.code + ": not required",
                                          "/" + std::to_string(r.importance_line)});
                if (r.level && !r.importance && !r.importance_left_out)
                    out_.notes.push_back({"missing_rating",
                                          "no Importance (IM) row for " + name + " in " + o.code + ": not required",
                                          "/" + std::to_string(r.level_line)});
                if (!r.importance || !r.level || *r.importance < threshold) continue;
                const auto level = static_cast<std::size_t>(std::floor(*r.level + 0.5));
                if (level == 0) {
                    out_.notes.push_back({"level_below_one",
                                          name + " matters to " + o.code + " (Importance " + format_number(*r.importance) +
                                              ") at Level " + format_number(*r.level) +
                                              ", which rounds to 0: not required",
                                          pointer_append("/" + std::to_string(r.level_line), "Data Value")});
                    continue;
                }
                role.requirements.push_back({element, level, *r.importance});
            }
            if (role.requirements.empty())
                out_.notes.push_back({"role_without_requirements",
                                      "occupation " + o.code + " has no skill of Importance " + format_number(threshold) +
                                          " or more: its role requires nothing",
                                      pointer_append("/" + std::to_string(o.line), "O*NET-SOC Code")});
            out_.roles.push_back(std::move(role));
        }
    }

    std::string_view text_;
    const ImportOptions &options_;
    const Limits &limits_;
    ImportedFramework &out_;
    std::size_t start_ = 0, line_number_ = 0;
    std::vector<std::string_view> header_, occupation_header_;
    std::size_t code_ = absent, title_ = absent, element_id_ = absent, element_name_ = absent, scale_ = absent,
                value_ = absent, suppress_ = absent, not_relevant_ = absent;
    std::size_t occupation_title_ = absent, occupation_description_ = absent;
    std::size_t skills_header_line_ = 0, occupation_header_line_ = 0;
    std::vector<std::size_t> unmapped_columns_;
    std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> other_scales_;  ///< rows, first line
    std::vector<Element> elements_;
    std::unordered_map<std::string, std::size_t> element_index_;
    std::vector<Occupation> occupations_;
    std::unordered_map<std::string, std::size_t> occupation_index_;
    std::vector<Rating> ratings_;
    std::unordered_map<std::uint64_t, std::size_t> rating_index_;
    std::unordered_map<std::string, std::size_t> described_;
    std::unordered_map<std::size_t, std::string> descriptions_;
};

}  // namespace

Result<void> read_onet_table(std::string_view text, const ImportOptions &options, const Limits &limits,
                             ImportedFramework &out) {
    OnetReader reader(text, options, limits, out);
    return reader.read();
}

}  // namespace detail

CAREERPATH_NAMESPACE_END

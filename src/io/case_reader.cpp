// The CASE importer: a 1EdTech CASE 1.0/1.1 package (CFPackage, or CFDocument + CFItems +
// CFAssociations) as a curriculum. The mapping is docs/importing.md, "CASE"; in short: an item
// with children is an area of its descendants, the leaves are skills, `A precedes B` makes B
// require A, a CFRubric attached to items gives the level scale, education levels give roles.
#include "document.hpp"
#include "import_document.hpp"
#include "json_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

struct Item {
    std::string identifier;
    std::string code;  ///< humanCodingScheme, cleaned; "" where absent
    std::string full_statement;
    std::string abbreviated_statement;
    std::vector<std::string> education_levels;
    std::string pointer;
    std::size_t parent = none;         ///< an item, or none (the document, or no isChildOf)
    std::size_t parent_association = none;
    bool has_children = false;
    std::string id;
    std::size_t skill = none;          ///< its index among the skills, for a leaf
    std::size_t first_leaf = 0, last_leaf = 0;  ///< its skills: [first_leaf, last_leaf) in leaf order
};

struct Precedes {
    std::size_t before = 0, after = 0;  ///< items
    std::size_t association = 0;
};

// Fields of one kind of object that the curriculum does not carry, with how many objects have
// each and where the first is: one note per field rather than one per object.
class UnmappedFields {
public:
    void add(std::string_view field, const std::string &pointer) {
        auto [it, fresh] = fields_.try_emplace(std::string(field), 0, pointer);
        ++it->second.first;
        (void)fresh;
    }
    void notes(std::string_view what, std::vector<ImportNote> &out) const {
        for (const auto &[field, seen] : fields_)
            out.push_back({"field_not_mapped",
                           std::string(what) + " field \"" + field + "\" (on " + std::to_string(seen.first) +
                               (seen.first == 1 ? " object" : " objects") + ") is not carried into the curriculum",
                           seen.second});
    }

private:
    std::map<std::string, std::pair<std::size_t, std::string>, std::less<>> fields_;
};

// Education levels as CEDS codes them, in school order; other codes follow in byte order.
constexpr std::pair<std::string_view, std::string_view> education_level_names[] = {
    {"IT", "Infant/toddler"}, {"PR", "Preschool"}, {"PK", "Prekindergarten"}, {"TK", "Transitional kindergarten"},
    {"KG", "Kindergarten"}, {"01", "Grade 1"}, {"02", "Grade 2"}, {"03", "Grade 3"}, {"04", "Grade 4"},
    {"05", "Grade 5"}, {"06", "Grade 6"}, {"07", "Grade 7"}, {"08", "Grade 8"}, {"09", "Grade 9"},
    {"10", "Grade 10"}, {"11", "Grade 11"}, {"12", "Grade 12"}, {"13", "Grade 13"}, {"AS", "Associate's degree"},
    {"BA", "Bachelor's degree"}, {"PB", "Post-baccalaureate certificate"}, {"MD", "Master's degree"},
    {"PM", "Post-master's certificate"}, {"DO", "Doctoral degree"}, {"PD", "Post-doctoral certificate"},
    {"AE", "Adult education"}, {"PS", "Postsecondary"}, {"UG", "Ungraded"}, {"Other", "Other"}};

std::size_t education_level_rank(std::string_view code) {
    for (std::size_t i = 0; i < std::size(education_level_names); ++i)
        if (education_level_names[i].first == code) return i;
    return std::size(education_level_names);
}

// The identifier of a node a CFAssociation names ({"identifier": ..., "uri": ...}).
Ok read_node_identifier(const Node &association, std::string_view key, std::string &out) {
    const Node node = association.member(key);
    if (!node) return missing(node, key);
    BOOST_OUTCOME_TRYV(node.expect_object(key));
    return read_id(node.member("identifier"), std::string(key) + " identifier", out);
}

class CaseReader {
public:
    CaseReader(const Limits &limits, ImportedFramework &out) : limits_(limits), out_(out) {}

    Ok read(const Node &root) {
        BOOST_OUTCOME_TRYV(root.expect_object("a CASE package"));
        Node package = root;
        if (const Node wrapped = root.member("CFPackage")) {
            BOOST_OUTCOME_TRYV(wrapped.expect_object("CFPackage"));
            for (const auto member : root->members())
                if (member.key() != "CFPackage")
                    out_.notes.push_back({"member_not_mapped", "\"" + std::string(member.key()) +
                                                                   "\" beside CFPackage is not carried into the curriculum",
                                          member.value().pointer()});
            package = wrapped;
        }
        const Node document = package.member("CFDocument");
        if (!document)
            return schema_error(document.pointer(),
                                "missing CFDocument: a CASE package is a CFPackage, or CFDocument, CFItems and CFAssociations");
        BOOST_OUTCOME_TRYV(read_document(document));
        Node items, associations, rubrics;
        BOOST_OUTCOME_TRYV(read_array(package, "CFItems", items));
        BOOST_OUTCOME_TRYV(read_array(package, "CFAssociations", associations));
        BOOST_OUTCOME_TRYV(read_array(package, "CFRubrics", rubrics));
        for (const auto member : package->members()) {
            const std::string_view key = member.key();
            if (key != "CFDocument" && key != "CFItems" && key != "CFAssociations" && key != "CFRubrics")
                out_.notes.push_back({"member_not_mapped",
                                      "package member \"" + std::string(key) + "\" is not carried into the curriculum",
                                      member.value().pointer()});
        }
        if (items) {
            BOOST_OUTCOME_TRYV(read_items(items));
        }
        if (associations) {
            BOOST_OUTCOME_TRYV(read_associations(associations));
        }
        BOOST_OUTCOME_TRYV(check_hierarchy());
        name_items();
        BOOST_OUTCOME_TRYV(read_scale(rubrics));
        build_skills_and_areas();
        BOOST_OUTCOME_TRYV(build_prerequisites());
        BOOST_OUTCOME_TRYV(build_roles());
        item_fields_.notes("CFItems", out_.notes);
        association_fields_.notes("CFAssociations", out_.notes);
        return success();
    }

private:
    Ok read_document(const Node &document) {
        BOOST_OUTCOME_TRYV(document.expect_object("CFDocument"));
        BOOST_OUTCOME_TRYV(read_id(document.member("identifier"), "CFDocument identifier", document_identifier_));
        std::string title;
        BOOST_OUTCOME_TRYV(read_optional_string(document.member("title"), "CFDocument title", title));
        out_.id = clean_id(document_identifier_);
        if (out_.id.empty())
            return schema_error(document.member("identifier").pointer(), "CFDocument identifier must not be blank");
        out_.title = title.empty() ? out_.id : title;
        out_.source = "CASE CFDocument " + document_identifier_;
        UnmappedFields fields;
        for (const auto member : document->members())
            if (member.key() != "identifier" && member.key() != "title") fields.add(member.key(), member.value().pointer());
        fields.notes("CFDocument", out_.notes);
        return success();
    }

    Ok read_items(const Node &items) {
        items_.reserve(items->size());
        for (std::size_t i = 0; i < items->size(); ++i) {
            const Node n = items.element(i);
            BOOST_OUTCOME_TRYV(n.expect_object("a CFItem"));
            Item item;
            item.pointer = n.pointer();
            BOOST_OUTCOME_TRYV(read_id(n.member("identifier"), "CFItem identifier", item.identifier));
            std::string code;
            BOOST_OUTCOME_TRYV(read_optional_string(n.member("humanCodingScheme"), "humanCodingScheme", code));
            item.code = clean_id(code);
            BOOST_OUTCOME_TRYV(read_optional_string(n.member("fullStatement"), "fullStatement", item.full_statement));
            BOOST_OUTCOME_TRYV(
                read_optional_string(n.member("abbreviatedStatement"), "abbreviatedStatement", item.abbreviated_statement));
            if (const Node levels = n.member("educationLevel")) {
                BOOST_OUTCOME_TRYV(levels.expect_array("educationLevel"));
                for (std::size_t k = 0; k < levels->size(); ++k) {
                    std::string level;
                    BOOST_OUTCOME_TRYV(read_id(levels.element(k), "an educationLevel", level));
                    level = clean_id(level);
                    if (!level.empty()) item.education_levels.push_back(std::move(level));
                }
            }
            for (const auto member : n->members()) {
                const std::string_view key = member.key();
                const bool mapped = key == "identifier" || key == "humanCodingScheme" || key == "fullStatement" ||
                                    key == "educationLevel" ||
                                    (key == "abbreviatedStatement" && item.full_statement.empty());
                if (!mapped) item_fields_.add(key, member.value().pointer());
            }
            const auto [first, fresh] = item_index_.try_emplace(item.identifier, items_.size());
            if (!fresh)
                return schema_error(n.member("identifier").pointer(), "duplicate CFItem identifier \"" + item.identifier +
                                                                          "\" (first at " + items_[first->second].pointer + ")");
            items_.push_back(std::move(item));
        }
        return success();
    }

    std::size_t find_item(const std::string &identifier) const {
        const auto it = item_index_.find(identifier);
        return it == item_index_.end() ? none : it->second;
    }

    Ok read_associations(const Node &associations) {
        for (std::size_t j = 0; j < associations->size(); ++j) {
            const Node n = associations.element(j);
            BOOST_OUTCOME_TRYV(n.expect_object("a CFAssociation"));
            std::string type, origin_id, destination_id;
            BOOST_OUTCOME_TRYV(read_id(n.member("associationType"), "associationType", type));
            BOOST_OUTCOME_TRYV(read_node_identifier(n, "originNodeURI", origin_id));
            BOOST_OUTCOME_TRYV(read_node_identifier(n, "destinationNodeURI", destination_id));
            for (const auto member : n->members()) {
                const std::string_view key = member.key();
                if (key != "associationType" && key != "originNodeURI" && key != "destinationNodeURI")
                    association_fields_.add(key, member.value().pointer());
            }
            const std::string pointer = n.pointer();
            const std::size_t origin = find_item(origin_id), destination = find_item(destination_id);
            const auto unknown = [&](const std::string &identifier) {
                out_.notes.push_back({"association_unknown_node",
                                      type + " association names \"" + identifier +
                                          "\", which is no CFItem of this package: the association is not mapped",
                                      pointer});
            };
            if (type == "isChildOf") {
                if (origin == none) {
                    unknown(origin_id);
                } else if (destination == none && destination_id != document_identifier_) {
                    unknown(destination_id);
                } else if (items_[origin].parent_association != none) {
                    out_.notes.push_back({"extra_parent",
                                          "item \"" + origin_id + "\" is already a child (" +
                                              associations.element(items_[origin].parent_association).pointer() +
                                              "): this second parent is not mapped",
                                          pointer});
                } else {
                    items_[origin].parent = destination;
                    items_[origin].parent_association = j;
                }
            } else if (type == "precedes") {
                if (origin == none) unknown(origin_id);
                else if (destination == none) unknown(destination_id);
                else precedes_.push_back({origin, destination, j});
            } else {
                out_.notes.push_back({"association_not_mapped",
                                      type + " association from \"" + origin_id + "\" to \"" + destination_id +
                                          "\" is not mapped (only isChildOf and precedes are)",
                                      pointer});
            }
        }
        association_pointers_.reserve(associations->size());
        for (std::size_t j = 0; j < associations->size(); ++j) association_pointers_.push_back(associations.element(j).pointer());
        return success();
    }

    // isChildOf must make a forest: a cycle of parents is ERR_CYCLE naming its items.
    Ok check_hierarchy() {
        std::vector<unsigned char> state(items_.size(), 0);  // 0 unseen, 1 on the current walk, 2 done
        for (std::size_t start = 0; start < items_.size(); ++start) {
            std::size_t i = start;
            while (i != none && state[i] == 0) {
                state[i] = 1;
                i = items_[i].parent;
            }
            if (i != none && state[i] == 1) {
                std::string names = "\"" + items_[i].identifier + "\"";
                for (std::size_t k = items_[i].parent;; k = items_[k].parent) {
                    names += " is a child of \"" + items_[k].identifier + "\"";
                    if (k == i) break;
                }
                return make_error(Status::cycle, "isChildOf associations form a cycle: " + names,
                                  association_pointers_[items_[i].parent_association]);
            }
            for (std::size_t k = start; k != none && state[k] == 1; k = items_[k].parent) state[k] = 2;
        }
        for (const auto &item : items_)
            if (item.parent != none) items_[item.parent].has_children = true;
        return success();
    }

    // Ids: the humanCodingScheme where exactly one item has it and it is no item's identifier,
    // else the identifier (docs/importing.md, "Ids").
    void name_items() {
        std::unordered_map<std::string_view, std::size_t> code_count;
        for (const auto &item : items_)
            if (!item.code.empty()) ++code_count[item.code];
        std::unordered_map<std::string, std::size_t> taken;
        for (auto &item : items_) {
            const std::size_t owner = item.code.empty() ? none : find_item(item.code);
            const bool by_code = !item.code.empty() && code_count[item.code] == 1 &&
                                 (owner == none || owner == static_cast<std::size_t>(&item - items_.data()));
            if (!item.code.empty() && !by_code)
                out_.notes.push_back({"id_fallback",
                                      "humanCodingScheme \"" + item.code + "\" " +
                                          (code_count[item.code] > 1 ? "is on " + std::to_string(code_count[item.code]) + " items"
                                                                     : std::string("is another item's identifier")) +
                                          ": this item's id is its identifier",
                                      item.pointer + "/humanCodingScheme"});
            std::string id = by_code ? item.code : clean_id(item.identifier);
            if (id.empty()) id = "item";
            std::string unique = id;
            for (std::size_t n = 2; taken.count(unique); ++n) unique = id + "~" + std::to_string(n);
            if (unique != id)
                out_.notes.push_back({"id_changed", "id \"" + id + "\" is taken: this item's id is \"" + unique + "\"",
                                      item.pointer + "/identifier"});
            taken.emplace(unique, 0);
            item.id = std::move(unique);
        }
    }

    // The level scale from the first rubric criterion attached to an item of the package; other
    // criteria with the same levels agree with it, the rest are noted.
    Ok read_scale(const Node &rubrics) {
        std::vector<std::string> chosen;
        if (rubrics) {
            for (std::size_t r = 0; r < rubrics->size(); ++r) {
                const Node rubric = rubrics.element(r);
                BOOST_OUTCOME_TRYV(rubric.expect_object("a CFRubric"));
                Node criteria;
                BOOST_OUTCOME_TRYV(read_array(rubric, "CFRubricCriteria", criteria));
                if (!criteria || criteria->empty()) {
                    out_.notes.push_back({"rubric_not_used", "CFRubric has no criteria: it gives no levels", rubric.pointer()});
                    continue;
                }
                for (std::size_t c = 0; c < criteria->size(); ++c) {
                    const Node criterion = criteria.element(c);
                    BOOST_OUTCOME_TRYV(criterion.expect_object("a CFRubricCriterion"));
                    std::string item_id;
                    if (const Node link = criterion.member("CFItemURI")) {
                        BOOST_OUTCOME_TRYV(link.expect_object("CFItemURI"));
                        BOOST_OUTCOME_TRYV(read_id(link.member("identifier"), "CFItemURI identifier", item_id));
                    }
                    std::vector<std::string> names;
                    BOOST_OUTCOME_TRYV(criterion_levels(criterion, names));
                    if (item_id.empty() || find_item(item_id) == none) {
                        out_.notes.push_back({"rubric_not_used",
                                              "CFRubricCriterion is attached to no CFItem of this package: its levels are not used",
                                              criterion.pointer()});
                    } else if (names.empty()) {
                        out_.notes.push_back(
                            {"rubric_not_used", "CFRubricCriterion has no levels", criterion.pointer()});
                    } else if (chosen.empty()) {
                        chosen = std::move(names);
                        scale_pointer_ = criterion.pointer();
                    } else if (names != chosen) {
                        out_.notes.push_back({"rubric_not_used",
                                              "CFRubricCriterion has other levels than the scale (from " + scale_pointer_ +
                                                  "): its levels are not used",
                                              criterion.pointer()});
                    }
                }
            }
        }
        out_.levels = chosen.empty() ? std::vector<std::string>{"none", "learned"} : std::move(chosen);
        return success();
    }

    // A criterion's levels as a scale: by score (else position), lowest first; a lowest level of
    // score 0 is the "not yet" level, else "none" comes before them.
    Ok criterion_levels(const Node &criterion, std::vector<std::string> &names) {
        Node levels;
        BOOST_OUTCOME_TRYV(read_array(criterion, "CFRubricCriterionLevels", levels));
        if (!levels || levels->empty()) return success();
        if (levels->size() + 1 > limits_.max_levels)
            return make_error(Status::limit, "CFRubricCriterionLevels has " + std::to_string(levels->size()) +
                                                 " levels, more than the scale takes (max_levels " +
                                                 std::to_string(limits_.max_levels) + ", \"none\" included)",
                              levels.pointer());
        struct Entry {
            double order;
            std::size_t index;
            std::string name;
            bool zero;
        };
        std::vector<Entry> entries;
        for (std::size_t k = 0; k < levels->size(); ++k) {
            const Node level = levels.element(k);
            BOOST_OUTCOME_TRYV(level.expect_object("a CFRubricCriterionLevel"));
            std::string quality, description;
            BOOST_OUTCOME_TRYV(read_optional_string(level.member("quality"), "quality", quality));
            BOOST_OUTCOME_TRYV(read_optional_string(level.member("description"), "description", description));
            double score = 0, position = static_cast<double>(k);
            const bool scored = static_cast<bool>(level.member("score"));
            if (scored) {
                BOOST_OUTCOME_TRYV(read_number(level.member("score"), "score", -1e9, score));
            }
            if (level.member("position")) {
                BOOST_OUTCOME_TRYV(read_number(level.member("position"), "position", -1e9, position));
            }
            std::string name = quality.empty() ? description : quality;
            if (clean_id(name).empty()) name = "level " + std::to_string(k + 1);
            entries.push_back({scored ? score : position, k, std::move(name), scored && score == 0});
        }
        std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.order < b.order; });
        if (!entries.front().zero || entries.size() == 1) names.push_back("none");
        for (auto &entry : entries) {
            std::string name = entry.name;
            for (std::size_t n = 2; std::find(names.begin(), names.end(), name) != names.end(); ++n)
                name = entry.name + " (" + std::to_string(n) + ")";
            names.push_back(std::move(name));
        }
        return success();
    }

    // Leaves in depth-first order of the hierarchy (children in document order), so that each
    // area's skills are one range of them.
    void build_skills_and_areas() {
        std::vector<std::vector<std::size_t>> children(items_.size());
        std::vector<std::size_t> roots;
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (items_[i].parent == none) roots.push_back(i);
            else children[items_[i].parent].push_back(i);
        }
        std::size_t leaves = 0;
        std::vector<std::pair<std::size_t, std::size_t>> stack;  // item, next child
        for (const std::size_t root : roots) {
            stack.push_back({root, 0});
            items_[root].first_leaf = leaves;
            while (!stack.empty()) {
                auto &[item, next] = stack.back();
                if (next < children[item].size()) {
                    const std::size_t child = children[item][next++];
                    items_[child].first_leaf = leaves;
                    stack.push_back({child, 0});
                    continue;
                }
                if (children[item].empty()) items_[item].skill = leaves++;
                items_[item].last_leaf = leaves;
                stack.pop_back();
            }
        }
        // Skills and areas are listed in document order; leaf_skill maps leaf order to skills.
        leaf_skill_.assign(leaves, 0);
        for (auto &item : items_) {
            const std::string title = !item.full_statement.empty()         ? item.full_statement
                                      : !item.abbreviated_statement.empty() ? item.abbreviated_statement
                                                                            : item.id;
            const std::string parent = item.parent == none ? std::string() : items_[item.parent].id;
            if (item.has_children) {
                out_.areas.push_back({item.id, title, parent, item.identifier});
            } else {
                leaf_skill_[item.skill] = out_.skills.size();
                item.skill = out_.skills.size();
                out_.skills.push_back({item.id, title, parent, item.identifier});
            }
        }
    }

    // `A precedes B`: every skill of B requires every skill of A (an item that is a skill being
    // its own one skill), each at its first learned level.
    Ok build_prerequisites() {
        struct Edge {
            ImportedPrerequisite edge;
            std::size_t association;
        };
        std::vector<Edge> edges;
        std::size_t count = 0;
        for (const auto &p : precedes_) {
            const Item &before = items_[p.before], &after = items_[p.after];
            const std::size_t n = (before.last_leaf - before.first_leaf) * (after.last_leaf - after.first_leaf);
            count += n;
            if (count > limits_.max_prerequisites)
                return make_error(Status::limit, "the precedes associations expand to more than " +
                                                     std::to_string(limits_.max_prerequisites) +
                                                     " prerequisites (max_prerequisites)",
                                  association_pointers_[p.association]);
            for (std::size_t b = after.first_leaf; b < after.last_leaf; ++b)
                for (std::size_t a = before.first_leaf; a < before.last_leaf; ++a)
                    edges.push_back({{leaf_skill_[b], leaf_skill_[a]}, p.association});
        }
        std::stable_sort(edges.begin(), edges.end(), [](const Edge &x, const Edge &y) { return x.edge < y.edge; });
        edges.erase(std::unique(edges.begin(), edges.end(), [](const Edge &x, const Edge &y) { return x.edge == y.edge; }),
                    edges.end());
        BOOST_OUTCOME_TRYV(check_cycles(edges.size(), [&](std::size_t k) { return edges[k].edge; },
                                        [&](std::size_t k) { return edges[k].association; }));
        out_.prerequisites.reserve(edges.size());
        for (const auto &e : edges) out_.prerequisites.push_back(e.edge);
        return success();
    }

    // A cycle of prerequisites (edges sorted by skill) is ERR_CYCLE naming its items in precedes
    // order, at the first association that makes it.
    template <class EdgeAt, class AssociationAt>
    Ok check_cycles(std::size_t edge_count, EdgeAt edge_at, AssociationAt association_at) {
        const std::size_t n = out_.skills.size();
        std::vector<std::size_t> first(n + 1, 0);
        for (std::size_t k = 0; k < edge_count; ++k) ++first[edge_at(k).skill + 1];
        for (std::size_t s = 0; s < n; ++s) first[s + 1] += first[s];
        std::vector<unsigned char> state(n, 0);
        std::vector<std::pair<std::size_t, std::size_t>> stack;  // skill, next edge
        for (std::size_t start = 0; start < n; ++start) {
            if (state[start]) continue;
            stack.push_back({start, first[start]});
            state[start] = 1;
            while (!stack.empty()) {
                auto &[skill, next] = stack.back();
                if (next == first[skill + 1]) {
                    state[skill] = 2;
                    stack.pop_back();
                    continue;
                }
                const std::size_t k = next++;
                const std::size_t required = edge_at(k).required;
                if (state[required] == 0) {
                    state[required] = 1;
                    stack.push_back({required, first[required]});
                } else if (state[required] == 1) {
                    // The cycle: `required`, ..., the top of the stack, each requiring the next.
                    std::size_t from = 0;
                    while (stack[from].first != required) ++from;
                    std::vector<std::size_t> cycle_edges;
                    for (std::size_t i = from; i < stack.size(); ++i) cycle_edges.push_back(stack[i].second - 1);
                    // In precedes order: the last required first.
                    std::string names = "\"" + out_.skills[required].id + "\"";
                    std::string pointers;
                    std::size_t lowest = std::numeric_limits<std::size_t>::max();
                    for (std::size_t i = stack.size(); i-- > from;) {
                        names += " precedes \"" + out_.skills[stack[i].first].id + "\"";
                        const std::size_t association = association_at(cycle_edges[i - from]);
                        lowest = std::min(lowest, association);
                        pointers += (pointers.empty() ? "" : ", ") + association_pointers_[association];
                    }
                    return make_error(Status::cycle,
                                      "precedes associations form a cycle: " + names + " (" + pointers + ")",
                                      association_pointers_[lowest]);
                }
            }
        }
        return success();
    }

    // A role per education level that skills carry (their own, else their nearest area's),
    // requiring each of those skills at the top of the scale.
    Ok build_roles() {
        std::map<std::string, std::vector<std::size_t>, std::less<>> by_level;
        std::size_t requirements = 0;
        for (const auto &item : items_) {
            if (item.has_children) continue;
            const Item *carrier = &item;
            while (carrier->education_levels.empty() && carrier->parent != none) carrier = &items_[carrier->parent];
            std::vector<std::string_view> seen;
            for (const auto &level : carrier->education_levels) {
                if (std::find(seen.begin(), seen.end(), level) != seen.end()) continue;
                seen.push_back(level);
                if (++requirements > limits_.max_role_requirements)
                    return make_error(Status::limit, "the education levels give more than " +
                                                         std::to_string(limits_.max_role_requirements) +
                                                         " role requirements (max_role_requirements)",
                                      item.pointer + "/educationLevel");
                by_level[level].push_back(item.skill);
            }
        }
        std::vector<std::string> codes;
        for (const auto &entry : by_level) codes.push_back(entry.first);
        std::stable_sort(codes.begin(), codes.end(), [](const std::string &a, const std::string &b) {
            return education_level_rank(a) < education_level_rank(b);
        });
        const std::size_t top = out_.levels.size() - 1;
        for (const auto &code : codes) {
            const std::size_t rank = education_level_rank(code);
            ImportedRole role;
            role.id = "education_level_" + code;
            role.title = rank < std::size(education_level_names) ? std::string(education_level_names[rank].second)
                                                                  : "Education level " + code;
            role.source_id = code;
            for (const std::size_t skill : by_level.find(code)->second) role.requirements.push_back({skill, top, 1.0});
            out_.roles.push_back(std::move(role));
        }
        return success();
    }

    const Limits &limits_;
    ImportedFramework &out_;
    std::string document_identifier_;
    std::vector<Item> items_;
    std::unordered_map<std::string, std::size_t> item_index_;
    std::vector<Precedes> precedes_;
    std::vector<std::string> association_pointers_;
    std::vector<std::size_t> leaf_skill_;
    std::string scale_pointer_;
    UnmappedFields item_fields_, association_fields_;
};

}  // namespace

Result<void> read_case_package(std::string_view json, const ImportOptions &options, const Limits &limits,
                               ImportedFramework &out) {
    BOOST_OUTCOME_TRY(document, io::Document::parse(json, limits));
    (void)options;  // hours are the writer's (src/import.cpp)
    CaseReader reader(limits, out);
    return reader.read(Node(document.root()));
}

}  // namespace detail

CAREERPATH_NAMESPACE_END

// What both importers build (src/io/case_reader.cpp, src/io/onet_reader.cpp) and
// src/io/import_writer.cpp writes as the import's document: a curriculum with the import's own
// members (docs/importing.md).
#pragma once

#include <careerpath/import.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

/// Something of the input that the curriculum does not carry: a code (docs/importing.md,
/// "Import notes"), a message and where the input has it.
struct ImportNote {
    std::string code;
    std::string message;
    std::string pointer;
};

struct ImportedArea {
    std::string id;
    std::string title;
    std::string parent;     ///< the enclosing area's id, "" at the top
    std::string source_id;  ///< the CASE identifier, the O*NET element group
};

struct ImportedSkill {
    std::string id;
    std::string title;
    std::string area;
    std::string source_id;
};

/// `skill` requires `required`, each at its first learned level.
struct ImportedPrerequisite {
    std::size_t skill = 0;
    std::size_t required = 0;
    friend auto operator<=>(const ImportedPrerequisite &, const ImportedPrerequisite &) = default;
};

struct ImportedRequirement {
    std::size_t skill = 0;
    std::size_t level = 1;
    double weight = 1.0;
};

struct ImportedRole {
    std::string id;
    std::string title;
    std::string description;  ///< written only when not empty
    std::string source_id;
    std::vector<ImportedRequirement> requirements;
};

struct ImportedFramework {
    std::string format;  ///< "case", "onet"
    std::string id;
    std::string title;
    std::string source;  ///< what the input was: the CASE document's identifier, "O*NET Skills"
    std::vector<std::string> levels;
    std::vector<ImportedArea> areas;
    std::vector<ImportedSkill> skills;
    std::vector<ImportedPrerequisite> prerequisites;
    std::vector<ImportedRole> roles;
    bool weighted_roles = false;  ///< roles carry "weights"
    std::vector<ImportNote> notes;
};

/// The importers, each filling `out` from its input (options already checked).
Result<void> read_case_package(std::string_view json, const ImportOptions &options, const Limits &limits,
                               ImportedFramework &out);
Result<void> read_onet_table(std::string_view text, const ImportOptions &options, const Limits &limits,
                             ImportedFramework &out);

/// The document: `f`'s curriculum with "areas", "import" and "import_notes", each skill taking
/// `hours` per level step (sorts each role's requirements by skill id, as the writer needs).
void write_import_document(ImportedFramework &f, double hours, bool hours_default, const ImportOptions &options,
                           std::string &text);

/// An id made from a name in the input: surrounding white space trimmed, and each run of white
/// space or control characters inside replaced by one '_' ("K.CC A" -> "K.CC_A"); "" when
/// nothing is left.
std::string clean_id(std::string_view raw);
/// A name as a lower-case ASCII id: letters and digits kept, every other run made one '_'
/// ("Judgment and Decision Making" -> "judgment_and_decision_making").
std::string snake_id(std::string_view name);

}  // namespace detail

CAREERPATH_NAMESPACE_END

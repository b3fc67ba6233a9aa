// careerpath — importing published competency frameworks: a 1EdTech CASE package or O*NET's
// Skills table in, a curriculum document out (docs/importing.md has the mapping tables).
#pragma once

#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// The frameworks careerpath reads.
enum class ImportFormat {
    case_package,  ///< "case": a 1EdTech CASE 1.0/1.1 package (JSON)
    onet,          ///< "onet": O*NET's Skills table, tab-delimited text (Occupation Data may follow)
};

/// What an import takes besides the input. Neither format carries effort, so every level step
/// gets `hours`; the output says which value was used and whether it was the default.
struct ImportOptions {
    static constexpr double default_hours = 10.0;
    static constexpr double default_importance = 3.0;
    static constexpr double max_hours = 10'000.0;

    std::optional<double> hours;       ///< hours per level step, 0 to max_hours; default_hours when absent
    std::optional<double> importance;  ///< O*NET only: the least Importance (1 to 5) a role requires
};

/// A format as the C ABI and the command line spell it: "case" or "onet", then options after
/// ';' as NAME=VALUE ("case;hours=8", "onet;hours=10;importance=3.0"). An unknown format, an
/// unknown or repeated option, an option the format does not take, or a value out of its range
/// is Status::argument.
struct ImportSpec {
    ImportFormat format = ImportFormat::case_package;
    ImportOptions options;
};
Result<ImportSpec> parse_import_spec(std::string_view spec);

/// An import's document and what it holds, for a summary.
struct ImportResult {
    /// The curriculum document (compact JSON): a curriculum that Curriculum::load accepts, plus
    /// "import" (format, options used, source), "import_notes" (what could not be mapped) and
    /// "areas" (the area hierarchy with titles); docs/schemas/import-result.schema.json.
    std::string document;
    std::size_t skills = 0;
    std::size_t areas = 0;          ///< entries of "areas"
    std::size_t prerequisites = 0;
    std::size_t roles = 0;
    std::size_t notes = 0;          ///< entries of "import_notes"
    /// How many notes of each code (docs/importing.md, "Import notes"), by code.
    std::vector<std::pair<std::string, std::size_t>> notes_by_code;
};

/// Imports `input` in `format`. A package that does not match its format is Status::schema with
/// a pointer: a JSON Pointer into a CASE package, and for O*NET text "/LINE/COLUMN NAME" (LINE
/// from 1, the header being line 1) with Error::position set. Malformed JSON is Status::parse, a
/// `precedes` (or `isChildOf`) cycle Status::cycle naming its items, and an input or result past
/// `limits` Status::limit. Time and memory grow with the input (and, for `precedes` between two
/// areas, with the prerequisites it expands to, at most limits.max_prerequisites).
Result<ImportResult> import_framework(ImportFormat format, std::string_view input, const ImportOptions &options = {},
                                      const Limits &limits = {});
/// The same with the format spelt as parse_import_spec reads it.
Result<ImportResult> import_framework(std::string_view spec, std::string_view input, const Limits &limits = {});

CAREERPATH_NAMESPACE_END

// Importing frameworks: the format and its options, the limits every import keeps, and the check
// that what an import writes loads (docs/importing.md). The readers and the writer are in src/io/.
#include <careerpath/curriculum.hpp>
#include <careerpath/import.hpp>

#include "io/import_document.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN

namespace {

std::string number_text(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

Error argument_error(std::string message) { return make_error(Status::argument, std::move(message)); }

Result<double> option_number(std::string_view name, std::string_view text, double lowest, double highest) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return argument_error("import option " + std::string(name) + " must be a number, not \"" + std::string(text) + "\"");
    if (value < lowest || value > highest)
        return argument_error("import option " + std::string(name) + " must be from " + number_text(lowest) +
                              " to " + number_text(highest) + ", not " + std::string(text));
    return value;
}

Error limit_error(std::string what, std::size_t count, std::size_t limit, std::string_view limit_name) {
    return make_error(Status::limit, "the import gives " + std::to_string(count) + " " + what + ", more than " +
                                         std::to_string(limit) + " (" + std::string(limit_name) + ")");
}

// What Curriculum::load would refuse for size, named as the import's limit, before anything is
// written: an import never makes a curriculum that its reader cannot take.
Result<void> check_limits(const detail::ImportedFramework &f, const Limits &limits) {
    if (f.levels.size() > limits.max_levels) return limit_error("levels", f.levels.size(), limits.max_levels, "max_levels");
    if (f.skills.size() > limits.max_skills) return limit_error("skills", f.skills.size(), limits.max_skills, "max_skills");
    const std::size_t units = f.skills.size() * (f.levels.size() - 1);
    if (units > limits.max_units) return limit_error("units", units, limits.max_units, "max_units");
    if (f.prerequisites.size() > limits.max_prerequisites)
        return limit_error("prerequisites", f.prerequisites.size(), limits.max_prerequisites, "max_prerequisites");
    if (f.roles.size() > limits.max_roles) return limit_error("roles", f.roles.size(), limits.max_roles, "max_roles");
    std::size_t requirements = 0;
    for (const auto &role : f.roles) requirements += role.requirements.size();
    if (requirements > limits.max_role_requirements)
        return limit_error("role requirements", requirements, limits.max_role_requirements, "max_role_requirements");
    return boost::outcome_v2::success();
}

}  // namespace

Result<ImportSpec> parse_import_spec(std::string_view spec) {
    ImportSpec out;
    const auto semicolon = spec.find(';');
    const std::string_view name = spec.substr(0, semicolon);
    if (name == "case") out.format = ImportFormat::case_package;
    else if (name == "onet") out.format = ImportFormat::onet;
    else return argument_error("unknown import format \"" + std::string(name) + "\" (supported: case, onet)");
    std::string_view rest = semicolon == std::string_view::npos ? std::string_view() : spec.substr(semicolon + 1);
    while (semicolon != std::string_view::npos) {
        const auto next = rest.find(';');
        const std::string_view option = rest.substr(0, next);
        const auto equals = option.find('=');
        if (equals == std::string_view::npos)
            return argument_error("import option \"" + std::string(option) + "\" must be NAME=VALUE (hours, importance)");
        const std::string_view key = option.substr(0, equals), value = option.substr(equals + 1);
        if (key == "hours") {
            if (out.options.hours) return argument_error("import option hours is given twice");
            BOOST_OUTCOME_TRY(hours, option_number(key, value, 0, ImportOptions::max_hours));
            out.options.hours = hours;
        } else if (key == "importance") {
            if (out.format != ImportFormat::onet)
                return argument_error("import option importance is for the onet format only");
            if (out.options.importance) return argument_error("import option importance is given twice");
            BOOST_OUTCOME_TRY(importance, option_number(key, value, 1, 5));
            out.options.importance = importance;
        } else {
            return argument_error("unknown import option \"" + std::string(key) + "\" (options: hours" +
                                  (out.format == ImportFormat::onet ? ", importance)" : ")"));
        }
        if (next == std::string_view::npos) break;
        rest = rest.substr(next + 1);
    }
    return out;
}

Result<ImportResult> import_framework(ImportFormat format, std::string_view input, const ImportOptions &options,
                                      const Limits &limits) {
    if (options.hours && !(*options.hours >= 0 && *options.hours <= ImportOptions::max_hours))
        return argument_error("import option hours must be from 0 to " + number_text(ImportOptions::max_hours));
    if (options.importance && !(*options.importance >= 1 && *options.importance <= 5))
        return argument_error("import option importance must be from 1 to 5");
    if (input.size() > limits.max_document_bytes)
        return make_error(Status::limit, "the input has " + std::to_string(input.size()) + " bytes, more than " +
                                             std::to_string(limits.max_document_bytes) + " (max_document_bytes)");
    detail::ImportedFramework f;
    if (format == ImportFormat::case_package) {
        f.format = "case";
        BOOST_OUTCOME_TRYV(detail::read_case_package(input, options, limits, f));
    } else {
        f.format = "onet";
        BOOST_OUTCOME_TRYV(detail::read_onet_table(input, options, limits, f));
    }
    BOOST_OUTCOME_TRYV(check_limits(f, limits));
    const double hours = options.hours.value_or(ImportOptions::default_hours);
    if (!options.hours)
        f.notes.push_back({"default_hours",
                           "the input carries no effort: every level step takes " +
                               number_text(ImportOptions::default_hours) +
                               " hours, the default (option hours=N)",
                           ""});
    ImportResult result;
    detail::write_import_document(f, hours, !options.hours, options, result.document);
    // The promise of an import: what it writes is a curriculum the library loads. A refusal here
    // is the importer's fault, never the input's.
    auto loaded = Curriculum::load(result.document, limits);
    if (!loaded) {
        const Error &e = loaded.error();
        return make_error(e.status == Status::limit || e.status == Status::memory ? e.status : Status::internal,
                          "the imported curriculum does not load: " + e.message + (e.pointer.empty() ? "" : " (at " + e.pointer + ")"));
    }
    result.skills = f.skills.size();
    result.areas = f.areas.size();
    result.prerequisites = f.prerequisites.size();
    result.roles = f.roles.size();
    result.notes = f.notes.size();
    std::map<std::string, std::size_t> by_code;
    for (const auto &note : f.notes) ++by_code[note.code];
    result.notes_by_code.assign(by_code.begin(), by_code.end());
    return result;
}

Result<ImportResult> import_framework(std::string_view spec, std::string_view input, const Limits &limits) {
    BOOST_OUTCOME_TRY(parsed, parse_import_spec(spec));
    return import_framework(parsed.format, input, parsed.options, limits);
}

CAREERPATH_NAMESPACE_END

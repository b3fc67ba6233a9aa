// careerpath — version numbers and the versioned inline namespace.
#pragma once

#define CAREERPATH_CPP_VERSION_MAJOR 0
#define CAREERPATH_CPP_VERSION_MINOR 2
#define CAREERPATH_CPP_VERSION_PATCH 0

// Every C++ symbol lives in careerpath::v0 (an inline namespace), so two major versions can be
// linked into one program without their symbols colliding; users still write careerpath::X.
#define CAREERPATH_NAMESPACE_BEGIN namespace careerpath { inline namespace v0 {
#define CAREERPATH_NAMESPACE_END } }

CAREERPATH_NAMESPACE_BEGIN
inline constexpr unsigned version_major = CAREERPATH_CPP_VERSION_MAJOR;
inline constexpr unsigned version_minor = CAREERPATH_CPP_VERSION_MINOR;
inline constexpr unsigned version_patch = CAREERPATH_CPP_VERSION_PATCH;
/// MAJOR*10000 + MINOR*100 + PATCH, as careerpath_version() in the C ABI.
inline constexpr unsigned version_number = version_major * 10000 + version_minor * 100 + version_patch;
inline constexpr const char *version_string = "0.2.0";
/// The version of the JSON documents the library writes, "MAJOR.MINOR", in the "schema_version"
/// member of each (plans, scorecards, cohort reports, match results, batch error lines, curriculum
/// descriptions). It is not the library's version: it changes only when a document's shape does,
/// MINOR for an addition, MAJOR for anything a reader could trip on (README.md, "Schemas",
/// "Document versions"). CAREERPATH_SCHEMA_VERSION in careerpath.h is the same string.
inline constexpr const char *schema_version = "1.0";
CAREERPATH_NAMESPACE_END

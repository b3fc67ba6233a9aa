// careerpath — the whole C++ API in one include.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/describe.hpp>
#include <careerpath/error.hpp>
#include <careerpath/graph.hpp>
#include <careerpath/json.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

// careerpath — the whole C++ API in one include.
#pragma once

#include <careerpath/assessment.hpp>
#include <careerpath/batch.hpp>
#include <careerpath/calendar.hpp>
#include <careerpath/cohort.hpp>
#include <careerpath/cohort_plan.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/describe.hpp>
#include <careerpath/error.hpp>
#include <careerpath/export.hpp>
#include <careerpath/gap.hpp>
#include <careerpath/graph.hpp>
#include <careerpath/json.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/match.hpp>
#include <careerpath/money.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_cost.hpp>
#include <careerpath/plan_outline.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/scorecard.hpp>
#include <careerpath/sessions.hpp>
#include <careerpath/time_zone.hpp>
#include <careerpath/version.hpp>

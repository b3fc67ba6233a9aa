// careerpath.h compiles on its own as C++, and its declarations have C linkage.
#include "careerpath.h"

#include <type_traits>

static_assert(std::is_same_v<decltype(&careerpath_curriculum_load),
                             careerpath_status (*)(careerpath_curriculum **, const char *, size_t)>);
// The document-in, document-out calls share one signature.
using document_fn = careerpath_status (*)(const careerpath_curriculum *, const char *, size_t, char **);
static_assert(std::is_same_v<decltype(&careerpath_plan), document_fn>);
static_assert(std::is_same_v<decltype(&careerpath_score), document_fn>);
static_assert(std::is_same_v<decltype(&careerpath_cohort), document_fn>);
int careerpath_header_cxx_check() { return CAREERPATH_OK; }

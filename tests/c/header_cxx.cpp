// careerpath.h compiles on its own as C++, and its declarations have C linkage.
#include "careerpath.h"

#include <type_traits>

static_assert(std::is_same_v<decltype(&careerpath_curriculum_load),
                             careerpath_status (*)(careerpath_curriculum **, const char *, size_t)>);
int careerpath_header_cxx_check() { return CAREERPATH_OK; }

/* careerpath.h compiles on its own as C99 with -Wall -Wextra -pedantic -Werror. */
#include "careerpath.h"

int careerpath_header_c99_check(void);
int careerpath_header_c99_check(void) { return (int)CAREERPATH_ERR_INTERNAL + CAREERPATH_VERSION; }

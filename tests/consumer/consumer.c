#include "careerpath.h"

#include <stdio.h>
#include <string.h>

int main(void) {
    const char *doc = "{\"id\": \"x\", \"levels\": [\"none\", \"beginner\"], \"skills\": [{\"id\": \"a\", \"hours\": 1}]}";
    careerpath_curriculum *c = NULL;
    if (careerpath_curriculum_load(&c, doc, strlen(doc)) != CAREERPATH_OK) return 1;
    careerpath_curriculum_free(c);
    printf("consumer_c: careerpath %s ok\n", careerpath_version_string());
    return careerpath_version() == CAREERPATH_VERSION ? 0 : 1;
}

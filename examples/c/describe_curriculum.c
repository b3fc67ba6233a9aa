/* Embedding careerpath from C: load a curriculum, print its summary, report errors with their
   status, message and JSON Pointer. */
#include "careerpath.h"

#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long n;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        text = (char *)malloc((size_t)n + 1);
        if (text && fread(text, 1, (size_t)n, f) == (size_t)n) {
            *size = (size_t)n;
        } else {
            free(text);
            text = NULL;
        }
    }
    fclose(f);
    return text;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "examples/data/engineering-growth.json";
    size_t size = 0;
    char *text = read_file(path, &size);
    careerpath_curriculum *curriculum = NULL;
    char *summary = NULL;
    careerpath_status status;

    if (!text) {
        fprintf(stderr, "%s: cannot read the file\n", path);
        return 1;
    }
    status = careerpath_curriculum_load(&curriculum, text, size);
    free(text);
    if (status != CAREERPATH_OK) {
        fprintf(stderr, "%s: %s at %s: %s\n", path, careerpath_status_name(status),
                careerpath_last_error_pointer(), careerpath_last_error());
        return 1;
    }
    status = careerpath_curriculum_describe(curriculum, &summary);
    if (status == CAREERPATH_OK) printf("careerpath %s: %s\n", careerpath_version_string(), summary);
    careerpath_free(summary);
    careerpath_curriculum_free(curriculum);
    return status == CAREERPATH_OK ? 0 : 1;
}

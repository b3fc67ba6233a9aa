/* The C ABI from C: NULL arguments, NULL frees, statuses and their names, per-thread errors,
   describe output, plans, batches of plans, scorecards, cohort reports, matches and exports, and
   the rule that a failed call leaves its out-parameter NULL. */
#include "careerpath.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        ++checks;                                                                \
        if (!(cond)) {                                                           \
            ++failures;                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)

static const char valid[] =
    "{\"id\": \"tiny\", \"levels\": [\"none\", \"beginner\", \"advanced\"],"
    " \"skills\": [{\"id\": \"a\", \"hours\": 2}, {\"id\": \"b\", \"hours\": 3}],"
    " \"prerequisites\": [{\"skill\": \"b\", \"requires\": \"a\"}]}";

static const char unknown_prerequisite[] =
    "{\"id\": \"tiny\", \"levels\": [\"none\", \"beginner\"],"
    " \"skills\": [{\"id\": \"a\", \"hours\": 2}],"
    " \"prerequisites\": [{\"skill\": \"a\", \"requires\": \"zzz\"}]}";

static const char three_cycle[] =
    "{\"id\": \"cyclic\", \"levels\": [\"none\", \"beginner\"],"
    " \"skills\": [{\"id\": \"a\", \"hours\": 1}, {\"id\": \"b\", \"hours\": 1}, {\"id\": \"c\", \"hours\": 1}],"
    " \"prerequisites\": [{\"skill\": \"a\", \"requires\": \"b\"}, {\"skill\": \"b\", \"requires\": \"c\"},"
    " {\"skill\": \"c\", \"requires\": \"a\"}]}";

static void test_version(void) {
    CHECK(careerpath_version() == CAREERPATH_VERSION);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", CAREERPATH_VERSION_MAJOR, CAREERPATH_VERSION_MINOR,
             CAREERPATH_VERSION_PATCH);
    CHECK(strcmp(careerpath_version_string(), expected) == 0);
}

static void test_status_names(void) {
    static const char *const names[] = {
        "CAREERPATH_OK", "CAREERPATH_ERR_ARGUMENT", "CAREERPATH_ERR_PARSE", "CAREERPATH_ERR_SCHEMA",
        "CAREERPATH_ERR_REFERENCE", "CAREERPATH_ERR_CYCLE", "CAREERPATH_ERR_INFEASIBLE",
        "CAREERPATH_ERR_LIMIT", "CAREERPATH_ERR_MEMORY", "CAREERPATH_ERR_CANCELLED",
        "CAREERPATH_ERR_INTERNAL"};
    int s;
    for (s = CAREERPATH_OK; s <= CAREERPATH_ERR_INTERNAL; ++s)
        CHECK(strcmp(careerpath_status_name((careerpath_status)s), names[s]) == 0);
    CHECK(strcmp(careerpath_status_name((careerpath_status)99), "CAREERPATH_UNKNOWN_STATUS") == 0);
    CHECK(strcmp(careerpath_status_name((careerpath_status)-1), "CAREERPATH_UNKNOWN_STATUS") == 0);
}

static void test_null_arguments(void) {
    careerpath_curriculum *c = (careerpath_curriculum *)&checks; /* must be reset to NULL */
    char *out = (char *)&checks;
    CHECK(careerpath_curriculum_load(NULL, valid, strlen(valid)) == CAREERPATH_ERR_ARGUMENT);
    CHECK(strstr(careerpath_last_error(), "out") != NULL);
    CHECK(careerpath_curriculum_load(&c, NULL, 10) == CAREERPATH_ERR_ARGUMENT);
    CHECK(c == NULL);
    /* NULL is no document, whatever the length: ERR_ARGUMENT, not a parse error of "". */
    CHECK(careerpath_curriculum_load(&c, NULL, 0) == CAREERPATH_ERR_ARGUMENT);
    CHECK(c == NULL);
    CHECK(strstr(careerpath_last_error(), "json is NULL") != NULL);
    {
        careerpath_curriculum *loaded = NULL;
        CHECK(careerpath_curriculum_load(&loaded, valid, strlen(valid)) == CAREERPATH_OK);
        CHECK(careerpath_plan(loaded, NULL, 0, &out) == CAREERPATH_ERR_ARGUMENT);
        CHECK(out == NULL);
        out = (char *)&checks;
        CHECK(careerpath_score(loaded, NULL, 0, &out) == CAREERPATH_ERR_ARGUMENT);
        CHECK(out == NULL);
        CHECK(careerpath_cohort(loaded, NULL, 0, &out) == CAREERPATH_ERR_ARGUMENT);
        CHECK(careerpath_match(loaded, NULL, 0, &out) == CAREERPATH_ERR_ARGUMENT);
        CHECK(strstr(careerpath_last_error(), "request is NULL") != NULL);
        CHECK(careerpath_plan_cohort(loaded, NULL, 0, &out) == CAREERPATH_ERR_ARGUMENT);
        CHECK(out == NULL);
        careerpath_curriculum_free(loaded);
    }
    CHECK(careerpath_curriculum_describe(NULL, &out) == CAREERPATH_ERR_ARGUMENT);
    CHECK(out == NULL);
    CHECK(careerpath_curriculum_describe(NULL, NULL) == CAREERPATH_ERR_ARGUMENT);
    careerpath_curriculum_free(NULL);
    careerpath_free(NULL);
}

static void test_load_describe(void) {
    careerpath_curriculum *c = NULL;
    char *json = NULL;
    /* Only len bytes are read: trailing garbage past len is never seen. */
    char buffer[sizeof valid + 8];
    memcpy(buffer, valid, sizeof valid - 1);
    memcpy(buffer + sizeof valid - 1, "GARBAGE!", 8);
    CHECK(careerpath_curriculum_load(&c, buffer, sizeof valid - 1) == CAREERPATH_OK);
    CHECK(c != NULL);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    CHECK(strcmp(careerpath_last_error_pointer(), "") == 0);
    CHECK(careerpath_curriculum_describe(c, &json) == CAREERPATH_OK);
    CHECK(json != NULL);
    if (json) {
        /* 2 skills x 2 learned levels = 4 units; 2 chain edges + 1 prerequisite edge = 3. */
        CHECK(strstr(json, "\"units\":4") != NULL);
        CHECK(strstr(json, "\"edges\":3") != NULL);
        CHECK(strstr(json, "\"skills\":[\"a\",\"b\"]") != NULL);
        CHECK(strstr(json, "\"schema_version\":\"" CAREERPATH_SCHEMA_VERSION "\"") != NULL);
    }
    careerpath_free(json);
    careerpath_curriculum_free(c);
}

static void test_errors(void) {
    careerpath_curriculum *c = NULL;
    CHECK(careerpath_curriculum_load(&c, unknown_prerequisite, strlen(unknown_prerequisite)) ==
          CAREERPATH_ERR_REFERENCE);
    CHECK(c == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/prerequisites/0/requires") == 0);
    CHECK(strstr(careerpath_last_error(), "zzz") != NULL);

    CHECK(careerpath_curriculum_load(&c, three_cycle, strlen(three_cycle)) == CAREERPATH_ERR_CYCLE);
    CHECK(strstr(careerpath_last_error(), "a@beginner -> b@beginner -> c@beginner -> a@beginner") != NULL);

    CHECK(careerpath_curriculum_load(&c, "{\"id\": ", 7) == CAREERPATH_ERR_PARSE);
    CHECK(strcmp(careerpath_last_error_pointer(), "") == 0);
    CHECK(strstr(careerpath_last_error(), "byte 7") != NULL);

    CHECK(careerpath_curriculum_load(&c, "[]", 2) == CAREERPATH_ERR_SCHEMA);
    CHECK(careerpath_curriculum_load(&c, "", 0) == CAREERPATH_ERR_PARSE);

    /* A success clears the last error. */
    CHECK(careerpath_curriculum_load(&c, valid, strlen(valid)) == CAREERPATH_OK);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    careerpath_curriculum_free(c);
}

/* Each thread sees its own last error: thread A fails with a reference error while thread B
   fails with a cycle, both repeatedly, and neither ever reads the other's message. */
struct worker {
    const char *document;
    careerpath_status expected;
    const char *pointer_prefix;
    int mismatches;
};

static void *work(void *arg) {
    struct worker *w = (struct worker *)arg;
    int i;
    for (i = 0; i < 200; ++i) {
        careerpath_curriculum *c = NULL;
        careerpath_status s = careerpath_curriculum_load(&c, w->document, strlen(w->document));
        if (s != w->expected || c != NULL ||
            strncmp(careerpath_last_error_pointer(), w->pointer_prefix, strlen(w->pointer_prefix)) != 0)
            ++w->mismatches;
    }
    return NULL;
}

static void test_per_thread_errors(void) {
    struct worker a = {unknown_prerequisite, CAREERPATH_ERR_REFERENCE, "/prerequisites/0/requires", 0};
    struct worker b = {three_cycle, CAREERPATH_ERR_CYCLE, "/prerequisites/", 0};
    pthread_t ta, tb;
    careerpath_curriculum *c = NULL;
    /* The main thread's own error must survive the workers' failures. */
    CHECK(careerpath_curriculum_load(&c, "[]", 2) == CAREERPATH_ERR_SCHEMA);
    CHECK(pthread_create(&ta, NULL, work, &a) == 0);
    CHECK(pthread_create(&tb, NULL, work, &b) == 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    CHECK(a.mismatches == 0);
    CHECK(b.mismatches == 0);
    CHECK(strstr(careerpath_last_error(), "must be an object") != NULL);
}

/* One curriculum shared by two threads, described concurrently. */
static careerpath_curriculum *shared_curriculum;
static void *describe_many(void *arg) {
    int i;
    int *bad = (int *)arg;
    for (i = 0; i < 200; ++i) {
        char *json = NULL;
        if (careerpath_curriculum_describe(shared_curriculum, &json) != CAREERPATH_OK || !json) ++*bad;
        careerpath_free(json);
    }
    return NULL;
}

static void test_shared_handle(void) {
    int bad_a = 0, bad_b = 0;
    pthread_t ta, tb;
    CHECK(careerpath_curriculum_load(&shared_curriculum, valid, strlen(valid)) == CAREERPATH_OK);
    CHECK(pthread_create(&ta, NULL, describe_many, &bad_a) == 0);
    CHECK(pthread_create(&tb, NULL, describe_many, &bad_b) == 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    CHECK(bad_a == 0 && bad_b == 0);
    careerpath_curriculum_free(shared_curriculum);
}

static void test_example_file(void) {
    FILE *f = fopen(CAREERPATH_EXAMPLES_DIR "/engineering-growth.json", "rb");
    long size;
    char *text;
    careerpath_curriculum *c = NULL;
    CHECK(f != NULL);
    if (!f) return;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = (char *)malloc((size_t)size);
    CHECK(fread(text, 1, (size_t)size, f) == (size_t)size);
    fclose(f);
    CHECK(careerpath_curriculum_load(&c, text, (size_t)size) == CAREERPATH_OK);
    careerpath_curriculum_free(c);
    free(text);
}

/* A two-skill curriculum and a request that plans both units (for the plan and export tests). */
static const char curriculum_text[] =
    "{\"id\": \"tiny\", \"levels\": [\"none\", \"beginner\"],"
    " \"skills\": [{\"id\": \"a\", \"hours\": 4}, {\"id\": \"b\", \"hours\": 4}],"
    " \"prerequisites\": [{\"skill\": \"b\", \"requires\": \"a\"}],"
    " \"roles\": [{\"id\": \"r\", \"requires\": {\"b\": \"beginner\"}}]}";
static const char request[] =
    "{\"learner\": {\"id\": \"l\", \"hours_per_week\": 4, \"workdays\": [\"mon\", \"tue\", \"wed\", \"thu\"]},"
    " \"target_role\": \"r\", \"start\": \"2027-01-04\", \"target_date\": \"2027-01-31\"}";

static void test_plan(void) {
    static const char unknown_role[] =
        "{\"learner\": {\"id\": \"l\", \"hours_per_week\": 4}, \"target_role\": \"ceo\", \"start\": \"2027-01-04\","
        " \"target_date\": \"2027-01-31\"}";
    careerpath_curriculum *c = NULL;
    char *plan = (char *)&checks;
    CHECK(careerpath_curriculum_load(&c, curriculum_text, strlen(curriculum_text)) == CAREERPATH_OK);
    CHECK(careerpath_plan(NULL, request, strlen(request), &plan) == CAREERPATH_ERR_ARGUMENT);
    CHECK(plan == NULL);
    CHECK(careerpath_plan(c, request, strlen(request), NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_plan(c, unknown_role, strlen(unknown_role), &plan) == CAREERPATH_ERR_REFERENCE);
    CHECK(plan == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/target_role") == 0);
    /* One hour a day, Monday to Thursday: a@beginner takes 4 January to 7 January, b@beginner 11 to 14. */
    CHECK(careerpath_plan(c, request, strlen(request), &plan) == CAREERPATH_OK);
    CHECK(plan != NULL);
    if (plan) {
        CHECK(strstr(plan, "\"unit\":\"a@beginner\"") != NULL);
        CHECK(strstr(plan, "\"finish\":\"2027-01-14\"") != NULL);
        CHECK(strstr(plan, "\"start\":\"2027-01-11\"") != NULL);
        /* Every document written says the version of its shape (README.md, "Document versions"). */
        CHECK(strstr(plan, "\"schema_version\":\"" CAREERPATH_SCHEMA_VERSION "\"") != NULL);
    }
    careerpath_free(plan);
    careerpath_curriculum_free(c);
}

/* --- careerpath_plan_batch ------------------------------------------------------------------ */

/* What a sink saw: a copy of every line, the thread it was called on, and whether each line was
   NUL-terminated and free of line breaks. `stop_after` > 0: return nonzero on that call. */
#define BATCH_MAX_LINES 64
struct collected {
    char *lines[BATCH_MAX_LINES];
    size_t lengths[BATCH_MAX_LINES];
    int calls;
    int stop_after;
    int bad_shape;      /* a line not NUL-terminated at len, or holding a CR or LF */
    int other_thread;   /* a call not on the thread that called careerpath_plan_batch */
    pthread_t caller;
};

static void collected_init(struct collected *c, int stop_after) {
    memset(c, 0, sizeof *c);
    c->stop_after = stop_after;
    c->caller = pthread_self();
}

static void collected_free(struct collected *c) {
    int i;
    for (i = 0; i < c->calls && i < BATCH_MAX_LINES; ++i) free(c->lines[i]);
}

static int collect(const char *line, size_t len, void *user) {
    struct collected *c = (struct collected *)user;
    if (!pthread_equal(pthread_self(), c->caller)) ++c->other_thread;
    if (!line || line[len] != '\0' || memchr(line, '\n', len) || memchr(line, '\r', len)) ++c->bad_shape;
    if (c->calls < BATCH_MAX_LINES) {
        c->lines[c->calls] = (char *)malloc(len + 1);
        if (c->lines[c->calls] && line) {
            memcpy(c->lines[c->calls], line, len);
            c->lines[c->calls][len] = '\0';
        }
        c->lengths[c->calls] = len;
    }
    ++c->calls;
    return c->stop_after > 0 && c->calls >= c->stop_after ? 1 : 0;
}

/* The test batch: good requests (variations of `request`) and bad ones, one per line. */
#define BATCH_LINES 20
static const char *const batch_lines[BATCH_LINES] = {
    "{\"learner\": {\"id\": \"l1\", \"hours_per_week\": 4, \"workdays\": [\"mon\", \"tue\", \"wed\", \"thu\"]},"
    " \"target_role\": \"r\", \"start\": \"2027-01-04\", \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l2\", \"hours_per_week\": 2}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-03-31\"}",
    "{\"learner\": {\"id\": \"bad-role\", \"hours_per_week\": 4}, \"target_role\": \"ceo\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l4\", \"hours_per_week\": 8}, \"target_role\": \"r\", \"start\": \"2027-02-01\","
    " \"target_date\": \"2027-02-28\"}",
    "{\"learner\": ",
    "{\"learner\": {\"id\": \"l6\", \"hours_per_week\": 1, \"workdays\": [\"fri\"]}, \"target_role\": \"r\","
    " \"start\": \"2027-01-04\", \"target_date\": \"2027-06-30\"}",
    "[]",
    "{\"learner\": {\"id\": \"l8\", \"hours_per_week\": 3}, \"target_role\": \"r\", \"start\": \"2027-05-03\","
    " \"target_date\": \"2027-07-31\"}",
    "",
    "{\"learner\": {\"id\": \"l10\", \"hours_per_week\": 4, \"current\": {\"a\": \"beginner\"}}, \"target_role\": \"r\","
    " \"start\": \"2027-01-04\", \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l11\", \"hours_per_week\": 5}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l12\", \"hours_per_week\": 6}, \"target_role\": \"r\", \"start\": \"2027-01-11\","
    " \"target_date\": \"2027-02-28\"}",
    "{\"learner\": {\"id\": \"no-capacity\", \"hours_per_week\": 0}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l14\", \"hours_per_week\": 7}, \"target_role\": \"r\", \"start\": \"2027-03-01\","
    " \"target_date\": \"2027-04-30\"}",
    "{\"learner\": {\"id\": \"l15\", \"hours_per_week\": 4}, \"target_role\": \"r\", \"start\": \"2027-13-01\","
    " \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l16\", \"hours_per_week\": 9}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-01-31\"}",
    "{\"learner\": {\"id\": \"l17\", \"hours_per_week\": 4}, \"target_role\": \"r\", \"start\": \"2027-08-02\","
    " \"target_date\": \"2027-09-30\"}",
    "{\"learner\": {\"id\": \"l18\", \"hours_per_week\": 4}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-01-31\"} trailing",
    "{\"learner\": {\"id\": \"l19\", \"hours_per_week\": 2, \"workdays\": [\"sat\", \"sun\"]}, \"target_role\": \"r\","
    " \"start\": \"2027-01-04\", \"target_date\": \"2027-02-28\"}",
    "{\"learner\": {\"id\": \"l20\", \"hours_per_week\": 4}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
    " \"target_date\": \"2027-01-31\"}"};

/* The batch lines joined by `eol`, with or without a line end after the last line. */
static char *join_lines(const char *eol, int final_eol, size_t *len) {
    size_t total = 1, at = 0;
    int i;
    char *text;
    for (i = 0; i < BATCH_LINES; ++i) total += strlen(batch_lines[i]) + strlen(eol);
    text = (char *)malloc(total);
    if (!text) return NULL;
    for (i = 0; i < BATCH_LINES; ++i) {
        size_t n = strlen(batch_lines[i]);
        memcpy(text + at, batch_lines[i], n);
        at += n;
        if (i + 1 < BATCH_LINES || final_eol) {
            memcpy(text + at, eol, strlen(eol));
            at += strlen(eol);
        }
    }
    text[at] = '\0';
    *len = at;
    return text;
}

/* Every line of `got` is what careerpath_plan gives for that line, byte for byte, or, where it
   fails, the error line with that line's number, status and pointer. Returns the bad lines. */
static int bad_lines;
static void check_batch_output(careerpath_curriculum *c, const struct collected *got, const char *what) {
    int i;
    CHECK(got->calls == BATCH_LINES);
    CHECK(got->bad_shape == 0);
    CHECK(got->other_thread == 0);
    bad_lines = 0;
    for (i = 0; i < BATCH_LINES && i < got->calls; ++i) {
        char *plan = NULL;
        const char *line = got->lines[i];
        careerpath_status s = careerpath_plan(c, batch_lines[i], strlen(batch_lines[i]), &plan);
        if (!line) {
            CHECK(line != NULL);
        } else if (s == CAREERPATH_OK) {
            int same = plan && strcmp(line, plan) == 0 && got->lengths[i] == strlen(plan);
            CHECK(same);
            if (!same) fprintf(stderr, "  %s, line %d: differs from careerpath_plan\n", what, i + 1);
        } else {
            char expected[256];
            ++bad_lines;
            CHECK(strncmp(line, "{\"error\":{", 10) == 0);
            snprintf(expected, sizeof expected, "\"line\":%d,", i + 1);
            CHECK(strstr(line, expected) != NULL);
            snprintf(expected, sizeof expected, "\"status\":\"%s\"", careerpath_status_name(s));
            CHECK(strstr(line, expected) != NULL);
            snprintf(expected, sizeof expected, "\"pointer\":\"%s\"", careerpath_last_error_pointer());
            CHECK(strstr(line, expected) != NULL);
            CHECK(strstr(line, "\"message\":\"") != NULL);
            if (!strstr(line, expected)) fprintf(stderr, "  %s, line %d: %s\n", what, i + 1, line);
        }
        careerpath_free(plan);
    }
}

static void test_plan_batch_arguments(void) {
    careerpath_curriculum *c = NULL;
    struct collected got;
    collected_init(&got, 0);
    CHECK(careerpath_curriculum_load(&c, curriculum_text, strlen(curriculum_text)) == CAREERPATH_OK);
    CHECK(careerpath_plan_batch(NULL, request, strlen(request), 1, collect, &got) == CAREERPATH_ERR_ARGUMENT);
    CHECK(strstr(careerpath_last_error(), "curriculum") != NULL);
    CHECK(careerpath_plan_batch(c, request, strlen(request), 1, NULL, &got) == CAREERPATH_ERR_ARGUMENT);
    CHECK(strstr(careerpath_last_error(), "sink") != NULL);
    CHECK(careerpath_plan_batch(c, NULL, 10, 1, collect, &got) == CAREERPATH_ERR_ARGUMENT);
    CHECK(strstr(careerpath_last_error(), "requests_jsonl") != NULL);
    CHECK(got.calls == 0);
    /* Empty input: OK and no calls, with a NULL or a non-NULL buffer. */
    CHECK(careerpath_plan_batch(c, NULL, 0, 1, collect, &got) == CAREERPATH_OK);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    CHECK(careerpath_plan_batch(c, "ignored", 0, 4, collect, &got) == CAREERPATH_OK);
    CHECK(careerpath_plan_batch(c, "", 0, 0, collect, &got) == CAREERPATH_OK);
    CHECK(got.calls == 0);
    /* A lone line break is one empty line: one error line, numbered 1. */
    CHECK(careerpath_plan_batch(c, "\n", 1, 2, collect, &got) == CAREERPATH_OK);
    CHECK(got.calls == 1);
    if (got.calls == 1 && got.lines[0]) {
        CHECK(strstr(got.lines[0], "{\"error\":{\"line\":1,") == got.lines[0]);
        CHECK(strstr(got.lines[0], "CAREERPATH_ERR_PARSE") != NULL);
    }
    collected_free(&got);
    /* Only len bytes are read. */
    collected_init(&got, 0);
    CHECK(careerpath_plan_batch(c, "[]\n[]\nGARBAGE", 6, 1, collect, &got) == CAREERPATH_OK);
    CHECK(got.calls == 2);
    collected_free(&got);
    careerpath_curriculum_free(c);
}

static void test_plan_batch_output(void) {
    static const unsigned thread_counts[] = {1, 4, 0, 3};
    careerpath_curriculum *c = NULL;
    struct collected first;
    size_t len = 0, i;
    char *lf = join_lines("\n", 1, &len);
    int t, l;
    CHECK(careerpath_curriculum_load(&c, curriculum_text, strlen(curriculum_text)) == CAREERPATH_OK);
    CHECK(lf != NULL);
    if (!lf) return;
    /* LF, one thread: the reference. */
    collected_init(&first, 0);
    CHECK(careerpath_plan_batch(c, lf, len, 1, collect, &first) == CAREERPATH_OK);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    check_batch_output(c, &first, "threads 1");
    CHECK(bad_lines == 7);  /* unknown role, parse, [], empty, no capacity, month 13, trailing text */
    /* Other thread counts and line ends give the same lines. */
    for (t = 0; t < 4; ++t) {
        static const struct {
            const char *eol;
            int final_eol;
        } forms[] = {{"\n", 1}, {"\n", 0}, {"\r\n", 1}, {"\r\n", 0}};
        for (i = 0; i < sizeof forms / sizeof forms[0]; ++i) {
            struct collected got;
            size_t n = 0;
            char *text = join_lines(forms[i].eol, forms[i].final_eol, &n);
            collected_init(&got, 0);
            CHECK(careerpath_plan_batch(c, text, n, thread_counts[t], collect, &got) == CAREERPATH_OK);
            CHECK(got.calls == first.calls);
            CHECK(got.bad_shape == 0 && got.other_thread == 0);
            for (l = 0; l < got.calls && l < first.calls && l < BATCH_MAX_LINES; ++l) {
                int same = got.lines[l] && first.lines[l] && strcmp(got.lines[l], first.lines[l]) == 0;
                CHECK(same);
                if (!same)
                    fprintf(stderr, "  threads %u, eol %s%s: line %d differs\n", thread_counts[t],
                            forms[i].eol[0] == '\r' ? "CRLF" : "LF", forms[i].final_eol ? "" : " (no final)", l + 1);
            }
            collected_free(&got);
            free(text);
        }
    }
    collected_free(&first);
    free(lf);
    careerpath_curriculum_free(c);
}

static void test_plan_batch_cancel(void) {
    static const unsigned thread_counts[] = {1, 4};
    careerpath_curriculum *c = NULL;
    size_t len = 0;
    char *text = join_lines("\n", 1, &len);
    int t;
    CHECK(careerpath_curriculum_load(&c, curriculum_text, strlen(curriculum_text)) == CAREERPATH_OK);
    CHECK(text != NULL);
    for (t = 0; t < 2 && text; ++t) {
        struct collected got;
        collected_init(&got, 3);
        CHECK(careerpath_plan_batch(c, text, len, thread_counts[t], collect, &got) == CAREERPATH_ERR_CANCELLED);
        CHECK(got.calls == 3);
        CHECK(strcmp(careerpath_last_error(), "") != 0);
        collected_free(&got);
        /* Stopping on the first call too. */
        collected_init(&got, 1);
        CHECK(careerpath_plan_batch(c, text, len, thread_counts[t], collect, &got) == CAREERPATH_ERR_CANCELLED);
        CHECK(got.calls == 1);
        collected_free(&got);
        /* And the handle still works afterwards. */
        collected_init(&got, 0);
        CHECK(careerpath_plan_batch(c, text, len, thread_counts[t], collect, &got) == CAREERPATH_OK);
        CHECK(got.calls == BATCH_LINES);
        collected_free(&got);
    }
    /* A sink stopping on the last line still cancels. */
    if (text) {
        struct collected got;
        collected_init(&got, BATCH_LINES);
        CHECK(careerpath_plan_batch(c, text, len, 2, collect, &got) == CAREERPATH_ERR_CANCELLED);
        CHECK(got.calls == BATCH_LINES);
        collected_free(&got);
    }
    free(text);
    careerpath_curriculum_free(c);
}

/* The tiny curriculum with rater groups, for scorecards and cohort reports. */
static const char scoring_curriculum_text[] =
    "{\"id\": \"tiny\", \"levels\": [\"none\", \"beginner\"],"
    " \"skills\": [{\"id\": \"a\", \"hours\": 4}, {\"id\": \"b\", \"hours\": 4}],"
    " \"roles\": [{\"id\": \"r\", \"requires\": {\"a\": \"beginner\", \"b\": \"beginner\"}}],"
    " \"raters\": {\"self\": {\"weight\": 0}, \"manager\": {\"weight\": 1}}}";
/* a: none at the baseline, beginner now; b never rated (the learner's current level, none). */
#define SCORE_REQUEST(learner, team)                                                                   \
    "{\"learner\": {\"id\": \"" learner "\", \"team\": \"" team "\", \"organization\": \"o\"},"        \
    " \"target_role\": \"r\", \"start\": \"2027-01-04\", \"target_date\": \"2027-06-30\","             \
    " \"as_of\": \"2027-03-01\", \"assessments\": ["                                                   \
    "{\"id\": \"baseline\", \"date\": \"2027-01-04\", \"ratings\": ["                                   \
    "{\"skill\": \"a\", \"rater\": \"manager\", \"level\": \"none\"}]},"                                \
    "{\"id\": \"now\", \"date\": \"2027-03-01\", \"ratings\": ["                                        \
    "{\"skill\": \"a\", \"rater\": \"manager\", \"level\": \"beginner\"},"                              \
    "{\"skill\": \"a\", \"rater\": \"self\", \"level\": 1}]}]}"
static const char score_request[] = SCORE_REQUEST("l", "t");

static void test_score(void) {
    static const char unknown_skill[] =
        "{\"learner\": {\"id\": \"l\"}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
        " \"target_date\": \"2027-06-30\", \"assessments\": [{\"date\": \"2027-01-04\", \"ratings\": ["
        "{\"skill\": \"juggling\", \"rater\": \"manager\", \"level\": \"beginner\"}]}]}";
    static const char undeclared_rater[] =
        "{\"learner\": {\"id\": \"l\"}, \"target_role\": \"r\", \"start\": \"2027-01-04\","
        " \"target_date\": \"2027-06-30\", \"assessments\": [{\"date\": \"2027-01-04\", \"ratings\": ["
        "{\"skill\": \"a\", \"rater\": \"manager\", \"level\": 1}, {\"skill\": \"a\", \"rater\": \"peer\", \"level\": 1}]}]}";
    careerpath_curriculum *c = NULL;
    char *card = (char *)&checks;
    CHECK(careerpath_curriculum_load(&c, scoring_curriculum_text, strlen(scoring_curriculum_text)) == CAREERPATH_OK);
    /* NULL arguments. */
    CHECK(careerpath_score(c, score_request, strlen(score_request), NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(strstr(careerpath_last_error(), "out_json") != NULL);
    CHECK(careerpath_score(NULL, score_request, strlen(score_request), &card) == CAREERPATH_ERR_ARGUMENT);
    CHECK(card == NULL);
    CHECK(strstr(careerpath_last_error(), "curriculum") != NULL);
    card = (char *)&checks;
    CHECK(careerpath_score(c, NULL, 10, &card) == CAREERPATH_ERR_ARGUMENT);
    CHECK(card == NULL);
    CHECK(strstr(careerpath_last_error(), "request") != NULL);
    /* Bad requests: status and pointer. */
    card = (char *)&checks;
    CHECK(careerpath_score(c, unknown_skill, strlen(unknown_skill), &card) == CAREERPATH_ERR_REFERENCE);
    CHECK(card == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/assessments/0/ratings/0/skill") == 0);
    CHECK(strstr(careerpath_last_error(), "juggling") != NULL);
    CHECK(careerpath_score(c, undeclared_rater, strlen(undeclared_rater), &card) == CAREERPATH_ERR_REFERENCE);
    CHECK(card == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/assessments/0/ratings/1/rater") == 0);
    CHECK(careerpath_score(c, "{\"learner\": ", 12, &card) == CAREERPATH_ERR_PARSE);
    CHECK(card == NULL);
    CHECK(careerpath_score(c, NULL, 0, &card) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_score(c, "[]", 2, &card) == CAREERPATH_ERR_SCHEMA);
    CHECK(card == NULL);
    /* Success: a JSON object, and the last error cleared. a is at its target, b is not: readiness 1/2. */
    CHECK(careerpath_score(c, score_request, strlen(score_request), &card) == CAREERPATH_OK);
    CHECK(card != NULL);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    CHECK(strcmp(careerpath_last_error_pointer(), "") == 0);
    if (card) {
        CHECK(card[0] == '{' && card[strlen(card) - 1] == '}');
        CHECK(strstr(card, "\"learner\":") != NULL);
        CHECK(strstr(card, "\"readiness\":0.5") != NULL);
    }
    careerpath_free(card);
    careerpath_curriculum_free(c);
}

static void test_cohort(void) {
    static const char cohort[] =
        "{\"min_group_size\": 2, \"people\": [" SCORE_REQUEST("p1", "t") ", " SCORE_REQUEST("p2", "t") ", "
        SCORE_REQUEST("p3", "u") "]}";
    static const char bad_person[] =
        "{\"people\": [" SCORE_REQUEST("p1", "t") ", {\"learner\": {\"id\": \"p2\"}, \"target_role\": \"ceo\","
        " \"start\": \"2027-01-04\", \"target_date\": \"2027-06-30\"}]}";
    careerpath_curriculum *c = NULL;
    char *report = (char *)&checks;
    CHECK(careerpath_curriculum_load(&c, scoring_curriculum_text, strlen(scoring_curriculum_text)) == CAREERPATH_OK);
    /* NULL arguments. */
    CHECK(careerpath_cohort(c, cohort, strlen(cohort), NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_cohort(NULL, cohort, strlen(cohort), &report) == CAREERPATH_ERR_ARGUMENT);
    CHECK(report == NULL);
    report = (char *)&checks;
    CHECK(careerpath_cohort(c, NULL, 10, &report) == CAREERPATH_ERR_ARGUMENT);
    CHECK(report == NULL);
    /* A bad person fails the report, with the pointer under /people/K. */
    report = (char *)&checks;
    CHECK(careerpath_cohort(c, bad_person, strlen(bad_person), &report) == CAREERPATH_ERR_REFERENCE);
    CHECK(report == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/people/1/target_role") == 0);
    CHECK(careerpath_cohort(c, "{", 1, &report) == CAREERPATH_ERR_PARSE);
    CHECK(report == NULL);
    /* Success: three people, team t shown (2 people), team u suppressed (1 person). */
    CHECK(careerpath_cohort(c, cohort, strlen(cohort), &report) == CAREERPATH_OK);
    CHECK(report != NULL);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    if (report) {
        CHECK(report[0] == '{' && report[strlen(report) - 1] == '}');
        CHECK(strstr(report, "\"min_group_size\":2") != NULL);
        CHECK(strstr(report, "\"people\":3") != NULL);
        CHECK(strstr(report, "\"suppressed\":true") != NULL);
    }
    careerpath_free(report);
    careerpath_curriculum_free(c);
}

/* Matching on the two-skill curriculum (role r needs b at beginner): two mentors who know both
   skills, three mentees with the gap; m1 takes two, m2 one, no hours stated. */
static const char match_request[] =
    "{\"target_role\": \"r\", \"mode\": \"score\","
    " \"mentors\": [{\"id\": \"m1\", \"capacity\": 2, \"levels\": {\"a\": \"beginner\", \"b\": \"beginner\"}},"
    " {\"id\": \"m2\", \"capacity\": 1, \"levels\": {\"b\": \"beginner\"}}],"
    " \"mentees\": [{\"id\": \"e1\"}, {\"id\": \"e2\"}, {\"id\": \"e3\", \"current\": {\"a\": \"beginner\"}}]}";

static void test_match(void) {
    static const char unknown_skill[] =
        "{\"target_role\": \"r\","
        " \"mentors\": [{\"id\": \"m1\", \"levels\": {\"a\": \"beginner\"}}, {\"id\": \"m2\", \"levels\": {\"zzz\": \"beginner\"}}],"
        " \"mentees\": [{\"id\": \"e1\"}]}";
    careerpath_curriculum *c = NULL;
    char *answer = (char *)&checks;
    CHECK(careerpath_curriculum_load(&c, curriculum_text, strlen(curriculum_text)) == CAREERPATH_OK);
    /* NULL arguments. */
    CHECK(careerpath_match(c, match_request, strlen(match_request), NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_match(NULL, match_request, strlen(match_request), &answer) == CAREERPATH_ERR_ARGUMENT);
    CHECK(answer == NULL);
    answer = (char *)&checks;
    CHECK(careerpath_match(c, NULL, 10, &answer) == CAREERPATH_ERR_ARGUMENT);
    CHECK(answer == NULL);
    /* Bad requests: status, pointer, and *out left NULL. */
    answer = (char *)&checks;
    CHECK(careerpath_match(c, "{", 1, &answer) == CAREERPATH_ERR_PARSE);
    CHECK(answer == NULL);
    answer = (char *)&checks;
    CHECK(careerpath_match(c, unknown_skill, strlen(unknown_skill), &answer) == CAREERPATH_ERR_REFERENCE);
    CHECK(answer == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/mentors/1/levels/zzz") == 0);
    CHECK(strstr(careerpath_last_error(), "zzz") != NULL);
    /* Success: a JSON object with the assignments, and the last error cleared. */
    CHECK(careerpath_match(c, match_request, strlen(match_request), &answer) == CAREERPATH_OK);
    CHECK(answer != NULL);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    CHECK(strcmp(careerpath_last_error_pointer(), "") == 0);
    if (answer) {
        CHECK(answer[0] == '{' && answer[strlen(answer) - 1] == '}');
        CHECK(strstr(answer, "\"assignments\"") != NULL);
        CHECK(strstr(answer, "\"mentees\":3") != NULL);
        CHECK(strstr(answer, "\"matched\":3") != NULL);
    }
    careerpath_free(answer);
    careerpath_curriculum_free(c);
}

/* A cohort of two learners with one mentor who is free one hour a week, in the tiny curriculum
   (a program with weekly coaching): the mentor holds one session a week, never two at once. */
static const char cohort_plan_request[] =
    "{\"mentors\": [{\"id\": \"mo\", \"time_zone\": \"UTC\","
    " \"available\": [{\"weekday\": \"mon\", \"from\": \"10:00\", \"to\": \"11:00\"}]}],"
    " \"learners\": [{\"learner\": {\"id\": \"l1\", \"hours_per_week\": 4, \"session_slots\": [{\"weekday\": \"mon\", \"time\": \"10:00\"}]},"
    " \"program\": \"p\", \"start\": \"2027-01-04\", \"target_date\": \"2027-01-17\", \"mentor\": \"mo\"},"
    " {\"learner\": {\"id\": \"l2\", \"hours_per_week\": 4, \"session_slots\": [{\"weekday\": \"mon\", \"time\": \"10:00\"}]},"
    " \"program\": \"p\", \"start\": \"2027-01-04\", \"target_date\": \"2027-01-17\", \"mentor\": \"mo\"}]}";

static void test_plan_cohort(void) {
    static const char with_sessions[] =
        "{\"id\": \"tiny\", \"levels\": [\"none\", \"beginner\"],"
        " \"skills\": [{\"id\": \"a\", \"hours\": 4}], \"roles\": [{\"id\": \"r\", \"requires\": {\"a\": \"beginner\"}}],"
        " \"session_types\": [{\"id\": \"c\", \"title\": \"Coaching\", \"minutes\": 60, \"every\": {\"weeks\": 1}}],"
        " \"programs\": [{\"id\": \"p\", \"target_role\": \"r\", \"months\": 1, \"sessions\": [\"c\"]}]}";
    static const char unknown_mentor[] =
        "{\"mentors\": [], \"learners\": [{\"learner\": {\"id\": \"l1\", \"hours_per_week\": 4},"
        " \"program\": \"p\", \"start\": \"2027-01-04\", \"mentor\": \"zed\"}]}";
    careerpath_curriculum *c = NULL;
    char *answer = (char *)&checks;
    CHECK(careerpath_curriculum_load(&c, with_sessions, strlen(with_sessions)) == CAREERPATH_OK);
    CHECK(careerpath_plan_cohort(c, cohort_plan_request, strlen(cohort_plan_request), NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_plan_cohort(NULL, cohort_plan_request, strlen(cohort_plan_request), &answer) == CAREERPATH_ERR_ARGUMENT);
    CHECK(answer == NULL);
    answer = (char *)&checks;
    CHECK(careerpath_plan_cohort(c, unknown_mentor, strlen(unknown_mentor), &answer) == CAREERPATH_ERR_REFERENCE);
    CHECK(answer == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/learners/0/mentor") == 0);
    CHECK(strstr(careerpath_last_error(), "zed") != NULL);
    CHECK(careerpath_plan_cohort(c, cohort_plan_request, strlen(cohort_plan_request), &answer) == CAREERPATH_OK);
    CHECK(answer != NULL);
    CHECK(strcmp(careerpath_last_error(), "") == 0);
    if (answer) {
        /* Two Mondays, one hour each: two sessions held, two dropped; l1 first (same claims). */
        CHECK(strstr(answer, "\"summary\":{\"dropped\":2,\"learners\":2,\"mentors\":1,\"placed\":2}") != NULL);
        CHECK(strstr(answer, "\"closed_by\":\"mentor_booked\"") != NULL);
        CHECK(strstr(answer, "\"learner\":\"l1\",\"minutes\":60,\"occurrence\":1,\"start\":\"2027-01-04T10:00:00+00:00\"") != NULL);
    }
    careerpath_free(answer);
    careerpath_curriculum_free(c);
}

static void test_export(void) {
    careerpath_curriculum *c = NULL;
    char *text = (char *)&checks;
    char *plan = NULL;
    CHECK(careerpath_curriculum_load(&c, curriculum_text, strlen(curriculum_text)) == CAREERPATH_OK);
    /* NULL arguments. */
    CHECK(careerpath_export(c, "dot", NULL, 0, NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_export(NULL, "dot", NULL, 0, &text) == CAREERPATH_ERR_ARGUMENT);
    CHECK(text == NULL);
    text = (char *)&checks;
    CHECK(careerpath_export(c, NULL, NULL, 0, &text) == CAREERPATH_ERR_ARGUMENT);
    CHECK(text == NULL);
    CHECK(strstr(careerpath_last_error(), "format") != NULL);
    CHECK(careerpath_export(c, "mermaid-gantt", NULL, 0, &text) == CAREERPATH_ERR_ARGUMENT);
    /* Unknown formats name the supported ones. */
    CHECK(careerpath_export(c, "svg", NULL, 0, &text) == CAREERPATH_ERR_ARGUMENT);
    CHECK(text == NULL);
    CHECK(strstr(careerpath_last_error(), "dot, mermaid-graph, mermaid-gantt, ical, text") != NULL);
    /* A plan format without a plan. */
    CHECK(careerpath_export(c, "ical", NULL, 0, &text) == CAREERPATH_ERR_ARGUMENT);
    /* The curriculum graph. */
    CHECK(careerpath_export(c, "dot", NULL, 0, &text) == CAREERPATH_OK);
    CHECK(text != NULL);
    if (text) {
        CHECK(strstr(text, "digraph") == text);
        CHECK(strstr(text, "\"a@beginner\" -> \"b@beginner\"") != NULL);
    }
    careerpath_free(text);
    CHECK(careerpath_export(c, "mermaid-graph", NULL, 0, &text) == CAREERPATH_OK);
    CHECK(text != NULL && strstr(text, "flowchart LR") == text);
    careerpath_free(text);
    /* A plan as a Gantt chart; text that is not a plan is a schema or parse error. */
    CHECK(careerpath_plan(c, request, strlen(request), &plan) == CAREERPATH_OK);
    if (plan) {
        CHECK(careerpath_export(c, "mermaid-gantt", plan, strlen(plan), &text) == CAREERPATH_OK);
        CHECK(text != NULL && strstr(text, "gantt\n") == text);
        /* The skill's title (its id, where the curriculum gives none) and the level. */
        CHECK(text != NULL && strstr(text, "a (beginner) :t0, 2027-01-04, 2027-01-08") != NULL);
        careerpath_free(text);
        /* The text report of the plan, as the command line prints it. */
        CHECK(careerpath_export(c, "text", plan, strlen(plan), &text) == CAREERPATH_OK);
        CHECK(text != NULL && strstr(text, "Plan for l: r\n2027-01-04 to 2027-01-31, 4 hours a week\n") == text);
        CHECK(text != NULL && strstr(text, "\nSummary\n  2 units, 8 hours of learning;") != NULL);
        careerpath_free(text);
    }
    careerpath_free(plan);
    /* A text report of no report's shape: ERR_SCHEMA at the whole document; none at all: an argument error. */
    text = (char *)&checks;
    CHECK(careerpath_export(c, "text", "{\"id\": \"tiny\"}", 14, &text) == CAREERPATH_ERR_SCHEMA);
    CHECK(text == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "") == 0);
    CHECK(strstr(careerpath_last_error(), "not a plan, a scorecard or a cohort report") != NULL);
    CHECK(careerpath_export(c, "text", NULL, 0, &text) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_export(c, "mermaid-gantt", "{}", 2, &text) == CAREERPATH_ERR_SCHEMA);
    CHECK(text == NULL);
    CHECK(strcmp(careerpath_last_error_pointer(), "/path") == 0);
    CHECK(careerpath_export(c, "mermaid-gantt", "{", 1, &text) == CAREERPATH_ERR_PARSE);
    careerpath_curriculum_free(c);
}

/* careerpath_import: a small CASE package in, a curriculum that loads out; the arguments checked;
   an unknown format ERR_ARGUMENT; a precedes cycle ERR_CYCLE at its association. */
static void test_import(void) {
    static const char package[] =
        "{\"CFDocument\": {\"identifier\": \"d\", \"title\": \"Counting\"},"
        " \"CFItems\": [{\"identifier\": \"i1\", \"humanCodingScheme\": \"C.1\", \"fullStatement\": \"Count to ten\"},"
        "              {\"identifier\": \"i2\", \"humanCodingScheme\": \"C.2\", \"fullStatement\": \"Count on\"}],"
        " \"CFAssociations\": [{\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"i1\"},"
        "                      \"destinationNodeURI\": {\"identifier\": \"i2\"}}]}";
    static const char cycle[] =
        "{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"a\"}, {\"identifier\": \"b\"}],"
        " \"CFAssociations\": [{\"associationType\": \"precedes\", \"originNodeURI\": {\"identifier\": \"a\"},"
        "  \"destinationNodeURI\": {\"identifier\": \"b\"}}, {\"associationType\": \"precedes\","
        "  \"originNodeURI\": {\"identifier\": \"b\"}, \"destinationNodeURI\": {\"identifier\": \"a\"}}]}";
    char *out = (char *)&out;
    careerpath_curriculum *c = NULL;
    CHECK(careerpath_import("case", package, strlen(package), NULL) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_import(NULL, package, strlen(package), &out) == CAREERPATH_ERR_ARGUMENT);
    CHECK(out == NULL);
    out = (char *)&out;
    CHECK(careerpath_import("case", NULL, 0, &out) == CAREERPATH_ERR_ARGUMENT);
    CHECK(out == NULL);
    CHECK(careerpath_import("xml", package, strlen(package), &out) == CAREERPATH_ERR_ARGUMENT);
    CHECK(strstr(careerpath_last_error(), "case, onet") != NULL);
    CHECK(careerpath_import("case;hours=-2", package, strlen(package), &out) == CAREERPATH_ERR_ARGUMENT);
    CHECK(careerpath_import("onet", package, strlen(package), &out) == CAREERPATH_ERR_SCHEMA);
    CHECK(strcmp(careerpath_last_error_pointer(), "/1") == 0);
    CHECK(careerpath_import("case", cycle, strlen(cycle), &out) == CAREERPATH_ERR_CYCLE);
    CHECK(strcmp(careerpath_last_error_pointer(), "/CFAssociations/0") == 0);
    CHECK(out == NULL);
    CHECK(careerpath_import("case;hours=4", package, strlen(package), &out) == CAREERPATH_OK);
    CHECK(out != NULL && careerpath_last_error()[0] == '\0');
    if (out) {
        CHECK(strstr(out, "{\"requires\":\"C.1\",\"skill\":\"C.2\"}") != NULL);
        CHECK(careerpath_curriculum_load(&c, out, strlen(out)) == CAREERPATH_OK);
        careerpath_curriculum_free(c);
    }
    careerpath_free(out);
}

int main(void) {
    test_version();
    test_status_names();
    test_null_arguments();
    test_load_describe();
    test_errors();
    test_per_thread_errors();
    test_shared_handle();
    test_example_file();
    test_plan();
    test_plan_batch_arguments();
    test_plan_batch_output();
    test_plan_batch_cancel();
    test_score();
    test_cohort();
    test_match();
    test_plan_cohort();
    test_export();
    test_import();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}

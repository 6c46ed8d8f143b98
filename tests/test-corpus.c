/*
 * test-corpus.c - every repository under corpus/ is scanned and compared with its expected result
 * (corpus/expected/<name>.json) both ways: nothing missing, nothing extra, for findings (file,
 * line, kind, API, provider, model, flags) and AI libraries. Each BOM is validated against the
 * official CycloneDX 1.6 schema.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "helpers.h"

static void flag_list(char *out, size_t n, const cJSON *flags)
{
	const cJSON *f;
	out[0] = '\0';
	cJSON_ArrayForEach(f, flags) {
		size_t l = strlen(out);
		snprintf(out + l, n - l, "%s%s", l ? "," : "", f->valuestring);
	}
}

typedef struct {
	char **keys;
	size_t n, cap;
} keyset;

static void add_key(keyset *k, const char *s)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->keys = realloc(k->keys, k->cap * sizeof(char *));
		ck_assert_ptr_nonnull(k->keys);
	}
	k->keys[k->n++] = strdup(s);
}

static bool take(keyset *k, const char *s)
{
	size_t i;
	for (i = 0; i < k->n; i++)
		if (k->keys[i] && !strcmp(k->keys[i], s)) {
			free(k->keys[i]);
			k->keys[i] = NULL;
			return true;
		}
	return false;
}

static int found_cb(const aibom_finding *f, void *payload)
{
	char key[2048];
	snprintf(key, sizeof(key), "%s:%u %s %s %s %s [%s]", f->path, f->line, f->kind, f->api,
		f->provider, f->model ? f->model : "null", f->flags);
	add_key(payload, key);
	return 0;
}

/* Rows of a query as "a|b|c" keys. */
static void query_keys(aibom_scan *scan, const char *sql, keyset *out)
{
	aibom_buf rows = {0};
	cJSON *r, *row, *col;

	ck_assert_msg(aibom_scan_query(&rows, scan, sql) == 0, "%s", aibom_error_last()->message);
	r = cJSON_Parse(rows.ptr);
	cJSON_ArrayForEach(row, r) {
		char key[2048] = "";
		cJSON_ArrayForEach(col, row) {
			size_t l = strlen(key);
			if (cJSON_IsNumber(col))
				snprintf(key + l, sizeof(key) - l, "%s%d", l ? "|" : "", col->valueint);
			else
				snprintf(key + l, sizeof(key) - l, "%s%s", l ? "|" : "", cJSON_IsString(col) ? col->valuestring : "null");
		}
		add_key(out, key);
	}
	cJSON_Delete(r);
	aibom_buf_dispose(&rows);
}

static void diff_keys(keyset *got, const cJSON *expected, const char *const *fields, const char *what,
	const char *name, char *report, size_t rn)
{
	const cJSON *item;
	size_t i, l;

	cJSON_ArrayForEach(item, expected) {
		char key[2048] = "";
		const char *const *f;
		for (f = fields; *f; f++) {
			const cJSON *v = cJSON_GetObjectItem(item, *f);
			l = strlen(key);
			if (cJSON_IsNumber(v))
				snprintf(key + l, sizeof(key) - l, "%s%d", l ? "|" : "", v->valueint);
			else
				snprintf(key + l, sizeof(key) - l, "%s%s", l ? "|" : "", cJSON_IsString(v) ? v->valuestring : "null");
		}
		if (!take(got, key)) {
			l = strlen(report);
			snprintf(report + l, rn - l, "%s: missing %s %s\n", name, what, key);
		}
	}
	for (i = 0; i < got->n; i++)
		if (got->keys[i]) {
			l = strlen(report);
			snprintf(report + l, rn - l, "%s: extra %s %s\n", name, what, got->keys[i]);
			free(got->keys[i]);
		}
	free(got->keys);
}

/* Reachability: every (service, entry, file, line, model) row and every unreached finding. */
static void check_reach(aibom_scan *scan, const cJSON *exp, const char *name, char *report, size_t rn)
{
	static const char *const reach_fields[] = {"service", "entry", "file", "line", "model", NULL};
	static const char *const unreached_fields[] = {"file", "line", NULL};
	keyset got = {0}, un = {0};

	query_keys(scan, "SELECT service, entry_point, file, line, model FROM service_models", &got);
	diff_keys(&got, cJSON_GetObjectItem(exp, "reach"), reach_fields, "reach", name, report, rn);
	query_keys(scan, "SELECT path, line FROM unreached_findings", &un);
	diff_keys(&un, cJSON_GetObjectItem(exp, "unreachable"), unreached_fields, "unreachable", name, report, rn);
}

static void check_repo(const char *name, char *report, size_t rn)
{
	char dir[4200], exp_path[4200];
	char *text;
	cJSON *exp, *item;
	keyset got = {0}, libs = {0};
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;
	aibom_buf rows = {0}, bom = {0};
	size_t i, l;

	snprintf(dir, sizeof(dir), "%s/corpus/%s", source_root(), name);
	snprintf(exp_path, sizeof(exp_path), "%s/corpus/expected/%s.json", source_root(), name);
	text = read_text(exp_path, NULL);
	ck_assert_msg(text != NULL, "cannot read %s", exp_path);
	exp = cJSON_Parse(text);
	ck_assert_msg(exp != NULL, "%s: invalid JSON", exp_path);
	ck_assert_int_eq(aibom_scan_path(&scan, dir, &opts), 0);
	ck_assert_int_eq(aibom_scan_foreach_finding(scan, found_cb, &got), 0);

	cJSON_ArrayForEach(item, cJSON_GetObjectItem(exp, "findings")) {
		char key[2048], flags[512];
		const cJSON *model = cJSON_GetObjectItem(item, "model");
		flag_list(flags, sizeof(flags), cJSON_GetObjectItem(item, "flags"));
		snprintf(key, sizeof(key), "%s:%d %s %s %s %s [%s]",
			cJSON_GetObjectItem(item, "file")->valuestring, cJSON_GetObjectItem(item, "line")->valueint,
			cJSON_GetObjectItem(item, "kind")->valuestring, cJSON_GetObjectItem(item, "api")->valuestring,
			cJSON_GetObjectItem(item, "provider")->valuestring,
			cJSON_IsString(model) ? model->valuestring : "null", flags);
		if (!take(&got, key)) {
			l = strlen(report);
			snprintf(report + l, rn - l, "%s: missing %s\n", name, key);
		}
	}
	for (i = 0; i < got.n; i++)
		if (got.keys[i]) {
			l = strlen(report);
			snprintf(report + l, rn - l, "%s: extra %s\n", name, got.keys[i]);
			free(got.keys[i]);
		}

	ck_assert_int_eq(aibom_scan_query(&rows, scan, "SELECT DISTINCT name, version FROM v_libraries"), 0);
	{
		cJSON *r = cJSON_Parse(rows.ptr), *row;
		cJSON_ArrayForEach(row, r) {
			char key[512];
			const cJSON *v = cJSON_GetObjectItem(row, "version");
			snprintf(key, sizeof(key), "%s@%s", cJSON_GetObjectItem(row, "name")->valuestring,
				cJSON_IsString(v) ? v->valuestring : "null");
			add_key(&libs, key);
		}
		cJSON_Delete(r);
	}
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(exp, "libraries")) {
		char key[512];
		const cJSON *v = cJSON_GetObjectItem(item, "version");
		snprintf(key, sizeof(key), "%s@%s", cJSON_GetObjectItem(item, "name")->valuestring,
			cJSON_IsString(v) ? v->valuestring : "null");
		if (!take(&libs, key)) {
			l = strlen(report);
			snprintf(report + l, rn - l, "%s: missing library %s\n", name, key);
		}
	}
	for (i = 0; i < libs.n; i++)
		if (libs.keys[i]) {
			l = strlen(report);
			snprintf(report + l, rn - l, "%s: extra library %s\n", name, libs.keys[i]);
			free(libs.keys[i]);
		}

	if (cJSON_GetObjectItem(exp, "reach"))
		check_reach(scan, exp, name, report, rn);

	ck_assert_int_eq(aibom_scan_export(&bom, scan, AIBOM_FORMAT_CYCLONEDX, NULL), 0);
	assert_valid_bom(bom.ptr, name);
	aibom_buf_dispose(&bom);
	aibom_buf_dispose(&rows);
	aibom_scan_free(scan);
	free(got.keys);
	free(libs.keys);
	cJSON_Delete(exp);
	free(text);
}

START_TEST(every_corpus_repository_matches_its_expectations)
{
	char dir[4200], report[65536] = "";
	struct dirent *de;
	DIR *d;
	int repos = 0;

	snprintf(dir, sizeof(dir), "%s/corpus/expected", source_root());
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		char name[256];
		size_t n = strlen(de->d_name);
		if (n < 6 || strcmp(de->d_name + n - 5, ".json"))
			continue;
		snprintf(name, sizeof(name), "%.*s", (int)(n - 5), de->d_name);
		check_repo(name, report, sizeof(report));
		repos++;
	}
	closedir(d);
	ck_assert_int_ge(repos, 12);
	ck_assert_msg(report[0] == '\0', "corpus differences:\n%s", report);
}
END_TEST

Suite *corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, every_corpus_repository_matches_its_expectations);
	suite_add_tcase(s, tc);
	return s;
}

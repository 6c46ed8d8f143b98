/*
 * test-artifact.c - the model-artifact inspector. tests/gen-artifacts.py writes malicious,
 * benign and malformed samples of every format (with the Python standard library only) and a
 * manifest of what each must give; every sample is inspected and compared with its manifest
 * entry both ways: format, verdict, reason, warnings, metadata, and the exact set of imported
 * globals with their offsets and archive members (nothing missing, nothing extra). Then every
 * sample is truncated and bit-flipped to show that hostile bytes give a verdict, never a crash
 * or a hang, and the API's argument checks and the scan's cheap predicate are exercised.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "helpers.h"
#include "artifact/artifact.h"

Suite *artifact_suite(void);

static char *samples;     /* generated once per test case (unchecked fixture) */
static cJSON *manifest;

static void generate(void)
{
	char cmd[8192], path[4200];
	char *text;

	samples = tmpdir_new("artifacts");
	snprintf(cmd, sizeof(cmd), "python3 '%s/tests/gen-artifacts.py' '%s'", source_root(), samples);
	ck_assert_msg(system(cmd) == 0, "gen-artifacts.py failed: %s", cmd);
	snprintf(path, sizeof(path), "%s/manifest.json", samples);
	text = read_text(path, NULL);
	ck_assert_ptr_nonnull(text);
	manifest = cJSON_Parse(text);
	free(text);
	ck_assert_msg(cJSON_IsArray(manifest), "manifest.json is not an array");
}

static void cleanup(void)
{
	cJSON_Delete(manifest);
	manifest = NULL;
	rmtree(samples);
	free(samples);
	samples = NULL;
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Append a failure line to OUT (bounded). */
static void fail_line(char *out, size_t cap, size_t *failures, const char *file, const char *what)
{
	size_t n = strlen(out);
	(*failures)++;
	if (n + 2 < cap)
		snprintf(out + n, cap - n, "%s: %s\n", file, what);
}

/* Is EXPECTED (from the manifest) contained in ACTUAL: equal scalars and arrays, objects by subset. */
static bool json_subset(const cJSON *expected, const cJSON *actual)
{
	const cJSON *e;

	if (actual == NULL)
		return false;
	if (cJSON_IsObject(expected)) {
		if (!cJSON_IsObject(actual))
			return false;
		cJSON_ArrayForEach(e, expected)
			if (!json_subset(e, cJSON_GetObjectItemCaseSensitive(actual, e->string)))
				return false;
		return true;
	}
	return cJSON_Compare(expected, actual, true);
}

/* "member|module|name|offset" of an import; the set of them is compared both ways. */
static void import_key(char *out, size_t n, const char *member, const char *module, const char *name, double offset)
{
	snprintf(out, n, "%s|%s|%s|%.0f", member ? member : "-", module, name, offset);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_imports(const cJSON *entry, const aibom_inspection *insp, char *out, size_t cap, size_t *failures,
	const char *file)
{
	const cJSON *exp = cJSON_GetObjectItemCaseSensitive(entry, "imports"), *it;
	size_t ne = (size_t)cJSON_GetArraySize(exp), na = aibom_inspection_import_count(insp), k = 0, a = 0, b = 0;
	char **want, **got, msg[1200];

	if (!cJSON_IsArray(exp))
		return; /* not checked for this sample */
	want = calloc(ne + 1, sizeof(char *));
	got = calloc(na + 1, sizeof(char *));
	ck_assert(want && got);
	cJSON_ArrayForEach(it, exp) {
		const cJSON *off = cJSON_GetObjectItemCaseSensitive(it, "offset");
		want[k] = malloc(600);
		import_key(want[k], 600, str_of(it, "member"), str_of(it, "module"), str_of(it, "name"),
			cJSON_IsNumber(off) ? off->valuedouble : -1);
		k++;
	}
	for (k = 0; k < na; k++) {
		const aibom_pickle_import *imp = aibom_inspection_import(insp, k);
		got[k] = malloc(600);
		import_key(got[k], 600, imp->member, imp->module, imp->name, (double)imp->offset);
		if (imp->dangerous < -1 || imp->dangerous > 1)
			fail_line(out, cap, failures, file, "import with a bad dangerous flag");
	}
	qsort(want, ne, sizeof(char *), cmp_str);
	qsort(got, na, sizeof(char *), cmp_str);
	while (a < ne || b < na) {
		int c = a == ne ? 1 : b == na ? -1 : strcmp(want[a], got[b]);
		if (c < 0) {
			snprintf(msg, sizeof(msg), "missing import %s", want[a++]);
			fail_line(out, cap, failures, file, msg);
		} else if (c > 0) {
			snprintf(msg, sizeof(msg), "unexpected import %s", got[b++]);
			fail_line(out, cap, failures, file, msg);
		} else {
			a++;
			b++;
		}
	}
	for (k = 0; k < ne; k++)
		free(want[k]);
	for (k = 0; k < na; k++)
		free(got[k]);
	free(want);
	free(got);
}

START_TEST(every_sample_matches_its_manifest_entry)
{
	static char out[65536];
	const cJSON *entry;
	size_t failures = 0, count = 0, verdicts[4] = {0};
	char path[4200], msg[1400];

	out[0] = '\0';
	cJSON_ArrayForEach(entry, manifest) {
		const char *file = str_of(entry, "file"), *fmt = str_of(entry, "format"), *verdict = str_of(entry, "verdict");
		const char *reason = str_of(entry, "reason_contains"), *warning = str_of(entry, "warning_contains");
		const cJSON *meta = cJSON_GetObjectItemCaseSensitive(entry, "metadata");
		aibom_inspection *insp = NULL;
		aibom_buf json = {0};
		cJSON *parsed;
		int rc;

		count++;
		snprintf(path, sizeof(path), "%s/%s", samples, file);
		rc = aibom_inspect_path(&insp, path);
		if (rc != 0) {
			snprintf(msg, sizeof(msg), "aibom_inspect_path returned %d: %s", rc, aibom_error_last()->message);
			fail_line(out, sizeof(out), &failures, file, msg);
			continue;
		}
		verdicts[aibom_inspection_verdict(insp)]++;
		if (strcmp(aibom_inspection_format(insp), fmt)) {
			snprintf(msg, sizeof(msg), "format %s, expected %s", aibom_inspection_format(insp), fmt);
			fail_line(out, sizeof(out), &failures, file, msg);
		}
		if (strcmp(aibom_verdict_name(aibom_inspection_verdict(insp)), verdict)) {
			snprintf(msg, sizeof(msg), "verdict %s, expected %s (reason: %s)",
				aibom_verdict_name(aibom_inspection_verdict(insp)), verdict,
				aibom_inspection_reason(insp) ? aibom_inspection_reason(insp) : "none");
			fail_line(out, sizeof(out), &failures, file, msg);
		}
		if ((aibom_inspection_verdict(insp) == AIBOM_VERDICT_SAFE) != (aibom_inspection_reason(insp) == NULL))
			fail_line(out, sizeof(out), &failures, file, "a reason must be given exactly when the file is not safe");
		if (reason && (!aibom_inspection_reason(insp) || !strstr(aibom_inspection_reason(insp), reason))) {
			snprintf(msg, sizeof(msg), "reason \"%s\" lacks \"%s\"",
				aibom_inspection_reason(insp) ? aibom_inspection_reason(insp) : "", reason);
			fail_line(out, sizeof(out), &failures, file, msg);
		}
		check_imports(entry, insp, out, sizeof(out), &failures, file);
		if (aibom_inspection_to_json(&json, insp) != 0 || (parsed = cJSON_Parse(json.ptr)) == NULL) {
			fail_line(out, sizeof(out), &failures, file, "JSON rendering failed or is not valid JSON");
		} else {
			const cJSON *md = cJSON_GetObjectItemCaseSensitive(parsed, "metadata");
			const char *sha = str_of(md, "sha256");
			if (!sha || strlen(sha) != 64)
				fail_line(out, sizeof(out), &failures, file, "no sha256 in the metadata");
			if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(parsed, "imports")) !=
			    (int)aibom_inspection_import_count(insp))
				fail_line(out, sizeof(out), &failures, file, "JSON imports differ from the API's");
			if (meta && !json_subset(meta, md)) {
				char *e = cJSON_PrintUnformatted(meta), *a = cJSON_PrintUnformatted(md);
				snprintf(msg, sizeof(msg), "metadata %.600s lacks %.500s", a, e);
				fail_line(out, sizeof(out), &failures, file, msg);
				cJSON_free(e);
				cJSON_free(a);
			}
			if (warning && !strstr(json.ptr, warning)) {
				snprintf(msg, sizeof(msg), "no warning mentioning \"%s\"", warning);
				fail_line(out, sizeof(out), &failures, file, msg);
			}
			cJSON_Delete(parsed);
		}
		aibom_buf_dispose(&json);
		aibom_inspection_free(insp);
	}
	ck_assert_msg(failures == 0, "%zu of the checks on %zu samples failed:\n%s", failures, count, out);
	ck_assert_uint_ge(count, 100);
	ck_assert_uint_gt(verdicts[AIBOM_VERDICT_SAFE], 20);
	ck_assert_uint_gt(verdicts[AIBOM_VERDICT_DANGEROUS], 40);
	ck_assert_uint_gt(verdicts[AIBOM_VERDICT_MALFORMED], 15);
	ck_assert_uint_gt(verdicts[AIBOM_VERDICT_UNKNOWN], 3);
}
END_TEST

/* The buffer API agrees with the path API on every sample. */
START_TEST(buffer_and_path_agree)
{
	const cJSON *entry;
	char path[4200];

	cJSON_ArrayForEach(entry, manifest) {
		const char *file = str_of(entry, "file");
		aibom_inspection *a = NULL, *b = NULL;
		size_t len = 0, k;
		char *data;

		snprintf(path, sizeof(path), "%s/%s", samples, file);
		data = read_text(path, &len);
		ck_assert_ptr_nonnull(data);
		ck_assert_int_eq(aibom_inspect_path(&a, path), 0);
		ck_assert_int_eq(aibom_inspect_buffer(&b, file, data, len), 0);
		ck_assert_str_eq(aibom_inspection_format(a), aibom_inspection_format(b));
		ck_assert_int_eq(aibom_inspection_verdict(a), aibom_inspection_verdict(b));
		ck_assert_uint_eq(aibom_inspection_import_count(a), aibom_inspection_import_count(b));
		for (k = 0; k < aibom_inspection_import_count(a); k++) {
			ck_assert_str_eq(aibom_inspection_import(a, k)->name, aibom_inspection_import(b, k)->name);
			ck_assert_uint_eq(aibom_inspection_import(a, k)->offset, aibom_inspection_import(b, k)->offset);
		}
		ck_assert_ptr_null(aibom_inspection_import(a, aibom_inspection_import_count(a)));
		aibom_inspection_free(a);
		aibom_inspection_free(b);
		free(data);
	}
}
END_TEST

static void inspect_hostile(const char *file, const unsigned char *data, size_t len)
{
	aibom_inspection *i = NULL;
	aibom_buf json = {0};
	int rc = aibom_inspect_buffer(&i, file, data, len);

	ck_assert_msg(rc == 0, "%s (%zu bytes): returned %d: %s", file, len, rc, aibom_error_last()->message);
	ck_assert_int_ge(aibom_inspection_verdict(i), AIBOM_VERDICT_SAFE);
	ck_assert_int_le(aibom_inspection_verdict(i), AIBOM_VERDICT_MALFORMED);
	ck_assert_int_eq(aibom_inspection_to_json(&json, i), 0);
	aibom_buf_dispose(&json);
	aibom_inspection_free(i);
}

/* Every prefix length near the start and a spread of cuts later: a verdict, never a crash. */
START_TEST(truncated_samples_give_a_verdict)
{
	const cJSON *entry;
	char path[4200];

	cJSON_ArrayForEach(entry, manifest) {
		const char *file = str_of(entry, "file");
		size_t len = 0, cut, step;
		unsigned char *data;

		snprintf(path, sizeof(path), "%s/%s", samples, file);
		data = (unsigned char *)read_text(path, &len);
		ck_assert_ptr_nonnull(data);
		if (len > (1u << 20)) { /* the bombs: a few cuts are enough */
			for (cut = 0; cut < len; cut += len / 7 + 1)
				inspect_hostile(file, data, cut);
			free(data);
			continue;
		}
		step = len > 400 ? len / 97 + 1 : 1;
		for (cut = 0; cut < len; cut += cut < 64 ? 1 : step) {
			unsigned char *copy = malloc(cut ? cut : 1); /* exact size: ASan sees any overread */
			memcpy(copy, data, cut);
			inspect_hostile(file, copy, cut);
			free(copy);
		}
		free(data);
	}
}
END_TEST

/* Deterministic bit flips and byte smashes in every small sample. */
START_TEST(corrupted_samples_give_a_verdict)
{
	const cJSON *entry;
	char path[4200];
	uint32_t seed = 12345;

	cJSON_ArrayForEach(entry, manifest) {
		const char *file = str_of(entry, "file");
		size_t len = 0;
		unsigned char *data;
		int round;

		snprintf(path, sizeof(path), "%s/%s", samples, file);
		data = (unsigned char *)read_text(path, &len);
		ck_assert_ptr_nonnull(data);
		if (len == 0 || len > (1u << 20)) {
			free(data);
			continue;
		}
		for (round = 0; round < 24; round++) {
			unsigned char *copy = malloc(len);
			int flips = 1 + round % 4, f;
			memcpy(copy, data, len);
			for (f = 0; f < flips; f++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % len;
				seed = seed * 1103515245u + 12345u;
				copy[at] = round % 3 == 0 ? (unsigned char)(seed >> 16) : round % 3 == 1 ? 0xff : copy[at] ^ (1u << ((seed >> 16) % 8));
			}
			inspect_hostile(file, copy, len);
			free(copy);
		}
		free(data);
	}
}
END_TEST

/* Pickles built to exhaust the simulation: bounded, quick, and still judged. */
START_TEST(hostile_pickles_are_bounded)
{
	size_t n = 4u << 20, k;
	unsigned char *d = malloc(n * 5 + 64);
	aibom_inspection *i = NULL;
	clock_t t0 = clock();

	ck_assert_ptr_nonnull(d);
	/* millions of marks, then a dangerous global */
	memset(d, '(', n);
	memcpy(d + n, "cos\nsystem\nN.", 13);
	ck_assert_int_eq(aibom_inspect_buffer(&i, "marks.pkl", d, n + 13), 0);
	ck_assert_int_eq(aibom_inspection_verdict(i), AIBOM_VERDICT_DANGEROUS);
	aibom_inspection_free(i);
	/* millions of values */
	d[0] = 0x80;
	d[1] = 2;
	memset(d + 2, 'N', n);
	memcpy(d + 2 + n, "cposix\nsystem\n.", 15);
	ck_assert_int_eq(aibom_inspect_buffer(&i, "values.pkl", d, n + 17), 0);
	ck_assert_int_eq(aibom_inspection_verdict(i), AIBOM_VERDICT_DANGEROUS);
	aibom_inspection_free(i);
	/* a memo written with a million scattered keys */
	for (k = 0; k < (1u << 20); k++) {
		uint32_t key = (uint32_t)(k * 2654435761u);
		d[5 * k] = 'r';
		memcpy(d + 5 * k + 1, &key, 4);
	}
	d[0] = 'N';
	memcpy(d + 5 * (1u << 20), "0N.", 3);
	ck_assert_int_eq(aibom_inspect_buffer(&i, "memo.pkl", d, 5 * (1u << 20) + 3), 0);
	aibom_inspection_free(i);
	/* a length that claims more than the file */
	memcpy(d, "\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\x7f", 11);
	ck_assert_int_eq(aibom_inspect_buffer(&i, "long.pkl", d, 11), 0);
	ck_assert_int_eq(aibom_inspection_verdict(i), AIBOM_VERDICT_MALFORMED);
	aibom_inspection_free(i);
	free(d);
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 60, "hostile pickles took too long");
}
END_TEST

START_TEST(api_arguments_and_errors)
{
	aibom_inspection *i = (aibom_inspection *)&i;
	aibom_buf b = {0};
	char *dir = tmpdir_new("inspect-api");

	ck_assert_int_eq(aibom_inspect_path(NULL, "x"), AIBOM_EINVALID);
	ck_assert_int_eq(aibom_inspect_path(&i, NULL), AIBOM_EINVALID);
	ck_assert_ptr_null(i);
	ck_assert_int_eq(aibom_inspect_path(&i, "/nonexistent/model.pt"), AIBOM_ENOTFOUND);
	ck_assert_ptr_null(i);
	ck_assert_int_eq(aibom_inspect_path(&i, dir), AIBOM_EINVALID);
	ck_assert_int_eq(aibom_error_last()->klass, AIBOM_ERROR_INPUT);
	ck_assert_int_eq(aibom_inspect_buffer(&i, NULL, NULL, 3), AIBOM_EINVALID);
	ck_assert_int_eq(aibom_inspect_buffer(&i, NULL, NULL, 0), 0);
	ck_assert_str_eq(aibom_inspection_format(i), "unknown");
	ck_assert_int_eq(aibom_inspection_verdict(i), AIBOM_VERDICT_UNKNOWN);
	ck_assert_int_eq(aibom_inspection_to_json(NULL, i), AIBOM_EINVALID);
	ck_assert_int_eq(aibom_inspection_to_json(&b, NULL), AIBOM_EINVALID);
	aibom_inspection_free(i);
	aibom_inspection_free(NULL);
	ck_assert_str_eq(aibom_inspection_format(NULL), "unknown");
	ck_assert_uint_eq(aibom_inspection_import_count(NULL), 0);
	ck_assert_ptr_null(aibom_inspection_import(NULL, 0));
	ck_assert_ptr_null(aibom_inspection_reason(NULL));
	ck_assert_str_eq(aibom_verdict_name(AIBOM_VERDICT_SAFE), "safe");
	ck_assert_str_eq(aibom_verdict_name(AIBOM_VERDICT_DANGEROUS), "dangerous");
	ck_assert_str_eq(aibom_verdict_name(AIBOM_VERDICT_MALFORMED), "malformed");
	ck_assert_str_eq(aibom_verdict_name(AIBOM_VERDICT_UNKNOWN), "unknown");
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(knowledge_file_classifies)
{
	aibom_artifact_globals *g = NULL;
	char m[256], n[256];

	ck_assert_int_eq(aibom_artifact__globals_load(&g), 0);
	ck_assert_int_eq(aibom_artifact__classify(g, "os", "system"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "nt", "system"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "builtins", "exec"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "torch", "load"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "torch.hub", "load"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "torch.serialization", "os.system"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "collections", "OrderedDict.__class__"), 1);
	ck_assert_int_eq(aibom_artifact__classify(g, "torch._utils", "_rebuild_tensor_v2"), 0);
	ck_assert_int_eq(aibom_artifact__classify(g, "torch", "HalfStorage"), 0);
	ck_assert_int_eq(aibom_artifact__classify(g, "numpy.core.multiarray", "_reconstruct"), 0);
	ck_assert_int_eq(aibom_artifact__classify(g, "builtins", "set"), 0);
	ck_assert_int_eq(aibom_artifact__classify(g, "sklearn.ensemble._forest", "RandomForestClassifier"), 0);
	ck_assert_int_eq(aibom_artifact__classify(g, "mypackage", "Thing"), -1);
	ck_assert(aibom_artifact__py2_map(g, "__builtin__", "eval", m, sizeof(m), n, sizeof(n)));
	ck_assert_str_eq(m, "builtins");
	ck_assert_str_eq(n, "eval");
	ck_assert(aibom_artifact__py2_map(g, "__builtin__", "xrange", m, sizeof(m), n, sizeof(n)));
	ck_assert_str_eq(n, "range");
	ck_assert(!aibom_artifact__py2_map(g, "torch", "load", m, sizeof(m), n, sizeof(n)));
	ck_assert_ptr_nonnull(aibom_artifact__find_pattern(g, "template_patterns", "{{ x.__class__ }}", 17));
	ck_assert_ptr_null(aibom_artifact__find_pattern(g, "template_patterns", "{{ important }}{{ pos.x }}", 26));
	aibom_artifact__globals_free(g);
}
END_TEST

START_TEST(looks_like_model_predicate)
{
	const cJSON *entry;
	char path[4200];

	cJSON_ArrayForEach(entry, manifest) {
		const char *file = str_of(entry, "file"), *fmt = str_of(entry, "format");
		size_t len = 0;
		char *data;

		snprintf(path, sizeof(path), "%s/%s", samples, file);
		data = read_text(path, &len);
		if (strcmp(fmt, "unknown") && len > 16 && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(entry, "head_hides_format")))
			ck_assert_msg(aibom_artifact__looks_like_model(path, (unsigned char *)data, len < 512 ? len : 512),
				"%s should look like a model", file);
		free(data);
	}
	ck_assert(!aibom_artifact__looks_like_model("README.md", (const unsigned char *)"# Title\n", 8));
	ck_assert(!aibom_artifact__looks_like_model("src/app.py", (const unsigned char *)"import os\n", 10));
	ck_assert(!aibom_artifact__looks_like_model("lib/x.jar", (const unsigned char *)"PK\3\4\x14\0", 6));
	ck_assert(aibom_artifact__looks_like_model("weights.dat", (const unsigned char *)"PK\3\4\x14\0", 6));
	ck_assert(aibom_artifact__looks_like_model("m.bin", (const unsigned char *)"\x80\x02}q\0.", 6));
	ck_assert(aibom_artifact__looks_like_model("model.pkl", (const unsigned char *)"(dp0\nS'a'\n", 10));
	ck_assert(!aibom_artifact__looks_like_model("notes.txt", (const unsigned char *)"(dp0\nS'a'\n", 10));
	ck_assert(aibom_artifact__looks_like_model("saved_model.pb", (const unsigned char *)"\x08\x01", 2));
	ck_assert(aibom_artifact__looks_like_model("model.safetensors", (const unsigned char *)"garbage", 7));
	ck_assert(!aibom_artifact__looks_like_model("data.bin", (const unsigned char *)"garbage", 7));
	ck_assert(!aibom_artifact__looks_like_model(NULL, NULL, 0));
}
END_TEST

/* ------------------------------------------------------------------ 7z archives (libarchive) */

/* Run a shell command in DIR; fail the test when it fails. */
static void run_in(const char *dir, const char *command)
{
	char cmd[8192];

	snprintf(cmd, sizeof(cmd), "cd '%s' && %s >/dev/null 2>&1", dir, command);
	ck_assert_msg(system(cmd) == 0, "command failed: %s", cmd);
}

/* Inspect DIR/FILE; the caller frees. The JSON rendering goes to *JSON when asked. */
static aibom_inspection *inspect_in(const char *dir, const char *file, cJSON **json)
{
	char path[4200];
	aibom_inspection *i = NULL;
	aibom_buf b = {0};

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	ck_assert_msg(aibom_inspect_path(&i, path) == 0, "%s: %s", file, aibom_error_last()->message);
	if (json) {
		ck_assert_int_eq(aibom_inspection_to_json(&b, i), 0);
		*json = cJSON_Parse(b.ptr);
		ck_assert_ptr_nonnull(*json);
		aibom_buf_dispose(&b);
	}
	return i;
}

static void expect(const aibom_inspection *i, const char *file, const char *format, aibom_verdict v,
	const char *reason)
{
	const char *r = aibom_inspection_reason(i);

	ck_assert_msg(!strcmp(aibom_inspection_format(i), format), "%s: format %s, expected %s", file,
		aibom_inspection_format(i), format);
	ck_assert_msg(aibom_inspection_verdict(i) == v, "%s: verdict %s, expected %s (reason: %s)", file,
		aibom_verdict_name(aibom_inspection_verdict(i)), aibom_verdict_name(v), r ? r : "none");
	if (reason)
		ck_assert_msg(r && strstr(r, reason), "%s: reason \"%s\" lacks \"%s\"", file, r ? r : "", reason);
}

static void expect_one_import(const aibom_inspection *i, const char *file, const char *member, const char *module,
	const char *name, uint64_t offset)
{
	const aibom_pickle_import *imp = aibom_inspection_import(i, 0);

	ck_assert_msg(aibom_inspection_import_count(i) == 1, "%s: %zu imports, expected 1", file,
		aibom_inspection_import_count(i));
	ck_assert_msg(!strcmp(imp->module, module) && !strcmp(imp->name, name) && imp->offset == offset &&
		imp->member && !strcmp(imp->member, member), "%s: import %s.%s at %llu in %s, expected %s.%s at %llu in %s",
		file, imp->module, imp->name, (unsigned long long)imp->offset, imp->member ? imp->member : "-", module, name,
		(unsigned long long)offset, member);
}

/*
 * The generator (standard library only) cannot write 7z, so the samples are made here with the
 * 7z command of Debian's p7zip-full: a missing command is a failure, not a skip, since the
 * set-up script installs it.
 */
START_TEST(sevenzip_archives_are_inspected)
{
	static const char evil_pickle[] = "cos\nsystem\n(S'id'\ntR.";
	static const char st_header[] = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}  ";
	char *dir = tmpdir_new("sevenzip"), st[256], path[4200];
	aibom_inspection *i;
	cJSON *json;
	const cJSON *members, *warnings;
	size_t hlen = strlen(st_header), k, len = 0;
	unsigned char *data;
	int level;

	ck_assert_msg(system("command -v 7z >/dev/null 2>&1") == 0,
		"the 7z command is missing: install Debian's p7zip-full (scripts/run.sh does); the 7z samples are "
		"built with it at test time");
	/* the samples: a malicious pickle beside a text file, a safe safetensors, nestings, a bomb,
	 * escaping names, an encrypted member */
	write_file(dir, "models/evil.pkl", evil_pickle, sizeof(evil_pickle) - 1);
	write_file(dir, "README.txt", "hello\n", (size_t)-1);
	ck_assert_uint_eq(hlen % 8, 0);
	for (k = 0; k < 8; k++)
		st[k] = (char)(k == 0 ? hlen : 0);
	memcpy(st + 8, st_header, hlen);
	memset(st + 8 + hlen, 0, 8);
	write_file(dir, "model.safetensors", st, 8 + hlen + 8);
	run_in(dir, "7z a -bd -y evil.7z models/evil.pkl README.txt");
	run_in(dir, "7z a -bd -y safe.7z model.safetensors");
	run_in(dir, "7z a -bd -y -tzip outer.zip evil.7z README.txt");
	run_in(dir, "mkdir -p in && cp evil.7z in/ && cd in && 7z a -bd -y ../outer.7z evil.7z");
	run_in(dir, "head -c 16000000 /dev/zero > zeros.bin && 7z a -bd -y bomb.7z zeros.bin README.txt");
	run_in(dir, "7z a -bd -y -spf abs.7z \"$PWD/models/evil.pkl\"");
	run_in(dir, "mkdir -p sub && cd sub && 7z a -bd -y -spf ../dotdot.7z ../models/evil.pkl");
	run_in(dir, "7z a -bd -y -psecret enc.7z models/evil.pkl");

	i = inspect_in(dir, "evil.7z", &json);
	expect(i, "evil.7z", "7z", AIBOM_VERDICT_DANGEROUS, "os.system");
	expect_one_import(i, "evil.7z", "models/evil.pkl", "os", "system", 0);
	members = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json, "metadata"), "members");
	ck_assert_int_eq(cJSON_GetArraySize(members), 1); /* README.txt is not a model: not inspected */
	ck_assert_double_eq(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json, "metadata"),
		"entries")->valuedouble, 2);
	cJSON_Delete(json);
	aibom_inspection_free(i);

	i = inspect_in(dir, "safe.7z", &json);
	expect(i, "safe.7z", "7z", AIBOM_VERDICT_SAFE, NULL);
	ck_assert_uint_eq(aibom_inspection_import_count(i), 0);
	members = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json, "metadata"), "members");
	ck_assert_int_eq(cJSON_GetArraySize(members), 1);
	ck_assert_str_eq(str_of(cJSON_GetArrayItem(members, 0), "format"), "safetensors");
	ck_assert_str_eq(str_of(cJSON_GetArrayItem(members, 0), "name"), "model.safetensors");
	ck_assert_double_eq(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetArrayItem(members, 0), "metadata"), "parameter_count")->valuedouble, 2);
	cJSON_Delete(json);
	aibom_inspection_free(i);

	i = inspect_in(dir, "outer.zip", NULL);
	expect(i, "outer.zip", "zip", AIBOM_VERDICT_DANGEROUS, "evil.7z!models/evil.pkl");
	expect_one_import(i, "outer.zip", "evil.7z!models/evil.pkl", "os", "system", 0);
	aibom_inspection_free(i);
	i = inspect_in(dir, "outer.7z", NULL);
	expect(i, "outer.7z", "7z", AIBOM_VERDICT_DANGEROUS, NULL);
	expect_one_import(i, "outer.7z", "evil.7z!models/evil.pkl", "os", "system", 0);
	aibom_inspection_free(i);

	i = inspect_in(dir, "bomb.7z", NULL);
	expect(i, "bomb.7z", "7z", AIBOM_VERDICT_MALFORMED, "bomb");
	aibom_inspection_free(i);

	i = inspect_in(dir, "enc.7z", NULL);
	expect(i, "enc.7z", "7z", AIBOM_VERDICT_UNKNOWN, "encrypted");
	aibom_inspection_free(i);

	i = inspect_in(dir, "abs.7z", &json);
	expect(i, "abs.7z", "7z", AIBOM_VERDICT_DANGEROUS, NULL);
	warnings = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json, "metadata"), "warnings");
	ck_assert_msg(cJSON_GetArraySize(warnings) == 1 && strstr(cJSON_GetArrayItem(warnings, 0)->valuestring,
		"escapes the archive folder: /"), "abs.7z: no warning for the absolute member name");
	cJSON_Delete(json);
	aibom_inspection_free(i);
	i = inspect_in(dir, "dotdot.7z", &json);
	expect(i, "dotdot.7z", "7z", AIBOM_VERDICT_DANGEROUS, NULL);
	expect_one_import(i, "dotdot.7z", "../models/evil.pkl", "os", "system", 0);
	warnings = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(json, "metadata"), "warnings");
	ck_assert_msg(cJSON_GetArraySize(warnings) == 1 && strstr(cJSON_GetArrayItem(warnings, 0)->valuestring,
		"escapes the archive folder: ../models/evil.pkl"), "dotdot.7z: no warning for the .. member name");
	cJSON_Delete(json);
	aibom_inspection_free(i);

	/* nesting deeper than the cap is said, not hidden */
	run_in(dir, "cp evil.7z deep0.7z");
	for (level = 0; level < 5; level++) {
		char cmd[256];
		snprintf(cmd, sizeof(cmd), "7z a -bd -y deep%d.7z deep%d.7z", level + 1, level);
		run_in(dir, cmd);
	}
	i = inspect_in(dir, "deep5.7z", NULL);
	expect(i, "deep5.7z", "7z", AIBOM_VERDICT_UNKNOWN, "nested deeper");
	aibom_inspection_free(i);

	/* every prefix and some corruptions of a 7z: a verdict, never a crash; cut ones are not safe */
	snprintf(path, sizeof(path), "%s/evil.7z", dir);
	data = (unsigned char *)read_text(path, &len);
	ck_assert_ptr_nonnull(data);
	for (k = 6; k < len; k++) {
		unsigned char *copy = malloc(k);
		memcpy(copy, data, k);
		i = NULL;
		ck_assert_int_eq(aibom_inspect_buffer(&i, "cut.7z", copy, k), 0);
		ck_assert_msg(aibom_inspection_verdict(i) != AIBOM_VERDICT_SAFE, "evil.7z cut at %zu is safe", k);
		aibom_inspection_free(i);
		free(copy);
	}
	for (k = 6; k < len; k++) {
		unsigned char *copy = malloc(len);
		memcpy(copy, data, len);
		copy[k] ^= 0x5a;
		inspect_hostile("flipped.7z", copy, len);
		free(copy);
	}
	free(data);
	ck_assert(aibom_artifact__looks_like_model("weights.7z", (const unsigned char *)"7z\xbc\xaf\x27\x1c\0\4", 8));
	rmtree(dir);
	free(dir);
}
END_TEST

/* ------------------------------------------------------------------ the time cap */

/* A slow input (millions of pickle opcodes before its dangerous global) under a tiny time budget
 * ends quickly as unknown, the reason naming the time limit; with the default budget the same
 * bytes are read to the end. */
START_TEST(time_limit_stops_a_slow_input)
{
	size_t n = 24u << 20;
	unsigned char *d = malloc(n + 32);
	aibom_artifact_limits tiny = {0.02};
	aibom_inspection *i = NULL;
	struct timespec t0, t1;
	double took;

	ck_assert_ptr_nonnull(d);
	d[0] = 0x80;
	d[1] = 2;
	for (size_t k = 2; k < n; k += 2) {
		d[k] = 'N';
		d[k + 1] = '0'; /* push None, pop it: work without memory */
	}
	memcpy(d + n, "cos\nsystem\n(S'id'\ntR.", 21);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(aibom_artifact__inspect_limited(&i, "slow.pkl", d, n + 21, &tiny), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	took = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_msg(aibom_inspection_verdict(i) == AIBOM_VERDICT_UNKNOWN, "verdict %s (%s)",
		aibom_verdict_name(aibom_inspection_verdict(i)), aibom_inspection_reason(i) ? aibom_inspection_reason(i) : "");
	ck_assert_msg(strstr(aibom_inspection_reason(i), "time limit of 0.02 seconds"), "reason: %s",
		aibom_inspection_reason(i));
	ck_assert_uint_eq(aibom_inspection_import_count(i), 0);
	ck_assert_msg(took < 1.5, "a 0.02 s budget took %.3f s", took);
	aibom_inspection_free(i);

	/* inside an archive too: a tar member, stopped inside it */
	{
		char *dir = tmpdir_new("slow"), path[4200];
		size_t tlen = 0;
		char *tar;
		write_file(dir, "slow.pkl", (const char *)d, n + 21);
		run_in(dir, "tar cf slow.tar slow.pkl");
		snprintf(path, sizeof(path), "%s/slow.tar", dir);
		tar = read_text(path, &tlen);
		ck_assert_ptr_nonnull(tar);
		tiny.max_seconds = 0.001;
		ck_assert_int_eq(aibom_artifact__inspect_limited(&i, "slow.tar", (unsigned char *)tar, tlen, &tiny), 0);
		ck_assert_int_eq(aibom_inspection_verdict(i), AIBOM_VERDICT_UNKNOWN);
		ck_assert_msg(strstr(aibom_inspection_reason(i), "time limit"), "reason: %s", aibom_inspection_reason(i));
		ck_assert_uint_eq(aibom_inspection_import_count(i), 0);
		aibom_inspection_free(i);
		free(tar);
		rmtree(dir);
		free(dir);
	}

	/* the default budget reads it all */
	ck_assert_int_eq(aibom_artifact__inspect_limited(&i, "slow.pkl", d, n + 21, NULL), 0);
	ck_assert_int_eq(aibom_inspection_verdict(i), AIBOM_VERDICT_DANGEROUS);
	ck_assert_uint_eq(aibom_inspection_import_count(i), 1);
	aibom_inspection_free(i);
	free(d);
}
END_TEST

Suite *artifact_suite(void)
{
	Suite *s = suite_create("artifact");
	TCase *samples_tc = tcase_create("samples"), *api = tcase_create("api");

	tcase_add_unchecked_fixture(samples_tc, generate, cleanup);
	tcase_set_timeout(samples_tc, 600);
	tcase_add_test(samples_tc, every_sample_matches_its_manifest_entry);
	tcase_add_test(samples_tc, buffer_and_path_agree);
	tcase_add_test(samples_tc, truncated_samples_give_a_verdict);
	tcase_add_test(samples_tc, corrupted_samples_give_a_verdict);
	tcase_add_test(samples_tc, looks_like_model_predicate);
	suite_add_tcase(s, samples_tc);
	tcase_set_timeout(api, 120);
	tcase_add_test(api, hostile_pickles_are_bounded);
	tcase_add_test(api, api_arguments_and_errors);
	tcase_add_test(api, knowledge_file_classifies);
	tcase_add_test(api, sevenzip_archives_are_inspected);
	tcase_add_test(api, time_limit_stops_a_slow_input);
	suite_add_tcase(s, api);
	return s;
}

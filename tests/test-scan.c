/*
 * test-scan.c - the public API end to end: options, walks (callback and iterator agree), exports
 * (valid CycloneDX, deterministic when the time is pinned), read-only queries, saved databases,
 * progress and its cancellation, two scans at once, and every kind of bad input: each gives a
 * clear error or a per-file diagnostic, and the other files' findings survive.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static const char good_py[] =
	"from openai import OpenAI\n"
	"client = OpenAI()\n"
	"def ask(q):\n"
	"    return client.chat.completions.create(model='gpt-4o', messages=[q])\n";

static aibom_scan *scan_dir(const char *dir, aibom_scan_options *opts)
{
	aibom_scan *scan = NULL;
	int rc = aibom_scan_path(&scan, dir, opts);
	ck_assert_msg(rc == 0, "scan of %s failed (%d): %s", dir, rc, aibom_error_last()->message);
	return scan;
}

typedef struct {
	char text[8192];
} diags;

static int diag_cb(const aibom_diagnostic *d, void *payload)
{
	diags *x = payload;
	size_t n = strlen(x->text);
	snprintf(x->text + n, sizeof(x->text) - n, "%s|%s|%s\n", d->path, d->severity, d->message);
	return 0;
}

START_TEST(options_and_version)
{
	aibom_scan_options o;
	aibom_format fmt;

	ck_assert_int_eq(aibom_scan_options_init(&o, AIBOM_SCAN_OPTIONS_VERSION), 0);
	ck_assert_uint_eq(o.version, AIBOM_SCAN_OPTIONS_VERSION);
	ck_assert_int_eq(aibom_scan_options_init(&o, 99), AIBOM_EINVALID);
	ck_assert_str_eq(aibom_version(), AIBOM_VERSION);
	ck_assert_int_eq(aibom_format_from_name(&fmt, "json"), 0);
	ck_assert_int_eq(fmt, AIBOM_FORMAT_JSON);
	ck_assert_int_eq(aibom_format_from_name(&fmt, "xml"), AIBOM_EINVALID);
}
END_TEST

static int collect_cb(const aibom_finding *f, void *payload)
{
	char *out = payload;
	size_t n = strlen(out);
	snprintf(out + n, 4096 - n, "%s:%u:%s:%s\n", f->path, f->line, f->api, f->model ? f->model : "-");
	return 0;
}

static int stop_cb(const aibom_finding *f, void *payload)
{
	(void)f;
	(void)payload;
	return 42;
}

START_TEST(walks_exports_and_queries)
{
	char *dir = tmpdir_new("api"), a[4096] = "", b[4096] = "", db[4200];
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_export_options eo = AIBOM_EXPORT_OPTIONS_INIT;
	aibom_scan *scan, *saved;
	aibom_finding_iter *it;
	const aibom_finding *f;
	aibom_buf x = {0}, y = {0};
	aibom_scan_stats st;

	write_file(dir, "src/app.py", good_py, (size_t)-1);
	write_file(dir, "src/load.py", "import torch\nm = torch.load('w.pt')\n", (size_t)-1);
	write_file(dir, "requirements.txt", "openai==1.40.0\nflask==3.0\n", (size_t)-1);
	snprintf(db, sizeof(db), "%s/scan.db", dir);
	opts.db_path = db;
	scan = scan_dir(dir, &opts);

	ck_assert_int_eq(aibom_scan_foreach_finding(scan, collect_cb, a), 0);
	ck_assert_int_eq(aibom_finding_iter_new(&it, scan), 0);
	while (aibom_finding_next(&f, it) == 0)
		collect_cb(f, b);
	ck_assert_int_eq(aibom_finding_next(&f, it), AIBOM_ITEROVER);
	aibom_finding_iter_free(it);
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(a, "src/app.py:4:openai.OpenAI.chat.completions.create:gpt-4o\n"
		"src/load.py:2:torch.load:w.pt\n");
	ck_assert_int_eq(aibom_scan_foreach_finding(scan, stop_cb, NULL), 42);

	ck_assert_int_eq(aibom_scan_stats_get(&st, scan), 0);
	ck_assert_uint_eq(st.files, 3);
	ck_assert_uint_eq(st.findings, 2);
	ck_assert_uint_eq(st.libraries, 1);

	eo.timestamp = 1700000000;
	ck_assert_int_eq(aibom_scan_export(&x, scan, AIBOM_FORMAT_CYCLONEDX, &eo), 0);
	ck_assert_int_eq(aibom_scan_export(&y, scan, AIBOM_FORMAT_CYCLONEDX, &eo), 0);
	ck_assert_str_eq(x.ptr, y.ptr);
	ck_assert_ptr_nonnull(strstr(x.ptr, "\"2023-11-14T22:13:20Z\""));
	ck_assert_ptr_nonnull(strstr(x.ptr, "\"pkg:pypi/openai@1.40.0\""));
	ck_assert_ptr_nonnull(strstr(x.ptr, "\"service:openai\""));
	ck_assert_ptr_nonnull(strstr(x.ptr, "\"cwes\""));
	assert_valid_bom(x.ptr, "walks_exports_and_queries");
	aibom_buf_dispose(&x);
	aibom_buf_dispose(&y);

	ck_assert_int_eq(aibom_scan_export(&x, scan, AIBOM_FORMAT_JSON, NULL), 0);
	ck_assert_ptr_nonnull(strstr(x.ptr, "\"findings\""));
	aibom_buf_dispose(&x);
	ck_assert_int_eq(aibom_scan_export(&x, scan, AIBOM_FORMAT_TABLE, NULL), 0);
	ck_assert_ptr_nonnull(strstr(x.ptr, "src/load.py:2"));
	aibom_buf_dispose(&x);
	ck_assert_int_eq(aibom_scan_export(&x, scan, (aibom_format)9, NULL), AIBOM_EINVALID);

	ck_assert_int_eq(aibom_scan_query(&x, scan, "SELECT model FROM v_findings ORDER BY model"), 0);
	ck_assert_str_eq(x.ptr, "[{\"model\":\"gpt-4o\"},{\"model\":\"w.pt\"}]");
	aibom_buf_dispose(&x);
	ck_assert_int_eq(aibom_scan_query(&x, scan, "DELETE FROM findings"), AIBOM_EREADONLY);
	ck_assert_int_eq(aibom_scan_query(&x, scan, "SELEC nonsense"), AIBOM_ERROR);
	ck_assert_int_eq(aibom_error_last()->klass, AIBOM_ERROR_QUERY);
	ck_assert_int_eq(aibom_scan_query(&x, scan, "SELECT 1; DROP TABLE files"), AIBOM_EINVALID);
	aibom_scan_free(scan);

	/* the saved database answers the same without a rescan */
	ck_assert_int_eq(aibom_scan_open_db(&saved, db), 0);
	a[0] = '\0';
	ck_assert_int_eq(aibom_scan_foreach_finding(saved, collect_cb, a), 0);
	ck_assert_str_eq(a, b);
	aibom_scan_free(saved);
	ck_assert_int_eq(aibom_scan_open_db(&saved, "/nonexistent/x.db"), AIBOM_ENOTFOUND);
	write_file(dir, "not.db", "hello", 5);
	snprintf(db, sizeof(db), "%s/not.db", dir);
	ck_assert_int_eq(aibom_scan_open_db(&saved, db), AIBOM_ERROR);
	rmtree(dir);
	free(dir);
}
END_TEST

static int reach_cb(const aibom_reach_row *r, void *payload)
{
	char *out = payload;
	size_t n = strlen(out);
	snprintf(out + n, 4096 - n, "%s|%s|%s|%u|%s\n", r->service, r->entry_point, r->model, r->hops, r->frames);
	return 0;
}

START_TEST(reachability_walks)
{
	char *dir = tmpdir_new("reach"), a[4096] = "", b[4096] = "";
	aibom_scan *scan;
	aibom_reach_iter *it;
	const aibom_reach_row *r;
	aibom_buf q = {0};

	write_file(dir, "svc/Dockerfile", "FROM python:3.12\n", (size_t)-1);
	write_file(dir, "svc/app.py",
		"from flask import Flask\n"
		"from svc import llm\n"
		"app = Flask(__name__)\n"
		"@app.route('/ask')\n"
		"def ask():\n"
		"    return llm.answer('hi')\n", (size_t)-1);
	write_file(dir, "svc/llm.py",
		"from openai import OpenAI\n"
		"client = OpenAI()\n"
		"def answer(q, model='gpt-4o'):\n"
		"    return client.chat.completions.create(model=model, messages=[q])\n"
		"def unused():\n"
		"    return client.embeddings.create(model='text-embedding-3-small', input='x')\n", (size_t)-1);
	scan = scan_dir(dir, NULL);
	ck_assert_int_eq(aibom_scan_foreach_reach(scan, NULL, NULL, reach_cb, a), 0);
	ck_assert_str_eq(a, "svc|svc.app:ask|gpt-4o|1|[{\"module\":\"svc.app\",\"function\":\"ask\",\"file\":\"svc/app.py\",\"line\":6},"
		"{\"module\":\"svc.llm\",\"function\":\"answer\",\"file\":\"svc/llm.py\",\"line\":4}]\n");
	ck_assert_int_eq(aibom_reach_iter_new(&it, scan, "svc", "gpt-4o"), 0);
	while (aibom_reach_next(&r, it) == 0)
		reach_cb(r, b);
	ck_assert_int_eq(aibom_reach_next(&r, it), AIBOM_ITEROVER);
	aibom_reach_iter_free(it);
	ck_assert_str_eq(a, b);
	ck_assert_int_eq(aibom_reach_iter_new(&it, scan, "nope", NULL), 0);
	ck_assert_int_eq(aibom_reach_next(&r, it), AIBOM_ITEROVER);
	aibom_reach_iter_free(it);
	ck_assert_int_eq(aibom_scan_query(&q, scan, "SELECT model FROM unreached_findings"), 0);
	ck_assert_str_eq(q.ptr, "[{\"model\":\"text-embedding-3-small\"}]");
	aibom_buf_dispose(&q);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(web_application_objects_are_services)
{
	char *dir = tmpdir_new("apps");
	aibom_scan *scan;
	aibom_buf q = {0};
	static const char app[] =
		"from fastapi import FastAPI\n"
		"from openai import OpenAI\n"
		"api = FastAPI()\n"
		"@api.post('/chat')\n"
		"def chat():\n"
		"    return OpenAI().chat.completions.create(model='%s')\n";
	char text[512];

	snprintf(text, sizeof(text), app, "gpt-4o");
	write_file(dir, "billing/main.py", text, (size_t)-1);
	snprintf(text, sizeof(text), app, "o3-mini");
	write_file(dir, "support/main.py", text, (size_t)-1);
	scan = scan_dir(dir, NULL);
	ck_assert_int_eq(aibom_scan_query(&q, scan, "SELECT service, model FROM service_models ORDER BY service"), 0);
	ck_assert_str_eq(q.ptr, "[{\"service\":\"billing\",\"model\":\"gpt-4o\"},{\"service\":\"support\",\"model\":\"o3-mini\"}]");
	aibom_buf_dispose(&q);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(missing_and_wrong_paths)
{
	char *dir = tmpdir_new("missing"), file[4200];
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;

	ck_assert_int_eq(aibom_scan_path(&scan, "/nonexistent/repo", NULL), AIBOM_ENOTFOUND);
	ck_assert_ptr_null(scan);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "/nonexistent/repo"));
	opts.rev = "HEAD";
	ck_assert_int_eq(aibom_scan_path(&scan, dir, &opts), AIBOM_EINVALID);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "not a git repository"));
	write_file(dir, "f.py", "x = 1\n", (size_t)-1);
	snprintf(file, sizeof(file), "%s/f.py", dir);
	ck_assert_int_eq(aibom_scan_path(&scan, file, NULL), AIBOM_EINVALID);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "not a directory"));
	opts.rev = NULL;
	opts.version = 7;
	ck_assert_int_eq(aibom_scan_path(&scan, dir, &opts), AIBOM_EINVALID);
	rmtree(dir);
	free(dir);
}
END_TEST

typedef struct {
	char path[4200];
	int calls;
	int stop_at;
} prog;

static int progress_cb(const aibom_progress *p, void *payload)
{
	prog *x = payload;
	x->calls++;
	if (!strcmp(p->phase, "list") && x->path[0])
		unlink(x->path); /* the file disappears between listing and reading */
	return x->stop_at && x->calls >= x->stop_at ? -77 : 0;
}

START_TEST(bad_inputs_are_diagnostics)
{
	char *dir = tmpdir_new("bad");
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan;
	diags d = {""};
	prog pr = {"", 0, 0};
	char big[6000];
	aibom_buf bom = {0};

	write_file(dir, "good.py", good_py, (size_t)-1);
	write_file(dir, "binary.py", "import torch\0\x01\x02torch.load('x')\n", 30);
	write_file(dir, "latin1.py", "# caf\xe9\nimport torch\nm = torch.load('latin.pt')\n", (size_t)-1);
	write_file(dir, "syntax.py", "import torch\nm = torch.load('syn.pt')\ndef broken(:\n    pass\n", (size_t)-1);
	memset(big, '#', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	write_file(dir, "big.py", big, (size_t)-1);
	write_file(dir, "nb.ipynb", "{\"cells\": \"nope\"}", (size_t)-1);
	write_file(dir, "gone.py", "import torch\ntorch.load('gone.pt')\n", (size_t)-1);
	{
		char link[4200];
		snprintf(link, sizeof(link), "%s/escape.py", dir);
		ck_assert_int_eq(symlink("/etc/hostname", link), 0);
	}
	snprintf(pr.path, sizeof(pr.path), "%s/gone.py", dir);
	opts.max_file_size = 4096;
	opts.progress = progress_cb;
	opts.progress_payload = &pr;
	scan = scan_dir(dir, &opts);
	ck_assert_int_gt(pr.calls, 1);
	ck_assert_int_eq(aibom_scan_foreach_diagnostic(scan, diag_cb, &d), 0);
	ck_assert_msg(strstr(d.text, "binary.py|error|binary content (NUL byte at offset 12)"), "%s", d.text);
	ck_assert_msg(strstr(d.text, "latin1.py|warning|invalid UTF-8"), "%s", d.text);
	ck_assert_msg(strstr(d.text, "syntax.py|warning|") && strstr(d.text, "at line 3; facts taken from the partial tree"), "%s", d.text);
	ck_assert_msg(strstr(d.text, "big.py|error|file is 5999 bytes, over the 4096-byte limit"), "%s", d.text);
	ck_assert_msg(strstr(d.text, "nb.ipynb|error|not a notebook"), "%s", d.text);
	ck_assert_msg(strstr(d.text, "gone.py|error|cannot open: No such file"), "%s", d.text);
	ck_assert_msg(strstr(d.text, "escape.py|error|symbolic link not followed"), "%s", d.text);
	/* every readable file still gave its findings */
	ck_assert_uint_eq(count_findings(scan, "sdk_call", NULL, "gpt-4o"), 1);
	ck_assert_uint_eq(count_findings(scan, "model_load", "torch.load", "latin.pt"), 1);
	ck_assert_uint_eq(count_findings(scan, "model_load", "torch.load", "syn.pt"), 1);
	ck_assert_uint_eq(count_findings(scan, NULL, NULL, NULL), 3);
	ck_assert_int_eq(aibom_scan_export(&bom, scan, AIBOM_FORMAT_CYCLONEDX, NULL), 0);
	assert_valid_bom(bom.ptr, "bad_inputs_are_diagnostics");
	aibom_buf_dispose(&bom);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(model_files_are_inspected_and_linked_to_load_sites)
{
	/* a protocol-0 pickle that calls os.system: never loaded, only read */
	static const char evil[] = "cos\nsystem\n(S'echo pwned'\ntR.";
	/* a safetensors file: 8-byte little-endian header length, JSON header, data */
	static const char st_header[] = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
	char *dir = tmpdir_new("artifacts"), st[256];
	unsigned char len8[8] = {0};
	aibom_scan *scan;
	aibom_buf q = {0}, bom = {0};
	size_t hl = strlen(st_header);

	write_file(dir, "models/clf.pkl", evil, sizeof(evil) - 1);
	len8[0] = (unsigned char)hl;
	memcpy(st, len8, 8);
	memcpy(st + 8, st_header, hl);
	memset(st + 8 + hl, 0, 8);
	write_file(dir, "models/w.safetensors", st, 8 + hl + 8);
	write_file(dir, "models/notes.bin", "just some bytes, no model here\n", (size_t)-1);
	{
		/* a zip of icons is no model: an empty archive (end-of-central-directory record only) */
		static const char empty_zip[22] = {'P', 'K', 5, 6};
		write_file(dir, "static/icons.zip", empty_zip, sizeof(empty_zip));
	}
	write_file(dir, "app/serve.py",
		"import pickle\n"
		"from fastapi import FastAPI\n"
		"api = FastAPI()\n"
		"@api.get('/score')\n"
		"def score():\n"
		"    with open('models/clf.pkl', 'rb') as f:\n"
		"        return pickle.load(f)\n"
		"def load():\n"
		"    import joblib\n"
		"    return joblib.load('../models/clf.pkl')\n"
		"def other():\n"
		"    import torch\n"
		"    return torch.load('./models/clf.pkl')\n", (size_t)-1);
	scan = scan_dir(dir, NULL);
	ck_assert_int_eq(aibom_scan_query(&q, scan, "SELECT path, format, verdict, dangerous_imports FROM v_artifacts ORDER BY path"), 0);
	ck_assert_str_eq(q.ptr, "[{\"path\":\"models/clf.pkl\",\"format\":\"pickle\",\"verdict\":\"dangerous\",\"dangerous_imports\":\"os.system\"},"
		"{\"path\":\"models/w.safetensors\",\"format\":\"safetensors\",\"verdict\":\"safe\",\"dangerous_imports\":null}]");
	aibom_buf_dispose(&q);
	ck_assert_int_eq(aibom_scan_query(&q, scan, "SELECT line, artifact FROM v_findings WHERE artifact IS NOT NULL ORDER BY line"), 0);
	ck_assert_str_eq(q.ptr, "[{\"line\":10,\"artifact\":\"models/clf.pkl\"},{\"line\":13,\"artifact\":\"models/clf.pkl\"}]");
	aibom_buf_dispose(&q);
	ck_assert_int_eq(aibom_scan_export(&bom, scan, AIBOM_FORMAT_CYCLONEDX, NULL), 0);
	ck_assert_ptr_nonnull(strstr(bom.ptr, "AIBOM-UNSAFE-ARTIFACT"));
	ck_assert_ptr_nonnull(strstr(bom.ptr, "\"artifact:models/clf.pkl\""));
	ck_assert_ptr_nonnull(strstr(bom.ptr, "SHA-256"));
	ck_assert_ptr_null(strstr(bom.ptr, "notes.bin"));
	ck_assert_ptr_null(strstr(bom.ptr, "icons.zip"));
	assert_valid_bom(bom.ptr, "model files");
	aibom_buf_dispose(&bom);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(vendored_trees_are_skipped)
{
	char *dir = tmpdir_new("vendored");
	aibom_scan *scan;

	write_file(dir, "app.py", good_py, (size_t)-1);
	write_file(dir, "node_modules/pkg/x.py", good_py, (size_t)-1);
	write_file(dir, ".venv/pyvenv.cfg", "home = /usr/bin\n", (size_t)-1);
	write_file(dir, ".venv/lib/python3.11/site-packages/openai/x.py", good_py, (size_t)-1);
	write_file(dir, "env2/pyvenv.cfg", "home = /usr/bin\n", (size_t)-1);
	write_file(dir, "env2/lib/y.py", good_py, (size_t)-1);
	write_file(dir, "lib/python3.11/site-packages/z.py", good_py, (size_t)-1);
	write_file(dir, "pkg/__pycache__/w.py", good_py, (size_t)-1);
	scan = scan_dir(dir, NULL);
	ck_assert_uint_eq(count_findings(scan, NULL, NULL, NULL), 1);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(progress_callback_stops_the_scan)
{
	char *dir = tmpdir_new("stop");
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;
	prog pr = {"", 0, 2};
	int i;

	for (i = 0; i < 50; i++) {
		char name[32];
		snprintf(name, sizeof(name), "m%02d.py", i);
		write_file(dir, name, good_py, (size_t)-1);
	}
	opts.progress = progress_cb;
	opts.progress_payload = &pr;
	opts.jobs = 1;
	ck_assert_int_eq(aibom_scan_path(&scan, dir, &opts), -77);
	ck_assert_ptr_null(scan);
	ck_assert_int_eq(aibom_error_last()->klass, AIBOM_ERROR_CALLBACK);
	rmtree(dir);
	free(dir);
}
END_TEST

typedef struct {
	const char *dir;
	unsigned jobs;
	char out[4096];
	int rc;
} thread_scan;

static void *scan_thread(void *arg)
{
	thread_scan *t = arg;
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;

	opts.jobs = t->jobs;
	t->rc = aibom_scan_path(&scan, t->dir, &opts);
	if (t->rc == 0) {
		t->out[0] = '\0';
		aibom_scan_foreach_finding(scan, collect_cb, t->out);
	}
	aibom_scan_free(scan);
	return NULL;
}

START_TEST(two_scans_at_once)
{
	char path[4200];
	thread_scan a = {NULL, 2, "", -1}, b = {NULL, 1, "", -1}, c = {NULL, 1, "", -1};
	pthread_t ta, tb;

	snprintf(path, sizeof(path), "%s/corpus/multi-provider-gateway", source_root());
	a.dir = b.dir = c.dir = path;
	scan_thread(&c); /* one at a time first */
	ck_assert_int_eq(c.rc, 0);
	ck_assert_int_eq(pthread_create(&ta, NULL, scan_thread, &a), 0);
	ck_assert_int_eq(pthread_create(&tb, NULL, scan_thread, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	ck_assert_int_eq(a.rc, 0);
	ck_assert_int_eq(b.rc, 0);
	ck_assert_uint_gt(strlen(c.out), 100);
	ck_assert_str_eq(a.out, c.out);
	ck_assert_str_eq(b.out, c.out);
}
END_TEST

Suite *scan_suite(void)
{
	Suite *s = suite_create("scan");
	TCase *tc = tcase_create("scan");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, options_and_version);
	tcase_add_test(tc, walks_exports_and_queries);
	tcase_add_test(tc, missing_and_wrong_paths);
	tcase_add_test(tc, reachability_walks);
	tcase_add_test(tc, web_application_objects_are_services);
	tcase_add_test(tc, bad_inputs_are_diagnostics);
	tcase_add_test(tc, progress_callback_stops_the_scan);
	tcase_add_test(tc, vendored_trees_are_skipped);
	tcase_add_test(tc, model_files_are_inspected_and_linked_to_load_sites);
	tcase_add_test(tc, two_scans_at_once);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * scan.c - one scan, end to end: list the files, extract facts on a pool of worker threads (one
 * parser and query cursor per thread; the compiled queries and the rule catalog are shared
 * read-only), index the modules, match the facts on the pool again, then write everything to
 * the database in one transaction. Progress is reported from the calling thread only.
 *
 * This is the one file that knows the whole flow; the walk, query and export entry points of the
 * public API live here too.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "scan_internal.h"
#include "lang/lang.h"
#include "artifact/artifact.h"
#include "manifest/ecosystems.h"

#define DEFAULT_MAX_FILE_SIZE (4u * 1024 * 1024)

/* The languages a scan extracts, by file kind. */
enum { LANG_PYTHON, LANG_JAVASCRIPT, LANG_TYPESCRIPT, LANG_TSX, LANG_GO, LANG_JAVA, LANG_COUNT };
static const aibom_lang *const langs[LANG_COUNT] = {
	&aibom_lang_python, &aibom_lang_javascript, &aibom_lang_typescript, &aibom_lang_tsx,
	&aibom_lang_go, &aibom_lang_java,
};
static int lang_of(aibom_file_kind kind)
{
	switch (kind) {
	case FILE_PYTHON: case FILE_NOTEBOOK: return LANG_PYTHON;
	case FILE_JAVASCRIPT: return LANG_JAVASCRIPT;
	case FILE_TYPESCRIPT: return LANG_TYPESCRIPT;
	case FILE_TSX: return LANG_TSX;
	case FILE_GO: return LANG_GO;
	case FILE_JAVA: return LANG_JAVA;
	default: return -1;
	}
}
#define DEFAULT_MAX_ARTIFACT_SIZE ((size_t)1 << 30)
#define MAX_JOBS 64

const char *aibom_version(void)
{
	return AIBOM_VERSION;
}

int aibom_scan_options_init(aibom_scan_options *opts, unsigned int version)
{
	aibom_scan_options init = AIBOM_SCAN_OPTIONS_INIT;

	if (opts == NULL || version != AIBOM_SCAN_OPTIONS_VERSION) {
		aibom_error__set(AIBOM_ERROR_INPUT, "unknown scan options version %u", version);
		return AIBOM_EINVALID;
	}
	*opts = init;
	return 0;
}

int aibom_format_from_name(aibom_format *out, const char *name)
{
	if (name && !strcmp(name, "cyclonedx"))
		*out = AIBOM_FORMAT_CYCLONEDX;
	else if (name && !strcmp(name, "json"))
		*out = AIBOM_FORMAT_JSON;
	else if (name && !strcmp(name, "table"))
		*out = AIBOM_FORMAT_TABLE;
	else {
		aibom_error__set(AIBOM_ERROR_INPUT, "unknown format '%s' (cyclonedx, json or table)", name ? name : "");
		return AIBOM_EINVALID;
	}
	return 0;
}

/* ---------------------------------------------------------------- the worker pool */

typedef struct pool pool;
typedef int (*work_fn)(pool *p, size_t i, void *thread_state);

struct pool {
	size_t total;
	atomic_size_t next;
	atomic_size_t done;
	atomic_int stop;
	work_fn fn;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	/* shared, read-only during a phase */
	const aibom_source *src;
	const aibom_catalog *cat;
	const aibom_index *idx;
	aibom_graph *graph;
	TSQuery *queries[LANG_COUNT]; /* compiled once per scan, shared read-only */
	const aibom_path_alias *aliases; /* go.mod modules and tsconfig paths, read before extraction */
	size_t naliases;
	aibom_file_result *results;
	/* the first fatal error of a worker (out of memory), with its message */
	int failed;
	char message[512];
	int klass;
};

typedef struct {
	pool *p;
	aibom_lang_worker lw;
	void *git_state;
} worker;

static void *worker_main(void *arg)
{
	worker *w = arg;
	pool *p = w->p;

	for (;;) {
		size_t i;
		if (atomic_load(&p->stop))
			break;
		i = atomic_fetch_add(&p->next, 1);
		if (i >= p->total)
			break;
		if (p->fn(p, i, w) < 0) {
			pthread_mutex_lock(&p->lock);
			if (!p->failed) {
				p->failed = 1;
				snprintf(p->message, sizeof(p->message), "%s", aibom_error_last()->message);
				p->klass = aibom_error_last()->klass;
			}
			pthread_mutex_unlock(&p->lock);
			atomic_store(&p->stop, 1);
		}
		atomic_fetch_add(&p->done, 1);
		pthread_mutex_lock(&p->lock);
		pthread_cond_signal(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	pthread_mutex_lock(&p->lock);
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Run FN over every item on JOBS threads; the calling thread reports progress. */
static int run_phase(pool *p, work_fn fn, unsigned jobs, const char *phase, const aibom_scan_options *opts)
{
	pthread_t threads[MAX_JOBS];
	worker workers[MAX_JOBS];
	unsigned i, started = 0;
	size_t reported = (size_t)-1;
	int cb_rc = 0;

	p->fn = fn;
	atomic_store(&p->next, 0);
	atomic_store(&p->done, 0);
	atomic_store(&p->stop, 0);
	memset(workers, 0, sizeof(workers));
	for (i = 0; i < jobs; i++) {
		workers[i].p = p;
		workers[i].lw.parser = ts_parser_new();
		workers[i].lw.cursor = ts_query_cursor_new();
		if (workers[i].lw.parser == NULL || workers[i].lw.cursor == NULL)
			break;
		/* bound the time one hostile file can take */
		ts_parser_set_timeout_micros(workers[i].lw.parser, 20u * 1000 * 1000);
		if (pthread_create(&threads[i], NULL, worker_main, &workers[i]) != 0)
			break;
		started++;
	}
	if (started == 0) {
		aibom_error__set(AIBOM_ERROR_OS, "cannot start worker threads");
		for (i = 0; i < jobs; i++) {
			if (workers[i].lw.parser)
				ts_parser_delete(workers[i].lw.parser);
			if (workers[i].lw.cursor)
				ts_query_cursor_delete(workers[i].lw.cursor);
		}
		return -1;
	}
	pthread_mutex_lock(&p->lock);
	for (;;) {
		size_t done = atomic_load(&p->done);
		if (opts && opts->progress && done != reported && cb_rc == 0) {
			aibom_progress pr = {phase, done, p->total, NULL};
			reported = done;
			pthread_mutex_unlock(&p->lock);
			cb_rc = opts->progress(&pr, opts->progress_payload);
			pthread_mutex_lock(&p->lock);
			if (cb_rc != 0)
				atomic_store(&p->stop, 1);
			/* workers may have finished (and signalled nobody) while the callback ran: look
			 * again before waiting */
			continue;
		}
		if (done >= p->total || atomic_load(&p->stop))
			break;
		pthread_cond_wait(&p->cond, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	for (i = 0; i < jobs; i++) {
		if (workers[i].lw.parser)
			ts_parser_delete(workers[i].lw.parser);
		if (workers[i].lw.cursor)
			ts_query_cursor_delete(workers[i].lw.cursor);
		if (workers[i].git_state)
			aibom_source__thread_done(p->src, workers[i].git_state);
	}
	if (cb_rc != 0) {
		aibom_error__set(AIBOM_ERROR_CALLBACK, "scan stopped by the progress callback (%d)", cb_rc);
		return cb_rc < 0 ? cb_rc : AIBOM_EUSER;
	}
	if (p->failed) {
		aibom_error__set(p->klass, "%s", p->message);
		return -1;
	}
	if (started < jobs && atomic_load(&p->done) < p->total) {
		aibom_error__set(AIBOM_ERROR_OS, "worker threads stopped early");
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- phase 1: extract */

static int set_msg(char **slot, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int set_msg(char **slot, const char *fmt, ...)
{
	char buf[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	free(*slot);
	*slot = aibom__strdup(buf);
	return *slot ? 0 : -1;
}

/* A candidate model file: inspected where it lies (mapped, never loaded or executed); kept only
 * when its content is a model. */
static int inspect_one(pool *p, aibom_file_result *r, size_t i, worker *w)
{
	char pathbuf[4096];
	const char *disk = aibom_source__disk_path(pathbuf, sizeof(pathbuf), p->src, i);
	aibom_buf data = {0};
	int rc;

	if (disk) {
		rc = aibom_inspect_path(&r->inspection, disk);
	} else {
		if (aibom_source__read(&data, p->src, i, &w->git_state) < 0)
			return set_msg(&r->error, "%s", aibom_error_last()->message);
		rc = aibom_inspect_buffer(&r->inspection, r->file->path, data.ptr, data.size);
		aibom_source__blob_id(r->blob_id, p->src, i, data.ptr, data.size);
		aibom_buf_dispose(&data);
	}
	if (rc < 0) {
		if (aibom_error_last()->klass == AIBOM_ERROR_NOMEMORY)
			return -1;
		return set_msg(&r->error, "%s", aibom_error_last()->message);
	}
	if ((!strcmp(aibom_inspection_format(r->inspection), "unknown") ||
	     ((!strcmp(aibom_inspection_format(r->inspection), "zip") || !strcmp(aibom_inspection_format(r->inspection), "tar")) &&
	      aibom_inspection_verdict(r->inspection) == AIBOM_VERDICT_SAFE)) &&
	    aibom_inspection_import_count(r->inspection) == 0) {
		/* not a model after all (a .bin of data, a .zip of images): not part of the scan */
		aibom_inspection_free(r->inspection);
		r->inspection = NULL;
		r->skip = true;
	}
	return 0;
}

/* go.mod, pom.xml, build.gradle: declared libraries; go.sum and npm lock files: the versions
 * they pin; tsconfig.json was read before extraction (read_aliases). */
static int read_manifest(aibom_file_result *r, const char *text, size_t len)
{
	const char *slash = strrchr(r->file->path, '/'), *base = slash ? slash + 1 : r->file->path;

	if (!strcmp(base, "go.mod"))
		return aibom_manifest__go_mod(&r->deps, text, len);
	if (!strcmp(base, "go.sum"))
		return aibom_manifest__go_sum(&r->locked, text, len);
	if (!strcmp(base, "pom.xml"))
		return aibom_manifest__pom(&r->deps, text, len);
	if (aibom__has_prefix(base, "build.gradle"))
		return aibom_manifest__gradle(&r->deps, text, len);
	return aibom_manifest__npm_lock(&r->locked, base, text, len);
}

static int extract_one(pool *p, size_t i, void *state)
{
	worker *w = state;
	aibom_file_result *r = &p->results[i];
	aibom_buf data = {0}, nb = {0};
	const char *text;
	size_t len;
	const void *nul;
	const aibom_lang *lang;
	int error = 0;

	r->file = aibom_source__file(p->src, i);
	r->found.item_size = sizeof(aibom_found);
	r->deps.item_size = r->locked.item_size = sizeof(aibom_dependency);
	r->config.item_size = sizeof(aibom_config_entry);
	r->scripts.item_size = sizeof(char *);
	if (r->file->kind == FILE_ARTIFACT)
		return inspect_one(p, r, i, w);
	if (aibom_source__read(&data, p->src, i, &w->git_state) < 0)
		return set_msg(&r->error, "%s", aibom_error_last()->message);
	aibom_source__blob_id(r->blob_id, p->src, i, data.ptr, data.size);
	text = data.ptr;
	len = data.size;
	if ((nul = memchr(text, '\0', len)) != NULL) {
		error = set_msg(&r->error, "binary content (NUL byte at offset %zu), not %s source; skipped",
			(size_t)((const char *)nul - text), r->file->kind == FILE_NOTEBOOK ? "notebook" : "text");
		goto done;
	}
	if (!aibom__utf8_valid(text, len) &&
	    set_msg(&r->warning, "invalid UTF-8; read as far as the parser could") < 0) {
		error = -1;
		goto done;
	}

	switch (r->file->kind) {
	case FILE_REQUIREMENTS:
		error = aibom_manifest__requirements(&r->deps, text, len);
		goto done;
	case FILE_MANIFEST:
		error = read_manifest(r, text, len);
		goto done;
	case FILE_CONFIG:
		error = aibom_config__parse(&r->config, r->file->path, text, len);
		goto done;
	case FILE_PYPROJECT:
	case FILE_MARKER: {
		const char *slash = strrchr(r->file->path, '/');
		char dir[4096];
		snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - r->file->path) : 0, r->file->path);
		error = aibom_manifest__project(&r->project_name, &r->scripts, slash ? slash + 1 : r->file->path,
			dir, text, len);
		if (error == 0 && r->file->kind == FILE_PYPROJECT)
			error = aibom_manifest__pyproject(&r->deps, text, len);
		if (error == 0 && !strcmp(slash ? slash + 1 : r->file->path, "package.json"))
			error = aibom_manifest__package_json(&r->deps, text, len);
		if (error == 0 && aibom_config__is_config(r->file->path))
			error = aibom_config__parse(&r->config, r->file->path, text, len);
		goto done;
	}
	case FILE_NOTEBOOK: {
		uint32_t map_len;
		if (aibom_notebook__to_python(&nb, &r->line_map, &map_len, text, len) < 0) {
			if (aibom_error_last()->klass == AIBOM_ERROR_NOMEMORY) {
				error = -1;
				goto done;
			}
			error = set_msg(&r->error, "%s; skipped", aibom_error_last()->message);
			goto done;
		}
		aibom_facts__init(&r->facts);
		r->facts.line_map = r->line_map;
		r->facts.line_map_len = map_len;
		text = nb.ptr;
		len = nb.size;
		break;
	}
	case FILE_PYTHON:
	case FILE_JAVASCRIPT:
	case FILE_TYPESCRIPT:
	case FILE_TSX:
	case FILE_GO:
	case FILE_JAVA:
		aibom_facts__init(&r->facts);
		break;
	default:
		goto done;
	}
	r->has_facts = true;
	r->facts.path = r->file->path;
	lang = langs[lang_of(r->file->kind)];
	r->facts.language = lang->rules_language;
	r->facts.aliases = p->aliases;
	r->facts.naliases = p->naliases;
	r->facts.package_scope = (lang->traits & AIBOM_LANG_PACKAGE_SCOPE) != 0;
	r->facts.implicit_this = (lang->traits & AIBOM_LANG_IMPLICIT_THIS) != 0;
	if (r->file->kind != FILE_NOTEBOOK) {
		char *mod = aibom_lang__module_of(lang, r->file->path, &r->facts.is_package);
		if (mod == NULL) {
			error = -1;
			goto done;
		}
		r->facts.module = aibom_arena__strdup(&r->facts.arena, mod);
		free(mod);
	} else {
		r->facts.module = "";
	}
	if (aibom_extract__run(&r->facts, lang, p->queries[lang_of(r->file->kind)],
		&w->lw, text, len) < 0) {
		if (aibom_error_last()->klass == AIBOM_ERROR_NOMEMORY) {
			error = -1;
			goto done;
		}
		error = set_msg(&r->error, "%s; skipped", aibom_error_last()->message);
		aibom_facts__free(&r->facts);
		r->has_facts = false;
		goto done;
	}
	if (r->facts.diagnostic && !r->warning)
		error = set_msg(&r->warning, "%s", r->facts.diagnostic);
done:
	aibom_buf_dispose(&data);
	aibom_buf_dispose(&nb);
	return error;
}

/* ---------------------------------------------------------------- path aliases */

/* tsconfig.json allows comments and trailing commas; cJSON does not. Blank them out in place,
 * leaving strings alone. */
static void strip_jsonc(char *s, size_t n)
{
	size_t i;
	bool str = false;

	for (i = 0; i < n; i++) {
		if (str) {
			if (s[i] == '\\' && i + 1 < n)
				i++;
			else if (s[i] == '"')
				str = false;
		} else if (s[i] == '"') {
			str = true;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				s[i++] = ' ';
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			for (; i < n && !(s[i] == '*' && i + 1 < n && s[i + 1] == '/'); i++)
				if (s[i] != '\n')
					s[i] = ' ';
			if (i + 1 < n)
				s[i] = s[i + 1] = ' ';
			i++;
		} else if (s[i] == ',') {
			size_t j = i + 1;
			while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
				j++;
			if (j < n && (s[j] == '}' || s[j] == ']'))
				s[i] = ' ';
		}
	}
}

/* Join folder DIR and a relative path REL ("./src/" + "*" -> "web/src/"), without "./" and the star. */
static char *join_dir(aibom_arena *a, const char *dir, const char *rel)
{
	char *out, *star;

	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	if (!strcmp(rel, "."))
		rel = "";
	out = aibom_arena__printf(a, "%s%s%s", dir, dir[0] && rel[0] ? "/" : "", rel);
	if (out && (star = strchr(out, '*')) != NULL)
		*star = '\0';
	return out;
}

static int add_alias(aibom_vec *out, aibom_arena *a, aibom_alias_kind kind, const char *scope, const char *prefix,
	const char *dir)
{
	aibom_path_alias *al;

	if (prefix == NULL || dir == NULL || (al = aibom_vec__push(out)) == NULL)
		return -1;
	al->kind = kind;
	al->scope = aibom_arena__strdup(a, scope);
	al->prefix = prefix;
	al->dir = dir;
	return al->scope ? 0 : -1;
}

/* compilerOptions.paths of a tsconfig/jsconfig ("@/" + "*" mapped to "./src/" + "*"), relative to
 * compilerOptions.baseUrl */
static int tsconfig_aliases(aibom_vec *out, aibom_arena *a, const char *dir, char *text, size_t len)
{
	cJSON *root, *opts, *paths, *base, *it;
	const char *base_dir;
	int error = 0;

	strip_jsonc(text, len);
	if ((root = cJSON_ParseWithLength(text, len)) == NULL)
		return 0; /* not ours to judge: the file is listed, its paths are not used */
	opts = cJSON_GetObjectItemCaseSensitive(root, "compilerOptions");
	paths = cJSON_GetObjectItemCaseSensitive(opts, "paths");
	base = cJSON_GetObjectItemCaseSensitive(opts, "baseUrl");
	base_dir = cJSON_IsString(base) ? join_dir(a, dir, base->valuestring) : dir;
	cJSON_ArrayForEach(it, paths) {
		cJSON *first = cJSON_IsArray(it) ? cJSON_GetArrayItem(it, 0) : NULL;
		char *prefix;
		if (it->string == NULL || !cJSON_IsString(first) || base_dir == NULL)
			continue;
		if ((prefix = aibom_arena__strdup(a, it->string)) == NULL) {
			error = -1;
			break;
		}
		if (strchr(prefix, '*'))
			*strchr(prefix, '*') = '\0';
		if (add_alias(out, a, AIBOM_ALIAS_TS_PATH, dir, prefix, join_dir(a, base_dir, first->valuestring)) < 0) {
			error = -1;
			break;
		}
	}
	cJSON_Delete(root);
	return error;
}

/* go.mod module paths and tsconfig paths, read before extraction: import paths depend on them. */
static int read_aliases(aibom_vec *out, aibom_arena *a, const aibom_source *src)
{
	size_t i, n = aibom_source__count(src);
	void *git_state = NULL;
	int error = 0;

	for (i = 0; i < n && error == 0; i++) {
		const aibom_source_file *file = aibom_source__file(src, i);
		const char *slash = strrchr(file->path, '/'), *base = slash ? slash + 1 : file->path;
		char *dir;
		aibom_buf data = {0};
		bool gomod = !strcmp(base, "go.mod");
		bool tsconfig = (aibom__has_prefix(base, "tsconfig") || aibom__has_prefix(base, "jsconfig")) &&
			aibom__has_suffix(base, ".json");

		if (file->kind != FILE_MANIFEST || !(gomod || tsconfig))
			continue;
		if (aibom_source__read(&data, src, i, &git_state) < 0)
			continue; /* reported with the file by the extraction */
		dir = aibom_arena__strndup(a, file->path, slash ? (size_t)(slash - file->path) : 0);
		if (dir == NULL) {
			error = -1;
		} else if (gomod) {
			char *mod = aibom_manifest__go_module_path(data.ptr, data.size);
			if (mod)
				error = add_alias(out, a, AIBOM_ALIAS_GO_MODULE, dir, aibom_arena__strdup(a, mod), dir);
			free(mod);
		} else {
			error = tsconfig_aliases(out, a, dir, data.ptr, data.size);
		}
		aibom_buf_dispose(&data);
	}
	if (git_state)
		aibom_source__thread_done(src, git_state);
	if (error < 0)
		aibom_error__oom();
	return error;
}

/* The configuration of the repository, for the resolver: files in path order, the first value
 * of a key wins. */
static int index_config(aibom_index *idx, aibom_file_result *results, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < results[i].config.count; k++) {
			const aibom_config_entry *e = aibom_vec__at(&results[i].config, aibom_config_entry, k);
			if (aibom_index__add_config(idx, e->key, e->value, results[i].file->path, e->line) < 0) {
				aibom_error__oom();
				return -1;
			}
		}
	}
	return 0;
}

static bool same_folder(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	size_t la = sa ? (size_t)(sa - a) : 0, lb = sb ? (size_t)(sb - b) : 0;
	return la == lb && !strncmp(a, b, la);
}

/* A lock file (go.sum, package-lock.json...) gives its versions to the manifests of its folder. */
static int apply_locks(aibom_file_result *results, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (results[i].locked.count == 0)
			continue;
		for (j = 0; j < n; j++)
			if (results[j].deps.count && same_folder(results[i].file->path, results[j].file->path) &&
			    aibom_manifest__apply_locks(&results[j].deps, &results[i].locked) < 0)
				return -1;
	}
	return 0;
}

/* A configuration value that reads as a model id: one token, a letter in it, not a placeholder,
 * a boolean or a number. */
static bool looks_like_model(const char *v)
{
	size_t n = strlen(v), i;
	bool letter = false;

	if (n == 0 || n > 128 || v[0] == '$' || !strcasecmp(v, "true") || !strcasecmp(v, "false") ||
	    !strcasecmp(v, "null") || !strcasecmp(v, "none"))
		return false;
	for (i = 0; i < n; i++) {
		if (v[i] == ' ' || v[i] == '\t' || v[i] == '{' || v[i] == '}' || v[i] == '<' || v[i] == '>')
			return false;
		letter |= (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z');
	}
	return letter;
}

/* The provider a configuration key or its value names: a part of the key (OPENAI_MODEL,
 * spring.ai.ollama.chat.options.model) or the prefix of the id (anthropic/claude-3), by the
 * catalog's model_prefixes; "unknown" otherwise. */
static const char *prefix_provider(const aibom_catalog *cat, const char *part)
{
	size_t i;

	for (i = 0; i < cat->prefixes.count; i++) {
		const aibom_endpoint *e = aibom_vec__at(&cat->prefixes, aibom_endpoint, i);
		if (!strcmp(e->contains, part))
			return e->provider;
	}
	return NULL;
}

static const char *config_provider(const aibom_catalog *cat, const char *key, const char *value)
{
	char part[64];
	const char *p = key, *hit;
	size_t i, n, o;

	/* each part of the key, whole without '-' and '_' ("open-ai"), then word by word */
	while (*p) {
		n = strcspn(p, ".[]");
		for (i = o = 0; i < n && o + 1 < sizeof(part); i++)
			if (p[i] != '-' && p[i] != '_')
				part[o++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
		part[o] = '\0';
		if (o && (hit = prefix_provider(cat, part)) != NULL)
			return hit;
		for (i = 0; i < n; ) {
			size_t w = strcspn(p + i, "-_.[]");
			if (w > n - i)
				w = n - i;
			if (w && w < sizeof(part)) {
				for (o = 0; o < w; o++)
					part[o] = (char)(p[i + o] >= 'A' && p[i + o] <= 'Z' ? p[i + o] - 'A' + 'a' : p[i + o]);
				part[w] = '\0';
				if ((hit = prefix_provider(cat, part)) != NULL)
					return hit;
			}
			i += w + 1;
		}
		p += n + (p[n] != '\0');
	}
	n = strcspn(value, "/:");
	if (value[n] && n < sizeof(part)) {
		memcpy(part, value, n);
		part[n] = '\0';
		if ((hit = prefix_provider(cat, part)) != NULL)
			return hit;
	}
	return "unknown";
}

/* Model ids the configuration sets (OPENAI_MODEL=gpt-4o in a compose file, model: llama3 in Helm
 * values) that no code finding took as its model already: findings of kind config_ref in the
 * configuration file, so the BOM shows what a deployment configures even when the code that reads
 * it is out of sight (a settings class, a framework). */
static int config_findings(aibom_file_result *results, size_t n, const aibom_catalog *cat, aibom_arena *a)
{
	aibom_map *used = aibom_map__new();
	size_t i, k;
	int error = -1;

	if (used == NULL)
		goto done;
	for (i = 0; i < n; i++)
		for (k = 0; k < results[i].found.count; k++) {
			const aibom_found *f = aibom_vec__at(&results[i].found, aibom_found, k);
			if (f->resolution && aibom__has_prefix(f->resolution, "config:") &&
			    aibom_map__set(used, f->resolution, (void *)f) < 0)
				goto done;
		}
	for (i = 0; i < n; i++) {
		aibom_file_result *r = &results[i];
		for (k = 0; k < r->config.count; k++) {
			const aibom_config_entry *e = aibom_vec__at(&r->config, aibom_config_entry, k);
			const char *last = strrchr(e->key, '.'), *value = e->value, *how = "literal";
			char lower[128], *where, *name = NULL, *fallback = NULL;
			aibom_found *f;
			size_t j;
			last = last ? last + 1 : e->key;
			/* ${PGPT_LLM_MODEL:llama3.1}: the model unless the environment says otherwise */
			if (aibom_config__placeholder(value, &name, &fallback) > 0 && fallback) {
				value = aibom_arena__strdup(a, fallback);
				how = "config_default";
			}
			free(name);
			free(fallback);
			if (value == NULL)
				goto done;
			if (strlen(last) >= sizeof(lower) || !looks_like_model(value))
				continue;
			for (j = 0; last[j]; j++)
				lower[j] = (char)(last[j] >= 'A' && last[j] <= 'Z' ? last[j] - 'A' + 'a' : last[j]);
			lower[j] = '\0';
			if (!aibom__glob_any(cat->config_model_keys.items, cat->config_model_keys.count, lower))
				continue;
			if ((where = aibom_arena__printf(a, "config:%s:%u", r->file->path, e->line)) == NULL)
				goto done;
			if (aibom_map__get(used, where))
				continue; /* linked: the code finding that reads it has it as its model */
			if ((f = aibom_vec__push(&r->found)) == NULL)
				goto done;
			memset(f, 0, sizeof(*f));
			f->line = e->line;
			f->col = 1;
			f->kind = "config_ref";
			f->api = aibom_arena__printf(a, "config:%s", e->key);
			f->provider = config_provider(cat, e->key, value);
			f->model = value;
			f->model_type = strcmp(f->provider, "unknown") ? "hosted" : "any";
			f->resolution = how;
			f->flags = "";
			f->rule = "config";
			f->scope = -1;
			f->param_index = -1;
			if (f->api == NULL)
				goto done;
		}
	}
	error = 0;
done:
	aibom_map__free(used);
	if (error < 0)
		aibom_error__oom();
	return error;
}

/* ---------------------------------------------------------------- phase 2: match */

static int match_one(pool *p, size_t i, void *state)
{
	aibom_file_result *r = &p->results[i];
	(void)state;
	if (!r->has_facts)
		return 0;
	return aibom_match__file(&r->found, p->cat, p->idx, &r->facts);
}

/* ---------------------------------------------------------------- phase 3: link */

static int link_one(pool *p, size_t i, void *state)
{
	(void)state;
	return aibom_graph__link_file(p->graph, i);
}

/* setup.py: console_scripts strings "name = pkg.mod:func" are entry points */
static int setup_py_scripts(aibom_file_result *r)
{
	size_t i;

	if (!r->has_facts || strcmp(r->file->path + (strrchr(r->file->path, '/') ?
		strrchr(r->file->path, '/') - r->file->path + 1 : 0), "setup.py"))
		return 0;
	for (i = 0; i < r->facts.strings.count; i++) {
		const char *v = aibom_vec__at(&r->facts.strings, aibom_string, i)->value;
		const char *eq = strchr(v, '='), *colon = eq ? strchr(eq, ':') : NULL, *t;
		char **slot;
		size_t n;
		if (colon == NULL)
			continue;
		for (t = eq + 1; *t == ' '; t++)
			;
		n = strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:");
		if (t[n] != '\0' && t[n] != ' ')
			continue;
		if ((slot = aibom_vec__push(&r->scripts)) == NULL || (*slot = malloc(n + 32)) == NULL)
			return -1;
		snprintf(*slot, n + 32, "%.*s\tcommand\tconsole_scripts", (int)n, t);
	}
	return 0;
}

/* ---------------------------------------------------------------- load sites -> model files */

/* Fold "a/./b" and "a/x/../b" in place; NULL when ".." climbs out of the repository. */
static char *normalise_path(char *p)
{
	char *out = p, *seg = p;

	if (p == NULL)
		return NULL;
	while (*seg) {
		char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0 || (n == 1 && seg[0] == '.')) {
			/* skip */
		} else if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out == p)
				return NULL;
			out--;
			while (out > p && out[-1] != '/')
				out--;
		} else {
			memmove(out, seg, n);
			out += n;
			*out++ = '/';
		}
		seg = end ? end + 1 : seg + n;
	}
	if (out > p)
		out--;
	*out = '\0';
	return p;
}

/* "./models/a.pkl" from "app/x.py" -> "models/a.pkl" or "app/models/a.pkl", whichever is a file of
 * the scan (the working directory at run time is not known: the repository root and the file's
 * folder are the two readings); a load site that names a repository model file is linked to it. */
static const char *artifact_for(aibom_map *by_path, const char *from, const char *model, aibom_arena *a)
{
	const char *slash = strrchr(from, '/');
	char *cands[2];
	int k;

	if (model == NULL || model[0] == '/' || strstr(model, "{}") || strstr(model, "://"))
		return NULL;
	while (model[0] == '.' && model[1] == '/')
		model += 2;
	cands[0] = normalise_path(aibom_arena__strdup(a, model));
	cands[1] = slash ? normalise_path(aibom_arena__printf(a, "%.*s/%s", (int)(slash - from), from, model)) : NULL;
	for (k = 0; k < 2; k++)
		if (cands[k] && aibom_map__get(by_path, cands[k]))
			return aibom_map__get(by_path, cands[k]);
	return NULL;
}

static int link_artifacts(aibom_file_result *results, size_t n)
{
	aibom_map *by_path = aibom_map__new();
	size_t i, k;
	bool any = false;

	if (by_path == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (results[i].inspection) {
			if (aibom_map__set(by_path, results[i].file->path, (void *)results[i].file->path) < 0) {
				aibom_map__free(by_path);
				return -1;
			}
			any = true;
		}
	for (i = 0; any && i < n; i++) {
		aibom_file_result *r = &results[i];
		for (k = 0; r->has_facts && k < r->found.count; k++) {
			aibom_found *f = aibom_vec__at(&r->found, aibom_found, k);
			if (f->kind && strcmp(f->kind, "hub_ref") && f->model_type && strcmp(f->model_type, "hosted"))
				f->artifact = artifact_for(by_path, r->file->path, f->model, &r->facts.arena);
		}
	}
	aibom_map__free(by_path);
	return 0;
}

/* ---------------------------------------------------------------- the scan */

static int load_rule_files(aibom_catalog *cat, const aibom_scan_options *opts)
{
	size_t i;

	for (i = 0; i < opts->rule_files_count; i++) {
		const char *path = opts->rule_files[i];
		FILE *fp = fopen(path, "rb");
		aibom_str text = AIBOM_STR_INIT;
		char chunk[8192];
		size_t n;
		int rc;

		if (fp == NULL) {
			aibom_error__set(AIBOM_ERROR_RULES, "%s: cannot open rule file", path);
			return AIBOM_EINVALID;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			aibom_str__put(&text, chunk, n);
		fclose(fp);
		rc = aibom_catalog__add(cat, path, aibom_str__cstr(&text), text.size);
		aibom_str__free(&text);
		if (rc < 0)
			return AIBOM_EINVALID;
	}
	return 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

int aibom_scan_path(aibom_scan **out, const char *path, const aibom_scan_options *opts)
{
	aibom_scan_options defaults = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;
	aibom_source *src = NULL;
	aibom_vec diags = AIBOM_VEC_INIT(char *);
	aibom_facts **facts = NULL;
	aibom_index idx;
	aibom_vec aliases = AIBOM_VEC_INIT(aibom_path_alias);
	aibom_arena alias_arena = {0};
	aibom_graph graph;
	aibom_source_opts so;
	aibom_graph_file *gfiles = NULL;
	bool graph_ready = false;
	const char *name;
	pool p;
	size_t i, n = 0, nf = 0;
	unsigned jobs;
	long cores;
	int error = AIBOM_ERROR;

	memset(&idx, 0, sizeof(idx));
	memset(&graph, 0, sizeof(graph));
	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.cond, NULL);
	if (out == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_path: out is NULL");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if (opts == NULL)
		opts = &defaults;
	if (opts->version != AIBOM_SCAN_OPTIONS_VERSION) {
		aibom_error__set(AIBOM_ERROR_INPUT, "unknown scan options version %u", opts->version);
		return AIBOM_EINVALID;
	}
	if (opts->rule_files_count && opts->rule_files == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "rule_files_count is set but rule_files is NULL");
		return AIBOM_EINVALID;
	}
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	jobs = opts->jobs ? opts->jobs : (unsigned)(cores > 0 ? cores : 1);
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;

	if ((scan = calloc(1, sizeof(*scan))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	if (aibom_catalog__new(&scan->catalog) < 0)
		goto done;
	if ((error = load_rule_files(scan->catalog, opts)) < 0)
		goto done;
	error = AIBOM_ERROR;
	for (i = 0; i < LANG_COUNT; i++)
		if ((p.queries[i] = aibom_lang__compile(langs[i])) == NULL)
			goto done;
	so.max_size = opts->max_file_size ? opts->max_file_size : DEFAULT_MAX_FILE_SIZE;
	so.max_artifact_size = opts->max_artifact_size ? opts->max_artifact_size : DEFAULT_MAX_ARTIFACT_SIZE;
	so.markers = &scan->catalog->markers;
	so.artifact_exts = &scan->catalog->artifact_exts;
	if ((error = aibom_source__open(&src, path, opts->rev, &so, &diags)) < 0)
		goto done;
	error = AIBOM_ERROR;
	n = aibom_source__count(src);
	if (opts->progress) {
		aibom_progress pr = {"list", n, n, NULL};
		int rc = opts->progress(&pr, opts->progress_payload);
		if (rc != 0) {
			aibom_error__set(AIBOM_ERROR_CALLBACK, "scan stopped by the progress callback (%d)", rc);
			error = rc < 0 ? rc : AIBOM_EUSER;
			goto done;
		}
	}
	if (n && (p.results = calloc(n, sizeof(aibom_file_result))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	p.total = n;
	p.src = src;
	p.cat = scan->catalog;
	if (read_aliases(&aliases, &alias_arena, src) < 0)
		goto done;
	p.aliases = aliases.items;
	p.naliases = aliases.count;
	if ((error = run_phase(&p, extract_one, jobs, "extract", opts)) != 0)
		goto done;
	error = AIBOM_ERROR;

	if (n && (facts = calloc(n, sizeof(*facts))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	for (i = 0; i < n; i++)
		if (p.results[i].has_facts)
			facts[nf++] = &p.results[i].facts;
	if (aibom_index__build(&idx, facts, nf) < 0)
		goto done;
	if (index_config(&idx, p.results, n) < 0 || apply_locks(p.results, n) < 0)
		goto done;
	p.idx = &idx;
	if ((error = run_phase(&p, match_one, jobs, "match", opts)) != 0)
		goto done;
	error = AIBOM_ERROR;
	if (config_findings(p.results, n, scan->catalog, &alias_arena) < 0)
		goto done;

	/* the reachability graph */
	if (n && (gfiles = calloc(n, sizeof(*gfiles))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	for (i = 0; i < n; i++) {
		aibom_file_result *r = &p.results[i];
		size_t k;
		gfiles[i].path = r->file->path;
		gfiles[i].facts = r->has_facts ? &r->facts : NULL;
		gfiles[i].found = &r->found;
		gfiles[i].project_name = r->project_name;
		gfiles[i].scripts.item_size = sizeof(char *);
		if (setup_py_scripts(r) < 0)
			goto done;
		for (k = 0; k < r->scripts.count; k++) {
			char **slot = aibom_vec__push(&gfiles[i].scripts);
			if (slot == NULL)
				goto done;
			*slot = *aibom_vec__at(&r->scripts, char *, k);
		}
	}
	name = opts->name ? opts->name : base_name(aibom_source__root(src));
	if (aibom_graph__init(&graph, gfiles, n, scan->catalog, &idx, name) < 0)
		goto done;
	graph_ready = true;
	p.graph = &graph;
	if ((error = run_phase(&p, link_one, jobs, "link", opts)) != 0)
		goto done;
	error = AIBOM_ERROR;
	if (aibom_graph__finish(&graph) < 0)
		goto done;
	if (link_artifacts(p.results, n) < 0)
		goto done;

	if (aibom_store__create(&scan->db, opts->db_path) < 0)
		goto done;
	if (aibom_store__write(scan->db, src, p.results, n, &diags, scan->catalog, &graph, name, opts->rev) < 0)
		goto done;
	*out = scan;
	scan = NULL;
	error = 0;
done:
	if (p.results) {
		for (i = 0; i < n; i++) {
			aibom_file_result *r = &p.results[i];
			size_t k;
			if (r->has_facts)
				aibom_facts__free(&r->facts);
			for (k = 0; k < r->deps.count; k++)
				aibom_dependency__free(aibom_vec__at(&r->deps, aibom_dependency, k));
			aibom_vec__free(&r->deps);
			for (k = 0; k < r->locked.count; k++)
				aibom_dependency__free(aibom_vec__at(&r->locked, aibom_dependency, k));
			aibom_vec__free(&r->locked);
			for (k = 0; k < r->config.count; k++)
				aibom_config_entry__free(aibom_vec__at(&r->config, aibom_config_entry, k));
			aibom_vec__free(&r->config);
			aibom_vec__free(&r->found);
			free(r->error);
			free(r->warning);
			free(r->line_map);
			free(r->project_name);
			for (k = 0; k < r->scripts.count; k++)
				free(*aibom_vec__at(&r->scripts, char *, k));
			aibom_vec__free(&r->scripts);
			free(r->def_rows);
			free(r->found_rows);
			aibom_inspection_free(r->inspection);
		}
		free(p.results);
	}
	if (graph_ready)
		aibom_graph__free(&graph);
	else if (gfiles)
		for (i = 0; i < n; i++)
			aibom_vec__free(&gfiles[i].scripts);
	free(gfiles);
	for (i = 0; i < diags.count; i++)
		free(*aibom_vec__at(&diags, char *, i));
	aibom_vec__free(&diags);
	free(facts);
	aibom_index__free(&idx);
	aibom_vec__free(&aliases);
	aibom_arena__free(&alias_arena);
	for (i = 0; i < LANG_COUNT; i++)
		if (p.queries[i])
			ts_query_delete(p.queries[i]);
	aibom_source__free(src);
	aibom_scan_free(scan);
	pthread_mutex_destroy(&p.lock);
	pthread_cond_destroy(&p.cond);
	return error;
}

int aibom_scan_open_db(aibom_scan **out, const char *path)
{
	aibom_scan *scan;
	int error;

	if (out == NULL || path == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_open_db: NULL argument");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if ((scan = calloc(1, sizeof(*scan))) == NULL) {
		aibom_error__oom();
		return AIBOM_ERROR;
	}
	if ((error = aibom_store__open_readonly(&scan->db, path)) < 0 ||
	    (error = aibom_catalog__new(&scan->catalog)) < 0) {
		aibom_scan_free(scan);
		return error < 0 ? error : AIBOM_ERROR;
	}
	*out = scan;
	return 0;
}

void aibom_scan_free(aibom_scan *scan)
{
	if (scan == NULL)
		return;
	sqlite3_close(scan->db);
	aibom_catalog__free(scan->catalog);
	free(scan);
}

/* ---------------------------------------------------------------- walking and querying */

static size_t count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int aibom_scan_stats_get(aibom_scan_stats *out, aibom_scan *scan)
{
	if (out == NULL || scan == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_stats_get: NULL argument");
		return AIBOM_EINVALID;
	}
	out->files = count(scan->db, "SELECT count(*) FROM files");
	out->bytes = count(scan->db, "SELECT coalesce(sum(size), 0) FROM files");
	out->findings = count(scan->db, "SELECT count(*) FROM findings");
	out->models = count(scan->db, "SELECT count(*) FROM v_models");
	out->libraries = count(scan->db, "SELECT count(*) FROM libraries");
	out->diagnostics = count(scan->db, "SELECT count(*) FROM diagnostics");
	return 0;
}

static const char finding_sql[] =
	"SELECT path, line, col, kind, api, provider, model, model_type, resolution, flags, function, rule "
	"FROM v_findings ORDER BY path, line, col, kind, api";

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static void read_finding(aibom_finding *f, sqlite3_stmt *st)
{
	f->path = col_text(st, 0);
	f->line = (unsigned)sqlite3_column_int(st, 1);
	f->column = (unsigned)sqlite3_column_int(st, 2);
	f->kind = col_text(st, 3);
	f->api = col_text(st, 4);
	f->provider = col_text(st, 5);
	f->model = col_text(st, 6);
	f->model_type = col_text(st, 7);
	f->resolution = col_text(st, 8);
	f->flags = col_text(st, 9);
	f->function = col_text(st, 10);
	f->rule = col_text(st, 11);
}

int aibom_scan_foreach_finding(aibom_scan *scan, aibom_finding_cb cb, void *payload)
{
	sqlite3_stmt *st = NULL;
	int rc, error = 0;

	if (scan == NULL || cb == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_foreach_finding: NULL argument");
		return AIBOM_EINVALID;
	}
	if (sqlite3_prepare_v2(scan->db, finding_sql, -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(scan->db, "reading findings");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		aibom_finding f;
		read_finding(&f, st);
		if ((error = cb(&f, payload)) != 0) {
			aibom_error__set(AIBOM_ERROR_CALLBACK, "walk stopped by the callback (%d)", error);
			break;
		}
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = aibom_store__fail(scan->db, "reading findings");
	sqlite3_finalize(st);
	return error;
}

struct aibom_finding_iter {
	sqlite3_stmt *st;
	sqlite3 *db;
	bool over;                /* SQLite would start again after SQLITE_DONE */
	aibom_finding current;
};

int aibom_finding_iter_new(aibom_finding_iter **out, aibom_scan *scan)
{
	aibom_finding_iter *it;

	if (out == NULL || scan == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_finding_iter_new: NULL argument");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if ((it = calloc(1, sizeof(*it))) == NULL) {
		aibom_error__oom();
		return AIBOM_ERROR;
	}
	it->db = scan->db;
	if (sqlite3_prepare_v2(scan->db, finding_sql, -1, &it->st, NULL) != SQLITE_OK) {
		aibom_store__fail(scan->db, "reading findings");
		free(it);
		return AIBOM_ERROR;
	}
	*out = it;
	return 0;
}

int aibom_finding_next(const aibom_finding **out, aibom_finding_iter *it)
{
	int rc;

	if (out == NULL || it == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_finding_next: NULL argument");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if (it->over)
		return AIBOM_ITEROVER;
	rc = sqlite3_step(it->st);
	if (rc == SQLITE_DONE) {
		it->over = true;
		return AIBOM_ITEROVER;
	}
	if (rc != SQLITE_ROW)
		return aibom_store__fail(it->db, "reading findings");
	read_finding(&it->current, it->st);
	*out = &it->current;
	return 0;
}

void aibom_finding_iter_free(aibom_finding_iter *it)
{
	if (it == NULL)
		return;
	sqlite3_finalize(it->st);
	free(it);
}

int aibom_scan_foreach_diagnostic(aibom_scan *scan, aibom_diagnostic_cb cb, void *payload)
{
	sqlite3_stmt *st = NULL;
	int rc, error = 0;

	if (scan == NULL || cb == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_foreach_diagnostic: NULL argument");
		return AIBOM_EINVALID;
	}
	if (sqlite3_prepare_v2(scan->db, "SELECT path, severity, message FROM diagnostics ORDER BY path, id",
		-1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(scan->db, "reading diagnostics");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		aibom_diagnostic d = {col_text(st, 0), col_text(st, 1), col_text(st, 2)};
		if ((error = cb(&d, payload)) != 0) {
			aibom_error__set(AIBOM_ERROR_CALLBACK, "walk stopped by the callback (%d)", error);
			break;
		}
	}
	if (error == 0 && rc != SQLITE_DONE)
		error = aibom_store__fail(scan->db, "reading diagnostics");
	sqlite3_finalize(st);
	return error;
}

int aibom_scan_export(aibom_buf *out, aibom_scan *scan, aibom_format format, const aibom_export_options *opts)
{
	aibom_export_options defaults = AIBOM_EXPORT_OPTIONS_INIT;

	if (out == NULL || scan == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_export: NULL argument");
		return AIBOM_EINVALID;
	}
	memset(out, 0, sizeof(*out));
	if (opts == NULL)
		opts = &defaults;
	if (opts->version != AIBOM_EXPORT_OPTIONS_VERSION) {
		aibom_error__set(AIBOM_ERROR_INPUT, "unknown export options version %u", opts->version);
		return AIBOM_EINVALID;
	}
	switch (format) {
	case AIBOM_FORMAT_CYCLONEDX:
		return aibom_export__cyclonedx(out, scan, opts->timestamp) < 0 ? AIBOM_ERROR : 0;
	case AIBOM_FORMAT_JSON:
		return aibom_export__json(out, scan) < 0 ? AIBOM_ERROR : 0;
	case AIBOM_FORMAT_TABLE:
		return aibom_export__table(out, scan) < 0 ? AIBOM_ERROR : 0;
	}
	aibom_error__set(AIBOM_ERROR_INPUT, "unknown format %d", (int)format);
	return AIBOM_EINVALID;
}

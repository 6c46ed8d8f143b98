/*
 * store.c - writes a scan into its SQLite database (schema.sql, embedded) in one transaction
 * with prepared statements, and opens saved databases read-only. SQLite's message is copied
 * into the aibom error the moment a call fails, before the next call overwrites it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../scan_internal.h"
#include "embedded.h"

int aibom_store__fail(sqlite3 *db, const char *what)
{
	aibom_error__set(AIBOM_ERROR_SQLITE, "%s: %s", what, db ? sqlite3_errmsg(db) : "cannot allocate");
	return -1;
}

int aibom_store__create(sqlite3 **out, const char *path)
{
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (path && path[0]) {
		if (unlink(path) < 0 && access(path, F_OK) == 0) {
			aibom_error__set(AIBOM_ERROR_OS, "%s: cannot replace the database", path);
			return -1;
		}
	}
	/* "" opens a private temporary database that SQLite deletes on close */
	if (sqlite3_open_v2(path ? path : "", &db, flags, NULL) != SQLITE_OK) {
		aibom_store__fail(db, path ? path : "temporary database");
		sqlite3_close(db);
		return -1;
	}
	if (sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, aibom_embed_schema_sql, NULL, NULL, NULL) != SQLITE_OK) {
		aibom_store__fail(db, "creating the schema");
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

int aibom_store__open_readonly(sqlite3 **out, const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int ok = 0;

	*out = NULL;
	if (access(path, F_OK) != 0) {
		aibom_error__set(AIBOM_ERROR_OS, "%s: no such database", path);
		return AIBOM_ENOTFOUND;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		aibom_store__fail(db, path);
		sqlite3_close(db);
		return AIBOM_ERROR;
	}
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'aibom_schema'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = 1;
	sqlite3_finalize(st);
	if (!ok) {
		aibom_error__set(AIBOM_ERROR_SQLITE, "%s: not an aibom database", path);
		sqlite3_close(db);
		return AIBOM_ERROR;
	}
	*out = db;
	return 0;
}

const char *aibom_store__meta(sqlite3 *db, const char *key, aibom_str *out)
{
	sqlite3_stmt *st = NULL;
	const char *r = NULL;

	aibom_str__clear(out);
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		aibom_str__puts(out, (const char *)sqlite3_column_text(st, 0));
		r = aibom_str__cstr(out);
	}
	sqlite3_finalize(st);
	return r;
}

enum { S_META, S_FILE, S_DIAG, S_DEF, S_IMPORT, S_EDGE, S_FINDING, S_LIB, S_SERVICE, S_ENTRY, S_REACH,
	S_ARTIFACT, S_ARTIFACT_IMPORT, S_COUNT };

static const char *const statements[S_COUNT] = {
	"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
	"INSERT INTO files(path, kind, size, blob_id, module) VALUES (?, ?, ?, ?, ?)",
	"INSERT INTO diagnostics(path, severity, message) VALUES (?, ?, ?)",
	"INSERT INTO definitions(file_id, kind, name, qualname, start_line, end_line, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
	"INSERT INTO imports(file_id, line, alias, target) VALUES (?, ?, ?, ?)",
	"INSERT INTO edges(file_id, line, from_id, to_id, kind, resolution, callee) VALUES (?, ?, ?, ?, ?, ?, ?)",
	("INSERT INTO findings(file_id, line, col, kind, api, provider, model, model_type, resolution, flags, function, rule, def_id,"
	 " artifact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
	"INSERT INTO libraries(file_id, line, name, version, spec, purl) VALUES (?, ?, ?, ?, ?, ?)",
	"INSERT INTO services(id, name, path, marker) VALUES (?, ?, ?, ?)",
	"INSERT INTO entry_points(def_id, service_id, kind, framework, detail, line) VALUES (?, ?, ?, ?, ?, ?)",
	"INSERT INTO reach(service_id, entry_id, finding_id, hops, heuristic, path) VALUES (?, ?, ?, ?, ?, ?)",
	"INSERT INTO artifacts(file_id, format, verdict, reason, sha256, metadata) VALUES (?, ?, ?, ?, ?, ?)",
	"INSERT INTO artifact_imports(artifact_id, module, name, offset, dangerous, member) VALUES (?, ?, ?, ?, ?, ?)",
};

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int step(sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : aibom_store__fail(db, "writing the scan");
}

/* The package URL of a dependency (purl-spec: npm scopes as %40scope, Maven group and artifact as
 * namespace and name, Go module paths as they are). */
static void purl(aibom_str *out, const aibom_dependency *d)
{
	static const char *const types[] = {"pypi", "npm", "golang", "maven"};
	const char *colon = strchr(d->name, ':');

	if (d->eco == ECO_NPM && d->name[0] == '@')
		aibom_str__printf(out, "pkg:npm/%%40%s", d->name + 1);
	else if (d->eco == ECO_MAVEN && colon)
		aibom_str__printf(out, "pkg:maven/%.*s/%s", (int)(colon - d->name), d->name, colon + 1);
	else
		aibom_str__printf(out, "pkg:%s/%s", types[d->eco], d->name);
	if (d->version)
		aibom_str__printf(out, "@%s", d->version);
}

static const char *kind_name(aibom_file_kind k)
{
	switch (k) {
	case FILE_PYTHON: return "python";
	case FILE_JAVASCRIPT: return "javascript";
	case FILE_TYPESCRIPT: return "typescript";
	case FILE_TSX: return "tsx";
	case FILE_NOTEBOOK: return "notebook";
	case FILE_REQUIREMENTS: return "requirements";
	case FILE_PYPROJECT: return "pyproject";
	case FILE_MARKER: return "marker";
	case FILE_GO: return "go";
	case FILE_JAVA: return "java";
	case FILE_MANIFEST: return "manifest";
	case FILE_CONFIG: return "config";
	case FILE_ARTIFACT: return "artifact";
	default: return "other";
	}
}

static int put_meta(sqlite3 *db, sqlite3_stmt *st, const char *key, const char *value)
{
	if (value == NULL)
		return 0;
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return step(db, st);
}

static int write_artifact(sqlite3 *db, sqlite3_stmt **st, sqlite3_int64 file_id, const aibom_inspection *insp)
{
	aibom_buf json = {0};
	cJSON *root = NULL, *meta, *sha;
	char *meta_text = NULL;
	sqlite3_int64 id;
	size_t i, n;
	int error = -1;

	if (aibom_inspection_to_json(&json, insp) < 0)
		return -1;
	root = cJSON_Parse(json.ptr);
	meta = root ? cJSON_GetObjectItemCaseSensitive(root, "metadata") : NULL;
	sha = meta ? cJSON_GetObjectItemCaseSensitive(meta, "sha256") : NULL;
	meta_text = meta ? cJSON_PrintUnformatted(meta) : NULL;
	sqlite3_bind_int64(st[S_ARTIFACT], 1, file_id);
	bind_text(st[S_ARTIFACT], 2, aibom_inspection_format(insp));
	bind_text(st[S_ARTIFACT], 3, aibom_verdict_name(aibom_inspection_verdict(insp)));
	bind_text(st[S_ARTIFACT], 4, aibom_inspection_reason(insp));
	bind_text(st[S_ARTIFACT], 5, cJSON_IsString(sha) ? sha->valuestring : NULL);
	bind_text(st[S_ARTIFACT], 6, meta_text ? meta_text : "{}");
	if (step(db, st[S_ARTIFACT]) < 0)
		goto done;
	id = sqlite3_last_insert_rowid(db);
	n = aibom_inspection_import_count(insp);
	for (i = 0; i < n; i++) {
		const aibom_pickle_import *im = aibom_inspection_import(insp, i);
		sqlite3_stmt *s = st[S_ARTIFACT_IMPORT];
		sqlite3_bind_int64(s, 1, id);
		bind_text(s, 2, im->module);
		bind_text(s, 3, im->name);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)im->offset);
		sqlite3_bind_int(s, 5, im->dangerous);
		bind_text(s, 6, im->member);
		if (step(db, s) < 0)
			goto done;
	}
	error = 0;
done:
	cJSON_free(meta_text);
	cJSON_Delete(root);
	aibom_buf_dispose(&json);
	return error;
}

static const char *const edge_kinds[] = {"call", "callback", "import", "decorator", "nested"};
static const char *const edge_res[] = {"exact", "heuristic", "external", "unresolved"};

static int write_graph(sqlite3 *db, sqlite3_stmt **st, aibom_file_result *results, size_t n,
	const aibom_graph *g)
{
	sqlite3_int64 **entry_rows = NULL;
	size_t i, k;
	int error = -1;

	for (i = 0; i < g->services.count; i++) {
		const aibom_service *sv = aibom_vec__at(&g->services, aibom_service, i);
		sqlite3_bind_int64(st[S_SERVICE], 1, (sqlite3_int64)i + 1);
		bind_text(st[S_SERVICE], 2, sv->name);
		bind_text(st[S_SERVICE], 3, sv->path);
		bind_text(st[S_SERVICE], 4, sv->marker);
		if (step(db, st[S_SERVICE]) < 0)
			return -1;
	}
	if ((entry_rows = calloc(n + 1, sizeof(*entry_rows))) == NULL) {
		aibom_error__oom();
		return -1;
	}
	for (i = 0; i < n; i++) {
		const aibom_graph_file *gf = &g->files[i];
		aibom_file_result *r = &results[i];
		if (r->def_rows == NULL)
			continue;
		for (k = 0; k < gf->edges.count; k++) {
			const aibom_edge *e = aibom_vec__at(&gf->edges, aibom_edge, k);
			sqlite3_stmt *s = st[S_EDGE];
			sqlite3_bind_int64(s, 1, r->file_row);
			sqlite3_bind_int(s, 2, (int)aibom_facts__map_line(&r->facts, e->line));
			sqlite3_bind_int64(s, 3, r->def_rows[e->from + 1]);
			if (e->res <= RES_HEURISTIC && results[e->to_file].def_rows)
				sqlite3_bind_int64(s, 4, results[e->to_file].def_rows[e->to + 1]);
			else
				sqlite3_bind_null(s, 4);
			bind_text(s, 5, edge_kinds[e->kind]);
			bind_text(s, 6, edge_res[e->res]);
			bind_text(s, 7, e->callee);
			if (step(db, s) < 0)
				goto done;
		}
		if (gf->entries.count && (entry_rows[i] = calloc(gf->entries.count, sizeof(sqlite3_int64))) == NULL) {
			aibom_error__oom();
			goto done;
		}
		for (k = 0; k < gf->entries.count; k++) {
			const aibom_entry *e = aibom_vec__at(&gf->entries, aibom_entry, k);
			sqlite3_stmt *s = st[S_ENTRY];
			sqlite3_bind_int64(s, 1, r->def_rows[e->def + 1]);
			sqlite3_bind_int64(s, 2, (sqlite3_int64)e->service + 1);
			bind_text(s, 3, e->kind);
			bind_text(s, 4, e->framework);
			bind_text(s, 5, e->detail);
			sqlite3_bind_int(s, 6, (int)e->line);
			if (step(db, s) < 0)
				goto done;
			entry_rows[i][k] = sqlite3_last_insert_rowid(db);
		}
	}
	for (i = 0; i < g->reach.count; i++) {
		const aibom_reach *rc = aibom_vec__at(&g->reach, aibom_reach, i);
		sqlite3_stmt *s = st[S_REACH];
		sqlite3_int64 finding = results[rc->file].found_rows ? results[rc->file].found_rows[rc->found] : 0;
		if (finding == 0 || entry_rows[rc->entry_file] == NULL)
			continue;
		sqlite3_bind_int64(s, 1, (sqlite3_int64)rc->service + 1);
		sqlite3_bind_int64(s, 2, entry_rows[rc->entry_file][rc->entry]);
		sqlite3_bind_int64(s, 3, finding);
		sqlite3_bind_int(s, 4, (int)rc->hops);
		sqlite3_bind_int(s, 5, rc->heuristic);
		bind_text(s, 6, rc->path);
		if (step(db, s) < 0)
			goto done;
	}
	error = 0;
done:
	for (i = 0; i < n; i++)
		free(entry_rows[i]);
	free(entry_rows);
	return error;
}

int aibom_store__write(sqlite3 *db, const aibom_source *src, aibom_file_result *results, size_t n,
	const aibom_vec *diags, const aibom_catalog *cat, const aibom_graph *graph, const char *name,
	const char *rev)
{
	sqlite3_stmt *st[S_COUNT] = {0};
	aibom_str tmp = AIBOM_STR_INIT;
	size_t i, k;
	int error = -1;

	for (i = 0; i < S_COUNT; i++)
		if (sqlite3_prepare_v3(db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &st[i], NULL) != SQLITE_OK) {
			aibom_store__fail(db, "preparing statements");
			goto done;
		}
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		aibom_store__fail(db, "BEGIN");
		goto done;
	}
	if (put_meta(db, st[S_META], "aibom_schema", "1") < 0 ||
	    put_meta(db, st[S_META], "aibom_version", AIBOM_VERSION) < 0 ||
	    put_meta(db, st[S_META], "root", aibom_source__root(src)) < 0 ||
	    put_meta(db, st[S_META], "name", name) < 0 ||
	    put_meta(db, st[S_META], "rev", rev) < 0 ||
	    put_meta(db, st[S_META], "commit", aibom_source__commit(src)) < 0 ||
	    put_meta(db, st[S_META], "remote", aibom_source__remote(src)) < 0)
		goto rollback;

	for (i = 0; i < diags->count; i++) {
		const char *d = *aibom_vec__at(diags, char *, i), *tab = strchr(d, '\t');
		aibom_str__clear(&tmp);
		aibom_str__put(&tmp, d, tab ? (size_t)(tab - d) : strlen(d));
		bind_text(st[S_DIAG], 1, aibom_str__cstr(&tmp));
		bind_text(st[S_DIAG], 2, "error");
		bind_text(st[S_DIAG], 3, tab ? tab + 1 : "");
		if (step(db, st[S_DIAG]) < 0)
			goto rollback;
	}

	for (i = 0; i < n; i++) {
		aibom_file_result *r = &results[i];
		sqlite3_int64 file_id;

		if (r->error || r->warning) {
			bind_text(st[S_DIAG], 1, r->file->path);
			bind_text(st[S_DIAG], 2, r->error ? "error" : "warning");
			bind_text(st[S_DIAG], 3, r->error ? r->error : r->warning);
			if (step(db, st[S_DIAG]) < 0)
				goto rollback;
		}
		if (r->error || r->skip)
			continue;
		bind_text(st[S_FILE], 1, r->file->path);
		bind_text(st[S_FILE], 2, kind_name(r->file->kind));
		sqlite3_bind_int64(st[S_FILE], 3, (sqlite3_int64)r->file->size);
		bind_text(st[S_FILE], 4, r->blob_id);
		bind_text(st[S_FILE], 5, r->has_facts && r->facts.module[0] ? r->facts.module : NULL);
		if (step(db, st[S_FILE]) < 0)
			goto rollback;
		file_id = r->file_row = sqlite3_last_insert_rowid(db);

		if (r->has_facts) {
			aibom_facts *f = &r->facts;
			if ((r->def_rows = calloc(f->defs.count + 1, sizeof(sqlite3_int64))) == NULL) {
				aibom_error__oom();
				goto rollback;
			}
			sqlite3_bind_int64(st[S_DEF], 1, file_id);
			bind_text(st[S_DEF], 2, "module");
			bind_text(st[S_DEF], 3, "<module>");
			bind_text(st[S_DEF], 4, "<module>");
			sqlite3_bind_int(st[S_DEF], 5, 1);
			sqlite3_bind_int(st[S_DEF], 6, 1);
			sqlite3_bind_null(st[S_DEF], 7);
			if (step(db, st[S_DEF]) < 0)
				goto rollback;
			r->def_rows[0] = sqlite3_last_insert_rowid(db);
			for (k = 0; k < f->defs.count; k++) {
				const aibom_def *d = aibom_vec__at(&f->defs, aibom_def, k);
				sqlite3_bind_int64(st[S_DEF], 1, file_id);
				bind_text(st[S_DEF], 2, d->kind == DEF_CLASS ? "class" : "function");
				bind_text(st[S_DEF], 3, d->name);
				bind_text(st[S_DEF], 4, d->qualname);
				sqlite3_bind_int(st[S_DEF], 5, (int)aibom_facts__map_line(f, d->start_line));
				sqlite3_bind_int(st[S_DEF], 6, (int)aibom_facts__map_line(f, d->end_line));
				sqlite3_bind_int64(st[S_DEF], 7, r->def_rows[d->parent + 1]);
				if (step(db, st[S_DEF]) < 0)
					goto rollback;
				r->def_rows[k + 1] = sqlite3_last_insert_rowid(db);
			}
			for (k = 0; k < f->imports.count; k++) {
				const aibom_import *imp = aibom_vec__at(&f->imports, aibom_import, k);
				sqlite3_bind_int64(st[S_IMPORT], 1, file_id);
				sqlite3_bind_int(st[S_IMPORT], 2, (int)aibom_facts__map_line(f, imp->line));
				bind_text(st[S_IMPORT], 3, imp->alias);
				bind_text(st[S_IMPORT], 4, imp->target ? imp->target : "");
				if (step(db, st[S_IMPORT]) < 0)
					goto rollback;
			}
		}
		if (r->found.count && (r->found_rows = calloc(r->found.count, sizeof(sqlite3_int64))) == NULL) {
			aibom_error__oom();
			goto rollback;
		}
		for (k = 0; k < r->found.count; k++) {
			const aibom_found *fd = aibom_vec__at(&r->found, aibom_found, k);
			sqlite3_stmt *s = st[S_FINDING];
			if (fd->dropped)
				continue;
			sqlite3_bind_int64(s, 1, file_id);
			sqlite3_bind_int(s, 2, (int)fd->line);
			sqlite3_bind_int(s, 3, (int)fd->col);
			bind_text(s, 4, fd->kind);
			bind_text(s, 5, fd->api);
			bind_text(s, 6, fd->provider);
			bind_text(s, 7, fd->model);
			bind_text(s, 8, fd->model_type);
			bind_text(s, 9, fd->resolution);
			bind_text(s, 10, fd->flags ? fd->flags : "");
			bind_text(s, 11, fd->function);
			bind_text(s, 12, fd->rule);
			bind_text(s, 14, fd->artifact);
			if (r->def_rows)
				sqlite3_bind_int64(s, 13, r->def_rows[fd->scope + 1]);
			else
				sqlite3_bind_null(s, 13);
			if (step(db, s) < 0)
				goto rollback;
			r->found_rows[k] = sqlite3_last_insert_rowid(db);
		}
		if (r->inspection && write_artifact(db, st, file_id, r->inspection) < 0)
			goto rollback;
		for (k = 0; k < r->deps.count; k++) {
			const aibom_dependency *d = aibom_vec__at(&r->deps, aibom_dependency, k);
			if (!aibom_catalog__is_ai_package(cat, d->name, d->eco))
				continue;
			aibom_str__clear(&tmp);
			purl(&tmp, d);
			sqlite3_bind_int64(st[S_LIB], 1, file_id);
			sqlite3_bind_int(st[S_LIB], 2, (int)d->line);
			bind_text(st[S_LIB], 3, d->name);
			bind_text(st[S_LIB], 4, d->version);
			bind_text(st[S_LIB], 5, d->spec);
			bind_text(st[S_LIB], 6, aibom_str__cstr(&tmp));
			if (step(db, st[S_LIB]) < 0)
				goto rollback;
		}
	}
	if (graph && write_graph(db, st, results, n, graph) < 0)
		goto rollback;
	if (tmp.failed) {
		aibom_error__oom();
		goto rollback;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		aibom_store__fail(db, "COMMIT");
		goto rollback;
	}
	error = 0;
	goto done;
rollback:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
done:
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st[i]);
	aibom_str__free(&tmp);
	return error;
}

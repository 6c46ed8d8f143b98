/*
 * scan_internal.h - what one scan holds between its phases, and the scan handle itself.
 */
#ifndef AIBOM_SCAN_INTERNAL_H
#define AIBOM_SCAN_INTERNAL_H

#include <sqlite3.h>

#include "lang/facts.h"
#include "rules/rules.h"
#include "source/source.h"
#include "manifest/manifest.h"
#include "manifest/config.h"
#include "graph/graph.h"

/* Everything known about one input file after extraction and matching. */
typedef struct {
	const aibom_source_file *file;
	aibom_facts facts;        /* Python and notebooks */
	bool has_facts;
	aibom_vec deps;           /* aibom_dependency, manifests */
	aibom_vec locked;         /* aibom_dependency, lock files: versions for the deps of their folder */
	aibom_vec config;         /* aibom_config_entry, configuration files */
	aibom_vec found;          /* aibom_found */
	char blob_id[41];
	char *error;              /* the file was skipped: why (malloc'd) */
	char *warning;            /* read in part: why (malloc'd) */
	bool skip;                /* listed as a candidate but not part of the scan (not a model) */
	uint32_t *line_map;       /* notebooks */
	char *project_name;       /* manifests: the declared project name (malloc'd) */
	aibom_vec scripts;        /* char * (malloc'd): entry points declared by manifests */
	aibom_inspection *inspection; /* model artifacts: what the inspector found */
	sqlite3_int64 file_row;   /* store: row id in files */
	sqlite3_int64 *def_rows;  /* store: row ids of the module (index 0) and each definition */
	sqlite3_int64 *found_rows;/* store: row ids of the findings (0 when dropped) */
} aibom_file_result;

struct aibom_scan {
	sqlite3 *db;
	aibom_catalog *catalog;
	aibom_finding current;    /* the row the pull iterator points at */
};

/* store.c */
int aibom_store__create(sqlite3 **out, const char *path);
int aibom_store__open_readonly(sqlite3 **out, const char *path);
int aibom_store__write(sqlite3 *db, const aibom_source *src, aibom_file_result *results, size_t n,
	const aibom_vec *diags, const aibom_catalog *cat, const aibom_graph *graph, const char *name,
	const char *rev);
int aibom_store__fail(sqlite3 *db, const char *what);
const char *aibom_store__meta(sqlite3 *db, const char *key, aibom_str *out);

/* query.c */
struct cJSON;
struct cJSON *aibom_store__rows(sqlite3 *db, const char *sql);
int aibom_json__detach(aibom_buf *out, struct cJSON *json, bool pretty);

/* export */
int aibom_export__cyclonedx(aibom_buf *out, aibom_scan *scan, int64_t timestamp);
int aibom_export__json(aibom_buf *out, aibom_scan *scan);
int aibom_export__table(aibom_buf *out, aibom_scan *scan);

#endif

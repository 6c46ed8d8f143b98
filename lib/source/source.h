/*
 * source.h - the files of a scan: a folder on disk, or the tree of a git revision read straight
 * from the object database. Each file has a repo-relative path, a size, a content id (the git
 * blob id, computed from the bytes for folder files) and a kind.
 */
#ifndef AIBOM_SOURCE_H
#define AIBOM_SOURCE_H

#include "../util/util.h"

typedef enum {
	FILE_OTHER = 0,
	FILE_PYTHON,
	FILE_JAVASCRIPT,       /* .js .mjs .cjs .jsx */
	FILE_TYPESCRIPT,       /* .ts .mts .cts */
	FILE_TSX,
	FILE_NOTEBOOK,
	FILE_REQUIREMENTS,
	FILE_PYPROJECT,
	FILE_MARKER,           /* a file that makes its folder a service (Dockerfile, template.yaml...) */
	FILE_ARTIFACT,         /* a candidate model file, identified later by its content */
	FILE_GO,
	FILE_JAVA,
	FILE_MANIFEST,         /* go.mod, go.sum, pom.xml, build.gradle(.kts), npm lock files, tsconfig.json */
	FILE_CONFIG            /* configuration a service reads: .env, application.yml, values.yaml... */
} aibom_file_kind;

typedef struct {
	char *path;            /* repo-relative, '/'-separated */
	uint64_t size;
	aibom_file_kind kind;
	unsigned char oid[20]; /* git blob id when read from git */
	bool has_oid;
} aibom_source_file;

typedef struct aibom_source aibom_source;

/* Open PATH (folder, or repository when REV is set). Diagnostics about skipped entries are
 * appended to DIAGS as "path\tmessage" strings (malloc'd). */
/* What to list: service marker file names and artifact file endings (const char *, may be NULL),
 * and the size caps for source files and for artifacts. */
typedef struct {
	uint64_t max_size;
	uint64_t max_artifact_size;
	const aibom_vec *markers;
	const aibom_vec *artifact_exts;
} aibom_source_opts;

int aibom_source__open(aibom_source **out, const char *path, const char *rev, const aibom_source_opts *opts,
	aibom_vec *diags);
void aibom_source__free(aibom_source *src);

size_t aibom_source__count(const aibom_source *src);
const aibom_source_file *aibom_source__file(const aibom_source *src, size_t i);

/* Read file I into OUT (malloc'd). Thread-safe: git reads open a repository per thread through
 * the handle in *THREAD_STATE (free with aibom_source__thread_done). */
int aibom_source__read(aibom_buf *out, const aibom_source *src, size_t i, void **thread_state);
void aibom_source__thread_done(const aibom_source *src, void *thread_state);

/* The blob id of file I as 40 hex chars (computed from DATA when not from git). */
void aibom_source__blob_id(char hex[41], const aibom_source *src, size_t i, const char *data, size_t len);

/* Metadata of the scanned repository, NULL when unknown. */
const char *aibom_source__commit(const aibom_source *src);
const char *aibom_source__remote(const aibom_source *src);
const char *aibom_source__root(const aibom_source *src);

aibom_file_kind aibom_source__kind_of(const char *path, const aibom_source_opts *opts);

/* The file's path on disk (folder mode), or NULL (git mode). */
const char *aibom_source__disk_path(char *buf, size_t n, const aibom_source *src, size_t i);

#endif

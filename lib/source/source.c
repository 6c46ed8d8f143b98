/*
 * source.c - lists the files of a scan and reads them.
 *
 * Folder mode walks the directory iteratively (no recursion), never follows symbolic links,
 * skips vendored trees (node_modules, virtualenvs, site-packages, caches) and honours .gitignore
 * when the folder lies in a git work tree. Git mode reads the tree of a revision from the object
 * database with libgit2: no checkout, no temporary files. Files over the size cap are listed as
 * diagnostics, not read.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <git2.h>

#include "../manifest/manifest.h"
#include "../manifest/config.h"

#include "source.h"

struct aibom_source {
	char *root;            /* folder, or the repository's path */
	git_repository *repo;  /* git mode, or folder inside a work tree (for ignore rules) */
	char *workdir_prefix;  /* folder mode: path of the folder inside the work tree ("" at root) */
	bool git_mode;
	aibom_vec files;       /* aibom_source_file */
	aibom_source_opts opts;
	char *commit;
	char *remote;
	uint64_t max_size;
};

static const char *const skip_dirs[] = {".git", "node_modules", "__pycache__", "site-packages", ".next",
	".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints", ".hg",
	".svn", ".eggs", "vendor", NULL};

static bool skipped_dir(const char *name)
{
	const char *const *s;
	for (s = skip_dirs; *s; s++)
		if (!strcmp(name, *s))
			return true;
	return false;
}

aibom_file_kind aibom_source__kind_of(const char *path, const aibom_source_opts *opts)
{
	const aibom_vec *markers = opts ? opts->markers : NULL;
	const char *base = strrchr(path, '/');
	size_t i;
	base = base ? base + 1 : path;
	if (aibom__has_suffix(base, ".py") || aibom__has_suffix(base, ".pyi"))
		return FILE_PYTHON;
	if (aibom__has_suffix(base, ".ipynb"))
		return FILE_NOTEBOOK;
	if (aibom__has_suffix(base, ".tsx"))
		return FILE_TSX;
	if ((aibom__has_suffix(base, ".ts") || aibom__has_suffix(base, ".mts") || aibom__has_suffix(base, ".cts")) &&
	    !aibom__has_suffix(base, ".d.ts"))
		return FILE_TYPESCRIPT;
	if (aibom__has_suffix(base, ".js") || aibom__has_suffix(base, ".mjs") || aibom__has_suffix(base, ".cjs") ||
	    aibom__has_suffix(base, ".jsx")) {
		/* bundles and minified files are not source anyone wrote */
		if (aibom__has_suffix(base, ".min.js") || aibom__has_suffix(base, ".bundle.js"))
			return FILE_OTHER;
		return FILE_JAVASCRIPT;
	}
	if (aibom__has_suffix(base, ".go"))
		return FILE_GO;
	if (aibom__has_suffix(base, ".java"))
		return FILE_JAVA;
	if (!strcmp(base, "pyproject.toml"))
		return FILE_PYPROJECT;
	if (aibom_manifest__is_manifest(base))
		return FILE_MANIFEST;
	if (aibom__has_prefix(base, "requirements") && aibom__has_suffix(base, ".txt"))
		return FILE_REQUIREMENTS;
	for (i = 0; markers && i < markers->count; i++)
		if (!strcmp(base, *aibom_vec__at(markers, const char *, i)))
			return FILE_MARKER;
	if (aibom_config__is_config(base))
		return FILE_CONFIG;
	for (i = 0; opts && opts->artifact_exts && i < opts->artifact_exts->count; i++) {
		const char *ext = *aibom_vec__at(opts->artifact_exts, const char *, i);
		size_t a = strlen(base), b = strlen(ext);
		if (a > b && !strcasecmp(base + a - b, ext))
			return FILE_ARTIFACT;
	}
	return FILE_OTHER;
}

static int git_fail(const char *what)
{
	const git_error *e = git_error_last();
	aibom_error__set(AIBOM_ERROR_GIT, "%s: %s", what, e && e->message ? e->message : "unknown git error");
	return -1;
}

static int diag(aibom_vec *diags, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int diag(aibom_vec *diags, const char *path, const char *fmt, ...)
{
	aibom_str s = AIBOM_STR_INIT;
	char msg[512];
	char **slot;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	aibom_str__printf(&s, "%s\t%s", path, msg);
	if ((slot = aibom_vec__push(diags)) == NULL) {
		aibom_str__free(&s);
		return -1;
	}
	*slot = s.ptr ? s.ptr : aibom__strdup("");
	return 0;
}

static int add_file(aibom_source *src, const char *path, uint64_t size, aibom_file_kind kind,
	const git_oid *oid, aibom_vec *diags)
{
	aibom_source_file *f;

	uint64_t cap = kind == FILE_ARTIFACT ? src->opts.max_artifact_size : src->max_size;
	if (size > cap)
		return diag(diags, path, "file is %llu bytes, over the %llu-byte limit; skipped",
			(unsigned long long)size, (unsigned long long)cap);
	if ((f = aibom_vec__push(&src->files)) == NULL)
		return -1;
	if ((f->path = aibom__strdup(path)) == NULL)
		return -1;
	f->size = size;
	f->kind = kind;
	if (oid) {
		memcpy(f->oid, oid->id, 20);
		f->has_oid = true;
	}
	return 0;
}

/* ---- folder mode */

static bool ignored(aibom_source *src, const char *rel, bool dir)
{
	char path[PATH_MAX];
	int ign = 0;

	if (src->repo == NULL)
		return false;
	snprintf(path, sizeof(path), "%s%s%s%s", src->workdir_prefix, src->workdir_prefix[0] ? "/" : "",
		rel, dir ? "/" : "");
	if (git_ignore_path_is_ignored(&ign, src->repo, path) < 0) {
		git_error_clear();
		return false;
	}
	return ign == 1;
}

static int walk_folder(aibom_source *src, aibom_vec *diags)
{
	aibom_vec stack = AIBOM_VEC_INIT(char *);
	char **slot;
	int error = -1;

	if ((slot = aibom_vec__push(&stack)) == NULL || (*slot = aibom__strdup("")) == NULL)
		goto done;
	while (stack.count > 0) {
		char *rel = *aibom_vec__at(&stack, char *, stack.count - 1);
		char dir[PATH_MAX], venv[PATH_MAX];
		DIR *d;
		struct dirent *de;
		struct stat st;

		stack.count--;
		snprintf(dir, sizeof(dir), "%s%s%s", src->root, rel[0] ? "/" : "", rel);
		snprintf(venv, sizeof(venv), "%s/pyvenv.cfg", dir);
		if (rel[0] && stat(venv, &st) == 0) { /* a virtualenv: vendored code */
			free(rel);
			continue;
		}
		if ((d = opendir(dir)) == NULL) {
			int rc = diag(diags, rel[0] ? rel : src->root, "cannot read directory: %s", strerror(errno));
			free(rel);
			if (rc < 0)
				goto done;
			continue;
		}
		while ((de = readdir(d)) != NULL) {
			char full[PATH_MAX], child[PATH_MAX];
			aibom_file_kind kind;

			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			snprintf(child, sizeof(child), "%s%s%s", rel, rel[0] ? "/" : "", de->d_name);
			snprintf(full, sizeof(full), "%s/%s", src->root, child);
			if (lstat(full, &st) < 0) {
				if (diag(diags, child, "cannot stat: %s", strerror(errno)) < 0)
					goto dirfail;
				continue;
			}
			if (S_ISDIR(st.st_mode)) {
				if (skipped_dir(de->d_name) || ignored(src, child, true))
					continue;
				if ((slot = aibom_vec__push(&stack)) == NULL || (*slot = aibom__strdup(child)) == NULL)
					goto dirfail;
				continue;
			}
			kind = aibom_source__kind_of(child, &src->opts);
			if (kind == FILE_OTHER || ignored(src, child, false))
				continue;
			if (S_ISLNK(st.st_mode)) {
				if (diag(diags, child, "symbolic link not followed") < 0)
					goto dirfail;
				continue;
			}
			if (!S_ISREG(st.st_mode))
				continue;
			if (add_file(src, child, (uint64_t)st.st_size, kind, NULL, diags) < 0)
				goto dirfail;
		}
		closedir(d);
		free(rel);
		continue;
dirfail:
		closedir(d);
		free(rel);
		goto done;
	}
	error = 0;
done:
	while (stack.count > 0)
		free(*aibom_vec__at(&stack, char *, --stack.count));
	aibom_vec__free(&stack);
	return error;
}

/* ---- git mode */

typedef struct {
	aibom_source *src;
	aibom_vec *diags;
	git_odb *odb;
	int error;
} tree_walk;

static int tree_cb(const char *root, const git_tree_entry *entry, void *payload)
{
	tree_walk *tw = payload;
	const char *name = git_tree_entry_name(entry);
	char path[PATH_MAX];
	git_object_t type = git_tree_entry_type(entry);
	git_filemode_t mode = git_tree_entry_filemode(entry);
	aibom_file_kind kind;
	size_t size = 0;
	git_object_t otype;

	if (type == GIT_OBJECT_TREE)
		return skipped_dir(name) ? 1 : 0; /* 1: skip this subtree */
	if (type != GIT_OBJECT_BLOB)
		return 0;
	snprintf(path, sizeof(path), "%s%s", root, name);
	kind = aibom_source__kind_of(path, &tw->src->opts);
	if (kind == FILE_OTHER)
		return 0;
	if (mode == GIT_FILEMODE_LINK) {
		if (diag(tw->diags, path, "symbolic link not followed") < 0)
			goto fail;
		return 0;
	}
	if (git_odb_read_header(&size, &otype, tw->odb, git_tree_entry_id(entry)) < 0) {
		git_error_clear();
		if (diag(tw->diags, path, "blob missing from the object database") < 0)
			goto fail;
		return 0;
	}
	if (add_file(tw->src, path, size, kind, git_tree_entry_id(entry), tw->diags) < 0)
		goto fail;
	return 0;
fail:
	tw->error = -1;
	return -1;
}

static int open_rev(aibom_source *src, const char *rev, aibom_vec *diags)
{
	git_object *obj = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	tree_walk tw = {src, diags, NULL, 0};
	char hex[GIT_OID_HEXSZ + 1];
	int error = -1, rc;

	if ((rc = git_revparse_single(&obj, src->repo, rev)) < 0) {
		const git_error *ge = git_error_last();
		aibom_error__set(AIBOM_ERROR_GIT, "%s: revision '%s' %s (%s)", src->root, rev,
			rc == GIT_EAMBIGUOUS ? "is ambiguous" : "not found",
			ge && ge->message ? ge->message : "no detail");
		error = AIBOM_ENOTFOUND;
		goto done;
	}
	if (git_object_peel((git_object **)&commit, obj, GIT_OBJECT_COMMIT) < 0) {
		git_fail(rev);
		error = AIBOM_EINVALID;
		goto done;
	}
	if (git_commit_tree(&tree, commit) < 0 || git_repository_odb(&tw.odb, src->repo) < 0) {
		git_fail(rev);
		goto done;
	}
	git_oid_tostr(hex, sizeof(hex), git_commit_id(commit));
	if ((src->commit = aibom__strdup(hex)) == NULL)
		goto done;
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, tree_cb, &tw) < 0 || tw.error < 0) {
		if (tw.error == 0)
			git_fail("reading the tree");
		goto done;
	}
	error = 0;
done:
	git_odb_free(tw.odb);
	git_tree_free(tree);
	git_commit_free(commit);
	git_object_free(obj);
	return error;
}

static void read_remote(aibom_source *src)
{
	git_remote *remote = NULL;

	if (git_remote_lookup(&remote, src->repo, "origin") == 0) {
		const char *url = git_remote_url(remote);
		/* keep credentials out of the BOM: drop any user:password@ part */
		const char *at = url ? strchr(url, '@') : NULL, *scheme = url ? strstr(url, "://") : NULL;
		if (url && at && scheme && at > scheme) {
			aibom_str s = AIBOM_STR_INIT;
			aibom_str__put(&s, url, (size_t)(scheme + 3 - url));
			aibom_str__puts(&s, at + 1);
			src->remote = aibom__strdup(aibom_str__cstr(&s));
			aibom_str__free(&s);
		} else if (url) {
			src->remote = aibom__strdup(url);
		}
		git_remote_free(remote);
	}
	git_error_clear();
}

static int file_cmp(const void *a, const void *b)
{
	return strcmp(((const aibom_source_file *)a)->path, ((const aibom_source_file *)b)->path);
}

int aibom_source__open(aibom_source **out, const char *path, const char *rev, const aibom_source_opts *opts,
	aibom_vec *diags)
{
	aibom_source *src;
	struct stat st;
	char real[PATH_MAX];
	int error = -1;

	*out = NULL;
	if (path == NULL || path[0] == '\0') {
		aibom_error__set(AIBOM_ERROR_INPUT, "no path given");
		return AIBOM_EINVALID;
	}
	if (stat(path, &st) < 0) {
		aibom_error__set(AIBOM_ERROR_OS, "%s: %s", path, strerror(errno));
		return errno == ENOENT || errno == ENOTDIR ? AIBOM_ENOTFOUND : AIBOM_ERROR;
	}
	if (!S_ISDIR(st.st_mode)) {
		aibom_error__set(AIBOM_ERROR_INPUT, "%s: not a directory", path);
		return AIBOM_EINVALID;
	}
	if (realpath(path, real) == NULL) {
		aibom_error__set(AIBOM_ERROR_OS, "%s: %s", path, strerror(errno));
		return AIBOM_ERROR;
	}
	if ((src = calloc(1, sizeof(*src))) == NULL) {
		aibom_error__oom();
		return AIBOM_ERROR;
	}
	/* libgit2 keeps per-thread state that only thread exit frees; shutting the library down while
	 * another thread (another scan, a worker) still holds some would leak it. Initialise on use
	 * (a reference count inside libgit2) and leave libgit2 initialised. */
	git_libgit2_init();
	src->files.item_size = sizeof(aibom_source_file);
	src->opts = *opts;
	src->max_size = opts->max_size;
	if ((src->root = aibom__strdup(real)) == NULL)
		goto done;

	if (rev) {
		src->git_mode = true;
		if (git_repository_open_ext(&src->repo, real, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
			git_error_clear();
			aibom_error__set(AIBOM_ERROR_GIT, "%s: not a git repository (--rev needs one)", path);
			error = AIBOM_EINVALID;
			goto done;
		}
		read_remote(src);
		if ((error = open_rev(src, rev, diags)) < 0)
			goto done;
	} else {
		if (git_repository_open_ext(&src->repo, real, 0, NULL) == 0 && !git_repository_is_bare(src->repo)) {
			const char *wd = git_repository_workdir(src->repo);
			size_t wl = strlen(wd);
			char rootslash[PATH_MAX];
			snprintf(rootslash, sizeof(rootslash), "%s/", real);
			src->workdir_prefix = aibom__strdup(strncmp(rootslash, wd, wl) == 0 ? rootslash + wl : "");
			if (src->workdir_prefix == NULL)
				goto done;
			if (src->workdir_prefix[0]) {
				src->workdir_prefix[strlen(src->workdir_prefix) - 1] = '\0';
			} else {
				/* the folder is the work tree's root: the BOM names its commit and remote */
				git_oid head;
				char hex[GIT_OID_HEXSZ + 1];
				if (git_reference_name_to_id(&head, src->repo, "HEAD") == 0) {
					git_oid_tostr(hex, sizeof(hex), &head);
					src->commit = aibom__strdup(hex);
				}
				read_remote(src);
			}
		} else {
			git_repository_free(src->repo);
			src->repo = NULL;
		}
		git_error_clear();
		if (walk_folder(src, diags) < 0)
			goto done;
	}
	if (src->files.count)
		qsort(src->files.items, src->files.count, sizeof(aibom_source_file), file_cmp);
	*out = src;
	return 0;
done:
	aibom_source__free(src);
	return error < 0 ? error : AIBOM_ERROR;
}

void aibom_source__free(aibom_source *src)
{
	size_t i;

	if (src == NULL)
		return;
	for (i = 0; i < src->files.count; i++)
		free(aibom_vec__at(&src->files, aibom_source_file, i)->path);
	aibom_vec__free(&src->files);
	git_repository_free(src->repo);
	free(src->root);
	free(src->workdir_prefix);
	free(src->commit);
	free(src->remote);
	free(src);
}

size_t aibom_source__count(const aibom_source *src)
{
	return src->files.count;
}

const aibom_source_file *aibom_source__file(const aibom_source *src, size_t i)
{
	return aibom_vec__at(&src->files, aibom_source_file, i);
}

int aibom_source__read(aibom_buf *out, const aibom_source *src, size_t i, void **thread_state)
{
	const aibom_source_file *f = aibom_source__file(src, i);

	memset(out, 0, sizeof(*out));
	if (src->git_mode) {
		git_repository *repo = *thread_state;
		git_blob *blob = NULL;
		git_oid oid;
		size_t n;

		if (repo == NULL) {
			if (git_repository_open_ext(&repo, git_repository_path(src->repo),
				GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
				return git_fail("cannot open the repository");
			*thread_state = repo;
		}
		memcpy(oid.id, f->oid, 20);
		if (git_blob_lookup(&blob, repo, &oid) < 0)
			return git_fail("cannot read blob");
		n = (size_t)git_blob_rawsize(blob);
		if ((out->ptr = malloc(n + 1)) == NULL) {
			git_blob_free(blob);
			aibom_error__oom();
			return -1;
		}
		memcpy(out->ptr, git_blob_rawcontent(blob), n);
		out->ptr[n] = '\0';
		out->size = n;
		git_blob_free(blob);
		return 0;
	} else {
		char full[PATH_MAX];
		FILE *fp;
		size_t n, cap;

		snprintf(full, sizeof(full), "%s/%s", src->root, f->path);
		if ((fp = fopen(full, "rb")) == NULL) {
			aibom_error__set(AIBOM_ERROR_OS, "cannot open: %s", strerror(errno));
			return -1;
		}
		cap = (f->size < src->max_size ? f->size : src->max_size) + 1;
		if ((out->ptr = malloc(cap + 1)) == NULL) {
			fclose(fp);
			aibom_error__oom();
			return -1;
		}
		n = fread(out->ptr, 1, cap, fp);
		if (ferror(fp)) {
			aibom_error__set(AIBOM_ERROR_OS, "cannot read: %s", strerror(errno));
			fclose(fp);
			aibom_buf_dispose(out);
			return -1;
		}
		fclose(fp);
		if (n > src->max_size || n > f->size) {
			aibom_error__set(AIBOM_ERROR_INPUT, "file changed while read; skipped");
			aibom_buf_dispose(out);
			return -1;
		}
		out->ptr[n] = '\0';
		out->size = n;
		return 0;
	}
}

void aibom_source__thread_done(const aibom_source *src, void *thread_state)
{
	(void)src;
	git_repository_free(thread_state);
}

void aibom_source__blob_id(char hex[41], const aibom_source *src, size_t i, const char *data, size_t len)
{
	const aibom_source_file *f = aibom_source__file(src, i);
	git_oid oid;

	if (f->has_oid)
		memcpy(oid.id, f->oid, 20);
	else if (git_odb_hash(&oid, data, len, GIT_OBJECT_BLOB) < 0)
		memset(oid.id, 0, 20);
	git_oid_tostr(hex, 41, &oid);
}

const char *aibom_source__disk_path(char *buf, size_t n, const aibom_source *src, size_t i)
{
	if (src->git_mode)
		return NULL;
	snprintf(buf, n, "%s/%s", src->root, aibom_source__file(src, i)->path);
	return buf;
}

const char *aibom_source__commit(const aibom_source *src)
{
	return src->commit;
}

const char *aibom_source__remote(const aibom_source *src)
{
	return src->remote;
}

const char *aibom_source__root(const aibom_source *src)
{
	return src->root;
}

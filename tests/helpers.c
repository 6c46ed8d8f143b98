/*
 * helpers.c - shared test plumbing (see helpers.h).
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

const char *source_root(void)
{
	const char *r = getenv("MESON_SOURCE_ROOT");
	return r && *r ? r : AIBOM_TEST_SOURCE_ROOT;
}

char *tmpdir_new(const char *tag)
{
	const char *base = getenv("TMPDIR");
	char *path = malloc(4096);

	ck_assert_ptr_nonnull(path);
	snprintf(path, 4096, "%s/aibom-%s-XXXXXX", base && *base ? base : "/tmp", tag);
	ck_assert_msg(mkdtemp(path) != NULL, "mkdtemp: %s", strerror(errno));
	return path;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void rmtree(const char *path)
{
	if (path)
		nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

void write_file(const char *dir, const char *rel, const char *text, size_t len)
{
	char path[4096], *p;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	fp = fopen(path, "wb");
	ck_assert_msg(fp != NULL, "cannot write %s", path);
	if (len == (size_t)-1)
		len = strlen(text);
	ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
	fclose(fp);
}

char *read_text(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	return buf;
}

void assert_valid_bom(const char *json, const char *what)
{
	char *dir = tmpdir_new("bom"), file[4200], cmd[9000];
	int status;

	snprintf(file, sizeof(file), "%s/bom.json", dir);
	write_file(dir, "bom.json", json, (size_t)-1);
	snprintf(cmd, sizeof(cmd), "cd '%s' && node tests/validate-bom.cjs '%s' > '%s/out.txt' 2>&1",
		source_root(), file, dir);
	status = system(cmd);
	if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
		char out[4200];
		char *text;
		snprintf(out, sizeof(out), "%s/out.txt", dir);
		text = read_text(out, NULL);
		ck_abort_msg("%s: BOM is not valid CycloneDX 1.6: %s", what, text ? text : "(no output)");
	}
	rmtree(dir);
	free(dir);
}

typedef struct {
	const char *kind, *api, *model;
	size_t n;
} counter;

static int count_cb(const aibom_finding *f, void *payload)
{
	counter *c = payload;
	if ((!c->kind || !strcmp(c->kind, f->kind)) && (!c->api || !strcmp(c->api, f->api)) &&
	    (!c->model || (f->model && !strcmp(c->model, f->model))))
		c->n++;
	return 0;
}

size_t count_findings(aibom_scan *scan, const char *kind, const char *api, const char *model)
{
	counter c = {kind, api, model, 0};
	ck_assert_int_eq(aibom_scan_foreach_finding(scan, count_cb, &c), 0);
	return c.n;
}

static int check_finding_cb(const aibom_finding *f, void *payload)
{
	expect_finding *e = payload;

	for (; e->path; e++) {
		if (strcmp(e->path, f->path) || e->line != f->line)
			continue;
		e->seen = true;
		ck_assert_msg(e->model ? f->model && !strcmp(f->model, e->model) : f->model == NULL,
			"%s:%u: model %s, want %s", f->path, f->line, f->model ? f->model : "NULL", e->model ? e->model : "NULL");
		if (e->resolution)
			ck_assert_msg(!strncmp(f->resolution, e->resolution, strlen(e->resolution)),
				"%s:%u: resolution %s, want %s", f->path, f->line, f->resolution, e->resolution);
		if (e->provider)
			ck_assert_msg(!strcmp(f->provider, e->provider), "%s:%u: provider %s, want %s", f->path, f->line,
				f->provider, e->provider);
		return 0;
	}
	ck_abort_msg("unexpected finding %s:%u %s (%s)", f->path, f->line, f->api, f->model ? f->model : "no model");
	return 0;
}

void check_findings(aibom_scan *scan, expect_finding *want)
{
	ck_assert_int_eq(aibom_scan_foreach_finding(scan, check_finding_cb, want), 0);
	for (; want->path; want++)
		ck_assert_msg(want->seen, "missing finding %s:%u", want->path, want->line);
}

/*
 * fuzz-source.c - libFuzzer harness for what aibom reads as text: the extraction of every
 * language (tree-sitter parse, query, expression conversion) followed by indexing and matching
 * against the built-in rules (the resolver's recursion on arbitrary trees), the dependency
 * manifests and lock files, and the configuration files. The first byte picks the reader; the rest
 * is the file. Seed it with corpus/ sources (scripts/run.sh does).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aibom.h"
#include "lang/lang.h"
#include "rules/rules.h"
#include "manifest/manifest.h"
#include "manifest/ecosystems.h"
#include "manifest/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const aibom_lang *const langs[] = {
	&aibom_lang_python, &aibom_lang_javascript, &aibom_lang_typescript, &aibom_lang_tsx,
	&aibom_lang_go, &aibom_lang_java,
};
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

/* Set up once: the harness's own state, not the library's. */
static TSQuery *queries[NLANGS];
static aibom_lang_worker worker;
static aibom_catalog *catalog;

static void setup(void)
{
	size_t i;

	if (catalog)
		return;
	if (aibom_catalog__new(&catalog) < 0)
		abort();
	for (i = 0; i < NLANGS; i++)
		if ((queries[i] = aibom_lang__compile(langs[i])) == NULL)
			abort();
	worker.parser = ts_parser_new();
	worker.cursor = ts_query_cursor_new();
}

static void source(size_t l, const char *text, size_t len)
{
	aibom_facts f, *files[1] = {&f};
	aibom_index idx;
	aibom_vec found = AIBOM_VEC_INIT(aibom_found);

	aibom_facts__init(&f);
	f.path = "src/app/main";
	f.module = "app.main";
	f.language = langs[l]->rules_language;
	f.package_scope = (langs[l]->traits & AIBOM_LANG_PACKAGE_SCOPE) != 0;
	f.implicit_this = (langs[l]->traits & AIBOM_LANG_IMPLICIT_THIS) != 0;
	if (aibom_extract__run(&f, langs[l], queries[l], &worker, text, len) == 0) {
		if (aibom_index__build(&idx, files, 1) < 0 || aibom_match__file(&found, catalog, &idx, &f) < 0)
			abort();
		aibom_index__free(&idx);
	}
	aibom_vec__free(&found);
	aibom_facts__free(&f);
}

static void manifest(unsigned which, const char *text, size_t len)
{
	static const char *const locks[] = {"package-lock.json", "pnpm-lock.yaml", "yarn.lock"};
	aibom_vec out = AIBOM_VEC_INIT(aibom_dependency), locked = AIBOM_VEC_INIT(aibom_dependency);
	size_t i;
	char *mod;
	int rc = 0;

	switch (which % 8) {
	case 0: rc = aibom_manifest__go_mod(&out, text, len); break;
	case 1: rc = aibom_manifest__pom(&out, text, len); break;
	case 2: rc = aibom_manifest__gradle(&out, text, len); break;
	case 3: rc = aibom_manifest__package_json(&out, text, len); break;
	case 4: rc = aibom_manifest__requirements(&out, text, len); break;
	case 5: rc = aibom_manifest__pyproject(&out, text, len); break;
	case 6: rc = aibom_manifest__go_sum(&locked, text, len); break;
	default: rc = aibom_manifest__npm_lock(&locked, locks[(which / 8) % 3], text, len); break;
	}
	if (rc < 0 || aibom_manifest__apply_locks(&out, &locked) < 0)
		abort();
	if ((mod = aibom_manifest__go_module_path(text, len)) != NULL)
		free(mod);
	for (i = 0; i < out.count; i++)
		aibom_dependency__free(aibom_vec__at(&out, aibom_dependency, i));
	for (i = 0; i < locked.count; i++)
		aibom_dependency__free(aibom_vec__at(&locked, aibom_dependency, i));
	aibom_vec__free(&out);
	aibom_vec__free(&locked);
}

static void config(unsigned which, const char *text, size_t len)
{
	static const char *const names[] = {".env", "application.properties", "application.yml", "values.yaml",
		"docker-compose.yml", "appsettings.json", "Dockerfile"};
	aibom_vec out = AIBOM_VEC_INIT(aibom_config_entry);
	size_t i;

	if (aibom_config__parse(&out, names[which % (sizeof(names) / sizeof(names[0]))], text, len) < 0)
		abort();
	for (i = 0; i < out.count; i++) {
		aibom_config_entry *e = aibom_vec__at(&out, aibom_config_entry, i);
		char *name = NULL, *fallback = NULL;
		if (aibom_config__placeholder(e->value, &name, &fallback) < 0)
			abort();
		free(name);
		free(fallback);
		aibom_config_entry__free(e);
	}
	aibom_vec__free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned pick;

	if (size == 0)
		return 0;
	setup();
	pick = data[0];
	data++;
	size--;
	if (pick < 96)
		source(pick % NLANGS, (const char *)data, size);
	else if (pick < 192)
		manifest(pick - 96, (const char *)data, size);
	else
		config(pick - 192, (const char *)data, size);
	return 0;
}

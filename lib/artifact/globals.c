/*
 * globals.c - what the inspector knows about pickle globals, loaded from pickle-globals.json
 * (embedded in the library): the dangerous globals, the allowlist of known-safe ML globals, the
 * Python 2 name mapping the unpickler applies, and the smaller lists the Keras, GGUF, ONNX and
 * TensorFlow readers use. Adding knowledge is a data change; this file only reads and matches it.
 *
 * The table is parsed per inspection and immutable afterwards, so inspections share nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"
#include "embedded.h"

struct aibom_artifact_globals {
	cJSON *root;
	aibom_map *py2_modules; /* values are cJSON strings of root */
	aibom_map *py2_names;
};

static int index_object(aibom_map **out, const cJSON *obj)
{
	const cJSON *it;

	if ((*out = aibom_map__new()) == NULL) {
		aibom_error__oom();
		return -1;
	}
	cJSON_ArrayForEach(it, obj) {
		if (!cJSON_IsString(it) || it->string == NULL) {
			aibom_error__set(AIBOM_ERROR_RULES, "pickle-globals.json: mappings must map strings to strings");
			return -1;
		}
		if (aibom_map__set(*out, it->string, it->valuestring) < 0) {
			aibom_error__oom();
			return -1;
		}
	}
	return 0;
}

int aibom_artifact__globals_load(aibom_artifact_globals **out)
{
	aibom_artifact_globals *g = NULL;
	static const char *const lists[] = {"dangerous", "safe", "dangerous_attributes", "keras_safe_modules",
		"keras_code_layers", "template_patterns", "tf_dangerous_ops", "onnx_standard_domains", NULL};
	const char *const *l;
	int error = -1;

	*out = NULL;
	if ((g = calloc(1, sizeof(*g))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	g->root = cJSON_ParseWithLength(aibom_embed_pickle_globals_json, aibom_embed_pickle_globals_json_len);
	if (g->root == NULL) {
		aibom_error__set(AIBOM_ERROR_RULES, "pickle-globals.json: invalid JSON");
		goto done;
	}
	for (l = lists; *l; l++) {
		const cJSON *arr = cJSON_GetObjectItemCaseSensitive(g->root, *l), *it;
		if (!cJSON_IsArray(arr)) {
			aibom_error__set(AIBOM_ERROR_RULES, "pickle-globals.json: \"%s\" must be an array", *l);
			goto done;
		}
		cJSON_ArrayForEach(it, arr) {
			if (!cJSON_IsString(it)) {
				aibom_error__set(AIBOM_ERROR_RULES, "pickle-globals.json: \"%s\" must hold strings", *l);
				goto done;
			}
		}
	}
	if (index_object(&g->py2_modules, cJSON_GetObjectItemCaseSensitive(g->root, "python2_modules")) < 0 ||
	    index_object(&g->py2_names, cJSON_GetObjectItemCaseSensitive(g->root, "python2_names")) < 0)
		goto done;
	error = 0;
done:
	if (error < 0)
		aibom_artifact__globals_free(g);
	else
		*out = g;
	return error;
}

void aibom_artifact__globals_free(aibom_artifact_globals *g)
{
	if (g == NULL)
		return;
	aibom_map__free(g->py2_modules);
	aibom_map__free(g->py2_names);
	cJSON_Delete(g->root);
	free(g);
}

bool aibom_artifact__in_list(const aibom_artifact_globals *g, const char *list, const char *text)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(g->root, list))
		if (aibom__glob(it->valuestring, text))
			return true;
	return false;
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

const char *aibom_artifact__find_pattern(const aibom_artifact_globals *g, const char *list,
	const char *text, size_t len)
{
	const cJSON *it;

	/* A pattern that begins (ends) with a word character must not continue a word there:
	 * "os." matches "os.popen" but not "pos.x", "import" not "important". */
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(g->root, list)) {
		const char *pat = it->valuestring, *at = text, *hit;
		size_t n = strlen(pat);

		if (n == 0)
			continue;
		while (at + n <= text + len && (hit = memmem(at, (size_t)(text + len - at), pat, n)) != NULL) {
			bool before = hit > text && word_char(pat[0]) && word_char(hit[-1]);
			bool after = hit + n < text + len && word_char(pat[n - 1]) && word_char(hit[n]);
			if (!before && !after)
				return pat;
			at = hit + 1;
		}
	}
	return NULL;
}

bool aibom_artifact__py2_map(const aibom_artifact_globals *g, const char *module, const char *name,
	char *mod_out, size_t mod_cap, char *name_out, size_t name_cap)
{
	char key[1024];
	const char *v, *dot;

	snprintf(key, sizeof(key), "%s.%s", module, name);
	if ((v = aibom_map__get(g->py2_names, key)) != NULL && (dot = strrchr(v, '.')) != NULL) {
		snprintf(mod_out, mod_cap, "%.*s", (int)(dot - v), v);
		snprintf(name_out, name_cap, "%s", dot + 1);
		return true;
	}
	if ((v = aibom_map__get(g->py2_modules, module)) != NULL) {
		snprintf(mod_out, mod_cap, "%s", v);
		snprintf(name_out, name_cap, "%s", name);
		return true;
	}
	return false;
}

/* Does any suffix of the dotted path, starting at a component at or after FROM, match dangerous? */
static bool dangerous_path(const aibom_artifact_globals *g, const char *full, size_t from)
{
	const cJSON *attrs = cJSON_GetObjectItemCaseSensitive(g->root, "dangerous_attributes"), *it;
	const char *p = full + from, *c;

	if (aibom_artifact__in_list(g, "dangerous", full))
		return true;
	/* every attribute reached through the name: module.a.b.c -> a.b.c, b.c, c */
	for (c = p; c && *c; ) {
		const char *end = strchr(c, '.');
		size_t n = end ? (size_t)(end - c) : strlen(c);

		if (aibom_artifact__in_list(g, "dangerous", c))
			return true;
		cJSON_ArrayForEach(it, attrs)
			if (strlen(it->valuestring) == n && memcmp(it->valuestring, c, n) == 0)
				return true;
		c = end ? end + 1 : NULL;
	}
	return false;
}

int aibom_artifact__classify(const aibom_artifact_globals *g, const char *module, const char *name)
{
	char full[2048];
	int n = snprintf(full, sizeof(full), "%s.%s", module, name);

	if (n < 0 || (size_t)n >= sizeof(full))
		return -1; /* absurdly long: unknown, and the reader judges the length itself */
	if (dangerous_path(g, full, strlen(module) + 1))
		return 1;
	if (aibom_artifact__in_list(g, "safe", full))
		return 0;
	return -1;
}

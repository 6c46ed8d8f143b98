/*
 * keras.c - Keras model configurations: config.json of a Keras v3 .keras archive, and the
 * model_config (and training_config) JSON attributes of a Keras/TF HDF5 .h5 file, found in the
 * file's bytes without libhdf5 (h5py stores these strings contiguously: a bytes attribute as a
 * fixed-length string inline in the attribute message, a str attribute as a variable-length
 * string in a global heap collection); the superblock's declared end of file is checked. The configuration names every layer class; a Lambda layer
 * carries marshalled Python bytecode and is dangerous, and an entry naming a module outside
 * Keras (a "function" or class from "os", "builtins", any package) is recorded as an import and
 * judged with the knowledge file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

#define MAX_NODES 1000000
#define MAX_LAYERS 512

static const char *str_item(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void judge_object(aibom_artifact_ctx *ctx, const cJSON *o)
{
	const char *cls = str_item(o, "class_name"), *module = str_item(o, "module"), *name;
	const cJSON *config = cJSON_GetObjectItemCaseSensitive(o, "config");

	if (cls == NULL)
		return;
	if (aibom_artifact__in_list(ctx->globals, "keras_code_layers", cls)) {
		const char *lname = str_item(config, "name");
		aibom_artifact__import_as(ctx, module ? module : "keras.layers", cls, 0, 1);
		aibom_artifact__judge(ctx, AIBOM_VERDICT_DANGEROUS, "%s layer%s%s carries Python code", cls,
			lname ? " " : "", lname ? lname : "");
		return;
	}
	if (module == NULL || aibom_artifact__in_list(ctx->globals, "keras_safe_modules", module)) {
		/* builtins is listed safe for its data types; a builtins function is still judged */
		if (!(module && !strcmp(module, "builtins") && !strcmp(cls, "function")))
			return;
	}
	/* a reference Keras will import: "function" names it in config, a class in class_name */
	name = !strcmp(cls, "function") && cJSON_IsString(config) ? config->valuestring : cls;
	{
		int klass = aibom_artifact__classify(ctx->globals, module, name);
		aibom_artifact__import_as(ctx, module, name, 0, klass > 0 ? 1 : klass == 0 ? 0 : -1);
	}
}

int aibom_artifact__keras_config(aibom_artifact_ctx *ctx, const char *json, size_t len, cJSON *meta)
{
	cJSON *root = NULL, **stack = NULL, *layers_meta = NULL, *classes_meta = NULL;
	const cJSON *layers, *it, *config;
	size_t sp = 0, cap = 0, visited = 0, nlayers = 0;
	const char *cls;
	int error = 0;

	if (len > AIBOM_ARTIFACT_MAX_JSON_HEADER) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "Keras config of %zu bytes is over the cap: not inspected", len);
		return 0;
	}
	if ((root = cJSON_ParseWithLength(json, len)) == NULL || !cJSON_IsObject(root)) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "Keras config is not a JSON object");
		goto done;
	}
	if ((cls = str_item(root, "class_name")) != NULL)
		aibom_artifact__meta_str(ctx, meta, "model_class", cls);
	config = cJSON_GetObjectItemCaseSensitive(root, "config");
	layers = cJSON_GetObjectItemCaseSensitive(config, "layers");
	if (cJSON_IsArray(layers)) {
		layers_meta = aibom_artifact__meta_array(ctx, meta, "layers");
		classes_meta = aibom_artifact__meta_array(ctx, meta, "layer_classes");
		cJSON_ArrayForEach(it, layers) {
			const char *lc = str_item(it, "class_name");
			nlayers++;
			if (lc && classes_meta)
				aibom_artifact__meta_add_unique(ctx, classes_meta, lc);
			if (lc && layers_meta && cJSON_GetArraySize(layers_meta) < MAX_LAYERS) {
				cJSON *s = cJSON_CreateString(lc);
				if (s == NULL || !cJSON_AddItemToArray(layers_meta, s)) {
					cJSON_Delete(s);
					ctx->oom = true;
				}
			}
		}
		aibom_artifact__meta_num(ctx, meta, "layer_count", (double)nlayers);
	}
	/* every object of the tree, iteratively */
	cap = 64;
	if ((stack = malloc(cap * sizeof(*stack))) == NULL) {
		error = -1;
		goto done;
	}
	stack[sp++] = root;
	while (sp > 0) {
		cJSON *node = stack[--sp], *child;
		if (++visited > MAX_NODES) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "Keras config has over %d nodes: read in part", MAX_NODES);
			break;
		}
		if (cJSON_IsObject(node))
			judge_object(ctx, node);
		for (child = node->child; child; child = child->next) {
			if (!cJSON_IsObject(child) && !cJSON_IsArray(child))
				continue;
			if (sp == cap) {
				cJSON **s = realloc(stack, cap * 2 * sizeof(*stack));
				if (s == NULL) {
					error = -1;
					goto done;
				}
				stack = s;
				cap *= 2;
			}
			stack[sp++] = child;
		}
	}
done:
	free(stack);
	cJSON_Delete(root);
	if (error < 0)
		ctx->oom = true;
	return error;
}

/* ------------------------------------------------------------------ HDF5 */

/* The end of the JSON object starting at S (balanced braces outside strings), or 0. */
static size_t json_extent(const char *s, size_t n)
{
	size_t k, depth = 0;
	bool in_str = false;

	for (k = 0; k < n && k < AIBOM_ARTIFACT_MAX_JSON_HEADER; k++) {
		char c = s[k];
		if (in_str) {
			if (c == '\\')
				k++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '{') {
			depth++;
		} else if (c == '}') {
			if (--depth == 0)
				return k + 1;
		} else if (c == '\0') {
			return 0;
		}
	}
	return 0;
}

static uint64_t le_n(const unsigned char *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

/* The superblock (at 0, 512, 1024, ...): its version, and the end-of-file address it declares
 * checked against the bytes present (a cut file is malformed, whatever its strings say). */
static void hdf5_superblock(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	static const unsigned char sig[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
	size_t at;
	unsigned version, osize;
	uint64_t base, eof, undef;
	const unsigned char *s;

	for (at = 0; at + 8 <= len && at <= 4096; at = at ? at * 2 : 512)
		if (memcmp(d + at, sig, 8) == 0)
			break;
	if (at + 8 > len || at > 4096)
		return;
	s = d + at;
	if (len - at < 14) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "HDF5 superblock truncated");
		return;
	}
	version = s[8];
	aibom_artifact__meta_num(ctx, meta, "superblock_version", version);
	osize = version <= 1 ? s[13] : s[9];
	if (version > 3 || (osize != 4 && osize != 8)) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "HDF5 superblock version %u with %u-byte offsets is not readable",
			version, osize);
		return;
	}
	/* base address, then (v0/1) free-space address or (v2/3) extension address, then end of file */
	{
		size_t base_at = version == 0 ? 24 : version == 1 ? 28 : 12, eof_at = base_at + 2 * osize;
		if (len - at < eof_at + osize) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "HDF5 superblock truncated");
			return;
		}
		base = le_n(s + base_at, osize);
		eof = le_n(s + eof_at, osize);
	}
	undef = osize == 8 ? UINT64_MAX : 0xffffffffu;
	if (eof != undef && base != undef && (base > len || eof > len - base))
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
			"HDF5 file truncated: its superblock declares %llu bytes, %zu are present",
			(unsigned long long)(base + eof < base ? UINT64_MAX : base + eof), len);
}

int aibom_artifact__read_hdf5(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	static const char needle[] = "{\"class_name\":";
	const char *p = (const char *)d, *end = (const char *)d + len, *hit;
	size_t configs = 0;
	bool named = memmem(d, len, "model_config", 12) != NULL;

	aibom_artifact__meta_str(ctx, meta, "reader", "built-in (configuration strings only, no libhdf5)");
	hdf5_superblock(ctx, d, len, meta);
	while (p < end && (hit = memmem(p, (size_t)(end - p), needle, sizeof(needle) - 1)) != NULL) {
		size_t n = json_extent(hit, (size_t)(end - hit));
		if (aibom_artifact__out_of_time(ctx))
			break;
		if (n == 0) {
			p = hit + 1;
			continue;
		}
		configs++;
		if (aibom_artifact__keras_config(ctx, hit, n, meta) < 0)
			return -1;
		p = hit + n;
	}
	aibom_artifact__meta_bool(ctx, meta, "keras", named || configs > 0);
	aibom_artifact__meta_num(ctx, meta, "configs", (double)configs);
	if (named && configs == 0)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN,
			"HDF5 file names a model_config that could not be read without libhdf5");
	return 0;
}

/*
 * inspect.c - the inspector's front door: the public aibom_inspect_* API, the scan's entry points
 * (aibom_artifact__inspect, aibom_artifact__looks_like_model), identification of a file by its
 * content, nesting (archive members, compressed streams) and the verdict bookkeeping every
 * format reader shares. The file is only read: mapped read-only, hashed with OpenSSL, and handed
 * to the format readers, none of which executes, imports or unpickles anything.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "artifact/artifact.h"

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int rank(aibom_verdict v)
{
	switch (v) {
	case AIBOM_VERDICT_SAFE: return 0;
	case AIBOM_VERDICT_UNKNOWN: return 1;
	case AIBOM_VERDICT_MALFORMED: return 2;
	case AIBOM_VERDICT_DANGEROUS: return 3;
	}
	return 1;
}

const char *aibom_verdict_name(aibom_verdict v)
{
	switch (v) {
	case AIBOM_VERDICT_SAFE: return "safe";
	case AIBOM_VERDICT_UNKNOWN: return "unknown";
	case AIBOM_VERDICT_DANGEROUS: return "dangerous";
	case AIBOM_VERDICT_MALFORMED: return "malformed";
	}
	return "unknown";
}

/* ------------------------------------------------------------------ shared bookkeeping */

void aibom_artifact__judge(aibom_artifact_ctx *ctx, aibom_verdict v, const char *fmt, ...)
{
	char text[512], full[1100];
	aibom_inspection *i = ctx->insp;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (ctx->member)
		snprintf(full, sizeof(full), "%s (in %s)", text, ctx->member);
	else
		snprintf(full, sizeof(full), "%s", text);
	if (ctx->local && (rank(v) > rank(ctx->local->verdict) ||
	    (v != AIBOM_VERDICT_SAFE && v == ctx->local->verdict && !ctx->local->reason[0]))) {
		ctx->local->verdict = v;
		snprintf(ctx->local->reason, sizeof(ctx->local->reason), "%s", full);
	}
	if (rank(v) > rank(i->verdict) || (v != AIBOM_VERDICT_SAFE && v == i->verdict && i->reason == NULL)) {
		i->verdict = v;
		i->reason = aibom_arena__strdup(&i->arena, full);
		if (i->reason == NULL)
			ctx->oom = true;
	}
}

/* A copy that is valid UTF-8 (bytes of a broken sequence become '?'), for the JSON output. */
static char *printable(aibom_arena *a, const char *s)
{
	char *copy = aibom_arena__strdup(a, s);
	size_t k, n;

	if (copy == NULL || aibom__utf8_valid(copy, n = strlen(copy)))
		return copy;
	for (k = 0; k < n; k++)
		if ((unsigned char)copy[k] >= 0x80)
			copy[k] = '?';
	return copy;
}

int aibom_artifact__import_as(aibom_artifact_ctx *ctx, const char *module, const char *name,
	uint64_t offset, int dangerous)
{
	aibom_inspection *i = ctx->insp;
	aibom_pickle_import *imp;

	if (dangerous > 0)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_DANGEROUS, "dangerous global %s.%s at offset %llu",
			module, name, (unsigned long long)offset);
	else if (dangerous < 0)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "global %s.%s at offset %llu is on no allowlist",
			module, name, (unsigned long long)offset);
	if (i->imports.count >= AIBOM_ARTIFACT_MAX_IMPORTS) {
		i->imports_dropped++;
		return dangerous;
	}
	if ((imp = aibom_vec__push(&i->imports)) == NULL) {
		ctx->oom = true;
		return dangerous;
	}
	imp->module = printable(&i->arena, module);
	imp->name = printable(&i->arena, name);
	imp->member = ctx->member ? aibom_arena__strdup(&i->arena, ctx->member) : NULL;
	imp->offset = offset;
	imp->dangerous = dangerous;
	if (imp->module == NULL || imp->name == NULL || (ctx->member && imp->member == NULL))
		ctx->oom = true;
	return dangerous;
}

int aibom_artifact__import(aibom_artifact_ctx *ctx, const char *module, const char *name, uint64_t offset)
{
	return aibom_artifact__import_as(ctx, module, name, offset,
		aibom_artifact__classify(ctx->globals, module, name));
}

bool aibom_artifact__out_of_time(aibom_artifact_ctx *ctx)
{
	if (ctx->timed_out)
		return true;
	if (now_seconds() < ctx->deadline)
		return false;
	ctx->timed_out = true;
	aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN,
		"analysis stopped at the time limit of %g seconds: the verdict covers what was read", ctx->max_seconds);
	return true;
}

void aibom_artifact__meta_str(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, const char *value)
{
	cJSON_DeleteItemFromObjectCaseSensitive(meta, key);
	if (cJSON_AddStringToObject(meta, key, value ? value : "") == NULL)
		ctx->oom = true;
}

void aibom_artifact__meta_strn(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, const char *value, size_t len)
{
	char *copy = malloc(len + 1);
	size_t i;

	if (copy == NULL) {
		ctx->oom = true;
		return;
	}
	for (i = 0; i < len; i++)
		copy[i] = value[i] ? value[i] : '?';
	copy[len] = '\0';
	if (!aibom__utf8_valid(copy, len))
		for (i = 0; i < len; i++)
			if ((unsigned char)copy[i] >= 0x80)
				copy[i] = '?';
	aibom_artifact__meta_str(ctx, meta, key, copy);
	free(copy);
}

void aibom_artifact__meta_num(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, double value)
{
	cJSON_DeleteItemFromObjectCaseSensitive(meta, key);
	if (cJSON_AddNumberToObject(meta, key, value) == NULL)
		ctx->oom = true;
}

void aibom_artifact__meta_bool(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, bool value)
{
	cJSON_DeleteItemFromObjectCaseSensitive(meta, key);
	if (cJSON_AddBoolToObject(meta, key, value) == NULL)
		ctx->oom = true;
}

cJSON *aibom_artifact__meta_array(aibom_artifact_ctx *ctx, cJSON *meta, const char *key)
{
	cJSON *a = cJSON_GetObjectItemCaseSensitive(meta, key);

	if (cJSON_IsArray(a))
		return a;
	if ((a = cJSON_AddArrayToObject(meta, key)) == NULL)
		ctx->oom = true;
	return a;
}

cJSON *aibom_artifact__meta_object(aibom_artifact_ctx *ctx, cJSON *meta, const char *key)
{
	cJSON *o = cJSON_GetObjectItemCaseSensitive(meta, key);

	if (cJSON_IsObject(o))
		return o;
	if ((o = cJSON_AddObjectToObject(meta, key)) == NULL)
		ctx->oom = true;
	return o;
}

void aibom_artifact__meta_add_unique(aibom_artifact_ctx *ctx, cJSON *array, const char *value)
{
	const cJSON *it;
	cJSON *s;

	if (array == NULL)
		return;
	cJSON_ArrayForEach(it, array)
		if (cJSON_IsString(it) && !strcmp(it->valuestring, value))
			return;
	if ((s = cJSON_CreateString(value)) == NULL || !cJSON_AddItemToArray(array, s)) {
		cJSON_Delete(s);
		ctx->oom = true;
	}
}

void aibom_artifact__warn(aibom_artifact_ctx *ctx, cJSON *meta, const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	aibom_artifact__meta_add_unique(ctx, aibom_artifact__meta_array(ctx, meta, "warnings"), text);
}

/* ------------------------------------------------------------------ identification */

static const unsigned char hdf5_sig[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

static bool hinted(const char *name, const char *suffix)
{
	size_t a, b;

	if (name == NULL)
		return false;
	a = strlen(name);
	b = strlen(suffix);
	return a >= b && strcasecmp(name + a - b, suffix) == 0;
}

static long hdf5_offset(const unsigned char *d, size_t len)
{
	static const size_t at[] = {0, 512, 1024, 2048, 4096};
	size_t k;

	for (k = 0; k < sizeof(at) / sizeof(at[0]); k++)
		if (len >= at[k] + 8 && memcmp(d + at[k], hdf5_sig, 8) == 0)
			return (long)at[k];
	return -1;
}

int aibom_artifact__dispatch(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta,
	const char **format)
{
	aibom_compression comp;
	long long zip_at;

	*format = "unknown";
	if (len == 0) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "empty file");
		return 0;
	}
	if (len >= 4 && d[0] == 'P' && d[1] == 'K' && ((d[2] == 3 && d[3] == 4) || (d[2] == 5 && d[3] == 6)))
		return aibom_artifact__read_zip(ctx, d, len, meta, format);
	if (aibom_artifact__is_7z(d, len))
		return aibom_artifact__read_7z(ctx, d, len, meta, format);
	if (len >= 4 && memcmp(d, "GGUF", 4) == 0) {
		*format = "gguf";
		return aibom_artifact__read_gguf(ctx, d, len, meta);
	}
	if (len >= 6 && memcmp(d, "\x93NUMPY", 6) == 0) {
		*format = "numpy";
		return aibom_artifact__read_npy(ctx, d, len, meta);
	}
	if (hdf5_offset(d, len) >= 0) {
		*format = "hdf5";
		return aibom_artifact__read_hdf5(ctx, d, len, meta);
	}
	if (len >= 8 && memcmp(d + 4, "TFL3", 4) == 0) {
		*format = "tflite";
		return aibom_artifact__read_tflite(ctx, d, len, meta);
	}
	if ((comp = aibom_artifact__sniff_compression(d, len)) != AIBOM_COMP_NONE)
		return aibom_artifact__read_compressed(ctx, comp, d, len, meta, format);
	if (aibom_artifact__is_tar(d, len))
		return aibom_artifact__read_tar(ctx, d, len, meta, format);
	if (aibom_artifact__is_safetensors(d, len)) {
		*format = "safetensors";
		return aibom_artifact__read_safetensors(ctx, d, len, meta);
	}
	if (aibom_artifact__pickle_sniff(d, len, true))
		return aibom_artifact__read_pickle_file(ctx, d, len, meta, format);
	if (aibom_artifact__is_savedmodel(d, len, hinted(ctx->name, "saved_model.pb"))) {
		*format = "tf-savedmodel";
		return aibom_artifact__read_savedmodel(ctx, d, len, meta);
	}
	if (aibom_artifact__is_onnx(d, len, hinted(ctx->name, ".onnx"))) {
		*format = "onnx";
		return aibom_artifact__read_onnx(ctx, d, len, meta);
	}
	if (aibom_artifact__pickle_sniff(d, len, false))
		return aibom_artifact__read_pickle_file(ctx, d, len, meta, format);
	if ((zip_at = aibom_artifact__zip_locate(d, len)) >= 0) {
		aibom_artifact__warn(ctx, meta, "%lld bytes precede the zip archive", zip_at);
		return aibom_artifact__read_zip(ctx, d, len, meta, format);
	}
	aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "not a recognised model format");
	return 0;
}

int aibom_artifact__nested(aibom_artifact_ctx *ctx, const char *member_name, const unsigned char *data,
	size_t len, cJSON *members, cJSON *extra, const char **format)
{
	aibom_artifact_judgement local = {AIBOM_VERDICT_SAFE, ""}, *saved_local = ctx->local;
	const char *saved_member = ctx->member, *saved_name = ctx->name, *fmt = "unknown";
	cJSON *entry = NULL, *meta;
	char *path;
	int error = 0;

	*format = "unknown";
	if (saved_member)
		path = aibom_arena__printf(&ctx->insp->arena, "%s!%s", saved_member, member_name);
	else
		path = aibom_arena__strdup(&ctx->insp->arena, member_name);
	if (path == NULL) {
		ctx->oom = true;
		return -1;
	}
	if ((entry = cJSON_CreateObject()) == NULL) {
		ctx->oom = true;
		return -1;
	}
	if (members == NULL || !cJSON_AddItemToArray(members, entry)) {
		cJSON_Delete(entry);
		if ((entry = cJSON_CreateObject()) == NULL) { /* not kept: a scratch object */
			ctx->oom = true;
			return -1;
		}
		members = NULL;
	}
	aibom_artifact__meta_str(ctx, entry, "name", member_name);
	aibom_artifact__meta_num(ctx, entry, "size", (double)len);
	if (extra) {
		cJSON *it;
		cJSON_ArrayForEach(it, extra) {
			cJSON *copy = cJSON_Duplicate(it, 1);
			if (copy == NULL || !cJSON_AddItemToObject(entry, it->string, copy)) {
				cJSON_Delete(copy);
				ctx->oom = true;
			}
		}
	}
	ctx->member = path;
	ctx->name = member_name;
	ctx->local = &local;
	if (ctx->depth + 1 > AIBOM_ARTIFACT_MAX_DEPTH) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "nested deeper than %d levels: not inspected",
			AIBOM_ARTIFACT_MAX_DEPTH);
	} else {
		ctx->depth++;
		meta = aibom_artifact__meta_object(ctx, entry, "metadata");
		if (meta)
			error = aibom_artifact__dispatch(ctx, data, len, meta, &fmt);
		ctx->depth--;
	}
	ctx->member = saved_member;
	ctx->name = saved_name;
	ctx->local = saved_local;
	if (saved_local && rank(local.verdict) > rank(saved_local->verdict)) {
		saved_local->verdict = local.verdict;
		snprintf(saved_local->reason, sizeof(saved_local->reason), "%s", local.reason);
	}
	aibom_artifact__meta_str(ctx, entry, "format", fmt);
	aibom_artifact__meta_str(ctx, entry, "verdict", aibom_verdict_name(local.verdict));
	if (local.reason[0])
		aibom_artifact__meta_str(ctx, entry, "reason", local.reason);
	if (members == NULL)
		cJSON_Delete(entry);
	*format = fmt;
	return error;
}

/* ------------------------------------------------------------------ entry points */

static void inspection_free(aibom_inspection *i)
{
	if (i == NULL)
		return;
	aibom_vec__free(&i->imports);
	cJSON_Delete(i->meta);
	aibom_arena__free(&i->arena);
	free(i);
}

void aibom_inspection_free(aibom_inspection *i)
{
	inspection_free(i);
}

int aibom_artifact__inspect(aibom_inspection **out, const char *name, const unsigned char *data, size_t len)
{
	return aibom_artifact__inspect_limited(out, name, data, len, NULL);
}

int aibom_artifact__inspect_limited(aibom_inspection **out, const char *name, const unsigned char *data,
	size_t len, const aibom_artifact_limits *limits)
{
	aibom_inspection *i = NULL;
	aibom_artifact_globals *globals = NULL;
	aibom_artifact_ctx ctx;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int md_len = 0;
	char hex[2 * EVP_MAX_MD_SIZE + 1];
	const char *format = "unknown";
	int error = AIBOM_ERROR;
	unsigned k;

	*out = NULL;
	if ((i = calloc(1, sizeof(*i))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	i->imports.item_size = sizeof(aibom_pickle_import);
	i->verdict = AIBOM_VERDICT_SAFE;
	i->format = "unknown";
	if ((i->meta = cJSON_CreateObject()) == NULL) {
		aibom_error__oom();
		goto done;
	}
	if (aibom_artifact__globals_load(&globals) < 0)
		goto done;
	memset(&ctx, 0, sizeof(ctx));
	ctx.insp = i;
	ctx.globals = globals;
	ctx.name = name;
	ctx.max_seconds = limits && limits->max_seconds > 0 ? limits->max_seconds : AIBOM_ARTIFACT_MAX_SECONDS;
	ctx.deadline = now_seconds() + ctx.max_seconds;

	aibom_artifact__meta_num(&ctx, i->meta, "size", (double)len);
	if (EVP_Digest(data, len, md, &md_len, EVP_sha256(), NULL) != 1) {
		aibom_error__set(AIBOM_ERROR_OS, "SHA-256 failed in OpenSSL");
		goto done;
	}
	for (k = 0; k < md_len; k++)
		snprintf(hex + 2 * k, 3, "%02x", md[k]);
	hex[2 * md_len] = '\0';
	aibom_artifact__meta_str(&ctx, i->meta, "sha256", hex);
	if (aibom_artifact__dispatch(&ctx, data, len, i->meta, &format) < 0 || ctx.oom) {
		if (!ctx.oom && aibom_error_last()->klass != AIBOM_ERROR_NONE)
			goto done;
		aibom_error__oom();
		goto done;
	}
	i->format = format;
	if (i->verdict == AIBOM_VERDICT_SAFE)
		i->reason = NULL;
	error = 0;
done:
	aibom_artifact__globals_free(globals);
	if (error < 0)
		inspection_free(i);
	else
		*out = i;
	return error;
}

int aibom_inspect_buffer(aibom_inspection **out, const char *name, const void *data, size_t len)
{
	if (out == NULL || (data == NULL && len > 0)) {
		if (out)
			*out = NULL;
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_inspect_buffer: NULL argument");
		return AIBOM_EINVALID;
	}
	return aibom_artifact__inspect(out, name, data ? data : "", len);
}

int aibom_inspect_path(aibom_inspection **out, const char *path)
{
	struct stat st;
	void *map = MAP_FAILED;
	int fd = -1, error = AIBOM_ERROR;

	if (out == NULL || path == NULL) {
		if (out)
			*out = NULL;
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_inspect_path: NULL argument");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		aibom_error__set(AIBOM_ERROR_OS, "%s: %s", path, strerror(errno));
		error = errno == ENOENT ? AIBOM_ENOTFOUND : AIBOM_ERROR;
		goto done;
	}
	if (fstat(fd, &st) < 0) {
		aibom_error__set(AIBOM_ERROR_OS, "%s: %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		aibom_error__set(AIBOM_ERROR_INPUT, "%s: not a regular file", path);
		error = AIBOM_EINVALID;
		goto done;
	}
	if (st.st_size > 0) {
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map == MAP_FAILED) {
			aibom_error__set(AIBOM_ERROR_OS, "%s: cannot map: %s", path, strerror(errno));
			goto done;
		}
	}
	error = aibom_artifact__inspect(out, path, map == MAP_FAILED ? (const unsigned char *)"" : map,
		(size_t)st.st_size);
done:
	if (map != MAP_FAILED)
		munmap(map, (size_t)st.st_size);
	if (fd >= 0)
		close(fd);
	return error;
}

const char *aibom_inspection_format(const aibom_inspection *i)
{
	return i ? i->format : "unknown";
}

aibom_verdict aibom_inspection_verdict(const aibom_inspection *i)
{
	return i ? i->verdict : AIBOM_VERDICT_UNKNOWN;
}

const char *aibom_inspection_reason(const aibom_inspection *i)
{
	return i ? i->reason : NULL;
}

size_t aibom_inspection_import_count(const aibom_inspection *i)
{
	return i ? i->imports.count : 0;
}

const aibom_pickle_import *aibom_inspection_import(const aibom_inspection *i, size_t n)
{
	if (i == NULL || n >= i->imports.count)
		return NULL;
	return aibom_vec__at(&i->imports, aibom_pickle_import, n);
}

int aibom_inspection_to_json(aibom_buf *out, const aibom_inspection *i)
{
	cJSON *root = NULL, *imports, *o, *meta;
	aibom_str s = AIBOM_STR_INIT;
	char *text = NULL;
	int error = AIBOM_ERROR;
	size_t k;

	if (out == NULL || i == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_inspection_to_json: NULL argument");
		return AIBOM_EINVALID;
	}
	out->ptr = NULL;
	out->size = 0;
	if ((root = cJSON_CreateObject()) == NULL ||
	    !cJSON_AddStringToObject(root, "format", i->format) ||
	    !cJSON_AddStringToObject(root, "verdict", aibom_verdict_name(i->verdict)) ||
	    !(i->reason ? cJSON_AddStringToObject(root, "reason", i->reason) : cJSON_AddNullToObject(root, "reason")) ||
	    (imports = cJSON_AddArrayToObject(root, "imports")) == NULL)
		goto oom;
	for (k = 0; k < i->imports.count; k++) {
		const aibom_pickle_import *imp = aibom_vec__at(&i->imports, aibom_pickle_import, k);
		if ((o = cJSON_CreateObject()) == NULL || !cJSON_AddItemToArray(imports, o)) {
			cJSON_Delete(o);
			goto oom;
		}
		if (!cJSON_AddStringToObject(o, "module", imp->module) || !cJSON_AddStringToObject(o, "name", imp->name) ||
		    !cJSON_AddNumberToObject(o, "offset", (double)imp->offset) ||
		    !cJSON_AddStringToObject(o, "class", imp->dangerous > 0 ? "dangerous" :
			imp->dangerous == 0 ? "allowlisted" : "unknown") ||
		    !(imp->member ? cJSON_AddStringToObject(o, "member", imp->member) : cJSON_AddNullToObject(o, "member")))
			goto oom;
	}
	if (i->imports_dropped && !cJSON_AddNumberToObject(root, "imports_dropped", (double)i->imports_dropped))
		goto oom;
	if ((meta = cJSON_Duplicate(i->meta, 1)) == NULL || !cJSON_AddItemToObject(root, "metadata", meta)) {
		cJSON_Delete(meta);
		goto oom;
	}
	if ((text = cJSON_Print(root)) == NULL)
		goto oom;
	aibom_str__puts(&s, text);
	aibom_str__putc(&s, '\n');
	if (aibom_str__detach(out, &s) < 0)
		goto done;
	error = 0;
	goto done;
oom:
	aibom_error__oom();
done:
	cJSON_free(text);
	cJSON_Delete(root);
	aibom_str__free(&s);
	return error;
}

/* ------------------------------------------------------------------ the scan's cheap predicate */

/* Extensions that name a model format: worth inspecting whatever the content (a ".pt" that is
 * not a model is worth a verdict). Weaker ones (.bin, .dat, .pb, ...) need the bytes to agree. */
static const char *const strong_exts[] = {".pkl", ".pickle", ".pt", ".pth", ".ckpt", ".joblib", ".npy",
	".npz", ".safetensors", ".gguf", ".onnx", ".keras", ".h5", ".hdf5", ".tflite", ".pkl.gz", ".pth.tar", NULL};
static const char *const model_exts[] = {".pkl", ".pickle", ".pt", ".pth", ".bin", ".ckpt", ".joblib",
	".sav", ".dat", ".model", ".npy", ".npz", ".safetensors", ".gguf", ".ggml", ".onnx", ".keras",
	".h5", ".hdf5", ".pb", ".tflite", ".lite", ".mar", ".nemo", ".pkl.gz", ".pt.gz", ".joblib.gz",
	".p", ".pth.tar", ".jl", ".msgpack", ".mlmodel", ".xgb", NULL};
static const char *const not_model_exts[] = {".jar", ".war", ".docx", ".xlsx", ".pptx", ".odt", ".ods",
	".apk", ".whl", ".egg", ".epub", ".nupkg", ".vsix", ".xpi", ".tar.gz", ".tgz", ".ipa", NULL};

static bool ext_in(const char *path, const char *const *list)
{
	for (; path && *list; list++)
		if (hinted(path, *list))
			return true;
	return false;
}

bool aibom_artifact__looks_like_model(const char *path, const unsigned char *h, size_t n)
{
	bool model_ext = ext_in(path, model_exts);
	aibom_compression comp;

	if (h == NULL)
		n = 0;
	if (ext_in(path, strong_exts))
		return true;
	if ((n >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) || aibom_artifact__is_7z(h, n))
		return !ext_in(path, not_model_exts);
	if ((n >= 4 && memcmp(h, "GGUF", 4) == 0) || (n >= 6 && memcmp(h, "\x93NUMPY", 6) == 0) ||
	    (n >= 8 && memcmp(h + 4, "TFL3", 4) == 0) || hdf5_offset(h, n) >= 0)
		return true;
	if (aibom_artifact__is_safetensors(h, n) || aibom_artifact__is_torch_legacy(h, n))
		return true;
	if (n >= 2 && h[0] == 0x80 && h[1] >= 2 && h[1] <= 5)
		return true;
	if (hinted(path, "saved_model.pb"))
		return true;
	if ((comp = aibom_artifact__sniff_compression(h, n)) != AIBOM_COMP_NONE) {
		unsigned char inner[64];
		size_t got;
		if (ext_in(path, not_model_exts))
			return false;
		got = aibom_artifact__peek_decompress(comp, h, n, inner, sizeof(inner));
		if (got >= 2 && (aibom_artifact__pickle_sniff(inner, got, true) ||
		    (inner[0] == 'P' && inner[1] == 'K') || (got >= 6 && memcmp(inner, "\x93NUMPY", 6) == 0)))
			return true;
		return model_ext && comp != AIBOM_COMP_GZIP;
	}
	if (model_ext && (aibom_artifact__pickle_sniff(h, n, false) || aibom_artifact__is_onnx(h, n, true)))
		return true;
	return false;
}

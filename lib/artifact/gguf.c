/*
 * gguf.c - GGUF files (llama.cpp), versions 1 to 3: the header, every key-value pair and every
 * tensor description, each length and count checked against the bytes left before it is used.
 * Describes architecture, name, size label, file type (quantization), context length, tensor
 * count, parameter count (summed from the tensor shapes) and tensor types. A chat template is
 * Jinja code that some loaders render with a non-sandboxed engine: a template reaching Python
 * attributes (__class__, __globals__, .mro, os., import, ...) is judged dangerous.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

typedef struct {
	const unsigned char *d;
	size_t len, pos;
	unsigned version;
	bool bad;
	char why[200];
} rd;

static bool take(rd *r, size_t n, const char *what)
{
	if (r->bad)
		return false;
	if (n > r->len - r->pos) {
		r->bad = true;
		snprintf(r->why, sizeof(r->why), "GGUF truncated reading %s at offset %zu", what, r->pos);
		return false;
	}
	return true;
}

static uint64_t u(rd *r, size_t n, const char *what)
{
	uint64_t v = 0;
	size_t k;

	if (!take(r, n, what))
		return 0;
	for (k = n; k-- > 0;)
		v = (v << 8) | r->d[r->pos + k];
	r->pos += n;
	return v;
}

/* A count or length: 32 bits in v1, 64 after. */
static uint64_t count(rd *r, const char *what)
{
	return u(r, r->version == 1 ? 4 : 8, what);
}

static bool str(rd *r, const char **s, size_t *n, const char *what)
{
	uint64_t len = count(r, what);

	if (r->bad || !take(r, len > SIZE_MAX ? SIZE_MAX : (size_t)len, what))
		return false;
	*s = (const char *)r->d + r->pos;
	*n = (size_t)len;
	r->pos += (size_t)len;
	return true;
}

static size_t scalar_size(uint32_t t)
{
	static const size_t sizes[] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};
	return t < sizeof(sizes) / sizeof(sizes[0]) ? sizes[t] : 0;
}

static const char *file_type_name(uint64_t t)
{
	static const char *const names[] = {"ALL_F32", "MOSTLY_F16", "MOSTLY_Q4_0", "MOSTLY_Q4_1",
		"MOSTLY_Q4_1_SOME_F16", "MOSTLY_Q4_2", "MOSTLY_Q4_3", "MOSTLY_Q8_0", "MOSTLY_Q5_0", "MOSTLY_Q5_1",
		"MOSTLY_Q2_K", "MOSTLY_Q3_K_S", "MOSTLY_Q3_K_M", "MOSTLY_Q3_K_L", "MOSTLY_Q4_K_S", "MOSTLY_Q4_K_M",
		"MOSTLY_Q5_K_S", "MOSTLY_Q5_K_M", "MOSTLY_Q6_K", "MOSTLY_IQ2_XXS", "MOSTLY_IQ2_XS", "MOSTLY_Q2_K_S",
		"MOSTLY_IQ3_XS", "MOSTLY_IQ3_XXS", "MOSTLY_IQ1_S", "MOSTLY_IQ4_NL", "MOSTLY_IQ3_S", "MOSTLY_IQ3_M",
		"MOSTLY_IQ2_S", "MOSTLY_IQ2_M", "MOSTLY_IQ4_XS", "MOSTLY_IQ1_M", "MOSTLY_BF16", "MOSTLY_Q4_0_4_4",
		"MOSTLY_Q4_0_4_8", "MOSTLY_Q4_0_8_8", "MOSTLY_TQ1_0", "MOSTLY_TQ2_0"};
	return t < sizeof(names) / sizeof(names[0]) ? names[t] : NULL;
}

static const char *tensor_type_name(uint32_t t)
{
	static const char *const names[] = {"F32", "F16", "Q4_0", "Q4_1", "Q4_2", "Q4_3", "Q5_0", "Q5_1", "Q8_0",
		"Q8_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S",
		"IQ4_NL", "IQ3_S", "IQ2_S", "IQ4_XS", "I8", "I16", "I32", "I64", "F64", "IQ1_M", "BF16", "Q4_0_4_4",
		"Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0"};
	return t < sizeof(names) / sizeof(names[0]) ? names[t] : NULL;
}

/* Skip (or read, for the keys we want) one value of type T. */
static void skip_value(rd *r, uint32_t t, unsigned depth, uint64_t *array_len)
{
	size_t sz;

	if (r->bad)
		return;
	if (t == 8) {
		const char *s;
		size_t n;
		(void)str(r, &s, &n, "a string value");
		return;
	}
	if (t == 9) {
		uint32_t et = (uint32_t)u(r, 4, "an array type");
		uint64_t n = count(r, "an array length"), k;
		size_t min = et == 8 ? (r->version == 1 ? 4 : 8) : et == 9 ? 4 + (r->version == 1 ? 4 : 8) : scalar_size(et);
		if (r->bad)
			return;
		if (array_len)
			*array_len = n;
		if (depth > 3 || (min == 0) || (et > 12)) {
			r->bad = true;
			snprintf(r->why, sizeof(r->why), "GGUF array of unknown or too deeply nested type %u", et);
			return;
		}
		if (n > (r->len - r->pos) / min) {
			r->bad = true;
			snprintf(r->why, sizeof(r->why), "GGUF array of %llu items cannot fit in the %zu bytes left",
				(unsigned long long)n, r->len - r->pos);
			return;
		}
		if (et != 8 && et != 9) {
			r->pos += (size_t)n * min;
			return;
		}
		for (k = 0; k < n && !r->bad; k++)
			skip_value(r, et, depth + 1, NULL);
		return;
	}
	if ((sz = scalar_size(t)) == 0) {
		r->bad = true;
		snprintf(r->why, sizeof(r->why), "GGUF value of unknown type %u at offset %zu", t, r->pos);
		return;
	}
	if (take(r, sz, "a value"))
		r->pos += sz;
}

static bool key_is(const char *k, size_t n, const char *want)
{
	return strlen(want) == n && memcmp(k, want, n) == 0;
}

static bool key_ends(const char *k, size_t n, const char *suffix)
{
	size_t s = strlen(suffix);
	return n >= s && memcmp(k + n - s, suffix, s) == 0;
}

int aibom_artifact__read_gguf(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	rd r = {d, len, 4, 0, false, ""};
	uint64_t tensors, kvs, k, params = 0;
	cJSON *types = NULL;
	bool template_seen = false;

	r.version = (unsigned)u(&r, 4, "the version");
	if (r.bad) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "%s", r.why);
		return 0;
	}
	if (r.version < 1 || r.version > 3) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "GGUF version %u is unknown", r.version);
		return 0;
	}
	aibom_artifact__meta_num(ctx, meta, "version", r.version);
	tensors = count(&r, "the tensor count");
	kvs = count(&r, "the key-value count");
	if (r.bad) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "%s", r.why);
		return 0;
	}
	/* each pair needs at least a key length and a type; each tensor a name length, dims, type, offset */
	if (kvs > (len - r.pos) / (r.version == 1 ? 8 : 12) || tensors > (len - r.pos) / (r.version == 1 ? 16 : 24)) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
			"GGUF declares %llu tensors and %llu keys, more than its %zu bytes can hold",
			(unsigned long long)tensors, (unsigned long long)kvs, len);
		return 0;
	}
	aibom_artifact__meta_num(ctx, meta, "tensor_count", (double)tensors);
	aibom_artifact__meta_num(ctx, meta, "kv_count", (double)kvs);
	for (k = 0; k < kvs && !r.bad; k++) {
		const char *key, *s;
		size_t kn, sn;
		uint32_t t;

		if ((k & 0xFF) == 0 && aibom_artifact__out_of_time(ctx))
			return 0;
		if (!str(&r, &key, &kn, "a key"))
			break;
		t = (uint32_t)u(&r, 4, "a value type");
		if (r.bad)
			break;
		if (t == 8 && (key_is(key, kn, "general.architecture") || key_is(key, kn, "general.name") ||
		    key_is(key, kn, "general.size_label") || key_is(key, kn, "tokenizer.ggml.model") ||
		    key_is(key, kn, "general.basename") || key_is(key, kn, "general.license") ||
		    (kn >= 23 && !memcmp(key, "tokenizer.chat_template", 23)))) {
			if (!str(&r, &s, &sn, "a string value"))
				break;
			if (kn >= 23 && !memcmp(key, "tokenizer.chat_template", 23)) {
				const char *hit = aibom_artifact__find_pattern(ctx->globals, "template_patterns", s, sn);
				char keyname[128];
				snprintf(keyname, sizeof(keyname), "%.*s", (int)(kn > 100 ? 100 : kn), key);
				template_seen = true;
				aibom_artifact__meta_add_unique(ctx, aibom_artifact__meta_array(ctx, meta, "chat_templates"),
					keyname);
				if (hit)
					aibom_artifact__judge(ctx, AIBOM_VERDICT_DANGEROUS,
						"chat template %s reaches \"%s\": it can run code in a Jinja renderer without a sandbox",
						keyname, hit);
				else if (!aibom__utf8_valid(s, sn) || memchr(s, '\0', sn))
					aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "chat template %s is not text", keyname);
			} else {
				const char *field = key_is(key, kn, "general.architecture") ? "architecture" :
					key_is(key, kn, "general.name") ? "name" : key_is(key, kn, "general.size_label") ? "size_label" :
					key_is(key, kn, "tokenizer.ggml.model") ? "tokenizer" :
					key_is(key, kn, "general.basename") ? "basename" : "license";
				aibom_artifact__meta_strn(ctx, meta, field, s, sn > 256 ? 256 : sn);
			}
			continue;
		}
		if (key_is(key, kn, "general.file_type") && (t == 4 || t == 5)) {
			uint64_t ft = u(&r, 4, "the file type");
			const char *name = file_type_name(ft);
			aibom_artifact__meta_num(ctx, meta, "file_type", (double)ft);
			if (name)
				aibom_artifact__meta_str(ctx, meta, "quantization", name + (strncmp(name, "MOSTLY_", 7) ? 0 : 7));
			continue;
		}
		if (key_ends(key, kn, ".context_length") && (t == 4 || t == 5 || t == 10 || t == 11)) {
			aibom_artifact__meta_num(ctx, meta, "context_length", (double)u(&r, t >= 10 ? 8 : 4, "a value"));
			continue;
		}
		if (key_is(key, kn, "general.parameter_count") && (t == 10 || t == 11 || t == 4)) {
			aibom_artifact__meta_num(ctx, meta, "declared_parameter_count", (double)u(&r, t == 4 ? 4 : 8, "a value"));
			continue;
		}
		if (key_is(key, kn, "tokenizer.ggml.tokens") && t == 9) {
			uint64_t n = 0;
			skip_value(&r, t, 0, &n);
			aibom_artifact__meta_num(ctx, meta, "vocab_size", (double)n);
			continue;
		}
		skip_value(&r, t, 0, NULL);
	}
	aibom_artifact__meta_bool(ctx, meta, "chat_template", template_seen);
	if (r.bad) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "%s", r.why);
		return 0;
	}
	types = aibom_artifact__meta_object(ctx, meta, "tensor_types");
	for (k = 0; k < tensors && !r.bad; k++) {
		const char *name;
		size_t nn;
		uint32_t dims, j, tt;
		uint64_t elements = 1;
		bool overflow = false;
		const char *tn;

		if ((k & 0xFF) == 0 && aibom_artifact__out_of_time(ctx))
			return 0;
		if (!str(&r, &name, &nn, "a tensor name"))
			break;
		dims = (uint32_t)u(&r, 4, "a tensor's dimension count");
		if (!r.bad && dims > 8) {
			r.bad = true;
			snprintf(r.why, sizeof(r.why), "GGUF tensor with %u dimensions", dims);
			break;
		}
		for (j = 0; j < dims && !r.bad; j++) {
			uint64_t dim = u(&r, r.version == 1 ? 4 : 8, "a tensor dimension");
			if (dim && elements > UINT64_MAX / dim)
				overflow = true;
			else
				elements *= dim;
		}
		tt = (uint32_t)u(&r, 4, "a tensor type");
		(void)u(&r, 8, "a tensor offset");
		if (r.bad)
			break;
		if (overflow) {
			r.bad = true;
			snprintf(r.why, sizeof(r.why), "GGUF tensor %.*s is impossibly large", (int)(nn > 64 ? 64 : nn), name);
			break;
		}
		params += elements;
		tn = tensor_type_name(tt);
		if (types) {
			char unknown[32];
			cJSON *c;
			if (tn == NULL) {
				snprintf(unknown, sizeof(unknown), "type_%u", tt);
				tn = unknown;
			}
			if ((c = cJSON_GetObjectItemCaseSensitive(types, tn)) != NULL)
				cJSON_SetNumberValue(c, c->valuedouble + 1);
			else if (!cJSON_AddNumberToObject(types, tn, 1))
				ctx->oom = true;
		}
	}
	if (r.bad) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "%s", r.why);
		return 0;
	}
	aibom_artifact__meta_num(ctx, meta, "parameter_count", (double)params);
	return 0;
}

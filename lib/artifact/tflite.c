/*
 * tflite.c - TensorFlow Lite flatbuffers (file identifier "TFL3"): schema version, description,
 * subgraph count, operator codes (builtin and custom) and metadata names, read through the
 * flatbuffer tables with every offset bounds-checked. A data-only format; custom operators are
 * reported because they need native code registered by the application.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

typedef struct {
	const unsigned char *d;
	size_t len;
	bool bad;
} fb;

static uint32_t u32(fb *f, size_t at)
{
	if (at > f->len || f->len - at < 4) {
		f->bad = true;
		return 0;
	}
	return (uint32_t)f->d[at] | (uint32_t)f->d[at + 1] << 8 | (uint32_t)f->d[at + 2] << 16 |
		(uint32_t)f->d[at + 3] << 24;
}

static uint16_t u16(fb *f, size_t at)
{
	if (at > f->len || f->len - at < 2) {
		f->bad = true;
		return 0;
	}
	return (uint16_t)(f->d[at] | f->d[at + 1] << 8);
}

/* The position of field ID of the table at T, or 0 when absent. */
static size_t field(fb *f, size_t t, unsigned id)
{
	int32_t soff = (int32_t)u32(f, t);
	int64_t vt = (int64_t)t - soff;
	uint16_t vsize, off;

	if (f->bad || vt < 0 || (uint64_t)vt + 4 > f->len) {
		f->bad = true;
		return 0;
	}
	vsize = u16(f, (size_t)vt);
	if (4u + 2u * id + 2u > vsize)
		return 0;
	off = u16(f, (size_t)vt + 4 + 2 * id);
	if (off == 0)
		return 0;
	if (t + off >= f->len) {
		f->bad = true;
		return 0;
	}
	return t + off;
}

/* Follow a uoffset at AT. */
static size_t deref(fb *f, size_t at)
{
	uint32_t o = u32(f, at);
	if (f->bad || (uint64_t)at + o >= f->len) {
		f->bad = true;
		return 0;
	}
	return at + o;
}

static bool string_at(fb *f, size_t at, const char **s, size_t *n)
{
	size_t p = deref(f, at);
	uint32_t len = u32(f, p);

	if (f->bad || len > f->len - p - 4) {
		f->bad = true;
		return false;
	}
	*s = (const char *)f->d + p + 4;
	*n = len;
	return true;
}

int aibom_artifact__read_tflite(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	fb f = {d, len, false};
	size_t root, at, vec;
	uint32_t n, k;
	const char *s;
	size_t sn;

	root = deref(&f, 0);
	if (f.bad) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "TFLite root table offset is outside the file");
		return 0;
	}
	if ((at = field(&f, root, 0)) != 0)
		aibom_artifact__meta_num(ctx, meta, "schema_version", u32(&f, at));
	if ((at = field(&f, root, 3)) != 0 && string_at(&f, at, &s, &sn))
		aibom_artifact__meta_strn(ctx, meta, "description", s, sn > 256 ? 256 : sn);
	if ((at = field(&f, root, 2)) != 0) {
		vec = deref(&f, at);
		aibom_artifact__meta_num(ctx, meta, "subgraphs", u32(&f, vec));
	}
	if ((at = field(&f, root, 1)) != 0) {
		cJSON *custom = aibom_artifact__meta_array(ctx, meta, "custom_ops");
		vec = deref(&f, at);
		n = u32(&f, vec);
		if (!f.bad && n > (len - vec - 4) / 4)
			f.bad = true;
		if (!f.bad)
			aibom_artifact__meta_num(ctx, meta, "operator_codes", n);
		for (k = 0; k < n && !f.bad && k < 4096; k++) {
			size_t op = deref(&f, vec + 4 + 4 * (size_t)k), c;
			if (f.bad)
				break;
			if ((c = field(&f, op, 1)) != 0 && string_at(&f, c, &s, &sn)) {
				char name[128];
				snprintf(name, sizeof(name), "%.*s", (int)(sn > 100 ? 100 : sn), s);
				for (size_t j = 0; name[j]; j++)
					if ((unsigned char)name[j] < 0x20 || (unsigned char)name[j] >= 0x80)
						name[j] = '?';
				aibom_artifact__meta_add_unique(ctx, custom, name);
			}
		}
	}
	if ((at = field(&f, root, 6)) != 0) {
		cJSON *names = aibom_artifact__meta_array(ctx, meta, "metadata");
		vec = deref(&f, at);
		n = u32(&f, vec);
		for (k = 0; k < n && !f.bad && k < 256; k++) {
			size_t m = deref(&f, vec + 4 + 4 * (size_t)k), c;
			if (!f.bad && (c = field(&f, m, 0)) != 0 && string_at(&f, c, &s, &sn)) {
				char name[128];
				snprintf(name, sizeof(name), "%.*s", (int)(sn > 100 ? 100 : sn), s);
				for (size_t j = 0; name[j]; j++)
					if ((unsigned char)name[j] < 0x20 || (unsigned char)name[j] >= 0x80)
						name[j] = '?';
				aibom_artifact__meta_add_unique(ctx, names, name);
			}
		}
	}
	if (f.bad)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "TFLite flatbuffer has an offset outside the file");
	return 0;
}

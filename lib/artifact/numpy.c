/*
 * numpy.c - numpy .npy files: the magic, the version, the header (a Python dict literal read as
 * text, never evaluated) giving dtype, shape and order, and the data size checked against the
 * file. An object array (dtype 'O', or a structured dtype with an 'O' field) stores its data as a
 * pickle after the header, which numpy.load(allow_pickle=True) runs: that pickle is analysed.
 * .npz archives are zips of .npy files, read by archive.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

/* The text after "'KEY':" in the header, or NULL. */
static const char *header_value(const char *h, size_t n, const char *key, size_t *rest)
{
	char pat[32];
	const char *p;
	size_t plen;

	plen = (size_t)snprintf(pat, sizeof(pat), "'%s':", key);
	p = memmem(h, n, pat, plen);
	if (p == NULL) {
		plen = (size_t)snprintf(pat, sizeof(pat), "\"%s\":", key);
		p = memmem(h, n, pat, plen);
	}
	if (p == NULL)
		return NULL;
	p += plen;
	while (p < h + n && *p == ' ')
		p++;
	*rest = (size_t)(h + n - p);
	return p;
}

static uint64_t descr_itemsize(const char *s, size_t n, bool *hasobject)
{
	size_t k = 0;
	uint64_t digits = 0;
	bool have = false;
	char t;

	if (n && strchr("<>|=", s[0]))
		k++;
	if (k >= n)
		return 0;
	t = s[k];
	*hasobject = t == 'O';
	for (size_t j = k + 1; j < n && s[j] >= '0' && s[j] <= '9' && digits < 100000000; j++) {
		digits = digits * 10 + (uint64_t)(s[j] - '0');
		have = true;
	}
	if (t == 'U')
		return have ? digits * 4 : 0;
	if (have)
		return digits;
	if (strchr("?bBc", t)) return 1;
	if (strchr("hHe", t)) return 2;
	if (strchr("iIf", t)) return 4;
	if (strchr("lLqQdFOMm", t)) return 8;
	if (strchr("gD", t)) return 16;
	return 0;
}

int aibom_artifact__read_npy(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	size_t hlen, start, rest;
	const char *h, *v;
	char version[16];
	uint64_t itemsize = 0, elements = 1, expected;
	bool hasobject = false, shape_ok = false;
	cJSON *shape;

	if (len < 10) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy file truncated in its preamble");
		return 0;
	}
	snprintf(version, sizeof(version), "%u.%u", d[6], d[7]);
	aibom_artifact__meta_str(ctx, meta, "version", version);
	if (d[6] == 1) {
		hlen = (size_t)d[8] | (size_t)d[9] << 8;
		start = 10;
	} else if (d[6] == 2 || d[6] == 3) {
		if (len < 12) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy file truncated in its preamble");
			return 0;
		}
		hlen = (size_t)d[8] | (size_t)d[9] << 8 | (size_t)d[10] << 16 | (size_t)d[11] << 24;
		start = 12;
	} else {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy format version %u is unknown", d[6]);
		return 0;
	}
	if (hlen > len - start) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy header of %zu bytes runs past the end of the file",
			hlen);
		return 0;
	}
	h = (const char *)d + start;
	start += hlen;
	if ((v = header_value(h, hlen, "descr", &rest)) == NULL) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy header has no descr");
		return 0;
	}
	if (*v == '\'' || *v == '"') {
		const char *end = memchr(v + 1, *v, rest - 1);
		if (end == NULL) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy header: unterminated descr");
			return 0;
		}
		aibom_artifact__meta_strn(ctx, meta, "dtype", v + 1, (size_t)(end - v - 1));
		itemsize = descr_itemsize(v + 1, (size_t)(end - v - 1), &hasobject);
	} else if (*v == '[') {
		/* a structured dtype: object fields make it an object array; its size is not computed */
		aibom_artifact__meta_str(ctx, meta, "dtype", "structured");
		hasobject = memmem(v, rest, "'O'", 3) || memmem(v, rest, "'|O'", 4) || memmem(v, rest, "O8'", 3) ||
			memmem(v, rest, "'<O", 3) || memmem(v, rest, "'>O", 3);
	} else {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy header: unreadable descr");
		return 0;
	}
	if ((v = header_value(h, hlen, "fortran_order", &rest)) != NULL)
		aibom_artifact__meta_bool(ctx, meta, "fortran_order", rest >= 4 && !memcmp(v, "True", 4));
	if ((v = header_value(h, hlen, "shape", &rest)) != NULL && *v == '(' &&
	    (shape = aibom_artifact__meta_array(ctx, meta, "shape")) != NULL) {
		size_t k = 1;
		shape_ok = true;
		while (k < rest && v[k] != ')') {
			uint64_t dim = 0;
			bool digits = false;
			while (k < rest && (v[k] == ' ' || v[k] == ','))
				k++;
			while (k < rest && v[k] >= '0' && v[k] <= '9') {
				if (dim > UINT64_MAX / 10 - 10) {
					shape_ok = false;
					break;
				}
				dim = dim * 10 + (uint64_t)(v[k++] - '0');
				digits = true;
			}
			while (k < rest && v[k] == 'L')
				k++;
			if (!digits) {
				if (k < rest && v[k] != ')' && v[k] != ' ' && v[k] != ',')
					shape_ok = false, k = rest;
				continue;
			}
			cJSON_AddItemToArray(shape, cJSON_CreateNumber((double)dim));
			if (dim && elements > UINT64_MAX / dim)
				shape_ok = false;
			else
				elements *= dim;
		}
		if (k >= rest)
			shape_ok = false;
	}
	if (!shape_ok) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy header: unreadable shape");
		return 0;
	}
	aibom_artifact__meta_num(ctx, meta, "elements", (double)elements);
	aibom_artifact__meta_num(ctx, meta, "data_offset", (double)start);
	if (hasobject) {
		aibom_pickle_summary sum;
		aibom_artifact__meta_bool(ctx, meta, "object_array", true);
		memset(&sum, 0, sizeof(sum));
		sum.protocol = -1;
		if (start >= len) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy object array has no pickle after its header");
			return 0;
		}
		if (aibom_artifact__pickle(ctx, d, len, start, AIBOM_PICKLE_ONE, &sum) < 0)
			return -1;
		aibom_artifact__meta_num(ctx, meta, "protocol", sum.protocol < 0 ? 0 : sum.protocol);
		return 0;
	}
	if (itemsize) {
		if (elements > UINT64_MAX / itemsize) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy shape is impossibly large");
			return 0;
		}
		expected = elements * itemsize;
		if (expected > len - start)
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "numpy data truncated: %zu of %llu bytes",
				len - start, (unsigned long long)expected);
		else if (expected < len - start)
			aibom_artifact__warn(ctx, meta, "%llu bytes follow the array data",
				(unsigned long long)(len - start - expected));
	}
	return 0;
}

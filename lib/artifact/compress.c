/*
 * compress.c - compressed model files: gzip-wrapped pickles and joblib's zlib, gzip, bz2, xz and
 * lzma compressors (and its old "ZF" zlib framing). Decompression goes through zlib, libbz2 and
 * liblzma, capped in output size and ratio so a small bomb cannot exhaust memory; the stream
 * inside is then identified and read like a file of its own, one nesting level deeper.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>

#include "artifact/artifact.h"

aibom_compression aibom_artifact__sniff_compression(const unsigned char *d, size_t len)
{
	if (len >= 3 && d[0] == 0x1f && d[1] == 0x8b && d[2] == 8)
		return AIBOM_COMP_GZIP;
	if (len >= 10 && memcmp(d, "BZh", 3) == 0 && d[3] >= '1' && d[3] <= '9' &&
	    memcmp(d + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0)
		return AIBOM_COMP_BZ2;
	if (len >= 6 && memcmp(d, "\xfd" "7zXZ\0", 6) == 0)
		return AIBOM_COMP_XZ;
	if (len >= 4 && memcmp(d, "\x04\x22\x4d\x18", 4) == 0)
		return AIBOM_COMP_LZ4;
	if (len >= 2 && d[0] == 0x78 && ((d[0] << 8) | d[1]) % 31 == 0)
		return AIBOM_COMP_ZLIB;
	if (len >= 21 + 2 && d[0] == 'Z' && d[1] == 'F' && d[21] == 0x78)
		return AIBOM_COMP_JOBLIB_ZF;
	/* lzma "alone": properties byte, a power-of-two-ish dictionary size, an 8-byte length */
	if (len >= 13 && d[0] == 0x5d) {
		uint32_t dict = (uint32_t)d[1] | (uint32_t)d[2] << 8 | (uint32_t)d[3] << 16 | (uint32_t)d[4] << 24;
		if (dict >= 4096 && (dict & (dict - 1)) == 0)
			return AIBOM_COMP_LZMA;
	}
	return AIBOM_COMP_NONE;
}

const char *aibom_artifact__compression_name(aibom_compression c)
{
	switch (c) {
	case AIBOM_COMP_GZIP: return "gzip";
	case AIBOM_COMP_ZLIB: return "zlib";
	case AIBOM_COMP_BZ2: return "bz2";
	case AIBOM_COMP_XZ: return "xz";
	case AIBOM_COMP_LZMA: return "lzma";
	case AIBOM_COMP_JOBLIB_ZF: return "zlib (joblib ZF)";
	case AIBOM_COMP_LZ4: return "lz4";
	case AIBOM_COMP_NONE: break;
	}
	return "none";
}

/* A growing output buffer, capped. */
typedef struct {
	unsigned char *p;
	size_t n, cap, limit;
} outbuf;

static int grow(outbuf *o)
{
	size_t cap;
	unsigned char *p;

	if (o->cap >= o->limit)
		return 1;
	cap = o->cap ? o->cap * 2 : 65536;
	if (cap > o->limit)
		cap = o->limit;
	if ((p = realloc(o->p, cap)) == NULL)
		return -2;
	o->p = p;
	o->cap = cap;
	return 0;
}

static int inflate_all(const unsigned char *in, size_t len, int window, outbuf *o, char *why, size_t wl)
{
	z_stream z;
	int zr = Z_OK, r = 0;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, window) != Z_OK)
		return -2;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
	while (zr != Z_STREAM_END) {
		if (o->n == o->cap && (r = grow(o)) != 0)
			break;
		z.next_out = o->p + o->n;
		z.avail_out = (uInt)(o->cap - o->n);
		zr = inflate(&z, Z_NO_FLUSH);
		o->n = o->cap - z.avail_out;
		if (zr == Z_STREAM_END)
			break;
		if (zr == Z_BUF_ERROR && z.avail_in == 0) {
			snprintf(why, wl, "compressed stream truncated");
			r = -1;
			break;
		}
		if (zr != Z_OK && zr != Z_BUF_ERROR) {
			snprintf(why, wl, "corrupt compressed stream: %s", z.msg ? z.msg : "inflate error");
			r = zr == Z_MEM_ERROR ? -2 : -1;
			break;
		}
	}
	inflateEnd(&z);
	return r;
}

static int bunzip_all(const unsigned char *in, size_t len, outbuf *o, char *why, size_t wl)
{
	bz_stream b;
	int br = BZ_OK, r = 0;

	memset(&b, 0, sizeof(b));
	if (BZ2_bzDecompressInit(&b, 0, 0) != BZ_OK)
		return -2;
	b.next_in = (char *)(uintptr_t)in;
	b.avail_in = len > UINT32_MAX ? UINT32_MAX : (unsigned)len;
	while (br != BZ_STREAM_END) {
		if (o->n == o->cap && (r = grow(o)) != 0)
			break;
		b.next_out = (char *)o->p + o->n;
		b.avail_out = (unsigned)(o->cap - o->n);
		br = BZ2_bzDecompress(&b);
		o->n = o->cap - b.avail_out;
		if (br == BZ_STREAM_END)
			break;
		if (br != BZ_OK) {
			snprintf(why, wl, "corrupt bz2 stream (%d)", br);
			r = br == BZ_MEM_ERROR ? -2 : -1;
			break;
		}
		if (b.avail_in == 0 && b.avail_out > 0) {
			snprintf(why, wl, "compressed stream truncated");
			r = -1;
			break;
		}
	}
	BZ2_bzDecompressEnd(&b);
	return r;
}

static int unxz_all(const unsigned char *in, size_t len, bool alone, outbuf *o, char *why, size_t wl)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret lr;
	int r = 0;

	lr = alone ? lzma_alone_decoder(&s, 256u << 20) : lzma_stream_decoder(&s, 256u << 20, 0);
	if (lr != LZMA_OK)
		return -2;
	s.next_in = in;
	s.avail_in = len;
	for (;;) {
		if (o->n == o->cap && (r = grow(o)) != 0)
			break;
		s.next_out = o->p + o->n;
		s.avail_out = o->cap - o->n;
		lr = lzma_code(&s, LZMA_FINISH);
		o->n = o->cap - s.avail_out;
		if (lr == LZMA_STREAM_END)
			break;
		if (lr == LZMA_BUF_ERROR) {
			snprintf(why, wl, "compressed stream truncated");
			r = -1;
			break;
		}
		if (lr != LZMA_OK) {
			snprintf(why, wl, "corrupt %s stream (%d)", alone ? "lzma" : "xz", (int)lr);
			r = lr == LZMA_MEM_ERROR || lr == LZMA_MEMLIMIT_ERROR ? -1 : -1;
			break;
		}
	}
	lzma_end(&s);
	return r;
}

int aibom_artifact__decompress(aibom_compression c, const unsigned char *in, size_t len, size_t limit,
	unsigned char **out, size_t *out_len, char *why, size_t why_len)
{
	outbuf o = {NULL, 0, 0, limit ? limit : 1};
	int r;

	*out = NULL;
	*out_len = 0;
	why[0] = '\0';
	switch (c) {
	case AIBOM_COMP_GZIP: r = inflate_all(in, len, 15 + 16, &o, why, why_len); break;
	case AIBOM_COMP_ZLIB: r = inflate_all(in, len, 15, &o, why, why_len); break;
	case AIBOM_COMP_JOBLIB_ZF: r = inflate_all(in + 21, len - 21, 15, &o, why, why_len); break;
	case AIBOM_COMP_BZ2: r = bunzip_all(in, len, &o, why, why_len); break;
	case AIBOM_COMP_XZ: r = unxz_all(in, len, false, &o, why, why_len); break;
	case AIBOM_COMP_LZMA: r = unxz_all(in, len, true, &o, why, why_len); break;
	default:
		snprintf(why, why_len, "%s compression is not supported", aibom_artifact__compression_name(c));
		return -1;
	}
	if (r == -2) {
		free(o.p);
		return -2;
	}
	*out = o.p;
	*out_len = o.n;
	return r; /* 0, 1 (cut at the limit) or -1 (corrupt: what was made is still returned) */
}

size_t aibom_artifact__peek_decompress(aibom_compression c, const unsigned char *in, size_t len,
	unsigned char *out, size_t out_cap)
{
	unsigned char *buf = NULL;
	size_t n = 0;
	char why[128];

	if (c == AIBOM_COMP_LZ4 || c == AIBOM_COMP_NONE)
		return 0;
	(void)aibom_artifact__decompress(c, in, len, out_cap, &buf, &n, why, sizeof(why));
	if (buf && n)
		memcpy(out, buf, n > out_cap ? out_cap : n);
	free(buf);
	return n > out_cap ? out_cap : n;
}

int aibom_artifact__read_compressed(aibom_artifact_ctx *ctx, aibom_compression c, const unsigned char *d,
	size_t len, cJSON *meta, const char **format)
{
	uint64_t budget = AIBOM_ARTIFACT_MAX_EXPANDED - (ctx->expanded < AIBOM_ARTIFACT_MAX_EXPANDED ?
		ctx->expanded : AIBOM_ARTIFACT_MAX_EXPANDED);
	uint64_t ratio_cap = (uint64_t)len * AIBOM_ARTIFACT_MAX_RATIO;
	size_t limit;
	unsigned char *buf = NULL;
	size_t n = 0;
	char why[256];
	int r, error = 0;

	*format = "unknown";
	aibom_artifact__meta_str(ctx, meta, "compression", aibom_artifact__compression_name(c));
	if (c == AIBOM_COMP_LZ4) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "lz4-compressed stream: not supported, not inspected");
		return 0;
	}
	if (ctx->depth + 1 > AIBOM_ARTIFACT_MAX_DEPTH) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "compressed stream nested deeper than %d levels: not inspected",
			AIBOM_ARTIFACT_MAX_DEPTH);
		return 0;
	}
	limit = AIBOM_ARTIFACT_MAX_MEMBER;
	if (budget < limit)
		limit = (size_t)budget;
	if (ratio_cap > AIBOM_ARTIFACT_RATIO_FLOOR && ratio_cap < limit)
		limit = (size_t)ratio_cap;
	if (limit < AIBOM_ARTIFACT_RATIO_FLOOR && budget >= AIBOM_ARTIFACT_RATIO_FLOOR)
		limit = AIBOM_ARTIFACT_RATIO_FLOOR;
	r = aibom_artifact__decompress(c, d, len, limit, &buf, &n, why, sizeof(why));
	if (r == -2)
		return -1;
	ctx->expanded += n;
	if (r == -1)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "%s: %s", aibom_artifact__compression_name(c), why);
	else if (r == 1) {
		if (limit == ratio_cap || (uint64_t)limit >= ratio_cap)
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"compression bomb: %zu bytes expand past %zu (over %d:1); the first %zu bytes were inspected",
				len, limit, AIBOM_ARTIFACT_MAX_RATIO, n);
		else
			aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN,
				"decompressed stream larger than %zu bytes: the first %zu bytes were inspected", limit, n);
	}
	aibom_artifact__meta_num(ctx, meta, "decompressed_size", (double)n);
	if (n > 0) {
		ctx->depth++;
		error = aibom_artifact__dispatch(ctx, buf, n, meta, format);
		ctx->depth--;
	}
	free(buf);
	return error;
}

/*
 * archive.c - zip archives (through libzip) and tar archives: PyTorch zip checkpoints (every
 * *.pkl member, wherever it sits), TorchScript archives, numpy .npz, Keras v3 .keras, legacy
 * PyTorch tar checkpoints, and any archive holding model files, nested to a bounded depth.
 *
 * Members are read only when they may hold a model (by name, or by their first bytes), never
 * extracted to disk. Before a member is read its declared size is checked against the caps: one
 * member, the whole inspection's expansion budget, and the compression ratio (zip bombs). Member
 * names that would escape an extraction folder ("..", absolute paths) are reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "artifact/artifact.h"

long long aibom_artifact__zip_locate(const unsigned char *d, size_t len)
{
	size_t k, lo;

	if (len >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4)
		return 0;
	if (len < 22)
		return -1;
	lo = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (k = len - 22 + 1; k-- > lo;) {
		if (d[k] == 'P' && d[k + 1] == 'K' && d[k + 2] == 5 && d[k + 3] == 6) {
			uint64_t cd_size = (uint64_t)d[k + 12] | (uint64_t)d[k + 13] << 8 | (uint64_t)d[k + 14] << 16 |
				(uint64_t)d[k + 15] << 24;
			uint64_t cd_off = (uint64_t)d[k + 16] | (uint64_t)d[k + 17] << 8 | (uint64_t)d[k + 18] << 16 |
				(uint64_t)d[k + 19] << 24;
			if (cd_size + cd_off <= k) {
				uint64_t start = k - cd_size - cd_off;
				if (start + 4 <= len && d[start] == 'P' && d[start + 1] == 'K' && d[start + 2] == 3 &&
				    d[start + 3] == 4)
					return (long long)start;
			}
		}
	}
	return -1;
}

static bool unsafe_name(const char *n)
{
	const char *p;

	if (n[0] == '/' || n[0] == '\\' || (n[0] && n[1] == ':'))
		return true;
	for (p = n; *p; ) {
		const char *end = p + strcspn(p, "/\\");
		if (end - p == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

static bool ends_with(const char *s, const char *suffix)
{
	return aibom__has_suffix(s, suffix);
}

static const char *basename_of(const char *n)
{
	const char *s = strrchr(n, '/');
	return s ? s + 1 : n;
}

static bool model_member_name(const char *n)
{
	static const char *const exts[] = {".pkl", ".pickle", ".joblib", ".pt", ".pth", ".bin", ".ckpt", ".npy",
		".npz", ".safetensors", ".gguf", ".onnx", ".keras", ".h5", ".hdf5", ".tflite", ".zip", ".gz", ".xz",
		".bz2", ".tar", ".sav", ".model", "saved_model.pb", NULL};
	const char *const *e;

	for (e = exts; *e; e++)
		if (ends_with(n, *e))
			return true;
	return false;
}

/* Is NAME a tensor storage of a torch zip ("<root>/data/<n>")? Those are raw bytes. */
static bool torch_storage(const char *n)
{
	const char *s = strstr(n, "/data/");
	return s && strchr(s + 6, '/') == NULL && s[6] && strspn(s + 6, "0123456789") == strlen(s + 6);
}

typedef enum { Z_PLAIN, Z_TORCH, Z_TORCHSCRIPT, Z_KERAS, Z_NPZ } zip_kind;

static int read_member(aibom_artifact_ctx *ctx, zip_t *za, zip_uint64_t index, const zip_stat_t *st,
	unsigned char **out, size_t *out_len, size_t max)
{
	zip_file_t *zf = NULL;
	unsigned char *buf = NULL;
	zip_int64_t got;
	size_t want = (size_t)st->size, have = 0;

	*out = NULL;
	*out_len = 0;
	if (max && want > max)
		want = max;
	if ((buf = malloc(want ? want : 1)) == NULL)
		return -2;
	if ((zf = zip_fopen_index(za, index, 0)) == NULL) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "zip member %s cannot be opened: %s", st->name,
			zip_strerror(za));
		free(buf);
		return -1;
	}
	while (have < want) {
		got = zip_fread(zf, buf + have, want - have);
		if (got < 0) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "zip member %s is corrupt: %s", st->name,
				zip_file_strerror(zf));
			zip_fclose(zf);
			free(buf);
			return -1;
		}
		if (got == 0)
			break;
		have += (size_t)got;
	}
	zip_fclose(zf);
	if (have < want && !max) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "zip member %s is truncated: %zu of %zu bytes",
			st->name, have, want);
		free(buf);
		return -1;
	}
	ctx->expanded += have;
	*out = buf;
	*out_len = have;
	return 0;
}

/* Check a member against the caps before reading it; false (judged) when it must be skipped. */
static bool member_allowed(aibom_artifact_ctx *ctx, const zip_stat_t *st, cJSON *meta)
{
	if (st->encryption_method != ZIP_EM_NONE) {
		aibom_artifact__warn(ctx, meta, "member %s is encrypted: not inspected", st->name);
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "encrypted member %s cannot be inspected", st->name);
		return false;
	}
	if (st->size > AIBOM_ARTIFACT_MAX_MEMBER) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "member %s is %llu bytes, over the %llu-byte cap: not inspected",
			st->name, (unsigned long long)st->size, (unsigned long long)AIBOM_ARTIFACT_MAX_MEMBER);
		return false;
	}
	if (st->size > AIBOM_ARTIFACT_RATIO_FLOOR && st->size / (st->comp_size ? st->comp_size : 1) > AIBOM_ARTIFACT_MAX_RATIO) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
			"zip bomb: member %s expands %llu bytes to %llu (over %d:1)", st->name,
			(unsigned long long)st->comp_size, (unsigned long long)st->size, AIBOM_ARTIFACT_MAX_RATIO);
		return false;
	}
	if (ctx->expanded + st->size > AIBOM_ARTIFACT_MAX_EXPANDED) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "expansion budget of %llu bytes spent before member %s",
			(unsigned long long)AIBOM_ARTIFACT_MAX_EXPANDED, st->name);
		return false;
	}
	return true;
}

static int read_zip_at(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta,
	const char **format)
{
	zip_error_t zerr;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	zip_int64_t n;
	zip_uint64_t k, limit;
	zip_kind kind = Z_PLAIN;
	cJSON *members = NULL;
	bool has_config = false, has_keras_side = false, all_npy = true;
	size_t storages = 0, code_files = 0;
	uint64_t total = 0;
	int error = 0;

	*format = "zip";
	zip_error_init(&zerr);
	if ((src = zip_source_buffer_create(d, len, 0, &zerr)) == NULL) {
		zip_error_fini(&zerr);
		return -1;
	}
	if ((za = zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "corrupt zip archive: %s", zip_error_strerror(&zerr));
		zip_source_free(src);
		zip_error_fini(&zerr);
		return 0;
	}
	zip_error_fini(&zerr);
	n = zip_get_num_entries(za, 0);
	limit = (zip_uint64_t)(n < 0 ? 0 : n);
	if (limit > AIBOM_ARTIFACT_MAX_ENTRIES) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "zip archive has %llu entries, over the cap of %d",
			(unsigned long long)limit, AIBOM_ARTIFACT_MAX_ENTRIES);
		limit = AIBOM_ARTIFACT_MAX_ENTRIES;
	}
	/* pass 1: names tell what kind of archive this is */
	for (k = 0; k < limit; k++) {
		zip_stat_t st;
		if (zip_stat_index(za, k, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME))
			continue;
		total += st.size;
		if (unsafe_name(st.name))
			aibom_artifact__warn(ctx, meta, "member name escapes the archive folder: %s", st.name);
		if (!strcmp(basename_of(st.name), "data.pkl") && kind == Z_PLAIN)
			kind = Z_TORCH;
		if (strstr(st.name, "/code/") || !strcmp(basename_of(st.name), "constants.pkl"))
			code_files += strstr(st.name, "/code/") && !ends_with(st.name, "/");
		if (!strcmp(st.name, "config.json"))
			has_config = true;
		if (!strcmp(st.name, "metadata.json") || !strcmp(st.name, "model.weights.h5"))
			has_keras_side = true;
		if (!ends_with(st.name, ".npy") && !ends_with(st.name, "/"))
			all_npy = false;
		if (torch_storage(st.name))
			storages++;
	}
	if (kind == Z_TORCH && code_files)
		kind = Z_TORCHSCRIPT;
	else if (has_config && has_keras_side)
		kind = Z_KERAS;
	else if (kind == Z_PLAIN && all_npy && limit > 0)
		kind = Z_NPZ;
	*format = kind == Z_TORCH ? "pytorch-zip" : kind == Z_TORCHSCRIPT ? "torchscript" : kind == Z_KERAS ? "keras" :
		kind == Z_NPZ ? "numpy-npz" : "zip";
	aibom_artifact__meta_num(ctx, meta, "entries", (double)limit);
	aibom_artifact__meta_num(ctx, meta, "uncompressed_size", (double)total);
	if (storages)
		aibom_artifact__meta_num(ctx, meta, "storages", (double)storages);
	if (code_files)
		aibom_artifact__meta_num(ctx, meta, "code_files", (double)code_files);
	members = aibom_artifact__meta_array(ctx, meta, "members");

	/* pass 2: read what may hold a model */
	for (k = 0; k < limit && !ctx->oom; k++) {
		zip_stat_t st;
		unsigned char *buf = NULL, head[64];
		size_t blen = 0;
		bool want = false;
		const char *inner;
		int r;

		if (aibom_artifact__out_of_time(ctx))
			break;
		if (zip_stat_index(za, k, 0, &st) < 0 || !(st.valid & ZIP_STAT_NAME) || ends_with(st.name, "/"))
			continue;
		if ((kind == Z_TORCH || kind == Z_TORCHSCRIPT) && torch_storage(st.name))
			continue;
		if (kind == Z_KERAS && !strcmp(st.name, "config.json")) {
			if (!member_allowed(ctx, &st, meta))
				continue;
			if ((r = read_member(ctx, za, k, &st, &buf, &blen, 0)) == -2) {
				error = -1;
				break;
			}
			if (r == 0) {
				const char *saved = ctx->member;
				char *path = ctx->member ? aibom_arena__printf(&ctx->insp->arena, "%s!config.json", ctx->member)
					: aibom_arena__strdup(&ctx->insp->arena, "config.json");
				ctx->member = path;
				if (path == NULL || aibom_artifact__keras_config(ctx, (const char *)buf, blen, meta) < 0)
					error = -1;
				ctx->member = saved;
			}
			free(buf);
			if (error < 0)
				break;
			continue;
		}
		if ((kind == Z_TORCH || kind == Z_TORCHSCRIPT) && st.size <= 64 &&
		    (!strcmp(basename_of(st.name), "version") || !strcmp(basename_of(st.name), "byteorder"))) {
			if (read_member(ctx, za, k, &st, &buf, &blen, 0) == 0) {
				while (blen && (buf[blen - 1] == '\n' || buf[blen - 1] == '\r'))
					blen--;
				aibom_artifact__meta_strn(ctx, meta, basename_of(st.name), (const char *)buf, blen);
			}
			free(buf);
			continue;
		}
		if (model_member_name(st.name) || !strcmp(basename_of(st.name), "data.pkl"))
			want = true;
		else if (st.size > 0 && member_allowed(ctx, &st, meta)) {
			/* sniff the first bytes of anything else */
			size_t got = 0;
			zip_file_t *zf = zip_fopen_index(za, k, 0);
			if (zf) {
				zip_int64_t g = zip_fread(zf, head, sizeof(head));
				got = g > 0 ? (size_t)g : 0;
				zip_fclose(zf);
			}
			want = aibom_artifact__looks_like_model(st.name, head, got) ||
				(got >= 2 && head[0] == 0x80 && head[1] <= 5);
		}
		if (!want || !member_allowed(ctx, &st, meta))
			continue;
		if ((r = read_member(ctx, za, k, &st, &buf, &blen, 0)) == -2) {
			error = -1;
			break;
		}
		if (r == 0 && aibom_artifact__nested(ctx, st.name, buf, blen, members, NULL, &inner) < 0)
			error = -1;
		free(buf);
		if (error < 0)
			break;
	}
	zip_discard(za);
	return error;
}

int aibom_artifact__read_zip(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta,
	const char **format)
{
	long long at = aibom_artifact__zip_locate(d, len);

	if (at > 0) {
		aibom_artifact__meta_num(ctx, meta, "archive_offset", (double)at);
		return read_zip_at(ctx, d + at, len - (size_t)at, meta, format);
	}
	return read_zip_at(ctx, d, len, meta, format);
}

/* ------------------------------------------------------------------ tar */

bool aibom_artifact__is_tar(const unsigned char *d, size_t len)
{
	return len >= 512 && memcmp(d + 257, "ustar", 5) == 0;
}

static bool tar_size(const unsigned char *f, uint64_t *out)
{
	uint64_t v = 0;
	size_t k;

	if (f[0] & 0x80) { /* base-256 */
		for (k = 1; k < 12; k++) {
			if (v >> 55)
				return false;
			v = (v << 8) | f[k];
		}
		*out = v;
		return true;
	}
	for (k = 0; k < 12 && f[k] == ' '; k++)
		;
	for (; k < 12 && f[k] >= '0' && f[k] <= '7'; k++)
		v = v * 8 + (uint64_t)(f[k] - '0');
	*out = v;
	return true;
}

int aibom_artifact__read_tar(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta,
	const char **format)
{
	size_t pos = 0, count = 0;
	char longname[1024] = "";
	bool legacy = false;
	cJSON *members = aibom_artifact__meta_array(ctx, meta, "members");
	int pass;

	*format = "tar";
	/* pass 0 learns the layout (legacy torch: sys_info, pickle, storages, tensors), pass 1 reads */
	for (pass = 0; pass < 2; pass++) {
		pos = 0;
		count = 0;
		longname[0] = '\0';
		while (pos + 512 <= len) {
			const unsigned char *h = d + pos;
			char name[1024 + 300];
			uint64_t size;
			size_t k;

			if (aibom_artifact__out_of_time(ctx))
				return 0;
			for (k = 0; k < 512 && h[k] == 0; k++)
				;
			if (k == 512)
				break; /* end-of-archive block */
			if (!tar_size(h + 124, &size) || size > len - pos - 512) {
				if (pass == 1)
					aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "tar member at offset %zu runs past the end",
						pos);
				return 0;
			}
			if (++count > AIBOM_ARTIFACT_MAX_ENTRIES) {
				if (pass == 1)
					aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "tar archive has over %d entries",
						AIBOM_ARTIFACT_MAX_ENTRIES);
				return 0;
			}
			if (longname[0]) {
				snprintf(name, sizeof(name), "%s", longname);
				longname[0] = '\0';
			} else if (memcmp(h + 257, "ustar", 5) == 0 && h[345]) {
				snprintf(name, sizeof(name), "%.155s/%.100s", (const char *)h + 345, (const char *)h);
			} else {
				snprintf(name, sizeof(name), "%.100s", (const char *)h);
			}
			if (h[156] == 'L') {
				size_t n = size < sizeof(longname) - 1 ? (size_t)size : sizeof(longname) - 1;
				memcpy(longname, h + 512, n);
				longname[n] = '\0';
			} else if (h[156] == '0' || h[156] == '\0') {
				const char *base = basename_of(name);
				const unsigned char *body = h + 512;
				if (pass == 0) {
					if (!strcmp(base, "pickle") || !strcmp(base, "sys_info"))
						legacy = true;
				} else {
					if (unsafe_name(name))
						aibom_artifact__warn(ctx, meta, "member name escapes the archive folder: %s", name);
					if (legacy && (!strcmp(base, "pickle") || !strcmp(base, "sys_info") ||
					    !strcmp(base, "storages") || !strcmp(base, "tensors"))) {
						/* each holds a pickle first; storages and tensors then mix pickles and raw bytes */
						aibom_pickle_summary sum;
						const char *saved = ctx->member;
						char *path = ctx->member ? aibom_arena__printf(&ctx->insp->arena, "%s!%s", ctx->member, name)
							: aibom_arena__strdup(&ctx->insp->arena, name);
						if (path == NULL)
							return -1;
						memset(&sum, 0, sizeof(sum));
						sum.protocol = -1;
						ctx->member = path;
						if (aibom_artifact__pickle(ctx, body, (size_t)size, 0,
						    !strcmp(base, "pickle") || !strcmp(base, "sys_info") ? 0 : AIBOM_PICKLE_NO_TRAILER,
						    &sum) < 0) {
							ctx->member = saved;
							return -1;
						}
						ctx->member = saved;
					} else if (size > 0 && aibom_artifact__looks_like_model(name, body,
						   size < 64 ? (size_t)size : 64)) {
						const char *inner;
						if (aibom_artifact__nested(ctx, name, body, (size_t)size, members, NULL, &inner) < 0)
							return -1;
					}
				}
			}
			pos += 512 + (size_t)((size + 511) / 512 * 512 > len - pos - 512 ? len - pos - 512 :
				(size + 511) / 512 * 512);
		}
	}
	if (legacy) {
		*format = "pytorch-legacy";
		aibom_artifact__meta_str(ctx, meta, "layout", "tar");
	}
	aibom_artifact__meta_num(ctx, meta, "entries", (double)count);
	return 0;
}

/*
 * archive.c - zip archives (through libzip) and tar archives: PyTorch zip checkpoints (every
 * *.pkl member, wherever it sits), TorchScript archives, numpy .npz, Keras v3 .keras, legacy
 * PyTorch tar checkpoints, 7z archives (through libarchive), and any archive holding model files,
 * nested to a bounded depth.
 *
 * Members are read only when they may hold a model (by name, or by their first bytes), never
 * extracted to disk. Before a member is read its declared size is checked against the caps: one
 * member, the whole inspection's expansion budget, and the compression ratio (zip bombs). Member
 * names that would escape an extraction folder ("..", absolute paths) are reported.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
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

/* ------------------------------------------------------------------ 7z (libarchive) */

bool aibom_artifact__is_7z(const unsigned char *d, size_t len)
{
	static const unsigned char sig[6] = {'7', 'z', 0xbc, 0xaf, 0x27, 0x1c};
	return len >= 6 && memcmp(d, sig, 6) == 0;
}

/*
 * A 7z archive, read with libarchive in memory. 7z compresses members together (solid blocks),
 * so neither a member's compressed size nor the cost of skipping it is known: the ratio cap is
 * applied to the running total of the sizes the members declare against the archive's size, and
 * the archive is abandoned when it is exceeded (decompressing to skip would be the bomb). Each
 * member that may hold a model (by name, or by its first bytes) is read, at most its declared
 * size, and inspected one level deeper like a zip member.
 */
int aibom_artifact__read_7z(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta,
	const char **format)
{
	struct archive *a = archive_read_new();
	struct archive_entry *entry;
	cJSON *members;
	uint64_t declared = 0;
	size_t count = 0;
	int error = 0, r;

	*format = "7z";
	if (a == NULL)
		return -1;
	if (archive_read_support_format_7zip(a) != ARCHIVE_OK ||
	    archive_read_open_memory(a, d, len) != ARCHIVE_OK) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "corrupt 7z archive: %s",
			archive_error_string(a) ? archive_error_string(a) : "cannot be opened");
		archive_read_free(a);
		return 0;
	}
	members = aibom_artifact__meta_array(ctx, meta, "members");
	while (!ctx->oom) {
		const char *name, *inner;
		unsigned char *buf = NULL;
		uint64_t size;
		size_t want, have = 0;
		bool sized, read_it;

		if (aibom_artifact__out_of_time(ctx))
			break;
		r = archive_read_next_header(a, &entry);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN) {
			if (archive_read_has_encrypted_entries(a) > 0)
				aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "encrypted 7z archive cannot be inspected");
			else if (archive_errno(a) == ENOMEM)
				aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "7z archive cannot be read: out of memory");
			else
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "corrupt 7z archive: %s",
					archive_error_string(a) ? archive_error_string(a) : "bad or truncated header");
			break;
		}
		if (++count > AIBOM_ARTIFACT_MAX_ENTRIES) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "7z archive has over %d entries",
				AIBOM_ARTIFACT_MAX_ENTRIES);
			count--;
			break;
		}
		name = archive_entry_pathname_utf8(entry);
		if (name == NULL)
			name = archive_entry_pathname(entry);
		if (name == NULL || !name[0])
			name = "(unnamed)";
		if (unsafe_name(name))
			aibom_artifact__warn(ctx, meta, "member name escapes the archive folder: %s", name);
		if (archive_entry_filetype(entry) != AE_IFREG)
			continue;
		sized = archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0;
		size = sized ? (uint64_t)archive_entry_size(entry) : AIBOM_ARTIFACT_MAX_MEMBER;
		declared += size;
		if (declared > AIBOM_ARTIFACT_RATIO_FLOOR && declared / (len ? len : 1) > AIBOM_ARTIFACT_MAX_RATIO) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"7z bomb: %zu bytes declare %llu uncompressed bytes by member %s (over %d:1)", len,
				(unsigned long long)declared, name, AIBOM_ARTIFACT_MAX_RATIO);
			break;
		}
		if (archive_entry_is_encrypted(entry)) {
			aibom_artifact__warn(ctx, meta, "member %s is encrypted: not inspected", name);
			aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "encrypted member %s cannot be inspected", name);
			continue;
		}
		if (size > AIBOM_ARTIFACT_MAX_MEMBER) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN,
				"member %s is %llu bytes, over the %llu-byte cap: not inspected", name, (unsigned long long)size,
				(unsigned long long)AIBOM_ARTIFACT_MAX_MEMBER);
			continue;
		}
		if (ctx->expanded + size > AIBOM_ARTIFACT_MAX_EXPANDED) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN, "expansion budget of %llu bytes spent before member %s",
				(unsigned long long)AIBOM_ARTIFACT_MAX_EXPANDED, name);
			break;
		}
		if (size == 0)
			continue;
		want = (size_t)size;
		if ((buf = malloc(want)) == NULL) {
			error = -1;
			break;
		}
		/* the first bytes decide, unless the name does */
		read_it = model_member_name(name);
		while (have < want) {
			size_t chunk = want - have;
			la_ssize_t got;
			if (!read_it && have >= 64)
				break;
			if (!read_it && chunk > 64 - have)
				chunk = 64 - have;
			else if (chunk > (1u << 20))
				chunk = 1u << 20;
			if ((got = archive_read_data(a, buf + have, chunk)) < 0) {
				/* a dictionary size the header declares may not be allocatable: the file's doing */
				aibom_artifact__judge(ctx, archive_errno(a) == ENOMEM ? AIBOM_VERDICT_UNKNOWN : AIBOM_VERDICT_MALFORMED,
					"7z member %s cannot be decompressed: %s", name,
					archive_error_string(a) ? archive_error_string(a) : "read error");
				free(buf);
				buf = NULL;
				break;
			}
			if (got == 0)
				break;
			have += (size_t)got;
			ctx->expanded += (uint64_t)got;
			if (!read_it && have >= (want < 64 ? want : 64)) {
				read_it = aibom_artifact__looks_like_model(name, buf, have) ||
					(have >= 2 && buf[0] == 0x80 && buf[1] <= 5);
				if (!read_it)
					break;
			}
			if (aibom_artifact__out_of_time(ctx))
				break;
		}
		if (buf == NULL)
			break; /* a corrupt stream: what follows it cannot be trusted either */
		if (read_it && have < want && !ctx->timed_out)
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "7z member %s is truncated: %zu of %zu bytes", name,
				have, want);
		if (read_it && !ctx->timed_out && aibom_artifact__nested(ctx, name, buf, have, members, NULL, &inner) < 0)
			error = -1;
		free(buf);
		if (error < 0)
			break;
	}
	aibom_artifact__meta_num(ctx, meta, "entries", (double)count);
	aibom_artifact__meta_num(ctx, meta, "uncompressed_size", (double)declared);
	archive_read_free(a);
	return error;
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

/* ------------------------------------------------------------------ legacy torch tar */

/* Bytes per element of a legacy storage class, as torch._utils._element_size gives it; 0 unknown. */
static size_t storage_element_size(const char *global)
{
	static const struct { const char *name; size_t size; } sizes[] = {
		{"DoubleStorage", 8}, {"FloatStorage", 4}, {"HalfStorage", 2}, {"LongStorage", 8}, {"IntStorage", 4},
		{"ShortStorage", 2}, {"CharStorage", 1}, {"ByteStorage", 1}, {"BoolStorage", 1}, {"BFloat16Storage", 2},
		{"ComplexDoubleStorage", 16}, {"ComplexFloatStorage", 8}, {"QUInt8Storage", 1}, {"QInt8Storage", 1},
		{"QInt32Storage", 4}, {"QUInt4x2Storage", 1}, {"QUInt2x4Storage", 1}, {"UntypedStorage", 1},
	};
	const char *dot = strrchr(global, '.');
	size_t k;

	if (dot == NULL || strncmp(global, "torch.", 6) != 0)
		return 0;
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
		if (!strcmp(dot + 1, sizes[k].name))
			return sizes[k].size;
	return 0;
}

static uint64_t le64(const unsigned char *p)
{
	uint64_t v = 0;
	int k;

	for (k = 7; k >= 0; k--)
		v = (v << 8) | p[k];
	return v;
}

/* One pickle at *POS of a legacy member; false (judged) when the member cannot be followed. */
static int legacy_pickle(aibom_artifact_ctx *ctx, const char *member, const unsigned char *d, size_t len,
	size_t *pos, aibom_pickle_summary *sum, const char *what)
{
	memset(sum, 0, sizeof(*sum));
	sum->protocol = -1;
	if (*pos >= len) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "legacy torch %s ends before its %s pickle", member, what);
		return 0;
	}
	if (aibom_artifact__pickle(ctx, d, len, *pos, AIBOM_PICKLE_ONE, sum) < 0)
		return -1;
	if (!sum->complete || sum->pickles == 0)
		return 0; /* judged malformed by the analysis */
	*pos = sum->end;
	return 1;
}

/*
 * A member of the legacy torch tar layout (torch.serialization's legacy_load). "sys_info" and
 * "pickle" are one pickle each. "storages" is a count pickle, then per storage a pickle
 * (key, location, storage class) and the raw data (int64 element count, then the elements),
 * then a pickle of storage views. "tensors" is a count pickle, then per tensor a pickle
 * (key, storage id, tensor class) and raw bytes (int32 ndim, 4 bytes, ndim int64 sizes, ndim
 * int64 strides, an int64 offset). The loader unpickles every one of those pickles, so each is
 * analysed, not only the first: the raw bytes are skipped by the lengths the loader reads.
 */
static int legacy_member(aibom_artifact_ctx *ctx, const char *base, const unsigned char *d, size_t len)
{
	aibom_pickle_summary sum;
	bool storages = !strcmp(base, "storages");
	size_t pos = 0;
	int64_t count, k;
	int r;

	if (strcmp(base, "storages") && strcmp(base, "tensors"))
		return legacy_pickle(ctx, base, d, len, &pos, &sum, "first") < 0 ? -1 : 0;
	if ((r = legacy_pickle(ctx, base, d, len, &pos, &sum, "count")) <= 0)
		return r;
	if (!sum.result_is_int || sum.result_int < 0 || (uint64_t)sum.result_int > len) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
			"legacy torch %s does not start with a plausible count: the rest cannot be followed", base);
		return 0;
	}
	count = sum.result_int;
	for (k = 0; k < count; k++) {
		size_t rec = pos;
		if (aibom_artifact__out_of_time(ctx))
			return 0;
		if ((r = legacy_pickle(ctx, base, d, len, &pos, &sum, "record")) <= 0)
			return r;
		if (sum.result_tuple != 3) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"legacy torch %s record %lld at offset %zu is not a 3-tuple: the rest cannot be followed", base,
				(long long)k, rec);
			return 0;
		}
		if (storages) {
			size_t esize = storage_element_size(sum.result_global);
			uint64_t n;
			if (esize == 0) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_UNKNOWN,
					"legacy torch storage class %s at offset %zu has no known element size: the rest of storages is not analysed",
					sum.result_global[0] ? sum.result_global : "(not a global)", rec);
				return 0;
			}
			if (len - pos < 8) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "legacy torch storage %lld is truncated",
					(long long)k);
				return 0;
			}
			n = le64(d + pos);
			pos += 8;
			if (n > (len - pos) / esize) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
					"legacy torch storage %lld declares %llu elements, only %zu bytes remain", (long long)k,
					(unsigned long long)n, len - pos);
				return 0;
			}
			pos += (size_t)(n * esize);
		} else {
			uint32_t ndim;
			if (len - pos < 8) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "legacy torch tensor %lld is truncated",
					(long long)k);
				return 0;
			}
			ndim = (uint32_t)d[pos] | (uint32_t)d[pos + 1] << 8 | (uint32_t)d[pos + 2] << 16 |
				(uint32_t)d[pos + 3] << 24;
			pos += 8;
			if (ndim > 1024 || (size_t)ndim * 16 + 8 > len - pos) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
					"legacy torch tensor %lld declares %u dimensions, only %zu bytes remain", (long long)k, ndim,
					len - pos);
				return 0;
			}
			pos += (size_t)ndim * 16 + 8;
		}
	}
	if (storages && (r = legacy_pickle(ctx, base, d, len, &pos, &sum, "storage views")) <= 0)
		return r;
	return 0;
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
						const char *saved = ctx->member;
						char *path = ctx->member ? aibom_arena__printf(&ctx->insp->arena, "%s!%s", ctx->member, name)
							: aibom_arena__strdup(&ctx->insp->arena, name);
						int r;
						if (path == NULL)
							return -1;
						ctx->member = path;
						r = legacy_member(ctx, base, body, (size_t)size);
						ctx->member = saved;
						if (r < 0)
							return -1;
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

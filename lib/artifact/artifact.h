/*
 * artifact.h - the model-artifact inspector, internal API shared by its files.
 *
 * One inspection walks a file (and the members of its archives, and the streams inside its
 * compressions) with an aibom_artifact_ctx: each format reader identifies its bytes, writes what
 * it learns into a cJSON metadata object, records imported globals and raises the verdict. Nothing
 * here executes, imports or unpickles what it reads; every length read from a file is checked
 * against the bytes really present before it is used, and work is bounded by the caps below.
 */
#ifndef AIBOM_ARTIFACT_H
#define AIBOM_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "aibom.h"
#include "util/util.h"
/* Until the declarations are pasted into include/aibom.h (the guard makes this a no-op after). */

/* ---- caps: bounded work on hostile files */
#define AIBOM_ARTIFACT_MAX_DEPTH 4                  /* archives / compressions nested */
#define AIBOM_ARTIFACT_MAX_SECONDS 60               /* per top-level inspection */
#define AIBOM_ARTIFACT_MAX_EXPANDED (1ull << 30)     /* bytes decompressed or extracted, in all */
#define AIBOM_ARTIFACT_MAX_MEMBER (512ull << 20)     /* bytes of one member or stream read */
#define AIBOM_ARTIFACT_MAX_RATIO 200                 /* uncompressed / compressed, above ... */
#define AIBOM_ARTIFACT_RATIO_FLOOR (4ull << 20)      /* ... this many uncompressed bytes */
#define AIBOM_ARTIFACT_MAX_ENTRIES 65536             /* members of one archive */
#define AIBOM_ARTIFACT_MAX_IMPORTS 100000            /* imports listed (more are counted) */
#define AIBOM_ARTIFACT_MAX_JSON_HEADER (100u << 20)  /* safetensors header, Keras config */

/* ---- the pickle globals knowledge (globals.c, from pickle-globals.json) */
typedef struct aibom_artifact_globals aibom_artifact_globals;

int aibom_artifact__globals_load(aibom_artifact_globals **out);
void aibom_artifact__globals_free(aibom_artifact_globals *g);
/* 1 dangerous, 0 allowlisted, -1 unknown, for module.name (name may be dotted). */
int aibom_artifact__classify(const aibom_artifact_globals *g, const char *module, const char *name);
/* The Python 2 -> 3 mapping of the unpickler (protocol < 3, fix_imports): writes the mapped
 * module and name and returns true when the pair or the module is mapped. */
bool aibom_artifact__py2_map(const aibom_artifact_globals *g, const char *module, const char *name,
	char *mod_out, size_t mod_cap, char *name_out, size_t name_cap);
/* Membership in the named string list of the knowledge file ("keras_safe_modules", ...), by glob. */
bool aibom_artifact__in_list(const aibom_artifact_globals *g, const char *list, const char *text);
/* The first pattern of the named list that occurs (as a substring) in TEXT, or NULL. */
const char *aibom_artifact__find_pattern(const aibom_artifact_globals *g, const char *list,
	const char *text, size_t len);

/* ---- the inspection object */
struct aibom_inspection {
	aibom_arena arena;
	const char *format;      /* static */
	aibom_verdict verdict;
	const char *reason;      /* arena; NULL when safe */
	aibom_vec imports;       /* aibom_pickle_import, strings in the arena */
	size_t imports_dropped;  /* beyond AIBOM_ARTIFACT_MAX_IMPORTS */
	cJSON *meta;             /* metadata object */
};

/* A verdict and its reason, for one level (the file, or one member). */
typedef struct {
	aibom_verdict verdict;
	char reason[1100];
} aibom_artifact_judgement;

typedef struct {
	aibom_inspection *insp;
	const aibom_artifact_globals *globals;
	const char *member;      /* the member being read ("a.zip!b.pkl"), or NULL at top level */
	const char *name;        /* the file name hint of what is being read, or NULL */
	unsigned depth;
	double deadline;         /* monotonic seconds */
	uint64_t expanded;       /* bytes decompressed / extracted so far */
	double max_seconds;      /* the time budget the deadline came from */
	bool timed_out;
	bool oom;
	aibom_artifact_judgement *local; /* the member being read, or NULL */
} aibom_artifact_ctx;

/* Raise the verdict (file and current member) to V if worse, keeping the first reason of the
 * worst level. Order: safe < unknown < malformed < dangerous. */
void aibom_artifact__judge(aibom_artifact_ctx *ctx, aibom_verdict v, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Record an imported global (classified with the knowledge file), judge it, return its class. */
int aibom_artifact__import(aibom_artifact_ctx *ctx, const char *module, const char *name, uint64_t offset);
/* Record an import whose class the caller decides (Keras references, TF ops, extensions). */
int aibom_artifact__import_as(aibom_artifact_ctx *ctx, const char *module, const char *name,
	uint64_t offset, int dangerous);
/* Deadline check; sets ctx->timed_out and judges once. */
bool aibom_artifact__out_of_time(aibom_artifact_ctx *ctx);
/* A warning string in meta["warnings"]. */
void aibom_artifact__warn(aibom_artifact_ctx *ctx, cJSON *meta, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Metadata helpers: failures set ctx->oom. */
void aibom_artifact__meta_str(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, const char *value);
void aibom_artifact__meta_strn(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, const char *value, size_t len);
void aibom_artifact__meta_num(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, double value);
void aibom_artifact__meta_bool(aibom_artifact_ctx *ctx, cJSON *meta, const char *key, bool value);
cJSON *aibom_artifact__meta_array(aibom_artifact_ctx *ctx, cJSON *meta, const char *key);
cJSON *aibom_artifact__meta_object(aibom_artifact_ctx *ctx, cJSON *meta, const char *key);
/* Append VALUE to the array if no equal string is in it yet. */
void aibom_artifact__meta_add_unique(aibom_artifact_ctx *ctx, cJSON *array, const char *value);

/*
 * Identify DATA and read it with the matching format reader. Returns the format name (static)
 * through *format. Negative only for out-of-memory; a bad file is a verdict.
 */
int aibom_artifact__dispatch(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len,
	cJSON *meta, const char **format);
/* Read a nested member (archive member or decompressed stream) one level deeper, recording its
 * summary in MEMBERS (an array, may be NULL) and its metadata under it. */
int aibom_artifact__nested(aibom_artifact_ctx *ctx, const char *member_name, const unsigned char *data,
	size_t len, cJSON *members, cJSON *extra, const char **format);

/* ---- format readers; each returns < 0 only for out-of-memory */

/* Pickle streams (pickle.c). FLAGS below; *end receives the offset after the last pickle read. */
#define AIBOM_PICKLE_ONE 0x1        /* one pickle: stop at the first STOP */
#define AIBOM_PICKLE_NO_TRAILER 0x2 /* bytes after the pickles are data, not a warning */
typedef struct {
	unsigned pickles;        /* pickles read */
	int protocol;            /* of the first pickle (-1: none seen) */
	bool joblib;             /* joblib NumpyArrayWrapper arrays were skipped */
	bool torch_legacy;       /* began with the legacy torch magic number */
	unsigned persistent_ids; /* PERSID / BINPERSID (torch storages) */
	bool complete;           /* every pickle ended with STOP */
	size_t end;
	/* the value the last pickle read returns, when simple */
	bool result_is_int;      /* an int that fits: result_int */
	int64_t result_int;
	unsigned result_tuple;   /* items of a returned tuple (0: not a tuple) */
	char result_global[256]; /* "module.name" when the tuple's last item is a global */
} aibom_pickle_summary;

int aibom_artifact__pickle(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, size_t start,
	unsigned flags, aibom_pickle_summary *sum);
/* Does DATA plausibly start a pickle (PROTO 2-5, or a protocol 0/1 opening)? */
bool aibom_artifact__pickle_sniff(const unsigned char *data, size_t len, bool strict);
/* The legacy torch.save magic-number pickle. */
bool aibom_artifact__is_torch_legacy(const unsigned char *data, size_t len);
int aibom_artifact__read_pickle_file(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len,
	cJSON *meta, const char **format);

int aibom_artifact__read_zip(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta,
	const char **format);
int aibom_artifact__read_tar(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta,
	const char **format);
bool aibom_artifact__is_tar(const unsigned char *data, size_t len);
/* 7z archives, read with libarchive. */
int aibom_artifact__read_7z(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta,
	const char **format);
bool aibom_artifact__is_7z(const unsigned char *data, size_t len);
/* Find a zip end-of-central-directory record; offset of the archive start or -1. */
long long aibom_artifact__zip_locate(const unsigned char *data, size_t len);

/* Compressions (compress.c). */
typedef enum { AIBOM_COMP_NONE, AIBOM_COMP_GZIP, AIBOM_COMP_ZLIB, AIBOM_COMP_BZ2, AIBOM_COMP_XZ,
	AIBOM_COMP_LZMA, AIBOM_COMP_JOBLIB_ZF, AIBOM_COMP_LZ4 } aibom_compression;
aibom_compression aibom_artifact__sniff_compression(const unsigned char *data, size_t len);
const char *aibom_artifact__compression_name(aibom_compression c);
/* Decompress into a malloc'd buffer, at most LIMIT bytes. Returns 0, 1 when the output was cut at
 * LIMIT, -1 corrupt input (reason in WHY), -2 out of memory. */
int aibom_artifact__decompress(aibom_compression c, const unsigned char *in, size_t len, size_t limit,
	unsigned char **out, size_t *out_len, char *why, size_t why_len);
/* Decompress at most OUT_CAP bytes of the start of a stream, for sniffing; returns bytes made. */
size_t aibom_artifact__peek_decompress(aibom_compression c, const unsigned char *in, size_t len,
	unsigned char *out, size_t out_cap);
int aibom_artifact__read_compressed(aibom_artifact_ctx *ctx, aibom_compression c, const unsigned char *data,
	size_t len, cJSON *meta, const char **format);

int aibom_artifact__read_npy(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);
int aibom_artifact__read_safetensors(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);
bool aibom_artifact__is_safetensors(const unsigned char *data, size_t len);
int aibom_artifact__read_gguf(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);
bool aibom_artifact__is_onnx(const unsigned char *data, size_t len, bool hinted);
int aibom_artifact__read_onnx(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);
bool aibom_artifact__is_savedmodel(const unsigned char *data, size_t len, bool hinted);
int aibom_artifact__read_savedmodel(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);
int aibom_artifact__read_tflite(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);
/* Keras: a parsed config (config.json or the HDF5 model_config attribute). */
int aibom_artifact__keras_config(aibom_artifact_ctx *ctx, const char *json, size_t len, cJSON *meta);
int aibom_artifact__read_hdf5(aibom_artifact_ctx *ctx, const unsigned char *data, size_t len, cJSON *meta);

/* ---- the scan's entry points */
int aibom_artifact__inspect(aibom_inspection **out, const char *name, const unsigned char *data, size_t len);
/* The same with other limits than the defaults (tests give a tiny time budget). */
typedef struct {
	double max_seconds;      /* wall-clock budget of the whole inspection; <= 0: the default */
} aibom_artifact_limits;
int aibom_artifact__inspect_limited(aibom_inspection **out, const char *name, const unsigned char *data,
	size_t len, const aibom_artifact_limits *limits);
bool aibom_artifact__looks_like_model(const char *path, const unsigned char *head, size_t head_len);

#endif

/*
 * aibom.h - the public API of libaibom.
 *
 * aibom reads a source repository (a folder, or any revision of a git repository read straight
 * from its object database) and finds the AI it uses: model loads, hosted AI SDK calls, hub
 * references and AI libraries. Everything a scan finds lands in one SQLite database, which can be
 * walked (callback or pull iterator), queried read-only, and exported as a CycloneDX 1.6 ML-BOM.
 *
 * Conventions (libgit2's): a function that can fail returns 0 on success or a negative AIBOM_E*
 * code, writes its result through its first argument, and leaves a message in aibom_error_last().
 * The library never prints, never exits and keeps no global mutable state: two scans may run at
 * once in two threads.
 */
#ifndef AIBOM_H
#define AIBOM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(AIBOM_BUILDING) && defined(__GNUC__)
#define AIBOM_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define AIBOM_EXTERN(type) extern type
#endif

#define AIBOM_VERSION "0.1.0"
#define AIBOM_VERSION_MAJOR 0
#define AIBOM_VERSION_MINOR 1
#define AIBOM_VERSION_PATCH 0

/** Return codes. */
enum {
	AIBOM_OK = 0,
	AIBOM_ERROR = -1,      /* generic failure; see aibom_error_last() */
	AIBOM_ENOTFOUND = -3,  /* path, revision or database not found */
	AIBOM_EINVALID = -4,   /* invalid argument or option */
	AIBOM_EUSER = -7,      /* a callback returned non-zero (its value is returned instead when < 0) */
	AIBOM_EREADONLY = -8,  /* a query tried to write */
	AIBOM_ITEROVER = -31   /* an iterator has no more items */
};

/** Error classes, the `klass` of an aibom_error. */
typedef enum {
	AIBOM_ERROR_NONE = 0,
	AIBOM_ERROR_NOMEMORY,
	AIBOM_ERROR_OS,
	AIBOM_ERROR_GIT,
	AIBOM_ERROR_SQLITE,
	AIBOM_ERROR_QUERY,
	AIBOM_ERROR_PARSE,
	AIBOM_ERROR_JSON,
	AIBOM_ERROR_INPUT,
	AIBOM_ERROR_RULES,
	AIBOM_ERROR_CALLBACK
} aibom_error_t;

/** The last error of the calling thread. */
typedef struct {
	const char *message;
	int klass; /* an aibom_error_t */
} aibom_error;

/**
 * The last error raised on the calling thread.
 *
 * Never NULL: when nothing failed, message is "no error" and klass AIBOM_ERROR_NONE.
 * Borrowed until the next aibom call on this thread.
 */
AIBOM_EXTERN(const aibom_error *) aibom_error_last(void);

/** Forget the calling thread's last error. */
AIBOM_EXTERN(void) aibom_error_clear(void);

/** The library's version string, e.g. "0.1.0". Static storage. */
AIBOM_EXTERN(const char *) aibom_version(void);

/** A string or blob handed to the caller; release with aibom_buf_dispose(). */
typedef struct {
	char *ptr;   /* NUL-terminated for text */
	size_t size; /* bytes, without the terminating NUL */
} aibom_buf;

/** Release the memory of a buffer filled by the library and zero it. Accepts NULL. */
AIBOM_EXTERN(void) aibom_buf_dispose(aibom_buf *buf);

/* ---------------------------------------------------------------- scanning */

typedef struct aibom_scan aibom_scan;

/** What a progress callback is told. */
typedef struct {
	const char *phase;  /* "list", "extract", "match", "store" */
	size_t done;        /* files done in this phase */
	size_t total;       /* files in this phase */
	const char *path;   /* the file just done, or NULL */
} aibom_progress;

/**
 * Progress callback: called from the thread that called aibom_scan_path(), never from a worker.
 * A non-zero return stops the scan; aibom_scan_path() then returns that value if it is
 * negative, else AIBOM_EUSER.
 */
typedef int (*aibom_progress_cb)(const aibom_progress *progress, void *payload);

#define AIBOM_SCAN_OPTIONS_VERSION 1

/** Options of one scan. Initialise with AIBOM_SCAN_OPTIONS_INIT or aibom_scan_options_init(). */
typedef struct {
	unsigned int version;          /* AIBOM_SCAN_OPTIONS_VERSION */
	const char *rev;               /* a git revision to scan without checkout; NULL scans the folder */
	const char *db_path;           /* keep the database in this file (replaced); NULL: temporary */
	unsigned int jobs;             /* worker threads; 0: one per core */
	const char *const *rule_files; /* extra rule files, loaded after the built-in catalog */
	size_t rule_files_count;
	size_t max_file_size;          /* bytes; larger files are skipped with a warning; 0: 4 MiB */
	aibom_progress_cb progress;
	void *progress_payload;
	const char *name;              /* name of the scanned application; NULL: the folder's name */
	size_t max_artifact_size;      /* bytes; larger model files are listed but not inspected; 0: 1 GiB */
} aibom_scan_options;

#define AIBOM_SCAN_OPTIONS_INIT {AIBOM_SCAN_OPTIONS_VERSION, NULL, NULL, 0, NULL, 0, 0, NULL, NULL, NULL, 0}

/**
 * Initialise scan options to their defaults.
 *
 * @param opts     the struct to fill
 * @param version  AIBOM_SCAN_OPTIONS_VERSION
 * @return 0, or AIBOM_EINVALID for an unknown version
 */
AIBOM_EXTERN(int) aibom_scan_options_init(aibom_scan_options *opts, unsigned int version);

/**
 * Scan a folder or a git repository.
 *
 * With opts->rev set, PATH must be a git repository (work tree or bare) and the tree of that
 * revision is read from the object database; otherwise the files of the folder are read, honouring
 * .gitignore when the folder is in a git work tree. A file that cannot be read or parsed becomes a
 * diagnostic of the scan, never a failure of it.
 *
 * @param out   the scan; caller owns it and frees it with aibom_scan_free()
 * @param path  folder or repository
 * @param opts  options, or NULL for the defaults
 * @return 0; AIBOM_ENOTFOUND if the path or revision does not exist; AIBOM_EINVALID for bad
 *         options or a revision asked of a folder that is not a repository; AIBOM_ERROR otherwise
 */
AIBOM_EXTERN(int) aibom_scan_path(aibom_scan **out, const char *path, const aibom_scan_options *opts);

/**
 * Open a database saved by an earlier scan (opts->db_path), read-only.
 *
 * @param out   the scan; caller owns it and frees it with aibom_scan_free()
 * @param path  the database file
 * @return 0; AIBOM_ENOTFOUND if the file does not exist; AIBOM_ERROR if it is not an aibom database
 */
AIBOM_EXTERN(int) aibom_scan_open_db(aibom_scan **out, const char *path);

/** Free a scan and close its database. Accepts NULL. */
AIBOM_EXTERN(void) aibom_scan_free(aibom_scan *scan);

/** Counts of one scan. */
typedef struct {
	size_t files;        /* files read */
	size_t bytes;        /* bytes read */
	size_t findings;
	size_t models;       /* distinct models */
	size_t libraries;
	size_t diagnostics;  /* errors and warnings about single files */
} aibom_scan_stats;

/**
 * Count what a scan found.
 *
 * @return 0, or AIBOM_ERROR if the database cannot be read
 */
AIBOM_EXTERN(int) aibom_scan_stats_get(aibom_scan_stats *out, aibom_scan *scan);

/* ---------------------------------------------------------------- findings */

/**
 * One use of AI in the code. Every string is borrowed: valid during the callback, or until the
 * next aibom_finding_next() call on the iterator. Optional fields are NULL when absent.
 */
typedef struct {
	const char *path;        /* repo-relative, '/'-separated */
	unsigned int line;       /* 1-based */
	unsigned int column;     /* 1-based */
	const char *kind;        /* "model_load", "sdk_call", "hub_ref", "dataset" */
	const char *api;         /* e.g. "transformers.AutoModel.from_pretrained" */
	const char *provider;    /* e.g. "openai", "huggingface", "pytorch" */
	const char *model;       /* model id as resolved; NULL when unresolved */
	const char *model_type;  /* "huggingface", "hosted", "local", "any", "url" */
	const char *resolution;  /* how the model id was found: "literal", "constant", ... */
	const char *flags;       /* comma-separated risk flags, "" when none */
	const char *function;    /* qualified name of the enclosing function, NULL at module level */
	const char *rule;        /* id of the rule that matched */
} aibom_finding;

/** Finding callback; a non-zero return stops the walk and is returned unchanged. */
typedef int (*aibom_finding_cb)(const aibom_finding *finding, void *payload);

/**
 * Call CB for every finding, ordered by path, line, column, kind and API.
 *
 * @return 0; the callback's non-zero value; AIBOM_ERROR if the database cannot be read
 */
AIBOM_EXTERN(int) aibom_scan_foreach_finding(aibom_scan *scan, aibom_finding_cb cb, void *payload);

typedef struct aibom_finding_iter aibom_finding_iter;

/**
 * Start a pull iteration over the findings, in the order of aibom_scan_foreach_finding().
 *
 * @param out  the iterator; caller owns it and frees it with aibom_finding_iter_free(),
 *             before the scan is freed
 * @return 0, or AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_finding_iter_new(aibom_finding_iter **out, aibom_scan *scan);

/**
 * Next finding.
 *
 * @param out  borrowed until the next call on this iterator
 * @return 0; AIBOM_ITEROVER after the last; AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_finding_next(const aibom_finding **out, aibom_finding_iter *iter);

/** Free an iterator. Accepts NULL. */
AIBOM_EXTERN(void) aibom_finding_iter_free(aibom_finding_iter *iter);

/** One problem with one input file; the scan went on without it (or with what could be read). */
typedef struct {
	const char *path;      /* repo-relative path, or the scanned path */
	const char *severity;  /* "error" (file skipped) or "warning" (file read in part) */
	const char *message;   /* the reason */
} aibom_diagnostic;

typedef int (*aibom_diagnostic_cb)(const aibom_diagnostic *diagnostic, void *payload);

/**
 * Call CB for every diagnostic of the scan, ordered by path.
 *
 * @return 0; the callback's non-zero value; AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_scan_foreach_diagnostic(aibom_scan *scan, aibom_diagnostic_cb cb, void *payload);

/* ---------------------------------------------------------------- reachability */

/**
 * One (service, model use) pair that is reachable: the entry point with the fewest hops and the
 * path from it. Strings are borrowed until the next aibom_reach_next() call.
 */
typedef struct {
	const char *service;      /* the deployable unit (a folder with a marker file, or the root) */
	const char *entry_point;  /* "module:qualname", "module:<module>" for scripts */
	const char *entry_kind;   /* route, task, command, handler, tool, grpc, main, app_script, ... */
	const char *framework;    /* flask, fastapi, celery, click, aws-lambda, ... */
	const char *model;        /* model id, or "unresolved:<api>" */
	const char *provider;
	const char *kind;         /* the finding's kind */
	const char *api;
	const char *path;         /* where the model is used */
	unsigned int line;
	unsigned int hops;        /* call edges from the entry point */
	int heuristic;            /* 1 when the path uses a heuristic edge */
	const char *frames;       /* JSON array of {module, function, file, line}, entry point first */
} aibom_reach_row;

typedef struct aibom_reach_iter aibom_reach_iter;

/**
 * Iterate over the reachable (service, model use) pairs, ordered by service, model, path, line.
 *
 * @param out      the iterator; caller owns it and frees it with aibom_reach_iter_free()
 * @param service  only this service, or NULL for all
 * @param model    only this model id, or NULL for all
 * @return 0, or AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_reach_iter_new(aibom_reach_iter **out, aibom_scan *scan, const char *service,
	const char *model);

/**
 * Next reachable pair.
 *
 * @param out  borrowed until the next call on this iterator
 * @return 0; AIBOM_ITEROVER after the last; AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_reach_next(const aibom_reach_row **out, aibom_reach_iter *iter);

/** Free a reach iterator. Accepts NULL. */
AIBOM_EXTERN(void) aibom_reach_iter_free(aibom_reach_iter *iter);

typedef int (*aibom_reach_cb)(const aibom_reach_row *row, void *payload);

/**
 * Call CB for every reachable pair (filters and order as aibom_reach_iter_new()).
 *
 * @return 0; the callback's non-zero value; AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_scan_foreach_reach(aibom_scan *scan, const char *service, const char *model,
	aibom_reach_cb cb, void *payload);

/* ---------------------------------------------------------------- export and query */

typedef enum {
	AIBOM_FORMAT_CYCLONEDX = 0, /* CycloneDX 1.6 JSON */
	AIBOM_FORMAT_JSON = 1,      /* aibom's own JSON: findings, models, libraries, diagnostics */
	AIBOM_FORMAT_TABLE = 2      /* a plain-text table for people */
} aibom_format;

/**
 * Look up a format by name ("cyclonedx", "json", "table").
 *
 * @return 0, or AIBOM_EINVALID for an unknown name
 */
AIBOM_EXTERN(int) aibom_format_from_name(aibom_format *out, const char *name);

#define AIBOM_EXPORT_OPTIONS_VERSION 1

typedef struct {
	unsigned int version;  /* AIBOM_EXPORT_OPTIONS_VERSION */
	int64_t timestamp;     /* seconds since the epoch for metadata.timestamp; -1: SOURCE_DATE_EPOCH
	                          if set, else now. A pinned time also pins the serial number. */
} aibom_export_options;

#define AIBOM_EXPORT_OPTIONS_INIT {AIBOM_EXPORT_OPTIONS_VERSION, -1}

/**
 * Render the scan in a format.
 *
 * @param out   filled with the text; caller releases it with aibom_buf_dispose()
 * @param opts  NULL for the defaults
 * @return 0; AIBOM_EINVALID for an unknown format; AIBOM_ERROR
 */
AIBOM_EXTERN(int) aibom_scan_export(aibom_buf *out, aibom_scan *scan, aibom_format format,
	const aibom_export_options *opts);

/**
 * Run one read-only SQL statement on the scan's database and return the rows as a JSON array
 * of objects (column name -> value).
 *
 * @param out  filled with the JSON text; caller releases it with aibom_buf_dispose()
 * @return 0; AIBOM_EREADONLY if the statement would write; AIBOM_ERROR for invalid SQL (class QUERY)
 */
AIBOM_EXTERN(int) aibom_scan_query(aibom_buf *out, aibom_scan *scan, const char *sql);

/* ---------------------------------------------------------------- model artifacts
 *
 * The inspector identifies a model file by its content (magic bytes and structure, never by its
 * name), describes it (tensor counts, dtypes, architecture, quantization, opset, ...) and judges
 * whether loading it can run code. It never imports, unpickles, loads or executes what it reads:
 * pickles are analysed opcode by opcode with a simulated stack and memo.
 */

/** The result of inspecting one model file. */
typedef struct aibom_inspection aibom_inspection;

/** What loading a model file can do, from best to worst news. */
typedef enum {
	AIBOM_VERDICT_SAFE = 0,      /* a data-only format, or a pickle importing only allowlisted globals */
	AIBOM_VERDICT_UNKNOWN = 1,   /* a global on no list, an unrecognised file, or analysis incomplete */
	AIBOM_VERDICT_DANGEROUS = 2, /* loading it can run code, open files or sockets, or import modules */
	AIBOM_VERDICT_MALFORMED = 3  /* truncated or corrupt; the reason says where */
} aibom_verdict;

/**
 * One global a pickle (or a Keras config, or a TF graph op) imports. Strings are borrowed until
 * the inspection is freed.
 */
typedef struct {
	const char *module;  /* e.g. "os", after the Python 2 name mapping the unpickler applies */
	const char *name;    /* e.g. "system"; may be dotted ("serialization.os.system") */
	uint64_t offset;     /* byte offset of the opcode that imports it, within its member (or within
	                        the decompressed stream for a compressed file) */
	int dangerous;       /* 1 dangerous, 0 allowlisted, -1 unknown */
	const char *member;  /* archive member ("archive/data.pkl", "outer.zip!inner.pkl"), or NULL */
} aibom_pickle_import;

/**
 * Inspect a model file on disk. The file is mapped or read, never executed.
 *
 * A file that is not a model, or that is truncated or corrupt, is not an error: it gives an
 * inspection with format "unknown" or verdict AIBOM_VERDICT_MALFORMED and a reason.
 *
 * @param out   the inspection; caller owns it and frees it with aibom_inspection_free()
 * @param path  the file
 * @return 0; AIBOM_ENOTFOUND if the file does not exist; AIBOM_EINVALID for a NULL argument or a
 *         path that is not a regular file; AIBOM_ERROR if it cannot be read or memory runs out
 */
AIBOM_EXTERN(int) aibom_inspect_path(aibom_inspection **out, const char *path);

/**
 * Inspect a model file held in memory.
 *
 * @param out   the inspection; caller owns it and frees it with aibom_inspection_free()
 * @param name  the file's name, used only as a hint (e.g. "saved_model.pb") and in messages;
 *              may be NULL
 * @param data  the bytes (only read, never kept: the inspection copies what it needs)
 * @param len   their count
 * @return 0; AIBOM_EINVALID if out is NULL or data is NULL with len > 0; AIBOM_ERROR when memory
 *         runs out
 */
AIBOM_EXTERN(int) aibom_inspect_buffer(aibom_inspection **out, const char *name, const void *data, size_t len);

/**
 * The format identified: "pickle", "pytorch-zip", "pytorch-legacy", "torchscript", "numpy",
 * "numpy-npz", "joblib", "safetensors", "gguf", "onnx", "keras", "hdf5", "tf-savedmodel",
 * "tflite", "zip", "tar" or "unknown". A compressed file reports the format inside it, and the
 * compression in the metadata. Static storage.
 */
AIBOM_EXTERN(const char *) aibom_inspection_format(const aibom_inspection *i);

/** The verdict: the worst of dangerous, malformed, unknown and safe found anywhere in the file. */
AIBOM_EXTERN(aibom_verdict) aibom_inspection_verdict(const aibom_inspection *i);

/**
 * Why the verdict is what it is (the first dangerous global, the first corruption, the first
 * unknown global), or NULL for a safe file. Borrowed until the inspection is freed.
 */
AIBOM_EXTERN(const char *) aibom_inspection_reason(const aibom_inspection *i);

/** The number of imported globals found, in file order (each archive member in turn). */
AIBOM_EXTERN(size_t) aibom_inspection_import_count(const aibom_inspection *i);

/**
 * The Nth imported global, or NULL when N is out of range. Borrowed until the inspection is freed.
 */
AIBOM_EXTERN(const aibom_pickle_import *) aibom_inspection_import(const aibom_inspection *i, size_t n);

/**
 * Render an inspection as JSON: format, verdict, reason, imports with offsets, metadata (size,
 * sha256, and per format: tensor count, dtypes, parameter count, architecture, quantization,
 * context length, opset, producer, layers, archive members, warnings, ...). Documented in
 * docs/artifacts.md.
 *
 * @param out  filled with the text; caller releases it with aibom_buf_dispose()
 * @return 0; AIBOM_EINVALID for a NULL argument; AIBOM_ERROR when memory runs out
 */
AIBOM_EXTERN(int) aibom_inspection_to_json(aibom_buf *out, const aibom_inspection *i);

/** The name of a verdict: "safe", "unknown", "dangerous", "malformed". Static storage. */
AIBOM_EXTERN(const char *) aibom_verdict_name(aibom_verdict v);

/** Free an inspection. Accepts NULL. */
AIBOM_EXTERN(void) aibom_inspection_free(aibom_inspection *i);

#ifdef __cplusplus
}
#endif

#endif

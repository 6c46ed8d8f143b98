/* ---------------------------------------------------------------- model artifacts
 *
 * (To be pasted into include/aibom.h, guard lines included; lib/artifact/artifact.h includes this
 * file only until then.)
 *
 * The inspector identifies a model file by its content (magic bytes and structure, never by its
 * name), describes it (tensor counts, dtypes, architecture, quantization, opset, ...) and judges
 * whether loading it can run code. It never imports, unpickles, loads or executes what it reads:
 * pickles are analysed opcode by opcode with a simulated stack and memo.
 */
#ifndef AIBOM_INSPECT_API
#define AIBOM_INSPECT_API

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

#endif /* AIBOM_INSPECT_API */

/*
 * lang.h - the languages aibom extracts facts from. A language is a tree-sitter grammar, a
 * query file (embedded at build time) and an extractor that turns query captures into facts.
 */
#ifndef AIBOM_LANG_H
#define AIBOM_LANG_H

#include <tree_sitter/api.h>

#include "facts.h"

typedef struct aibom_lang aibom_lang;

/* What one worker thread owns to parse files of one language. */
typedef struct {
	TSParser *parser;
	TSQueryCursor *cursor;
} aibom_lang_worker;

/* The source being turned into facts. */
typedef struct {
	const char *src;
	size_t len;
	aibom_facts *f;
} aibom_xctx;

/* A language: its grammar, its query (where the facts are) and the hooks for what only it knows.
 * The rest of extraction is shared (extract.c). */
struct aibom_lang {
	const char *name;
	const TSLanguage *(*grammar)(void);
	const char *query_source;
	aibom_expr *(*conv)(aibom_xctx *x, TSNode n, int depth);     /* an expression, depth-capped */
	aibom_expr *(*string)(aibom_xctx *x, TSNode n);              /* a @string: EXPR_STR when plain */
	void (*params)(aibom_xctx *x, aibom_def *d, TSNode params);  /* a definition's parameters */
	int (*import)(aibom_xctx *x, const TSQueryMatch *m, const TSQuery *q); /* an @import match */
	const char *(*assign_target)(aibom_xctx *x, TSNode left, TSNode right); /* a tracked target, or NULL */
	bool (*is_main)(aibom_xctx *x, TSNode n);                    /* a @main capture is a main block */
	void (*receiver)(aibom_xctx *x, aibom_def *d, TSNode n);     /* a method's @receiver (Go) */
	const char *rules_language;  /* the rule catalog's "language" of its files */
	unsigned traits;             /* AIBOM_LANG_* */
};

/* How a language scopes names. */
#define AIBOM_LANG_PACKAGE_SCOPE 1u /* the files of a package see each other's top-level names (Go, Java) */
#define AIBOM_LANG_IMPLICIT_THIS 2u /* a bare name in a method may be a field of its class (Java) */
#define AIBOM_LANG_FOLDER_MODULE 4u /* a file's module is its folder (Go), not the file */

/* Fill F from SRC with LANG; returns 0, or -1 with an error set when the file cannot be parsed
 * at all. Partial trees (syntax errors) succeed and leave f->diagnostic set. */
int aibom_extract__run(aibom_facts *f, const aibom_lang *lang, const TSQuery *query,
	aibom_lang_worker *w, const char *src, size_t len);

/* Shared helpers for the language hooks. */
const char *aibom_x__text(aibom_xctx *x, TSNode n, size_t max);
bool aibom_x__is(TSNode n, const char *type);
TSNode aibom_x__field(TSNode n, const char *name); /* the child in field NAME (null node if none) */
aibom_expr *aibom_x__expr(aibom_xctx *x, aibom_expr_kind kind, TSNode n);

/* Expression builders shared by the converters: what differs between grammars is node type and
 * field names, which the callers pass. Each converts sub-expressions with CONV at DEPTH + 1. */
typedef aibom_expr *(*aibom_conv_fn)(aibom_xctx *x, TSNode n, int depth);
/* EXPR_UNKNOWN keeping a prefix of the source text */
aibom_expr *aibom_x__unknown(aibom_xctx *x, TSNode n);
/* EXPR_NAME of the node's text */
aibom_expr *aibom_x__name(aibom_xctx *x, TSNode n);
/* KIND with a = field A, b = field B (NULL: none), text = text of field T (NULL: none); unknown when
 * a named field is missing. Attributes, member expressions, subscripts. */
aibom_expr *aibom_x__fields(aibom_xctx *x, aibom_conv_fn conv, aibom_expr_kind kind, TSNode n,
	const char *a, const char *b, const char *t, int depth);
/* KIND with args = the named children (a pair gives its value; comments are skipped). Lists. */
aibom_expr *aibom_x__children(aibom_xctx *x, aibom_conv_fn conv, aibom_expr_kind kind, TSNode n, int depth);
/* left OP right: EXPR_CONCAT for an operator in CONCAT, EXPR_OR for one in OR (NULL-terminated),
 * unknown otherwise. */
aibom_expr *aibom_x__binary(aibom_xctx *x, aibom_conv_fn conv, TSNode n, const char *const *concat,
	const char *const *or_ops, int depth);
/* The value of the child in field NAME (a cast, a type assertion, a conversion): EXPR_AWAIT. */
aibom_expr *aibom_x__wrap_field(aibom_xctx *x, aibom_conv_fn conv, TSNode n, const char *name, int depth);
/* A literal constant, spelled as the catalog compares them: True, False, None (for null, nil,
 * undefined...), else the number as written. */
aibom_expr *aibom_x__const(aibom_xctx *x, TSNode n);
/* S (N bytes) with the escapes a model id may hold decoded (\n \t \r \\ \' \" \` \$); any other
 * backslash is kept as written. In the file's arena. */
const char *aibom_x__unescape(aibom_xctx *x, const char *s, size_t n);
/* A string literal without interpolation: the text of its escape_sequence children and of its
 * children of the TEXT_TYPES (NULL-terminated), unescaped. */
aibom_expr *aibom_x__string(aibom_xctx *x, TSNode n, const char *const *text_types);
/* A wrapper (await, parentheses, a type assertion) around its first named child: EXPR_AWAIT. */
aibom_expr *aibom_x__wrap(aibom_xctx *x, aibom_conv_fn conv, TSNode n, int depth);

extern const aibom_lang aibom_lang_python;
extern const aibom_lang aibom_lang_javascript;
extern const aibom_lang aibom_lang_typescript;
extern const aibom_lang aibom_lang_tsx;
extern const aibom_lang aibom_lang_go;
extern const aibom_lang aibom_lang_java;

/* Compile LANG's query; returns NULL with an error set (class QUERY) on failure. */
TSQuery *aibom_lang__compile(const aibom_lang *lang);

/* Convert a Jupyter notebook to the Python source of its code cells; *line_map[i] is the line
 * of the notebook file that holds line i of the source (1-based). Returns 0 or -1 (error set). */
int aibom_notebook__to_python(aibom_buf *out, uint32_t **line_map, uint32_t *line_map_len,
	const char *json, size_t len);

/* Module name of a repo-relative source path: "src/pkg/mod.py" -> "pkg.mod", "app/lib/ai.ts" ->
 * "app.lib.ai"; a package's own file ("__init__.py", "index.ts") names the package. "" if none. */
char *aibom_lang__module_name(const char *path, bool *is_package);
/* The module of a file of LANG at PATH (malloc'd): its folder, dotted, for a language whose
 * modules are folders; else aibom_lang__module_name(). NULL when out of memory. */
char *aibom_lang__module_of(const aibom_lang *lang, const char *path, bool *is_package);

#endif

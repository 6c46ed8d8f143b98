/*
 * facts.h - the language-neutral model of one source file that extraction produces and matching
 * consumes: definitions, imports, bindings, calls, returns and string literals, with expressions
 * kept as small symbolic trees so that names can be resolved later, across files.
 *
 * Facts know nothing of AI. Everything in a aibom_facts lives in its arena.
 */
#ifndef AIBOM_FACTS_H
#define AIBOM_FACTS_H

#include "../util/util.h"

typedef enum {
	EXPR_UNKNOWN = 0, /* text: source text (truncated) */
	EXPR_NAME,        /* text: identifier */
	EXPR_ATTR,        /* a: object, text: attribute name */
	EXPR_CALL,        /* a: callee, args */
	EXPR_STR,         /* text: decoded literal */
	EXPR_FSTR,        /* args: parts (EXPR_STR chunks and interpolated expressions) */
	EXPR_CONCAT,      /* a + b */
	EXPR_CONST,       /* text: True, False, None, a number */
	EXPR_SUBSCRIPT,   /* a[b] */
	EXPR_AWAIT,       /* await a, (a): same value as a */
	EXPR_OR,          /* a or b: a when it resolves, else b */
	EXPR_LIST,        /* args: elements of a list, tuple or set, or the values of a dict */
	EXPR_FUNC         /* a function written inline (JS arrow): the definition starting at start_byte */
} aibom_expr_kind;

typedef struct aibom_expr aibom_expr;

typedef struct {
	const char *kw;     /* keyword name, or NULL for a positional argument */
	aibom_expr *value;
} aibom_arg;

struct aibom_expr {
	aibom_expr_kind kind;
	const char *text;
	aibom_expr *a, *b;
	aibom_arg *args;
	uint32_t nargs;
	uint32_t line, col;         /* 1-based start */
	uint32_t start_byte, end_byte;
};

typedef enum { DEF_FUNCTION = 1, DEF_CLASS = 2 } aibom_def_kind;

typedef struct {
	const char *name;
	aibom_expr *default_value; /* NULL when none */
	aibom_expr *annotation;    /* the type annotation, NULL when none */
} aibom_param;

typedef struct {
	aibom_def_kind kind;
	const char *name;
	const char *qualname;  /* within the module: "Class.method", "outer.inner" */
	int parent;            /* index of the enclosing def, -1 at module level */
	uint32_t start_line, end_line, start_byte, end_byte;
	aibom_param *params;
	uint32_t nparams;
	aibom_expr **bases;    /* class bases */
	uint32_t nbases;
	aibom_expr **decorators;
	uint32_t ndecorators;
	const char *receiver;  /* Go: the type a method is declared on ("Server"), NULL otherwise */
	const char *self_name; /* the name the instance has in the method (Go's receiver), NULL if none */
	bool interface;        /* a class that only declares methods (Go, Java interfaces) */
} aibom_def;

typedef struct {
	const char *alias;   /* the name bound in the module: "np", "AutoModel", "os" */
	const char *target;  /* what it names: "numpy", "transformers.AutoModel", ".config.MODEL" */
	const char *full;    /* `import a.b.c`: "a.b.c" (the modules a, a.b and a.b.c all run) */
	uint32_t line;
	bool star;           /* from x import * (target is the module) */
} aibom_import;

typedef struct {
	int scope;           /* def index, -1 for module level */
	const char *target;  /* "name" or "self.attr" */
	aibom_expr *value;
	uint32_t line;
	bool typed;          /* declared with a type only (a field): value is an instance of the type */
} aibom_binding;

typedef struct {
	int scope;
	aibom_expr *call;    /* an EXPR_CALL */
} aibom_call;

typedef struct {
	int scope;
	aibom_expr *value;
} aibom_return;

typedef struct {
	int scope;
	const char *value;   /* decoded text of a plain literal (no interpolation) */
	uint32_t line, col, start_byte, end_byte;
} aibom_string;

/* Where an import path leads inside the repository, from the configuration of a folder (SCOPE,
 * "" for the root): a go.mod module path (PREFIX "github.com/acme/app" is the folder DIR), or a
 * tsconfig/jsconfig path mapping (PREFIX "@/" is DIR "src/"). */
typedef enum { AIBOM_ALIAS_GO_MODULE = 1, AIBOM_ALIAS_TS_PATH } aibom_alias_kind;
typedef struct {
	aibom_alias_kind kind;
	const char *scope;
	const char *prefix;
	const char *dir;
} aibom_path_alias;

/* A binding as the index sorts them: by target, then scope, line and place in the file. */
typedef struct {
	const char *target;
	int scope;
	uint32_t line;
	uint32_t index;      /* into facts.bindings */
} aibom_binding_key;

/* A definition as the index sorts them: by enclosing definition, then name. */
typedef struct {
	int parent;
	const char *name;
	uint32_t index;      /* into facts.defs */
} aibom_def_key;

typedef struct aibom_facts aibom_facts;
struct aibom_facts {
	const char *path;        /* repo-relative */
	const char *module;      /* dotted module name, "" if not importable */
	const char *language;    /* the rule catalog's language of the file: "python", "javascript" */
	bool is_package;         /* __init__.py */
	aibom_arena arena;
	aibom_vec defs;          /* aibom_def */
	aibom_vec imports;       /* aibom_import */
	aibom_vec bindings;      /* aibom_binding */
	aibom_vec calls;         /* aibom_call */
	aibom_vec returns;       /* aibom_return */
	aibom_vec strings;       /* aibom_string */
	const uint32_t *line_map; /* notebook: code line -> file line (index 1..), NULL otherwise */
	uint32_t line_map_len;
	char *diagnostic;        /* a warning about this file (syntax errors...), malloc'd */
	uint32_t main_line;      /* line of an `if __name__ == "__main__":` block, 0 if none */
	const char *directive;   /* a directive string statement of the file ("use server"), NULL if none */
	uint32_t id;             /* index of the file in its scan */
	const aibom_path_alias *aliases; /* the scan's path aliases (read-only, shared) */
	size_t naliases;
	bool package_scope;      /* Go, Java: the files of a package see each other's top-level names */
	bool implicit_this;      /* Java: a bare name in a method may be a field of its class */
	aibom_facts *pkg_head;   /* package_scope: the first file of the package (set by the index) */
	aibom_facts *pkg_next;   /* ... and the next one */
	aibom_binding_key *binding_keys; /* the bindings sorted (aibom_facts__index), malloc'd */
	aibom_def_key *def_keys;         /* the definitions sorted (aibom_facts__index), malloc'd */
};

void aibom_facts__init(aibom_facts *f);
void aibom_facts__free(aibom_facts *f);
uint32_t aibom_facts__map_line(const aibom_facts *f, uint32_t line);
/* Sort F's bindings by target and its definitions by parent and name, for the resolver (once
 * extraction is over); -1 when out of memory. */
int aibom_facts__index(aibom_facts *f);
/* The bindings of F whose target is NAME, in scope, line and file order: *COUNT keys from the
 * one returned (NULL when none). Needs aibom_facts__index(). */
const aibom_binding_key *aibom_facts__bindings_named(const aibom_facts *f, const char *name, size_t *count);
/* The definitions named NAME directly inside definition PARENT (-1: at the top), in file order:
 * *COUNT keys from the one returned (NULL when none). */
const aibom_def_key *aibom_facts__defs_named(const aibom_facts *f, int parent, const char *name, size_t *count);
/* The first definition named NAME directly inside definition PARENT (-1: at the top), or -1. */
int aibom_facts__def_named(const aibom_facts *f, int parent, const char *name);
/* The definition that starts at byte START (a function written inline), or -1. */
int aibom_facts__def_at_byte(const aibom_facts *f, uint32_t start);

#endif

/*
 * resolve.h - static evaluation of expressions over a repository's facts (resolve.c): names
 * through scopes, imports and other modules, attributes of repository classes and tracked
 * objects, factory functions, constants, environment defaults and string building. Shared by the
 * matcher (match.c) and the call-graph linker (graph/link.c). Internal.
 */
#ifndef AIBOM_RESOLVE_H
#define AIBOM_RESOLVE_H

#include "rules.h"

#define EVAL_DEPTH_MAX 16
/* Evaluations one top-level expression may cost. Depth alone does not bound the work: a factory's
 * every return is evaluated, and each may lead to other factories, so the fan-out multiplies.
 * Past the budget an expression is unresolved. */
#define EVAL_BUDGET 2000

typedef enum {
	V_UNKNOWN = 0,
	V_STR,     /* text: a fully known string */
	V_PARTIAL, /* text: a string with {} for unknown parts */
	V_CONST,   /* text: True / False / None / a number */
	V_QNAME,   /* text: a qualified name (module, class, function, tracked object) */
	V_PARAM,   /* text: an unresolved parameter of the enclosing function */
	V_ENV      /* text: an environment variable without a default */
} vkind;

typedef struct {
	vkind kind;
	const char *text;
	const char *how;               /* literal, constant, default, env_default, partial, ... */
	/* V_QNAME: the nearest call on the way (the tracked constructor), with its file and scope */
	const aibom_expr *ctor;
	aibom_facts *ctor_file;
	int ctor_scope;
	/* V_QNAME naming a repository module or definition */
	aibom_facts *mod;              /* a module */
	aibom_facts *def_file;         /* a definition: def_file->defs[def] */
	int def;
	bool instance;                 /* an instance of the class def */
	/* V_PARAM: the function whose parameter it is, and the parameter's position */
	aibom_facts *param_file;
	int param_def;
	int param_index;
} value;

typedef struct {
	const aibom_catalog *cat;
	const aibom_index *idx;
	aibom_arena *arena;            /* where new strings go (the current file's arena) */
	unsigned evals;                /* evaluations since the last top-level one (EVAL_BUDGET) */
} matcher;

typedef struct {
	aibom_facts *f;
	int scope;
	uint32_t line;                 /* uses before this line see earlier bindings; UINT32_MAX: all */
} where;

value eval(matcher *m, const aibom_expr *e, where w, int depth);
value unknown(void);
value qname(const char *text);
const aibom_def *def_at(aibom_facts *f, int i);
int find_def(aibom_facts *f, int parent, const char *name);
/* The repository module named NAME (exactly, or by a unique dotted suffix), or NULL. */
aibom_facts *aibom_resolve__module(const aibom_index *idx, const char *name);
/* Argument KW (or positional POS when KW is NULL) of CALL, or NULL. */
const aibom_expr *call_arg(const aibom_expr *call, const char *kw, int pos);
/* The expression a rule's argument SPEC names in CALL (not a config spec), or NULL. Evaluate it at
 * *W, which moves when SPEC reads an object bound to a name (`req := T{Model: x}`). */
const aibom_expr *aibom_resolve__spec_arg(matcher *m, const aibom_expr *call, const aibom_rule_arg *spec, where *w);
/* Option(x) or a keyed Option: x among the arguments of CALL (following names to the lists they
 * are bound to, *W moving with them), or NULL. */
const aibom_expr *aibom_resolve__option(matcher *m, const aibom_expr *call, const char *name, where *w);
/* What CALL calls: its callee's value, except that a bare m(...) in a Java class is its method m. */
value aibom_resolve__callee(matcher *m, const aibom_expr *call, where w);
/* The value of configuration KEY ("config:PATH:LINE") as the code at FROM (a path) reads it: the
 * file nearest FROM that sets it; unknown when none does. */
value aibom_resolve__config(matcher *m, const char *key, const char *from);

#endif

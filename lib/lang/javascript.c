/*
 * javascript.c - JavaScript, TypeScript and TSX facts: the hooks of lib/lang/extract.c for the
 * three tree-sitter grammars (one query, lib/lang/javascript/facts.scm).
 *
 * Imports bind names the way the rule catalog spells them: `import X from "m"` and
 * `const X = require("m")` bind X to `m.default`; `import { A } from "m"` and
 * `const { A } = require("m")` bind A to `m.A`; `import * as ns from "m"` binds ns to `m`.
 * Relative specifiers ("./llm", "../lib/ai", "@/lib/ai") become dotted module names of the
 * repository. `new X(...)` is a call like any other; `this` is the instance of the enclosing class,
 * and `this.x = ...` is tracked like Python's `self.x`. An options object `{ model: "gpt-4o" }` is
 * kept with its keys, so rules can name `model` inside it. As in python.c, the expression node
 * types are the one piece of grammar knowledge here, and conversion is depth-capped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "embedded.h"

#define EXPR_DEPTH_MAX 24
#define UNKNOWN_TEXT_MAX 80

const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

typedef aibom_xctx ctx;
#define node_text aibom_x__text
#define is aibom_x__is
#define new_expr aibom_x__expr

static aibom_expr *conv(ctx *c, TSNode n, int depth);

/* "string": fragments and escapes; "template_string": fragments and ${} substitutions. */
static aibom_expr *conv_string(ctx *c, TSNode n, int depth)
{
	uint32_t i, count = ts_node_named_child_count(n), subs = 0;
	aibom_str acc = AIBOM_STR_INIT;
	aibom_expr *e;

	for (i = 0; i < count; i++)
		subs += is(ts_node_named_child(n, i), "template_substitution");
	if (subs == 0) {
		for (i = 0; i < count; i++) {
			TSNode ch = ts_node_named_child(n, i);
			if (is(ch, "string_fragment") || is(ch, "escape_sequence"))
				aibom_str__put(&acc, c->src + ts_node_start_byte(ch), ts_node_end_byte(ch) - ts_node_start_byte(ch));
		}
		if ((e = new_expr(c, EXPR_STR, n)) != NULL)
			e->text = aibom_x__unescape(c, aibom_str__cstr(&acc), acc.size);
		aibom_str__free(&acc);
		return e;
	}
	if ((e = new_expr(c, EXPR_FSTR, n)) == NULL ||
	    (e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * count)) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode ch = ts_node_named_child(n, i);
		if (is(ch, "string_fragment") || is(ch, "escape_sequence")) {
			aibom_expr *part = new_expr(c, EXPR_STR, ch);
			if (part == NULL)
				return NULL;
			part->text = aibom_x__unescape(c, c->src + ts_node_start_byte(ch), ts_node_end_byte(ch) - ts_node_start_byte(ch));
			e->args[e->nargs++].value = part;
		} else if (is(ch, "template_substitution") && ts_node_named_child_count(ch)) {
			e->args[e->nargs++].value = conv(c, ts_node_named_child(ch, 0), depth + 1);
		}
	}
	return e;
}

/* f(a, b) / new F(a, b): the callee field differs, the arguments are alike */
static aibom_expr *conv_call(ctx *c, TSNode n, TSNode fn, int depth)
{
	TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
	aibom_expr *e = new_expr(c, EXPR_CALL, n);
	uint32_t i, count;

	if (e == NULL)
		return NULL;
	e->a = ts_node_is_null(fn) ? new_expr(c, EXPR_UNKNOWN, n) : conv(c, fn, depth + 1);
	if (ts_node_is_null(args) || !is(args, "arguments"))
		return e;
	count = ts_node_named_child_count(args);
	if ((e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count ? count : 1))) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (is(a, "comment"))
			continue;
		/* ...spread: later positions unknown (the same sentinel as Python's *args) */
		e->args[e->nargs++].value = is(a, "spread_element") ? new_expr(c, EXPR_UNKNOWN, a) : conv(c, a, depth + 1);
	}
	return e;
}

/* { key: value, short, ...rest } -> EXPR_LIST with each value under its key */
static aibom_expr *conv_object(ctx *c, TSNode n, int depth)
{
	uint32_t i, count = ts_node_named_child_count(n);
	aibom_expr *e = new_expr(c, EXPR_LIST, n);

	if (e == NULL || (e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count + 1))) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode p = ts_node_named_child(n, i);
		if (is(p, "pair")) {
			TSNode k = ts_node_child_by_field_name(p, "key", 3), v = ts_node_child_by_field_name(p, "value", 5);
			const char *key;
			if (ts_node_is_null(k) || ts_node_is_null(v))
				continue;
			if (is(k, "string")) {
				aibom_expr *ks = conv_string(c, k, depth + 1);
				key = ks ? ks->text : NULL;
			} else {
				key = node_text(c, k, 0);
			}
			e->args[e->nargs].kw = key;
			e->args[e->nargs++].value = conv(c, v, depth + 1);
		} else if (is(p, "shorthand_property_identifier")) {
			aibom_expr *name = new_expr(c, EXPR_NAME, p);
			if (name == NULL)
				return NULL;
			name->text = node_text(c, p, 0);
			e->args[e->nargs].kw = name->text;
			e->args[e->nargs++].value = name;
		}
	}
	return e;
}

static aibom_expr *conv(ctx *c, TSNode n, int depth)
{
	static const char *const concat[] = {"+", NULL}, *const or_ops[] = {"||", "??", NULL};
	const char *type = ts_node_type(n);

	if (depth > EXPR_DEPTH_MAX)
		return aibom_x__unknown(c, n);
	if (!strcmp(type, "identifier") || !strcmp(type, "property_identifier") ||
	    !strcmp(type, "shorthand_property_identifier") || !strcmp(type, "type_identifier") ||
	    !strcmp(type, "this"))
		return aibom_x__name(c, n);
	if (!strcmp(type, "member_expression"))
		return aibom_x__fields(c, conv, EXPR_ATTR, n, "object", NULL, "property", depth);
	if (!strcmp(type, "arrow_function") || !strcmp(type, "function_expression"))
		return new_expr(c, EXPR_FUNC, n);
	if (!strcmp(type, "call_expression"))
		return conv_call(c, n, ts_node_child_by_field_name(n, "function", 8), depth);
	if (!strcmp(type, "new_expression"))
		return conv_call(c, n, ts_node_child_by_field_name(n, "constructor", 11), depth);
	if (!strcmp(type, "string") || !strcmp(type, "template_string"))
		return conv_string(c, n, depth);
	if (!strcmp(type, "object"))
		return conv_object(c, n, depth);
	if (!strcmp(type, "array"))
		return aibom_x__children(c, conv, EXPR_LIST, n, depth);
	if (!strcmp(type, "binary_expression"))
		return aibom_x__binary(c, conv, n, concat, or_ops, depth);
	if (!strcmp(type, "true") || !strcmp(type, "false") || !strcmp(type, "null") ||
	    !strcmp(type, "undefined") || !strcmp(type, "number")) {
		return aibom_x__const(c, n); /* spelled as Python: the catalog compares "True" */
	}
	if (!strcmp(type, "subscript_expression"))
		return aibom_x__fields(c, conv, EXPR_SUBSCRIPT, n, "object", "index", NULL, depth);
	if (!strcmp(type, "await_expression") || !strcmp(type, "parenthesized_expression") ||
	    !strcmp(type, "as_expression") || !strcmp(type, "satisfies_expression") ||
	    !strcmp(type, "non_null_expression") || !strcmp(type, "type_assertion"))
		return aibom_x__wrap(c, conv, n, depth);
	return aibom_x__unknown(c, n);
}

static aibom_expr *string_fact(ctx *c, TSNode n)
{
	return conv_string(c, n, 0);
}

/* (a, b = "x", { model }, ...rest) and TS's required/optional parameters */
static void read_params(ctx *c, aibom_def *d, TSNode params)
{
	uint32_t i, count = is(params, "identifier") ? 1 : ts_node_named_child_count(params);

	if ((d->params = aibom_arena__alloc(&c->f->arena, sizeof(aibom_param) * (count ? count : 1))) == NULL)
		return;
	for (i = 0; i < count; i++) {
		TSNode p = is(params, "identifier") ? params : ts_node_named_child(params, i);
		TSNode value = {0};
		aibom_param *out = &d->params[d->nparams];

		if (is(p, "required_parameter") || is(p, "optional_parameter")) {
			value = ts_node_child_by_field_name(p, "value", 5);
			p = ts_node_child_by_field_name(p, "pattern", 7);
			if (ts_node_is_null(p))
				continue;
		}
		if (is(p, "assignment_pattern")) {
			value = ts_node_child_by_field_name(p, "right", 5);
			p = ts_node_child_by_field_name(p, "left", 4);
		}
		if (ts_node_is_null(p) || !is(p, "identifier"))
			continue;
		out->name = node_text(c, p, 0);
		if (!ts_node_is_null(value))
			out->default_value = conv(c, value, 0);
		d->nparams++;
	}
}

/* A specifier a tsconfig/jsconfig "paths" entry maps ("@lib/ai" with "@lib/" mapped to "src/lib/") as
 * the dotted module of the file it names; the configuration of the nearest enclosing folder and
 * its longest prefix win. NULL when none applies. */
static const char *path_alias(ctx *c, const char *spec)
{
	const aibom_path_alias *best = NULL;
	size_t i, scope_len = 0, prefix_len = 0;
	char *path, *mod;
	const char *out;
	bool pkg;

	for (i = 0; i < c->f->naliases; i++) {
		const aibom_path_alias *a = &c->f->aliases[i];
		size_t sl = strlen(a->scope), pl = strlen(a->prefix);
		if (a->kind != AIBOM_ALIAS_TS_PATH || strncmp(spec, a->prefix, pl) ||
		    (sl && (strncmp(c->f->path, a->scope, sl) || c->f->path[sl] != '/')))
			continue;
		if (best == NULL || sl > scope_len || (sl == scope_len && pl > prefix_len)) {
			best = a;
			scope_len = sl;
			prefix_len = pl;
		}
	}
	if (best == NULL)
		return NULL;
	/* "web/src/" + "lib/ai" + ".ts": named as the file would be (src/ and index handled alike) */
	if ((path = aibom_arena__printf(&c->f->arena, "%s%s%s.ts", best->dir,
		best->dir[0] && !aibom__has_suffix(best->dir, "/") && spec[prefix_len] ? "/" : "", spec + prefix_len)) == NULL)
		return NULL;
	{
		static const char *const exts[] = {".js.ts", ".mjs.ts", ".jsx.ts", ".ts.ts", ".tsx.ts", NULL};
		const char *const *e;
		for (e = exts; *e; e++)
			if (aibom__has_suffix(path, *e)) {
				strcpy(path + strlen(path) - strlen(*e), ".ts");
				break;
			}
	}
	if ((mod = aibom_lang__module_name(path, &pkg)) == NULL)
		return NULL;
	out = aibom_arena__strdup(&c->f->arena, mod);
	free(mod);
	return out;
}

/* The module a specifier names: "openai", "@ai-sdk/openai", or for a relative one the dotted
 * module of the repository ("./llm" from app/api/route.ts -> "app.api.llm"). */
static const char *module_of(ctx *c, const char *spec)
{
	aibom_facts *f = c->f;
	char *base, *out, *p;
	const char *rest = spec;

	const char *mapped = path_alias(c, spec);

	if (mapped)
		return mapped;
	if (aibom__has_prefix(spec, "@/") || aibom__has_prefix(spec, "~/")) {
		base = aibom_arena__strdup(&f->arena, "");
		rest = spec + 2;
	} else if (spec[0] == '.') {
		base = aibom_arena__strdup(&f->arena, f->module ? f->module : "");
		if (base && !f->is_package) { /* a file's siblings live in its folder */
			char *dot = strrchr(base, '.');
			if (dot)
				*dot = '\0';
			else
				base[0] = '\0';
		}
		while (base && rest[0] == '.') {
			if (aibom__has_prefix(rest, "./")) {
				rest += 2;
			} else if (aibom__has_prefix(rest, "../")) {
				char *dot = strrchr(base, '.');
				if (dot)
					*dot = '\0';
				else
					base[0] = '\0';
				rest += 3;
			} else {
				break;
			}
		}
	} else {
		return spec; /* a package: its name is its module */
	}
	if (base == NULL)
		return NULL;
	out = aibom_arena__printf(&f->arena, "%s%s%s", base, base[0] && rest[0] ? "." : "", rest);
	if (out == NULL)
		return NULL;
	for (p = out; *p; p++)
		if (*p == '/')
			*p = '.';
	/* "./llm.js" names llm.ts as often as llm.js */
	{
		static const char *const exts[] = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", NULL};
		const char *const *e;
		for (e = exts; *e; e++)
			if (aibom__has_suffix(out, *e)) {
				out[strlen(out) - strlen(*e)] = '\0';
				break;
			}
	}
	return out;
}

static int add_import(ctx *c, const char *alias, const char *target, uint32_t line)
{
	aibom_import *imp;

	if (alias == NULL || target == NULL)
		return 0;
	if ((imp = aibom_vec__push(&c->f->imports)) == NULL)
		return -1;
	imp->alias = alias;
	imp->target = target;
	imp->full = target;
	imp->line = line;
	return 0;
}

static const char *string_value(ctx *c, TSNode s)
{
	aibom_expr *e = conv_string(c, s, 0);
	return e && e->kind == EXPR_STR ? e->text : NULL;
}

/* { a, b as c } of an import or a re-export: each name bound to MOD.name */
static int specifiers(ctx *c, TSNode list, const char *type, const char *mod, uint32_t line)
{
	uint32_t k;

	for (k = 0; k < ts_node_named_child_count(list); k++) {
		TSNode spec = ts_node_named_child(list, k);
		TSNode name = ts_node_child_by_field_name(spec, "name", 4);
		TSNode alias = ts_node_child_by_field_name(spec, "alias", 5);
		const char *nm;
		if (!is(spec, type) || ts_node_is_null(name))
			continue;
		nm = is(name, "string") ? string_value(c, name) : node_text(c, name, 0);
		if (add_import(c, ts_node_is_null(alias) ? nm : node_text(c, alias, 0),
			aibom_arena__printf(&c->f->arena, "%s.%s", mod, nm), line) < 0)
			return -1;
	}
	return 0;
}

static int import_statement(ctx *c, TSNode n)
{
	TSNode source = ts_node_child_by_field_name(n, "source", 6);
	uint32_t i, j, line = ts_node_start_point(n).row + 1;
	const char *mod = ts_node_is_null(source) ? NULL : string_value(c, source);

	if (mod == NULL || (mod = module_of(c, mod)) == NULL)
		return 0;
	for (i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode clause = ts_node_named_child(n, i);
		if (!is(clause, "import_clause"))
			continue;
		for (j = 0; j < ts_node_named_child_count(clause); j++) {
			TSNode x = ts_node_named_child(clause, j);
			if (is(x, "identifier")) {
				if (add_import(c, node_text(c, x, 0), aibom_arena__printf(&c->f->arena, "%s.default", mod), line) < 0)
					return -1;
			} else if (is(x, "namespace_import") && ts_node_named_child_count(x)) {
				if (add_import(c, node_text(c, ts_node_named_child(x, 0), 0), mod, line) < 0)
					return -1;
			} else if (is(x, "named_imports") && specifiers(c, x, "import_specifier", mod, line) < 0) {
				return -1;
			}
		}
	}
	return 0;
}

/* export { a as b } from "m" binds b to m.a in this module, as an import would, so that a barrel
 * file (index.ts) leads to the module that defines the name; export * from "m" reads every name
 * of m (a star import); export * as ns from "m" binds ns to the module. */
static int reexport(ctx *c, TSNode n)
{
	TSNode source = ts_node_child_by_field_name(n, "source", 6);
	uint32_t i, line = ts_node_start_point(n).row + 1;
	const char *mod = ts_node_is_null(source) ? NULL : string_value(c, source);
	bool clause = false;

	if (mod == NULL || (mod = module_of(c, mod)) == NULL)
		return 0;
	for (i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode x = ts_node_named_child(n, i);
		if (is(x, "namespace_export") && ts_node_named_child_count(x)) {
			TSNode nm = ts_node_named_child(x, 0);
			clause = true;
			if (add_import(c, is(nm, "string") ? string_value(c, nm) : node_text(c, nm, 0), mod, line) < 0)
				return -1;
		} else if (is(x, "export_clause")) {
			clause = true;
			if (specifiers(c, x, "export_specifier", mod, line) < 0)
				return -1;
		}
	}
	if (!clause) { /* export * from "m" */
		aibom_import *imp;
		if (add_import(c, "*", mod, line) < 0)
			return -1;
		imp = aibom_vec__at(&c->f->imports, aibom_import, c->f->imports.count - 1);
		imp->star = true;
	}
	return 0;
}

/* const X = require("m") / const { A, B: C } = require("m") / const { A } = await import("m") */
static int require_declaration(ctx *c, TSNode decl)
{
	TSNode name = ts_node_child_by_field_name(decl, "name", 4);
	TSNode value = ts_node_child_by_field_name(decl, "value", 5);
	TSNode fn, args;
	const char *mod;
	uint32_t i, line = ts_node_start_point(decl).row + 1;

	bool dynamic;

	if (ts_node_is_null(name) || ts_node_is_null(value))
		return 0;
	if (is(value, "await_expression") && ts_node_named_child_count(value))
		value = ts_node_named_child(value, 0);
	fn = ts_node_child_by_field_name(value, "function", 8);
	args = ts_node_child_by_field_name(value, "arguments", 9);
	if (ts_node_is_null(fn) || ts_node_is_null(args) || ts_node_named_child_count(args) != 1)
		return 0;
	dynamic = is(fn, "import");
	if (!dynamic && strcmp(node_text(c, fn, 16), "require"))
		return 0;
	if ((mod = string_value(c, ts_node_named_child(args, 0))) == NULL || (mod = module_of(c, mod)) == NULL)
		return 0;
	/* require("m") is the module's default export; await import("m") its namespace */
	if (is(name, "identifier"))
		return add_import(c, node_text(c, name, 0), dynamic ? mod : aibom_arena__printf(&c->f->arena, "%s.default", mod), line);
	if (!is(name, "object_pattern"))
		return 0;
	for (i = 0; i < ts_node_named_child_count(name); i++) {
		TSNode p = ts_node_named_child(name, i);
		if (is(p, "shorthand_property_identifier_pattern")) {
			const char *nm = node_text(c, p, 0);
			if (add_import(c, nm, aibom_arena__printf(&c->f->arena, "%s.%s", mod, nm), line) < 0)
				return -1;
		} else if (is(p, "pair_pattern")) {
			TSNode k = ts_node_child_by_field_name(p, "key", 3), v = ts_node_child_by_field_name(p, "value", 5);
			if (!ts_node_is_null(k) && !ts_node_is_null(v) && is(v, "identifier") &&
			    add_import(c, node_text(c, v, 0), aibom_arena__printf(&c->f->arena, "%s.%s", mod,
				node_text(c, k, 0)), line) < 0)
				return -1;
		}
	}
	return 0;
}

static int import_match(ctx *c, const TSQueryMatch *m, const TSQuery *query)
{
	uint16_t k;

	for (k = 0; k < m->capture_count; k++) {
		uint32_t nlen;
		const char *cn = ts_query_capture_name_for_id(query, m->captures[k].index, &nlen);
		TSNode n = m->captures[k].node;
		if (strcmp(cn, "import"))
			continue;
		if (is(n, "import_statement"))
			return import_statement(c, n);
		if (is(n, "export_statement"))
			return reexport(c, n);
		if (is(n, "variable_declarator"))
			return require_declaration(c, n);
	}
	return 0;
}

/* x = ... and this.x = ... (kept as "self.x", the name the resolver gives instance attributes);
 * `const x = require("m")` is an import, not a binding */
static const char *assign_target(ctx *c, TSNode left, TSNode right)
{
	if (is(right, "await_expression") && ts_node_named_child_count(right))
		right = ts_node_named_child(right, 0);
	if (is(right, "call_expression")) {
		TSNode fn = ts_node_child_by_field_name(right, "function", 8);
		if (!ts_node_is_null(fn) && (is(fn, "import") ||
		    (is(fn, "identifier") && !strcmp(node_text(c, fn, 16), "require"))))
			return NULL;
	}
	if (is(left, "identifier"))
		return node_text(c, left, 0);
	if (is(left, "member_expression")) {
		TSNode obj = ts_node_child_by_field_name(left, "object", 6);
		TSNode prop = ts_node_child_by_field_name(left, "property", 8);
		if (!ts_node_is_null(obj) && !ts_node_is_null(prop) && is(obj, "this"))
			return aibom_arena__printf(&c->f->arena, "self.%s", node_text(c, prop, 0));
	}
	return NULL;
}

const aibom_lang aibom_lang_javascript = {
	"javascript", tree_sitter_javascript, aibom_embed_javascript_facts_scm,
	conv, string_fact, read_params, import_match, assign_target, NULL, NULL,
	"javascript", 0,
};

const aibom_lang aibom_lang_typescript = {
	"typescript", tree_sitter_typescript, aibom_embed_javascript_facts_scm,
	conv, string_fact, read_params, import_match, assign_target, NULL, NULL,
	"javascript", 0,
};

const aibom_lang aibom_lang_tsx = {
	"tsx", tree_sitter_tsx, aibom_embed_javascript_facts_scm,
	conv, string_fact, read_params, import_match, assign_target, NULL, NULL,
	"javascript", 0,
};

/*
 * python.c - Python facts: runs lib/lang/python/facts.scm over a tree-sitter-python tree and turns
 * its captures into definitions, imports, bindings, calls, returns and string literals.
 *
 * Where the facts are comes from the query; what an expression means (a name, an attribute, a
 * call, a literal) needs the grammar's expression node types, and that small table is the one
 * piece of grammar knowledge kept here. Expressions are converted with a depth cap, so a file of
 * deeply nested brackets yields an EXPR_UNKNOWN, never a deep stack.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "embedded.h"

#define EXPR_DEPTH_MAX 24
#define UNKNOWN_TEXT_MAX 80

const TSLanguage *tree_sitter_python(void);

typedef aibom_xctx ctx;
#define node_text aibom_x__text
#define is aibom_x__is
#define new_expr aibom_x__expr

static aibom_expr *conv(ctx *c, TSNode n, int depth);

/* The text of a string's content: raw strings (r"...") as written, others unescaped. */
static const char *content(ctx *c, const char *s, size_t n, bool raw)
{
	return raw ? aibom_arena__strndup(&c->f->arena, s, n) : aibom_x__unescape(c, s, n);
}

/* A string node: EXPR_STR when plain, EXPR_FSTR (literal chunks + interpolations) otherwise. */
static aibom_expr *conv_string(ctx *c, TSNode n, int depth)
{
	uint32_t i, count = ts_node_named_child_count(n), nparts = 0, ninterp = 0;
	bool raw = false, bytes = false;
	aibom_expr *e;
	aibom_str acc = AIBOM_STR_INIT;

	for (i = 0; i < count; i++) {
		TSNode ch = ts_node_named_child(n, i);
		if (is(ch, "string_start")) {
			const char *t = c->src + ts_node_start_byte(ch);
			uint32_t k, l = ts_node_end_byte(ch) - ts_node_start_byte(ch);
			for (k = 0; k < l && t[k] != '"' && t[k] != '\''; k++) {
				if (t[k] == 'r' || t[k] == 'R')
					raw = true;
				if (t[k] == 'b' || t[k] == 'B')
					bytes = true;
			}
		} else if (is(ch, "interpolation")) {
			ninterp++;
		}
	}
	if (bytes)
		return new_expr(c, EXPR_UNKNOWN, n);
	if (ninterp == 0) {
		for (i = 0; i < count; i++) {
			TSNode ch = ts_node_named_child(n, i);
			if (is(ch, "string_content"))
				aibom_str__put(&acc, c->src + ts_node_start_byte(ch),
					ts_node_end_byte(ch) - ts_node_start_byte(ch));
		}
		e = new_expr(c, EXPR_STR, n);
		if (e)
			e->text = content(c, aibom_str__cstr(&acc), acc.size, raw);
		aibom_str__free(&acc);
		return e;
	}
	e = new_expr(c, EXPR_FSTR, n);
	if (e == NULL)
		return NULL;
	e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * count);
	if (e->args == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode ch = ts_node_named_child(n, i);
		if (is(ch, "string_content")) {
			aibom_expr *part = new_expr(c, EXPR_STR, ch);
			if (part == NULL)
				return NULL;
			part->text = content(c, c->src + ts_node_start_byte(ch),
				ts_node_end_byte(ch) - ts_node_start_byte(ch), raw);
			e->args[nparts++].value = part;
		} else if (is(ch, "interpolation")) {
			TSNode x = ts_node_child_by_field_name(ch, "expression", 10);
			e->args[nparts++].value = ts_node_is_null(x) ? new_expr(c, EXPR_UNKNOWN, ch) :
				conv(c, x, depth + 1);
		}
	}
	e->nargs = nparts;
	return e;
}

static aibom_expr *conv_call(ctx *c, TSNode n, int depth)
{
	TSNode fn = ts_node_child_by_field_name(n, "function", 8);
	TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
	aibom_expr *e = new_expr(c, EXPR_CALL, n);
	uint32_t i, count;

	if (e == NULL)
		return NULL;
	e->a = ts_node_is_null(fn) ? new_expr(c, EXPR_UNKNOWN, n) : conv(c, fn, depth + 1);
	if (ts_node_is_null(args) || !is(args, "argument_list"))
		return e;
	count = ts_node_named_child_count(args);
	e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count ? count : 1));
	if (e->args == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (is(a, "keyword_argument")) {
			TSNode name = ts_node_child_by_field_name(a, "name", 4);
			TSNode value = ts_node_child_by_field_name(a, "value", 5);
			if (ts_node_is_null(name) || ts_node_is_null(value))
				continue;
			e->args[e->nargs].kw = node_text(c, name, 0);
			e->args[e->nargs++].value = conv(c, value, depth + 1);
		} else if (is(a, "comment")) {
			continue;
		} else if (is(a, "list_splat") || is(a, "dictionary_splat")) {
			/* *args / **kwargs: positions after this are unknown; keep them as unknown values */
			e->args[e->nargs].kw = is(a, "dictionary_splat") ? "**" : NULL;
			e->args[e->nargs++].value = new_expr(c, EXPR_UNKNOWN, a);
		} else {
			e->args[e->nargs++].value = conv(c, a, depth + 1);
		}
	}
	return e;
}

/* Bounded recursion over one expression: depth is capped at EXPR_DEPTH_MAX. */
static aibom_expr *conv(ctx *c, TSNode n, int depth)
{
	static const char *const concat[] = {"+", NULL}, *const or_ops[] = {"or", NULL};
	const char *type = ts_node_type(n);

	if (depth > EXPR_DEPTH_MAX)
		return aibom_x__unknown(c, n);
	if (!strcmp(type, "identifier"))
		return aibom_x__name(c, n);
	if (!strcmp(type, "attribute"))
		return aibom_x__fields(c, conv, EXPR_ATTR, n, "object", NULL, "attribute", depth);
	if (!strcmp(type, "call"))
		return conv_call(c, n, depth);
	if (!strcmp(type, "string"))
		return conv_string(c, n, depth);
	if (!strcmp(type, "concatenated_string"))
		return aibom_x__children(c, conv, EXPR_FSTR, n, depth);
	if (!strcmp(type, "binary_operator") || !strcmp(type, "boolean_operator"))
		return aibom_x__binary(c, conv, n, concat, or_ops, depth);
	if (!strcmp(type, "true") || !strcmp(type, "false") || !strcmp(type, "none") ||
	    !strcmp(type, "integer") || !strcmp(type, "float")) {
		return aibom_x__const(c, n);
	}
	if (!strcmp(type, "subscript"))
		return aibom_x__fields(c, conv, EXPR_SUBSCRIPT, n, "value", "subscript", NULL, depth);
	if (!strcmp(type, "list") || !strcmp(type, "tuple") || !strcmp(type, "set") ||
	    !strcmp(type, "dictionary"))
		return aibom_x__children(c, conv, EXPR_LIST, n, depth);
	if (!strcmp(type, "await") || !strcmp(type, "parenthesized_expression"))
		return aibom_x__wrap(c, conv, n, depth);
	return aibom_x__unknown(c, n);
}

/* The class a parameter's annotation names: `x: Foo`, `x: Optional[Foo]`, `x: Foo | None`. */
static aibom_expr *annotation(ctx *c, TSNode param)
{
	TSNode t = ts_node_child_by_field_name(param, "type", 4);
	aibom_expr *e;

	if (ts_node_is_null(t) || ts_node_named_child_count(t) == 0)
		return NULL;
	e = conv(c, ts_node_named_child(t, 0), 0);
	while (e && e->kind == EXPR_SUBSCRIPT && e->a && e->a->kind == EXPR_NAME && !strcmp(e->a->text, "Optional"))
		e = e->b;
	if (e && e->kind == EXPR_SUBSCRIPT && e->a && e->a->kind == EXPR_ATTR && !strcmp(e->a->text, "Optional"))
		e = e->b;
	return e && (e->kind == EXPR_NAME || e->kind == EXPR_ATTR) ? e : NULL;
}

static void read_params(ctx *c, aibom_def *d, TSNode params)
{
	uint32_t i, count = ts_node_named_child_count(params);

	d->params = aibom_arena__alloc(&c->f->arena, sizeof(aibom_param) * (count ? count : 1));
	if (d->params == NULL)
		return;
	for (i = 0; i < count; i++) {
		TSNode p = ts_node_named_child(params, i);
		aibom_param *out = &d->params[d->nparams];
		if (is(p, "identifier")) {
			out->name = node_text(c, p, 0);
		} else if (is(p, "default_parameter") || is(p, "typed_default_parameter")) {
			TSNode name = ts_node_child_by_field_name(p, "name", 4);
			TSNode value = ts_node_child_by_field_name(p, "value", 5);
			if (ts_node_is_null(name) || !is(name, "identifier"))
				continue;
			out->name = node_text(c, name, 0);
			if (!ts_node_is_null(value))
				out->default_value = conv(c, value, 0);
			out->annotation = annotation(c, p);
		} else if (is(p, "typed_parameter") && ts_node_named_child_count(p) > 0 &&
			   is(ts_node_named_child(p, 0), "identifier")) {
			out->name = node_text(c, ts_node_named_child(p, 0), 0);
			out->annotation = annotation(c, p);
		} else {
			continue;
		}
		d->nparams++;
	}
}

static int import_match(ctx *cx, const TSQueryMatch *m, const TSQuery *query)
{
	aibom_xctx c = *cx;
	aibom_facts *f = c.f;
	TSNode imod = {0}, ialias = {0}, ifrom = {0}, iname = {0};
	bool star = false;
	uint16_t k;

	for (k = 0; k < m->capture_count; k++) {
		uint32_t nlen;
		const char *cn = ts_query_capture_name_for_id(query, m->captures[k].index, &nlen);
		TSNode n = m->captures[k].node;
		if (!strcmp(cn, "import.module"))
			imod = n;
		else if (!strcmp(cn, "import.alias"))
			ialias = n;
		else if (!strcmp(cn, "import.from"))
			ifrom = n;
		else if (!strcmp(cn, "import.name"))
			iname = n;
		else if (!strcmp(cn, "import.star"))
			star = true;
	}
	{
			aibom_import *imp;
			const char *from = NULL;

			if (!ts_node_is_null(ifrom)) {
				const char *t = node_text(&c, ifrom, 0);
				size_t dots = strspn(t, ".");
				if (dots) {
					/* relative: resolve against this module's package */
					char *base = aibom_arena__strdup(&f->arena, f->module ? f->module : "");
					size_t up = dots - (f->is_package ? 1 : 0), u;
					for (u = 0; base && u < up; u++) {
						char *dot = strrchr(base, '.');
						if (dot)
							*dot = '\0';
						else
							base[0] = '\0';
					}
					if (base && base[0])
						from = t[dots] ? aibom_arena__printf(&f->arena, "%s.%s", base, t + dots) : base;
					else
						from = t[dots] ? t + dots : "";
				} else {
					from = t;
				}
			}
			if ((imp = aibom_vec__push(&f->imports)) == NULL)
				return -1;
			imp->line = ts_node_start_point(m->captures[0].node).row + 1;
			if (star) {
				imp->star = true;
				imp->alias = "*";
				imp->target = from;
			} else if (from) {
				const char *nm = ts_node_is_null(iname) ? "" : node_text(&c, iname, 0);
				imp->alias = ts_node_is_null(ialias) ? nm : node_text(&c, ialias, 0);
				imp->target = from[0] ? aibom_arena__printf(&f->arena, "%s.%s", from, nm) : nm;
			} else if (!ts_node_is_null(imod)) {
				const char *mod = node_text(&c, imod, 0);
				if (!ts_node_is_null(ialias)) {
					imp->alias = node_text(&c, ialias, 0);
					imp->target = mod;
				} else {
					/* import a.b binds a */
					const char *dot = strchr(mod, '.');
					imp->alias = dot ? aibom_arena__strndup(&f->arena, mod, (size_t)(dot - mod)) : mod;
					imp->target = imp->alias;
				}
				imp->full = mod;
			} else {
				f->imports.count--;
			}
	}
	return 0;
}

static const char *assign_target(ctx *c, TSNode left, TSNode right)
{
	(void)right;
	if (is(left, "identifier"))
		return node_text(c, left, 0);
	if (is(left, "attribute")) {
		TSNode obj = ts_node_child_by_field_name(left, "object", 6);
		if (!ts_node_is_null(obj) && is(obj, "identifier"))
			return node_text(c, left, 0);
	}
	return NULL;
}

/* if __name__ == "__main__": the condition is checked here, predicates being ours to evaluate */
static bool is_main(ctx *c, TSNode n)
{
	TSNode cond = ts_node_child_by_field_name(n, "condition", 9);
	const char *t = ts_node_is_null(cond) ? NULL : node_text(c, cond, 200);
	return t && strstr(t, "__name__") && strstr(t, "__main__");
}

static aibom_expr *string_fact(ctx *c, TSNode n)
{
	return conv_string(c, n, 0);
}

char *aibom_lang__module_name(const char *path, bool *is_package)
{
	static const char *const exts[] = {".py", ".pyi", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts",
		".tsx", NULL};
	static const char *const inits[] = {"__init__", "index", NULL};
	const char *const *e;
	size_t n = strlen(path);
	const char *start = path;
	char *out, *p;

	*is_package = false;
	for (e = exts; *e; e++)
		if (aibom__has_suffix(path, *e) && !aibom__has_suffix(path, ".d.ts"))
			break;
	if (*e == NULL)
		return aibom__strdup("");
	n -= strlen(*e);
	if (aibom__has_prefix(path, "src/")) {
		start += 4;
		n -= 4;
	}
	if ((out = malloc(n + 1)) == NULL) {
		aibom_error__oom();
		return NULL;
	}
	memcpy(out, start, n);
	out[n] = '\0';
	for (p = out; *p; p++)
		if (*p == '/')
			*p = '.';
	for (e = inits; *e; e++) {
		size_t l = strlen(out), k = strlen(*e);
		if (!strcmp(*e, "index") && aibom__has_suffix(path, ".py"))
			continue; /* index.py is an ordinary module; index.ts is its folder's */
		if (l >= k && !strcmp(out + l - k, *e) && (l == k || out[l - k - 1] == '.')) {
			*is_package = true;
			out[l > k ? l - k - 1 : 0] = '\0';
			break;
		}
	}
	return out;
}

const aibom_lang aibom_lang_python = {
	"python",
	tree_sitter_python,
	aibom_embed_python_facts_scm,
	conv,
	string_fact,
	read_params,
	import_match,
	assign_target,
	is_main,
	NULL,
	"python",
	0,
};

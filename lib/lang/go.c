/*
 * go.c - Go facts: the hooks of lib/lang/extract.c for tree-sitter-go (lib/lang/go/facts.scm).
 *
 * An imported package is named by its import path ("github.com/sashabaranov/go-openai"), so rules
 * spell `github.com/sashabaranov/go-openai.NewClient`. The name a file uses for it is the import's
 * alias, or else the package name guessed from the path ("go-openai" -> "openai", "echo/v4" ->
 * "echo"). A path inside a module of the repository (go.mod, see aibom_path_alias) names the
 * package's folder instead, as a dotted module. A composite literal `T{Model: x}` is a call of T
 * with its keyed fields as keyword arguments, and a method is a member of its receiver's type.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "embedded.h"

#define EXPR_DEPTH_MAX 24
#define UNKNOWN_TEXT_MAX 80

const TSLanguage *tree_sitter_go(void);

typedef aibom_xctx ctx;
#define node_text aibom_x__text
#define is aibom_x__is
#define new_expr aibom_x__expr
#define field aibom_x__field

static aibom_expr *conv(ctx *c, TSNode n, int depth);

/* "interpreted \"string\"" and `raw string`: the text of the content children, escapes decoded */
static aibom_expr *conv_string(ctx *c, TSNode n)
{
	static const char *const text[] = {"interpreted_string_literal_content", "raw_string_literal_content", NULL};
	return aibom_x__string(c, n, text);
}

/* f(a, b...) */
static aibom_expr *conv_call(ctx *c, TSNode n, int depth)
{
	TSNode fn = field(n, "function"), args = field(n, "arguments");
	aibom_expr *e = new_expr(c, EXPR_CALL, n);
	uint32_t i, count;

	if (e == NULL)
		return NULL;
	e->a = ts_node_is_null(fn) ? aibom_x__unknown(c, n) : conv(c, fn, depth + 1);
	if (ts_node_is_null(args))
		return e;
	count = ts_node_named_child_count(args);
	if ((e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count ? count : 1))) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (is(a, "comment"))
			continue;
		/* f(xs...): later positions unknown; the slice is kept for option searches */
		if (is(a, "variadic_argument")) {
			aibom_expr *u = new_expr(c, EXPR_UNKNOWN, a);
			if (u && ts_node_named_child_count(a))
				u->a = conv(c, ts_node_named_child(a, 0), depth + 1);
			e->args[e->nargs++].value = u;
		} else {
			e->args[e->nargs++].value = conv(c, a, depth + 1);
		}
	}
	return e;
}

/* T{A: x, B: y} -> a call of T with keyword arguments; []T{a, b} and map literals -> a list */
static aibom_expr *conv_composite(ctx *c, TSNode n, int depth)
{
	TSNode type = field(n, "type"), body = field(n, "body");
	bool typed = !ts_node_is_null(type) && (is(type, "qualified_type") || is(type, "type_identifier") ||
		is(type, "generic_type"));
	aibom_expr *e = new_expr(c, typed ? EXPR_CALL : EXPR_LIST, n);
	uint32_t i, count;

	if (e == NULL)
		return NULL;
	if (typed)
		e->a = conv(c, type, depth + 1);
	if (ts_node_is_null(body))
		return e;
	count = ts_node_named_child_count(body);
	if ((e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count ? count : 1))) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode el = ts_node_named_child(body, i);
		if (is(el, "keyed_element")) {
			TSNode k = field(el, "key"), v = field(el, "value");
			if (ts_node_is_null(k) || ts_node_is_null(v))
				continue;
			if (ts_node_named_child_count(k))
				k = ts_node_named_child(k, 0);
			if (ts_node_named_child_count(v))
				v = ts_node_named_child(v, 0);
			e->args[e->nargs].kw = is(k, "identifier") || is(k, "field_identifier") ? node_text(c, k, 0) : NULL;
			e->args[e->nargs++].value = conv(c, v, depth + 1);
		} else if (is(el, "literal_element") && ts_node_named_child_count(el)) {
			e->args[e->nargs++].value = conv(c, ts_node_named_child(el, 0), depth + 1);
		}
	}
	return e;
}

static aibom_expr *conv(ctx *c, TSNode n, int depth)
{
	static const char *const concat[] = {"+", NULL}, *const or_ops[] = {NULL};
	const char *type = ts_node_type(n);

	if (depth > EXPR_DEPTH_MAX)
		return aibom_x__unknown(c, n);
	if (!strcmp(type, "identifier") || !strcmp(type, "field_identifier") ||
	    !strcmp(type, "package_identifier") || !strcmp(type, "type_identifier"))
		return aibom_x__name(c, n);
	if (!strcmp(type, "selector_expression"))
		return aibom_x__fields(c, conv, EXPR_ATTR, n, "operand", NULL, "field", depth);
	if (!strcmp(type, "qualified_type"))
		return aibom_x__fields(c, conv, EXPR_ATTR, n, "package", NULL, "name", depth);
	if (!strcmp(type, "call_expression"))
		return conv_call(c, n, depth);
	if (!strcmp(type, "composite_literal"))
		return conv_composite(c, n, depth);
	if (!strcmp(type, "func_literal"))
		return new_expr(c, EXPR_FUNC, n);
	if (!strcmp(type, "interpreted_string_literal") || !strcmp(type, "raw_string_literal"))
		return conv_string(c, n);
	if (!strcmp(type, "binary_expression"))
		return aibom_x__binary(c, conv, n, concat, or_ops, depth);
	if (!strcmp(type, "index_expression"))
		return aibom_x__fields(c, conv, EXPR_SUBSCRIPT, n, "operand", "index", NULL, depth);
	if (!strcmp(type, "true") || !strcmp(type, "false") || !strcmp(type, "nil") ||
	    !strcmp(type, "int_literal") || !strcmp(type, "float_literal")) {
		return aibom_x__const(c, n);
	}
	if (!strcmp(type, "generic_type"))
		return ts_node_is_null(field(n, "type")) ? aibom_x__unknown(c, n) : conv(c, field(n, "type"), depth + 1);
	/* &T{...}, *p, (x), x.(T), T(x): the value of the operand */
	if (!strcmp(type, "unary_expression")) {
		TSNode op = field(n, "operator"), operand = field(n, "operand");
		if (!ts_node_is_null(op) && !ts_node_is_null(operand) && (is(op, "&") || is(op, "*")))
			return aibom_x__wrap(c, conv, n, depth);
		return aibom_x__unknown(c, n);
	}
	if (!strcmp(type, "parenthesized_expression") || !strcmp(type, "pointer_type"))
		return aibom_x__wrap(c, conv, n, depth);
	if (!strcmp(type, "type_assertion_expression") || !strcmp(type, "type_conversion_expression"))
		return aibom_x__wrap_field(c, conv, n, "operand", depth);
	return aibom_x__unknown(c, n);
}

static aibom_expr *string_fact(ctx *c, TSNode n)
{
	return conv_string(c, n);
}

/* (a, b string, opts ...Option): every name of a declaration gets its type as annotation.
 * Parameters are appended, so a method's receiver, read first, keeps its place. */
static void read_params(ctx *c, aibom_def *d, TSNode params)
{
	uint32_t i, j, count = ts_node_named_child_count(params), names = 0;
	aibom_param *np;

	for (i = 0; i < count; i++)
		names += ts_node_child_count(ts_node_named_child(params, i));
	if ((np = aibom_arena__alloc(&c->f->arena, sizeof(aibom_param) * (d->nparams + names + 1))) == NULL)
		return;
	if (d->nparams)
		memcpy(np, d->params, sizeof(aibom_param) * d->nparams);
	d->params = np;
	for (i = 0; i < count; i++) {
		TSNode p = ts_node_named_child(params, i);
		TSNode type = field(p, "type");
		aibom_expr *ann;
		if (!is(p, "parameter_declaration") && !is(p, "variadic_parameter_declaration"))
			continue;
		ann = ts_node_is_null(type) || is(p, "variadic_parameter_declaration") ? NULL : conv(c, type, 0);
		for (j = 0; j < ts_node_child_count(p); j++) {
			const char *fname = ts_node_field_name_for_child(p, j);
			TSNode nm = ts_node_child(p, j);
			if (fname == NULL || strcmp(fname, "name") || !is(nm, "identifier"))
				continue;
			d->params[d->nparams].name = node_text(c, nm, 0);
			d->params[d->nparams].default_value = NULL;
			d->params[d->nparams++].annotation = ann;
		}
	}
}

/* func (s *Server) Handle(...): S is bound to an instance of Server in the method */
static void read_receiver(ctx *c, aibom_def *d, TSNode receiver)
{
	TSNode p, type, name;

	if (ts_node_named_child_count(receiver) == 0)
		return;
	p = ts_node_named_child(receiver, 0);
	type = field(p, "type");
	name = field(p, "name");
	while (!ts_node_is_null(type) && (is(type, "pointer_type") || is(type, "generic_type")))
		type = is(type, "generic_type") ? field(type, "type") : ts_node_named_child(type, 0);
	if (ts_node_is_null(type) || !is(type, "type_identifier"))
		return;
	d->receiver = node_text(c, type, 0);
	if (!ts_node_is_null(name))
		d->self_name = node_text(c, name, 0);
}

/* The name a package is used by when imported without an alias: the last element of its path,
 * without a major version ("/v2"), a "go-" prefix or "-go" / ".go" suffix, or a ".vN" of
 * gopkg.in, up to the first '-' ("anthropic-sdk-go" -> "anthropic"). */
static const char *package_name(ctx *c, const char *path)
{
	const char *end = path + strlen(path), *start;
	size_t n;
	char *out, *dash;

	for (;;) {
		start = end;
		while (start > path && start[-1] != '/')
			start--;
		if (end - start >= 2 && start[0] == 'v' && isdigit((unsigned char)start[1]) && start > path &&
		    strspn(start + 1, "0123456789") == (size_t)(end - start - 1)) {
			end = start - 1;
			continue;
		}
		break;
	}
	n = (size_t)(end - start);
	if (n > 3 && !strncmp(start, "go-", 3)) {
		start += 3;
		n -= 3;
	}
	if (n > 3 && (!strncmp(start + n - 3, "-go", 3) || !strncmp(start + n - 3, ".go", 3)))
		n -= 3;
	if ((out = aibom_arena__strndup(&c->f->arena, start, n)) == NULL)
		return NULL;
	if ((dash = strchr(out, '.')) != NULL && dash[1] == 'v') /* gopkg.in/yaml.v3 */
		*dash = '\0';
	if ((dash = strchr(out, '-')) != NULL && dash != out)
		*dash = '\0';
	return out;
}

/* The module an import path names: a folder of the repository when a go.mod of the repository
 * declares a prefix of it, else the path itself. */
static const char *module_of(ctx *c, const char *path)
{
	size_t i, best = 0;
	const aibom_path_alias *hit = NULL;
	char *out, *p;
	const char *rest;

	for (i = 0; i < c->f->naliases; i++) {
		const aibom_path_alias *a = &c->f->aliases[i];
		size_t n = strlen(a->prefix);
		if (a->kind != AIBOM_ALIAS_GO_MODULE || n <= best || strncmp(path, a->prefix, n) ||
		    (path[n] != '\0' && path[n] != '/'))
			continue;
		best = n;
		hit = a;
	}
	if (hit == NULL)
		return path;
	rest = path + best + (path[best] == '/');
	out = aibom_arena__printf(&c->f->arena, "%s%s%s", hit->dir, hit->dir[0] && rest[0] ? "/" : "", rest);
	for (p = out; p && *p; p++)
		if (*p == '/')
			*p = '.';
	return out;
}

static int import_match(ctx *c, const TSQueryMatch *m, const TSQuery *query)
{
	uint16_t k;

	for (k = 0; k < m->capture_count; k++) {
		TSNode n = m->captures[k].node, name, path;
		aibom_expr *pe;
		aibom_import *imp;
		const char *alias;

		if (!is(n, "import_spec"))
			continue;
		name = field(n, "name");
		path = field(n, "path");
		if (ts_node_is_null(path) || (pe = conv_string(c, path)) == NULL || pe->text == NULL || !pe->text[0])
			return 0;
		if (!ts_node_is_null(name) && is(name, "blank_identifier"))
			return 0; /* import _ "pkg": run for its side effects, no name */
		alias = ts_node_is_null(name) ? package_name(c, pe->text) : node_text(c, name, 0);
		if (alias == NULL || (imp = aibom_vec__push(&c->f->imports)) == NULL)
			return -1;
		imp->target = module_of(c, pe->text);
		imp->full = imp->target;
		imp->alias = alias;
		imp->line = ts_node_start_point(n).row + 1;
		imp->star = !ts_node_is_null(name) && is(name, "dot");
		(void)query;
		return imp->target ? 0 : -1;
	}
	return 0;
}

/* x = ..., and s.x = ... inside a method whose receiver is s (kept as "self.x"); a keyed field
 * of a composite literal of a type of the package, T{client: c}, is "T{}.client": what an
 * instance of T may hold */
static const char *assign_target(ctx *c, TSNode left, TSNode right)
{
	(void)right;
	if (is(left, "identifier") && is(ts_node_parent(left), "literal_element")) {
		TSNode lit = ts_node_parent(ts_node_parent(ts_node_parent(ts_node_parent(left))));
		TSNode type = ts_node_is_null(lit) ? lit : field(lit, "type");
		if (ts_node_is_null(type) || !is(type, "type_identifier"))
			return NULL;
		return aibom_arena__printf(&c->f->arena, "%s{}.%s", node_text(c, type, 0), node_text(c, left, 0));
	}
	if (is(left, "identifier") || is(left, "field_identifier"))
		return node_text(c, left, 0);
	if (is(left, "selector_expression")) {
		TSNode obj = field(left, "operand"), prop = field(left, "field");
		if (!ts_node_is_null(obj) && !ts_node_is_null(prop) && is(obj, "identifier"))
			return aibom_arena__printf(&c->f->arena, "%s.%s", node_text(c, obj, 0), node_text(c, prop, 0));
	}
	return NULL;
}

const aibom_lang aibom_lang_go = {
	"go", tree_sitter_go, aibom_embed_go_facts_scm,
	conv, string_fact, read_params, import_match, assign_target, NULL, read_receiver,
	"go", AIBOM_LANG_PACKAGE_SCOPE | AIBOM_LANG_FOLDER_MODULE,
};

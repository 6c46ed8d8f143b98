/*
 * java.c - Java facts: the hooks of lib/lang/extract.c for tree-sitter-java
 * (lib/lang/java/facts.scm).
 *
 * A file's module is its package (`package com.acme.chat;`), so the classes of a package see
 * each other and `import com.acme.chat.ChatService;` names the class ChatService of that module.
 * Imported names keep their fully qualified name (`dev.langchain4j.model.openai.OpenAiChatModel`),
 * which is how rules spell them; `new T(...)` and `T.builder().x(...).build()` are calls like any
 * other. Annotations convert like calls (`@GetMapping("/x")`) or names (`@Bean`). A bare name in
 * a method may be a field of its class (facts.implicit_this).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "embedded.h"

#define EXPR_DEPTH_MAX 24
#define UNKNOWN_TEXT_MAX 80

const TSLanguage *tree_sitter_java(void);

typedef aibom_xctx ctx;
#define node_text aibom_x__text
#define is aibom_x__is
#define new_expr aibom_x__expr
#define field aibom_x__field

static aibom_expr *conv(ctx *c, TSNode n, int depth);

/* "text" and """text blocks""": fragments and escapes */
static aibom_expr *conv_string(ctx *c, TSNode n)
{
	static const char *const text[] = {"string_fragment", "multiline_string_fragment", NULL};
	return aibom_x__string(c, n, text);
}

/* the arguments of a call: (a, b) or an annotation's (key = v, ...) */
static aibom_expr *conv_args(ctx *c, aibom_expr *e, TSNode args, int depth)
{
	uint32_t i, count = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);

	if ((e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count ? count : 1))) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode a = ts_node_named_child(args, i);
		if (is(a, "line_comment") || is(a, "block_comment"))
			continue;
		if (is(a, "element_value_pair")) {
			TSNode k = field(a, "key"), v = field(a, "value");
			if (ts_node_is_null(k) || ts_node_is_null(v))
				continue;
			e->args[e->nargs].kw = node_text(c, k, 0);
			e->args[e->nargs++].value = conv(c, v, depth + 1);
			continue;
		}
		e->args[e->nargs++].value = conv(c, a, depth + 1);
	}
	return e;
}

/* obj.name(args) / name(args) */
static aibom_expr *conv_invocation(ctx *c, TSNode n, int depth)
{
	TSNode obj = field(n, "object"), name = field(n, "name");
	aibom_expr *e = new_expr(c, EXPR_CALL, n), *callee;

	if (e == NULL || ts_node_is_null(name))
		return e;
	if (ts_node_is_null(obj)) {
		callee = aibom_x__name(c, name);
	} else if ((callee = new_expr(c, EXPR_ATTR, n)) != NULL) {
		callee->a = conv(c, obj, depth + 1);
		callee->text = node_text(c, name, 0);
	}
	e->a = callee;
	return conv_args(c, e, field(n, "arguments"), depth);
}

/* A.B (a scoped type or a scoped name): the attribute B of A */
static aibom_expr *conv_scoped(ctx *c, TSNode n, int depth)
{
	uint32_t count = ts_node_named_child_count(n);
	aibom_expr *e;

	if (count < 2 || (e = new_expr(c, EXPR_ATTR, n)) == NULL)
		return aibom_x__unknown(c, n);
	e->a = conv(c, ts_node_named_child(n, count - 2), depth + 1);
	e->text = node_text(c, ts_node_named_child(n, count - 1), 0);
	return e;
}

static aibom_expr *conv(ctx *c, TSNode n, int depth)
{
	static const char *const concat[] = {"+", NULL}, *const or_ops[] = {NULL};
	const char *type = ts_node_type(n);
	aibom_expr *e;

	if (depth > EXPR_DEPTH_MAX)
		return aibom_x__unknown(c, n);
	if (!strcmp(type, "identifier") || !strcmp(type, "type_identifier") || !strcmp(type, "this"))
		return aibom_x__name(c, n);
	if (!strcmp(type, "method_invocation"))
		return conv_invocation(c, n, depth);
	if (!strcmp(type, "object_creation_expression") || !strcmp(type, "annotation")) {
		TSNode t = field(n, !strcmp(type, "annotation") ? "name" : "type");
		if ((e = new_expr(c, EXPR_CALL, n)) == NULL)
			return NULL;
		e->a = ts_node_is_null(t) ? aibom_x__unknown(c, n) : conv(c, t, depth + 1);
		return conv_args(c, e, field(n, "arguments"), depth);
	}
	if (!strcmp(type, "marker_annotation"))
		return ts_node_is_null(field(n, "name")) ? aibom_x__unknown(c, n) : conv(c, field(n, "name"), depth + 1);
	if (!strcmp(type, "field_access"))
		return aibom_x__fields(c, conv, EXPR_ATTR, n, "object", NULL, "field", depth);
	if (!strcmp(type, "scoped_identifier"))
		return aibom_x__fields(c, conv, EXPR_ATTR, n, "scope", NULL, "name", depth);
	if (!strcmp(type, "scoped_type_identifier"))
		return conv_scoped(c, n, depth);
	if (!strcmp(type, "method_reference")) /* Service::handle, this::handle */
		return conv_scoped(c, n, depth);
	if (!strcmp(type, "generic_type"))
		return ts_node_named_child_count(n) ? conv(c, ts_node_named_child(n, 0), depth + 1) : aibom_x__unknown(c, n);
	if (!strcmp(type, "lambda_expression"))
		return new_expr(c, EXPR_FUNC, n);
	if (!strcmp(type, "string_literal"))
		return conv_string(c, n);
	if (!strcmp(type, "binary_expression"))
		return aibom_x__binary(c, conv, n, concat, or_ops, depth);
	if (!strcmp(type, "ternary_expression"))
		return aibom_x__fields(c, conv, EXPR_OR, n, "consequence", "alternative", NULL, depth);
	if (!strcmp(type, "array_access"))
		return aibom_x__fields(c, conv, EXPR_SUBSCRIPT, n, "array", "index", NULL, depth);
	if (!strcmp(type, "array_initializer") || !strcmp(type, "element_value_array_initializer"))
		return aibom_x__children(c, conv, EXPR_LIST, n, depth);
	if (!strcmp(type, "true") || !strcmp(type, "false") || !strcmp(type, "null_literal") ||
	    strstr(type, "integer_literal") || strstr(type, "floating_point_literal")) {
		return aibom_x__const(c, n);
	}
	if (!strcmp(type, "parenthesized_expression"))
		return aibom_x__wrap(c, conv, n, depth);
	if (!strcmp(type, "cast_expression"))
		return aibom_x__wrap_field(c, conv, n, "value", depth);
	return aibom_x__unknown(c, n);
}

static aibom_expr *string_fact(ctx *c, TSNode n)
{
	return conv_string(c, n);
}

/* (Type a, final Type b, Type... rest), a lambda's (a, b) or x */
static void read_params(ctx *c, aibom_def *d, TSNode params)
{
	uint32_t i, count = is(params, "identifier") ? 1 : ts_node_named_child_count(params);

	if ((d->params = aibom_arena__alloc(&c->f->arena, sizeof(aibom_param) * (count ? count : 1))) == NULL)
		return;
	for (i = 0; i < count; i++) {
		TSNode p = is(params, "identifier") ? params : ts_node_named_child(params, i);
		TSNode name = p, type = {0};
		aibom_param *out = &d->params[d->nparams];

		if (is(p, "formal_parameter")) {
			name = field(p, "name");
			type = field(p, "type");
		} else if (is(p, "spread_parameter")) {
			uint32_t j;
			for (j = 0; j < ts_node_named_child_count(p); j++)
				if (is(ts_node_named_child(p, j), "variable_declarator"))
					name = field(ts_node_named_child(p, j), "name");
		}
		if (ts_node_is_null(name) || !is(name, "identifier"))
			continue;
		out->name = node_text(c, name, 0);
		if (!ts_node_is_null(type))
			out->annotation = conv(c, type, 0);
		d->nparams++;
	}
}

/* `package a.b;` names the module; `import a.b.C;` binds C to "a.b.C", `import static a.b.C.m;`
 * binds m, and `import a.b.*;` reads names from the module a.b. */
static int import_match(ctx *c, const TSQueryMatch *m, const TSQuery *query)
{
	uint16_t k;

	(void)query;
	for (k = 0; k < m->capture_count; k++) {
		TSNode n = m->captures[k].node, name = {0};
		bool star = false;
		uint32_t i;
		aibom_import *imp;
		const char *full, *dot;

		for (i = 0; i < ts_node_named_child_count(n); i++) {
			TSNode ch = ts_node_named_child(n, i);
			if (is(ch, "scoped_identifier") || is(ch, "identifier"))
				name = ch;
			else if (is(ch, "asterisk"))
				star = true;
		}
		if (ts_node_is_null(name))
			return 0;
		if ((full = node_text(c, name, 0)) == NULL)
			return -1;
		if (is(n, "package_declaration")) {
			c->f->module = full;
			return 0;
		}
		if (!is(n, "import_declaration") || (imp = aibom_vec__push(&c->f->imports)) == NULL)
			return is(n, "import_declaration") ? -1 : 0;
		dot = strrchr(full, '.');
		imp->target = full;
		imp->full = full;
		imp->alias = star ? "*" : dot ? dot + 1 : full;
		imp->star = star;
		imp->line = ts_node_start_point(n).row + 1;
		return 0;
	}
	return 0;
}

/* x = ..., and this.x = ... (kept as "self.x") */
static const char *assign_target(ctx *c, TSNode left, TSNode right)
{
	(void)right;
	if (is(left, "identifier"))
		return node_text(c, left, 0);
	if (is(left, "field_access")) {
		TSNode obj = field(left, "object"), prop = field(left, "field");
		if (!ts_node_is_null(obj) && !ts_node_is_null(prop) && is(obj, "this"))
			return aibom_arena__printf(&c->f->arena, "self.%s", node_text(c, prop, 0));
	}
	return NULL;
}

const aibom_lang aibom_lang_java = {
	"java", tree_sitter_java, aibom_embed_java_facts_scm,
	conv, string_fact, read_params, import_match, assign_target, NULL, NULL,
	"java", AIBOM_LANG_PACKAGE_SCOPE | AIBOM_LANG_IMPLICIT_THIS,
};

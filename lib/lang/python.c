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

typedef struct {
	const char *src;
	size_t len;
	aibom_facts *f;
} ctx;

static const char *node_text(ctx *c, TSNode n, size_t max)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	if (e > c->len)
		e = (uint32_t)c->len;
	if (e < s)
		e = s;
	if (max && e - s > max)
		e = s + (uint32_t)max;
	return aibom_arena__strndup(&c->f->arena, c->src + s, e - s);
}

static bool is(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

static aibom_expr *new_expr(ctx *c, aibom_expr_kind kind, TSNode n)
{
	aibom_expr *e = aibom_arena__alloc(&c->f->arena, sizeof(*e));
	TSPoint p = ts_node_start_point(n);

	if (e == NULL)
		return NULL;
	e->kind = kind;
	e->line = p.row + 1;
	e->col = p.column + 1;
	e->start_byte = ts_node_start_byte(n);
	e->end_byte = ts_node_end_byte(n);
	return e;
}

/* Decode the escapes a model id may hold; anything unusual is kept as written. */
static const char *decode_string_content(ctx *c, const char *s, size_t n, bool raw)
{
	char *out = aibom_arena__alloc(&c->f->arena, n + 1);
	size_t i, o = 0;

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (!raw && s[i] == '\\' && i + 1 < n) {
			char x = s[i + 1];
			char d = x == 'n' ? '\n' : x == 't' ? '\t' : x == '\\' ? '\\' : x == '\'' ? '\'' :
				x == '"' ? '"' : 0;
			if (d) {
				out[o++] = d;
				i++;
				continue;
			}
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

static aibom_expr *conv(ctx *c, TSNode n, int depth);

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
			e->text = decode_string_content(c, aibom_str__cstr(&acc), acc.size, raw);
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
			part->text = decode_string_content(c, c->src + ts_node_start_byte(ch),
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
	const char *type = ts_node_type(n);
	aibom_expr *e;

	if (depth > EXPR_DEPTH_MAX) {
		e = new_expr(c, EXPR_UNKNOWN, n);
		if (e)
			e->text = node_text(c, n, UNKNOWN_TEXT_MAX);
		return e;
	}
	if (!strcmp(type, "identifier")) {
		if ((e = new_expr(c, EXPR_NAME, n)))
			e->text = node_text(c, n, 0);
		return e;
	}
	if (!strcmp(type, "attribute")) {
		TSNode obj = ts_node_child_by_field_name(n, "object", 6);
		TSNode attr = ts_node_child_by_field_name(n, "attribute", 9);
		if (ts_node_is_null(obj) || ts_node_is_null(attr))
			goto unknown;
		if ((e = new_expr(c, EXPR_ATTR, n)) == NULL)
			return NULL;
		e->a = conv(c, obj, depth + 1);
		e->text = node_text(c, attr, 0);
		return e;
	}
	if (!strcmp(type, "call"))
		return conv_call(c, n, depth);
	if (!strcmp(type, "string"))
		return conv_string(c, n, depth);
	if (!strcmp(type, "concatenated_string")) {
		uint32_t i, count = ts_node_named_child_count(n);
		if ((e = new_expr(c, EXPR_FSTR, n)) == NULL)
			return NULL;
		if ((e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count + 1))) == NULL)
			return NULL;
		for (i = 0; i < count; i++)
			e->args[e->nargs++].value = conv(c, ts_node_named_child(n, i), depth + 1);
		return e;
	}
	if (!strcmp(type, "binary_operator") || !strcmp(type, "boolean_operator")) {
		TSNode l = ts_node_child_by_field_name(n, "left", 4);
		TSNode r = ts_node_child_by_field_name(n, "right", 5);
		TSNode op = ts_node_child_by_field_name(n, "operator", 8);
		const char *ops;
		if (ts_node_is_null(l) || ts_node_is_null(r) || ts_node_is_null(op))
			goto unknown;
		ops = ts_node_type(op);
		if (strcmp(ops, "+") && strcmp(ops, "or"))
			goto unknown;
		if ((e = new_expr(c, !strcmp(ops, "+") ? EXPR_CONCAT : EXPR_OR, n)) == NULL)
			return NULL;
		e->a = conv(c, l, depth + 1);
		e->b = conv(c, r, depth + 1);
		return e;
	}
	if (!strcmp(type, "true") || !strcmp(type, "false") || !strcmp(type, "none") ||
	    !strcmp(type, "integer") || !strcmp(type, "float")) {
		if ((e = new_expr(c, EXPR_CONST, n)))
			e->text = node_text(c, n, UNKNOWN_TEXT_MAX);
		return e;
	}
	if (!strcmp(type, "subscript")) {
		TSNode v = ts_node_child_by_field_name(n, "value", 5);
		TSNode s = ts_node_child_by_field_name(n, "subscript", 9);
		if (ts_node_is_null(v) || ts_node_is_null(s))
			goto unknown;
		if ((e = new_expr(c, EXPR_SUBSCRIPT, n)) == NULL)
			return NULL;
		e->a = conv(c, v, depth + 1);
		e->b = conv(c, s, depth + 1);
		return e;
	}
	if (!strcmp(type, "list") || !strcmp(type, "tuple") || !strcmp(type, "set") ||
	    !strcmp(type, "dictionary")) {
		uint32_t i, count = ts_node_named_child_count(n);
		if ((e = new_expr(c, EXPR_LIST, n)) == NULL)
			return NULL;
		if ((e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count + 1))) == NULL)
			return NULL;
		for (i = 0; i < count; i++) {
			TSNode el = ts_node_named_child(n, i);
			if (is(el, "pair"))
				el = ts_node_child_by_field_name(el, "value", 5);
			if (ts_node_is_null(el) || is(el, "comment"))
				continue;
			e->args[e->nargs++].value = conv(c, el, depth + 1);
		}
		return e;
	}
	if (!strcmp(type, "await") || !strcmp(type, "parenthesized_expression")) {
		if (ts_node_named_child_count(n) == 0)
			goto unknown;
		if ((e = new_expr(c, EXPR_AWAIT, n)) == NULL)
			return NULL;
		e->a = conv(c, ts_node_named_child(n, 0), depth + 1);
		return e;
	}
unknown:
	if ((e = new_expr(c, EXPR_UNKNOWN, n)))
		e->text = node_text(c, n, UNKNOWN_TEXT_MAX);
	return e;
}

/* ---- scopes */

typedef struct {
	uint32_t byte;
	int kind; /* 0 call, 1 binding, 2 return, 3 string */
	void *item;
} pending;

static int def_cmp(const void *a, const void *b)
{
	const aibom_def *x = a, *y = b;
	return x->start_byte < y->start_byte ? -1 : x->start_byte > y->start_byte ? 1 : 0;
}

/* Innermost definition containing BYTE, or -1. Defs are sorted and properly nested. */
static int scope_of(const aibom_facts *f, uint32_t byte)
{
	const aibom_def *defs = f->defs.items;
	size_t lo = 0, hi = f->defs.count;
	int i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (defs[mid].start_byte <= byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = (int)lo - 1;
	while (i >= 0 && !(defs[i].start_byte <= byte && byte < defs[i].end_byte))
		i = defs[i].parent;
	return i;
}

static void set_parents(aibom_facts *f)
{
	aibom_def *defs = f->defs.items;
	int *stack = malloc(sizeof(int) * (f->defs.count + 1));
	size_t i, top = 0;

	if (stack == NULL)
		return;
	for (i = 0; i < f->defs.count; i++) {
		while (top > 0 && defs[stack[top - 1]].end_byte <= defs[i].start_byte)
			top--;
		defs[i].parent = top ? stack[top - 1] : -1;
		defs[i].qualname = top ? aibom_arena__printf(&f->arena, "%s.%s",
			defs[stack[top - 1]].qualname, defs[i].name) : defs[i].name;
		stack[top++] = (int)i;
	}
	free(stack);
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

static const char *first_error(TSNode root, uint32_t *line)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	const char *what = NULL;

	/* Iterative pre-order walk, descending only into subtrees that hold an error. */
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		if (ts_node_is_missing(n) || is(n, "ERROR")) {
			*line = ts_node_start_point(n).row + 1;
			what = ts_node_is_missing(n) ? "missing token" : "syntax error";
			break;
		}
		if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cur))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&cur)) {
			if (!ts_tree_cursor_goto_parent(&cur))
				goto done;
		}
	}
done:
	ts_tree_cursor_delete(&cur);
	return what;
}

static int extract(aibom_facts *f, const aibom_lang *lang, const TSQuery *query,
	aibom_lang_worker *w, const char *src, size_t len)
{
	ctx c = {src, len, f};
	TSTree *tree;
	TSNode root;
	TSQueryMatch m;
	aibom_vec pend = AIBOM_VEC_INIT(pending), docs = AIBOM_VEC_INIT(uint32_t);
	aibom_vec decos = AIBOM_VEC_INIT(pending);
	size_t i;
	int error = -1;
	uint32_t err_line = 0;
	const char *err;

	if (len > UINT32_MAX) {
		aibom_error__set(AIBOM_ERROR_INPUT, "file too large to parse");
		return -1;
	}
	ts_parser_set_language(w->parser, lang->grammar());
	tree = ts_parser_parse_string(w->parser, NULL, src, (uint32_t)len);
	if (tree == NULL) {
		ts_parser_reset(w->parser);
		aibom_error__set(AIBOM_ERROR_PARSE, "parser gave up (time limit)");
		return -1;
	}
	root = ts_tree_root_node(tree);
	if (ts_node_has_error(root) && (err = first_error(root, &err_line)) != NULL) {
		char msg[128];
		snprintf(msg, sizeof(msg), "%s at line %u; facts taken from the partial tree", err, err_line);
		f->diagnostic = aibom__strdup(msg);
	}

	ts_query_cursor_exec(w->cursor, query, root);
	while (ts_query_cursor_next_match(w->cursor, &m)) {
		TSNode whole = {0}, name = {0}, params = {0}, bases = {0};
		TSNode imod = {0}, ialias = {0}, ifrom = {0}, iname = {0};
		TSNode left = {0}, right = {0};
		bool is_fn = false, is_cls = false, is_import = false, is_assign = false, star = false;
		uint16_t k;

		for (k = 0; k < m.capture_count; k++) {
			uint32_t nlen;
			const char *cn = ts_query_capture_name_for_id(query, m.captures[k].index, &nlen);
			TSNode n = m.captures[k].node;

			if (!strcmp(cn, "definition.function")) {
				whole = n;
				is_fn = true;
			} else if (!strcmp(cn, "definition.class")) {
				whole = n;
				is_cls = true;
			} else if (!strcmp(cn, "name")) {
				name = n;
			} else if (!strcmp(cn, "params")) {
				params = n;
			} else if (!strcmp(cn, "bases")) {
				bases = n;
			} else if (!strcmp(cn, "import")) {
				is_import = true;
			} else if (!strcmp(cn, "import.module")) {
				imod = n;
			} else if (!strcmp(cn, "import.alias")) {
				ialias = n;
			} else if (!strcmp(cn, "import.from")) {
				ifrom = n;
			} else if (!strcmp(cn, "import.name")) {
				iname = n;
			} else if (!strcmp(cn, "import.star")) {
				star = true;
			} else if (!strcmp(cn, "assign")) {
				is_assign = true;
			} else if (!strcmp(cn, "assign.left")) {
				left = n;
			} else if (!strcmp(cn, "assign.right")) {
				right = n;
			} else if (!strcmp(cn, "reference.call")) {
				pending *p = aibom_vec__push(&pend);
				aibom_call *call = aibom_vec__push(&f->calls);
				if (p == NULL || call == NULL)
					goto done;
				call->call = conv(&c, n, 0);
				p->byte = ts_node_start_byte(n);
				p->kind = 0;
				p->item = (void *)(f->calls.count - 1);
			} else if (!strcmp(cn, "return.value")) {
				pending *p = aibom_vec__push(&pend);
				aibom_return *r = aibom_vec__push(&f->returns);
				if (p == NULL || r == NULL)
					goto done;
				r->value = conv(&c, n, 0);
				p->byte = ts_node_start_byte(n);
				p->kind = 2;
				p->item = (void *)(f->returns.count - 1);
			} else if (!strcmp(cn, "docstring")) {
				uint32_t *d = aibom_vec__push(&docs);
				if (d == NULL)
					goto done;
				*d = ts_node_start_byte(n);
			} else if (!strcmp(cn, "string")) {
				aibom_expr *e = conv_string(&c, n, 0);
				if (e && e->kind == EXPR_STR) {
					pending *p = aibom_vec__push(&pend);
					aibom_string *s = aibom_vec__push(&f->strings);
					if (p == NULL || s == NULL)
						goto done;
					s->value = e->text;
					s->line = e->line;
					s->col = e->col;
					s->start_byte = e->start_byte;
					s->end_byte = e->end_byte;
					p->byte = e->start_byte;
					p->kind = 3;
					p->item = (void *)(f->strings.count - 1);
				}
			} else if (!strcmp(cn, "main")) {
				/* if __name__ == "__main__": the condition is checked here, predicates being
				 * ours to evaluate */
				TSNode cond = ts_node_child_by_field_name(n, "condition", 9);
				if (!ts_node_is_null(cond)) {
					const char *t = node_text(&c, cond, 200);
					if (t && strstr(t, "__name__") && strstr(t, "__main__") && f->main_line == 0)
						f->main_line = ts_node_start_point(n).row + 1;
				}
			} else if (!strcmp(cn, "decorator")) {
				pending *p = aibom_vec__push(&decos);
				if (p == NULL)
					goto done;
				p->item = conv(&c, n, 0);
			} else if (!strcmp(cn, "decorated")) {
				/* the decorator capture of this match comes first */
				if (decos.count)
					aibom_vec__at(&decos, pending, decos.count - 1)->byte = ts_node_start_byte(n);
			}
		}

		if ((is_fn || is_cls) && !ts_node_is_null(name)) {
			aibom_def *d = aibom_vec__push(&f->defs);
			if (d == NULL)
				goto done;
			d->kind = is_fn ? DEF_FUNCTION : DEF_CLASS;
			d->name = node_text(&c, name, 0);
			d->start_byte = ts_node_start_byte(whole);
			d->end_byte = ts_node_end_byte(whole);
			d->start_line = ts_node_start_point(whole).row + 1;
			d->end_line = ts_node_end_point(whole).row + 1;
			if (is_fn && !ts_node_is_null(params))
				read_params(&c, d, params);
			if (is_cls && !ts_node_is_null(bases)) {
				uint32_t j, nb = ts_node_named_child_count(bases);
				d->bases = aibom_arena__alloc(&f->arena, sizeof(aibom_expr *) * (nb + 1));
				for (j = 0; d->bases && j < nb; j++) {
					TSNode b = ts_node_named_child(bases, j);
					if (!is(b, "keyword_argument"))
						d->bases[d->nbases++] = conv(&c, b, 0);
				}
			}
		} else if (is_import) {
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
				goto done;
			imp->line = ts_node_start_point(m.captures[0].node).row + 1;
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
		} else if (is_assign && !ts_node_is_null(left) && !ts_node_is_null(right)) {
			const char *target = NULL;
			if (is(left, "identifier")) {
				target = node_text(&c, left, 0);
			} else if (is(left, "attribute")) {
				TSNode obj = ts_node_child_by_field_name(left, "object", 6);
				if (!ts_node_is_null(obj) && is(obj, "identifier"))
					target = node_text(&c, left, 0);
			}
			if (target) {
				pending *p = aibom_vec__push(&pend);
				aibom_binding *b = aibom_vec__push(&f->bindings);
				if (p == NULL || b == NULL)
					goto done;
				b->target = target;
				b->value = conv(&c, right, 0);
				b->line = ts_node_start_point(left).row + 1;
				p->byte = ts_node_start_byte(left);
				p->kind = 1;
				p->item = (void *)(f->bindings.count - 1);
			}
		}
	}

	if (f->defs.count)
		qsort(f->defs.items, f->defs.count, sizeof(aibom_def), def_cmp);
	set_parents(f);
	for (i = 0; i < pend.count; i++) {
		pending *p = aibom_vec__at(&pend, pending, i);
		size_t idx = (size_t)p->item;
		int scope = scope_of(f, p->byte);
		switch (p->kind) {
		case 0: aibom_vec__at(&f->calls, aibom_call, idx)->scope = scope; break;
		case 1: aibom_vec__at(&f->bindings, aibom_binding, idx)->scope = scope; break;
		case 2: aibom_vec__at(&f->returns, aibom_return, idx)->scope = scope; break;
		case 3: aibom_vec__at(&f->strings, aibom_string, idx)->scope = scope; break;
		}
	}
	/* drop docstrings from the string literals */
	if (docs.count) {
		size_t o = 0, j;
		for (i = 0; i < f->strings.count; i++) {
			aibom_string *s = aibom_vec__at(&f->strings, aibom_string, i);
			bool doc = false;
			for (j = 0; j < docs.count && !doc; j++)
				doc = *aibom_vec__at(&docs, uint32_t, j) == s->start_byte;
			if (!doc)
				*aibom_vec__at(&f->strings, aibom_string, o++) = *s;
		}
		f->strings.count = o;
	}
	/* attach decorators to their definitions */
	for (i = 0; i < decos.count; i++) {
		pending *p = aibom_vec__at(&decos, pending, i);
		size_t j;
		for (j = 0; j < f->defs.count; j++) {
			aibom_def *d = aibom_vec__at(&f->defs, aibom_def, j);
			if (d->start_byte == p->byte) {
				aibom_expr **nd = aibom_arena__alloc(&f->arena, sizeof(*nd) * (d->ndecorators + 1));
				if (nd == NULL)
					goto done;
				if (d->ndecorators)
					memcpy(nd, d->decorators, sizeof(*nd) * d->ndecorators);
				nd[d->ndecorators++] = p->item;
				d->decorators = nd;
				break;
			}
		}
	}
	error = f->arena.failed ? -1 : 0;
	if (error < 0)
		aibom_error__oom();
done:
	aibom_vec__free(&pend);
	aibom_vec__free(&docs);
	aibom_vec__free(&decos);
	ts_tree_delete(tree);
	return error;
}

char *aibom_python__module_name(const char *path, bool *is_package)
{
	size_t n = strlen(path);
	const char *start = path;
	char *out, *p;

	*is_package = false;
	if (aibom__has_suffix(path, ".py"))
		n -= 3;
	else if (aibom__has_suffix(path, ".pyi"))
		n -= 4;
	else
		return aibom__strdup("");
	if (aibom__has_prefix(path, "src/")) {
		start += 4;
		n -= 4;
	}
	out = malloc(n + 1);
	if (out == NULL) {
		aibom_error__oom();
		return NULL;
	}
	memcpy(out, start, n);
	out[n] = '\0';
	for (p = out; *p; p++)
		if (*p == '/')
			*p = '.';
	if (aibom__has_suffix(out, "__init__")) {
		size_t l = strlen(out) - strlen("__init__");
		*is_package = true;
		out[l ? l - 1 : 0] = '\0';
	}
	return out;
}

const aibom_lang aibom_lang_python = {
	"python",
	tree_sitter_python,
	aibom_embed_python_facts_scm,
	extract,
};

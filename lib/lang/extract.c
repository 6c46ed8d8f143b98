/*
 * extract.c - the language-neutral half of extraction: parse, run the language's query, and turn
 * its captures into facts (definitions with their scopes and qualified names, calls, bindings,
 * returns, string literals, decorators), calling the language's hooks for what only it knows
 * (expressions, parameters, imports, assignment targets). Partial trees are kept: a syntax error
 * becomes a warning and the facts of the rest of the file survive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

const char *aibom_x__text(aibom_xctx *c, TSNode n, size_t max)
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

bool aibom_x__is(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

aibom_expr *aibom_x__expr(aibom_xctx *c, aibom_expr_kind kind, TSNode n)
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

#define UNKNOWN_TEXT_MAX 80

aibom_expr *aibom_x__unknown(aibom_xctx *c, TSNode n)
{
	aibom_expr *e = aibom_x__expr(c, EXPR_UNKNOWN, n);
	if (e)
		e->text = aibom_x__text(c, n, UNKNOWN_TEXT_MAX);
	return e;
}

aibom_expr *aibom_x__name(aibom_xctx *c, TSNode n)
{
	aibom_expr *e = aibom_x__expr(c, EXPR_NAME, n);
	if (e)
		e->text = aibom_x__text(c, n, 0);
	return e;
}

TSNode aibom_x__field(TSNode n, const char *name)
{
	return ts_node_child_by_field_name(n, name, (uint32_t)strlen(name));
}
#define field aibom_x__field

aibom_expr *aibom_x__fields(aibom_xctx *c, aibom_conv_fn conv, aibom_expr_kind kind, TSNode n,
	const char *a, const char *b, const char *t, int depth)
{
	TSNode na = field(n, a), nb = {0}, nt = {0};
	aibom_expr *e;

	if (b)
		nb = field(n, b);
	if (t)
		nt = field(n, t);
	if (ts_node_is_null(na) || (b && ts_node_is_null(nb)) || (t && ts_node_is_null(nt)))
		return aibom_x__unknown(c, n);
	if ((e = aibom_x__expr(c, kind, n)) == NULL)
		return NULL;
	e->a = conv(c, na, depth + 1);
	if (b)
		e->b = conv(c, nb, depth + 1);
	if (t)
		e->text = aibom_x__text(c, nt, 0);
	return e;
}

aibom_expr *aibom_x__children(aibom_xctx *c, aibom_conv_fn conv, aibom_expr_kind kind, TSNode n, int depth)
{
	uint32_t i, count = ts_node_named_child_count(n);
	aibom_expr *e = aibom_x__expr(c, kind, n);

	if (e == NULL || (e->args = aibom_arena__alloc(&c->f->arena, sizeof(aibom_arg) * (count + 1))) == NULL)
		return NULL;
	for (i = 0; i < count; i++) {
		TSNode el = ts_node_named_child(n, i);
		if (aibom_x__is(el, "pair"))
			el = field(el, "value");
		if (ts_node_is_null(el) || aibom_x__is(el, "comment"))
			continue;
		e->args[e->nargs++].value = conv(c, el, depth + 1);
	}
	return e;
}

static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

aibom_expr *aibom_x__binary(aibom_xctx *c, aibom_conv_fn conv, TSNode n, const char *const *concat,
	const char *const *or_ops, int depth)
{
	TSNode op = field(n, "operator");
	const char *ops;

	if (ts_node_is_null(op))
		return aibom_x__unknown(c, n);
	ops = ts_node_type(op);
	if (in_list(ops, concat))
		return aibom_x__fields(c, conv, EXPR_CONCAT, n, "left", "right", NULL, depth);
	if (in_list(ops, or_ops))
		return aibom_x__fields(c, conv, EXPR_OR, n, "left", "right", NULL, depth);
	return aibom_x__unknown(c, n);
}

aibom_expr *aibom_x__wrap(aibom_xctx *c, aibom_conv_fn conv, TSNode n, int depth)
{
	aibom_expr *e;

	if (ts_node_named_child_count(n) == 0)
		return aibom_x__unknown(c, n);
	if ((e = aibom_x__expr(c, EXPR_AWAIT, n)) == NULL)
		return NULL;
	e->a = conv(c, ts_node_named_child(n, 0), depth + 1);
	return e;
}

aibom_expr *aibom_x__wrap_field(aibom_xctx *c, aibom_conv_fn conv, TSNode n, const char *name, int depth)
{
	TSNode inner = field(n, name);
	aibom_expr *e;

	if (ts_node_is_null(inner))
		return aibom_x__unknown(c, n);
	if ((e = aibom_x__expr(c, EXPR_AWAIT, n)) == NULL)
		return NULL;
	e->a = conv(c, inner, depth + 1);
	return e;
}

aibom_expr *aibom_x__const(aibom_xctx *c, TSNode n)
{
	static const char *const nulls[] = {"none", "nil", "null", "null_literal", "undefined", NULL};
	aibom_expr *e = aibom_x__expr(c, EXPR_CONST, n);
	const char *type = ts_node_type(n);

	if (e)
		e->text = !strcmp(type, "true") ? "True" : !strcmp(type, "false") ? "False" :
			in_list(type, nulls) ? "None" : aibom_x__text(c, n, UNKNOWN_TEXT_MAX);
	return e;
}

const char *aibom_x__unescape(aibom_xctx *c, const char *s, size_t n)
{
	char *out = aibom_arena__alloc(&c->f->arena, n + 1);
	size_t i, o = 0;

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char x = s[i + 1];
			char d = x == 'n' ? '\n' : x == 't' ? '\t' : x == 'r' ? '\r' : x == '\\' ? '\\' :
				x == '\'' ? '\'' : x == '"' ? '"' : x == '`' ? '`' : x == '$' ? '$' : 0;
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

aibom_expr *aibom_x__string(aibom_xctx *c, TSNode n, const char *const *text_types)
{
	uint32_t i, count = ts_node_named_child_count(n);
	aibom_str acc = AIBOM_STR_INIT;
	aibom_expr *e;

	for (i = 0; i < count; i++) {
		TSNode ch = ts_node_named_child(n, i);
		if (aibom_x__is(ch, "escape_sequence") || in_list(ts_node_type(ch), text_types))
			aibom_str__put(&acc, c->src + ts_node_start_byte(ch), ts_node_end_byte(ch) - ts_node_start_byte(ch));
	}
	if ((e = aibom_x__expr(c, EXPR_STR, n)) != NULL)
		e->text = aibom_x__unescape(c, acc.size ? aibom_str__cstr(&acc) : "", acc.size);
	aibom_str__free(&acc);
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

/* Go: a method declared on a type of the same file is a member of it, as if written inside it. The
 * byte ranges no longer nest, which scope_of allows: it walks parents until one contains the byte. */
static void set_receivers(aibom_facts *f)
{
	size_t i;

	for (i = 0; i < f->defs.count; i++) {
		aibom_def *d = aibom_vec__at(&f->defs, aibom_def, i);
		size_t j;
		if (d->receiver == NULL || d->parent != -1)
			continue;
		for (j = 0; j < f->defs.count; j++) {
			const aibom_def *t = aibom_vec__at(&f->defs, aibom_def, j);
			if (t->kind == DEF_CLASS && t->parent == -1 && !strcmp(t->name, d->receiver)) {
				d->parent = (int)j;
				break;
			}
		}
		d->qualname = aibom_arena__printf(&f->arena, "%s.%s", d->receiver, d->name);
	}
}

/* s.client = x in a method whose receiver is s sets the instance's client: "self.client", the
 * name the resolver looks for (Python's self.x, JavaScript's this.x). */
static void rename_receiver_bindings(aibom_facts *f)
{
	size_t i;

	for (i = 0; i < f->bindings.count; i++) {
		aibom_binding *b = aibom_vec__at(&f->bindings, aibom_binding, i);
		int s = b->scope;
		size_t n;
		while (s >= 0) {
			const aibom_def *d = aibom_vec__at(&f->defs, aibom_def, (size_t)s);
			if (d->self_name) {
				n = strlen(d->self_name);
				if (!strncmp(b->target, d->self_name, n) && b->target[n] == '.')
					b->target = aibom_arena__printf(&f->arena, "self%s", b->target + n);
				break;
			}
			s = d->parent;
		}
	}
}

static const char *first_error(TSNode root, uint32_t *line)
{
	TSTreeCursor cur = ts_tree_cursor_new(root);
	const char *what = NULL;

	/* Iterative pre-order walk, descending only into subtrees that hold an error. */
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&cur);
		if (ts_node_is_missing(n) || aibom_x__is(n, "ERROR")) {
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

int aibom_extract__run(aibom_facts *f, const aibom_lang *lang, const TSQuery *query,
	aibom_lang_worker *w, const char *src, size_t len)
{
	aibom_xctx c = {src, len, f};
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
		TSNode whole = {0}, name = {0}, params = {0}, bases[4], receiver = {0}, decorated = {0};
		aibom_expr *decorator = NULL;
		uint32_t nbases_nodes = 0;
		TSNode left = {0}, right = {0}, type = {0};
		bool is_fn = false, is_cls = false, is_import = false, is_assign = false, is_iface = false;
		uint16_t k;

		for (k = 0; k < m.capture_count; k++) {
			uint32_t nlen;
			const char *cn = ts_query_capture_name_for_id(query, m.captures[k].index, &nlen);
			TSNode n = m.captures[k].node;

			if (!strcmp(cn, "definition.function")) {
				whole = n;
				is_fn = true;
			} else if (!strcmp(cn, "definition.class") || !strcmp(cn, "definition.interface")) {
				whole = n;
				is_cls = true;
				is_iface = cn[11] == 'i';
			} else if (!strcmp(cn, "name")) {
				name = n;
			} else if (!strcmp(cn, "params")) {
				params = n;
			} else if (!strcmp(cn, "bases")) {
				if (nbases_nodes < 4)
					bases[nbases_nodes++] = n;
			} else if (!strcmp(cn, "receiver")) {
				receiver = n;
			} else if (!strcmp(cn, "assign.type")) {
				type = n;
			} else if (!strcmp(cn, "import")) {
				is_import = true;
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
				call->call = lang->conv(&c, n, 0);
				p->byte = ts_node_start_byte(n);
				p->kind = 0;
				p->item = (void *)(f->calls.count - 1);
			} else if (!strcmp(cn, "return.value")) {
				pending *p = aibom_vec__push(&pend);
				aibom_return *r = aibom_vec__push(&f->returns);
				if (p == NULL || r == NULL)
					goto done;
				r->value = lang->conv(&c, n, 0);
				p->byte = ts_node_start_byte(n);
				p->kind = 2;
				p->item = (void *)(f->returns.count - 1);
			} else if (!strcmp(cn, "docstring")) {
				uint32_t *d = aibom_vec__push(&docs);
				if (d == NULL)
					goto done;
				*d = ts_node_start_byte(n);
			} else if (!strcmp(cn, "string")) {
				aibom_expr *e = lang->string(&c, n);
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
			} else if (!strcmp(cn, "directive")) {
				aibom_expr *e = lang->string(&c, n);
				if (f->directive == NULL && e && e->kind == EXPR_STR)
					f->directive = e->text;
			} else if (!strcmp(cn, "main")) {
				if (f->main_line == 0 && lang->is_main && lang->is_main(&c, n))
					f->main_line = ts_node_start_point(n).row + 1;
			} else if (!strcmp(cn, "decorator")) {
				decorator = lang->conv(&c, n, 0);
			} else if (!strcmp(cn, "decorated")) {
				decorated = n;
			}
		}

		if ((is_fn && !ts_node_is_null(whole)) || (is_cls && !ts_node_is_null(name))) {
			aibom_def *d = aibom_vec__push(&f->defs);
			if (d == NULL)
				goto done;
			d->kind = is_fn ? DEF_FUNCTION : DEF_CLASS;
			d->interface = is_iface;
			/* a function written inline has no name of its own: it is named after its line */
			d->name = ts_node_is_null(name) ?
				aibom_arena__printf(&f->arena, "<anonymous:%u>", ts_node_start_point(whole).row + 1) :
				aibom_x__text(&c, name, 0);
			d->start_byte = ts_node_start_byte(whole);
			d->end_byte = ts_node_end_byte(whole);
			d->start_line = ts_node_start_point(whole).row + 1;
			d->end_line = ts_node_end_point(whole).row + 1;
			if (is_fn && !ts_node_is_null(receiver) && lang->receiver)
				lang->receiver(&c, d, receiver);
			if (is_fn && !ts_node_is_null(params))
				lang->params(&c, d, params);
			if (is_cls && nbases_nodes) {
				uint32_t j, b, nb = 0;
				for (b = 0; b < nbases_nodes; b++)
					nb += ts_node_named_child_count(bases[b]);
				d->bases = aibom_arena__alloc(&f->arena, sizeof(aibom_expr *) * (nb + 1));
				for (b = 0; d->bases && b < nbases_nodes; b++) {
					for (j = 0; j < ts_node_named_child_count(bases[b]); j++) {
						TSNode bn = ts_node_named_child(bases[b], j);
						if (!ts_node_is_null(bn))
							d->bases[d->nbases++] = lang->conv(&c, bn, 0);
					}
				}
			}
		} else if (decorator && !ts_node_is_null(decorated)) {
			pending *p = aibom_vec__push(&decos);
			if (p == NULL)
				goto done;
			p->item = decorator;
			p->byte = ts_node_start_byte(decorated);
		} else if (is_import) {
			if (lang->import(&c, &m, query) < 0)
				goto done;
		} else if (is_assign && !ts_node_is_null(left) && (!ts_node_is_null(right) || !ts_node_is_null(type))) {
			const char *target = lang->assign_target(&c, left, ts_node_is_null(right) ? type : right);
			if (target) {
				pending *p = aibom_vec__push(&pend);
				aibom_binding *b = aibom_vec__push(&f->bindings);
				if (p == NULL || b == NULL)
					goto done;
				b->target = target;
				if (ts_node_is_null(right)) {
					/* declared with a type only: an instance of the type */
					if ((b->value = aibom_x__expr(&c, EXPR_CALL, type)) == NULL)
						goto done;
					b->value->a = lang->conv(&c, type, 0);
					b->typed = true;
				} else {
					b->value = lang->conv(&c, right, 0);
				}
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
	set_receivers(f);
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
	rename_receiver_bindings(f);
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


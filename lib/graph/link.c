/*
 * link.c - call edges and entry points, per file, from the facts.
 *
 * A call's callee is evaluated with the resolver (rules/resolve.c): a repository function or
 * method (through imports, `self`, instances, base classes) is an exact edge; a name that leads out
 * of the repository is external; anything else stays an unresolved edge with its text, unless it
 * is `x.m()` with `m` a method name unique in the repository, which becomes an edge marked
 * heuristic. Functions passed as values (callbacks), decorators, nested definitions and imports of
 * repository modules are edges too. Entry points come from the catalog's data: decorators, calls
 * registering a function, base classes, function shapes, app scripts and `__main__` blocks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "../rules/resolve.h"

static char ambiguous_mark;
#define AMBIGUOUS ((void *)&ambiguous_mark)

/* "file index:def index" keys of the method map are packed into the pointer value. */
#define PACK(file, def) ((void *)(uintptr_t)((((uint64_t)(file) + 1) << 32) | (uint32_t)(def)))
#define PACK_FILE(p) ((uint32_t)(((uint64_t)(uintptr_t)(p) >> 32) - 1))
#define PACK_DEF(p) ((int)(uint32_t)(uintptr_t)(p))

typedef struct {
	const char *name;
	void *key;
} method_key;

static int method_key_cmp(const void *a, const void *b)
{
	const method_key *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : x->key < y->key ? -1 : x->key > y->key;
}

int aibom_graph__init(aibom_graph *g, aibom_graph_file *files, size_t n, const aibom_catalog *cat,
	const aibom_index *idx, const char *root_name)
{
	size_t i, k;

	memset(g, 0, sizeof(*g));
	g->files = files;
	g->nfiles = n;
	g->cat = cat;
	g->idx = idx;
	g->root_name = root_name;
	g->services.item_size = sizeof(aibom_service);
	g->reach.item_size = sizeof(aibom_reach);
	g->origins.item_size = sizeof(aibom_origin);
	g->impls.item_size = sizeof(method_key);
	if ((g->methods = aibom_map__new()) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		aibom_facts *f = files[i].facts;
		files[i].edges.item_size = sizeof(aibom_edge);
		files[i].entries.item_size = sizeof(aibom_entry);
		files[i].scripts.item_size = sizeof(char *);
		if (f == NULL)
			continue;
		f->id = (uint32_t)i;
		for (k = 0; k < f->defs.count; k++) {
			const aibom_def *d = aibom_vec__at(&f->defs, aibom_def, k);
			const aibom_def *p = def_at(f, d->parent);
			void *old;
			/* a method: inside its class, or (Go) declared on its type in another file */
			if (d->kind != DEF_FUNCTION || d->name[0] == '_' ||
			    !((p && p->kind == DEF_CLASS) || (p == NULL && d->receiver)))
				continue;
			old = aibom_map__get(g->methods, d->name);
			if (aibom_map__set(g->methods, d->name, old ? AMBIGUOUS : PACK(i, k)) < 0)
				return -1;
			if (p == NULL || !p->interface) {
				method_key *mk = aibom_vec__push(&g->impls);
				if (mk == NULL)
					return -1;
				mk->name = d->name;
				mk->key = PACK(i, k);
			}
		}
	}
	if (g->impls.count)
		qsort(g->impls.items, g->impls.count, sizeof(method_key), method_key_cmp);
	return 0;
}

/* The implementations of method NAME: the first index into g->impls and the count. */
static size_t impls_of(const aibom_graph *g, const char *name, size_t *first)
{
	size_t lo = 0, hi = g->impls.count, n = 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(aibom_vec__at(&g->impls, method_key, mid)->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < g->impls.count && !strcmp(aibom_vec__at(&g->impls, method_key, lo + n)->name, name))
		n++;
	return n;
}

/* An entry rule applies to the files of its rule file's language. */
static bool for_language(const aibom_entry_rule *er, const aibom_facts *f)
{
	return !strcmp(er->language, "any") || (f->language && !strcmp(er->language, f->language));
}

static int add_edge(aibom_graph_file *gf, int from, uint32_t to_file, int to, aibom_edge_kind kind,
	aibom_edge_res res, uint32_t line, const char *callee, const aibom_call *site)
{
	aibom_edge *e = aibom_vec__push(&gf->edges);
	if (e == NULL)
		return -1;
	e->from = from;
	e->to_file = to_file;
	e->to = to;
	e->kind = kind;
	e->res = res;
	e->line = line;
	e->callee = callee;
	e->site = site;
	return 0;
}

int aibom_graph__add_entry(aibom_graph_file *gf, int def, const char *kind, const char *framework,
	const char *detail, uint32_t line)
{
	aibom_entry *e;
	size_t i;

	for (i = 0; i < gf->entries.count; i++) {
		e = aibom_vec__at(&gf->entries, aibom_entry, i);
		if (e->def == def)
			return 0; /* one entry per definition: the first rule wins */
	}
	if ((e = aibom_vec__push(&gf->entries)) == NULL)
		return -1;
	e->def = def;
	e->kind = kind;
	e->framework = framework;
	e->detail = detail;
	e->line = line;
	return 0;
}

/* The definition a value names, as the target of a call: a function, a class's __init__ (or the
 * class), an instance's __call__. */
static bool target_of(const value *v, uint32_t *file, int *def)
{
	const aibom_def *d;
	int init;

	if (v->kind != V_QNAME || v->def_file == NULL || (d = def_at(v->def_file, v->def)) == NULL)
		return false;
	*file = v->def_file->id;
	*def = v->def;
	if (d->kind == DEF_CLASS) {
		init = find_def(v->def_file, v->def, v->instance ? "__call__" : "__init__");
		if (init < 0 && !v->instance) /* Java: the constructor has the class's name */
			init = find_def(v->def_file, v->def, d->name);
		if (init >= 0)
			*def = init;
		else if (v->instance)
			return false;
	}
	return true;
}

/* A function passed as a value: a name or attribute naming a repository function. */
static bool function_ref(matcher *m, const aibom_expr *e, where w, uint32_t *file, int *def)
{
	value v;
	const aibom_def *d;

	if (e == NULL || (e->kind != EXPR_NAME && e->kind != EXPR_ATTR && e->kind != EXPR_FUNC))
		return false;
	v = eval(m, e, w, 0);
	if (v.kind != V_QNAME || v.def_file == NULL || (d = def_at(v.def_file, v.def)) == NULL)
		return false;
	if (d->kind != DEF_FUNCTION && !(d->kind == DEF_CLASS && !v.instance))
		return false;
	return target_of(&v, file, def);
}

/* The qualified name of an expression seen through repository functions that an external
 * decorator turned into objects: `@click.group() def cli` makes `cli.command("x")` read as
 * `click.group()().command('x')`. NULL when the expression leads nowhere external. */
static const char *decorated_text(matcher *m, const aibom_expr *e, where w, int depth)
{
	const char *base;
	value v;

	if (e == NULL || depth > 8)
		return NULL;
	switch (e->kind) {
	case EXPR_NAME:
		v = eval(m, e, w, 0);
		if (v.kind == V_QNAME && v.def_file && !v.instance) {
			const aibom_def *d = def_at(v.def_file, v.def);
			value dv;
			if (d == NULL || d->ndecorators == 0)
				return NULL;
			dv = eval(m, d->decorators[0], (where){v.def_file, d->parent, d->start_line}, 0);
			return dv.kind == V_QNAME && dv.def_file == NULL ? aibom_arena__printf(m->arena, "%s()", dv.text) : NULL;
		}
		return NULL;
	case EXPR_ATTR:
		base = decorated_text(m, e->a, w, depth + 1);
		return base ? aibom_arena__printf(m->arena, "%s.%s", base, e->text) : NULL;
	case EXPR_CALL: {
		const aibom_expr *first = call_arg(e, NULL, 0);
		base = decorated_text(m, e->a, w, depth + 1);
		if (base == NULL)
			return NULL;
		return first && first->kind == EXPR_STR ? aibom_arena__printf(m->arena, "%s('%s')", base, first->text) :
			aibom_arena__printf(m->arena, "%s()", base);
	}
	default:
		return NULL;
	}
}

static const char *first_literal(const aibom_expr *call)
{
	const aibom_expr *a;
	if (call == NULL || call->kind != EXPR_CALL)
		return NULL;
	a = call_arg(call, NULL, 0);
	return a && a->kind == EXPR_STR ? a->text : NULL;
}

/* The callee as written: a dotted chain, "?" for what is not a name ("?.create"). */
static const char *written(aibom_arena *a, const aibom_expr *e)
{
	const aibom_expr *chain[32];
	aibom_str s = AIBOM_STR_INIT;
	const char *r;
	int n = 0;

	while (e && n < 32) {
		if (e->kind == EXPR_ATTR) {
			chain[n++] = e;
			e = e->a;
		} else if (e->kind == EXPR_CALL || e->kind == EXPR_AWAIT) {
			e = e->a;
		} else {
			break;
		}
	}
	aibom_str__puts(&s, e && e->kind == EXPR_NAME ? e->text : "?");
	while (n > 0) {
		aibom_str__putc(&s, '.');
		aibom_str__puts(&s, chain[--n]->text);
	}
	r = aibom_arena__strdup(a, aibom_str__cstr(&s));
	aibom_str__free(&s);
	return r;
}

/* x.m(...) where x is an instance of a repository interface: a call of each implementation of m,
 * exact when there is one, heuristic when there are several. Returns 1 when edges were made. */
static int interface_call(aibom_graph *g, aibom_graph_file *gf, matcher *m, const aibom_call *c, where w)
{
	value base = eval(m, c->call->a->a, w, 0);
	const aibom_def *d = base.kind == V_QNAME && base.def_file && base.instance ? def_at(base.def_file, base.def) : NULL;
	const char *callee;
	size_t first, n, i;

	if (d == NULL || !d->interface || (n = impls_of(g, c->call->a->text, &first)) == 0)
		return 0;
	callee = aibom_arena__printf(&gf->facts->arena, "%s.%s", base.text, c->call->a->text);
	for (i = 0; i < n; i++) {
		void *key = aibom_vec__at(&g->impls, method_key, first + i)->key;
		if (add_edge(gf, c->scope, PACK_FILE(key), PACK_DEF(key), EDGE_CALL, n == 1 ? RES_EXACT : RES_HEURISTIC,
			c->call->line, callee, c) < 0)
			return -1;
	}
	return 1;
}

static int link_calls(aibom_graph *g, aibom_graph_file *gf, matcher *m)
{
	aibom_facts *f = gf->facts;
	size_t i, k, j;

	for (i = 0; i < f->calls.count; i++) {
		const aibom_call *c = aibom_vec__at(&f->calls, aibom_call, i);
		where w = {f, c->scope, c->call ? c->call->line : 0};
		value callee;
		uint32_t tf;
		int td;
		aibom_edge_res res;

		if (c->call == NULL || c->call->kind != EXPR_CALL)
			continue;
		callee = aibom_resolve__callee(m, c->call, w);
		/* x.m() on a repository interface: a name the callee's own evaluation cannot place */
		if (c->call->a->kind == EXPR_ATTR && !(callee.kind == V_QNAME && callee.def_file)) {
			int r = interface_call(g, gf, m, c, w);
			if (r < 0)
				return -1;
			if (r > 0)
				goto callbacks;
		}
		if (target_of(&callee, &tf, &td)) {
			res = RES_EXACT;
		} else if (callee.kind == V_QNAME && callee.def_file == NULL) {
			res = RES_EXTERNAL;
		} else {
			void *hit = c->call->a->kind == EXPR_ATTR ? aibom_map__get(g->methods, c->call->a->text) : NULL;
			res = RES_UNRESOLVED;
			if (hit && hit != AMBIGUOUS && callee.kind != V_QNAME) {
				res = RES_HEURISTIC;
				tf = PACK_FILE(hit);
				td = PACK_DEF(hit);
			}
		}
		if (add_edge(gf, c->scope, res <= RES_HEURISTIC ? tf : 0, res <= RES_HEURISTIC ? td : -1,
			EDGE_CALL, res, c->call->line, callee.kind == V_QNAME ? callee.text : written(&f->arena, c->call->a), c) < 0)
			return -1;

callbacks:
		/* functions passed as values, directly or in a list/dict literal */
		for (k = 0; k < c->call->nargs; k++) {
			const aibom_expr *a = c->call->args[k].value;
			size_t n = a && a->kind == EXPR_LIST ? a->nargs : 1;
			for (j = 0; j < n; j++) {
				const aibom_expr *el = a && a->kind == EXPR_LIST ? a->args[j].value : a;
				if (function_ref(m, el, w, &tf, &td) &&
				    add_edge(gf, c->scope, tf, td, EDGE_CALLBACK, RES_EXACT, c->call->line, NULL, NULL) < 0)
					return -1;
			}
		}

		/* calls that register a function as an entry point */
		{
			const char *name = callee.kind == V_QNAME && callee.def_file == NULL ? callee.text :
				decorated_text(m, c->call->a, w, 0);
			for (k = 0; name && k < g->cat->entry_calls.count; k++) {
				const aibom_entry_rule *er = aibom_vec__at(&g->cat->entry_calls, aibom_entry_rule, k);
				if (!for_language(er, f))
					continue;
				if (!aibom__glob_any(er->match, er->nmatch, name))
					continue;
				for (j = 0; j < er->nargs; j++) {
					const aibom_expr *a = call_arg(c->call, er->args[j].kw, er->args[j].arg);
					if (a && function_ref(m, a, w, &tf, &td)) {
						/* the function may live in another file: its entry is recorded there
						 * by the finishing pass; keep it here as a pending registration */
						aibom_graph_file *target = &g->files[tf];
						if (target == gf && aibom_graph__add_entry(gf, td, er->kind, er->framework,
							first_literal(c->call), c->call->line) < 0)
							return -1;
						if (target != gf) {
							char **slot = aibom_vec__push(&gf->scripts);
							const aibom_def *d = def_at(target->facts, td);
							if (slot == NULL)
								return -1;
							/* "#file:qualname": the file is known, whatever its module */
							*slot = aibom_arena__printf(&f->arena, "#%u:%s\t%s\t%s",
								tf, d->qualname, er->kind, er->framework);
						}
						break;
					}
				}
				break;
			}
		}
	}
	return 0;
}

static int link_defs(aibom_graph *g, aibom_graph_file *gf, matcher *m)
{
	aibom_facts *f = gf->facts;
	size_t i, k, j;

	for (i = 0; i < f->defs.count; i++) {
		const aibom_def *d = aibom_vec__at(&f->defs, aibom_def, i);
		const aibom_def *parent = def_at(f, d->parent);
		where w = {f, d->parent, d->start_line};

		if (parent && parent->kind == DEF_FUNCTION && d->kind == DEF_FUNCTION &&
		    add_edge(gf, d->parent, f->id, (int)i, EDGE_NESTED, RES_EXACT, d->start_line, NULL, NULL) < 0)
			return -1;
		/* a class body runs where the class is defined: on import (Python, JS), when the class is
		 * first used (Java static fields), which visiting its file's <module> stands for */
		if (d->kind == DEF_CLASS && (parent == NULL || parent->kind == DEF_CLASS) && !d->interface &&
		    add_edge(gf, d->parent, f->id, (int)i, EDGE_NESTED, RES_EXACT, d->start_line, NULL, NULL) < 0)
			return -1;

		for (k = 0; k < d->ndecorators; k++) {
			const aibom_expr *deco = d->decorators[k];
			value v = eval(m, deco, w, 0);
			const char *name = v.kind == V_QNAME && v.def_file == NULL ? v.text : decorated_text(m, deco, w, 0);
			uint32_t tf;
			int td;

			if (name) {
				for (j = 0; j < g->cat->entry_decorators.count; j++) {
					const aibom_entry_rule *er = aibom_vec__at(&g->cat->entry_decorators, aibom_entry_rule, j);
					if (!for_language(er, f))
						continue;
					if (aibom__glob_any(er->match, er->nmatch, name)) {
						if (aibom_graph__add_entry(gf, (int)i, er->kind, er->framework, first_literal(deco), d->start_line) < 0)
							return -1;
						break;
					}
				}
			}
			/* a repository decorator: applied at definition time, and it wraps the function */
			if (function_ref(m, deco->kind == EXPR_CALL ? deco->a : deco, w, &tf, &td)) {
				if (add_edge(gf, d->parent, tf, td, EDGE_DECORATOR, RES_EXACT, d->start_line, NULL, NULL) < 0 ||
				    add_edge(gf, (int)i, tf, td, EDGE_DECORATOR, RES_EXACT, d->start_line, NULL, NULL) < 0)
					return -1;
			}
		}

		if (d->kind == DEF_CLASS) {
			for (k = 0; k < d->nbases; k++) {
				value v = eval(m, d->bases[k], w, 0);
				if (v.kind != V_QNAME)
					continue;
				for (j = 0; j < g->cat->entry_bases.count; j++) {
					const aibom_entry_rule *er = aibom_vec__at(&g->cat->entry_bases, aibom_entry_rule, j);
					if (!for_language(er, f))
						continue;
					size_t mi;
					if (!aibom__glob_any(er->match, er->nmatch, v.text))
						continue;
					for (mi = 0; mi < f->defs.count; mi++) {
						const aibom_def *md = aibom_vec__at(&f->defs, aibom_def, mi);
						if (md->parent == (int)i && md->kind == DEF_FUNCTION && md->name[0] != '_' &&
						    aibom_graph__add_entry(gf, (int)mi, er->kind, er->framework, d->name, md->start_line) < 0)
							return -1;
					}
					break;
				}
			}
		}

		/* top-level functions; in Java, where every function is a method, those of top-level classes */
		if (d->kind == DEF_FUNCTION && (d->parent < 0 ||
		    (f->implicit_this && parent->kind == DEF_CLASS && parent->parent < 0))) {
			for (j = 0; j < g->cat->entry_shapes.count; j++) {
				const aibom_entry_rule *er = aibom_vec__at(&g->cat->entry_shapes, aibom_entry_rule, j);
				if (!for_language(er, f))
					continue;
				bool ok = aibom__glob_any(er->names, er->nnames, d->name) && d->nparams >= er->nparams &&
					(er->npaths == 0 || aibom__glob_any(er->paths, er->npaths, gf->path));
				for (k = 0; ok && k < er->nparams; k++)
					ok = !strcmp(d->params[k].name, er->params[k]);
				if (ok && aibom_graph__add_entry(gf, (int)i, er->kind, er->framework, NULL, d->start_line) < 0)
					return -1;
			}
		}
		/* the functions of a file that starts with a directive: Next.js server actions */
		if (d->kind == DEF_FUNCTION && d->parent < 0 && f->directive) {
			for (j = 0; j < g->cat->entry_directives.count; j++) {
				const aibom_entry_rule *er = aibom_vec__at(&g->cat->entry_directives, aibom_entry_rule, j);
				if (!for_language(er, f))
					continue;
				if (aibom__glob_any(er->names, er->nnames, f->directive) &&
				    aibom_graph__add_entry(gf, (int)i, er->kind, er->framework, f->directive, d->start_line) < 0)
					return -1;
			}
		}
	}
	return 0;
}

static int link_module(aibom_graph *g, aibom_graph_file *gf)
{
	aibom_facts *f = gf->facts;
	size_t i, k, j;

	for (i = 0; i < f->imports.count; i++) {
		const aibom_import *imp = aibom_vec__at(&f->imports, aibom_import, i);
		aibom_facts *mod = imp->target ? aibom_resolve__module(g->idx, imp->target) : NULL;
		if (mod == NULL && imp->target && strchr(imp->target, '.')) {
			/* from pkg.mod import name: the module pkg.mod runs */
			char *parent = aibom_arena__strndup(&f->arena, imp->target,
				(size_t)(strrchr(imp->target, '.') - imp->target));
			mod = parent ? aibom_resolve__module(g->idx, parent) : NULL;
		}
		if (mod && mod != f && add_edge(gf, -1, mod->id, -1, EDGE_IMPORT, RES_EXACT, imp->line, NULL, NULL) < 0)
			return -1;
		if (imp->full && strchr(imp->full, '.')) {
			/* import a.b.c runs a, a.b and a.b.c */
			size_t len = strlen(imp->full), end;
			for (end = 1; end <= len; end++) {
				char *prefix;
				aibom_facts *pm;
				if (end < len && imp->full[end] != '.')
					continue;
				prefix = aibom_arena__strndup(&f->arena, imp->full, end);
				pm = prefix ? aibom_resolve__module(g->idx, prefix) : NULL;
				if (pm && pm != f && pm != mod &&
				    add_edge(gf, -1, pm->id, -1, EDGE_IMPORT, RES_EXACT, imp->line, NULL, NULL) < 0)
					return -1;
			}
		}
		for (k = 0; imp->target && k < g->cat->entry_scripts.count; k++) {
			const aibom_entry_rule *er = aibom_vec__at(&g->cat->entry_scripts, aibom_entry_rule, k);
			if (!for_language(er, f))
				continue;
			for (j = 0; j < er->nimports; j++) {
				size_t n = strlen(er->imports[j]);
				if (!strncmp(imp->target, er->imports[j], n) && (imp->target[n] == '\0' || imp->target[n] == '.')) {
					if (aibom_graph__add_entry(gf, -1, er->kind, er->framework, NULL, imp->line) < 0)
						return -1;
					break;
				}
			}
		}
	}
	if (f->main_line && aibom_graph__add_entry(gf, -1, "main", "python", "__main__", aibom_facts__map_line(f, f->main_line)) < 0)
		return -1;
	return 0;
}

/* A module-level `app = Flask(__name__)` (or FastAPI(), get_wsgi_application(), ...) makes the
 * module's folder a deployable unit even without a marker file. */
static void find_app_object(aibom_graph *g, aibom_graph_file *gf, matcher *m)
{
	aibom_facts *f = gf->facts;
	size_t i;

	for (i = 0; i < f->bindings.count && !gf->app_object; i++) {
		const aibom_binding *b = aibom_vec__at(&f->bindings, aibom_binding, i);
		value v;
		if (b->scope != -1 || b->value == NULL || b->value->kind != EXPR_CALL)
			continue;
		v = eval(m, b->value, (where){f, -1, b->line}, 0);
		if (v.kind == V_QNAME && v.def_file == NULL &&
		    aibom__glob_any((const char *const *)g->cat->service_objects.items, g->cat->service_objects.count, v.text))
			gf->app_object = true;
	}
}

int aibom_graph__link_file(aibom_graph *g, size_t i)
{
	aibom_graph_file *gf = &g->files[i];
	matcher m;

	if (gf->facts == NULL)
		return 0;
	m.cat = g->cat;
	m.idx = g->idx;
	m.arena = &gf->facts->arena;
	m.evals = 0;
	if (link_calls(g, gf, &m) < 0 || link_defs(g, gf, &m) < 0 || link_module(g, gf) < 0)
		return -1;
	find_app_object(g, gf, &m);
	return gf->facts->arena.failed ? (aibom_error__oom(), -1) : 0;
}

/*
 * resolve.c - static evaluation of expressions over the facts of a whole repository.
 *
 * Every expression (a callee, an argument) is evaluated to a qualified name by resolving names through the scopes of
 * its file (function locals, parameters, module constants, imports), through other modules of the
 * repository (imported constants, factory functions, classes and their attributes) and through
 * tracked objects (`client = OpenAI()` makes `client.x` name `openai.OpenAI().x`). The name is
 * matched against the catalog's globs by match.c and used for call edges by link.c. Evaluation is
 * bounded (EVAL_DEPTH_MAX) so cyclic
 * definitions (`a = b; b = a`) end as unresolved, never as a hang.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "resolve.h"
#include "../manifest/config.h"


static char ambiguous_mark;
#define AMBIGUOUS ((void *)&ambiguous_mark)

/* ---------------------------------------------------------------- module index */

static int add_suffixes(aibom_map *m, const char *name, aibom_facts *f)
{
	const char *p = name;

	while ((p = strchr(p, '.')) != NULL) {
		void *old;
		p++;
		old = aibom_map__get(m, p);
		if (aibom_map__set(m, p, old && old != f ? AMBIGUOUS : f) < 0)
			return -1;
	}
	return 0;
}

/* Chain F to the files of its package (same language, same module); the first one is the head. */
static int link_package(aibom_index *idx, aibom_facts *f)
{
	char *key = aibom_arena__printf(&idx->arena, "%s\n%s", f->language ? f->language : "", f->module);
	aibom_facts *last;

	if (key == NULL)
		return -1;
	if ((last = aibom_map__get(idx->packages, key)) == NULL) {
		f->pkg_head = f;
	} else {
		f->pkg_head = last->pkg_head;
		last->pkg_next = f;
	}
	f->pkg_next = NULL;
	return aibom_map__set(idx->packages, key, f);
}

int aibom_index__build(aibom_index *idx, aibom_facts **files, size_t nfiles)
{
	size_t i;

	memset(idx, 0, sizeof(*idx));
	idx->files = files;
	idx->nfiles = nfiles;
	if ((idx->modules = aibom_map__new()) == NULL || (idx->suffixes = aibom_map__new()) == NULL ||
	    (idx->packages = aibom_map__new()) == NULL || (idx->config = aibom_map__new()) == NULL)
		return -1;
	for (i = 0; i < nfiles; i++) {
		aibom_facts *f = files[i];
		if (f == NULL || f->module == NULL)
			continue;
		if (aibom_facts__index(f) < 0)
			return -1;
		if (f->package_scope && link_package(idx, f) < 0)
			return -1;
		if (f->module[0] == '\0' || (f->package_scope && f->pkg_head != f))
			continue; /* a package is indexed by its first file */
		if (aibom_map__set(idx->modules, f->module, f) < 0 || add_suffixes(idx->suffixes, f->module, f) < 0)
			return -1;
	}
	return 0;
}

void aibom_index__free(aibom_index *idx)
{
	aibom_map__free(idx->modules);
	aibom_map__free(idx->suffixes);
	aibom_map__free(idx->packages);
	aibom_map__free(idx->config);
	aibom_arena__free(&idx->arena);
	memset(idx, 0, sizeof(*idx));
}

/* A configuration key as Spring binds it: lower case, without '-' and '_' ("deployment-name",
 * "deploymentName" and "DEPLOYMENT_NAME" are one key), marked so it never meets an exact key. */
static char *relaxed_key(aibom_arena *a, const char *key)
{
	char *out = aibom_arena__alloc(a, strlen(key) + 2), *o = out;

	if (out == NULL)
		return NULL;
	*o++ = '~';
	for (; *key; key++)
		if (*key != '-' && *key != '_')
			*o++ = (char)(*key >= 'A' && *key <= 'Z' ? *key - 'A' + 'a' : *key);
	*o = '\0';
	return out;
}

/* "spring.ai.openai.api-key" also marks "prefix:spring", "prefix:spring.ai" and
 * "prefix:spring.ai.openai" as configured in its file: which provider a module sets up. */
static int add_config_prefixes(aibom_index *idx, const char *key, const aibom_config_value *v)
{
	const char *dot;

	for (dot = strchr(key, '.'); dot; dot = strchr(dot + 1, '.')) {
		char *p = aibom_arena__printf(&idx->arena, "prefix:%.*s", (int)(dot - key), key);
		aibom_config_value *c, *head;
		if (p == NULL || (c = aibom_arena__alloc(&idx->arena, sizeof(*c))) == NULL)
			return -1;
		*c = *v;
		c->next = NULL;
		if ((head = aibom_map__get(idx->config, p)) != NULL) {
			/* one mark per file is enough */
			while (strcmp(head->path, v->path) && head->next)
				head = head->next;
			if (strcmp(head->path, v->path))
				head->next = c;
		} else if (aibom_map__set(idx->config, p, c) < 0) {
			return -1;
		}
	}
	return 0;
}

int aibom_index__add_config(aibom_index *idx, const char *key, const char *value, const char *path, uint32_t line)
{
	aibom_config_value *v, *head;
	char *relaxed;

	if ((v = aibom_arena__alloc(&idx->arena, sizeof(*v))) == NULL ||
	    (relaxed = relaxed_key(&idx->arena, key)) == NULL)
		return -1;
	v->value = value;
	v->path = path;
	v->line = line;
	/* every file's value is kept, in path order: the reader picks the nearest */
	if ((head = aibom_map__get(idx->config, key)) != NULL) {
		while (head->next)
			head = head->next;
		head->next = v;
	} else if (aibom_map__set(idx->config, key, v) < 0) {
		return -1;
	}
	if (aibom_map__get(idx->config, relaxed) == NULL) {
		aibom_config_value *r = aibom_arena__alloc(&idx->arena, sizeof(*r));
		if (r == NULL)
			return -1;
		*r = *v;
		r->next = NULL;
		if (aibom_map__set(idx->config, relaxed, r) < 0)
			return -1;
	}
	return add_config_prefixes(idx, key, v);
}

aibom_facts *aibom_resolve__module(const aibom_index *idx, const char *name)
{
	aibom_facts *f = aibom_map__get(idx->modules, name);
	if (f == NULL) {
		f = aibom_map__get(idx->suffixes, name);
		if (f == AMBIGUOUS)
			f = NULL;
	}
	return f;
}

/* ---------------------------------------------------------------- values */

/* The line a binding's value is evaluated at: `x = append(x, y)` reads the x bound before. */
static uint32_t before(uint32_t line)
{
	return line > 1 ? line - 1 : line;
}


value unknown(void)
{
	value v;
	memset(&v, 0, sizeof(v));
	v.def = -1;
	v.param_def = -1;
	v.param_index = -1;
	return v;
}

value qname(const char *text)
{
	value v = unknown();
	v.kind = V_QNAME;
	v.text = text;
	return v;
}

/* An external qualified name, or the string an SDK constant of the catalog stands for
 * (github.com/sashabaranov/go-openai.GPT4o -> "gpt-4o"). */
static value external(const matcher *m, const char *text)
{
	const char *s = text ? aibom_map__get(m->cat->constants, text) : NULL;
	value v;

	if (s == NULL)
		return qname(text);
	v = unknown();
	v.kind = V_STR;
	v.text = s;
	v.how = "constant";
	return v;
}

/* The configuration value of KEY, as a string resolved "config:PATH:LINE", or unknown. */
static value config_value(matcher *m, const char *key, const char *from, int depth);

/* "${NAME:default}" (Spring, compose): the configuration's NAME, else the default. Any other
 * string is itself. */
static value placeholder(matcher *m, value v, const char *from, int depth)
{
	char *name = NULL, *fallback = NULL;
	value r;

	if (v.kind != V_STR || strchr(v.text, '$') == NULL || aibom_config__placeholder(v.text, &name, &fallback) != 1)
		return v;
	r = config_value(m, name, from, depth + 1);
	if (r.kind == V_UNKNOWN && fallback) {
		r = unknown();
		r.kind = V_STR;
		r.text = aibom_arena__strdup(m->arena, fallback);
		r.how = "config_default";
		r = placeholder(m, r, from, depth + 1);
	} else if (r.kind == V_UNKNOWN) {
		r.kind = V_ENV;
		r.text = aibom_arena__strdup(m->arena, name);
	}
	free(name);
	free(fallback);
	return r;
}

/* The folder a configuration file configures: its own, or the module's when it sits in one of
 * the catalog's config_folders (module/src/main/resources/application.yml configures module). */
static size_t config_root(const aibom_catalog *cat, const char *config)
{
	const char *slash = strrchr(config, '/');
	size_t dir = slash ? (size_t)(slash - config) : 0, i;

	for (i = 0; i < cat->config_folders.count; i++) {
		const char *r = *aibom_vec__at(&cat->config_folders, const char *, i);
		size_t n = strlen(r);
		if (dir == n && !strncmp(config, r, n)) /* at the root */
			return 0;
		if (dir > n && config[dir - n - 1] == '/' && !strncmp(config + dir - n, r, n))
			return dir - n - 1;
	}
	return dir;
}

/* How deep the folder CONFIG configures is, when PATH is inside it; -1 when PATH is elsewhere (the
 * configuration of another service). */
static int config_score(const aibom_catalog *cat, const char *path, const char *config)
{
	size_t root = config_root(cat, config), i;
	int depth = 0;

	if (root == 0)
		return 0;
	if (strncmp(path, config, root) || path[root] != '/')
		return -1;
	for (i = 0; i < root; i++)
		depth += config[i] == '/';
	return depth + 1;
}

static value config_value(matcher *m, const char *key, const char *from, int depth)
{
	const aibom_config_value *c = key ? aibom_map__get(m->idx->config, key) : NULL, *best;
	value v = unknown();
	char *relaxed;
	int best_score;

	if (c == NULL && key && (relaxed = relaxed_key(m->arena, key)) != NULL)
		c = aibom_map__get(m->idx->config, relaxed);
	if (c == NULL || depth > EVAL_DEPTH_MAX)
		return v;
	/* of the files that set the key, the one that configures the innermost folder holding the
	 * code that reads it, the first in path order among equals */
	for (best = NULL, best_score = -1; c; c = c->next) {
		int score = from ? config_score(m->cat, from, c->path) : 0;
		if (score > best_score) {
			best = c;
			best_score = score;
		}
	}
	if (best == NULL)
		return v;
	v.kind = V_STR;
	v.text = best->value;
	v.how = aibom_arena__printf(m->arena, "config:%s:%u", best->path, best->line);
	v = placeholder(m, v, from, depth + 1);
	return v;
}

value aibom_resolve__config(matcher *m, const char *key, const char *from)
{
	return config_value(m, key, from, 0);
}

const aibom_def *def_at(aibom_facts *f, int i)
{
	return i >= 0 && (size_t)i < f->defs.count ? aibom_vec__at(&f->defs, aibom_def, i) : NULL;
}

/* The last binding of NAME in SCOPE at or before LINE (any line when none is before it). */
static const aibom_binding *find_binding(aibom_facts *f, int scope, const char *name, uint32_t line)
{
	const aibom_binding *best = NULL, *any = NULL;
	size_t i, n;
	const aibom_binding_key *k = aibom_facts__bindings_named(f, name, &n);

	for (i = 0; i < n; i++) {
		const aibom_binding *b = aibom_vec__at(&f->bindings, aibom_binding, k[i].index);
		if (k[i].scope != scope)
			continue;
		if (b->line <= line)
			best = b;
		else if (any == NULL)
			any = b;
	}
	return best ? best : any;
}

int find_def(aibom_facts *f, int parent, const char *name)
{
	return aibom_facts__def_named(f, parent, name);
}

static value def_value(matcher *m, aibom_facts *f, int def)
{
	const aibom_def *d = def_at(f, def);
	value v = qname(f->module && f->module[0] ?
		aibom_arena__printf(m->arena, "%s.%s", f->module, d->qualname) : d->qualname);
	v.def_file = f;
	v.def = def;
	v.how = "constant";
	return v;
}

static value module_value(const char *name, aibom_facts *mod)
{
	value v = qname(name);
	v.mod = mod;
	return v;
}

static value module_member(matcher *m, aibom_facts *mod, const char *name, int depth);

/* An import target ("pkg.mod.NAME" or "pkg.mod") as a value: a repository module, a member of
 * one, or an external qualified name. */
static value import_target(matcher *m, const char *target, int depth)
{
	aibom_facts *mod = aibom_resolve__module(m->idx, target);
	const char *dot;

	if (mod)
		return module_value(target, mod);
	dot = strrchr(target, '.');
	if (dot) {
		char *parent = aibom_arena__strndup(m->arena, target, (size_t)(dot - target));
		if (parent && (mod = aibom_resolve__module(m->idx, parent)) != NULL) {
			value v = module_member(m, mod, dot + 1, depth + 1);
			if (v.kind != V_UNKNOWN)
				return v;
		}
	}
	return external(m, target);
}

/* A value that says what an attribute holds: not unknown, not the None of a lazy set-up
 * (`self.client = None` before the real client). */
static bool informative(value v)
{
	return v.kind != V_UNKNOWN && !(v.kind == V_CONST && !strcmp(v.text, "None"));
}

/* NAME bound or defined at the top of F (not imported): true with its value in *OUT. */
static bool top_level(matcher *m, aibom_facts *f, const char *name, int depth, value *out)
{
	const aibom_binding *b = find_binding(f, -1, name, UINT32_MAX);
	int d;

	if (b) {
		*out = eval(m, b->value, (where){f, -1, before(b->line)}, depth + 1);
		if (out->kind == V_STR && out->how && !strcmp(out->how, "literal"))
			out->how = "constant";
		return true;
	}
	if ((d = find_def(f, -1, name)) >= 0) {
		*out = def_value(m, f, d);
		return true;
	}
	return false;
}

/* A top-level name of another file of F's package (Go, Java): constants and definitions, not
 * the imports, which belong to each file. */
static value package_member(matcher *m, aibom_facts *f, const char *name, int depth)
{
	aibom_facts *o;
	value v;

	if (depth > EVAL_DEPTH_MAX)
		return unknown();
	for (o = f->pkg_head; o; o = o->pkg_next)
		if (o != f && top_level(m, o, name, depth, &v))
			return v;
	return unknown();
}

static value module_member(matcher *m, aibom_facts *mod, const char *name, int depth)
{
	size_t i;
	value v;

	if (depth > EVAL_DEPTH_MAX)
		return unknown();
	/* a package (Go, Java) holds the members of all its files */
	if (top_level(m, mod, name, depth, &v))
		return v;
	if (mod->package_scope && (v = package_member(m, mod, name, depth + 1)).kind != V_UNKNOWN)
		return v;
	for (i = 0; i < mod->imports.count; i++) {
		const aibom_import *imp = aibom_vec__at(&mod->imports, aibom_import, i);
		if (!imp->star && !strcmp(imp->alias, name))
			return import_target(m, imp->target, depth + 1);
	}
	for (i = 0; i < mod->imports.count; i++) {
		const aibom_import *imp = aibom_vec__at(&mod->imports, aibom_import, i);
		aibom_facts *other;
		if (imp->star && (other = aibom_resolve__module(m->idx, imp->target)) != NULL && other != mod) {
			value v = module_member(m, other, name, depth + 1);
			if (v.kind != V_UNKNOWN)
				return v;
		}
	}
	if (mod->module && mod->module[0]) {
		char *sub = aibom_arena__printf(m->arena, "%s.%s", mod->module, name);
		aibom_facts *sm = sub ? aibom_resolve__module(m->idx, sub) : NULL;
		if (sm)
			return module_value(sub, sm);
	}
	return unknown();
}

/* Go: a method of TYPE declared in another file of F's package than the type (the method NAME of
 * no class, with that receiver), or what such a method sets self.NAME to. */
static value detached_member(matcher *m, aibom_facts *f, const char *type, const char *name, bool instance,
	int depth)
{
	aibom_facts *o;
	char *self_name = instance ? aibom_arena__printf(m->arena, "self.%s", name) : NULL;

	if (depth > EVAL_DEPTH_MAX)
		return unknown();
	for (o = f->pkg_head ? f->pkg_head : f; o; o = o->pkg_next) {
		size_t i, n;
		const aibom_def_key *k = aibom_facts__defs_named(o, -1, name, &n);
		for (i = 0; i < n; i++) {
			const aibom_def *md = def_at(o, (int)k[i].index);
			if (md->receiver && !strcmp(md->receiver, type))
				return def_value(m, o, (int)k[i].index);
		}
		if (self_name) {
			const aibom_binding_key *bk = aibom_facts__bindings_named(o, self_name, &n);
			for (i = 0; i < n; i++) {
				const aibom_binding *sb = aibom_vec__at(&o->bindings, aibom_binding, bk[i].index);
				const aibom_def *sd = def_at(o, sb->scope);
				value v;
				if (sd == NULL || sd->parent >= 0 || sd->receiver == NULL || strcmp(sd->receiver, type))
					continue;
				v = eval(m, sb->value, (where){o, sb->scope, sb->line}, depth + 1);
				if (informative(v))
					return v;
			}
		}
		if (!o->package_scope)
			break;
	}
	return unknown();
}

/* Attribute NAME of class DEF (or of its instances): class body bindings, then self.NAME set in
 * any method, then methods; then the repository base classes. */
static value class_member(matcher *m, aibom_facts *f, int def, const char *name, bool instance, int depth)
{
	const aibom_binding *b;
	const aibom_def *d = def_at(f, def);
	char *self_name;
	size_t i;
	int method;

	if (depth > EVAL_DEPTH_MAX || d == NULL)
		return unknown();
	/* a field declared with a value; one declared with a type only is what the constructor sets
	 * it to, else an instance of its type */
	if ((b = find_binding(f, def, name, UINT32_MAX)) != NULL && !b->typed) {
		value v = eval(m, b->value, (where){f, def, b->line}, depth + 1);
		if (v.kind == V_STR && (v.how == NULL || !strcmp(v.how, "literal")))
			v.how = "constant";
		return v;
	}
	if (instance && (self_name = aibom_arena__printf(m->arena, "self.%s", name)) != NULL) {
		/* self.NAME as set in the methods: __init__ first, then the others in order; a binding to
		 * None (`self.client = None` before a lazy set-up) says nothing */
		int pass;
		size_t n;
		const aibom_binding_key *k = aibom_facts__bindings_named(f, self_name, &n);
		for (pass = 0; pass < 2; pass++) {
			for (i = 0; i < n; i++) {
				const aibom_binding *sb = aibom_vec__at(&f->bindings, aibom_binding, k[i].index);
				const aibom_def *sd = def_at(f, sb->scope);
				value v;
				if (sd == NULL || sd->parent != def || strcmp(sb->target, self_name) ||
				    (pass == 0) != (!strcmp(sd->name, "__init__") || !strcmp(sd->name, d->name)))
					continue;
				v = eval(m, sb->value, (where){f, sb->scope, sb->line}, depth + 1);
				if (informative(v))
					return v;
			}
		}
	}
	if (instance && (self_name = aibom_arena__printf(m->arena, "%s{}.%s", d->name, name)) != NULL) {
		/* Go: T{name: value} anywhere in the package */
		aibom_facts *o;
		for (o = f->package_scope && f->pkg_head ? f->pkg_head : f; o; o = o->package_scope ? o->pkg_next : NULL) {
			size_t n;
			const aibom_binding_key *k = aibom_facts__bindings_named(o, self_name, &n);
			for (i = 0; i < n; i++) {
				const aibom_binding *sb = aibom_vec__at(&o->bindings, aibom_binding, k[i].index);
				value v;
				v = eval(m, sb->value, (where){o, sb->scope, sb->line}, depth + 1);
				if (informative(v))
					return v;
			}
		}
	}
	if (b != NULL)
		return eval(m, b->value, (where){f, def, b->line}, depth + 1);
	if ((method = find_def(f, def, name)) >= 0)
		return def_value(m, f, method);
	if (f->package_scope && d->parent < 0) {
		value v = detached_member(m, f, d->name, name, instance, depth + 1);
		if (v.kind != V_UNKNOWN)
			return v;
	}
	for (i = 0; i < d->nbases; i++) {
		value base = eval(m, d->bases[i], (where){f, d->parent, d->start_line}, depth + 1);
		if (base.kind == V_QNAME && base.def_file && def_at(base.def_file, base.def)->kind == DEF_CLASS) {
			value v = class_member(m, base.def_file, base.def, name, instance, depth + 1);
			if (v.kind != V_UNKNOWN)
				return v;
		}
	}
	return unknown();
}

/* A parameter of definition DEF of F whose value only its callers know. */
static value param_value(aibom_facts *f, int def, int index, const char *name)
{
	value v = unknown();
	v.kind = V_PARAM;
	v.text = name;
	v.param_file = f;
	v.param_def = def;
	v.param_index = index;
	return v;
}

static value resolve_name(matcher *m, where w, const char *name, int depth)
{
	int s = w.scope;
	bool first = true;
	size_t i;

	if (!strcmp(name, "this")) {
		/* JavaScript: the instance of the class whose method (or a function in it) this is */
		int d = w.scope;
		while (d >= 0 && def_at(w.f, d)->kind != DEF_CLASS)
			d = def_at(w.f, d)->parent;
		if (d >= 0) {
			value v = def_value(m, w.f, d);
			v.instance = true;
			return v;
		}
		return unknown();
	}

	while (s >= 0) {
		const aibom_def *d = def_at(w.f, s);
		const aibom_binding *b;
		uint32_t k;
		int nested;

		if (d->kind == DEF_CLASS && !first) {
			/* Java: a bare name in a method may be a field of the class */
			if (w.f->implicit_this && strcmp(name, d->name)) { /* the class's own name is the class */
				value v = class_member(m, w.f, s, name, true, depth + 1);
				if (v.kind != V_UNKNOWN)
					return v;
			}
			s = d->parent;
			continue;
		}
		if (d->kind == DEF_FUNCTION && d->self_name && !strcmp(d->self_name, name)) {
			/* Go: the receiver of a method; its type may be in another file of the package */
			const aibom_def *cls = def_at(w.f, d->parent);
			value v = unknown();
			if (cls && cls->kind == DEF_CLASS)
				v = def_value(m, w.f, d->parent);
			else if (d->receiver && w.f->package_scope)
				v = package_member(m, w.f, d->receiver, depth + 1);
			if (v.kind == V_QNAME && v.def_file && def_at(v.def_file, v.def)->kind == DEF_CLASS) {
				v.instance = true;
				return v;
			}
		}
		if (d->kind == DEF_FUNCTION && (!strcmp(name, "self") || !strcmp(name, "cls")) &&
		    d->nparams > 0 && !strcmp(d->params[0].name, name)) {
			const aibom_def *cls = def_at(w.f, d->parent);
			if (cls && cls->kind == DEF_CLASS) {
				value v = def_value(m, w.f, d->parent);
				v.instance = !strcmp(name, "self");
				return v;
			}
		}
		if ((b = find_binding(w.f, s, name, first ? w.line : UINT32_MAX)) != NULL)
			return eval(m, b->value, (where){w.f, s, before(b->line)}, depth + 1);
		for (k = 0; d->kind == DEF_FUNCTION && k < d->nparams; k++) {
			if (strcmp(d->params[k].name, name))
				continue;
			if (d->params[k].default_value) {
				value v = eval(m, d->params[k].default_value,
					(where){w.f, d->parent, d->start_line}, depth + 1);
				if (v.kind == V_STR) {
					v.how = "default";
					return v;
				}
				/* a None default means "not given": the value comes from the caller */
				if (!(v.kind == V_CONST && !strcmp(v.text, "None")))
					return v;
			}
			if (d->params[k].annotation) {
				/* a parameter typed with a class is an instance of it */
				value t = eval(m, d->params[k].annotation, (where){w.f, d->parent, d->start_line}, depth + 1);
				const aibom_def *td = t.def_file ? def_at(t.def_file, t.def) : NULL;
				if (t.kind == V_QNAME && td && td->kind == DEF_CLASS && !t.instance) {
					t.instance = true;
					t.text = aibom_arena__printf(m->arena, "%s()", t.text);
					return t;
				}
				if (t.kind == V_QNAME && t.def_file == NULL && t.mod == NULL && strchr(t.text, '.')) {
					value v = qname(aibom_arena__printf(m->arena, "%s()", t.text));
					return v;
				}
			}
			return param_value(w.f, s, (int)k, d->params[k].name);
			return param_value(w.f, s, (int)k, d->params[k].name);
		}
		if ((nested = find_def(w.f, s, name)) >= 0)
			return def_value(m, w.f, nested);
		s = d->parent;
		first = false;
	}
	/* module level */
	{
		const aibom_binding *b = find_binding(w.f, -1, name, first ? w.line : UINT32_MAX);
		int d;
		if (b) {
			value v = eval(m, b->value, (where){w.f, -1, before(b->line)}, depth + 1);
			if (v.kind == V_STR && !first && v.how && !strcmp(v.how, "literal"))
				v.how = "constant";
			return v;
		}
		for (i = 0; i < w.f->imports.count; i++) {
			const aibom_import *imp = aibom_vec__at(&w.f->imports, aibom_import, i);
			if (!imp->star && !strcmp(imp->alias, name)) {
				value v = import_target(m, imp->target, depth + 1);
				if (v.kind == V_STR)
					v.how = "constant";
				return v;
			}
		}
		if ((d = find_def(w.f, -1, name)) >= 0)
			return def_value(m, w.f, d);
		if (w.f->package_scope) {
			value v = package_member(m, w.f, name, depth + 1);
			if (v.kind != V_UNKNOWN)
				return v;
		}
		for (i = 0; i < w.f->imports.count; i++) {
			const aibom_import *imp = aibom_vec__at(&w.f->imports, aibom_import, i);
			aibom_facts *other;
			if (imp->star && (other = aibom_resolve__module(m->idx, imp->target)) != NULL && other != w.f) {
				value v = module_member(m, other, name, depth + 1);
				if (v.kind != V_UNKNOWN)
					return v;
			}
		}
	}
	return qname(name);
}

static bool in_list(const aibom_vec *list, const char *name)
{
	size_t i;
	for (i = 0; name && i < list->count; i++)
		if (!strcmp(*aibom_vec__at(list, const char *, i), name))
			return true;
	return false;
}

const aibom_expr *call_arg(const aibom_expr *call, const char *kw, int pos)
{
	uint32_t i;
	int n = 0;

	if (kw == NULL && pos < 0) { /* from the end: -1 is the last positional argument */
		int count = 0;
		for (i = 0; i < call->nargs; i++)
			count += call->args[i].kw == NULL;
		if (count + pos < 0)
			return NULL;
		pos += count;
	}
	for (i = 0; i < call->nargs; i++) {
		const aibom_arg *a = &call->args[i];
		if (kw) {
			if (a->kw && !strcmp(a->kw, kw))
				return a->value;
		} else if (a->kw == NULL) {
			if (a->value->kind == EXPR_UNKNOWN && a->value->text == NULL)
				return NULL; /* *args: later positions unknown */
			if (n++ == pos)
				return a->value;
		}
	}
	if (kw) {
		/* an options object as the first argument: create({ model: "gpt-4o" }) */
		const aibom_expr *first = call_arg(call, NULL, 0);
		if (first && first->kind == EXPR_LIST)
			for (i = 0; i < first->nargs; i++)
				if (first->args[i].kw && !strcmp(first->args[i].kw, kw))
					return first->args[i].value;
	}
	return NULL;
}

/* Java: a bare call m(...) in a class calls its method m, even when a field has that name (fields
 * and methods are apart); unknown when no enclosing class has one. */
static value own_method(matcher *m, where w, const char *name)
{
	int d = w.scope;

	while (d >= 0) {
		const aibom_def *dd = def_at(w.f, d);
		if (dd->kind == DEF_CLASS) {
			int k = find_def(w.f, d, name);
			if (k >= 0 && def_at(w.f, k)->kind == DEF_FUNCTION)
				return def_value(m, w.f, k);
		}
		d = dd->parent;
	}
	return unknown();
}

value aibom_resolve__callee(matcher *m, const aibom_expr *call, where w)
{
	value fn = w.f->implicit_this && call->a && call->a->kind == EXPR_NAME ? own_method(m, w, call->a->text) : unknown();
	return fn.kind == V_UNKNOWN ? eval(m, call->a, w, 0) : fn;
}

static value eval_call(matcher *m, const aibom_expr *e, where w, int depth)
{
	value fn = w.f->implicit_this && e->a && e->a->kind == EXPR_NAME ? own_method(m, w, e->a->text) : unknown(), v;
	const aibom_expr *first;
	size_t i;

	if (fn.kind == V_UNKNOWN)
		fn = eval(m, e->a, w, depth);
	if (fn.kind != V_QNAME) {
		/* ChatModel.GPT_4_O.getValue(): the constant's string */
		if (e->a && e->a->kind == EXPR_ATTR && in_list(&m->cat->constant_accessors, e->a->text)) {
			v = eval(m, e->a->a, w, depth + 1);
			if (v.kind == V_STR)
				return v;
		}
		return unknown();
	}
	if (in_list(&m->cat->value_wrappers, fn.text) && (first = call_arg(e, NULL, 0)) != NULL)
		return eval(m, first, w, depth + 1); /* aws.String("id") is "id" */
	if (fn.def_file) {
		const aibom_def *d = def_at(fn.def_file, fn.def);
		if (d->kind == DEF_CLASS && !fn.instance) {
			v = fn;
			v.instance = true;
			v.text = aibom_arena__printf(m->arena, "%s()", fn.text);
			v.ctor = e;
			v.ctor_file = w.f;
			v.ctor_scope = w.scope;
			return v;
		}
		if (d->kind == DEF_FUNCTION) {
			/* a factory: what its return statements give */
			for (i = 0; i < fn.def_file->returns.count; i++) {
				const aibom_return *r = aibom_vec__at(&fn.def_file->returns, aibom_return, i);
				if (r->scope != fn.def)
					continue;
				v = eval(m, r->value, (where){fn.def_file, fn.def, UINT32_MAX}, depth + 1);
				if (v.kind == V_QNAME || v.kind == V_STR)
					return v;
			}
			return unknown();
		}
	}
	if (in_list(&m->cat->env_getters, fn.text)) {
		const aibom_expr *name = call_arg(e, NULL, 0), *def = call_arg(e, NULL, 1);
		value nv = name ? eval(m, name, w, depth + 1) : unknown();
		if (def == NULL)
			def = call_arg(e, "default", -1);
		if (def) {
			v = eval(m, def, w, depth + 1);
			if (v.kind == V_STR) {
				v.how = "env_default";
				return v;
			}
		}
		if (nv.kind == V_STR && (v = config_value(m, nv.text, w.f->path, depth + 1)).kind != V_UNKNOWN)
			return v; /* set in a .env, a compose file, a Helm chart... */
		v = unknown();
		v.kind = V_ENV;
		v.text = nv.kind == V_STR ? nv.text : "?";
		return v;
	}
	first = call_arg(e, NULL, 0);
	if (first && first->kind == EXPR_STR && strlen(first->text) < 64)
		v = qname(aibom_arena__printf(m->arena, "%s('%s')", fn.text, first->text));
	else
		v = qname(aibom_arena__printf(m->arena, "%s()", fn.text));
	v.ctor = e;
	v.ctor_file = w.f;
	v.ctor_scope = w.scope;
	return v;
}

/* ---------------------------------------------------------------- rule argument specs */

static const char *last_name(const aibom_expr *e)
{
	return e == NULL ? NULL : e->kind == EXPR_ATTR || e->kind == EXPR_NAME ? e->text : NULL;
}

/* The expression E stands for: a name bound to a call or composite literal gives that call, and
 * *W moves to where it was made. */
static const aibom_expr *follow(matcher *m, const aibom_expr *e, where *w)
{
	value v;

	while (e && e->kind == EXPR_AWAIT)
		e = e->a;
	if (e == NULL || (e->kind != EXPR_NAME && e->kind != EXPR_ATTR))
		return e;
	v = eval(m, e, *w, 0);
	if (v.ctor == NULL)
		return e;
	*w = (where){v.ctor_file, v.ctor_scope, before(v.ctor->line)};
	return v.ctor;
}

/* Option(x) or Option: x among the arguments of CALL (and of the calls and literals in them) */
static const aibom_expr *option_arg(matcher *m, const aibom_expr *call, const char *name, where *w, int depth)
{
	uint32_t i;

	if (call == NULL || (call->kind != EXPR_CALL && call->kind != EXPR_LIST) || depth > 4)
		return NULL;
	for (i = 0; i < call->nargs; i++) {
		const aibom_arg *a = &call->args[i];
		const aibom_expr *v = a->value, *r;
		const char *fn;
		while (v && v->kind == EXPR_AWAIT)
			v = v->a;
		if (a->kw && !strcmp(a->kw, name))
			return v;
		if (v && v->kind == EXPR_CALL && (fn = last_name(v->a)) && !strcmp(fn, name) && v->nargs)
			return call_arg(v, NULL, 0);
		if (v && v->kind == EXPR_UNKNOWN && v->a) /* f(opts...) */
			v = v->a;
		if (v && v->kind == EXPR_NAME && m) {
			/* cfg := openai.DefaultConfig(k); cfg.BaseURL = "..."; openai.NewClientWithConfig(cfg) */
			char *field = aibom_arena__printf(m->arena, "%s.%s", v->text, name);
			const aibom_binding *b = field ? find_binding(w->f, w->scope, field, w->line) : NULL;
			if (b)
				return b->value;
			v = follow(m, v, w);
		}
		if ((r = option_arg(m, v, name, w, depth + 1)) != NULL)
			return r;
	}
	return NULL;
}

/* .NAME(x) in the builder chain E is made of, or in the chains passed to its steps */
static const aibom_expr *chain_arg(matcher *m, const aibom_expr *e, const char *name, where *w, int depth)
{
	const aibom_expr *x;
	const char *step;
	uint32_t i;

	if (depth > 12)
		return NULL;
	e = follow(m, e, w);
	if (e == NULL || e->kind != EXPR_CALL)
		return NULL;
	if ((step = last_name(e->a)) != NULL && !strcmp(step, name) && (x = call_arg(e, NULL, 0)) != NULL)
		return x;
	for (i = 0; i < e->nargs; i++) {
		where aw = *w;
		const aibom_expr *v = e->args[i].value;
		if (v && (v->kind == EXPR_CALL || v->kind == EXPR_NAME) && (x = chain_arg(m, v, name, &aw, depth + 1)) != NULL) {
			*w = aw;
			return x;
		}
	}
	if (e->a && e->a->kind == EXPR_ATTR)
		return chain_arg(m, e->a->a, name, w, depth + 1);
	return NULL;
}

const aibom_expr *aibom_resolve__spec_arg(matcher *m, const aibom_expr *call, const aibom_rule_arg *spec, where *w)
{
	const aibom_expr *base = call;

	if (spec->option)
		return option_arg(m, call, spec->option, w, 0);
	if (spec->has_arg) {
		if ((base = call_arg(call, NULL, spec->arg)) == NULL || (!spec->key && !spec->chain))
			return base;
		base = follow(m, base, w);
		if (spec->key) {
			uint32_t i;
			for (i = 0; base && (base->kind == EXPR_CALL || base->kind == EXPR_LIST) && i < base->nargs; i++)
				if (base->args[i].kw && !strcmp(base->args[i].kw, spec->key))
					return base->args[i].value;
			return NULL;
		}
	} else if (spec->kw) {
		return call_arg(call, spec->kw, -1);
	}
	return spec->chain ? chain_arg(m, base, spec->chain, w, 0) : NULL;
}

const aibom_expr *aibom_resolve__option(matcher *m, const aibom_expr *call, const char *name, where *w)
{
	return option_arg(m, call, name, w, 0);
}

/* Join string parts; unknown parts become "{}". */
static value join(matcher *m, const value *parts, size_t n)
{
	aibom_str s = AIBOM_STR_INIT;
	bool partial = false, literal = true;
	value v = unknown();
	size_t i;

	for (i = 0; i < n; i++) {
		if (parts[i].kind == V_STR || parts[i].kind == V_CONST) {
			aibom_str__puts(&s, parts[i].text ? parts[i].text : "");
			if (parts[i].how && strcmp(parts[i].how, "literal"))
				literal = false;
		} else {
			aibom_str__puts(&s, "{}");
			partial = true;
		}
	}
	v.kind = partial ? V_PARTIAL : V_STR;
	v.text = aibom_arena__strdup(m->arena, aibom_str__cstr(&s));
	v.how = partial ? "partial" : literal ? "literal" : "constant";
	aibom_str__free(&s);
	return v;
}

value eval(matcher *m, const aibom_expr *e, where w, int depth)
{
	value v = unknown();

	if (depth == 0)
		m->evals = 0; /* a top-level evaluation (or a step of its chain) */
	if (e == NULL || depth > EVAL_DEPTH_MAX || ++m->evals > EVAL_BUDGET)
		return v;
	switch (e->kind) {
	case EXPR_STR:
		v.kind = V_STR;
		v.text = e->text;
		v.how = "literal";
		return placeholder(m, v, w.f->path, depth);
	case EXPR_CONST:
		v.kind = V_CONST;
		v.text = e->text;
		v.how = "literal";
		return v;
	case EXPR_FSTR: {
		value parts[32];
		uint32_t i, n = e->nargs < 32 ? e->nargs : 32;
		for (i = 0; i < n; i++)
			parts[i] = eval(m, e->args[i].value, w, depth + 1);
		return join(m, parts, n);
	}
	case EXPR_CONCAT: {
		value parts[2];
		parts[0] = eval(m, e->a, w, depth + 1);
		parts[1] = eval(m, e->b, w, depth + 1);
		if ((parts[0].kind == V_STR || parts[0].kind == V_PARTIAL) ||
		    (parts[1].kind == V_STR || parts[1].kind == V_PARTIAL)) {
			if (parts[0].kind == V_PARTIAL || parts[1].kind == V_PARTIAL) {
				/* keep the known text of partial parts */
				aibom_str s = AIBOM_STR_INIT;
				int k;
				for (k = 0; k < 2; k++)
					aibom_str__puts(&s, parts[k].kind == V_STR || parts[k].kind == V_PARTIAL ?
						parts[k].text : "{}");
				v.kind = V_PARTIAL;
				v.text = aibom_arena__strdup(m->arena, aibom_str__cstr(&s));
				v.how = "partial";
				aibom_str__free(&s);
				return v;
			}
			return join(m, parts, 2);
		}
		return unknown();
	}
	case EXPR_OR: {
		value a = eval(m, e->a, w, depth + 1), b;
		if (a.kind == V_STR || a.kind == V_QNAME)
			return a;
		b = eval(m, e->b, w, depth + 1);
		if (b.kind == V_STR) {
			b.how = a.kind == V_ENV ? "env_default" : "fallback";
			return b;
		}
		/* local ? null : make(): the null branch says nothing */
		if (a.kind == V_CONST && !strcmp(a.text, "None") && b.kind != V_UNKNOWN)
			return b;
		return a.kind != V_UNKNOWN ? a : b;
	}
	case EXPR_AWAIT:
		return eval(m, e->a, w, depth);
	case EXPR_FUNC: {
		int d = aibom_facts__def_at_byte(w.f, e->start_byte);
		return d >= 0 ? def_value(m, w.f, d) : unknown();
	}
	case EXPR_NAME:
		return resolve_name(m, w, e->text, depth + 1);
	case EXPR_ATTR: {
		/* the steps of a chain (a.b().c) do not count against the depth: the tree is finite,
		 * and only names (bindings, imports) can lead round in a cycle */
		value base = eval(m, e->a, w, depth);
		size_t k;
		if (base.kind != V_QNAME)
			return unknown();
		for (k = 0; !base.def_file && k < m->cat->env_objects.count; k++)
			if (!strcmp(base.text, *aibom_vec__at(&m->cat->env_objects, const char *, k))) {
				/* process.env.MODEL */
				if ((v = config_value(m, e->text, w.f->path, depth + 1)).kind != V_UNKNOWN)
					return v;
				v.kind = V_ENV;
				v.text = e->text;
				return v;
			}
		if (base.mod && !base.def_file) {
			v = module_member(m, base.mod, e->text, depth + 1);
			if (v.kind != V_UNKNOWN)
				return v;
			return external(m, aibom_arena__printf(m->arena, "%s.%s", base.text, e->text));
		}
		if (base.def_file && def_at(base.def_file, base.def)->kind == DEF_CLASS) {
			v = class_member(m, base.def_file, base.def, e->text, base.instance, depth + 1);
			if (v.kind != V_UNKNOWN)
				return v;
			/* an attribute the class does not define: name it, but it matches no rule */
			return qname(aibom_arena__printf(m->arena, "%s.%s", base.text, e->text));
		}
		if (base.def_file)
			return unknown();
		v = external(m, aibom_arena__printf(m->arena, "%s.%s", base.text, e->text));
		if (v.kind == V_STR)
			return v;
		v.ctor = base.ctor;
		v.ctor_file = base.ctor_file;
		v.ctor_scope = base.ctor_scope;
		return v;
	}
	case EXPR_CALL:
		return eval_call(m, e, w, depth);
	case EXPR_LIST:
		/* no value of its own; the literal is kept for what reads into it (options, keys) */
		v.ctor = e;
		v.ctor_file = w.f;
		v.ctor_scope = w.scope;
		return v;
	case EXPR_SUBSCRIPT: {
		value base = eval(m, e->a, w, depth + 1);
		value key = eval(m, e->b, w, depth + 1);
		if (base.kind == V_QNAME && !strcmp(base.text, "os.environ") && key.kind == V_STR) {
			if ((v = config_value(m, key.text, w.f->path, depth + 1)).kind != V_UNKNOWN)
				return v;
			v.kind = V_ENV;
			v.text = key.text;
		}
		return v;
	}
	default:
		return v;
	}
}


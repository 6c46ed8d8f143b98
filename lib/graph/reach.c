/*
 * reach.c - the serial steps after linking:
 *
 *   1. entry points declared elsewhere (console scripts, Lambda templates, a function registered
 *      from another file) are attached to their definitions;
 *   2. services: every folder holding a marker file (Dockerfile, pyproject.toml, ...) is one, named
 *      after the project it declares or the folder; every entry point belongs to the innermost;
 *   3. model ids through parameters: a finding whose model is a parameter of its function gets the
 *      model ids its callers pass, several levels up, with the call site as provenance;
 *   4. reach: a breadth-first walk from every entry point over call edges (exact edges first, then
 *      heuristic ones for what is left), keeping for every (service, finding) pair the entry point
 *      and the shortest path. Visiting a definition also runs its module (it was imported).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "../rules/resolve.h"

#define PROPAGATE_DEPTH_MAX 4

/* ---------------------------------------------------------------- nodes */

typedef struct {
	size_t *base;        /* node id of file i's module; its defs follow */
	size_t count;
	uint32_t *node_file; /* node -> file */
	/* forward edges (CSR) */
	size_t *first;
	uint32_t *to;
	uint32_t *line;      /* the call site in the source node */
	unsigned char *heur;
} nodes;

static size_t node_of(const nodes *n, uint32_t file, int def)
{
	return n->base[file] + (size_t)(def + 1);
}

static int def_of(const nodes *n, size_t node)
{
	return (int)(node - n->base[n->node_file[node]]) - 1;
}

static int build_nodes(nodes *n, aibom_graph *g)
{
	size_t i, k, e = 0, *fill = NULL;

	memset(n, 0, sizeof(*n));
	if ((n->base = calloc(g->nfiles + 1, sizeof(size_t))) == NULL)
		goto oom;
	for (i = 0; i < g->nfiles; i++) {
		n->base[i] = n->count;
		n->count += g->files[i].facts ? 1 + g->files[i].facts->defs.count : 0;
	}
	n->base[g->nfiles] = n->count;
	if ((n->node_file = calloc(n->count + 1, sizeof(uint32_t))) == NULL ||
	    (n->first = calloc(n->count + 2, sizeof(size_t))) == NULL ||
	    (fill = calloc(n->count + 1, sizeof(size_t))) == NULL)
		goto oom;
	for (i = 0; i < g->nfiles; i++) {
		for (k = n->base[i]; k < n->base[i + 1]; k++)
			n->node_file[k] = (uint32_t)i;
		for (k = 0; k < g->files[i].edges.count; k++) {
			const aibom_edge *ed = aibom_vec__at(&g->files[i].edges, aibom_edge, k);
			if (ed->res <= RES_HEURISTIC && g->files[ed->to_file].facts) {
				n->first[node_of(n, (uint32_t)i, ed->from) + 1]++;
				e++;
			}
		}
	}
	for (i = 1; i <= n->count; i++)
		n->first[i] += n->first[i - 1];
	if ((n->to = malloc((e + 1) * sizeof(uint32_t))) == NULL ||
	    (n->line = malloc((e + 1) * sizeof(uint32_t))) == NULL ||
	    (n->heur = malloc(e + 1)) == NULL)
		goto oom;
	for (i = 0; i < g->nfiles; i++) {
		for (k = 0; k < g->files[i].edges.count; k++) {
			const aibom_edge *ed = aibom_vec__at(&g->files[i].edges, aibom_edge, k);
			size_t from, slot;
			if (ed->res > RES_HEURISTIC || g->files[ed->to_file].facts == NULL)
				continue;
			from = node_of(n, (uint32_t)i, ed->from);
			slot = n->first[from] + fill[from]++;
			n->to[slot] = (uint32_t)node_of(n, ed->to_file, ed->to);
			n->line[slot] = aibom_facts__map_line(g->files[i].facts, ed->line);
			n->heur[slot] = ed->res == RES_HEURISTIC;
		}
	}
	free(fill);
	return 0;
oom:
	free(fill);
	aibom_error__oom();
	return -1;
}

static void free_nodes(nodes *n)
{
	free(n->base);
	free(n->node_file);
	free(n->first);
	free(n->to);
	free(n->line);
	free(n->heur);
}

/* ---------------------------------------------------------------- declared entry points */

static int attach_declared(aibom_graph *g)
{
	size_t i, k, d;

	for (i = 0; i < g->nfiles; i++) {
		aibom_graph_file *gf = &g->files[i];
		for (k = 0; k < gf->scripts.count; k++) {
			/* "module:qualname\tkind\tframework" */
			char *spec = aibom__strdup(*aibom_vec__at(&gf->scripts, char *, k)), *save = NULL;
			char *target = spec ? strtok_r(spec, "\t", &save) : NULL;
			char *kind = target ? strtok_r(NULL, "\t", &save) : NULL;
			char *fw = kind ? strtok_r(NULL, "\t", &save) : NULL;
			char *colon = target ? strchr(target, ':') : NULL;
			aibom_facts *mod;

			if (spec == NULL)
				return -1;
			mod = NULL;
			if (colon && fw && target[0] == '#') {
				/* registered by a call in another file (link.c): the file's index */
				unsigned long id = strtoul(target + 1, NULL, 10);
				mod = id < g->nfiles ? g->files[id].facts : NULL;
			} else if (colon && fw) {
				/* "services/api/src/app" style paths: the longest dotted suffix that is a module */
				const char *t = target;
				*colon = '\0';
				while (t && (mod = aibom_resolve__module(g->idx, t)) == NULL)
					t = strchr(t, '.') ? strchr(t, '.') + 1 : NULL;
			}
			if (mod && !strcmp(colon + 1, "<module>")) {
				/* a file run as a whole (package.json "bin") */
				if (aibom_graph__add_entry(&g->files[mod->id], -1, aibom_arena__strdup(&mod->arena, kind),
					aibom_arena__strdup(&mod->arena, fw), NULL, 1) < 0) {
					free(spec);
					return -1;
				}
			} else if (mod) {
				for (d = 0; d < mod->defs.count; d++) {
					const aibom_def *def = aibom_vec__at(&mod->defs, aibom_def, d);
					if (strcmp(def->qualname, colon + 1))
						continue;
					if (aibom_graph__add_entry(&g->files[mod->id], (int)d, aibom_arena__strdup(&mod->arena, kind),
						aibom_arena__strdup(&mod->arena, fw), NULL, aibom_facts__map_line(mod, def->start_line)) < 0) {
						free(spec);
						return -1;
					}
					break;
				}
			}
			free(spec);
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- services */

static bool is_marker(const aibom_catalog *cat, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base ? base + 1 : path;
	for (i = 0; i < cat->markers.count; i++)
		if (!strcmp(*aibom_vec__at(&cat->markers, const char *, i), base))
			return true;
	return false;
}

static int service_cmp(const void *a, const void *b)
{
	return strcmp(((const aibom_service *)a)->path, ((const aibom_service *)b)->path);
}

static int find_services(aibom_graph *g)
{
	aibom_service *root;
	size_t i, k;
	int pass;

	if ((root = aibom_vec__push(&g->services)) == NULL)
		return -1;
	root->name = aibom__strdup(g->root_name ? g->root_name : "application");
	root->path = aibom__strdup("");
	/* pass 0: folders with a marker file; pass 1: folders of a web application object that no
	 * declared service (a marker) already encloses */
	for (pass = 0; pass < 2; pass++)
	for (i = 0; i < g->nfiles; i++) {
		const char *path = g->files[i].path, *slash = strrchr(path, '/');
		aibom_service *s = NULL;
		char *dir;

		if (pass == 0 ? !is_marker(g->cat, path) : !g->files[i].app_object)
			continue;
		if (pass == 1) {
			bool enclosed = false;
			for (k = 0; k < g->services.count && !enclosed; k++) {
				const aibom_service *sv = aibom_vec__at(&g->services, aibom_service, k);
				size_t n = strlen(sv->path);
				enclosed = sv->marker && (n == 0 || (!strncmp(path, sv->path, n) && path[n] == '/'));
			}
			if (enclosed)
				continue;
		}
		dir = slash ? strndup(path, (size_t)(slash - path)) : aibom__strdup("");
		if (dir == NULL)
			return -1;
		for (k = 0; k < g->services.count; k++)
			if (!strcmp(aibom_vec__at(&g->services, aibom_service, k)->path, dir))
				s = aibom_vec__at(&g->services, aibom_service, k);
		if (s == NULL) {
			if ((s = aibom_vec__push(&g->services)) == NULL) {
				free(dir);
				return -1;
			}
			s->path = dir;
			s->name = aibom__strdup(slash ? strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir : g->root_name);
		} else {
			free(dir);
		}
		if (s->marker == NULL && is_marker(g->cat, path))
			s->marker = aibom__strdup(path);
		if (g->files[i].project_name && s->name && strcmp(s->name, g->files[i].project_name)) {
			free(s->name);
			s->name = aibom__strdup(g->files[i].project_name);
			free(s->marker);
			s->marker = aibom__strdup(path);
		}
	}
	qsort(g->services.items, g->services.count, sizeof(aibom_service), service_cmp);

	for (i = 0; i < g->nfiles; i++) {
		const char *path = g->files[i].path;
		for (k = 0; k < g->files[i].entries.count; k++) {
			aibom_entry *e = aibom_vec__at(&g->files[i].entries, aibom_entry, k);
			size_t s, best = 0, best_len = 0;
			for (s = 0; s < g->services.count; s++) {
				const aibom_service *sv = aibom_vec__at(&g->services, aibom_service, s);
				size_t n = strlen(sv->path);
				if (n == 0 || (strncmp(path, sv->path, n) == 0 && path[n] == '/')) {
					if (n >= best_len) {
						best = s;
						best_len = n;
					}
				}
			}
			e->service = best;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- model ids through parameters */

static void frame(aibom_str *s, aibom_graph *g, const nodes *n, size_t node, uint32_t line, bool first);

typedef struct {
	const char *model;
	char *provenance;
	uint32_t origin_file;
	int origin_scope;
	uint32_t origin_line;
	uint32_t hops;
	char *chain;
} received;

static int receive(aibom_graph *g, const nodes *n, uint32_t file, int def, int param_index,
	const char *param_name, int depth, const char *chain, uint32_t hops, aibom_vec *out)
{
	size_t i, k;
	const aibom_def *target = def_at(g->files[file].facts, def);

	if (depth > PROPAGATE_DEPTH_MAX || target == NULL)
		return 0;
	for (i = 0; i < g->nfiles; i++) {
		aibom_graph_file *cf = &g->files[i];
		for (k = 0; k < cf->edges.count; k++) {
			const aibom_edge *e = aibom_vec__at(&cf->edges, aibom_edge, k);
			const aibom_expr *arg;
			matcher m = {g->cat, g->idx, &cf->facts->arena, 0};
			int pos = param_index;
			value v;

			if (e->kind != EDGE_CALL || e->res > RES_HEURISTIC || e->to_file != file || e->to != def || !e->site)
				continue;
			/* a method called through an object, or a constructor: self is not passed */
			if (target->nparams > 0 && (!strcmp(target->params[0].name, "self") || !strcmp(target->params[0].name, "cls")) &&
			    (e->site->call->a->kind == EXPR_ATTR || !strcmp(target->name, "__init__") ||
			     e->site->call->a->kind == EXPR_NAME))
				pos--;
			arg = call_arg(e->site->call, param_name, -1);
			if (arg == NULL && pos >= 0)
				arg = call_arg(e->site->call, NULL, pos);
			if (arg == NULL)
				continue;
			v = eval(&m, arg, (where){cf->facts, e->from, e->line}, 0);
			if (v.kind == V_STR || v.kind == V_PARTIAL) {
				received *r = aibom_vec__push(out);
				if (r == NULL)
					return -1;
				r->model = v.text;
				if ((r->provenance = malloc(strlen(cf->path) + 32)) == NULL || (r->chain = aibom__strdup(chain)) == NULL) {
					aibom_error__oom();
					return -1;
				}
				sprintf(r->provenance, "call_site:%s:%u", cf->path, aibom_facts__map_line(cf->facts, e->line));
				r->origin_file = (uint32_t)i;
				r->origin_scope = e->from;
				r->origin_line = aibom_facts__map_line(cf->facts, e->line);
				r->hops = hops + 1;
			} else if (v.kind == V_PARAM && v.param_file == cf->facts && v.param_def == e->from) {
				/* the caller passes its own parameter: go one level up, the caller joins the chain */
				aibom_str up = AIBOM_STR_INIT;
				int rc;
				frame(&up, g, n, node_of(n, (uint32_t)i, e->from), aibom_facts__map_line(cf->facts, e->line), true);
				aibom_str__putc(&up, ',');
				aibom_str__puts(&up, chain);
				rc = up.failed ? -1 : receive(g, n, (uint32_t)i, e->from, v.param_index, v.text, depth + 1,
					up.ptr, hops + 1, out);
				aibom_str__free(&up);
				if (rc < 0)
					return -1;
			}
		}
	}
	return 0;
}

static int propagate(aibom_graph *g, const nodes *n)
{
	size_t i, k, r;

	for (i = 0; i < g->nfiles; i++) {
		aibom_graph_file *gf = &g->files[i];
		size_t count = gf->found ? gf->found->count : 0;
		for (k = 0; k < count; k++) {
			aibom_found *fd = aibom_vec__at(gf->found, aibom_found, k);
			aibom_vec got = AIBOM_VEC_INIT(received);
			int error = 0;

			if (fd->param_index < 0 || fd->scope < 0 || fd->site == NULL)
				continue;
			{
				aibom_str start = AIBOM_STR_INIT;
				frame(&start, g, n, node_of(n, (uint32_t)i, fd->scope), fd->line, true);
				if (start.failed || receive(g, n, (uint32_t)i, fd->scope, fd->param_index, fd->param_name, 0,
					start.ptr, 0, &got) < 0)
					error = -1;
				aibom_str__free(&start);
			}
			/* one finding per model id received; every call site that passes it is an origin,
			 * and the finding is reachable only through one of them */
			for (r = 0; r < got.count && error == 0; r++) {
				received *x = aibom_vec__at(&got, received, r);
				size_t q, before;
				bool seen = false;
				for (q = 0; q < r && !seen; q++)
					seen = !strcmp(aibom_vec__at(&got, received, q)->model, x->model);
				if (seen)
					continue;
				before = gf->found->count;
				{
					/* the vector may move on append: copy the original first */
					aibom_found copy = *aibom_vec__at(gf->found, aibom_found, k);
					if (aibom_match__with_model(gf->found, g->cat, g->idx, gf->facts, &copy, x->model,
						aibom_arena__strdup(&gf->facts->arena, x->provenance)) < 0)
						error = -1;
				}
				if (error == 0 && gf->found->count > before) {
					aibom_found *added = aibom_vec__at(gf->found, aibom_found, gf->found->count - 1);
					added->origin_first = (uint32_t)g->origins.count;
					for (q = r; q < got.count; q++) {
						received *y = aibom_vec__at(&got, received, q);
						aibom_origin *o;
						if (strcmp(y->model, x->model))
							continue;
						if ((o = aibom_vec__push(&g->origins)) == NULL) {
							error = -1;
							break;
						}
						o->file = y->origin_file;
						o->scope = y->origin_scope;
						o->line = y->origin_line;
						o->hops = y->hops;
						o->chain = aibom_arena__strdup(&gf->facts->arena, y->chain);
						added = aibom_vec__at(gf->found, aibom_found, gf->found->count - 1);
						added->origin_count++;
					}
				}
				aibom_vec__at(gf->found, aibom_found, k)->dropped = true;
			}
			for (r = 0; r < got.count; r++) {
				free(aibom_vec__at(&got, received, r)->provenance);
				free(aibom_vec__at(&got, received, r)->chain);
			}
			aibom_vec__free(&got);
			if (error < 0)
				return -1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- reach */

typedef struct {
	int32_t *dist;
	uint32_t *parent;      /* previous node */
	uint32_t *via_line;    /* the call site in the previous node */
	unsigned char *heur;   /* a heuristic edge on the way */
	uint32_t *queue;
} walk;

static size_t module_node(const nodes *n, size_t node)
{
	return n->base[n->node_file[node]];
}

static void bfs(const nodes *n, walk *w, size_t start, bool with_heuristic)
{
	size_t head = 0, tail = 0, i;

	for (i = 0; i < n->count; i++)
		w->dist[i] = -1;
	w->dist[start] = 0;
	w->heur[start] = 0;
	w->queue[tail++] = (uint32_t)start;
	while (head < tail) {
		size_t u = w->queue[head++], e;
		size_t mod = module_node(n, u);
		/* visiting a definition runs its module: it was imported */
		if (mod != u && w->dist[mod] < 0) {
			w->dist[mod] = w->dist[u] + 1;
			w->parent[mod] = (uint32_t)u;
			w->via_line[mod] = 0;
			w->heur[mod] = w->heur[u];
			w->queue[tail++] = (uint32_t)mod;
		}
		for (e = n->first[u]; e < n->first[u + 1]; e++) {
			size_t v = n->to[e];
			if (w->dist[v] >= 0 || (n->heur[e] && !with_heuristic))
				continue;
			w->dist[v] = w->dist[u] + 1;
			w->parent[v] = (uint32_t)u;
			w->via_line[v] = n->line[e];
			w->heur[v] = (unsigned char)(w->heur[u] | n->heur[e]);
			w->queue[tail++] = (uint32_t)v;
		}
	}
}

static void frame(aibom_str *s, aibom_graph *g, const nodes *n, size_t node, uint32_t line, bool first)
{
	uint32_t file = n->node_file[node];
	int def = def_of(n, node);
	aibom_facts *f = g->files[file].facts;
	const char *fn = def >= 0 ? def_at(f, def)->qualname : "<module>";
	size_t i;

	aibom_str__puts(s, first ? "{\"module\":\"" : ",{\"module\":\"");
	aibom_str__puts(s, f->module && f->module[0] ? f->module : g->files[file].path);
	aibom_str__puts(s, "\",\"function\":\"");
	for (i = 0; fn[i]; i++) {
		if (fn[i] == '"' || fn[i] == '\\')
			aibom_str__putc(s, '\\');
		aibom_str__putc(s, fn[i]);
	}
	aibom_str__printf(s, "\",\"file\":\"%s\",\"line\":%u}", g->files[file].path, line);
}

/* The path from the walk's start to NODE, ending at LINE (the finding), as JSON frames: each frame
 * names its function and the line where it calls the next one. */
static char *path_json(aibom_graph *g, const nodes *n, const walk *w, size_t node, uint32_t line)
{
	size_t chain[256], depth = 0, i;
	aibom_str s = AIBOM_STR_INIT;

	chain[0] = node;
	while (w->dist[chain[depth]] > 0 && depth < 255) {
		chain[depth + 1] = w->parent[chain[depth]];
		depth++;
	}
	aibom_str__putc(&s, '[');
	for (i = depth + 1; i-- > 0;) {
		uint32_t l = i == 0 ? line : w->via_line[chain[i - 1]];
		if (l == 0) {
			/* the implicit module edge has no call site: the definition's own line */
			int def = def_of(n, chain[i]);
			l = def >= 0 ? aibom_facts__map_line(g->files[n->node_file[chain[i]]].facts,
				def_at(g->files[n->node_file[chain[i]]].facts, def)->start_line) : 1;
		}
		frame(&s, g, n, chain[i], l, i == depth);
	}
	aibom_str__putc(&s, ']');
	if (s.failed) {
		aibom_str__free(&s);
		return NULL;
	}
	return s.ptr;
}

static int record(aibom_graph *g, aibom_map *best, size_t service, uint32_t entry_file, size_t entry,
	uint32_t file, size_t found, uint32_t hops, bool heuristic, const nodes *n, const walk *w, size_t node,
	uint32_t line, const char *chain)
{
	char key[96];
	uintptr_t slot;
	aibom_reach *r;

	snprintf(key, sizeof(key), "%zu:%u:%zu", service, file, found);
	slot = (uintptr_t)aibom_map__get(best, key);
	if (slot) {
		r = aibom_vec__at(&g->reach, aibom_reach, slot - 1);
		/* a heuristic path only fills a gap: it never replaces an exact one, even a longer one */
		if (r->hops <= hops || (heuristic && !r->heuristic))
			return 0;
		free(r->path);
	} else {
		if ((r = aibom_vec__push(&g->reach)) == NULL)
			return -1;
		if (aibom_map__set(best, key, (void *)(uintptr_t)g->reach.count) < 0)
			return -1;
	}
	r->service = service;
	r->entry_file = entry_file;
	r->entry = entry;
	r->file = file;
	r->found = found;
	r->hops = hops;
	r->heuristic = heuristic;
	if ((r->path = path_json(g, n, w, node, line)) == NULL) {
		aibom_error__oom();
		return -1;
	}
	if (chain) {
		/* the frames below the call site that passed the model id */
		size_t len = strlen(r->path);
		char *p = realloc(r->path, len + strlen(chain) + 2);
		if (p == NULL) {
			aibom_error__oom();
			return -1;
		}
		p[len - 1] = ',';
		strcpy(p + len, chain);
		strcat(p, "]");
		r->path = p;
	}
	return 0;
}

static int reach_all(aibom_graph *g, const nodes *n)
{
	walk w;
	aibom_map *best = aibom_map__new();
	size_t i, k, f, x;
	int pass, error = -1;

	memset(&w, 0, sizeof(w));
	if (best == NULL)
		return -1;
	if (n->count == 0) {
		aibom_map__free(best);
		return 0;
	}
	if ((w.dist = malloc(n->count * sizeof(int32_t))) == NULL ||
	    (w.parent = malloc(n->count * sizeof(uint32_t))) == NULL ||
	    (w.via_line = malloc(n->count * sizeof(uint32_t))) == NULL ||
	    (w.heur = malloc(n->count)) == NULL ||
	    (w.queue = malloc(n->count * sizeof(uint32_t))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < g->nfiles; i++) {
			for (k = 0; k < g->files[i].entries.count; k++) {
				const aibom_entry *e = aibom_vec__at(&g->files[i].entries, aibom_entry, k);
				bfs(n, &w, node_of(n, (uint32_t)i, e->def), pass == 1);
				for (f = 0; f < g->nfiles; f++) {
					aibom_graph_file *gf = &g->files[f];
					if (gf->found == NULL || gf->facts == NULL)
						continue;
					for (x = 0; x < gf->found->count; x++) {
						const aibom_found *fd = aibom_vec__at(gf->found, aibom_found, x);
						const aibom_origin *best_o = NULL;
						size_t node = node_of(n, (uint32_t)f, fd->scope), o;
						uint32_t hops = 0;

						if (fd->dropped)
							continue;
						/* a model id from callers: the nearest call site that passes it */
						for (o = 0; o < fd->origin_count; o++) {
							const aibom_origin *or = aibom_vec__at(&g->origins, aibom_origin, fd->origin_first + o);
							size_t on = node_of(n, or->file, or->scope);
							if (w.dist[on] < 0 || (best_o && (uint32_t)w.dist[on] + or->hops >= hops))
								continue;
							best_o = or;
							hops = (uint32_t)w.dist[on] + or->hops;
							node = on;
						}
						if ((fd->origin_count && best_o == NULL) || w.dist[node] < 0 || (pass == 1 && !w.heur[node]))
							continue;
						if (best_o == NULL)
							hops = (uint32_t)w.dist[node];
						if (record(g, best, e->service, (uint32_t)i, k, (uint32_t)f, x, hops, w.heur[node], n, &w,
							node, best_o ? best_o->line : fd->line, best_o ? best_o->chain : NULL) < 0)
							goto done;
					}
				}
			}
		}
	}
	error = 0;
done:
	free(w.dist);
	free(w.parent);
	free(w.via_line);
	free(w.heur);
	free(w.queue);
	aibom_map__free(best);
	return error;
}

static int entry_cmp(const void *a, const void *b)
{
	const aibom_entry *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->def < y->def ? -1 : x->def > y->def;
}

int aibom_graph__finish(aibom_graph *g)
{
	nodes n;
	size_t i;
	int error = -1;

	if (attach_declared(g) < 0 || find_services(g) < 0)
		return -1;
	/* ties between entry points at the same distance go to the first by file, then line */
	for (i = 0; i < g->nfiles; i++)
		if (g->files[i].entries.count > 1)
			qsort(g->files[i].entries.items, g->files[i].entries.count, sizeof(aibom_entry), entry_cmp);
	if (build_nodes(&n, g) < 0)
		return -1;
	if (propagate(g, &n) < 0 || reach_all(g, &n) < 0)
		goto done;
	error = 0;
done:
	free_nodes(&n);
	return error;
}

void aibom_graph__free(aibom_graph *g)
{
	size_t i;

	for (i = 0; i < g->nfiles; i++) {
		aibom_vec__free(&g->files[i].edges);
		aibom_vec__free(&g->files[i].entries);
		aibom_vec__free(&g->files[i].scripts);
	}
	for (i = 0; i < g->services.count; i++) {
		aibom_service *s = aibom_vec__at(&g->services, aibom_service, i);
		free(s->name);
		free(s->path);
		free(s->marker);
	}
	aibom_vec__free(&g->services);
	for (i = 0; i < g->reach.count; i++)
		free(aibom_vec__at(&g->reach, aibom_reach, i)->path);
	aibom_vec__free(&g->reach);
	aibom_vec__free(&g->origins);
	aibom_map__free(g->methods);
	aibom_vec__free(&g->impls);
}

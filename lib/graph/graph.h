/*
 * graph.h - the reachability graph of a scan: call edges between definitions (and the module
 * pseudo-function of each file, the code that runs when it is imported), entry points, services,
 * and which findings each service reaches, by which shortest path. Built in memory from the facts
 * (link.c, reach.c) and then stored (store.c). Internal.
 */
#ifndef AIBOM_GRAPH_H
#define AIBOM_GRAPH_H

#include "../lang/facts.h"
#include "../rules/rules.h"

typedef enum { EDGE_CALL, EDGE_CALLBACK, EDGE_IMPORT, EDGE_DECORATOR, EDGE_NESTED } aibom_edge_kind;
typedef enum { RES_EXACT, RES_HEURISTIC, RES_EXTERNAL, RES_UNRESOLVED } aibom_edge_res;

typedef struct {
	int from;                /* def index in the file, -1: the module */
	uint32_t to_file;        /* valid for RES_EXACT and RES_HEURISTIC */
	int to;
	aibom_edge_kind kind;
	aibom_edge_res res;
	uint32_t line;
	const char *callee;      /* the callee as evaluated, for calls */
	const aibom_call *site;  /* the call, for EDGE_CALL */
} aibom_edge;

typedef struct {
	int def;                 /* -1: the module itself (a script, a __main__ block) */
	const char *kind, *framework, *detail;
	uint32_t line;
	size_t service;
} aibom_entry;

typedef struct {
	char *name;
	char *path;              /* folder, "" for the root */
	char *marker;            /* the file that made it a service, NULL for the root */
} aibom_service;

/* A (service, finding) pair that is reachable, with its shortest path. */
typedef struct {
	size_t service;
	uint32_t entry_file;
	size_t entry;            /* index in that file's entries */
	uint32_t file;           /* the finding: results[file].found[found] */
	size_t found;
	uint32_t hops;
	bool heuristic;
	char *path;              /* JSON array of frames {function, file, line} */
} aibom_reach;

/* What the graph needs to know of each input file besides its facts. */
typedef struct {
	const char *path;
	aibom_facts *facts;      /* NULL for files without facts */
	aibom_vec *found;        /* aibom_found */
	aibom_vec edges;         /* aibom_edge, filled by link */
	aibom_vec entries;       /* aibom_entry, filled by link */
	char *project_name;      /* a manifest's declared name (pyproject, package.json) */
	bool app_object;         /* the module creates a web application object: its folder is a service */
	aibom_vec scripts;       /* char *: "module:function" entry points declared by manifests */
} aibom_graph_file;

/* A call site that passes a model id down to a finding in a wrapper (see aibom_found). */
typedef struct {
	uint32_t file;
	int scope;               /* the calling function */
	uint32_t line;           /* the call */
	uint32_t hops;           /* edges from the caller down to the finding */
	const char *chain;       /* JSON frames from the callee of the call down to the finding */
} aibom_origin;

typedef struct {
	aibom_graph_file *files;
	size_t nfiles;
	const aibom_catalog *cat;
	const aibom_index *idx;
	aibom_map *methods;      /* method name -> unique (file, def) key, for heuristic edges */
	aibom_vec impls;         /* (file, def) keys of the methods of non-interface classes, by name */
	aibom_vec services;      /* aibom_service */
	aibom_vec reach;         /* aibom_reach */
	aibom_vec origins;       /* aibom_origin */
	const char *root_name;
} aibom_graph;

int aibom_graph__init(aibom_graph *g, aibom_graph_file *files, size_t n, const aibom_catalog *cat,
	const aibom_index *idx, const char *root_name);
/* Record an entry point of GF (one per definition: the first rule wins). Returns 0 or -1. */
int aibom_graph__add_entry(aibom_graph_file *gf, int def, const char *kind, const char *framework,
	const char *detail, uint32_t line);
/* Call edges and entry points of one file: safe to run for different files on different threads. */
int aibom_graph__link_file(aibom_graph *g, size_t i);
/* Serial steps after linking: declared scripts, services, model ids through parameters, reach. */
int aibom_graph__finish(aibom_graph *g);
void aibom_graph__free(aibom_graph *g);

#endif

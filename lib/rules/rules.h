/*
 * rules.h - the rule catalog (API knowledge as data, see docs/rules.md) and the matcher that
 * applies it to facts after resolving names through imports, constants and tracked objects.
 */
#ifndef AIBOM_RULES_H
#define AIBOM_RULES_H

#include "../lang/facts.h"
#include "../manifest/manifest.h"

/* Where a value is in a call (docs/rules.md, RULE "model"): a keyword, a position (negative:
 * from the end), a key of the options object or composite literal at that position, the argument
 * of a builder step (`chain`) or of an option function (`option`), or a configuration key. */
typedef struct {
	const char *kw;      /* keyword, or NULL */
	int arg;             /* 0-based position when kw is NULL; -1 is the last */
	bool has_arg;        /* "arg" was given */
	const char *key;     /* with arg: a key of the object at that position */
	const char *chain;   /* .chain(x) in the builder chain the call (or argument ARG) is made of */
	const char *option;  /* an argument Option(x) of the call */
	const char *config;  /* a configuration key (application.yml, .env...) */
	const char *config_prefix; /* with provider: a key under this prefix is configured (no model) */
	const char *provider;/* with config: the provider the key implies */
} aibom_rule_arg;

typedef struct {
	const char *id;
	const char *kw, *equals, *not_equals, *kw_missing, *model_is;
} aibom_rule_flag;

typedef struct {
	const char *id, *kind, *provider, *model_type;
	const char *language;    /* the rule file's "language": "python", "javascript" or "any" */
	const char **calls;
	const char **call_tails; /* the literal text after each pattern's last '*', for a quick reject */
	size_t ncalls;
	aibom_rule_arg *model;
	size_t nmodel;
	aibom_rule_flag *require; /* only kw + equals used */
	size_t nrequire;
	aibom_rule_flag *flags;
	size_t nflags;
	const char **provider_kw;
	size_t nprovider_kw;
	bool provider_from_model;
	const char *fixed_model;  /* the model the API itself implies (a class bundling one), when no argument names one */
} aibom_rule;

typedef struct {
	const char *contains, *provider;
} aibom_endpoint;

typedef struct {
	const char *prefix, *hub, *api;
} aibom_hub_pattern;

typedef struct {
	const char *id, *severity, *text;
	int cwe;
} aibom_flag_info;

typedef struct {
	const char *id, *name, *url;
} aibom_provider_info;

/* A call that makes a model object from its id (Vercel AI SDK's openai("gpt-4o")). */
typedef struct {
	const char **calls;
	size_t ncalls;
	const char *provider;
	bool provider_from_model;  /* a gateway: "google/gemini-2.5-flash" is Google's (model_prefixes) */
} aibom_model_factory;

/* A qualified name that decides the provider when it appears around a call (an Azure client class,
 * a Bedrock backend, Spring AI's OpenAiChatOptions). */
typedef struct {
	const char **match;
	size_t nmatch;
	const char *provider;
} aibom_provider_ref;

/* A map of model objects by name: customProvider({languageModels: {...}}).languageModel("fast") */
typedef struct {
	const char **calls;    /* globs over the lookup's name, without its own call part */
	size_t ncalls;
	const char *key;       /* the key of the map in the maker's options */
} aibom_model_map;

/* How an entry point is recognised (docs/rules.md, "Entry points"). */
typedef struct {
	const char *kind, *framework;
	const char *language;  /* the rule file's "language": the files it applies to ("any": all) */
	const char **match;    /* globs over the decorator, call or base class qualified name */
	size_t nmatch;
	aibom_rule_arg *args;  /* entry_calls: where the function is */
	size_t nargs;
	const char **names;    /* entry_shapes: function names */
	size_t nnames;
	const char **params;   /* entry_shapes: leading parameter names */
	size_t nparams;
	const char **imports;  /* entry_scripts: a module importing one of these is an app script */
	size_t nimports;
	const char **paths;    /* entry_shapes: only in files whose path matches one of these globs */
	size_t npaths;
} aibom_entry_rule;

typedef struct aibom_catalog {
	aibom_vec docs;        /* cJSON * roots; every string below is borrowed from them */
	aibom_vec rules;       /* aibom_rule */
	aibom_vec endpoints;   /* aibom_endpoint */
	aibom_vec prefixes;    /* aibom_endpoint: contains = prefix */
	aibom_vec hubs;        /* aibom_hub_pattern */
	aibom_vec flag_info;   /* aibom_flag_info */
	aibom_vec providers;   /* aibom_provider_info */
	aibom_vec packages;    /* const char * */
	aibom_vec env_getters; /* const char * */
	aibom_vec entry_decorators, entry_calls, entry_bases, entry_scripts, entry_shapes, entry_directives; /* aibom_entry_rule */
	aibom_vec markers;     /* const char *: file names that make a folder a service */
	aibom_vec artifact_exts; /* const char *: endings of files worth inspecting as model artifacts */
	aibom_vec service_objects; /* const char *: calls creating a web application object (a service) */
	aibom_vec factories;   /* aibom_model_factory */
	aibom_vec model_maps;  /* aibom_model_map */
	aibom_vec provider_refs; /* aibom_provider_ref */
	aibom_vec env_objects; /* const char *: objects whose attributes are environment variables */
	aibom_vec npm_packages;/* const char *: AI packages of the npm registry */
	aibom_vec go_packages; /* const char *: AI modules of Go */
	aibom_vec maven_packages; /* const char *: "groupId:artifactId" globs of AI libraries of Maven */
	aibom_map *constants;  /* qualified name -> string value of an SDK constant (openai.GPT4o) */
	aibom_vec constant_accessors; /* const char *: methods giving a constant's string (getValue) */
	aibom_vec value_wrappers; /* const char *: calls whose value is their argument (aws.String) */
	aibom_vec config_folders; /* const char *: folders whose configuration is their module's
	                           * ("src/main/resources"), longest first */
	aibom_vec config_model_keys; /* const char *: globs over the last part of a configuration key
	                              * (lower case) that holds a model id: "*_model", "model-name" */
	aibom_arena arena;
} aibom_catalog;

/* A catalog with the built-in rules. Immutable once loaded: shared by every worker. */
int aibom_catalog__new(aibom_catalog **out);
/* Add a rule file; NAME is used in error messages. Returns 0 or -1 (class RULES). */
int aibom_catalog__add(aibom_catalog *c, const char *name, const char *text, size_t len);
void aibom_catalog__free(aibom_catalog *c);

const aibom_flag_info *aibom_catalog__flag(const aibom_catalog *c, const char *id);
const aibom_provider_info *aibom_catalog__provider(const aibom_catalog *c, const char *id);
/* NAME is an AI package of the registry ECO. */
bool aibom_catalog__is_ai_package(const aibom_catalog *c, const char *name, aibom_ecosystem eco);

/* ---- matching */

typedef struct {
	uint32_t line, col;
	const char *kind, *api, *provider, *model, *model_type, *resolution, *flags, *function, *rule;
	int scope;               /* the enclosing definition, -1 at module level */
	int param_index;         /* the model is parameter #param_index of the enclosing function; -1 */
	const char *param_name;
	const aibom_call *site;  /* the call it was found at, NULL for string literals */
	bool dropped;            /* replaced by the models its callers pass (graph/reach.c) */
	/* a model id received from callers: reachable only through a function that passes it; the
	 * call sites are origins[origin_first .. +origin_count] of the graph (graph/graph.h) */
	uint32_t origin_first;
	uint32_t origin_count;   /* 0: the finding is where it is */
	const char *artifact;    /* the repository model file the model path names, or NULL */
} aibom_found;

/* A value the repository's configuration gives a key (.env, application.yml, values.yaml...). */
typedef struct aibom_config_value aibom_config_value;
struct aibom_config_value {
	const char *value, *path;
	uint32_t line;
	aibom_config_value *next; /* the value another file gives the key, later in path order */
};

/* All facts of a scan, indexed by module name; read-only while workers match. */
typedef struct {
	aibom_facts **files;
	size_t nfiles;
	aibom_map *modules;   /* module name -> aibom_facts * */
	aibom_map *suffixes;  /* every dotted suffix of a module name -> facts, or the ambiguity mark */
	aibom_map *packages;  /* "language\nmodule" -> the last file of a package (Go, Java) */
	aibom_map *config;    /* configuration key -> aibom_config_value list (every file, in path order) */
	aibom_arena arena;
} aibom_index;

/* Add the configuration VALUE of KEY read at PATH:LINE (strings are borrowed); every file's value
 * is kept. Returns 0 or -1 (out of memory). */
int aibom_index__add_config(aibom_index *idx, const char *key, const char *value, const char *path, uint32_t line);
int aibom_index__build(aibom_index *idx, aibom_facts **files, size_t nfiles);
void aibom_index__free(aibom_index *idx);

/* Match one file's facts; findings (strings in the file's arena) are appended to OUT. */
int aibom_match__file(aibom_vec *out, const aibom_catalog *cat, const aibom_index *idx,
	aibom_facts *f);

/* Match the call of finding FOUND again as if its model argument were MODEL (found through the
 * call graph), appending the new finding to OUT with RESOLUTION; flags and the model type are
 * judged anew for that model. */
int aibom_match__with_model(aibom_vec *out, const aibom_catalog *cat, const aibom_index *idx,
	aibom_facts *f, const aibom_found *found, const char *model, const char *resolution);

#endif

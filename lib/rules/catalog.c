/*
 * catalog.c - loads rule files (docs/rules.md) into an immutable catalog. The built-in files are
 * embedded in the library at build time and go through the same loader as user files; every
 * error names the file and the rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "rules.h"
#include "embedded.h"

static int fail(const char *file, const char *what, const char *id)
{
	if (id)
		aibom_error__set(AIBOM_ERROR_RULES, "%s: rule \"%s\": %s", file, id, what);
	else
		aibom_error__set(AIBOM_ERROR_RULES, "%s: %s", file, what);
	return -1;
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* An array of strings -> arena array; -1 if it holds anything else. */
static int strings(aibom_catalog *c, const cJSON *arr, const char ***out, size_t *n)
{
	const cJSON *it;
	size_t i = 0;

	*out = NULL;
	*n = 0;
	if (arr == NULL)
		return 0;
	if (!cJSON_IsArray(arr))
		return -1;
	*out = aibom_arena__alloc(&c->arena, sizeof(char *) * ((size_t)cJSON_GetArraySize(arr) + 1));
	if (*out == NULL)
		return -1;
	cJSON_ArrayForEach(it, arr) {
		if (!cJSON_IsString(it))
			return -1;
		(*out)[i++] = it->valuestring;
	}
	*n = i;
	return 0;
}

static int read_flags(aibom_catalog *c, const cJSON *arr, aibom_rule_flag **out, size_t *n)
{
	const cJSON *it;

	*out = NULL;
	*n = 0;
	if (arr == NULL)
		return 0;
	if (!cJSON_IsArray(arr))
		return -1;
	*out = aibom_arena__alloc(&c->arena, sizeof(aibom_rule_flag) * ((size_t)cJSON_GetArraySize(arr) + 1));
	if (*out == NULL)
		return -1;
	cJSON_ArrayForEach(it, arr) {
		aibom_rule_flag *f = &(*out)[(*n)++];
		if (!cJSON_IsObject(it))
			return -1;
		f->id = str_of(it, "id");
		f->kw = str_of(it, "kw");
		f->equals = str_of(it, "equals");
		f->not_equals = str_of(it, "not_equals");
		f->kw_missing = str_of(it, "kw_missing");
		f->model_is = str_of(it, "model_is");
	}
	return 0;
}

static const char *const kinds[] = {"model_load", "sdk_call", "dataset", NULL};
static const char *const model_types[] = {"huggingface", "hosted", "local", "any", NULL};

static bool one_of(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

/* {"kw": K} | {"arg": N[, "key": K | "chain": S]} | {"chain": S} | {"option": S} |
 * {"config": KEY[, "provider": P]} | {"config_prefix": PREFIX, "provider": P}; returns -1 when none
 * of them is there */
static int read_spec(aibom_rule_arg *a, const cJSON *it)
{
	const cJSON *arg = cJSON_GetObjectItemCaseSensitive(it, "arg");

	a->kw = str_of(it, "kw");
	a->key = str_of(it, "key");
	a->chain = str_of(it, "chain");
	a->option = str_of(it, "option");
	a->config = str_of(it, "config");
	a->config_prefix = str_of(it, "config_prefix");
	a->provider = str_of(it, "provider");
	a->has_arg = cJSON_IsNumber(arg);
	a->arg = a->has_arg ? arg->valueint : -1;
	if (a->key && !a->has_arg) { /* {"key": K} alone: the options object is the first argument */
		a->has_arg = true;
		a->arg = 0;
	}
	return a->kw || a->has_arg || a->chain || a->option || a->config || (a->config_prefix && a->provider) ? 0 : -1;
}

static int read_rule(aibom_catalog *c, const char *file, const cJSON *o, size_t index, const char *language)
{
	aibom_rule *r;
	const cJSON *model, *it, *pfm;
	char where[32];
	size_t i;

	snprintf(where, sizeof(where), "#%zu", index);
	if (!cJSON_IsObject(o))
		return fail(file, "a rule must be an object", where);
	if ((r = aibom_vec__push(&c->rules)) == NULL)
		return -1;
	r->language = language;
	r->id = str_of(o, "id");
	if (r->id == NULL)
		return fail(file, "missing \"id\"", where);
	r->kind = str_of(o, "kind");
	if (!one_of(r->kind, kinds))
		return fail(file, "\"kind\" must be model_load, sdk_call or dataset", r->id);
	r->provider = str_of(o, "provider");
	if (r->provider == NULL)
		return fail(file, "missing \"provider\"", r->id);
	r->model_type = str_of(o, "model_type");
	if (r->model_type == NULL)
		r->model_type = "any";
	if (!one_of(r->model_type, model_types))
		return fail(file, "\"model_type\" must be huggingface, hosted, local or any", r->id);
	if (strings(c, cJSON_GetObjectItemCaseSensitive(o, "calls"), &r->calls, &r->ncalls) < 0 || r->ncalls == 0)
		return fail(file, "\"calls\" must be a non-empty array of strings", r->id);
	r->call_tails = aibom_arena__alloc(&c->arena, sizeof(char *) * r->ncalls);
	if (r->call_tails == NULL)
		return -1;
	for (i = 0; i < r->ncalls; i++) {
		/* the literal end of the pattern, after its last '*' or "()" (which match variable text) */
		const char *p = r->calls[i], *tail = p, *x;
		for (x = p; *x; x++) {
			if (*x == '*')
				tail = x + 1;
			else if (x[0] == '(' && x[1] == ')')
				tail = x + 2;
		}
		r->call_tails[i] = tail;
	}
	model = cJSON_GetObjectItemCaseSensitive(o, "model");
	if (model) {
		if (!cJSON_IsArray(model))
			return fail(file, "\"model\" must be an array of {\"kw\": ...} or {\"arg\": N}", r->id);
		r->model = aibom_arena__alloc(&c->arena, sizeof(aibom_rule_arg) * ((size_t)cJSON_GetArraySize(model) + 1));
		if (r->model == NULL)
			return -1;
		cJSON_ArrayForEach(it, model) {
			if (read_spec(&r->model[r->nmodel++], it) < 0)
				return fail(file, "each \"model\" entry needs \"kw\", \"arg\", \"chain\", \"option\" or \"config\"", r->id);
		}
	}
	if (read_flags(c, cJSON_GetObjectItemCaseSensitive(o, "require"), &r->require, &r->nrequire) < 0)
		return fail(file, "\"require\" must be an array of conditions", r->id);
	if (read_flags(c, cJSON_GetObjectItemCaseSensitive(o, "flags"), &r->flags, &r->nflags) < 0)
		return fail(file, "\"flags\" must be an array of conditions", r->id);
	for (i = 0; i < r->nflags; i++)
		if (r->flags[i].id == NULL)
			return fail(file, "every flag needs an \"id\"", r->id);
	it = cJSON_GetObjectItemCaseSensitive(o, "provider_kw");
	if (cJSON_IsString(it)) {
		r->provider_kw = aibom_arena__alloc(&c->arena, sizeof(char *));
		if (r->provider_kw == NULL)
			return -1;
		r->provider_kw[0] = it->valuestring;
		r->nprovider_kw = 1;
	} else if (strings(c, it, &r->provider_kw, &r->nprovider_kw) < 0) {
		return fail(file, "\"provider_kw\" must be a string or an array of strings", r->id);
	}
	r->fixed_model = str_of(o, "fixed_model");
	pfm = cJSON_GetObjectItemCaseSensitive(o, "provider_from_model");
	r->provider_from_model = cJSON_IsTrue(pfm);
	return 0;
}

static int read_entries(aibom_catalog *c, const char *file, const cJSON *root, const char *key, aibom_vec *out)
{
	const char *language = str_of(root, "language");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key), *it;

	if (v && !cJSON_IsArray(v))
		return fail(file, "entry point sections must be arrays", key);
	cJSON_ArrayForEach(it, v) {
		aibom_entry_rule *e = aibom_vec__push(out);
		const cJSON *args, *a;
		if (e == NULL)
			return -1;
		e->kind = str_of(it, "kind");
		e->framework = str_of(it, "framework");
		e->language = language ? language : "any";
		if (!e->kind || !e->framework)
			return fail(file, "each entry point rule needs \"kind\" and \"framework\"", key);
		if (strings(c, cJSON_GetObjectItemCaseSensitive(it, "match"), &e->match, &e->nmatch) < 0 ||
		    strings(c, cJSON_GetObjectItemCaseSensitive(it, "names"), &e->names, &e->nnames) < 0 ||
		    strings(c, cJSON_GetObjectItemCaseSensitive(it, "params"), &e->params, &e->nparams) < 0 ||
		    strings(c, cJSON_GetObjectItemCaseSensitive(it, "imports"), &e->imports, &e->nimports) < 0 ||
		    strings(c, cJSON_GetObjectItemCaseSensitive(it, "paths"), &e->paths, &e->npaths) < 0)
			return fail(file, "\"match\", \"names\", \"params\" and \"imports\" must be arrays of strings", key);
		args = cJSON_GetObjectItemCaseSensitive(it, "args");
		if (args) {
			e->args = aibom_arena__alloc(&c->arena, sizeof(aibom_rule_arg) * ((size_t)cJSON_GetArraySize(args) + 1));
			if (e->args == NULL)
				return -1;
			cJSON_ArrayForEach(a, args) {
				aibom_rule_arg *ra = &e->args[e->nargs++];
				if (read_spec(ra, a) < 0 || (ra->kw == NULL && !ra->has_arg))
					return fail(file, "each \"args\" entry needs \"kw\" or \"arg\"", key);
			}
		}
	}
	return 0;
}

/* KEY: an array of strings appended to OUT (borrowed from the document). */
static int read_string_list(const char *file, const cJSON *root, const char *key, aibom_vec *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key), *it;

	if (v && !cJSON_IsArray(v))
		return fail(file, "must be an array of strings", key);
	cJSON_ArrayForEach(it, v) {
		const char **p;
		if (!cJSON_IsString(it))
			return fail(file, "must be an array of strings", key);
		if ((p = aibom_vec__push(out)) == NULL)
			return -1;
		*p = it->valuestring;
	}
	return 0;
}

int aibom_catalog__add(aibom_catalog *c, const char *file, const char *text, size_t len)
{
	cJSON *root = cJSON_ParseWithLength(text, len), **slot;
	const cJSON *v, *it;
	size_t i = 0;

	if (root == NULL) {
		const char *at = cJSON_GetErrorPtr();
		size_t off = at && at >= text && at <= text + len ? (size_t)(at - text) : 0;
		aibom_error__set(AIBOM_ERROR_RULES, "%s: invalid JSON near byte %zu", file, off);
		return -1;
	}
	if ((slot = aibom_vec__push(&c->docs)) == NULL) {
		cJSON_Delete(root);
		return -1;
	}
	*slot = root;
	v = cJSON_GetObjectItemCaseSensitive(root, "aibom_rules");
	if (!cJSON_IsNumber(v) || v->valueint != 1)
		return fail(file, "not an aibom rule file (\"aibom_rules\": 1 expected)", NULL);

	v = cJSON_GetObjectItemCaseSensitive(root, "rules");
	if (v && !cJSON_IsArray(v))
		return fail(file, "\"rules\" must be an array", NULL);
	{
		const char *language = str_of(root, "language");
		cJSON_ArrayForEach(it, v) {
			if (read_rule(c, file, it, i++, language ? language : "any") < 0)
				return -1;
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "model_factories");
	cJSON_ArrayForEach(it, v) {
		aibom_model_factory *mf = aibom_vec__push(&c->factories);
		if (mf == NULL)
			return -1;
		mf->provider = str_of(it, "provider");
		mf->provider_from_model = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "provider_from_model"));
		if (mf->provider == NULL || strings(c, cJSON_GetObjectItemCaseSensitive(it, "calls"), &mf->calls, &mf->ncalls) < 0)
			return fail(file, "each model factory needs \"calls\" and \"provider\"", NULL);
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "provider_refs");
	cJSON_ArrayForEach(it, v) {
		aibom_provider_ref *pr = aibom_vec__push(&c->provider_refs);
		if (pr == NULL)
			return -1;
		pr->provider = str_of(it, "provider");
		if (pr->provider == NULL || strings(c, cJSON_GetObjectItemCaseSensitive(it, "match"), &pr->match, &pr->nmatch) < 0)
			return fail(file, "each provider reference needs \"match\" and \"provider\"", NULL);
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "model_maps");
	cJSON_ArrayForEach(it, v) {
		aibom_model_map *mm = aibom_vec__push(&c->model_maps);
		if (mm == NULL)
			return -1;
		mm->key = str_of(it, "key");
		if (mm->key == NULL || strings(c, cJSON_GetObjectItemCaseSensitive(it, "calls"), &mm->calls, &mm->ncalls) < 0)
			return fail(file, "each model map needs \"calls\" and \"key\"", NULL);
	}
	if (read_string_list(file, root, "env_objects", &c->env_objects) < 0 ||
	    read_string_list(file, root, "npm_packages", &c->npm_packages) < 0 ||
	    read_string_list(file, root, "go_packages", &c->go_packages) < 0 ||
	    read_string_list(file, root, "maven_packages", &c->maven_packages) < 0 ||
	    read_string_list(file, root, "constant_accessors", &c->constant_accessors) < 0 ||
	    read_string_list(file, root, "value_wrappers", &c->value_wrappers) < 0 ||
	    read_string_list(file, root, "config_model_keys", &c->config_model_keys) < 0 ||
	    read_string_list(file, root, "config_folders", &c->config_folders) < 0)
		return -1;
	v = cJSON_GetObjectItemCaseSensitive(root, "constants");
	if (v && !cJSON_IsObject(v))
		return fail(file, "\"constants\" must map qualified names to strings", NULL);
	cJSON_ArrayForEach(it, v) {
		if (!cJSON_IsString(it))
			return fail(file, "\"constants\" values must be strings", it->string);
		if (aibom_map__get(c->constants, it->string) == NULL &&
		    aibom_map__set(c->constants, it->string, it->valuestring) < 0)
			return -1;
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "endpoints");
	cJSON_ArrayForEach(it, v) {
		aibom_endpoint *e = aibom_vec__push(&c->endpoints);
		if (e == NULL)
			return -1;
		e->contains = str_of(it, "contains");
		e->provider = str_of(it, "provider");
		if (!e->contains || !e->provider)
			return fail(file, "each endpoint needs \"contains\" and \"provider\"", NULL);
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "model_prefixes");
	cJSON_ArrayForEach(it, v) {
		aibom_endpoint *e = aibom_vec__push(&c->prefixes);
		if (e == NULL)
			return -1;
		if (!cJSON_IsString(it))
			return fail(file, "model_prefixes values must be strings", NULL);
		e->contains = it->string;
		e->provider = it->valuestring;
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "hub_patterns");
	cJSON_ArrayForEach(it, v) {
		aibom_hub_pattern *h = aibom_vec__push(&c->hubs);
		if (h == NULL)
			return -1;
		h->prefix = str_of(it, "prefix");
		h->hub = str_of(it, "hub");
		h->api = str_of(it, "api");
		if (!h->prefix || !h->hub || !h->api)
			return fail(file, "each hub pattern needs \"prefix\", \"hub\" and \"api\"", NULL);
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "flags");
	cJSON_ArrayForEach(it, v) {
		aibom_flag_info *f = aibom_vec__push(&c->flag_info);
		const cJSON *cwe = cJSON_GetObjectItemCaseSensitive(it, "cwe");
		if (f == NULL)
			return -1;
		f->id = it->string;
		f->severity = str_of(it, "severity");
		f->text = str_of(it, "text");
		f->cwe = cJSON_IsNumber(cwe) ? cwe->valueint : 0;
	}
	v = cJSON_GetObjectItemCaseSensitive(root, "providers");
	cJSON_ArrayForEach(it, v) {
		aibom_provider_info *p = aibom_vec__push(&c->providers);
		if (p == NULL)
			return -1;
		p->id = it->string;
		p->name = str_of(it, "name");
		p->url = str_of(it, "url");
	}
	if (read_string_list(file, root, "ai_packages", &c->packages) < 0)
		return -1;
	if (read_entries(c, file, root, "entry_decorators", &c->entry_decorators) < 0 ||
	    read_entries(c, file, root, "entry_calls", &c->entry_calls) < 0 ||
	    read_entries(c, file, root, "entry_bases", &c->entry_bases) < 0 ||
	    read_entries(c, file, root, "entry_scripts", &c->entry_scripts) < 0 ||
	    read_entries(c, file, root, "entry_shapes", &c->entry_shapes) < 0 ||
	    read_entries(c, file, root, "entry_directives", &c->entry_directives) < 0)
		return -1;
	if (read_string_list(file, root, "service_markers", &c->markers) < 0)
		return -1;
	if (read_string_list(file, root, "service_objects", &c->service_objects) < 0)
		return -1;
	if (read_string_list(file, root, "artifact_extensions", &c->artifact_exts) < 0)
		return -1;
	if (read_string_list(file, root, "env_getters", &c->env_getters) < 0)
		return -1;
	return 0;
}

/* The built-in rule files, in load order (the first matching rule wins). */
static const struct {
	const char *name;
	const char *text;
	const size_t *len;
} builtin[] = {
	{"<built-in core.json>", aibom_embed_core_json, &aibom_embed_core_json_len},
	{"<built-in python.json>", aibom_embed_python_json, &aibom_embed_python_json_len},
	{"<built-in python-entry.json>", aibom_embed_python_entry_json, &aibom_embed_python_entry_json_len},
	{"<built-in javascript.json>", aibom_embed_javascript_json, &aibom_embed_javascript_json_len},
	{"<built-in javascript-entry.json>", aibom_embed_javascript_entry_json, &aibom_embed_javascript_entry_json_len},
	{"<built-in go.json>", aibom_embed_go_json, &aibom_embed_go_json_len},
	{"<built-in go-entry.json>", aibom_embed_go_entry_json, &aibom_embed_go_entry_json_len},
	{"<built-in java.json>", aibom_embed_java_json, &aibom_embed_java_json_len},
	{"<built-in java-entry.json>", aibom_embed_java_entry_json, &aibom_embed_java_entry_json_len},
};

int aibom_catalog__new(aibom_catalog **out)
{
	aibom_catalog *c = calloc(1, sizeof(*c));
	size_t i;

	*out = NULL;
	if (c == NULL) {
		aibom_error__oom();
		return -1;
	}
	c->docs.item_size = sizeof(cJSON *);
	c->rules.item_size = sizeof(aibom_rule);
	c->endpoints.item_size = sizeof(aibom_endpoint);
	c->prefixes.item_size = sizeof(aibom_endpoint);
	c->hubs.item_size = sizeof(aibom_hub_pattern);
	c->flag_info.item_size = sizeof(aibom_flag_info);
	c->providers.item_size = sizeof(aibom_provider_info);
	c->packages.item_size = sizeof(char *);
	c->env_getters.item_size = sizeof(char *);
	c->markers.item_size = sizeof(char *);
	c->artifact_exts.item_size = sizeof(char *);
	c->service_objects.item_size = sizeof(char *);
	c->factories.item_size = sizeof(aibom_model_factory);
	c->model_maps.item_size = sizeof(aibom_model_map);
	c->provider_refs.item_size = sizeof(aibom_provider_ref);
	c->env_objects.item_size = c->npm_packages.item_size = sizeof(char *);
	c->go_packages.item_size = c->maven_packages.item_size = sizeof(char *);
	c->constant_accessors.item_size = c->value_wrappers.item_size = c->config_model_keys.item_size = sizeof(char *);
	c->config_folders.item_size = sizeof(char *);
	if ((c->constants = aibom_map__new()) == NULL) {
		free(c);
		aibom_error__oom();
		return -1;
	}
	c->entry_decorators.item_size = c->entry_calls.item_size = c->entry_bases.item_size =
		c->entry_scripts.item_size = c->entry_shapes.item_size = c->entry_directives.item_size =
		sizeof(aibom_entry_rule);
	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
		if (aibom_catalog__add(c, builtin[i].name, builtin[i].text, *builtin[i].len) < 0) {
			aibom_catalog__free(c);
			return -1;
		}
	}
	*out = c;
	return 0;
}

void aibom_catalog__free(aibom_catalog *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->docs.count; i++)
		cJSON_Delete(*aibom_vec__at(&c->docs, cJSON *, i));
	aibom_vec__free(&c->docs);
	aibom_vec__free(&c->rules);
	aibom_vec__free(&c->endpoints);
	aibom_vec__free(&c->prefixes);
	aibom_vec__free(&c->hubs);
	aibom_vec__free(&c->flag_info);
	aibom_vec__free(&c->providers);
	aibom_vec__free(&c->packages);
	aibom_vec__free(&c->env_getters);
	aibom_vec__free(&c->markers);
	aibom_vec__free(&c->artifact_exts);
	aibom_vec__free(&c->service_objects);
	aibom_vec__free(&c->factories);
	aibom_vec__free(&c->model_maps);
	aibom_vec__free(&c->provider_refs);
	aibom_vec__free(&c->env_objects);
	aibom_vec__free(&c->npm_packages);
	aibom_vec__free(&c->go_packages);
	aibom_vec__free(&c->maven_packages);
	aibom_vec__free(&c->constant_accessors);
	aibom_vec__free(&c->value_wrappers);
	aibom_vec__free(&c->config_model_keys);
	aibom_vec__free(&c->config_folders);
	aibom_map__free(c->constants);
	aibom_vec__free(&c->entry_decorators);
	aibom_vec__free(&c->entry_calls);
	aibom_vec__free(&c->entry_bases);
	aibom_vec__free(&c->entry_scripts);
	aibom_vec__free(&c->entry_shapes);
	aibom_vec__free(&c->entry_directives);
	aibom_arena__free(&c->arena);
	free(c);
}

const aibom_flag_info *aibom_catalog__flag(const aibom_catalog *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->flag_info.count; i++) {
		const aibom_flag_info *f = aibom_vec__at(&c->flag_info, aibom_flag_info, i);
		if (!strcmp(f->id, id))
			return f;
	}
	return NULL;
}

const aibom_provider_info *aibom_catalog__provider(const aibom_catalog *c, const char *id)
{
	size_t i;
	for (i = 0; i < c->providers.count; i++) {
		const aibom_provider_info *p = aibom_vec__at(&c->providers, aibom_provider_info, i);
		if (!strcmp(p->id, id))
			return p;
	}
	return NULL;
}

bool aibom_catalog__is_ai_package(const aibom_catalog *c, const char *name, aibom_ecosystem eco)
{
	const aibom_vec *list = eco == ECO_NPM ? &c->npm_packages : eco == ECO_GOLANG ? &c->go_packages :
		eco == ECO_MAVEN ? &c->maven_packages : &c->packages;
	size_t i;
	for (i = 0; i < list->count; i++) {
		const char *p = *aibom_vec__at(list, const char *, i);
		size_t n = strlen(p);
		if (aibom__glob(p, name))
			return true;
		/* a Go module path covers its major versions and packages: cohere-go -> cohere-go/v2 */
		if (eco == ECO_GOLANG && !strncmp(p, name, n) && name[n] == '/')
			return true;
	}
	return false;
}

/*
 * match.c - from facts to findings: every call's callee is evaluated to a qualified name
 * (resolve.c) and matched against the catalog's globs; the rule then says where the model id is,
 * which risk flags apply and which provider is reached. String literals that start with a hub
 * pattern become hub references.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resolve.h"

/* ---------------------------------------------------------------- rules */

static const char *strip_calls(matcher *m, const char *name)
{
	aibom_str s = AIBOM_STR_INIT;
	const char *p = name, *r;
	int depth = 0;

	for (; *p; p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			if (depth)
				depth--;
		} else if (depth == 0) {
			aibom_str__putc(&s, *p);
		}
	}
	r = aibom_arena__strdup(m->arena, aibom_str__cstr(&s));
	aibom_str__free(&s);
	return r;
}

static const aibom_rule *match_rule(const aibom_catalog *cat, const char *name, size_t from, const char *language)
{
	size_t i, k;

	for (i = from; i < cat->rules.count; i++) {
		const aibom_rule *r = aibom_vec__at(&cat->rules, aibom_rule, i);
		if (language && strcmp(r->language, "any") && strcmp(r->language, language))
			continue;
		for (k = 0; k < r->ncalls; k++)
			if (aibom__has_suffix(name, r->call_tails[k]) && aibom__glob(r->calls[k], name))
				return r;
	}
	return NULL;
}

/* The literal text of keyword KW of CALL ("True", "gpt-4o"), NULL when absent; "" when dynamic. */
static const char *kw_text(matcher *m, const aibom_expr *call, const char *kw, where w, bool *present)
{
	const aibom_expr *a = call_arg(call, kw, -1);
	value v;

	*present = a != NULL;
	if (a == NULL)
		return NULL;
	v = eval(m, a, w, 0);
	return (v.kind == V_STR || v.kind == V_CONST) ? v.text : "";
}

static const char *provider_from_text(const aibom_catalog *cat, const char *text, bool as_url)
{
	size_t i;

	if (as_url) {
		for (i = 0; i < cat->endpoints.count; i++) {
			const aibom_endpoint *e = aibom_vec__at(&cat->endpoints, aibom_endpoint, i);
			if (strstr(text, e->contains))
				return e->provider;
		}
		return NULL;
	}
	for (i = 0; i < cat->prefixes.count; i++) {
		const aibom_endpoint *e = aibom_vec__at(&cat->prefixes, aibom_endpoint, i);
		if (!strcmp(text, e->contains))
			return e->provider;
	}
	return NULL;
}

static bool looks_local_path(const char *s)
{
	static const char *const exts[] = {".bin", ".pt", ".pth", ".safetensors", ".onnx", ".gguf",
		".ggml", ".pkl", ".pickle", ".joblib", ".h5", ".hdf5", ".keras", ".ckpt", ".model",
		".json", ".pb", ".tflite", ".npy", ".npz", ".sav", ".dat", ".tar", ".zip", ".mlmodel", NULL};
	const char *const *e;
	const char *slash;

	if (s[0] == '/' || s[0] == '.' || s[0] == '~' || strchr(s, '\\') || strchr(s, ':'))
		return true;
	for (e = exts; *e; e++)
		if (aibom__has_suffix(s, *e))
			return true;
	slash = strchr(s, '/');
	return slash && strchr(slash + 1, '/'); /* org/name/more is a path */
}

static const char *classify(const char *rule_type, const char *model, bool partial)
{
	if (model == NULL)
		return rule_type;
	if (!strcmp(rule_type, "huggingface")) {
		if (strstr(model, "://"))
			return aibom__has_prefix(model, "hf://") || strstr(model, "huggingface.co") ? "huggingface" : "url";
		if (partial)
			return model[0] == '/' || model[0] == '.' || model[0] == '{' ? "local" : "huggingface";
		return looks_local_path(model) ? "local" : "huggingface";
	}
	if (!strcmp(rule_type, "any") && strstr(model, "://"))
		return "url";
	return rule_type;
}

static int add_flag(aibom_str *flags, const char *id)
{
	/* keep sorted and unique: flags are few, insertion by rebuild */
	char *copy = aibom__strdup(aibom_str__cstr(flags)), *tok, *save = NULL;
	const char *list[32];
	size_t n = 0, i, j;
	bool added = false;

	if (copy == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok && n < 31; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, id))
			added = true;
		list[n++] = tok;
	}
	if (!added)
		list[n++] = id;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(list[j - 1], list[j]) > 0; j--) {
			const char *t = list[j];
			list[j] = list[j - 1];
			list[j - 1] = t;
		}
	{
		aibom_str out = AIBOM_STR_INIT;
		for (i = 0; i < n; i++) {
			if (i)
				aibom_str__putc(&out, ',');
			aibom_str__puts(&out, list[i]);
		}
		aibom_str__clear(flags);
		aibom_str__puts(flags, aibom_str__cstr(&out));
		aibom_str__free(&out);
	}
	free(copy);
	return 0;
}

static bool kw_equals(matcher *m, const aibom_expr *call, const char *kw, const char *want, where w)
{
	bool present;
	const char *t = kw_text(m, call, kw, w, &present);
	return present && t && !strcmp(t, want);
}

typedef struct {
	size_t start, end;
} span;

static const char *ref_provider(const aibom_catalog *cat, const char *name)
{
	size_t i;
	for (i = 0; name && i < cat->provider_refs.count; i++) {
		const aibom_provider_ref *pr = aibom_vec__at(&cat->provider_refs, aibom_provider_ref, i);
		if (aibom__glob_any(pr->match, pr->nmatch, name))
			return pr->provider;
	}
	return NULL;
}

/* The provider that a name around CALL implies (provider_refs): the call's own name, or the
 * arguments of any call of its chain (`.options(OpenAiChatOptions.builder()...build())`,
 * `azure.NewClient(...)`), one level into their own arguments. */
static const char *provider_of_refs(matcher *m, const aibom_expr *call, where w)
{
	value v = eval(m, call->a, w, 0);
	const char *p = v.kind == V_QNAME ? ref_provider(m->cat, v.text) : NULL;
	const aibom_expr *e = call;
	int steps = 0;

	while (p == NULL && e && e->kind == EXPR_CALL && steps++ < 16) {
		uint32_t i, j;
		for (i = 0; p == NULL && i < e->nargs; i++) {
			const aibom_expr *a = e->args[i].value;
			value av = eval(m, a, w, 0);
			if (av.kind == V_QNAME)
				p = ref_provider(m->cat, av.text);
			for (j = 0; p == NULL && a && a->kind == EXPR_CALL && j < a->nargs; j++) {
				value iv = eval(m, a->args[j].value, w, 0);
				if (iv.kind == V_QNAME)
					p = ref_provider(m->cat, iv.text);
			}
		}
		e = e->a && e->a->kind == EXPR_ATTR ? e->a->a : NULL;
	}
	return p;
}

static const char *factory_of(matcher *m, value v, value *id, int depth);

/* model: getTitleModel(), a repository function with several returns (a test double first, the
 * real model last): the first return that is a model a factory makes. */
static const char *returned_factory(matcher *m, const aibom_expr *call, where w, value *id)
{
	value fn = aibom_resolve__callee(m, call, w);
	const aibom_def *d = fn.kind == V_QNAME && fn.def_file ? def_at(fn.def_file, fn.def) : NULL;
	size_t i;

	if (d == NULL || d->kind != DEF_FUNCTION)
		return NULL;
	for (i = 0; i < fn.def_file->returns.count; i++) {
		const aibom_return *r = aibom_vec__at(&fn.def_file->returns, aibom_return, i);
		const char *p;
		value rv;
		if (r->scope != fn.def)
			continue;
		rv = eval(m, r->value, (where){fn.def_file, fn.def, UINT32_MAX}, 0);
		*id = unknown();
		if (rv.kind == V_QNAME && (p = factory_of(m, rv, id, 0)) != NULL && (id->kind == V_STR || id->kind == V_PARTIAL))
			return p;
	}
	return NULL;
}

/* A model object made from its id by a known factory (openai("gpt-4o")), or looked up by name in
 * a map of them (customProvider({languageModels: {fast: openai("gpt-4o-mini")}}).languageModel("fast")):
 * the factory's provider, with the id in *ID; NULL when V is neither. */
static const char *factory_of(matcher *m, value v, value *id, int depth)
{
	const char *paren;
	char *name;
	const aibom_expr *arg;
	where cw;
	size_t i;

	if (v.ctor == NULL || depth > 4)
		return NULL;
	paren = strrchr(v.text, '(');
	if ((name = aibom_arena__strndup(m->arena, v.text, paren ? (size_t)(paren - v.text) : strlen(v.text))) == NULL)
		return NULL;
	cw = (where){v.ctor_file, v.ctor_scope, v.ctor->line};
	arg = call_arg(v.ctor, NULL, 0);
	for (i = 0; i < m->cat->factories.count; i++) {
		const aibom_model_factory *mf = aibom_vec__at(&m->cat->factories, aibom_model_factory, i);
		if (!aibom__glob_any(mf->calls, mf->ncalls, name))
			continue;
		if (arg)
			*id = eval(m, arg, cw, 0);
		if (mf->provider_from_model && id->kind == V_STR) {
			/* a gateway's ids name their provider: "google/gemini-2.5-flash" */
			size_t n = strcspn(id->text, "/:");
			char *prefix = id->text[n] ? aibom_arena__strndup(m->arena, id->text, n) : NULL;
			const char *p = prefix ? provider_from_text(m->cat, prefix, false) : NULL;
			if (p)
				return p;
		}
		return mf->provider;
	}
	for (i = 0; arg && i < m->cat->model_maps.count; i++) {
		const aibom_model_map *mm = aibom_vec__at(&m->cat->model_maps, aibom_model_map, i);
		const aibom_expr *maker, *map, *entry = NULL;
		value key, obj;
		where mw = cw;
		uint32_t k;
		if (!aibom__glob_any(mm->calls, mm->ncalls, name) || v.ctor->a == NULL || v.ctor->a->kind != EXPR_ATTR)
			continue;
		key = eval(m, arg, cw, 0);
		if (key.kind != V_STR)
			return NULL;
		/* the maker call the map is in: customProvider({...}), possibly bound to a name */
		obj = eval(m, v.ctor->a->a, cw, 0);
		if ((maker = obj.ctor) == NULL)
			return NULL;
		mw = (where){obj.ctor_file, obj.ctor_scope, maker->line};
		map = aibom_resolve__option(m, maker, mm->key, &mw);
		for (k = 0; map && map->kind == EXPR_LIST && k < map->nargs && !entry; k++)
			if (map->args[k].kw && !strcmp(map->args[k].kw, key.text))
				entry = map->args[k].value;
		if (entry == NULL)
			return NULL;
		return factory_of(m, eval(m, entry, mw, 0), id, depth + 1);
	}
	return NULL;
}

static int match_call(aibom_vec *out, matcher *m, aibom_facts *f, const aibom_call *c, aibom_vec *consumed,
	const char *model_override, const char *resolution_override)
{
	where w = {f, c->scope, c->call->line};
	value callee;
	const aibom_rule *r;
	aibom_found *found;
	size_t k;
	const char *model = NULL, *resolution = "absent", *provider, *mtype;
	bool partial = false;
	const char *factory_provider = NULL, *config_provider = NULL, *prefix_provider = NULL;
	bool provider_set = false;
	int param_index = -1;
	const char *param_name = NULL;
	aibom_str flags = AIBOM_STR_INIT;

	if (c->call == NULL || c->call->kind != EXPR_CALL)
		return 0;
	callee = aibom_resolve__callee(m, c->call, w);
	if (callee.kind != V_QNAME || callee.def_file)
		return 0;
	for (r = match_rule(m->cat, callee.text, 0, f->language); r; ) {
		bool ok = true;
		for (k = 0; k < r->nrequire && ok; k++)
			ok = r->require[k].kw && r->require[k].equals &&
				kw_equals(m, c->call, r->require[k].kw, r->require[k].equals, w);
		if (ok)
			break;
		r = match_rule(m->cat, callee.text, (size_t)(r - (const aibom_rule *)m->cat->rules.items) + 1, f->language);
	}
	if (r == NULL)
		return 0;

	for (k = 0; k < r->nmodel && !model_override; k++) {
		const aibom_rule_arg *spec = &r->model[k];
		where aw = w;
		const aibom_expr *a = NULL;
		value v;
		if (spec->config_prefix) {
			/* no model, but the module configures this provider (spring.ai.openai.api-key) */
			char *key = aibom_arena__printf(m->arena, "prefix:%s", spec->config_prefix);
			if (!prefix_provider && key && aibom_resolve__config(m, key, f->path).kind != V_UNKNOWN)
				prefix_provider = spec->provider;
			continue;
		}
		if (spec->config) {
			/* the model a deployment configures: spring.ai.openai.chat.options.model */
			v = aibom_resolve__config(m, spec->config, f->path);
			if (v.kind != V_STR)
				continue;
			if (spec->provider)
				config_provider = spec->provider;
		} else {
			if ((a = aibom_resolve__spec_arg(m, c->call, spec, &aw)) == NULL)
				continue;
			v = eval(m, a, aw, 0);
		}
		switch (v.kind) {
		case V_STR:
			model = v.text;
			resolution = v.how ? v.how : "literal";
			break;
		case V_PARTIAL:
			model = v.text;
			resolution = "partial";
			partial = true;
			break;
		case V_PARAM:
			resolution = aibom_arena__printf(m->arena, "parameter:%s", v.text);
			if (v.param_file == f && v.param_def == c->scope) {
				param_index = v.param_index;
				param_name = v.text;
			}
			break;
		case V_ENV:
			resolution = aibom_arena__printf(m->arena, "env:%s", v.text);
			break;
		case V_QNAME: {
			value idv = unknown();
			factory_provider = factory_of(m, v, &idv, 0);
			if (!factory_provider && a && a->kind == EXPR_CALL)
				factory_provider = returned_factory(m, a, aw, &idv);
			if (factory_provider && (idv.kind == V_STR || idv.kind == V_PARTIAL)) {
				model = idv.text;
				resolution = "factory";
				partial = idv.kind == V_PARTIAL;
			} else {
				factory_provider = NULL;
				resolution = "unresolved";
			}
			break;
		}
		default:
			resolution = "unresolved";
			break;
		}
		break;
	}
	if (model == NULL && !model_override && r->fixed_model && !strcmp(resolution, "absent")) {
		/* new AllMiniLmL6V2EmbeddingModel(): the class is the model */
		model = r->fixed_model;
		resolution = "implied";
	}
	if (model_override) {
		model = model_override;
		resolution = resolution_override;
		partial = strstr(model, "{}") != NULL;
	}
	mtype = classify(r->model_type, model, partial);

	provider = factory_provider ? factory_provider : config_provider ? config_provider :
		prefix_provider && model == NULL ? prefix_provider : r->provider;
	for (k = 0; k < r->nprovider_kw && !factory_provider; k++) {
		const aibom_expr *a = call_arg(c->call, r->provider_kw[k], -1);
		where aw = w;
		value v;
		const char *p;
		if (a == NULL)
			a = aibom_resolve__option(m, c->call, r->provider_kw[k], &aw);
		if (a == NULL && callee.ctor && callee.ctor != c->call) {
			aw = (where){callee.ctor_file, callee.ctor_scope, callee.ctor->line};
			a = call_arg(callee.ctor, r->provider_kw[k], -1);
			if (a == NULL)
				a = aibom_resolve__option(m, callee.ctor, r->provider_kw[k], &aw);
		}
		if (a == NULL)
			continue;
		v = eval(m, a, aw, 0);
		if (v.kind != V_STR && v.kind != V_PARTIAL)
			continue;
		p = provider_from_text(m->cat, v.text, strstr(v.text, "://") != NULL || strchr(v.text, ':') != NULL);
		if (p == NULL && !strstr(v.text, "://"))
			p = provider_from_text(m->cat, v.text, false);
		if (p) {
			provider = p;
			provider_set = true;
			break;
		}
	}
	if (!factory_provider && !config_provider && !provider_set && m->cat->provider_refs.count) {
		const char *p = provider_of_refs(m, c->call, w);
		if (p == NULL && callee.ctor && callee.ctor != c->call)
			p = provider_of_refs(m, callee.ctor, (where){callee.ctor_file, callee.ctor_scope, callee.ctor->line});
		if (p)
			provider = p;
	}
	if (r->provider_from_model && model && !factory_provider) {
		size_t n = strcspn(model, "/:");
		if (model[n]) {
			char *prefix = aibom_arena__strndup(m->arena, model, n);
			const char *p = prefix ? provider_from_text(m->cat, prefix, false) : NULL;
			if (p)
				provider = p;
		}
	}

	for (k = 0; k < r->nflags; k++) {
		const aibom_rule_flag *fl = &r->flags[k];
		bool raise = false, present;
		if (fl->kw && fl->equals) {
			raise = kw_equals(m, c->call, fl->kw, fl->equals, w);
		} else if (fl->kw && fl->not_equals) {
			const char *t = kw_text(m, c->call, fl->kw, w, &present);
			raise = !present || t == NULL || strcmp(t, fl->not_equals) != 0;
		} else if (fl->kw_missing) {
			raise = call_arg(c->call, fl->kw_missing, -1) == NULL;
			if (raise && fl->model_is)
				raise = model && !partial && !strcmp(mtype, fl->model_is);
		} else if (!fl->kw) {
			raise = true;
		}
		if (raise && add_flag(&flags, fl->id) < 0)
			goto oom;
	}

	if ((found = aibom_vec__push(out)) == NULL)
		goto oom;
	found->line = aibom_facts__map_line(f, c->call->line);
	found->col = c->call->col;
	found->kind = r->kind;
	found->api = strip_calls(m, callee.text);
	found->provider = provider;
	found->model = model;
	found->model_type = mtype;
	found->resolution = resolution;
	found->flags = aibom_arena__strdup(m->arena, aibom_str__cstr(&flags));
	found->function = c->scope >= 0 ? def_at(f, c->scope)->qualname : NULL;
	found->rule = r->id;
	found->scope = c->scope;
	found->param_index = param_index;
	found->param_name = param_name;
	found->site = c;
	aibom_str__free(&flags);
	{
		span *sp = aibom_vec__push(consumed);
		if (sp == NULL)
			return -1;
		sp->start = c->call->start_byte;
		sp->end = c->call->end_byte;
	}
	return m->arena->failed ? -1 : 0;
oom:
	aibom_str__free(&flags);
	return -1;
}

int aibom_match__file(aibom_vec *out, const aibom_catalog *cat, const aibom_index *idx, aibom_facts *f)
{
	matcher m = {cat, idx, &f->arena, 0};
	aibom_vec consumed = AIBOM_VEC_INIT(span);
	size_t i, k;
	int error = -1;

	for (i = 0; i < f->calls.count; i++)
		if (match_call(out, &m, f, aibom_vec__at(&f->calls, aibom_call, i), &consumed, NULL, NULL) < 0)
			goto done;

	for (i = 0; i < f->strings.count; i++) {
		const aibom_string *s = aibom_vec__at(&f->strings, aibom_string, i);
		bool inside = false;
		for (k = 0; k < consumed.count && !inside; k++) {
			const span *sp = aibom_vec__at(&consumed, span, k);
			inside = s->start_byte >= sp->start && s->end_byte <= sp->end;
		}
		if (inside)
			continue;
		for (k = 0; k < cat->hubs.count; k++) {
			const aibom_hub_pattern *h = aibom_vec__at(&cat->hubs, aibom_hub_pattern, k);
			aibom_found *found;
			if (!aibom__has_prefix(s->value, h->prefix) || strlen(s->value) == strlen(h->prefix))
				continue;
			if ((found = aibom_vec__push(out)) == NULL)
				goto done;
			found->line = aibom_facts__map_line(f, s->line);
			found->col = s->col;
			found->kind = "hub_ref";
			found->api = h->api;
			found->provider = h->hub;
			found->model = s->value;
			found->model_type = "url";
			found->resolution = "literal";
			found->flags = "";
			found->function = s->scope >= 0 ? def_at(f, s->scope)->qualname : NULL;
			found->rule = h->api;
			found->scope = s->scope;
			found->param_index = -1;
			break;
		}
	}
	error = f->arena.failed ? -1 : 0;
	if (error < 0)
		aibom_error__oom();
done:
	aibom_vec__free(&consumed);
	return error;
}

int aibom_match__with_model(aibom_vec *out, const aibom_catalog *cat, const aibom_index *idx,
	aibom_facts *f, const aibom_found *found, const char *model, const char *resolution)
{
	matcher m = {cat, idx, &f->arena, 0};
	aibom_vec consumed = AIBOM_VEC_INIT(span);
	int error;

	if (found->site == NULL)
		return 0;
	error = match_call(out, &m, f, found->site, &consumed, model, resolution);
	aibom_vec__free(&consumed);
	return error;
}

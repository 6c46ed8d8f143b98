/*
 * cyclonedx.c - the database as a CycloneDX 1.6 ML-BOM (JSON), per DESIGN.md "Contracts":
 *
 *   metadata.component   the scanned application (commit and remote when known)
 *   components           one machine-learning-model (or data) component per distinct model, with
 *                        every use in evidence.occurrences; AI libraries from manifests
 *   services             the hosted AI APIs the code calls
 *   dependencies         application -> models, services, libraries; hosted model -> its service
 *   vulnerabilities      risk flags (CWE ids) pointing at the affected component
 *
 * Everything is read from SQLite in a fixed order, so the same scan gives the same bytes; only
 * the timestamp and serial number vary, and a pinned timestamp pins the serial number too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <git2.h>

#include "../scan_internal.h"

typedef struct {
	cJSON *root;
	aibom_scan *scan;
	sqlite3 *db;
	aibom_arena arena;
} ctx;

static const char *text_col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static cJSON *add_prop(cJSON *props, const char *name, const char *value)
{
	cJSON *p = cJSON_CreateObject();
	if (p == NULL)
		return NULL;
	cJSON_AddStringToObject(p, "name", name);
	cJSON_AddStringToObject(p, "value", value ? value : "");
	cJSON_AddItemToArray(props, p);
	return p;
}

/* Percent-encode a purl segment. */
static void purl_segment(aibom_str *s, const char *seg, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)seg[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '-' || c == '_' || c == '~') {
			aibom_str__putc(s, (char)c);
		} else {
			aibom_str__putc(s, '%');
			aibom_str__putc(s, hex[c >> 4]);
			aibom_str__putc(s, hex[c & 15]);
		}
	}
}

/* The Hugging Face repository id of a model id or hub URL ("org/name"), or NULL. */
static const char *hf_repo_id(aibom_arena *a, const char *model)
{
	const char *p = model, *end;
	static const char *const prefixes[] = {"https://huggingface.co/", "http://huggingface.co/",
		"https://hf.co/", "hf://", NULL};
	const char *const *pre;
	size_t n;
	int slashes = 0;

	for (pre = prefixes; *pre; pre++)
		if (aibom__has_prefix(model, *pre)) {
			p = model + strlen(*pre);
			if (aibom__has_prefix(p, "datasets/") || aibom__has_prefix(p, "spaces/"))
				return NULL;
			if (aibom__has_prefix(p, "models/"))
				p += 7;
			break;
		}
	if (*pre == NULL && (strstr(model, "://") || strchr(model, '{')))
		return NULL;
	/* at most two segments */
	for (end = p; *end && *end != '?' && *end != '#'; end++) {
		if (*end == '/' && ++slashes == 2)
			break;
	}
	n = (size_t)(end - p);
	if (n == 0 || p[0] == '/' || p[n - 1] == '/')
		return NULL;
	return aibom_arena__strndup(a, p, n);
}

static const char *hf_purl(aibom_arena *a, const char *repo)
{
	aibom_str s = AIBOM_STR_INIT;
	const char *slash = strchr(repo, '/'), *r;

	aibom_str__puts(&s, "pkg:huggingface/");
	if (slash) {
		purl_segment(&s, repo, (size_t)(slash - repo));
		aibom_str__putc(&s, '/');
		purl_segment(&s, slash + 1, strlen(slash + 1));
	} else {
		purl_segment(&s, repo, strlen(repo));
	}
	r = aibom_arena__strdup(a, aibom_str__cstr(&s));
	aibom_str__free(&s);
	return r;
}

/* SQL giving one row per finding with the bom-ref of the component it belongs to. */
#define COMPONENT_KEY_OF(t) \
	"CASE WHEN " t "artifact IS NOT NULL THEN 'artifact:' || " t "artifact " \
	"WHEN " t "model IS NULL THEN 'model:unresolved/' || " t "provider || '/' || " t "api " \
	"WHEN " t "kind = 'dataset' THEN 'data:' || " t "provider || '/' || " t "model " \
	"ELSE 'model:' || " t "provider || '/' || " t "model END"
#define COMPONENT_KEY COMPONENT_KEY_OF("")

static int add_models(ctx *c, cJSON *components, cJSON *app_deps, cJSON *deps)
{
	static const char sql[] =
		"SELECT " COMPONENT_KEY " AS ref, kind, provider, model, model_type, resolution, flags, path, line, api, function "
		"FROM v_findings ORDER BY ref, path, line, col, kind, api";
	sqlite3_stmt *st = NULL;
	cJSON *comp = NULL, *occ = NULL, *props = NULL;
	char last[1024] = "";
	aibom_str ctxs = AIBOM_STR_INIT;
	int rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(c->db, "exporting models");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ref = text_col(st, 0), *kind = text_col(st, 1), *provider = text_col(st, 2);
		const char *model = text_col(st, 3), *mtype = text_col(st, 4), *res = text_col(st, 5);
		const char *flags = text_col(st, 6), *path = text_col(st, 7), *api = text_col(st, 9);
		const char *fn = text_col(st, 10);
		int line = sqlite3_column_int(st, 8);
		cJSON *o;

		if (strcmp(ref, last) != 0) {
			const aibom_provider_info *pi = aibom_catalog__provider(c->scan->catalog, provider);
			bool dataset = !strcmp(kind, "dataset");
			snprintf(last, sizeof(last), "%s", ref);
			comp = cJSON_CreateObject();
			cJSON_AddItemToArray(components, comp);
			cJSON_AddStringToObject(comp, "type", dataset ? "data" : "machine-learning-model");
			cJSON_AddStringToObject(comp, "bom-ref", ref);
			if (model) {
				cJSON_AddStringToObject(comp, "name", model);
			} else {
				char name[512];
				snprintf(name, sizeof(name), "%s (model not resolved)", api);
				cJSON_AddStringToObject(comp, "name", name);
			}
			if (pi && pi->name && strcmp(mtype, "hosted") == 0) {
				cJSON *sup = cJSON_AddObjectToObject(comp, "supplier");
				cJSON_AddStringToObject(sup, "name", pi->name);
			}
			if (model && (!strcmp(mtype, "huggingface") || (!strcmp(kind, "hub_ref") && !strcmp(provider, "huggingface")))) {
				const char *repo = hf_repo_id(&c->arena, model);
				if (repo)
					cJSON_AddStringToObject(comp, "purl", hf_purl(&c->arena, repo));
			}
			if (model && !strcmp(mtype, "hosted") && !dataset) {
				cJSON *card = cJSON_AddObjectToObject(comp, "modelCard");
				cJSON *cprops = cJSON_AddArrayToObject(card, "properties");
				add_prop(cprops, "aibom:model:hosting", "hosted");
				add_prop(cprops, "aibom:model:provider", provider);
			}
			props = cJSON_AddArrayToObject(comp, "properties");
			add_prop(props, "aibom:provider", provider);
			add_prop(props, "aibom:model:type", mtype);
			add_prop(props, "aibom:model:resolved", model ? "true" : "false");
			add_prop(props, "aibom:finding:kind", kind);
			occ = cJSON_AddArrayToObject(cJSON_AddObjectToObject(comp, "evidence"), "occurrences");
			if (occ == NULL)
				goto oom;
			o = cJSON_CreateString(ref);
			cJSON_AddItemToArray(app_deps, o);
			if (pi && strcmp(mtype, "hosted") == 0 && !dataset) {
				cJSON *d = cJSON_CreateObject();
				char sref[256];
				snprintf(sref, sizeof(sref), "service:%s", provider);
				cJSON_AddStringToObject(d, "ref", ref);
				cJSON_AddItemToArray(cJSON_AddArrayToObject(d, "dependsOn"), cJSON_CreateString(sref));
				cJSON_AddItemToArray(deps, d);
			}
		}
		{
			/* one occurrence per place: a wrapper that several callers give the same model id
			 * is one use of that model (the callers are in the reach paths) */
			cJSON *prev = cJSON_GetArrayItem(occ, cJSON_GetArraySize(occ) - 1);
			if (prev && !strcmp(cJSON_GetObjectItem(prev, "location")->valuestring, path) &&
			    cJSON_GetObjectItem(prev, "line") && (int)cJSON_GetObjectItem(prev, "line")->valuedouble == line &&
			    !strcmp(cJSON_GetObjectItem(prev, "symbol")->valuestring, api))
				continue;
		}
		o = cJSON_CreateObject();
		if (o == NULL)
			goto oom;
		cJSON_AddStringToObject(o, "location", path);
		cJSON_AddNumberToObject(o, "line", line);
		cJSON_AddStringToObject(o, "symbol", api);
		aibom_str__clear(&ctxs);
		aibom_str__printf(&ctxs, "%s; provider=%s; resolution=%s", kind, provider, res);
		if (flags && flags[0])
			aibom_str__printf(&ctxs, "; flags=%s", flags);
		if (fn)
			aibom_str__printf(&ctxs, "; function=%s", fn);
		cJSON_AddStringToObject(o, "additionalContext", aibom_str__cstr(&ctxs));
		cJSON_AddItemToArray(occ, o);
	}
	aibom_str__free(&ctxs);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return aibom_store__fail(c->db, "exporting models");
	return 0;
oom:
	aibom_str__free(&ctxs);
	sqlite3_finalize(st);
	aibom_error__oom();
	return -1;
}

static int add_libraries(ctx *c, cJSON *components, cJSON *app_deps)
{
	static const char sql[] =
		"SELECT name, version, purl, path, line FROM v_libraries ORDER BY name, version, path, line";
	sqlite3_stmt *st = NULL;
	cJSON *comp = NULL, *occ = NULL;
	char last[512] = "";
	int rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(c->db, "exporting libraries");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = text_col(st, 0), *version = text_col(st, 1), *purl = text_col(st, 2);
		char ref[512];
		cJSON *o;

		snprintf(ref, sizeof(ref), "library:%s", purl);
		if (strcmp(ref, last) != 0) {
			snprintf(last, sizeof(last), "%s", ref);
			comp = cJSON_CreateObject();
			cJSON_AddItemToArray(components, comp);
			cJSON_AddStringToObject(comp, "type", "library");
			cJSON_AddStringToObject(comp, "bom-ref", ref);
			cJSON_AddStringToObject(comp, "name", name);
			if (version)
				cJSON_AddStringToObject(comp, "version", version);
			cJSON_AddStringToObject(comp, "purl", purl);
			occ = cJSON_AddArrayToObject(cJSON_AddObjectToObject(comp, "evidence"), "occurrences");
			cJSON_AddItemToArray(app_deps, cJSON_CreateString(ref));
		}
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "location", text_col(st, 3));
		cJSON_AddNumberToObject(o, "line", sqlite3_column_int(st, 4));
		cJSON_AddStringToObject(o, "additionalContext", "library; declared in a dependency manifest");
		cJSON_AddItemToArray(occ, o);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : aibom_store__fail(c->db, "exporting libraries");
}

static int add_services(ctx *c, cJSON *services, cJSON *app_deps)
{
	static const char sql[] =
		"SELECT provider, count(*) FROM v_findings WHERE kind = 'sdk_call' GROUP BY provider ORDER BY provider";
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(c->db, "exporting services");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *provider = text_col(st, 0);
		const aibom_provider_info *pi = aibom_catalog__provider(c->scan->catalog, provider);
		cJSON *s = cJSON_CreateObject(), *props;
		char ref[256], uses[32];

		snprintf(ref, sizeof(ref), "service:%s", provider);
		snprintf(uses, sizeof(uses), "%d", sqlite3_column_int(st, 1));
		cJSON_AddItemToArray(services, s);
		cJSON_AddStringToObject(s, "bom-ref", ref);
		if (pi && pi->name) {
			cJSON_AddStringToObject(cJSON_AddObjectToObject(s, "provider"), "name", pi->name);
			cJSON_AddStringToObject(s, "name", pi->name);
		} else {
			cJSON_AddStringToObject(s, "name", provider);
		}
		if (pi && pi->url) {
			cJSON_AddItemToArray(cJSON_AddArrayToObject(s, "endpoints"), cJSON_CreateString(pi->url));
			cJSON_AddStringToObject(s, "trustZone",
				strstr(pi->url, "localhost") ? "local" : "external");
		}
		cJSON_AddBoolToObject(s, "x-trust-boundary", true);
		props = cJSON_AddArrayToObject(s, "properties");
		add_prop(props, "aibom:provider", provider);
		add_prop(props, "aibom:sdk_calls", uses);
		cJSON_AddItemToArray(app_deps, cJSON_CreateString(ref));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : aibom_store__fail(c->db, "exporting services");
}

static int add_vulnerabilities(ctx *c, cJSON *vulns)
{
	static const char sql[] =
		"SELECT " COMPONENT_KEY " AS ref, flags, path, line FROM v_findings WHERE flags != '' "
		"ORDER BY ref, path, line, col";
	sqlite3_stmt *st = NULL;
	aibom_vec keys = AIBOM_VEC_INIT(cJSON *);
	int rc;
	size_t i;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(c->db, "exporting risks");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ref = text_col(st, 0), *flags = text_col(st, 1), *path = text_col(st, 2);
		int line = sqlite3_column_int(st, 3);
		char *copy = aibom__strdup(flags), *tok, *save = NULL;

		if (copy == NULL)
			break;
		for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			const aibom_flag_info *fi = aibom_catalog__flag(c->scan->catalog, tok);
			char vref[1200], loc[1100];
			cJSON *v = NULL, *props;

			snprintf(vref, sizeof(vref), "risk:%s:%s", tok, ref);
			snprintf(loc, sizeof(loc), "%s:%d", path, line);
			for (i = 0; i < keys.count && v == NULL; i++) {
				cJSON *k = *aibom_vec__at(&keys, cJSON *, i);
				if (!strcmp(cJSON_GetObjectItem(k, "bom-ref")->valuestring, vref))
					v = k;
			}
			if (v == NULL) {
				cJSON **slot = aibom_vec__push(&keys);
				char id[128], *p;
				if (slot == NULL)
					break;
				v = *slot = cJSON_CreateObject();
				snprintf(id, sizeof(id), "AIBOM-%s", tok);
				for (p = id; *p; p++)
					*p = *p == '_' ? '-' : (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
				cJSON_AddStringToObject(v, "bom-ref", vref);
				cJSON_AddStringToObject(v, "id", id);
				cJSON_AddStringToObject(cJSON_AddObjectToObject(v, "source"), "name", "aibom");
				if (fi && fi->cwe)
					cJSON_AddItemToArray(cJSON_AddArrayToObject(v, "cwes"), cJSON_CreateNumber(fi->cwe));
				if (fi && fi->text)
					cJSON_AddStringToObject(v, "description", fi->text);
				if (fi && fi->severity) {
					cJSON *r = cJSON_CreateObject();
					cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "source"), "name", "aibom");
					cJSON_AddStringToObject(r, "severity", fi->severity);
					cJSON_AddStringToObject(r, "method", "other");
					cJSON_AddItemToArray(cJSON_AddArrayToObject(v, "ratings"), r);
				}
				{
					cJSON *a = cJSON_CreateObject();
					cJSON_AddStringToObject(a, "ref", ref);
					cJSON_AddItemToArray(cJSON_AddArrayToObject(v, "affects"), a);
				}
				props = cJSON_AddArrayToObject(v, "properties");
				add_prop(props, "aibom:flag", tok);
				cJSON_AddItemToArray(vulns, v);
			}
			add_prop(cJSON_GetObjectItem(v, "properties"), "aibom:location", loc);
		}
		free(copy);
	}
	sqlite3_finalize(st);
	aibom_vec__free(&keys);
	if (rc != SQLITE_DONE)
		return aibom_store__fail(c->db, "exporting risks");

	/* model files whose loading can run code */
	if (sqlite3_prepare_v2(c->db, "SELECT path, reason, dangerous_imports FROM v_artifacts "
		"WHERE verdict = 'dangerous' ORDER BY path", -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(c->db, "exporting risks");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *v = cJSON_CreateObject(), *r, *a;
		char ref[1100], desc[2048];
		snprintf(ref, sizeof(ref), "risk:unsafe_artifact:artifact:%s", text_col(st, 0));
		snprintf(desc, sizeof(desc), "Loading %s can execute code: %s%s%s", text_col(st, 0),
			text_col(st, 1) ? text_col(st, 1) : "dangerous content",
			text_col(st, 2) ? "; imports " : "", text_col(st, 2) ? text_col(st, 2) : "");
		cJSON_AddStringToObject(v, "bom-ref", ref);
		cJSON_AddStringToObject(v, "id", "AIBOM-UNSAFE-ARTIFACT");
		cJSON_AddStringToObject(cJSON_AddObjectToObject(v, "source"), "name", "aibom");
		cJSON_AddItemToArray(cJSON_AddArrayToObject(v, "cwes"), cJSON_CreateNumber(502));
		cJSON_AddStringToObject(v, "description", desc);
		r = cJSON_CreateObject();
		cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "source"), "name", "aibom");
		cJSON_AddStringToObject(r, "severity", "critical");
		cJSON_AddStringToObject(r, "method", "other");
		cJSON_AddItemToArray(cJSON_AddArrayToObject(v, "ratings"), r);
		a = cJSON_CreateObject();
		snprintf(ref, sizeof(ref), "artifact:%s", text_col(st, 0));
		cJSON_AddStringToObject(a, "ref", ref);
		cJSON_AddItemToArray(cJSON_AddArrayToObject(v, "affects"), a);
		add_prop(cJSON_AddArrayToObject(v, "properties"), "aibom:artifact:path", text_col(st, 0));
		cJSON_AddItemToArray(vulns, v);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : aibom_store__fail(c->db, "exporting risks");
}

/* Model files of the repository: hashes, format, verdict, what the file says of itself (modelCard),
 * merged into the component of the load sites that name them. */
static int add_artifacts(ctx *c, cJSON *components, cJSON *app_deps, cJSON *deps)
{
	static const char sql[] =
		"SELECT path, format, verdict, reason, sha256, metadata, dangerous_imports, size FROM v_artifacts ORDER BY path";
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return aibom_store__fail(c->db, "exporting model files");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *path = text_col(st, 0), *format = text_col(st, 1), *verdict = text_col(st, 2);
		const char *reason = text_col(st, 3), *sha = text_col(st, 4);
		cJSON *meta = cJSON_Parse(text_col(st, 5)), *comp, *props, *card = NULL, *cprops, *occ, *o, *v;
		char ref[1100];

		snprintf(ref, sizeof(ref), "artifact:%s", path);
		cJSON_ArrayForEach(comp, components) {
			cJSON *r = cJSON_GetObjectItem(comp, "bom-ref");
			if (r && !strcmp(r->valuestring, ref))
				break;
		}
		if (comp == NULL) {
			comp = cJSON_CreateObject();
			cJSON_AddItemToArray(components, comp);
			cJSON_AddStringToObject(comp, "type", "machine-learning-model");
			cJSON_AddStringToObject(comp, "bom-ref", ref);
			cJSON_AddStringToObject(comp, "name", path);
			cJSON_AddArrayToObject(comp, "properties");
			cJSON_AddArrayToObject(cJSON_AddObjectToObject(comp, "evidence"), "occurrences");
			cJSON_AddItemToArray(app_deps, cJSON_CreateString(ref));
			{
				cJSON *d = cJSON_CreateObject();
				cJSON_AddStringToObject(d, "ref", ref);
				cJSON_AddArrayToObject(d, "dependsOn");
				cJSON_AddItemToArray(deps, d);
			}
		}
		if (sha) {
			cJSON *h = cJSON_CreateObject();
			cJSON_AddStringToObject(h, "alg", "SHA-256");
			cJSON_AddStringToObject(h, "content", sha);
			cJSON_AddItemToArray(cJSON_AddArrayToObject(comp, "hashes"), h);
		}
		props = cJSON_GetObjectItem(comp, "properties");
		add_prop(props, "aibom:artifact:path", path);
		add_prop(props, "aibom:artifact:format", format);
		add_prop(props, "aibom:artifact:verdict", verdict);
		if (reason)
			add_prop(props, "aibom:artifact:reason", reason);
		if (text_col(st, 6))
			add_prop(props, "aibom:artifact:dangerous_imports", text_col(st, 6));
		card = cJSON_GetObjectItem(comp, "modelCard");
		if (card == NULL)
			card = cJSON_AddObjectToObject(comp, "modelCard");
		cprops = cJSON_GetObjectItem(card, "properties");
		if (cprops == NULL)
			cprops = cJSON_AddArrayToObject(card, "properties");
		add_prop(cprops, "aibom:model:format", format);
		if ((v = cJSON_GetObjectItem(meta, "architecture")) && cJSON_IsString(v))
			cJSON_AddStringToObject(cJSON_AddObjectToObject(card, "modelParameters"), "modelArchitecture", v->valuestring);
		if ((v = cJSON_GetObjectItem(meta, "parameter_count")) && cJSON_IsNumber(v)) {
			char num[32];
			snprintf(num, sizeof(num), "%.0f", v->valuedouble);
			add_prop(cprops, "cdx:ai-ml:model:parameter:count", num);
		}
		if ((v = cJSON_GetObjectItem(meta, "file_type")) && cJSON_IsString(v))
			add_prop(cprops, "aibom:model:quantization", v->valuestring);
		if ((v = cJSON_GetObjectItem(meta, "context_length")) && cJSON_IsNumber(v)) {
			char num[32];
			snprintf(num, sizeof(num), "%.0f", v->valuedouble);
			add_prop(cprops, "aibom:model:context_length", num);
		}
		occ = cJSON_GetObjectItem(cJSON_GetObjectItem(comp, "evidence"), "occurrences");
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "location", path);
		cJSON_AddStringToObject(o, "additionalContext", "artifact; the model file itself");
		cJSON_AddItemToArray(occ, o);
		cJSON_Delete(meta);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : aibom_store__fail(c->db, "exporting model files");
}

/* The shortest path to each reached component as evidence.callstack, aibom:reachable on every
 * model component, and one application component per internal service with its dependencies. */
static int add_reach(ctx *c, cJSON *components, cJSON *app_deps, cJSON *deps)
{
	static const char per_component[] =
		"SELECT " COMPONENT_KEY_OF("vf.") " AS ref, sm.service, sm.hops, sm.path, sm.entry_point "
		"FROM service_models sm JOIN v_findings vf ON vf.id = sm.finding_id "
		"ORDER BY ref, sm.hops, sm.service, sm.entry_point";
	static const char per_service[] =
		"SELECT s.name, s.path, s.marker, "
		"(SELECT count(*) FROM entry_points e WHERE e.service_id = s.id) AS entries "
		"FROM services s WHERE EXISTS (SELECT 1 FROM entry_points e WHERE e.service_id = s.id) ORDER BY s.name, s.path";
	static const char service_deps[] =
		"SELECT DISTINCT sm.service, " COMPONENT_KEY_OF("vf.") " AS ref, "
		"CASE WHEN vf.kind = 'sdk_call' THEN 'service:' || vf.provider END AS hosted "
		"FROM service_models sm JOIN v_findings vf ON vf.id = sm.finding_id ORDER BY sm.service, ref";
	sqlite3_stmt *st = NULL;
	cJSON *comp, *reached = cJSON_CreateObject();
	char last[1024] = "";
	int rc;

	if (reached == NULL)
		goto oom;
	if (sqlite3_prepare_v2(c->db, per_component, -1, &st, NULL) != SQLITE_OK)
		goto sqlfail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ref = text_col(st, 0);
		cJSON *frames_in, *fr, *frames;
		if (!strcmp(ref, last))
			continue;
		snprintf(last, sizeof(last), "%s", ref);
		cJSON_AddTrueToObject(reached, ref);
		cJSON_ArrayForEach(comp, components) {
			cJSON *r = cJSON_GetObjectItem(comp, "bom-ref");
			if (r && !strcmp(r->valuestring, ref))
				break;
		}
		if (comp == NULL || (frames_in = cJSON_Parse(text_col(st, 3))) == NULL)
			continue;
		frames = cJSON_AddArrayToObject(cJSON_AddObjectToObject(cJSON_GetObjectItem(comp, "evidence"), "callstack"), "frames");
		cJSON_ArrayForEach(fr, frames_in) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "module", cJSON_GetObjectItem(fr, "module")->valuestring);
			cJSON_AddStringToObject(o, "function", cJSON_GetObjectItem(fr, "function")->valuestring);
			cJSON_AddNumberToObject(o, "line", cJSON_GetObjectItem(fr, "line")->valuedouble);
			cJSON_AddStringToObject(o, "fullFilename", cJSON_GetObjectItem(fr, "file")->valuestring);
			cJSON_AddItemToArray(frames, o);
		}
		cJSON_Delete(frames_in);
		add_prop(cJSON_GetObjectItem(comp, "properties"), "aibom:reach:service", text_col(st, 1));
		add_prop(cJSON_GetObjectItem(comp, "properties"), "aibom:reach:entry_point", text_col(st, 4));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto sqlfail;
	cJSON_ArrayForEach(comp, components) {
		const char *type = cJSON_GetObjectItem(comp, "type")->valuestring;
		if (strcmp(type, "machine-learning-model") && strcmp(type, "data"))
			continue;
		add_prop(cJSON_GetObjectItem(comp, "properties"), "aibom:reachable",
			cJSON_GetObjectItem(reached, cJSON_GetObjectItem(comp, "bom-ref")->valuestring) ? "true" : "false");
	}

	if (sqlite3_prepare_v2(c->db, per_service, -1, &st, NULL) != SQLITE_OK)
		goto sqlfail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *a = cJSON_CreateObject(), *props, *d;
		char ref[600];
		snprintf(ref, sizeof(ref), "app:%s:%s", text_col(st, 1), text_col(st, 0));
		cJSON_AddItemToArray(components, a);
		cJSON_AddStringToObject(a, "type", "application");
		cJSON_AddStringToObject(a, "bom-ref", ref);
		cJSON_AddStringToObject(a, "name", text_col(st, 0));
		props = cJSON_AddArrayToObject(a, "properties");
		add_prop(props, "aibom:service:path", text_col(st, 1)[0] ? text_col(st, 1) : ".");
		if (text_col(st, 2))
			add_prop(props, "aibom:service:marker", text_col(st, 2));
		add_prop(props, "aibom:service:entry_points", text_col(st, 3));
		cJSON_AddItemToArray(app_deps, cJSON_CreateString(ref));
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "ref", ref);
		cJSON_AddArrayToObject(d, "dependsOn");
		cJSON_AddItemToArray(deps, d);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE)
		goto sqlfail;
	if (sqlite3_prepare_v2(c->db, service_deps, -1, &st, NULL) != SQLITE_OK)
		goto sqlfail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *d, *on;
		const char *targets[2] = {text_col(st, 1), text_col(st, 2)};
		int k;
		cJSON_ArrayForEach(d, deps) {
			const char *r = cJSON_GetObjectItem(d, "ref")->valuestring;
			const char *colon = strchr(r + 4, ':');
			if (!strncmp(r, "app:", 4) && colon && !strcmp(colon + 1, text_col(st, 0)))
				break;
		}
		if (d == NULL)
			continue;
		on = cJSON_GetObjectItem(d, "dependsOn");
		for (k = 0; k < 2; k++) {
			cJSON *x;
			bool dup = false;
			if (targets[k] == NULL)
				continue;
			cJSON_ArrayForEach(x, on)
				dup |= !strcmp(x->valuestring, targets[k]);
			if (!dup)
				cJSON_AddItemToArray(on, cJSON_CreateString(targets[k]));
		}
	}
	sqlite3_finalize(st);
	cJSON_Delete(reached);
	return rc == SQLITE_DONE ? 0 : aibom_store__fail(c->db, "exporting reachability");
sqlfail:
	sqlite3_finalize(st);
	cJSON_Delete(reached);
	return aibom_store__fail(c->db, "exporting reachability");
oom:
	aibom_error__oom();
	return -1;
}

static void serial_number(char out[46], int64_t ts, bool pinned, const char *seed)
{
	unsigned char b[16];
	size_t i;

	if (pinned) {
		git_oid oid;
		char buf[1200];
		snprintf(buf, sizeof(buf), "aibom|%lld|%s", (long long)ts, seed);
		git_libgit2_init(); /* left initialised: see source.c */
		git_odb_hash(&oid, buf, strlen(buf), GIT_OBJECT_BLOB);
		memcpy(b, oid.id, 16);
		b[6] = (unsigned char)((b[6] & 0x0F) | 0x50); /* name-based */
	} else {
		FILE *fp = fopen("/dev/urandom", "rb");
		if (fp == NULL || fread(b, 1, 16, fp) != 16) {
			uint64_t x = (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)out;
			for (i = 0; i < 16; i++) {
				x = x * 6364136223846793005ULL + 1442695040888963407ULL;
				b[i] = (unsigned char)(x >> 56);
			}
		}
		if (fp)
			fclose(fp);
		b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	}
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	snprintf(out, 46, "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

int aibom_export__cyclonedx(aibom_buf *out, aibom_scan *scan, int64_t timestamp)
{
	ctx c = {NULL, scan, scan->db, {0}};
	cJSON *meta, *app, *tools, *components, *services, *deps, *app_dep, *app_deps, *vulns, *props;
	aibom_str name = AIBOM_STR_INIT, commit = AIBOM_STR_INIT, remote = AIBOM_STR_INIT, rev = AIBOM_STR_INIT;
	const char *env = getenv("SOURCE_DATE_EPOCH");
	bool pinned = timestamp >= 0 || (env && *env);
	char when[32], serial[46];
	struct tm tm;
	time_t t;
	int error = -1;

	if (timestamp < 0)
		timestamp = env && *env ? strtoll(env, NULL, 10) : (int64_t)time(NULL);
	t = (time_t)timestamp;
	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);

	aibom_store__meta(c.db, "name", &name);
	aibom_store__meta(c.db, "commit", &commit);
	aibom_store__meta(c.db, "remote", &remote);
	aibom_store__meta(c.db, "rev", &rev);

	if ((c.root = cJSON_CreateObject()) == NULL)
		goto oom;
	cJSON_AddStringToObject(c.root, "$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
	cJSON_AddStringToObject(c.root, "bomFormat", "CycloneDX");
	cJSON_AddStringToObject(c.root, "specVersion", "1.6");
	{
		char seed[1100];
		snprintf(seed, sizeof(seed), "%s|%s", aibom_str__cstr(&name), aibom_str__cstr(&commit));
		serial_number(serial, timestamp, pinned, seed);
	}
	cJSON_AddStringToObject(c.root, "serialNumber", serial);
	cJSON_AddNumberToObject(c.root, "version", 1);

	meta = cJSON_AddObjectToObject(c.root, "metadata");
	cJSON_AddStringToObject(meta, "timestamp", when);
	tools = cJSON_AddArrayToObject(cJSON_AddObjectToObject(meta, "tools"), "components");
	{
		cJSON *tool = cJSON_CreateObject();
		cJSON_AddStringToObject(tool, "type", "application");
		cJSON_AddStringToObject(tool, "name", "aibom");
		cJSON_AddStringToObject(tool, "version", AIBOM_VERSION);
		cJSON_AddItemToArray(tools, tool);
	}
	app = cJSON_AddObjectToObject(meta, "component");
	cJSON_AddStringToObject(app, "type", "application");
	cJSON_AddStringToObject(app, "bom-ref", "application");
	cJSON_AddStringToObject(app, "name", name.size ? name.ptr : "unnamed");
	if (commit.size)
		cJSON_AddStringToObject(app, "version", commit.ptr);
	if (remote.size) {
		cJSON *ref = cJSON_CreateObject();
		cJSON_AddStringToObject(ref, "type", "vcs");
		cJSON_AddStringToObject(ref, "url", remote.ptr);
		cJSON_AddItemToArray(cJSON_AddArrayToObject(app, "externalReferences"), ref);
	}
	props = cJSON_AddArrayToObject(app, "properties");
	if (commit.size)
		add_prop(props, "aibom:git:commit", commit.ptr);
	if (rev.size)
		add_prop(props, "aibom:git:rev", rev.ptr);
	if (cJSON_GetArraySize(props) == 0)
		cJSON_DeleteItemFromObject(app, "properties");

	components = cJSON_AddArrayToObject(c.root, "components");
	services = cJSON_CreateArray();
	deps = cJSON_CreateArray();
	vulns = cJSON_CreateArray();
	app_dep = cJSON_CreateObject();
	if (components == NULL || services == NULL || deps == NULL || vulns == NULL || app_dep == NULL) {
		cJSON_Delete(services);
		cJSON_Delete(deps);
		cJSON_Delete(vulns);
		cJSON_Delete(app_dep);
		goto oom;
	}
	cJSON_AddStringToObject(app_dep, "ref", "application");
	app_deps = cJSON_AddArrayToObject(app_dep, "dependsOn");
	cJSON_AddItemToArray(deps, app_dep);
	if (add_models(&c, components, app_deps, deps) < 0 ||
	    add_artifacts(&c, components, app_deps, deps) < 0 ||
	    add_libraries(&c, components, app_deps) < 0 ||
	    add_services(&c, services, app_deps) < 0 ||
	    add_reach(&c, components, app_deps, deps) < 0 ||
	    add_vulnerabilities(&c, vulns) < 0) {
		cJSON_Delete(services);
		cJSON_Delete(deps);
		cJSON_Delete(vulns);
		goto done;
	}
	if (cJSON_GetArraySize(services))
		cJSON_AddItemToObject(c.root, "services", services);
	else
		cJSON_Delete(services);
	/* every referenced service and model needs its own dependencies entry */
	{
		cJSON *it;
		cJSON_ArrayForEach(it, app_deps) {
			bool listed = false;
			cJSON *d;
			cJSON_ArrayForEach(d, deps)
				if (!strcmp(cJSON_GetObjectItem(d, "ref")->valuestring, it->valuestring))
					listed = true;
			if (!listed) {
				cJSON *e = cJSON_CreateObject();
				cJSON_AddStringToObject(e, "ref", it->valuestring);
				cJSON_AddArrayToObject(e, "dependsOn");
				cJSON_AddItemToArray(deps, e);
			}
		}
	}
	cJSON_AddItemToObject(c.root, "dependencies", deps);
	if (cJSON_GetArraySize(vulns))
		cJSON_AddItemToObject(c.root, "vulnerabilities", vulns);
	else
		cJSON_Delete(vulns);
	error = aibom_json__detach(out, c.root, true);
	goto done;
oom:
	aibom_error__oom();
done:
	cJSON_Delete(c.root);
	aibom_arena__free(&c.arena);
	aibom_str__free(&name);
	aibom_str__free(&commit);
	aibom_str__free(&remote);
	aibom_str__free(&rev);
	return error;
}

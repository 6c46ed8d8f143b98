/*
 * project.c - what manifests say about the project itself, for the reachability graph: the
 * project's name (pyproject.toml, package.json) names its service, and declared entry points
 * (console scripts, Lambda handlers in SAM / Serverless templates) become entry points.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "manifest.h"

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int add_script(aibom_vec *scripts, const char *module, size_t mlen, const char *fn, size_t flen,
	const char *kind, const char *framework)
{
	char **slot = aibom_vec__push(scripts);
	size_t n = mlen + flen + strlen(kind) + strlen(framework) + 4, i;

	if (slot == NULL || (*slot = malloc(n)) == NULL)
		return -1;
	snprintf(*slot, n, "%.*s:%.*s\t%s\t%s", (int)mlen, module, (int)flen, fn, kind, framework);
	for (i = 0; i < mlen; i++)
		if ((*slot)[i] == '/')
			(*slot)[i] = '.';
	return 0;
}

/* The value of `key = "value"` on a TOML line, or NULL. */
static char *toml_string(const char *line, size_t n, const char *key)
{
	size_t k = strlen(key), i = 0;
	const char *q1, *q2;

	while (i < n && isspace((unsigned char)line[i]))
		i++;
	if (n - i < k || strncmp(line + i, key, k) != 0)
		return NULL;
	i += k;
	while (i < n && isspace((unsigned char)line[i]))
		i++;
	if (i >= n || line[i] != '=')
		return NULL;
	q1 = memchr(line + i, '"', n - i);
	if (q1 == NULL)
		q1 = memchr(line + i, '\'', n - i);
	q2 = q1 ? memchr(q1 + 1, *q1, (size_t)(line + n - q1 - 1)) : NULL;
	return q2 ? dup_n(q1 + 1, (size_t)(q2 - q1 - 1)) : NULL;
}

static int pyproject(char **name, aibom_vec *scripts, const char *text, size_t len)
{
	size_t i = 0;
	char table[128] = "";

	while (i < len) {
		const char *s = text + i, *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i, k = 0;
		i += n + 1;
		while (k < n && isspace((unsigned char)s[k]))
			k++;
		if (k < n && s[k] == '[') {
			const char *e = memchr(s + k, ']', n - k);
			snprintf(table, sizeof(table), "%.*s", e ? (int)(e - s - k - 1) : 0, s + k + 1);
			continue;
		}
		if ((!strcmp(table, "project") || !strcmp(table, "tool.poetry")) && *name == NULL) {
			*name = toml_string(s, n, "name");
		} else if (!strcmp(table, "project.scripts") || !strcmp(table, "tool.poetry.scripts") ||
			   !strcmp(table, "project.gui-scripts")) {
			const char *eq = memchr(s, '=', n);
			char *target = NULL, *colon;
			if (eq) {
				const char *q1 = memchr(eq, '"', (size_t)(s + n - eq));
				const char *q2 = q1 ? memchr(q1 + 1, '"', (size_t)(s + n - q1 - 1)) : NULL;
				if (q2)
					target = dup_n(q1 + 1, (size_t)(q2 - q1 - 1));
			}
			if (target && (colon = strchr(target, ':')) != NULL) {
				int rc = add_script(scripts, target, (size_t)(colon - target), colon + 1, strlen(colon + 1),
					"command", "console_scripts");
				free(target);
				if (rc < 0)
					return -1;
			} else {
				free(target);
			}
		}
	}
	return 0;
}

/* `Handler: app.lambda_handler` with a `CodeUri: src/` nearby (SAM), or `handler: x.main`
 * (Serverless). */
static int lambda(aibom_vec *scripts, const char *dir, const char *text, size_t len)
{
	size_t i = 0, nlines = 0, l;
	const char **starts = NULL;
	size_t *lens = NULL;
	int error = -1;

	for (l = 0; l < len; l++)
		nlines += text[l] == '\n';
	nlines++;
	if ((starts = calloc(nlines, sizeof(char *))) == NULL || (lens = calloc(nlines, sizeof(size_t))) == NULL)
		goto done;
	for (l = 0; i <= len && l < nlines; l++) {
		const char *s = text + i, *nl = memchr(s, '\n', len - i);
		starts[l] = s;
		lens[l] = nl ? (size_t)(nl - s) : len - i;
		i += lens[l] + 1;
	}
	for (l = 0; l < nlines; l++) {
		const char *s = starts[l], *v, *dot;
		size_t n = lens[l], k = 0, vl, c;
		char uri[512] = "";
		while (k < n && isspace((unsigned char)s[k]))
			k++;
		if (n - k < 8 || (strncmp(s + k, "Handler:", 8) && strncmp(s + k, "handler:", 8)))
			continue;
		v = s + k + 8;
		while (v < s + n && (isspace((unsigned char)*v) || *v == '"' || *v == '\''))
			v++;
		vl = (size_t)(s + n - v);
		while (vl && (isspace((unsigned char)v[vl - 1]) || v[vl - 1] == '"' || v[vl - 1] == '\''))
			vl--;
		dot = NULL;
		for (c = vl; c > 0; c--)
			if (v[c - 1] == '.') {
				dot = v + c - 1;
				break;
			}
		if (dot == NULL)
			continue;
		/* the CodeUri nearest to the handler, within a few lines: the same resource */
		for (c = 1; c <= 8 && uri[0] == '\0'; c++) {
			size_t cand[2] = {l >= c ? l - c : (size_t)-1, l + c};
			int side;
			for (side = 0; side < 2 && uri[0] == '\0'; side++) {
				size_t x = cand[side];
				const char *u;
				if (x == (size_t)-1 || x >= nlines)
					continue;
				u = memmem(starts[x], lens[x], "CodeUri:", 8);
				if (u) {
					const char *p = u + 8;
					size_t ul;
					while (p < starts[x] + lens[x] && (isspace((unsigned char)*p) || *p == '"' || *p == '\''))
						p++;
					ul = (size_t)(starts[x] + lens[x] - p);
					while (ul && (isspace((unsigned char)p[ul - 1]) || p[ul - 1] == '"' || p[ul - 1] == '\'' ||
						      p[ul - 1] == '/'))
						ul--;
					snprintf(uri, sizeof(uri), "%.*s", (int)ul, p);
				}
			}
		}
		{
			char module[1024];
			snprintf(module, sizeof(module), "%s%s%s%s%.*s", dir, dir[0] ? "/" : "", uri, uri[0] ? "/" : "",
				(int)(dot - v), v);
			if (add_script(scripts, module, strlen(module), dot + 1, (size_t)(v + vl - dot - 1),
				"handler", "aws-lambda") < 0)
				goto done;
		}
	}
	error = 0;
done:
	free(starts);
	free(lens);
	if (error < 0)
		aibom_error__oom();
	return error;
}

/* A file of a package.json ("./dist/cli.js") as the declared entry point "dir.dist.cli:<module>":
 * the resolver takes the longest dotted suffix that is a module, so a build output folder
 * ("dist", "build") falls away when the source is src/cli.ts. */
static int node_script(aibom_vec *scripts, const char *dir, const char *path, const char *kind)
{
	char module[1024];
	static const char *const exts[] = {".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", NULL};
	const char *const *e;
	size_t n;

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	snprintf(module, sizeof(module), "%s%s%s", dir, dir[0] ? "/" : "", path);
	n = strlen(module);
	for (e = exts; *e; e++)
		if (aibom__has_suffix(module, *e)) {
			n -= strlen(*e);
			break;
		}
	return add_script(scripts, module, n, "<module>", 8, kind, "npm");
}

int aibom_manifest__project(char **name, aibom_vec *scripts, const char *file_name, const char *dir,
	const char *text, size_t len)
{
	*name = NULL;
	if (!strcmp(file_name, "pyproject.toml"))
		return pyproject(name, scripts, text, len);
	if (!strcmp(file_name, "package.json")) {
		cJSON *root = cJSON_ParseWithLength(text, len);
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(root, "name");
		const cJSON *bin = cJSON_GetObjectItemCaseSensitive(root, "bin"), *it;
		int error = 0;
		if (cJSON_IsString(n) && (*name = strdup(n->valuestring)) == NULL)
			error = -1;
		/* "bin" (a path or a map of commands) and "main": the file runs as a whole */
		if (cJSON_IsString(bin))
			error |= node_script(scripts, dir, bin->valuestring, "command");
		const cJSON *commands = cJSON_IsObject(bin) ? bin : NULL;
		cJSON_ArrayForEach(it, commands)
			if (cJSON_IsString(it))
				error |= node_script(scripts, dir, it->valuestring, "command");
		n = cJSON_GetObjectItemCaseSensitive(root, "main");
		if (cJSON_IsString(n))
			error |= node_script(scripts, dir, n->valuestring, "main");
		cJSON_Delete(root);
		if (error)
			aibom_error__oom();
		return error ? -1 : 0;
	}
	if (!strcmp(file_name, "template.yaml") || !strcmp(file_name, "template.yml") ||
	    !strcmp(file_name, "serverless.yml") || !strcmp(file_name, "serverless.yaml"))
		return lambda(scripts, dir, text, len);
	return 0;
}

/* The 1-based line of the first `"key"` at or after FROM in TEXT (cJSON keeps no positions). */
static uint32_t line_of_key(const char *text, size_t len, const char *key, size_t *from)
{
	size_t klen = strlen(key), i;
	uint32_t line = 1;

	for (i = 0; i < *from && i < len; i++)
		line += text[i] == '\n';
	for (; i + klen + 2 <= len; i++) {
		if (text[i] == '\n')
			line++;
		if (text[i] == '"' && !memcmp(text + i + 1, key, klen) && text[i + 1 + klen] == '"') {
			*from = i + klen + 2;
			return line;
		}
	}
	return 0;
}

int aibom_manifest__package_json(aibom_vec *out, const char *text, size_t len)
{
	static const char *const sections[] = {"dependencies", "devDependencies", "optionalDependencies",
		"peerDependencies", NULL};
	cJSON *root = cJSON_ParseWithLength(text, len);
	const char *const *sec;
	int error = 0;

	for (sec = sections; root && *sec && error == 0; sec++) {
		const cJSON *deps = cJSON_GetObjectItemCaseSensitive(root, *sec), *it;
		size_t from = 0;
		if (!cJSON_IsObject(deps))
			continue;
		line_of_key(text, len, *sec, &from);
		cJSON_ArrayForEach(it, deps) {
			aibom_dependency *d;
			const char *v = cJSON_IsString(it) ? it->valuestring : "";
			size_t pos = from;
			if ((d = aibom_vec__push(out)) == NULL) {
				error = -1;
				break;
			}
			d->eco = ECO_NPM;
			d->line = line_of_key(text, len, it->string, &pos);
			d->name = strdup(it->string);
			d->spec = strdup(v);
			if (v[0] == '=')
				v++;
			if (v[0] >= '0' && v[0] <= '9' && strspn(v, "0123456789.") == strlen(v))
				d->version = strdup(v);
			if (d->name == NULL || d->spec == NULL) {
				aibom_error__oom();
				error = -1;
			}
		}
	}
	cJSON_Delete(root);
	return error;
}

bool aibom_manifest__is_manifest(const char *file_name)
{
	static const char *const names[] = {"go.mod", "go.sum", "pom.xml", "build.gradle", "build.gradle.kts",
		"package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", NULL};
	const char *const *n;

	for (n = names; *n; n++)
		if (!strcmp(file_name, *n))
			return true;
	return (aibom__has_prefix(file_name, "tsconfig") || aibom__has_prefix(file_name, "jsconfig")) &&
		aibom__has_suffix(file_name, ".json");
}

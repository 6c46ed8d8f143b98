/*
 * python.c - Python manifests. requirements files are read line by line (comments, options,
 * markers and URLs skipped); pyproject.toml is read with just the TOML a dependency list needs:
 * [project] dependencies and optional-dependencies arrays (PEP 621) and the
 * [tool.poetry.*dependencies] tables. Nothing is evaluated.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manifest.h"

void aibom_dependency__free(aibom_dependency *d)
{
	free(d->name);
	free(d->version);
	free(d->spec);
}

static char *normalise(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t i, o = 0;

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		char c = (char)tolower((unsigned char)s[i]);
		if (c == '_' || c == '.')
			c = '-';
		if (c == '-' && o > 0 && out[o - 1] == '-')
			continue;
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

static char *trimmed(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	{
		char *out = malloc(n + 1);
		if (out) {
			memcpy(out, s, n);
			out[n] = '\0';
		}
		return out;
	}
}

/* One PEP 508 requirement "name[extra]>=1,<2 ; marker" -> dependency. */
static int add_requirement(aibom_vec *out, const char *s, size_t n, uint32_t line)
{
	size_t i = 0, name_end, spec_start, spec_end;
	aibom_dependency *d;
	const char *eq;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i == n || !isalnum((unsigned char)s[i]))
		return 0;
	name_end = i;
	while (name_end < n && (isalnum((unsigned char)s[name_end]) || strchr("-_.", s[name_end])))
		name_end++;
	spec_start = name_end;
	if (spec_start < n && s[spec_start] == '[') {
		while (spec_start < n && s[spec_start] != ']')
			spec_start++;
		if (spec_start < n)
			spec_start++;
	}
	spec_end = spec_start;
	while (spec_end < n && s[spec_end] != ';' && s[spec_end] != '#' && s[spec_end] != '@')
		spec_end++;
	if ((d = aibom_vec__push(out)) == NULL)
		return -1;
	d->line = line;
	d->name = normalise(s + i, name_end - i);
	d->spec = trimmed(s + spec_start, spec_end - spec_start);
	if (d->name == NULL || d->spec == NULL)
		return -1;
	eq = strstr(d->spec, "==");
	if (eq && !strchr(d->spec, ',') && !strchr(eq + 2, '*')) {
		const char *v = eq + 2;
		if (*v == '=')
			v++; /* === */
		d->version = trimmed(v, strlen(v));
		if (d->version == NULL)
			return -1;
	}
	return 0;
}

int aibom_manifest__requirements(aibom_vec *out, const char *text, size_t len)
{
	size_t i = 0;
	uint32_t line = 0;

	while (i < len) {
		const char *s = text + i, *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i;
		size_t k = 0;
		line++;
		i += n + 1;
		while (k < n && isspace((unsigned char)s[k]))
			k++;
		if (k == n || s[k] == '#' || s[k] == '-')
			continue; /* blank, comment, -r / -e / --index-url */
		if (memchr(s, ':', n) && memmem(s, n, "://", 3))
			continue; /* direct URL */
		if (add_requirement(out, s, n, line) < 0)
			return -1;
	}
	return 0;
}

/* The quoted strings of a TOML array starting at TEXT+*POS ('['), possibly over many lines. */
static int toml_array(aibom_vec *out, const char *text, size_t len, size_t *pos, uint32_t *line)
{
	size_t i = *pos + 1;

	while (i < len && text[i] != ']') {
		char q = text[i];
		if (q == '\n') {
			(*line)++;
		} else if (q == '#') {
			while (i < len && text[i] != '\n')
				i++;
			continue;
		} else if (q == '"' || q == '\'') {
			size_t start = ++i;
			while (i < len && text[i] != q && text[i] != '\n')
				i++;
			if (add_requirement(out, text + start, i - start, *line) < 0)
				return -1;
		}
		i++;
	}
	*pos = i;
	return 0;
}

int aibom_manifest__pyproject(aibom_vec *out, const char *text, size_t len)
{
	size_t i = 0;
	uint32_t line = 0;
	char table[128] = "";

	while (i < len) {
		const char *s = text + i, *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i, k = 0;
		line++;
		while (k < n && isspace((unsigned char)s[k]))
			k++;
		if (k < n && s[k] == '[') {
			size_t e = k;
			while (e < n && s[e] != ']')
				e++;
			snprintf(table, sizeof(table), "%.*s", (int)(e > k + 1 ? e - k - 1 : 0), s + k + 1);
			if (table[0] == '[') /* [[array.of.tables]] */
				memmove(table, table + 1, strlen(table));
			i += n + 1;
			continue;
		}
		if (k < n && s[k] != '#') {
			const char *eq = memchr(s + k, '=', n - k);
			size_t keylen = eq ? (size_t)(eq - (s + k)) : 0;
			char *key = eq ? trimmed(s + k, keylen) : NULL;
			if (eq && key == NULL)
				return -1;
			if (key && ((!strcmp(table, "project") && !strcmp(key, "dependencies")) ||
				    !strcmp(table, "project.optional-dependencies") ||
				    (!strcmp(table, "dependency-groups")))) {
				const char *br = memchr(eq, '[', n - (size_t)(eq - s));
				if (br) {
					size_t pos = (size_t)(br - text);
					if (toml_array(out, text, len, &pos, &line) < 0) {
						free(key);
						return -1;
					}
					free(key);
					i = pos;
					while (i < len && text[i] != '\n')
						i++;
					i++;
					continue;
				}
			} else if (key && aibom__has_prefix(table, "tool.poetry") &&
				   aibom__has_suffix(table, "dependencies") && strcmp(key, "python") != 0) {
				/* name = "^1.2" | name = { version = "1.2", ... } */
				const char *v = eq + 1, *end = s + n;
				aibom_str req = AIBOM_STR_INIT;
				const char *q1, *q2, *vk = memmem(v, (size_t)(end - v), "version", 7);
				if (vk)
					v = vk + 7;
				q1 = memchr(v, '"', (size_t)(end - v));
				if (q1 == NULL)
					q1 = memchr(v, '\'', (size_t)(end - v));
				q2 = q1 ? memchr(q1 + 1, *q1, (size_t)(end - q1 - 1)) : NULL;
				aibom_str__puts(&req, key[0] == '"' ? key + 1 : key);
				if (req.size && req.ptr[req.size - 1] == '"')
					req.ptr[--req.size] = '\0';
				if (q1 && q2) {
					const char *c = q1 + 1;
					bool exact = isdigit((unsigned char)*c);
					aibom_str__puts(&req, exact ? "==" : "");
					aibom_str__put(&req, c, (size_t)(q2 - c));
				}
				if (add_requirement(out, aibom_str__cstr(&req), req.size, line) < 0) {
					aibom_str__free(&req);
					free(key);
					return -1;
				}
				aibom_str__free(&req);
			}
			free(key);
		}
		i += n + 1;
	}
	return 0;
}

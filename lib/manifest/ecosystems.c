/*
 * ecosystems.c - dependency manifests and lock files beyond Python: go.mod and go.sum, Maven's
 * pom.xml, Gradle build scripts (Groovy and Kotlin), the npm lock files (package-lock.json,
 * pnpm-lock.yaml, yarn.lock), and filling unpinned dependencies from a lock file.
 *
 * Each reader is a small tolerant scanner over the text, not a parser of the whole language:
 * nothing is evaluated, what cannot be read is skipped, and a truncated or damaged file yields
 * what could be read before the damage. None of them recurses over the input, so deep nesting
 * cannot exhaust the stack (cJSON caps its own nesting).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "ecosystems.h"

/* ---- shared pieces */

typedef struct {
	const char *s;
	size_t n;
} span;

static bool span_is(span a, const char *lit)
{
	size_t n = strlen(lit);
	return a.n == n && memcmp(a.s, lit, n) == 0;
}

static bool span_eq(span a, span b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.s, b.s, a.n) == 0);
}

static bool span_starts(span a, const char *lit)
{
	size_t n = strlen(lit);
	return a.n >= n && memcmp(a.s, lit, n) == 0;
}

static span trim(span a)
{
	while (a.n && isspace((unsigned char)a.s[0])) {
		a.s++;
		a.n--;
	}
	while (a.n && isspace((unsigned char)a.s[a.n - 1]))
		a.n--;
	return a;
}

/* The last occurrence of C in A, or NULL. */
static const char *span_rchr(span a, char c)
{
	size_t i;
	for (i = a.n; i > 0; i--)
		if (a.s[i - 1] == c)
			return a.s + i - 1;
	return NULL;
}

static uint32_t count_lines(const char *s, size_t n)
{
	const char *end = s + n;
	uint32_t k = 0;

	while (s < end && (s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

/* Line by line over TEXT; it->line is the 1-based number of the line just returned. */
typedef struct {
	const char *text;
	size_t len;
	size_t pos;
	uint32_t line;
} lines;

static bool next_line(lines *it, span *out)
{
	const char *s, *nl;
	size_t n;

	if (it->pos >= it->len)
		return false;
	s = it->text + it->pos;
	nl = memchr(s, '\n', it->len - it->pos);
	n = nl ? (size_t)(nl - s) : it->len - it->pos;
	it->pos += n + 1;
	it->line++;
	if (n && s[n - 1] == '\r')
		n--;
	out->s = s;
	out->n = n;
	return true;
}

/* Append one dependency. VERSION NULL leaves it unpinned; SPEC NULL is "". An empty name or
 * version, or one holding a NUL byte, is no dependency: nothing is appended. */
static int add_dep(aibom_vec *out, aibom_ecosystem eco, uint32_t line, span name, const span *version,
	const span *spec)
{
	aibom_dependency *d;

	if (name.n == 0 || memchr(name.s, '\0', name.n) ||
	    (version && (version->n == 0 || memchr(version->s, '\0', version->n))))
		return 0;
	if ((d = aibom_vec__push(out)) == NULL)
		return -1;
	d->eco = eco;
	d->line = line;
	d->name = aibom__strndup(name.s, name.n);
	d->spec = spec ? aibom__strndup(spec->s, spec->n) : aibom__strndup("", 0);
	if (version)
		d->version = aibom__strndup(version->s, version->n);
	if (d->name == NULL || d->spec == NULL || (version && d->version == NULL))
		return -1;
	return 0;
}

/* A version that names one release: no ranges, wildcards, placeholders or "latest". */
static bool exact_version(const char *v, size_t n)
{
	static const char bad[] = "$+*[](){}<>=~^|, \t\r\n";
	size_t i;

	if (n == 0 || !isalnum((unsigned char)v[0]))
		return false;
	for (i = 0; i < n; i++)
		if (v[i] == '\0' || memchr(bad, v[i], sizeof(bad) - 1))
			return false;
	return !(n >= 7 && !strncmp(v, "latest.", 7)) && !(n == 6 && !strncmp(v, "LATEST", 6)) &&
	       !(n == 7 && !strncmp(v, "RELEASE", 7));
}

/* A set of strings seen before (for one item per name@version). */
static int seen_before(aibom_map *seen, aibom_str *key, span a, span b, bool *dup)
{
	aibom_str__clear(key);
	aibom_str__put(key, a.s, a.n);
	aibom_str__putc(key, '@');
	aibom_str__put(key, b.s, b.n);
	if (key->failed) {
		aibom_error__oom();
		return -1;
	}
	*dup = aibom_map__get(seen, aibom_str__cstr(key)) != NULL;
	if (!*dup && aibom_map__set(seen, aibom_str__cstr(key), seen) < 0)
		return -1;
	return 0;
}

/* ---- Go: go.mod and go.sum */

/* The next token of a go.mod line S[*I..N): a word, "(" or ")", or a quoted string without its
 * quotes. False at the end of the line or at a // comment, whose text goes to *COMMENT. */
static bool go_token(const char *s, size_t n, size_t *i, span *tok, span *comment)
{
	size_t k = *i, start;

	while (k < n && isspace((unsigned char)s[k]))
		k++;
	if (k >= n) {
		*i = n;
		return false;
	}
	if (s[k] == '/' && k + 1 < n && s[k + 1] == '/') {
		comment->s = s + k + 2;
		comment->n = n - k - 2;
		*i = n;
		return false;
	}
	if (s[k] == '(' || s[k] == ')') {
		tok->s = s + k;
		tok->n = 1;
		*i = k + 1;
		return true;
	}
	if (s[k] == '"' || s[k] == '`') {
		char q = s[k];
		start = ++k;
		while (k < n && s[k] != q) {
			if (q == '"' && s[k] == '\\' && k + 1 < n)
				k++;
			k++;
		}
		tok->s = s + start;
		tok->n = (k < n ? k : n) - start;
		*i = k < n ? k + 1 : n;
		return true;
	}
	start = k;
	while (k < n && !isspace((unsigned char)s[k]) && s[k] != '(' && s[k] != ')' &&
	       !(s[k] == '/' && k + 1 < n && s[k + 1] == '/'))
		k++;
	tok->s = s + start;
	tok->n = k - start;
	*i = k;
	return true;
}

#define GO_TOKENS 4

/* The first tokens of LINE into TOK (at most GO_TOKENS); returns how many. */
static size_t go_tokens(span line, span *tok, span *comment)
{
	size_t nt = 0, i = 0;
	span t;

	comment->s = NULL;
	comment->n = 0;
	while (go_token(line.s, line.n, &i, &t, comment))
		if (nt < GO_TOKENS)
			tok[nt++] = t;
	return nt;
}

static bool go_directive(span t)
{
	static const char *const words[] = {"module", "go", "toolchain", "require", "replace", "exclude",
		"retract", "godebug", "tool", "ignore", NULL};
	const char *const *w;

	for (w = words; *w; w++)
		if (span_is(t, *w))
			return true;
	return false;
}

static int go_require(aibom_vec *out, span path, span version, span comment, uint32_t line)
{
	aibom_str spec = AIBOM_STR_INIT;
	span c = trim(comment), sp;
	int error;

	if (path.n == 0 || version.n == 0)
		return 0;
	aibom_str__put(&spec, version.s, version.n);
	if (comment.s && (span_is(c, "indirect") || span_starts(c, "indirect;")))
		aibom_str__puts(&spec, " // indirect");
	if (spec.failed) {
		aibom_str__free(&spec);
		aibom_error__oom();
		return -1;
	}
	sp.s = spec.ptr;
	sp.n = spec.size;
	error = add_dep(out, ECO_GOLANG, line, path, &version, &sp);
	aibom_str__free(&spec);
	return error;
}

int aibom_manifest__go_mod(aibom_vec *out, const char *text, size_t len)
{
	enum { NONE, REQUIRE, OTHER } block = NONE;
	lines it = {text, len, 0, 0};
	span l;

	while (next_line(&it, &l)) {
		span tok[GO_TOKENS], comment;
		size_t nt = go_tokens(l, tok, &comment);

		if (nt == 0)
			continue;
		if (block != NONE) {
			if (span_is(tok[0], ")")) {
				block = NONE;
				continue;
			}
			if (!go_directive(tok[0])) { /* else the block was never closed */
				if (block == REQUIRE && nt >= 2 &&
				    go_require(out, tok[0], tok[1], comment, it.line) < 0)
					return -1;
				continue;
			}
			block = NONE;
		}
		if (nt >= 2 && span_is(tok[1], "(")) {
			block = span_is(tok[0], "require") ? REQUIRE : OTHER;
			continue;
		}
		if (span_is(tok[0], "require") && nt >= 3 && go_require(out, tok[1], tok[2], comment, it.line) < 0)
			return -1;
	}
	return 0;
}

char *aibom_manifest__go_module_path(const char *text, size_t len)
{
	lines it = {text, len, 0, 0};
	bool in_block = false;
	span l;

	while (next_line(&it, &l)) {
		span tok[GO_TOKENS], comment;
		size_t nt = go_tokens(l, tok, &comment);

		if (nt == 0)
			continue;
		if (in_block) {
			if (span_is(tok[0], ")") || tok[0].n == 0)
				in_block = false;
			else
				return aibom__strndup(tok[0].s, tok[0].n);
		} else if (span_is(tok[0], "module") && nt >= 2) {
			if (span_is(tok[1], "("))
				in_block = true;
			else if (tok[1].n)
				return aibom__strndup(tok[1].s, tok[1].n);
		}
	}
	return NULL;
}

int aibom_manifest__go_sum(aibom_vec *out, const char *text, size_t len)
{
	lines it = {text, len, 0, 0};
	aibom_map *seen = aibom_map__new();
	aibom_str key = AIBOM_STR_INIT;
	int error = -1;
	span l;

	if (seen == NULL)
		return -1;
	while (next_line(&it, &l)) {
		span tok[GO_TOKENS], comment, hash = {"", 0};
		size_t nt = go_tokens(l, tok, &comment);
		bool dup;

		if (nt < 2 || tok[0].n == 0 || tok[1].n == 0 || (tok[1].n >= 7 &&
			!memcmp(tok[1].s + tok[1].n - 7, "/go.mod", 7)))
			continue;
		if (seen_before(seen, &key, tok[0], tok[1], &dup) < 0)
			goto done;
		if (dup)
			continue;
		if (nt >= 3)
			hash = tok[2];
		if (add_dep(out, ECO_GOLANG, it.line, tok[0], &tok[1], &hash) < 0)
			goto done;
	}
	error = 0;
done:
	aibom_str__free(&key);
	aibom_map__free(seen);
	return error;
}

/* ---- Maven: pom.xml through a tolerant XML scanner
 *
 * The scanner keeps the names of the open elements (pointers into the text) and the character
 * data since the last tag; an end tag closes the nearest open element of its name (and anything
 * left open inside it), an end tag matching nothing is ignored, and an unterminated tag, comment
 * or CDATA section ends the input. Deeper than XML_DEPTH, elements are counted but not named. */

#define XML_DEPTH 64
#define POM_EXPAND_MAX 4096

typedef struct {
	char *group;    /* as written, NULL when absent */
	char *artifact;
	char *version;
	uint32_t line;
	bool managed;   /* in <dependencyManagement> */
} pom_dep;

typedef struct {
	span stack[XML_DEPTH];
	size_t depth;          /* open elements */
	aibom_str text;        /* character data since the last tag */
	aibom_vec deps;        /* pom_dep */
	pom_dep cur;
	size_t cur_depth;      /* depth of the open <dependency>, 0 when none */
	aibom_map *props;      /* <properties> of the project: name -> arena string */
	aibom_map *profile_props;
	aibom_arena arena;
	const char *project_version, *project_group, *project_artifact, *parent_version, *parent_group;
	size_t budget;         /* characters expansions may still write, for the whole file */
	bool failed;           /* memory ran out */
} pom;

static bool xml_at(const pom *p, size_t k, const char *name)
{
	return k < p->depth && k < XML_DEPTH && span_is(p->stack[k], name);
}

static void pom_dep_free(pom_dep *d)
{
	free(d->group);
	free(d->artifact);
	free(d->version);
	memset(d, 0, sizeof(*d));
}

/* Character data with the five predefined entities decoded (others are kept as written). */
static void xml_text(aibom_str *s, const char *t, size_t n)
{
	static const struct {
		const char *name;
		char c;
	} ents[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
	size_t i = 0;

	while (i < n) {
		const char *amp = memchr(t + i, '&', n - i);
		size_t k = amp ? (size_t)(amp - t) : n, e;
		aibom_str__put(s, t + i, k - i);
		if (amp == NULL)
			break;
		i = k;
		for (e = 0; e < sizeof(ents) / sizeof(ents[0]); e++) {
			size_t el = strlen(ents[e].name);
			if (n - i >= el && !memcmp(t + i, ents[e].name, el)) {
				aibom_str__putc(s, ents[e].c);
				i += el;
				break;
			}
		}
		if (e == sizeof(ents) / sizeof(ents[0])) {
			aibom_str__putc(s, '&');
			i++;
		}
	}
}

static const char *pom_keep(pom *p, span v)
{
	char *s = aibom_arena__strndup(&p->arena, v.s, v.n);
	if (s == NULL)
		p->failed = true;
	return s;
}

static void pom_field(pom *p, char **field, span v)
{
	free(*field);
	if ((*field = aibom__strndup(v.s, v.n)) == NULL)
		p->failed = true;
}

static void pom_finish_dep(pom *p)
{
	if (p->cur.group && p->cur.artifact) {
		pom_dep *d = aibom_vec__push(&p->deps);
		if (d == NULL) {
			p->failed = true;
			pom_dep_free(&p->cur);
		} else {
			*d = p->cur;
			memset(&p->cur, 0, sizeof(p->cur));
		}
	} else {
		pom_dep_free(&p->cur);
	}
	p->cur_depth = 0;
}

static void pom_start(pom *p, span name, uint32_t line)
{
	size_t e = p->depth; /* index of the new element */

	if (e < XML_DEPTH)
		p->stack[e] = name;
	p->depth++;
	aibom_str__clear(&p->text);
	if (p->cur_depth == 0 && e < XML_DEPTH && e >= 2 && span_is(name, "dependency") &&
	    xml_at(p, e - 1, "dependencies") &&
	    (xml_at(p, e - 2, "project") || xml_at(p, e - 2, "dependencyManagement") || xml_at(p, e - 2, "profile"))) {
		p->cur_depth = p->depth;
		p->cur.line = line;
		p->cur.managed = xml_at(p, e - 2, "dependencyManagement");
	}
}

/* The element at index E (the innermost open one) closes; TEXT is its content when it was
 * closed by its own end tag, NULL when something outside it closed it. */
static void pom_end(pom *p, size_t e, const char *text)
{
	span v = {text, text ? strlen(text) : 0}, name;

	if (e >= XML_DEPTH)
		return;
	name = p->stack[e];
	v = trim(v);
	if (p->cur_depth && e + 1 == p->cur_depth) {
		pom_finish_dep(p);
		return;
	}
	if (text == NULL)
		return;
	if (p->cur_depth && e == p->cur_depth) {
		if (span_is(name, "groupId"))
			pom_field(p, &p->cur.group, v);
		else if (span_is(name, "artifactId"))
			pom_field(p, &p->cur.artifact, v);
		else if (span_is(name, "version"))
			pom_field(p, &p->cur.version, v);
		return;
	}
	if (e >= 2 && xml_at(p, e - 1, "properties") && ((e == 2 && xml_at(p, 0, "project")) ||
							   xml_at(p, e - 2, "profile"))) {
		char key[256];
		const char *value;
		aibom_map *m = e == 2 ? p->props : p->profile_props;
		if (name.n >= sizeof(key))
			return;
		memcpy(key, name.s, name.n);
		key[name.n] = '\0';
		if (m == p->profile_props && aibom_map__get(m, key))
			return; /* the first profile to set it */
		if ((value = pom_keep(p, v)) == NULL || aibom_map__set(m, key, (void *)value) < 0)
			p->failed = true;
		return;
	}
	if (e == 1 && xml_at(p, 0, "project")) {
		if (span_is(name, "version"))
			p->project_version = pom_keep(p, v);
		else if (span_is(name, "groupId"))
			p->project_group = pom_keep(p, v);
		else if (span_is(name, "artifactId"))
			p->project_artifact = pom_keep(p, v);
	} else if (e == 2 && xml_at(p, 0, "project") && xml_at(p, 1, "parent")) {
		if (span_is(name, "version"))
			p->parent_version = pom_keep(p, v);
		else if (span_is(name, "groupId"))
			p->parent_group = pom_keep(p, v);
	}
}

static void pom_close(pom *p, span name)
{
	size_t k;

	if (p->depth > XML_DEPTH) {
		p->depth--;
		aibom_str__clear(&p->text);
		return;
	}
	for (k = p->depth; k > 0; k--)
		if (span_eq(p->stack[k - 1], name))
			break;
	if (k == 0)
		return; /* closes nothing open: ignored */
	k--;
	while (p->depth > k) {
		size_t e = p->depth - 1;
		pom_end(p, e, e == k ? aibom_str__cstr(&p->text) : NULL);
		p->depth--;
	}
	aibom_str__clear(&p->text);
}

static bool xml_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' || c == ':' || (unsigned char)c >= 0x80;
}

/* A tag name without its namespace prefix. */
static span xml_local(span name)
{
	const char *colon = span_rchr(name, ':');
	if (colon) {
		name.n -= (size_t)(colon + 1 - name.s);
		name.s = colon + 1;
	}
	return name;
}

static void pom_scan(pom *p, const char *text, size_t len)
{
	size_t i = 0;
	uint32_t line = 1;

	while (i < len && !p->failed) {
		const char *s = text + i, *end;
		size_t rest = len - i;

		if (*s != '<') {
			const char *lt = memchr(s, '<', rest);
			size_t n = lt ? (size_t)(lt - s) : rest;
			line += count_lines(s, n);
			xml_text(&p->text, s, n);
			i += n;
			continue;
		}
		if (rest >= 4 && !memcmp(s, "<!--", 4)) {
			end = memmem(s + 4, rest - 4, "-->", 3);
			if (end == NULL)
				break;
			line += count_lines(s, (size_t)(end - s));
			i = (size_t)(end - text) + 3;
		} else if (rest >= 9 && !memcmp(s, "<![CDATA[", 9)) {
			end = memmem(s + 9, rest - 9, "]]>", 3);
			if (end == NULL)
				break;
			line += count_lines(s, (size_t)(end - s));
			aibom_str__put(&p->text, s + 9, (size_t)(end - s - 9));
			i = (size_t)(end - text) + 3;
		} else if (rest >= 2 && (s[1] == '?' || s[1] == '!')) {
			/* <?xml ...?>, <!DOCTYPE ...>: skipped (a DOCTYPE's internal subset too) */
			size_t k = 2;
			int bracket = 0;
			while (k < rest && (s[k] != '>' || bracket > 0)) {
				if (s[k] == '[')
					bracket++;
				else if (s[k] == ']' && bracket > 0)
					bracket--;
				k++;
			}
			if (k >= rest)
				break;
			line += count_lines(s, k);
			i += k + 1;
		} else if (rest >= 2 && (s[1] == '/' || xml_name_char(s[1]))) {
			bool closing = s[1] == '/', empty = false;
			size_t k = closing ? 2 : 1, start = k;
			char q = 0;
			span name;
			while (k < rest && xml_name_char(s[k]))
				k++;
			name.s = s + start;
			name.n = k - start;
			for (; k < rest; k++) { /* attributes, quotes respected */
				if (q) {
					if (s[k] == q)
						q = 0;
				} else if (s[k] == '"' || s[k] == '\'') {
					q = s[k];
				} else if (s[k] == '>') {
					break;
				}
			}
			if (k >= rest)
				break; /* unterminated tag */
			empty = !closing && s[k - 1] == '/';
			name = xml_local(name);
			if (closing) {
				pom_close(p, name);
			} else if (name.n) {
				pom_start(p, name, line);
				if (empty)
					pom_close(p, name);
			}
			line += count_lines(s, k);
			i += k + 1;
		} else {
			aibom_str__putc(&p->text, '<'); /* a stray '<' */
			i++;
		}
	}
	if (p->text.failed)
		p->failed = true;
	if (p->cur_depth)
		pom_finish_dep(p); /* truncated inside a <dependency>: keep what it said */
}

static const char *pom_lookup(const pom *p, const char *name)
{
	static const char *const version_names[] = {"project.version", "pom.version", NULL};
	static const char *const group_names[] = {"project.groupId", "pom.groupId", NULL};
	const char *v;
	size_t k;

	for (k = 0; version_names[k]; k++)
		if (!strcmp(name, version_names[k]))
			return p->project_version ? p->project_version : p->parent_version;
	for (k = 0; group_names[k]; k++)
		if (!strcmp(name, group_names[k]))
			return p->project_group ? p->project_group : p->parent_group;
	if (!strcmp(name, "project.artifactId") || !strcmp(name, "pom.artifactId"))
		return p->project_artifact;
	if (!strcmp(name, "project.parent.version") || !strcmp(name, "parent.version"))
		return p->parent_version;
	if (!strcmp(name, "project.parent.groupId") || !strcmp(name, "parent.groupId"))
		return p->parent_group;
	if ((v = aibom_map__get(p->props, name)) != NULL || (v = aibom_map__get(p->profile_props, name)) != NULL)
		return v;
	if (!strcmp(name, "version")) /* Maven 2's spelling of project.version */
		return p->project_version ? p->project_version : p->parent_version;
	if (!strcmp(name, "groupId"))
		return p->project_group ? p->project_group : p->parent_group;
	return NULL;
}

/* RAW with every ${name} replaced, malloc'd into *OUT; *OUT is NULL when a reference is unknown,
 * circular or expands past POM_EXPAND_MAX (or the file's budget is spent: a hostile file of many
 * references to a property that expands to the limit). Returns -1 only when memory runs out. */
static int pom_resolve(char **out, pom *p, const char *raw)
{
	aibom_str cur = AIBOM_STR_INIT, next = AIBOM_STR_INIT, key = AIBOM_STR_INIT;
	int pass, error = 0;

	*out = NULL;
	aibom_str__puts(&cur, raw);
	for (pass = 0; pass < 16 && !cur.failed; pass++) {
		const char *s = aibom_str__cstr(&cur), *open;
		bool ok = true;
		if (strstr(s, "${") == NULL) {
			*out = aibom__strndup(s, strlen(s));
			if (*out == NULL)
				error = -1;
			goto done;
		}
		aibom_str__clear(&next);
		while (ok && (open = strstr(s, "${")) != NULL) {
			const char *close = strchr(open + 2, '}'), *value;
			if (close == NULL) {
				ok = false;
				break;
			}
			aibom_str__clear(&key);
			aibom_str__put(&key, open + 2, (size_t)(close - open - 2));
			if ((value = pom_lookup(p, aibom_str__cstr(&key))) == NULL) {
				ok = false;
				break;
			}
			aibom_str__put(&next, s, (size_t)(open - s));
			if (next.size + strlen(value) > POM_EXPAND_MAX) {
				ok = false;
				break;
			}
			aibom_str__puts(&next, value);
			s = close + 1;
		}
		if (!ok)
			goto done;
		aibom_str__puts(&next, s);
		if (next.size > POM_EXPAND_MAX || next.size > p->budget)
			goto done;
		p->budget -= next.size;
		{
			aibom_str t = cur;
			cur = next;
			next = t;
		}
	}
done:
	if (cur.failed || next.failed || key.failed) {
		free(*out);
		*out = NULL;
		aibom_error__oom();
		error = -1;
	}
	aibom_str__free(&cur);
	aibom_str__free(&next);
	aibom_str__free(&key);
	return error;
}

/* A groupId or artifactId with its references resolved where they can be, else as written. */
static int pom_coordinate(aibom_str *name, pom *p, const char *raw)
{
	char *r;

	if (pom_resolve(&r, p, raw) < 0)
		return -1;
	aibom_str__puts(name, r ? r : raw);
	free(r);
	return 0;
}

static int pom_emit(aibom_vec *out, pom *p)
{
	aibom_str name = AIBOM_STR_INIT;
	aibom_map *managed = NULL;
	size_t first = out->count, k;
	int error = -1;

	if ((managed = aibom_map__new()) == NULL)
		return -1;
	for (k = 0; k < p->deps.count; k++) {
		const pom_dep *pd = aibom_vec__at(&p->deps, pom_dep, k);
		char *version = NULL;
		span n, v, spec = {"", 0};
		int rc;

		aibom_str__clear(&name);
		if (pom_coordinate(&name, p, pd->group) < 0)
			goto done;
		aibom_str__putc(&name, ':');
		if (pom_coordinate(&name, p, pd->artifact) < 0)
			goto done;
		if (name.failed) {
			aibom_error__oom();
			goto done;
		}
		if (pd->version) {
			spec.s = pd->version;
			spec.n = strlen(pd->version);
			if (pom_resolve(&version, p, pd->version) < 0)
				goto done;
		}
		n.s = name.ptr;
		n.n = name.size;
		v.s = version;
		v.n = version ? strlen(version) : 0;
		rc = add_dep(out, ECO_MAVEN, pd->line, n, version && exact_version(v.s, v.n) ? &v : NULL, &spec);
		free(version);
		if (rc < 0)
			goto done;
		if (pd->managed) {
			aibom_dependency *d = aibom_vec__at(out, aibom_dependency, out->count - 1);
			if (d->version && aibom_map__get(managed, d->name) == NULL &&
			    aibom_map__set(managed, d->name, d->version) < 0)
				goto done;
		}
	}
	/* <dependencies> leave the version to <dependencyManagement> */
	for (k = first; k < out->count; k++) {
		aibom_dependency *d = aibom_vec__at(out, aibom_dependency, k);
		const char *v;
		if (d->version || d->spec[0] || (v = aibom_map__get(managed, d->name)) == NULL)
			continue;
		if ((d->version = aibom__strndup(v, strlen(v))) == NULL)
			goto done;
	}
	error = 0;
done:
	aibom_str__free(&name);
	aibom_map__free(managed);
	return error;
}

int aibom_manifest__pom(aibom_vec *out, const char *text, size_t len)
{
	pom p;
	size_t k;
	int error = -1;

	memset(&p, 0, sizeof(p));
	p.deps.item_size = sizeof(pom_dep);
	p.budget = (size_t)1 << 24;
	if ((p.props = aibom_map__new()) == NULL || (p.profile_props = aibom_map__new()) == NULL)
		goto done;
	pom_scan(&p, text, len);
	if (p.failed || p.arena.failed) {
		aibom_error__oom();
		goto done;
	}
	error = pom_emit(out, &p);
done:
	pom_dep_free(&p.cur);
	for (k = 0; k < p.deps.count; k++)
		pom_dep_free(aibom_vec__at(&p.deps, pom_dep, k));
	aibom_vec__free(&p.deps);
	aibom_str__free(&p.text);
	if (p.props)
		aibom_map__free(p.props);
	if (p.profile_props)
		aibom_map__free(p.profile_props);
	aibom_arena__free(&p.arena);
	return error;
}

/* ---- Gradle: build.gradle (Groovy) and build.gradle.kts (Kotlin)
 *
 * A lexer yields identifiers, strings (their content, quotes and escapes kept as written),
 * numbers and single punctuation characters, skipping comments; the reader matches short token
 * patterns: a configuration name followed by a coordinate, and simple string assignments that
 * can supply a $variable. Patterns look ahead on a copy of the lexer. */

enum { G_END, G_IDENT, G_STRING, G_PUNCT, G_OTHER };

typedef struct {
	int type;
	const char *s; /* the identifier, character, or a string's content */
	size_t n;
	char quote;    /* a string's quote character */
	uint32_t line;
} gtok;

typedef struct {
	const char *text;
	size_t len;
	size_t pos;
	uint32_t line;
} glex;

static void g_next(glex *L, gtok *t)
{
	const char *s = L->text;
	size_t n = L->len, i = L->pos;

	for (;;) {
		while (i < n && isspace((unsigned char)s[i])) {
			if (s[i] == '\n')
				L->line++;
			i++;
		}
		if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
			const char *e = memmem(s + i + 2, n - i - 2, "*/", 2);
			size_t end = e ? (size_t)(e - s) + 2 : n;
			L->line += count_lines(s + i, end - i);
			i = end;
		} else {
			break;
		}
	}
	t->line = L->line;
	t->quote = 0;
	t->s = s + i;
	t->n = 0;
	if (i >= n) {
		t->type = G_END;
		L->pos = n;
		return;
	}
	if (isalpha((unsigned char)s[i]) || s[i] == '_') {
		size_t start = i;
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
			i++;
		t->type = G_IDENT;
		t->n = i - start;
	} else if (s[i] == '"' || s[i] == '\'') {
		char q = s[i];
		t->type = G_STRING;
		t->quote = q;
		if (i + 2 < n && s[i + 1] == q && s[i + 2] == q) { /* """...""" or '''...''' */
			char triple[3] = {q, q, q};
			const char *e = memmem(s + i + 3, n - i - 3, triple, 3);
			size_t end = e ? (size_t)(e - s) : n;
			t->s = s + i + 3;
			t->n = end - (i + 3);
			L->line += count_lines(t->s, t->n);
			i = e ? end + 3 : n;
		} else {
			size_t start = ++i;
			int braces = 0; /* inside "${...}", which may hold quotes of its own */
			while (i < n && (s[i] != q || braces > 0) && s[i] != '\n') {
				if (s[i] == '\\' && i + 1 < n && s[i + 1] != '\n')
					i++;
				else if (q == '"' && s[i] == '$' && i + 1 < n && s[i + 1] == '{' && ++braces)
					i++;
				else if (braces > 0 && s[i] == '{')
					braces++;
				else if (braces > 0 && s[i] == '}')
					braces--;
				i++;
			}
			t->s = s + start;
			t->n = i - start;
			if (i < n && s[i] == q)
				i++;
		}
	} else if (isdigit((unsigned char)s[i])) {
		size_t start = i;
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '_'))
			i++;
		t->type = G_OTHER;
		t->n = i - start;
	} else {
		t->type = G_PUNCT;
		t->n = 1;
		i++;
	}
	L->pos = i;
}

static bool g_punct(const gtok *t, char c)
{
	return t->type == G_PUNCT && t->s[0] == c;
}

static bool g_ident(const gtok *t, const char *name)
{
	return t->type == G_IDENT && span_is((span){t->s, t->n}, name);
}

typedef struct {
	char *group;   /* as written, malloc'd */
	char *artifact;
	char *version; /* as written, NULL when none */
	bool interpolate; /* from a double-quoted string: $var is a reference */
	bool ref;         /* version is a bare variable reference (version: springVersion) */
	uint32_t line;
} gradle_dep;

typedef struct {
	aibom_vec deps;   /* gradle_dep */
	aibom_map *vars;  /* name -> arena string (as written) */
	aibom_arena arena;
	aibom_str key;
	size_t budget;       /* variable substitutions left for this value, against expansions that multiply */
	size_t file_budget;  /* and for the whole file */
	bool failed;
} gradle;

static void g_var(gradle *g, span name, span value)
{
	char *v;

	aibom_str__clear(&g->key);
	aibom_str__put(&g->key, name.s, name.n);
	if (g->key.failed || (v = aibom_arena__strndup(&g->arena, value.s, value.n)) == NULL ||
	    aibom_map__set(g->vars, aibom_str__cstr(&g->key), v) < 0)
		g->failed = true;
}

/* After IDENT '=' '[': `key: 'value', ...` pairs of a Groovy map become variables "name.key". */
static void g_map_literal(gradle *g, glex *L, span name)
{
	aibom_str full = AIBOM_STR_INIT;

	for (;;) {
		glex k = *L;
		gtok key, colon, value, sep;
		g_next(&k, &key);
		g_next(&k, &colon);
		g_next(&k, &value);
		if ((key.type != G_IDENT && key.type != G_STRING) || !g_punct(&colon, ':') || value.type != G_STRING)
			break;
		aibom_str__clear(&full);
		aibom_str__put(&full, name.s, name.n);
		aibom_str__putc(&full, '.');
		aibom_str__put(&full, key.s, key.n);
		if (full.failed) {
			g->failed = true;
			break;
		}
		g_var(g, (span){full.ptr, full.size}, (span){value.s, value.n});
		g_next(&k, &sep);
		*L = k;
		if (!g_punct(&sep, ','))
			break;
	}
	aibom_str__free(&full);
}

/* Simple assignments of a string, looked for at T (already read from L); L moves past a match. */
static void g_assignment(gradle *g, glex *L, const gtok *t)
{
	glex k = *L;
	gtok a, b, c, d, e;

	if (t->type == G_PUNCT && t->s[0] == '[') { /* extra["x"] = "1.0" */
		g_next(&k, &a);
		g_next(&k, &b);
		g_next(&k, &c);
		g_next(&k, &d);
		g_next(&k, &e);
		if (a.type == G_STRING && g_punct(&b, ']') && g_punct(&c, '=') && d.type == G_STRING &&
		    !g_punct(&e, '+') && !g_punct(&e, '.')) {
			g_var(g, (span){a.s, a.n}, (span){d.s, d.n});
			*L = k;
		}
		return;
	}
	if (t->type != G_IDENT)
		return;
	g_next(&k, &a);
	if (g_ident(t, "set") && g_punct(&a, '(')) { /* ext.set("x", "1.0") */
		g_next(&k, &b);
		g_next(&k, &c);
		g_next(&k, &d);
		g_next(&k, &e);
		if (b.type == G_STRING && g_punct(&c, ',') && d.type == G_STRING && g_punct(&e, ')')) {
			g_var(g, (span){b.s, b.n}, (span){d.s, d.n});
			*L = k;
		}
		return;
	}
	if (g_ident(&a, "by")) { /* val x by extra("1.0") */
		g_next(&k, &b);
		g_next(&k, &c);
		g_next(&k, &d);
		g_next(&k, &e);
		if (g_ident(&b, "extra") && g_punct(&c, '(') && d.type == G_STRING && g_punct(&e, ')')) {
			g_var(g, (span){t->s, t->n}, (span){d.s, d.n});
			*L = k;
		}
		return;
	}
	if (g_punct(&a, ':')) { /* val x: String = "1.0" */
		g_next(&k, &b);
		if (b.type != G_IDENT)
			return;
		g_next(&k, &a);
		if (g_punct(&a, '?'))
			g_next(&k, &a);
	}
	if (!g_punct(&a, '='))
		return;
	g_next(&k, &b);
	if (g_punct(&b, '[')) {
		*L = k;
		g_map_literal(g, L, (span){t->s, t->n});
		return;
	}
	if (b.type != G_STRING)
		return;
	{
		glex k2 = k;
		g_next(&k2, &c);
		if (g_punct(&c, '+') || g_punct(&c, '.') || g_punct(&c, '?') || g_punct(&c, ':') || g_punct(&c, '['))
			return; /* an expression, not a plain string */
	}
	g_var(g, (span){t->s, t->n}, (span){b.s, b.n});
	*L = k;
}

static bool g_config(const gtok *t)
{
	static const char *const names[] = {"implementation", "api", "compileOnly", "runtimeOnly",
		"testImplementation", "testCompileOnly", "testRuntimeOnly", "annotationProcessor", "kapt", "ksp",
		"compile", "testCompile", "runtime", "testRuntime", "compileOnlyApi", "developmentOnly", "kaptTest",
		"testAnnotationProcessor", NULL};
	static const char *const suffixes[] = {"Implementation", "Api", "CompileOnly", "RuntimeOnly",
		"AnnotationProcessor", NULL};
	span s = {t->s, t->n};
	size_t k;

	if (t->type != G_IDENT)
		return false;
	for (k = 0; names[k]; k++)
		if (span_is(s, names[k]))
			return true;
	for (k = 0; suffixes[k]; k++) {
		size_t n = strlen(suffixes[k]);
		if (s.n > n && islower((unsigned char)s.s[0]) && !memcmp(s.s + s.n - n, suffixes[k], n))
			return true;
	}
	return false;
}

static void g_push(gradle *g, span group, span artifact, const span *version, bool interpolate, bool ref,
	uint32_t line)
{
	gradle_dep *d;

	group = trim(group);
	artifact = trim(artifact);
	if (group.n == 0 || artifact.n == 0)
		return;
	if (memchr(group.s, '/', group.n) || memchr(artifact.s, '/', artifact.n) || memchr(group.s, ' ', group.n))
		return; /* a path or URL, not coordinates */
	if ((d = aibom_vec__push(&g->deps)) == NULL) {
		g->failed = true;
		return;
	}
	d->line = line;
	d->interpolate = interpolate;
	d->ref = ref;
	d->group = aibom__strndup(group.s, group.n);
	d->artifact = aibom__strndup(artifact.s, artifact.n);
	if (version)
		d->version = aibom__strndup(version->s, version->n);
	if (d->group == NULL || d->artifact == NULL || (version && d->version == NULL))
		g->failed = true;
}

/* "group:artifact[:version[:classifier]][@ext]" */
static void g_coordinate(gradle *g, const gtok *t)
{
	span part[3] = {{NULL, 0}, {NULL, 0}, {NULL, 0}};
	size_t np = 0, i, start = 0;
	const char *at;

	for (i = 0; i <= t->n && np < 3; i++)
		if (i == t->n || t->s[i] == ':') {
			part[np].s = t->s + start;
			part[np].n = i - start;
			np++;
			start = i + 1;
		}
	if (np < 2)
		return;
	if ((at = memchr(part[np - 1].s, '@', part[np - 1].n)) != NULL)
		part[np - 1].n = (size_t)(at - part[np - 1].s);
	g_push(g, part[0], part[1], np == 3 && part[2].n ? &part[2] : NULL, t->quote == '"', false, t->line);
}

/* Named arguments: group: 'g', name: 'a', version: 'v' (Groovy) or group = "g", ... (Kotlin),
 * starting at KEY (read); L moves past them. */
static void g_named(gradle *g, glex *L, const gtok *key)
{
	span group = {NULL, 0}, name = {NULL, 0}, version = {NULL, 0};
	bool have_version = false, interpolate = false, ref = false;
	gtok k = *key;

	for (;;) {
		glex c = *L;
		gtok sep, value;
		span v;
		bool is_ref = false;
		g_next(&c, &sep);
		g_next(&c, &value);
		if (k.type != G_IDENT || !(g_punct(&sep, ':') || g_punct(&sep, '=')))
			break;
		if (value.type == G_STRING) {
			v.s = value.s;
			v.n = value.n;
		} else if (value.type == G_IDENT) { /* version: springVersion, rootProject.ext.v */
			const char *end = value.s + value.n;
			for (;;) {
				glex c2 = c;
				gtok dot, part;
				g_next(&c2, &dot);
				g_next(&c2, &part);
				if (!g_punct(&dot, '.') || part.type != G_IDENT)
					break;
				end = part.s + part.n;
				c = c2;
			}
			v.s = value.s;
			v.n = (size_t)(end - value.s);
			is_ref = true;
		} else {
			break;
		}
		*L = c;
		if (g_ident(&k, "group")) {
			group = v;
		} else if (g_ident(&k, "name")) {
			name = v;
		} else if (g_ident(&k, "version")) {
			version = v;
			have_version = true;
			interpolate = value.quote == '"';
			ref = is_ref;
		}
		g_next(&c, &sep);
		if (!g_punct(&sep, ','))
			break;
		g_next(&c, &k);
		*L = c;
	}
	if (group.s && name.s)
		g_push(g, group, name, have_version ? &version : NULL, interpolate, ref, key->line);
}

/* kotlin("stdlib"[, "1.9.0"]) after its '(' and first string NAME (read); L moves past. */
static void g_kotlin(gradle *g, glex *L, const gtok *name)
{
	aibom_str artifact = AIBOM_STR_INIT;
	glex k = *L;
	gtok comma, version;
	bool has_version;

	g_next(&k, &comma);
	g_next(&k, &version);
	has_version = g_punct(&comma, ',') && version.type == G_STRING;
	if (has_version)
		*L = k;
	aibom_str__puts(&artifact, "kotlin-");
	aibom_str__put(&artifact, name->s, name->n);
	if (artifact.failed)
		g->failed = true;
	else
		g_push(g, (span){"org.jetbrains.kotlin", 20}, (span){artifact.ptr, artifact.size},
			has_version ? &(span){version.s, version.n} : NULL, version.quote == '"', false, name->line);
	aibom_str__free(&artifact);
}

/* After a configuration name: its dependency notations, if any; L moves past what was read. */
static void g_dependency(gradle *g, glex *L)
{
	glex save = *L, before = *L, k;
	gtok t, a, b;
	bool any = false;

	g_next(L, &t);
	if (g_punct(&t, '(')) {
		before = *L;
		g_next(L, &t);
	}
	for (;;) {
		if (t.type == G_STRING) {
			g_coordinate(g, &t);
		} else if (g_ident(&t, "platform") || g_ident(&t, "enforcedPlatform") || g_ident(&t, "testFixtures") ||
			   g_ident(&t, "kotlin")) {
			k = *L;
			g_next(&k, &a);
			g_next(&k, &b);
			if (!g_punct(&a, '(') || b.type != G_STRING)
				break;
			*L = k;
			if (g_ident(&t, "kotlin"))
				g_kotlin(g, L, &b);
			else
				g_coordinate(g, &b);
			k = *L;
			g_next(&k, &a);
			if (g_punct(&a, ')'))
				*L = k;
		} else if (t.type == G_IDENT) {
			k = *L;
			g_next(&k, &a);
			if (!g_punct(&a, ':') && !g_punct(&a, '='))
				break;
			g_named(g, L, &t);
			return;
		} else {
			break;
		}
		any = true;
		/* Groovy's list form: implementation 'a:b:1', 'c:d:2' */
		k = *L;
		g_next(&k, &a);
		if (!g_punct(&a, ','))
			return;
		before = k;
		g_next(&k, &t);
		if (t.type != G_STRING && t.type != G_IDENT)
			return;
		*L = k;
	}
	*L = any ? before : save; /* T is not a notation: leave it to the caller */
}

#define G_EXPAND_MAX 4096
#define G_NAME_MAX 256

/* The value of variable NAME, trying it without the rootProject. / project. / ext. / extra.
 * qualifiers a script may use to reach it. */
static const char *g_lookup(gradle *g, const char *name, size_t n)
{
	static const char *const prefixes[] = {"rootProject.", "project.", "ext.", "extra.", "properties.", NULL};
	const char *v, *open;
	size_t k;

	/* extra["x"], ext['x'], property("x"), findProperty("x"): the quoted name */
	if (n >= 4 && (name[n - 1] == ']' || name[n - 1] == ')') &&
	    (open = memchr(name, name[n - 1] == ']' ? '[' : '(', n)) != NULL && open + 2 < name + n - 1 &&
	    (open[1] == '"' || open[1] == '\'') && name[n - 2] == open[1]) {
		const char *end = name + n - 2; /* the closing quote */
		name = open + 2;
		n = (size_t)(end - name);
	}
	if (n > G_NAME_MAX)
		return NULL;
	for (;;) {
		aibom_str__clear(&g->key);
		aibom_str__put(&g->key, name, n);
		if (g->key.failed) {
			g->failed = true;
			return NULL;
		}
		if ((v = aibom_map__get(g->vars, aibom_str__cstr(&g->key))) != NULL)
			return v;
		for (k = 0; prefixes[k]; k++) {
			size_t pl = strlen(prefixes[k]);
			if (n > pl && !memcmp(name, prefixes[k], pl)) {
				name += pl;
				n -= pl;
				break;
			}
		}
		if (prefixes[k] == NULL)
			return NULL;
	}
}

/* S with $name, $a.b and ${expr} replaced by variables, appended to OUT; false when a reference
 * is unknown or the expansion runs deeper than a few levels or longer than G_EXPAND_MAX. */
static bool g_expand(gradle *g, aibom_str *out, const char *s, size_t n, int depth)
{
	size_t i = 0;

	if (depth > 8)
		return false;
	while (i < n) {
		const char *value = NULL;
		if (out->size > G_EXPAND_MAX)
			return false;
		if (s[i] == '\\' && i + 1 < n) {
			aibom_str__putc(out, s[i + 1]);
			i += 2;
			continue;
		}
		if (s[i] != '$') {
			aibom_str__putc(out, s[i++]);
			continue;
		}
		if (g->budget == 0)
			return false;
		g->budget--;
		if (i + 1 < n && s[i + 1] == '{') {
			const char *close = memchr(s + i + 2, '}', n - i - 2);
			span expr;
			if (close == NULL)
				return false;
			expr = trim((span){s + i + 2, (size_t)(close - s - i - 2)});
			value = g_lookup(g, expr.s, expr.n);
			i = (size_t)(close - s) + 1;
		} else {
			/* the longest dotted name that is a variable: $versions.retrofit, else $name */
			size_t j = i + 1, best = 0;
			while (j < n && j - i <= G_NAME_MAX) {
				const char *v;
				if (!(isalpha((unsigned char)s[j]) || s[j] == '_'))
					break;
				while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_'))
					j++;
				if ((v = g_lookup(g, s + i + 1, j - i - 1)) != NULL) {
					value = v;
					best = j;
				}
				if (j + 1 < n && s[j] == '.' && (isalpha((unsigned char)s[j + 1]) || s[j + 1] == '_'))
					j++;
				else
					break;
			}
			if (best == 0)
				return false;
			i = best;
		}
		if (value == NULL || !g_expand(g, out, value, strlen(value), depth + 1))
			return false;
		if (out->size > G_EXPAND_MAX)
			return false;
	}
	return !out->failed;
}

/* A group, artifact or version as the script would see it, or NULL (no error) when it cannot be
 * worked out; -1 when memory runs out. */
static int g_value(char **out, gradle *g, const char *raw, bool interpolate, bool ref)
{
	aibom_str s = AIBOM_STR_INIT;
	bool ok;

	*out = NULL;
	g->budget = g->file_budget < 10000 ? g->file_budget : 10000;
	if (ref) {
		const char *v = g_lookup(g, raw, strlen(raw));
		ok = v && g_expand(g, &s, v, strlen(v), 1);
	} else if (interpolate) {
		ok = g_expand(g, &s, raw, strlen(raw), 0);
	} else {
		aibom_str__puts(&s, raw);
		ok = true;
	}
	g->file_budget -= (g->file_budget < 10000 ? g->file_budget : 10000) - g->budget;
	if (s.failed || g->failed) {
		aibom_str__free(&s);
		aibom_error__oom();
		return -1;
	}
	if (ok) {
		*out = aibom__strndup(aibom_str__cstr(&s), s.size);
		if (*out == NULL) {
			aibom_str__free(&s);
			return -1;
		}
	}
	aibom_str__free(&s);
	return 0;
}

static int g_emit(aibom_vec *out, gradle *g)
{
	aibom_str name = AIBOM_STR_INIT;
	size_t k;
	int error = -1;

	for (k = 0; k < g->deps.count; k++) {
		const gradle_dep *gd = aibom_vec__at(&g->deps, gradle_dep, k);
		char *group = NULL, *artifact = NULL, *version = NULL;
		span spec = {"", 0}, v;
		int rc = -1;

		if (g_value(&group, g, gd->group, gd->interpolate, false) < 0 ||
		    g_value(&artifact, g, gd->artifact, gd->interpolate, false) < 0 ||
		    (gd->version && g_value(&version, g, gd->version, gd->interpolate, gd->ref) < 0))
			goto next;
		aibom_str__clear(&name);
		aibom_str__puts(&name, group ? group : gd->group);
		aibom_str__putc(&name, ':');
		aibom_str__puts(&name, artifact ? artifact : gd->artifact);
		if (name.failed) {
			aibom_error__oom();
			goto next;
		}
		if (gd->version) {
			spec.s = gd->version;
			spec.n = strlen(gd->version);
		}
		v.s = version;
		v.n = version ? strlen(version) : 0;
		rc = add_dep(out, ECO_MAVEN, gd->line, (span){name.ptr, name.size},
			version && exact_version(v.s, v.n) ? &v : NULL, &spec);
next:
		free(group);
		free(artifact);
		free(version);
		if (rc < 0)
			goto done;
	}
	error = 0;
done:
	aibom_str__free(&name);
	return error;
}

int aibom_manifest__gradle(aibom_vec *out, const char *text, size_t len)
{
	gradle g;
	glex L = {text, len, 0, 1};
	gtok t;
	size_t k;
	int error = -1;

	memset(&g, 0, sizeof(g));
	g.deps.item_size = sizeof(gradle_dep);
	g.file_budget = (size_t)1 << 20;
	if ((g.vars = aibom_map__new()) == NULL)
		goto done;
	while (!g.failed) {
		g_next(&L, &t);
		if (t.type == G_END)
			break;
		if (g_config(&t)) {
			glex after = L;
			gtok next;
			g_next(&after, &next);
			if (!g_punct(&next, '=') && !g_punct(&next, '.')) {
				g_dependency(&g, &L);
				continue;
			}
		}
		g_assignment(&g, &L, &t);
	}
	if (g.failed || g.arena.failed) {
		aibom_error__oom();
		goto done;
	}
	error = g_emit(out, &g);
done:
	for (k = 0; k < g.deps.count; k++) {
		gradle_dep *d = aibom_vec__at(&g.deps, gradle_dep, k);
		free(d->group);
		free(d->artifact);
		free(d->version);
	}
	aibom_vec__free(&g.deps);
	if (g.vars)
		aibom_map__free(g.vars);
	aibom_arena__free(&g.arena);
	aibom_str__free(&g.key);
	return error;
}

/* ---- npm lock files */

/* Line numbers for JSON keys (cJSON keeps no positions): a scan in document order that tracks
 * the nesting, so `"KEY": ` is found at its own level and not inside an earlier value. */
typedef struct {
	const char *text;
	size_t len;
	size_t pos;
	uint32_t line;
	int depth; /* open objects and arrays at pos */
} json_cursor;

/* The line of the next key KEY at nesting DEPTH (1: the root object's keys) whose value is an
 * object when OBJECT; 0 when there is none (the cursor then stays at the end). */
static uint32_t json_seek(json_cursor *c, const char *key, int depth, bool object)
{
	size_t klen = strlen(key), i = c->pos;
	const char *t = c->text;

	while (i < c->len) {
		char ch = t[i];
		if (ch == '"') {
			size_t start = i + 1, j = start, k;
			while (j < c->len && t[j] != '"') {
				if (t[j] == '\\')
					j++;
				j++;
			}
			if (j >= c->len)
				break;
			i = j + 1;
			if (c->depth != depth || j - start != klen || memcmp(t + start, key, klen) != 0)
				continue;
			k = j + 1;
			while (k < c->len && isspace((unsigned char)t[k]))
				k++;
			if (k >= c->len || t[k] != ':')
				continue;
			k++;
			while (k < c->len && isspace((unsigned char)t[k]))
				k++;
			if (object && (k >= c->len || t[k] != '{'))
				continue;
			c->pos = i;
			return c->line;
		}
		if (ch == '{' || ch == '[')
			c->depth++;
		else if (ch == '}' || ch == ']')
			c->depth--;
		else if (ch == '\n')
			c->line++;
		i++;
	}
	c->pos = c->len;
	return 0;
}

/* The registry version of a lock entry: "1.2.3", or an alias "npm:other@1.2.3". */
static bool npm_version(const char *v, span *out)
{
	span s = {v, strlen(v)};
	if (span_starts(s, "npm:")) {
		const char *at = span_rchr(s, '@');
		if (at == NULL)
			return false;
		s.n -= (size_t)(at + 1 - s.s);
		s.s = at + 1;
	}
	*out = s;
	return s.n && isdigit((unsigned char)s.s[0]) && exact_version(s.s, s.n);
}

static int npm_package_lock(aibom_vec *out, const char *text, size_t len)
{
	cJSON *root = cJSON_ParseWithLength(text, len);
	const cJSON *packages = cJSON_GetObjectItemCaseSensitive(root, "packages"), *it;
	json_cursor cur = {text, len, 0, 1, 0};
	int error = 0;

	if (cJSON_IsObject(packages)) { /* lockfileVersion 2 and 3 */
		json_seek(&cur, "packages", 1, true);
		cJSON_ArrayForEach(it, packages) {
			const char *key = it->string, *name;
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "version");
			span version, n;
			if (key == NULL || strncmp(key, "node_modules/", 13) != 0 || !cJSON_IsObject(it))
				continue;
			name = key + 13;
			if (name[0] == '\0' || strstr(name, "/node_modules/") != NULL ||
			    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "link")) || !cJSON_IsString(v) ||
			    !npm_version(v->valuestring, &version))
				continue;
			n.s = name;
			n.n = strlen(name);
			if ((error = add_dep(out, ECO_NPM, json_seek(&cur, key, 2, true), n, &version, NULL)) < 0)
				break;
		}
	} else { /* lockfileVersion 1 */
		const cJSON *deps = cJSON_GetObjectItemCaseSensitive(root, "dependencies");
		if (cJSON_IsObject(deps))
			json_seek(&cur, "dependencies", 1, true);
		else
			deps = NULL;
		cJSON_ArrayForEach(it, deps) {
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "version");
			span version, n;
			if (it->string == NULL || it->string[0] == '\0' || !cJSON_IsObject(it) || !cJSON_IsString(v) ||
			    !npm_version(v->valuestring, &version))
				continue;
			n.s = it->string;
			n.n = strlen(it->string);
			error = add_dep(out, ECO_NPM, json_seek(&cur, it->string, 2, true), n, &version, NULL);
			if (error < 0)
				break;
		}
	}
	cJSON_Delete(root);
	return error;
}

/* One `key: value` line of block YAML (indentation, a plain or quoted key, the value with its
 * quotes and a trailing comment removed); false for blank, comment and list lines. */
static bool yaml_line(span l, size_t *indent, span *key, span *value)
{
	size_t i = 0;
	span v;

	while (i < l.n && l.s[i] == ' ')
		i++;
	if (i >= l.n || l.s[i] == '#' || l.s[i] == '-')
		return false;
	*indent = i;
	if (l.s[i] == '\'' || l.s[i] == '"') {
		char q = l.s[i];
		size_t start = ++i;
		while (i < l.n && l.s[i] != q)
			i++;
		if (i >= l.n)
			return false;
		key->s = l.s + start;
		key->n = i - start;
		i++;
		while (i < l.n && l.s[i] == ' ')
			i++;
		if (i >= l.n || l.s[i] != ':')
			return false;
	} else {
		size_t start = i;
		while (i < l.n && !(l.s[i] == ':' && (i + 1 == l.n || l.s[i + 1] == ' ' || l.s[i + 1] == '\t')))
			i++;
		if (i >= l.n)
			return false;
		*key = trim((span){l.s + start, i - start});
	}
	v = trim((span){l.s + i + 1, l.n - i - 1});
	if (v.n && (v.s[0] == '\'' || v.s[0] == '"')) {
		const char *close = memchr(v.s + 1, v.s[0], v.n - 1);
		v.n = close ? (size_t)(close - v.s - 1) : v.n - 1;
		v.s++;
	} else {
		size_t k;
		for (k = 0; k < v.n; k++)
			if (v.s[k] == '#' && k > 0 && (v.s[k - 1] == ' ' || v.s[k - 1] == '\t')) {
				v = trim((span){v.s, k});
				break;
			}
	}
	*value = v;
	return true;
}

/* The resolved version of a pnpm direct dependency: "1.2.3", "1.2.3(react@18.2.0)" (v6+),
 * "1.2.3_react@18.2.0" (v5), an alias "other@1.2.3" (v9), "/other@1.2.3" (v6) or
 * "/other/1.2.3" (v5); false for link:, file:, URLs and anything else. */
static bool pnpm_version(span v, span *out)
{
	const char *cut = memchr(v.s, '(', v.n), *p;

	if (cut)
		v.n = (size_t)(cut - v.s);
	if (v.n == 0 || memchr(v.s, ':', v.n))
		return false; /* link:, file:, https://... */
	if (v.s[0] == '/' && (p = span_rchr(v, '/')) != NULL) {
		v.n -= (size_t)(p + 1 - v.s);
		v.s = p + 1;
	}
	if (v.n && !isdigit((unsigned char)v.s[0])) { /* an alias: name@version */
		if (v.n < 2 || (p = span_rchr((span){v.s + 1, v.n - 1}, '@')) == NULL)
			return false;
		v.n -= (size_t)(p + 1 - v.s);
		v.s = p + 1;
	}
	if ((p = memchr(v.s, '_', v.n)) != NULL) /* v5 peer suffix */
		v.n = (size_t)(p - v.s);
	*out = v;
	return v.n && isdigit((unsigned char)v.s[0]) && exact_version(v.s, v.n);
}

/* A key of pnpm's packages map: "/name/1.2.3[_peers]" (v5), "/name@1.2.3[(peers)]" (v6),
 * "name@1.2.3" (v9); scoped names too. */
static bool pnpm_package_key(span k, span *name, span *version)
{
	const char *cut = memchr(k.s, '(', k.n), *at;

	if (cut)
		k.n = (size_t)(cut - k.s);
	if (k.n && k.s[0] == '/') {
		k.s++;
		k.n--;
	}
	if (k.n < 2 || memchr(k.s, ':', k.n))
		return false;
	at = span_rchr((span){k.s + 1, k.n - 1}, '@');
	if (at) { /* name@version, unless the '@' belongs to a v5 peer suffix */
		span n = {k.s, (size_t)(at - k.s)};
		const char *slash = memchr(n.s, '/', n.n);
		size_t slashes = 0;
		for (; slash; slash = memchr(slash + 1, '/', (size_t)(n.s + n.n - slash - 1)))
			slashes++;
		if (slashes == (n.s[0] == '@' ? 1u : 0u)) {
			*name = n;
			version->s = at + 1;
			version->n = (size_t)(k.s + k.n - at - 1);
			return version->n && isdigit((unsigned char)version->s[0]) &&
			       exact_version(version->s, version->n);
		}
	}
	if ((at = span_rchr(k, '/')) == NULL)
		return false;
	name->s = k.s;
	name->n = (size_t)(at - k.s);
	version->s = at + 1;
	version->n = (size_t)(k.s + k.n - at - 1);
	if ((cut = memchr(version->s, '_', version->n)) != NULL)
		version->n = (size_t)(cut - version->s);
	return name->n && version->n && isdigit((unsigned char)version->s[0]) &&
	       exact_version(version->s, version->n);
}

static bool pnpm_section(span s)
{
	return span_is(s, "dependencies") || span_is(s, "devDependencies") || span_is(s, "optionalDependencies");
}

#define YAML_DEPTH 8

static int pnpm_add(aibom_vec *out, aibom_map *seen, aibom_str *key, span name, span version, const span *spec,
	uint32_t line)
{
	bool dup;

	if (name.n == 0 || seen_before(seen, key, name, version, &dup) < 0)
		return name.n == 0 ? 0 : -1;
	return dup ? 0 : add_dep(out, ECO_NPM, line, name, &version, spec);
}

static int npm_pnpm(aibom_vec *out, const char *text, size_t len)
{
	struct {
		size_t indent;
		span key;
	} st[YAML_DEPTH];
	size_t depth = 0;
	lines it = {text, len, 0, 0};
	aibom_map *seen = aibom_map__new(), *specs = aibom_map__new();
	aibom_str key = AIBOM_STR_INIT;
	aibom_arena arena = {NULL, false};
	span l, pending = {NULL, 0}, pending_spec = {NULL, 0};
	uint32_t pending_line = 0;
	int error = -1;

	if (seen == NULL || specs == NULL)
		goto done;
	while (next_line(&it, &l)) {
		size_t indent, b = 0;
		span k, v, version;
		bool top, root;

		if (!yaml_line(l, &indent, &k, &v))
			continue;
		while (depth && st[depth - 1].indent >= indent)
			depth--;
		top = depth == 0 || !span_is(st[0].key, "importers");
		root = depth >= 2 && span_is(st[0].key, "importers") && span_is(st[1].key, ".");
		if (root)
			b = 2;
		if ((top || root) && depth == b + 1 && pnpm_section(st[b].key)) {
			if (v.n == 0) { /* v6+: name: {specifier, version} follows */
				pending = k;
				pending_line = it.line;
				pending_spec.s = NULL;
				pending_spec.n = 0;
			} else if (pnpm_version(v, &version)) { /* v5: name: version */
				const span *spec;
				aibom_str__clear(&key);
				aibom_str__put(&key, k.s, k.n);
				spec = key.failed ? NULL : aibom_map__get(specs, aibom_str__cstr(&key));
				if (pnpm_add(out, seen, &key, k, version, spec, it.line) < 0)
					goto done;
			}
		} else if ((top || root) && depth == b + 2 && pnpm_section(st[b].key) && pending.s &&
			   st[b + 1].key.s == pending.s) {
			if (span_is(k, "specifier")) {
				pending_spec = v;
			} else if (span_is(k, "version") && pnpm_version(v, &version)) {
				if (pnpm_add(out, seen, &key, pending, version, pending_spec.s ? &pending_spec : NULL,
					pending_line) < 0)
					goto done;
			}
		} else if ((top || root) && depth == b + 1 && span_is(st[b].key, "specifiers") && v.n) {
			span *s = aibom_arena__alloc(&arena, sizeof(span));
			aibom_str__clear(&key);
			aibom_str__put(&key, k.s, k.n);
			if (s == NULL || key.failed || aibom_map__set(specs, aibom_str__cstr(&key), s) < 0)
				goto oom;
			*s = v;
		} else if (depth == 1 && span_is(st[0].key, "packages")) {
			span name;
			if (pnpm_package_key(k, &name, &version) &&
			    pnpm_add(out, seen, &key, name, version, NULL, it.line) < 0)
				goto done;
		}
		if (v.n == 0 && depth < YAML_DEPTH) {
			st[depth].indent = indent;
			st[depth].key = k;
			depth++;
		}
	}
	error = 0;
	goto done;
oom:
	aibom_error__oom();
done:
	aibom_str__free(&key);
	if (seen)
		aibom_map__free(seen);
	if (specs)
		aibom_map__free(specs);
	aibom_arena__free(&arena);
	return error;
}

/* yarn.lock, v1 (`"a@^1.0.0", a@~1.1:` then `  version "1.2.3"`) and berry (`"a@npm:^1.0.0":`
 * then `  version: 1.2.3`). */
static int npm_yarn(aibom_vec *out, const char *text, size_t len)
{
	lines it = {text, len, 0, 0};
	aibom_map *seen = aibom_map__new();
	aibom_str key = AIBOM_STR_INIT, specs = AIBOM_STR_INIT;
	span l, name = {NULL, 0};
	bool active = false;
	size_t prop_indent = 0;
	uint32_t header_line = 0;
	int error = -1;

	if (seen == NULL)
		return -1;
	while (next_line(&it, &l)) {
		size_t indent = 0;
		span rest;

		if (l.n == 0 || l.s[0] == '#')
			continue;
		if (l.s[0] != ' ' && l.s[0] != '\t') { /* a block's header: its descriptors */
			span h = trim(l);
			size_t i = 0;
			active = false;
			if (h.n == 0 || h.s[h.n - 1] != ':')
				continue;
			h.n--;
			name.s = NULL;
			name.n = 0;
			aibom_str__clear(&specs);
			active = true;
			prop_indent = 0;
			header_line = it.line;
			while (i < h.n && active) {
				size_t start = i;
				span d, range;
				const char *at;
				/* v1 quotes each descriptor, berry the whole list; ranges hold no ',' */
				while (i < h.n && h.s[i] != ',')
					i++;
				d = trim((span){h.s + start, i - start});
				i++;
				if (d.n && d.s[0] == '"') {
					d.s++;
					d.n--;
				}
				if (d.n && d.s[d.n - 1] == '"')
					d.n--;
				d = trim(d);
				if (d.n < 2 || (at = memchr(d.s + 1, '@', d.n - 1)) == NULL) {
					active = false; /* __metadata, or not a descriptor */
					break;
				}
				if (name.s == NULL) {
					name.s = d.s;
					name.n = (size_t)(at - d.s);
				}
				range.s = at + 1;
				range.n = (size_t)(d.s + d.n - at - 1);
				if (span_starts(range, "npm:")) {
					range.s += 4;
					range.n -= 4;
				}
				if (span_starts(range, "patch:"))
					continue; /* a patched copy of another block */
				if (memchr(range.s, ':', range.n)) {
					active = false; /* workspace:, link:, file:, git, URLs */
					break;
				}
				if (specs.size)
					aibom_str__puts(&specs, ", ");
				aibom_str__put(&specs, range.s, range.n);
			}
			if (specs.failed) {
				aibom_error__oom();
				goto done;
			}
			continue;
		}
		if (!active)
			continue;
		while (indent < l.n && (l.s[indent] == ' ' || l.s[indent] == '\t'))
			indent++;
		if (prop_indent == 0)
			prop_indent = indent;
		if (indent != prop_indent)
			continue;
		rest = trim((span){l.s + indent, l.n - indent});
		if (span_starts(rest, "version") && rest.n > 7 &&
		    (rest.s[7] == ' ' || rest.s[7] == ':' || rest.s[7] == '"')) {
			span v = trim((span){rest.s + 7, rest.n - 7}), sp;
			bool dup;
			if (v.n && v.s[0] == ':')
				v = trim((span){v.s + 1, v.n - 1});
			if (v.n >= 2 && (v.s[0] == '"' || v.s[0] == '\'') && v.s[v.n - 1] == v.s[0]) {
				v.s++;
				v.n -= 2;
			}
			active = false; /* one version a block */
			if (!isdigit((unsigned char)(v.n ? v.s[0] : 'x')) || !exact_version(v.s, v.n))
				continue;
			if (seen_before(seen, &key, name, v, &dup) < 0)
				goto done;
			if (dup)
				continue;
			sp.s = aibom_str__cstr(&specs);
			sp.n = specs.size;
			if (add_dep(out, ECO_NPM, header_line, name, &v, &sp) < 0)
				goto done;
		}
	}
	error = 0;
done:
	aibom_str__free(&key);
	aibom_str__free(&specs);
	aibom_map__free(seen);
	return error;
}

int aibom_manifest__npm_lock(aibom_vec *out, const char *file_name, const char *text, size_t len)
{
	const char *base = strrchr(file_name, '/');

	base = base ? base + 1 : file_name;
	if (!strcmp(base, "package-lock.json") || !strcmp(base, "npm-shrinkwrap.json"))
		return npm_package_lock(out, text, len);
	if (!strcmp(base, "pnpm-lock.yaml"))
		return npm_pnpm(out, text, len);
	if (!strcmp(base, "yarn.lock"))
		return npm_yarn(out, text, len);
	return 0;
}

/* ---- locks fill manifests */

/* Whether SPEC is LOCKED, or one of LOCKED's ", "-separated ranges. */
static bool spec_listed(const char *spec, const char *locked)
{
	size_t n = strlen(spec);
	const char *p = locked;

	if (n == 0)
		return false;
	while (*p) {
		const char *comma = strstr(p, ", ");
		size_t k = comma ? (size_t)(comma - p) : strlen(p);
		if (k == n && !memcmp(p, spec, n))
			return true;
		if (comma == NULL)
			break;
		p = comma + 2;
	}
	return false;
}

int aibom_manifest__apply_locks(aibom_vec *deps, const aibom_vec *locked)
{
	aibom_map *first = NULL;
	size_t *next = NULL, k;
	aibom_str key = AIBOM_STR_INIT;
	int error = -1;

	if (locked->count == 0 || deps->count == 0)
		return 0;
	if ((first = aibom_map__new()) == NULL)
		return -1;
	if ((next = calloc(locked->count, sizeof(size_t))) == NULL) {
		aibom_error__oom();
		goto done;
	}
	/* chains of same-name entries, in order: map -> index + 1, next[i] -> index + 1 */
	for (k = locked->count; k > 0; k--) {
		const aibom_dependency *l = aibom_vec__at(locked, aibom_dependency, k - 1);
		if (l->name == NULL || l->version == NULL)
			continue;
		aibom_str__clear(&key);
		aibom_str__printf(&key, "%d\x1f%s", (int)l->eco, l->name);
		if (key.failed) {
			aibom_error__oom();
			goto done;
		}
		next[k - 1] = (size_t)(uintptr_t)aibom_map__get(first, key.ptr);
		if (aibom_map__set(first, key.ptr, (void *)(uintptr_t)k) < 0)
			goto done;
	}
	for (k = 0; k < deps->count; k++) {
		aibom_dependency *d = aibom_vec__at(deps, aibom_dependency, k);
		const aibom_dependency *pick = NULL;
		size_t i;
		if (d->version || d->name == NULL)
			continue;
		aibom_str__clear(&key);
		aibom_str__printf(&key, "%d\x1f%s", (int)d->eco, d->name);
		if (key.failed) {
			aibom_error__oom();
			goto done;
		}
		for (i = (size_t)(uintptr_t)aibom_map__get(first, key.ptr); i; i = next[i - 1]) {
			const aibom_dependency *l = aibom_vec__at(locked, aibom_dependency, i - 1);
			if (pick == NULL)
				pick = l;
			if (d->spec && l->spec && spec_listed(d->spec, l->spec)) {
				pick = l;
				break;
			}
		}
		if (pick && (d->version = aibom__strndup(pick->version, strlen(pick->version))) == NULL)
			goto done;
	}
	error = 0;
done:
	aibom_str__free(&key);
	free(next);
	aibom_map__free(first);
	return error;
}

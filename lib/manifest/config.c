/*
 * config.c - configuration files -> flat key/value entries (see config.h for the formats).
 *
 * Each format has a small reader of its own: dotenv and Dockerfile ENV line by line, Java
 * .properties through a character stream that removes continuations and decodes escapes, JSON
 * with cJSON, and YAML with a pragmatic subset parser written here. The YAML reader works in two
 * steps: a line-oriented pass builds a tree of nodes in an arena (an indentation stack for block
 * collections, recursive descent for flow collections, both bounded by AIBOM_CONFIG_MAX_DEPTH),
 * then a walk flattens it, which is where anchors, merge keys and the environment sections of
 * docker-compose and Kubernetes are understood. Aliases are expanded within a visit budget, so
 * "billion laughs" documents stay cheap. Nothing here recurses deeper than
 * AIBOM_CONFIG_MAX_DEPTH plus a few frames, no pass goes back over text it has consumed, and
 * malformed input only loses the entries it garbles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "config.h"

#define MAX_DEPTH AIBOM_CONFIG_MAX_DEPTH
/* Visits the flattening of a document may make beyond twice its own nodes (aliases). */
#define ALIAS_BUDGET 10000
/* Merged keys are checked against the explicit keys of a mapping only up to this many. */
#define MERGE_CHECK_MAX 256

/* ---- shared pieces */

void aibom_config_entry__free(aibom_config_entry *e)
{
	if (e == NULL)
		return;
	free(e->key);
	free(e->value);
	e->key = e->value = NULL;
}

/* Append one entry. Key and value end at a NUL byte if they hold one; an empty key is dropped.
 * On failure the slot is taken back. */
static int add_entry(aibom_vec *out, const char *key, size_t klen, const char *value, size_t vlen,
	uint32_t line, bool env)
{
	aibom_config_entry *e;
	const char *nul;

	if ((nul = memchr(key, '\0', klen)) != NULL)
		klen = (size_t)(nul - key);
	if ((nul = memchr(value, '\0', vlen)) != NULL)
		vlen = (size_t)(nul - value);
	if (klen == 0)
		return 0;
	if ((e = aibom_vec__push(out)) == NULL)
		return -1;
	e->key = aibom__strndup(key, klen);
	e->value = aibom__strndup(value, vlen);
	e->line = line;
	e->env = env;
	if (e->key == NULL || e->value == NULL) {
		aibom_config_entry__free(e);
		out->count--;
		return -1;
	}
	return 0;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool in_set(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool ci_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (lower((unsigned char)*s) != *prefix)
			return false;
	return true;
}

static bool ci_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && ci_prefix(s + a - b, suffix);
}

static bool ci_eq(const char *s, const char *t)
{
	return strlen(s) == strlen(t) && ci_prefix(s, t);
}

/* Index of the '\n' ending the line that starts at I, or LEN. */
static size_t line_end(const char *t, size_t len, size_t i)
{
	const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
	return nl ? (size_t)(nl - t) : len;
}

/* The start of the next line after the one holding I. */
static size_t after_line(const char *t, size_t len, size_t i)
{
	size_t e = line_end(t, len, i);
	return e < len ? e + 1 : len;
}

/* The end of a line's content: E without a trailing '\r'. */
static size_t content_end(const char *t, size_t s, size_t e)
{
	return e > s && t[e - 1] == '\r' ? e - 1 : e;
}

static size_t skip_bom(const char *t, size_t len)
{
	return len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static uint32_t count_lines(const char *t, size_t from, size_t to)
{
	uint32_t n = 0;
	for (; from < to; from++)
		n += t[from] == '\n';
	return n;
}

static void put_utf8(aibom_str *s, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	aibom_str__put(s, b, n);
}

/* N hex digits at S (which has at least N bytes) -> *CP; false if one is not a hex digit. */
static bool hex_n(const char *s, size_t n, uint32_t *cp)
{
	size_t i;

	*cp = 0;
	for (i = 0; i < n; i++) {
		int c = lower((unsigned char)s[i]), d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return false;
		*cp = *cp * 16 + (uint32_t)d;
	}
	return true;
}

/* Escaped code points, pairing UTF-16 surrogates; *HIGH holds a pending high surrogate. */
static void put_escaped_cp(aibom_str *s, uint32_t *high, uint32_t cp)
{
	if (*high) {
		if (cp >= 0xDC00 && cp <= 0xDFFF) {
			put_utf8(s, 0x10000 + ((*high - 0xD800) << 10) + (cp - 0xDC00));
			*high = 0;
			return;
		}
		put_utf8(s, 0xFFFD);
		*high = 0;
	}
	if (cp >= 0xD800 && cp <= 0xDBFF)
		*high = cp;
	else
		put_utf8(s, cp);
}

static void flush_high(aibom_str *s, uint32_t *high)
{
	if (*high)
		put_utf8(s, 0xFFFD);
	*high = 0;
}

/* ---- file names */

typedef enum { F_NONE, F_DOTENV, F_PROPERTIES, F_YAML, F_JSON, F_DOCKERFILE } format;

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static bool is_yaml_name(const char *n)
{
	return ci_suffix(n, ".yml") || ci_suffix(n, ".yaml");
}

/* The format of a file this reader knows by name, else F_NONE. */
static format format_by_name(const char *n)
{
	if (ci_eq(n, "dockerfile") || ci_prefix(n, "dockerfile.") || ci_suffix(n, ".dockerfile") ||
	    ci_eq(n, "containerfile") || ci_prefix(n, "containerfile.") || ci_suffix(n, ".containerfile"))
		return F_DOCKERFILE;
	if (ci_suffix(n, ".properties"))
		return F_PROPERTIES;
	if ((ci_prefix(n, "application") || ci_prefix(n, "bootstrap") || ci_prefix(n, "values") ||
	     ci_prefix(n, "docker-compose") || ci_prefix(n, "compose") || ci_prefix(n, "config") ||
	     ci_prefix(n, "settings")) &&
	    is_yaml_name(n))
		return F_YAML;
	if ((ci_prefix(n, "config") || ci_prefix(n, "appsettings") || ci_prefix(n, "settings")) && ci_suffix(n, ".json"))
		return F_JSON;
	if (ci_prefix(n, ".env.") && (is_yaml_name(n) || ci_suffix(n, ".json")))
		return is_yaml_name(n) ? F_YAML : F_JSON;
	if (ci_eq(n, ".env") || ci_prefix(n, ".env.") || ci_suffix(n, ".env"))
		return F_DOTENV;
	return F_NONE;
}

bool aibom_config__is_config(const char *file_name)
{
	return file_name != NULL && format_by_name(base_name(file_name)) != F_NONE;
}

/* ---- dotenv */

/* The quoted value at T[K]: decoded into V; the index of the closing quote, or LEN if none. */
static size_t dotenv_quoted(aibom_str *v, const char *t, size_t len, size_t k)
{
	static const char from[] = "abfnrtv\"'\\", to[] = "\a\b\f\n\r\t\v\"'\\";
	char q = t[k];
	size_t j;

	for (j = k + 1; j < len; j++) {
		char c = t[j];
		if (c == q)
			return j;
		if (c == '\\' && q == '"' && j + 1 < len && in_set(t[j + 1], from)) {
			aibom_str__putc(v, to[strchr(from, t[j + 1]) - from]);
			j++;
			continue;
		}
		if (c == '\r' && j + 1 < len && t[j + 1] == '\n')
			continue;
		aibom_str__putc(v, c);
	}
	return len;
}

static int parse_dotenv(aibom_vec *out, const char *t, size_t len)
{
	aibom_str v = AIBOM_STR_INIT;
	size_t i = skip_bom(t, len);
	uint32_t line = 1;
	int error = 0;

	while (i < len && error == 0) {
		size_t e = line_end(t, len, i), ce = content_end(t, i, e), k = i, ks, ke, next;
		uint32_t at = line, next_line = line + 1;

		next = e < len ? e + 1 : len;
		while (k < ce && blank(t[k]))
			k++;
		if (ce - k > 7 && memcmp(t + k, "export", 6) == 0 && blank(t[k + 6])) {
			k += 6;
			while (k < ce && blank(t[k]))
				k++;
		}
		ks = k;
		while (k < ce && t[k] != '=' && !blank(t[k]))
			k++;
		ke = k;
		while (k < ce && blank(t[k]))
			k++;
		if (ke == ks || t[ks] == '#' || k == ce || t[k] != '=')
			goto skip;
		k++;
		{
			size_t vs = k, q;
			while (k < ce && blank(t[k]))
				k++;
			aibom_str__clear(&v);
			if (k < ce && (t[k] == '"' || t[k] == '\'' || t[k] == '`')) {
				q = dotenv_quoted(&v, t, len, k);
				if (q < len) {
					next_line = line + count_lines(t, k, q) + 1;
					next = after_line(t, len, q);
				} else { /* unterminated: the rest of the line, as written */
					size_t ve = ce;
					while (ve > k + 1 && blank(t[ve - 1]))
						ve--;
					aibom_str__clear(&v);
					aibom_str__put(&v, t + k + 1, ve - k - 1);
				}
			} else if (!(k < ce && t[k] == '#' && k > vs)) {
				size_t ve = k;
				while (ve < ce && !(t[ve] == '#' && ve > k && blank(t[ve - 1])))
					ve++;
				while (ve > k && blank(t[ve - 1]))
					ve--;
				aibom_str__put(&v, t + k, ve - k);
			}
			if (v.failed) {
				aibom_error__oom();
				error = -1;
				break;
			}
			error = add_entry(out, t + ks, ke - ks, aibom_str__cstr(&v), v.size, at, true);
		}
skip:
		i = next;
		line = next_line;
	}
	aibom_str__free(&v);
	return error;
}

/* ---- Java .properties */

typedef struct {
	const char *t;
	size_t len;
	size_t i;
	uint32_t line;
} pstream;

/* The next character of the logical line, continuations removed; -1 at its end (the line
 * terminator is consumed). An escape sets *ESC: \t \n \r \f decoded, \uXXXX as a code point,
 * any other escaped character as itself. Unescaped bytes are returned as they are. */
static int32_t pnext(pstream *s, bool *esc)
{
	*esc = false;
	for (;;) {
		char c, n;
		if (s->i >= s->len)
			return -1;
		c = s->t[s->i];
		if (c == '\n' || c == '\r') {
			s->i += c == '\r' && s->i + 1 < s->len && s->t[s->i + 1] == '\n' ? 2 : 1;
			s->line++;
			return -1;
		}
		if (c != '\\') {
			s->i++;
			return (unsigned char)c;
		}
		if (s->i + 1 >= s->len) {
			s->i++;
			return -1;
		}
		n = s->t[s->i + 1];
		if (n == '\n' || n == '\r') { /* continuation: the next line's leading space goes too */
			s->i += 2;
			if (n == '\r' && s->i < s->len && s->t[s->i] == '\n')
				s->i++;
			s->line++;
			while (s->i < s->len && (blank(s->t[s->i]) || s->t[s->i] == '\f'))
				s->i++;
			continue;
		}
		*esc = true;
		s->i += 2;
		switch (n) {
		case 't':
			return '\t';
		case 'n':
			return '\n';
		case 'r':
			return '\r';
		case 'f':
			return '\f';
		case 'u': {
			uint32_t cp;
			if (s->i + 4 <= s->len && hex_n(s->t + s->i, 4, &cp)) {
				s->i += 4;
				return (int32_t)cp;
			}
			return 'u';
		}
		default:
			return (unsigned char)n;
		}
	}
}

static void pput(aibom_str *s, uint32_t *high, int32_t c, bool esc)
{
	if (esc && c >= 0x80) {
		put_escaped_cp(s, high, (uint32_t)c);
		return;
	}
	flush_high(s, high);
	aibom_str__putc(s, (char)c);
}

static bool pspace(int32_t c)
{
	return c == ' ' || c == '\t' || c == '\f';
}

static int parse_properties(aibom_vec *out, const char *t, size_t len)
{
	pstream s = {t, len, skip_bom(t, len), 1};
	aibom_str key = AIBOM_STR_INIT, value = AIBOM_STR_INIT;
	int error = 0;

	while (s.i < len && error == 0) {
		int32_t c;
		bool esc, at_end = false, sep = false;
		uint32_t high = 0, vline;
		pstream saved;

		while (s.i < len && (blank(t[s.i]) || t[s.i] == '\f'))
			s.i++;
		if (s.i >= len)
			break;
		if (t[s.i] == '\n' || t[s.i] == '\r') {
			pnext(&s, &esc);
			continue;
		}
		if (t[s.i] == '#' || t[s.i] == '!') { /* comments do not continue */
			s.i = line_end(t, len, s.i);
			continue;
		}
		aibom_str__clear(&key);
		aibom_str__clear(&value);
		vline = s.line;
		for (;;) {
			if ((c = pnext(&s, &esc)) < 0) {
				at_end = true;
				break;
			}
			if (!esc && (c == '=' || c == ':')) {
				sep = true;
				break;
			}
			if (!esc && pspace(c))
				break;
			pput(&key, &high, c, esc);
		}
		flush_high(&key, &high);
		if (!at_end) {
			for (;;) { /* white space, at most one '=' or ':', white space */
				saved = s;
				if ((c = pnext(&s, &esc)) < 0) {
					at_end = true;
					break;
				}
				if (!esc && pspace(c))
					continue;
				if (!esc && !sep && (c == '=' || c == ':')) {
					sep = true;
					continue;
				}
				vline = s.line; /* the value starts here, maybe after a continuation */
				s = saved;
				break;
			}
		}
		if (!at_end) {
			while ((c = pnext(&s, &esc)) >= 0)
				pput(&value, &high, c, esc);
			flush_high(&value, &high);
		}
		if (key.failed || value.failed) {
			aibom_error__oom();
			error = -1;
			break;
		}
		error = add_entry(out, aibom_str__cstr(&key), key.size, aibom_str__cstr(&value), value.size,
			vline, false);
	}
	aibom_str__free(&key);
	aibom_str__free(&value);
	return error;
}

/* ---- Dockerfile ENV */

typedef struct {
	size_t off;    /* in the logical line */
	uint32_t line; /* where that piece comes from */
} dsegment;

/* The line of offset OFF of the logical line: the last segment starting at or before it. */
static uint32_t dline(const aibom_vec *segs, size_t off)
{
	size_t lo = 0, hi = segs->count;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (aibom_vec__at(segs, dsegment, mid)->off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return segs->count ? aibom_vec__at(segs, dsegment, lo)->line : 1;
}

/* One shell word of an ENV instruction at S[*P]: quotes removed, ESC escapes applied. *EQ gets
 * the length of OUT when the first unquoted '=' was met ((size_t)-1 if none). With
 * WHOLE, blanks do not end the word (the value of the legacy "ENV KEY value" form). */
static void dword(aibom_str *out, const char *s, size_t n, size_t *p, char esc, bool whole, size_t *eq)
{
	size_t i = *p;
	char q = 0;

	*eq = (size_t)-1;
	while (i < n) {
		char c = s[i];
		if (q == '\'') {
			if (c == '\'')
				q = 0;
			else
				aibom_str__putc(out, c);
			i++;
		} else if (q == '"') {
			if (c == '"') {
				q = 0;
			} else if (c == esc && i + 1 < n && in_set(s[i + 1], "\"$`")) {
				aibom_str__putc(out, s[++i]);
			} else if (c == esc && i + 1 < n && s[i + 1] == esc) {
				aibom_str__putc(out, s[++i]);
			} else {
				aibom_str__putc(out, c);
			}
			i++;
		} else if (blank(c) && !whole) {
			break;
		} else if (c == '"' || c == '\'') {
			q = c;
			i++;
		} else if (c == esc && i + 1 < n) {
			aibom_str__putc(out, s[i + 1]);
			i += 2;
		} else {
			if (c == '=' && *eq == (size_t)-1)
				*eq = out->size;
			aibom_str__putc(out, c);
			i++;
		}
	}
	*p = i;
}

static int dockerfile_env(aibom_vec *out, const char *s, size_t n, size_t p, const aibom_vec *segs, char esc)
{
	aibom_str w = AIBOM_STR_INIT;
	size_t eq, start;
	int error = 0;

	while (p < n && blank(s[p]))
		p++;
	start = p;
	dword(&w, s, n, &p, esc, false, &eq);
	if (eq == (size_t)-1 && w.size) { /* legacy: ENV KEY value with spaces */
		size_t klen = w.size, end = n;
		while (p < n && blank(s[p]))
			p++;
		while (end > p && blank(s[end - 1]))
			end--;
		dword(&w, s, end, &p, esc, true, &eq);
		if (!w.failed)
			error = add_entry(out, w.ptr, klen, w.ptr + klen, w.size - klen, dline(segs, start), true);
	} else {
		for (;;) { /* KEY=value ...; a word without '=' is skipped */
			if (eq != (size_t)-1 && !w.failed &&
			    (error = add_entry(out, w.ptr, eq, w.ptr + eq + 1, w.size - eq - 1,
				     dline(segs, start), true)) < 0)
				break;
			while (p < n && blank(s[p]))
				p++;
			if (p >= n || w.failed)
				break;
			start = p;
			aibom_str__clear(&w);
			dword(&w, s, n, &p, esc, false, &eq);
		}
	}
	if (w.failed && error == 0) {
		aibom_error__oom();
		error = -1;
	}
	aibom_str__free(&w);
	return error;
}

static int parse_dockerfile(aibom_vec *out, const char *t, size_t len)
{
	aibom_str logical = AIBOM_STR_INIT;
	aibom_vec segs = AIBOM_VEC_INIT(dsegment);
	size_t i = skip_bom(t, len);
	uint32_t line = 1;
	char esc = '\\';
	bool directives = true;
	int error = 0;

	while (i < len && error == 0) {
		size_t e = line_end(t, len, i), ce = content_end(t, i, e), k = i;
		while (k < ce && blank(t[k]))
			k++;
		if (k == ce || t[k] == '#') {
			if (directives && k < ce) { /* "# escape=`" before anything else */
				size_t d = k + 1;
				while (d < ce && blank(t[d]))
					d++;
				if (ce - d >= 8 && ci_prefix(t + d, "escape=")) {
					d += 7;
					while (d < ce && blank(t[d]))
						d++;
					if (d < ce && (t[d] == '`' || t[d] == '\\'))
						esc = t[d];
				} else if (!(ce - d >= 7 && ci_prefix(t + d, "syntax=")) &&
					   !(ce - d >= 6 && ci_prefix(t + d, "check="))) {
					directives = false;
				}
			} else {
				directives = false;
			}
			i = e < len ? e + 1 : len;
			line++;
			continue;
		}
		directives = false;
		/* gather the logical line: ESC at the end of a line joins the next; comment and empty
		 * lines inside it are dropped */
		aibom_str__clear(&logical);
		segs.count = 0;
		for (;;) {
			size_t end = ce, le;
			dsegment *g;
			bool more;
			while (end > k && blank(t[end - 1]))
				end--;
			more = end > k && t[end - 1] == esc;
			if ((g = aibom_vec__push(&segs)) == NULL) {
				error = -1;
				break;
			}
			g->off = logical.size;
			g->line = line;
			aibom_str__put(&logical, t + k, (more ? end - 1 : ce) - k);
			i = e < len ? e + 1 : len;
			line++;
			if (!more)
				break;
			for (;;) { /* skip comment and empty lines */
				if (i >= len)
					break;
				e = line_end(t, len, i);
				ce = content_end(t, i, e);
				le = i;
				while (le < ce && blank(t[le]))
					le++;
				if (le < ce && t[le] != '#')
					break;
				i = e < len ? e + 1 : len;
				line++;
			}
			if (i >= len)
				break;
			k = i;
		}
		if (error)
			break;
		if (logical.failed) {
			aibom_error__oom();
			error = -1;
			break;
		}
		{
			const char *s = aibom_str__cstr(&logical);
			size_t n = logical.size, p = 0;
			while (p < n && blank(s[p]))
				p++;
			if (n - p > 3 && ci_prefix(s + p, "env") && blank(s[p + 3]))
				error = dockerfile_env(out, s, n, p + 3, &segs, esc);
		}
	}
	aibom_str__free(&logical);
	aibom_vec__free(&segs);
	return error;
}

/* ---- YAML: the tree */

typedef enum { Y_NULL, Y_SCALAR, Y_MAP, Y_SEQ, Y_ALIAS } ykind;

typedef struct ynode ynode;
struct ynode {
	ykind kind;
	const char *key;      /* in a mapping; NULL for a sequence item */
	const char *text;     /* Y_SCALAR */
	const ynode *target;  /* Y_ALIAS: the anchored node, NULL if unknown */
	ynode *child, *last, *next;
	uint32_t line;
};

typedef struct {
	ynode *node; /* Y_MAP or Y_SEQ */
	size_t indent;
} ylevel;

typedef struct {
	const char *t;
	size_t len;
	uint32_t line;         /* of the line being read */
	size_t next;           /* where the line loop resumes */
	uint32_t next_line;
	aibom_arena arena;     /* one document's nodes and strings */
	aibom_map *anchors;
	ylevel stack[MAX_DEPTH];
	size_t depth;
	ynode *root;
	ynode *pending;        /* "key:" with nothing after it yet */
	size_t pending_col;
	ynode *plain;          /* the last plain scalar, which more indented lines continue */
	size_t plain_col;
	aibom_str plain_buf;   /* its text once a continuation line came */
	bool plain_folded;
	size_t nodes;
	bool oom;
	/* flattening */
	aibom_vec *out;
	aibom_str path;
	size_t budget;
	const ynode *active[2 * MAX_DEPTH + 8]; /* the collections being walked, to stop alias cycles */
	size_t nactive;
} yparser;

static void yoom(yparser *p)
{
	if (!p->oom)
		aibom_error__oom();
	p->oom = true;
}

static ynode *ynew(yparser *p, ynode *parent, const char *key)
{
	ynode *n = aibom_arena__alloc(&p->arena, sizeof(*n));

	if (n == NULL) {
		yoom(p);
		return NULL;
	}
	n->key = key;
	n->line = p->line;
	if (parent) {
		if (parent->last)
			parent->last->next = n;
		else
			parent->child = n;
		parent->last = n;
	}
	p->nodes++;
	return n;
}

static const char *ystr(yparser *p, const char *s, size_t n)
{
	char *r = aibom_arena__strndup(&p->arena, s, n);
	if (r == NULL)
		yoom(p);
	return r;
}

/* The text of S as an arena string (its buffer is left for the caller to free). */
static const char *ystr_of(yparser *p, aibom_str *s)
{
	if (s->failed) {
		yoom(p);
		return NULL;
	}
	return ystr(p, aibom_str__cstr(s), s->size);
}

static void yanchor(yparser *p, const char *name, size_t n, ynode *node)
{
	const char *key;

	if (p->anchors == NULL && (p->anchors = aibom_map__new()) == NULL) {
		yoom(p);
		return;
	}
	if ((key = ystr(p, name, n)) != NULL && aibom_map__set(p->anchors, key, node) < 0)
		yoom(p);
}

/* The tags and anchors before a node's content at T[J..CE): tags are dropped, an anchor names N.
 * Returns where the content starts. */
static size_t yprops(yparser *p, ynode *n, size_t j, size_t ce)
{
	const char *t = p->t;

	while (j < ce && (t[j] == '!' || t[j] == '&')) {
		size_t e = j;
		while (e < ce && !blank(t[e]))
			e++;
		if (t[j] == '&' && e > j + 1)
			yanchor(p, t + j + 1, e - j - 1, n);
		j = e;
		while (j < ce && blank(t[j]))
			j++;
	}
	return j;
}

static const ynode *ylookup(yparser *p, const char *name, size_t n)
{
	const char *key;

	if (p->anchors == NULL || (key = ystr(p, name, n)) == NULL)
		return NULL;
	return aibom_map__get(p->anchors, key);
}

static void ypush(yparser *p, ynode *n, size_t indent)
{
	p->stack[p->depth].node = n;
	p->stack[p->depth].indent = indent;
	p->depth++;
}

static void yplain_flush(yparser *p)
{
	if (p->plain && p->plain_folded)
		p->plain->text = ystr_of(p, &p->plain_buf);
	p->plain = NULL;
	p->plain_folded = false;
	aibom_str__clear(&p->plain_buf);
}

/* A double-quoted escape at T[I] ('\\') into OUT; returns the index after it. */
static size_t yescape(aibom_str *out, const char *t, size_t i, size_t end)
{
	static const char from[] = "abtnvfre \"/\\\t", to[] = "\a\b\t\n\v\f\r\x1b \"/\\\t";
	uint32_t cp, high = 0;
	char c;

	if (i + 1 >= end) {
		aibom_str__putc(out, '\\');
		return i + 1;
	}
	c = t[i + 1];
	if (in_set(c, from)) {
		aibom_str__putc(out, to[strchr(from, c) - from]);
		return i + 2;
	}
	switch (c) {
	case '0':
		return i + 2; /* a NUL cannot live in a C string; dropped */
	case 'N':
		put_utf8(out, 0x85);
		return i + 2;
	case '_':
		put_utf8(out, 0xA0);
		return i + 2;
	case 'L':
		put_utf8(out, 0x2028);
		return i + 2;
	case 'P':
		put_utf8(out, 0x2029);
		return i + 2;
	case 'x':
	case 'u':
	case 'U': {
		size_t n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		if (i + 2 + n <= end && hex_n(t + i + 2, n, &cp)) {
			i += 2 + n;
			if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= end && t[i] == '\\' && t[i + 1] == 'u') {
				uint32_t lo;
				if (hex_n(t + i + 2, 4, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
					put_escaped_cp(out, &high, cp);
					put_escaped_cp(out, &high, lo);
					return i + 6;
				}
			}
			put_utf8(out, cp);
			return i;
		}
		break;
	}
	default:
		break;
	}
	aibom_str__putc(out, '\\');
	aibom_str__putc(out, c);
	return i + 2;
}

/* The quoted scalar at T[*POS] into OUT; *POS and *LINE move past its closing quote. Line breaks
 * fold into a space (blank lines into line breaks). A non-blank line indented no more than
 * MIN_COL, or the end of the text, ends an unterminated scalar: *POS is then that line's start
 * (or the end). Returns whether the closing quote was found. */
static bool yquoted(yparser *p, aibom_str *out, size_t *pos, uint32_t *line, size_t min_col)
{
	const char *t = p->t;
	size_t i = *pos + 1, len = p->len;
	char q = t[*pos];
	bool join = false;

	while (i < len) {
		char c = t[i];
		if (c == q) {
			if (q == '\'' && i + 1 < len && t[i + 1] == '\'') {
				aibom_str__putc(out, '\'');
				i += 2;
				continue;
			}
			*pos = i + 1;
			return true;
		}
		if (c == '\r' && i + 1 < len && t[i + 1] == '\n') {
			i++;
			continue;
		}
		if (c == '\n') {
			size_t breaks = 0, j = i, ls = i + 1;
			if (!join)
				while (out->size && !out->failed && blank(out->ptr[out->size - 1]))
					out->ptr[--out->size] = '\0';
			for (;;) { /* J is at a '\n' */
				j++;
				(*line)++;
				ls = j;
				while (j < len && blank(t[j]))
					j++;
				if (j < len && t[j] == '\r' && j + 1 < len && t[j + 1] == '\n')
					j++;
				if (j < len && t[j] == '\n') {
					breaks++;
					continue;
				}
				break;
			}
			if (j >= len || j - ls <= min_col) {
				*pos = j >= len ? len : ls;
				return false;
			}
			if (breaks)
				while (breaks--)
					aibom_str__putc(out, '\n');
			else if (!join)
				aibom_str__putc(out, ' ');
			join = false;
			i = j;
			continue;
		}
		if (c == '\\' && q == '"') {
			if (i + 1 < len && (t[i + 1] == '\n' || (t[i + 1] == '\r' && i + 2 < len && t[i + 2] == '\n'))) {
				join = true; /* an escaped line break joins the lines */
				i++;
				continue;
			}
			i = yescape(out, t, i, len);
			continue;
		}
		aibom_str__putc(out, c);
		i++;
	}
	*pos = len;
	return false;
}

/* ---- YAML: flow collections */

typedef struct {
	yparser *p;
	size_t i;
	uint32_t line;
	size_t owner_col; /* a line indented no more than this ends the collection */
	bool broken;      /* it did: block parsing resumes at I */
} yflow;

/* White space, comments and line breaks inside a flow collection. */
static void fskip(yflow *f)
{
	const char *t = f->p->t;
	size_t len = f->p->len;

	while (f->i < len && !f->broken) {
		char c = t[f->i];
		if (c == ' ' || c == '\t' || c == '\r') {
			f->i++;
		} else if (c == '#' && (f->i == 0 || in_set(t[f->i - 1], " \t\r\n"))) {
			f->i = line_end(t, len, f->i);
		} else if (c == '\n') {
			size_t ls = f->i + 1, k = ls;
			while (k < len && blank(t[k]))
				k++;
			f->i = ls;
			f->line++;
			if (k < len && !in_set(t[k], "\r\n#]},") && k - ls <= f->owner_col)
				f->broken = true;
		} else {
			break;
		}
	}
}

/* Where a tag, anchor or alias name at T[S] ends. */
static size_t flow_token_end(const char *t, size_t s, size_t len)
{
	while (s < len && !in_set(t[s], " \t\r\n,[]{}"))
		s++;
	return s;
}

/* Skip the collection at F->i, too deep to keep. */
static void fskip_balanced(yflow *f)
{
	const char *t = f->p->t;
	size_t len = f->p->len, d = 0;

	while (f->i < len && !f->broken) {
		char c = t[f->i];
		if (c == '[' || c == '{') {
			d++;
			f->i++;
		} else if (c == ']' || c == '}') {
			f->i++;
			if (d <= 1)
				return;
			d--;
		} else if (c == '"' || c == '\'') {
			aibom_str scratch = AIBOM_STR_INIT;
			if (!yquoted(f->p, &scratch, &f->i, &f->line, f->owner_col))
				f->broken = true;
			aibom_str__free(&scratch);
		} else if (c == '\n' || c == '#' || blank(c) || c == '\r') {
			size_t before = f->i;
			fskip(f);
			if (f->i == before)
				f->i++;
		} else {
			f->i++;
		}
	}
}

/* A plain scalar in a flow collection, on one line; KEY also stops at ':'. */
static size_t flow_plain_end(const char *t, size_t s, size_t len)
{
	size_t e = s;

	while (e < len) {
		char c = t[e];
		if (in_set(c, "\n,[]{}"))
			break;
		if (c == ':' && (e + 1 >= len || in_set(t[e + 1], " \t\r\n,[]{}")))
			break;
		if (c == '#' && e > s && blank(t[e - 1]))
			break;
		e++;
	}
	while (e > s && (blank(t[e - 1]) || t[e - 1] == '\r'))
		e--;
	return e;
}

static void fentry(yflow *f, ynode *map, size_t depth);

/* Fill N from the flow node at F->i. */
static void ffill(yflow *f, ynode *n, size_t depth)
{
	yparser *p = f->p;
	const char *t = p->t;
	size_t len = p->len;
	char c;

	fskip(f);
	while (f->i < len && !f->broken && (t[f->i] == '!' || t[f->i] == '&')) {
		size_t s = f->i, e = flow_token_end(t, s, len);
		if (t[s] == '&' && e > s + 1)
			yanchor(p, t + s + 1, e - s - 1, n);
		f->i = e;
		fskip(f);
	}
	if (f->i >= len || f->broken || p->oom)
		return;
	n->line = f->line;
	c = t[f->i];
	if (c == '[' || c == '{') {
		char close = c == '[' ? ']' : '}';
		if (depth >= MAX_DEPTH) {
			fskip_balanced(f);
			return;
		}
		n->kind = c == '[' ? Y_SEQ : Y_MAP;
		f->i++;
		for (;;) {
			size_t before;
			fskip(f);
			if (f->i >= len || f->broken || p->oom)
				return;
			c = t[f->i];
			if (c == close) {
				f->i++;
				return;
			}
			if (in_set(c, ",]}:")) { /* empty entry, stray closer or colon */
				f->i++;
				continue;
			}
			before = f->i;
			if (n->kind == Y_SEQ) {
				ynode *item = ynew(p, n, NULL);
				if (item)
					ffill(f, item, depth + 1);
			} else {
				fentry(f, n, depth + 1);
			}
			if (f->i == before)
				f->i++; /* junk */
		}
	}
	if (c == '"' || c == '\'') {
		aibom_str s = AIBOM_STR_INIT;
		if (!yquoted(p, &s, &f->i, &f->line, f->owner_col))
			f->broken = true;
		n->kind = Y_SCALAR;
		n->text = ystr_of(p, &s);
		aibom_str__free(&s);
		return;
	}
	if (c == '*') {
		size_t e = flow_token_end(t, f->i, len);
		n->kind = Y_ALIAS;
		n->target = ylookup(p, t + f->i + 1, e - f->i - 1);
		f->i = e;
		return;
	}
	{
		size_t e = flow_plain_end(t, f->i, len);
		if (e > f->i) {
			n->kind = Y_SCALAR;
			n->text = ystr(p, t + f->i, e - f->i);
			f->i = e;
		}
	}
}

/* One "key: value" of a flow mapping. */
static void fentry(yflow *f, ynode *map, size_t depth)
{
	yparser *p = f->p;
	const char *t = p->t, *key;
	size_t len = p->len;
	ynode *n;

	if (t[f->i] == '"' || t[f->i] == '\'') {
		aibom_str s = AIBOM_STR_INIT;
		if (!yquoted(p, &s, &f->i, &f->line, f->owner_col))
			f->broken = true;
		key = ystr_of(p, &s);
		aibom_str__free(&s);
	} else {
		size_t e = flow_plain_end(t, f->i, len);
		if (e == f->i)
			return;
		key = ystr(p, t + f->i, e - f->i);
		f->i = e;
	}
	if (key == NULL || f->broken)
		return;
	fskip(f);
	if (f->i >= len || t[f->i] != ':')
		return; /* a key alone ({a, b}): a null value, not kept */
	f->i++;
	if ((n = ynew(p, map, key)) != NULL)
		ffill(f, n, depth);
}

/* ---- YAML: block structure, line by line */

static bool is_item(const char *t, size_t k, size_t ce)
{
	return k < ce && t[k] == '-' && (k + 1 == ce || blank(t[k + 1]));
}

/* The end of a plain scalar on one line: before a " #" comment, trailing blanks trimmed. */
static size_t plain_end(const char *t, size_t j, size_t ce)
{
	size_t e = j;

	while (e < ce && !(t[e] == '#' && e > j && blank(t[e - 1])))
		e++;
	while (e > j && blank(t[e - 1]))
		e--;
	return e;
}

/* A mapping key at T[J] on this line ("key:", "key" :, 'it''s':); its text in *KEY and the
 * position after the ':' in *AFTER. False when the line holds no key. */
static bool ykey(yparser *p, size_t j, size_t ce, const char **key, size_t *after)
{
	const char *t = p->t;
	char c = t[j];
	size_t e;

	if (c == '"' || c == '\'') {
		aibom_str s = AIBOM_STR_INIT;
		size_t i = j + 1;
		bool closed = false;
		while (i < ce) {
			if (t[i] == c) {
				if (c == '\'' && i + 1 < ce && t[i + 1] == '\'') {
					aibom_str__putc(&s, '\'');
					i += 2;
					continue;
				}
				closed = true;
				break;
			}
			if (t[i] == '\\' && c == '"') {
				i = yescape(&s, t, i, ce);
				continue;
			}
			aibom_str__putc(&s, t[i++]);
		}
		if (closed) {
			i++;
			while (i < ce && blank(t[i]))
				i++;
			closed = i < ce && t[i] == ':';
		}
		if (closed) {
			*key = ystr_of(p, &s);
			*after = i + 1;
		} else if (s.failed) {
			yoom(p);
		}
		aibom_str__free(&s);
		return closed && *key != NULL;
	}
	if (c == '\0' || in_set(c, "[]{}&*!|>%@`,#?"))
		return false;
	for (e = j; e < ce; e++) {
		if (t[e] == ':' && (e + 1 == ce || blank(t[e + 1])))
			break;
		if (t[e] == '#' && e > j && blank(t[e - 1]))
			return false;
	}
	if (e >= ce)
		return false;
	*after = e + 1;
	while (e > j && blank(t[e - 1]))
		e--;
	if (e == j)
		return false;
	*key = ystr(p, t + j, e - j);
	return *key != NULL;
}

/* A block scalar (| or >) whose header is at T[J]; its lines follow. */
static void yblock(yparser *p, ynode *n, size_t j, size_t ce, size_t owner_col)
{
	const char *t = p->t;
	char style = t[j], chomp = 0;
	size_t indent = 0, k, i = after_line(t, p->len, j), blanks = 0;
	uint32_t line = p->line + 1, first = 0;
	bool any = false, prev_more = false;
	aibom_str s = AIBOM_STR_INIT;

	for (k = j + 1; k < ce && !blank(t[k]) && t[k] != '#'; k++) {
		if (t[k] == '-' || t[k] == '+')
			chomp = t[k];
		else if (t[k] >= '1' && t[k] <= '9')
			indent = owner_col + (size_t)(t[k] - '0');
	}
	while (i < p->len) {
		size_t le = line_end(t, p->len, i), lce = content_end(t, i, le), sp = 0;
		bool more;
		while (i + sp < lce && t[i + sp] == ' ')
			sp++;
		if (i + sp == lce) {
			blanks++;
			i = le < p->len ? le + 1 : p->len;
			line++;
			continue;
		}
		if (indent == 0) {
			if (sp <= owner_col)
				break;
			indent = sp;
		}
		if (sp < indent)
			break;
		more = sp > indent || t[i + indent] == '\t';
		if (!any) {
			first = line;
			while (blanks--)
				aibom_str__putc(&s, '\n');
		} else if (style == '|' || more || prev_more) {
			blanks++;
			while (blanks--)
				aibom_str__putc(&s, '\n');
		} else if (blanks) {
			while (blanks--)
				aibom_str__putc(&s, '\n');
		} else {
			aibom_str__putc(&s, ' ');
		}
		any = true;
		blanks = 0;
		prev_more = more;
		aibom_str__put(&s, t + i + indent, lce - i - indent);
		i = le < p->len ? le + 1 : p->len;
		line++;
	}
	if (any && chomp != '-') {
		aibom_str__putc(&s, '\n');
		if (chomp == '+')
			while (blanks--)
				aibom_str__putc(&s, '\n');
	}
	n->kind = Y_SCALAR;
	n->text = ystr_of(p, &s);
	n->line = any ? first : p->line;
	aibom_str__free(&s);
	p->next = i;
	p->next_line = line;
}

/* The value of N at T[J] on this line (after "key:" or "- "); OWNER_COL is the column of its
 * key or dash. */
static void yvalue(yparser *p, ynode *n, size_t j, size_t ce, size_t owner_col)
{
	const char *t = p->t;

	j = yprops(p, n, j, ce);
	n->line = p->line;
	if (j >= ce || t[j] == '#') {
		p->pending = n;
		p->pending_col = owner_col;
		return;
	}
	switch (t[j]) {
	case '*': {
		size_t e = j;
		while (e < ce && !blank(t[e]))
			e++;
		n->kind = Y_ALIAS;
		n->target = ylookup(p, t + j + 1, e - j - 1);
		return;
	}
	case '|':
	case '>':
		yblock(p, n, j, ce, owner_col);
		return;
	case '"':
	case '\'': {
		aibom_str s = AIBOM_STR_INIT;
		size_t pos = j;
		uint32_t line = p->line;
		bool closed = yquoted(p, &s, &pos, &line, owner_col);
		n->kind = Y_SCALAR;
		n->text = ystr_of(p, &s);
		aibom_str__free(&s);
		if (closed) {
			p->next = after_line(t, p->len, pos);
			p->next_line = line + 1;
		} else {
			p->next = pos;
			p->next_line = line;
		}
		return;
	}
	case '[':
	case '{': {
		yflow f = {p, j, p->line, owner_col, false};
		ffill(&f, n, p->depth + 1);
		if (f.broken || f.i >= p->len) {
			p->next = f.i;
			p->next_line = f.line;
		} else {
			p->next = after_line(t, p->len, f.i);
			p->next_line = f.line + 1;
		}
		return;
	}
	default:
		break;
	}
	n->kind = Y_SCALAR;
	n->text = ystr(p, t + j, plain_end(t, j, ce) - j);
	p->plain = n;
	p->plain_col = owner_col;
}

static void yentry(yparser *p, ynode *map, const char *key, size_t after, size_t ce, size_t col)
{
	ynode *n = ynew(p, map, key);

	if (n == NULL)
		return;
	while (after < ce && blank(p->t[after]))
		after++;
	yvalue(p, n, after, ce, col);
}

/* "- ..." at T[K], column COL, in the sequence on top of the stack. */
static void yitem(yparser *p, size_t k, size_t ce, size_t col)
{
	const char *t = p->t;

	for (;;) {
		ynode *n = ynew(p, p->stack[p->depth - 1].node, NULL);
		size_t j = k + 1, after;
		const char *key;

		if (n == NULL)
			return;
		while (j < ce && blank(t[j]))
			j++;
		j = yprops(p, n, j, ce); /* - &anchor key: value: on the item */
		if (is_item(t, j, ce)) {
			if (p->depth >= MAX_DEPTH)
				return;
			n->kind = Y_SEQ;
			ypush(p, n, col + (j - k));
			col += j - k;
			k = j;
			continue;
		}
		if (j < ce && t[j] != '#' && ykey(p, j, ce, &key, &after)) {
			if (p->depth >= MAX_DEPTH)
				return;
			n->kind = Y_MAP;
			ypush(p, n, col + (j - k));
			yentry(p, n, key, after, ce, col + (j - k));
			return;
		}
		yvalue(p, n, j, ce, col);
		return;
	}
}

/* One non-blank, non-comment line whose content starts at T[K], column COL. */
static void yline(yparser *p, size_t k, size_t ce, size_t col)
{
	const char *t = p->t;
	bool item = is_item(t, k, ce);
	ylevel *top;
	const char *key;
	size_t after;

	if (p->pending) { /* the first line under "key:" decides what it holds */
		ynode *n = p->pending;
		bool opens = col > p->pending_col || (col == p->pending_col && item && n->key != NULL);
		p->pending = NULL;
		if (opens && p->depth < MAX_DEPTH) {
			n->kind = item ? Y_SEQ : Y_MAP;
			ypush(p, n, col);
		}
	}
	while (p->depth > 1) {
		top = &p->stack[p->depth - 1];
		if (top->indent > col || (top->node->kind == Y_SEQ && top->indent == col && !item))
			p->depth--;
		else
			break;
	}
	if (p->depth == 0) {
		if ((p->root = ynew(p, NULL, NULL)) == NULL)
			return;
		p->root->kind = item ? Y_SEQ : Y_MAP;
		ypush(p, p->root, col);
	}
	top = &p->stack[p->depth - 1];
	if (col > top->indent) { /* not an entry here: a plain scalar's next line, or noise */
		if (p->plain && col > p->plain_col) {
			size_t e = plain_end(t, k, ce);
			if (!p->plain_folded) {
				aibom_str__clear(&p->plain_buf);
				aibom_str__puts(&p->plain_buf, p->plain->text ? p->plain->text : "");
				p->plain_folded = true;
			}
			if (e > k) {
				aibom_str__putc(&p->plain_buf, ' ');
				aibom_str__put(&p->plain_buf, t + k, e - k);
			}
		}
		return;
	}
	yplain_flush(p);
	if (top->node->kind == Y_SEQ) {
		if (item)
			yitem(p, k, ce, col);
	} else if (!item && ykey(p, k, ce, &key, &after)) {
		yentry(p, top->node, key, after, ce, col);
	}
}

/* ---- YAML: flattening */

enum { M_NONE, M_ROOT, M_SERVICES, M_SERVICE, M_ENV, M_ENV_MAYBE };

static const ynode *yresolve(const ynode *n)
{
	int hops = 0;

	while (n && n->kind == Y_ALIAS && hops++ < 16)
		n = n->target;
	return n && n->kind != Y_ALIAS ? n : NULL;
}

/* UPPER_SNAKE: what a Helm values "env:" mapping holds when it means variables. */
static bool env_name(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static int child_mode(int mode, const char *key)
{
	if (mode == M_ROOT && !strcmp(key, "services"))
		return M_SERVICES;
	if (mode == M_SERVICES)
		return M_SERVICE;
	if (mode == M_SERVICE && !strcmp(key, "environment"))
		return M_ENV;
	if (!strcmp(key, "env") || !strcmp(key, "extraEnv") || !strcmp(key, "extraEnvVars"))
		return M_ENV_MAYBE;
	return M_NONE;
}

static int yemit(yparser *p, const char *key, size_t klen, const ynode *v, bool env)
{
	const char *text = v->text ? v->text : "";
	return add_entry(p->out, key, klen, text, strlen(text), v->line, env);
}

/* A sequence item "NAME=value" of an environment list. */
static int yenv_assignment(yparser *p, const ynode *v, bool *done)
{
	const char *s = v->text ? v->text : "", *eq = strchr(s, '='), *c;

	*done = false;
	if (eq == NULL || eq == s || !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (c = s; c < eq; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		      in_set(*c, "_.-")))
			return 0;
	*done = true;
	return add_entry(p->out, s, (size_t)(eq - s), eq + 1, strlen(eq + 1), v->line, true);
}

/* A sequence item {name: X, value: Y} of a Kubernetes env list. */
static int yenv_item(yparser *p, const ynode *m, bool *done)
{
	const ynode *c, *name = NULL, *value = NULL;

	*done = false;
	for (c = m->child; c; c = c->next) {
		const ynode *r = yresolve(c);
		if (c->key == NULL || r == NULL || r->kind != Y_SCALAR || r->text == NULL)
			continue;
		if (!strcmp(c->key, "name"))
			name = r;
		else if (!strcmp(c->key, "value"))
			value = r;
	}
	if (name == NULL)
		return 0;
	*done = true;
	return value ? yemit(p, name->text, strlen(name->text), value, true) : 0;
}

static size_t ypath_key(yparser *p, const char *key)
{
	size_t old = p->path.size;
	if (old)
		aibom_str__putc(&p->path, '.');
	aibom_str__puts(&p->path, key);
	return old;
}

static size_t ypath_index(yparser *p, size_t i)
{
	size_t old = p->path.size;
	aibom_str__printf(&p->path, "[%zu]", i);
	return old;
}

static int ypath_pop(yparser *p, size_t old)
{
	if (p->path.failed) {
		aibom_error__oom();
		return -1;
	}
	p->path.size = old;
	if (p->path.ptr)
		p->path.ptr[old] = '\0';
	return 0;
}

static int ywalk(yparser *p, const ynode *n, int mode, size_t depth);
static int ywalk_map(yparser *p, const ynode *map, const ynode *over, int mode, size_t depth);
static int ywalk_seq(yparser *p, const ynode *seq, int mode, size_t depth);

/* Walk collection N unless it is already being walked (an alias pointing into its own
 * ancestors) or the walk is too deep. */
static int ywalk_collection(yparser *p, const ynode *n, const ynode *over, int mode, size_t depth)
{
	size_t i;
	int error;

	if (depth > MAX_DEPTH || p->nactive >= sizeof(p->active) / sizeof(p->active[0]))
		return 0;
	for (i = 0; i < p->nactive; i++)
		if (p->active[i] == n)
			return 0;
	p->active[p->nactive++] = n;
	error = n->kind == Y_MAP ? ywalk_map(p, n, over, mode, depth) : ywalk_seq(p, n, mode, depth);
	p->nactive--;
	return error;
}

static bool yhas_key(const ynode *map, const char *key)
{
	const ynode *c;
	size_t i = 0;

	for (c = map->child; c && i < MERGE_CHECK_MAX; c = c->next, i++)
		if (c->key && strcmp(c->key, "<<") != 0 && !strcmp(c->key, key))
			return true;
	return false;
}

/* The entries of MAP; OVER is the mapping whose explicit keys win over merged ones. */
static int ywalk_map(yparser *p, const ynode *map, const ynode *over, int mode, size_t depth)
{
	const ynode *c;
	int error = 0;

	for (c = map->child; c && error == 0; c = c->next) {
		const ynode *v;
		if (p->budget == 0 || depth > MAX_DEPTH)
			return 0;
		p->budget--;
		if (c->key == NULL || (v = yresolve(c)) == NULL)
			continue;
		if (!strcmp(c->key, "<<")) {
			const ynode *s, *m;
			if (v->kind == Y_MAP)
				error = ywalk_collection(p, v, over ? over : map, mode, depth + 1);
			else if (v->kind == Y_SEQ)
				for (s = v->child; s && error == 0; s = s->next)
					if ((m = yresolve(s)) != NULL && m->kind == Y_MAP)
						error = ywalk_collection(p, m, over ? over : map, mode, depth + 1);
			continue;
		}
		if (over && yhas_key(over, c->key))
			continue;
		if (mode == M_ENV || (mode == M_ENV_MAYBE && env_name(c->key))) {
			if (v->kind == Y_SCALAR)
				error = yemit(p, c->key, strlen(c->key), v, true);
			continue;
		}
		{
			size_t old = ypath_key(p, c->key);
			error = ywalk(p, v, child_mode(mode, c->key), depth + 1);
			if (ypath_pop(p, old) < 0)
				error = -1;
		}
	}
	return error;
}

static int ywalk_seq(yparser *p, const ynode *seq, int mode, size_t depth)
{
	const ynode *c;
	size_t i = 0;
	int error = 0;

	for (c = seq->child; c && error == 0; c = c->next, i++) {
		const ynode *v;
		bool done = false;
		if (p->budget == 0 || depth > MAX_DEPTH)
			return 0;
		p->budget--;
		if ((v = yresolve(c)) == NULL)
			continue;
		if (mode == M_ENV || mode == M_ENV_MAYBE) {
			if (v->kind == Y_SCALAR)
				error = yenv_assignment(p, v, &done);
			else if (v->kind == Y_MAP)
				error = yenv_item(p, v, &done);
			if (error < 0 || done || mode == M_ENV)
				continue;
		}
		{
			size_t old = ypath_index(p, i);
			error = ywalk(p, v, M_NONE, depth + 1);
			if (ypath_pop(p, old) < 0)
				error = -1;
		}
	}
	return error;
}

static int ywalk(yparser *p, const ynode *n, int mode, size_t depth)
{
	if (depth > MAX_DEPTH || (n = yresolve(n)) == NULL)
		return 0;
	switch (n->kind) {
	case Y_SCALAR:
		return yemit(p, aibom_str__cstr(&p->path), p->path.size, n, false);
	case Y_MAP:
	case Y_SEQ:
		return ywalk_collection(p, n, NULL, mode, depth);
	default:
		return 0;
	}
}

/* The end of a document: flatten it, then forget it. */
static int ydoc_end(yparser *p)
{
	int error = 0;

	yplain_flush(p);
	if (p->root && !p->oom) {
		p->budget = 2 * p->nodes + ALIAS_BUDGET;
		p->nactive = 0;
		aibom_str__clear(&p->path);
		error = ywalk(p, p->root, M_ROOT, 0);
	}
	aibom_arena__free(&p->arena);
	aibom_map__free(p->anchors);
	p->anchors = NULL;
	p->depth = 0;
	p->root = p->pending = p->plain = NULL;
	p->nodes = 0;
	return p->oom ? -1 : error;
}

static int parse_yaml(aibom_vec *out, const char *t, size_t len)
{
	yparser p;
	size_t i = skip_bom(t, len);
	uint32_t line = 1;
	int error = 0;

	memset(&p, 0, sizeof(p));
	p.t = t;
	p.len = len;
	p.out = out;
	while (i < len && !p.oom) {
		size_t e = line_end(t, len, i), ce = content_end(t, i, e), k = i;
		p.line = line;
		p.next = e < len ? e + 1 : len;
		p.next_line = line + 1;
		while (k < ce && blank(t[k]))
			k++;
		if (k < ce && t[k] != '#') {
			size_t col = k - i;
			if (col == 0 && ce - k >= 3 && (!memcmp(t + k, "---", 3) || !memcmp(t + k, "...", 3)) &&
			    (ce - k == 3 || blank(t[k + 3]))) {
				if ((error = ydoc_end(&p)) < 0)
					break;
			} else if (!(col == 0 && t[k] == '%')) {
				yline(&p, k, ce, col);
			}
		}
		if (p.next <= i) { /* never stand still */
			p.next = e < len ? e + 1 : len;
			p.next_line = line + 1;
		}
		i = p.next;
		line = p.next_line;
	}
	if (error == 0)
		error = ydoc_end(&p);
	aibom_arena__free(&p.arena);
	aibom_map__free(p.anchors);
	aibom_str__free(&p.path);
	aibom_str__free(&p.plain_buf);
	return p.oom ? -1 : error;
}

/* ---- JSON */

typedef struct {
	size_t off;    /* where the value starts */
	uint32_t line;
	size_t end;    /* index of the first value after this one and everything inside it */
} jpos;

typedef struct {
	size_t index; /* of the container in the jpos list */
	char kind;    /* 'o' or 'a' */
} jopen;

/* Blank out what cJSON does not accept but appsettings.json may hold: a BOM, // and block
 * comments, trailing commas. Line breaks stay where they are. */
static void json_sanitize(char *s, size_t len)
{
	size_t i = skip_bom(s, len);

	memset(s, ' ', i);
	for (; i < len; i++) {
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == '/' && i + 1 < len && s[i + 1] == '/') {
			while (i < len && s[i] != '\n')
				s[i++] = ' ';
		} else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
			s[i] = s[i + 1] = ' ';
			for (i += 2; i < len && !(s[i] == '*' && i + 1 < len && s[i + 1] == '/'); i++)
				if (s[i] != '\n')
					s[i] = ' ';
			if (i < len)
				s[i] = s[i + 1] = ' ';
			i++;
		}
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == ',') {
			size_t j = i + 1;
			while (j < len && (unsigned char)s[j] <= 32)
				j++;
			if (j < len && (s[j] == '}' || s[j] == ']'))
				s[i] = ' ';
		}
	}
}

/* Where each value starts, in document order - the order of a pre-order walk of cJSON's tree. */
static int json_positions(aibom_vec *pos, const char *s, size_t len)
{
	enum { VALUE, VALUE_OR_CLOSE, KEY_OR_CLOSE, KEY, COLON, AFTER } st = VALUE;
	aibom_vec open = AIBOM_VEC_INIT(jopen);
	size_t i = 0;
	uint32_t line = 1;
	int error = 0;

	while (i < len && error == 0) {
		char c = s[i];
		jpos *v;
		jopen *o;
		if ((unsigned char)c <= 32) {
			line += c == '\n';
			i++;
			continue;
		}
		if ((st == VALUE_OR_CLOSE && c == ']') || (st == KEY_OR_CLOSE && c == '}') ||
		    (st == AFTER && (c == ']' || c == '}'))) {
			if (open.count == 0)
				break;
			o = aibom_vec__at(&open, jopen, --open.count);
			aibom_vec__at(pos, jpos, o->index)->end = pos->count;
			i++;
			st = AFTER;
			continue;
		}
		switch (st) {
		case VALUE:
		case VALUE_OR_CLOSE:
			if ((v = aibom_vec__push(pos)) == NULL) {
				error = -1;
				break;
			}
			v->off = i;
			v->line = line;
			v->end = pos->count;
			if (c == '{' || c == '[') {
				if ((o = aibom_vec__push(&open)) == NULL) {
					error = -1;
					break;
				}
				o->index = pos->count - 1;
				o->kind = c == '{' ? 'o' : 'a';
				st = c == '{' ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
				i++;
			} else if (c == '"') {
				for (i++; i < len && s[i] != '"'; i++)
					if (s[i] == '\\')
						i++;
				i++;
				st = AFTER;
			} else {
				while (i < len && (unsigned char)s[i] > 32 && !in_set(s[i], ",]}"))
					i++;
				st = AFTER;
			}
			break;
		case KEY_OR_CLOSE:
		case KEY:
			if (c != '"')
				goto done;
			for (i++; i < len && s[i] != '"'; i++) {
				if (s[i] == '\\')
					i++;
				else if (s[i] == '\n')
					line++;
			}
			i++;
			st = COLON;
			break;
		case COLON:
			if (c != ':')
				goto done;
			i++;
			st = VALUE;
			break;
		case AFTER:
			if (open.count == 0 || c != ',')
				goto done;
			st = aibom_vec__at(&open, jopen, open.count - 1)->kind == 'o' ? KEY : VALUE;
			i++;
			break;
		}
	}
done:
	aibom_vec__free(&open);
	return error;
}

typedef struct {
	aibom_vec *out;
	const char *text;
	const aibom_vec *pos;
	size_t k; /* the next jpos, (size_t)-1 once lost */
	aibom_str path;
} jwalk;

static int jwalk_item(jwalk *w, const cJSON *item, size_t depth)
{
	const jpos *at = w->k < w->pos->count ? aibom_vec__at(w->pos, jpos, w->k) : NULL;
	uint32_t line = at ? at->line : 1;
	char number[64];
	const char *value;
	size_t vlen;

	if (w->k != (size_t)-1)
		w->k++;
	if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
		const cJSON *c;
		size_t i = 0;
		if (depth >= MAX_DEPTH) { /* skipped, with everything inside */
			w->k = at && at->end >= w->k ? at->end : (size_t)-1;
			return 0;
		}
		for (c = item->child; c; c = c->next, i++) {
			size_t old = w->path.size;
			int error;
			if (cJSON_IsArray(item)) {
				aibom_str__printf(&w->path, "[%zu]", i);
			} else {
				if (old)
					aibom_str__putc(&w->path, '.');
				aibom_str__puts(&w->path, c->string ? c->string : "");
			}
			error = w->path.failed ? -1 : jwalk_item(w, c, depth + 1);
			if (w->path.failed) {
				aibom_error__oom();
				return -1;
			}
			w->path.size = old;
			if (w->path.ptr)
				w->path.ptr[old] = '\0';
			if (error < 0)
				return error;
		}
		return 0;
	}
	if (cJSON_IsString(item) && item->valuestring) {
		value = item->valuestring;
		vlen = strlen(value);
	} else if (cJSON_IsNumber(item)) {
		if (at && (w->text[at->off] == '-' || (w->text[at->off] >= '0' && w->text[at->off] <= '9'))) {
			value = w->text + at->off;
			for (vlen = 0; in_set(value[vlen], "+-0123456789.eE"); vlen++)
				;
		} else {
			snprintf(number, sizeof(number), "%.17g", item->valuedouble);
			value = number;
			vlen = strlen(number);
		}
	} else if (cJSON_IsTrue(item)) {
		value = "true";
		vlen = 4;
	} else if (cJSON_IsFalse(item)) {
		value = "false";
		vlen = 5;
	} else {
		return 0; /* null */
	}
	return add_entry(w->out, aibom_str__cstr(&w->path), w->path.size, value, vlen, line, false);
}

static int parse_json(aibom_vec *out, const char *text, size_t len)
{
	aibom_vec pos = AIBOM_VEC_INIT(jpos);
	jwalk w = {out, NULL, &pos, 0, AIBOM_STR_INIT};
	cJSON *root = NULL;
	char *copy = aibom__strndup(text, len);
	int error = 0;

	if (copy == NULL)
		return -1;
	json_sanitize(copy, len);
	w.text = copy;
	if ((root = cJSON_ParseWithLength(copy, len)) == NULL)
		goto done; /* not JSON (or cJSON ran out of memory: it cannot tell us which) */
	if ((error = json_positions(&pos, copy, len)) < 0)
		goto done;
	error = jwalk_item(&w, root, 0);
done:
	cJSON_Delete(root);
	aibom_str__free(&w.path);
	aibom_vec__free(&pos);
	free(copy);
	return error;
}

/* ---- entry points */

int aibom_config__parse(aibom_vec *out, const char *file_name, const char *text, size_t len)
{
	const char *n = file_name ? base_name(file_name) : "";
	format f = format_by_name(n);

	if (text == NULL)
		return 0;
	if (f == F_NONE)
		f = is_yaml_name(n) ? F_YAML : ci_suffix(n, ".json") ? F_JSON : F_NONE;
	switch (f) {
	case F_DOTENV:
		return parse_dotenv(out, text, len);
	case F_PROPERTIES:
		return parse_properties(out, text, len);
	case F_YAML:
		return parse_yaml(out, text, len);
	case F_JSON:
		return parse_json(out, text, len);
	case F_DOCKERFILE:
		return parse_dockerfile(out, text, len);
	default:
		return 0;
	}
}

int aibom_config__placeholder(const char *value, char **name, char **fallback)
{
	const char *s = value, *e, *body, *close, *colon = NULL, *def = NULL, *ne;
	int depth = 0;

	*name = *fallback = NULL;
	if (value == NULL)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	if (e - s < 2 || s[0] != '$')
		return 0;
	if (s[1] != '{') { /* $NAME */
		const char *c = s + 1;
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || *c == '_'))
			return 0;
		for (; c < e; c++)
			if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
				return 0;
		return (*name = aibom__strndup(s + 1, (size_t)(e - s - 1))) ? 1 : -1;
	}
	body = s + 2;
	for (close = body; close < e; close++) {
		if (*close == '{')
			depth++;
		else if (*close == '}' && depth-- == 0)
			break;
		else if (*close == ':' && depth == 0 && colon == NULL)
			colon = close;
	}
	if (close != e - 1) /* unclosed, or text after the placeholder */
		return 0;
	ne = colon ? colon : close;
	while (body < ne && (*body == ' ' || *body == '\t'))
		body++;
	while (ne > body && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	if (ne == body || memchr(body, '$', (size_t)(ne - body)) || memchr(body, '{', (size_t)(ne - body)))
		return 0;
	if (colon) {
		def = colon + 1;
		if (*def == '-' || *def == '=')
			def++;
		else if (*def == '?' || *def == '+')
			def = NULL;
	}
	if ((*name = aibom__strndup(body, (size_t)(ne - body))) == NULL)
		return -1;
	if (def && (*fallback = aibom__strndup(def, (size_t)(close - def))) == NULL) {
		free(*name);
		*name = NULL;
		return -1;
	}
	return 1;
}

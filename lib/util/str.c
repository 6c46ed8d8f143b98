/*
 * str.c - growable strings and buffers, arrays, and small string predicates.
 *
 * An aibom_str records a failed allocation instead of returning it from every append, so long
 * chains of appends check once, at aibom_str__detach() time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void aibom_buf_dispose(aibom_buf *buf)
{
	if (buf == NULL)
		return;
	free(buf->ptr);
	buf->ptr = NULL;
	buf->size = 0;
}

void aibom_str__grow(aibom_str *s, size_t extra)
{
	size_t need, n;
	char *p;

	if (s->failed)
		return;
	need = s->size + extra + 1;
	if (need <= s->asize)
		return;
	n = s->asize ? s->asize : 64;
	while (n < need)
		n *= 2;
	p = realloc(s->ptr, n);
	if (p == NULL) {
		s->failed = true;
		return;
	}
	s->ptr = p;
	s->asize = n;
}

void aibom_str__put(aibom_str *s, const char *data, size_t len)
{
	aibom_str__grow(s, len);
	if (s->failed)
		return;
	if (len)
		memcpy(s->ptr + s->size, data, len);
	s->size += len;
	s->ptr[s->size] = '\0';
}

void aibom_str__puts(aibom_str *s, const char *text)
{
	aibom_str__put(s, text, strlen(text));
}

void aibom_str__putc(aibom_str *s, char c)
{
	aibom_str__put(s, &c, 1);
}

void aibom_str__printf(aibom_str *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		s->failed = true;
		return;
	}
	aibom_str__grow(s, (size_t)n);
	if (s->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(s->ptr + s->size, (size_t)n + 1, fmt, ap);
	va_end(ap);
	s->size += (size_t)n;
}

void aibom_str__clear(aibom_str *s)
{
	s->size = 0;
	if (s->ptr)
		s->ptr[0] = '\0';
}

void aibom_str__free(aibom_str *s)
{
	free(s->ptr);
	s->ptr = NULL;
	s->size = s->asize = 0;
	s->failed = false;
}

const char *aibom_str__cstr(aibom_str *s)
{
	return s->ptr && !s->failed ? s->ptr : "";
}

int aibom_str__detach(aibom_buf *out, aibom_str *s)
{
	if (s->failed) {
		aibom_str__free(s);
		aibom_error__oom();
		return -1;
	}
	if (s->ptr == NULL)
		aibom_str__grow(s, 0);
	if (s->failed) {
		aibom_error__oom();
		return -1;
	}
	s->ptr[s->size] = '\0';
	out->ptr = s->ptr;
	out->size = s->size;
	s->ptr = NULL;
	s->size = s->asize = 0;
	return 0;
}

void *aibom_vec__push(aibom_vec *v)
{
	char *slot;

	if (v->count == v->alloc) {
		size_t n = v->alloc ? v->alloc * 2 : 16;
		void *p = realloc(v->items, n * v->item_size);
		if (p == NULL) {
			aibom_error__oom();
			return NULL;
		}
		v->items = p;
		v->alloc = n;
	}
	slot = (char *)v->items + v->count * v->item_size;
	memset(slot, 0, v->item_size);
	v->count++;
	return slot;
}

void aibom_vec__free(aibom_vec *v)
{
	free(v->items);
	v->items = NULL;
	v->count = v->alloc = 0;
}

/* The end of the parenthesised segment starting at T ('('), quotes respected; NULL if open. */
static const char *close_paren(const char *t)
{
	int depth = 0;
	char q = 0;

	for (; *t; t++) {
		if (q) {
			if (*t == q)
				q = 0;
		} else if (*t == '\'' || *t == '"') {
			q = *t;
		} else if (*t == '(') {
			depth++;
		} else if (*t == ')' && --depth == 0) {
			return t;
		}
	}
	return NULL;
}

bool aibom__glob(const char *p, const char *t)
{
	const char *star = NULL, *resume = NULL;

	/* Iterative wildcard match with a single backtrack point: linear in practice. "()" in the
	 * pattern matches any call segment of the text, "()" or "('literal')". */
	while (*t) {
		const char *end;
		if (*p == '*') {
			star = p++;
			resume = t;
		} else if (p[0] == '(' && p[1] == ')' && *t == '(' && (end = close_paren(t)) != NULL) {
			p += 2;
			t = end + 1;
		} else if (*p == *t) {
			p++;
			t++;
		} else if (star) {
			p = star + 1;
			t = ++resume;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

bool aibom__has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

bool aibom__has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

char *aibom__strdup(const char *s)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	p = malloc(n);
	if (p == NULL) {
		aibom_error__oom();
		return NULL;
	}
	memcpy(p, s, n);
	return p;
}

bool aibom__utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (i + n >= len)
			return false;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

char *aibom__strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p == NULL) {
		aibom_error__oom();
		return NULL;
	}
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

bool aibom__glob_any(const char *const *patterns, size_t n, const char *text)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (aibom__glob(patterns[i], text))
			return true;
	return false;
}

/*
 * util.h - small pieces every part of the library shares: errors, growable strings, an arena,
 * growable arrays and a string hash map. Internal; nothing here is exported.
 */
#ifndef AIBOM_UTIL_H
#define AIBOM_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aibom.h"

/* ---- errors (error.c): thread-local, formatted, never NULL */
void aibom_error__set(int klass, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void aibom_error__oom(void);
/* Append ": <current message>" prefixed by a context, keeping the class. */
void aibom_error__prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- growable string (str.c) */
typedef struct {
	char *ptr;
	size_t size;
	size_t asize;
	bool failed; /* an allocation failed; every later append is ignored */
} aibom_str;

#define AIBOM_STR_INIT {NULL, 0, 0, false}
void aibom_str__grow(aibom_str *s, size_t extra);
void aibom_str__put(aibom_str *s, const char *data, size_t len);
void aibom_str__puts(aibom_str *s, const char *text);
void aibom_str__putc(aibom_str *s, char c);
void aibom_str__printf(aibom_str *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void aibom_str__clear(aibom_str *s);
void aibom_str__free(aibom_str *s);
/* Hand the text over as an aibom_buf; returns -1 (error set) if an append had failed. */
int aibom_str__detach(aibom_buf *out, aibom_str *s);
const char *aibom_str__cstr(aibom_str *s); /* "" when empty */

/* ---- arena (arena.c): many small allocations freed at once */
typedef struct aibom_arena_block aibom_arena_block;
typedef struct {
	aibom_arena_block *head;
	bool failed;
} aibom_arena;

void *aibom_arena__alloc(aibom_arena *a, size_t size);            /* zeroed */
char *aibom_arena__strndup(aibom_arena *a, const char *s, size_t n);
char *aibom_arena__strdup(aibom_arena *a, const char *s);
char *aibom_arena__printf(aibom_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void aibom_arena__free(aibom_arena *a);

/* ---- growable array of fixed-size items */
typedef struct {
	void *items;
	size_t count;
	size_t alloc;
	size_t item_size;
} aibom_vec;

#define AIBOM_VEC_INIT(type) {NULL, 0, 0, sizeof(type)}
void *aibom_vec__push(aibom_vec *v);  /* zeroed new slot, or NULL (error set) */
void aibom_vec__free(aibom_vec *v);
#define aibom_vec__at(v, type, i) (&((type *)(v)->items)[i])

/* ---- string -> pointer hash map (map.c); keys are copied */
typedef struct aibom_map aibom_map;
aibom_map *aibom_map__new(void);
int aibom_map__set(aibom_map *m, const char *key, void *value); /* replaces */
void *aibom_map__get(const aibom_map *m, const char *key);
void aibom_map__free(aibom_map *m);

/* ---- misc (str.c) */
bool aibom__glob(const char *pattern, const char *text); /* '*' matches any run, dots included */
/* TEXT matches one of the N patterns */
bool aibom__glob_any(const char *const *patterns, size_t n, const char *text);
bool aibom__has_suffix(const char *s, const char *suffix);
bool aibom__has_prefix(const char *s, const char *prefix);
char *aibom__strdup(const char *s);
/* N bytes of S as a string (malloc'd; NULL with the error set when out of memory) */
char *aibom__strndup(const char *s, size_t n);
bool aibom__utf8_valid(const char *s, size_t len);

#endif

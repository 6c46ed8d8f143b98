/*
 * pickle.c - opcode-level analysis of pickle streams, the heart of the inspector.
 *
 * Loading a pickle runs every REDUCE, BUILD, INST, OBJ and NEWOBJ it contains, on whatever global
 * its GLOBAL, INST or STACK_GLOBAL opcodes import. This file never loads anything: it decodes
 * every opcode of protocols 0 to 5 and simulates the unpickler's stack, mark stack and memo with
 * inert values, so that a STACK_GLOBAL whose operands were stored with MEMOIZE / PUT and fetched
 * with GET / DUP still resolves to the real module.name, and applies the Python 2 name mapping
 * the unpickler applies below protocol 3. Each import is recorded with its offset and judged with
 * the knowledge file. It reads several pickles in one stream (legacy torch.save writes five),
 * skips the raw array bytes joblib writes between opcodes (and reads the pickles of its object
 * arrays), keeps going past a FRAME whose length runs past the data, and reports a stream that
 * ends early or holds an unknown opcode as malformed, keeping what it found before.
 *
 * Memory is bounded: values are capped in number, containers keep their first items only, and
 * every length is checked against the bytes present before it is used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

#define MAX_VALUES (4u << 20)
#define MAX_ITEMS 256         /* items kept per container (pairs count twice) */
#define MAX_STACK (16u << 20)
#define MAX_MEMO (8u << 20)
#define MAX_NAME 1000
#define MAX_NESTED_PICKLES 8  /* joblib object arrays inside object arrays */

typedef enum {
	V_OTHER, V_MARK, V_NONE, V_BOOL, V_INT, V_FLOAT, V_STR, V_BYTES, V_TUPLE, V_LIST, V_DICT, V_SET,
	V_GLOBAL, V_OBJ, V_PERSID
} vkind;

typedef struct value value;
struct value {
	vkind kind;
	bool big;            /* V_INT that does not fit */
	int64_t i;
	const char *s;       /* V_STR / V_BYTES; not NUL-terminated */
	size_t slen;
	value **items;       /* containers: first MAX_ITEMS items (dict: key, value, ...) */
	uint32_t n, cap;
	const char *module;  /* V_GLOBAL */
	const char *name;
	value *callee, *args, *state; /* V_OBJ */
};

typedef struct {
	uint64_t key; /* key + 1; 0 is empty */
	value *v;
} memo_slot;

typedef struct {
	aibom_artifact_ctx *ctx; /* NULL in a dry run: nothing is recorded */
	const unsigned char *d;
	size_t len, pos;
	aibom_arena *arena;
	size_t nvalues;
	value **stack;
	size_t sp, scap;
	size_t *marks;
	size_t nmarks, mcap;
	memo_slot *memo;
	size_t memo_count, memo_cap;
	int proto;
	unsigned nesting;
	aibom_pickle_summary *sum;
	bool failed;      /* a malformation stopped or flawed this pickle */
	bool oom;
	unsigned imports; /* globals seen (dry runs count them too) */
	value other;      /* shared inert value */
} pk;

/* ------------------------------------------------------------------ values, stack, memo */

static void malformed(pk *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void malformed(pk *p, const char *fmt, ...)
{
	char text[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (!p->failed && p->ctx)
		aibom_artifact__judge(p->ctx, AIBOM_VERDICT_MALFORMED, "%s", text);
	p->failed = true;
}

static value *new_value(pk *p, vkind kind)
{
	value *v;

	if (p->nvalues >= MAX_VALUES)
		return &p->other;
	if ((v = aibom_arena__alloc(p->arena, sizeof(*v))) == NULL) {
		p->oom = true;
		return &p->other;
	}
	p->nvalues++;
	v->kind = kind;
	return v;
}

static void add_item(pk *p, value *c, value *item)
{
	if (c->kind != V_TUPLE && c->kind != V_LIST && c->kind != V_DICT && c->kind != V_SET)
		return;
	if (c->n >= MAX_ITEMS)
		return;
	if (c->n == c->cap) {
		uint32_t cap = c->cap ? c->cap * 2 : 4;
		value **items = aibom_arena__alloc(p->arena, sizeof(value *) * cap);
		if (items == NULL) {
			p->oom = true;
			return;
		}
		if (c->n)
			memcpy(items, c->items, sizeof(value *) * c->n);
		c->items = items;
		c->cap = cap;
	}
	c->items[c->n++] = item;
}

static size_t stack_floor(const pk *p)
{
	return p->nmarks ? p->marks[p->nmarks - 1] : 0;
}

static void push(pk *p, value *v)
{
	if (p->sp == p->scap) {
		size_t cap = p->scap ? p->scap * 2 : 64;
		value **s;
		if (cap > MAX_STACK) {
			malformed(p, "pickle stack deeper than %u at offset %zu", MAX_STACK, p->pos);
			return;
		}
		if ((s = realloc(p->stack, cap * sizeof(*s))) == NULL) {
			p->oom = true;
			return;
		}
		p->stack = s;
		p->scap = cap;
	}
	p->stack[p->sp++] = v;
}

static value *pop(pk *p, size_t at)
{
	if (p->sp <= stack_floor(p)) {
		malformed(p, "pickle stack underflow at offset %zu", at);
		return &p->other;
	}
	return p->stack[--p->sp];
}

static value *top(pk *p, size_t at)
{
	if (p->sp <= stack_floor(p)) {
		malformed(p, "pickle stack underflow at offset %zu", at);
		return &p->other;
	}
	return p->stack[p->sp - 1];
}

static void mark(pk *p)
{
	if (p->nmarks == p->mcap) {
		size_t cap = p->mcap ? p->mcap * 2 : 16;
		size_t *m;
		if (cap > MAX_STACK) {
			malformed(p, "too many marks at offset %zu", p->pos);
			return;
		}
		if ((m = realloc(p->marks, cap * sizeof(*m))) == NULL) {
			p->oom = true;
			return;
		}
		p->marks = m;
		p->mcap = cap;
	}
	p->marks[p->nmarks++] = p->sp;
}

/* Pop to the last mark: *items points into the stack (valid until the next push). */
static size_t pop_mark(pk *p, value ***items, size_t at)
{
	size_t m, n;

	if (p->nmarks == 0) {
		malformed(p, "pickle opcode needs a MARK at offset %zu", at);
		*items = NULL;
		return 0;
	}
	m = p->marks[--p->nmarks];
	n = p->sp - m;
	*items = n ? p->stack + m : NULL;
	p->sp = m;
	return n;
}

static memo_slot *memo_find(pk *p, uint64_t key, bool insert)
{
	size_t mask, k;

	if (p->memo_cap == 0 || (insert && (p->memo_count + 1) * 2 > p->memo_cap)) {
		size_t cap = p->memo_cap ? p->memo_cap * 2 : 64, j;
		memo_slot *slots;
		if (!insert)
			return NULL;
		if (p->memo_count >= MAX_MEMO) {
			malformed(p, "pickle memo larger than %u entries", MAX_MEMO);
			return NULL;
		}
		if ((slots = calloc(cap, sizeof(*slots))) == NULL) {
			p->oom = true;
			return NULL;
		}
		for (j = 0; j < p->memo_cap; j++) {
			if (p->memo[j].key) {
				size_t h = (size_t)(p->memo[j].key * 0x9E3779B97F4A7C15ull) & (cap - 1);
				while (slots[h].key)
					h = (h + 1) & (cap - 1);
				slots[h] = p->memo[j];
			}
		}
		free(p->memo);
		p->memo = slots;
		p->memo_cap = cap;
	}
	mask = p->memo_cap - 1;
	k = (size_t)((key + 1) * 0x9E3779B97F4A7C15ull) & mask;
	while (p->memo[k].key) {
		if (p->memo[k].key == key + 1)
			return &p->memo[k];
		k = (k + 1) & mask;
	}
	if (!insert)
		return NULL;
	p->memo[k].key = key + 1;
	p->memo_count++;
	return &p->memo[k];
}

static void memo_put(pk *p, uint64_t key, size_t at)
{
	value *v = top(p, at);
	memo_slot *s = memo_find(p, key, true);

	if (s)
		s->v = v;
}

static void memo_get(pk *p, uint64_t key, size_t at)
{
	memo_slot *s = memo_find(p, key, false);

	if (s == NULL) {
		malformed(p, "memo key %llu read before it was written at offset %zu", (unsigned long long)key, at);
		push(p, &p->other);
		return;
	}
	push(p, s->v);
}

/* ------------------------------------------------------------------ reading arguments */

static bool need(pk *p, size_t n, size_t at)
{
	if (n > p->len - p->pos) {
		malformed(p, "pickle truncated: opcode at offset %zu needs %zu bytes, %zu remain", at, n, p->len - p->pos);
		return false;
	}
	return true;
}

static uint64_t le(const unsigned char *s, size_t n)
{
	uint64_t v = 0;
	size_t k;

	for (k = n; k-- > 0;)
		v = (v << 8) | s[k];
	return v;
}

/* A newline-terminated argument: the bytes before the newline. */
static bool read_line(pk *p, const unsigned char **line, size_t *n, size_t at)
{
	const unsigned char *nl = memchr(p->d + p->pos, '\n', p->len - p->pos);

	if (nl == NULL) {
		malformed(p, "pickle truncated: opcode at offset %zu has no end of line", at);
		return false;
	}
	*line = p->d + p->pos;
	*n = (size_t)(nl - *line);
	p->pos += *n + 1;
	return true;
}

static bool parse_decimal(const unsigned char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t k = 0;

	while (k < n && (s[k] == ' ' || s[k] == '\r'))
		k++;
	if (k == n)
		return false;
	for (; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
		if (v > (UINT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (s[k] - '0');
	}
	while (k < n && (s[k] == 'L' || s[k] == '\r' || s[k] == ' '))
		k++;
	*out = v;
	return k == n;
}

static void put_utf8(char *out, size_t *o, uint32_t cp)
{
	if (cp < 0x80) {
		out[(*o)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*o)++] = (char)(0xC0 | (cp >> 6));
		out[(*o)++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out[(*o)++] = (char)(0xE0 | (cp >> 12));
		out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*o)++] = (char)(0x80 | (cp & 0x3F));
	} else {
		out[(*o)++] = (char)(0xF0 | (cp >> 18));
		out[(*o)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*o)++] = (char)(0x80 | (cp & 0x3F));
	}
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Decode the escapes of a STRING ('S', Python string-escape) or UNICODE ('V', raw-unicode-escape)
 * argument into the arena, so that "o\x73" and "\u006fs" are both "os". */
static value *decoded_string(pk *p, const unsigned char *s, size_t n, bool raw_unicode)
{
	value *v = new_value(p, V_STR);
	char *out;
	size_t k = 0, o = 0;

	if (v == &p->other)
		return v;
	if ((out = aibom_arena__alloc(p->arena, n * 4 + 1)) == NULL) {
		p->oom = true;
		return &p->other;
	}
	while (k < n) {
		unsigned char c = s[k];
		if (c == '\\' && k + 1 < n) {
			unsigned char e = s[k + 1];
			size_t digits = e == 'u' ? 4 : e == 'U' ? 8 : e == 'x' && !raw_unicode ? 2 : 0, j;
			uint32_t cp = 0;
			if (digits && k + 2 + digits <= n) {
				for (j = 0; j < digits && hexval(s[k + 2 + j]) >= 0; j++)
					cp = cp * 16 + (uint32_t)hexval(s[k + 2 + j]);
				if (j == digits && cp <= 0x10FFFF) {
					if (e == 'x' || (cp >= 0xD800 && cp <= 0xDFFF))
						out[o++] = (char)(cp & 0xFF);
					else
						put_utf8(out, &o, cp);
					k += 2 + digits;
					continue;
				}
			}
			if (!raw_unicode) {
				const char *map = "n\nt\tr\r\\\\''\"\"0\0a\ab\bf\fv\v";
				const char *m = strchr(map, e);
				if (m && ((m - map) % 2) == 0) {
					out[o++] = m[1];
					k += 2;
					continue;
				}
			}
		}
		if (raw_unicode && c >= 0x80)
			put_utf8(out, &o, c); /* latin-1 */
		else
			out[o++] = (char)c;
		k++;
	}
	out[o] = '\0';
	v->s = out;
	v->slen = o;
	return v;
}

static value *string_value(pk *p, vkind kind, const unsigned char *s, size_t n)
{
	value *v = new_value(p, kind);

	if (v != &p->other) {
		v->s = (const char *)s;
		v->slen = n;
	}
	return v;
}

static value *int_value(pk *p, int64_t i, bool big)
{
	value *v = new_value(p, V_INT);

	if (v != &p->other) {
		v->i = i;
		v->big = big;
	}
	return v;
}

/* ------------------------------------------------------------------ globals */

/* A printable, length-capped, NUL-free copy of an identifier from the file. */
static char *clean_name(pk *p, const char *s, size_t n)
{
	char *out;
	size_t k;
	bool cut = n > MAX_NAME;

	if (cut)
		n = MAX_NAME;
	if ((out = aibom_arena__alloc(p->arena, n + 4)) == NULL) {
		p->oom = true;
		return NULL;
	}
	for (k = 0; k < n; k++)
		out[k] = s[k] == '\0' ? '?' : s[k];
	out[n] = '\0';
	if (!aibom__utf8_valid(out, n))
		for (k = 0; k < n; k++)
			if ((unsigned char)out[k] >= 0x80)
				out[k] = '?';
	if (cut)
		memcpy(out + n, "...", 4);
	return out;
}

static bool is_identifier_path(const char *s)
{
	const char *c;

	if (!*s)
		return false;
	for (c = s; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_' ||
		      *c == '.'))
			return false;
	return true;
}

/* The unpickler's find_class: map Python 2 names below protocol 3, record, push the global. */
static void global(pk *p, const char *ms, size_t mn, const char *ns, size_t nn, size_t at)
{
	char *module = clean_name(p, ms, mn), *name = clean_name(p, ns, nn);
	char mapped_m[512], mapped_n[512];
	value *v;

	if (module == NULL || name == NULL)
		return;
	p->imports++;
	if (p->sum && (strstr(module, "joblib") != NULL))
		p->sum->joblib = true;
	if (p->ctx) {
		int klass = aibom_artifact__classify(p->ctx->globals, module, name);
		if (p->proto < 3 && aibom_artifact__py2_map(p->ctx->globals, module, name, mapped_m, sizeof(mapped_m),
		    mapped_n, sizeof(mapped_n))) {
			int mapped = aibom_artifact__classify(p->ctx->globals, mapped_m, mapped_n);
			klass = klass > 0 || mapped > 0 ? 1 : mapped;
			if ((module = aibom_arena__strdup(p->arena, mapped_m)) == NULL ||
			    (name = aibom_arena__strdup(p->arena, mapped_n)) == NULL) {
				p->oom = true;
				return;
			}
		}
		if (!is_identifier_path(module) || !is_identifier_path(name)) {
			if (klass == 0)
				klass = -1;
		}
		aibom_artifact__import_as(p->ctx, module, name, at, klass);
	}
	v = new_value(p, V_GLOBAL);
	if (v != &p->other) {
		v->module = module;
		v->name = name;
	}
	push(p, v);
}

static value *obj_value(pk *p, value *callee, value *args)
{
	value *v = new_value(p, V_OBJ);

	if (v != &p->other) {
		v->callee = callee;
		v->args = args;
	}
	return v;
}

static value *tuple_of(pk *p, value **items, size_t n)
{
	value *t = new_value(p, V_TUPLE);
	size_t k;

	for (k = 0; k < n; k++)
		add_item(p, t, items[k]);
	return t;
}

/* ------------------------------------------------------------------ joblib arrays */

static const value *dict_get(const value *d, const char *key)
{
	uint32_t k;

	if (d == NULL || d->kind != V_DICT)
		return NULL;
	for (k = 0; k + 1 < d->n; k += 2) {
		const value *kv = d->items[k];
		if (kv->kind == V_STR && kv->slen == strlen(key) && memcmp(kv->s, key, kv->slen) == 0)
			return d->items[k + 1];
	}
	return NULL;
}

/* Item size and object-ness of a pickled numpy.dtype: numpy.dtype(descr, align, copy) + BUILD
 * (version, byteorder, subarray, names, fields, elsize, alignment, flags). */
static bool dtype_info(const value *dt, uint64_t *itemsize, bool *hasobject)
{
	const value *descr;
	const char *s;
	size_t n, k = 0;
	uint64_t digits = 0;
	bool have_digits = false;

	if (dt == NULL || dt->kind != V_OBJ || dt->args == NULL || dt->args->kind != V_TUPLE || dt->args->n < 1)
		return false;
	descr = dt->args->items[0];
	if (descr->kind != V_STR || descr->slen == 0)
		return false;
	s = descr->s;
	n = descr->slen;
	if (s[0] == '<' || s[0] == '>' || s[0] == '|' || s[0] == '=')
		k++;
	if (k >= n)
		return false;
	*hasobject = s[k] == 'O';
	*itemsize = 0;
	for (size_t j = k + 1; j < n && s[j] >= '0' && s[j] <= '9' && digits < 1000000; j++) {
		digits = digits * 10 + (uint64_t)(s[j] - '0');
		have_digits = true;
	}
	if (dt->state && dt->state->kind == V_TUPLE && dt->state->n >= 8) {
		const value *elsize = dt->state->items[5], *flags = dt->state->items[7];
		if (elsize->kind == V_INT && elsize->i > 0)
			*itemsize = (uint64_t)elsize->i;
		if (flags->kind == V_INT && (flags->i & 1))
			*hasobject = true;
	}
	if (*itemsize == 0) {
		if (have_digits)
			*itemsize = digits;
		else if (strchr("?bBc", s[k]))
			*itemsize = 1;
		else if (strchr("hHe", s[k]))
			*itemsize = 2;
		else if (strchr("iIf", s[k]))
			*itemsize = 4;
		else if (strchr("lLqQdFO", s[k]))
			*itemsize = 8;
		else if (strchr("gD", s[k]))
			*itemsize = 16;
	}
	return *itemsize > 0 || *hasobject;
}

static int analyse_one(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, size_t start,
	unsigned nesting, aibom_pickle_summary *sum, size_t *end, bool *imports_seen, bool dry);

/* joblib's NumpyPickler writes an array's bytes into the stream right after the BUILD of its
 * NumpyArrayWrapper (an alignment byte and padding first), or, for object arrays, a whole
 * protocol-2 pickle that read_array() loads: skip the former, analyse the latter. */
static void joblib_array(pk *p, const value *wrapper, size_t at)
{
	const value *state = wrapper->state, *shape = dict_get(state, "shape"),
		*align = dict_get(state, "numpy_array_alignment_bytes");
	uint64_t itemsize = 0, nbytes;
	bool hasobject = false;
	uint32_t k;

	if (p->sum)
		p->sum->joblib = true;
	if (!dtype_info(dict_get(state, "dtype"), &itemsize, &hasobject)) {
		malformed(p, "joblib array at offset %zu has no readable dtype: the stream cannot be followed", at);
		return;
	}
	if (hasobject) {
		size_t end = p->pos;
		bool seen = false;
		int r;
		if (p->nesting + 1 >= MAX_NESTED_PICKLES) {
			malformed(p, "joblib object arrays nested deeper than %d", MAX_NESTED_PICKLES);
			return;
		}
		r = analyse_one(p->ctx, p->d, p->len, p->pos, p->nesting + 1, p->sum, &end, &seen, p->ctx == NULL);
		if (r < 0) {
			p->oom = true;
			return;
		}
		if (r > 0) {
			p->failed = true;
			return;
		}
		p->imports += seen;
		p->pos = end;
		return;
	}
	if (shape == NULL || shape->kind != V_TUPLE || shape->n >= MAX_ITEMS) {
		malformed(p, "joblib array at offset %zu has no readable shape", at);
		return;
	}
	nbytes = itemsize;
	for (k = 0; k < shape->n; k++) {
		const value *dim = shape->items[k];
		if (dim->kind != V_INT || dim->big || dim->i < 0) {
			malformed(p, "joblib array at offset %zu has a bad shape", at);
			return;
		}
		if (dim->i && nbytes > UINT64_MAX / (uint64_t)dim->i) {
			malformed(p, "joblib array at offset %zu is impossibly large", at);
			return;
		}
		nbytes *= (uint64_t)dim->i;
	}
	if (align && align->kind == V_INT && align->i > 0) {
		if (p->pos >= p->len) {
			malformed(p, "joblib array at offset %zu: data truncated", at);
			return;
		}
		p->pos += 1 + (size_t)p->d[p->pos];
		if (p->pos > p->len) {
			malformed(p, "joblib array at offset %zu: padding runs past the end", at);
			p->pos = p->len;
			return;
		}
	}
	if (nbytes > p->len - p->pos) {
		malformed(p, "joblib array at offset %zu: %llu bytes of data, only %zu remain", at,
			(unsigned long long)nbytes, p->len - p->pos);
		p->pos = p->len;
		return;
	}
	p->pos += (size_t)nbytes;
}

/* What a pickle returns, when the caller needs it (legacy torch tar records: a count, a tuple
 * whose last item is a storage or tensor class). */
static void note_result(aibom_pickle_summary *sum, const value *v)
{
	const value *last;

	sum->result_is_int = v->kind == V_INT && !v->big;
	sum->result_int = sum->result_is_int ? v->i : 0;
	sum->result_tuple = v->kind == V_TUPLE ? v->n : 0;
	sum->result_global[0] = '\0';
	if (v->kind == V_TUPLE && v->n > 0 && (last = v->items[v->n - 1])->kind == V_GLOBAL && last->module &&
	    last->name)
		snprintf(sum->result_global, sizeof(sum->result_global), "%s.%s", last->module, last->name);
}

/* ------------------------------------------------------------------ the opcode loop */

/* 0: STOP reached; 1: malformed or stopped; -1: out of memory. */
static int run(pk *p)
{
	unsigned long ops = 0;

	while (!p->failed && !p->oom) {
		size_t at = p->pos, n;
		const unsigned char *line, *line2;
		size_t n1, n2;
		value **items, *v, *w, *x;
		uint64_t u;
		unsigned char op;

		if ((++ops & 0xFFFF) == 0 && p->ctx && aibom_artifact__out_of_time(p->ctx))
			return 1;
		if (p->pos >= p->len) {
			malformed(p, "pickle truncated at offset %zu: no STOP opcode", p->pos);
			return 1;
		}
		op = p->d[p->pos++];
		switch (op) {
		case '.': /* STOP */
			v = pop(p, at);
			if (p->sum && p->nesting == 0 && !p->failed)
				note_result(p->sum, v);
			return p->failed ? 1 : 0;
		case '(': mark(p); break;
		case '0': /* POP */
			if (p->sp > stack_floor(p))
				p->sp--;
			else if (p->nmarks)
				p->sp = p->marks[--p->nmarks];
			else
				malformed(p, "pickle stack underflow at offset %zu", at);
			break;
		case '1': (void)pop_mark(p, &items, at); break;
		case '2': push(p, top(p, at)); break;
		case 'N': push(p, new_value(p, V_NONE)); break;
		case 0x88: case 0x89: /* NEWTRUE, NEWFALSE */
			v = new_value(p, V_BOOL);
			if (v != &p->other)
				v->i = op == 0x88;
			push(p, v);
			break;
		case 'I': case 'L': /* INT, LONG */
			if (!read_line(p, &line, &n1, at))
				break;
			if (n1 > 0 && line[0] == '-')
				push(p, int_value(p, 0, true));
			else if (parse_decimal(line, n1, &u))
				push(p, int_value(p, (int64_t)(u & INT64_MAX), u > INT64_MAX));
			else
				malformed(p, "bad integer argument at offset %zu", at);
			break;
		case 'J':
			if (need(p, 4, at)) {
				push(p, int_value(p, (int32_t)(uint32_t)le(p->d + p->pos, 4), false));
				p->pos += 4;
			}
			break;
		case 'K':
			if (need(p, 1, at))
				push(p, int_value(p, p->d[p->pos++], false));
			break;
		case 'M':
			if (need(p, 2, at)) {
				push(p, int_value(p, (int64_t)le(p->d + p->pos, 2), false));
				p->pos += 2;
			}
			break;
		case 0x8a: case 0x8b: /* LONG1, LONG4 */
			n = op == 0x8a ? 1 : 4;
			if (!need(p, n, at))
				break;
			u = le(p->d + p->pos, n);
			p->pos += n;
			if (op == 0x8b && (u & 0x80000000u)) {
				malformed(p, "LONG4 with a negative length at offset %zu", at);
				break;
			}
			if (!need(p, (size_t)u, at))
				break;
			if (u <= 7)
				push(p, int_value(p, (int64_t)le(p->d + p->pos, (size_t)u) &
					(u ? (int64_t)(UINT64_MAX >> (64 - 8 * u)) : 0), false));
			else
				push(p, int_value(p, 0, true));
			p->pos += (size_t)u;
			break;
		case 'F':
			if (read_line(p, &line, &n1, at))
				push(p, new_value(p, V_FLOAT));
			break;
		case 'G':
			if (need(p, 8, at)) {
				p->pos += 8;
				push(p, new_value(p, V_FLOAT));
			}
			break;
		case 'S': /* STRING: quoted, string-escape */
			if (!read_line(p, &line, &n1, at))
				break;
			while (n1 > 0 && line[n1 - 1] == '\r')
				n1--;
			if (n1 < 2 || line[0] != line[n1 - 1] || (line[0] != '\'' && line[0] != '"')) {
				malformed(p, "STRING argument not quoted at offset %zu", at);
				break;
			}
			push(p, decoded_string(p, line + 1, n1 - 2, false));
			break;
		case 'V': /* UNICODE: raw-unicode-escape */
			if (read_line(p, &line, &n1, at))
				push(p, decoded_string(p, line, n1, true));
			break;
		case 'T': case 'X': case 'B': /* BINSTRING, BINUNICODE, BINBYTES: 4-byte length */
		case 'U': case 0x8c: case 'C': /* SHORT_*: 1-byte length */
		case 0x8d: case 0x8e: case 0x96: /* BINUNICODE8, BINBYTES8, BYTEARRAY8 */
			n = (op == 'U' || op == 0x8c || op == 'C') ? 1 : (op == 0x8d || op == 0x8e || op == 0x96) ? 8 : 4;
			if (!need(p, n, at))
				break;
			u = le(p->d + p->pos, n);
			p->pos += n;
			if (op == 'T' && (u & 0x80000000u)) {
				malformed(p, "BINSTRING with a negative length at offset %zu", at);
				break;
			}
			if (!need(p, u > SIZE_MAX ? SIZE_MAX : (size_t)u, at))
				break;
			push(p, string_value(p, (op == 'B' || op == 'C' || op == 0x8e || op == 0x96) ? V_BYTES : V_STR,
				p->d + p->pos, (size_t)u));
			p->pos += (size_t)u;
			break;
		case ')': push(p, new_value(p, V_TUPLE)); break;
		case 't':
			n = pop_mark(p, &items, at);
			push(p, tuple_of(p, items, n));
			break;
		case 0x85: case 0x86: case 0x87: { /* TUPLE1..3 */
			value *t[3];
			size_t k, m = (size_t)(op - 0x84);
			for (k = m; k-- > 0;)
				t[k] = pop(p, at);
			push(p, tuple_of(p, t, m));
			break;
		}
		case ']': push(p, new_value(p, V_LIST)); break;
		case '}': push(p, new_value(p, V_DICT)); break;
		case 0x8f: push(p, new_value(p, V_SET)); break;
		case 'l': case 'd': case 0x91: { /* LIST, DICT, FROZENSET */
			size_t k;
			n = pop_mark(p, &items, at);
			v = new_value(p, op == 'l' ? V_LIST : op == 'd' ? V_DICT : V_SET);
			for (k = 0; k < n; k++)
				add_item(p, v, items[k]);
			push(p, v);
			break;
		}
		case 'a': /* APPEND */
			w = pop(p, at);
			add_item(p, top(p, at), w);
			break;
		case 'e': case 'u': case 0x90: { /* APPENDS, SETITEMS, ADDITEMS */
			size_t k;
			n = pop_mark(p, &items, at);
			if (op == 'u' && n % 2)
				malformed(p, "SETITEMS with an odd number of items at offset %zu", at);
			v = top(p, at);
			for (k = 0; k < n; k++)
				add_item(p, v, items[k]);
			break;
		}
		case 's': /* SETITEM */
			w = pop(p, at);
			x = pop(p, at);
			v = top(p, at);
			add_item(p, v, x);
			add_item(p, v, w);
			break;
		case 'g': case 'p': /* GET, PUT: decimal line */
			if (!read_line(p, &line, &n1, at))
				break;
			if (!parse_decimal(line, n1, &u)) {
				malformed(p, "bad memo key at offset %zu", at);
				break;
			}
			if (op == 'g')
				memo_get(p, u, at);
			else
				memo_put(p, u, at);
			break;
		case 'h': case 'q':
			if (need(p, 1, at)) {
				u = p->d[p->pos++];
				if (op == 'h')
					memo_get(p, u, at);
				else
					memo_put(p, u, at);
			}
			break;
		case 'j': case 'r':
			if (need(p, 4, at)) {
				u = le(p->d + p->pos, 4);
				p->pos += 4;
				if (op == 'j')
					memo_get(p, u, at);
				else
					memo_put(p, u, at);
			}
			break;
		case 0x94: /* MEMOIZE */
			memo_put(p, p->memo_count, at);
			break;
		case 'c': /* GLOBAL module\nname\n */
			if (read_line(p, &line, &n1, at) && read_line(p, &line2, &n2, at))
				global(p, (const char *)line, n1, (const char *)line2, n2, at);
			break;
		case 0x93: /* STACK_GLOBAL */
			w = pop(p, at);
			v = pop(p, at);
			if (v->kind == V_STR && w->kind == V_STR) {
				global(p, v->s, v->slen, w->s, w->slen, at);
			} else {
				/* operands we could not follow: judge what is known */
				const char *m = v->kind == V_STR ? v->s : "?", *nm = w->kind == V_STR ? w->s : "?";
				size_t ml = v->kind == V_STR ? v->slen : 1, nl = w->kind == V_STR ? w->slen : 1;
				p->imports++;
				if (p->ctx) {
					char *mc = clean_name(p, m, ml), *nc = clean_name(p, nm, nl);
					if (mc && nc) {
						int klass = aibom_artifact__classify(p->ctx->globals, mc, nc);
						aibom_artifact__import_as(p->ctx, mc, nc, at, klass > 0 ? 1 : -1);
					}
				}
				push(p, &p->other);
			}
			break;
		case 'i': /* INST module\nname\n, args from the mark */
			if (!read_line(p, &line, &n1, at) || !read_line(p, &line2, &n2, at))
				break;
			n = pop_mark(p, &items, at);
			x = tuple_of(p, items, n);
			global(p, (const char *)line, n1, (const char *)line2, n2, at);
			v = pop(p, at);
			push(p, obj_value(p, v, x));
			break;
		case 'o': /* OBJ: class and args from the mark */
			n = pop_mark(p, &items, at);
			if (n == 0) {
				malformed(p, "OBJ without a class at offset %zu", at);
				break;
			}
			v = items[0];
			x = tuple_of(p, items + 1, n - 1);
			push(p, obj_value(p, v, x));
			break;
		case 'R': case 0x81: /* REDUCE, NEWOBJ */
			x = pop(p, at);
			v = pop(p, at);
			push(p, obj_value(p, v, x));
			break;
		case 0x92: /* NEWOBJ_EX */
			(void)pop(p, at);
			x = pop(p, at);
			v = pop(p, at);
			push(p, obj_value(p, v, x));
			break;
		case 'b': /* BUILD */
			w = pop(p, at);
			v = top(p, at);
			if (v->kind == V_OBJ) {
				v->state = w;
				if (v->callee && v->callee->kind == V_GLOBAL && !strcmp(v->callee->name, "NumpyArrayWrapper") &&
				    aibom__has_suffix(v->callee->module, "numpy_pickle"))
					joblib_array(p, v, at);
			}
			break;
		case 0x82: case 0x83: case 0x84: /* EXT1, EXT2, EXT4: the copyreg extension registry */
			n = op == 0x82 ? 1 : op == 0x83 ? 2 : 4;
			if (!need(p, n, at))
				break;
			u = le(p->d + p->pos, n);
			p->pos += n;
			p->imports++;
			if (p->ctx) {
				char nm[64];
				snprintf(nm, sizeof(nm), "_extension_registry[%llu]", (unsigned long long)u);
				aibom_artifact__import_as(p->ctx, "copyreg", nm, at, -1);
			}
			push(p, &p->other);
			break;
		case 'P': /* PERSID */
			if (!read_line(p, &line, &n1, at))
				break;
			if (p->sum)
				p->sum->persistent_ids++;
			push(p, new_value(p, V_PERSID));
			break;
		case 'Q': /* BINPERSID */
			(void)pop(p, at);
			if (p->sum)
				p->sum->persistent_ids++;
			push(p, new_value(p, V_PERSID));
			break;
		case 0x80: /* PROTO */
			if (!need(p, 1, at))
				break;
			if (p->d[p->pos] > 5) {
				malformed(p, "unsupported pickle protocol %u at offset %zu", p->d[p->pos], at);
				break;
			}
			p->proto = p->d[p->pos++];
			if (p->sum && p->sum->protocol < 0)
				p->sum->protocol = p->proto;
			break;
		case 0x95: /* FRAME: the analysis reads through frames; an overlong one is reported */
			if (!need(p, 8, at))
				break;
			u = le(p->d + p->pos, 8);
			p->pos += 8;
			if (u > p->len - p->pos && p->ctx) {
				/* malformed, but keep reading what is there: a loader may run part of it */
				aibom_artifact__judge(p->ctx, AIBOM_VERDICT_MALFORMED,
					"FRAME at offset %zu declares %llu bytes, only %zu remain", at,
					(unsigned long long)u, p->len - p->pos);
			}
			break;
		case 0x97: push(p, &p->other); break; /* NEXT_BUFFER: out-of-band data */
		case 0x98: (void)top(p, at); break;    /* READONLY_BUFFER */
		default:
			malformed(p, "unknown pickle opcode 0x%02x at offset %zu", op, at);
			return 1;
		}
	}
	return p->oom ? -1 : 1;
}

static int analyse_one(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, size_t start,
	unsigned nesting, aibom_pickle_summary *sum, size_t *end, bool *imports_seen, bool dry)
{
	aibom_arena arena = {0};
	pk p;
	int r;

	memset(&p, 0, sizeof(p));
	p.ctx = dry ? NULL : ctx;
	p.d = d;
	p.len = len;
	p.pos = start;
	p.arena = &arena;
	p.nesting = nesting;
	p.sum = sum;
	p.other.kind = V_OTHER;
	r = run(&p);
	*end = p.pos;
	*imports_seen = p.imports > 0;
	free(p.stack);
	free(p.marks);
	free(p.memo);
	aibom_arena__free(&arena);
	if (p.oom || arena.failed)
		return -1;
	return r;
}

/* ------------------------------------------------------------------ streams and files */

static bool plausible_start(unsigned char c)
{
	return c && strchr("(]})cNILFSVXUTKJMGldBCP", c) != NULL;
}

bool aibom_artifact__pickle_sniff(const unsigned char *d, size_t len, bool strict)
{
	size_t end;
	bool seen = false;
	int r;

	if (len >= 2 && d[0] == 0x80 && d[1] < 0x10) /* PROTO; above 5 it is reported unsupported */
		return true;
	if (strict || len == 0 || !plausible_start(d[0]))
		return false;
	r = analyse_one(NULL, d, len, 0, 0, NULL, &end, &seen, true);
	return r == 0 || seen;
}

bool aibom_artifact__is_torch_legacy(const unsigned char *d, size_t len)
{
	static const unsigned char magic[] = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a,
		0xa8, 0x50, 0x19, 0x2e};
	return len >= sizeof(magic) && memcmp(d, magic, sizeof(magic)) == 0;
}

int aibom_artifact__pickle(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, size_t start,
	unsigned flags, aibom_pickle_summary *sum)
{
	size_t pos = start, end;
	bool seen;
	int r;

	sum->complete = true;
	for (;;) {
		r = analyse_one(ctx, d, len, pos, 0, sum, &end, &seen, false);
		if (r < 0)
			return -1;
		sum->end = end;
		if (r > 0) {
			sum->complete = false;
			break;
		}
		sum->pickles++;
		pos = end;
		if ((flags & AIBOM_PICKLE_ONE) || pos >= len || ctx->timed_out)
			break;
		/* another pickle follows when it starts with PROTO, or when a dry run of it reads well */
		if (!(len - pos >= 2 && d[pos] == 0x80 && d[pos + 1] <= 5)) {
			size_t dry_end;
			bool dry_seen = false;
			if (!plausible_start(d[pos]))
				break;
			r = analyse_one(NULL, d, len, pos, 0, NULL, &dry_end, &dry_seen, true);
			if (r < 0)
				return -1;
			if (r != 0 && !dry_seen)
				break;
		}
	}
	return 0;
}

int aibom_artifact__read_pickle_file(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta,
	const char **format)
{
	aibom_pickle_summary sum;
	long long zip_at;
	unsigned k;

	memset(&sum, 0, sizeof(sum));
	sum.protocol = -1;
	*format = "pickle";
	if (aibom_artifact__is_torch_legacy(d, len)) {
		/* torch.save before 1.6: magic, protocol version, sys_info, the object, storage keys,
		 * then raw storage bytes */
		size_t pos = 0;
		*format = "pytorch-legacy";
		for (k = 0; k < 5; k++) {
			aibom_pickle_summary one;
			memset(&one, 0, sizeof(one));
			one.protocol = -1;
			if (aibom_artifact__pickle(ctx, d, len, pos, AIBOM_PICKLE_ONE, &one) < 0)
				return -1;
			sum.persistent_ids += one.persistent_ids;
			if (sum.protocol < 0)
				sum.protocol = one.protocol;
			if (!one.complete)
				break;
			sum.pickles++;
			pos = one.end;
		}
		if (k < 5 && !ctx->timed_out)
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"legacy torch stream ends after %u of its 5 pickles", k);
		aibom_artifact__meta_str(ctx, meta, "layout", "stream");
		aibom_artifact__meta_num(ctx, meta, "storage_bytes", (double)(len - pos));
		sum.end = pos;
	} else {
		if (aibom_artifact__pickle(ctx, d, len, 0, 0, &sum) < 0)
			return -1;
		if (sum.joblib)
			*format = "joblib";
		if (sum.complete && sum.end < len) {
			aibom_artifact__meta_num(ctx, meta, "trailing_bytes", (double)(len - sum.end));
			aibom_artifact__warn(ctx, meta, "%zu bytes follow the last pickle", len - sum.end);
		}
	}
	aibom_artifact__meta_num(ctx, meta, "pickles", sum.pickles);
	aibom_artifact__meta_num(ctx, meta, "protocol", sum.protocol < 0 ? 0 : sum.protocol);
	if (sum.persistent_ids)
		aibom_artifact__meta_num(ctx, meta, "persistent_ids", sum.persistent_ids);
	/* an archive appended after the pickle: zip tools see it, the unpickler runs the pickle */
	if (sum.end < len && (zip_at = aibom_artifact__zip_locate(d + sum.end, len - sum.end)) >= 0) {
		const char *inner;
		aibom_artifact__warn(ctx, meta, "a zip archive is appended after the pickle");
		if (aibom_artifact__nested(ctx, "(appended zip)", d + sum.end, len - sum.end,
		    aibom_artifact__meta_array(ctx, meta, "members"), NULL, &inner) < 0)
			return -1;
	}
	return 0;
}

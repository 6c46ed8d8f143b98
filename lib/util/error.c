/*
 * error.c - the thread-local last error behind aibom_error_last().
 *
 * Each thread keeps its own message buffer, so errors raised on a worker never clobber the
 * caller's; the buffer is fixed-size so that reporting an out-of-memory error cannot itself fail.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

#define ERROR_MAX 1024

static _Thread_local char error_text[ERROR_MAX];
static _Thread_local aibom_error error_last;

const aibom_error *aibom_error_last(void)
{
	if (error_last.message == NULL) {
		error_last.message = "no error";
		error_last.klass = AIBOM_ERROR_NONE;
	}
	return &error_last;
}

void aibom_error_clear(void)
{
	error_text[0] = '\0';
	error_last.message = "no error";
	error_last.klass = AIBOM_ERROR_NONE;
}

void aibom_error__set(int klass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(error_text, sizeof(error_text), fmt, ap);
	va_end(ap);
	error_last.message = error_text;
	error_last.klass = klass;
}

void aibom_error__prefix(const char *fmt, ...)
{
	char old[ERROR_MAX], prefix[ERROR_MAX];
	va_list ap;
	int klass = aibom_error_last()->klass;

	snprintf(old, sizeof(old), "%s", aibom_error_last()->message);
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	aibom_error__set(klass, "%s: %s", prefix, old);
}

void aibom_error__oom(void)
{
	aibom_error__set(AIBOM_ERROR_NOMEMORY, "out of memory");
}

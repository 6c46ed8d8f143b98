/*
 * query.c - aibom_scan_query(): one read-only SQL statement, rows returned as a JSON array.
 * SQLite itself says whether a statement writes (sqlite3_stmt_readonly), so no SQL is parsed here.
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../scan_internal.h"

/* Append the rows of a prepared statement to ROWS as objects; returns SQLite's last code. */
static int rows_of(cJSON *rows, sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cJSON *row = cJSON_CreateObject();
		int i, n = sqlite3_column_count(st);
		if (row == NULL)
			return SQLITE_NOMEM;
		cJSON_AddItemToArray(rows, row);
		for (i = 0; i < n; i++) {
			const char *name = sqlite3_column_name(st, i);
			cJSON *v;
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				v = cJSON_CreateNumber((double)sqlite3_column_int64(st, i));
				break;
			case SQLITE_FLOAT:
				v = cJSON_CreateNumber(sqlite3_column_double(st, i));
				break;
			case SQLITE_NULL:
				v = cJSON_CreateNull();
				break;
			default:
				v = cJSON_CreateString((const char *)sqlite3_column_text(st, i));
				break;
			}
			if (v == NULL)
				return SQLITE_NOMEM;
			cJSON_AddItemToObject(row, name, v);
		}
	}
	return rc;
}

cJSON *aibom_store__rows(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	cJSON *rows = cJSON_CreateArray();
	int rc;

	if (rows == NULL) {
		aibom_error__oom();
		return NULL;
	}
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		aibom_store__fail(db, "reading the database");
		cJSON_Delete(rows);
		return NULL;
	}
	rc = rows_of(rows, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_NOMEM)
			aibom_error__oom();
		else
			aibom_store__fail(db, "reading the database");
		cJSON_Delete(rows);
		return NULL;
	}
	return rows;
}

int aibom_json__detach(aibom_buf *out, cJSON *json, bool pretty)
{
	char *text = pretty ? cJSON_Print(json) : cJSON_PrintUnformatted(json);
	aibom_str s = AIBOM_STR_INIT;

	if (text == NULL) {
		aibom_error__oom();
		return -1;
	}
	aibom_str__puts(&s, text);
	if (pretty)
		aibom_str__putc(&s, '\n');
	cJSON_free(text);
	return aibom_str__detach(out, &s);
}

int aibom_scan_query(aibom_buf *out, aibom_scan *scan, const char *sql)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	cJSON *rows = NULL;
	int rc, error = AIBOM_ERROR;

	if (out == NULL || scan == NULL || sql == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_query: NULL argument");
		return AIBOM_EINVALID;
	}
	memset(out, 0, sizeof(*out));
	if (sqlite3_prepare_v2(scan->db, sql, -1, &st, &tail) != SQLITE_OK) {
		aibom_error__set(AIBOM_ERROR_QUERY, "invalid SQL: %s", sqlite3_errmsg(scan->db));
		return AIBOM_ERROR;
	}
	if (st == NULL) {
		aibom_error__set(AIBOM_ERROR_QUERY, "empty SQL statement");
		return AIBOM_EINVALID;
	}
	while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == '\r' || *tail == ';'))
		tail++;
	if (tail && *tail) {
		aibom_error__set(AIBOM_ERROR_QUERY, "one statement at a time: remove \"%.40s\"", tail);
		error = AIBOM_EINVALID;
		goto done;
	}
	if (!sqlite3_stmt_readonly(st)) {
		aibom_error__set(AIBOM_ERROR_QUERY, "the database is read-only here: the statement would write");
		error = AIBOM_EREADONLY;
		goto done;
	}
	if ((rows = cJSON_CreateArray()) == NULL)
		goto oom;
	rc = rows_of(rows, st);
	if (rc == SQLITE_NOMEM)
		goto oom;
	if (rc != SQLITE_DONE) {
		aibom_error__set(AIBOM_ERROR_QUERY, "query failed: %s", sqlite3_errmsg(scan->db));
		goto done;
	}
	error = aibom_json__detach(out, rows, false) < 0 ? AIBOM_ERROR : 0;
	goto done;
oom:
	aibom_error__oom();
done:
	cJSON_Delete(rows);
	sqlite3_finalize(st);
	return error;
}

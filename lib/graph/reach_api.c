/*
 * reach_api.c - the public walk over the service_models view: the reachable (service, model use)
 * pairs of a scan or a saved database, filtered with bound parameters.
 */
#include <stdlib.h>
#include <string.h>

#include "../scan_internal.h"

struct aibom_reach_iter {
	sqlite3_stmt *st;
	sqlite3 *db;
	bool over;
	aibom_reach_row row;
};

static const char reach_sql[] =
	"SELECT service, entry_point, entry_kind, framework, model, provider, kind, api, file, line, hops, "
	"heuristic, path FROM service_models "
	"WHERE (?1 IS NULL OR service = ?1) AND (?2 IS NULL OR model = ?2) "
	"ORDER BY service, model, file, line, entry_point";

int aibom_reach_iter_new(aibom_reach_iter **out, aibom_scan *scan, const char *service, const char *model)
{
	aibom_reach_iter *it;

	if (out == NULL || scan == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_reach_iter_new: NULL argument");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if ((it = calloc(1, sizeof(*it))) == NULL) {
		aibom_error__oom();
		return AIBOM_ERROR;
	}
	it->db = scan->db;
	if (sqlite3_prepare_v2(scan->db, reach_sql, -1, &it->st, NULL) != SQLITE_OK) {
		aibom_store__fail(scan->db, "reading reachability (a database from an older aibom?)");
		free(it);
		return AIBOM_ERROR;
	}
	if (service)
		sqlite3_bind_text(it->st, 1, service, -1, SQLITE_TRANSIENT);
	if (model)
		sqlite3_bind_text(it->st, 2, model, -1, SQLITE_TRANSIENT);
	*out = it;
	return 0;
}

int aibom_reach_next(const aibom_reach_row **out, aibom_reach_iter *it)
{
	sqlite3_stmt *st;
	int rc;

	if (out == NULL || it == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_reach_next: NULL argument");
		return AIBOM_EINVALID;
	}
	*out = NULL;
	if (it->over)
		return AIBOM_ITEROVER;
	st = it->st;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		it->over = true;
		return AIBOM_ITEROVER;
	}
	if (rc != SQLITE_ROW)
		return aibom_store__fail(it->db, "reading reachability");
	it->row.service = (const char *)sqlite3_column_text(st, 0);
	it->row.entry_point = (const char *)sqlite3_column_text(st, 1);
	it->row.entry_kind = (const char *)sqlite3_column_text(st, 2);
	it->row.framework = (const char *)sqlite3_column_text(st, 3);
	it->row.model = (const char *)sqlite3_column_text(st, 4);
	it->row.provider = (const char *)sqlite3_column_text(st, 5);
	it->row.kind = (const char *)sqlite3_column_text(st, 6);
	it->row.api = (const char *)sqlite3_column_text(st, 7);
	it->row.path = (const char *)sqlite3_column_text(st, 8);
	it->row.line = (unsigned)sqlite3_column_int(st, 9);
	it->row.hops = (unsigned)sqlite3_column_int(st, 10);
	it->row.heuristic = sqlite3_column_int(st, 11);
	it->row.frames = (const char *)sqlite3_column_text(st, 12);
	*out = &it->row;
	return 0;
}

void aibom_reach_iter_free(aibom_reach_iter *it)
{
	if (it == NULL)
		return;
	sqlite3_finalize(it->st);
	free(it);
}

int aibom_scan_foreach_reach(aibom_scan *scan, const char *service, const char *model,
	aibom_reach_cb cb, void *payload)
{
	aibom_reach_iter *it = NULL;
	const aibom_reach_row *row;
	int rc, error = 0;

	if (cb == NULL) {
		aibom_error__set(AIBOM_ERROR_INPUT, "aibom_scan_foreach_reach: NULL callback");
		return AIBOM_EINVALID;
	}
	if ((rc = aibom_reach_iter_new(&it, scan, service, model)) < 0)
		return rc;
	while ((rc = aibom_reach_next(&row, it)) == 0) {
		if ((error = cb(row, payload)) != 0) {
			aibom_error__set(AIBOM_ERROR_CALLBACK, "walk stopped by the callback (%d)", error);
			break;
		}
	}
	if (error == 0 && rc != AIBOM_ITEROVER)
		error = rc;
	aibom_reach_iter_free(it);
	return error;
}

/*
 * json.c - aibom's own JSON: the rows of the stable views (findings, models, libraries) and the
 * diagnostics, for tools that want the facts without CycloneDX's shape.
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../scan_internal.h"

int aibom_export__json(aibom_buf *out, aibom_scan *scan)
{
	static const struct {
		const char *key, *sql;
	} parts[] = {
		{"findings", "SELECT path, line, col AS column, kind, api, provider, model, model_type, resolution, "
			"flags, function, rule FROM v_findings ORDER BY path, line, col, kind, api"},
		{"models", "SELECT * FROM v_models ORDER BY model, provider"},
		{"libraries", "SELECT * FROM v_libraries ORDER BY name, path, line"},
		{"diagnostics", "SELECT path, severity, message FROM diagnostics ORDER BY path, id"},
	};
	cJSON *root = cJSON_CreateObject(), *meta;
	size_t i;
	int error = -1;

	if (root == NULL) {
		aibom_error__oom();
		return -1;
	}
	cJSON_AddStringToObject(root, "aibom_version", AIBOM_VERSION);
	if ((meta = aibom_store__rows(scan->db, "SELECT key, value FROM meta ORDER BY key")) == NULL)
		goto done;
	{
		cJSON *row, *obj = cJSON_AddObjectToObject(root, "scan");
		cJSON_ArrayForEach(row, meta)
			cJSON_AddStringToObject(obj, cJSON_GetObjectItem(row, "key")->valuestring,
				cJSON_IsString(cJSON_GetObjectItem(row, "value")) ?
				cJSON_GetObjectItem(row, "value")->valuestring : "");
		cJSON_Delete(meta);
	}
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		cJSON *rows = aibom_store__rows(scan->db, parts[i].sql);
		if (rows == NULL)
			goto done;
		cJSON_AddItemToObject(root, parts[i].key, rows);
	}
	error = aibom_json__detach(out, root, true);
done:
	cJSON_Delete(root);
	return error;
}

/*
 * safetensors.c - safetensors files: an 8-byte little-endian header length, a JSON header
 * naming each tensor's dtype, shape and byte range, then the raw data. A data-only format: the
 * reader describes it (tensor count, dtypes, parameter count, __metadata__) and checks the
 * header against the file (lengths, ranges, sizes), since a truncated or forged header is what
 * goes wrong with these files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

static uint64_t le64(const unsigned char *d)
{
	uint64_t v = 0;
	int k;

	for (k = 7; k >= 0; k--)
		v = (v << 8) | d[k];
	return v;
}

bool aibom_artifact__is_safetensors(const unsigned char *d, size_t len)
{
	uint64_t n;

	if (len < 10)
		return false;
	n = le64(d);
	return n >= 2 && n <= AIBOM_ARTIFACT_MAX_JSON_HEADER && d[8] == '{' &&
		(d[9] == '"' || d[9] == '}' || d[9] == ' ' || d[9] == '\n');
}

static int dtype_size(const char *t)
{
	static const struct { const char *name; int size; } sizes[] = {
		{"F64", 8}, {"F32", 4}, {"F16", 2}, {"BF16", 2}, {"I64", 8}, {"I32", 4}, {"I16", 2}, {"I8", 1},
		{"U64", 8}, {"U32", 4}, {"U16", 2}, {"U8", 1}, {"BOOL", 1}, {"F8_E4M3", 1}, {"F8_E5M2", 1},
		{"F8_E8M0", 1}, {"C64", 8}, {"F4", 0}, {"F6_E2M3", 0}, {"F6_E3M2", 0}};
	size_t k;

	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
		if (!strcmp(sizes[k].name, t))
			return sizes[k].size;
	return -1;
}

int aibom_artifact__read_safetensors(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	uint64_t hlen = le64(d), data_len, params = 0;
	cJSON *root = NULL, *it, *dtypes, *md;
	size_t tensors = 0;
	int error = 0;

	if (hlen > len - 8) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
			"safetensors header of %llu bytes runs past the end of the file (%zu bytes)",
			(unsigned long long)hlen, len);
		return 0;
	}
	data_len = len - 8 - hlen;
	root = cJSON_ParseWithLength((const char *)d + 8, (size_t)hlen);
	if (!cJSON_IsObject(root)) {
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "safetensors header is not a JSON object");
		goto done;
	}
	dtypes = aibom_artifact__meta_object(ctx, meta, "dtypes");
	cJSON_ArrayForEach(it, root) {
		const cJSON *dt, *shape, *offs, *dim;
		uint64_t elements = 1, begin, end;
		int size;
		cJSON *count;

		if (aibom_artifact__out_of_time(ctx))
			break;
		if (!strcmp(it->string, "__metadata__")) {
			const cJSON *m;
			size_t kept = 0;
			if (!cJSON_IsObject(it)) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "safetensors __metadata__ is not an object");
				continue;
			}
			md = aibom_artifact__meta_object(ctx, meta, "metadata");
			cJSON_ArrayForEach(m, it) {
				if (!cJSON_IsString(m)) {
					aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
						"safetensors __metadata__ value \"%s\" is not a string", m->string);
					continue;
				}
				if (md && kept++ < 64)
					aibom_artifact__meta_strn(ctx, md, m->string, m->valuestring,
						strlen(m->valuestring) > 1024 ? 1024 : strlen(m->valuestring));
			}
			continue;
		}
		tensors++;
		dt = cJSON_GetObjectItemCaseSensitive(it, "dtype");
		shape = cJSON_GetObjectItemCaseSensitive(it, "shape");
		offs = cJSON_GetObjectItemCaseSensitive(it, "data_offsets");
		if (!cJSON_IsString(dt) || !cJSON_IsArray(shape) || !cJSON_IsArray(offs) || cJSON_GetArraySize(offs) != 2 ||
		    !cJSON_IsNumber(cJSON_GetArrayItem(offs, 0)) || !cJSON_IsNumber(cJSON_GetArrayItem(offs, 1))) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"safetensors tensor \"%s\" lacks dtype, shape or data_offsets", it->string);
			continue;
		}
		cJSON_ArrayForEach(dim, shape) {
			if (!cJSON_IsNumber(dim) || dim->valuedouble < 0 || dim->valuedouble > 9e15) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "safetensors tensor \"%s\" has a bad shape",
					it->string);
				elements = 0;
				break;
			}
			if (dim->valuedouble && (double)elements * dim->valuedouble > 9e15) {
				aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "safetensors tensor \"%s\" is impossibly large",
					it->string);
				elements = 0;
				break;
			}
			elements *= (uint64_t)dim->valuedouble;
		}
		begin = (uint64_t)cJSON_GetArrayItem(offs, 0)->valuedouble;
		end = (uint64_t)cJSON_GetArrayItem(offs, 1)->valuedouble;
		if (cJSON_GetArrayItem(offs, 0)->valuedouble < 0 || begin > end || end > data_len) {
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"safetensors tensor \"%s\" data [%llu, %llu) is outside the %llu data bytes", it->string,
				(unsigned long long)begin, (unsigned long long)end, (unsigned long long)data_len);
			continue;
		}
		size = dtype_size(dt->valuestring);
		if (size < 0)
			aibom_artifact__warn(ctx, meta, "tensor \"%s\" has an unknown dtype %s", it->string, dt->valuestring);
		else if (size > 0 && end - begin != elements * (uint64_t)size)
			aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED,
				"safetensors tensor \"%s\" holds %llu bytes, its shape and dtype need %llu", it->string,
				(unsigned long long)(end - begin), (unsigned long long)(elements * (uint64_t)size));
		params += elements;
		if (dtypes) {
			count = cJSON_GetObjectItemCaseSensitive(dtypes, dt->valuestring);
			if (count)
				cJSON_SetNumberValue(count, count->valuedouble + 1);
			else if (!cJSON_AddNumberToObject(dtypes, dt->valuestring, 1))
				ctx->oom = true;
		}
	}
	aibom_artifact__meta_num(ctx, meta, "tensor_count", (double)tensors);
	aibom_artifact__meta_num(ctx, meta, "parameter_count", (double)params);
	aibom_artifact__meta_num(ctx, meta, "header_size", (double)hlen);
done:
	cJSON_Delete(root);
	return error;
}

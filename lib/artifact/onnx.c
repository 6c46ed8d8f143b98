/*
 * onnx.c - protobuf model files read by hand, field by field, with every length checked: ONNX
 * ModelProto (IR version, opsets, producer, graph inputs and outputs, operator types and custom
 * domains, external-data locations; a location that escapes the model folder with ".." or an
 * absolute path is judged dangerous, since loading reads that file) and TensorFlow SavedModel
 * saved_model.pb (tags, TensorFlow version, signatures, operators; operators that read or write
 * files or call back into Python are recorded as dangerous imports). Nested graphs are followed
 * to a bounded depth.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact/artifact.h"

#define MAX_GRAPH_DEPTH 16
#define MAX_LISTED 256

typedef struct {
	const unsigned char *p, *end;
} pb;

typedef struct {
	uint32_t field, wire;
	uint64_t v;
	const unsigned char *data;
	size_t len;
} pb_item;

static bool varint(pb *b, uint64_t *out)
{
	uint64_t v = 0;
	int shift;

	for (shift = 0; shift < 64 && b->p < b->end; shift += 7) {
		unsigned char c = *b->p++;
		v |= (uint64_t)(c & 0x7F) << shift;
		if (!(c & 0x80)) {
			*out = v;
			return true;
		}
	}
	return false;
}

/* 1: an item; 0: end of message; -1: malformed. */
static int next(pb *b, pb_item *it)
{
	uint64_t tag;

	if (b->p >= b->end)
		return 0;
	if (!varint(b, &tag))
		return -1;
	it->field = (uint32_t)(tag >> 3);
	it->wire = (uint32_t)(tag & 7);
	it->data = NULL;
	it->len = 0;
	it->v = 0;
	if (it->field == 0)
		return -1;
	switch (it->wire) {
	case 0:
		return varint(b, &it->v) ? 1 : -1;
	case 1:
		if (b->end - b->p < 8)
			return -1;
		b->p += 8;
		return 1;
	case 5:
		if (b->end - b->p < 4)
			return -1;
		b->p += 4;
		return 1;
	case 2:
		if (!varint(b, &it->v) || it->v > (uint64_t)(b->end - b->p))
			return -1;
		it->data = b->p;
		it->len = (size_t)it->v;
		b->p += it->len;
		return 1;
	default:
		return -1;
	}
}

static pb sub(const pb_item *it)
{
	pb b = {it->data, it->data + it->len};
	return b;
}

typedef struct {
	aibom_artifact_ctx *ctx;
	const unsigned char *base;
	cJSON *meta;
	cJSON *ops, *domains, *external, *inputs, *outputs;
	size_t nodes, initializers;
	bool bad;
	char why[200];
} walk;

static void bad(walk *w, const pb *b, const char *what)
{
	if (!w->bad)
		snprintf(w->why, sizeof(w->why), "%s at offset %zu", what, (size_t)(b->p - w->base));
	w->bad = true;
}

static void add_listed(walk *w, cJSON *arr, const unsigned char *s, size_t n)
{
	char text[256];

	if (arr == NULL || cJSON_GetArraySize(arr) >= MAX_LISTED)
		return;
	snprintf(text, sizeof(text), "%.*s", (int)(n > 200 ? 200 : n), (const char *)s);
	for (size_t k = 0; text[k]; k++)
		if ((unsigned char)text[k] < 0x20 || (unsigned char)text[k] >= 0x80)
			text[k] = '?';
	aibom_artifact__meta_add_unique(w->ctx, arr, text);
}

static bool escapes(const unsigned char *s, size_t n)
{
	size_t k = 0;

	if (n == 0)
		return false;
	if (s[0] == '/' || s[0] == '\\' || (n > 1 && s[1] == ':'))
		return true;
	while (k < n) {
		size_t e = k;
		while (e < n && s[e] != '/' && s[e] != '\\')
			e++;
		if (e - k == 2 && s[k] == '.' && s[k + 1] == '.')
			return true;
		k = e + 1;
	}
	return false;
}

static void onnx_graph(walk *w, pb g, unsigned depth);

static void onnx_tensor(walk *w, pb t)
{
	pb_item it;
	int r;

	while ((r = next(&t, &it)) > 0) {
		if (it.field == 13 && it.wire == 2) { /* external_data: StringStringEntryProto */
			pb e = sub(&it);
			pb_item kv;
			const unsigned char *key = NULL, *val = NULL;
			size_t kn = 0, vn = 0;
			int r2;
			while ((r2 = next(&e, &kv)) > 0) {
				if (kv.field == 1 && kv.wire == 2)
					key = kv.data, kn = kv.len;
				else if (kv.field == 2 && kv.wire == 2)
					val = kv.data, vn = kv.len;
			}
			if (r2 < 0)
				bad(w, &e, "corrupt external_data entry");
			if (key && kn == 8 && !memcmp(key, "location", 8) && val) {
				add_listed(w, w->external, val, vn);
				if (escapes(val, vn) || memchr(val, '\0', vn))
					aibom_artifact__judge(w->ctx, AIBOM_VERDICT_DANGEROUS,
						"external data location \"%.*s\" escapes the model folder", (int)(vn > 200 ? 200 : vn),
						(const char *)val);
			}
		}
	}
	if (r < 0)
		bad(w, &t, "corrupt TensorProto");
}

static void onnx_attribute(walk *w, pb a, unsigned depth)
{
	pb_item it;
	int r;

	while ((r = next(&a, &it)) > 0) {
		if (it.wire != 2)
			continue;
		if (it.field == 5 || it.field == 10)
			onnx_tensor(w, sub(&it));
		else if (it.field == 6 || it.field == 11)
			onnx_graph(w, sub(&it), depth + 1);
	}
	if (r < 0)
		bad(w, &a, "corrupt AttributeProto");
}

static void onnx_node(walk *w, pb n, unsigned depth)
{
	pb_item it;
	int r;

	w->nodes++;
	while ((r = next(&n, &it)) > 0) {
		if (it.wire != 2)
			continue;
		if (it.field == 4)
			add_listed(w, w->ops, it.data, it.len);
		else if (it.field == 7 && it.len) {
			char dom[128];
			snprintf(dom, sizeof(dom), "%.*s", (int)(it.len > 100 ? 100 : it.len), (const char *)it.data);
			if (!aibom_artifact__in_list(w->ctx->globals, "onnx_standard_domains", dom))
				add_listed(w, w->domains, it.data, it.len);
		} else if (it.field == 5)
			onnx_attribute(w, sub(&it), depth);
	}
	if (r < 0)
		bad(w, &n, "corrupt NodeProto");
}

static void value_info_name(walk *w, cJSON *arr, pb v)
{
	pb_item it;
	int r;

	while ((r = next(&v, &it)) > 0)
		if (it.field == 1 && it.wire == 2)
			add_listed(w, arr, it.data, it.len);
	if (r < 0)
		bad(w, &v, "corrupt ValueInfoProto");
}

static void onnx_graph(walk *w, pb g, unsigned depth)
{
	pb_item it;
	int r;

	if (depth > MAX_GRAPH_DEPTH) {
		bad(w, &g, "graphs nested too deeply");
		return;
	}
	while ((r = next(&g, &it)) > 0 && !w->bad) {
		if (it.wire != 2)
			continue;
		switch (it.field) {
		case 1: onnx_node(w, sub(&it), depth); break;
		case 5: w->initializers++; onnx_tensor(w, sub(&it)); break;
		case 11: if (depth == 0) value_info_name(w, w->inputs, sub(&it)); break;
		case 12: if (depth == 0) value_info_name(w, w->outputs, sub(&it)); break;
		default: break;
		}
	}
	if (r < 0)
		bad(w, &g, "corrupt GraphProto");
}

bool aibom_artifact__is_onnx(const unsigned char *d, size_t len, bool hinted)
{
	pb b = {d, d + len};
	pb_item it;
	bool graph = false, first = true;
	int r;

	while ((r = next(&b, &it)) > 0) {
		if (first) {
			if (it.field != 1 || it.wire != 0 || it.v < 1 || it.v > 20)
				return false;
			if (hinted)
				return true;
			first = false;
			continue;
		}
		if (!(it.field <= 8 || it.field == 14 || it.field == 20 || it.field == 25))
			return false;
		if (it.field == 7 && it.wire == 2)
			graph = true;
	}
	if (first)
		return false;
	return r == 0 && graph;
}

int aibom_artifact__read_onnx(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	walk w;
	pb b = {d, d + len};
	pb_item it;
	cJSON *opsets = aibom_artifact__meta_object(ctx, meta, "opset_import");
	int r;

	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.base = d;
	w.meta = meta;
	w.inputs = aibom_artifact__meta_array(ctx, meta, "inputs");
	w.outputs = aibom_artifact__meta_array(ctx, meta, "outputs");
	w.ops = aibom_artifact__meta_array(ctx, meta, "op_types");
	w.domains = aibom_artifact__meta_array(ctx, meta, "custom_domains");
	w.external = aibom_artifact__meta_array(ctx, meta, "external_data");
	while ((r = next(&b, &it)) > 0 && !w.bad) {
		if (it.field == 1 && it.wire == 0)
			aibom_artifact__meta_num(ctx, meta, "ir_version", (double)it.v);
		else if (it.field == 5 && it.wire == 0)
			aibom_artifact__meta_num(ctx, meta, "model_version", (double)it.v);
		else if (it.wire == 2 && (it.field == 2 || it.field == 3 || it.field == 4))
			aibom_artifact__meta_strn(ctx, meta, it.field == 2 ? "producer" : it.field == 3 ? "producer_version" :
				"domain", (const char *)it.data, it.len > 256 ? 256 : it.len);
		else if (it.field == 7 && it.wire == 2)
			onnx_graph(&w, sub(&it), 0);
		else if (it.field == 8 && it.wire == 2) {
			pb o = sub(&it);
			pb_item f;
			char dom[128] = "ai.onnx";
			uint64_t version = 0;
			int r2;
			while ((r2 = next(&o, &f)) > 0) {
				if (f.field == 1 && f.wire == 2 && f.len)
					snprintf(dom, sizeof(dom), "%.*s", (int)(f.len > 100 ? 100 : f.len), (const char *)f.data);
				else if (f.field == 2 && f.wire == 0)
					version = f.v;
			}
			if (r2 < 0)
				bad(&w, &o, "corrupt OperatorSetIdProto");
			for (size_t k = 0; dom[k]; k++)
				if ((unsigned char)dom[k] < 0x20 || (unsigned char)dom[k] >= 0x80)
					dom[k] = '?';
			if (opsets)
				aibom_artifact__meta_num(ctx, opsets, dom, (double)version);
			if (!strcmp(dom, "ai.onnx"))
				aibom_artifact__meta_num(ctx, meta, "opset", (double)version);
		} else if (it.field == 25 && it.wire == 2) {
			/* FunctionProto: its nodes are graph nodes too */
			pb f = sub(&it);
			pb_item n;
			int r2;
			while ((r2 = next(&f, &n)) > 0)
				if (n.field == 3 && n.wire == 2)
					onnx_node(&w, sub(&n), 1);
			if (r2 < 0)
				bad(&w, &f, "corrupt FunctionProto");
		}
	}
	if (r < 0)
		bad(&w, &b, "corrupt ModelProto");
	aibom_artifact__meta_num(ctx, meta, "nodes", (double)w.nodes);
	aibom_artifact__meta_num(ctx, meta, "initializers", (double)w.initializers);
	if (w.domains && cJSON_GetArraySize(w.domains) > 0)
		aibom_artifact__warn(ctx, meta, "custom operator domains need their own runtime libraries");
	if (w.bad)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "ONNX: %s", w.why);
	return 0;
}

/* ------------------------------------------------------------------ TensorFlow SavedModel */

bool aibom_artifact__is_savedmodel(const unsigned char *d, size_t len, bool hinted)
{
	pb b = {d, d + len};
	pb_item it;
	bool meta_graph = false;
	int r, n = 0;

	while ((r = next(&b, &it)) > 0) {
		if (n++ == 0 && !(it.field == 1 && it.wire == 0 && it.v == 1) && !(hinted && it.field == 2 && it.wire == 2))
			return false;
		if (it.field == 2 && it.wire == 2) {
			pb m = sub(&it);
			pb_item f;
			if (next(&m, &f) > 0 && (f.field == 1 || f.field == 2) && f.wire == 2)
				meta_graph = true;
		} else if (it.field != 1) {
			return false;
		}
	}
	return (r == 0 || hinted) && meta_graph;
}

static void tf_node(walk *w, pb n)
{
	pb_item it;
	const unsigned char *at = n.p;
	int r;

	w->nodes++;
	while ((r = next(&n, &it)) > 0) {
		if (it.field == 2 && it.wire == 2) {
			char op[128];
			snprintf(op, sizeof(op), "%.*s", (int)(it.len > 100 ? 100 : it.len), (const char *)it.data);
			for (size_t k = 0; op[k]; k++)
				if ((unsigned char)op[k] < 0x20 || (unsigned char)op[k] >= 0x80)
					op[k] = '?';
			add_listed(w, w->ops, it.data, it.len);
			if (aibom_artifact__in_list(w->ctx->globals, "tf_dangerous_ops", op))
				aibom_artifact__import_as(w->ctx, "tensorflow.raw_ops", op, (uint64_t)(at - w->base), 1);
		}
	}
	if (r < 0)
		bad(w, &n, "corrupt NodeDef");
}

static void tf_graph(walk *w, pb g)
{
	pb_item it;
	int r;

	while ((r = next(&g, &it)) > 0 && !w->bad) {
		if (it.wire != 2)
			continue;
		if (it.field == 1) {
			tf_node(w, sub(&it));
		} else if (it.field == 2) { /* FunctionDefLibrary: function (1) -> node_def (3) */
			pb lib = sub(&it);
			pb_item f;
			int r2;
			while ((r2 = next(&lib, &f)) > 0) {
				if (f.field == 1 && f.wire == 2) {
					pb fn = sub(&f);
					pb_item n;
					int r3;
					while ((r3 = next(&fn, &n)) > 0)
						if (n.field == 3 && n.wire == 2)
							tf_node(w, sub(&n));
					if (r3 < 0)
						bad(w, &fn, "corrupt FunctionDef");
				}
			}
			if (r2 < 0)
				bad(w, &lib, "corrupt FunctionDefLibrary");
		}
	}
	if (r < 0)
		bad(w, &g, "corrupt GraphDef");
}

int aibom_artifact__read_savedmodel(aibom_artifact_ctx *ctx, const unsigned char *d, size_t len, cJSON *meta)
{
	walk w;
	pb b = {d, d + len};
	pb_item it;
	cJSON *tags = aibom_artifact__meta_array(ctx, meta, "tags"),
		*sigs = aibom_artifact__meta_array(ctx, meta, "signatures");
	size_t graphs = 0;
	int r;

	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.base = d;
	w.meta = meta;
	w.ops = aibom_artifact__meta_array(ctx, meta, "op_types");
	while ((r = next(&b, &it)) > 0 && !w.bad) {
		if (it.field == 1 && it.wire == 0) {
			aibom_artifact__meta_num(ctx, meta, "schema_version", (double)it.v);
		} else if (it.field == 2 && it.wire == 2) {
			pb m = sub(&it);
			pb_item f;
			int r2;
			graphs++;
			while ((r2 = next(&m, &f)) > 0 && !w.bad) {
				if (f.wire != 2)
					continue;
				if (f.field == 1) { /* MetaInfoDef */
					pb mi = sub(&f);
					pb_item g;
					int r3;
					while ((r3 = next(&mi, &g)) > 0) {
						if (g.field == 4 && g.wire == 2)
							add_listed(&w, tags, g.data, g.len);
						else if (g.field == 5 && g.wire == 2)
							aibom_artifact__meta_strn(ctx, meta, "tensorflow_version", (const char *)g.data,
								g.len > 64 ? 64 : g.len);
					}
					if (r3 < 0)
						bad(&w, &mi, "corrupt MetaInfoDef");
				} else if (f.field == 2) {
					tf_graph(&w, sub(&f));
				} else if (f.field == 5) { /* signature_def map entry: key (1) */
					pb e = sub(&f);
					pb_item g;
					while (next(&e, &g) > 0)
						if (g.field == 1 && g.wire == 2)
							add_listed(&w, sigs, g.data, g.len);
				}
			}
			if (r2 < 0)
				bad(&w, &m, "corrupt MetaGraphDef");
		}
	}
	if (r < 0)
		bad(&w, &b, "corrupt SavedModel");
	aibom_artifact__meta_num(ctx, meta, "meta_graphs", (double)graphs);
	aibom_artifact__meta_num(ctx, meta, "nodes", (double)w.nodes);
	if (w.bad)
		aibom_artifact__judge(ctx, AIBOM_VERDICT_MALFORMED, "SavedModel: %s", w.why);
	return 0;
}

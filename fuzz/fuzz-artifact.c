/*
 * fuzz-artifact.c - libFuzzer harness for the model-artifact inspector: every input goes through
 * aibom_inspect_buffer() (identification, every format reader, archives, decompression, the
 * pickle analysis) and the JSON rendering. The first byte picks a file-name hint, so the
 * readers that take hints (".onnx", "saved_model.pb", ".pkl") are reached too. Seed it with the
 * samples of tests/gen-artifacts.py.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "aibom.h"
#include "artifact/artifact.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"model.bin", "model.onnx", "saved_model.pb", "model.pkl",
		"model.keras", "model.npz", "model.gguf", "model.safetensors"};
	aibom_inspection *insp = NULL;
	aibom_buf json = {0};
	const char *name = size ? names[data[0] % (sizeof(names) / sizeof(names[0]))] : NULL;
	size_t k;

	if (aibom_inspect_buffer(&insp, name, data, size) != 0)
		abort(); /* only memory exhaustion may fail, and fuzzing inputs are small */
	(void)aibom_inspection_format(insp);
	(void)aibom_inspection_reason(insp);
	for (k = 0; k < aibom_inspection_import_count(insp); k++)
		if (aibom_inspection_import(insp, k)->module == NULL)
			abort();
	if (aibom_inspection_to_json(&json, insp) != 0)
		abort();
	aibom_buf_dispose(&json);
	aibom_inspection_free(insp);
	(void)aibom_artifact__looks_like_model(name, data, size < 512 ? size : 512);
	return 0;
}

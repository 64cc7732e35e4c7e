/* fuzz_forms.c: libFuzzer entry point for the YAML instrument loader (cb_form_load_buffer). */
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cb_fuzz_forms_one(data, size);
	return 0;
}

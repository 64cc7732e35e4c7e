/* fuzz_bundle.c: libFuzzer entry point for the sync bundle reader (cb_sync_import). */
#include "targets.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Before libFuzzer reads the corpus folders: the setup writes the seeds into one of them. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cb_fuzz_bundle_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cb_fuzz_bundle_one(data, size);
	return 0;
}

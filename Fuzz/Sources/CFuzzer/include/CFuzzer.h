#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, in the runtime that -sanitize=fuzzer links. SwiftPM gives an executable
// its own main, so the fuzz targets start the fuzzer from there.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// OpenBLAS from PyPI's scipy-openblas32, unpacked into the package's .cache/blas by `make deps`
// (its symbols carry the prefix `scipy_`: scipy_cblas_dgemm, scipy_openblas_get_corename, ...).
#if __has_include("../../.cache/blas/include/cblas.h")
#include "../../.cache/blas/include/cblas.h"
#else
#error "The BLAS is missing: run `make deps` (it fetches scipy-openblas32 into .cache/blas)."
#endif

// The vector kernels behind Calculus's VectorMath, compiled for several instruction sets and
// chosen at run time by the CPU's features (their arithmetic is documented in Calculus, on
// VectorMath.exp).
#ifndef CVECTORMATH_H
#define CVECTORMATH_H

#include <stddef.h>

/// The instruction sets a kernel is compiled for, widest last.
typedef enum {
  CVM_LEVEL_BASELINE = 0,  // the target's baseline (SSE2 on x86-64)
  CVM_LEVEL_AVX2 = 1,
  CVM_LEVEL_AVX512F = 2,
} cvm_level;

/// The widest level this CPU (and its operating system) runs.
cvm_level cvm_best_level(void);

/// y[i] = e^x[i] for i < n at `cvm_best_level()`. x and y may be the same array.
void cvm_exp(const double *x, double *y, size_t n);

/// `cvm_exp` compiled for `level`; returns 0 without touching y when this CPU cannot run it.
int cvm_exp_at_level(cvm_level level, const double *x, double *y, size_t n);

#endif

// e^x eight lanes at a time, the same IEEE operations in every instruction set: the lanes'
// values do not depend on which kernel the CPU runs. No multiply-add is fused (a fused one
// rounds once instead of twice), so contraction is off for the whole file.
#pragma STDC FP_CONTRACT OFF

#include "CVectorMath.h"

#include <math.h>
#include <string.h>

// Whether every lane of the group of eight at x is in the polynomial's range (NaN is not).
static inline __attribute__((always_inline)) int inRange8(const double *x) {
  int inRange = 1;
  for (int k = 0; k < 8; k++) inRange &= (x[k] >= -708.0) & (x[k] <= 708.0);
  return inRange;
}

// The polynomial path for 8 * G lanes at once (G groups of eight, all in range): the groups'
// dependency chains are independent, so a wide core overlaps them. See VectorMath.exp in
// Calculus for the method and its accuracy.
#define EXP_LANES(G)                                                                     \
  static inline __attribute__((always_inline)) void expLanes##G(const double *x, double *y) { \
    typedef double vd __attribute__((ext_vector_type(8 * G)));                           \
    typedef unsigned long long vu __attribute__((ext_vector_type(8 * G)));               \
    vd v;                                                                                \
    memcpy(&v, x, sizeof v);                                                             \
    const vd shifter = 0x1.8p52;                                                         \
    const vd shifted = v * 1.4426950408889634 + shifter;                                 \
    const vd n = shifted - shifter;                                                      \
    const vd r = (v - n * 0.6931471803691238) - n * 1.9082149292705877e-10;              \
    /* 1/13!, 1/12!, ..., 1/1!, 1/0! (each quotient rounded once). */                    \
    vd p = 1.0 / 6227020800.0;                                                           \
    p = p * r + 1.0 / 479001600.0;                                                       \
    p = p * r + 1.0 / 39916800.0;                                                        \
    p = p * r + 1.0 / 3628800.0;                                                         \
    p = p * r + 1.0 / 362880.0;                                                          \
    p = p * r + 1.0 / 40320.0;                                                           \
    p = p * r + 1.0 / 5040.0;                                                            \
    p = p * r + 1.0 / 720.0;                                                             \
    p = p * r + 1.0 / 120.0;                                                             \
    p = p * r + 1.0 / 24.0;                                                              \
    p = p * r + 1.0 / 6.0;                                                               \
    p = p * r + 1.0 / 2.0;                                                               \
    p = p * r + 1.0;                                                                     \
    p = p * r + 1.0;                                                                     \
    const vu bits = (vu)shifted - (vu)shifter;                                           \
    const vd scale = (vd)((bits + 1023) << 52);                                          \
    const vd result = p * scale;                                                         \
    memcpy(y, &result, sizeof result);                                                   \
  }
EXP_LANES(1)
EXP_LANES(4)

// One group of eight lanes: the polynomial, or libm's exp lane by lane when a lane is out of
// range or NaN.
static inline __attribute__((always_inline)) void exp8(const double *x, double *y) {
  if (inRange8(x)) {
    expLanes1(x, y);
  } else {
    for (int k = 0; k < 8; k++) y[k] = exp(x[k]);
  }
}

static inline __attribute__((always_inline)) void expAll(const double *x, double *y, size_t n) {
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    if (inRange8(x + i) & inRange8(x + i + 8) & inRange8(x + i + 16) & inRange8(x + i + 24)) {
      expLanes4(x + i, y + i);
    } else {
      for (int g = 0; g < 32; g += 8) exp8(x + i + g, y + i + g);
    }
  }
  for (; i + 8 <= n; i += 8) exp8(x + i, y + i);
  for (; i < n; i++) y[i] = exp(x[i]);
}

static void expBaseline(const double *x, double *y, size_t n) { expAll(x, y, n); }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void expAVX2(const double *x, double *y, size_t n) {
  expAll(x, y, n);
}

__attribute__((target("avx512f"))) static void expAVX512F(const double *x, double *y, size_t n) {
  expAll(x, y, n);
}
#endif

cvm_level cvm_best_level(void) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return CVM_LEVEL_AVX512F;
  if (__builtin_cpu_supports("avx2")) return CVM_LEVEL_AVX2;
#endif
  return CVM_LEVEL_BASELINE;
}

int cvm_exp_at_level(cvm_level level, const double *x, double *y, size_t n) {
  if (level > cvm_best_level()) return 0;
  switch (level) {
#if defined(__x86_64__)
  case CVM_LEVEL_AVX512F: expAVX512F(x, y, n); return 1;
  case CVM_LEVEL_AVX2: expAVX2(x, y, n); return 1;
#endif
  case CVM_LEVEL_BASELINE: expBaseline(x, y, n); return 1;
  default: return 0;
  }
}

typedef void (*expKernel)(const double *, double *, size_t);

static expKernel chosenExp(void) {
  switch (cvm_best_level()) {
#if defined(__x86_64__)
  case CVM_LEVEL_AVX512F: return expAVX512F;
  case CVM_LEVEL_AVX2: return expAVX2;
#endif
  default: return expBaseline;
  }
}

void cvm_exp(const double *x, double *y, size_t n) {
  // Chosen once; a race between threads writes the same pointer.
  static expKernel kernel = 0;
  expKernel k = __atomic_load_n(&kernel, __ATOMIC_RELAXED);
  if (!k) {
    k = chosenExp();
    __atomic_store_n(&kernel, k, __ATOMIC_RELAXED);
  }
  k(x, y, n);
}

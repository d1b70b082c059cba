// stdlib/numpy/reduce_kernels_avx2.cpp — the contiguous reduction kernels of
// reduce_simd.h compiled for AVX2 (32-byte vectors), chosen at run time by
// reduce_kernels.cpp when the CPU has it.
//
// Stage: a kernel table, built once on first use; nothing else lives here.
//
// Invariants:
//   I1  The bits are those of the baseline kernels (reduce_simd.h I1); only the vector
//       width differs. This file is compiled for every x86-64 CPU but only entered after
//       __builtin_cpu_supports() said yes.
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "stdlib/numpy/reduce.h"

#if defined(__x86_64__)
#pragma GCC target("avx2")
#endif

#include "stdlib/numpy/reduce_simd.h"

namespace pyjitvm::stdlib::np::rk {

const SimdKernels* simd_kernels_avx2() {
#if defined(__x86_64__)
  static const SimdKernels k = make_simd_kernels<32>();
  return &k;
#else
  return nullptr;
#endif
}

}  // namespace pyjitvm::stdlib::np::rk

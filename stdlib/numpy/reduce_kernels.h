// stdlib/numpy/reduce_kernels.h — the typed inner loops of the reduction engine: NumPy's
// pairwise summation, its AVX-512 min/max reduction order, and the element-wise
// accumulation loops, each in NumPy's inner-loop form.
//
// Stage: private to the reductions area (reduce_engine.cpp, reduce_stats.cpp,
// reductions.cpp and tests/unit/stdlib/numpy_reduce_test.cpp); other areas use reduce.h.
//
// Two loop shapes, as NumPy's ufunc loops see a reduction:
//   ReduceRun   `*op = *op (+) in[0] (+) ... (+) in[n-1]`  (the output stride is 0,
//               NumPy's IS_BINARY_REDUCE case: pairwise sums, SIMD min/max)
//   ElementRun  `op[j] = op[j] (+) in[j]` for j < n     (the reduced axis is an outer
//               one: whole rows are combined element by element)
//
// Invariants:
//   I1  pairwise_sum() is NumPy 1.24's pairwise_sum (runs < 8 summed from -0.0, 8
//       interleaved partial sums up to 128 elements combined as
//       ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), longer runs split at a multiple of 8 below
//       n/2), bit for bit, for contiguous and strided runs alike.
//   I2  minmax_reduce_contig() reproduces NumPy's AVX-512 reduce loop (this machine's
//       dispatch target): a vector accumulator of 64 bytes seeded with *op, blocks of 8
//       vectors combined as a tree, single vectors, the lane tree of GCC's
//       _mm512_reduce_max_pd/ps (a NaN lane gives the canonical quiet NaN), then a scalar
//       tail; minmax_reduce_strided() reproduces the 8-way scalar unroll NumPy uses for
//       non-contiguous runs. Ties (signed zeros) therefore resolve exactly as in NumPy.
//   I3  Integer arithmetic wraps modulo 2^bits (computed in the unsigned type).
//   I4  NaN results carry NumPy's NaN: x86 returns the first NaN operand, and each float
//       addition/multiplication states its operand order as NumPy's loops compile it
//       (accumulator first; the pairwise result first in `*op += pairwise`); nadd().
#pragma once

#include <cstdint>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/reduce.h"

namespace pyjitvm::stdlib::np::rk {

// NumPy's default ufunc buffer size: a reduction's inner loop never sees more elements
// than this at once, so summation restarts its pairwise tree every 8192 elements.
inline constexpr int64_t kBufferSize = 8192;

using ReduceRun = void (*)(char* op, const char* ip, int64_t is, int64_t n);
using ElementRun = void (*)(char* op, int64_t os, const char* ip, int64_t is, int64_t n);

struct KindLoops {
  ReduceRun reduce = nullptr;
  ElementRun element = nullptr;
};

// Loops of a built-in kind (not Generic) working on `dt` elements; {nullptr, nullptr}
// when NumPy has no such loop (logical kinds only take bool; Add on bool is logical or).
KindLoops loops_for(ReduceKind kind, DType dt);

// Accumulation along a run: acc = *prev (or, with prev == nullptr, op[0] = in[0] and the
// run continues from element 1); then op[i] = acc = acc (+) in[i] — np.cumsum's order.
using AccumRun = void (*)(const char* prev, char* op, int64_t os, const char* ip, int64_t is, int64_t n);
AccumRun accum_loop(ReduceKind kind, DType dt);

// ---- kernels exposed for the unit tests (I1, I2)
double pairwise_sum_f64(const char* p, int64_t n, int64_t stride);
float pairwise_sum_f32(const char* p, int64_t n, int64_t stride);
// n complex elements at byte stride `stride`.
void pairwise_sum_c128(double* re, double* im, const char* p, int64_t n, int64_t stride);

template <class T, ReduceKind K>
T minmax_reduce_contig(const T* ip, int64_t n, T op0);
template <class T, ReduceKind K>
T minmax_reduce_strided(const char* ip, int64_t is, int64_t n, T op0);

// ---- argmin/argmax over a contiguous run (NumPy's argfunc: first extreme, first NaN)
using ArgRun = int64_t (*)(const char* p, int64_t n);
ArgRun arg_loop(DType dt, bool is_max);

}  // namespace pyjitvm::stdlib::np::rk

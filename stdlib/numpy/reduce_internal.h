// stdlib/numpy/reduce_internal.h — what the reductions area's files share beyond
// reduce.h: the array-returning engine entry, dtype defaults, and small element-wise
// helpers the statistics (mean, var, std, nan*) are built from.
//
// Stage: private to stdlib/numpy/reduce_*.cpp and reductions.cpp.
//
// Invariants:
//   I1  reduce_to_array() is reduce() without the final boxing: a 0-d result stays a 0-d
//       array (owned by the caller, never out= itself unless out= was given).
//   I2  The helpers below reproduce the NumPy 1.24 ufunc loops that np.mean/np.var use
//       (true_divide by a count, subtract with broadcasting, multiply, sqrt), with the
//       result dtypes NumPy's type resolution picks for those calls.
#pragma once

#include <optional>
#include <span>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/reduce.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// reduce.h I3: the dtype add/multiply/... reduce or accumulate in when dtype= is absent.
DType reduce_default_dtype(ReduceKind kind, DType in);

// reduce() returning the result array itself (I1); nullptr with an exception pending.
NDArray* reduce_to_array(vm::VM& vm, NDArray* a, const ReduceSpec& spec);

// What NumPy returns for a finished reduction result: `r` itself, or a NumPy scalar
// when r is 0-d and no out= array was given.
vm::Value reduce_result(vm::VM& vm, NDArray* r, bool out_given);

// The out= argument: Undef/None → nullptr (ok stays true); an ndarray; anything else
// raises TypeError "output must be an array".
bool parse_out(vm::VM& vm, vm::Value v, NDArray*& out);

// A new array of `shape` laid out in the memory order nditer chooses for operands with
// strides st[0..nop) over `shape` (K order: by |stride|, C order on ties).
NDArray* new_array_in_iter_order(vm::VM& vm, DType dt, std::span<const int64_t> shape, int nop,
                                 const int64_t (*st)[kMaxDims]);

// ---- the statistics (reduce_stats.cpp). `spec` carries axes, dtype, out, keepdims and
// where as parsed from the call; kind and name are set inside.
vm::Value np_mean(vm::VM& vm, NDArray* a, ReduceSpec spec);
vm::Value np_var(vm::VM& vm, NDArray* a, ReduceSpec spec, double ddof, bool take_sqrt);
vm::Value np_nanmean(vm::VM& vm, NDArray* a, ReduceSpec spec);
vm::Value np_nanvar(vm::VM& vm, NDArray* a, ReduceSpec spec, double ddof, bool take_sqrt);
// nansum/nanprod (value 0/1), the nan arg functions (value ±inf) and nancumsum/nancumprod
// replace NaN in a copy (K order); `mask` gets the NaN positions (nullptr when `a` is not
// inexact, and then the result is `a` itself).
NDArray* replace_nan(vm::VM& vm, NDArray* a, double value, NDArray** mask);
// np.fmin/np.fmax.reduce (nanmin/nanmax on an ndarray) with NumPy's all-NaN warning.
vm::Value np_nanminmax(vm::VM& vm, NDArray* a, ReduceSpec spec, bool is_max, bool from_list);
// np.argmin/np.argmax: axis=None flattens; keepdims keeps a length-1 axis.
vm::Value arg_reduce(vm::VM& vm, NDArray* a, vm::Value axis, vm::Value out, bool keepdims, bool is_max);
// np.average(a, axis, weights, returned, keepdims).
vm::Value np_average(vm::VM& vm, NDArray* a, vm::Value axis, vm::Value weights, bool returned, bool keepdims);
// Writes "RuntimeWarning: msg" to stderr (pyjitvm has no warnings filters).
void runtime_warning(vm::VM& vm, const char* msg);

// ---- element-wise helpers (I2); all work in place on `x` and return false with an
// exception pending only on allocation failure.
// x[i] = x[i] / count, as np.true_divide(x, np.intp(count), out=x, casting='unsafe')
// does: float32 divides in float32, complex uses NumPy's Smith division, integer and
// bool arrays divide in float64 and cast back.
void divide_by_count_inplace(NDArray* x, double count);
// The same with a per-element count array broadcast to x (np.divide(x, cnt, out=x)),
// dividing in float64 and casting back, as nanmean's _divide_by_count does.
void divide_by_counts_inplace(NDArray* x, NDArray* counts);
// x[i] = sqrt(x[i]) (float32 in float32).
void sqrt_inplace(NDArray* x);
// Scalar forms: what `ret.dtype.type(ret / rcount)` gives for a 0-d result of dtype d
// (value at p, updated in place).
void divide_scalar_by_count(DType d, void* p, double count);
void sqrt_scalar(DType d, void* p);
// np.subtract(a, m) with broadcasting, in the promoted dtype of the two arrays.
NDArray* subtract_arrays(vm::VM& vm, NDArray* a, NDArray* m);
// x = x * x for real x; for complex x a new float64 array |x|^2 computed as NumPy's _var
// does (re*re + im*im).
NDArray* square_inplace_or_abs2(vm::VM& vm, NDArray* x);

}  // namespace pyjitvm::stdlib::np

// stdlib/numba/vec_internal.h — what @vectorize (vectorize.cpp) and @guvectorize
// (guvectorize.cpp) share: the ufunc-like object, loop selection with NumPy's rules and
// the conversion of array elements to the values njit code sees.
//
// Stage: decoration builds a VecFunc {py_func, jit_fn = numba_variant(py_func),
// signatures}; a call makes NumPy operands (ufunc_impl.h make_operand), picks a
// signature (select_signature: the rules NumPy 1.24 applies to Numba's ufunc objects)
// and runs jit_fn once per element / per core block.
//
// Invariants:
//   I1  `sigs` holds NbSignature objects in declaration order (eager) or in the order
//       the lazy object added them; a lazy signature's `ret` is nullptr until its first
//       element was computed (then the type of that result).
//   I2  Elements reach njit code as Python int/float/bool/complex for int64/float64/
//       bool/complex128 and as NumPy scalars for the other dtypes (numba_internal.h).
//   I3  No loop for the inputs raises TypeError "ufunc 'NAME' not supported for the
//       input types, and the inputs could not be safely coerced to any supported types
//       according to the casting rule ''safe''" — NumPy's wording, which Numba shows.
#pragma once

#include <string>
#include <vector>

#include "stdlib/numba/numba_internal.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/ufunc_impl.h"

namespace pyjitvm::stdlib::nb {

struct VecFunc : vm::Object {
  vm::Function* py_func = nullptr;
  vm::Function* jit_fn = nullptr;
  vm::List* sigs = nullptr;   // I1
  vm::Value identity;         // identity= (None when not given)
  vm::Str* layout = nullptr;  // guvectorize: "(m,n),(n,p)->(m,p)"; nullptr for vectorize
  int nin = 0;
  int nout = 1;
  bool lazy = false;
  bool plain_ufunc = false;  // target='parallel': a numpy.ufunc object in Numba
};

inline VecFunc* as_vecfunc(vm::Value v) { return static_cast<VecFunc*>(v.as_obj()); }
void vecfunc_trace(vm::Object* o, vm::GcTracer& t);

// The element at `p` (dtype d) as njit code sees it (I2).
vm::Value element_value(vm::VM& vm, np::DType d, const char* p);
// The dtype of a signature argument (scalar or array element type).
np::DType sig_dtype(const NbType* t);
// Index into f->sigs of the signature for the operands: DUFuncs take the first whose
// first `n` argument dtypes the operands' dtypes cast to safely; plain ufuncs and
// GUFuncs prefer an exact dtype match, then cast safely with NumPy's value-based rules
// for scalars mixed with arrays. -1 when none (no exception).
int select_signature(const VecFunc* f, const np::Operand* ops, int n);
// Raises I3's TypeError for `f`.
vm::Value raise_no_loop(vm::VM& vm, const VecFunc* f);
// The `types` attribute: ["dd->d", ...].
vm::Value types_list(vm::VM& vm, const VecFunc* f);
// A 0-d or n-d array holding operand `op` (its own dtype); `op.arr` when it has one.
np::NDArray* operand_array(vm::VM& vm, const np::Operand& op);
// Signature list from a decorator argument: a list/tuple of strings/Signatures, or one.
bool collect_sig_list(vm::VM& vm, vm::Value v, vm::List* out);

// NumPy's same_kind check of a result of dtype `from` written to out= of dtype `to`
// (UFuncOutputCastingError "Cannot cast ufunc 'NAME' output from dtype('float64') to
// dtype('int64') with casting rule 'same_kind'").
bool check_output_cast(vm::VM& vm, const VecFunc* f, np::DType from, np::DType to);

// guvectorize.cpp
bool install_guvectorize(vm::VM& vm, NumbaState& st);

}  // namespace pyjitvm::stdlib::nb

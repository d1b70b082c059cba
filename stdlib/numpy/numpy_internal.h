// stdlib/numpy/numpy_internal.h — how the numpy module is assembled: one install
// function per area (each in its own file), called in order by init_numpy_module().
//
// Stage: numpy_module.cpp calls install_* below on the first `import numpy`; each adds
// its functions to the module dict (st.module->dict) and its methods/slots to the
// ndarray type (st.ndarray) or the scalar types.
//
// Invariants:
//   I1  Areas talk to each other only through the headers of the core (dtype.h,
//       ndarray.h, scalar.h, convert.h, broadcast.h, cast.h, state.h) and the public
//       header of an area (ufunc.h, print.h); never through each other's .cpp files.
//   I2  Every install function runs with st fully allocated (types and dtype objects
//       exist) and may allocate freely (no collection happens during module init).
#pragma once

#include <span>

#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/state.h"
#include "vm/native.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// An np.dtype object (stdlib/numpy/dtype_object.cpp).
struct DTypeObj : vm::Object {
  DType d;
};

// ---- core (numpy_module.cpp, ndarray_type.cpp, scalar.cpp, dtype_object.cpp)
void install_scalar_types(vm::VM& vm, NumpyState& st);
void install_dtype_type(vm::VM& vm, NumpyState& st);
void install_ndarray_type(vm::VM& vm, NumpyState& st);  // attributes, len, iter, tolist ...
void ndarray_set_memory_slots(vm::Type* t);             // ndarray.cpp

// ---- areas (one owner each)
void install_printing(vm::VM& vm, NumpyState& st);   // print_*.cpp: repr/str, set_printoptions
void install_ufuncs(vm::VM& vm, NumpyState& st);     // ufunc*.cpp: ufuncs, operators, scalar math
void install_reductions(vm::VM& vm, NumpyState& st); // reductions.cpp: sum, mean, argmax, cumsum ...
void install_creation(vm::VM& vm, NumpyState& st);   // creation.cpp: array, zeros, arange ...
void install_shape(vm::VM& vm, NumpyState& st);      // shape.cpp: reshape, transpose, stack ...
void install_indexing(vm::VM& vm, NumpyState& st);   // indexing.cpp: __getitem__/__setitem__
void install_sorting(vm::VM& vm, NumpyState& st);    // sorting.cpp: sort, argsort, unique ...
void install_misc(vm::VM& vm, NumpyState& st);       // misc.cpp: diff, isclose, nonzero ...
void install_linalg(vm::VM& vm, NumpyState& st);     // linalg.cpp: dot, matmul, np.linalg
void install_random(vm::VM& vm, NumpyState& st);     // random.cpp: np.random

// Creates a submodule "numpy.<name>" registered in sys.modules and set as an attribute
// of numpy (for np.linalg, np.random).
vm::Module* new_submodule(vm::VM& vm, NumpyState& st, const char* name);

// Methods of ndarray / functions of the numpy module. A function that mirrors a method
// (np.sum(a) and a.sum()) converts its first argument with as_array() and shares the
// implementation.
void add_array_methods(vm::VM& vm, NumpyState& st, std::span<const vm::MethodDef> defs);
void add_module_functions(vm::VM& vm, NumpyState& st, std::span<const vm::MethodDef> defs);

}  // namespace pyjitvm::stdlib::np

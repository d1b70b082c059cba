// stdlib/numpy/state.h — per-VM numpy state: the module, its types, dtype objects,
// print options and the default random state.
//
// Stage: created by init_numpy_module() (stdlib/numpy/numpy_module.cpp) on the first
// `import numpy`, stored in the VM's extension slot kExtNumpy (stdlib/ext_slots.h).
//
// Invariants:
//   I1  No global state: everything numpy needs per VM is in NumpyState, which the GC
//       traces through the extension slot.
//   I2  state(vm) may be called whenever an ndarray or numpy scalar exists (numpy is
//       then imported); C++ callers that may run before the import (the embedding API,
//       the JIT) use ensure_numpy().
//   I3  scalar_type[d] and dtype_obj[d] are non-null for every DType after init.
#pragma once

#include <cstdint>
#include <string>

#include "stdlib/ext_slots.h"
#include "stdlib/numpy/dtype.h"
#include "vm/object.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

// np.set_printoptions / np.get_printoptions (NumPy 1.24 defaults).
struct PrintOptions {
  int precision = 8;
  int64_t threshold = 1000;
  int edgeitems = 3;
  int linewidth = 75;
  bool suppress = false;
  std::string nanstr = "nan";
  std::string infstr = "inf";
  char sign = '-';                     // '-', '+' or ' '
  std::string floatmode = "maxprec";   // fixed, unique, maxprec, maxprec_equal
  int legacy = INT32_MAX;              // NumPy's internal legacy version (113, 121) or max
};

struct NumpyState : vm::Object {
  vm::Module* module = nullptr;
  vm::Type* ndarray = nullptr;     // np.ndarray
  vm::Type* dtype = nullptr;       // np.dtype
  vm::Type* ufunc = nullptr;       // np.ufunc (stdlib/numpy/ufunc*.cpp)
  vm::Type* flags = nullptr;       // ndarray.flags objects
  vm::Type* array_iter = nullptr;  // iter(ndarray)
  vm::Type* axis_error = nullptr;  // np.AxisError (ValueError, IndexError)
  // Abstract scalar hierarchy: generic > number > integer > signedinteger ...
  vm::Type* generic = nullptr;
  vm::Type* number = nullptr;
  vm::Type* integer = nullptr;
  vm::Type* signedinteger = nullptr;
  vm::Type* unsignedinteger = nullptr;
  vm::Type* inexact = nullptr;
  vm::Type* floating = nullptr;
  vm::Type* complexfloating = nullptr;
  vm::Type* scalar_type[kNumDTypes] = {};  // np.bool_, np.int8, ... (I3)
  vm::Object* dtype_obj[kNumDTypes] = {};  // np.dtype('bool'), ... (I3)
  vm::Object* random_state = nullptr;      // np.random's hidden RandomState
  vm::Object* extra = nullptr;             // a dict for areas' cached objects (ufuncs ...)
  PrintOptions print;
};

// The state of an imported numpy (I2).
inline NumpyState& state(vm::VM& vm) {
  return *static_cast<NumpyState*>(vm.ext_slot(kExtNumpy));
}
// Imports numpy when needed; nullptr with a pending exception on failure.
NumpyState* ensure_numpy(vm::VM& vm);

}  // namespace pyjitvm::stdlib::np

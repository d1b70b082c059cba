// stdlib/numpy/ufunc.cpp — installs the ufunc area into numpy: the exception classes,
// the np.ufunc type and objects, the operator slots and the element-wise functions;
// and the C++ entry points of ufunc.h.
//
// Stage: install_ufuncs() during `import numpy` (numpy_internal.h).
//
// Invariants:
//   I1  install order: exceptions before anything that can raise them, the ufunc
//       objects before the functions that may look them up.
//   I2  call_ufunc()/result_type() are the Python-level behaviour (ufunc.h I1-I3).
#include "stdlib/numpy/numpy_internal.h"
#include <vector>

#include "stdlib/numpy/ufunc_impl.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

void install_ufuncs(VM& vm, NumpyState& st) {
  install_ufunc_exceptions(vm, st);
  install_ufunc_objects(vm, st);
  install_ufunc_operators(vm, st);
  install_ufunc_functions(vm, st);
}

Value call_ufunc(VM& vm, UfuncId id, std::span<const Value> inputs, Value out) {
  const UfuncDef& def = ufunc_def(id);
  if (inputs.size() != def.nin)
    return vm.raise_fmt(vm.exc().TypeError,
                        "%s() takes from %d to %d positional arguments but %zu were given",
                        def.name, def.nin, def.nin + 1, inputs.size());
  Operand ops[2];
  for (int i = 0; i < def.nin; ++i)
    if (!make_operand(vm, inputs[i], ops[i])) return Value();
  CallOptions opt;
  if (!out.is_undef() && !out.is_none()) {
    if (!is_ndarray(vm, out))
      return vm.raise(vm.exc().TypeError, "return arrays must be of ArrayType");
    opt.out = out;
  }
  return execute(vm, id, ops, opt);
}

bool result_type(VM& vm, std::span<const Value> values, DType& out) {
  std::vector<Operand> ops(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (!make_operand(vm, values[i], ops[i])) return false;
    if (!ops[i].is_numeric()) {
      vm.raise_fmt(vm.exc().TypeError, "Cannot interpret '%s' as a data type",
                   type_name(vm, values[i]));
      return false;
    }
  }
  out = operands_result_type(ops.data(), static_cast<int>(ops.size()));
  return true;
}

}  // namespace pyjitvm::stdlib::np

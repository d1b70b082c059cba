// vm/call.h — entering Python functions: argument binding, frames, generators.
//
// Stage: shared by the interpreter (vm/interp.cpp), the generic call path
// (vm/call.cpp) and generator resumption (vm/generator.cpp).
//
// Invariants:
//   I1  bind_arguments() leaves registers [0, nregs) of the callee fully initialised
//       (parameters bound, everything else Undef) or returns false with a TypeError
//       pending in CPython's wording ("f() missing 1 required positional argument:
//       'x'", "f() takes 2 positional arguments but 3 were given", "f() got an
//       unexpected keyword argument 'z'", "f() got multiple values for argument 'a'").
//   I2  push_frame() refuses (RecursionError) rather than exceed the recursion limit or
//       the stack reservation.
#pragma once

#include "vm/vm.h"

namespace pyjitvm::vm {

// Arguments: argc positional values at base[0 .. argc), then the keyword values
// named by kwnames.
[[nodiscard]] bool bind_arguments(VM& vm, Function* f, Value* base, uint32_t argc,
                                  Tuple* kwnames);
[[nodiscard]] bool check_stack(VM& vm, Value* base, uint32_t nregs);
[[nodiscard]] bool push_frame(VM& vm, Function* f, Value* base, FrameKind kind,
                              uint32_t ret_reg);
// Creates a generator object from a bound frame at `base` (not pushed).
Value make_generator(VM& vm, Function* f, Value* base);
// Calls a Python function from C++ (re-entrant run of the interpreter).
Value call_python(VM& vm, Function* f, const Value* argv, uint32_t argc, Tuple* kwnames);
// Calls a native function, prepending `self` when it is bound.
Value call_native(VM& vm, NativeFunction* f, const Value* argv, uint32_t argc, Tuple* kwnames);

}  // namespace pyjitvm::vm

// stdlib/numpy/random_internal.h — what random.cpp and random_int.cpp share: the
// RandomState object, size= parsing and the broadcasting of array-valued parameters.
//
// Stage: np.random's argument layer over stdlib/np_random_legacy (the bit-exact engine).
//
// Invariants:
//   I1  A RandomStateObj's engine is only touched by the methods of its own type (the
//       module-level functions are those methods bound to state.random_state).
//   I2  Errors are raised with NumPy 1.24's type and message before any draw is made,
//       so a failing call leaves the stream untouched — `raise_random()`,
//       `broadcast_params()`.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "stdlib/np_random_legacy.h"
#include "stdlib/numpy/misc_iter.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "vm/native.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {

struct RandomStateObj : vm::Object {
  LegacyRandomState rs;
};

inline LegacyRandomState& rs_of(vm::Value self) {
  return static_cast<RandomStateObj*>(self.as_obj())->rs;
}

inline vm::Value wrap_array(NDArray* a) { return a ? vm::Value::from_obj(a) : vm::Value(); }

// Raises the Python exception an engine call reported.
vm::Value raise_random(vm::VM& vm, const RandomError& e);

// size=: None/Undef → nullopt; an int or a sequence of ints → the shape ("negative
// dimensions are not allowed"; a float → NumPy's "expected a sequence of integers or a
// single integer, got '2.5'").
bool parse_size(vm::VM& vm, vm::Value v, std::optional<std::vector<int64_t>>& out);

// The shape all `arrays` (and an output of shape `size`, when given: operand 0, or the
// last operand when size_last) broadcast to, with NumPy's MultiIter messages ("shape mismatch:
// objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2,) and arg
// 1 with shape (3,)." and "Output size (2, 1) is not compatible with broadcast dimensions of inputs
// (2, 3).").
bool broadcast_params(vm::VM& vm, std::span<NDArray* const> arrays,
                      const std::optional<std::vector<int64_t>>& size, std::vector<int64_t>& out,
                      bool size_last = false);

// The RandomState methods that live in random_int.cpp.
vm::Value rs_randint(vm::VM& vm, const vm::CallArgs& a);
vm::Value rs_random_integers(vm::VM& vm, const vm::CallArgs& a);
vm::Value rs_choice(vm::VM& vm, const vm::CallArgs& a);
vm::Value rs_shuffle(vm::VM& vm, const vm::CallArgs& a);
vm::Value rs_permutation(vm::VM& vm, const vm::CallArgs& a);

}  // namespace pyjitvm::stdlib::np

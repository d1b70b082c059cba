// jit/intrinsics.h — native functions the recorder turns into IR instead of calls.
//
// Stage: the engine refreshes the table from the VM's loaded modules (builtins, math,
// numpy) before each recording; the recorder looks a guarded callee up by identity.
//
// Invariants:
//   I1  Every object in the table is kept alive by the JIT's roots (engine), so an
//       identity guard on its address can never match a different, newer object.
//   I2  An intrinsic's IR computes exactly what the interpreter's implementation
//       computes (same libm function, same rounding); inputs for which the native
//       function would raise are excluded by guards, and the interpreter then raises.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "vm/object.h"

namespace pyjitvm::vm {
class VM;
}

namespace pyjitvm::jit {

enum class Intrinsic : uint8_t {
  None,
  // builtins
  Abs, Min, Max, Len, Float, Int,
  // math: float -> float through libm (double (*)(double) in Intrinsics::libm1)
  MathLibm1,
  MathSqrt, MathFabs, MathFloor, MathCeil, MathTrunc, MathIsnan, MathIsinf, MathIsfinite,
  // numpy ufuncs on scalars in njit code (float64 results are Python floats there)
  NpSqrt, NpAbs, NpFloor, NpCeil, NpTrunc,
};

struct IntrinsicInfo {
  Intrinsic kind = Intrinsic::None;
  double (*libm1)(double) = nullptr;  // MathLibm1
};

class Intrinsics {
 public:
  // Re-reads the modules the VM has loaded. Returns objects to root (I1).
  void refresh(vm::VM& vm, std::vector<vm::Object*>& roots);
  IntrinsicInfo find(const vm::Object* o) const {
    auto it = table_.find(o);
    return it == table_.end() ? IntrinsicInfo{} : it->second;
  }
  vm::Type* ndarray_type() const { return ndarray_; }

 private:
  std::unordered_map<const vm::Object*, IntrinsicInfo> table_;
  vm::Type* ndarray_ = nullptr;
};

}  // namespace pyjitvm::jit

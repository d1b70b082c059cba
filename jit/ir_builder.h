// jit/ir_builder.h — appends IR instructions with constant folding and CSE on emission.
//
// Stage: used by jit/recorder while one loop iteration is recorded.
//
// Invariants:
//   I1  Constants are interned: one Ref per (type, value).
//   I2  A pure or invariant-load instruction (ir.h I3) with the same op, type, aux,
//       operands and k as an earlier one is not emitted again; its Ref is reused. Guards
//       are never merged, except that a guard whose outcome is known from constant
//       operands is dropped (the recorder only emits guards that held when recorded).
//   I3  Folding never changes a result: integer folds use wrapping arithmetic only for
//       the wrapping ops; overflow-checked ops fold only when they do not overflow.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "jit/ir.h"

namespace pyjitvm::jit {

class IrBuilder {
 public:
  explicit IrBuilder(IR& ir) : ir_(ir) {}

  Ref kint(int64_t v);
  Ref kflt(double v);
  Ref kbool(bool v);
  Ref kptr(const void* p);
  Ref knil();
  Ref kundef();

  // Emits a non-guard instruction (folded / CSE'd when possible).
  Ref emit(IrOp op, IrType t, Ref a = 0, Ref b = 0, int64_t k = 0, uint8_t aux = 0);
  // Emits a guard with snapshot `snap` (0 Ref when folded away as always true).
  Ref guard(IrOp op, IrType t, int32_t snap, Ref a = 0, Ref b = 0, int64_t k = 0,
            uint8_t aux = 0);

  bool is_const(Ref r) const { return r && (ir_op_flags(ir_[r].op) & kConst); }
  bool const_int(Ref r, int64_t& v) const;
  bool const_flt(Ref r, double& v) const;
  IrType type(Ref r) const { return ir_[r].t; }
  // Forget CSE entries of memory loads that a store may have changed (ELD/VLD are not
  // CSE'd at all; this keeps the rule in one place should that change).
  void clear_cse() { cse_.clear(); }

 private:
  Ref push(const Ins& ins);
  Ref fold(IrOp op, IrType t, Ref a, Ref b, int64_t k, uint8_t aux);
  Ref konst(IrOp op, IrType t, int64_t bits);

  IR& ir_;
  struct Key {
    uint8_t op, t, aux;
    Ref a, b;
    int64_t k;
    bool operator==(const Key& o) const {
      return op == o.op && t == o.t && aux == o.aux && a == o.a && b == o.b && k == o.k;
    }
  };
  struct KeyHash {
    size_t operator()(const Key& x) const {
      uint64_t h = (uint64_t(x.op) << 48) ^ (uint64_t(x.t) << 40) ^ (uint64_t(x.aux) << 32);
      h ^= (uint64_t(x.a) * 0x9E3779B97F4A7C15ull) ^ (uint64_t(x.b) * 0xC2B2AE3D27D4EB4Full);
      h ^= uint64_t(x.k) * 0x165667B19E3779F9ull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  std::unordered_map<Key, Ref, KeyHash> cse_;
};

// Cond helpers.
Cond negate(Cond c);
bool eval_cond(Cond c, int64_t a, int64_t b);
bool eval_cond(Cond c, double a, double b);

}  // namespace pyjitvm::jit

// jit/ir_builder.cpp — constant interning, folding and CSE on emission (ir_builder.h).
//
// Stage: recorder → IrBuilder → IR.
//
// Invariants: see ir_builder.h (I1 interning, I2 CSE, I3 folding preserves results).
#include "jit/ir_builder.h"

#include <cstring>

#include "jit/loop_opt.h"

namespace pyjitvm::jit {

Cond negate(Cond c) {
  switch (c) {
    case Cond::LT: return Cond::GE;
    case Cond::LE: return Cond::GT;
    case Cond::EQ: return Cond::NE;
    case Cond::NE: return Cond::EQ;
    case Cond::GT: return Cond::LE;
    case Cond::GE: return Cond::LT;
  }
  return c;
}

template <class T>
static bool compare(Cond c, T a, T b) {
  switch (c) {
    case Cond::LT: return a < b;
    case Cond::LE: return a <= b;
    case Cond::EQ: return a == b;
    case Cond::NE: return a != b;
    case Cond::GT: return a > b;
    case Cond::GE: return a >= b;
  }
  return false;
}

bool eval_cond(Cond c, int64_t a, int64_t b) { return compare(c, a, b); }
bool eval_cond(Cond c, double a, double b) { return compare(c, a, b); }

Ref IrBuilder::push(const Ins& ins) {
  ir_.ins.push_back(ins);
  return ir_.size() - 1;
}

Ref IrBuilder::konst(IrOp op, IrType t, int64_t bits) {
  Key key{static_cast<uint8_t>(op), static_cast<uint8_t>(t), 0, 0, 0, bits};
  auto it = cse_.find(key);
  if (it != cse_.end()) return it->second;
  Ins ins{op, t};
  ins.k = bits;
  Ref r = push(ins);
  cse_.emplace(key, r);
  return r;
}

Ref IrBuilder::kint(int64_t v) { return konst(IrOp::KINT, IrType::I64, v); }
Ref IrBuilder::kbool(bool v) { return konst(IrOp::KBOOL, IrType::Bool, v ? 1 : 0); }
Ref IrBuilder::kptr(const void* p) {
  return konst(IrOp::KPTR, IrType::Ptr, static_cast<int64_t>(reinterpret_cast<uintptr_t>(p)));
}
Ref IrBuilder::knil() { return konst(IrOp::KNIL, IrType::Nil, 0); }
Ref IrBuilder::kundef() { return konst(IrOp::KUNDEF, IrType::Undef, 0); }
Ref IrBuilder::kflt(double v) {
  int64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return konst(IrOp::KFLT, IrType::F64, bits);
}

bool IrBuilder::const_int(Ref r, int64_t& v) const {
  if (!r) return false;
  const Ins& i = ir_[r];
  if (i.op != IrOp::KINT && i.op != IrOp::KBOOL) return false;
  v = i.k;
  return true;
}

bool IrBuilder::const_flt(Ref r, double& v) const {
  if (!r || ir_[r].op != IrOp::KFLT) return false;
  std::memcpy(&v, &ir_[r].k, sizeof v);
  return true;
}

// Folds `op` over constant operands; 0 when it cannot (or must not, I3).
Ref IrBuilder::fold(IrOp op, IrType t, Ref a, Ref b, int64_t k, uint8_t aux) {
  if (!operands_are_refs(op)) return 0;
  int64_t x = 0, y = 0;
  double fx, fy;
  bool ia = const_int(a, x), ib = const_int(b, y);
  bool fa = const_flt(a, fx), fb = const_flt(b, fy);
  auto wrap = [](uint64_t v) { return static_cast<int64_t>(v); };
  switch (op) {
    case IrOp::ADD: if (ia && ib) return kint(wrap(uint64_t(x) + uint64_t(y))); break;
    case IrOp::SUB: if (ia && ib) return kint(wrap(uint64_t(x) - uint64_t(y))); break;
    case IrOp::MUL: if (ia && ib) return kint(wrap(uint64_t(x) * uint64_t(y))); break;
    case IrOp::ADDOV: {
      int64_t r;
      if (ia && ib && !__builtin_add_overflow(x, y, &r)) return kint(r);
      if (ib && y == 0) return a;
      break;
    }
    case IrOp::SUBOV: {
      int64_t r;
      if (ia && ib && !__builtin_sub_overflow(x, y, &r)) return kint(r);
      if (ib && y == 0) return a;
      break;
    }
    case IrOp::MULOV: {
      int64_t r;
      if (ia && ib && !__builtin_mul_overflow(x, y, &r)) return kint(r);
      if (ib && y == 1) return a;
      break;
    }
    case IrOp::ICMP: if (ia && ib) return kbool(eval_cond(Cond(aux), x, y)); break;
    case IrOp::FCMP: if (fa && fb) return kbool(eval_cond(Cond(aux), fx, fy)); break;
    case IrOp::I2F: if (ia) return kflt(static_cast<double>(x)); break;
    case IrOp::FADD: if (fa && fb) return kflt(fx + fy); break;
    case IrOp::FSUB: if (fa && fb) return kflt(fx - fy); break;
    case IrOp::FMUL: if (fa && fb) return kflt(fx * fy); break;
    case IrOp::ADDR: if (ib && y == 0) return a; break;
    default: break;
  }
  (void)t, (void)k;
  return 0;
}

Ref IrBuilder::emit(IrOp op, IrType t, Ref a, Ref b, int64_t k, uint8_t aux) {
  if (Ref f = fold(op, t, a, b, k, aux)) return f;
  uint8_t fl = ir_op_flags(op);
  bool cse = fl & (kPure | kInvariantLoad);
  Key key{static_cast<uint8_t>(op), static_cast<uint8_t>(t), aux, a, b, k};
  if (cse) {
    auto it = cse_.find(key);
    if (it != cse_.end()) return it->second;
  }
  Ins ins{op, t, aux};
  ins.a = a;
  ins.b = b;
  ins.k = k;
  Ref r = push(ins);
  if (cse) cse_.emplace(key, r);
  return r;
}

Ref IrBuilder::guard(IrOp op, IrType t, int32_t snap, Ref a, Ref b, int64_t k, uint8_t aux) {
  int64_t x = 0, y = 0;
  double fx, fy;
  // SLOAD/RLOAD/CALLTRACE keep a slot number or trace id in `a`: not a Ref
  bool refs = operands_are_refs(op);
  bool ia = refs && const_int(a, x), ib = refs && const_int(b, y);
  switch (op) {
    case IrOp::GTRUE: if (ia && x) return 0; break;
    case IrOp::GFALSE: if (ia && !x) return 0; break;
    case IrOp::GICMP: if (ia && ib && eval_cond(Cond(aux), x, y)) return 0; break;
    case IrOp::GFCMP:
      if (refs && const_flt(a, fx) && const_flt(b, fy) && eval_cond(Cond(aux), fx, fy)) return 0;
      break;
    case IrOp::GEQK:
      if (a < ir_.size() && (ir_[a].op == IrOp::KPTR || ir_[a].op == IrOp::KINT)) {
        if (ir_[a].k == k) return 0;
      }
      break;
    case IrOp::GEXACT:
      if (ia && x <= (int64_t{1} << 53) && x >= -(int64_t{1} << 53)) return 0;
      break;
    case IrOp::ADDOV: case IrOp::SUBOV: case IrOp::MULOV:
      if (Ref f = fold(op, t, a, b, k, aux)) return f;
      break;
    default: break;
  }
  // Identical guards on the same operands need to be checked once (the first one
  // dominates: the trace is a straight line). Value-producing guards are CSE'd too.
  Key key{static_cast<uint8_t>(op), static_cast<uint8_t>(t), aux, a, b, k};
  bool cse = op != IrOp::SLOAD && op != IrOp::RLOAD && op != IrOp::VLD &&
             op != IrOp::CALLTRACE;
  if (cse) {
    auto it = cse_.find(key);
    if (it != cse_.end()) return it->second;
  }
  Ins ins{op, t, aux};
  ins.a = a;
  ins.b = b;
  ins.k = k;
  ins.snap = snap;
  Ref r = push(ins);
  if (cse) cse_.emplace(key, r);
  return r;
}

}  // namespace pyjitvm::jit

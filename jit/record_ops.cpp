// jit/record_ops.cpp — the recorder's per-opcode dispatch and its arithmetic.
//
// Stage: one bytecode instruction + the values in its registers → IR (recorder.h).
//
// Invariants:
//   I1  Arithmetic follows the interpreter's fast paths exactly: int64 ops guard
//       overflow (wrap in njit code, kProtoNumba), int/float mixes convert the int
//       first (correctly rounded, as the interpreter's C conversion), true division
//       of ints needs both within ±2**53, comparisons of int with float need the int
//       within ±2**53 (then the float comparison is exact).
//   I2  Anything else aborts the recording with a reason naming the construct.
#include <cmath>

#include "jit/recorder.h"
#include "vm/floatops.h"

namespace pyjitvm::jit {

using vm::Op;
using vm::Tag;
using vm::Value;

namespace {

bool is_intlike(const Value& v) { return v.tag == Tag::Int || v.tag == Tag::Bool; }
bool is_num(const Value& v) { return is_intlike(v) || v.tag == Tag::Float; }
int64_t int_of(const Value& v) { return v.tag == Tag::Bool ? v.u.b : v.u.i; }
bool exact53(int64_t x) { return x <= (int64_t{1} << 53) && x >= -(int64_t{1} << 53); }

double jit_float_mod(double x, double y) {
  double r = 0;
  (void)vm::py_float_mod(x, y, r);
  return r;
}
double jit_float_floordiv(double x, double y) {
  double r = 0;
  (void)vm::py_float_floordiv(x, y, r);
  return r;
}

Cond cond_of(Op op) {
  switch (op) {
    case Op::LT: case Op::JNLT: return Cond::LT;
    case Op::LE: case Op::JNLE: return Cond::LE;
    case Op::EQ: case Op::JNEQ: return Cond::EQ;
    case Op::NE: case Op::JNNE: return Cond::NE;
    case Op::GT: case Op::JNGT: return Cond::GT;
    default: return Cond::GE;
  }
}

std::string type_word(const Value& v) {
  switch (v.tag) {
    case Tag::None: return "None";
    case Tag::Bool: return "bool";
    case Tag::Int: return "int";
    case Tag::Float: return "float";
    case Tag::Undef: return "<unbound>";
    default: break;
  }
  return v.u.o->type && v.u.o->type->name ? std::string(v.u.o->type->name->view()) : "object";
}

}  // namespace

Ref Recorder::to_float(Ref r) {
  return b_.type(r) == IrType::F64 ? r : b_.emit(IrOp::I2F, IrType::F64, r);
}

Ref Recorder::int_arith(Op op, Ref a, Ref b, const Value& va, const Value& vb) {
  int64_t x = int_of(va), y = int_of(vb);
  auto wrapping = [&](IrOp wrap, IrOp checked) {
    return numba_ ? b_.emit(wrap, IrType::I64, a, b) : guard(checked, IrType::I64, a, b);
  };
  switch (op) {
    case Op::ADD: return wrapping(IrOp::ADD, IrOp::ADDOV);
    case Op::SUB: return wrapping(IrOp::SUB, IrOp::SUBOV);
    case Op::MUL: return wrapping(IrOp::MUL, IrOp::MULOV);
    case Op::TRUEDIV:
      if (!exact53(x) || !exact53(y) || y == 0) break;
      guard(IrOp::GEXACT, IrType::Void, a);
      guard(IrOp::GEXACT, IrType::Void, b);
      guard(IrOp::GICMP, IrType::Void, b, b_.kint(0), 0, static_cast<uint8_t>(Cond::NE));
      return b_.emit(IrOp::FDIV, IrType::F64, to_float(a), to_float(b));
    case Op::FLOORDIV:
    case Op::MOD:
      if (y == 0 || (y == -1 && x == INT64_MIN)) break;
      return guard(op == Op::MOD ? IrOp::MOD : IrOp::FLOORDIV, IrType::I64, a, b);
    case Op::BAND: case Op::BOR: case Op::BXOR: {
      IrOp o = op == Op::BAND ? IrOp::BAND : op == Op::BOR ? IrOp::BOR : IrOp::BXOR;
      bool both_bool = va.tag == Tag::Bool && vb.tag == Tag::Bool;
      return b_.emit(o, both_bool ? IrType::Bool : IrType::I64, a, b);
    }
    case Op::LSHIFT:
      if (y < 0 || y > 62 || (x != 0 && (x >= (int64_t{1} << (62 - y)) ||
                                         x < -(int64_t{1} << (62 - y)))))
        break;
      return guard(IrOp::SHL, IrType::I64, a, b);
    case Op::RSHIFT:
      if (y < 0) break;
      return guard(IrOp::SHR, IrType::I64, a, b);
    case Op::POW: {
      int64_t e;
      if (!b_.const_int(b, e) || e < 0 || e > 4 || y != e) break;
      Ref r = b_.kint(1);
      for (int64_t i = 0; i < e; ++i)
        r = i == 0 ? a : (numba_ ? b_.emit(IrOp::MUL, IrType::I64, r, a)
                                 : guard(IrOp::MULOV, IrType::I64, r, a));
      return r;
    }
    default: break;
  }
  ab_err_ = std::string("int operation ") + vm::op_info(op).name + " on these values";
  return 0;
}

Ref Recorder::arith(Op op, Ref a, Ref b, const Value& va, const Value& vb) {
  if (!a || !b) return 0;
  if (is_intlike(va) && is_intlike(vb)) return int_arith(op, a, b, va, vb);
  if (!is_num(va) || !is_num(vb)) {
    ab_err_ = std::string(vm::op_info(op).name) + " of " + type_word(va) + " and " + type_word(vb);
    return 0;
  }
  double y = vb.tag == Tag::Float ? vb.u.f : static_cast<double>(int_of(vb));
  Ref fa = to_float(a), fb = to_float(b);
  switch (op) {
    case Op::ADD: return b_.emit(IrOp::FADD, IrType::F64, fa, fb);
    case Op::SUB: return b_.emit(IrOp::FSUB, IrType::F64, fa, fb);
    case Op::MUL: return b_.emit(IrOp::FMUL, IrType::F64, fa, fb);
    case Op::TRUEDIV:
    case Op::FLOORDIV:
    case Op::MOD: {
      if (y == 0.0) break;
      guard(IrOp::GFCMP, IrType::Void, fb, b_.kflt(0.0), 0, static_cast<uint8_t>(Cond::NE));
      if (op == Op::TRUEDIV) return b_.emit(IrOp::FDIV, IrType::F64, fa, fb);
      auto fn = op == Op::MOD ? &jit_float_mod : &jit_float_floordiv;
      return b_.emit(IrOp::FCALL2, IrType::F64, fa, fb, reinterpret_cast<int64_t>(fn));
    }
    case Op::POW: {
      double e;
      int64_t ei;
      bool two = (b_.const_flt(b, e) && e == 2.0) || (b_.const_int(b, ei) && ei == 2);
      if (!two) break;
      Ref r = b_.emit(IrOp::FMUL, IrType::F64, fa, fa);
      guard(IrOp::GFINITE, IrType::Void, r);  // overflow raises OverflowError
      return r;
    }
    default: break;
  }
  ab_err_ = std::string("float operation ") + vm::op_info(op).name;
  return 0;
}

// A comparison as a Bool value (the guard form is in compare_branch).
Ref Recorder::compare(Op op, Ref a, Ref b, const Value& va, const Value& vb) {
  if (!a || !b) return 0;
  Cond c = cond_of(op);
  if (is_intlike(va) && is_intlike(vb))
    return b_.emit(IrOp::ICMP, IrType::Bool, a, b, 0, static_cast<uint8_t>(c));
  if (is_num(va) && is_num(vb)) {
    if ((is_intlike(va) && !exact53(int_of(va))) || (is_intlike(vb) && !exact53(int_of(vb)))) {
      ab_err_ = "comparison of a large int with a float";
      return 0;
    }
    if (is_intlike(va)) guard(IrOp::GEXACT, IrType::Void, a);
    if (is_intlike(vb)) guard(IrOp::GEXACT, IrType::Void, b);
    return b_.emit(IrOp::FCMP, IrType::Bool, to_float(a), to_float(b), 0,
                   static_cast<uint8_t>(c));
  }
  if ((c == Cond::EQ || c == Cond::NE) && (va.is_none() || vb.is_none())) {
    bool eq = va.is_none() && vb.is_none();
    if (!eq && (va.is_obj() || vb.is_obj())) {
      ab_err_ = "== None on an object";
      return 0;
    }
    return b_.kbool(c == Cond::EQ ? eq : !eq);
  }
  ab_err_ = std::string("comparison of ") + type_word(va) + " and " + type_word(vb);
  return 0;
}

RecordStatus Recorder::compare_branch(const vm::Instr& ins, Op cmp) {
  const Value& va = base_[ins.a];
  const Value& vb = base_[ins.b];
  Ref c = compare(cmp, get(ins.a), get(ins.b), va, vb);
  if (!c) return abort(ab_err_.empty() ? "comparison" : ab_err_);
  // The branch is taken when the comparison is false; guard the direction seen now.
  bool truth;
  const Ins& ci = ir_[c];
  if (ci.op == IrOp::KBOOL) return RecordStatus::Continue;
  if (ci.op == IrOp::ICMP) {
    truth = eval_cond(Cond(ci.aux), int_of(va), int_of(vb));
    Cond g = truth ? Cond(ci.aux) : negate(Cond(ci.aux));
    guard(IrOp::GICMP, IrType::Void, ci.a, ci.b, 0, static_cast<uint8_t>(g));
  } else {
    double x = va.tag == Tag::Float ? va.u.f : static_cast<double>(int_of(va));
    double y = vb.tag == Tag::Float ? vb.u.f : static_cast<double>(int_of(vb));
    truth = eval_cond(Cond(ci.aux), x, y);
    // aux bit 7: "the comparison is false" (not the negated comparison: nan)
    guard(IrOp::GFCMP, IrType::Void, ci.a, ci.b, 0,
          static_cast<uint8_t>(ci.aux | (truth ? 0 : 0x80)));
  }
  return RecordStatus::Continue;
}

Ref Recorder::unary(Op op, Ref a, const Value& va) {
  if (!a) return 0;
  switch (op) {
    case Op::NEG:
      if (va.tag == Tag::Float) return b_.emit(IrOp::FNEG, IrType::F64, a);
      if (is_intlike(va))
        return numba_ ? b_.emit(IrOp::NEG, IrType::I64, a) : guard(IrOp::NEGOV, IrType::I64, a);
      break;
    case Op::POS:
      if (va.tag == Tag::Float || va.tag == Tag::Int) return a;
      break;
    case Op::NOT:
      if (va.tag == Tag::Bool) return b_.emit(IrOp::BXOR, IrType::Bool, a, b_.kbool(true));
      if (va.tag == Tag::Int)
        return b_.emit(IrOp::ICMP, IrType::Bool, a, b_.kint(0), 0, static_cast<uint8_t>(Cond::EQ));
      if (va.tag == Tag::Float)
        return b_.emit(IrOp::FCMP, IrType::Bool, a, b_.kflt(0.0), 0,
                       static_cast<uint8_t>(Cond::EQ));
      if (va.is_none()) return b_.kbool(true);
      break;
    case Op::INVERT:
      if (is_intlike(va)) return b_.emit(IrOp::BXOR, IrType::I64, a, b_.kint(-1));
      break;
    default: break;
  }
  ab_err_ = std::string(vm::op_info(op).name) + " of " + type_word(va);
  return 0;
}

RecordStatus Recorder::dispatch(const vm::Instr& ins) {
  const Value* R = base_;
  auto done = [&](uint32_t slot, Ref r) {
    if (!r) return abort(ab_err_.empty() ? "unsupported operation" : ab_err_);
    set(slot, r);
    return RecordStatus::Continue;
  };
  switch (ins.op) {
    case Op::MOVE: return done(ins.a, get(ins.b));
    case Op::LOADK: {
      const Value& k = proto_->consts[ins.bx()];
      switch (k.tag) {
        case Tag::Int: return done(ins.a, b_.kint(k.u.i));
        case Tag::Float: return done(ins.a, b_.kflt(k.u.f));
        case Tag::Bool: return done(ins.a, b_.kbool(k.u.b));
        case Tag::None: return done(ins.a, b_.knil());
        case Tag::Obj: return done(ins.a, b_.kptr(k.u.o));
        default: return abort("constant");
      }
    }
    case Op::LOADI: return done(ins.a, b_.kint(ins.sbx()));
    case Op::LOADNONE: return done(ins.a, b_.knil());
    case Op::LOADTRUE: return done(ins.a, b_.kbool(true));
    case Op::LOADFALSE: return done(ins.a, b_.kbool(false));
    case Op::CHECKBOUND:
      if (!get(ins.a)) return abort(ab_err_);
      return RecordStatus::Continue;
    case Op::LOAD_GLOBAL: return done(ins.a, load_global(ins));
    case Op::STORE_GLOBAL: {
      Ref v = get(ins.a);
      if (!v || !store_global(ins, v)) return abort(ab_err_);
      return RecordStatus::Continue;
    }
    case Op::LOAD_ATTR: {
      const Value& o = R[ins.b];
      if (!o.is_obj() || o.u.o->kind != vm::Kind::Module) return abort("attribute of an object");
      return done(ins.a, load_module_attr(get(ins.b), o, proto_->caches[ins.c]));
    }
    case Op::LOAD_METHOD: {
      const Value& o = R[ins.b];
      if (!o.is_obj() || o.u.o->kind != vm::Kind::Module) return abort("method call on an object");
      Ref r = load_module_attr(get(ins.b), o, proto_->caches[ins.c]);
      if (!r) return abort(ab_err_);
      set(ins.a, r);
      set(ins.a + 1, b_.kundef());
      return RecordStatus::Continue;
    }
    case Op::GETITEM:
      return done(ins.a, getitem(get(ins.b), get(ins.c), R[ins.b], R[ins.c]));
    case Op::SETITEM: {
      Ref o = get(ins.a), k = get(ins.b), v = get(ins.c);
      if (!o || !k || !v) return abort(ab_err_);
      if (!setitem(o, k, v, R[ins.a], R[ins.b], R[ins.c])) return abort(ab_err_);
      return RecordStatus::Continue;
    }
    case Op::ADD: case Op::SUB: case Op::MUL: case Op::TRUEDIV: case Op::FLOORDIV:
    case Op::MOD: case Op::POW: case Op::LSHIFT: case Op::RSHIFT: case Op::BAND:
    case Op::BOR: case Op::BXOR:
      return done(ins.a, arith(ins.op, get(ins.b), get(ins.c), R[ins.b], R[ins.c]));
    case Op::ADDK: case Op::SUBK: case Op::MULK: {
      Op op = ins.op == Op::ADDK ? Op::ADD : ins.op == Op::SUBK ? Op::SUB : Op::MUL;
      const Value& k = proto_->consts[ins.c];
      Ref kr = k.tag == Tag::Int ? b_.kint(k.u.i) : k.tag == Tag::Float ? b_.kflt(k.u.f) : 0;
      if (!kr) return abort("arithmetic with a constant object");
      return done(ins.a, arith(op, get(ins.b), kr, R[ins.b], k));
    }
    case Op::NEG: case Op::POS: case Op::NOT: case Op::INVERT:
      return done(ins.a, unary(ins.op, get(ins.b), R[ins.b]));
    case Op::LT: case Op::LE: case Op::EQ: case Op::NE: case Op::GT: case Op::GE:
      return done(ins.a, compare(ins.op, get(ins.b), get(ins.c), R[ins.b], R[ins.c]));
    case Op::IS: case Op::ISNOT: {
      const Value &x = R[ins.b], &y = R[ins.c];
      Ref rx = get(ins.b), ry = get(ins.c);
      if (!rx || !ry) return abort(ab_err_);
      bool is = ins.op == Op::IS;
      if (!x.is_obj() || !y.is_obj()) {
        if (x.is_obj() || y.is_obj() || (x.tag != Tag::None && y.tag != Tag::None))
          return abort("`is` on numbers");
        return done(ins.a, b_.kbool((x.tag == y.tag) == is));
      }
      return done(ins.a, b_.emit(IrOp::ICMP, IrType::Bool, rx, ry, 0,
                                 static_cast<uint8_t>(is ? Cond::EQ : Cond::NE)));
    }
    case Op::JMP: case Op::NOP: return RecordStatus::Continue;
    case Op::JIF: case Op::JIFNOT: {
      Ref v = get(ins.a);
      if (!v) return abort(ab_err_);
      return truth_branch(v, R[ins.a], ins.op == Op::JIF);
    }
    case Op::JNLT: case Op::JNLE: case Op::JNEQ: case Op::JNNE: case Op::JNGT: case Op::JNGE: {
      static const Op kCmp[] = {Op::LT, Op::LE, Op::EQ, Op::NE, Op::GT, Op::GE};
      return compare_branch(ins, kCmp[static_cast<int>(ins.op) - static_cast<int>(Op::JNLT)]);
    }
    case Op::LOOP:
      if (&ins == loop_pc_) return close_loop();
      return inner_loop(ins, traces_.trace_at(&ins));
    case Op::FORPREP: return forprep(ins);
    case Op::FORLOOP: return forloop(ins, &ins == loop_pc_);
    case Op::CALL: case Op::CALLM: {
      if (ins.c) return abort("call with keyword arguments");
      uint32_t first = ins.a + 1, argc = ins.b;
      if (ins.op == Op::CALLM) {
        if (R[ins.a + 1].is_undef()) first = ins.a + 2;
        else argc += 1;
      }
      Ref refs[8];
      if (argc > 8) return abort("call with many arguments");
      for (uint32_t i = 0; i < argc; ++i)
        if (!(refs[i] = get(first + i))) return abort(ab_err_);
      Ref callee = get(ins.a);
      if (!callee) return abort(ab_err_);
      return done(ins.a, call(callee, R[ins.a], R + first, refs, argc));
    }
    case Op::BUILD_TUPLE: {
      if (ins.c == 0 || ins.c > 8) return abort("tuple of this size");
      uint32_t at = static_cast<uint32_t>(ir_.aux.size());
      std::vector<Value> seen(R + ins.b, R + ins.b + ins.c);
      for (uint32_t i = 0; i < ins.c; ++i) {
        Ref e = get(ins.b + i);
        if (!e) return abort(ab_err_);
        if (b_.type(e) == IrType::Tuple) return abort("nested tuple");
        ir_.aux.push_back(e);
      }
      Ref t = b_.emit(IrOp::VTUPLE, IrType::Tuple, at, ins.c);
      tuple_values_[t] = std::move(seen);
      return done(ins.a, t);
    }
    case Op::UNPACK: {
      Ref t = get(ins.b);
      if (!t) return abort(ab_err_);
      if (ir_[t].op != IrOp::VTUPLE || ir_[t].b != ins.c) return abort("unpacking an object");
      Ref first = ir_[t].a;
      for (uint32_t i = 0; i < ins.c; ++i) set(ins.a + i, ir_.aux[first + i]);
      return RecordStatus::Continue;
    }
    default: break;
  }
  return abort(std::string("instruction ") + vm::op_info(ins.op).name);
}

}  // namespace pyjitvm::jit

// jit/x64_backend.cpp — compiles a trace to x86-64 (AVX, VEX-encoded) with asmjit.
//
// Stage: Trace (IR + LoopInfo) → asmjit x86::Compiler (virtual registers, its register
// allocator) → machine code in the engine's JitRuntime → Trace::fn and Trace::exits.
//
// Layout of the generated function `const ExitInfo* fn(Value* base)`:
//     copy 0 (the peeled first iteration: every guard)
//     carried values -> loop registers
//   loop:
//     copy 1 (the loop: invariant instructions and guards are not repeated)
//     interrupt poll, carried values -> loop registers, jmp loop
//   exit stubs: write the snapshot's slots into the frame, count, return &ExitInfo
//
// Invariants:
//   I1  Exit stubs write exactly the snapshot's slots (ir.h I2) — in copy 1 also the
//       carried slots not yet rewritten in the iteration, unless a CALLTRACE flushed
//       them — with the tag of the IR type: i64 Int, f64 Float, bool Bool, ptr Obj,
//       nil None, undef Undef. Virtual tuples go to Trace::scratch (trace.h).
//   I2  Floating point is IEEE double with round-to-nearest, one operation per Python
//       operation (no FMA contraction: fastmath is not honoured yet).
//   I3  The function reads the VM's interrupt flag once per iteration and leaves by the
//       back-edge snapshot when it is set.
#include "jit/x64_backend.h"

#include <asmjit/x86.h>

#include <cstring>

#include "jit/loop_opt.h"

namespace pyjitvm::jit {

namespace {

using namespace asmjit;

struct Val {
  x86::Gp g;
  x86::Xmm x;
  bool set = false;
};

class ErrorRecorder : public ErrorHandler {
 public:
  void handleError(Error err, const char* message, BaseEmitter*) override {
    if (!failed) {
      failed = true;
      text = message ? message : DebugUtils::errorAsString(err);
    }
  }
  bool failed = false;
  std::string text;
};

bool fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

class Emitter {
 public:
  Emitter(x86::Compiler& cc, Trace& t, const std::atomic<bool>* interrupt)
      : cc_(cc), t_(t), ir_(t.ir), interrupt_(interrupt) {}
  void run();

 private:
  // values
  x86::Gp gp(Ref r);
  x86::Xmm xmm(Ref r);
  void def_gp(Ref r, x86::Gp g) { (*cur_)[r].g = g, (*cur_)[r].set = true; }
  void def_xmm(Ref r, x86::Xmm x) { (*cur_)[r].x = x, (*cur_)[r].set = true; }
  bool is_k(Ref r, int64_t& v) const {
    const Ins& i = ir_[r];
    if ((i.op == IrOp::KINT || i.op == IrOp::KBOOL) && fits32(i.k)) {
      v = i.k;
      return true;
    }
    return false;
  }
  x86::Mem slot_mem(uint32_t slot, int32_t off = 0) {
    return x86::qword_ptr(base_, static_cast<int32_t>(slot * sizeof(vm::Value)) + off);
  }
  Label exit_label(int32_t snap);
  void emit_copy();
  void emit_ins(Ref r);
  void emit_arith(Ref r, const Ins& i);
  void emit_float(Ref r, const Ins& i);
  void emit_guard(Ref r, const Ins& i);
  void emit_memory(Ref r, const Ins& i);
  void emit_fcmp_jump(Cond c, bool jump_if_true, Ref a, Ref b, Label target);
  void emit_call_trace(Ref r, const Ins& i);
  void emit_poll_and_carry(bool loop_back);
  void emit_side_end();
  void store_slot(uint32_t slot, Ref ref, const std::vector<Val>& vals, ExitInfo* info);
  void write_snapshot(int32_t snap, int copy, ExitInfo* info);
  void emit_stubs();

  x86::Compiler& cc_;
  Trace& t_;
  IR& ir_;
  const std::atomic<bool>* interrupt_;
  x86::Gp base_;
  std::vector<Val> v0_, v1_;
  std::vector<Val>* cur_ = nullptr;
  int copy_ = 0;
  std::vector<Val> carried_;        // one per t.loop.carried entry
  std::vector<Label> exit_labels_;  // index copy * nsnaps + snap (invalid until used)
  std::vector<bool> exit_used_;
  struct PassThrough {
    Label label;
    x86::Gp result;
  };
  std::vector<PassThrough> pass_;
  Label loop_top_;
  size_t scratch_used_ = 0;  // Trace::scratch is sized before emission (never grows)
};

x86::Gp Emitter::gp(Ref r) {
  const Ins& i = ir_[r];
  switch (i.op) {
    case IrOp::KINT: case IrOp::KBOOL: case IrOp::KPTR: {
      x86::Gp g = cc_.newInt64();
      if (i.k == 0) cc_.xor_(g.r32(), g.r32());
      else cc_.mov(g, i.k);
      return g;
    }
    default: break;
  }
  return (*cur_)[r].g;
}

x86::Xmm Emitter::xmm(Ref r) {
  const Ins& i = ir_[r];
  if (i.op == IrOp::KFLT) {
    x86::Xmm x = cc_.newXmmSd();
    double d;
    std::memcpy(&d, &i.k, sizeof d);
    if (i.k == 0) {
      cc_.vxorpd(x, x, x);
    } else {
      x86::Mem m = cc_.newDoubleConst(ConstPoolScope::kGlobal, d);
      cc_.vmovsd(x, m);
    }
    return x;
  }
  return (*cur_)[r].x;
}

Label Emitter::exit_label(int32_t snap) {
  size_t idx = static_cast<size_t>(copy_) * ir_.snaps.size() + static_cast<size_t>(snap);
  if (!exit_used_[idx]) {
    exit_used_[idx] = true;
    exit_labels_[idx] = cc_.newLabel();
  }
  return exit_labels_[idx];
}

void Emitter::run() {
  FuncNode* fn = cc_.addFunc(FuncSignatureT<uintptr_t, void*>(CallConvId::kHost));
  base_ = cc_.newIntPtr("base");
  fn->setArg(0, base_);
  size_t n = ir_.size();
  v0_.assign(n, Val{});
  v1_.assign(n, Val{});
  exit_labels_.assign(ir_.snaps.size() * 2, Label());
  exit_used_.assign(ir_.snaps.size() * 2, false);
  t_.exits.assign(ir_.snaps.size() * 2, ExitInfo{});
  for (size_t k = 0; k < t_.exits.size(); ++k) {
    ExitInfo& e = t_.exits[k];
    e.snap = static_cast<uint32_t>(k % ir_.snaps.size());
    e.pc = ir_.snaps[e.snap].pc;
    e.trace = &t_;
  }
  size_t tuple_words = 0;
  for (const Snapshot& sn : ir_.snaps)
    for (uint32_t e = 0; e < sn.count; ++e) {
      const Ins& v = ir_[ir_.entries[sn.first + e].ref];
      if (v.t == IrType::Tuple) tuple_words += v.b;
    }
  t_.scratch.assign(2 * tuple_words, 0);
  // loop registers for the carried slots
  for (const SnapEntry& c : t_.loop.carried) {
    Val v;
    IrType ty = ir_[c.ref].t;
    if (ty == IrType::F64) v.x = cc_.newXmmSd();
    else if (ty == IrType::I64 || ty == IrType::Bool || ty == IrType::Ptr) v.g = cc_.newInt64();
    v.set = true;
    carried_.push_back(v);
  }
  cur_ = &v0_;
  copy_ = 0;
  emit_copy();
  if (t_.side) {
    emit_side_end();
    emit_stubs();
    cc_.endFunc();
    return;
  }
  emit_poll_and_carry(false);
  loop_top_ = cc_.newLabel();
  cc_.bind(loop_top_);
  cur_ = &v1_;
  copy_ = 1;
  emit_copy();
  emit_poll_and_carry(true);
  emit_stubs();
  cc_.endFunc();
}

void Emitter::emit_copy() {
  const std::vector<bool>& inv = t_.loop.invariant;
  for (Ref r = 1; r < ir_.size(); ++r) {
    if (!t_.loop.live[r]) continue;
    if (copy_ == 1) {
      const Ins& i = ir_[r];
      if (inv[r]) {
        v1_[r] = v0_[r];
        continue;
      }
      if (i.op == IrOp::SLOAD) {
        // a carried slot: its value is in the loop register
        bool carried = false;
        for (size_t c = 0; c < t_.loop.carried.size(); ++c)
          if (t_.loop.carried[c].slot == i.a) {
            v1_[r] = carried_[c];
            carried = true;
          }
        if (carried) continue;
      }
    }
    emit_ins(r);
  }
}

// The interrupt poll (I3) and the parallel move of the carried values.
void Emitter::emit_poll_and_carry(bool loop_back) {
  x86::Gp flag = cc_.newIntPtr();
  cc_.mov(flag, reinterpret_cast<uintptr_t>(interrupt_));
  cc_.cmp(x86::byte_ptr(flag), 0);
  cc_.jne(exit_label(t_.loop.close_snap));
  std::vector<Val> tmp(t_.loop.carried.size());
  for (size_t c = 0; c < t_.loop.carried.size(); ++c) {
    Ref ref = t_.loop.carried[c].ref;
    IrType ty = ir_[ref].t;
    if (ty == IrType::F64) {
      tmp[c].x = cc_.newXmmSd();
      cc_.vmovapd(tmp[c].x, xmm(ref));
    } else if (ty == IrType::I64 || ty == IrType::Bool || ty == IrType::Ptr) {
      tmp[c].g = cc_.newInt64();
      cc_.mov(tmp[c].g, gp(ref));
    }
  }
  for (size_t c = 0; c < t_.loop.carried.size(); ++c) {
    IrType ty = ir_[t_.loop.carried[c].ref].t;
    if (ty == IrType::F64) cc_.vmovapd(carried_[c].x, tmp[c].x);
    else if (ty == IrType::I64 || ty == IrType::Bool || ty == IrType::Ptr)
      cc_.mov(carried_[c].g, tmp[c].g);
  }
  if (loop_back) cc_.jmp(loop_top_);
}

// A side trace's end: the iteration is complete, the frame gets every written slot and
// the driver continues in the root trace (trace_driver.cpp). Interrupts are polled
// here too (the root's own poll is not reached when every iteration takes this path).
void Emitter::emit_side_end() {
  x86::Gp flag = cc_.newIntPtr();
  cc_.mov(flag, reinterpret_cast<uintptr_t>(interrupt_));
  cc_.cmp(x86::byte_ptr(flag), 0);
  cc_.jne(exit_label(t_.loop.close_snap));
  ExitInfo& back = t_.back_exit;
  back.trace = &t_;
  back.loop_back = true;
  back.snap = static_cast<uint32_t>(t_.loop.close_snap);
  back.pc = ir_.snaps[back.snap].pc;
  write_snapshot(t_.loop.close_snap, 0, &back);
  x86::Gp p = cc_.newIntPtr();
  cc_.mov(p, reinterpret_cast<uintptr_t>(&back));
  cc_.ret(p);
}

void Emitter::emit_ins(Ref r) {
  const Ins& i = ir_[r];
  switch (i.op) {
    case IrOp::KINT: case IrOp::KFLT: case IrOp::KBOOL: case IrOp::KPTR: case IrOp::KNIL:
    case IrOp::KUNDEF: case IrOp::VTUPLE:
      return;
    case IrOp::SLOAD: case IrOp::RLOAD: case IrOp::VLD: case IrOp::GLD:
    case IrOp::FLD: case IrOp::ADDR: case IrOp::ELD: case IrOp::EST: case IrOp::VST:
      return emit_memory(r, i);
    case IrOp::FADD: case IrOp::FSUB: case IrOp::FMUL: case IrOp::FDIV: case IrOp::FNEG:
    case IrOp::FABS: case IrOp::FSQRT: case IrOp::FMIN: case IrOp::FMAX: case IrOp::FCALL1:
    case IrOp::FCALL2: case IrOp::FCMP: case IrOp::I2F: case IrOp::F2I:
      return emit_float(r, i);
    case IrOp::GTRUE: case IrOp::GFALSE: case IrOp::GICMP: case IrOp::GFCMP: case IrOp::GEQK:
    case IrOp::GBOUND: case IrOp::GEXACT: case IrOp::GFINITE:
      return emit_guard(r, i);
    case IrOp::CALLTRACE:
      return emit_call_trace(r, i);
    default:
      return emit_arith(r, i);
  }
}

void Emitter::emit_arith(Ref r, const Ins& i) {
  x86::Gp d = cc_.newInt64();
  int64_t k;
  auto binop = [&](auto op) {
    cc_.mov(d, gp(i.a));
    if (is_k(i.b, k)) op(d, Imm(k));
    else op(d, gp(i.b));
  };
  switch (i.op) {
    case IrOp::ADD: case IrOp::ADDOV:
      binop([&](x86::Gp a, auto b) { cc_.add(a, b); });
      break;
    case IrOp::SUB: case IrOp::SUBOV:
      binop([&](x86::Gp a, auto b) { cc_.sub(a, b); });
      break;
    case IrOp::MUL: case IrOp::MULOV:
      cc_.mov(d, gp(i.a));
      cc_.imul(d, gp(i.b));
      break;
    case IrOp::NEG: case IrOp::NEGOV:
      cc_.mov(d, gp(i.a));
      cc_.neg(d);
      break;
    case IrOp::BAND: binop([&](x86::Gp a, auto b) { cc_.and_(a, b); }); break;
    case IrOp::BOR: binop([&](x86::Gp a, auto b) { cc_.or_(a, b); }); break;
    case IrOp::BXOR: binop([&](x86::Gp a, auto b) { cc_.xor_(a, b); }); break;
    case IrOp::IMIN: case IrOp::IMAX: {
      x86::Gp a = gp(i.a), b = gp(i.b);
      cc_.mov(d, a);
      cc_.cmp(b, a);
      if (i.op == IrOp::IMIN) cc_.cmovl(d, b);
      else cc_.cmovg(d, b);
      break;
    }
    case IrOp::IABSOV: {
      x86::Gp a = gp(i.a);
      cc_.mov(d, a);
      cc_.neg(d);
      cc_.jo(exit_label(i.snap));
      cc_.cmovs(d, a);
      def_gp(r, d);
      return;
    }
    case IrOp::ICMP: {
      x86::Gp a = gp(i.a);
      if (is_k(i.b, k)) cc_.cmp(a, Imm(k));
      else cc_.cmp(a, gp(i.b));
      x86::Gp b8 = cc_.newInt64();
      switch (Cond(i.aux)) {
        case Cond::LT: cc_.setl(b8.r8()); break;
        case Cond::LE: cc_.setle(b8.r8()); break;
        case Cond::EQ: cc_.sete(b8.r8()); break;
        case Cond::NE: cc_.setne(b8.r8()); break;
        case Cond::GT: cc_.setg(b8.r8()); break;
        case Cond::GE: cc_.setge(b8.r8()); break;
      }
      cc_.movzx(d.r32(), b8.r8());
      break;
    }
    case IrOp::FLOORDIV: case IrOp::MOD: {
      x86::Gp a = gp(i.a), b = gp(i.b);
      Label ok = cc_.newLabel(), done = cc_.newLabel();
      cc_.test(b, b);
      cc_.jz(exit_label(i.snap));
      cc_.cmp(b, -1);
      cc_.jne(ok);
      x86::Gp mn = cc_.newInt64();
      cc_.mov(mn, INT64_MIN);
      cc_.cmp(a, mn);
      cc_.je(exit_label(i.snap));
      cc_.bind(ok);
      x86::Gp q = cc_.newInt64(), rem = cc_.newInt64(), t = cc_.newInt64();
      cc_.mov(q, a);
      cc_.cqo(rem, q);
      cc_.idiv(rem, q, b);
      // Python rounds the quotient towards -inf: fix when the signs differ
      cc_.test(rem, rem);
      cc_.jz(done);
      cc_.mov(t, rem);
      cc_.xor_(t, b);
      cc_.jns(done);
      cc_.sub(q, 1);
      cc_.add(rem, b);
      cc_.bind(done);
      def_gp(r, i.op == IrOp::MOD ? rem : q);
      return;
    }
    case IrOp::SHL: case IrOp::SHR: {
      x86::Gp a = gp(i.a), b = gp(i.b);
      cc_.cmp(b, 63);
      cc_.ja(exit_label(i.snap));
      x86::Gp cnt = cc_.newInt64();
      cc_.mov(cnt, b);
      cc_.mov(d, a);
      if (i.op == IrOp::SHR) {
        cc_.sar(d, cnt.r8());
      } else {
        x86::Gp back = cc_.newInt64();
        cc_.shl(d, cnt.r8());
        cc_.mov(back, d);
        cc_.sar(back, cnt.r8());
        cc_.cmp(back, a);
        cc_.jne(exit_label(i.snap));
      }
      def_gp(r, d);
      return;
    }
    default:
      return;
  }
  if (i.op == IrOp::ADDOV || i.op == IrOp::SUBOV || i.op == IrOp::MULOV ||
      i.op == IrOp::NEGOV)
    cc_.jo(exit_label(i.snap));
  def_gp(r, d);
}

// Jumps to target when (a c b) is true (jump_if_true) or false, with IEEE rules: every
// ordered comparison is false when an operand is nan, != is true.
void Emitter::emit_fcmp_jump(Cond c, bool jump_if_true, Ref a, Ref b, Label target) {
  x86::Xmm xa = xmm(a), xb = xmm(b);
  switch (c) {
    case Cond::LT: cc_.vucomisd(xb, xa); jump_if_true ? cc_.ja(target) : cc_.jbe(target); break;
    case Cond::LE: cc_.vucomisd(xb, xa); jump_if_true ? cc_.jae(target) : cc_.jb(target); break;
    case Cond::GT: cc_.vucomisd(xa, xb); jump_if_true ? cc_.ja(target) : cc_.jbe(target); break;
    case Cond::GE: cc_.vucomisd(xa, xb); jump_if_true ? cc_.jae(target) : cc_.jb(target); break;
    case Cond::EQ:
    case Cond::NE: {
      cc_.vucomisd(xa, xb);
      bool want_equal = (c == Cond::EQ) == jump_if_true;  // jump when "equal" holds
      if (want_equal) {
        Label skip = cc_.newLabel();
        cc_.jp(skip);
        cc_.je(target);
        cc_.bind(skip);
      } else {
        cc_.jp(target);
        cc_.jne(target);
      }
      break;
    }
  }
}

void Emitter::emit_float(Ref r, const Ins& i) {
  x86::Xmm d = cc_.newXmmSd();
  switch (i.op) {
    case IrOp::FADD: cc_.vaddsd(d, xmm(i.a), xmm(i.b)); break;
    case IrOp::FSUB: cc_.vsubsd(d, xmm(i.a), xmm(i.b)); break;
    case IrOp::FMUL: cc_.vmulsd(d, xmm(i.a), xmm(i.b)); break;
    case IrOp::FDIV: cc_.vdivsd(d, xmm(i.a), xmm(i.b)); break;
    case IrOp::FSQRT: {
      x86::Xmm a = xmm(i.a);
      cc_.vsqrtsd(d, a, a);
      break;
    }
    case IrOp::FMIN: cc_.vminsd(d, xmm(i.b), xmm(i.a)); break;  // b < a ? b : a
    case IrOp::FMAX: cc_.vmaxsd(d, xmm(i.b), xmm(i.a)); break;  // b > a ? b : a
    case IrOp::FNEG: case IrOp::FABS: {
      uint64_t mask = i.op == IrOp::FNEG ? 0x8000000000000000ull : 0x7FFFFFFFFFFFFFFFull;
      uint64_t both[2] = {mask, mask};
      x86::Mem m = cc_.newConst(ConstPoolScope::kGlobal, both, 16);
      x86::Xmm mk = cc_.newXmmPd();
      cc_.vmovupd(mk, m);
      if (i.op == IrOp::FNEG) cc_.vxorpd(d, xmm(i.a), mk);
      else cc_.vandpd(d, xmm(i.a), mk);
      break;
    }
    case IrOp::FCALL1: case IrOp::FCALL2: {
      // operands first: a constant's load must come before the call node
      InvokeNode* node;
      x86::Xmm xa = xmm(i.a);
      if (i.op == IrOp::FCALL1) {
        cc_.invoke(&node, Imm(i.k), FuncSignatureT<double, double>(CallConvId::kHost));
        node->setArg(0, xa);
      } else {
        x86::Xmm xb = xmm(i.b);
        cc_.invoke(&node, Imm(i.k), FuncSignatureT<double, double, double>(CallConvId::kHost));
        node->setArg(0, xa);
        node->setArg(1, xb);
      }
      node->setRet(0, d);
      break;
    }
    case IrOp::I2F:
      cc_.vxorpd(d, d, d);
      cc_.vcvtsi2sd(d, d, gp(i.a));
      break;
    case IrOp::F2I: {
      x86::Gp g = cc_.newInt64(), mn = cc_.newInt64();
      cc_.vcvttsd2si(g, xmm(i.a));
      cc_.mov(mn, INT64_MIN);
      cc_.cmp(g, mn);
      cc_.je(exit_label(i.snap));
      def_gp(r, g);
      return;
    }
    case IrOp::FCMP: {
      x86::Gp g = cc_.newInt64();
      Label t = cc_.newLabel(), end = cc_.newLabel();
      emit_fcmp_jump(Cond(i.aux), true, i.a, i.b, t);
      cc_.xor_(g.r32(), g.r32());
      cc_.jmp(end);
      cc_.bind(t);
      cc_.mov(g.r32(), 1);
      cc_.bind(end);
      def_gp(r, g);
      return;
    }
    default: return;
  }
  def_xmm(r, d);
}

void Emitter::emit_guard(Ref, const Ins& i) {
  Label ex = exit_label(i.snap);
  int64_t k;
  switch (i.op) {
    case IrOp::GTRUE: case IrOp::GFALSE: {
      x86::Gp a = gp(i.a);
      cc_.test(a, a);
      i.op == IrOp::GTRUE ? cc_.jz(ex) : cc_.jnz(ex);
      break;
    }
    case IrOp::GICMP: {
      x86::Gp a = gp(i.a);
      if (is_k(i.b, k)) cc_.cmp(a, Imm(k));
      else cc_.cmp(a, gp(i.b));
      switch (Cond(i.aux)) {  // exit when the condition does not hold
        case Cond::LT: cc_.jge(ex); break;
        case Cond::LE: cc_.jg(ex); break;
        case Cond::EQ: cc_.jne(ex); break;
        case Cond::NE: cc_.je(ex); break;
        case Cond::GT: cc_.jle(ex); break;
        case Cond::GE: cc_.jl(ex); break;
      }
      break;
    }
    case IrOp::GFCMP: {
      bool negated = i.aux & 0x80;
      emit_fcmp_jump(Cond(i.aux & 0x7F), negated, i.a, i.b, ex);
      break;
    }
    case IrOp::GEQK: {
      x86::Gp a = gp(i.a);
      if (fits32(i.k)) {
        cc_.cmp(a, Imm(i.k));
      } else {
        x86::Gp t = cc_.newInt64();
        cc_.mov(t, i.k);
        cc_.cmp(a, t);
      }
      cc_.jne(ex);
      break;
    }
    case IrOp::GBOUND:
      if (is_k(i.b, k)) cc_.cmp(gp(i.a), Imm(k));
      else cc_.cmp(gp(i.a), gp(i.b));
      cc_.jae(ex);
      break;
    case IrOp::GEXACT: {
      x86::Gp t = cc_.newInt64(), lim = cc_.newInt64();
      cc_.mov(t, int64_t{1} << 53);
      cc_.add(t, gp(i.a));
      cc_.mov(lim, int64_t{1} << 54);
      cc_.cmp(t, lim);
      cc_.ja(ex);
      break;
    }
    case IrOp::GFINITE: {
      x86::Xmm a = xmm(i.a), t = cc_.newXmmSd();
      cc_.vsubsd(t, a, a);  // 0 for finite, nan for inf / nan
      cc_.vucomisd(t, t);
      cc_.jp(ex);
      break;
    }
    default: break;
  }
}

void Emitter::emit_memory(Ref r, const Ins& i) {
  switch (i.op) {
    case IrOp::SLOAD: case IrOp::RLOAD: case IrOp::VLD: case IrOp::GLD: {
      x86::Mem payload, tagm;
      if (i.op == IrOp::SLOAD || i.op == IrOp::RLOAD) {
        payload = slot_mem(i.a);
        tagm = x86::byte_ptr(base_, static_cast<int32_t>(i.a * sizeof(vm::Value) + 8));
      } else {
        x86::Gp p = gp(i.a);
        payload = x86::qword_ptr(p);
        tagm = x86::byte_ptr(p, 8);
      }
      vm::Tag tag = i.t == IrType::I64 ? vm::Tag::Int : i.t == IrType::F64 ? vm::Tag::Float
                    : i.t == IrType::Bool ? vm::Tag::Bool : i.t == IrType::Nil ? vm::Tag::None
                                                                               : vm::Tag::Obj;
      Label ex = exit_label(i.snap);
      cc_.cmp(tagm, static_cast<int>(tag));
      cc_.jne(ex);
      if (i.t == IrType::F64) {
        x86::Xmm x = cc_.newXmmSd();
        cc_.vmovsd(x, payload);
        def_xmm(r, x);
      } else if (i.t == IrType::Bool) {
        x86::Gp g = cc_.newInt64();
        payload.setSize(1);
        cc_.movzx(g.r32(), payload);
        def_gp(r, g);
      } else if (i.t != IrType::Nil) {
        x86::Gp g = cc_.newInt64();
        cc_.mov(g, payload);
        if (i.t == IrType::Ptr && i.k) {
          x86::Gp ty = cc_.newInt64(), want = cc_.newInt64();
          cc_.mov(ty, x86::qword_ptr(g));  // Object::type is the first field
          cc_.mov(want, i.k);
          cc_.cmp(ty, want);
          cc_.jne(ex);
        }
        def_gp(r, g);
      }
      return;
    }
    case IrOp::FLD: {
      x86::Gp g = cc_.newInt64(), a = gp(i.a);
      int32_t off = static_cast<int32_t>(i.k);
      switch (Mem(i.aux)) {
        case Mem::U8: cc_.movzx(g.r32(), x86::byte_ptr(a, off)); break;
        case Mem::I32: cc_.movsxd(g, x86::dword_ptr(a, off)); break;
        case Mem::U32: cc_.mov(g.r32(), x86::dword_ptr(a, off)); break;
        default: cc_.mov(g, x86::qword_ptr(a, off)); break;
      }
      def_gp(r, g);
      return;
    }
    case IrOp::ADDR: {
      x86::Gp g = cc_.newInt64(), a = gp(i.a);
      int64_t k;
      if (is_k(i.b, k) && fits32(k * i.k)) {
        cc_.lea(g, x86::ptr(a, static_cast<int32_t>(k * i.k)));
      } else if (i.k == 1 || i.k == 2 || i.k == 4 || i.k == 8) {
        uint32_t shift = i.k == 1 ? 0 : i.k == 2 ? 1 : i.k == 4 ? 2 : 3;
        cc_.lea(g, x86::ptr(a, gp(i.b), shift));
      } else {
        x86::Gp t = cc_.newInt64();
        cc_.imul(t, gp(i.b), Imm(i.k));
        cc_.lea(g, x86::ptr(a, t));
      }
      def_gp(r, g);
      return;
    }
    case IrOp::ELD: {
      x86::Gp a = gp(i.a);
      if (Mem(i.aux) == Mem::F64 || Mem(i.aux) == Mem::F32) {
        x86::Xmm x = cc_.newXmmSd();
        if (Mem(i.aux) == Mem::F64) {
          cc_.vmovsd(x, x86::qword_ptr(a));
        } else {
          cc_.vmovss(x, x86::dword_ptr(a));
          cc_.vcvtss2sd(x, x, x);
        }
        def_xmm(r, x);
        return;
      }
      x86::Gp g = cc_.newInt64();
      switch (Mem(i.aux)) {
        case Mem::I8: cc_.movsx(g, x86::byte_ptr(a)); break;
        case Mem::U8: case Mem::Bool: cc_.movzx(g.r32(), x86::byte_ptr(a)); break;
        case Mem::I16: cc_.movsx(g, x86::word_ptr(a)); break;
        case Mem::U16: cc_.movzx(g.r32(), x86::word_ptr(a)); break;
        case Mem::I32: cc_.movsxd(g, x86::dword_ptr(a)); break;
        case Mem::U32: cc_.mov(g.r32(), x86::dword_ptr(a)); break;
        default: cc_.mov(g, x86::qword_ptr(a)); break;
      }
      def_gp(r, g);
      return;
    }
    case IrOp::EST: {
      x86::Gp a = gp(i.a);
      switch (Mem(i.aux)) {
        case Mem::F64: cc_.vmovsd(x86::qword_ptr(a), xmm(i.b)); break;
        case Mem::F32: {
          x86::Xmm t = cc_.newXmmSs();
          x86::Xmm v = xmm(i.b);
          cc_.vcvtsd2ss(t, v, v);
          cc_.vmovss(x86::dword_ptr(a), t);
          break;
        }
        case Mem::I8: case Mem::U8: case Mem::Bool: cc_.mov(x86::byte_ptr(a), gp(i.b).r8()); break;
        case Mem::I16: case Mem::U16: cc_.mov(x86::word_ptr(a), gp(i.b).r16()); break;
        case Mem::I32: case Mem::U32: cc_.mov(x86::dword_ptr(a), gp(i.b).r32()); break;
        default: cc_.mov(x86::qword_ptr(a), gp(i.b)); break;
      }
      return;
    }
    case IrOp::VST: {
      x86::Gp a = gp(i.a);
      IrType ty = ir_[i.b].t;
      vm::Tag tag;
      if (ty == IrType::F64) {
        cc_.vmovsd(x86::qword_ptr(a), xmm(i.b));
        tag = vm::Tag::Float;
      } else if (ty == IrType::Nil || ty == IrType::Undef) {
        cc_.mov(x86::qword_ptr(a), 0);
        tag = ty == IrType::Nil ? vm::Tag::None : vm::Tag::Undef;
      } else {
        cc_.mov(x86::qword_ptr(a), gp(i.b));
        tag = ty == IrType::I64 ? vm::Tag::Int : ty == IrType::Bool ? vm::Tag::Bool : vm::Tag::Obj;
      }
      cc_.mov(x86::byte_ptr(a, 8), static_cast<int>(tag));
      return;
    }
    default: return;
  }
}

// Writes one slot of a snapshot (I1). `info` collects virtual tuples for the engine.
void Emitter::store_slot(uint32_t slot, Ref ref, const std::vector<Val>& vals,
                         ExitInfo* info) {
  std::vector<Val>* saved = cur_;
  cur_ = const_cast<std::vector<Val>*>(&vals);
  const Ins& i = ir_[ref];
  auto tag_of = [](IrType t) {
    switch (t) {
      case IrType::I64: return vm::Tag::Int;
      case IrType::F64: return vm::Tag::Float;
      case IrType::Bool: return vm::Tag::Bool;
      case IrType::Nil: return vm::Tag::None;
      case IrType::Undef: return vm::Tag::Undef;
      default: return vm::Tag::Obj;
    }
  };
  if (i.t == IrType::Tuple) {
    TupleRestore tr{slot, static_cast<uint32_t>(scratch_used_), {}};
    for (Ref e = 0; e < i.b; ++e) {
      Ref el = ir_.aux[i.a + e];
      IrType et = ir_[el].t;
      tr.tags.push_back(tag_of(et));
      x86::Gp p = cc_.newIntPtr();
      cc_.mov(p, reinterpret_cast<uintptr_t>(t_.scratch.data() + scratch_used_++));
      if (et == IrType::F64) cc_.vmovsd(x86::qword_ptr(p), xmm(el));
      else if (et == IrType::I64 || et == IrType::Bool || et == IrType::Ptr)
        cc_.mov(x86::qword_ptr(p), gp(el));
    }
    if (info) info->tuples.push_back(std::move(tr));
  } else if (i.t == IrType::F64) {
    cc_.vmovsd(slot_mem(slot), xmm(ref));
  } else if (i.t == IrType::Nil || i.t == IrType::Undef) {
    cc_.mov(slot_mem(slot), 0);
  } else {
    cc_.mov(slot_mem(slot), gp(ref));
  }
  if (i.t != IrType::Tuple)
    cc_.mov(x86::byte_ptr(base_, static_cast<int32_t>(slot * sizeof(vm::Value) + 8)),
            static_cast<int>(tag_of(i.t)));
  cur_ = saved;
}

void Emitter::write_snapshot(int32_t snap, int copy, ExitInfo* info) {
  const Snapshot& sn = ir_.snaps[snap];
  const std::vector<Val>& vals = copy == 0 ? v0_ : v1_;
  for (uint32_t e = 0; e < sn.count; ++e) {
    const SnapEntry& en = ir_.entries[sn.first + e];
    store_slot(en.slot, en.ref, vals, info);
  }
  if (copy == 1 && !sn.after_call) {
    // carried slots not rewritten yet in this iteration hold last iteration's values
    for (size_t c = 0; c < t_.loop.carried.size(); ++c) {
      const SnapEntry& ce = t_.loop.carried[c];
      bool listed = false;
      for (uint32_t e = 0; e < sn.count; ++e)
        if (ir_.entries[sn.first + e].slot == ce.slot) listed = true;
      if (listed) continue;
      std::vector<Val> one(ir_.size());
      one[ce.ref] = carried_[c];
      store_slot(ce.slot, ce.ref, one, info);
    }
  }
}

void Emitter::emit_call_trace(Ref, const Ins& i) {
  const Trace* inner = reinterpret_cast<const Trace*>(i.k);
  write_snapshot(i.snap, copy_, nullptr);  // flush: the inner trace reads the frame
  InvokeNode* node;
  x86::Gp res = cc_.newIntPtr();
  x86::Gp tr = cc_.newIntPtr();
  cc_.mov(tr, reinterpret_cast<uintptr_t>(inner));
  cc_.invoke(&node, Imm(reinterpret_cast<uintptr_t>(&run_trace_loop)),
             FuncSignatureT<uintptr_t, uintptr_t, void*>(CallConvId::kHost));
  node->setArg(0, tr);
  node->setArg(1, base_);
  node->setRet(0, res);
  PassThrough pt{cc_.newLabel(), res};
  cc_.cmp(x86::dword_ptr(res), static_cast<int32_t>(i.b));  // ExitInfo::pc
  cc_.jne(pt.label);
  pass_.push_back(pt);
}

void Emitter::emit_stubs() {
  size_t ns = ir_.snaps.size();
  for (int copy = 0; copy < 2; ++copy)
    for (size_t s = 0; s < ns; ++s) {
      size_t idx = static_cast<size_t>(copy) * ns + s;
      if (!exit_used_[idx]) continue;
      cc_.bind(exit_labels_[idx]);
      ExitInfo* info = &t_.exits[idx];
      write_snapshot(static_cast<int32_t>(s), copy, info);
      x86::Gp p = cc_.newIntPtr();
      cc_.mov(p, reinterpret_cast<uintptr_t>(info));
      cc_.add(x86::qword_ptr(p, static_cast<int32_t>(offsetof(ExitInfo, count))), 1);
      cc_.ret(p);
    }
  for (PassThrough& pt : pass_) {
    cc_.bind(pt.label);
    cc_.ret(pt.result);
  }
}

}  // namespace

bool compile_trace(asmjit::JitRuntime& rt, Trace& t, const std::atomic<bool>* interrupt,
                   bool dump, std::string& error) {
  if (t.side) t.loop.invariant.assign(t.ir.size(), false);
  else analyse_loop(t);
  mark_live(t);
  CodeHolder code;
  code.init(rt.environment());
  ErrorRecorder errors;
  code.setErrorHandler(&errors);
  StringLogger logger;
  if (dump) code.setLogger(&logger);
  x86::Compiler cc(&code);
  Emitter em(cc, t, interrupt);
  em.run();
  cc.finalize();
  if (errors.failed) {
    error = errors.text;
    return false;
  }
  void* fn = nullptr;
  Error err = rt.add(&fn, &code);
  if (err) {
    error = DebugUtils::errorAsString(err);
    return false;
  }
  t.fn = reinterpret_cast<Trace::Fn>(fn);
  t.code_size = code.codeSize();
  if (dump) t.asm_text = logger.data();
  return true;
}

}  // namespace pyjitvm::jit

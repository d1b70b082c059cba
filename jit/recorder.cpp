// jit/recorder.cpp — recorder state, snapshots and control flow (recorder.h).
//
// Stage: interpreter (recording mode) → step() per instruction → IR; closes the loop
// when control reaches the anchor again.
//
// Invariants: recorder.h I1–I3. Additionally:
//   I4  A guard is only emitted for a condition that holds for the values being
//       recorded: the recorded iteration itself never exits the trace.
#include <cstring>

#include "jit/recorder.h"
#include "vm/interp_internal.h"

namespace pyjitvm::jit {

using vm::Op;
using vm::Tag;
using vm::Value;

namespace {
constexpr size_t kMaxSteps = 1000;   // bytecode instructions in one trace
constexpr size_t kMaxIr = 6000;      // IR instructions in one trace
}  // namespace

Recorder::Recorder(vm::VM& vm, const Intrinsics& intrinsics, TraceLookup& traces,
                   vm::Frame& f, const vm::Instr* loop_pc, std::unique_ptr<Trace> trace)
    : vm_(vm),
      intr_(intrinsics),
      traces_(traces),
      trace_(std::move(trace)),
      ir_(trace_->ir),
      b_(trace_->ir),
      frame_(&f),
      base_(f.base),
      proto_(f.proto),
      code_(f.proto->code.data()),
      loop_pc_(loop_pc) {
  uint32_t n = proto_->nregs;
  slots_.assign(n, 0);
  dirty_.assign(n, false);
  entry_load_.assign(n, 0);
  read_first_.assign(n, false);
  written_type_.assign(n, IrType::Void);
  written_ptype_.assign(n, 0);
  trace_->writes.assign(n, false);
  numba_ = proto_->proto_flags & vm::kProtoNumba;
}

RecordStatus Recorder::abort(std::string why) {
  reason_ = std::move(why);
  return RecordStatus::Abort;
}

// ---------------------------------------------------------------- slots

static int64_t ptr_type_of(const IR& ir, Ref r) {
  const Ins& i = ir[r];
  if (i.op == IrOp::KPTR) return reinterpret_cast<int64_t>(reinterpret_cast<vm::Object*>(i.k)->type);
  return i.k;
}

Ref Recorder::get(uint32_t s) {
  if (slots_[s]) return slots_[s];
  const Value& v = base_[s];
  IrOp op = after_call_ ? IrOp::RLOAD : IrOp::SLOAD;
  Ref r;
  switch (v.tag) {
    case Tag::Undef:
      ab_err_ = "register r" + std::to_string(s) + " is unbound";
      return 0;
    case Tag::None:
      r = guard(op, IrType::Nil, s);
      break;
    case Tag::Bool: r = guard(op, IrType::Bool, s); break;
    case Tag::Int: r = guard(op, IrType::I64, s); break;
    case Tag::Float: r = guard(op, IrType::F64, s); break;
    default:
      r = guard(op, IrType::Ptr, s, 0, reinterpret_cast<int64_t>(v.u.o->type));
      break;
  }
  if (!after_call_ && !entry_load_[s]) entry_load_[s] = r;
  if (written_type_[s] == IrType::Void) read_first_[s] = true;
  slots_[s] = v.tag == Tag::None ? b_.knil() : r;
  return slots_[s];
}

void Recorder::set(uint32_t s, Ref r) {
  slots_[s] = r;
  dirty_[s] = true;
  trace_->writes[s] = true;
  written_type_[s] = ir_[r].t;
  written_ptype_[s] = ir_[r].t == IrType::Ptr ? ptr_type_of(ir_, r) : 0;
}

int32_t Recorder::snapshot(uint32_t pc) {
  Snapshot sn{pc, static_cast<uint32_t>(ir_.entries.size()), 0, after_call_};
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (dirty_[s]) {
      ir_.entries.push_back({s, slots_[s]});
      ++sn.count;
    }
  // Reuse the previous snapshot when it is identical (common: several guards of one
  // instruction).
  if (!ir_.snaps.empty()) {
    const Snapshot& p = ir_.snaps.back();
    if (p.pc == sn.pc && p.count == sn.count && p.after_call == sn.after_call &&
        std::equal(ir_.entries.begin() + p.first, ir_.entries.begin() + p.first + p.count,
                   ir_.entries.begin() + sn.first,
                   [](const SnapEntry& x, const SnapEntry& y) {
                     return x.slot == y.slot && x.ref == y.ref;
                   })) {
      ir_.entries.resize(sn.first);
      return static_cast<int32_t>(ir_.snaps.size() - 1);
    }
  }
  ir_.snaps.push_back(sn);
  return static_cast<int32_t>(ir_.snaps.size() - 1);
}

Ref Recorder::specialize(Ref r, vm::Object* o) {
  const Ins& i = ir_[r];
  if (i.op == IrOp::KPTR && i.k == reinterpret_cast<int64_t>(o)) return r;
  guard(IrOp::GEQK, IrType::Void, r, 0, reinterpret_cast<int64_t>(o));
  return b_.kptr(o);
}

// ---------------------------------------------------------------- stepping

RecordStatus Recorder::step(vm::Frame& f, const vm::Instr* pc) {
  if (&f != frame_ || f.base != base_ || f.proto != proto_)
    return abort("left the loop's frame (a call or a return)");
  pc_index_ = static_cast<uint32_t>(pc - code_);
  if (pending_call_ >= 0) {
    Ins& call = ir_[static_cast<Ref>(pending_call_)];
    const Trace* inner = reinterpret_cast<const Trace*>(call.k);
    pending_call_ = -1;
    call.b = pc_index_;
    const vm::Instr& anchor = code_[inner->anchor_pc];
    if (anchor.op == Op::FORLOOP && pc_index_ != inner->anchor_pc + 1)
      return abort("the inner loop's trace exited early while recording");
  }
  if (++steps_ > kMaxSteps || ir_.size() > kMaxIr) return abort("trace too long");
  RecordStatus st = dispatch(*pc);
  if (st == RecordStatus::Continue && !ab_err_.empty()) return abort(ab_err_);
  return st;
}

// Type stability and the carried state; then the trace is complete.
RecordStatus Recorder::close_loop() {
  if (trace_->side) {
    // back to the root trace: the frame must hold every written slot (trace_driver I1)
    trace_->loop.close_snap = snapshot(trace_->root->start_pc);
    const Snapshot& sn = ir_.snaps[trace_->loop.close_snap];
    for (uint32_t e = 0; e < sn.count; ++e)
      if (ir_[ir_.entries[sn.first + e].ref].t == IrType::Tuple &&
          ir_.entries[sn.first + e].slot < first_temp())
        return abort("a tuple is live at the loop's back-edge");
    return RecordStatus::Done;
  }
  for (uint32_t s = 0; s < slots_.size(); ++s) {
    Ref e = entry_load_[s];
    if (!e || written_type_[s] == IrType::Void) continue;
    int64_t et = ir_[e].t == IrType::Ptr ? ir_[e].k : 0;
    if (ir_[e].t != written_type_[s] || et != written_ptype_[s])
      return abort("the type of register r" + std::to_string(s) + " changes in the loop");
  }
  LoopInfo& loop = trace_->loop;
  // A compiler temporary that the iteration writes before reading it is dead at the
  // loop header (temporaries live within one statement; loop counters are read first),
  // so it is not carried: exits before its next write leave the frame's stale value.
  for (uint32_t s = 0; s < slots_.size(); ++s) {
    if (!dirty_[s]) continue;
    bool dead_temp = s >= first_temp() && !read_first_[s];
    if (ir_[slots_[s]].t == IrType::Tuple && !dead_temp)
      return abort("a tuple is carried around the loop");
    if (dead_temp) {
      dirty_[s] = false;
      continue;
    }
    loop.carried.push_back({s, slots_[s]});
  }
  loop.close_snap = snapshot(trace_->start_pc);
  return RecordStatus::Done;
}

// ---------------------------------------------------------------- control flow

RecordStatus Recorder::truth_branch(Ref v, const Value& value, bool jump_if_true) {
  (void)jump_if_true;
  switch (value.tag) {
    case Tag::Bool:
      guard(value.u.b ? IrOp::GTRUE : IrOp::GFALSE, IrType::Void, v);
      break;
    case Tag::Int:
      guard(IrOp::GICMP, IrType::Void, v, b_.kint(0), 0,
            static_cast<uint8_t>(value.u.i ? Cond::NE : Cond::EQ));
      break;
    case Tag::Float:
      guard(IrOp::GFCMP, IrType::Void, v, b_.kflt(0.0), 0,
            static_cast<uint8_t>(value.u.f != 0.0 ? Cond::NE : Cond::EQ));
      break;
    case Tag::None:
      break;
    default:
      return abort("truth value of an object");
  }
  return RecordStatus::Continue;
}

RecordStatus Recorder::forprep(const vm::Instr& ins) {
  const Value* r = base_ + ins.a;
  uint32_t nargs = ins.xtop();
  Value callee = r[0];
  bool counted = callee.is_obj() &&
                 (callee.u.o == vm_.types().range ||
                  (callee.u.o->kind == vm::Kind::NativeFunction &&
                   static_cast<vm::NativeFunction*>(callee.u.o)->data.tag == Tag::Int &&
                   static_cast<vm::NativeFunction*>(callee.u.o)->data.u.i == vm::kRangeMarker));
  if (!counted || nargs < 1) return abort("for loop over an iterator");
  for (uint32_t i = 1; i <= nargs; ++i)
    if (r[i].tag != Tag::Int) return abort("range() with non-int arguments");
  Ref fn = get(ins.a);
  specialize(fn, callee.u.o);
  Ref start = b_.kint(0), stop, step = b_.kint(1);
  int64_t vstart = 0, vstop, vstep = 1;
  if (nargs == 1) {
    stop = get(ins.a + 1);
    vstop = r[1].u.i;
  } else {
    start = get(ins.a + 1);
    stop = get(ins.a + 2);
    vstart = r[1].u.i;
    vstop = r[2].u.i;
    if (nargs == 3) {
      step = get(ins.a + 3);
      vstep = r[3].u.i;
    }
  }
  if (vstep == 0) return abort("range() step is zero");
  guard(IrOp::GICMP, IrType::Void, step, b_.kint(0), 0,
        static_cast<uint8_t>(vstep > 0 ? Cond::GT : Cond::LT));
  bool nonempty = vstep > 0 ? vstart < vstop : vstart > vstop;
  Cond c = vstep > 0 ? Cond::LT : Cond::GT;
  guard(IrOp::GICMP, IrType::Void, start, stop, 0,
        static_cast<uint8_t>(nonempty ? c : negate(c)));
  set(ins.a, start);
  set(ins.a + 1, stop);
  set(ins.a + 2, step);
  if (nonempty) set(ins.b, start);
  return RecordStatus::Continue;
}

RecordStatus Recorder::forloop(const vm::Instr& ins, bool anchor) {
  const Value* r = base_ + ins.a;
  if (r[1].tag != Tag::Int) return abort("for loop over an iterator");
  Ref counter = get(ins.a), stop = get(ins.a + 1), step = get(ins.a + 2);
  int64_t vstep = r[2].u.i, next;
  if (__builtin_add_overflow(r[0].u.i, vstep, &next)) return abort("loop counter overflow");
  bool cont = vstep > 0 ? next < r[1].u.i : next > r[1].u.i;
  guard(IrOp::GICMP, IrType::Void, step, b_.kint(0), 0,
        static_cast<uint8_t>(vstep > 0 ? Cond::GT : Cond::LT));
  Ref nx = guard(IrOp::ADDOV, IrType::I64, counter, step);
  Cond c = vstep > 0 ? Cond::LT : Cond::GT;
  if (cont) {
    // Fails when the loop is done: the interpreter falls through the FORLOOP.
    b_.guard(IrOp::GICMP, IrType::Void, snapshot(pc_index_ + 1), nx, stop, 0,
             static_cast<uint8_t>(c));
  } else {
    guard(IrOp::GICMP, IrType::Void, nx, stop, 0, static_cast<uint8_t>(negate(c)));
    if (anchor) {
      transient_ = true;
      return abort("the loop ended while recording");
    }
    return RecordStatus::Continue;
  }
  set(ins.a, nx);
  set(ins.b, nx);
  if (anchor) return close_loop();
  return inner_loop(ins, traces_.trace_at(&ins));
}

RecordStatus Recorder::inner_loop(const vm::Instr& ins, Trace* inner) {
  if (vm::jit_state(ins) != vm::kJitTrace || !inner) {
    transient_ = vm::jit_state(ins) == vm::kJitCounting;
    return abort("an inner loop is not compiled yet");
  }
  return call_trace(inner);
}

RecordStatus Recorder::call_trace(Trace* inner) {
  // Compiler temporaries do not live across a loop header, so a virtual tuple left in
  // one is dead here and needs no flush; one in a local variable cannot be flushed.
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (dirty_[s] && ir_[slots_[s]].t == IrType::Tuple && s < first_temp())
      return abort("a tuple is live across an inner loop");
  Ref r = guard(IrOp::CALLTRACE, IrType::Void, inner->id, 0, reinterpret_cast<int64_t>(inner));
  pending_call_ = static_cast<int32_t>(r);
  for (uint32_t s = 0; s < inner->writes.size() && s < slots_.size(); ++s)
    if (inner->writes[s]) trace_->writes[s] = true;
  // The inner loop's traces (side traces included, which may be added later) may store
  // globals: global loads are reloaded after the call and not hoisted.
  trace_->stores_globals = true;
  b_.clear_cse();
  std::fill(slots_.begin(), slots_.end(), 0);
  std::fill(dirty_.begin(), dirty_.end(), false);
  after_call_ = true;
  return RecordStatus::Continue;
}

}  // namespace pyjitvm::jit

// jit/loop_opt.cpp — loop peeling analysis: which IR values are loop-invariant.
//
// Stage: recorded Trace (IR + carried slots) → LoopInfo::invariant, used by the backend
// when it emits the second copy of the iteration (the loop proper; LuaJIT's LOOP
// optimisation): an invariant instruction is not emitted again and reuses the value
// of the first (peeled) copy; an invariant guard is not checked again.
//
// Invariants:
//   I1  A value is invariant when it is a constant, an entry load (SLOAD) of a slot
//       the trace never writes (writes includes the slots of called inner traces), or
//       a pure / invariant-load instruction (ir.h I3) whose operands are invariant.
//   I3  mark_live: only instructions whose result is used are emitted (DCE); guards,
//       stores and calls are always live.
//   I2  Memory that a trace writes (array elements, list items) is never assumed
//       invariant: ELD / VLD are always re-emitted.
#include "jit/loop_opt.h"

namespace pyjitvm::jit {

bool operands_are_refs(IrOp op) {
  switch (op) {
    case IrOp::KINT: case IrOp::KFLT: case IrOp::KBOOL: case IrOp::KPTR: case IrOp::KNIL:
    case IrOp::KUNDEF: case IrOp::VTUPLE: case IrOp::SLOAD: case IrOp::RLOAD:
    case IrOp::CALLTRACE:
      return false;
    default:
      return true;
  }
}

// Dead-code elimination: a pure instruction or invariant load is emitted only when a
// guard, store, call, snapshot or carried value needs its result.
void mark_live(Trace& t) {
  const IR& ir = t.ir;
  std::vector<bool>& live = t.loop.live;
  live.assign(ir.size(), false);
  std::vector<Ref> work;
  auto use = [&](Ref r) {
    if (r && r < ir.size() && !live[r]) {
      live[r] = true;
      work.push_back(r);
    }
  };
  for (Ref r = 1; r < ir.size(); ++r) {
    uint8_t fl = ir_op_flags(ir[r].op);
    if ((fl & kGuard) || !(fl & (kPure | kInvariantLoad | kConst))) use(r);
  }
  for (const SnapEntry& e : ir.entries) use(e.ref);
  for (const SnapEntry& e : t.loop.carried) use(e.ref);
  while (!work.empty()) {
    const Ins& i = ir[work.back()];
    work.pop_back();
    if (i.op == IrOp::VTUPLE) {
      for (Ref e = 0; e < i.b; ++e) use(ir.aux[i.a + e]);
    } else if (operands_are_refs(i.op)) {
      use(i.a);
      use(i.b);
    }
  }
}

void analyse_loop(Trace& t) {
  const IR& ir = t.ir;
  std::vector<bool>& inv = t.loop.invariant;
  inv.assign(ir.size(), false);
  for (Ref r = 1; r < ir.size(); ++r) {
    const Ins& i = ir[r];
    uint8_t fl = ir_op_flags(i.op);
    bool v = false;
    switch (i.op) {
      case IrOp::VTUPLE:
        v = true;
        for (Ref e = 0; e < i.b; ++e) v = v && inv[ir.aux[i.a + e]];
        break;
      case IrOp::SLOAD:
        v = i.a >= t.writes.size() || !t.writes[i.a];
        break;
      case IrOp::GLD:
        v = !t.stores_globals && i.a && inv[i.a];
        break;
      case IrOp::RLOAD: case IrOp::ELD: case IrOp::EST: case IrOp::VLD: case IrOp::VST:
      case IrOp::CALLTRACE:
        v = false;
        break;
      default:
        if (fl & kConst) {
          v = true;
        } else {
          v = (!i.a || inv[i.a]) && (!i.b || inv[i.b]);
        }
        break;
    }
    inv[r] = v;
  }
}

}  // namespace pyjitvm::jit

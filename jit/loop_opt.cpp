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

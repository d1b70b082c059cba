// jit/ir.cpp — IR op tables and the text listing (--jit-dump, golden IR tests).
//
// Stage: IR → text. Format, one instruction per line:
//   NNNN type OP operands [k] [#snapshot]
// and after the instructions one line per snapshot: "SNAP n pc=P slot=ref ...".
//
// Invariants:
//   I1  The listing depends only on the IR (no addresses: KPTR prints as "ptr", Types
//       by name), so golden files are stable across runs.
#include <cstdio>
#include <cstring>

#include "jit/ir.h"
#include "vm/object.h"
#include "vm/str_object.h"

namespace pyjitvm::jit {

namespace {

struct OpRow {
  const char* name;
  uint8_t flags;
};

constexpr OpRow kOps[] = {
#define PYJ_X(name, flags) {#name, flags},
    PYJ_IR_OPS(PYJ_X)
#undef PYJ_X
};

const char* cond_name(uint8_t c) {
  static const char* const kNames[] = {"lt", "le", "eq", "ne", "gt", "ge"};
  return c < 6 ? kNames[c] : "?";
}

const char* mem_name(uint8_t m) {
  static const char* const kNames[] = {"i8", "i16", "i32", "i64", "u8", "u16",
                                       "u32", "u64", "f32", "f64", "bool"};
  return m < 11 ? kNames[m] : "ptr";
}

std::string type_label(int64_t k) {
  if (!k) return "";
  auto* t = reinterpret_cast<const vm::Type*>(static_cast<uintptr_t>(k));
  return t->name ? std::string(t->name->view()) : std::string("?");
}

}  // namespace

uint8_t ir_op_flags(IrOp op) { return kOps[static_cast<size_t>(op)].flags; }
const char* ir_op_name(IrOp op) { return kOps[static_cast<size_t>(op)].name; }

const char* ir_type_name(IrType t) {
  static const char* const kNames[] = {"void", "i64", "f64", "bool", "ptr", "nil", "undef",
                                       "tup"};
  return kNames[static_cast<size_t>(t)];
}

std::string dump_ir(const IR& ir) {
  std::string out;
  char buf[160];
  for (Ref r = 1; r < ir.size(); ++r) {
    const Ins& i = ir[r];
    std::string ops;
    auto ref = [&](Ref x) { ops += x ? " " + std::to_string(x) : std::string(" -"); };
    switch (i.op) {
      case IrOp::KINT: case IrOp::KBOOL: ops = " " + std::to_string(i.k); break;
      case IrOp::KFLT: {
        double d;
        std::memcpy(&d, &i.k, sizeof d);
        std::snprintf(buf, sizeof buf, " %.17g", d);
        ops = buf;
        break;
      }
      case IrOp::KPTR: ops = " ptr"; break;
      case IrOp::KNIL: case IrOp::KUNDEF: break;
      case IrOp::VTUPLE:
        for (Ref e = 0; e < i.b; ++e) ref(ir.aux[i.a + e]);
        break;
      case IrOp::SLOAD: case IrOp::RLOAD:
        ops = " r" + std::to_string(i.a);
        if (i.k) ops += " " + type_label(i.k);
        break;
      case IrOp::ICMP: case IrOp::FCMP: case IrOp::GICMP: case IrOp::GFCMP:
        ops = std::string(" ") + ((i.aux & 0x80) ? "not-" : "") + cond_name(i.aux & 0x7F);
        ref(i.a);
        ref(i.b);
        break;
      case IrOp::FLD: case IrOp::ELD: case IrOp::EST:
        ops = std::string(" ") + mem_name(i.aux);
        ref(i.a);
        if (i.op == IrOp::EST) ref(i.b);
        if (i.op == IrOp::FLD) ops += " +" + std::to_string(i.k);
        break;
      case IrOp::VLD: case IrOp::GLD:
        ref(i.a);
        if (i.k) ops += " " + type_label(i.k);
        break;
      case IrOp::GEQK: ref(i.a); ops += " k"; break;
      case IrOp::ADDR: ref(i.a); ref(i.b); ops += " *" + std::to_string(i.k); break;
      case IrOp::FCALL1: case IrOp::FCALL2: ref(i.a); if (i.b) ref(i.b); ops += " fn"; break;
      case IrOp::CALLTRACE: ops = " trace " + std::to_string(i.a) + " expect pc " +
                                  std::to_string(i.b); break;
      default: ref(i.a); if (i.b) ref(i.b); break;
    }
    std::snprintf(buf, sizeof buf, "%04u %-5s %-9s", r, ir_type_name(i.t), ir_op_name(i.op));
    out += buf;
    out += ops;
    if (i.snap >= 0) out += "  #" + std::to_string(i.snap);
    out += "\n";
  }
  for (size_t s = 0; s < ir.snaps.size(); ++s) {
    const Snapshot& sn = ir.snaps[s];
    out += "SNAP #" + std::to_string(s) + " pc=" + std::to_string(sn.pc);
    if (sn.after_call) out += " after-call";
    for (uint32_t e = 0; e < sn.count; ++e) {
      const SnapEntry& en = ir.entries[sn.first + e];
      out += " r" + std::to_string(en.slot) + "=" + std::to_string(en.ref);
    }
    out += "\n";
  }
  return out;
}

}  // namespace pyjitvm::jit

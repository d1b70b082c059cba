// jit/ir.h — the trace IR: a linear buffer of typed SSA instructions with snapshots.
//
// Stage: jit/recorder emits it (folding and CSE on emission, jit/ir_builder.cpp);
// jit/loop_opt.cpp analyses it for the peeled loop; jit/x64_backend.cpp compiles it;
// jit/ir_dump.cpp prints it (--jit-dump and the golden IR tests).
//
// A trace is one iteration of a loop as it was recorded. The backend emits it twice:
// the first copy (the peeled iteration) holds every guard; the second copy is the loop
// proper, where loop-invariant instructions and guards are not repeated (jit/loop_opt).
//
// Invariants:
//   I1  Ref 0 is "no value"; every operand of an instruction refers to an earlier
//       instruction (SSA in emission order).
//   I2  Every guard (is_guard()) has a snapshot: the interpreter state to restore when it
//       fails — the pc to resume at and the frame slots written by the trace so far.
//       Slots a snapshot does not list hold, in the frame, the value they held at trace
//       entry (or after the last CALLTRACE, which flushes every written slot).
//   I3  Instructions flagged kPure compute their result from their operands only;
//       kInvariantLoad loads memory that no trace instruction writes (object headers,
//       dict entries of cached globals), so both may be hoisted and CSE'd.
//   I4  Values of type Bool are 0 or 1 in an integer register; Nil/Undef/Tuple values
//       exist only in snapshots (constants and virtual tuples) and generate no code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pyjitvm::jit {

using Ref = uint32_t;

enum class IrType : uint8_t { Void, I64, F64, Bool, Ptr, Nil, Undef, Tuple };

// Element types of memory accesses (ndarray dtypes the JIT handles).
enum class Mem : uint8_t { I8, I16, I32, I64, U8, U16, U32, U64, F32, F64, Bool };

// Comparison conditions (aux of ICMP/FCMP and the compare guards).
enum class Cond : uint8_t { LT, LE, EQ, NE, GT, GE };

enum IrFlags : uint8_t {
  kPure = 1,           // I3
  kInvariantLoad = 2,  // I3
  kGuard = 4,          // has a snapshot (I2)
  kConst = 8,          // no code: a value known at compile time
};

#define PYJ_IR_OPS(X)                                                                   \
  /* constants (k holds the value; KPTR: Object*) */                                    \
  X(KINT, kConst) X(KFLT, kConst) X(KBOOL, kConst) X(KPTR, kConst)                      \
  X(KNIL, kConst) X(KUNDEF, kConst)                                                     \
  X(VTUPLE, kConst)        /* virtual tuple: elements aux[a .. a+b) */                  \
  /* frame slots: a = slot; guards the tag (and for Ptr, k = Type*) */                  \
  X(SLOAD, kGuard)         /* at trace entry */                                         \
  X(RLOAD, kGuard)         /* after a CALLTRACE */                                      \
  /* int64 */                                                                           \
  X(ADDOV, kGuard) X(SUBOV, kGuard) X(MULOV, kGuard) X(NEGOV, kGuard)                   \
  X(ADD, kPure) X(SUB, kPure) X(MUL, kPure) X(NEG, kPure)                               \
  X(FLOORDIV, kGuard) X(MOD, kGuard)   /* Python semantics; guard b != 0, no MIN/-1 */  \
  X(BAND, kPure) X(BOR, kPure) X(BXOR, kPure)                                           \
  X(SHL, kGuard) X(SHR, kGuard)        /* guard 0 <= b < 64 (SHL: no overflow) */       \
  X(ICMP, kPure)           /* aux = Cond; result Bool */                                \
  X(IMIN, kPure) X(IMAX, kPure)        /* Python min/max of two ints */                 \
  X(IABSOV, kGuard)                    /* abs(); guard a != INT64_MIN */                 \
  /* float64 */                                                                         \
  X(FADD, kPure) X(FSUB, kPure) X(FMUL, kPure) X(FDIV, kPure)                           \
  X(FNEG, kPure) X(FABS, kPure) X(FSQRT, kPure)                                         \
  X(FMIN, kPure) X(FMAX, kPure)        /* Python min/max of two floats (nan rules) */   \
  X(FCALL1, kPure) X(FCALL2, kPure)    /* k = double(*)(double[, double]) (libm) */     \
  X(FCMP, kPure)           /* aux = Cond; result Bool (false on nan, NE true) */        \
  X(I2F, kPure)            /* int64 -> float64 (exact when |a| <= 2**53) */             \
  X(F2I, kGuard)           /* trunc float64 -> int64; guard finite and in range */      \
  /* guards */                                                                          \
  X(GTRUE, kGuard) X(GFALSE, kGuard)   /* a is Bool */                                  \
  X(GICMP, kGuard) X(GFCMP, kGuard)    /* guard (a aux b) holds */                       \
  X(GEQK, kGuard)          /* guard a == k (int64 or pointer) */                         \
  X(GBOUND, kGuard)        /* guard 0 <= a < b (unsigned compare) */                     \
  X(GEXACT, kGuard)        /* guard |a| <= 2**53 (int converts to float exactly) */     \
  X(GFINITE, kGuard)       /* guard a (float) is finite */                               \
  /* memory: a = base pointer, k = byte offset */                                       \
  X(FLD, kInvariantLoad)   /* field of an object: aux = Mem (I64/U32/U8/U16/I32) or Ptr */ \
  X(GLD, kInvariantLoad | kGuard) /* Value of a cached global's dict entry at a: as VLD */ \
  X(ADDR, kPure)           /* a + b * k (element address) */                              \
  X(ELD, 0)                /* element load at a; aux = Mem */                             \
  X(EST, 0)                /* element store of b at a; aux = Mem */                       \
  X(VLD, kGuard)           /* Value at a: guard tag (k = Type* for objects), payload */    \
  X(VST, 0)                /* Value store of b at a (payload + tag from b's type) */       \
  /* calls */                                                                           \
  X(CALLTRACE, kGuard)     /* k = Trace*, aux unused; flushes the frame; guard resume pc */

enum class IrOp : uint8_t {
#define PYJ_X(name, flags) name,
  PYJ_IR_OPS(PYJ_X)
#undef PYJ_X
};

uint8_t ir_op_flags(IrOp op);
const char* ir_op_name(IrOp op);
const char* ir_type_name(IrType t);

struct Ins {
  IrOp op;
  IrType t;
  uint8_t aux = 0;   // Cond, Mem, or op-specific
  uint8_t pad = 0;
  Ref a = 0;
  Ref b = 0;
  int32_t snap = -1;  // snapshot index of a guard (I2)
  int64_t k = 0;      // constant / offset / pointer / expected value
  // for SLOAD/RLOAD/VLD of objects: the guarded Type*; for KPTR the object; else 0
};

struct SnapEntry {
  uint32_t slot;
  Ref ref;
};

struct Snapshot {
  uint32_t pc;         // resume pc (index into the Proto's code)
  uint32_t first;      // entries [first, first + count) of IR::entries
  uint32_t count;
  bool after_call;     // a CALLTRACE ran earlier in this iteration (I2)
};

struct IR {
  std::vector<Ins> ins{Ins{IrOp::KNIL, IrType::Void}};  // ins[0] is the I1 sentinel
  std::vector<Ref> aux;                                 // VTUPLE elements
  std::vector<Snapshot> snaps;
  std::vector<SnapEntry> entries;

  const Ins& operator[](Ref r) const { return ins[r]; }
  Ins& operator[](Ref r) { return ins[r]; }
  Ref size() const { return static_cast<Ref>(ins.size()); }
};

// Listing of the IR, one instruction per line (the golden-test format).
std::string dump_ir(const IR& ir);

}  // namespace pyjitvm::jit

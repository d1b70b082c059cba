// tests/unit/jit/backend_test.cpp — the x86-64 backend, one IR instruction at a time.
//
// Stage: hand-built IR (no recorder) → compile_trace → run on a frame of Values → the
// exit taken and the registers it wrote.
//
// Invariants:
//   I1  Each case builds the same shape: SLOADs of r0/r1, the instruction under test,
//       then a guard that always fails and exits with r2 = the result (pc 1). A guard of
//       the instruction itself that fails exits at pc 0 and writes nothing.
#include <asmjit/x86.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

#include "jit/ir_builder.h"
#include "jit/trace.h"
#include "jit/x64_backend.h"

namespace pyjitvm::jit {
namespace {

using vm::Tag;
using vm::Value;

struct Case {
  IrOp op;
  IrType t;
  Value a, b;
  uint8_t aux = 0;
};

IrType type_of(const Value& v) {
  return v.tag == Tag::Float ? IrType::F64 : v.tag == Tag::Bool ? IrType::Bool : IrType::I64;
}

// Runs one instruction; returns the exit pc and the frame afterwards.
uint32_t run(const Case& c, Value frame[3]) {
  static asmjit::JitRuntime rt;
  static std::atomic<bool> interrupt{false};
  static std::vector<std::unique_ptr<Trace>> traces;  // ExitInfos live as long as code
  traces.push_back(std::make_unique<Trace>());
  Trace* t = traces.back().get();
  IR& ir = t->ir;
  ir.snaps.push_back({0, 0, 0, false});  // #0: the instruction's own guards
  Ins la{IrOp::SLOAD, type_of(c.a)};
  la.a = 0;
  la.snap = 0;
  ir.ins.push_back(la);
  Ins lb{IrOp::SLOAD, type_of(c.b)};
  lb.a = 1;
  lb.snap = 0;
  ir.ins.push_back(lb);
  Ins op{c.op, c.t, c.aux};
  op.a = 1;
  op.b = 2;
  op.snap = (ir_op_flags(c.op) & kGuard) ? 0 : -1;
  ir.ins.push_back(op);
  Ref result = 3;
  ir.entries.push_back({2, result});
  ir.snaps.push_back({1, 0, 1, false});  // #1: r2 = result, pc 1
  Ins k0{IrOp::KINT, IrType::I64};
  k0.k = 0;
  ir.ins.push_back(k0);
  Ins g{IrOp::GICMP, IrType::Void, static_cast<uint8_t>(Cond::NE)};
  g.a = 4;
  g.b = 4;
  g.snap = 1;
  ir.ins.push_back(g);
  t->loop.close_snap = 1;
  t->writes.assign(3, false);
  t->writes[2] = true;
  std::string err;
  EXPECT_TRUE(compile_trace(rt, *t, &interrupt, false, err)) << err;
  return t->fn(frame)->pc;
}

Value I(int64_t v) { return Value::from_int(v); }
Value F(double v) { return Value::from_float(v); }

void expect_int(const Case& c, int64_t want) {
  Value f[3] = {c.a, c.b, Value()};
  ASSERT_EQ(run(c, f), 1u) << ir_op_name(c.op);
  EXPECT_EQ(f[2].tag, c.t == IrType::Bool ? Tag::Bool : Tag::Int);
  EXPECT_EQ(f[2].u.i, want) << ir_op_name(c.op);
}
void expect_float(const Case& c, double want) {
  Value f[3] = {c.a, c.b, Value()};
  ASSERT_EQ(run(c, f), 1u) << ir_op_name(c.op);
  EXPECT_EQ(f[2].tag, Tag::Float);
  if (std::isnan(want)) EXPECT_TRUE(std::isnan(f[2].u.f));
  else EXPECT_EQ(std::memcmp(&f[2].u.f, &want, 8), 0) << f[2].u.f << " vs " << want;
}
void expect_exit(const Case& c) {
  Value f[3] = {c.a, c.b, I(-7)};
  EXPECT_EQ(run(c, f), 0u) << ir_op_name(c.op);
  EXPECT_EQ(f[2].u.i, -7);  // nothing written
}

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

TEST(JitBackend, IntArithmeticAndOverflowGuards) {
  expect_int({IrOp::ADDOV, IrType::I64, I(40), I(2)}, 42);
  expect_exit({IrOp::ADDOV, IrType::I64, I(kMax), I(1)});
  expect_int({IrOp::ADD, IrType::I64, I(kMax), I(1)}, kMin);  // njit wrap-around
  expect_exit({IrOp::SUBOV, IrType::I64, I(kMin), I(1)});
  expect_int({IrOp::MULOV, IrType::I64, I(-6), I(7)}, -42);
  expect_exit({IrOp::MULOV, IrType::I64, I(int64_t{1} << 62), I(2)});
  expect_int({IrOp::IMIN, IrType::I64, I(3), I(-5)}, -5);
  expect_int({IrOp::IMAX, IrType::I64, I(3), I(-5)}, 3);
  expect_int({IrOp::BXOR, IrType::I64, I(12), I(10)}, 6);
}

TEST(JitBackend, FloorDivisionAndModuloFollowPython) {
  expect_int({IrOp::FLOORDIV, IrType::I64, I(-7), I(2)}, -4);
  expect_int({IrOp::MOD, IrType::I64, I(-7), I(2)}, 1);
  expect_int({IrOp::MOD, IrType::I64, I(7), I(-2)}, -1);
  expect_int({IrOp::FLOORDIV, IrType::I64, I(7), I(2)}, 3);
  expect_exit({IrOp::FLOORDIV, IrType::I64, I(1), I(0)});
  expect_exit({IrOp::MOD, IrType::I64, I(kMin), I(-1)});
}

TEST(JitBackend, Shifts) {
  expect_int({IrOp::SHL, IrType::I64, I(3), I(4)}, 48);
  expect_exit({IrOp::SHL, IrType::I64, I(1), I(63)});  // overflows int64
  expect_int({IrOp::SHR, IrType::I64, I(-17), I(2)}, -5);
  expect_exit({IrOp::SHR, IrType::I64, I(1), I(64)});
}

TEST(JitBackend, FloatOperations) {
  expect_float({IrOp::FADD, IrType::F64, F(0.1), F(0.2)}, 0.1 + 0.2);
  expect_float({IrOp::FDIV, IrType::F64, F(1.0), F(3.0)}, 1.0 / 3.0);
  expect_float({IrOp::FMIN, IrType::F64, F(NAN), F(1.0)}, NAN);  // min(nan, 1) is nan
  expect_float({IrOp::FMIN, IrType::F64, F(1.0), F(NAN)}, 1.0);  // min(1, nan) is 1
  expect_float({IrOp::FMAX, IrType::F64, F(-0.0), F(0.0)}, -0.0);  // first wins on ties
  expect_float({IrOp::FNEG, IrType::F64, F(0.0), F(0.0)}, -0.0);
  expect_float({IrOp::FABS, IrType::F64, F(-2.5), F(0.0)}, 2.5);
  expect_float({IrOp::FSQRT, IrType::F64, F(2.0), F(0.0)}, std::sqrt(2.0));
  expect_float({IrOp::I2F, IrType::F64, I((int64_t{1} << 53) + 1), I(0)},
               static_cast<double>((int64_t{1} << 53) + 1));
}

TEST(JitBackend, Conversions) {
  expect_int({IrOp::F2I, IrType::I64, F(-2.9), F(0)}, -2);
  expect_exit({IrOp::F2I, IrType::I64, F(NAN), F(0)});
  expect_exit({IrOp::F2I, IrType::I64, F(1e19), F(0)});
}

TEST(JitBackend, ComparisonsWithNan) {
  uint8_t lt = static_cast<uint8_t>(Cond::LT), ne = static_cast<uint8_t>(Cond::NE),
          eq = static_cast<uint8_t>(Cond::EQ), ge = static_cast<uint8_t>(Cond::GE);
  expect_int({IrOp::FCMP, IrType::Bool, F(1.0), F(2.0), lt}, 1);
  expect_int({IrOp::FCMP, IrType::Bool, F(NAN), F(2.0), lt}, 0);
  expect_int({IrOp::FCMP, IrType::Bool, F(NAN), F(NAN), ne}, 1);
  expect_int({IrOp::FCMP, IrType::Bool, F(NAN), F(NAN), eq}, 0);
  expect_int({IrOp::FCMP, IrType::Bool, F(NAN), F(1.0), ge}, 0);
  expect_int({IrOp::ICMP, IrType::Bool, I(-1), I(1), lt}, 1);
}

TEST(JitBackend, Guards) {
  expect_exit({IrOp::GBOUND, IrType::Void, I(-1), I(10)});  // negative is out of range
  expect_exit({IrOp::GBOUND, IrType::Void, I(10), I(10)});
  expect_exit({IrOp::GEXACT, IrType::Void, I((int64_t{1} << 53) + 1), I(0)});
  expect_exit({IrOp::GFINITE, IrType::Void, F(INFINITY), F(0)});
  expect_exit({IrOp::GFCMP, IrType::Void, F(NAN), F(0), static_cast<uint8_t>(Cond::LT)});
  expect_exit({IrOp::IABSOV, IrType::I64, I(kMin), I(0)});
  expect_int({IrOp::IABSOV, IrType::I64, I(-5), I(0)}, 5);
}

TEST(JitIrBuilder, FoldsConstantsAndSharesPureInstructions) {
  IR ir;
  IrBuilder b(ir);
  EXPECT_EQ(b.kint(5), b.kint(5));
  int64_t v;
  ASSERT_TRUE(b.const_int(b.emit(IrOp::ADD, IrType::I64, b.kint(2), b.kint(3)), v));
  EXPECT_EQ(v, 5);
  // an overflowing checked add is not folded (it must exit at run time)
  Ref ov = b.guard(IrOp::ADDOV, IrType::I64, 0, b.kint(kMax), b.kint(1));
  EXPECT_EQ(ir[ov].op, IrOp::ADDOV);
  ir.snaps.push_back({0, 0, 0, false});
  Ref x = b.guard(IrOp::SLOAD, IrType::I64, 0, 7);
  Ref m1 = b.emit(IrOp::MUL, IrType::I64, x, b.kint(3));
  EXPECT_EQ(m1, b.emit(IrOp::MUL, IrType::I64, x, b.kint(3)));
  // a guard known to hold from constants is dropped
  EXPECT_EQ(b.guard(IrOp::GICMP, IrType::Void, 0, b.kint(1), b.kint(2), 0,
                    static_cast<uint8_t>(Cond::LT)),
            0u);
  // two loads of the same slot are never merged
  EXPECT_NE(x, b.guard(IrOp::SLOAD, IrType::I64, 0, 7));
}

}  // namespace
}  // namespace pyjitvm::jit

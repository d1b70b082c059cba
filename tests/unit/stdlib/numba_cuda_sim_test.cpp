// tests/unit/stdlib/numba_cuda_sim_test.cpp — the numba.cuda simulator's scheduler:
// barrier variants of kernels, barrier rounds, per-thread indices, shared memory and
// the wrapping of errors raised by a thread.
//
// Stage: stdlib/numba/cuda_module.cpp, cuda_sim.cpp (and vm/compiler.h
// kProtoCudaBarrierYield).
//
// Invariants:
//   I1  Each case runs a small script in a fresh module and reads back the values it
//       left in module globals; expectations follow from the scheduler's invariants
//       (cuda_sim.cpp I1–I5), not from printed output.
#include <gtest/gtest.h>

#include <string>

#include "stdlib/stdlib.h"
#include "vm/dict_object.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::nb {
namespace {

using vm::Value;

class CudaSim : public ::testing::Test {
 protected:
  void SetUp() override { install_stdlib(vm_, {"test"}); }
  // Runs `src` after the common imports; false (with the exception text) on error.
  bool run(const std::string& src) {
    m_ = vm_.new_module("t");
    vm_.root(Value::from_obj(m_));
    bool ok = vm_.exec_module("import numpy as np\nfrom numba import cuda\n" + src, "t.py", m_);
    if (!ok) vm_.clear_pending();
    return ok;
  }
  std::string str_of(const char* name) {
    Value v = vm::dict_get_str(m_->dict, vm_.intern(name));
    EXPECT_FALSE(v.is_undef()) << name;
    if (v.is_undef()) return "";
    Value s = vm::to_str(vm_, v);
    return std::string(vm::as_str(s)->view());
  }
  vm::VM vm_;
  vm::VM::RootScope scope_{vm_};
  vm::Module* m_ = nullptr;
};

TEST_F(CudaSim, KernelWithoutBarrierIsPlainFunction) {
  ASSERT_TRUE(run("def k(a):\n    a[0] = 1\n"
                  "g = cuda._barrier_variant(k)\n"
                  "x = [0]\nr = g(x)\n"));
  EXPECT_EQ(str_of("r"), "None");
  EXPECT_EQ(str_of("x"), "[1]");
}

TEST_F(CudaSim, BarrierStatementsBecomeYields) {
  ASSERT_TRUE(run("def k(log):\n    log.append(1)\n    cuda.syncthreads()\n"
                  "    log.append(2)\n"
                  "log = []\ng = cuda._barrier_variant(k)(log)\n"
                  "a = str(log)\nnext(g)\nb = str(log)\n"));
  EXPECT_EQ(str_of("a"), "[]");
  EXPECT_EQ(str_of("b"), "[1]");
}

TEST_F(CudaSim, BarrierSeparatesPhasesOfAllThreads) {
  ASSERT_TRUE(run("log = []\n"
                  "@cuda.jit\n"
                  "def k(n):\n"
                  "    t = cuda.threadIdx.x\n"
                  "    log.append(('a', t, cuda.blockIdx.x))\n"
                  "    cuda.syncthreads()\n"
                  "    log.append(('b', t, cuda.blockIdx.x))\n"
                  "k[2, 3](0)\n"
                  "phases = ''.join(p for p, t, b in log)\n"
                  "blocks = ''.join(str(b) for p, t, b in log)\n"
                  "tids = ''.join(str(t) for p, t, b in log)\n"));
  EXPECT_EQ(str_of("phases"), "aaabbbaaabbb");
  EXPECT_EQ(str_of("blocks"), "000000111111");
  EXPECT_EQ(str_of("tids"), "012012012012");
}

TEST_F(CudaSim, ExitedThreadsDoNotHoldTheBarrier) {
  ASSERT_TRUE(run("@cuda.jit\n"
                  "def k(out):\n"
                  "    t = cuda.threadIdx.x\n"
                  "    if t % 2 == 0:\n"
                  "        return\n"
                  "    cuda.syncthreads()\n"
                  "    cuda.syncthreads()\n"
                  "    out[t] = 1\n"
                  "out = np.zeros(4, dtype=np.int64)\nk[1, 4](out)\nr = out.tolist()\n"));
  EXPECT_EQ(str_of("r"), "[0, 1, 0, 1]");
}

TEST_F(CudaSim, SharedArrayIsPerBlock) {
  ASSERT_TRUE(run("@cuda.jit\n"
                  "def k(out):\n"
                  "    s = cuda.shared.array(4, dtype=np.int64)\n"
                  "    t = cuda.threadIdx.x\n"
                  "    s[t] = t + 10 * cuda.blockIdx.x\n"
                  "    cuda.syncthreads()\n"
                  "    out[cuda.grid(1)] = s[3 - t]\n"
                  "out = np.zeros(8, dtype=np.int64)\nk[2, 4](out)\nr = out.tolist()\n"));
  EXPECT_EQ(str_of("r"), "[3, 2, 1, 0, 13, 12, 11, 10]");
}

TEST_F(CudaSim, ThreadErrorsNameTheThreadAndSkipWriteBack) {
  ASSERT_TRUE(run("@cuda.jit\n"
                  "def k(out):\n"
                  "    i = cuda.grid(1)\n"
                  "    out[0] = 5\n"
                  "    if i == 5:\n"
                  "        raise ValueError('boom')\n"
                  "out = np.zeros(1)\n"
                  "try:\n    k[2, 4](out)\n    msg = 'no error'\n"
                  "except ValueError as e:\n    msg = str(e)\n"
                  "r = out.tolist()\ngone = not hasattr(cuda, 'threadIdx')\n"));
  EXPECT_EQ(str_of("msg"), "tid=[1, 0, 0] ctaid=[1, 0, 0]: boom");
  EXPECT_EQ(str_of("r"), "[0.0]");
  EXPECT_EQ(str_of("gone"), "True");
}

TEST_F(CudaSim, SyncthreadsInDeviceFunctionIsAnError) {
  ASSERT_TRUE(run("@cuda.jit(device=True)\n"
                  "def d():\n    cuda.syncthreads()\n"
                  "@cuda.jit\n"
                  "def k(x):\n    d()\n"
                  "try:\n    k[1, 2](0)\n    kind = 'none'\n"
                  "except NotImplementedError:\n    kind = 'NotImplementedError'\n"));
  EXPECT_EQ(str_of("kind"), "NotImplementedError");
}

}  // namespace
}  // namespace pyjitvm::stdlib::nb

// tests/unit/embed/array_test.cpp — zero-copy arrays, @cfunc pointers, handles under GC
// stress, and two VMs on two threads.
//
// Stage: GoogleTest over <pyjitvm/pyjitvm.h>.
//
// Invariants:
//   I1  Host buffers are checked by address: the script must have written the host's
//       own memory (no copy in either direction).
#include <gtest/gtest.h>

#include <pyjitvm/pyjitvm.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

namespace {

TEST(EmbedArray, ScriptWritesHostMemoryInPlace) {
  std::vector<double> buf(10000);
  for (size_t i = 0; i < buf.size(); ++i) buf[i] = static_cast<double>(i);
  pyjitvm::VM vm;
  vm.exec("from numba import njit\n"
          "@njit\n"
          "def scale(a, k):\n"
          "    for i in range(a.shape[0]):\n"
          "        a[i] = a[i] * k + 1.0\n"
          "    return a.sum()\n");
  int64_t n = static_cast<int64_t>(buf.size());
  pyjitvm::Handle arr = vm.wrap_array(buf.data(), std::span<const int64_t>(&n, 1));
  double total = 0;
  for (int rep = 0; rep < 3; ++rep) total = vm.call<double>("scale", arr, 2.0);  // JIT-hot
  double expect_sum = 0;
  for (size_t i = 0; i < buf.size(); ++i) {
    double v = static_cast<double>(i);
    for (int rep = 0; rep < 3; ++rep) v = v * 2.0 + 1.0;
    EXPECT_EQ(buf[i], v);
    expect_sum += v;
  }
  EXPECT_DOUBLE_EQ(total, expect_sum);
  pyjitvm::ArrayView view = arr.array();
  EXPECT_EQ(view.data, buf.data());  // I1
  EXPECT_EQ(view.dtype, pyjitvm::DType::kFloat64);
  EXPECT_EQ(view.shape, std::vector<int64_t>{n});
}

TEST(EmbedArray, StridesReadonlyReleaseAndScriptArrays) {
  int32_t grid[3][4];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j) grid[i][j] = i * 10 + j;
  int released = 0;
  {
    pyjitvm::VM vm;
    int64_t shape[2] = {4, 3};  // the transpose, through strides
    int64_t strides[2] = {4, 16};
    pyjitvm::Handle t = vm.wrap_array(&grid[0][0], pyjitvm::DType::kInt32, shape, strides,
                                      [&released] { ++released; });
    vm.set_global("t", t);
    EXPECT_EQ(vm.eval<std::string>("str(t[1].tolist())"), "[1, 11, 21]");
    EXPECT_EQ(vm.eval<int>("int(t.sum())"), 3 * (0 + 1 + 2 + 3) + 4 * (0 + 10 + 20));
    vm.exec("t[3, 2] = -1");
    EXPECT_EQ(grid[2][3], -1);
    const double ro[3] = {1, 2, 3};
    int64_t n = 3;
    vm.set_global("ro", vm.wrap_array(ro, std::span<const int64_t>(&n, 1)));
    try {
      vm.exec("ro[0] = 5.0");
      FAIL();
    } catch (const pyjitvm::Error& e) {
      EXPECT_EQ(e.type(), "ValueError");
    }
  }
  EXPECT_EQ(released, 1);  // the VM's destruction released the wrapped buffer
}

TEST(EmbedArray, ReadScriptArrayAndReleaseOnCollect) {
  pyjitvm::VM vm;
  vm.exec("import numpy as np\nm = np.arange(6.0).reshape(2, 3) * 2\n");
  pyjitvm::Handle m = vm.global("m");
  pyjitvm::ArrayView v = m.array();
  ASSERT_EQ(v.shape, (std::vector<int64_t>{2, 3}));
  EXPECT_TRUE(v.c_contiguous);
  EXPECT_EQ(v.as<double>()[5], 10.0);
  v.as<double>()[0] = 42;  // visible to the script: same memory
  EXPECT_EQ(vm.eval<double>("m[0, 0]"), 42.0);
  EXPECT_THROW(vm.eval("1").array(), pyjitvm::Error);

  int released = 0;
  std::vector<float> host(8, 1.0f);
  int64_t n = 8;
  {
    pyjitvm::Handle a = vm.wrap_array(host.data(), std::span<const int64_t>(&n, 1),
                                      [&released] { ++released; });
    EXPECT_EQ(a.array().data, host.data());
  }
  vm.collect();  // no handle, no script reference: collected, released
  EXPECT_EQ(released, 1);
}

TEST(EmbedArray, CfuncPointer) {
  pyjitvm::VM vm;
  vm.exec("from numba import cfunc\n"
          "@cfunc('float64(float64, int64)')\n"
          "def axpy(x, k):\n"
          "    return x * k + 0.5\n");
  auto* fn = vm.cfunc<double(double, int64_t)>("axpy");
  ASSERT_NE(fn, nullptr);
  EXPECT_DOUBLE_EQ(fn(2.0, 3), 6.5);
  EXPECT_DOUBLE_EQ(fn(-1.0, 4), -3.5);
  vm.exec("def not_cfunc():\n    pass\n");
  EXPECT_THROW(vm.cfunc<void()>("not_cfunc"), pyjitvm::Error);
}

TEST(EmbedGc, HandlesSurviveGcStress) {
  pyjitvm::Options o;
  o.gc_stress = true;  // collect at every safepoint
  pyjitvm::VM vm(o);
  vm.exec("def make(n):\n    return [str(i) * 3 for i in range(n)]\n");
  std::vector<pyjitvm::Handle> keep;
  for (int i = 0; i < 20; ++i) {
    keep.push_back(vm.call("make", i + 1));
    vm.exec("junk = [[j] * 10 for j in range(200)]\n");  // churn
    if (i % 3 == 0) keep.erase(keep.begin());           // release some slots
  }
  for (const pyjitvm::Handle& h : keep) {
    auto v = h.as<std::vector<std::string>>();
    ASSERT_FALSE(v.empty());
    EXPECT_EQ(v.back(), std::to_string(v.size() - 1) + std::to_string(v.size() - 1) +
                            std::to_string(v.size() - 1));
  }
  pyjitvm::Handle s = vm.eval("'abc' * 1000");
  vm.collect();
  vm.exec("x = [0] * 100000\n");
  EXPECT_EQ(s.as<std::string>().size(), 3000u);
  // strings built by the host as arguments survive the callee's collections
  vm.exec("def cat(a, b):\n    t = [a] * 100\n    return a + b\n");
  EXPECT_EQ(vm.call<std::string>("cat", std::string("left-"), std::string("right")), "left-right");
}

TEST(EmbedThreads, TwoVMsOnTwoThreads) {
  auto work = [](int seed, double* out) {
    pyjitvm::VM vm;
    vm.exec("import numpy as np\n"
            "def f(n, seed):\n"
            "    s = 0.0\n"
            "    for i in range(n):\n"
            "        s += (i * seed) % 7 + seed\n"
            "    return s + np.ones(10).sum()\n");
    auto f = vm.function("f");
    double r = 0;
    for (int i = 0; i < 200; ++i) r += f.call<double>(20000, seed);
    *out = r;
  };
  double a = 0, b = 0, a1 = 0, b1 = 0;
  work(3, &a1);
  work(5, &b1);
  std::thread ta(work, 3, &a), tb(work, 5, &b);
  ta.join();
  tb.join();
  EXPECT_EQ(a, a1);
  EXPECT_EQ(b, b1);
  EXPECT_NE(a, b);
}

}  // namespace

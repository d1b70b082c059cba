// tests/unit/stdlib/numpy_lsr_test.cpp — the kernels of the linalg/sorting/misc/random
// area: sort orders and NumPy's introsort/heapsort tie order, the dot/matmul kernels,
// broadcast randint in the legacy engine, and np.dot/np.linalg through a VM.
//
// Stage: stdlib/numpy/{sort_kernels.h, linalg_blas, linalg_lapack, random*},
//        stdlib/np_random_legacy.
//
// Invariants:
//   I1  Expected values are NumPy 1.24.2's as printed by /usr/bin/python3 on this
//       machine (the comment above each literal gives the expression); the test never
//       runs Python.
//   I2  Tests that need arrays use their own VM with numpy imported.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "stdlib/np_random_legacy.h"
#include "stdlib/numpy/linalg_blas.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/sort_kernels.h"
#include "stdlib/numpy/state.h"
#include "stdlib/stdlib.h"
#include "vm/dict_object.h"
#include "vm/errors.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {
namespace {

using vm::Value;

std::vector<int64_t> argsort_with(const std::vector<int64_t>& v, bool heap) {
  std::vector<int64_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), int64_t{0});
  auto less = [&](int64_t a, int64_t b) { return sort_less(v[a], v[b]); };
  if (heap)
    heapsort(idx.data(), static_cast<int64_t>(idx.size()), less);
  else
    introsort(idx.data(), static_cast<int64_t>(idx.size()), less);
  return idx;
}

TEST(NumpySortKernels, IntrosortTieOrderMatchesNumpy) {
  // x = [2, 3, 2, 1, 2, 3, 3, 3, 2, 3, 4, 1, 2, 3, 1, 2, 1]; np.argsort(x)
  const std::vector<int64_t> x = {2, 3, 2, 1, 2, 3, 3, 3, 2, 3, 4, 1, 2, 3, 1, 2, 1};
  const std::vector<int64_t> quick = {16, 14, 3, 11, 12, 15, 0, 4, 2, 8, 7, 5, 9, 13, 1, 6, 10};
  // np.argsort(x, kind='heapsort')
  const std::vector<int64_t> heap = {14, 11, 16, 3, 2, 12, 4, 8, 15, 0, 6, 5, 13, 9, 1, 7, 10};
  EXPECT_EQ(argsort_with(x, false), quick);
  EXPECT_EQ(argsort_with(x, true), heap);
  // Up to 16 elements NumPy only runs insertion sort: stable.
  // np.argsort([2, 1, 2, 1, 0, 2])
  EXPECT_EQ(argsort_with({2, 1, 2, 1, 0, 2}, false), (std::vector<int64_t>{4, 1, 3, 0, 2, 5}));
}

TEST(NumpySortKernels, NanSortsLast) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> v = {1.0, nan, -1.0, nan, 0.5};
  introsort(v.data(), 5, [](double a, double b) { return sort_less(a, b); });
  EXPECT_EQ(v[0], -1.0);
  EXPECT_EQ(v[1], 0.5);
  EXPECT_EQ(v[2], 1.0);
  EXPECT_TRUE(std::isnan(v[3]) && std::isnan(v[4]));
  // Complex: np.sort([1+2j, 1+1j, 5j, nan+0j]) → [5j, 1+1j, 1+2j, nan+0j]
  std::vector<c128> c = {{1, 2}, {1, 1}, {0, 5}, {nan, 0}};
  introsort(c.data(), 4, [](const c128& a, const c128& b) { return sort_less(a, b); });
  EXPECT_EQ(c[0], c128(0, 5));
  EXPECT_EQ(c[1], c128(1, 1));
  EXPECT_EQ(c[2], c128(1, 2));
  EXPECT_TRUE(std::isnan(c[3].real()));
}

TEST(NumpyLinalgKernels, IntegerDotWraps) {
  // np.dot(np.array([50, 100, 150], dtype=np.int8), np.array([50, 100, 150], dtype=np.int8))
  const int8_t a[] = {50, 100, static_cast<int8_t>(150)};
  int8_t out = 0;
  dot_elements(DType::Int8, reinterpret_cast<const char*>(a), 1, reinterpret_cast<const char*>(a),
               1, reinterpret_cast<char*>(&out), 3);
  EXPECT_EQ(out, -72);
}

TEST(NumpyLinalgKernels, MatmulCoreAndSignedZero) {
  // np.matmul([[1e16, 1.0], [1.0, -1e16]], [[1.0], [1.0]]).tolist() → [[1e16], [-1e16]]
  const double a[] = {1e16, 1.0, 1.0, -1e16};
  const double b[] = {1.0, 1.0};
  double o[2] = {0, 0};
  matmul_core(DType::Float64, reinterpret_cast<char*>(const_cast<double*>(a)), 16, 8,
              reinterpret_cast<char*>(const_cast<double*>(b)), 8, 8, reinterpret_cast<char*>(o), 8,
              8, 2, 2, 1);
  EXPECT_EQ(o[0], 1e16);
  EXPECT_EQ(o[1], -1e16);
  // repr(np.array([-0.0]) @ np.array([1.0])) → 0.0 (NumPy's dot starts its sum at 0.0)
  const double z[] = {-0.0}, one[] = {1.0};
  double r = -1;
  dot_elements(DType::Float64, reinterpret_cast<const char*>(z), 8,
               reinterpret_cast<const char*>(one), 8, reinterpret_cast<char*>(&r), 1);
  EXPECT_EQ(r, 0.0);
  EXPECT_FALSE(std::signbit(r));
}

TEST(NumpyRandomEngine, RandintEachSharesNarrowBuffers) {
  LegacyRandomState rs;
  RandomError err;
  ASSERT_TRUE(rs.seed(123, &err));
  // np.random.RandomState(123).randint([0]*6, [3, 3, 3, 256, 7, 2], dtype=np.uint8)
  std::vector<__int128> lo(6, 0), hi = {3, 3, 3, 256, 7, 2};
  std::vector<uint8_t> out(6);
  rs.randint_each<uint8_t>(lo, hi, out);
  EXPECT_EQ(out, (std::vector<uint8_t>{2, 1, 2, 109, 5, 0}));
  // np.random.RandomState(123).randint([0, 5, -3], [3, 2**40, 3], dtype=np.int64)
  ASSERT_TRUE(rs.seed(123, &err));
  std::vector<__int128> lo2 = {0, 5, -3}, hi2 = {3, static_cast<__int128>(1) << 40, 3};
  std::vector<int64_t> out2(3);
  rs.randint_each<int64_t>(lo2, hi2, out2);
  EXPECT_EQ(out2, (std::vector<int64_t>{2, 469380394371, -1}));
  // np.random.RandomState(123).randint([0, 0, 0, 0], [1, 2, 2, 2], dtype=bool)
  ASSERT_TRUE(rs.seed(123, &err));
  std::vector<__int128> lo3(4, 0), hi3 = {1, 2, 2, 2};
  bool out3[4];
  rs.randint_each<bool>(lo3, hi3, std::span<bool>(out3, 4));
  EXPECT_FALSE(out3[0]);
  EXPECT_FALSE(out3[1]);
  EXPECT_TRUE(out3[2]);
  EXPECT_TRUE(out3[3]);
}

class NumpyLsrArrays : public ::testing::Test {
 protected:
  void SetUp() override {
    install_stdlib(vm_, {"test"});
    ASSERT_NE(ensure_numpy(vm_), nullptr);
  }
  Value eval(const std::string& src, const char* name = "r") {
    vm::Module* m = vm_.new_module("t");
    vm_.root(Value::from_obj(m));
    EXPECT_TRUE(vm_.exec_module("import numpy as np\n" + src + "\n", "t.py", m)) << src;
    return vm::dict_get_str(m->dict, vm_.intern(name));
  }
  double as_double(Value v) {
    double d = 0;
    EXPECT_TRUE(vm::to_double(vm_, v, d));
    return d;
  }
  vm::VM vm_;
  vm::VM::RootScope scope_{vm_};
};

TEST_F(NumpyLsrArrays, DetUsesNumpysLogFormula) {
  // repr(np.linalg.det(np.array([[1, 2], [3, 4]]))) → -2.0000000000000004
  EXPECT_EQ(as_double(eval("r = float(np.linalg.det(np.array([[1, 2], [3, 4]])))")),
            -2.0000000000000004);
  // np.linalg.inv([[1., 2], [3, 4]])[0][0] → -1.9999999999999996
  EXPECT_EQ(as_double(eval("r = np.linalg.inv(np.array([[1., 2], [3, 4]])).tolist()[0][0]")),
            -1.9999999999999996);
}

TEST_F(NumpyLsrArrays, DotAndMatmulResults) {
  // np.dot([1., 2, 3], [4., -5, 6]) → 12.0
  EXPECT_EQ(as_double(eval("r = float(np.dot(np.array([1., 2, 3]), np.array([4., -5, 6])))")),
            12.0);
  // np.matmul(np.arange(1., 7).reshape(2, 3), np.arange(1., 7).reshape(3, 2)).tolist()[1][1] → 64.0
  EXPECT_EQ(as_double(eval("r = np.matmul(np.arange(1., 7).reshape(2, 3), "
                           "np.arange(1., 7).reshape(3, 2)).tolist()[1][1]")),
            64.0);
  // np.matmul(3, np.ones(2)) raises NumPy's gufunc message.
  vm::Module* m = vm_.new_module("t2");
  vm_.root(Value::from_obj(m));
  EXPECT_FALSE(vm_.exec_module("import numpy as np\nnp.matmul(3, np.ones(2))\n", "t2.py", m));
  std::string msg = vm::exception_summary(vm_, vm_.take_pending());
  EXPECT_NE(
      msg.find("matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with "
               "signature (n?,k),(k,m?)->(n?,m?) requires 1)"),
      std::string::npos)
      << msg;
}

TEST_F(NumpyLsrArrays, RandomStreams) {
  // np.random.seed(42); np.random.rand() → 0.3745401188473625
  EXPECT_EQ(as_double(eval("np.random.seed(42)\nr = np.random.rand()")), 0.3745401188473625);
  // np.random.seed(0); np.random.randint(0, 10, size=3).tolist() → [5, 0, 3]
  Value v = eval("np.random.seed(0)\nr = np.random.randint(0, 10, size=3).tolist()");
  Value s = vm::repr(vm_, v);
  ASSERT_FALSE(vm::failed(s));
  EXPECT_EQ(std::string(vm::as_str(s)->view()), "[5, 0, 3]");
}

}  // namespace
}  // namespace pyjitvm::stdlib::np

// tests/unit/stdlib/numpy_struct_test.cpp — the struct area of numpy: reshape's no-copy
// stride rule, ravel orders, indexing (views, fancy order, assignment), linspace and
// arange bits, concatenate's checks.
//
// Stage: stdlib/numpy/{shape,shape_join,indexing,indexing_fancy,creation,creation_grid}.
//
// Invariants:
//   I1  Expected values are NumPy 1.24.2's, printed by /usr/bin/python3 on this machine
//       (strides, float64 bit patterns, messages); the test never runs Python.
//   I2  Each test uses its own VM with numpy imported (the fixture).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/shape_internal.h"
#include "stdlib/numpy/state.h"
#include "stdlib/stdlib.h"
#include "vm/dict_object.h"
#include "vm/errors.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {
namespace {

using vm::Value;

class NumpyStruct : public ::testing::Test {
 protected:
  void SetUp() override {
    install_stdlib(vm_, {"test"});
    ASSERT_NE(ensure_numpy(vm_), nullptr);
  }
  // Runs `src` (with numpy imported as np) and returns global `r`.
  Value run(const std::string& src) {
    vm::Module* m = vm_.new_module("t");
    vm_.root(Value::from_obj(m));
    EXPECT_TRUE(vm_.exec_module("import numpy as np\n" + src + "\n", "t.py", m)) << src;
    if (vm_.has_pending()) ADD_FAILURE() << pending_message();
    return vm::dict_get_str(m->dict, vm_.intern("r"));
  }
  NDArray* array(const std::string& expr) {
    Value v = run("r = " + expr);
    EXPECT_TRUE(is_ndarray(vm_, v)) << expr;
    return is_ndarray(vm_, v) ? as_ndarray(v) : nullptr;
  }
  // The message of the exception `src` raises.
  std::string error_of(const std::string& src) {
    vm::Module* m = vm_.new_module("t");
    vm_.root(Value::from_obj(m));
    EXPECT_FALSE(vm_.exec_module("import numpy as np\n" + src + "\n", "t.py", m)) << src;
    return pending_message();
  }
  std::string pending_message() {
    Value e = vm_.take_pending();
    return vm::exception_summary(vm_, e);
  }
  static std::vector<int64_t> strides(const NDArray* a) {
    return {a->strides, a->strides + a->ndim};
  }
  static std::vector<uint64_t> bits(const NDArray* a) {
    std::vector<uint64_t> out(static_cast<size_t>(a->size));
    std::memcpy(out.data(), a->data, out.size() * 8);
    return out;
  }
  vm::VM vm_;
  vm::VM::RootScope scope_{vm_};
};

TEST_F(NumpyStruct, ReshapeWithoutCopyUsesNumpysStrides) {
  // np.arange(24).reshape(2,3,4)[:, 1:, :].reshape(2, 8).strides == (96, 8), a view
  NDArray* a = array("np.arange(24).reshape(2, 3, 4)[:, 1:, :].reshape(2, 8)");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(strides(a), (std::vector<int64_t>{96, 8}));
  EXPECT_EQ(a->typed<int64_t>()[0], 4);
  EXPECT_EQ((strides(array("np.arange(6)[::2].reshape(1, 3, 1)"))),
            (std::vector<int64_t>{48, 16, 16}));
  EXPECT_EQ((strides(array("np.arange(24).reshape(2, 3, 4)[:, :, 1:].reshape(6, 3)"))),
            (std::vector<int64_t>{32, 8}));
  EXPECT_EQ((strides(array("np.arange(24).reshape(2, 3, 4)[:, ::2].reshape(2, 2, 2, 2)"))),
            (std::vector<int64_t>{96, 64, 16, 8}));
  // Not expressible with strides: a C-ordered copy, the result a view of it.
  NDArray* c = array("np.arange(24).reshape(2, 3, 4)[:, ::2].reshape(4, 4)");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->aflags & kOwnData);
  EXPECT_EQ(strides(c), (std::vector<int64_t>{32, 8}));
  EXPECT_EQ(c->typed<int64_t>()[4], 8);  // second row starts at x[0, 2, 0]
}

TEST_F(NumpyStruct, ReshapeMessages) {
  EXPECT_EQ(error_of("np.arange(6).reshape(4, -1)"),
            "ValueError: cannot reshape array of size 6 into shape (4,newaxis)");
  EXPECT_EQ(error_of("np.arange(6).reshape(-1, 4)"),
            "ValueError: cannot reshape array of size 6 into shape (4)");
  EXPECT_EQ(error_of("np.arange(6).reshape(4)"),
            "ValueError: cannot reshape array of size 6 into shape (4,)");
  EXPECT_EQ(error_of("np.arange(6).reshape(-1, -1)"),
            "ValueError: can only specify one unknown dimension");
}

TEST_F(NumpyStruct, RavelKeepsMemoryOrder) {
  NDArray* k = array("np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2).ravel('K')");
  ASSERT_NE(k, nullptr);
  EXPECT_FALSE(k->aflags & kOwnData);  // a view: memory order is contiguous
  for (int i = 0; i < 24; ++i) EXPECT_EQ(k->typed<int64_t>()[i], i);
  NDArray* n = array("np.arange(6).reshape(2, 3)[::-1].ravel('K')");  // |stride| order, no flip
  ASSERT_NE(n, nullptr);
  const int64_t want[] = {3, 4, 5, 0, 1, 2};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(n->typed<int64_t>()[i], want[i]);
}

TEST_F(NumpyStruct, IndexingViewsAndScalars) {
  Value r =
      run("a = np.arange(20).reshape(4, 5)\nv = a[1:3, ::2]\nv[0, 1] = -7\nr = (a[1, 2], v.base is "
          "a.base, a[None, 1].strides)");
  ASSERT_TRUE(is_kind(r, vm::Kind::Tuple));
  vm::Tuple* t = vm::as_tuple(r);
  Value s = (*t)[0];
  ASSERT_TRUE(is_np_scalar(vm_, s));
  int64_t x;
  std::memcpy(&x, as_np_scalar(s)->raw, 8);
  EXPECT_EQ(x, -7);
  EXPECT_TRUE((*t)[1].is_bool() && (*t)[1].as_bool());
  EXPECT_EQ(error_of("np.arange(5)[10]"),
            "IndexError: index 10 is out of bounds for axis 0 with size 5");
  EXPECT_EQ(error_of("np.arange(5)[1, 2]"),
            "IndexError: too many indices for array: array is 1-dimensional, but 2 were indexed");
  EXPECT_EQ(error_of("np.arange(5)[..., ...]"),
            "IndexError: an index can only have a single ellipsis ('...')");
}

TEST_F(NumpyStruct, FancyIndexingOrderAndAssignment) {
  // Fancy indices separated by a slice: broadcast dims first.
  NDArray* a = array("np.zeros((5, 3, 4))[:, [0, 1], ..., [0, 1]]");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(shape_str(shape_of(a)), "(2, 5)");
  NDArray* b = array("np.zeros((5, 3, 4))[:, [0, 1], [0, 1], ...]");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(shape_str(shape_of(b)), "(5, 2)");
  // Repeated indices: the last assignment wins.
  NDArray* c = array("np.arange(5)\nr[[0, 0, 0]] = [1, 2, 3]\nr[[1, 1]] = [5, 11]");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->typed<int64_t>()[0], 3);
  EXPECT_EQ(c->typed<int64_t>()[1], 11);
  EXPECT_EQ(error_of("np.arange(12).reshape(3, 4)[[0, 1], [0, 1, 2]]"),
            "IndexError: shape mismatch: indexing arrays could not be broadcast together with "
            "shapes (2,) (3,) ");
  EXPECT_EQ(
      error_of("a = np.arange(5)\na[np.array([True, False, True, False, False])] = [7, 8, 9]"),
      "ValueError: NumPy boolean array indexing assignment cannot assign 3 input values to the 2 "
      "output "
      "values where the mask is true");
  EXPECT_EQ(error_of("a = np.arange(5)\na[[0, 1]] = [1, 2, 3]"),
            "ValueError: shape mismatch: value array of shape (3,) could not be broadcast to "
            "indexing result "
            "of shape (2,)");
}

TEST_F(NumpyStruct, LinspaceAndArangeBits) {
  NDArray* l = array("np.linspace(-3.3, 17.9, 13)");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(bits(l), (std::vector<uint64_t>{
                         0xc00a666666666666ull, 0xbff8888888888888ull, 0x3fcddddddddddde0ull,
                         0x4000000000000000ull, 0x400e222222222222ull, 0x4016222222222221ull,
                         0x401d333333333333ull, 0x4022222222222222ull, 0x4025aaaaaaaaaaaaull,
                         0x4029333333333332ull, 0x402cbbbbbbbbbbbaull, 0x4030222222222222ull,
                         0x4031e66666666666ull}));
  NDArray* e = array("np.linspace(0.1, 0.7, 7, endpoint=False)");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(bits(e), (std::vector<uint64_t>{0x3fb999999999999aull, 0x3fc7c57c57c57c58ull,
                                            0x3fd15f15f15f15f2ull, 0x3fd6db6db6db6db6ull,
                                            0x3fdc57c57c57c57cull, 0x3fe0ea0ea0ea0ea1ull,
                                            0x3fe3a83a83a83a83ull}));
  NDArray* ar = array("np.arange(-1.3, 2.9, 0.7)");
  ASSERT_NE(ar, nullptr);
  EXPECT_EQ(bits(ar), (std::vector<uint64_t>{0xbff4cccccccccccdull, 0xbfe3333333333334ull,
                                             0x3fb9999999999990ull, 0x3fe9999999999996ull,
                                             0x3ff7ffffffffffffull, 0x400199999999999aull,
                                             0x4007333333333332ull}));
  NDArray* ai = array("np.arange(0.5, 5, 1.5, dtype=int)");  // typed fill: [0, 2, 4]
  ASSERT_NE(ai, nullptr);
  EXPECT_EQ(ai->size, 3);
  EXPECT_EQ(ai->typed<int64_t>()[1], 2);
  EXPECT_EQ(ai->typed<int64_t>()[2], 4);
}

TEST_F(NumpyStruct, ConcatenateChecks) {
  EXPECT_EQ(
      error_of("np.concatenate([np.zeros((2, 2)), np.zeros((2, 3))])"),
      "ValueError: all the input array dimensions except for the concatenation axis must match "
      "exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 "
      "has size 3");
  EXPECT_EQ(error_of("np.concatenate([np.array(1), np.array(2)])"),
            "ValueError: zero-dimensional arrays cannot be concatenated");
  EXPECT_EQ(
      error_of("np.concatenate([np.arange(3.0)], dtype=np.int32)"),
      "TypeError: Cannot cast array data from dtype('float64') to dtype('int32') according to the "
      "rule 'same_kind'");
  NDArray* c =
      array("np.concatenate([np.arange(3, dtype=np.int8), np.array([1], dtype=np.uint8)])");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->dtype, DType::Int16);
}

TEST_F(NumpyStruct, EmptyArraysHaveZeroStrides) {
  NDArray* z = array("np.zeros((0, 2))");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(strides(z), (std::vector<int64_t>{0, 0}));
  NDArray* v = array("np.zeros((3, 2))[3:, ::-1]");  // an empty slice keeps its stride
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(strides(v), (std::vector<int64_t>{16, -8}));
}

}  // namespace
}  // namespace pyjitvm::stdlib::np

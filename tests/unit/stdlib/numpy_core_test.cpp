// tests/unit/stdlib/numpy_core_test.cpp — the numpy core: dtype promotion, element
// conversion, the broadcast iterator, array discovery from Python lists, copies.
//
// Stage: stdlib/numpy/{dtype,dtype_convert,broadcast,cast,convert,ndarray}.
//
// Invariants:
//   I1  Expected values are NumPy 1.24.2's (np.promote_types, astype, np.array) as
//       printed by /usr/bin/python3 on this machine; the test never runs Python.
//   I2  Each test that needs arrays uses its own VM with numpy imported.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/dtype.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/state.h"
#include "stdlib/stdlib.h"
#include "vm/dict_object.h"
#include "vm/errors.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {
namespace {

using vm::Value;

DType D(const char* name) {
  DType d;
  EXPECT_TRUE(dtype_from_name(name, d)) << name;
  return d;
}

TEST(NumpyDType, PromotionTable) {
  struct Case {
    const char *a, *b, *want;
  } cases[] = {
      {"int8", "uint8", "int16"},     {"int16", "uint16", "int32"},   {"int32", "uint32", "int64"},
      {"int64", "uint64", "float64"}, {"int8", "uint64", "float64"},  {"uint8", "int32", "int32"},
      {"int8", "float32", "float32"}, {"int16", "float32", "float32"}, {"int32", "float32", "float64"},
      {"uint16", "float32", "float32"}, {"uint32", "float32", "float64"}, {"float32", "float64", "float64"},
      {"bool", "int8", "int8"},       {"bool", "float32", "float32"}, {"float32", "complex128", "complex128"},
      {"int64", "complex128", "complex128"}, {"uint8", "uint32", "uint32"}, {"int64", "int32", "int64"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(dtype_name(promote_types(D(c.a), D(c.b))), c.want) << c.a << " + " << c.b;
    EXPECT_EQ(dtype_name(promote_types(D(c.b), D(c.a))), c.want) << c.b << " + " << c.a;
  }
  EXPECT_TRUE(can_cast_safe(DType::Int64, DType::Float64));
  EXPECT_FALSE(can_cast_safe(DType::UInt64, DType::Int64));
  EXPECT_EQ(min_scalar_type_int(255), DType::UInt8);
  EXPECT_EQ(min_scalar_type_int(256), DType::UInt16);
  EXPECT_EQ(min_scalar_type_int(-129), DType::Int16);
}

TEST(NumpyDType, Names) {
  EXPECT_EQ(D("f8"), DType::Float64);
  EXPECT_EQ(D("float"), DType::Float64);
  EXPECT_EQ(D("int"), DType::Int64);
  EXPECT_EQ(D("uint"), DType::UInt64);
  EXPECT_EQ(D("?"), DType::Bool);
  EXPECT_EQ(D("D"), DType::Complex128);
  DType d;
  EXPECT_FALSE(dtype_from_name("float16", d));
  EXPECT_FALSE(dtype_from_name("nonsense", d));
}

// np.array([nan, inf, 1e20, -1e20, -1.5, 300.7, 70000.5, 3e9, -3e9, 1e19, -1.0, 2**63]).astype(T)
TEST(NumpyDType, FloatToIntMatchesNumpyAstype) {
  const double x[] = {NAN, INFINITY, 1e20, -1e20, -1.5, 300.7, 70000.5, 3e9, -3e9, 1e19, -1.0, 9223372036854775808.0};
  const int64_t i8[] = {0, 0, 0, 0, -1, 44, 112, 0, 0, 0, -1, 0};
  const int64_t u8[] = {0, 0, 0, 0, 255, 44, 112, 0, 0, 0, 255, 0};
  const int64_t i16[] = {0, 0, 0, 0, -1, 300, 4464, 0, 0, 0, -1, 0};
  const int64_t i32[] = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, -1, 300, 70000, INT32_MIN, INT32_MIN, INT32_MIN, -1, INT32_MIN};
  const uint64_t u32[] = {2147483648u, 0, 0, 2147483648u, 4294967295u, 300, 70000, 3000000000u, 2147483648u, 0, 4294967295u, 0};
  const uint64_t u64[] = {9223372036854775808ull, 0, 0, 9223372036854775808ull, 18446744073709551615ull, 300, 70000,
                          3000000000ull, 18446744070709551616ull, 10000000000000000000ull, 18446744073709551615ull,
                          9223372036854775808ull};
  for (size_t k = 0; k < std::size(x); ++k) {
    EXPECT_EQ(convert_element<int8_t>(x[k]), i8[k]) << x[k];
    EXPECT_EQ(convert_element<uint8_t>(x[k]), u8[k]) << x[k];
    EXPECT_EQ(convert_element<int16_t>(x[k]), i16[k]) << x[k];
    EXPECT_EQ(convert_element<int32_t>(x[k]), i32[k]) << x[k];
    EXPECT_EQ(convert_element<uint32_t>(x[k]), u32[k]) << x[k];
    EXPECT_EQ(convert_element<uint64_t>(x[k]), u64[k]) << x[k];
  }
  EXPECT_EQ(convert_element<int64_t>(NAN), INT64_MIN);
  EXPECT_EQ(convert_element<uint8_t>(int64_t{300}), 44);
  EXPECT_EQ(convert_element<bool>(c128(0, 1)), true);
  EXPECT_EQ(convert_element<double>(c128(1.5, 2)), 1.5);
}

TEST(NumpyBroadcast, Shapes) {
  std::vector<int64_t> a{2, 1, 3}, b{4, 1}, out;
  std::span<const int64_t> ss[] = {a, b};
  ASSERT_TRUE(broadcast_shapes(ss, out));
  EXPECT_EQ(out, (std::vector<int64_t>{2, 4, 3}));
  std::vector<int64_t> c{2, 3}, d{4};
  std::span<const int64_t> bad[] = {c, d};
  EXPECT_FALSE(broadcast_shapes(bad, out));
}

TEST(NumpyBroadcast, IteratorCoalescesAndCoversEveryElement) {
  // A (2,3,4) C-contiguous operand with a (4,) broadcast operand: one run per row of
  // 4 for the second operand's stride pattern, 24 elements in all.
  const int64_t shape[] = {2, 3, 4};
  int64_t s0[] = {96, 32, 8}, s1[] = {0, 0, 8};
  char* data[] = {reinterpret_cast<char*>(0x1000), reinterpret_cast<char*>(0x9000)};
  const int64_t* strides[] = {s0, s1};
  MultiIter it(shape, 2, data, strides);
  EXPECT_EQ(it.ndim(), 2);
  int64_t total = 0, calls = 0;
  it.run([&](char** p, const int64_t* st, int64_t n) {
    EXPECT_EQ(st[0], 8);
    EXPECT_EQ(st[1], 8);
    EXPECT_EQ(p[1], reinterpret_cast<char*>(0x9000));
    total += n;
    ++calls;
  });
  EXPECT_EQ(total, 24);
  EXPECT_EQ(calls, 6);
  // Both contiguous: a single run.
  int64_t s2[] = {96, 32, 8};
  const int64_t* strides2[] = {s0, s2};
  MultiIter it2(shape, 2, data, strides2);
  EXPECT_EQ(it2.ndim(), 1);
  EXPECT_EQ(it2.inner_size(), 24);
  // A zero-length dimension: nothing runs.
  const int64_t empty[] = {2, 0, 4};
  MultiIter it3(empty, 2, data, strides);
  it3.run([&](char**, const int64_t*, int64_t) { ADD_FAILURE(); });
}

class NumpyArrays : public ::testing::Test {
 protected:
  void SetUp() override {
    install_stdlib(vm_, {"test"});
    ASSERT_NE(ensure_numpy(vm_), nullptr);
  }
  // Evaluates `expr` (Python source) in a fresh module.
  Value eval(const std::string& expr) {
    vm::Module* m = vm_.new_module("t");
    vm_.root(Value::from_obj(m));
    EXPECT_TRUE(vm_.exec_module("r = " + expr + "\n", "t.py", m)) << expr;
    return vm::dict_get_str(m->dict, vm_.intern("r"));
  }
  std::string pending_message() {
    Value e = vm_.take_pending();
    return vm::exception_summary(vm_, e);
  }
  vm::VM vm_;
  vm::VM::RootScope scope_{vm_};
};

TEST_F(NumpyArrays, DiscoveryShapeAndDtype) {
  NDArray* a = as_array(vm_, eval("[[1, 2.5], [3, True]]"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->ndim, 2);
  EXPECT_EQ(a->shape[0], 2);
  EXPECT_EQ(a->shape[1], 2);
  EXPECT_EQ(a->dtype, DType::Float64);
  EXPECT_TRUE(a->c_contiguous());
  EXPECT_EQ(a->typed<double>()[1], 2.5);
  EXPECT_EQ(a->typed<double>()[3], 1.0);

  NDArray* b = as_array(vm_, eval("[1, 2**63]"));  // int64 + uint64 → float64, as NumPy
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->dtype, DType::Float64);
  NDArray* b2 = as_array(vm_, eval("[2**63]"));
  ASSERT_NE(b2, nullptr);
  EXPECT_EQ(b2->dtype, DType::UInt64);
  NDArray* c = as_array(vm_, eval("[]"));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->dtype, DType::Float64);
  EXPECT_EQ(c->size, 0);
  NDArray* d = as_array(vm_, eval("[1, 1j]"));
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->dtype, DType::Complex128);
  NDArray* e = as_array(vm_, eval("range(4)"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dtype, DType::Int64);
  EXPECT_EQ(e->typed<int64_t>()[3], 3);
}

TEST_F(NumpyArrays, RaggedListsRaiseNumpysMessage) {
  EXPECT_EQ(as_array(vm_, eval("[[1, 2], [3]]")), nullptr);
  EXPECT_EQ(pending_message(),
            "ValueError: setting an array element with a sequence. The requested array has an "
            "inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.");
  EXPECT_EQ(as_array(vm_, eval("[1, [2, 3]]")), nullptr);
  EXPECT_EQ(pending_message(),
            "ValueError: setting an array element with a sequence. The requested array has an "
            "inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.");
}

TEST_F(NumpyArrays, ExplicitDtypeWrapsAndConverts) {
  NDArray* a = as_array(vm_, eval("[300, -1, 2.7]"), DType::UInt8);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->typed<uint8_t>()[0], 44);
  EXPECT_EQ(a->typed<uint8_t>()[1], 255);
  EXPECT_EQ(a->typed<uint8_t>()[2], 2);
  EXPECT_EQ(as_array(vm_, eval("[float('nan')]"), DType::Int64), nullptr);
  EXPECT_EQ(pending_message(), "ValueError: cannot convert float NaN to integer");
}

TEST_F(NumpyArrays, OverlappingCopyReadsSourceFirst) {
  NDArray* a = as_array(vm_, eval("[0, 1, 2, 3, 4]"));
  ASSERT_NE(a, nullptr);
  vm_.root(Value::from_obj(a));
  // dst = a[1:], src = a[:-1]
  const int64_t n4[] = {4}, st[] = {8};
  NDArray* dst = new_view(vm_, a, a->dtype, a->data + 8, n4, st);
  vm_.root(Value::from_obj(dst));
  NDArray* src = new_view(vm_, a, a->dtype, a->data, n4, st);
  vm_.root(Value::from_obj(src));
  ASSERT_TRUE(copy_into(vm_, dst, src));
  const int64_t want[] = {0, 0, 1, 2, 3};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(a->typed<int64_t>()[i], want[i]) << i;
  EXPECT_EQ(dst->base, a);
  NDArray* view_of_view = new_view(vm_, dst, dst->dtype, dst->data, n4, st);
  EXPECT_EQ(view_of_view->base, a);  // bases collapse to the memory owner
}

TEST_F(NumpyArrays, BroadcastErrorText) {
  NDArray* a = as_array(vm_, eval("[[1, 2, 3], [4, 5, 6]]"));
  vm_.root(Value::from_obj(a));
  NDArray* b = as_array(vm_, eval("[1, 2, 3, 4]"));
  vm_.root(Value::from_obj(b));
  std::vector<int64_t> shape;
  NDArray* ops[] = {a, b};
  EXPECT_FALSE(broadcast_arrays_shape(vm_, ops, shape));
  EXPECT_EQ(pending_message(), "ValueError: operands could not be broadcast together with shapes (2,3) (4,) ");
  EXPECT_FALSE(copy_into(vm_, b, a));
  EXPECT_EQ(pending_message(), "ValueError: could not broadcast input array from shape (2,3) into shape (4,)");
}

TEST_F(NumpyArrays, AllocationFailureIsMemoryError) {
  const int64_t huge[] = {1000000, 1000000};
  EXPECT_EQ(new_array(vm_, DType::Float64, huge), nullptr);
  EXPECT_EQ(pending_message(),
            "MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data type float64");
  const int64_t neg[] = {-1};
  EXPECT_EQ(new_array(vm_, DType::Float64, neg), nullptr);
  EXPECT_EQ(pending_message(), "ValueError: negative dimensions are not allowed");
}

}  // namespace
}  // namespace pyjitvm::stdlib::np

// tests/unit/stdlib/numba_signature_test.cpp — numba signature strings and type names
// (stdlib/numba/signature.cpp), their display names (nbtypes.h I2) and the conversion
// ranking the dispatcher uses to pick an overload (typeof.cpp I2).
//
// Stage: parse_signature / parse_type / conversion, called on a VM with numba imported.
//
// Invariants:
//   I1  Expected display names are Numba 0.56's str() of the same signature or type.
//   I2  Malformed text raises TypeError (never crashes) and returns nullptr.
#include <gtest/gtest.h>

#include <string>

#include "stdlib/numba/nbtypes.h"
#include "stdlib/stdlib.h"
#include "vm/errors.h"

namespace pyjitvm::stdlib::nb {
namespace {

using vm::Value;

class NumbaSignature : public ::testing::Test {
 protected:
  void SetUp() override {
    install_stdlib(vm_, {"test"});
    ASSERT_FALSE(vm::failed(vm_.import_module(vm_.intern("numba"))));
  }
  std::string sig(const std::string& text) {
    NbSignature* s = parse_signature(vm_, text);
    if (!s) {
      std::string e = vm::exception_summary(vm_, vm_.take_pending());
      return "error: " + e.substr(0, e.find(':'));
    }
    return signature_str(s);
  }
  std::string type(const std::string& text) {
    NbType* t = parse_type(vm_, text);
    if (!t) {
      vm_.clear_pending();
      return "error";
    }
    return std::string(t->name->view());
  }
  vm::VM vm_;
  vm::VM::RootScope scope_{vm_};
};

TEST_F(NumbaSignature, FullSignatures) {
  EXPECT_EQ(sig("float64(float64, float64)"), "(float64, float64) -> float64");
  EXPECT_EQ(sig("int64(int64)"), "(int64,) -> int64");
  EXPECT_EQ(sig("void(float64[:,:], float64[:])"), "(array(float64, 2d, A), array(float64, 1d, A)) -> none");
  EXPECT_EQ(sig("float64[:](float64[:], float64[:])"),
            "(array(float64, 1d, A), array(float64, 1d, A)) -> array(float64, 1d, A)");
  EXPECT_EQ(sig("f8()"), "() -> float64");
  EXPECT_EQ(sig(" types.float64 ( types.int32 ) "), "(int32,) -> float64");
}

TEST_F(NumbaSignature, ShortNamesAndArgumentOnly) {
  EXPECT_EQ(sig("i8, f8, b1"), "(int64, float64, bool)");
  EXPECT_EQ(sig("(u1, i2, c16)"), "(uint8, int16, complex128)");
  EXPECT_EQ(sig("f4(f4)"), "(float32,) -> float32");
}

TEST_F(NumbaSignature, Layouts) {
  EXPECT_EQ(type("float64[::1]"), "array(float64, 1d, C)");
  EXPECT_EQ(type("float64[:, ::1]"), "array(float64, 2d, C)");
  EXPECT_EQ(type("float64[::1, :]"), "array(float64, 2d, F)");
  EXPECT_EQ(type("int32[:, :, :]"), "array(int32, 3d, A)");
  EXPECT_EQ(type("float64[:, ::1, :]"), "error");  // '::1' only first or last
  EXPECT_EQ(type("float64[::1, ::1]"), "error");
}

TEST_F(NumbaSignature, Tuples) {
  EXPECT_EQ(type("UniTuple(float64, 2)"), "UniTuple(float64 x 2)");
  EXPECT_EQ(type("Tuple(int64, float64)"), "Tuple(int64, float64)");
  EXPECT_EQ(type("Tuple((int64, float64))"), "Tuple(int64, float64)");
  EXPECT_EQ(type("(int64, int64)"), "UniTuple(int64 x 2)");
  EXPECT_EQ(sig("Tuple(float64[:], float64[:])(float64[:])"),
            "(array(float64, 1d, A),) -> UniTuple(array(float64, 1d, A) x 2)");
}

TEST_F(NumbaSignature, ErrorsAreTypeErrors) {  // I2
  EXPECT_EQ(sig("float64(float64"), "error: TypeError");
  EXPECT_EQ(sig("float65(float64)"), "error: TypeError");
  EXPECT_EQ(sig("float64(float64) junk"), "error: TypeError");
  EXPECT_EQ(sig("unicode_type[:](int64)"), "error: TypeError");
  EXPECT_EQ(sig("UniTuple(float64, x)"), "error: TypeError");
  EXPECT_EQ(sig(""), "error: TypeError");
}

TEST_F(NumbaSignature, ConversionRanking) {
  NbType* i64 = scalar_type(vm_, np::DType::Int64);
  NbType* i32 = scalar_type(vm_, np::DType::Int32);
  NbType* f64 = scalar_type(vm_, np::DType::Float64);
  NbType* f32 = scalar_type(vm_, np::DType::Float32);
  NbType* b = scalar_type(vm_, np::DType::Bool);
  EXPECT_EQ(conversion(i64, i64), Conv::Exact);
  EXPECT_EQ(conversion(i32, i64), Conv::Promote);
  EXPECT_EQ(conversion(f32, f64), Conv::Promote);
  EXPECT_EQ(conversion(i64, f64), Conv::Safe);
  EXPECT_EQ(conversion(b, i64), Conv::Safe);
  EXPECT_EQ(conversion(f64, i64), Conv::Unsafe);
  EXPECT_EQ(conversion(i64, i32), Conv::Unsafe);
  EXPECT_EQ(conversion(unicode_type(vm_), f64), Conv::None);
  NbType* ac = array_type(vm_, np::DType::Float64, 1, 'C');
  NbType* aa = array_type(vm_, np::DType::Float64, 1, 'A');
  EXPECT_EQ(conversion(ac, aa), Conv::Safe);
  EXPECT_EQ(conversion(array_type(vm_, np::DType::Int64, 1, 'C'), aa), Conv::None);
  EXPECT_EQ(conversion(array_type(vm_, np::DType::Float64, 2, 'C'), aa), Conv::None);
}

}  // namespace
}  // namespace pyjitvm::stdlib::nb

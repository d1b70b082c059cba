// stdlib/numpy/ufunc_operators.cpp — Python operators on ndarrays and NumPy scalars:
// + - * / // % ** @ << >> & | ^ ~ unary - + abs(), in-place forms, comparisons and `in`.
//
// Stage: install_ufunc_operators() sets the binop/inplace/unop/richcompare/contains slots
// of np.ndarray and of every NumPy scalar type (slots are copied into subtypes when a
// type is created, so each scalar type gets them explicitly).
//
// Invariants:
//   I1  An operator is the ufunc NumPy's ndarray/scalar operator calls (ufunc.h I1),
//       including ndarray.__pow__'s fast paths (x**2 is square, x**0.5 sqrt, x**-1
//       reciprocal, x**0 ones, x**1 a copy for float/complex arrays; integer arrays
//       only special-case 2, with a float exponent computing in float64).
//   I2  In-place operators write into the left array with same_kind casting and return
//       it; `@=` raises NumPy's TypeError.
//   I3  A NumPy scalar combined with a non-numeric Python object behaves as its Python
//       value would (np.int64(1) + None raises "... 'int' and 'NoneType'",
//       np.int64(5) == None is False); with an ndarray or a sequence it defers to the
//       array logic.
//   I4  ndarray == / != with operands that do not broadcast, or with a str, give
//       False / True (NumPy 1.24 warns and returns a scalar); ordering with a str raises.
#include <cmath>
#include <cstring>
#include <string>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/linalg.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/ufunc_impl.h"
#include "vm/bigint.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

bool binop_ufunc(BinOp op, UfuncId& id) {
  switch (op) {
    case BinOp::Add: id = UfuncId::Add; return true;
    case BinOp::Sub: id = UfuncId::Subtract; return true;
    case BinOp::Mul: id = UfuncId::Multiply; return true;
    case BinOp::TrueDiv: id = UfuncId::TrueDivide; return true;
    case BinOp::FloorDiv: id = UfuncId::FloorDivide; return true;
    case BinOp::Mod: id = UfuncId::Remainder; return true;
    case BinOp::Pow: id = UfuncId::Power; return true;
    case BinOp::LShift: id = UfuncId::LeftShift; return true;
    case BinOp::RShift: id = UfuncId::RightShift; return true;
    case BinOp::And: id = UfuncId::BitwiseAnd; return true;
    case BinOp::Or: id = UfuncId::BitwiseOr; return true;
    case BinOp::Xor: id = UfuncId::BitwiseXor; return true;
    default: return false;
  }
}

UfuncId compare_ufunc(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return UfuncId::Less;
    case CmpOp::Le: return UfuncId::LessEqual;
    case CmpOp::Eq: return UfuncId::Equal;
    case CmpOp::Ne: return UfuncId::NotEqual;
    case CmpOp::Gt: return UfuncId::Greater;
    case CmpOp::Ge: return UfuncId::GreaterEqual;
  }
  return UfuncId::Equal;
}

Value run1(VM& vm, UfuncId id, Value a, Value out = Value()) {
  Operand op;
  if (!make_operand(vm, a, op)) return Value();
  CallOptions opt;
  opt.out = out;
  return execute(vm, id, &op, opt);
}

Value run2(VM& vm, UfuncId id, Value a, Value b, Value out = Value()) {
  Operand ops[2];
  if (!make_operand(vm, a, ops[0]) || !make_operand(vm, b, ops[1])) return Value();
  CallOptions opt;
  opt.out = out;
  return execute(vm, id, ops, opt);
}

// A user-defined object with its own operator: let Python try its reflected method
// (NumPy would build an object array and call it per element).
bool defer_to(VM& vm, Value other) {
  return other.is_obj() && other.as_obj()->kind == Kind::Instance && !is_ndarray(vm, other);
}

// ---------------------------------------------------------------- ** fast paths (I1)
// The exponent as a double when it is a real Python/NumPy scalar or 0-d array;
// `is_float` when it is of float kind.
bool scalar_exponent(VM& vm, Value v, double& e, bool& is_float_kind) {
  Operand op;
  switch (classify(vm, v)) {
    case ScalarClass::PyBool:
    case ScalarClass::PyInt:
    case ScalarClass::PyFloat:
    case ScalarClass::NpScalar:
    case ScalarClass::Array: break;
    default: return false;
  }
  if (!make_operand(vm, v, op) || op.kind != OperandKind::Scalar) {
    vm.clear_pending();
    return false;
  }
  if (is_complex(op.dtype)) return false;
  cast_loop(op.dtype, DType::Float64)(reinterpret_cast<const char*>(op.value), 0,
                                      reinterpret_cast<char*>(&e), 0, 1);
  is_float_kind = is_float(op.dtype);
  return true;
}

// Returns true when a fast path applied (result in `r`, Undef on error).
bool fast_power(VM& vm, NDArray* a, Value exponent, bool inplace, Value& r) {
  double e;
  bool float_exp;
  if (!scalar_exponent(vm, exponent, e, float_exp)) return false;
  Value self = Value::from_obj(a);
  Value out = inplace ? self : Value();
  if (is_inexact(a->dtype)) {
    if (e == 1.0) {
      r = inplace ? self : run1(vm, UfuncId::Positive, self);
    } else if (e == -1.0) {
      r = run1(vm, UfuncId::Reciprocal, self, out);
    } else if (e == 0.0) {
      NDArray* dst = inplace ? a : new_array(vm, a->dtype, shape_of(a));
      if (!dst) {
        r = Value();
        return true;
      }
      r = fill_scalar(vm, dst, Value::from_int(1)) ? Value::from_obj(dst) : Value();
    } else if (e == 0.5) {
      r = run1(vm, UfuncId::Sqrt, self, out);
    } else if (e == 2.0) {
      r = run1(vm, UfuncId::Square, self, out);
    } else {
      return false;
    }
    return true;
  }
  if (e != 2.0) return false;
  if (!inplace && float_exp && is_integer(a->dtype)) {
    NDArray* d = copy_array(vm, a, DType::Float64);
    if (!d) {
      r = Value();
      return true;
    }
    VM::TempRoot keep(vm, d);
    r = run1(vm, UfuncId::Square, Value::from_obj(d), Value::from_obj(d));
    return true;
  }
  r = run1(vm, UfuncId::Square, self, out);
  return true;
}

// ---------------------------------------------------------------- ndarray slots
Value array_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  Value other = reflected ? lhs : rhs;
  if (defer_to(vm, other)) return vm.not_implemented();
  if (op == BinOp::MatMul) return matmul(vm, lhs, rhs);
  if (op == BinOp::Pow && !reflected) {
    Value r;
    if (fast_power(vm, as_ndarray(lhs), rhs, false, r)) return r;
    if (vm.has_pending()) return Value();
  }
  UfuncId id;
  if (!binop_ufunc(op, id)) return vm.not_implemented();
  return run2(vm, id, lhs, rhs);
}

Value array_inplace(VM& vm, BinOp op, Value lhs, Value rhs) {
  if (defer_to(vm, rhs)) return vm.not_implemented();
  if (op == BinOp::MatMul)
    return vm.raise(vm.exc().TypeError,
                    "In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' "
                    "instead of 'a @= b'.");
  if (op == BinOp::Pow) {
    Value r;
    if (fast_power(vm, as_ndarray(lhs), rhs, true, r)) return failed(r) ? r : lhs;
    if (vm.has_pending()) return Value();
  }
  UfuncId id;
  if (!binop_ufunc(op, id)) return vm.not_implemented();
  Value r = run2(vm, id, lhs, rhs, lhs);
  return failed(r) ? r : lhs;
}

Value array_unop(VM& vm, UnOp op, Value self) {
  switch (op) {
    case UnOp::Neg: return run1(vm, UfuncId::Negative, self);
    case UnOp::Invert: return run1(vm, UfuncId::Invert, self);
    case UnOp::Pos: {
      NDArray* a = as_ndarray(self);
      if (a->dtype == DType::Bool) {  // NumPy 1.24: a copy (with a DeprecationWarning)
        NDArray* c = copy_array(vm, a, a->dtype);
        return c ? Value::from_obj(c) : Value();
      }
      return run1(vm, UfuncId::Positive, self);
    }
  }
  return vm.not_implemented();
}

// I4: == and != that cannot be evaluated element-wise.
bool comparison_fails(VM& vm, Value self, Value other, bool& is_str) {
  is_str = is_kind(other, Kind::Str);
  if (is_str) return true;
  ScalarClass c = classify(vm, other);
  if (c != ScalarClass::Array && c != ScalarClass::Other) return false;
  if (c == ScalarClass::Other && !is_kind(other, Kind::List) && !is_kind(other, Kind::Tuple))
    return false;
  NDArray* a = as_ndarray(self);
  std::vector<int64_t> shape;
  if (c == ScalarClass::Array) {
    std::span<const int64_t> shapes[2] = {shape_of(a), shape_of(as_ndarray(other))};
    return !broadcast_shapes(shapes, shape);
  }
  NDArray* b = as_array(vm, other);
  if (!b) {
    vm.clear_pending();
    return false;  // let the ufunc raise
  }
  std::span<const int64_t> shapes[2] = {shape_of(a), shape_of(b)};
  return !broadcast_shapes(shapes, shape);
}

Value array_richcompare(VM& vm, Value self, Value other, CmpOp op) {
  if (op == CmpOp::Eq || op == CmpOp::Ne) {
    bool is_str;
    if (comparison_fails(vm, self, other, is_str)) return Value::from_bool(op == CmpOp::Ne);
  } else if (is_kind(other, Kind::Str)) {
    return vm.raise_fmt(vm.exc().TypeError,
                        "'%s' not supported between instances of 'numpy.ndarray' and 'str'",
                        cmpop_symbol(op));
  }
  if (defer_to(vm, other) && op != CmpOp::Eq && op != CmpOp::Ne) return vm.not_implemented();
  return run2(vm, compare_ufunc(op), self, other);
}

int array_contains(VM& vm, Value self, Value item) {
  Value r = array_richcompare(vm, self, item, CmpOp::Eq);
  if (failed(r)) return -1;
  if (!is_ndarray(vm, r)) return truthy(vm, r);
  NDArray* b = as_ndarray(r);
  NDArray* c = as_contiguous(vm, b, DType::Bool);
  if (!c) return -1;
  for (int64_t i = 0; i < c->size; ++i)
    if (c->data[i]) return 1;
  return 0;
}

Value m_abs(VM& vm, const CallArgs& a) { return run1(vm, UfuncId::Absolute, a[0]); }

// ---------------------------------------------------------------- NumPy scalar slots
// Python ints outside int64/uint64: NumPy falls back to Python arithmetic (I3).
bool is_huge_int(VM& vm, Value v) {
  if (!is_kind(v, Kind::BigInt)) return false;
  BigInt b;
  int_to_bigint(v, b);
  return !(b.sign() > 0 && b.fits_u64());
}

Value python_value(VM& vm, Value scalar) {
  NpScalar* s = as_np_scalar(scalar);
  return element_to_python(vm, s->dtype, s->ptr());
}

// NumPy's scalar `**` on floats calls libm's pow (the ufunc loop is SVML's): same dtype
// rules as np.power, glibc's pow for float32/float64 results.
Value scalar_power(VM& vm, Value lhs, Value rhs) {
  Operand ops[2];
  if (!make_operand(vm, lhs, ops[0]) || !make_operand(vm, rhs, ops[1])) return Value();
  ResolvedLoop rl;
  if (ops[0].kind != OperandKind::Scalar || ops[1].kind != OperandKind::Scalar ||
      !ops[0].is_numeric() || !ops[1].is_numeric() ||
      !resolve_loop(vm, UfuncId::Power, ops, std::nullopt, Casting::SameKind, rl) ||
      !is_float(rl.out)) {
    vm.clear_pending();
    CallOptions opt;
    return execute(vm, UfuncId::Power, ops, opt);
  }
  double x[2];
  for (int i = 0; i < 2; ++i)
    cast_loop(ops[i].dtype, rl.in[i])(reinterpret_cast<const char*>(ops[i].value), 0,
                                      reinterpret_cast<char*>(&x[i]), 0, 1);
  if (rl.out == DType::Float32) {
    float a, b;
    std::memcpy(&a, &x[0], 4);
    std::memcpy(&b, &x[1], 4);
    return box_scalar_of<float>(vm, std::pow(a, b));
  }
  return box_scalar_of<double>(vm, std::pow(x[0], x[1]));
}

Value scalar_binop(VM& vm, BinOp op, Value lhs, Value rhs, bool reflected) {
  Value self = reflected ? rhs : lhs;
  Value other = reflected ? lhs : rhs;
  ScalarClass c = classify(vm, other);
  // scalar * list repeats the list (integers) or fails like float * list: the
  // sequence's own operator decides, as in NumPy.
  if (op == BinOp::Mul && (is_kind(other, Kind::List) || is_kind(other, Kind::Tuple)))
    return vm.not_implemented();
  if (c == ScalarClass::Array || is_kind(other, Kind::List) || is_kind(other, Kind::Tuple)) {
    if (c == ScalarClass::Array) return array_binop(vm, op, lhs, rhs, !reflected);
    NDArray* a = as_array(vm, other);
    if (!a) return Value();
    VM::TempRoot keep(vm, a);
    Value av = Value::from_obj(a);
    return array_binop(vm, op, reflected ? av : lhs, reflected ? rhs : av, !reflected);
  }
  if (op == BinOp::MatMul || defer_to(vm, other)) return vm.not_implemented();
  // Python complex with np.float64: np.float64 is a float subclass in NumPy, so
  // complex's own operator runs and the result is a Python complex.
  const bool py_other =
      c == ScalarClass::Other || (c == ScalarClass::PyInt && is_huge_int(vm, other)) ||
      (reflected && c == ScalarClass::PyComplex && as_np_scalar(self)->dtype == DType::Float64);
  if (is_kind(other, Kind::Str) && !(op == BinOp::Mul && is_integer(as_np_scalar(self)->dtype))) {
    UfuncId id;
    if (!binop_ufunc(op, id)) return vm.not_implemented();
    return run2(vm, id, lhs, rhs);  // NumPy's '<U' error
  }
  if (py_other) {
    Value pv = python_value(vm, self);
    VM::TempRoot keep(vm, pv);
    return reflected ? binary_op(vm, op, other, pv) : binary_op(vm, op, pv, other);
  }
  UfuncId id;
  if (!binop_ufunc(op, id)) return vm.not_implemented();
  if (op == BinOp::Pow) return scalar_power(vm, lhs, rhs);
  return run2(vm, id, lhs, rhs);
}

Value scalar_richcompare(VM& vm, Value self, Value other, CmpOp op) {
  ScalarClass c = classify(vm, other);
  if (c == ScalarClass::Array) {
    static const CmpOp kSwap[] = {CmpOp::Gt, CmpOp::Ge, CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le};
    return array_richcompare(vm, other, self, kSwap[static_cast<int>(op)]);
  }
  if (c == ScalarClass::Other && !is_kind(other, Kind::List) && !is_kind(other, Kind::Tuple)) {
    if (is_kind(other, Kind::Str) && op != CmpOp::Eq && op != CmpOp::Ne)
      return vm.raise_fmt(vm.exc().TypeError,
                          "'%s' not supported between instances of 'numpy.ndarray' and 'str'",
                          cmpop_symbol(op));
    if (defer_to(vm, other)) return vm.not_implemented();
    Value pv = python_value(vm, self);
    VM::TempRoot keep(vm, pv);
    return compare(vm, pv, other, op);
  }
  if (c == ScalarClass::PyInt && is_huge_int(vm, other)) {
    Value pv = python_value(vm, self);
    VM::TempRoot keep(vm, pv);
    return compare(vm, pv, other, op);
  }
  return run2(vm, compare_ufunc(op), self, other);
}

Value scalar_unop(VM& vm, UnOp op, Value self) {
  switch (op) {
    case UnOp::Neg: return run1(vm, UfuncId::Negative, self);
    case UnOp::Pos: return run1(vm, UfuncId::Positive, self);
    case UnOp::Invert: return run1(vm, UfuncId::Invert, self);
  }
  return vm.not_implemented();
}

// abs() of a NumPy scalar: complex magnitudes use glibc's hypot, as NumPy's scalar
// math does (the ufunc loop uses a different formula).
Value m_scalar_abs(VM& vm, const CallArgs& a) {
  NpScalar* s = as_np_scalar(a[0]);
  if (s->dtype == DType::Complex128) {
    c128 z = s->get<c128>();
    return box_scalar_of<double>(vm, std::hypot(z.real(), z.imag()));
  }
  return run1(vm, UfuncId::Absolute, a[0]);
}

const MethodDef kAbs[] = {{"__abs__", m_abs}};
const MethodDef kScalarAbs[] = {{"__abs__", m_scalar_abs}};

void set_scalar_slots(Type* t) {
  t->slots.binop = scalar_binop;
  t->slots.unop = scalar_unop;
  t->slots.richcompare = scalar_richcompare;
}

}  // namespace

void install_ufunc_operators(VM& vm, NumpyState& st) {
  Type* nd = st.ndarray;
  nd->slots.binop = array_binop;
  nd->slots.inplace = array_inplace;
  nd->slots.unop = array_unop;
  nd->slots.richcompare = array_richcompare;
  nd->slots.contains = array_contains;
  add_methods(vm, nd, kAbs);
  for (Type* t : {st.generic, st.number, st.integer, st.signedinteger, st.unsignedinteger,
                  st.inexact, st.floating, st.complexfloating})
    set_scalar_slots(t);
  for (Type* t : st.scalar_type) set_scalar_slots(t);
  add_methods(vm, st.generic, kScalarAbs);
}

}  // namespace pyjitvm::stdlib::np

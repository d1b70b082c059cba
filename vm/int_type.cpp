// vm/int_type.cpp — Python int (and bool): int64 fast paths, BigInt overflow, the
// numeric tower dispatch (number_binop/number_compare) and the int/bool types.
//
// Stage: implements vm/number_ops.h for ints; float and complex arithmetic live in
// vm/float_type.cpp and vm/complex_type.cpp.
//
// Invariants: number_ops.h I1–I2. Every BigInt result is normalised with
// int_from_bigint(), so an int that fits int64 is always Tag::Int.
#include <charconv>
#include <cmath>
#include <string>

#include "vm/bigint.h"
#include "vm/builtin_types.h"
#include "vm/floatops.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

struct BigIntObj : Object {
  BigInt value;
};

namespace {

BigIntObj* big_of(const Value& v) { return static_cast<BigIntObj*>(v.as_obj()); }

void bigint_finalize(Object* o, Heap&) { static_cast<BigIntObj*>(o)->~BigIntObj(); }

}  // namespace

Value raise_status(VM& vm, const NumStatus& st) {
  Type* t;
  switch (st.kind) {
    case NumErrorKind::kZeroDivisionError: t = vm.exc().ZeroDivisionError; break;
    case NumErrorKind::kOverflowError: t = vm.exc().OverflowError; break;
    case NumErrorKind::kValueError: t = vm.exc().ValueError; break;
    case NumErrorKind::kTypeError: t = vm.exc().TypeError; break;
    case NumErrorKind::kMemoryError: t = vm.exc().MemoryError; break;
    case NumErrorKind::kCallback: return Value();
    default: t = vm.exc().SystemError; break;
  }
  return vm.raise(t, st.message);
}

bool is_int_like(const Value& v) {
  return v.tag == Tag::Int || v.tag == Tag::Bool ||
         (v.tag == Tag::Obj && v.u.o->kind == Kind::BigInt);
}

bool is_number(const Value& v) {
  if (v.tag == Tag::Int || v.tag == Tag::Float || v.tag == Tag::Bool) return true;
  if (v.tag != Tag::Obj) return false;
  Kind k = v.u.o->kind;
  return k == Kind::BigInt || k == Kind::Complex;
}

Value int_from_bigint(VM& vm, const BigInt& b) {
  if (b.fits_i64()) return Value::from_int(b.to_i64());
  BigIntObj* o = vm.heap().make<BigIntObj>(vm.types().int_, Kind::BigInt, 0);
  o->value = b;
  return Value::from_obj(o);
}

bool int_to_bigint(const Value& v, BigInt& out) {
  if (v.is_int()) {
    out = BigInt(v.as_int());
    return true;
  }
  if (v.is_bool()) {
    out = BigInt(static_cast<int64_t>(v.as_bool()));
    return true;
  }
  if (is_kind(v, Kind::BigInt)) {
    out = big_of(v)->value;
    return true;
  }
  return false;
}

bool int_to_double(VM& vm, const Value& v, double& out) {
  if (v.is_int()) {
    out = static_cast<double>(v.as_int());
    return true;
  }
  if (v.is_bool()) {
    out = v.as_bool();
    return true;
  }
  NumStatus st = big_of(v)->value.to_double(out);
  if (!st.ok()) {
    raise_status(vm, st);
    return false;
  }
  return true;
}

std::string int_to_string(const Value& v, int base) {
  if (v.is_int()) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, v.as_int(), base);
    return std::string(buf, r.ptr);
  }
  if (v.is_bool()) return v.as_bool() ? "1" : "0";
  return big_of(v)->value.to_string(base);
}

int64_t int_hash(const Value& v) {
  if (v.is_int()) return hash_int64(v.as_int());
  if (v.is_bool()) return v.as_bool();
  return big_of(v)->value.hash();
}

int64_t float_hash(double d) { return py_float_hash(d, 0); }

namespace {

int64_t small(const Value& v) { return v.is_int() ? v.as_int() : v.as_bool(); }
bool is_small(const Value& v) { return v.is_int() || v.is_bool(); }

Value big_result(VM& vm, const NumStatus& st, const BigInt& r) {
  if (!st.ok()) return raise_status(vm, st);
  return int_from_bigint(vm, r);
}

Value int_binop_big(VM& vm, BinOp op, const BigInt& a, const BigInt& b) {
  BigInt r;
  switch (op) {
    case BinOp::Add: BigInt::add(a, b, r); return int_from_bigint(vm, r);
    case BinOp::Sub: BigInt::sub(a, b, r); return int_from_bigint(vm, r);
    case BinOp::Mul: return big_result(vm, BigInt::mul(a, b, r), r);
    case BinOp::FloorDiv: return big_result(vm, BigInt::floordiv(a, b, r), r);
    case BinOp::Mod: return big_result(vm, BigInt::mod(a, b, r), r);
    case BinOp::TrueDiv: {
      double d;
      NumStatus st = BigInt::true_divide(a, b, d);
      if (!st.ok()) return raise_status(vm, st);
      return Value::from_float(d);
    }
    case BinOp::Pow: {
      if (b.sign() < 0) {
        double d;
        NumStatus st = py_int_pow_negative(a, b, d);
        if (!st.ok()) return raise_status(vm, st);
        return Value::from_float(d);
      }
      if (!b.fits_u64()) {
        if (a.is_zero() || a == BigInt(1)) return int_from_bigint(vm, a);
        if (a == BigInt(-1)) return Value::from_int(b.is_odd() ? -1 : 1);
        return vm.raise(vm.exc().MemoryError, "");
      }
      return big_result(vm, BigInt::pow(a, b.to_u64(), r), r);
    }
    case BinOp::LShift: return big_result(vm, BigInt::lshift(a, b, r), r);
    case BinOp::RShift: return big_result(vm, BigInt::rshift(a, b, r), r);
    case BinOp::And: BigInt::bit_and(a, b, r); return int_from_bigint(vm, r);
    case BinOp::Or: BigInt::bit_or(a, b, r); return int_from_bigint(vm, r);
    case BinOp::Xor: BigInt::bit_xor(a, b, r); return int_from_bigint(vm, r);
    default: return vm.not_implemented();
  }
}

}  // namespace

Value int_binop(VM& vm, BinOp op, Value a, Value b) {
  if (a.is_bool() && b.is_bool() && (op == BinOp::And || op == BinOp::Or || op == BinOp::Xor)) {
    bool x = a.as_bool(), y = b.as_bool();
    return Value::from_bool(op == BinOp::And ? (x && y) : op == BinOp::Or ? (x || y) : (x != y));
  }
  if (is_small(a) && is_small(b)) {
    int64_t x = small(a), y = small(b), r;
    switch (op) {
      case BinOp::Add:
        if (checked_add_i64(x, y, r)) return Value::from_int(r);
        break;
      case BinOp::Sub:
        if (checked_sub_i64(x, y, r)) return Value::from_int(r);
        break;
      case BinOp::Mul:
        if (checked_mul_i64(x, y, r)) return Value::from_int(r);
        break;
      case BinOp::FloorDiv:
        if (y == 0) return vm.raise(vm.exc().ZeroDivisionError, "integer division or modulo by zero");
        if (python_floordiv_i64(x, y, r)) return Value::from_int(r);
        break;
      case BinOp::Mod:
        if (y == 0) return vm.raise(vm.exc().ZeroDivisionError, "integer modulo by zero");
        return Value::from_int(python_mod_i64(x, y));
      case BinOp::TrueDiv: {
        double d;
        NumStatus st = true_divide_i64(x, y, d);
        if (!st.ok()) return raise_status(vm, st);
        return Value::from_float(d);
      }
      case BinOp::Pow:
        if (y >= 0 && checked_pow_i64(x, y, r)) return Value::from_int(r);
        break;
      case BinOp::LShift:
        if (y < 0) return vm.raise(vm.exc().ValueError, "negative shift count");
        if (checked_lshift_i64(x, y, r)) return Value::from_int(r);
        break;
      case BinOp::RShift:
        if (y < 0) return vm.raise(vm.exc().ValueError, "negative shift count");
        return Value::from_int(python_rshift_i64(x, y));
      case BinOp::And: return Value::from_int(x & y);
      case BinOp::Or: return Value::from_int(x | y);
      case BinOp::Xor: return Value::from_int(x ^ y);
      default: return vm.not_implemented();
    }
  }
  BigInt x, y;
  int_to_bigint(a, x);
  int_to_bigint(b, y);
  return int_binop_big(vm, op, x, y);
}

Value number_binop(VM& vm, BinOp op, Value a, Value b) {
  if (is_int_like(a) && is_int_like(b)) return int_binop(vm, op, a, b);
  bool ca = is_kind(a, Kind::Complex), cb = is_kind(b, Kind::Complex);
  if (op == BinOp::MatMul || ((ca || cb) && (op == BinOp::FloorDiv || op == BinOp::Mod)) ||
      op == BinOp::LShift || op == BinOp::RShift || op == BinOp::And || op == BinOp::Or ||
      op == BinOp::Xor) {
    if (op == BinOp::FloorDiv || op == BinOp::Mod)
      return vm.raise(vm.exc().TypeError,
                      std::string("unsupported operand type(s) for ") + binop_symbol(op) +
                          ": '" + type_name(vm, a) + "' and '" + type_name(vm, b) + "'");
    return vm.not_implemented();
  }
  if (ca || cb) {
    double ar, ai = 0, br, bi = 0;
    if (ca) {
      ar = as_complex(a)->re;
      ai = as_complex(a)->im;
    } else if (!to_double(vm, a, ar)) {
      return Value();
    }
    if (cb) {
      br = as_complex(b)->re;
      bi = as_complex(b)->im;
    } else if (!to_double(vm, b, br)) {
      return Value();
    }
    return complex_binop(vm, op, ar, ai, br, bi);
  }
  double x, y;
  if (!to_double(vm, a, x) || !to_double(vm, b, y)) return Value();
  return float_binop(vm, op, x, y);
}

Value number_compare(VM& vm, Value a, Value b, CmpOp op) {
  int c;  // -1, 0, 1; 2 = unordered (nan)
  if (is_small(a) && is_small(b)) {
    int64_t x = small(a), y = small(b);
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (a.is_float() && b.is_float()) {
    double x = a.as_float(), y = b.as_float();
    c = x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
  } else if (is_int_like(a) && is_int_like(b)) {
    BigInt x, y;
    int_to_bigint(a, x);
    int_to_bigint(b, y);
    auto o = x.compare(y);
    c = o < 0 ? -1 : o > 0 ? 1 : 0;
  } else {
    // one int, one float (exact comparison, as CPython)
    bool a_float = a.is_float();
    Value iv = a_float ? b : a;
    double f = a_float ? a.as_float() : b.as_float();
    std::partial_ordering o = is_small(iv) ? compare_i64_double(small(iv), f)
                                           : big_of(iv)->value.compare(f);
    int ci = o == std::partial_ordering::less      ? -1
             : o == std::partial_ordering::greater ? 1
             : o == std::partial_ordering::equivalent ? 0
                                                      : 2;
    c = (a_float && ci != 2) ? -ci : ci;
  }
  bool r;
  if (c == 2) {
    r = op == CmpOp::Ne;
  } else {
    switch (op) {
      case CmpOp::Lt: r = c < 0; break;
      case CmpOp::Le: r = c <= 0; break;
      case CmpOp::Eq: r = c == 0; break;
      case CmpOp::Ne: r = c != 0; break;
      case CmpOp::Gt: r = c > 0; break;
      default: r = c >= 0; break;
    }
  }
  return Value::from_bool(r);
}

Value number_unop(VM& vm, UnOp op, Value v) {
  if (is_int_like(v)) {
    if (is_small(v)) {
      int64_t x = small(v), r;
      switch (op) {
        case UnOp::Neg:
          if (checked_neg_i64(x, r)) return Value::from_int(r);
          break;
        case UnOp::Pos: return Value::from_int(x);
        case UnOp::Invert: return Value::from_int(~x);
      }
    }
    BigInt x, r;
    int_to_bigint(v, x);
    if (op == UnOp::Neg) BigInt::neg(x, r);
    else if (op == UnOp::Invert) BigInt::bit_invert(x, r);
    else r = x;
    return int_from_bigint(vm, r);
  }
  if (v.is_float()) {
    if (op == UnOp::Neg) return Value::from_float(-v.as_float());
    if (op == UnOp::Pos) return v;
    return vm.raise(vm.exc().TypeError, "bad operand type for unary ~: 'float'");
  }
  ComplexObj* c = as_complex(v);
  if (op == UnOp::Neg) return vm.new_complex(-c->re, -c->im);
  if (op == UnOp::Pos) return vm.new_complex(c->re, c->im);
  return vm.raise(vm.exc().TypeError, "bad operand type for unary ~: 'complex'");
}

Value int_pow_mod(VM& vm, Value base, Value exp, Value mod) {
  BigInt b, e, m, r;
  int_to_bigint(base, b);
  int_to_bigint(exp, e);
  int_to_bigint(mod, m);
  NumStatus st = BigInt::powmod(b, e, m, r);
  if (!st.ok()) return raise_status(vm, st);
  return int_from_bigint(vm, r);
}

// ------------------------------------------------------------------ the int type
namespace {

Value int_repr(VM& vm, Value self) {
  if (is_small(self)) return vm.str(int_to_string(self));
  std::string out;
  NumStatus st = bigint_to_decimal(big_of(self)->value, out);
  if (!st.ok()) return raise_status(vm, st);
  return vm.str(out);
}

Value bool_repr(VM& vm, Value self) {
  return Value::from_obj(vm.intern(self.as_bool() ? "True" : "False"));
}

bool int_hash_slot(VM&, Value self, int64_t& out) {
  out = int_hash(self);
  return true;
}

Value int_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (!is_number(b) || is_kind(b, Kind::Complex)) {
    if (is_kind(b, Kind::Complex) && (op == CmpOp::Eq || op == CmpOp::Ne)) {
      double x;
      if (!to_double(vm, a, x)) return Value();
      bool eq = as_complex(b)->im == 0 && as_complex(b)->re == x;
      return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
    }
    return vm.not_implemented();
  }
  return number_compare(vm, a, b, op);
}

Value int_binop_slot(VM& vm, BinOp op, Value lhs, Value rhs, bool) {
  if (!is_number(lhs) || !is_number(rhs)) return vm.not_implemented();
  return number_binop(vm, op, lhs, rhs);
}

Value int_unop_slot(VM& vm, UnOp op, Value v) { return number_unop(vm, op, v); }

int int_truth(VM&, Value v) {
  if (is_small(v)) return small(v) != 0;
  return !big_of(v)->value.is_zero();
}

Value int_format(VM& vm, Value self, Str* spec) {
  std::string out;
  NumStatus st;
  if (is_small(self)) {
    if (self.is_bool() && spec->nbytes == 0) return bool_repr(vm, self);
    st = format_int(small(self), spec->view(), out, vm.type_of(self)->name->view());
  } else {
    st = format_int(big_of(self)->value, spec->view(), out);
  }
  if (!st.ok()) return raise_status(vm, st);
  return vm.str(out);
}

Value int_from_object(VM& vm, Value x) {
  if (is_int_like(x)) return x.is_bool() ? Value::from_int(x.as_bool()) : x;
  if (x.is_float()) {
    double d = x.as_float();
    if (std::isfinite(d) && std::fabs(d) < 9.2e18) return Value::from_int(static_cast<int64_t>(d));
    BigInt b;
    NumStatus st = py_float_to_int(d, b);
    if (!st.ok()) return raise_status(vm, st);
    return int_from_bigint(vm, b);
  }
  if (x.is_obj() && vm.type_of(x)->is_subtype_of(vm.types().str)) {
    BigInt b;
    NumStatus st = int_from_string(as_str(x)->view(), 10, b);
    if (!st.ok()) return raise_status(vm, st);
    return int_from_bigint(vm, b);
  }
  for (const char* name : {"__int__", "__index__", "__trunc__"}) {
    Value m = x.is_obj() ? lookup_in_mro(vm.type_of(x), vm.intern(name)) : Value();
    if (m.is_undef()) continue;
    Value r = vm.call(m, {x});
    if (failed(r)) return r;
    if (!is_int_like(r))
      return vm.raise_fmt(vm.exc().TypeError, "%s returned non-int (type %s)", name, type_name(vm, r));
    return r;
  }
  return vm.raise_fmt(vm.exc().TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      type_name(vm, x));
}

Value int_construct(VM& vm, Type* cls, const CallArgs& a) {
  static const ArgSpec kSpec{"int", {"x=", "/", "base="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value r;
  if (p[0].is_undef()) {
    if (!p[1].is_undef()) return vm.raise(vm.exc().TypeError, "int() missing string argument");
    r = Value::from_int(0);
  } else if (!p[1].is_undef()) {
    int64_t base;
    if (!index_of(vm, p[1], base)) return Value();
    if (!(p[0].is_obj() && vm.type_of(p[0])->is_subtype_of(vm.types().str)))
      return vm.raise(vm.exc().TypeError, "int() can't convert non-string with explicit base");
    BigInt b;
    NumStatus st = int_from_string(as_str(p[0])->view(), static_cast<int>(base), b);
    if (!st.ok()) return raise_status(vm, st);
    r = int_from_bigint(vm, b);
  } else {
    r = int_from_object(vm, p[0]);
  }
  if (failed(r) || cls == vm.types().int_) return r;
  // int subclass: box the value so that it can carry the subclass type
  BigInt b;
  int_to_bigint(r, b);
  BigIntObj* o = vm.heap().make<BigIntObj>(cls, Kind::BigInt, 0);
  o->value = b;
  return Value::from_obj(o);
}

Value bool_construct(VM& vm, Type*, const CallArgs& a) {
  if (!check_nargs(vm, a, "bool", 0, 1)) return Value();
  if (a.argc == 0) return Value::from_bool(false);
  int t = truthy(vm, a[0]);
  if (t < 0) return Value();
  return Value::from_bool(t);
}

Value int_getattr(VM& vm, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real" || n == "numerator") return self.is_bool() ? Value::from_int(self.as_bool()) : self;
  if (n == "imag") return Value::from_int(0);
  if (n == "denominator") return Value::from_int(1);
  return generic_getattr(vm, self, name);
}

Value m_bit_length(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "int.bit_length", 0, 0)) return Value();
  BigInt b;
  int_to_bigint(a[0], b);
  return Value::from_int(static_cast<int64_t>(b.bit_length()));
}

Value m_bit_count(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "int.bit_count", 0, 0)) return Value();
  BigInt b;
  int_to_bigint(a[0], b);
  return Value::from_int(static_cast<int64_t>(b.bit_count()));
}

Value m_conjugate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "int.conjugate", 0, 0)) return Value();
  return a[0].is_bool() ? Value::from_int(a[0].as_bool()) : a[0];
}

Value m_as_integer_ratio(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "int.as_integer_ratio", 0, 0)) return Value();
  Value n = a[0].is_bool() ? Value::from_int(a[0].as_bool()) : a[0];
  return Value::from_obj(vm.tuple_of({n, Value::from_int(1)}));
}

Value m_index(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "int.__index__", 0, 0)) return Value();
  return a[0].is_bool() ? Value::from_int(a[0].as_bool()) : a[0];
}

Value m_to_bytes_unsupported(VM& vm, const CallArgs&) {
  return vm.raise(vm.exc().NotImplementedError, "int.to_bytes is not supported by pyjitvm (no bytes type)");
}

}  // namespace

void init_int_type(VM& vm) {
  Type* t = vm.types().int_;
  t->slots.finalize = bigint_finalize;
  t->slots.repr = int_repr;
  t->slots.hash = int_hash_slot;
  t->slots.richcompare = int_richcompare;
  t->slots.binop = int_binop_slot;
  t->slots.unop = int_unop_slot;
  t->slots.truth = int_truth;
  t->slots.format = int_format;
  t->slots.construct = int_construct;
  t->slots.getattr = int_getattr;
  static const MethodDef kMethods[] = {
      {"bit_length", m_bit_length},
      {"bit_count", m_bit_count},
      {"conjugate", m_conjugate},
      {"as_integer_ratio", m_as_integer_ratio},
      {"__index__", m_index},
      {"__int__", m_index},
      {"to_bytes", m_to_bytes_unsupported},
  };
  add_methods(vm, t, kMethods);
  Type* b = vm.types().bool_;
  b->slots.repr = bool_repr;
  b->slots.construct = bool_construct;
  b->slots.finalize = bigint_finalize;
}

}  // namespace pyjitvm::vm

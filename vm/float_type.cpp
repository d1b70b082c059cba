// vm/float_type.cpp — Python float: arithmetic with CPython's semantics (vm/floatops),
// repr via vm/numfmt, and the float type's slots and methods.
//
// Stage: implements float_binop() of vm/number_ops.h and init_float_type().
//
// Invariants: number_ops.h I1–I2; plain IEEE operations (+ - * /) are done here
// directly, everything with Python-specific rules (%, //, **, divmod) goes through
// vm/floatops so results match CPython bit for bit.
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

Value float_binop(VM& vm, BinOp op, double a, double b) {
  double r;
  NumStatus st;
  switch (op) {
    case BinOp::Add: return Value::from_float(a + b);
    case BinOp::Sub: return Value::from_float(a - b);
    case BinOp::Mul: return Value::from_float(a * b);
    case BinOp::TrueDiv: st = py_float_truediv(a, b, r); break;
    case BinOp::FloorDiv: st = py_float_floordiv(a, b, r); break;
    case BinOp::Mod: st = py_float_mod(a, b, r); break;
    case BinOp::Pow:
      st = py_float_pow(a, b, r);
      if (st.kind == NumErrorKind::kComplexResult) return complex_binop(vm, op, a, 0.0, b, 0.0);
      break;
    default: return vm.not_implemented();
  }
  if (!st.ok()) return raise_status(vm, st);
  return Value::from_float(r);
}

namespace {

Value float_repr_slot(VM& vm, Value self) { return vm.str(float_repr(self.as_float())); }

bool float_hash_slot(VM&, Value self, int64_t& out) {
  out = float_hash(self.as_float());
  return true;
}

Value float_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (!is_number(b)) return vm.not_implemented();
  if (is_kind(b, Kind::Complex)) {
    if (op != CmpOp::Eq && op != CmpOp::Ne) return vm.not_implemented();
    bool eq = as_complex(b)->im == 0 && as_complex(b)->re == a.as_float();
    return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
  }
  return number_compare(vm, a, b, op);
}

Value float_binop_slot(VM& vm, BinOp op, Value lhs, Value rhs, bool) {
  if (!is_number(lhs) || !is_number(rhs)) return vm.not_implemented();
  return number_binop(vm, op, lhs, rhs);
}

Value float_unop_slot(VM& vm, UnOp op, Value v) { return number_unop(vm, op, v); }

int float_truth(VM&, Value v) { return v.as_float() != 0.0; }

Value float_format(VM& vm, Value self, Str* spec) {
  std::string out;
  NumStatus st = format_float(self.as_float(), spec->view(), out);
  if (!st.ok()) return raise_status(vm, st);
  return vm.str(out);
}

Value float_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_nargs(vm, a, "float", 0, 1)) return Value();
  if (a.argc == 0) return Value::from_float(0.0);
  Value x = a[0];
  double d;
  if (x.is_float()) {
    d = x.as_float();
  } else if (is_int_like(x)) {
    if (!int_to_double(vm, x, d)) return Value();
  } else if (x.is_obj() && vm.type_of(x)->is_subtype_of(vm.types().str)) {
    NumStatus st = py_float_parse(as_str(x)->view(), d);
    if (!st.ok()) return raise_status(vm, st);
  } else {
    Value m = x.is_obj() ? lookup_in_mro(vm.type_of(x), vm.names().float_) : Value();
    if (m.is_undef()) {
      Value idx = x.is_obj() ? lookup_in_mro(vm.type_of(x), vm.names().index) : Value();
      if (idx.is_undef())
        return vm.raise_fmt(vm.exc().TypeError,
                            "float() argument must be a string or a real number, not '%s'",
                            type_name(vm, x));
      Value r = vm.call(idx, {x});
      if (failed(r)) return r;
      if (!int_to_double(vm, r, d)) return Value();
    } else {
      Value r = vm.call(m, {x});
      if (failed(r)) return r;
      if (!r.is_float())
        return vm.raise_fmt(vm.exc().TypeError, "%s.__float__ returned non-float (type %s)",
                            type_name(vm, x), type_name(vm, r));
      d = r.as_float();
    }
  }
  (void)cls;
  return Value::from_float(d);
}

Value float_getattr(VM& vm, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real") return self;
  if (n == "imag") return Value::from_float(0.0);
  return generic_getattr(vm, self, name);
}

Value m_is_integer(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "float.is_integer", 0, 0)) return Value();
  return Value::from_bool(py_float_is_integer(a[0].as_float()));
}

Value m_as_integer_ratio(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "float.as_integer_ratio", 0, 0)) return Value();
  BigInt n, d;
  NumStatus st = py_float_as_integer_ratio(a[0].as_float(), n, d);
  if (!st.ok()) return raise_status(vm, st);
  Value nv = int_from_bigint(vm, n);
  VM::TempRoot r(vm, nv);
  Value dv = int_from_bigint(vm, d);
  return Value::from_obj(vm.tuple_of({nv, dv}));
}

Value m_hex(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "float.hex", 0, 0)) return Value();
  return vm.str(py_float_hex(a[0].as_float()));
}

Value m_conjugate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "float.conjugate", 0, 0)) return Value();
  return a[0];
}

Value m_trunc(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "float.__trunc__", 0, 0)) return Value();
  BigInt b;
  NumStatus st = py_float_to_int(a[0].as_float(), b);
  if (!st.ok()) return raise_status(vm, st);
  return int_from_bigint(vm, b);
}

}  // namespace

void init_float_type(VM& vm) {
  Type* t = vm.types().float_;
  t->slots.repr = float_repr_slot;
  t->slots.hash = float_hash_slot;
  t->slots.richcompare = float_richcompare;
  t->slots.binop = float_binop_slot;
  t->slots.unop = float_unop_slot;
  t->slots.truth = float_truth;
  t->slots.format = float_format;
  t->slots.construct = float_construct;
  t->slots.getattr = float_getattr;
  static const MethodDef kMethods[] = {
      {"is_integer", m_is_integer},
      {"as_integer_ratio", m_as_integer_ratio},
      {"hex", m_hex},
      {"conjugate", m_conjugate},
      {"__trunc__", m_trunc},
      {"__int__", m_trunc},
  };
  add_methods(vm, t, kMethods);
}

}  // namespace pyjitvm::vm

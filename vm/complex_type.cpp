// vm/complex_type.cpp — Python complex: arithmetic (vm/floatops' CPython algorithms),
// repr/format (vm/numfmt) and the complex type.
//
// Stage: implements complex_binop() of vm/number_ops.h and init_complex_type().
//
// Invariants: number_ops.h I1–I2. Complex values are immutable heap objects.
#include <cmath>
#include <string>

#include "vm/builtin_types.h"
#include "vm/floatops.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

Value complex_binop(VM& vm, BinOp op, double ar, double ai, double br, double bi) {
  Complex a{ar, ai}, b{br, bi}, r;
  switch (op) {
    case BinOp::Add: r = complex_add(a, b); break;
    case BinOp::Sub: r = complex_sub(a, b); break;
    case BinOp::Mul: r = complex_mul(a, b); break;
    case BinOp::TrueDiv: {
      NumStatus st = complex_div(a, b, r);
      if (!st.ok()) return raise_status(vm, st);
      break;
    }
    case BinOp::Pow: {
      NumStatus st = complex_pow(a, b, r);
      if (!st.ok()) return raise_status(vm, st);
      break;
    }
    default: return vm.not_implemented();
  }
  return vm.new_complex(r.real, r.imag);
}

namespace {

Value complex_repr_slot(VM& vm, Value self) {
  return vm.str(complex_repr(as_complex(self)->re, as_complex(self)->im));
}

bool complex_hash(VM&, Value self, int64_t& out) {
  // CPython: hash(re) + 1000003 * hash(im), -1 → -2
  uint64_t hr = static_cast<uint64_t>(float_hash(as_complex(self)->re));
  uint64_t hi = static_cast<uint64_t>(float_hash(as_complex(self)->im));
  uint64_t h = hr + 1000003ULL * hi;
  out = static_cast<int64_t>(h);
  if (out == -1) out = -2;
  return true;
}

Value complex_richcompare(VM& vm, Value a, Value b, CmpOp op) {
  if (op != CmpOp::Eq && op != CmpOp::Ne) return vm.not_implemented();
  if (!is_number(b)) return vm.not_implemented();
  double br, bi = 0;
  if (is_kind(b, Kind::Complex)) {
    br = as_complex(b)->re;
    bi = as_complex(b)->im;
  } else {
    // compare exactly through the real-number comparison
    if (as_complex(a)->im != 0) return Value::from_bool(op == CmpOp::Ne);
    Value re = Value::from_float(as_complex(a)->re);
    return number_compare(vm, re, b, op);
  }
  bool eq = as_complex(a)->re == br && as_complex(a)->im == bi;
  return Value::from_bool(op == CmpOp::Eq ? eq : !eq);
}

Value complex_binop_slot(VM& vm, BinOp op, Value lhs, Value rhs, bool) {
  if (!is_number(lhs) || !is_number(rhs)) return vm.not_implemented();
  return number_binop(vm, op, lhs, rhs);
}

Value complex_unop(VM& vm, UnOp op, Value v) { return number_unop(vm, op, v); }

int complex_truth(VM&, Value v) { return as_complex(v)->re != 0 || as_complex(v)->im != 0; }

Value complex_format(VM& vm, Value self, Str* spec) {
  std::string out;
  NumStatus st = format_complex(as_complex(self)->re, as_complex(self)->im, spec->view(), out);
  if (!st.ok()) return raise_status(vm, st);
  return vm.str(out);
}

bool part(VM& vm, Value v, double& re, double& im) {
  if (is_kind(v, Kind::Complex)) {
    re = as_complex(v)->re;
    im = as_complex(v)->im;
    return true;
  }
  im = 0;
  if (is_number(v)) return to_double(vm, v, re);
  Value m = v.is_obj() ? lookup_in_mro(vm.type_of(v), vm.names().complex) : Value();
  if (!m.is_undef()) {
    Value r = vm.call(m, {v});
    if (failed(r)) return false;
    if (is_kind(r, Kind::Complex)) {
      re = as_complex(r)->re;
      im = as_complex(r)->im;
      return true;
    }
  }
  if (!to_double(vm, v, re)) {
    if (vm.pending_matches(vm.exc().TypeError)) {
      vm.clear_pending();
      vm.raise_fmt(vm.exc().TypeError,
                   "complex() first argument must be a string or a number, not '%s'",
                   type_name(vm, v));
    }
    return false;
  }
  return true;
}

Value complex_construct(VM& vm, Type*, const CallArgs& a) {
  static const ArgSpec kSpec{"complex", {"real=", "imag="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  double rr = 0, ri = 0, ir = 0, ii = 0;
  if (!p[0].is_undef()) {
    if (p[0].is_obj() && vm.type_of(p[0])->is_subtype_of(vm.types().str))
      return vm.raise(vm.exc().ValueError, "complex() from a string is not supported by pyjitvm");
    if (!part(vm, p[0], rr, ri)) return Value();
  }
  if (!p[1].is_undef() && !part(vm, p[1], ir, ii)) return Value();
  // complex(a, b) = a + b*1j; like CPython, the cross terms are only added when an
  // argument is itself complex, so complex(0.0, -0.0) keeps its negative zero.
  bool a_complex = !p[0].is_undef() && is_kind(p[0], Kind::Complex);
  bool b_complex = !p[1].is_undef() && is_kind(p[1], Kind::Complex);
  double re = b_complex ? rr - ii : rr;
  double im = p[1].is_undef() ? ri : (a_complex ? ri + ir : ir);
  return vm.new_complex(re, im);
}

Value complex_getattr(VM& vm, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real") return Value::from_float(as_complex(self)->re);
  if (n == "imag") return Value::from_float(as_complex(self)->im);
  return generic_getattr(vm, self, name);
}

Value m_conjugate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "complex.conjugate", 0, 0)) return Value();
  return vm.new_complex(as_complex(a[0])->re, -as_complex(a[0])->im);
}

}  // namespace

// abs(complex)
Value complex_abs_value(VM& vm, Value v) {
  double r;
  NumStatus st = complex_abs(Complex{as_complex(v)->re, as_complex(v)->im}, r);
  if (!st.ok()) return raise_status(vm, st);
  return Value::from_float(r);
}

void init_complex_type(VM& vm) {
  Type* t = vm.types().complex;
  t->slots.repr = complex_repr_slot;
  t->slots.hash = complex_hash;
  t->slots.richcompare = complex_richcompare;
  t->slots.binop = complex_binop_slot;
  t->slots.unop = complex_unop;
  t->slots.truth = complex_truth;
  t->slots.format = complex_format;
  t->slots.construct = complex_construct;
  t->slots.getattr = complex_getattr;
  static const MethodDef kMethods[] = {{"conjugate", m_conjugate}};
  add_methods(vm, t, kMethods);
}

}  // namespace pyjitvm::vm

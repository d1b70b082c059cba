// vm/number_ops.h — arithmetic on Python numbers (int, bool, float, complex).
//
// Stage: called by the interpreter's slow paths and by vm/ops.cpp for operands that
// are numbers; implemented in vm/int_type.cpp, vm/float_type.cpp and
// vm/complex_type.cpp on top of vm/bigint and vm/floatops.
//
// Invariants:
//   I1  "int-like" means Tag::Int, Tag::Bool or a BigInt object; results that fit in
//       int64 are always Tag::Int (value.h I1).
//   I2  These functions return NotImplemented (not an error) when an operand is not
//       a number they handle, so vm/ops.cpp can try the other operand's type.
#pragma once

#include <string>

#include "vm/vm.h"

namespace pyjitvm::vm {

class BigInt;
struct NumStatus;

bool is_int_like(const Value& v);
bool is_number(const Value& v);  // int-like, float or complex
// A number of a builtin type (not an instance of a user subclass, whose dunder
// methods must run): the generic operators take the numeric fast path only for these.
inline bool is_exact_number(const Value& v) {
  if (v.tag != Tag::Obj) return v.tag == Tag::Int || v.tag == Tag::Float || v.tag == Tag::Bool;
  Kind k = v.u.o->kind;
  return (k == Kind::BigInt || k == Kind::Complex) && !(v.u.o->type->type_flags & kTypeHeap);
}

Value int_binop(VM& vm, BinOp op, Value a, Value b);  // both int-like
Value float_binop(VM& vm, BinOp op, double a, double b);
Value complex_binop(VM& vm, BinOp op, double ar, double ai, double br, double bi);
// Any pair of numbers, with Python's promotion (int < float < complex).
Value number_binop(VM& vm, BinOp op, Value a, Value b);
Value number_compare(VM& vm, Value a, Value b, CmpOp op);  // both real numbers
Value number_unop(VM& vm, UnOp op, Value v);

// Conversions and text.
Value int_from_bigint(VM& vm, const BigInt& b);   // normalises to Tag::Int when it fits
bool int_to_bigint(const Value& v, BigInt& out);  // v int-like
bool int_to_double(VM& vm, const Value& v, double& out);  // OverflowError for huge ints
std::string int_to_string(const Value& v, int base = 10);
int64_t int_hash(const Value& v);
int64_t float_hash(double d);
Value int_pow_mod(VM& vm, Value base, Value exp, Value mod);
Value complex_abs_value(VM& vm, Value v);  // abs(complex)
// Raises the exception a failed vm/bigint or vm/floatops operation names.
Value raise_status(VM& vm, const NumStatus& st);

}  // namespace pyjitvm::vm

// vm/ops.h — the object API: Python's abstract operations on Values.
//
// Stage: used by the interpreter's slow paths, every builtin type, stdlib/ modules
// and the embedding API. Dispatches through the type slots of vm/object.h.
//
// Invariants:
//   I1  Status conventions: a Value result is Undef iff an exception is pending;
//       int results are -1 on error; bool results false on error (vm.h I3).
//       iter_next() alone may return Undef without an exception: "exhausted".
//   I2  These functions may run Python code (dunder methods). Objects the caller
//       still needs afterwards must be reachable from a root (gc.h).
//   I3  Error messages use CPython 3.11's wording (e.g. "unsupported operand type(s)
//       for +: 'int' and 'str'", "'int' object is not subscriptable").
#pragma once

#include <string>
#include <string_view>

#include "vm/vm.h"

namespace pyjitvm::vm {

// ---- names for messages
const char* type_name(VM& vm, const Value& v);  // "int", "list", "Point" ...
const char* binop_symbol(BinOp op);             // "+", "//", ...
const char* binop_dunder(BinOp op, bool reflected, bool inplace);  // "__add__", "__radd__"...
const char* cmpop_symbol(CmpOp op);

// ---- text
Value repr(VM& vm, Value v);     // a Str
Value to_str(VM& vm, Value v);   // str(v): a Str
Value ascii(VM& vm, Value v);    // ascii(v): repr with non-ASCII escaped
bool repr_append(VM& vm, Value v, std::string& out);
bool str_append(VM& vm, Value v, std::string& out);
Value format(VM& vm, Value v, Str* spec);  // format(v, spec)

// ---- truth, comparison, hashing
int truthy(VM& vm, Value v);
int equal(VM& vm, Value a, Value b);            // bool(a == b), identity shortcut
Value compare(VM& vm, Value a, Value b, CmpOp op);
int compare_bool(VM& vm, Value a, Value b, CmpOp op);
bool hash(VM& vm, Value v, int64_t& out);
bool hash_unhashable(VM& vm, Value v, int64_t& out);  // the hash slot of list, dict, set

// ---- numbers
Value binary_op(VM& vm, BinOp op, Value a, Value b);
Value inplace_op(VM& vm, BinOp op, Value a, Value b);
Value unary_op(VM& vm, UnOp op, Value v);
Value logical_not(VM& vm, Value v);
bool index_of(VM& vm, Value v, int64_t& out);   // operator.index() into int64
bool to_double(VM& vm, Value v, double& out);   // float(v) for numbers (and __float__)

// ---- attributes
Value lookup_in_mro(const Type* type, Str* name);  // raw class attribute or Undef
Value getattr(VM& vm, Value obj, Str* name);
Value getattr_or_undef(VM& vm, Value obj, Str* name);  // missing: Undef, no exception
bool setattr(VM& vm, Value obj, Str* name, Value v);
bool delattr(VM& vm, Value obj, Str* name);
// The default attribute protocol (descriptors, instance dict, class attributes).
Value generic_getattr(VM& vm, Value obj, Str* name);
bool generic_setattr(VM& vm, Value obj, Str* name, Value v);
Value attribute_error(VM& vm, Value obj, Str* name);

// ---- items and containers
Value getitem(VM& vm, Value obj, Value key);
bool setitem(VM& vm, Value obj, Value key, Value v);
bool delitem(VM& vm, Value obj, Value key);
bool length(VM& vm, Value v, int64_t& out);
int contains(VM& vm, Value container, Value item);

// ---- iteration
Value get_iter(VM& vm, Value v);
Value iter_next(VM& vm, Value it);  // I1
// Calls fn(Value item) -> bool for every item; stops early when fn returns false
// with an exception pending. Returns false on error.
template <class F>
bool for_each(VM& vm, Value iterable, F&& fn) {
  Value it = get_iter(vm, iterable);
  if (failed(it)) return false;
  VM::TempRoot root(vm, it);
  for (;;) {
    Value item = iter_next(vm, it);
    if (failed(item)) return !vm.has_pending();
    if (!fn(item)) return false;
  }
}

// ---- types
bool isinstance(VM& vm, Value v, Type* t);
int isinstance_check(VM& vm, Value v, Value classinfo);  // class or tuple of classes
bool is_callable(VM& vm, Value v);

// ---- calling helpers
Value call_function(VM& vm, Value callable, const Value* argv, uint32_t argc,
                    Tuple* kwnames = nullptr);

}  // namespace pyjitvm::vm

// vm/interp_internal.h — slow paths of the dispatch loop (vm/interp_slow.cpp).
//
// Stage: called by vm/interp.cpp when an instruction's fast path does not apply.
//
// Invariants:
//   I1  Every function here returns Undef / false / -1 with an exception pending on
//       failure and never touches the frame stack (frames are the loop's business),
//       except the generator helpers which say so.
#pragma once

#include "vm/bytecode.h"
#include "vm/vm.h"

namespace pyjitvm::vm {

Value arith_slow(VM& vm, Op op, Value a, Value b, bool inplace);
Value compare_slow(VM& vm, Op op, Value a, Value b);  // op: LT..GE, IN, NOTIN
int compare_branch_slow(VM& vm, Op op, Value a, Value b);  // JN*: truth of the comparison
Value unary_slow(VM& vm, Op op, Value v);

Value load_global_slow(VM& vm, Dict* globals, InlineCache& c);
Value load_name(VM& vm, const Frame& f, Str* name);
Value load_attr_slow(VM& vm, Value obj, InlineCache& c);
bool store_attr_slow(VM& vm, Value obj, InlineCache& c, Value v);
// R[a], R[a+1] := method, self (self Undef when a plain attribute was found)
bool load_method_slow(VM& vm, Value obj, InlineCache& c, Value* out);
Value load_special(VM& vm, Value obj, Str* name);
Value with_exit(VM& vm, Value exit_fn, Value exc);  // exc Undef: normal exit

Value getitem_slow(VM& vm, Value obj, Value key);
bool setitem_slow(VM& vm, Value obj, Value key, Value v);

Value build_set(VM& vm, const Value* items, uint32_t n);
Value build_dict(VM& vm, const Value* items, uint32_t npairs);
Value build_string(VM& vm, const Value* items, uint32_t n);
Value format_value(VM& vm, Value v, int conversion, Value spec);
// callee: the function of a f(*args)/f(**kw) call (for error messages), else Undef.
bool list_extend(VM& vm, Value list, Value iterable, Value callee);
bool dict_update(VM& vm, Value dict, Value other, Value callee);
// "__main__.f()" / "len()": how CPython names a callable in call errors.
std::string function_str(VM& vm, Value callee);
bool unpack(VM& vm, Value seq, Value* out, uint32_t n);
bool unpack_ex(VM& vm, Value seq, Value* out, uint32_t before, uint32_t after);
Value make_function(VM& vm, const Frame& f, Proto* proto, Value defaults, Value kwdefaults,
                    Value closure);
Value import_name(VM& vm, const Frame& f, Str* name, Value fromlist, int level);
Value import_from(VM& vm, Value module, Str* name);
bool import_star(VM& vm, Frame& f, Value module);

// RAISE: returns the exception to raise (pending is set by the caller's unwinder).
Value prepare_raise(VM& vm, Value exc, Value cause, int mode);
int exception_matches(VM& vm, Value exc, Value classinfo);

// Generic iteration helpers for FORPREP/FORLOOP's non-range path.
// Returns 1 with *out set, 0 when exhausted, -1 on error.
int next_item(VM& vm, Value it, Value* out);
// FORPREP: R[A] callee, args... → counted form or iterator form.
int for_prep_slow(VM& vm, Value* regs, uint32_t nargs, Value* out_first);

// Generators (vm/generator.cpp).
Value generator_resume(VM& vm, Generator* g, Value sent, Value throw_exc);
// One step of `yield from it`, sending `sent` (None first): 1 item, 0 done (*out =
// the sub-iterator's return value), -1 error.
int yield_from_step(VM& vm, Value it, Value sent, Value* out);

// A builtin function whose `data` is this marker is treated by FORPREP like range()
// (numba.prange registers itself this way).
constexpr int64_t kRangeMarker = 0x52414e4745;

// Stackless class instantiation helpers (vm/class_object.cpp).
Value new_instance_for_call(VM& vm, Type* cls, const Value* args, uint32_t argc,
                            Tuple* kwnames, Value* init);
Value call_init_generic(VM& vm, Type* cls, Value inst, Value init, const Value* args,
                        uint32_t argc, Tuple* kwnames);

// UnboundLocalError / NameError for a register or name.
Value unbound_local(VM& vm, Str* name);
Value unbound_free(VM& vm, Str* name);
Value name_error(VM& vm, Str* name);

}  // namespace pyjitvm::vm

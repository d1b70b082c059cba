// stdlib/sys_module.cpp — the sys module: argv, exit, stdout/stderr/stdin, path,
// modules, version information, recursion limit, maxsize, int string limits.
//
// Stage: init_sys_module() builds the module on first import; install_stdlib() imports
// it eagerly so that print() can honour a reassigned sys.stdout.
//
// Invariants:
//   I1  sys.exit(x) raises SystemExit(x); the process exits only when it is uncaught
//       (tools/ reports it with the right status).
//   I2  sys.version / version_info describe the language level emulated (3.11.2).
#include <cfloat>
#include <climits>
#include <string>

#include "stdlib/stdlib.h"
#include "stdlib/struct_seq.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

Value make_std_stream(VM& vm, int fd);  // io_module.cpp

namespace {

Value s_exit(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "exit", 0, 1)) return Value();
  if (a.argc == 0) {
    vm.set_pending(vm.new_exception_args(vm.exc().SystemExit, vm.empty_tuple()));
    return Value();
  }
  return vm.raise_with_args(vm.exc().SystemExit, a[0]);
}

Value s_getrecursionlimit(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "getrecursionlimit", 0, 0)) return Value();
  return Value::from_int(vm.recursion_limit());
}

Value s_setrecursionlimit(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "setrecursionlimit", 1, 1)) return Value();
  int64_t n;
  if (!index_of(vm, a[0], n)) return Value();
  if (n < 1) return vm.raise(vm.exc().ValueError, "recursion limit must be greater or equal than 1");
  vm.set_recursion_limit(static_cast<int>(n > 1000000 ? 1000000 : n));
  return Value::none();
}

Value s_exc_info(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "exc_info", 0, 0)) return Value();
  auto& h = vm.handled_exceptions();
  if (h.empty()) return Value::from_obj(vm.tuple_of({Value::none(), Value::none(), Value::none()}));
  Value e = h.back();
  return Value::from_obj(vm.tuple_of({Value::from_obj(vm.type_of(e)), e, as_exception(e)->traceback}));
}

Value s_getsizeof(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "getsizeof", 1, 2)) return Value();
  return Value::from_int(a[0].is_obj() ? 48 : 24);
}

Value s_intern(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "intern", 1, 1)) return Value();
  if (!is_kind(a[0], Kind::Str)) return vm.raise(vm.exc().TypeError, "intern() argument must be str");
  return Value::from_obj(vm.intern(as_str(a[0])->view()));
}

}  // namespace

Value sys_stdout(VM& vm) {
  Value sys = dict_get_str(vm.modules(), vm.intern("sys"));
  if (sys.is_undef()) return Value();
  return dict_get_str(as_module(sys)->dict, vm.intern("stdout"));
}

Module* init_sys_module(VM& vm) {
  Module* m = vm.new_module("sys");
  VM::TempRoot root(vm, m);
  Dict* d = m->dict;
  static const MethodDef kFuncs[] = {
      {"exit", s_exit},
      {"getrecursionlimit", s_getrecursionlimit},
      {"setrecursionlimit", s_setrecursionlimit},
      {"exc_info", s_exc_info},
      {"getsizeof", s_getsizeof},
      {"intern", s_intern},
  };
  add_functions(vm, d, kFuncs);
  List* argv = vm.new_list(0);
  for (const std::string& s : vm.argv()) list_append(vm.heap(), argv, vm.str(s));
  set_attr_str(vm, d, "argv", Value::from_obj(argv));
  List* path = vm.new_list(0);
  for (const std::string& s : vm.module_path()) list_append(vm.heap(), path, vm.str(s));
  set_attr_str(vm, d, "path", Value::from_obj(path));
  set_attr_str(vm, d, "modules", Value::from_obj(vm.modules()));
  Value out = make_std_stream(vm, 1);
  set_attr_str(vm, d, "stdout", out);
  set_attr_str(vm, d, "__stdout__", out);
  Value err = make_std_stream(vm, 2);
  set_attr_str(vm, d, "stderr", err);
  set_attr_str(vm, d, "__stderr__", err);
  Value in = make_std_stream(vm, 0);
  set_attr_str(vm, d, "stdin", in);
  set_attr_str(vm, d, "__stdin__", in);
  set_attr_str(vm, d, "version", vm.str("3.11.2 (pyjitvm) [GCC]"));
  Type* vi_type = make_struct_seq_type(vm, "sys", "version_info",
                                       {"major", "minor", "micro", "releaselevel", "serial"});
  set_attr_str(vm, d, "version_info",
               make_struct_seq(vm, vi_type, {Value::from_int(3), Value::from_int(11),
                                             Value::from_int(2), vm.str("final"), Value::from_int(0)}));
  Type* fi_type = make_struct_seq_type(vm, "sys", "float_info",
                                       {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                        "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                        "rounds"});
  set_attr_str(vm, d, "float_info",
               make_struct_seq(vm, fi_type,
                               {Value::from_float(DBL_MAX), Value::from_int(DBL_MAX_EXP),
                                Value::from_int(DBL_MAX_10_EXP), Value::from_float(DBL_MIN),
                                Value::from_int(DBL_MIN_EXP), Value::from_int(DBL_MIN_10_EXP),
                                Value::from_int(DBL_DIG), Value::from_int(DBL_MANT_DIG),
                                Value::from_float(DBL_EPSILON), Value::from_int(FLT_RADIX),
                                Value::from_int(1)}));
  Type* ii_type = make_struct_seq_type(vm, "sys", "int_info",
                                       {"bits_per_digit", "sizeof_digit",
                                        "default_max_str_digits", "str_digits_check_threshold"});
  set_attr_str(vm, d, "int_info",
               make_struct_seq(vm, ii_type, {Value::from_int(30), Value::from_int(4),
                                             Value::from_int(4300), Value::from_int(640)}));
  set_attr_str(vm, d, "maxsize", Value::from_int(INT64_MAX));
  set_attr_str(vm, d, "byteorder", vm.str("little"));
  set_attr_str(vm, d, "platform", vm.str("linux"));
  set_attr_str(vm, d, "executable", vm.str("pyjitvm"));
  set_attr_str(vm, d, "implementation_name", vm.str("pyjitvm"));
  set_attr_str(vm, d, "dont_write_bytecode", Value::from_bool(true));
  return m;
}

}  // namespace pyjitvm::stdlib

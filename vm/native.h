// vm/native.h — defining native (C++) functions, methods and modules, and parsing
// their arguments the way CPython's builtins do.
//
// Stage: used by builtin types (vm/) and stdlib modules to expose C++ callables.
//
// A native function has the signature `Value fn(VM&, const CallArgs&)`. Methods
// receive `self` as args[0]. Argument binding is described by an ArgSpec:
//
//   static const ArgSpec kSpec{"sorted", {"iterable", "/", "*", "key=", "reverse="}};
//   Value a[3];
//   if (!parse_args(vm, args, kSpec, a)) return Value();
//
// Parameter words: "name" required, "name=" optional (slot left Undef when not
// given), "/" ends positional-only parameters, "*" starts keyword-only parameters,
// "*args" collects extra positionals into a tuple, "**kwargs" extra keywords into a
// dict.
//
// Invariants:
//   I1  parse_args() raises TypeError with CPython's wording for missing, surplus,
//       duplicate and unexpected arguments, and writes exactly spec.size() slots
//       (markers excluded).
//   I2  Methods registered with add_methods() are NativeFunction objects in the type's
//       dict; they bind to instances through the native descriptor (vm/func_type.cpp).
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "vm/vm.h"

namespace pyjitvm::vm {

// Built once (declare it `static const`): the parameter words are parsed in the
// constructor, so parse_args() does no string work per call.
class ArgSpec {
 public:
  struct Param {
    std::string_view name;
    bool optional = false;
    bool kwonly = false;
    bool posonly = false;
    bool star = false;      // *args
    bool starstar = false;  // **kwargs
  };
  ArgSpec(const char* fname, std::initializer_list<const char*> words);

  const char* fname;
  std::vector<Param> params;
  size_t npos = 0;          // positional-or-keyword + positional-only parameters
  size_t nrequired_pos = 0;
  int star_index = -1;
  int starstar_index = -1;
};

[[nodiscard]] bool parse_args(VM& vm, const CallArgs& args, const ArgSpec& spec,
                              Value* out);

// Quick checks for functions that take only positional arguments.
[[nodiscard]] bool check_no_kwargs(VM& vm, const CallArgs& args, const char* fname);
[[nodiscard]] bool check_nargs(VM& vm, const CallArgs& args, const char* fname,
                               uint32_t min, uint32_t max);
// For methods (args[0] is self): min/max count the arguments after self; qualname
// is "list.append" (CPython's messages use it or its last part).
[[nodiscard]] bool check_method_nargs(VM& vm, const CallArgs& args, const char* qualname,
                                      uint32_t min, uint32_t max);

struct MethodDef {
  const char* name;
  NativeFn fn;
  enum Kind : uint8_t { kMethod, kStatic, kClass } kind = kMethod;
};

void add_methods(VM& vm, Type* type, std::span<const MethodDef> defs);

// A data attribute computed by native code: installed as a `property` whose fget (and
// optional fset) are native functions called with (self) and (self, value).
struct GetSetDef {
  const char* name;
  NativeFn get;
  NativeFn set = nullptr;  // nullptr: read-only (assignment raises AttributeError)
};
void add_getsets(VM& vm, Type* type, std::span<const GetSetDef> defs);
void add_functions(VM& vm, Dict* namespace_dict, std::span<const MethodDef> defs);
void set_attr_str(VM& vm, Dict* d, std::string_view name, Value v);

// Typed argument helpers (raise TypeError with CPython's wording on mismatch).
[[nodiscard]] bool arg_int(VM& vm, Value v, const char* fname, int64_t& out);
[[nodiscard]] bool arg_float(VM& vm, Value v, const char* fname, double& out);
[[nodiscard]] bool arg_str(VM& vm, Value v, const char* fname, Str*& out);

}  // namespace pyjitvm::vm

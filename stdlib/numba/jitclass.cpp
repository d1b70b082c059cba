// stdlib/numba/jitclass.cpp — numba.experimental.jitclass: classes whose fields have
// declared Numba types and whose methods run with njit semantics.
//
// Stage: install_jitclass() defines numba._variant / numba._class_type (native) and runs
// kJitclassSource into numba.experimental. @jitclass(spec) rewrites the class in place:
// methods, properties and static methods are replaced by their njit variants
// (numba_internal.h numba_variant), and a __setattr__ converts every field
// assignment to the field's type with numba._cast (typed.cpp I1).
//
// Invariants:
//   I1  Assigning a field not in the spec raises AttributeError; assigning a value
//       that does not convert raises TypingError (typed.cpp I1); stored values are what
//       njit code would hold (an int assigned to a float64 field reads back as float).
//   I2  Instances type as the class's own Numba type (class_type), so they can be
//       passed to @njit functions, and type(obj).__name__ is the class's name.
//   I3  The spec is a list of (name, type) pairs or a dict; class-body annotations are
//       not recorded by pyjitvm's compiler, so a spec-less class must declare fields by
//       spec (a clear TypeError says so when a field is assigned without one).
#include "stdlib/numba/numba_internal.h"
#include "vm/dict_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;

namespace {

Value f_variant(VM& vm, const CallArgs& a) {
  if (a.argc != 1) return vm.raise(vm.exc().TypeError, "_variant(function)");
  Function* f = numba_variant(vm, a[0], JitOptions{});
  return f ? Value::from_obj(f) : Value();
}

Value f_class_type(VM& vm, const CallArgs& a) {
  if (a.argc != 1 || !is_kind(a[0], Kind::Type)) return vm.raise(vm.exc().TypeError, "_class_type(cls)");
  Type* t = as_type(a[0]);
  return Value::from_obj(class_type(vm, t, t->name));
}

constexpr const char* kJitclassSource = R"PY(
def _field_items(spec):
    if spec is None:
        return []
    if isinstance(spec, dict):
        return list(spec.items())
    return [tuple(p) for p in spec]


def _build(cls, spec):
    fields = {}
    for name, typ in _field_items(spec):
        fields[name] = typ
    for name, value in list(cls.__dict__.items()):
        if name in ("__module__", "__qualname__", "__doc__", "__dict__"):
            continue
        if isinstance(value, staticmethod):
            setattr(cls, name, staticmethod(_nb._variant(value.__func__)))
        elif isinstance(value, property):
            fget = _nb._variant(value.fget) if value.fget is not None else None
            fset = _nb._variant(value.fset) if value.fset is not None else None
            setattr(cls, name, property(fget, fset))
        elif type(value).__name__ == "function":
            setattr(cls, name, _nb._variant(value))

    def __setattr__(self, name, value):
        typ = fields.get(name)
        if typ is None:
            if not fields:
                raise TypeError(f"jitclass {type(self).__name__} has no spec: declare its "
                                f"fields with @jitclass([('{name}', <type>), ...])")
            raise AttributeError(f"jitclass {type(self).__name__} has no field '{name}'")
        object.__setattr__(self, name, _nb._cast(value, typ))

    cls.__setattr__ = __setattr__
    cls._numba_type_ = _nb._class_type(cls)
    cls.class_type = cls._numba_type_
    cls._numba_fields_ = fields
    return cls


def jitclass(cls_or_spec=None, spec=None):
    if isinstance(cls_or_spec, type):
        return _build(cls_or_spec, spec)
    if spec is None:
        spec = cls_or_spec

    def wrap(cls):
        return _build(cls, spec)
    return wrap
)PY";

}  // namespace

bool install_jitclass(VM& vm, NumbaState& st) {
  static const MethodDef kFns[] = {{"_variant", f_variant}, {"_class_type", f_class_type}};
  add_functions(vm, st.module->dict, kFns);
  Module* exp = new_submodule(vm, st, "experimental");
  set_module_attr(vm, exp, "_nb", Value::from_obj(st.module));
  if (!vm.exec_module(kJitclassSource, "<numba.experimental>", exp)) return false;
  set_module_attr(vm, st.module, "jitclass", dict_get_str(exp->dict, vm.intern("jitclass")));
  return true;
}

}  // namespace pyjitvm::stdlib::nb

// vm/exceptions.cpp — the builtin exception hierarchy and BaseException's behaviour.
//
// Stage: VM::init_exceptions() creates every exception type (CPython's names and
// parents); the slots here give exceptions their args/str/repr and the special
// attributes (__cause__, __context__, __traceback__, value, code, ...).
//
// Invariants:
//   I1  Every exception instance is an ExceptionObj whose `args` is a tuple.
//   I2  Constructing an exception stores all positional arguments in `args` before
//       any user __init__ runs (CPython's BaseException.__new__), so subclasses that
//       do not call super().__init__ still have args.
#include <string>

#include "vm/builtin_types.h"
#include "vm/errors.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

ExceptionObj* exc_of(Value v) { return as_exception(v); }

Value exc_construct(VM& vm, Type* cls, const CallArgs& a) {
  Tuple* args = vm.new_tuple(a.argc);
  for (uint32_t i = 0; i < a.argc; ++i) (*args)[i] = a[i];
  Value e = vm.new_exception_args(cls, args);
  e.as_obj()->type = cls;
  return e;
}

Value exc_init(VM& vm, const CallArgs& a) {
  if (a.argc < 1) return vm.raise(vm.exc().TypeError, "descriptor '__init__' needs an argument");
  Tuple* args = vm.new_tuple(a.argc - 1);
  for (uint32_t i = 1; i < a.argc; ++i) (*args)[i - 1] = a[i];
  exc_of(a[0])->args = Value::from_obj(args);
  return Value::none();
}

Value exc_str(VM& vm, Value self) {
  Tuple* args = as_tuple(exc_of(self)->args);
  if (args->len == 0) return Value::from_obj(vm.intern(""));
  if (args->len == 1) {
    if (vm.type_of(self)->is_subtype_of(vm.exc().KeyError)) return repr(vm, (*args)[0]);
    return to_str(vm, (*args)[0]);
  }
  return repr(vm, exc_of(self)->args);
}

Value exc_repr(VM& vm, Value self) {
  std::string out = vm.type_of(self)->name->data();
  Tuple* args = as_tuple(exc_of(self)->args);
  if (args->len == 1) {
    out += "(";
    if (!repr_append(vm, (*args)[0], out)) return Value();
    out += ")";
  } else if (args->len == 0) {
    out += "()";
  } else {
    if (!repr_append(vm, exc_of(self)->args, out)) return Value();
  }
  return vm.str(out);
}

Value exc_getattr(VM& vm, Value self, Str* name) {
  ExceptionObj* e = exc_of(self);
  std::string_view n = name->view();
  if (n == "args") return e->args;
  if (n == "__cause__") return e->cause;
  if (n == "__context__") return e->context;
  if (n == "__traceback__") return e->traceback;
  if (n == "__suppress_context__") return Value::from_bool(e->suppress_context);
  Type* t = vm.type_of(self);
  Tuple* args = as_tuple(e->args);
  Value v = generic_getattr(vm, self, name);
  if (!failed(v) || !vm.pending_matches(vm.exc().AttributeError)) return v;
  if (n == "value" && t->is_subtype_of(vm.exc().StopIteration)) {
    vm.clear_pending();
    return args->len ? (*args)[0] : Value::none();
  }
  if (n == "code" && t->is_subtype_of(vm.exc().SystemExit)) {
    vm.clear_pending();
    if (args->len == 0) return Value::none();
    return args->len == 1 ? (*args)[0] : e->args;
  }
  if ((n == "errno" || n == "strerror" || n == "filename") && t->is_subtype_of(vm.exc().OSError)) {
    vm.clear_pending();
    if (args->len >= 2) {
      if (n == "errno") return (*args)[0];
      if (n == "strerror") return (*args)[1];
      if (args->len >= 3) return (*args)[2];
    }
    return Value::none();
  }
  if ((n == "name" || n == "msg") && t->is_subtype_of(vm.exc().ImportError)) {
    vm.clear_pending();
    if (n == "msg" && args->len) return (*args)[0];
    return Value::none();
  }
  return v;
}

bool exc_setattr(VM& vm, Value self, Str* name, Value v) {
  ExceptionObj* e = exc_of(self);
  std::string_view n = name->view();
  if (n == "args") {
    if (!is_kind(v, Kind::Tuple)) {
      Value t = vm.call(Value::from_obj(vm.types().tuple), {v});
      if (failed(t)) return false;
      v = t;
    }
    e->args = v;
    return true;
  }
  if (n == "__cause__") {
    e->cause = v.is_undef() ? Value::none() : v;
    e->suppress_context = true;
    return true;
  }
  if (n == "__context__") {
    e->context = v.is_undef() ? Value::none() : v;
    return true;
  }
  if (n == "__traceback__") {
    e->traceback = v.is_undef() ? Value::none() : v;
    return true;
  }
  if (n == "__suppress_context__") {
    e->suppress_context = !v.is_undef() && truthy(vm, v) > 0;
    return true;
  }
  return generic_setattr(vm, self, name, v);
}

Value exc_with_traceback(VM& vm, const CallArgs& a) {
  if (a.argc != 2) return vm.raise(vm.exc().TypeError, "with_traceback() takes exactly one argument");
  exc_of(a[0])->traceback = a[1];
  return a[0];
}

// ---- OSError: errno → subclass mapping, (errno, strerror[, filename]) arguments
Type* oserror_subclass(VM& vm, int64_t err) {
  const ExcTypes& E = vm.exc();
  switch (err) {
    case 2: return E.FileNotFoundError;   // ENOENT
    case 17: return E.FileExistsError;    // EEXIST
    case 1:                               // EPERM
    case 13: return E.PermissionError;    // EACCES
    case 21: return E.IsADirectoryError;  // EISDIR
    case 20: return E.NotADirectoryError; // ENOTDIR
    case 110: return E.TimeoutError;      // ETIMEDOUT
    default: return nullptr;
  }
}

Value oserror_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (cls == vm.exc().OSError && a.argc >= 2 && a[0].is_int()) {
    if (Type* sub = oserror_subclass(vm, a[0].as_int())) cls = sub;
  }
  uint32_t n = a.argc;
  bool split = n >= 2 && n <= 5;
  Tuple* args = vm.new_tuple(split && n >= 3 ? 2 : n);
  for (uint32_t i = 0; i < args->len; ++i) (*args)[i] = a[i];
  Value e = vm.new_exception_args(cls, args);
  VM::TempRoot root(vm, e);
  ExceptionObj* x = exc_of(e);
  x->dict = vm.new_dict();
  dict_set_str(vm.heap(), x->dict, vm.intern("errno"), split ? a[0] : Value::none());
  dict_set_str(vm.heap(), x->dict, vm.intern("strerror"), split ? a[1] : Value::none());
  dict_set_str(vm.heap(), x->dict, vm.intern("filename"), split && n >= 3 ? a[2] : Value::none());
  return e;
}

Value oserror_str(VM& vm, Value self) {
  ExceptionObj* x = exc_of(self);
  Value err = x->dict ? dict_get_str(x->dict, vm.intern("errno")) : Value();
  Value msg = x->dict ? dict_get_str(x->dict, vm.intern("strerror")) : Value();
  Value file = x->dict ? dict_get_str(x->dict, vm.intern("filename")) : Value();
  if (!err.is_undef() && !err.is_none() && !msg.is_undef() && !msg.is_none()) {
    std::string out = "[Errno ";
    if (!str_append(vm, err, out)) return Value();
    out += "] ";
    if (!str_append(vm, msg, out)) return Value();
    if (!file.is_undef() && !file.is_none()) {
      out += ": ";
      if (!repr_append(vm, file, out)) return Value();
    }
    return vm.str(out);
  }
  return exc_str(vm, self);
}

// ---- SyntaxError: args = (msg, (filename, lineno, offset, text, end_lineno, end_offset))
Tuple* syntax_details(Value self) {
  Tuple* args = as_tuple(exc_of(self)->args);
  if (args->len == 2 && is_kind((*args)[1], Kind::Tuple) && as_tuple((*args)[1])->len >= 4)
    return as_tuple((*args)[1]);
  return nullptr;
}

Value syntax_str(VM& vm, Value self) {
  Tuple* args = as_tuple(exc_of(self)->args);
  Tuple* d = syntax_details(self);
  if (!d || args->len == 0) return exc_str(vm, self);
  std::string out;
  if (!str_append(vm, (*args)[0], out)) return Value();
  std::string file;
  if (is_kind((*d)[0], Kind::Str)) {
    std::string_view f = as_str((*d)[0])->view();
    size_t slash = f.rfind('/');
    file = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
  }
  bool have_line = (*d)[1].is_int();
  if (!file.empty() && have_line)
    out += " (" + file + ", line " + std::to_string((*d)[1].as_int()) + ")";
  else if (!file.empty())
    out += " (" + file + ")";
  else if (have_line)
    out += " (line " + std::to_string((*d)[1].as_int()) + ")";
  return vm.str(out);
}

Value syntax_getattr(VM& vm, Value self, Str* name) {
  static const char* const kFields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
  std::string_view n = name->view();
  Tuple* args = as_tuple(exc_of(self)->args);
  if (n == "msg") return args->len ? (*args)[0] : Value::none();
  for (size_t i = 0; i < 6; ++i)
    if (n == kFields[i]) {
      Value v = generic_getattr(vm, self, name);
      if (!failed(v)) return v;
      vm.clear_pending();
      Tuple* d = syntax_details(self);
      return d && i < d->len ? (*d)[i] : Value::none();
    }
  return exc_getattr(vm, self, name);
}

struct Spec {
  Type* ExcTypes::*field;
  const char* name;
  Type* ExcTypes::*parent;
};

}  // namespace

void VM::init_exceptions() {
  ExcTypes& E = exc_;
  Type* base = make_builtin_type(*this, "BaseException", types_.object, Kind::Exception,
                                 kTypeBaseType | kTypeException | kTypeHasDict);
  E.BaseException = base;
  base->slots.construct = exc_construct;
  base->slots.str = exc_str;
  base->slots.repr = exc_repr;
  base->slots.getattr = exc_getattr;
  base->slots.setattr = exc_setattr;
  static const MethodDef kMethods[] = {
      {"__init__", exc_init},
      {"with_traceback", exc_with_traceback},
  };
  add_methods(*this, base, kMethods);

  using X = ExcTypes;
  static const Spec kSpecs[] = {
      {&X::SystemExit, "SystemExit", &X::BaseException},
      {&X::KeyboardInterrupt, "KeyboardInterrupt", &X::BaseException},
      {&X::GeneratorExit, "GeneratorExit", &X::BaseException},
      {&X::Exception, "Exception", &X::BaseException},
      {&X::StopIteration, "StopIteration", &X::Exception},
      {&X::StopAsyncIteration, "StopAsyncIteration", &X::Exception},
      {&X::ArithmeticError, "ArithmeticError", &X::Exception},
      {&X::FloatingPointError, "FloatingPointError", &X::ArithmeticError},
      {&X::OverflowError, "OverflowError", &X::ArithmeticError},
      {&X::ZeroDivisionError, "ZeroDivisionError", &X::ArithmeticError},
      {&X::AssertionError, "AssertionError", &X::Exception},
      {&X::AttributeError, "AttributeError", &X::Exception},
      {&X::BufferError, "BufferError", &X::Exception},
      {&X::EOFError, "EOFError", &X::Exception},
      {&X::ImportError, "ImportError", &X::Exception},
      {&X::ModuleNotFoundError, "ModuleNotFoundError", &X::ImportError},
      {&X::LookupError, "LookupError", &X::Exception},
      {&X::IndexError, "IndexError", &X::LookupError},
      {&X::KeyError, "KeyError", &X::LookupError},
      {&X::MemoryError, "MemoryError", &X::Exception},
      {&X::NameError, "NameError", &X::Exception},
      {&X::UnboundLocalError, "UnboundLocalError", &X::NameError},
      {&X::OSError, "OSError", &X::Exception},
      {&X::FileExistsError, "FileExistsError", &X::OSError},
      {&X::FileNotFoundError, "FileNotFoundError", &X::OSError},
      {&X::IsADirectoryError, "IsADirectoryError", &X::OSError},
      {&X::NotADirectoryError, "NotADirectoryError", &X::OSError},
      {&X::PermissionError, "PermissionError", &X::OSError},
      {&X::TimeoutError, "TimeoutError", &X::OSError},
      {&X::ReferenceError, "ReferenceError", &X::Exception},
      {&X::RuntimeError, "RuntimeError", &X::Exception},
      {&X::NotImplementedError, "NotImplementedError", &X::RuntimeError},
      {&X::RecursionError, "RecursionError", &X::RuntimeError},
      {&X::SyntaxError, "SyntaxError", &X::Exception},
      {&X::IndentationError, "IndentationError", &X::SyntaxError},
      {&X::TabError, "TabError", &X::IndentationError},
      {&X::SystemError, "SystemError", &X::Exception},
      {&X::TypeError, "TypeError", &X::Exception},
      {&X::ValueError, "ValueError", &X::Exception},
      {&X::UnicodeError, "UnicodeError", &X::ValueError},
      {&X::UnicodeDecodeError, "UnicodeDecodeError", &X::UnicodeError},
      {&X::UnicodeEncodeError, "UnicodeEncodeError", &X::UnicodeError},
      {&X::Warning, "Warning", &X::Exception},
      {&X::UserWarning, "UserWarning", &X::Warning},
      {&X::DeprecationWarning, "DeprecationWarning", &X::Warning},
      {&X::RuntimeWarning, "RuntimeWarning", &X::Warning},
  };
  for (const Spec& s : kSpecs) {
    E.*(s.field) = make_builtin_type(*this, s.name, E.*(s.parent), Kind::Exception,
                                     kTypeBaseType | kTypeException | kTypeHasDict);
    if (s.field == &X::OSError) {
      E.OSError->slots.construct = oserror_construct;
      E.OSError->slots.str = oserror_str;
    }
    if (s.field == &X::SyntaxError) {
      E.SyntaxError->slots.str = syntax_str;
      E.SyntaxError->slots.getattr = syntax_getattr;
    }
  }
}

}  // namespace pyjitvm::vm

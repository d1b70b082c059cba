// vm/call.cpp — argument binding, frame entry and the generic call dispatcher.
//
// Stage: CALL* opcodes and VM::call() → call_function() → call_python() /
// call_native() / a type's construct slot / a `call` slot.
//
// Invariants: call.h I1–I2.
#include "vm/call.h"

#include <string>
#include <vector>

#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

const char* fname(Function* f) { return f->qualname ? f->qualname->data() : f->name->data(); }

std::string quoted_list(const std::vector<Str*>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'";
    out += names[i]->view();
    out += "'";
  }
  return out;
}

bool missing_error(VM& vm, Function* f, const std::vector<Str*>& names, const char* what) {
  vm.raise_fmt(vm.exc().TypeError, "%s() missing %zu required %s argument%s: %s", fname(f),
               names.size(), what, names.size() == 1 ? "" : "s", quoted_list(names).c_str());
  return false;
}

bool too_many_positional(VM& vm, Function* f, uint32_t given, uint32_t kw_given) {
  Proto* p = f->proto;
  uint32_t n = p->argcount;
  uint32_t ndef = f->defaults ? static_cast<uint32_t>(f->defaults->len) : 0;
  std::string takes;
  if (ndef)
    takes = "from " + std::to_string(n - ndef) + " to " + std::to_string(n) + " positional arguments";
  else
    takes = std::to_string(n) + " positional argument" + (n == 1 ? "" : "s");
  std::string gave = std::to_string(given);
  if (kw_given)
    gave += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " +
            std::to_string(kw_given) + " keyword-only argument" + (kw_given == 1 ? "" : "s") +
            ") were given";
  else
    gave += given == 1 ? " was given" : " were given";
  vm.raise_fmt(vm.exc().TypeError, "%s() takes %s but %s", fname(f), takes.c_str(), gave.c_str());
  return false;
}

}  // namespace

bool check_stack(VM& vm, Value* base, uint32_t nregs) {
  if (vm.frames().size() >= static_cast<size_t>(vm.recursion_limit()) ||
      base + nregs + 8 > vm.stack_limit()) {
    vm.raise(vm.exc().RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

bool bind_arguments(VM& vm, Function* f, Value* base, uint32_t argc, Tuple* kwnames) {
  Proto* p = f->proto;
  uint32_t nregs = p->nregs;
  uint32_t n = p->argcount;
  bool varargs = p->proto_flags & kProtoVarargs;
  bool varkw = p->proto_flags & kProtoVarkw;
  uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
  // Fast path: exact positional call.
  if (nkw == 0 && argc == n && !varargs && !varkw && p->kwonly == 0) {
    for (uint32_t i = argc; i < nregs; ++i) base[i] = Value();
    return true;
  }
  std::vector<Value> in(base, base + argc + nkw);
  for (uint32_t i = 0; i < nregs; ++i) base[i] = Value();
  uint32_t kwonly_end = n + p->kwonly;
  uint32_t varargs_reg = kwonly_end;
  uint32_t varkw_reg = kwonly_end + (varargs ? 1 : 0);
  uint32_t m = argc < n ? argc : n;
  for (uint32_t i = 0; i < m; ++i) base[i] = in[i];
  if (argc > n) {
    if (!varargs) {
      uint32_t kw_only_given = 0;
      for (uint32_t k = 0; k < nkw; ++k)
        for (uint32_t j = n; j < kwonly_end; ++j)
          if (str_equal(as_str((*kwnames)[k]), p->varnames[j])) kw_only_given++;
      return too_many_positional(vm, f, argc, kw_only_given);
    }
    Tuple* extra = vm.new_tuple(argc - n);
    for (uint32_t i = n; i < argc; ++i) (*extra)[i - n] = in[i];
    base[varargs_reg] = Value::from_obj(extra);
  } else if (varargs) {
    base[varargs_reg] = Value::from_obj(vm.empty_tuple());
  }
  Dict* kwdict = nullptr;
  if (varkw) {
    kwdict = vm.new_dict();
    base[varkw_reg] = Value::from_obj(kwdict);
  }
  for (uint32_t k = 0; k < nkw; ++k) {
    Str* name = as_str((*kwnames)[k]);
    Value v = in[argc + k];
    uint32_t j = p->posonly;
    for (; j < kwonly_end; ++j)
      if (str_equal(p->varnames[j], name)) break;
    if (j < kwonly_end) {
      if (!base[j].is_undef()) {
        vm.raise_fmt(vm.exc().TypeError, "%s() got multiple values for argument '%s'", fname(f),
                     name->data());
        return false;
      }
      base[j] = v;
    } else if (kwdict) {
      dict_set_str(vm.heap(), kwdict, name, v);
    } else {
      for (uint32_t q = 0; q < p->posonly; ++q)
        if (str_equal(p->varnames[q], name)) {
          vm.raise_fmt(vm.exc().TypeError,
                       "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                       fname(f), name->data());
          return false;
        }
      vm.raise_fmt(vm.exc().TypeError, "%s() got an unexpected keyword argument '%s'", fname(f),
                   name->data());
      return false;
    }
  }
  uint32_t ndef = f->defaults ? static_cast<uint32_t>(f->defaults->len) : 0;
  std::vector<Str*> missing;
  for (uint32_t j = 0; j < n; ++j) {
    if (!base[j].is_undef()) continue;
    if (j >= n - ndef)
      base[j] = (*f->defaults)[j - (n - ndef)];
    else
      missing.push_back(p->varnames[j]);
  }
  if (!missing.empty()) return missing_error(vm, f, missing, "positional");
  for (uint32_t j = n; j < kwonly_end; ++j) {
    if (!base[j].is_undef()) continue;
    Value d = f->kwdefaults ? dict_get_str(f->kwdefaults, p->varnames[j]) : Value();
    if (d.is_undef())
      missing.push_back(p->varnames[j]);
    else
      base[j] = d;
  }
  if (!missing.empty()) return missing_error(vm, f, missing, "keyword-only");
  return true;
}

bool push_frame(VM& vm, Function* f, Value* base, FrameKind kind, uint32_t ret_reg) {
  auto& frames = vm.frames();
  Frame fr;
  fr.func = f;
  fr.proto = f->proto;
  fr.pc = f->proto->code.data();
  fr.base = base;
  fr.globals = f->globals;
  fr.serial = vm.next_frame_serial();
  fr.ret_reg = ret_reg;
  fr.exc_base = static_cast<uint32_t>(vm.handled_exceptions().size());
  fr.kind = kind;
  frames.push_back(fr);
  return true;
}

Value make_generator(VM& vm, Function* f, Value* base) {
  Proto* p = f->proto;
  Generator* g = vm.heap().make<Generator>(vm.types().generator, Kind::Generator, 0);
  g->func = f;
  g->nregs = p->nregs;
  g->regs = static_cast<Value*>(std::malloc(sizeof(Value) * (p->nregs ? p->nregs : 1)));
  for (uint32_t i = 0; i < p->nregs; ++i) g->regs[i] = base[i];
  g->pc = 0;
  g->state = GenState::Created;
  g->name = f->name;
  g->qualname = f->qualname;
  return Value::from_obj(g);
}

Value call_python(VM& vm, Function* f, const Value* argv, uint32_t argc, Tuple* kwnames) {
  Value* base = vm.stack_top();
  uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
  uint32_t nin = argc + nkw;
  uint32_t need = f->proto->nregs > nin ? f->proto->nregs : nin;
  if (!check_stack(vm, base, need)) return Value();
  for (uint32_t i = 0; i < nin; ++i) base[i] = argv[i];
  if (!bind_arguments(vm, f, base, argc, kwnames)) return Value();
  if (f->proto->is_generator()) return make_generator(vm, f, base);
  if (!push_frame(vm, f, base, FrameKind::Entry, 0)) return Value();
  return vm.run_frame(vm.frames().size() - 1);
}

Value call_native(VM& vm, NativeFunction* f, const Value* argv, uint32_t argc, Tuple* kwnames) {
  VM::RootScope scope(vm);  // values the function roots with vm.root() live until it returns
  uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
  if (f->self.is_undef()) return f->fn(vm, CallArgs{argv, argc, kwnames, f});
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (argc + nkw + 1 > 8) {
    big.resize(argc + nkw + 1);
    buf = big.data();
  }
  buf[0] = f->self;
  for (uint32_t i = 0; i < argc + nkw; ++i) buf[i + 1] = argv[i];
  return f->fn(vm, CallArgs{buf, argc + 1, kwnames, f});
}

Value call_function(VM& vm, Value callable, const Value* argv, uint32_t argc, Tuple* kwnames) {
  if (callable.is_obj()) {
    Object* o = callable.as_obj();
    switch (o->kind) {
      case Kind::Function:
        return call_python(vm, static_cast<Function*>(o), argv, argc, kwnames);
      case Kind::NativeFunction:
        return call_native(vm, static_cast<NativeFunction*>(o), argv, argc, kwnames);
      case Kind::BoundMethod: {
        auto* b = static_cast<BoundMethod*>(o);
        uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
        std::vector<Value> buf(argc + nkw + 1);
        buf[0] = b->self;
        for (uint32_t i = 0; i < argc + nkw; ++i) buf[i + 1] = argv[i];
        return call_function(vm, b->func, buf.data(), argc + 1, kwnames);
      }
      case Kind::Type: {
        Type* t = static_cast<Type*>(o);
        VM::RootScope scope(vm);
        if (t->slots.construct) return t->slots.construct(vm, t, CallArgs{argv, argc, kwnames, o});
        return vm.raise_fmt(vm.exc().TypeError, "cannot create '%s' instances", t->name->data());
      }
      default:
        if (o->type->slots.call) {
          VM::RootScope scope(vm);
          return o->type->slots.call(vm, callable, CallArgs{argv, argc, kwnames, o});
        }
        break;
    }
  }
  return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not callable", type_name(vm, callable));
}

}  // namespace pyjitvm::vm

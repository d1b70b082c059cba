// vm/generator.cpp — generator objects driven from C++: next(), send(), throw(),
// close(), and the `yield from` step.
//
// Stage: the interpreter resumes generators stacklessly in FORITER; everything else
// (next(g), list(g), g.send(v), yield from) resumes them here by pushing an Entry frame
// and re-entering VM::run_frame().
//
// Invariants:
//   I1  A generator is Created, Suspended, Running or Finished; resuming a Running
//       generator raises ValueError("generator already executing"); a Finished one is
//       exhausted (StopIteration for next()).
//   I2  While Running, the generator's registers live on the VM stack; they are copied
//       back into `regs` at each yield (misc_objects.h I2).
#include <cstdio>
#include <cstring>
#include <string>

#include "vm/builtin_types.h"
#include "vm/call.h"
#include "vm/interp_internal.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

// Resumes `g`. `sent` is the value of the yield expression (None for next()); a
// non-Undef `throw_exc` is raised at the yield point instead. Returns the yielded
// value; Undef with no exception when the generator finished (its return value is in
// g->retval); Undef with an exception pending on error.
Value generator_resume(VM& vm, Generator* g, Value sent, Value throw_exc) {
  if (g->state == GenState::Finished) {
    if (!throw_exc.is_undef()) {
      vm.set_pending(throw_exc);
      return Value();
    }
    g->retval = Value::none();
    return Value();
  }
  if (g->state == GenState::Running) return vm.raise(vm.exc().ValueError, "generator already executing");
  if (g->state == GenState::Created && throw_exc.is_undef() && !sent.is_none())
    return vm.raise(vm.exc().TypeError, "can't send non-None value to a just-started generator");
  if (g->state == GenState::Created && !throw_exc.is_undef()) {
    g->state = GenState::Finished;
    std::free(g->regs);
    g->regs = nullptr;
    g->nregs = 0;
    vm.set_pending(throw_exc);
    return Value();
  }
  bool at_yield_from = false;
  if (g->state == GenState::Suspended && g->pc < g->func->proto->code.size() &&
      g->func->proto->code[g->pc].op == Op::YIELD_FROM) {
    at_yield_from = true;
    if (!throw_exc.is_undef()) {
      // Delegate throw()/close() to the sub-iterator of `yield from` (PEP 380).
      const Instr& ins = g->func->proto->code[g->pc];
      Value sub = g->regs[ins.b];
      VM::TempRoot keep_exc(vm, throw_exc);
      if (vm.type_of(throw_exc)->is_subtype_of(vm.exc().GeneratorExit)) {
        Value close = getattr_or_undef(vm, sub, vm.intern("close"));
        if (vm.has_pending()) return Value();
        if (!close.is_undef()) {
          VM::TempRoot keep(vm, close);
          Value r = vm.call(close, {});
          if (failed(r)) throw_exc = vm.take_pending();
        }
      } else {
        Value r;
        bool delegated = true;
        if (is_kind(sub, Kind::Generator)) {
          r = generator_resume(vm, as_generator(sub), Value::none(), throw_exc);
        } else {
          Value m = getattr_or_undef(vm, sub, vm.intern("throw"));
          if (vm.has_pending()) return Value();
          if (m.is_undef()) {
            delegated = false;
          } else {
            VM::TempRoot keep(vm, m);
            r = vm.call(m, {throw_exc});
          }
        }
        if (delegated) {
          if (!failed(r)) return r;  // the sub-iterator yielded: we stay at YIELD_FROM
          Value result;
          if (!vm.has_pending()) {
            result = as_generator(sub)->retval;
          } else if (vm.pending_matches(vm.exc().StopIteration)) {
            Value stop = vm.take_pending();
            Tuple* args = as_tuple(as_exception(stop)->args);
            result = args->len ? (*args)[0] : Value::none();
          } else {
            throw_exc = vm.take_pending();
            result = Value();
          }
          if (!result.is_undef()) {
            // the sub-iterator finished: resume after YIELD_FROM with its result
            g->regs[ins.a] = result.is_undef() ? Value::none() : result;
            g->pc += 1;
            at_yield_from = false;
            throw_exc = Value();
            sent = g->regs[ins.a];
          }
        }
      }
    }
  }
  Value* base = vm.stack_top();
  if (!check_stack(vm, base, g->nregs)) return Value();
  std::memcpy(static_cast<void*>(base), g->regs, sizeof(Value) * g->nregs);
  if (g->state == GenState::Suspended) base[g->send_reg] = sent;
  g->state = GenState::Running;
  (void)push_frame(vm, g->func, base, FrameKind::Entry, 0);
  Frame& f = vm.frames().back();
  f.gen = g;
  f.pc = f.proto->code.data() + g->pc;
  // An exception raised at a suspended `yield from` belongs to that instruction.
  if (!throw_exc.is_undef() && at_yield_from) f.pc += 1;
  for (const Value& e : g->saved_exc) vm.handled_exceptions().push_back(e);
  g->saved_exc.clear();
  if (!throw_exc.is_undef()) {
    vm.set_pending(throw_exc);
    vm.set_resume_with_exception();
  }
  Value r = vm.run_frame(vm.frames().size() - 1);
  if (!failed(r) && g->state == GenState::Finished) return Value();  // returned: exhausted
  return r;
}

namespace {

Generator* gen_of(Value v) { return as_generator(v); }

Value gen_iter(VM&, Value self) { return self; }

Value gen_next_slot(VM& vm, Value self) {
  Generator* g = gen_of(self);
  return generator_resume(vm, g, Value::none(), Value());
}

Value gen_repr(VM& vm, Value self) {
  Generator* g = gen_of(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
  return vm.str(std::string("<generator object ") + (g->qualname ? g->qualname : g->name)->data() + buf);
}

Value stop_with(VM& vm, Generator* g) {
  Value rv = g->retval.is_undef() ? Value::none() : g->retval;
  if (rv.is_none()) {
    vm.set_pending(vm.new_exception_args(vm.exc().StopIteration, vm.empty_tuple()));
    return Value();
  }
  return vm.raise_with_args(vm.exc().StopIteration, rv);
}

Value m_send(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "generator.send", 1, 1)) return Value();
  Generator* g = gen_of(a[0]);
  Value r = generator_resume(vm, g, a[1], Value());
  if (failed(r) && !vm.has_pending()) return stop_with(vm, g);
  return r;
}

Value m_throw(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "generator.throw", 1, 3)) return Value();
  Generator* g = gen_of(a[0]);
  Value exc = a[1];
  if (is_kind(exc, Kind::Type)) {
    Value inst = a.argc >= 3 && !a[2].is_none() ? vm.call(exc, {a[2]}) : vm.call(exc, {});
    if (failed(inst)) return inst;
    exc = inst;
  }
  if (!is_kind(exc, Kind::Exception))
    return vm.raise(vm.exc().TypeError, "exceptions must be classes or instances deriving from BaseException, not str");
  VM::TempRoot root(vm, exc);
  Value r = generator_resume(vm, g, Value::none(), exc);
  if (failed(r) && !vm.has_pending()) return stop_with(vm, g);
  return r;
}

Value m_close(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "generator.close", 0, 0)) return Value();
  Generator* g = gen_of(a[0]);
  if (g->state == GenState::Finished || g->state == GenState::Created) {
    g->state = GenState::Finished;
    return Value::none();
  }
  Value exc = vm.new_exception(vm.exc().GeneratorExit, "");
  as_exception(exc)->args = Value::from_obj(vm.empty_tuple());
  VM::TempRoot root(vm, exc);
  Value r = generator_resume(vm, g, Value::none(), exc);
  if (!failed(r)) return vm.raise(vm.exc().RuntimeError, "generator ignored GeneratorExit");
  if (!vm.has_pending() || vm.pending_matches(vm.exc().GeneratorExit) ||
      vm.pending_matches(vm.exc().StopIteration)) {
    vm.clear_pending();
    return Value::none();
  }
  return Value();
}

Value gen_getattr(VM& vm, Value self, Str* name) {
  Generator* g = gen_of(self);
  std::string_view n = name->view();
  if (n == "__name__") return Value::from_obj(g->name);
  if (n == "__qualname__") return Value::from_obj(g->qualname ? g->qualname : g->name);
  if (n == "gi_running") return Value::from_bool(g->state == GenState::Running);
  if (n == "gi_code") return Value::from_obj(g->func->proto);
  return generic_getattr(vm, self, name);
}

}  // namespace

int yield_from_step(VM& vm, Value it, Value sent, Value* out) {
  if (is_kind(it, Kind::Generator)) {
    Generator* g = gen_of(it);
    Value r = generator_resume(vm, g, sent.is_undef() ? Value::none() : sent, Value());
    if (!failed(r)) {
      *out = r;
      return 1;
    }
    if (vm.has_pending()) return -1;
    *out = g->retval.is_undef() ? Value::none() : g->retval;
    return 0;
  }
  Value r = (sent.is_undef() || sent.is_none()) ? iter_next(vm, it)
                                               : vm.call_method(it, vm.intern("send"), {sent});
  if (!failed(r)) {
    *out = r;
    return 1;
  }
  if (vm.has_pending()) {
    if (!vm.pending_matches(vm.exc().StopIteration)) return -1;
    Value stop = vm.take_pending();
    Tuple* args = as_tuple(as_exception(stop)->args);
    *out = args->len ? (*args)[0] : Value::none();
    return 0;
  }
  *out = Value::none();
  return 0;
}

void init_generator_type(VM& vm) {
  Type* t = vm.types().generator;
  t->slots.iter = gen_iter;
  t->slots.next = gen_next_slot;
  t->slots.repr = gen_repr;
  t->slots.getattr = gen_getattr;
  static const MethodDef kMethods[] = {{"send", m_send}, {"throw", m_throw}, {"close", m_close}};
  add_methods(vm, t, kMethods);
}

}  // namespace pyjitvm::vm

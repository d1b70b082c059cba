// vm/interp.cpp — the dispatch loop: executes Proto bytecode on the VM's frames.
//
// Stage: VM::run_frame(entry) runs until the frame at index `entry` returns. Calls of
// Python functions push a frame and continue in the same loop (stackless); native
// code that calls back into Python enters run_frame() again with a new Entry frame.
//
// Register conventions and the meaning of every opcode: vm/opcodes.def. Fast paths
// for int/float arithmetic, list/tuple/dict indexing and attribute caches are inline
// here; everything else goes to vm/interp_slow.cpp.
//
// Invariants:
//   I1  While an instruction runs, `pc` points at the next instruction; SAVE_PC()
//       stores it into the frame before anything that can raise, call, or collect, so
//       tracebacks and the GC see a consistent frame (Lua's Protect()).
//   I2  Collections happen only at safepoints: calls, loop back-edges and allocating
//       instructions (gc.h), never in the middle of an instruction.
//   I3  An exception unwinds through the frame's handler table; frames without a
//       handler are popped, adding one traceback entry per frame; an Entry frame
//       returns Undef to its C++ caller with the exception still pending.
#include <cmath>
#include <cstring>

#include "vm/call.h"
#include "vm/errors.h"
#include "vm/interp_internal.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

inline bool is_exact(const Value& v, const Type* t) {
  return v.tag == Tag::Obj && v.u.o->type == t;
}

// Python floor division / modulo on int64 (b != 0, no overflow case a=MIN,b=-1).
inline int64_t floordiv_i64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
inline int64_t mod_i64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// Mixed int/float arithmetic: Python converts the int to float (correctly rounded,
// as the C conversion is), then does one IEEE operation.
inline bool is_mixed_num(const Value& b, const Value& c) {
  return (b.tag == Tag::Float && c.tag == Tag::Int) || (b.tag == Tag::Int && c.tag == Tag::Float);
}
inline double as_f64(const Value& v) {
  return v.tag == Tag::Float ? v.u.f : static_cast<double>(v.u.i);
}
// A float, or an int whose conversion to double is exact.
inline bool exact_f64(const Value& v) {
  constexpr int64_t kLimit = int64_t{1} << 53;
  return v.tag == Tag::Float || (v.tag == Tag::Int && v.u.i <= kLimit && v.u.i >= -kLimit);
}

// Normalises a possibly negative index; false when out of range.
inline bool fix_index(int64_t& i, size_t len) {
  if (i < 0) i += static_cast<int64_t>(len);
  return i >= 0 && static_cast<uint64_t>(i) < len;
}

}  // namespace

Value VM::run_frame(size_t entry) {
  std::deque<Frame>& frames = frames_;
  const Types& T = types_;
  Heap& heap = heap_;
  Frame* f;
  const Instr* pc;
  const Instr* code;
  Value* R;
  const Value* K;
  Proto* P;
  Instr ins;
  Value exc;
  JitHooks* const jit = jit_.get();

#define LOAD_FRAME()            \
  do {                          \
    f = &frames.back();         \
    P = f->proto;               \
    code = P->code.data();      \
    pc = f->pc;                 \
    R = f->base;                \
    K = P->consts.data();       \
  } while (0)
#define SAVE_PC() (f->pc = pc)
#define SAFEPOINT()                          \
  do {                                       \
    if (heap.collect_requested()) {          \
      SAVE_PC();                             \
      collect();                             \
    }                                        \
  } while (0)
#define POLL_INTERRUPT()                     \
  do {                                       \
    if (interrupt_requested()) {             \
      SAVE_PC();                             \
      if (!handle_interrupt()) goto error;   \
    }                                        \
  } while (0)
#define CHECK(v)                \
  do {                          \
    if (failed(v)) goto error;  \
  } while (0)

  static const void* const kDispatch[] = {
#define OP(name, fmt, formula, flags) &&op_##name,
#include "vm/opcodes.def"
#undef OP
  };
  // Recording mode (vm/jit_hooks.h): every opcode first goes through the recorder.
  static const void* const kRecord[] = {
#define OP(name, fmt, formula, flags) &&record_hook,
#include "vm/opcodes.def"
#undef OP
  };
  const void* const* dispatch = kDispatch;
#define NEXT()                  \
  do {                          \
    ins = *pc++;                \
    goto* dispatch[static_cast<uint8_t>(ins.op)]; \
  } while (0)
  // A loop back-edge (FORLOOP continuing, LOOP): run the loop's trace, or count towards
  // hot_loop() (vm/jit_hooks.h). `pc` is the loop body's first instruction.
#define JIT_BACK_EDGE(LOOP_PC)                                                       \
  do {                                                                               \
    if (jit) {                                                                       \
      JitLoopState st_ = jit_state(*(LOOP_PC));                                          \
      if (st_ == kJitTrace) {                                                        \
        SAVE_PC();                                                                   \
        pc = jit->run_trace(*f, LOOP_PC);                                            \
        if (jit->recording_requested) {                                              \
          jit->recording_requested = false;                                          \
          dispatch = kRecord;                                                        \
        }                                                                            \
      } else if (st_ == kJitCounting && dispatch == kDispatch && count_hot(LOOP_PC, P)) { \
        SAVE_PC();                                                                   \
        if (jit->hot_loop(*f, LOOP_PC)) dispatch = kRecord;                          \
      }                                                                              \
    }                                                                                \
  } while (0)

  if (!c_stack_ok()) {
    // unwind the Entry frame that was pushed for us
    Frame& fr = frames.back();
    if (fr.gen) {
      fr.gen->state = GenState::Suspended;
    }
    handled_.resize(fr.exc_base);
    frames.pop_back();
    return Value();
  }
  LOAD_FRAME();
  if (resume_with_exception_) {
    resume_with_exception_ = false;
    goto reraise;
  }
  NEXT();

  // ---------------------------------------------------------------- loads
op_MOVE:
  R[ins.a] = R[ins.b];
  NEXT();
op_LOADK:
  R[ins.a] = K[ins.bx()];
  NEXT();
op_LOADI:
  R[ins.a] = Value::from_int(ins.sbx());
  NEXT();
op_LOADNONE:
  R[ins.a] = Value::none();
  NEXT();
op_LOADTRUE:
  R[ins.a] = Value::from_bool(true);
  NEXT();
op_LOADFALSE:
  R[ins.a] = Value::from_bool(false);
  NEXT();
op_LOADUNDEF:
  R[ins.a] = Value();
  NEXT();
op_CHECKBOUND:
  if (R[ins.a].is_undef()) {
    SAVE_PC();
    unbound_local(*this, as_str(K[ins.b]));
    goto error;
  }
  NEXT();
op_LOAD_GLOBAL: {
  InlineCache& c = P->caches[ins.bx()];
  Dict* g = f->globals;
  if (c.kind == 1 && c.version == g->layout_version && c.value.u.o == g) {
    R[ins.a] = g->entries[c.index].value;
    NEXT();
  }
  if (c.kind == 2 && c.version == g->layout_version && c.value.u.o == g &&
      c.version2 == builtins_->dict->layout_version) {
    R[ins.a] = builtins_->dict->entries[c.index].value;
    NEXT();
  }
  SAVE_PC();
  Value v = load_global_slow(*this, g, c);
  CHECK(v);
  R[ins.a] = v;
  NEXT();
}
op_STORE_GLOBAL: {
  InlineCache& c = P->caches[ins.bx()];
  Dict* g = f->globals;
  if (c.kind == 1 && c.version == g->layout_version && c.value.u.o == g) {
    g->entries[c.index].value = R[ins.a];
    NEXT();
  }
  SAVE_PC();
  dict_set_str(heap, g, c.name, R[ins.a]);
  c.kind = 1;
  c.version = g->layout_version;
  c.value = Value::from_obj(g);
  c.index = dict_find_str(g, c.name);
  NEXT();
}
op_DEL_GLOBAL: {
  InlineCache& c = P->caches[ins.bx()];
  if (!dict_del_str(f->globals, c.name)) {
    SAVE_PC();
    name_error(*this, c.name);
    goto error;
  }
  NEXT();
}
op_LOAD_BUILTIN: {
  Value v = dict_get_str(builtins_->dict, as_str(K[ins.bx()]));
  if (v.is_undef()) {
    SAVE_PC();
    name_error(*this, as_str(K[ins.bx()]));
    goto error;
  }
  R[ins.a] = v;
  NEXT();
}
op_LOAD_NAME: {
  SAVE_PC();
  Value v = load_name(*this, *f, as_str(K[ins.bx()]));
  CHECK(v);
  R[ins.a] = v;
  NEXT();
}
op_STORE_NAME: {
  Dict* ns = f->locals ? f->locals : f->globals;
  dict_set_str(heap, ns, as_str(K[ins.bx()]), R[ins.a]);
  NEXT();
}
op_DEL_NAME: {
  Dict* ns = f->locals ? f->locals : f->globals;
  if (!dict_del_str(ns, as_str(K[ins.bx()]))) {
    SAVE_PC();
    name_error(*this, as_str(K[ins.bx()]));
    goto error;
  }
  NEXT();
}
op_MAKE_CELL:
  R[ins.a] = Value::from_obj(new_cell(R[ins.a]));
  NEXT();
op_COPY_FREE: {
  Tuple* cl = f->func->closure;
  for (uint16_t i = 0; i < ins.b; ++i) R[ins.a + i] = (*cl)[i];
  NEXT();
}
op_LOAD_DEREF: {
  Value v = as_cell(R[ins.b])->value;
  if (v.is_undef()) {
    SAVE_PC();
    if (ins.b >= P->nlocals)
      unbound_free(*this, as_str(K[ins.c]));
    else
      unbound_local(*this, as_str(K[ins.c]));
    goto error;
  }
  R[ins.a] = v;
  NEXT();
}
op_STORE_DEREF:
  as_cell(R[ins.a])->value = R[ins.b];
  NEXT();
op_DEL_DEREF: {
  Cell* cell = as_cell(R[ins.a]);
  if (cell->value.is_undef()) {
    SAVE_PC();
    unbound_local(*this, as_str(K[ins.c]));
    goto error;
  }
  cell->value = Value();
  NEXT();
}

  // ---------------------------------------------------------------- attributes
op_LOAD_ATTR: {
  Value obj = R[ins.b];
  InlineCache& c = P->caches[ins.c];
  if (obj.tag == Tag::Obj) {
    Object* o = obj.u.o;
    if (c.kind == 1 && o->type == c.type && o->type->version == c.version) {
      Dict* d = static_cast<DictObject*>(o)->dict;
      if (d && static_cast<uint32_t>(c.index) < d->nentries &&
          d->entries[c.index].key.u.o == c.name) {
        R[ins.a] = d->entries[c.index].value;
        NEXT();
      }
    } else if (c.kind == 3 && o->kind == Kind::Module) {
      Dict* d = static_cast<Module*>(o)->dict;
      if (c.value.u.o == d && c.version == d->layout_version) {
        R[ins.a] = d->entries[c.index].value;
        NEXT();
      }
    }
  }
  SAVE_PC();
  Value v = load_attr_slow(*this, obj, c);
  CHECK(v);
  R[ins.a] = v;
  NEXT();
}
op_STORE_ATTR: {
  Value obj = R[ins.a];
  InlineCache& c = P->caches[ins.c];
  if (obj.tag == Tag::Obj && c.kind == 1) {
    Object* o = obj.u.o;
    if (o->type == c.type && o->type->version == c.version) {
      Dict* d = static_cast<DictObject*>(o)->dict;
      if (d && static_cast<uint32_t>(c.index) < d->nentries &&
          d->entries[c.index].key.u.o == c.name) {
        d->entries[c.index].value = R[ins.b];
        NEXT();
      }
    }
  }
  SAVE_PC();
  if (!store_attr_slow(*this, obj, c, R[ins.b])) goto error;
  NEXT();
}
op_DEL_ATTR: {
  SAVE_PC();
  if (!delattr(*this, R[ins.a], P->caches[ins.c].name)) goto error;
  NEXT();
}
op_LOAD_METHOD: {
  Value obj = R[ins.b];
  InlineCache& c = P->caches[ins.c];
  if (obj.tag == Tag::Obj && c.kind == 4) {
    Object* o = obj.u.o;
    if (o->type == c.type && o->type->version == c.version) {
      // c.index == 1: the receiver has an instance dict that could shadow the method
      if (c.index == 0 || !static_cast<DictObject*>(o)->dict ||
          dict_find_str(static_cast<DictObject*>(o)->dict, c.name) < 0) {
        R[ins.a] = c.value;
        R[ins.a + 1] = obj;
        NEXT();
      }
    }
  } else if (c.kind == 3 && obj.tag == Tag::Obj && obj.u.o->kind == Kind::Module) {
    Dict* d = static_cast<Module*>(obj.u.o)->dict;
    if (c.value.u.o == d && c.version == d->layout_version) {
      R[ins.a] = d->entries[c.index].value;
      R[ins.a + 1] = Value();
      NEXT();
    }
  } else if (c.kind == 5 && !obj.is_obj() && type_of(obj) == c.type &&
             c.type->version == c.version) {
    R[ins.a] = c.value;
    R[ins.a + 1] = obj;
    NEXT();
  }
  SAVE_PC();
  Value v = obj;  // keep obj: R[ins.b] may alias R[ins.a]
  if (!load_method_slow(*this, v, c, &R[ins.a])) goto error;
  NEXT();
}
op_GETITEM: {
  Value obj = R[ins.b];
  Value key = R[ins.c];
  if (obj.tag == Tag::Obj && key.tag == Tag::Int) {
    Object* o = obj.u.o;
    int64_t i = key.u.i;
    if (o->type == T.list) {
      List* l = static_cast<List*>(o);
      if (fix_index(i, l->len)) {
        R[ins.a] = l->items[i];
        NEXT();
      }
    } else if (o->type == T.tuple) {
      Tuple* t = static_cast<Tuple*>(o);
      if (fix_index(i, t->len)) {
        R[ins.a] = t->items()[i];
        NEXT();
      }
    }
  } else if (is_exact(obj, T.dict)) {
    Value v;
    SAVE_PC();
    int r = dict_get(*this, as_dict(obj), key, v);
    if (r == 1) {
      R[ins.a] = v;
      NEXT();
    }
    if (r < 0) goto error;
  }
  SAVE_PC();
  Value v = getitem_slow(*this, obj, key);
  CHECK(v);
  R[ins.a] = v;
  NEXT();
}
op_SETITEM: {
  Value obj = R[ins.a];
  Value key = R[ins.b];
  if (obj.tag == Tag::Obj && key.tag == Tag::Int && obj.u.o->type == T.list) {
    List* l = static_cast<List*>(obj.u.o);
    int64_t i = key.u.i;
    if (fix_index(i, l->len)) {
      l->items[i] = R[ins.c];
      NEXT();
    }
  }
  SAVE_PC();
  if (!setitem_slow(*this, obj, key, R[ins.c])) goto error;
  NEXT();
}
op_DELITEM: {
  SAVE_PC();
  if (!delitem(*this, R[ins.a], R[ins.b])) goto error;
  NEXT();
}

  // ---------------------------------------------------------------- arithmetic
#define ARITH_INT_FLOAT(NAME, OPCODE, IEXPR, FEXPR, RHS)                        \
  op_##NAME: {                                                                  \
    Value b = R[ins.b];                                                         \
    Value c = RHS;                                                              \
    if (b.tag == Tag::Int && c.tag == Tag::Int) {                               \
      int64_t r;                                                                \
      if (!IEXPR(b.u.i, c.u.i, &r)) {                                           \
        R[ins.a] = Value::from_int(r);                                          \
        NEXT();                                                                 \
      }                                                                         \
    } else if (b.tag == Tag::Float && c.tag == Tag::Float) {                    \
      R[ins.a] = Value::from_float(b.u.f FEXPR c.u.f);                          \
      NEXT();                                                                   \
    } else if (is_mixed_num(b, c)) {                                            \
      R[ins.a] = Value::from_float(as_f64(b) FEXPR as_f64(c));                  \
      NEXT();                                                                   \
    }                                                                           \
    SAVE_PC();                                                                  \
    Value r = arith_slow(*this, Op::OPCODE, b, c, ins.x & 1);                   \
    CHECK(r);                                                                   \
    R[ins.a] = r;                                                               \
    NEXT();                                                                     \
  }
  ARITH_INT_FLOAT(ADD, ADD, __builtin_add_overflow, +, R[ins.c])
  ARITH_INT_FLOAT(SUB, SUB, __builtin_sub_overflow, -, R[ins.c])
  ARITH_INT_FLOAT(MUL, MUL, __builtin_mul_overflow, *, R[ins.c])
  ARITH_INT_FLOAT(ADDK, ADD, __builtin_add_overflow, +, K[ins.c])
  ARITH_INT_FLOAT(SUBK, SUB, __builtin_sub_overflow, -, K[ins.c])
  ARITH_INT_FLOAT(MULK, MUL, __builtin_mul_overflow, *, K[ins.c])
#undef ARITH_INT_FLOAT
op_TRUEDIV: {
  Value b = R[ins.b];
  Value c = R[ins.c];
  if (b.tag == Tag::Float && c.tag == Tag::Float && c.u.f != 0.0) {
    R[ins.a] = Value::from_float(b.u.f / c.u.f);
    NEXT();
  }
  // int or float operands: ints within ±2**53 convert exactly, so one IEEE division
  // is the correctly rounded Python result.
  if (exact_f64(b) && exact_f64(c) && as_f64(c) != 0.0) {
    R[ins.a] = Value::from_float(as_f64(b) / as_f64(c));
    NEXT();
  }
  SAVE_PC();
  Value r = arith_slow(*this, Op::TRUEDIV, b, c, ins.x & 1);
  CHECK(r);
  R[ins.a] = r;
  NEXT();
}
op_FLOORDIV: {
  Value b = R[ins.b];
  Value c = R[ins.c];
  if (b.tag == Tag::Int && c.tag == Tag::Int && c.u.i != 0 &&
      !(c.u.i == -1 && b.u.i == INT64_MIN)) {
    R[ins.a] = Value::from_int(floordiv_i64(b.u.i, c.u.i));
    NEXT();
  }
  SAVE_PC();
  Value r = arith_slow(*this, Op::FLOORDIV, b, c, ins.x & 1);
  CHECK(r);
  R[ins.a] = r;
  NEXT();
}
op_MOD: {
  Value b = R[ins.b];
  Value c = R[ins.c];
  if (b.tag == Tag::Int && c.tag == Tag::Int && c.u.i != 0 && c.u.i != -1) {
    R[ins.a] = Value::from_int(mod_i64(b.u.i, c.u.i));
    NEXT();
  }
  SAVE_PC();
  Value r = arith_slow(*this, Op::MOD, b, c, ins.x & 1);
  CHECK(r);
  R[ins.a] = r;
  NEXT();
}
#define ARITH_SLOW(NAME)                                                  \
  op_##NAME: {                                                            \
    SAVE_PC();                                                            \
    Value r = arith_slow(*this, Op::NAME, R[ins.b], R[ins.c], ins.x & 1); \
    CHECK(r);                                                             \
    R[ins.a] = r;                                                         \
    NEXT();                                                               \
  }
  ARITH_SLOW(POW)
  ARITH_SLOW(MATMUL)
  ARITH_SLOW(LSHIFT)
  ARITH_SLOW(RSHIFT)
  ARITH_SLOW(BAND)
  ARITH_SLOW(BOR)
  ARITH_SLOW(BXOR)
#undef ARITH_SLOW
op_NEG: {
  Value b = R[ins.b];
  if (b.tag == Tag::Float) {
    R[ins.a] = Value::from_float(-b.u.f);
    NEXT();
  }
  if (b.tag == Tag::Int && b.u.i != INT64_MIN) {
    R[ins.a] = Value::from_int(-b.u.i);
    NEXT();
  }
  SAVE_PC();
  Value r = unary_slow(*this, Op::NEG, b);
  CHECK(r);
  R[ins.a] = r;
  NEXT();
}
op_POS:
op_INVERT: {
  SAVE_PC();
  Value r = unary_slow(*this, ins.op, R[ins.b]);
  CHECK(r);
  R[ins.a] = r;
  NEXT();
}
op_NOT: {
  Value b = R[ins.b];
  if (b.tag == Tag::Bool) {
    R[ins.a] = Value::from_bool(!b.u.b);
    NEXT();
  }
  SAVE_PC();
  int t = truthy(*this, b);
  if (t < 0) goto error;
  R[ins.a] = Value::from_bool(!t);
  NEXT();
}

  // ---------------------------------------------------------------- comparisons
#define COMPARE(NAME, OPER)                                             \
  op_##NAME: {                                                          \
    Value b = R[ins.b];                                                 \
    Value c = R[ins.c];                                                 \
    if (b.tag == Tag::Int && c.tag == Tag::Int) {                       \
      R[ins.a] = Value::from_bool(b.u.i OPER c.u.i);                    \
      NEXT();                                                           \
    }                                                                   \
    if (b.tag == Tag::Float && c.tag == Tag::Float) {                   \
      R[ins.a] = Value::from_bool(b.u.f OPER c.u.f);                    \
      NEXT();                                                           \
    }                                                                   \
    if (is_mixed_num(b, c) && exact_f64(b) && exact_f64(c)) {           \
      R[ins.a] = Value::from_bool(as_f64(b) OPER as_f64(c));            \
      NEXT();                                                           \
    }                                                                   \
    SAVE_PC();                                                          \
    Value r = compare_slow(*this, Op::NAME, b, c);                      \
    CHECK(r);                                                           \
    R[ins.a] = r;                                                       \
    NEXT();                                                             \
  }
  COMPARE(LT, <)
  COMPARE(LE, <=)
  COMPARE(EQ, ==)
  COMPARE(NE, !=)
  COMPARE(GT, >)
  COMPARE(GE, >=)
#undef COMPARE
op_IS:
  R[ins.a] = Value::from_bool(R[ins.b].identical(R[ins.c]));
  NEXT();
op_ISNOT:
  R[ins.a] = Value::from_bool(!R[ins.b].identical(R[ins.c]));
  NEXT();
op_IN:
op_NOTIN: {
  SAVE_PC();
  Value r = compare_slow(*this, ins.op, R[ins.b], R[ins.c]);
  CHECK(r);
  R[ins.a] = r;
  NEXT();
}

  // ---------------------------------------------------------------- control flow
op_JMP:
  if (ins.sbx() < 0) {
    POLL_INTERRUPT();
    SAFEPOINT();
  }
  pc += ins.sbx();
  NEXT();
op_JIF:
op_JIFNOT: {
  Value v = R[ins.a];
  int t;
  if (v.tag == Tag::Bool) {
    t = v.u.b;
  } else if (v.tag == Tag::None) {
    t = 0;
  } else if (v.tag == Tag::Int) {
    t = v.u.i != 0;
  } else {
    SAVE_PC();
    t = truthy(*this, v);
    if (t < 0) goto error;
  }
  if (t == (ins.op == Op::JIF)) pc += ins.sbx();
  NEXT();
}
#define COMPARE_BRANCH(NAME, OPER)                                      \
  op_##NAME: {                                                          \
    Value a = R[ins.a];                                                 \
    Value b = R[ins.b];                                                 \
    if (a.tag == Tag::Int && b.tag == Tag::Int) {                       \
      if (!(a.u.i OPER b.u.i)) pc += ins.sc();                          \
      NEXT();                                                           \
    }                                                                   \
    if (a.tag == Tag::Float && b.tag == Tag::Float) {                   \
      if (!(a.u.f OPER b.u.f)) pc += ins.sc();                          \
      NEXT();                                                           \
    }                                                                   \
    if (is_mixed_num(a, b) && exact_f64(a) && exact_f64(b)) {           \
      if (!(as_f64(a) OPER as_f64(b))) pc += ins.sc();                  \
      NEXT();                                                           \
    }                                                                   \
    SAVE_PC();                                                          \
    int t = compare_branch_slow(*this, Op::NAME, a, b);                 \
    if (t < 0) goto error;                                              \
    if (!t) pc += ins.sc();                                             \
    NEXT();                                                             \
  }
  COMPARE_BRANCH(JNLT, <)
  COMPARE_BRANCH(JNLE, <=)
  COMPARE_BRANCH(JNEQ, ==)
  COMPARE_BRANCH(JNNE, !=)
  COMPARE_BRANCH(JNGT, >)
  COMPARE_BRANCH(JNGE, >=)
#undef COMPARE_BRANCH
op_LOOP:
  JIT_BACK_EDGE(pc - 1);
  POLL_INTERRUPT();
  SAFEPOINT();
  NEXT();
op_FORPREP: {
  Value* r = R + ins.a;
  uint32_t nargs = ins.xtop();
  // Counted form: builtin range (or numba.prange) with int64 arguments.
  bool counted = r[0].tag == Tag::Obj &&
                 (r[0].u.o == T.range ||
                  (r[0].u.o->kind == Kind::NativeFunction &&
                   static_cast<NativeFunction*>(r[0].u.o)->data.tag == Tag::Int &&
                   static_cast<NativeFunction*>(r[0].u.o)->data.u.i == kRangeMarker));
  if (counted && nargs >= 1) {
    bool ints = true;
    for (uint32_t i = 1; i <= nargs; ++i)
      if (r[i].tag != Tag::Int) ints = false;
    int64_t start = 0, stop = 0, step = 1;
    if (ints) {
      if (nargs == 1) {
        stop = r[1].u.i;
      } else {
        start = r[1].u.i;
        stop = r[2].u.i;
        if (nargs == 3) step = r[3].u.i;
      }
    }
    if (ints && step != 0) {
      r[0] = Value::from_int(start);
      r[1] = Value::from_int(stop);
      r[2] = Value::from_int(step);
      if (step > 0 ? start < stop : start > stop)
        R[ins.b] = Value::from_int(start);
      else
        pc += ins.sc();
      NEXT();
    }
  }
  SAVE_PC();
  Value first;
  int st = for_prep_slow(*this, r, nargs, &first);
  if (st < 0) goto error;
  if (st == 0)
    pc += ins.sc();
  else
    R[ins.b] = first;
  NEXT();
}
op_FORLOOP: {
  Value* r = R + ins.a;
  if (r[1].tag == Tag::Int) {
    int64_t step = r[2].u.i;
    int64_t next;
    if (!__builtin_add_overflow(r[0].u.i, step, &next) &&
        (step > 0 ? next < r[1].u.i : next > r[1].u.i)) {
      r[0] = Value::from_int(next);
      R[ins.b] = Value::from_int(next);
      pc += ins.sc();
      JIT_BACK_EDGE(pc - ins.sc() - 1);
      POLL_INTERRUPT();
      SAFEPOINT();
    }
    NEXT();
  }
  SAVE_PC();
  Value item;
  int st = next_item(*this, r[0], &item);
  if (st < 0) goto error;
  if (st == 1) {
    R[ins.b] = item;
    pc += ins.sc();
    POLL_INTERRUPT();
    SAFEPOINT();
  }
  NEXT();
}
op_GETITER: {
  SAVE_PC();
  Value it = get_iter(*this, R[ins.b]);
  CHECK(it);
  R[ins.a] = it;
  SAFEPOINT();
  NEXT();
}
op_FORITER: {
  Value it = R[ins.a];
  if (it.tag == Tag::Obj && it.u.o->kind == Kind::Generator && it.u.o->type == T.generator) {
    Generator* g = static_cast<Generator*>(it.u.o);
    if (g->state == GenState::Finished) {
      pc += ins.sc();
      NEXT();
    }
    SAVE_PC();
    if (g->state == GenState::Running) {
      raise(exc_.ValueError, "generator already executing");
      goto error;
    }
    Value* base = R + P->nregs;
    if (!check_stack(*this, base, g->nregs)) goto error;
    std::memcpy(static_cast<void*>(base), g->regs, sizeof(Value) * g->nregs);
    if (g->state == GenState::Suspended) base[g->send_reg] = Value::none();
    g->state = GenState::Running;
    (void)push_frame(*this, g->func, base, FrameKind::Normal, ins.b);
    Frame& gf = frames.back();
    gf.gen = g;
    gf.pc = gf.proto->code.data() + g->pc;
    gf.exhausted_pc = pc + ins.sc();
    for (const Value& e : g->saved_exc) handled_.push_back(e);
    g->saved_exc.clear();
    LOAD_FRAME();
    NEXT();
  }
  SAVE_PC();
  Value item;
  int st = next_item(*this, it, &item);
  if (st < 0) goto error;
  if (st == 0)
    pc += ins.sc();
  else
    R[ins.b] = item;
  NEXT();
}

  // ---------------------------------------------------------------- calls
  {
    Value callee;
    Value* args;      // positional args, then keyword values
    uint32_t argc;    // positional count
    Tuple* kwnames;
    uint32_t dst;     // result register
    Value self_arg;

op_CALL:
    callee = R[ins.a];
    kwnames = ins.c ? as_tuple(K[ins.c - 1]) : nullptr;
    argc = ins.b - (kwnames ? static_cast<uint32_t>(kwnames->len) : 0);
    args = R + ins.a + 1;
    dst = ins.a;
    goto do_call;
op_CALLM:
    callee = R[ins.a];
    kwnames = ins.c ? as_tuple(K[ins.c - 1]) : nullptr;
    argc = ins.b - (kwnames ? static_cast<uint32_t>(kwnames->len) : 0);
    dst = ins.a;
    if (R[ins.a + 1].is_undef()) {
      args = R + ins.a + 2;
    } else {
      args = R + ins.a + 1;  // self, then the arguments: one contiguous block
      argc += 1;
    }
    goto do_call;
op_CALLEX: {
    SAVE_PC();
    Value star = R[ins.a + 1];
    Value kw = ins.b ? R[ins.a + 2] : Value();
    Tuple* st = as_tuple(star);
    Dict* kd = kw.is_undef() ? nullptr : as_dict(kw);
    uint32_t nkw = kd ? kd->len : 0;
    uint32_t n = static_cast<uint32_t>(st->len);
    Tuple* names = nullptr;
    if (nkw) {
      names = new_tuple(nkw);
      uint32_t pos = 0, k = 0;
      DictEntry* e;
      while (dict_next(kd, pos, e)) (*names)[k++] = e->key;
    }
    callee = R[ins.a];
    if (callee.tag == Tag::Obj && callee.u.o->kind == Kind::Function) {
      // Spread the arguments into the registers from R[A+1] on, where the callee's
      // frame starts anyway (stackless call).
      args = R + ins.a + 1;
      if (!check_stack(*this, args, n + nkw + 2)) goto error;
      TempRoot keep_star(*this, star);
      TempRoot keep_kw(*this, kw);
      TempRoot keep_names(*this, names ? Value::from_obj(names) : Value());
      for (uint32_t i = 0; i < n; ++i) args[i] = (*st)[i];
      if (kd) {
        uint32_t pos = 0, k = 0;
        DictEntry* e;
        while (dict_next(kd, pos, e)) args[n + k++] = e->value;
      }
      argc = n;
      kwnames = names;
      dst = ins.a;
      goto do_call;
    }
    // Locals with destructors live in their own block: NEXT() is a computed goto,
    // which does not run destructors of the scopes it leaves.
    Value r;
    {
      std::vector<Value> buf(st->items(), st->items() + n);
      if (kd) {
        uint32_t pos = 0;
        DictEntry* e;
        while (dict_next(kd, pos, e)) buf.push_back(e->value);
      }
      TempRoot keep_names(*this, names ? Value::from_obj(names) : Value());
      r = call_function(*this, callee, buf.data(), n, names);
    }
    CHECK(r);
    R[ins.a] = r;
    SAFEPOINT();
    NEXT();
  }

do_call:
    SAVE_PC();
    if (callee.tag == Tag::Obj) {
      Object* o = callee.u.o;
      if (o->kind == Kind::BoundMethod) {
        BoundMethod* bm = static_cast<BoundMethod*>(o);
        if (bm->func.tag == Tag::Obj && bm->func.u.o->kind == Kind::Function) {
          // Put self just below the arguments: it takes the callee's slot (dst) when
          // the arguments start right after it, else shift them up by one.
          // CALL/CALLEX: arguments at R[dst+1], the callee slot R[dst] is free now;
          // CALLM without self: arguments at R[dst+2], the self slot R[dst+1] is free.
          args -= 1;
          args[0] = bm->self;
          callee = bm->func;
          o = callee.u.o;
          argc += 1;
        }
      }
      if (o->kind == Kind::Function) {
        Function* fn = static_cast<Function*>(o);
        Proto* cp = fn->proto;
        uint32_t nregs = cp->nregs;
        if (frames.size() >= static_cast<size_t>(options_.recursion_limit) ||
            args + nregs + argc + 16 > stack_limit_) {
          (void)check_stack(*this, args, nregs + argc + 16);
          goto error;
        }
        if (!kwnames && argc == cp->argcount && (cp->proto_flags & kProtoSimpleArgs)) {
          for (uint32_t i = argc; i < nregs; ++i) args[i] = Value();
        } else if (!bind_arguments(*this, fn, args, argc, kwnames)) {
          goto error;
        }
        if (cp->is_generator()) {
          R[dst] = make_generator(*this, fn, args);
          if (ins.x & 2) as_generator(R[dst])->loop_owned = true;
          SAFEPOINT();
          NEXT();
        }
        frames.emplace_back();
        Frame& nf = frames.back();
        nf.func = fn;
        nf.proto = cp;
        nf.pc = cp->code.data();
        nf.base = args;
        nf.globals = fn->globals;
        nf.serial = ++frame_serial_;
        nf.ret_reg = dst;
        nf.exc_base = static_cast<uint32_t>(handled_.size());
        LOAD_FRAME();
        POLL_INTERRUPT();
        SAFEPOINT();
        NEXT();
      }
      if (o->kind == Kind::Type && static_cast<Type*>(o)->is_heap()) {
        // Stackless class instantiation: allocate, then run __init__ as a frame.
        Type* cls = static_cast<Type*>(o);
        Value init;
        Value inst = new_instance_for_call(*this, cls, args, argc, kwnames, &init);
        CHECK(inst);
        if (!init.is_undef() && init.tag == Tag::Obj && init.u.o->kind == Kind::Function) {
          Function* fn = static_cast<Function*>(init.u.o);
          uint32_t nkw = kwnames ? static_cast<uint32_t>(kwnames->len) : 0;
          Value* base = args - 1;  // the free slot before the arguments receives self
          base[0] = inst;
          uint32_t need = fn->proto->nregs > argc + nkw + 1 ? fn->proto->nregs : argc + nkw + 1;
          if (!check_stack(*this, base, need)) goto error;
          if (!bind_arguments(*this, fn, base, argc + 1, kwnames)) goto error;
          (void)push_frame(*this, fn, base, FrameKind::Init, dst);
          frames.back().init_self = inst;
          LOAD_FRAME();
          SAFEPOINT();
          NEXT();
        }
        if (!init.is_undef()) {
          TempRoot keep(*this, inst);
          Value r = call_init_generic(*this, cls, inst, init, args, argc, kwnames);
          CHECK(r);
        }
        R[dst] = inst;
        SAFEPOINT();
        NEXT();
      }
    }
    {
      Value r = call_function(*this, callee, args, argc, kwnames);
      CHECK(r);
      R[dst] = r;
      SAFEPOINT();
      NEXT();
    }
  }

op_RETURN: {
  Value rv = R[ins.a];
  goto do_return_value;
op_RETURN_NONE:
  rv = Value::none();
do_return_value:
  Frame& fr = frames.back();
  if (fr.gen) {
    Generator* g = fr.gen;
    g->state = GenState::Finished;
    g->retval = rv;
    std::free(g->regs);
    g->regs = nullptr;
    g->nregs = 0;
  }
  handled_.resize(fr.exc_base);
  FrameKind kind = fr.kind;
  uint32_t ret = fr.ret_reg;
  const Instr* exhausted = fr.exhausted_pc;
  Value self = fr.init_self;
  Generator* gen = fr.gen;
  frames.pop_back();
  if (kind == FrameKind::Entry) return rv;
  LOAD_FRAME();
  if (gen) {
    // a generator driven by FORITER has finished: leave the loop
    pc = exhausted;
    NEXT();
  }
  if (kind == FrameKind::Init) {
    if (!rv.is_none()) {
      SAVE_PC();
      raise_fmt(exc_.TypeError, "__init__() should return None, not '%s'", type_name(*this, rv));
      goto error;
    }
    rv = self;
  }
  R[ret] = rv;
  NEXT();
}

  // ---------------------------------------------------------------- building
op_BUILD_LIST: {
  List* l = new_list(ins.c);
  for (uint16_t i = 0; i < ins.c; ++i) l->items[i] = R[ins.b + i];
  R[ins.a] = Value::from_obj(l);
  SAFEPOINT();
  NEXT();
}
op_BUILD_TUPLE: {
  Tuple* t = new_tuple(ins.c);
  for (uint16_t i = 0; i < ins.c; ++i) (*t)[i] = R[ins.b + i];
  R[ins.a] = Value::from_obj(t);
  SAFEPOINT();
  NEXT();
}
op_BUILD_SET: {
  SAVE_PC();
  Value v = build_set(*this, R + ins.b, ins.c);
  CHECK(v);
  R[ins.a] = v;
  SAFEPOINT();
  NEXT();
}
op_BUILD_DICT: {
  SAVE_PC();
  Value v = build_dict(*this, R + ins.b, ins.c);
  CHECK(v);
  R[ins.a] = v;
  SAFEPOINT();
  NEXT();
}
op_BUILD_SLICE:
  R[ins.a] = new_slice(R[ins.b], R[ins.b + 1], ins.c == 3 ? R[ins.b + 2] : Value::none());
  SAFEPOINT();
  NEXT();
op_BUILD_STRING: {
  SAVE_PC();
  Value v = build_string(*this, R + ins.b, ins.c);
  CHECK(v);
  R[ins.a] = v;
  SAFEPOINT();
  NEXT();
}
op_FORMAT: {
  SAVE_PC();
  Value v = format_value(*this, R[ins.b], ins.x, ins.c == 0xFFFF ? Value() : R[ins.c]);
  CHECK(v);
  R[ins.a] = v;
  SAFEPOINT();
  NEXT();
}
op_LIST_APPEND:
  list_append(heap, as_list(R[ins.a]), R[ins.b]);
  SAFEPOINT();
  NEXT();
op_LIST_EXTEND:
  SAVE_PC();
  if (!list_extend(*this, R[ins.a], R[ins.b], (ins.x & 1) ? R[ins.c] : Value())) goto error;
  SAFEPOINT();
  NEXT();
op_LIST_TO_TUPLE: {
  List* l = as_list(R[ins.b]);
  Tuple* t = new_tuple(l->len);
  for (size_t i = 0; i < l->len; ++i) (*t)[i] = l->items[i];
  R[ins.a] = Value::from_obj(t);
  SAFEPOINT();
  NEXT();
}
op_SET_ADD:
  SAVE_PC();
  if (!set_add(*this, as_set(R[ins.a]), R[ins.b])) goto error;
  SAFEPOINT();
  NEXT();
op_SET_UPDATE:
  SAVE_PC();
  if (!set_update(*this, as_set(R[ins.a]), R[ins.b])) goto error;
  SAFEPOINT();
  NEXT();
op_DICT_SET:
  SAVE_PC();
  if (!dict_set(*this, as_dict(R[ins.a]), R[ins.b], R[ins.c])) goto error;
  SAFEPOINT();
  NEXT();
op_DICT_UPDATE:
  SAVE_PC();
  if (!dict_update(*this, R[ins.a], R[ins.b], (ins.x & 1) ? R[ins.c] : Value())) goto error;
  SAFEPOINT();
  NEXT();
op_UNPACK: {
  Value seq = R[ins.b];
  if (seq.tag == Tag::Obj && (seq.u.o->type == T.tuple || seq.u.o->type == T.list)) {
    size_t n;
    const Value* items;
    if (seq.u.o->type == T.tuple) {
      n = as_tuple(seq)->len;
      items = as_tuple(seq)->items();
    } else {
      n = as_list(seq)->len;
      items = as_list(seq)->items;
    }
    if (n == ins.c) {
      // copy through a buffer: a target register may alias the source
      Value tmp[16];
      if (n <= 16) {
        for (size_t i = 0; i < n; ++i) tmp[i] = items[i];
        for (size_t i = 0; i < n; ++i) R[ins.a + i] = tmp[i];
        NEXT();
      }
    }
  }
  SAVE_PC();
  if (!unpack(*this, seq, R + ins.a, ins.c)) goto error;
  NEXT();
}
op_UNPACK_EX:
  SAVE_PC();
  if (!unpack_ex(*this, R[ins.b], R + ins.a, ins.c & 0xFF, ins.c >> 8)) goto error;
  SAFEPOINT();
  NEXT();
op_MAKE_FUNCTION: {
  Value fn = make_function(*this, *f, as_proto(K[ins.bx()]), R[ins.a], R[ins.a + 1],
                           R[ins.a + 2]);
  R[ins.a] = fn;
  SAFEPOINT();
  NEXT();
}

  // ---------------------------------------------------------------- modules
op_IMPORT: {
  SAVE_PC();
  Value m = import_name(*this, *f, as_str(K[ins.b]), R[ins.c], ins.x);
  CHECK(m);
  LOAD_FRAME();  // importing ran module code: refresh cached frame pointers
  R[ins.a] = m;
  NEXT();
}
op_IMPORT_FROM: {
  SAVE_PC();
  Value v = import_from(*this, R[ins.b], as_str(K[ins.c]));
  CHECK(v);
  R[ins.a] = v;
  NEXT();
}
op_IMPORT_STAR:
  SAVE_PC();
  if (!import_star(*this, *f, R[ins.a])) goto error;
  NEXT();

  // ---------------------------------------------------------------- exceptions
op_RAISE: {
  SAVE_PC();
  Value e = prepare_raise(*this, R[ins.a], R[ins.b], ins.x);
  if (!failed(e)) set_pending(e);
  goto error;
}
op_RERAISE:
  SAVE_PC();
  set_pending(R[ins.a]);
  goto reraise;
op_EXC_MATCH: {
  SAVE_PC();
  int m = exception_matches(*this, R[ins.b], R[ins.c]);
  if (m < 0) goto error;
  R[ins.a] = Value::from_bool(m);
  NEXT();
}
op_PUSH_EXC:
  handled_.push_back(R[ins.a]);
  NEXT();
op_POP_EXC:
  handled_.resize(f->exc_base + ins.a);
  NEXT();
op_LOAD_SPECIAL: {
  SAVE_PC();
  Value v = load_special(*this, R[ins.b], P->caches[ins.c].name);
  CHECK(v);
  R[ins.a] = v;
  NEXT();
}
op_WITH_EXIT: {
  SAVE_PC();
  Value r = with_exit(*this, R[ins.a], ins.x ? R[ins.b] : Value());
  CHECK(r);
  LOAD_FRAME();
  R[ins.c] = r;
  NEXT();
}

  // ---------------------------------------------------------------- generators
op_YIELD: {
  Value v = R[ins.b];
  Frame& fr = frames.back();
  Generator* g = fr.gen;
  std::memcpy(static_cast<void*>(g->regs), R, sizeof(Value) * g->nregs);
  g->pc = static_cast<uint32_t>(pc - code);
  g->send_reg = ins.a;
  g->state = GenState::Suspended;
  g->saved_exc.assign(handled_.begin() + fr.exc_base, handled_.end());
  handled_.resize(fr.exc_base);
  FrameKind kind = fr.kind;
  uint32_t ret = fr.ret_reg;
  frames.pop_back();
  if (kind == FrameKind::Entry) return v;
  LOAD_FRAME();
  R[ret] = v;
  NEXT();
}
op_YIELD_FROM: {
  // R[B] is the sub-iterator. Take its next item; when exhausted, R[A] := its return
  // value and continue; otherwise yield the item and re-run this instruction on resume.
  SAVE_PC();
  Value item;
  int st = yield_from_step(*this, R[ins.b], R[ins.a], &item);
  if (st < 0) goto error;
  if (st == 0) {
    R[ins.a] = item;  // the sub-generator's return value
    NEXT();
  }
  Frame& fr = frames.back();
  Generator* g = fr.gen;
  std::memcpy(static_cast<void*>(g->regs), R, sizeof(Value) * g->nregs);
  g->pc = static_cast<uint32_t>(pc - 1 - code);  // resume at YIELD_FROM again
  g->send_reg = ins.a;
  g->state = GenState::Suspended;
  g->saved_exc.assign(handled_.begin() + fr.exc_base, handled_.end());
  handled_.resize(fr.exc_base);
  FrameKind kind = fr.kind;
  uint32_t ret = fr.ret_reg;
  frames.pop_back();
  if (kind == FrameKind::Entry) return item;
  LOAD_FRAME();
  R[ret] = item;
  NEXT();
}
op_NOP:
  NEXT();
op_ITER_CLOSE: {
  Value it = R[ins.a];
  if (it.tag == Tag::Obj && it.u.o->kind == Kind::Generator) {
    Generator* g = static_cast<Generator*>(it.u.o);
    if (g->loop_owned && g->state == GenState::Suspended) {
      SAVE_PC();
      Value r = call_method(it, intern("close"), {});
      CHECK(r);
      LOAD_FRAME();
    }
  }
  NEXT();
}

  // ---------------------------------------------------------------- recording
record_hook:
  SAVE_PC();
  if (!jit->record(*f, pc - 1)) dispatch = kDispatch;
  goto* kDispatch[static_cast<uint8_t>(ins.op)];

  // ---------------------------------------------------------------- unwinding
error:
  if (dispatch != kDispatch) {
    dispatch = kDispatch;
    jit->abort_recording("an exception was raised");
  }
  // A new exception (not a re-raise): chain it to the one being handled.
  chain_exception_context(*this);
reraise:
  for (;;) {
    Frame& fr = frames.back();
    uint32_t at = static_cast<uint32_t>(fr.pc - fr.proto->code.data()) - 1;
    add_traceback(*this, pending_, fr, at);
    const Handler* h = nullptr;
    for (const Handler& cand : fr.proto->handlers)
      if (at >= cand.start && at < cand.end) {
        h = &cand;
        break;
      }
    if (h) {
      handled_.resize(fr.exc_base + h->depth);
      fr.base[h->reg] = take_pending();
      fr.pc = fr.proto->code.data() + h->target;
      LOAD_FRAME();
      NEXT();
    }
    if (fr.gen) {
      Generator* g = fr.gen;
      g->state = GenState::Finished;
      std::free(g->regs);
      g->regs = nullptr;
      g->nregs = 0;
      if (pending_matches(exc_.StopIteration)) convert_stop_iteration(*this);
    }
    handled_.resize(fr.exc_base);
    FrameKind kind = fr.kind;
    frames.pop_back();
    if (kind == FrameKind::Entry) return Value();
  }
#undef LOAD_FRAME
#undef SAVE_PC
#undef SAFEPOINT
#undef POLL_INTERRUPT
#undef CHECK
#undef NEXT
#undef JIT_BACK_EDGE
}

}  // namespace pyjitvm::vm

// stdlib/random_module.cpp — the random module: random.Random objects and the
// module-level functions bound to a hidden default instance, on the bit-exact engine
// of stdlib/py_random.h.
//
// Stage: init_random_module() on first `import random`.
//
// Invariants:
//   I1  Same seed, same stream as CPython 3.11 (the engine guarantees the draws; this
//       file converts arguments exactly: ints of any size as 32-bit words, floats via
//       hash()).
//   I2  Each VM has its own default generator (no global state).
#include <cmath>
#include <new>
#include <string>
#include <vector>

#include "stdlib/py_random.h"
#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

struct RandomObj : Object {
  PyRandom gen;
};

RandomObj* rnd(Value v) { return static_cast<RandomObj*>(v.as_obj()); }

void random_finalize(Object* o, Heap&) { static_cast<RandomObj*>(o)->~RandomObj(); }

Value raise_random(VM& vm, const RandomError& e) {
  Type* t;
  switch (e.kind) {
    case RandomErrorKind::kTypeError: t = vm.exc().TypeError; break;
    case RandomErrorKind::kIndexError: t = vm.exc().IndexError; break;
    case RandomErrorKind::kOverflowError: t = vm.exc().OverflowError; break;
    case RandomErrorKind::kZeroDivisionError: t = vm.exc().ZeroDivisionError; break;
    case RandomErrorKind::kMemoryError: t = vm.exc().MemoryError; break;
    default: t = vm.exc().ValueError; break;
  }
  return vm.raise(t, e.message);
}

std::vector<uint32_t> to_words(const BigInt& b) {
  BigInt mag;
  BigInt::abs(b, mag);
  std::vector<uint32_t> words;
  BigInt mask(0xFFFFFFFF);
  while (!mag.is_zero()) {
    BigInt low;
    BigInt::bit_and(mag, mask, low);
    words.push_back(static_cast<uint32_t>(low.to_i64()));
    (void)BigInt::rshift(mag, 32, mag);
  }
  return words;
}

Value from_words(VM& vm, const std::vector<uint32_t>& words) {
  BigInt r;
  for (size_t i = words.size(); i > 0; --i) {
    BigInt shifted;
    (void)BigInt::lshift(r, 32, shifted);
    BigInt::bit_or(shifted, BigInt(static_cast<int64_t>(words[i - 1])), r);
  }
  return int_from_bigint(vm, r);
}

bool do_seed(VM& vm, PyRandom& g, Value a) {
  if (a.is_undef() || a.is_none()) {
    if (!g.seed_urandom()) g.seed_int(0);
    return true;
  }
  if (is_int_like(a)) {
    BigInt b;
    int_to_bigint(a, b);
    std::vector<uint32_t> w = to_words(b);
    g.seed_int_words(w);
    return true;
  }
  if (is_kind(a, Kind::Str)) {
    std::string_view s = as_str(a)->view();
    g.seed_bytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
    return true;
  }
  int64_t h;
  if (!hash(vm, a, h)) return false;
  g.seed_hash(h);
  return true;
}

Value random_construct(VM& vm, Type* cls, const CallArgs& a) {
  if (!check_nargs(vm, a, "Random", 0, 1)) return Value();
  RandomObj* r = vm.heap().make<RandomObj>(cls, Kind::Other, 0);
  VM::TempRoot root(vm, r);
  if (!do_seed(vm, r->gen, a.argc ? a[0] : Value())) return Value();
  return Value::from_obj(r);
}

Value m_seed(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.seed", 0, 2)) return Value();
  if (!do_seed(vm, rnd(a[0])->gen, a.argc > 1 ? a[1] : Value())) return Value();
  return Value::none();
}

Value m_random(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.random", 0, 0)) return Value();
  return Value::from_float(rnd(a[0])->gen.random());
}

Value m_getrandbits(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.getrandbits", 1, 1)) return Value();
  int64_t k;
  if (!index_of(vm, a[1], k)) return Value();
  if (k >= 0 && k <= 62) return Value::from_int(static_cast<int64_t>(rnd(a[0])->gen.getrandbits64(static_cast<int>(k))));
  std::vector<uint32_t> words;
  RandomError err;
  if (!rnd(a[0])->gen.getrandbits(k, &words, &err)) return raise_random(vm, err);
  return from_words(vm, words);
}

// randrange over ints of any size: small ranges use the engine directly.
Value m_randrange(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"randrange", {"self", "start", "stop=", "step="}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  PyRandom& g = rnd(p[0])->gen;
  for (int i = 1; i < 4; ++i) {
    if (p[i].is_undef() || p[i].is_none()) continue;
    if (!is_int_like(p[i])) {
      int64_t tmp;
      if (p[i].is_float())
        return vm.raise(vm.exc().TypeError, "'float' object cannot be interpreted as an integer");
      if (!index_of(vm, p[i], tmp)) return Value();
      p[i] = Value::from_int(tmp);
    }
  }
  bool small = true;
  for (int i = 1; i < 4; ++i)
    if (!p[i].is_undef() && !p[i].is_none() && !p[i].is_int() && !p[i].is_bool()) small = false;
  auto iv = [](Value v) { return v.is_int() ? v.as_int() : static_cast<int64_t>(v.as_bool()); };
  if (small) {
    std::optional<int64_t> stop;
    if (!p[2].is_undef() && !p[2].is_none()) stop = iv(p[2]);
    int64_t step = p[3].is_undef() ? 1 : iv(p[3]);
    int64_t out;
    RandomError err;
    if (!g.randrange(iv(p[1]), stop, step, &out, &err)) return raise_random(vm, err);
    return Value::from_int(out);
  }
  // big ints: start + step * randbelow(n)
  BigInt start, stop, step(1);
  int_to_bigint(p[1], start);
  if (p[2].is_undef() || p[2].is_none()) {
    stop = start;
    start = BigInt(0);
  } else {
    int_to_bigint(p[2], stop);
  }
  if (!p[3].is_undef()) int_to_bigint(p[3], step);
  if (step.is_zero()) return vm.raise(vm.exc().ValueError, "zero step for randrange()");
  BigInt width, n;
  BigInt::sub(stop, start, width);
  BigInt adj;
  if (step.sign() > 0) {
    BigInt::add(width, step, adj);
    BigInt::sub(adj, BigInt(1), adj);
  } else {
    BigInt::add(width, step, adj);
    BigInt::add(adj, BigInt(1), adj);
  }
  (void)BigInt::floordiv(adj, step, n);
  if (n.sign() <= 0) return vm.raise(vm.exc().ValueError, "empty range for randrange()");
  std::vector<uint32_t> r = g.randbelow(to_words(n));
  BigInt k;
  for (size_t i = r.size(); i > 0; --i) {
    BigInt sh;
    (void)BigInt::lshift(k, 32, sh);
    BigInt::bit_or(sh, BigInt(static_cast<int64_t>(r[i - 1])), k);
  }
  BigInt off, res;
  (void)BigInt::mul(step, k, off);
  BigInt::add(start, off, res);
  return int_from_bigint(vm, res);
}

Value m_randint(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.randint", 2, 2)) return Value();
  Value hi = binary_op(vm, BinOp::Add, a[2], Value::from_int(1));
  if (failed(hi)) return hi;
  Value argv[3] = {a[0], a[1], hi};
  return m_randrange(vm, CallArgs{argv, 3, nullptr, nullptr});
}

bool seq_len(VM& vm, Value seq, int64_t& n) { return length(vm, seq, n); }

Value m_choice(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.choice", 1, 1)) return Value();
  int64_t n;
  if (!seq_len(vm, a[1], n)) return Value();
  int64_t idx;
  RandomError err;
  if (!rnd(a[0])->gen.choice(n, &idx, &err)) return raise_random(vm, err);
  return getitem(vm, a[1], Value::from_int(idx));
}

Value m_shuffle(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.shuffle", 1, 1)) return Value();
  Value x = a[1];
  int64_t n;
  if (!seq_len(vm, x, n)) return Value();
  if (is_kind(x, Kind::List)) {
    List* l = as_list(x);
    rnd(a[0])->gen.shuffle_swaps(n, [&](int64_t i, int64_t j) { std::swap(l->items[i], l->items[j]); });
    return Value::none();
  }
  bool ok = true;
  rnd(a[0])->gen.shuffle_swaps(n, [&](int64_t i, int64_t j) {
    if (!ok) return;
    Value vi = getitem(vm, x, Value::from_int(i));
    Value vj = failed(vi) ? vi : getitem(vm, x, Value::from_int(j));
    ok = !failed(vj) && setitem(vm, x, Value::from_int(i), vj) && setitem(vm, x, Value::from_int(j), vi);
  });
  return ok ? Value::none() : Value();
}

Value m_sample(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"sample", {"self", "population", "k", "*", "counts="}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value pop = p[1];
  if (is_kind(pop, Kind::Set) || is_kind(pop, Kind::Dict))
    return vm.raise(vm.exc().TypeError,
                    "Population must be a sequence.  For dicts or sets, use sorted(d).");
  int64_t n, k;
  if (!seq_len(vm, pop, n) || !index_of(vm, p[2], k)) return Value();
  std::vector<int64_t> idx;
  RandomError err;
  if (!p[3].is_undef() && !p[3].is_none()) {
    std::vector<int64_t> counts;
    if (!for_each(vm, p[3], [&](Value c) {
          int64_t ci;
          if (!index_of(vm, c, ci)) return false;
          counts.push_back(ci);
          return true;
        }))
      return Value();
    if (!rnd(p[0])->gen.sample_counts(n, counts, k, &idx, &err)) return raise_random(vm, err);
  } else if (!rnd(p[0])->gen.sample(n, k, &idx, &err)) {
    return raise_random(vm, err);
  }
  List* out = vm.new_list(idx.size());
  VM::TempRoot root(vm, out);
  for (size_t i = 0; i < idx.size(); ++i) {
    Value v = getitem(vm, pop, Value::from_int(idx[i]));
    if (failed(v)) return v;
    out->items[i] = v;
  }
  return Value::from_obj(out);
}

Value m_choices(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"choices", {"self", "population", "weights=", "*", "cum_weights=", "k="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t n, k = 1;
  if (!seq_len(vm, p[1], n)) return Value();
  if (!p[4].is_undef() && !index_of(vm, p[4], k)) return Value();
  std::vector<int64_t> idx;
  RandomError err;
  bool have_w = !p[2].is_undef() && !p[2].is_none();
  bool have_cw = !p[3].is_undef() && !p[3].is_none();
  if (have_w && have_cw) return vm.raise(vm.exc().TypeError, "Cannot specify both weights and cumulative weights");
  if (have_w || have_cw) {
    std::vector<double> w;
    if (!for_each(vm, have_w ? p[2] : p[3], [&](Value x) {
          double d;
          if (!to_double(vm, x, d)) return false;
          w.push_back(d);
          return true;
        }))
      return Value();
    if (!rnd(p[0])->gen.choices_weighted(n, w, have_cw, k, &idx, &err)) return raise_random(vm, err);
  } else if (!rnd(p[0])->gen.choices(n, k, &idx, &err)) {
    return raise_random(vm, err);
  }
  List* out = vm.new_list(idx.size());
  VM::TempRoot root(vm, out);
  for (size_t i = 0; i < idx.size(); ++i) {
    Value v = getitem(vm, p[1], Value::from_int(idx[i]));
    if (failed(v)) return v;
    out->items[i] = v;
  }
  return Value::from_obj(out);
}

bool two_doubles(VM& vm, const CallArgs& a, const char* name, double& x, double& y, double dx = 0,
                 double dy = 1, uint32_t min = 3) {
  if (!check_nargs(vm, a, name, min, 3)) return false;
  x = dx;
  y = dy;
  if (a.argc > 1 && !to_double(vm, a[1], x)) return false;
  if (a.argc > 2 && !to_double(vm, a[2], y)) return false;
  return true;
}

Value m_uniform(VM& vm, const CallArgs& a) {
  double x, y;
  if (!two_doubles(vm, a, "uniform", x, y)) return Value();
  return Value::from_float(rnd(a[0])->gen.uniform(x, y));
}

Value m_triangular(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.triangular", 0, 3)) return Value();
  double lo = 0, hi = 1;
  std::optional<double> mode;
  if (a.argc > 1 && !to_double(vm, a[1], lo)) return Value();
  if (a.argc > 2 && !to_double(vm, a[2], hi)) return Value();
  if (a.argc > 3 && !a[3].is_none()) {
    double m;
    if (!to_double(vm, a[3], m)) return Value();
    mode = m;
  }
  return Value::from_float(rnd(a[0])->gen.triangular(lo, hi, mode));
}

Value m_gauss(VM& vm, const CallArgs& a) {
  double mu, sigma;
  if (!two_doubles(vm, a, "gauss", mu, sigma, 0, 1, 1)) return Value();
  return Value::from_float(rnd(a[0])->gen.gauss(mu, sigma));
}

Value m_normalvariate(VM& vm, const CallArgs& a) {
  double mu, sigma;
  if (!two_doubles(vm, a, "normalvariate", mu, sigma, 0, 1, 1)) return Value();
  return Value::from_float(rnd(a[0])->gen.normalvariate(mu, sigma));
}

template <bool (PyRandom::*F)(double, double, double*, RandomError*)>
Value two_arg_dist(VM& vm, const CallArgs& a) {
  double x, y;
  if (!two_doubles(vm, a, "variate", x, y)) return Value();
  double out;
  RandomError err;
  if (!(rnd(a[0])->gen.*F)(x, y, &out, &err)) return raise_random(vm, err);
  return Value::from_float(out);
}

Value m_expovariate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.expovariate", 1, 1)) return Value();
  double l;
  if (!to_double(vm, a[1], l)) return Value();
  double out;
  RandomError err;
  if (!rnd(a[0])->gen.expovariate(l, &out, &err)) return raise_random(vm, err);
  return Value::from_float(out);
}

Value m_paretovariate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.paretovariate", 1, 1)) return Value();
  double al;
  if (!to_double(vm, a[1], al)) return Value();
  double out;
  RandomError err;
  if (!rnd(a[0])->gen.paretovariate(al, &out, &err)) return raise_random(vm, err);
  return Value::from_float(out);
}

// getstate(): (3, (625 ints: 624 state words + position), gauss_next or None)
Value m_getstate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.getstate", 0, 0)) return Value();
  PyRandomState st = rnd(a[0])->gen.getstate();
  Tuple* words = vm.new_tuple(625);
  VM::TempRoot root(vm, words);
  for (int i = 0; i < 624; ++i) (*words)[i] = Value::from_int(st.mt.key[i]);
  (*words)[624] = Value::from_int(st.mt.pos);
  Value gauss = st.gauss_next ? Value::from_float(*st.gauss_next) : Value::none();
  return Value::from_obj(vm.tuple_of({Value::from_int(3), Value::from_obj(words), gauss}));
}

Value m_setstate(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "Random.setstate", 1, 1)) return Value();
  Value s = a[1];
  if (!is_kind(s, Kind::Tuple) || as_tuple(s)->len != 3)
    return vm.raise(vm.exc().TypeError, "state vector must be a tuple");
  Tuple* t = as_tuple(s);
  if (!(*t)[0].is_int() || (*t)[0].as_int() != 3)
    return vm.raise_fmt(vm.exc().ValueError, "state with version %s passed to Random.setstate() of version 3",
                        (*t)[0].is_int() ? std::to_string((*t)[0].as_int()).c_str() : "?");
  if (!is_kind((*t)[1], Kind::Tuple) || as_tuple((*t)[1])->len != 625)
    return vm.raise(vm.exc().ValueError, "state vector is the wrong size");
  Tuple* w = as_tuple((*t)[1]);
  PyRandomState st;
  for (int i = 0; i < 624; ++i) {
    int64_t v;
    if (!index_of(vm, (*w)[i], v)) return Value();
    st.mt.key[i] = static_cast<uint32_t>(v);
  }
  int64_t pos;
  if (!index_of(vm, (*w)[624], pos)) return Value();
  st.mt.pos = static_cast<int>(pos);
  if (!(*t)[2].is_none()) {
    double g;
    if (!to_double(vm, (*t)[2], g)) return Value();
    st.gauss_next = g;
  }
  RandomError err;
  if (!rnd(a[0])->gen.setstate(st, &err)) return raise_random(vm, err);
  return Value::none();
}

const MethodDef kMethods[] = {
    {"getstate", m_getstate},
    {"setstate", m_setstate},
    {"seed", m_seed},
    {"random", m_random},
    {"getrandbits", m_getrandbits},
    {"randrange", m_randrange},
    {"randint", m_randint},
    {"choice", m_choice},
    {"shuffle", m_shuffle},
    {"sample", m_sample},
    {"choices", m_choices},
    {"uniform", m_uniform},
    {"triangular", m_triangular},
    {"gauss", m_gauss},
    {"normalvariate", m_normalvariate},
    {"lognormvariate", two_arg_dist<&PyRandom::lognormvariate>},
    {"vonmisesvariate", two_arg_dist<&PyRandom::vonmisesvariate>},
    {"gammavariate", two_arg_dist<&PyRandom::gammavariate>},
    {"betavariate", two_arg_dist<&PyRandom::betavariate>},
    {"weibullvariate", two_arg_dist<&PyRandom::weibullvariate>},
    {"expovariate", m_expovariate},
    {"paretovariate", m_paretovariate},
};

}  // namespace

Module* init_random_module(VM& vm) {
  Module* m = vm.new_module("random");
  VM::TempRoot root(vm, m);
  Type* t = make_builtin_type(vm, "Random", vm.types().object, Kind::Other, kTypeBaseType);
  t->module_name = vm.intern("random");
  t->slots.finalize = random_finalize;
  t->slots.construct = random_construct;
  add_methods(vm, t, kMethods);
  set_attr_str(vm, m->dict, "Random", Value::from_obj(t));
  Value inst = random_construct(vm, t, CallArgs{});
  if (failed(inst)) return nullptr;
  set_attr_str(vm, m->dict, "_inst", inst);
  for (const MethodDef& d : kMethods) {
    NativeFunction* f = vm.new_native(d.name, d.fn);
    f->self = inst;
    set_attr_str(vm, m->dict, d.name, Value::from_obj(f));
  }
  return m;
}

}  // namespace pyjitvm::stdlib

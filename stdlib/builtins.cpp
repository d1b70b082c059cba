// stdlib/builtins.cpp — the builtins module: print, len, abs, min/max, sum, sorted,
// isinstance, getattr & co., conversions (chr/ord/hex/bin/round/divmod/pow), input.
//
// Stage: install_builtins() fills vm.builtins() with these functions, the builtin
// types (int, str, list, ...), the exception classes and the constants.
//
// Invariants:
//   I1  Results and error messages follow CPython 3.11 (e.g. "max() arg is an empty
//       sequence", "ord() expected a character, but string of length 2 found").
//   I2  Functions only use the object API (vm/ops.h, vm/native.h); they never reach
//       into the interpreter.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/class_object.h"
#include "vm/errors.h"
#include "vm/floatops.h"
#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"
#include "vm/seq_util.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

// ------------------------------------------------------------------ output
bool write_to(VM& vm, Value file, std::string_view text) {
  if (file.is_undef() || file.is_none()) {
    Value out = sys_stdout(vm);
    if (out.is_undef()) {
      vm.write_stdout(text);
      return true;
    }
    file = out;
  }
  Value r = vm.call_method(file, vm.names().write, {vm.str(text)});
  return !failed(r);
}

Value b_print(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"print", {"*args", "sep=", "end=", "file=", "flush="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::string sep = " ", end = "\n";
  for (int i = 1; i <= 2; ++i) {
    if (p[i].is_undef() || p[i].is_none()) continue;
    if (!is_kind(p[i], Kind::Str))
      return vm.raise_fmt(vm.exc().TypeError, "%s must be None or a string, not %s",
                          i == 1 ? "sep" : "end", type_name(vm, p[i]));
    (i == 1 ? sep : end) = std::string(as_str(p[i])->view());
  }
  Tuple* args = as_tuple(p[0]);
  bool own_stdout = p[3].is_undef() || p[3].is_none();
  if (own_stdout) {
    Value so = sys_stdout(vm);
    own_stdout = so.is_undef() || so.as_obj()->type == as_type(vm.get_ext("io.TextIOWrapper"));
  }
  if (own_stdout) {
    std::string out;
    for (size_t i = 0; i < args->len; ++i) {
      if (i) out += sep;
      if (!str_append(vm, (*args)[i], out)) return Value();
    }
    out += end;
    if (!write_to(vm, p[3], out)) return Value();
  } else {
    // a user file object: one write() per piece, as CPython
    for (size_t i = 0; i < args->len; ++i) {
      if (i && !write_to(vm, p[3], sep)) return Value();
      std::string piece;
      if (!str_append(vm, (*args)[i], piece)) return Value();
      if (!write_to(vm, p[3], piece)) return Value();
    }
    if (!write_to(vm, p[3], end)) return Value();
  }
  if (!p[4].is_undef() && truthy(vm, p[4]) > 0) {
    if (p[3].is_undef() || p[3].is_none()) vm.flush_stdout();
  }
  return Value::none();
}

Value b_len(VM& vm, const CallArgs& a) {
  if (a.argc != 1 || a.nkw())
    return vm.raise_fmt(vm.exc().TypeError, "len() takes exactly one argument (%u given)", a.argc);
  int64_t n;
  if (!length(vm, a[0], n)) return Value();
  return Value::from_int(n);
}

Value b_repr(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "repr", 1, 1)) return Value();
  return repr(vm, a[0]);
}

Value b_ascii(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "ascii", 1, 1)) return Value();
  return ascii(vm, a[0]);
}

Value b_abs(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "abs", 1, 1)) return Value();
  Value v = a[0];
  if (v.is_int()) {
    if (v.as_int() >= 0) return v;
    if (v.as_int() != INT64_MIN) return Value::from_int(-v.as_int());
  }
  if (v.is_bool()) return Value::from_int(v.as_bool());
  if (v.is_float()) return Value::from_float(std::fabs(v.as_float()));
  if (is_int_like(v)) {
    BigInt b, r;
    int_to_bigint(v, b);
    BigInt::abs(b, r);
    return int_from_bigint(vm, r);
  }
  if (is_kind(v, Kind::Complex)) return complex_abs_value(vm, v);
  Value m = lookup_special_method(vm, v, vm.names().abs);
  if (!m.is_undef()) return vm.call(m, {});
  if (vm.has_pending()) return Value();
  return vm.raise_fmt(vm.exc().TypeError, "bad operand type for abs(): '%s'", type_name(vm, v));
}

// min/max share this: mode -1 min, +1 max.
Value minmax(VM& vm, const CallArgs& a, int mode) {
  const char* name = mode < 0 ? "min" : "max";
  static const ArgSpec kMin{"min", {"*args", "key=", "default="}};
  static const ArgSpec kMax{"max", {"*args", "key=", "default="}};
  Value p[3];
  if (!parse_args(vm, a, mode < 0 ? kMin : kMax, p)) return Value();
  Tuple* args = as_tuple(p[0]);
  Value key = p[1].is_none() ? Value() : p[1];
  if (args->len == 0)
    return vm.raise_fmt(vm.exc().TypeError, "%s expected at least 1 argument, got 0", name);
  Value iterable;
  if (args->len == 1) {
    iterable = (*args)[0];
  } else {
    if (!p[2].is_undef())
      return vm.raise_fmt(vm.exc().TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments", name);
    iterable = p[0];
  }
  Value best, best_key;
  bool have = false;
  List* keep = vm.new_list(0);  // roots best/best_key across key() calls
  VM::TempRoot root(vm, keep);
  list_resize(vm.heap(), keep, 2);
  bool ok = for_each(vm, iterable, [&](Value item) {
    Value k = item;
    if (!key.is_undef()) {
      k = vm.call(key, {item});
      if (failed(k)) return false;
    }
    if (!have) {
      best = item;
      best_key = k;
      have = true;
    } else {
      int c = compare_bool(vm, k, best_key, mode < 0 ? CmpOp::Lt : CmpOp::Gt);
      if (c < 0) return false;
      if (c) {
        best = item;
        best_key = k;
      }
    }
    keep->items[0] = best;
    keep->items[1] = best_key;
    return true;
  });
  if (!ok) return Value();
  if (!have) {
    if (!p[2].is_undef()) return p[2];
    return vm.raise_fmt(vm.exc().ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value b_min(VM& vm, const CallArgs& a) { return minmax(vm, a, -1); }
Value b_max(VM& vm, const CallArgs& a) { return minmax(vm, a, 1); }

Value b_sum(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"sum", {"iterable", "/", "start="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value acc = p[1].is_undef() ? Value::from_int(0) : p[1];
  if (is_kind(acc, Kind::Str))
    return vm.raise(vm.exc().TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  // Float accumulation uses plain left-to-right addition (CPython 3.11 does too).
  List* keep = vm.new_list(1);
  VM::TempRoot root(vm, keep);
  bool ok = for_each(vm, p[0], [&](Value item) {
    if (acc.is_int() && item.is_int()) {
      int64_t r;
      if (!__builtin_add_overflow(acc.as_int(), item.as_int(), &r)) {
        acc = Value::from_int(r);
        return true;
      }
    } else if (acc.is_float() && item.is_float()) {
      acc = Value::from_float(acc.as_float() + item.as_float());
      return true;
    }
    Value r = binary_op(vm, BinOp::Add, acc, item);
    if (failed(r)) return false;
    acc = r;
    keep->items[0] = acc;
    return true;
  });
  return ok ? acc : Value();
}

Value b_sorted(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"sorted", {"iterable", "/", "*", "key=", "reverse="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  List* l = vm.new_list(0);
  VM::TempRoot root(vm, l);
  if (!for_each(vm, p[0], [&](Value v) {
        list_append(vm.heap(), l, v);
        return true;
      }))
    return Value();
  std::vector<Value> items(l->items, l->items + l->len);
  bool reverse = false;
  if (!p[2].is_undef()) {
    int t = truthy(vm, p[2]);
    if (t < 0) return Value();
    reverse = t;
  }
  if (!sort_values(vm, items, p[1], reverse)) return Value();
  for (size_t i = 0; i < items.size(); ++i) l->items[i] = items[i];
  return Value::from_obj(l);
}

Value b_isinstance(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "isinstance", 2, 2)) return Value();
  int r = isinstance_check(vm, a[0], a[1]);
  if (r < 0) return Value();
  return Value::from_bool(r);
}

int subclass_check(VM& vm, Value cls, Value info) {
  if (is_kind(info, Kind::Tuple)) {
    Tuple* t = as_tuple(info);
    for (size_t i = 0; i < t->len; ++i) {
      int r = subclass_check(vm, cls, (*t)[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_kind(info, Kind::Type)) {
    vm.raise(vm.exc().TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return as_type(cls)->is_subtype_of(as_type(info));
}

Value b_issubclass(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "issubclass", 2, 2)) return Value();
  if (!is_kind(a[0], Kind::Type)) return vm.raise(vm.exc().TypeError, "issubclass() arg 1 must be a class");
  int r = subclass_check(vm, a[0], a[1]);
  if (r < 0) return Value();
  return Value::from_bool(r);
}

Value b_hasattr(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "hasattr", 2, 2)) return Value();
  Str* name;
  if (!is_kind(a[1], Kind::Str)) return vm.raise_fmt(vm.exc().TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
  name = as_str(a[1]);
  Value v = getattr(vm, a[0], name);
  if (!failed(v)) return Value::from_bool(true);
  if (vm.pending_matches(vm.exc().AttributeError)) {
    vm.clear_pending();
    return Value::from_bool(false);
  }
  return Value();
}

Value b_getattr(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "getattr", 2, 3)) return Value();
  if (!is_kind(a[1], Kind::Str)) return vm.raise_fmt(vm.exc().TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
  Value v = getattr(vm, a[0], as_str(a[1]));
  if (failed(v) && a.argc == 3 && vm.pending_matches(vm.exc().AttributeError)) {
    vm.clear_pending();
    return a[2];
  }
  return v;
}

Value b_setattr(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "setattr", 3, 3)) return Value();
  if (!is_kind(a[1], Kind::Str)) return vm.raise_fmt(vm.exc().TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
  if (!setattr(vm, a[0], as_str(a[1]), a[2])) return Value();
  return Value::none();
}

Value b_delattr(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "delattr", 2, 2)) return Value();
  if (!is_kind(a[1], Kind::Str)) return vm.raise_fmt(vm.exc().TypeError, "attribute name must be string, not '%s'", type_name(vm, a[1]));
  if (!delattr(vm, a[0], as_str(a[1]))) return Value();
  return Value::none();
}

Value b_callable(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "callable", 1, 1)) return Value();
  return Value::from_bool(is_callable(vm, a[0]));
}

Value b_iter(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "iter", 1, 2)) return Value();
  if (a.argc == 2) {
    if (!is_callable(vm, a[0])) return vm.raise(vm.exc().TypeError, "iter(v, w): v must be callable");
    Tuple* t = vm.tuple_of({a[0], a[1]});
    return Value::from_obj(new_iter(vm, vm.types().callable_iter, Value::from_obj(t)));
  }
  return get_iter(vm, a[0]);
}

Value b_next(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "next", 1, 2)) return Value();
  Type* t = vm.type_of(a[0]);
  if (!t->slots.next)
    return vm.raise_fmt(vm.exc().TypeError, "'%s' object is not an iterator", t->name->data());
  Value v = iter_next(vm, a[0]);
  if (!failed(v)) return v;
  if (vm.has_pending()) {
    if (a.argc == 2 && vm.pending_matches(vm.exc().StopIteration)) {
      vm.clear_pending();
      return a[1];
    }
    return Value();
  }
  if (a.argc == 2) return a[1];
  if (is_kind(a[0], Kind::Generator)) {
    Value rv = as_generator(a[0])->retval;
    if (!rv.is_undef() && !rv.is_none()) return vm.raise_with_args(vm.exc().StopIteration, rv);
  }
  vm.set_pending(vm.new_exception_args(vm.exc().StopIteration, vm.empty_tuple()));
  return Value();
}

Value any_all(VM& vm, const CallArgs& a, bool is_any) {
  if (!check_nargs(vm, a, is_any ? "any" : "all", 1, 1)) return Value();
  bool result = !is_any;
  bool ok = for_each(vm, a[0], [&](Value v) {
    int t = truthy(vm, v);
    if (t < 0) return false;
    if (is_any && t) {
      result = true;
      return false;
    }
    if (!is_any && !t) {
      result = false;
      return false;
    }
    return true;
  });
  if (!ok && vm.has_pending()) return Value();
  return Value::from_bool(result);
}
Value b_any(VM& vm, const CallArgs& a) { return any_all(vm, a, true); }
Value b_all(VM& vm, const CallArgs& a) { return any_all(vm, a, false); }

Value b_chr(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "chr", 1, 1)) return Value();
  int64_t c;
  if (a[0].is_float()) return vm.raise(vm.exc().TypeError, "'float' object cannot be interpreted as an integer");
  if (!index_of(vm, a[0], c)) return Value();
  if (c < 0 || c > 0x10FFFF) return vm.raise(vm.exc().ValueError, "chr() arg not in range(0x110000)");
  std::string s;
  utf8_append(s, static_cast<uint32_t>(c));
  return vm.str(s);
}

Value b_ord(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "ord", 1, 1)) return Value();
  if (!is_kind(a[0], Kind::Str))
    return vm.raise_fmt(vm.exc().TypeError, "ord() expected string of length 1, but %s found",
                        type_name(vm, a[0]));
  Str* s = as_str(a[0]);
  if (s->nchars != 1)
    return vm.raise_fmt(vm.exc().TypeError, "ord() expected a character, but string of length %zu found",
                        s->nchars);
  size_t pos = 0;
  return Value::from_int(utf8_decode(s->view(), pos));
}

Value base_repr(VM& vm, const CallArgs& a, const char* name, int base) {
  if (!check_nargs(vm, a, name, 1, 1)) return Value();
  Value v = a[0];
  if (!is_int_like(v)) {
    int64_t i;
    if (!index_of(vm, v, i)) return Value();
    v = Value::from_int(i);
  }
  if (v.is_int() || v.is_bool()) return vm.str(int_to_prefixed(v.is_int() ? v.as_int() : v.as_bool(), base));
  BigInt b;
  int_to_bigint(v, b);
  return vm.str(bigint_to_prefixed(b, base));
}
Value b_hex(VM& vm, const CallArgs& a) { return base_repr(vm, a, "hex", 16); }
Value b_oct(VM& vm, const CallArgs& a) { return base_repr(vm, a, "oct", 8); }
Value b_bin(VM& vm, const CallArgs& a) { return base_repr(vm, a, "bin", 2); }

Value b_hash(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "hash", 1, 1)) return Value();
  int64_t h;
  if (!hash(vm, a[0], h)) return Value();
  return Value::from_int(h);
}

Value b_id(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "id", 1, 1)) return Value();
  Value v = a[0];
  if (v.is_obj()) return Value::from_int(vm.next_id(v.as_obj()));
  // immediates: a stable per-value identity
  return Value::from_int(static_cast<int64_t>(static_cast<uint64_t>(v.u.i) * 2654435761u) | 1);
}

Value b_round(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"round", {"number", "ndigits="}};
  Value p[2];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  Value x = p[0];
  bool has_nd = !p[1].is_undef() && !p[1].is_none();
  int64_t nd = 0;
  if (has_nd && !index_of(vm, p[1], nd)) return Value();
  if (x.is_float()) {
    if (!has_nd) {
      BigInt b;
      NumStatus st = py_float_round_to_int(x.as_float(), b);
      if (!st.ok()) return raise_status(vm, st);
      return int_from_bigint(vm, b);
    }
    double r;
    NumStatus st = py_float_round(x.as_float(), nd, r);
    if (!st.ok()) return raise_status(vm, st);
    return Value::from_float(r);
  }
  if (is_int_like(x)) {
    if (!has_nd || nd >= 0) return x.is_bool() ? Value::from_int(x.as_bool()) : x;
    BigInt b, r;
    int_to_bigint(x, b);
    NumStatus st = py_int_round(b, nd, r);
    if (!st.ok()) return raise_status(vm, st);
    return int_from_bigint(vm, r);
  }
  Value m = lookup_special_method(vm, x, vm.names().round);
  if (!m.is_undef()) return has_nd ? vm.call(m, {p[1]}) : vm.call(m, {});
  if (vm.has_pending()) return Value();
  return vm.raise_fmt(vm.exc().TypeError, "type %s doesn't define __round__ method", type_name(vm, x));
}

Value b_divmod(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "divmod", 2, 2)) return Value();
  if (a[0].is_float() || a[1].is_float()) {
    double x, y;
    if (is_number(a[0]) && is_number(a[1]) && to_double(vm, a[0], x) && to_double(vm, a[1], y)) {
      double q, r;
      NumStatus st = py_float_divmod(x, y, q, r);
      if (!st.ok()) return raise_status(vm, st);
      return Value::from_obj(vm.tuple_of({Value::from_float(q), Value::from_float(r)}));
    }
    if (vm.has_pending()) return Value();
  }
  Value q = binary_op(vm, BinOp::FloorDiv, a[0], a[1]);
  if (failed(q)) {
    if (vm.pending_matches(vm.exc().TypeError)) {
      vm.clear_pending();
      return vm.raise_fmt(vm.exc().TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                          type_name(vm, a[0]), type_name(vm, a[1]));
    }
    return q;
  }
  VM::TempRoot root(vm, q);
  Value r = binary_op(vm, BinOp::Mod, a[0], a[1]);
  if (failed(r)) return r;
  return Value::from_obj(vm.tuple_of({q, r}));
}

Value b_pow(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"pow", {"base", "exp", "mod="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  if (p[2].is_undef() || p[2].is_none()) return binary_op(vm, BinOp::Pow, p[0], p[1]);
  if (!is_int_like(p[0]) || !is_int_like(p[1]) || !is_int_like(p[2]))
    return vm.raise(vm.exc().TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return int_pow_mod(vm, p[0], p[1], p[2]);
}

Value b_format(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "format", 1, 2)) return Value();
  Str* spec = vm.intern("");
  if (a.argc == 2) {
    if (!is_kind(a[1], Kind::Str))
      return vm.raise_fmt(vm.exc().TypeError, "format() argument 2 must be str, not %s", type_name(vm, a[1]));
    spec = as_str(a[1]);
  }
  return format(vm, a[0], spec);
}

Value b_input(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "input", 0, 1)) return Value();
  if (a.argc == 1) {
    std::string prompt;
    if (!str_append(vm, a[0], prompt)) return Value();
    vm.write_stdout(prompt);
  }
  vm.flush_stdout();
  std::string line;
  int c;
  bool any = false;
  while ((c = std::fgetc(stdin)) != EOF) {
    any = true;
    if (c == '\n') break;
    line.push_back(static_cast<char>(c));
  }
  if (!any) return vm.raise(vm.exc().EOFError, "EOF when reading a line");
  return vm.str(line);
}

Value b_build_class(VM& vm, const CallArgs& a) { return build_class(vm, a); }

Value b_globals(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "globals", 0, 0)) return Value();
  auto& frames = vm.frames();
  if (frames.empty()) return Value::from_obj(vm.main_module()->dict);
  return Value::from_obj(frames.back().globals);
}

Value b_vars(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "vars", 0, 1)) return Value();
  if (a.argc == 0) return b_globals(vm, CallArgs{});
  Value d = getattr(vm, a[0], vm.names().dict);
  if (failed(d) && vm.pending_matches(vm.exc().AttributeError)) {
    vm.clear_pending();
    return vm.raise(vm.exc().TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

Value b_dir(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "dir", 0, 1)) return Value();
  Set* names = vm.new_set();
  VM::TempRoot root(vm, names);
  auto add_dict = [&](Dict* d) {
    if (!d) return true;
    uint32_t pos = 0;
    DictEntry* e;
    while (dict_next(d, pos, e))
      if (!set_add(vm, names, e->key)) return false;
    return true;
  };
  if (a.argc == 0) {
    if (!add_dict(vm.frames().empty() ? vm.main_module()->dict : vm.frames().back().globals)) return Value();
  } else {
    Value v = a[0];
    if (v.is_obj() && (v.as_obj()->kind == Kind::Instance || v.as_obj()->kind == Kind::Module ||
                       v.as_obj()->kind == Kind::Function || v.as_obj()->kind == Kind::Exception))
      if (!add_dict(static_cast<DictObject*>(v.as_obj())->dict)) return Value();
    Type* t = is_kind(v, Kind::Type) ? as_type(v) : vm.type_of(v);
    if (v.is_obj() && v.as_obj()->kind == Kind::Module) t = nullptr;
    if (t)
      for (Type* m : t->mro)
        if (!add_dict(m->dict)) return Value();
  }
  List* l = vm.new_list(0);
  VM::TempRoot r2(vm, l);
  size_t pos = 0;
  SetEntry* e;
  while (set_next(names, pos, e)) list_append(vm.heap(), l, e->key);
  std::vector<Value> items(l->items, l->items + l->len);
  if (!sort_values(vm, items, Value(), false)) return Value();
  for (size_t i = 0; i < items.size(); ++i) l->items[i] = items[i];
  return Value::from_obj(l);
}

// eval/exec/compile of source strings are outside the supported subset.
Value b_unsupported_eval(VM& vm, const CallArgs& a) {
  NativeFunction* f = static_cast<NativeFunction*>(a.callee);
  return vm.raise_fmt(vm.exc().NotImplementedError,
                      "%s() of source strings is not supported by pyjitvm", f->name->data());
}

Value b_locals(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "locals", 0, 0)) return Value();
  auto& frames = vm.frames();
  if (frames.empty()) return Value::from_obj(vm.main_module()->dict);
  const Frame& f = frames.back();
  if (f.locals) return Value::from_obj(f.locals);
  if (f.proto->proto_flags & kProtoModule) return Value::from_obj(f.globals);
  // a function frame: a snapshot of the bound locals, as CPython
  Dict* d = vm.new_dict();
  VM::TempRoot root(vm, d);
  for (uint32_t i = 0; i < f.proto->nlocals && i < f.proto->varnames.size(); ++i) {
    Value v = f.base[i];
    if (v.is_undef()) continue;
    if (is_kind(v, Kind::Cell)) {
      v = as_cell(v)->value;
      if (v.is_undef()) continue;
    }
    dict_set_str(vm.heap(), d, f.proto->varnames[i], v);
  }
  return Value::from_obj(d);
}

// sys.displayhook: the REPL echo of expression statements.
Value b_displayhook(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "displayhook", 1, 1)) return Value();
  if (a[0].is_none()) return Value::none();
  set_attr_str(vm, vm.builtins()->dict, "_", Value::none());
  std::string out;
  if (!repr_append(vm, a[0], out)) return Value();
  out += "\n";
  if (!write_to(vm, Value(), out)) return Value();
  set_attr_str(vm, vm.builtins()->dict, "_", a[0]);
  return Value::none();
}

Value b_exit(VM& vm, const CallArgs& a) {
  if (a.argc == 0) return vm.raise_value(Value::from_obj(vm.exc().SystemExit));
  return vm.raise_with_args(vm.exc().SystemExit, a[0]);
}

}  // namespace

void install_builtins(VM& vm) {
  Dict* b = vm.builtins()->dict;
  static const MethodDef kFuncs[] = {
      {"print", b_print},         {"len", b_len},           {"repr", b_repr},
      {"ascii", b_ascii},         {"abs", b_abs},           {"min", b_min},
      {"max", b_max},             {"sum", b_sum},           {"sorted", b_sorted},
      {"isinstance", b_isinstance}, {"issubclass", b_issubclass}, {"hasattr", b_hasattr},
      {"getattr", b_getattr},     {"setattr", b_setattr},   {"delattr", b_delattr},
      {"callable", b_callable},   {"iter", b_iter},         {"next", b_next},
      {"any", b_any},             {"all", b_all},           {"chr", b_chr},
      {"ord", b_ord},             {"hex", b_hex},           {"oct", b_oct},
      {"bin", b_bin},             {"hash", b_hash},         {"id", b_id},
      {"round", b_round},         {"divmod", b_divmod},     {"pow", b_pow},
      {"format", b_format},       {"input", b_input},       {"__build_class__", b_build_class},
      {"globals", b_globals},     {"vars", b_vars},         {"dir", b_dir},
      {"exit", b_exit},           {"quit", b_exit},         {"__displayhook__", b_displayhook},
      {"eval", b_unsupported_eval}, {"exec", b_unsupported_eval}, {"compile", b_unsupported_eval},
      {"locals", b_locals},
  };
  add_functions(vm, b, kFuncs);
  const Types& T = vm.types();
  Type* types[] = {T.object, T.type, T.bool_, T.int_, T.float_, T.complex, T.str, T.list,
                   T.tuple, T.dict, T.set, T.frozenset, T.range, T.slice, T.staticmethod,
                   T.classmethod, T.property, T.super_};
  for (Type* t : types) set_attr_str(vm, b, t->name->view(), Value::from_obj(t));
  const ExcTypes& E = vm.exc();
  Type* const* excs = reinterpret_cast<Type* const*>(&E);
  for (size_t i = 0; i < sizeof(ExcTypes) / sizeof(Type*); ++i)
    if (excs[i]) set_attr_str(vm, b, excs[i]->name->view(), Value::from_obj(excs[i]));
  set_attr_str(vm, b, "None", Value::none());
  set_attr_str(vm, b, "True", Value::from_bool(true));
  set_attr_str(vm, b, "False", Value::from_bool(false));
  set_attr_str(vm, b, "NotImplemented", vm.not_implemented());
  set_attr_str(vm, b, "Ellipsis", vm.ellipsis());
  set_attr_str(vm, b, "__debug__", Value::from_bool(true));
  install_builtin_iterators(vm);
}

}  // namespace pyjitvm::stdlib

// jit/record_access.cpp — the recorder's globals, module attributes, calls of
// intrinsics, and element access on lists, tuples and ndarrays.
//
// Stage: recorder dispatch → these helpers → IR (recorder.h).
//
// Invariants:
//   I1  A global or module attribute is read through its dict entry, guarded by the
//       dict's layout version (the interpreter's inline-cache rule, bytecode.h); a
//       callable or module read that way is then guarded by identity and becomes a
//       constant.
//   I2  Indexing follows the interpreter: a negative index counts from the end, and
//       any index outside [-n, n) leaves the trace (the interpreter raises).
//   I3  ndarray elements are read only in njit code (kProtoNumba), where int64,
//       float64 and bool elements are plain Python numbers; elsewhere they would be
//       NumPy scalar objects, which a trace cannot allocate.
#include <cmath>
#include <cstddef>

#include "jit/recorder.h"
#include "stdlib/numpy/ndarray.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace pyjitvm::jit {

using stdlib::np::DType;
using stdlib::np::NDArray;
using vm::Tag;
using vm::Value;

namespace {

bool mem_of(DType d, Mem& m) {
  switch (d) {
    case DType::Bool: m = Mem::Bool; return true;
    case DType::Int8: m = Mem::I8; return true;
    case DType::Int16: m = Mem::I16; return true;
    case DType::Int32: m = Mem::I32; return true;
    case DType::Int64: m = Mem::I64; return true;
    case DType::UInt8: m = Mem::U8; return true;
    case DType::UInt16: m = Mem::U16; return true;
    case DType::UInt32: m = Mem::U32; return true;
    case DType::Float32: m = Mem::F32; return true;
    case DType::Float64: m = Mem::F64; return true;
    default: return false;
  }
}

IrType value_type(const Value& v) {
  switch (v.tag) {
    case Tag::None: return IrType::Nil;
    case Tag::Bool: return IrType::Bool;
    case Tag::Int: return IrType::I64;
    case Tag::Float: return IrType::F64;
    default: return IrType::Ptr;
  }
}

constexpr int64_t off(size_t o) { return static_cast<int64_t>(o); }

}  // namespace

// ---------------------------------------------------------------- globals

Ref Recorder::load_dict_entry(vm::Dict* d, uint32_t version, int32_t index, Ref) {
  Ref dref = b_.kptr(d);
  Ref ver = b_.emit(IrOp::FLD, IrType::I64, dref, 0, off(offsetof(vm::Dict, layout_version)),
                    static_cast<uint8_t>(Mem::U32));
  guard(IrOp::GEQK, IrType::Void, ver, 0, version);
  Ref ents = b_.emit(IrOp::FLD, IrType::Ptr, dref, 0, off(offsetof(vm::Dict, entries)),
                     static_cast<uint8_t>(Mem::U64));
  int64_t at = static_cast<int64_t>(index) * static_cast<int64_t>(sizeof(vm::DictEntry)) +
               off(offsetof(vm::DictEntry, value));
  Ref addr = b_.emit(IrOp::ADDR, IrType::Ptr, ents, b_.kint(at), 1);
  const Value& v = d->entries[index].value;
  IrType t = value_type(v);
  if (v.tag == Tag::Undef) {
    ab_err_ = "unbound global";
    return 0;
  }
  Ref r = guard(IrOp::GLD, t, addr, 0, 0);
  if (t == IrType::Nil) return b_.knil();
  if (t == IrType::Ptr) return specialize(r, v.u.o);
  return r;
}

// A global's value, read from its dict entry under the layout-version guard (I1). The
// entry is looked up here rather than taken from the inline cache, which may be cold.
Ref Recorder::load_global(const vm::Instr& ins) {
  const vm::InlineCache& c = proto_->caches[ins.bx()];
  vm::Dict* g = frame_->globals;
  int32_t ix = vm::dict_find_str(g, c.name);
  if (ix >= 0) return load_dict_entry(g, g->layout_version, ix, 0);
  vm::Dict* bd = vm_.builtins()->dict;
  ix = vm::dict_find_str(bd, c.name);
  if (ix < 0) {
    ab_err_ = "undefined global";
    return 0;
  }
  // the name must stay absent from the globals: their layout is unchanged
  Ref gref = b_.kptr(g);
  Ref ver = b_.emit(IrOp::FLD, IrType::I64, gref, 0, off(offsetof(vm::Dict, layout_version)),
                    static_cast<uint8_t>(Mem::U32));
  guard(IrOp::GEQK, IrType::Void, ver, 0, g->layout_version);
  return load_dict_entry(bd, bd->layout_version, ix, 0);
}

// STORE_GLOBAL to an existing global: a Value store into its dict entry. Later loads of
// globals in this trace then read memory again (no CSE, not loop-invariant).
bool Recorder::store_global(const vm::Instr& ins, Ref val) {
  const vm::InlineCache& c = proto_->caches[ins.bx()];
  vm::Dict* g = frame_->globals;
  int32_t ix = vm::dict_find_str(g, c.name);
  if (ix < 0 || b_.type(val) == IrType::Tuple) {
    ab_err_ = ix < 0 ? "creating a global" : "storing a tuple into a global";
    return false;
  }
  Ref dref = b_.kptr(g);
  Ref ver = b_.emit(IrOp::FLD, IrType::I64, dref, 0, off(offsetof(vm::Dict, layout_version)),
                    static_cast<uint8_t>(Mem::U32));
  guard(IrOp::GEQK, IrType::Void, ver, 0, g->layout_version);
  Ref ents = b_.emit(IrOp::FLD, IrType::Ptr, dref, 0, off(offsetof(vm::Dict, entries)),
                     static_cast<uint8_t>(Mem::U64));
  int64_t at = static_cast<int64_t>(ix) * static_cast<int64_t>(sizeof(vm::DictEntry)) +
               off(offsetof(vm::DictEntry, value));
  Ref addr = b_.emit(IrOp::ADDR, IrType::Ptr, ents, b_.kint(at), 1);
  b_.emit(IrOp::VST, IrType::Void, addr, val, 0, 1);
  trace_->stores_globals = true;
  b_.clear_cse();
  return true;
}

Ref Recorder::load_module_attr(Ref obj, const Value& v, const vm::InlineCache& c) {
  if (!obj) return 0;
  vm::Dict* d = static_cast<vm::Module*>(v.u.o)->dict;
  if (c.kind != 3 || c.value.u.o != d || c.version != d->layout_version) {
    ab_err_ = "module attribute without a warm cache";
    return 0;
  }
  specialize(obj, v.u.o);
  return load_dict_entry(d, c.version, c.index, 0);
}

// ---------------------------------------------------------------- calls

Ref Recorder::call(Ref callee, const Value& fn, const Value* args, const Ref* refs,
                   uint32_t argc) {
  if (!fn.is_obj()) {
    ab_err_ = "call of a non-callable";
    return 0;
  }
  IntrinsicInfo info = intr_.find(fn.u.o);
  if (info.kind == Intrinsic::None) {
    if (fn.u.o->kind == vm::Kind::Function)
      ab_err_ = "call of a Python function (inlining is not implemented yet)";
    else
      ab_err_ = "call of a native function the JIT does not know";
    return 0;
  }
  specialize(callee, fn.u.o);
  Ref r = call_intrinsic(info.kind, args, refs, argc);
  if (r && info.kind == Intrinsic::MathLibm1) {
    Ref x = refs[0];
    if (b_.type(x) != IrType::F64) x = to_float(x);
    ir_[r].a = x;
    ir_[r].k = reinterpret_cast<int64_t>(info.libm1);
  }
  return r;
}

Ref Recorder::call_intrinsic(Intrinsic k, const Value* args, const Ref* refs, uint32_t argc) {
  Ref r = call_intrinsic_impl(k, args, refs, argc);
  if (!r && ab_err_.empty()) ab_err_ = "unsupported arguments to a builtin or math function";
  return r;
}

Ref Recorder::call_intrinsic_impl(Intrinsic k, const Value* args, const Ref* refs,
                                  uint32_t argc) {
  auto num = [&](uint32_t i) {
    return args[i].tag == Tag::Int || args[i].tag == Tag::Float || args[i].tag == Tag::Bool;
  };
  if (argc == 0 || argc > 2) return 0;
  for (uint32_t i = 0; i < argc; ++i)
    if (k != Intrinsic::Len && !num(i)) return 0;
  const Value& a = args[0];
  bool flt = a.tag == Tag::Float, in = a.tag == Tag::Int;
  Ref x = refs[0];
  if (k != Intrinsic::Min && k != Intrinsic::Max && argc != 1) return 0;
  switch (k) {
    case Intrinsic::Abs:
      if (flt) return b_.emit(IrOp::FABS, IrType::F64, x);
      if (in && a.u.i != INT64_MIN) return guard(IrOp::IABSOV, IrType::I64, x);
      return 0;
    case Intrinsic::Min:
    case Intrinsic::Max: {
      if (argc != 2 || a.tag != args[1].tag || a.tag == Tag::Bool) return 0;
      bool mn = k == Intrinsic::Min;
      if (flt) return b_.emit(mn ? IrOp::FMIN : IrOp::FMAX, IrType::F64, x, refs[1]);
      return b_.emit(mn ? IrOp::IMIN : IrOp::IMAX, IrType::I64, x, refs[1]);
    }
    case Intrinsic::Len: {
      if (!a.is_obj()) return 0;
      vm::Object* o = a.u.o;
      if (o->type == vm_.types().list)
        return b_.emit(IrOp::FLD, IrType::I64, x, 0, off(offsetof(vm::List, len)),
                       static_cast<uint8_t>(Mem::I64));
      if (o->type == vm_.types().tuple)
        return b_.emit(IrOp::FLD, IrType::I64, x, 0, off(offsetof(vm::Tuple, len)),
                       static_cast<uint8_t>(Mem::I64));
      if (o->type == intr_.ndarray_type() && static_cast<NDArray*>(o)->ndim >= 1) {
        Ref nd = b_.emit(IrOp::FLD, IrType::I64, x, 0, off(offsetof(NDArray, ndim)),
                         static_cast<uint8_t>(Mem::I32));
        guard(IrOp::GEQK, IrType::Void, nd, 0, static_cast<NDArray*>(o)->ndim);
        Ref shape = b_.emit(IrOp::FLD, IrType::Ptr, x, 0, off(offsetof(NDArray, shape)),
                            static_cast<uint8_t>(Mem::U64));
        return b_.emit(IrOp::FLD, IrType::I64, shape, 0, 0, static_cast<uint8_t>(Mem::I64));
      }
      return 0;
    }
    case Intrinsic::Float: return to_float(x);
    case Intrinsic::Int:
      if (in) return x;
      if (flt && std::isfinite(a.u.f) && std::fabs(a.u.f) < 9.0e18)
        return guard(IrOp::F2I, IrType::I64, x);
      return 0;
    case Intrinsic::MathSqrt: {
      Ref r = b_.emit(IrOp::FSQRT, IrType::F64, to_float(x));
      guard(IrOp::GFINITE, IrType::Void, r);
      return r;
    }
    case Intrinsic::MathFabs: return b_.emit(IrOp::FABS, IrType::F64, to_float(x));
    case Intrinsic::MathLibm1: {
      // operand and function are filled in by call() (it knows the IntrinsicInfo)
      Ref r = b_.emit(IrOp::FCALL1, IrType::F64, to_float(x), 0, 0);
      guard(IrOp::GFINITE, IrType::Void, r);  // inputs that raise give nan / inf
      return r;
    }
    case Intrinsic::MathFloor:
    case Intrinsic::MathCeil:
    case Intrinsic::MathTrunc: {
      if (in) return x;
      if (!flt || !std::isfinite(a.u.f) || std::fabs(a.u.f) >= 9.0e18) return 0;
      double (*fn)(double) = k == Intrinsic::MathFloor  ? static_cast<double (*)(double)>(std::floor)
                             : k == Intrinsic::MathCeil ? static_cast<double (*)(double)>(std::ceil)
                                                        : static_cast<double (*)(double)>(std::trunc);
      Ref r = b_.emit(IrOp::FCALL1, IrType::F64, x, 0, reinterpret_cast<int64_t>(fn));
      return guard(IrOp::F2I, IrType::I64, r);
    }
    case Intrinsic::NpSqrt: case Intrinsic::NpAbs: case Intrinsic::NpFloor:
    case Intrinsic::NpCeil: case Intrinsic::NpTrunc: {
      // float64 results are Python floats only in njit code (I3); bool inputs give
      // other dtypes in NumPy
      if (!numba_ || a.tag == Tag::Bool) return 0;
      if (k == Intrinsic::NpAbs) {
        if (flt) return b_.emit(IrOp::FABS, IrType::F64, x);
        if (a.u.i == INT64_MIN) return 0;
        return guard(IrOp::IABSOV, IrType::I64, x);
      }
      if (k == Intrinsic::NpSqrt) return b_.emit(IrOp::FSQRT, IrType::F64, to_float(x));
      if (in) return to_float(x);  // floor/ceil/trunc of an int64 is a float64 in NumPy
      double (*fn)(double) = k == Intrinsic::NpFloor  ? static_cast<double (*)(double)>(std::floor)
                             : k == Intrinsic::NpCeil ? static_cast<double (*)(double)>(std::ceil)
                                                      : static_cast<double (*)(double)>(std::trunc);
      return b_.emit(IrOp::FCALL1, IrType::F64, x, 0, reinterpret_cast<int64_t>(fn));
    }
    case Intrinsic::MathIsnan:
      return b_.emit(IrOp::FCMP, IrType::Bool, to_float(x), to_float(x), 0,
                     static_cast<uint8_t>(Cond::NE));
    case Intrinsic::MathIsinf:
    case Intrinsic::MathIsfinite: {
      Ref ab = b_.emit(IrOp::FABS, IrType::F64, to_float(x));
      Cond c = k == Intrinsic::MathIsinf ? Cond::EQ : Cond::LT;
      return b_.emit(IrOp::FCMP, IrType::Bool, ab, b_.kflt(HUGE_VAL), 0, static_cast<uint8_t>(c));
    }
    default: return 0;
  }
}

// ---------------------------------------------------------------- indexing

// The observed int values of an ndarray index (an int or a virtual tuple of ints);
// false (with the reason set) when the trace cannot hold it or it is out of bounds.
bool Recorder::array_index(Ref key, const Value& vk, const NDArray* a, std::vector<int64_t>& out) {
  out.clear();
  if (vk.tag == Tag::Int) {
    out.push_back(vk.u.i);
  } else if (ir_[key].op == IrOp::VTUPLE) {
    auto it = tuple_values_.find(key);
    if (it == tuple_values_.end()) {
      ab_err_ = "ndarray index tuple";
      return false;
    }
    for (const Value& v : it->second) {
      if (v.tag != Tag::Int) {
        ab_err_ = "ndarray index that is not an int";
        return false;
      }
      out.push_back(v.u.i);
    }
  } else {
    ab_err_ = "ndarray index of this kind";
    return false;
  }
  if (static_cast<int>(out.size()) != a->ndim) {
    ab_err_ = "ndarray indexing that gives a view";
    return false;
  }
  for (int d = 0; d < a->ndim; ++d)
    if (out[d] < -a->shape[d] || out[d] >= a->shape[d]) {
      ab_err_ = "index out of bounds";
      return false;
    }
  return true;
}

// The value to store into an element of type `mem`, converted as NumPy converts a
// Python number on assignment; 0 when the trace leaves that to the interpreter.
Ref Recorder::store_value(Mem mem, Ref v, const Value& vv) {
  Ref r = store_value_impl(mem, v, vv);
  if (!r) ab_err_ = "storing a " + std::string(vv.is_obj() ? "object" : "number") +
                    " of this type into an ndarray of this dtype";
  return r;
}

Ref Recorder::store_value_impl(Mem mem, Ref v, const Value& vv) {
  bool flt = vv.tag == Tag::Float, in = vv.tag == Tag::Int || vv.tag == Tag::Bool;
  switch (mem) {
    case Mem::F64:
      if (flt || in) return to_float(v);
      return 0;
    case Mem::F32:
      if (flt) return v;
      if (in && vv.u.i <= (int64_t{1} << 53) && vv.u.i >= -(int64_t{1} << 53)) {
        guard(IrOp::GEXACT, IrType::Void, v);
        return to_float(v);
      }
      return 0;
    case Mem::Bool:
      if (vv.tag == Tag::Bool) return v;
      if (vv.tag == Tag::Int)
        return b_.emit(IrOp::ICMP, IrType::Bool, v, b_.kint(0), 0, static_cast<uint8_t>(Cond::NE));
      if (flt)
        return b_.emit(IrOp::FCMP, IrType::Bool, v, b_.kflt(0.0), 0,
                       static_cast<uint8_t>(Cond::NE));
      return 0;
    default: break;
  }
  // integer elements
  if (flt) {
    if (mem != Mem::I64 || !std::isfinite(vv.u.f) || std::fabs(vv.u.f) >= 9.0e18) return 0;
    return guard(IrOp::F2I, IrType::I64, v);
  }
  if (!in) return 0;
  static const int64_t kLo[] = {-128, -32768, INT32_MIN, INT64_MIN, 0, 0, 0, 0};
  static const int64_t kHi[] = {127, 32767, INT32_MAX, INT64_MAX, 255, 65535, UINT32_MAX,
                                INT64_MAX};
  int m = static_cast<int>(mem);
  int64_t x = vv.tag == Tag::Bool ? vv.u.b : vv.u.i;
  if (x < kLo[m] || x > kHi[m]) return 0;
  if (mem != Mem::I64 && vv.tag == Tag::Int) {
    guard(IrOp::GICMP, IrType::Void, v, b_.kint(kLo[m]), 0, static_cast<uint8_t>(Cond::GE));
    guard(IrOp::GICMP, IrType::Void, v, b_.kint(kHi[m]), 0, static_cast<uint8_t>(Cond::LE));
  }
  return v;
}

// An index guarded into [0, len): a negative one (as recorded) counts from the end (I2).
Ref Recorder::bounded_index(Ref idx, Ref len, bool negative) {
  if (negative) {
    guard(IrOp::GICMP, IrType::Void, idx, b_.kint(0), 0, static_cast<uint8_t>(Cond::LT));
    idx = b_.emit(IrOp::ADD, IrType::I64, idx, len);
  }
  guard(IrOp::GBOUND, IrType::Void, idx, len);
  return idx;
}

// Address of the Value list/tuple `o` holds at index i (normalised in place), with the
// bounds guards; 0 when i is out of range now (the interpreter raises IndexError).
Ref Recorder::sequence_item(Ref obj, Ref key, vm::Object* o, int64_t& i) {
  bool list = o->type == vm_.types().list;
  size_t n = list ? static_cast<vm::List*>(o)->len : static_cast<vm::Tuple*>(o)->len;
  bool negative = i < 0;
  if (negative) i += static_cast<int64_t>(n);
  if (i < 0 || static_cast<size_t>(i) >= n) {
    ab_err_ = "index out of range";
    return 0;
  }
  Ref len = b_.emit(IrOp::FLD, IrType::I64, obj, 0,
                    off(list ? offsetof(vm::List, len) : offsetof(vm::Tuple, len)),
                    static_cast<uint8_t>(Mem::I64));
  Ref idx = bounded_index(key, len, negative);
  Ref items = list ? b_.emit(IrOp::FLD, IrType::Ptr, obj, 0, off(offsetof(vm::List, items)),
                             static_cast<uint8_t>(Mem::U64))
                   : b_.emit(IrOp::ADDR, IrType::Ptr, obj, b_.kint(sizeof(vm::Tuple)), 1);
  return b_.emit(IrOp::ADDR, IrType::Ptr, items, idx, sizeof(Value));
}

// Address of a[key] with guards on dtype, ndim, bounds (I2); `idx_values` are the
// observed index values (array_index()).
Ref Recorder::array_element(Ref arr, Ref key, const NDArray* a,
                            const std::vector<int64_t>& idx_values) {
  int n = a->ndim;
  Ref keys[8];
  if (ir_[key].op == IrOp::VTUPLE) {
    for (int d = 0; d < n; ++d) keys[d] = ir_.aux[ir_[key].a + d];
  } else {
    keys[0] = key;
  }
  Ref dt = b_.emit(IrOp::FLD, IrType::I64, arr, 0, off(offsetof(NDArray, dtype)),
                   static_cast<uint8_t>(Mem::U8));
  guard(IrOp::GEQK, IrType::Void, dt, 0, static_cast<int64_t>(a->dtype));
  Ref nd = b_.emit(IrOp::FLD, IrType::I64, arr, 0, off(offsetof(NDArray, ndim)),
                   static_cast<uint8_t>(Mem::I32));
  guard(IrOp::GEQK, IrType::Void, nd, 0, a->ndim);
  Ref data = b_.emit(IrOp::FLD, IrType::Ptr, arr, 0, off(offsetof(NDArray, data)),
                     static_cast<uint8_t>(Mem::U64));
  Ref shape = b_.emit(IrOp::FLD, IrType::Ptr, arr, 0, off(offsetof(NDArray, shape)),
                      static_cast<uint8_t>(Mem::U64));
  Ref strides = b_.emit(IrOp::FLD, IrType::Ptr, arr, 0, off(offsetof(NDArray, strides)),
                        static_cast<uint8_t>(Mem::U64));
  Ref p = data;
  for (int d = 0; d < n; ++d) {
    Ref len = b_.emit(IrOp::FLD, IrType::I64, shape, 0, 8 * d, static_cast<uint8_t>(Mem::I64));
    Ref idx = bounded_index(keys[d], len, idx_values[d] < 0);
    int64_t stride = a->strides[d];
    Ref sref = b_.emit(IrOp::FLD, IrType::I64, strides, 0, 8 * d, static_cast<uint8_t>(Mem::I64));
    if (stride == a->itemsize) {
      guard(IrOp::GEQK, IrType::Void, sref, 0, stride);
      p = b_.emit(IrOp::ADDR, IrType::Ptr, p, idx, stride);
    } else {
      Ref offs = b_.emit(IrOp::MUL, IrType::I64, idx, sref);
      p = b_.emit(IrOp::ADDR, IrType::Ptr, p, offs, 1);
    }
  }
  return p;
}

Ref Recorder::getitem(Ref obj, Ref key, const Value& vo, const Value& vk) {
  if (!obj || !key) return 0;
  if (!vo.is_obj()) {
    ab_err_ = "indexing a number";
    return 0;
  }
  vm::Object* o = vo.u.o;
  const vm::Types& T = vm_.types();
  if ((o->type == T.list || o->type == T.tuple) && vk.tag == Tag::Int) {
    bool list = o->type == T.list;
    int64_t i = vk.u.i;
    Ref addr = sequence_item(obj, key, o, i);
    if (!addr) return 0;
    const Value& e = list ? static_cast<vm::List*>(o)->items[i] : (*static_cast<vm::Tuple*>(o))[i];
    if (e.is_undef()) return 0;
    IrType t = value_type(e);
    Ref r = guard(IrOp::VLD, t, addr, 0, t == IrType::Ptr ? reinterpret_cast<int64_t>(e.u.o->type) : 0);
    return t == IrType::Nil ? b_.knil() : r;
  }
  if (o->type == intr_.ndarray_type() && intr_.ndarray_type()) {
    if (!numba_) {
      ab_err_ = "ndarray element outside njit code (a NumPy scalar object)";
      return 0;
    }
    NDArray* a = static_cast<NDArray*>(o);
    if (a->dtype != DType::Float64 && a->dtype != DType::Int64 && a->dtype != DType::Bool) {
      ab_err_ = "ndarray element of a narrow dtype (a NumPy scalar object)";
      return 0;
    }
    std::vector<int64_t> iv;
    if (!array_index(key, vk, a, iv)) return 0;
    Mem mem;
    mem_of(a->dtype, mem);
    Ref addr = array_element(obj, key, a, iv);
    IrType t = mem == Mem::F64 ? IrType::F64 : mem == Mem::Bool ? IrType::Bool : IrType::I64;
    return b_.emit(IrOp::ELD, t, addr, 0, 0, static_cast<uint8_t>(mem));
  }
  ab_err_ = "indexing an object of this type";
  return 0;
}

bool Recorder::setitem(Ref obj, Ref key, Ref val, const Value& vo, const Value& vk,
                       const Value& vv) {
  if (!vo.is_obj()) {
    ab_err_ = "item assignment on a number";
    return false;
  }
  vm::Object* o = vo.u.o;
  if (b_.type(val) == IrType::Tuple) {
    ab_err_ = "storing a tuple";
    return false;
  }
  if (o->type == vm_.types().list && vk.tag == Tag::Int) {
    int64_t i = vk.u.i;
    Ref addr = sequence_item(obj, key, o, i);
    if (!addr) return false;
    b_.emit(IrOp::VST, IrType::Void, addr, val);
    return true;
  }
  if (o->type == intr_.ndarray_type() && intr_.ndarray_type()) {
    NDArray* a = static_cast<NDArray*>(o);
    if (!a->writeable()) {
      ab_err_ = "read-only array";
      return false;
    }
    std::vector<int64_t> iv;
    if (!array_index(key, vk, a, iv)) return false;
    Mem mem;
    if (!mem_of(a->dtype, mem)) {
      ab_err_ = "ndarray of this dtype";
      return false;
    }
    Ref v = store_value(mem, val, vv);
    if (!v) return false;
    Ref addr = array_element(obj, key, a, iv);
    // the writeable flag could only change outside the trace; the element store
    // itself needs no further guard.
    b_.emit(IrOp::EST, IrType::Void, addr, v, 0, static_cast<uint8_t>(mem));
    return true;
  }
  ab_err_ = "item assignment on an object of this type";
  return false;
}

}  // namespace pyjitvm::jit

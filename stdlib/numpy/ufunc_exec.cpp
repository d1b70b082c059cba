// stdlib/numpy/ufunc_exec.cpp — the ufunc engine: operands, broadcasting, output
// allocation and casting, buffered iteration over the inner loops, where=, and NumPy's
// behaviour for operands it would put in object arrays (None, str, other objects).
//
// Stage: execute() runs every ufunc call (ufunc objects, operators, call_ufunc()).
//
//   operands ──resolve_loop──▶ shape/out checks ──▶ all scalars? ──▶ one element, boxed
//                                                   └─▶ MultiIter over (inputs, out):
//                                                       same dtypes: loop(ptrs, steps, n)
//                                                       else: chunks cast into buffers
//
// Invariants:
//   I1  Inputs whose dtype is the loop's are never copied; scalars are converted once
//       to the loop dtype and passed with step 0; other inputs are cast chunk by chunk
//       (kChunk elements) into buffers, so no full-size temporary is made.
//   I2  An input that overlaps out= without being exactly out's memory layout is copied
//       before anything is written (a[1:] += a[:-1] reads the old values, as in NumPy).
//   I3  A 0-d result without out= is returned as a NumPy scalar; with out= the out
//       array itself is returned.
//   I4  Errors are NumPy's: broadcast failures list every operand's shape (scalars as
//       "()", out last), read-only outputs, output casting (_UFuncOutputCastingError).
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/ufunc_impl.h"
#include "vm/bigint.h"
#include "vm/number_ops.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

constexpr int64_t kChunk = 1024;

template <class T>
void put(unsigned char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}

// An operand as the iterator sees it.
struct IterOp {
  char* data = nullptr;
  const int64_t* strides = nullptr;   // over the broadcast shape
  DType dtype = DType::Float64;       // in memory
  DType loop_dtype = DType::Float64;  // what the loop reads/writes
};

// Runs `rl` over `shape` (I1). ops[0..nin) inputs, ops[nin] the output.
void iterate(const ResolvedLoop& rl, int nin, IterOp* ops, std::span<const int64_t> shape,
             LoopStatus& status) {
  const int nop = nin + 1;
  char* data[MultiIter::kMaxOps] = {};
  const int64_t* strides[MultiIter::kMaxOps] = {};
  bool cast[MultiIter::kMaxOps] = {};
  bool any_cast = false;
  for (int k = 0; k < nop; ++k) {
    data[k] = ops[k].data;
    strides[k] = ops[k].strides;
    cast[k] = ops[k].dtype != ops[k].loop_dtype;
    any_cast = any_cast || cast[k];
  }
  MultiIter it(shape, nop, data, strides);
  LoopFn fn = rl.loop->fn;
  if (!any_cast) {
    it.run([&](char** p, const int64_t* s, int64_t n) { fn(p, s, n, &status); });
    return;
  }
  std::vector<unsigned char> bufs(static_cast<size_t>(nop * kChunk * 16));
  CastLoop to_loop[MultiIter::kMaxOps] = {};
  int isz[MultiIter::kMaxOps];
  for (int k = 0; k < nop; ++k) {
    isz[k] = itemsize(ops[k].loop_dtype);
    if (!cast[k]) continue;
    to_loop[k] = k < nin ? cast_loop(ops[k].dtype, ops[k].loop_dtype)
                         : cast_loop(ops[k].loop_dtype, ops[k].dtype);
  }
  it.run([&](char** p, const int64_t* s, int64_t n) {
    for (int64_t off = 0; off < n; off += kChunk) {
      const int64_t m = std::min(kChunk, n - off);
      char* args[MultiIter::kMaxOps];
      int64_t steps[MultiIter::kMaxOps];
      for (int k = 0; k < nop; ++k) {
        char* src = p[k] + off * s[k];
        if (!cast[k]) {
          args[k] = src;
          steps[k] = s[k];
          continue;
        }
        args[k] = reinterpret_cast<char*>(bufs.data()) + k * kChunk * 16;
        steps[k] = isz[k];
        if (k < nin) to_loop[k](src, s[k], args[k], isz[k], m);
      }
      fn(args, steps, m, &status);
      if (cast[nin]) to_loop[nin](args[nin], isz[nin], p[nin] + off * s[nin], s[nin], m);
    }
  });
}

bool check_status(VM& vm, const LoopStatus& st) {
  if (!st.negative_int_power) return true;
  vm.raise(vm.exc().ValueError, "Integers to negative integer powers are not allowed.");
  return false;
}

// Broadcast shape of the inputs (and out when given), with NumPy's messages (I4).
bool broadcast_all(VM& vm, const Operand* ops, int nin, NDArray* out, std::vector<int64_t>& shape) {
  std::vector<std::span<const int64_t>> shapes;
  for (int i = 0; i < nin; ++i)
    shapes.push_back(ops[i].is_array() ? shape_of(ops[i].arr) : std::span<const int64_t>());
  if (out) shapes.push_back(shape_of(out));
  if (!broadcast_shapes(shapes, shape)) {
    std::string msg = "operands could not be broadcast together with shapes ";
    for (auto s : shapes) msg += shape_str_compact(s) + " ";
    vm.raise(vm.exc().ValueError, msg);
    return false;
  }
  if (!out) return true;
  std::vector<int64_t> in_shape;
  broadcast_shapes(std::span(shapes.data(), static_cast<size_t>(nin)), in_shape);
  bool same = in_shape.size() <= static_cast<size_t>(out->ndim) &&
              shape.size() == static_cast<size_t>(out->ndim);
  for (int i = 0; same && i < out->ndim; ++i) same = shape[i] == out->shape[i];
  if (!same) {
    vm.raise_fmt(
        vm.exc().ValueError,
        "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
        shape_str_compact(shape_of(out)).c_str(), shape_str_compact(shape).c_str());
    return false;
  }
  return true;
}

// All inputs scalar, no out=: compute one element and box it (I3).
Value run_scalar(VM& vm, const ResolvedLoop& rl, const Operand* ops, int nin) {
  alignas(16) unsigned char in[2][16] = {};
  alignas(16) unsigned char res[16] = {};
  char* args[3];
  int64_t steps[3] = {0, 0, 0};
  for (int i = 0; i < nin; ++i) {
    cast_loop(ops[i].dtype, rl.in[i])(reinterpret_cast<const char*>(ops[i].value), 0,
                                      reinterpret_cast<char*>(in[i]), 0, 1);
    args[i] = reinterpret_cast<char*>(in[i]);
  }
  args[nin] = reinterpret_cast<char*>(res);
  LoopStatus status;
  rl.loop->fn(args, steps, 1, &status);
  if (!check_status(vm, status)) return Value();
  return box_scalar(vm, rl.out, res);
}

// out[where] = src (casting into out's dtype).
void masked_copy(NDArray* out, NDArray* src, NDArray* mask) {
  int64_t ms[kMaxDims], ss[kMaxDims];
  broadcast_strides(mask, shape_of(out), ms);
  broadcast_strides(src, shape_of(out), ss);
  char* data[3] = {src->data, mask->data, out->data};
  const int64_t* strides[3] = {ss, ms, out->strides};
  CastLoop cl = cast_loop(src->dtype, out->dtype);
  const int64_t sz = src->itemsize;
  MultiIter it(shape_of(out), 3, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
      if (p[1][i * s[1]]) cl(p[0] + i * s[0], sz, p[2] + i * s[2], 0, 1);
  });
}

Value execute_where(VM& vm, UfuncId id, Operand* ops, const CallOptions& opt);

}  // namespace

// ------------------------------------------------------------------ operands
bool make_operand(VM& vm, Value v, Operand& op) {
  op = Operand();
  op.obj = v;
  op.kind = OperandKind::Scalar;
  switch (v.tag) {
    case Tag::Bool:
      op.dtype = DType::Bool;
      op.value[0] = v.as_bool() ? 1 : 0;
      return true;
    case Tag::Int:
      op.dtype = DType::Int64;
      put<int64_t>(op.value, v.as_int());
      return true;
    case Tag::Float:
      op.dtype = DType::Float64;
      put<double>(op.value, v.as_float());
      return true;
    case Tag::Obj: break;
    default: op.kind = OperandKind::Object; return true;  // None
  }
  Object* o = v.as_obj();
  if (o->kind == Kind::BigInt) {
    BigInt b;
    int_to_bigint(v, b);
    if (b.sign() > 0 && b.fits_u64()) {
      op.dtype = DType::UInt64;
      put<uint64_t>(op.value, b.to_u64());
      return true;
    }
    vm.raise(vm.exc().OverflowError, "Python int too large to convert to C long");
    return false;
  }
  if (o->kind == Kind::Complex) {
    op.dtype = DType::Complex128;
    put<c128>(op.value, c128(as_complex(v)->re, as_complex(v)->im));
    return true;
  }
  if (is_ndarray(vm, v)) {
    NDArray* a = as_ndarray(v);
    op.arr = a;
    op.dtype = a->dtype;
    if (a->ndim == 0) {
      std::memcpy(op.value, a->data, a->itemsize);
      return true;
    }
    op.kind = OperandKind::Array;
    return true;
  }
  if (is_np_scalar(vm, v)) {
    NpScalar* s = as_np_scalar(v);
    op.dtype = s->dtype;
    std::memcpy(op.value, s->raw, sizeof op.value);
    return true;
  }
  if (is_kind(v, Kind::Str)) {
    op.kind = OperandKind::Str;
    return true;
  }
  if (is_kind(v, Kind::List) || is_kind(v, Kind::Tuple) || is_kind(v, Kind::Range)) {
    NDArray* a = as_array(vm, v);
    if (!a) return false;
    vm.root(Value::from_obj(a));
    return make_operand(vm, Value::from_obj(a), op);
  }
  op.kind = OperandKind::Object;
  return true;
}

// ------------------------------------------------------------------ engine
Value execute(VM& vm, UfuncId id, Operand* ops, const CallOptions& opt) {
  const UfuncDef& def = ufunc_def(id);
  const int nin = def.nin;
  for (int i = 0; i < nin; ++i)
    if (!ops[i].is_numeric()) return object_operands(vm, id, ops, opt);
  if (!opt.where.is_undef()) return execute_where(vm, id, ops, opt);
  ResolvedLoop rl;
  if (!resolve_loop(vm, id, ops, opt.dtype, opt.casting, rl)) return Value();
  NDArray* out = opt.out.is_undef() ? nullptr : as_ndarray(opt.out);
  bool all_scalar = true;
  for (int i = 0; i < nin; ++i) all_scalar = all_scalar && ops[i].kind == OperandKind::Scalar;
  if (all_scalar && !out) return run_scalar(vm, rl, ops, nin);
  std::vector<int64_t> shape;
  if (!broadcast_all(vm, ops, nin, out, shape)) return Value();
  if (out) {
    if (!out->writeable()) return vm.raise(vm.exc().ValueError, "output array is read-only");
    if (!can_cast(rl.out, out->dtype, opt.casting))
      return raise_ufunc_error(vm, UfuncError::OutputCasting,
                               std::string("Cannot cast ufunc '") + def.name + "' output from " +
                                   dtype_repr(rl.out) + " to " + dtype_repr(out->dtype) +
                                   " with casting rule '" + casting_name(opt.casting) + "'");
  } else {
    out = new_array(vm, rl.out, shape);
    if (!out) return Value();
  }
  VM::TempRoot keep_out(vm, out);
  IterOp iops[3];
  int64_t st[3][kMaxDims];
  alignas(16) unsigned char scalars[2][16] = {};
  const int64_t zeros[kMaxDims] = {};
  for (int i = 0; i < nin; ++i) {
    Operand& op = ops[i];
    iops[i].loop_dtype = rl.in[i];
    if (op.kind == OperandKind::Scalar) {
      cast_loop(op.dtype, rl.in[i])(reinterpret_cast<const char*>(op.value), 0,
                                    reinterpret_cast<char*>(scalars[i]), 0, 1);
      iops[i].data = reinterpret_cast<char*>(scalars[i]);
      iops[i].strides = zeros;
      iops[i].dtype = rl.in[i];
      continue;
    }
    NDArray* a = op.arr;
    broadcast_strides(a, shape, st[i]);
    if (a != out && may_share_memory(a, out)) {  // I2
      bool same = a->data == out->data && a->dtype == out->dtype;
      for (size_t d = 0; same && d < shape.size(); ++d) same = st[i][d] == out->strides[d];
      if (!same) {
        a = copy_array(vm, a, rl.in[i]);
        if (!a) return Value();
        vm.root(Value::from_obj(a));
        broadcast_strides(a, shape, st[i]);
      }
    }
    iops[i].data = a->data;
    iops[i].strides = st[i];
    iops[i].dtype = a->dtype;
  }
  iops[nin].data = out->data;
  iops[nin].strides = out->strides;
  iops[nin].dtype = out->dtype;
  iops[nin].loop_dtype = rl.out;
  LoopStatus status;
  iterate(rl, nin, iops, shape, status);
  if (!check_status(vm, status)) return Value();
  if (opt.out.is_undef() && out->ndim == 0) return box_scalar(vm, out->dtype, out->data);  // I3
  return Value::from_obj(out);
}

bool run_loop_on_arrays(VM& vm, const ResolvedLoop& rl, NDArray* const* ins, int nin,
                        NDArray* out) {
  IterOp iops[3];
  int64_t st[2][kMaxDims];
  for (int i = 0; i < nin; ++i) {
    broadcast_strides(ins[i], shape_of(out), st[i]);
    iops[i].data = ins[i]->data;
    iops[i].strides = st[i];
    iops[i].dtype = ins[i]->dtype;
    iops[i].loop_dtype = rl.in[i];
  }
  iops[nin].data = out->data;
  iops[nin].strides = out->strides;
  iops[nin].dtype = out->dtype;
  iops[nin].loop_dtype = rl.out;
  LoopStatus status;
  iterate(rl, nin, iops, shape_of(out), status);
  return check_status(vm, status);
}

namespace {

// where=: the full result into a temporary, then copied where the mask is true into
// out (given, or a new array whose unselected elements are zero).
Value execute_where(VM& vm, UfuncId id, Operand* ops, const CallOptions& opt) {
  NDArray* mask = as_array(vm, opt.where, DType::Bool);
  if (!mask) return Value();
  VM::TempRoot keep_mask(vm, mask);
  CallOptions inner = opt;
  inner.where = Value();
  inner.out = Value();
  const int nin = ufunc_def(id).nin;
  // Make the result an array even for scalar inputs.
  Value full;
  {
    bool all_scalar = true;
    for (int i = 0; i < nin; ++i) all_scalar = all_scalar && ops[i].kind == OperandKind::Scalar;
    full = execute(vm, id, ops, inner);
    if (failed(full)) return full;
    if (all_scalar) {
      NDArray* a = as_array(vm, full);
      if (!a) return Value();
      full = Value::from_obj(a);
    }
  }
  VM::TempRoot keep_full(vm, full);
  NDArray* res = as_ndarray(full);
  NDArray* out = opt.out.is_undef() ? nullptr : as_ndarray(opt.out);
  std::vector<int64_t> shape;
  {
    std::span<const int64_t> shapes[2] = {shape_of(res), shape_of(mask)};
    if (!broadcast_shapes(shapes, shape)) {
      return vm.raise_fmt(
          vm.exc().ValueError, "operands could not be broadcast together with shapes %s %s ",
          shape_str_compact(shape_of(res)).c_str(), shape_str_compact(shape_of(mask)).c_str());
    }
  }
  if (out) {
    if (!out->writeable()) return vm.raise(vm.exc().ValueError, "output array is read-only");
    if (!can_cast(res->dtype, out->dtype, opt.casting))
      return raise_ufunc_error(vm, UfuncError::OutputCasting,
                               std::string("Cannot cast ufunc '") + ufunc_def(id).name +
                                   "' output from " + dtype_repr(res->dtype) + " to " +
                                   dtype_repr(out->dtype) + " with casting rule '" +
                                   casting_name(opt.casting) + "'");
  } else {
    out = new_zeros(vm, res->dtype, shape);
    if (!out) return Value();
  }
  VM::TempRoot keep_out(vm, out);
  int64_t tmp[kMaxDims];
  if (!broadcast_strides(res, shape_of(out), tmp) || !broadcast_strides(mask, shape_of(out), tmp)) {
    return vm.raise_fmt(
        vm.exc().ValueError,
        "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
        shape_str_compact(shape_of(out)).c_str(), shape_str_compact(shape).c_str());
  }
  masked_copy(out, res, mask);
  return Value::from_obj(out);
}

}  // namespace

}  // namespace pyjitvm::stdlib::np

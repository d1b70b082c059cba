// stdlib/numpy/reduce_engine.cpp — the reduction engine of reduce.h: reduce() over any
// set of axes and accumulate() along one, visiting elements in exactly the order NumPy
// 1.24's buffered reduction iterator does, so float results agree bit for bit.
//
// Stage: called by the reducing methods (reductions.cpp, reduce_stats.cpp) and by the
// ufuncs' reduce/accumulate methods; runs the typed loops of reduce_kernels.h.
//
// How NumPy orders a reduction (measured against NumPy 1.24 with random data):
//   1. Axes are sorted as nditer sorts them (a stable insertion sort by |stride| over
//      the operands result, input, where-mask; conflicts keep C order), length-1 axes
//      get stride 0, and neighbouring axes coalesce when every operand allows it.
//   2. The inner loop runs over the leading (innermost) axes that share the result's
//      "stride is 0" status: a *block*. If the innermost axis is reduced, each block is
//      reduced into one result element with the pairwise/SIMD loop, in chunks of at most
//      8192 elements (the ufunc buffer size) counted from the block start; a chunk that
//      spans several axes is first copied into a contiguous buffer. Otherwise rows are
//      combined element-wise into the result (order within a result element is the
//      iteration order, chunking does not matter).
//   3. With an identity (sum, prod, any, all) or initial=, the result starts as that
//      value; without (min, max) each result element starts as its first element in
//      iteration order, and that element is skipped.
//   4. A dtype conversion (dtype=, bool or small ints summed as int64) is done chunk by
//      chunk into the buffer; a different out= dtype gets the finished result cast.
//
// Invariants:
//   I1  reduce.h I1–I4 (kernels in reduce_kernels.cpp give the per-run bits).
//   I2  plan_axes() is nditer's axis sort and coalescing; the walk visits every input
//       element exactly once, in the order of 2. above — Walk::run().
//   I3  No Python code runs during the walk (no allocation either): raw pointers into
//       the operands stay valid. Everything that can raise happens before it.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/reduce_internal.h"
#include "stdlib/numpy/reduce_kernels.h"
#include "stdlib/numpy/scalar.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

DType reduce_default_dtype(ReduceKind kind, DType in) {
  switch (kind) {
    case ReduceKind::Add:
    case ReduceKind::Multiply:
      if (in == DType::Bool || is_signed_int(in)) return DType::Int64;
      if (is_unsigned_int(in)) return DType::UInt64;
      return in;
    case ReduceKind::LogicalAnd:
    case ReduceKind::LogicalOr: return DType::Bool;
    default: return in;
  }
}

bool parse_out(VM& vm, Value v, NDArray*& out) {
  out = nullptr;
  if (v.is_undef() || v.is_none()) return true;
  if (!is_ndarray(vm, v)) {
    vm.raise(vm.exc().TypeError, "output must be an array");
    return false;
  }
  out = as_ndarray(v);
  return true;
}

Value reduce_result(VM& vm, NDArray* r, bool out_given) {
  if (!r) return Value();
  if (r->ndim == 0 && !out_given) return box_scalar(vm, r->dtype, r->data);
  return Value::from_obj(r);
}

namespace {

constexpr int kOut = 0, kIn = 1, kMask = 2;

// The binary operation of a reduction: a built-in loop family or the caller's loop.
struct Combiner {
  rk::KindLoops k;
  BinaryLoop g = nullptr;
  const void* gdata = nullptr;

  void reduce(char* op, const char* ip, int64_t is, int64_t n) const {
    if (n <= 0) return;
    if (!g) return k.reduce(op, ip, is, n);
    char* args[3] = {op, const_cast<char*>(ip), op};
    const int64_t st[3] = {0, is, 0};
    g(args, st, n, gdata);
  }
  void element(char* op, int64_t os, const char* ip, int64_t is, int64_t n) const {
    if (n <= 0) return;
    if (!g) return k.element(op, os, ip, is, n);
    char* args[3] = {op, const_cast<char*>(ip), op};
    const int64_t st[3] = {os, is, os};
    g(args, st, n, gdata);
  }
};

// Coalesced iteration space, innermost axis first (I2).
struct Plan {
  int nd = 0;
  int nop = 0;
  int64_t shape[kMaxDims];
  int64_t st[3][kMaxDims];
};

// nditer's npyiter_find_best_axis_ordering: `perm` lists axes innermost first.
void sort_axes(int ndim, int nsort, const int64_t (*st)[kMaxDims], int* perm) {
  for (int i = 0; i < ndim; ++i) perm[i] = ndim - 1 - i;
  for (int i0 = 1; i0 < ndim; ++i0) {
    const int ax0 = perm[i0];
    int ipos = i0;
    for (int i1 = i0 - 1; i1 >= 0; --i1) {
      const int ax1 = perm[i1];
      bool ambig = true, swap = false;
      for (int k = 0; k < nsort; ++k) {
        const int64_t s0 = st[k][ax0], s1 = st[k][ax1];
        if (s0 == 0 || s1 == 0) continue;
        if (std::llabs(s1) <= std::llabs(s0)) swap = false;
        else if (ambig) swap = true;
        ambig = false;
      }
      if (ambig) continue;
      if (!swap) break;
      ipos = i1;
    }
    for (int i = i0; i > ipos; --i) perm[i] = perm[i - 1];
    perm[ipos] = ax0;
  }
}

// nditer's npyiter_coalesce_axes over the sorted axes.
void coalesce(int ndim, const int64_t* shape, int nop, const int64_t (*st)[kMaxDims],
              const int* perm, Plan& p) {
  p.nop = nop;
  p.nd = 0;
  for (int i = 0; i < ndim; ++i) {
    const int ax = perm[i];
    const int64_t n = shape[ax];
    if (p.nd > 0) {
      const int d = p.nd - 1;
      bool ok = true;
      for (int k = 0; k < nop && ok; ++k) {
        const int64_t s0 = p.st[k][d], s1 = st[k][ax];
        ok = (p.shape[d] == 1 && s0 == 0) || (n == 1 && s1 == 0) || s0 * p.shape[d] == s1;
      }
      if (ok) {
        p.shape[d] *= n;
        for (int k = 0; k < nop; ++k)
          if (p.st[k][d] == 0) p.st[k][d] = st[k][ax];
        continue;
      }
    }
    p.shape[p.nd] = n;
    for (int k = 0; k < nop; ++k) p.st[k][p.nd] = st[k][ax];
    ++p.nd;
  }
  if (p.nd == 0) {  // a 0-d operand: one element
    p.nd = 1;
    p.shape[0] = 1;
    for (int k = 0; k < nop; ++k) p.st[k][0] = 0;
  }
}

// The walk of I2 over a Plan whose operands are (result, input[, mask]).
struct Walk {
  const Plan& p;
  Combiner comb;
  CastLoop cast = nullptr;   // input dtype → loop dtype, nullptr when they agree
  CastLoop first = nullptr;  // the same conversion, for first elements (skip_first)
  CastLoop copy_in = nullptr;
  int isz = 0;               // loop dtype itemsize
  bool skip_first = false;
  bool has_mask = false;
  int kblock = 1;            // number of leading axes in a block
  int64_t block = 1;         // elements in a block
  bool onestride[3] = {true, true, true};
  std::vector<char> buf, mbuf;

  explicit Walk(const Plan& plan) : p(plan) {}

  int64_t block_offset(int k, int64_t j) const {
    int64_t off = 0;
    for (int d = 0; d < kblock; ++d) {
      off += (j % p.shape[d]) * p.st[k][d];
      j /= p.shape[d];
    }
    return off;
  }

  // Elements [s, e) of operand k's block (iteration order) into dst, converted by loop.
  void gather(const char* base, int k, int64_t s, int64_t e, char* dst, CastLoop loop, int dsz) const {
    const int64_t n0 = p.shape[0];
    for (int64_t j = s; j < e;) {
      const int64_t len = std::min(n0 - j % n0, e - j);
      loop(base + block_offset(k, j), p.st[k][0], dst, dsz, len);
      dst += len * dsz;
      j += len;
    }
  }

  template <class F>
  void masked_runs(const char* m, int64_t ms, int64_t cnt, F&& f) const {
    int64_t i = 0;
    while (i < cnt) {
      while (i < cnt && !m[i * ms]) ++i;
      int64_t j = i;
      while (j < cnt && m[j * ms]) ++j;
      if (j > i) f(i, j - i);
      i = j;
    }
  }

  void reduce_block(char* op, const char* ip, const char* mp, bool first_visit);
  void element_row(char* op, const char* ip, const char* mp, bool first_visit);
  void run(char* out, const char* in, const char* mask);
};

void Walk::reduce_block(char* op, const char* ip, const char* mp, bool first_visit) {
  const int64_t n0 = p.shape[0];
  for (int64_t s = 0; s < block; s += rk::kBufferSize) {
    const int64_t e = std::min(block, s + rk::kBufferSize);
    const bool one_row = s / n0 == (e - 1) / n0;
    int64_t cnt = e - s;
    const char* data;
    int64_t ds;
    if (!cast && (one_row || onestride[kIn])) {
      data = ip + block_offset(kIn, s);
      ds = p.st[kIn][0];
    } else {
      gather(ip, kIn, s, e, buf.data(), cast ? cast : copy_in, isz);
      data = buf.data();
      ds = isz;
    }
    if (first_visit && s == 0 && skip_first) {
      std::memcpy(op, data, static_cast<size_t>(isz));
      data += ds;
      --cnt;
    }
    if (!has_mask) {
      comb.reduce(op, data, ds, cnt);
      continue;
    }
    const char* m;
    int64_t ms;
    if (one_row || onestride[kMask]) {
      m = mp + block_offset(kMask, s);
      ms = p.st[kMask][0];
    } else {
      gather(mp, kMask, s, e, mbuf.data(), cast_loop(DType::Bool, DType::Bool), 1);
      m = mbuf.data();
      ms = 1;
    }
    masked_runs(m, ms, cnt, [&](int64_t i, int64_t len) { comb.reduce(op, data + i * ds, ds, len); });
  }
}

void Walk::element_row(char* op, const char* ip, const char* mp, bool first_visit) {
  const int64_t n0 = p.shape[0], os = p.st[kOut][0], is = p.st[kIn][0];
  for (int64_t s = 0; s < n0; s += rk::kBufferSize) {
    const int64_t cnt = std::min(rk::kBufferSize, n0 - s);
    char* o = op + s * os;
    const char* src = ip + s * is;
    if (first_visit && skip_first) {
      first(src, is, o, os, cnt);
      continue;
    }
    const char* data = src;
    int64_t ds = is;
    if (cast) {
      cast(src, is, buf.data(), isz, cnt);
      data = buf.data();
      ds = isz;
    }
    if (!has_mask) {
      comb.element(o, os, data, ds, cnt);
      continue;
    }
    const int64_t ms = p.st[kMask][0];
    masked_runs(mp + s * ms, ms, cnt,
                [&](int64_t i, int64_t len) { comb.element(o + i * os, os, data + i * ds, ds, len); });
  }
}

void Walk::run(char* out, const char* in, const char* mask) {
  const bool reduce_inner = p.st[kOut][0] == 0;
  kblock = 1;
  if (reduce_inner)
    while (kblock < p.nd && p.st[kOut][kblock] == 0) ++kblock;
  block = 1;
  for (int d = 0; d < kblock; ++d) block *= p.shape[d];
  for (int k = 0; k < p.nop; ++k)
    for (int d = 1; d < kblock; ++d)
      if (p.st[k][d] != p.st[k][d - 1] * p.shape[d - 1]) onestride[k] = false;
  buf.resize(static_cast<size_t>(rk::kBufferSize * isz));
  if (has_mask) mbuf.resize(static_cast<size_t>(rk::kBufferSize));
  const int first_outer = reduce_inner ? kblock : 1;
  int64_t idx[kMaxDims] = {};
  int nonzero_reduce = 0;  // outer reduced axes at a non-zero index
  char* o = out;
  const char* i = in;
  const char* m = mask;
  for (;;) {
    if (reduce_inner) reduce_block(o, i, m, nonzero_reduce == 0);
    else element_row(o, i, m, nonzero_reduce == 0);
    int d = first_outer;
    for (; d < p.nd; ++d) {
      const bool red = p.st[kOut][d] == 0;
      if (++idx[d] < p.shape[d]) {
        if (red && idx[d] == 1) ++nonzero_reduce;
        o += p.st[kOut][d];
        i += p.st[kIn][d];
        if (has_mask) m += p.st[kMask][d];
        break;
      }
      if (red && p.shape[d] > 1) --nonzero_reduce;
      o -= p.st[kOut][d] * (p.shape[d] - 1);
      i -= p.st[kIn][d] * (p.shape[d] - 1);
      if (has_mask) m -= p.st[kMask][d] * (p.shape[d] - 1);
      idx[d] = 0;
    }
    if (d >= p.nd) return;
  }
}

// ---- argument checks with NumPy's messages

// nditer's convert_shape_to_string: leading "newaxis" (-1) entries dropped.
std::string remapped_shape(const std::vector<int64_t>& dims) {
  size_t i = 0;
  while (i < dims.size() && dims[i] < 0) ++i;
  if (i == dims.size()) return "()";
  std::string s = std::to_string(dims[i++]);
  for (; i < dims.size(); ++i) s += dims[i] < 0 ? ",newaxis" : "," + std::to_string(dims[i]);
  return dims.size() == 1 ? "(" + s + ",)" : "(" + s + ")";
}

bool check_reduce_out(VM& vm, NDArray* a, NDArray* out, const bool* red, bool keepdims, const char* name) {
  const int nd = a->ndim;
  int nred = 0;
  for (int ax = 0; ax < nd; ++ax) nred += red[ax];
  const int expect = keepdims ? nd : nd - nred;
  if (out->ndim != expect) {
    vm.raise_fmt(vm.exc().ValueError,
                 "output parameter for reduction operation %s has the wrong number of dimensions: "
                 "Found %d but expected %d%s",
                 name, out->ndim, expect, keepdims ? " (must match the operand's when keepdims=True)" : "");
    return false;
  }
  std::vector<int64_t> remap(static_cast<size_t>(nd));
  bool bad = false;
  for (int ax = 0, j = 0; ax < nd; ++ax) {
    if (red[ax] && !keepdims) {
      remap[ax] = -1;
      continue;
    }
    remap[ax] = out->shape[j++];
    if (remap[ax] != a->shape[ax] && remap[ax] != 1) bad = true;
  }
  if (bad) {
    vm.raise(vm.exc().ValueError, "operands could not be broadcast together with remapped shapes "
                                  "[original->remapped]: " + shape_str_compact(shape_of(out)) + "->" +
                                      remapped_shape(remap) + " " + shape_str_compact(shape_of(a)) + " ");
    return false;
  }
  for (int ax = 0; ax < nd; ++ax) {
    if (remap[ax] < 0) continue;
    if (!red[ax] && remap[ax] != a->shape[ax]) {
      vm.raise_fmt(vm.exc().ValueError,
                   "output operand requires a reduction along dimension %d, but the reduction is not "
                   "enabled. The dimension size of 1 does not match the expected output shape.", ax);
      return false;
    }
    if (red[ax] && remap[ax] != 1) {
      vm.raise_fmt(vm.exc().ValueError,
                   "operand was set up as a reduction along axis %d, but the length of the axis is %lld "
                   "(it has to be 1)", ax, static_cast<long long>(remap[ax]));
      return false;
    }
  }
  return check_writeable(vm, out);
}

// A new array of `shape` whose strides follow `perm` (innermost first), like the arrays
// nditer allocates in K order.
NDArray* alloc_in_perm_order(VM& vm, DType dt, std::span<const int64_t> full_shape, const int* perm,
                             const bool* drop) {
  const int nd = static_cast<int>(full_shape.size());
  int64_t full_st[kMaxDims];
  int64_t step = itemsize(dt);
  for (int i = 0; i < nd; ++i) {
    full_st[perm[i]] = step;
    step *= std::max<int64_t>(full_shape[perm[i]], 1);
  }
  std::vector<int64_t> shape, strides;
  for (int ax = 0; ax < nd; ++ax) {
    if (drop && drop[ax]) continue;
    shape.push_back(full_shape[ax]);
    strides.push_back(full_st[ax]);
  }
  NDArray* r = new_array(vm, dt, shape);
  if (!r) return nullptr;
  for (size_t i = 0; i < strides.size(); ++i) r->strides[i] = strides[i];
  update_flags(r);
  return r;
}

}  // namespace

NDArray* new_array_in_iter_order(VM& vm, DType dt, std::span<const int64_t> shape, int nop,
                                 const int64_t (*st)[kMaxDims]) {
  const int nd = static_cast<int>(shape.size());
  int64_t zst[3][kMaxDims];
  for (int k = 0; k < nop && k < 3; ++k)
    for (int d = 0; d < nd; ++d) zst[k][d] = shape[d] == 1 ? 0 : st[k][d];
  int perm[kMaxDims];
  sort_axes(nd, std::min(nop, 3), zst, perm);
  return alloc_in_perm_order(vm, dt, shape, perm, nullptr);
}

namespace {

struct Identity {
  bool has = false;
  Value v;
};

Identity identity_of(const ReduceSpec& spec) {
  switch (spec.kind) {
    case ReduceKind::Add: return {true, Value::from_int(0)};
    case ReduceKind::Multiply: return {true, Value::from_int(1)};
    case ReduceKind::LogicalAnd: return {true, Value::from_bool(true)};
    case ReduceKind::LogicalOr: return {true, Value::from_bool(false)};
    case ReduceKind::Generic: return {spec.has_identity, spec.identity};
    default: return {};
  }
}

// The where= operand as a bool array broadcast to a's shape; nullptr (ok) when absent
// or True.
bool where_mask(VM& vm, NDArray* a, Value where, NDArray*& mask, int64_t* mst) {
  mask = nullptr;
  if (where.is_undef() || (where.is_bool() && where.as_bool())) return true;
  mask = as_array(vm, where, DType::Bool);
  if (!mask) return false;
  if (!broadcast_strides(mask, shape_of(a), mst)) {
    vm.raise(vm.exc().ValueError, "operands could not be broadcast together with remapped shapes "
                                  "[original->remapped]: " + shape_str_compact(shape_of(a)) + " " +
                                      shape_str_compact(shape_of(mask)) + " ");
    return false;
  }
  return true;
}

}  // namespace

namespace {

// The loop dtype and loops of a reduction (reduce.h I3).
bool resolve_loops(VM& vm, const ReduceSpec& spec, DType in, DType& dt, Combiner& comb) {
  if (spec.kind == ReduceKind::Generic) {
    dt = spec.loop_dtype;
    comb.g = spec.loop;
    comb.gdata = spec.loop_data;
    if (comb.g) return true;
  } else {
    dt = spec.kind == ReduceKind::LogicalAnd || spec.kind == ReduceKind::LogicalOr
             ? DType::Bool
             : spec.dtype.value_or(reduce_default_dtype(spec.kind, in));
    comb.k = rk::loops_for(spec.kind, dt);
    if (comb.k.reduce) return true;
  }
  vm.raise_fmt(vm.exc().TypeError, "the reduction '%s' has no loop for dtype %s", spec.name,
               std::string(dtype_name(dt)).c_str());
  return false;
}

// Strides of `res` per axis of the reduced array: 0 along reduced and length-1 axes.
void result_strides(const NDArray* res, const bool* red, bool keepdims, int nd, int64_t* st) {
  for (int ax = 0, j = 0; ax < nd; ++ax) {
    if (red[ax]) {
      st[ax] = 0;
      if (keepdims) ++j;
      continue;
    }
    st[ax] = res->shape[j] == 1 ? 0 : res->strides[j];
    ++j;
  }
}

void fill_element(NDArray* r, const void* elem) {
  if (r->size == 0) return;
  CastLoop copy = cast_loop(r->dtype, r->dtype);
  char* data[1] = {r->data};
  const int64_t* strides[1] = {r->strides};
  MultiIter it(shape_of(r), 1, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t n) { copy(static_cast<const char*>(elem), 0, p[0], s[0], n); });
}

// Checks that need no allocation: identities, empty reductions, where= without one.
bool check_identity(VM& vm, NDArray* a, const ReduceSpec& spec, const bool* red, bool skip_first, bool masked) {
  if (!skip_first) return true;
  if (masked) {
    vm.raise_fmt(vm.exc().ValueError,
                 "reduction operation '%s' does not have an identity, so to use a where mask one has "
                 "to specify 'initial'", spec.name);
    return false;
  }
  for (int ax = 0; ax < a->ndim; ++ax) {
    if (red[ax] && a->shape[ax] == 0) {
      vm.raise_fmt(vm.exc().ValueError, "zero-size array to reduction operation %s which has no identity",
                   spec.name);
      return false;
    }
  }
  return true;
}

}  // namespace

NDArray* reduce_to_array(VM& vm, NDArray* a, const ReduceSpec& spec) {
  VM::TempRoot keep_a(vm, a);
  const int nd = a->ndim;
  bool red[kMaxDims];
  for (int ax = 0; ax < nd; ++ax) red[ax] = spec.axes.size() == static_cast<size_t>(nd) ? spec.axes[ax] : true;
  DType dt;
  Combiner comb;
  if (!resolve_loops(vm, spec, a->dtype, dt, comb)) return nullptr;
  NDArray* out;
  if (!parse_out(vm, spec.out, out)) return nullptr;
  int64_t st[3][kMaxDims] = {};
  NDArray* mask;
  if (!where_mask(vm, a, spec.where, mask, st[kMask])) return nullptr;
  VM::TempRoot keep_mask(vm, mask ? Value::from_obj(mask) : Value::none());
  const Identity id = identity_of(spec);
  const bool use_initial = !spec.initial.is_undef() && !spec.initial.is_none();
  const bool skip_first = !use_initial && !id.has;
  if (!check_identity(vm, a, spec, red, skip_first, mask != nullptr)) return nullptr;
  if (out && !check_reduce_out(vm, a, out, red, spec.keepdims, spec.name)) return nullptr;
  alignas(16) unsigned char init[16] = {};
  if (!skip_first && !store_value(vm, dt, init, use_initial ? spec.initial : id.v)) return nullptr;

  int64_t kshape[kMaxDims];
  for (int ax = 0; ax < nd; ++ax) {
    kshape[ax] = red[ax] ? 1 : a->shape[ax];
    st[kIn][ax] = a->shape[ax] == 1 ? 0 : a->strides[ax];
    if (a->shape[ax] == 1) st[kMask][ax] = 0;
  }
  // nditer sorts the axes with the operands it has: the result only when out= exists.
  if (out) result_strides(out, red, spec.keepdims, nd, st[kOut]);
  int perm[kMaxDims];
  if (out) sort_axes(nd, mask ? 3 : 2, st, perm);
  else sort_axes(nd, mask ? 2 : 1, st + 1, perm);
  NDArray* res = out;
  if (!out || out->dtype != dt || may_share_memory(out, a) || (mask && may_share_memory(out, mask))) {
    res = alloc_in_perm_order(vm, dt, {kshape, static_cast<size_t>(nd)}, perm, spec.keepdims ? nullptr : red);
    if (!res) return nullptr;
  }
  VM::TempRoot keep_res(vm, res);
  result_strides(res, red, spec.keepdims, nd, st[kOut]);
  if (!skip_first) fill_element(res, init);
  if (a->size > 0 && res->size > 0) {
    Plan p;
    coalesce(nd, a->shape, mask ? 3 : 2, st, perm, p);
    Walk w(p);
    w.comb = comb;
    w.isz = itemsize(dt);
    w.skip_first = skip_first;
    w.has_mask = mask != nullptr;
    w.cast = a->dtype == dt ? nullptr : cast_loop(a->dtype, dt);
    w.first = cast_loop(a->dtype, dt);
    w.copy_in = cast_loop(dt, dt);
    w.run(res->data, a->data, mask ? mask->data : nullptr);
  }
  if (res != out && out) {
    if (!copy_into(vm, out, res)) return nullptr;
    return out;
  }
  return res;
}

Value reduce(VM& vm, NDArray* a, const ReduceSpec& spec) {
  NDArray* r = reduce_to_array(vm, a, spec);
  return reduce_result(vm, r, !spec.out.is_undef() && !spec.out.is_none());
}

// ------------------------------------------------------------------ accumulate
namespace {

struct AccumLoops {
  rk::AccumRun run = nullptr;     // built-in kinds
  BinaryLoop g = nullptr;         // Generic
  const void* gdata = nullptr;
  rk::ElementRun element = nullptr;

  // op[i] = op[i-1] (+) in[i] over a run; prev is op[-1] or nullptr (then op[0] = in[0]).
  void line(const char* prev, char* op, int64_t os, const char* ip, int64_t is, int64_t n) const {
    if (n <= 0) return;
    if (run) return run(prev, op, os, ip, is, n);
    if (!prev) {
      std::memcpy(op, ip, static_cast<size_t>(isz));
      prev = op;
      op += os;
      ip += is;
      --n;
    }
    if (n <= 0) return;
    char* args[3] = {const_cast<char*>(prev), const_cast<char*>(ip), op};
    const int64_t st[3] = {os, is, os};
    g(args, st, n, gdata);
  }
  // op[j] = op[j] (+) in[j]
  void elem(char* op, int64_t os, const char* ip, int64_t is, int64_t n) const {
    if (n <= 0) return;
    if (element) return element(op, os, ip, is, n);
    char* args[3] = {op, const_cast<char*>(ip), op};
    const int64_t st[3] = {os, is, os};
    g(args, st, n, gdata);
  }
  int isz = 0;
};

bool check_accumulate_out(VM& vm, NDArray* a, NDArray* out) {
  bool same = out->ndim == a->ndim;
  for (int i = 0; same && i < a->ndim; ++i) same = out->shape[i] == a->shape[i];
  if (same) return check_writeable(vm, out);
  if (out->ndim < a->ndim) {
    vm.raise_fmt(vm.exc().ValueError,
                 "Iterator input op_axes[0][0] (==%d) is not a valid axis of op[0], which has %d dimensions ",
                 a->ndim - 1, out->ndim);
    return false;
  }
  std::vector<int64_t> remap(out->shape, out->shape + a->ndim);
  vm.raise(vm.exc().ValueError, "operands could not be broadcast together with remapped shapes "
                                "[original->remapped]: " + shape_str_compact(shape_of(out)) + "->" +
                                    remapped_shape(remap) + " " + shape_str_compact(shape_of(a)) + "->" +
                                    remapped_shape(std::vector<int64_t>(a->shape, a->shape + a->ndim)) + " ");
  return false;
}

// Accumulates each line along `axis` (the axis is the input's innermost, or the rest
// of the array is a single element).
void accumulate_lines(NDArray* res, NDArray* a, int axis, const AccumLoops& L, CastLoop cast, std::vector<char>& buf) {
  const int nd = a->ndim;
  std::vector<int64_t> rest;
  std::vector<int64_t> rst, ast;
  for (int d = 0; d < nd; ++d) {
    if (d == axis) continue;
    rest.push_back(a->shape[d]);
    rst.push_back(res->strides[d]);
    ast.push_back(a->strides[d]);
  }
  char* data[2] = {res->data, a->data};
  const int64_t* strides[2] = {rst.data(), ast.data()};
  const int64_t n = a->shape[axis], os = res->strides[axis], is = a->strides[axis];
  const int isz = res->itemsize;
  auto one_line = [&](char* op, const char* ip) {
    for (int64_t s = 0; s < n; s += rk::kBufferSize) {
      const int64_t cnt = std::min(rk::kBufferSize, n - s);
      const char* src = ip + s * is;
      int64_t ss = is;
      if (cast) {
        cast(src, is, buf.data(), isz, cnt);
        src = buf.data();
        ss = isz;
      }
      L.line(s == 0 ? nullptr : op + (s - 1) * os, op + s * os, os, src, ss, cnt);
    }
  };
  MultiIter it(rest, 2, data, strides);
  it.run([&](char** p, const int64_t* s, int64_t count) {
    for (int64_t j = 0; j < count; ++j) one_line(p[0] + j * s[0], p[1] + j * s[1]);
  });
}

// Accumulates row by row along an outer axis: row i = row i-1 (+) input row i.
void accumulate_rows(NDArray* res, NDArray* a, int axis, const AccumLoops& L, CastLoop first, CastLoop cast,
                     std::vector<char>& buf) {
  const int nd = a->ndim;
  std::vector<int64_t> rest, rst, ast;
  for (int d = 0; d < nd; ++d) {
    if (d == axis) continue;
    rest.push_back(a->shape[d]);
    rst.push_back(res->strides[d]);
    ast.push_back(a->strides[d]);
  }
  const int isz = res->itemsize;
  CastLoop copy = cast_loop(res->dtype, res->dtype);
  for (int64_t i = 0; i < a->shape[axis]; ++i) {
    char* orow = res->data + i * res->strides[axis];
    const char* irow = a->data + i * a->strides[axis];
    char* data[3] = {orow, const_cast<char*>(irow), orow - res->strides[axis]};
    const int64_t* strides[3] = {rst.data(), ast.data(), rst.data()};
    MultiIter it(rest, 3, data, strides);
    it.run([&](char** p, const int64_t* s, int64_t n) {
      for (int64_t c = 0; c < n; c += rk::kBufferSize) {
        const int64_t cnt = std::min(rk::kBufferSize, n - c);
        char* o = p[0] + c * s[0];
        const char* x = p[1] + c * s[1];
        if (i == 0) {
          first(x, s[1], o, s[0], cnt);
          continue;
        }
        copy(p[2] + c * s[2], s[2], o, s[0], cnt);
        int64_t xs = s[1];
        if (cast) {
          cast(x, s[1], buf.data(), isz, cnt);
          x = buf.data();
          xs = isz;
        }
        L.elem(o, s[0], x, xs, cnt);
      }
    });
  }
}

}  // namespace

Value accumulate(VM& vm, NDArray* a, const AccumulateSpec& spec) {
  VM::TempRoot keep_a(vm, a);
  if (a->ndim == 0) return vm.raise(vm.exc().TypeError, "cannot accumulate on a scalar");
  int axis;
  if (!normalize_axis(vm, spec.axis, a->ndim, axis)) return Value();
  AccumLoops L;
  DType dt;
  if (spec.kind == ReduceKind::Generic) {
    dt = spec.loop_dtype;
    L.g = spec.loop;
    L.gdata = spec.loop_data;
  } else {
    dt = spec.kind == ReduceKind::LogicalAnd || spec.kind == ReduceKind::LogicalOr
             ? DType::Bool
             : spec.dtype.value_or(reduce_default_dtype(spec.kind, a->dtype));
    L.run = rk::accum_loop(spec.kind, dt);
    L.element = rk::loops_for(spec.kind, dt).element;
  }
  L.isz = itemsize(dt);
  if (!L.run && !L.g)
    return vm.raise_fmt(vm.exc().TypeError, "the accumulation '%s' has no loop for dtype %s", spec.name,
                        std::string(dtype_name(dt)).c_str());
  NDArray* out;
  if (!parse_out(vm, spec.out, out)) return Value();
  if (out && !check_accumulate_out(vm, a, out)) return Value();
  int64_t st[2][kMaxDims];
  for (int d = 0; d < a->ndim; ++d) {
    st[0][d] = out && out->shape[d] != 1 ? out->strides[d] : 0;
    st[1][d] = a->shape[d] == 1 ? 0 : a->strides[d];
  }
  int perm[kMaxDims];
  if (out) sort_axes(a->ndim, 2, st, perm);
  else sort_axes(a->ndim, 1, st + 1, perm);
  NDArray* res = out;
  if (!out || out->dtype != dt || may_share_memory(out, a)) {
    res = alloc_in_perm_order(vm, dt, shape_of(a), perm, nullptr);
    if (!res) return Value();
  }
  VM::TempRoot keep_res(vm, res);
  if (a->size > 0) {
    std::vector<char> buf(static_cast<size_t>(rk::kBufferSize * L.isz));
    CastLoop cast = a->dtype == dt ? nullptr : cast_loop(a->dtype, dt);
    if (perm[0] == axis || a->size == a->shape[axis])
      accumulate_lines(res, a, axis, L, cast, buf);
    else
      accumulate_rows(res, a, axis, L, cast_loop(a->dtype, dt), cast, buf);
  }
  if (out && res != out && !copy_into(vm, out, res)) return Value();
  return Value::from_obj(out ? out : res);
}

}  // namespace pyjitvm::stdlib::np

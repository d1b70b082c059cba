// stdlib/numpy/indexing_fancy.cpp — integer-array and boolean indexing: a[[0, 2]],
// a[mask], a[i, :, idx], and assignment through them.
//
// Stage: called by indexing.cpp when parse_index() finds a fancy item.
//
//   a ──(ints, slices, None, ...)──► V (a strided view; fancy dims left whole)
//   index arrays ──broadcast──► B; off[j] = Σ idx_k[j] * V.strides[fancy dim k]
//   result = pre + B + post   (pre: V dims before the fancy block when the fancy
//                              items are adjacent, else none; post: the other V dims)
//
// Invariants:
//   I1  Results are new C-contiguous arrays (copies), laid out as NumPy lays them out:
//       broadcast index dims replace the fancy block when its items are adjacent in
//       the index, else they come first (build_plan).
//   I2  Checks run in NumPy's order: integer bounds, index broadcast ("shape mismatch:
//       indexing arrays could not be broadcast together with shapes (2,) (3,) "), then
//       the index arrays' bounds, by array axis (build_plan, compute_offsets).
//   I3  Assignment writes elements in C order of the indexing result, so with
//       repeated indices the last value wins (as NumPy); values that share memory with
//       the target are copied first.
//   I4  A single boolean index with the array's ndim takes NumPy's boolean-assignment
//       path and its messages (mask_setitem).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/indexing_internal.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/scalar.h"
#include "vm/seq_util.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

int64_t count_true(NDArray* mask) {
  int64_t count = 0;
  NDArray* ops[] = {mask};
  MultiIter it(shape_of(mask), ops);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    const char* q = p[0];
    int64_t c = 0;
    if (s[0] == 1) {
      for (int64_t i = 0; i < n; ++i) c += q[i] != 0;
    } else {
      for (int64_t i = 0; i < n; ++i) c += q[i * s[0]] != 0;
    }
    count += c;
  });
  return count;
}

// ------------------------------------------------------------------ a[mask] (I4)
bool is_single_mask(NDArray* a, const ParsedIndex& idx) {
  if (idx.n != 1 || idx.items[0].kind != IdxKind::BoolArray) return false;
  const NDArray* m = idx.items[0].arr;  // (length-0 dims may differ: general path)
  return m->ndim == a->ndim && std::equal(m->shape, m->shape + m->ndim, a->shape);
}

// Copies the elements of `a` where `mask` is true to the contiguous `dst` (C order).
template <int N>
void mask_gather(NDArray* a, NDArray* mask, char* dst) {
  NDArray* ops[] = {a, mask};
  MultiIter it(shape_of(a), ops);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    const char* src = p[0];
    const char* m = p[1];
    for (int64_t i = 0; i < n; ++i, src += s[0], m += s[1]) {
      if (*m) {
        __builtin_memcpy(dst, src, N);
        dst += N;
      }
    }
  });
}

// Writes src (advancing by `vstride`, 0 for one value) where `mask` is true.
template <int N>
void mask_scatter(NDArray* a, NDArray* mask, const char* src, int64_t vstride) {
  NDArray* ops[] = {a, mask};
  MultiIter it(shape_of(a), ops);
  it.run([&](char** p, const int64_t* s, int64_t n) {
    char* dst = p[0];
    const char* m = p[1];
    for (int64_t i = 0; i < n; ++i, dst += s[0], m += s[1]) {
      if (*m) {
        __builtin_memcpy(dst, src, N);
        src += vstride;
      }
    }
  });
}

Value mask_getitem(VM& vm, NDArray* a, NDArray* mask) {
  int64_t count = count_true(mask);
  const int64_t shape[] = {count};
  NDArray* r = new_array(vm, a->dtype, shape);
  if (!r || count == 0) return r ? Value::from_obj(r) : Value();
  switch (a->itemsize) {
    case 1:
      mask_gather<1>(a, mask, r->data);
      break;
    case 2:
      mask_gather<2>(a, mask, r->data);
      break;
    case 4:
      mask_gather<4>(a, mask, r->data);
      break;
    case 8:
      mask_gather<8>(a, mask, r->data);
      break;
    default:
      mask_gather<16>(a, mask, r->data);
      break;
  }
  return Value::from_obj(r);
}

bool mask_setitem(VM& vm, NDArray* a, NDArray* mask, Value value) {
  NDArray* v = value_as_array(vm, value, a->dtype);
  if (!v) return false;
  vm.root(Value::from_obj(v));
  if (v->ndim > 1) {
    vm.raise_fmt(vm.exc().TypeError,
                 "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, "
                 "input has %d dimensions",
                 v->ndim);
    return false;
  }
  if (v->ndim == 1 && v->shape[0] != 1) {  // only a 1-d value needs the count
    int64_t count = count_true(mask);
    if (v->shape[0] != count) {
      vm.raise_fmt(vm.exc().ValueError,
                   "NumPy boolean array indexing assignment cannot assign %lld input values to "
                   "the %lld output values where the mask is true",
                   static_cast<long long>(v->shape[0]), static_cast<long long>(count));
      return false;
    }
  }
  if (a->size == 0) return true;
  if (may_share_memory(v, a)) {  // I3
    v = copy_array(vm, v, v->dtype);
    if (!v) return false;
    vm.root(Value::from_obj(v));
  }
  const int64_t vstride = v->ndim == 0 || v->shape[0] == 1 ? 0 : v->strides[0];
  switch (a->itemsize) {
    case 1:
      mask_scatter<1>(a, mask, v->data, vstride);
      break;
    case 2:
      mask_scatter<2>(a, mask, v->data, vstride);
      break;
    case 4:
      mask_scatter<4>(a, mask, v->data, vstride);
      break;
    case 8:
      mask_scatter<8>(a, mask, v->data, vstride);
      break;
    default:
      mask_scatter<16>(a, mask, v->data, vstride);
      break;
  }
  return true;
}

// ------------------------------------------------------------------ the general plan
struct FancyPlan {
  char* base = nullptr;
  int nv = 0;  // dims of V
  int64_t vshape[kMaxIndexItems], vstrides[kMaxIndexItems];
  bool vfancy[kMaxIndexItems] = {};
  int block_pos = 0;  // V dims before the first fancy item
  int nf = 0;
  NDArray* idx[kMaxIndexItems];  // index arrays, rooted
  int fvdim[kMaxIndexItems];     // the V dim each indexes
  int faxis[kMaxIndexItems];     // ... and the array axis (for messages)
  std::vector<int64_t> bshape;
  int npre = 0, npost = 0;
  int64_t pre_shape[kMaxIndexItems], pre_strides[kMaxIndexItems];
  int64_t post_shape[kMaxIndexItems], post_strides[kMaxIndexItems];
  std::vector<int64_t> off;     // byte offset into V for every element of B
  int64_t nb = 1;               // elements of B
  std::vector<int64_t> rshape;  // pre + B + post
  bool single = false;          // one index array and no pre dims: no offset table
};

// Splits an n-d boolean mask into n int64 index arrays (np.nonzero, C order).
bool mask_to_indices(VM& vm, NDArray* mask, NDArray** out) {
  int64_t count = count_true(mask);
  const int64_t shape[] = {count};
  for (int k = 0; k < mask->ndim; ++k) {
    out[k] = new_array(vm, DType::Int64, shape);
    if (!out[k]) return false;
    vm.root(Value::from_obj(out[k]));
  }
  if (count == 0) return true;
  int64_t counter[kMaxDims] = {};
  int64_t j = 0;
  const int nd = mask->ndim;
  for (int64_t flat = 0; flat < mask->size; ++flat) {
    if (*mask->at(counter)) {
      for (int k = 0; k < nd; ++k) out[k]->typed<int64_t>()[j] = counter[k];
      ++j;
    }
    for (int d = nd - 1; d >= 0; --d) {
      if (++counter[d] < mask->shape[d]) break;
      counter[d] = 0;
    }
  }
  return true;
}

void add_vdim(FancyPlan& p, int64_t n, int64_t stride, bool fancy) {
  p.vshape[p.nv] = n;
  p.vstrides[p.nv] = stride;
  p.vfancy[p.nv] = fancy;
  ++p.nv;
}

void add_fancy(FancyPlan& p, NDArray* idx, int axis) {
  p.idx[p.nf] = idx;
  p.fvdim[p.nf] = p.nv - 1;
  p.faxis[p.nf] = axis;
  ++p.nf;
}

// Walks the index items: applies ints, slices and new axes to V, collects the index
// arrays (I2: ints are bounds-checked here, before any broadcasting).
bool build_view(VM& vm, NDArray* a, const ParsedIndex& ix, FancyPlan& p) {
  char* data = a->data;
  int d = 0;
  bool seen_fancy = false;
  for (int i = 0; i < ix.n; ++i) {
    const IndexItem& it = ix.items[i];
    if (!seen_fancy && it.kind != IdxKind::Slice && it.kind != IdxKind::NewAxis &&
        it.kind != IdxKind::Ellipsis) {
      seen_fancy = true;
      p.block_pos = p.nv;
    }
    switch (it.kind) {
      case IdxKind::Int: {
        int64_t n = a->shape[d], x = it.value;
        if (x < -n || x >= n) {
          raise_out_of_bounds(vm, x, d, n);
          return false;
        }
        data += (x < 0 ? x + n : x) * a->strides[d];
        ++d;
        break;
      }
      case IdxKind::Slice: {
        SliceBounds b;
        if (!slice_indices(vm, it.slice, a->shape[d], b)) return false;
        if (b.length > 0) data += b.start * a->strides[d];
        add_vdim(p, b.length, b.length > 0 ? wrapping_mul(b.step, a->strides[d]) : a->strides[d],
                 false);
        ++d;
        break;
      }
      case IdxKind::NewAxis:
        add_vdim(p, 1, 0, false);
        break;
      case IdxKind::Ellipsis:
        for (int k = 0; k < ix.ellipsis_dims; ++k, ++d)
          add_vdim(p, a->shape[d], a->strides[d], false);
        break;
      case IdxKind::Bool0d: {
        const int64_t shape[] = {it.flag ? 1 : 0};
        NDArray* z = new_zeros(vm, DType::Int64, shape);
        if (!z) return false;
        vm.root(Value::from_obj(z));
        add_vdim(p, 1, 0, true);
        add_fancy(p, z, d);
        break;
      }
      case IdxKind::BoolArray: {
        NDArray* parts[kMaxDims];
        if (!mask_to_indices(vm, it.arr, parts)) return false;
        for (int k = 0; k < it.arr->ndim; ++k, ++d) {
          add_vdim(p, a->shape[d], a->strides[d], true);
          add_fancy(p, parts[k], d);
        }
        break;
      }
      case IdxKind::IntArray: {
        NDArray* x = as_contiguous(vm, it.arr, DType::Int64);
        if (!x) return false;
        vm.root(Value::from_obj(x));
        add_vdim(p, a->shape[d], a->strides[d], true);
        add_fancy(p, x, d);
        ++d;
        break;
      }
    }
  }
  for (; d < a->ndim; ++d) add_vdim(p, a->shape[d], a->strides[d], false);
  p.base = data;
  return true;
}

// off[j] += idx_k[j] * stride for every index array, with NumPy's bounds messages.
bool compute_offsets(VM& vm, FancyPlan& p) {
  p.off.assign(static_cast<size_t>(p.nb), 0);
  if (p.nb == 0) return true;
  const size_t nbd = p.bshape.size();
  std::vector<int64_t> off_strides(nbd);
  c_strides(p.bshape, sizeof(int64_t), off_strides.data());
  for (int k = 0; k < p.nf; ++k) {
    int64_t ist[kMaxIndexItems];
    broadcast_strides(p.idx[k], p.bshape, ist);
    const int64_t dim = p.vshape[p.fvdim[k]], vstride = p.vstrides[p.fvdim[k]];
    char* data[2] = {p.idx[k]->data, reinterpret_cast<char*>(p.off.data())};
    const int64_t* strides[2] = {ist, off_strides.data()};
    MultiIter it(p.bshape, 2, data, strides);
    bool bad = false;
    int64_t bad_value = 0;
    it.run([&](char** q, const int64_t* s, int64_t n) {
      if (bad) return;
      const char* src = q[0];
      char* dst = q[1];
      for (int64_t i = 0; i < n; ++i, src += s[0], dst += s[1]) {
        int64_t x;
        std::memcpy(&x, src, 8);
        int64_t y = x < 0 ? x + dim : x;
        if (y < 0 || y >= dim) {
          bad = true;
          bad_value = x;
          return;
        }
        *reinterpret_cast<int64_t*>(dst) += y * vstride;
      }
    });
    if (bad) {
      raise_out_of_bounds(vm, bad_value, p.faxis[k], dim);
      return false;
    }
  }
  return true;
}

// The one index array of a `single` plan is checked before anything is read or
// written (NumPy checks all indices first).
bool check_single_bounds(VM& vm, const FancyPlan& p) {
  const int64_t* idx = p.idx[0]->typed<int64_t>();
  const int64_t n = p.idx[0]->size, dim = p.vshape[p.fvdim[0]];
  bool bad = false;
  for (int64_t j = 0; j < n; ++j) bad |= (idx[j] < -dim) | (idx[j] >= dim);  // vectorised
  if (!bad) return true;
  for (int64_t j = 0; j < n; ++j)
    if (idx[j] < -dim || idx[j] >= dim) {
      raise_out_of_bounds(vm, idx[j], p.faxis[0], dim);
      break;
    }
  return false;
}

bool build_plan(VM& vm, NDArray* a, const ParsedIndex& ix, FancyPlan& p) {
  if (!build_view(vm, a, ix, p)) return false;
  std::vector<std::span<const int64_t>> shapes;
  for (int k = 0; k < p.nf; ++k) shapes.push_back(shape_of(p.idx[k]));
  if (!broadcast_shapes(shapes, p.bshape)) {
    std::string msg =
        "shape mismatch: indexing arrays could not be broadcast together with shapes ";
    for (int k = 0; k < p.nf; ++k) msg += shape_str_compact(shape_of(p.idx[k])) + " ";
    vm.raise(vm.exc().IndexError, msg);
    return false;
  }
  for (int64_t n : p.bshape) p.nb *= n;
  for (int v = 0; v < p.nv; ++v) {
    if (p.vfancy[v]) continue;
    bool pre = ix.fancy_adjacent && v < p.block_pos;
    if (pre) {
      p.pre_shape[p.npre] = p.vshape[v];
      p.pre_strides[p.npre++] = p.vstrides[v];
    } else {
      p.post_shape[p.npost] = p.vshape[v];
      p.post_strides[p.npost++] = p.vstrides[v];
    }
  }
  p.rshape.assign(p.pre_shape, p.pre_shape + p.npre);
  p.rshape.insert(p.rshape.end(), p.bshape.begin(), p.bshape.end());
  p.rshape.insert(p.rshape.end(), p.post_shape, p.post_shape + p.npost);
  p.single = p.nf == 1 && p.npre == 0;
  return true;
}

// Bounds of the index arrays (after the value's broadcast check on assignment, as NumPy
// orders them). NumPy 1.24 skips them, with a DeprecationWarning, when the result is
// empty (a[[5], :0]); gathers of a `single` plan check as they copy.
bool prepare_offsets(VM& vm, FancyPlan& p, bool gather) {
  for (int64_t d : p.rshape)
    if (d == 0) return true;
  if (p.single) return gather || check_single_bounds(vm, p);
  return compute_offsets(vm, p);
}

// True when strides `ob` over `bshape` walk it in C order with one stride `fs` (a
// C-ordered or fully broadcast operand).
bool flat_stride(const std::vector<int64_t>& bshape, const int64_t* ob, int64_t& fs) {
  const int nbd = static_cast<int>(bshape.size());
  fs = 0;
  for (int k = nbd - 1; k >= 0; --k)
    if (bshape[k] != 1) {
      fs = ob[k];
      break;
    }
  int64_t span = 1;
  for (int k = nbd - 1; k >= 0; --k) {
    if (bshape[k] != 1 && ob[k] != fs * span) return false;
    span *= bshape[k];
  }
  return true;
}

// Calls block(array_ptr, other_ptr) for every (pre, B) position in C order; `ost`
// are the other operand's strides over the result dims (pre + B + post).
template <class Block>
void walk(const FancyPlan& p, char* other, const int64_t* ost, Block&& block) {
  const int nbd = static_cast<int>(p.bshape.size());
  const int64_t* ob = ost + p.npre;
  int64_t fs;
  const bool flat = flat_stride(p.bshape, ob, fs);
  int64_t pre_counter[kMaxIndexItems] = {};
  char* apre = p.base;
  char* opre = other;
  for (;;) {
    if (flat) {
      char* o = opre;
      for (int64_t j = 0; j < p.nb; ++j, o += fs) block(apre + p.off[j], o);
    } else {
      int64_t bc[kMaxIndexItems] = {};
      char* o = opre;
      for (int64_t j = 0; j < p.nb; ++j) {
        block(apre + p.off[j], o);
        for (int k = nbd - 1; k >= 0; --k) {
          o += ob[k];
          if (++bc[k] < p.bshape[k]) break;
          o -= ob[k] * p.bshape[k];
          bc[k] = 0;
        }
      }
    }
    int d = p.npre - 1;
    for (; d >= 0; --d) {
      apre += p.pre_strides[d];
      opre += ost[d];
      if (++pre_counter[d] < p.pre_shape[d]) break;
      apre -= p.pre_strides[d] * p.pre_shape[d];
      opre -= ost[d] * p.pre_shape[d];
      pre_counter[d] = 0;
    }
    if (d < 0) return;
  }
}

// Runs the element copies between V and the other operand (gather: V → other).
// The typed loop of a single index array with no trailing dims (elements of N bytes).
// Gathers check bounds as they go (getitem writes only its own result) and return the
// position of a bad index; scatters run on indices checked beforehand. -1: all done.
template <int N>
int64_t single_loop(const FancyPlan& p, char* other, int64_t fs, bool gather) {
  const int64_t* idx = p.idx[0]->typed<int64_t>();
  const int64_t n = p.nb, dim = p.vshape[p.fvdim[0]], vs = p.vstrides[p.fvdim[0]];
  char* base = p.base;
  if (gather) {
    for (int64_t j = 0; j < n; ++j) {
      int64_t x = idx[j] < 0 ? idx[j] + dim : idx[j];
      if (static_cast<uint64_t>(x) >= static_cast<uint64_t>(dim)) return j;
      __builtin_memcpy(other + j * fs, base + x * vs, N);
    }
  } else {
    for (int64_t j = 0; j < n; ++j) {
      int64_t x = idx[j] < 0 ? idx[j] + dim : idx[j];
      __builtin_memcpy(base + x * vs, other + j * fs, N);
    }
  }
  return -1;
}

// A `single` plan (the index array is contiguous with B's shape). False when the
// layout needs the general path.
bool transfer_single(FancyPlan& p, NDArray* a, char* other, const int64_t* ost, bool gather,
                     int64_t& bad) {
  int64_t fs;
  if (p.npost != 0 || !flat_stride(p.bshape, ost, fs)) return false;
  switch (a->itemsize) {
    case 1:
      bad = single_loop<1>(p, other, fs, gather);
      break;
    case 2:
      bad = single_loop<2>(p, other, fs, gather);
      break;
    case 4:
      bad = single_loop<4>(p, other, fs, gather);
      break;
    case 8:
      bad = single_loop<8>(p, other, fs, gather);
      break;
    default:
      bad = single_loop<16>(p, other, fs, gather);
      break;
  }
  return true;
}

// Runs the element copies between V and the other operand (gather: V → other).
bool transfer(VM& vm, FancyPlan& p, NDArray* a, char* other, const int64_t* ost, bool gather) {
  if (p.nb == 0) return true;
  for (size_t i = 0; i < p.rshape.size(); ++i)
    if (p.rshape[i] == 0) return true;
  if (p.single) {
    int64_t bad = -1;
    if (transfer_single(p, a, other, ost, gather, bad)) {
      if (bad < 0) return true;
      raise_out_of_bounds(vm, p.idx[0]->typed<int64_t>()[bad], p.faxis[0], p.vshape[p.fvdim[0]]);
      return false;
    }
    if ((gather && !check_single_bounds(vm, p)) || !compute_offsets(vm, p)) return false;
  }
  const int isz = a->itemsize;
  if (p.npost == 0) {
    if (gather)
      walk(p, other, ost, [&](char* ap, char* op) { copy_elem(op, ap, isz); });
    else
      walk(p, other, ost, [&](char* ap, char* op) { copy_elem(ap, op, isz); });
    return true;
  }
  CastLoop loop = cast_loop(a->dtype, a->dtype);
  const int64_t* opost = ost + p.npre + p.bshape.size();
  std::span<const int64_t> post(p.post_shape, static_cast<size_t>(p.npost));
  walk(p, other, ost, [&](char* ap, char* op) {
    char* data[2] = {gather ? ap : op, gather ? op : ap};
    const int64_t* strides[2] = {gather ? p.post_strides : opost, gather ? opost : p.post_strides};
    MultiIter it(post, 2, data, strides);
    it.run([&](char** q, const int64_t* s, int64_t n) { loop(q[0], s[0], q[1], s[1], n); });
  });
  return true;
}

}  // namespace

Value fancy_getitem(VM& vm, NDArray* a, ParsedIndex& ix) {
  if (is_single_mask(a, ix)) return mask_getitem(vm, a, ix.items[0].arr);
  FancyPlan p;
  if (!build_plan(vm, a, ix, p) || !prepare_offsets(vm, p, true)) return Value();
  NDArray* r = new_array(vm, a->dtype, p.rshape);
  if (!r) return Value();
  if (!transfer(vm, p, a, r->data, r->strides, true)) return Value();
  return Value::from_obj(r);
}

bool fancy_setitem(VM& vm, NDArray* a, ParsedIndex& ix, Value value) {
  if (is_single_mask(a, ix)) return mask_setitem(vm, a, ix.items[0].arr, value);
  FancyPlan p;
  if (!build_plan(vm, a, ix, p)) return false;
  NDArray* v = value_as_array(vm, value, a->dtype);
  if (!v) return false;
  vm.root(Value::from_obj(v));
  const int rnd = static_cast<int>(p.rshape.size());
  NDArray* src = v;
  const int extra = v->ndim - rnd;
  bool ok = true;
  for (int i = 0; i < extra; ++i) ok = ok && v->shape[i] == 1;
  int64_t vst[kMaxIndexItems];
  if (ok && extra > 0) {
    src = new_view(vm, v, v->dtype, v->data, {v->shape + extra, static_cast<size_t>(rnd)},
                   {v->strides + extra, static_cast<size_t>(rnd)});
    if (!src) return false;
    vm.root(Value::from_obj(src));
  }
  if (ok) ok = broadcast_strides(src, p.rshape, vst);
  if (!ok) {
    vm.raise_fmt(vm.exc().ValueError,
                 "shape mismatch: value array of shape %s could not be broadcast to indexing "
                 "result of shape %s",
                 shape_str_compact(shape_of(v)).c_str(), shape_str_compact(p.rshape).c_str());
    return false;
  }
  if (may_share_memory(src, a)) {  // I3
    src = copy_array(vm, src, src->dtype);
    if (!src) return false;
    vm.root(Value::from_obj(src));
    broadcast_strides(src, p.rshape, vst);
  }
  return prepare_offsets(vm, p, false) && transfer(vm, p, a, src->data, vst, false);
}

}  // namespace pyjitvm::stdlib::np

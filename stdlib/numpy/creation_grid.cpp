// stdlib/numpy/creation_grid.cpp — ranges and grids: linspace, logspace, meshgrid,
// np.mgrid/np.ogrid, indices, fromfunction, diag/diagonal, tri/tril/triu.
//
// Stage: install_creation_grid(), called from install_creation() (creation.cpp).
//
// Invariants:
//   I1  linspace computes what NumPy 1.24's Python implementation computes, operation
//       for operation: step = delta / div, y[i] = i * step + start (or
//       i / div * delta + start when a step is 0), the last element set to stop when
//       endpoint, floor before an integer dtype — so results agree to the bit.
//   I2  logspace raises with the module's np.power (the ufunc area's kernel), so its
//       results match np.power's.
//   I3  diagonal/diag of a 2-d array return read-only views, as NumPy's do.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/convert.h"
#include "stdlib/numpy/ndarray.h"
#include "stdlib/numpy/numpy_internal.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/shape_internal.h"
#include "vm/builtin_types.h"
#include "vm/dict_object.h"
#include "vm/list_object.h"
#include "vm/misc_objects.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

// ------------------------------------------------------------------ linspace (I1)
struct Cplx {
  double re, im;
};

// One column of linspace: y[i * K] for i < num (real case).
template <class T>
void linspace_real(T* y, int64_t num, int64_t K, T start, T stop, int64_t div, bool step_zero,
                   T& step) {
  const T delta = stop - start;
  const T d = static_cast<T>(div);
  if (div > 0) {
    step = delta / d;
    for (int64_t i = 0; i < num; ++i) {
      T v = static_cast<T>(i);
      v = step_zero ? v / d * delta : v * step;
      y[i * K] = v + start;
    }
  } else {
    step = static_cast<T>(std::nan(""));
    for (int64_t i = 0; i < num; ++i) y[i * K] = static_cast<T>(i) * delta + start;
  }
}

// NumPy's complex multiply/divide formulas (no C99 NaN recovery).
Cplx cmul(Cplx a, Cplx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }
Cplx cdiv_real(Cplx a, double d) {  // a / (d + 0j) with NumPy's Smith-style division
  if (d == 0) return {a.re / std::fabs(d), a.im / std::fabs(d)};
  const double rat = 0.0 / d, scl = 1.0 / (d + 0.0 * rat);
  return {(a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl};
}

void linspace_complex(Cplx* y, int64_t num, int64_t K, Cplx start, Cplx stop, int64_t div,
                      bool step_zero, Cplx& step) {
  const Cplx delta{stop.re - start.re, stop.im - start.im};
  if (div > 0) {
    step = cdiv_real(delta, static_cast<double>(div));
    for (int64_t i = 0; i < num; ++i) {
      Cplx v{static_cast<double>(i), 0.0};
      v = step_zero ? cmul(cdiv_real(v, static_cast<double>(div)), delta) : cmul(v, step);
      y[i * K] = {v.re + start.re, v.im + start.im};
    }
  } else {
    step = {std::nan(""), 0.0};
    for (int64_t i = 0; i < num; ++i) {
      Cplx v = cmul({static_cast<double>(i), 0.0}, delta);
      y[i * K] = {v.re + start.re, v.im + start.im};
    }
  }
}

// start and stop broadcast together, as contiguous float64 or complex128 columns.
struct LinCols {
  NDArray* start = nullptr;
  NDArray* stop = nullptr;
  std::vector<int64_t> bshape;
  int64_t count = 1;  // columns (elements of bshape)
  bool cplx = false;
  DType calc = DType::Float64;
};

bool linspace_columns(VM& vm, Value start_v, Value stop_v, LinCols& c) {
  NDArray* s = arg_array(vm, start_v);
  NDArray* e = s ? arg_array(vm, stop_v) : nullptr;
  if (!e) return false;
  // NumPy's result_type(start * 1.0, stop * 1.0, float(num)): float32 arrays keep
  // float32 (scalars do not count against them), everything else is float64.
  c.cplx = is_complex(s->dtype) || is_complex(e->dtype);
  auto f32_or_scalar = [](NDArray* x) { return x->ndim == 0 || x->dtype == DType::Float32; };
  const bool f32 = (s->ndim > 0 || e->ndim > 0) && f32_or_scalar(s) && f32_or_scalar(e);
  c.calc = c.cplx ? DType::Complex128 : f32 ? DType::Float32 : DType::Float64;
  NDArray* ops[] = {s, e};
  if (!broadcast_arrays_shape(vm, ops, c.bshape)) return false;
  for (int64_t d : c.bshape) c.count *= d;
  NDArray** outs[] = {&c.start, &c.stop};
  for (int i = 0; i < 2; ++i) {
    NDArray* col = new_array(vm, c.calc, c.bshape);
    if (!col) return false;
    vm.root(Value::from_obj(col));
    int64_t st[kMaxDims];
    broadcast_strides(ops[i], c.bshape, st);
    NDArray* b = view_of(vm, ops[i], ops[i]->data, c.bshape, {st, c.bshape.size()});
    if (!b || !copy_into(vm, col, b)) return false;
    *outs[i] = col;
  }
  return true;
}

// y (num, count) and the steps (count) of every column (I1). NumPy switches every
// column to the y / div * delta form when any step is 0.
template <class T>
void linspace_fill_real(const LinCols& c, NDArray* y, NDArray* steps, int64_t num, int64_t div,
                        bool endpoint) {
  const int64_t K = c.count;
  const T* a = c.start->typed<T>();
  const T* b = c.stop->typed<T>();
  bool step_zero = false;
  for (int64_t k = 0; k < K && div > 0; ++k)
    step_zero = step_zero || (b[k] - a[k]) / static_cast<T>(div) == 0;
  for (int64_t k = 0; k < K; ++k) {
    T* out = y->typed<T>() + k;
    linspace_real<T>(out, num, K, a[k], b[k], div, step_zero, steps->typed<T>()[k]);
    if (endpoint && num > 1) out[(num - 1) * K] = b[k];
  }
}

void linspace_fill(const LinCols& c, NDArray* y, NDArray* steps, int64_t num, int64_t div,
                   bool endpoint) {
  if (c.calc == DType::Float64) return linspace_fill_real<double>(c, y, steps, num, div, endpoint);
  if (c.calc == DType::Float32) return linspace_fill_real<float>(c, y, steps, num, div, endpoint);
  const int64_t K = c.count;
  const Cplx* a = reinterpret_cast<const Cplx*>(c.start->data);
  const Cplx* b = reinterpret_cast<const Cplx*>(c.stop->data);
  bool step_zero = false;
  for (int64_t k = 0; k < K && div > 0; ++k) {
    Cplx st = cdiv_real({b[k].re - a[k].re, b[k].im - a[k].im}, static_cast<double>(div));
    step_zero = step_zero || (st.re == 0 && st.im == 0);
  }
  for (int64_t k = 0; k < K; ++k) {
    Cplx* out = reinterpret_cast<Cplx*>(y->data) + k;
    linspace_complex(out, num, K, a[k], b[k], div, step_zero,
                     reinterpret_cast<Cplx*>(steps->data)[k]);
    if (endpoint && num > 1) out[(num - 1) * K] = b[k];
  }
}

// Moves the sample axis to `axis`, floors for integer dtypes and casts (NumPy's tail).
NDArray* linspace_finish(VM& vm, NDArray* y, DType calc, std::optional<DType> dtype,
                         int64_t axis_in) {
  NDArray* r = y;
  if (axis_in != 0) {
    int axis;
    if (!check_axis(vm, axis_in, y->ndim, "destination: ", axis)) return nullptr;
    std::vector<int> perm;
    for (int d = 1; d < y->ndim; ++d) perm.push_back(d);
    perm.insert(perm.begin() + axis, 0);
    r = permute_view(vm, y, perm.data());
    if (!r) return nullptr;
    vm.root(Value::from_obj(r));
  }
  const DType out = dtype.value_or(calc);
  if (is_integer(out) && calc == DType::Float64) {
    double* p = y->typed<double>();
    for (int64_t i = 0; i < y->size; ++i) p[i] = std::floor(p[i]);
  } else if (is_integer(out) && calc == DType::Float32) {
    float* p = y->typed<float>();
    for (int64_t i = 0; i < y->size; ++i) p[i] = std::floor(p[i]);
  }
  return out == calc ? r : copy_array(vm, r, out, 'K');
}

Value linspace_impl(VM& vm, Value start_v, Value stop_v, int64_t num, bool endpoint, bool retstep,
                    std::optional<DType> dtype, int64_t axis) {
  if (num < 0)
    return vm.raise_fmt(vm.exc().ValueError, "Number of samples, %lld, must be non-negative.",
                        static_cast<long long>(num));
  LinCols c;
  if (!linspace_columns(vm, start_v, stop_v, c)) return Value();
  std::vector<int64_t> shape = {num};
  shape.insert(shape.end(), c.bshape.begin(), c.bshape.end());
  NDArray* y = new_array(vm, c.calc, shape);
  NDArray* steps = y ? new_array(vm, c.calc, c.bshape) : nullptr;
  if (!steps) return Value();
  vm.root(Value::from_obj(y));
  vm.root(Value::from_obj(steps));
  const int64_t div = endpoint ? num - 1 : num;
  linspace_fill(c, y, steps, num, div, endpoint);
  NDArray* r = linspace_finish(vm, y, c.calc, dtype, axis);
  if (!r) return Value();
  if (!retstep) return Value::from_obj(r);
  vm.root(Value::from_obj(r));
  Value step_v;
  if (div <= 0)
    step_v = Value::from_float(std::nan(""));
  else if (c.bshape.empty())
    step_v = box_scalar(vm, c.calc, steps->data);
  else
    step_v = Value::from_obj(steps);
  vm.root(step_v);
  return Value::from_obj(vm.tuple_of({Value::from_obj(r), step_v}));
}

bool linspace_args(VM& vm, const Value* p, int64_t& num, bool& endpoint, std::optional<DType>& dt,
                   int64_t& axis, int num_i, int end_i, int dtype_i, int axis_i) {
  num = 50;
  endpoint = true;
  axis = 0;
  if (!p[num_i].is_undef() && !index_of(vm, p[num_i], num)) return false;
  if (!p[end_i].is_undef()) {
    int t = truthy(vm, p[end_i]);
    if (t < 0) return false;
    endpoint = t;
  }
  if (!parse_optional_dtype(vm, p[dtype_i], dt)) return false;
  return p[axis_i].is_undef() || index_of(vm, p[axis_i], axis);
}

Value f_linspace(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"linspace",
                             {"start", "stop", "num=", "endpoint=", "retstep=", "dtype=", "axis="}};
  Value p[7];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t num, axis;
  bool endpoint, retstep = false;
  std::optional<DType> dt;
  if (!linspace_args(vm, p, num, endpoint, dt, axis, 2, 3, 5, 6)) return Value();
  if (!p[4].is_undef()) {
    int t = truthy(vm, p[4]);
    if (t < 0) return Value();
    retstep = t;
  }
  return linspace_impl(vm, p[0], p[1], num, endpoint, retstep, dt, axis);
}

Value f_logspace(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"logspace",
                             {"start", "stop", "num=", "endpoint=", "base=", "dtype=", "axis="}};
  Value p[7];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t num, axis;
  bool endpoint;
  std::optional<DType> dt;
  if (!linspace_args(vm, p, num, endpoint, dt, axis, 2, 3, 5, 6)) return Value();
  Value y = linspace_impl(vm, p[0], p[1], num, endpoint, false, std::nullopt, axis);
  if (failed(y)) return y;
  vm.root(y);
  Value power = dict_get_str(state(vm).module->dict, vm.intern("power"));
  if (power.is_undef()) return vm.raise(vm.exc().NotImplementedError, "np.logspace needs np.power");
  Value base = p[4].is_undef() ? Value::from_float(10.0) : p[4];
  Value r = vm.call(power, {base, y});
  if (failed(r) || !dt) return r;
  vm.root(r);
  NDArray* ra = arg_array(vm, r);
  if (!ra) return Value();
  return ra->dtype == *dt ? Value::from_obj(ra) : wrap(copy_array(vm, ra, *dt, 'K'));
}

// ------------------------------------------------------------------ indices / grids
// np.indices(dims, dtype): out[i][...] = index along dim i.
NDArray* make_indices(VM& vm, const std::vector<int64_t>& dims, DType dtype) {
  std::vector<int64_t> shape = {static_cast<int64_t>(dims.size())};
  shape.insert(shape.end(), dims.begin(), dims.end());
  NDArray* r = new_array(vm, DType::Int64, shape);
  if (!r) return nullptr;
  VM::TempRoot keep(vm, r);
  int64_t per = 1;
  for (int64_t d : dims) per *= d;
  int64_t* o = r->typed<int64_t>();
  for (size_t i = 0; i < dims.size(); ++i) {
    int64_t inner = 1;
    for (size_t j = i + 1; j < dims.size(); ++j) inner *= dims[j];
    for (int64_t k = 0; k < per; ++k) o[i * per + k] = (k / inner) % dims[i];
  }
  return dtype == DType::Int64 ? r : copy_array(vm, r, dtype);
}

Value f_indices(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"indices", {"dimensions", "dtype=", "sparse="}};
  Value p[3];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::vector<int64_t> dims;
  std::optional<DType> dt;
  if (!parse_intp_shape(vm, p[0], dims) || !parse_optional_dtype(vm, p[1], dt)) return Value();
  if (!p[2].is_undef() && truthy(vm, p[2]) != 0)
    return vm.raise(vm.exc().NotImplementedError,
                    "np.indices(sparse=True) is not supported by pyjitvm");
  return wrap(make_indices(vm, dims, dt.value_or(DType::Int64)));
}

Value f_fromfunction(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"fromfunction",
                             {"function", "shape", "*", "dtype=", "like=", "**kwargs"}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  std::vector<int64_t> dims;
  std::optional<DType> dt;
  if (!parse_intp_shape(vm, p[1], dims) || !parse_optional_dtype(vm, p[2], dt)) return Value();
  NDArray* idx = make_indices(vm, dims, dt.value_or(DType::Float64));
  if (!idx) return Value();
  vm.root(Value::from_obj(idx));
  std::vector<Value> args;
  for (size_t i = 0; i < dims.size(); ++i) {
    NDArray* v = view_of(vm, idx, idx->data + static_cast<int64_t>(i) * idx->strides[0],
                         {idx->shape + 1, dims.size()}, {idx->strides + 1, dims.size()});
    if (!v) return Value();
    args.push_back(vm.root(Value::from_obj(v)));
  }
  Dict* kw = as_dict(p[4]);
  Tuple* names = vm.new_tuple(kw->len);
  vm.root(Value::from_obj(names));
  size_t k = 0;
  for (uint32_t i = 0; i < kw->nentries; ++i) {
    const DictEntry& e = kw->entries[i];
    if (e.key.is_undef()) continue;
    (*names)[k++] = e.key;
    args.push_back(vm.root(e.value));
  }
  CallArgs ca;
  ca.argv = args.data();
  ca.argc = static_cast<uint32_t>(dims.size());
  ca.kwnames = k ? names : nullptr;
  return vm.call(p[0], ca);
}

Value f_meshgrid(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"meshgrid", {"*xi", "copy=", "sparse=", "indexing="}};
  Value p[4];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  bool copy = true, sparse = false, xy = true;
  if (!p[1].is_undef()) {
    int t = truthy(vm, p[1]);
    if (t < 0) return Value();
    copy = t;
  }
  if (!p[2].is_undef()) {
    int t = truthy(vm, p[2]);
    if (t < 0) return Value();
    sparse = t;
  }
  if (!p[3].is_undef()) {
    std::string_view s = is_kind(p[3], Kind::Str) ? as_str(p[3])->view() : "";
    if (s != "xy" && s != "ij")
      return vm.raise(vm.exc().ValueError, "Valid values for `indexing` are 'xy' and 'ij'.");
    xy = s == "xy";
  }
  Tuple* xi = as_tuple(p[0]);
  const int nd = static_cast<int>(xi->len);
  std::vector<NDArray*> out;
  std::vector<int64_t> full(nd, 1);
  for (int i = 0; i < nd; ++i) {
    NDArray* x = arg_array(vm, (*xi)[i]);
    if (!x) return Value();
    std::vector<int64_t> shape(nd, 1);
    int pos = xy && nd > 1 && i < 2 ? 1 - i : i;
    shape[pos] = x->size;
    full[pos] = x->size;
    NDArray* r = reshape_array(vm, x, shape, 'C');
    if (!r) return Value();
    vm.root(Value::from_obj(r));
    out.push_back(r);
  }
  for (NDArray*& r : out) {
    if (!sparse) {
      int64_t st[kMaxDims];
      broadcast_strides(r, full, st);
      r = view_of(vm, r, r->data, full, {st, full.size()});
      if (!r) return Value();
      vm.root(Value::from_obj(r));
    }
    if (copy) {
      r = copy_array(vm, r, r->dtype, 'C');
      if (!r) return Value();
      vm.root(Value::from_obj(r));
    }
  }
  return array_list(vm, out);
}

// np.mgrid / np.ogrid: objects whose [] builds dense / open grids (nd_grid).
struct GridObj : Object {
  bool sparse;
};
void grid_trace(Object*, GcTracer&) {}

// Reads a slice of the grid key: start (default 0), stop, step (default 1); a complex
// step means "that many points" (stop inclusive).
struct GridDim {
  Value start, stop, step;
  bool complex_step = false;
  double points = 0;
};

bool grid_dim(VM& vm, Value key, GridDim& g) {
  if (!is_kind(key, Kind::Slice)) {
    vm.raise_fmt(vm.exc().AttributeError, "'%s' object has no attribute 'step'",
                 type_name(vm, key));
    return false;
  }
  Slice* s = as_slice(key);
  g.start = s->start.is_none() ? Value::from_int(0) : s->start;
  g.stop = s->stop;
  g.step = s->step.is_none() ? Value::from_int(1) : s->step;
  if (is_kind(g.step, Kind::Complex)) {
    ComplexObj* c = as_complex(g.step);
    g.complex_step = true;
    g.points = std::hypot(c->re, c->im);
  }
  return true;
}

// The dtype NumPy's result_type picks for Python numbers: int64, float64 or complex128.
DType number_dtype(VM& vm, Value v, DType acc) {
  DType d = DType::Int64;
  if (!discover_dtype(vm, v, d)) {
    vm.clear_pending();
    d = DType::Float64;
  }
  if (d == DType::Bool) d = DType::Int64;
  return promote_types(acc, d);
}

// mgrid[a:b:c] (one slice): np.arange, or `n` points for a complex step.
Value grid_one(VM& vm, Value key) {
  GridDim g;
  if (!grid_dim(vm, key, g)) return Value();
  Value arange = dict_get_str(state(vm).module->dict, vm.intern("arange"));
  if (!g.complex_step) return vm.call(arange, {g.start, g.stop, g.step});
  int64_t length = static_cast<int64_t>(g.points);
  double fs, fe;
  if (!to_double(vm, g.start, fs) || !to_double(vm, g.stop, fe)) return Value();
  double step = length != 1 ? (fe - fs) / static_cast<double>(length - 1) : 1.0;
  const int64_t shape[] = {std::max<int64_t>(length, 0)};
  NDArray* r = new_array(vm, DType::Float64, shape);
  if (!r) return Value();
  for (int64_t i = 0; i < shape[0]; ++i) r->typed<double>()[i] = static_cast<double>(i) * step + fs;
  return Value::from_obj(r);
}

// The points along every dim and NumPy's result_type of all starts, stops and steps.
bool grid_sizes(VM& vm, Tuple* t, std::vector<GridDim>& dims, std::vector<int64_t>& size,
                DType& typ) {
  typ = DType::Int64;
  dims.resize(t->len);
  for (size_t k = 0; k < t->len; ++k) {
    GridDim& g = dims[k];
    if (!grid_dim(vm, (*t)[k], g)) return false;
    double fs, fe, fst;
    if (g.complex_step) {
      size.push_back(static_cast<int64_t>(g.points));
      typ = number_dtype(vm, Value::from_float(g.points),
                         number_dtype(vm, g.stop, number_dtype(vm, g.start, typ)));
      continue;
    }
    if (!to_double(vm, g.start, fs) || !to_double(vm, g.stop, fe) || !to_double(vm, g.step, fst))
      return false;
    if (fst == 0) {
      vm.raise(vm.exc().ZeroDivisionError, "division by zero");
      return false;
    }
    size.push_back(static_cast<int64_t>(std::ceil((fe - fs) / fst)));
    typ = number_dtype(vm, g.step, number_dtype(vm, g.stop, number_dtype(vm, g.start, typ)));
  }
  return true;
}

// Dim k of the grid: index * step + start over the full shape (dense) or as an open
// (1, .., n, .., 1) view with stride 0 on the other dims (sparse), as NumPy's are.
NDArray* grid_part(VM& vm, const GridDim& g, size_t k, const std::vector<int64_t>& size,
                   bool is_int, bool sparse) {
  double fs, fe, step;
  int64_t is = 0, ist = 1;
  if (!to_double(vm, g.start, fs) || !to_double(vm, g.stop, fe)) return nullptr;
  if (g.complex_step) {
    int64_t n = static_cast<int64_t>(g.points);
    step = n != 1 ? (fe - fs) / static_cast<double>(n - 1) : 1.0;
  } else if (!to_double(vm, g.step, step) ||
             (is_int && (!index_of(vm, g.start, is) || !index_of(vm, g.step, ist)))) {
    return nullptr;
  }
  std::vector<int64_t> shape = size;
  if (sparse) shape = {size[k]};
  NDArray* r = new_array(vm, is_int ? DType::Int64 : DType::Float64, shape);
  if (!r) return nullptr;
  vm.root(Value::from_obj(r));
  int64_t inner = 1;
  for (size_t j = k + 1; j < size.size() && !sparse; ++j) inner *= size[j];
  for (int64_t i = 0; i < r->size; ++i) {
    int64_t idx = sparse ? i : (i / inner) % size[k];
    if (is_int)
      r->typed<int64_t>()[i] = idx * ist + is;
    else
      r->typed<double>()[i] = static_cast<double>(idx) * step + fs;
  }
  if (!sparse) return r;
  std::vector<int64_t> vshape(size.size(), 1), vstrides(size.size(), 0);
  vshape[k] = size[k];
  vstrides[k] = r->itemsize;
  return view_of(vm, r, r->data, vshape, vstrides);
}

Value grid_getitem(VM& vm, Value self, Value key) {
  const bool sparse = static_cast<GridObj*>(self.as_obj())->sparse;
  VM::RootScope scope(vm);
  if (!is_kind(key, Kind::Tuple)) return grid_one(vm, key);
  std::vector<GridDim> dims;
  std::vector<int64_t> size;
  DType typ;
  if (!grid_sizes(vm, as_tuple(key), dims, size, typ)) return Value();
  const bool is_int = is_integer(typ);
  std::vector<NDArray*> parts;
  for (size_t k = 0; k < dims.size(); ++k) {
    NDArray* r = grid_part(vm, dims[k], k, size, is_int, sparse);
    if (!r) return Value();
    vm.root(Value::from_obj(r));
    parts.push_back(r);
  }
  if (sparse) return array_list(vm, parts);
  std::vector<int64_t> shape = {static_cast<int64_t>(parts.size())};
  shape.insert(shape.end(), size.begin(), size.end());
  NDArray* out = new_array(vm, is_int ? DType::Int64 : DType::Float64, shape);
  if (!out) return Value();
  const size_t block =
      static_cast<size_t>(out->size / std::max<int64_t>(1, shape[0])) * out->itemsize;
  for (size_t k = 0; k < parts.size(); ++k)
    if (block) std::memcpy(out->data + k * block, parts[k]->data, block);
  return Value::from_obj(out);
}

// ------------------------------------------------------------------ diagonal / tri
NDArray* diagonal_view(VM& vm, NDArray* x, int64_t offset, Value ax1, Value ax2) {
  int64_t i1 = 0, i2 = 1;
  if ((!ax1.is_undef() && !index_of(vm, ax1, i1)) || (!ax2.is_undef() && !index_of(vm, ax2, i2)))
    return nullptr;
  if (x->ndim < 2) {
    vm.raise(vm.exc().ValueError, "diag requires an array of at least two dimensions");
    return nullptr;
  }
  int a1, a2;
  if (!check_axis(vm, i1, x->ndim, "axis1: ", a1) || !check_axis(vm, i2, x->ndim, "axis2: ", a2))
    return nullptr;
  if (a1 == a2) {
    vm.raise(vm.exc().ValueError, "axis1 and axis2 cannot be the same");
    return nullptr;
  }
  int64_t d1 = x->shape[a1], d2 = x->shape[a2];
  char* data = x->data;
  int64_t off_stride;
  if (offset >= 0) {
    off_stride = x->strides[a2];
    d2 -= offset;
  } else {
    offset = -offset;
    off_stride = x->strides[a1];
    d1 -= offset;
  }
  int64_t n = std::min(d1, d2);
  if (n < 0)
    n = 0;
  else
    data += offset * off_stride;
  std::vector<int64_t> shape, strides;
  for (int d = 0; d < x->ndim; ++d)
    if (d != a1 && d != a2) {
      shape.push_back(x->shape[d]);
      strides.push_back(x->strides[d]);
    }
  shape.push_back(n);
  strides.push_back(x->strides[a1] + x->strides[a2]);
  NDArray* r = view_of(vm, x, data, shape, strides);
  if (r) r->aflags &= ~kWriteable;  // I3
  return r;
}

Value m_diagonal(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"diagonal", {"self", "offset=", "axis1=", "axis2="}};
  Value p[4];
  int64_t off = 0;
  if (!parse_args(vm, a, kSpec, p) || (!p[1].is_undef() && !index_of(vm, p[1], off)))
    return Value();
  return wrap(diagonal_view(vm, as_ndarray(p[0]), off, p[2], p[3]));
}

Value f_diagonal(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"diagonal", {"a", "offset=", "axis1=", "axis2="}};
  Value p[4];
  int64_t off = 0;
  if (!parse_args(vm, a, kSpec, p) || (!p[1].is_undef() && !index_of(vm, p[1], off)))
    return Value();
  NDArray* x = arg_array(vm, p[0]);
  return x ? wrap(diagonal_view(vm, x, off, p[2], p[3])) : Value();
}

Value f_diag(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"diag", {"v", "k="}};
  Value p[2];
  int64_t k = 0;
  if (!parse_args(vm, a, kSpec, p) || (!p[1].is_undef() && !index_of(vm, p[1], k))) return Value();
  NDArray* v = arg_array(vm, p[0]);
  if (!v) return Value();
  if (v->ndim == 2) return wrap(diagonal_view(vm, v, k, Value(), Value()));
  if (v->ndim != 1) return vm.raise(vm.exc().ValueError, "Input must be 1- or 2-d.");
  const int64_t n = v->shape[0] + std::abs(k);
  const int64_t shape[] = {n, n};
  NDArray* r = new_zeros(vm, v->dtype, shape);
  if (!r) return Value();
  for (int64_t i = 0; i < v->shape[0]; ++i) {
    int64_t row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
    std::memcpy(r->data + row * r->strides[0] + col * r->strides[1], v->data + i * v->strides[0],
                v->itemsize);
  }
  return Value::from_obj(r);
}

// mask[i][j] = j <= i + k (np.tri).
NDArray* tri_mask(VM& vm, int64_t n, int64_t m, int64_t k, DType dtype) {
  const int64_t shape[] = {n, m};
  NDArray* r = new_zeros(vm, dtype, shape);
  if (!r) return nullptr;
  VM::TempRoot keep(vm, r);
  alignas(16) unsigned char one[16];
  if (!store_value(vm, dtype, one, Value::from_int(1))) return nullptr;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < m && j <= i + k; ++j)
      std::memcpy(r->data + (i * m + j) * r->itemsize, one, r->itemsize);
  return r;
}

Value f_tri(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"tri", {"N", "M=", "k=", "dtype=", "*", "like="}};
  Value p[5];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  int64_t n, m, k = 0;
  std::optional<DType> dt;
  if (!index_of(vm, p[0], n)) return Value();
  m = n;
  if ((!p[1].is_undef() && !p[1].is_none() && !index_of(vm, p[1], m)) ||
      (!p[2].is_undef() && !index_of(vm, p[2], k)) || !parse_optional_dtype(vm, p[3], dt))
    return Value();
  return wrap(tri_mask(vm, n, m, k, dt.value_or(DType::Float64)));
}

// tril (lower) / triu (upper): zero the other triangle of the last two dims.
Value tri_part(VM& vm, const CallArgs& a, bool lower) {
  static const ArgSpec kL{"tril", {"m", "k="}};
  static const ArgSpec kU{"triu", {"m", "k="}};
  Value p[2];
  int64_t k = 0;
  if (!parse_args(vm, a, lower ? kL : kU, p) || (!p[1].is_undef() && !index_of(vm, p[1], k)))
    return Value();
  NDArray* x = arg_array(vm, p[0]);
  if (!x) return Value();
  if (x->ndim == 0)
    return vm.raise(vm.exc().TypeError, "tri() missing 1 required positional argument: 'N'");
  const int64_t n = x->ndim >= 2 ? x->shape[x->ndim - 2] : x->shape[0];
  const int64_t m = x->shape[x->ndim - 1];
  std::vector<int64_t> shape(x->shape, x->shape + x->ndim);
  if (x->ndim == 1) shape.insert(shape.begin(), n);
  NDArray* r = new_zeros(vm, x->dtype, shape);
  if (!r) return Value();
  vm.root(Value::from_obj(r));
  int64_t st[kMaxDims];
  broadcast_strides(x, shape, st);
  NDArray* src = view_of(vm, x, x->data, shape, {st, shape.size()});
  if (!src || !copy_into(vm, r, src)) return Value();
  const int64_t blocks = r->size / std::max<int64_t>(1, n * m);
  for (int64_t b = 0; b < blocks; ++b)
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < m; ++j) {
        bool keep = lower ? j <= i + k : j >= i + k;
        if (!keep) std::memset(r->data + ((b * n + i) * m + j) * r->itemsize, 0, r->itemsize);
      }
  return Value::from_obj(r);
}

Value f_tril(VM& vm, const CallArgs& a) { return tri_part(vm, a, true); }
Value f_triu(VM& vm, const CallArgs& a) { return tri_part(vm, a, false); }

const MethodDef kMethods[] = {{"diagonal", m_diagonal}};

const MethodDef kFunctions[] = {
    {"linspace", f_linspace}, {"logspace", f_logspace},
    {"indices", f_indices},   {"fromfunction", f_fromfunction},
    {"meshgrid", f_meshgrid}, {"diagonal", f_diagonal},
    {"diag", f_diag},         {"tri", f_tri},
    {"tril", f_tril},         {"triu", f_triu},
};

Type* make_grid_type(VM& vm, const char* name) {
  Type* t = make_builtin_type(vm, name, vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("numpy.lib.index_tricks");
  t->slots.trace = grid_trace;
  t->slots.getitem = grid_getitem;
  return t;
}

}  // namespace

void install_creation_grid(VM& vm, NumpyState& st) {
  add_array_methods(vm, st, kMethods);
  add_module_functions(vm, st, kFunctions);
  const char* names[2] = {"mgrid", "ogrid"};
  const char* types[2] = {"MGridClass", "OGridClass"};
  for (int i = 0; i < 2; ++i) {
    Type* t = make_grid_type(vm, types[i]);
    GridObj* g = vm.heap().make<GridObj>(t, Kind::Other, 0);
    g->sparse = i == 1;
    set_attr_str(vm, st.module->dict, names[i], Value::from_obj(g));
  }
}

}  // namespace pyjitvm::stdlib::np

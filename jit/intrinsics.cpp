// jit/intrinsics.cpp — the table of natives the recorder inlines (intrinsics.h).
//
// Stage: VM modules → Object* → IntrinsicInfo.
//
// Invariants: intrinsics.h I1 (roots returned to the engine), I2 (same functions as the
// interpreter: math.* in stdlib/math_module.cpp calls these libm functions).
#include "jit/intrinsics.h"

#include <cmath>

#include "stdlib/ext_slots.h"
#include "stdlib/numpy/state.h"
#include "vm/dict_object.h"
#include "vm/vm.h"

namespace pyjitvm::jit {

namespace {

double f_exp(double x) { return std::exp(x); }
double f_exp2(double x) { return std::exp2(x); }
double f_expm1(double x) { return std::expm1(x); }
double f_sin(double x) { return std::sin(x); }
double f_cos(double x) { return std::cos(x); }
double f_tan(double x) { return std::tan(x); }
double f_asin(double x) { return std::asin(x); }
double f_acos(double x) { return std::acos(x); }
double f_atan(double x) { return std::atan(x); }
double f_sinh(double x) { return std::sinh(x); }
double f_cosh(double x) { return std::cosh(x); }
double f_tanh(double x) { return std::tanh(x); }
double f_log(double x) { return std::log(x); }
double f_log2(double x) { return std::log2(x); }
double f_log10(double x) { return std::log10(x); }

struct Named {
  const char* name;
  IntrinsicInfo info;
};

vm::Dict* module_dict(vm::VM& vm, const char* module) {
  vm::Value m = vm::dict_get_str(vm.modules(), vm.intern(module));
  if (!m.is_obj() || m.as_obj()->kind != vm::Kind::Module) return nullptr;
  return static_cast<vm::Module*>(m.as_obj())->dict;
}

void add_module(vm::VM& vm, std::unordered_map<const vm::Object*, IntrinsicInfo>& table,
                vm::Dict* d, const Named* names, size_t n, std::vector<vm::Object*>& roots,
                bool natives_only = true) {
  if (!d) return;
  for (size_t i = 0; i < n; ++i) {
    vm::Value f = vm::dict_get_str(d, vm.intern(names[i].name));
    if (!f.is_obj()) continue;
    if (natives_only && f.as_obj()->kind != vm::Kind::NativeFunction) continue;
    if (table.emplace(f.as_obj(), names[i].info).second) roots.push_back(f.as_obj());
  }
}

}  // namespace

void Intrinsics::refresh(vm::VM& vm, std::vector<vm::Object*>& roots) {
  using I = Intrinsic;
  static const Named kBuiltins[] = {
      {"abs", {I::Abs}}, {"min", {I::Min}}, {"max", {I::Max}},
      {"len", {I::Len}}, {"float", {I::Float}}, {"int", {I::Int}},
  };
  static const Named kMath[] = {
      {"sqrt", {I::MathSqrt}},   {"fabs", {I::MathFabs}},     {"floor", {I::MathFloor}},
      {"ceil", {I::MathCeil}},   {"trunc", {I::MathTrunc}},   {"isnan", {I::MathIsnan}},
      {"isinf", {I::MathIsinf}}, {"isfinite", {I::MathIsfinite}},
      {"exp", {I::MathLibm1, f_exp}},     {"exp2", {I::MathLibm1, f_exp2}},
      {"expm1", {I::MathLibm1, f_expm1}}, {"sin", {I::MathLibm1, f_sin}},
      {"cos", {I::MathLibm1, f_cos}},     {"tan", {I::MathLibm1, f_tan}},
      {"asin", {I::MathLibm1, f_asin}},   {"acos", {I::MathLibm1, f_acos}},
      {"atan", {I::MathLibm1, f_atan}},   {"sinh", {I::MathLibm1, f_sinh}},
      {"cosh", {I::MathLibm1, f_cosh}},   {"tanh", {I::MathLibm1, f_tanh}},
      {"log2", {I::MathLibm1, f_log2}},   {"log10", {I::MathLibm1, f_log10}},
      {"log", {I::MathLibm1, f_log}},
  };
  add_module(vm, table_, vm.builtins()->dict, kBuiltins, std::size(kBuiltins), roots);
  add_module(vm, table_, module_dict(vm, "math"), kMath, std::size(kMath), roots);
  // ufunc objects (exact operations only: the transcendental ufuncs use vector
  // libraries whose last bit may differ from libm)
  static const Named kNumpy[] = {
      {"sqrt", {I::NpSqrt}},   {"absolute", {I::NpAbs}}, {"abs", {I::NpAbs}},
      {"fabs", {I::NpAbs}},    {"floor", {I::NpFloor}},  {"ceil", {I::NpCeil}},
      {"trunc", {I::NpTrunc}},
  };
  auto* st = static_cast<stdlib::np::NumpyState*>(vm.ext_slot(stdlib::kExtNumpy));
  if (st && st->module)
    add_module(vm, table_, st->module->dict, kNumpy, std::size(kNumpy), roots, false);
  if (!ndarray_ && st) ndarray_ = st->ndarray;  // rooted by the VM's extension slot
}

}  // namespace pyjitvm::jit

// vm/str_methods.cpp — str methods, `str % args` and str.format.
//
// Stage: add_str_methods() at VM start (vm/str_methods.h).
//
// Invariants: str_methods.h I1–I2.
#include "vm/str_methods.h"

#include <deque>
#include <string>
#include <vector>

#include "vm/bigint.h"

#include "vm/native.h"
#include "vm/number_ops.h"
#include "vm/numfmt.h"
#include "vm/ops.h"

namespace pyjitvm::vm {

namespace {

Str* self_str(const CallArgs& a) { return as_str(a[0]); }

// ------------------------------------------------------------------ % formatting
class VmPercentArgs : public PercentArgs {
 public:
  VmPercentArgs(VM& vm, Value args) : vm_(vm), args_(args) {}

  int64_t tuple_length() const override {
    return is_kind(args_, Kind::Tuple) ? static_cast<int64_t>(as_tuple(args_)->len) : -1;
  }
  bool is_mapping() const override {
    if (is_kind(args_, Kind::Tuple) || is_kind(args_, Kind::Str)) return false;
    return args_.is_obj() && vm_.type_of(args_)->slots.getitem != nullptr;
  }
  bool get(int64_t index, PercentValue& out, NumStatus& st) override {
    Value v = index < 0 ? args_ : (*as_tuple(args_))[index];
    describe(v, out);
    (void)st;
    return true;
  }
  bool lookup(std::string_view key, PercentValue& out, NumStatus& st) override {
    Value k = vm_.str(key);
    keep_.push_back(k);
    Value v = getitem(vm_, args_, k);
    if (failed(v)) {
      st = NumStatus::error(NumErrorKind::kCallback, "");
      return false;
    }
    keep_.push_back(v);
    describe(v, out);
    return true;
  }
  bool to_text(const PercentValue& value, char conv, std::string_view& out, NumStatus& st) override {
    Value v = values_[value.handle];
    Value s = conv == 'r' ? repr(vm_, v) : conv == 'a' ? ascii(vm_, v) : to_str(vm_, v);
    if (failed(s)) {
      st = NumStatus::error(NumErrorKind::kCallback, "");
      return false;
    }
    keep_.push_back(s);
    out = as_str(s)->view();
    return true;
  }

 private:
  void describe(Value v, PercentValue& out) {
    out = PercentValue{};
    out.handle = values_.size();
    values_.push_back(v);
    out.type_name = vm_.type_of(v)->name->view();
    if (v.is_int()) {
      out.kind = PercentValue::Kind::kInt;
      out.i = v.as_int();
    } else if (v.is_bool()) {
      out.kind = PercentValue::Kind::kBool;
      out.i = v.as_bool();
    } else if (v.is_float()) {
      out.kind = PercentValue::Kind::kFloat;
      out.f = v.as_float();
    } else if (is_kind(v, Kind::BigInt) && vm_.type_of(v) == vm_.types().int_) {
      bigs_.emplace_back();
      int_to_bigint(v, bigs_.back());
      out.kind = PercentValue::Kind::kBigInt;
      out.big = &bigs_.back();
    } else if (v.is_obj() && vm_.type_of(v) == vm_.types().str) {
      out.kind = PercentValue::Kind::kStr;
      out.str = as_str(v)->view();
    } else {
      out.kind = PercentValue::Kind::kOther;
    }
  }

  VM& vm_;
  Value args_;
  std::vector<Value> values_;
  std::vector<Value> keep_;
  std::deque<BigInt> bigs_;
};

}  // namespace

Value str_percent_format(VM& vm, Str* format, Value args) {
  VmPercentArgs pa(vm, args);
  std::string out;
  NumStatus st = percent_format(format->view(), pa, out);
  if (!st.ok()) return raise_status(vm, st);
  return vm.str(out);
}

namespace {

// ------------------------------------------------------------------ a few methods
Value m_join(VM& vm, const CallArgs& a) {
  if (!check_nargs(vm, a, "join", 2, 2)) return Value();
  std::string_view sep = self_str(a)->view();
  std::string out;
  int64_t i = 0;
  bool ok = for_each(vm, a[1], [&](Value v) {
    if (!is_kind(v, Kind::Str)) {
      vm.raise_fmt(vm.exc().TypeError, "sequence item %lld: expected str instance, %s found",
                   static_cast<long long>(i), type_name(vm, v));
      return false;
    }
    if (i++) out += sep;
    out += as_str(v)->view();
    return true;
  });
  if (!ok) return Value();
  return vm.str(out);
}

}  // namespace

void add_str_methods(VM& vm, Type* str_type) {
  static const MethodDef kMethods[] = {
      {"join", m_join},
  };
  add_methods(vm, str_type, kMethods);
}

}  // namespace pyjitvm::vm

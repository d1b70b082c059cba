// stdlib/numba/signature.cpp — numba's type names and signature strings:
// "float64[:](float64[:], int64)", "i8(f8, b1)", "void(f4[:, ::1])",
// "UniTuple(float64, 2)(float64)", "Tuple(int64, float64)(int64[:])".
//
// Invariants: nbtypes.h I1–I2. The parser is a small recursive descent over the text;
// any error raises TypeError naming the offending text (never a crash), and an unknown
// type name raises NameError-like TypeError as Numba's typing does.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/numba/nbtypes.h"
#include "vm/builtin_types.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;
using np::DType;

namespace {

struct ScalarName {
  std::string_view name;
  DType d;
};

// Numba's scalar type names and their NumPy-style short forms.
constexpr ScalarName kScalarNames[] = {
    {"float64", DType::Float64}, {"f8", DType::Float64},   {"double", DType::Float64},
    {"float32", DType::Float32}, {"f4", DType::Float32},   {"float_", DType::Float32},
    {"int64", DType::Int64},     {"i8", DType::Int64},     {"intp", DType::Int64},
    {"int_", DType::Int64},      {"long_", DType::Int64},  {"int32", DType::Int32},
    {"i4", DType::Int32},        {"intc", DType::Int32},   {"int16", DType::Int16},
    {"i2", DType::Int16},        {"int8", DType::Int8},    {"i1", DType::Int8},
    {"byte", DType::Int8},       {"uint64", DType::UInt64}, {"u8", DType::UInt64},
    {"uintp", DType::UInt64},    {"uint32", DType::UInt32}, {"u4", DType::UInt32},
    {"uintc", DType::UInt32},    {"uint16", DType::UInt16}, {"u2", DType::UInt16},
    {"uint8", DType::UInt8},     {"u1", DType::UInt8},     {"boolean", DType::Bool},
    {"b1", DType::Bool},         {"bool_", DType::Bool},   {"complex128", DType::Complex128},
    {"c16", DType::Complex128},
};

class Parser {
 public:
  Parser(VM& vm, std::string_view text) : vm_(vm), s_(text) {}

  NbSignature* signature() {
    skip();
    // "(int64, float64)" or "int64, float64": argument types only.
    NbType* first = nullptr;
    if (!peek('(')) {
      first = type();
      if (!first) return nullptr;
    }
    std::vector<NbType*> args;
    if (accept('(')) {
      if (!type_list(')', args)) return nullptr;
      if (!end()) return nullptr;
      return new_signature(vm_, first, args);
    }
    args.push_back(first);
    while (accept(',')) {
      NbType* t = type();
      if (!t) return nullptr;
      args.push_back(t);
    }
    if (!end()) return nullptr;
    return new_signature(vm_, nullptr, args);
  }

  NbType* whole_type() {
    skip();
    NbType* t = type();
    if (!t || !end()) return nullptr;
    return t;
  }

 private:
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool peek(char c) {
    skip();
    return i_ < s_.size() && s_[i_] == c;
  }
  bool accept(char c) {
    if (!peek(c)) return false;
    ++i_;
    return true;
  }
  bool expect(char c) {
    if (accept(c)) return true;
    return fail(std::string("expected '") + c + "'");
  }
  bool end() {
    skip();
    if (i_ == s_.size()) return true;
    fail("unexpected text");
    return false;
  }
  bool fail(const std::string& what) {
    if (!vm_.has_pending())
      vm_.raise_fmt(vm_.exc().TypeError, "invalid signature '%s': %s at column %d",
                    std::string(s_).c_str(), what.c_str(), static_cast<int>(i_) + 1);
    return false;
  }
  std::string_view ident() {
    skip();
    size_t b = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '.'))
      ++i_;
    std::string_view id = s_.substr(b, i_ - b);
    // "types.float64" / "numba.float64" / "nb.types.int64[:]"
    size_t dot = id.rfind('.');
    return dot == std::string_view::npos ? id : id.substr(dot + 1);
  }
  bool type_list(char close, std::vector<NbType*>& out) {
    if (accept(close)) return true;
    for (;;) {
      NbType* t = type();
      if (!t) return false;
      out.push_back(t);
      if (accept(close)) return true;
      if (!expect(',')) return false;
    }
  }
  bool integer(int& v) {
    skip();
    size_t b = i_;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (b == i_ || i_ - b > 6) return fail("expected a count");
    v = std::stoi(std::string(s_.substr(b, i_ - b)));
    return true;
  }

  NbType* type() {
    NbType* t = nullptr;
    if (accept('(')) {  // (int64, float64): a tuple type
      std::vector<NbType*> items;
      if (!type_list(')', items)) return nullptr;
      t = tuple_type(vm_, items);
    } else {
      std::string_view id = ident();
      if (id.empty()) {
        fail("expected a type name");
        return nullptr;
      }
      if (id == "UniTuple") {
        NbType* elem;
        int n = 0;
        if (!expect('(') || !(elem = type()) || !expect(',') || !integer(n) || !expect(')')) return nullptr;
        t = unituple_type(vm_, elem, n);
      } else if (id == "Tuple") {
        std::vector<NbType*> items;
        if (!expect('(')) return nullptr;
        if (accept('(')) {  // Tuple((a, b))
          if (!type_list(')', items) || !expect(')')) return nullptr;
        } else if (!type_list(')', items)) {
          return nullptr;
        }
        t = tuple_type(vm_, items);
      } else {
        t = type_by_name(vm_, id);
        if (!t) {
          fail("unknown type name '" + std::string(id) + "'");
          return nullptr;
        }
      }
    }
    if (peek('[')) return array_of(t);
    return t;
  }

  // t[:, ::1] — one ':' or '::1' per dimension (nbtypes.cpp type_getitem rules).
  NbType* array_of(NbType* elem) {
    expect('[');
    int n = 0, contiguous_at = -1;
    for (;;) {
      if (!expect(':')) return nullptr;
      if (accept(':')) {
        skip();
        if (i_ < s_.size() && s_[i_] == '1') {
          ++i_;
          if (contiguous_at >= 0) {
            fail("only one '::1' is allowed");
            return nullptr;
          }
          contiguous_at = n;
        } else {
          fail("expected '1' after '::'");
          return nullptr;
        }
      }
      ++n;
      if (accept(']')) break;
      if (!expect(',')) return nullptr;
    }
    if (elem->nk != NbKind::Boolean && elem->nk != NbKind::Integer && elem->nk != NbKind::Float &&
        elem->nk != NbKind::Complex) {
      fail("cannot make an array of " + std::string(elem->name->view()));
      return nullptr;
    }
    char layout = 'A';
    if (contiguous_at == n - 1) layout = 'C';
    else if (contiguous_at == 0) layout = 'F';
    else if (contiguous_at > 0) {
      fail("'::1' must be the first or last dimension");
      return nullptr;
    }
    return array_type(vm_, elem->dtype, n, layout);
  }

  VM& vm_;
  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

NbType* type_by_name(VM& vm, std::string_view name) {
  for (const ScalarName& s : kScalarNames)
    if (s.name == name) return scalar_type(vm, s.d);
  if (name == "bool") return scalar_type(vm, DType::Bool);
  if (name == "void" || name == "none" || name == "None") return none_type(vm);
  if (name == "unicode_type" || name == "string") return unicode_type(vm);
  if (name == "complex64" || name == "c8" || name == "float16" || name == "f2") return opaque_type(vm, name);
  return nullptr;
}

NbSignature* parse_signature(VM& vm, std::string_view text) { return Parser(vm, text).signature(); }

NbType* parse_type(VM& vm, std::string_view text) { return Parser(vm, text).whole_type(); }

NbSignature* signature_from_value(VM& vm, Value v) {
  if (is_signature(vm, v)) return as_signature(v);
  if (is_kind(v, Kind::Str)) return parse_signature(vm, as_str(v)->view());
  if (is_nbtype(vm, v)) return new_signature(vm, nullptr, {as_nbtype(v)});
  if (is_kind(v, Kind::Tuple)) {  // (float64, int64): argument types only
    Tuple* t = as_tuple(v);
    std::vector<NbType*> args;
    for (uint32_t i = 0; i < t->len; ++i) {
      Value x = (*t)[i];
      if (is_kind(x, Kind::Str)) {
        NbType* p = parse_type(vm, as_str(x)->view());
        if (!p) return nullptr;
        args.push_back(p);
      } else if (is_nbtype(vm, x)) {
        args.push_back(as_nbtype(x));
      } else {
        vm.raise_fmt(vm.exc().TypeError, "signature items must be numba types, not %s", type_name(vm, x));
        return nullptr;
      }
    }
    return new_signature(vm, nullptr, args);
  }
  vm.raise_fmt(vm.exc().TypeError, "invalid signature: expected a string or a numba signature, not %s",
               type_name(vm, v));
  return nullptr;
}

}  // namespace pyjitvm::stdlib::nb

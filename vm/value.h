// vm/value.h — the 16-byte tagged Value every register, constant and container holds.
//
// Stage: used by every layer (vm/, stdlib/, jit/, gpu/).
//
//   +--------------------------+------+----------+
//   | payload (8 bytes)        | tag  | padding  |
//   | int64 | double | bool |  | (u8) |          |
//   | Object*                  |      |          |
//   +--------------------------+------+----------+
//
// Invariants:
//   I1  sizeof(Value) == 16; ints and floats are never heap-allocated. An Int holds
//       any value that fits int64; larger ints are BigInt objects (vm/int_object.h)
//       and every operation normalises a BigInt result that fits back into an Int.
//   I2  Tag::Undef never reaches Python code. It means "no value": an unbound local
//       register, an empty container slot, or — as a function result — "an exception
//       is pending in the VM" (see failed()).
//   I3  Bool is its own tag (Python's bool is an int subclass: arithmetic treats it
//       as 0/1, type() says bool).
//   I4  Values are trivially copyable; the GC finds Objects through them (vm/gc.h).
#pragma once

#include <cstdint>
#include <cstring>

namespace pyjitvm::vm {

struct Object;

enum class Tag : uint8_t { Undef = 0, None, Bool, Int, Float, Obj };

struct Value {
  union {
    int64_t i;
    double f;
    bool b;
    Object* o;
  } u;
  Tag tag;

  constexpr Value() : u{0}, tag(Tag::Undef) {}

  static constexpr Value undef() { return Value(); }
  static constexpr Value none() {
    Value v;
    v.tag = Tag::None;
    return v;
  }
  static constexpr Value from_bool(bool b) {
    Value v;
    v.u.i = 0;
    v.u.b = b;
    v.tag = Tag::Bool;
    return v;
  }
  static constexpr Value from_int(int64_t i) {
    Value v;
    v.u.i = i;
    v.tag = Tag::Int;
    return v;
  }
  static constexpr Value from_float(double f) {
    Value v;
    v.u.f = f;
    v.tag = Tag::Float;
    return v;
  }
  static Value from_obj(Object* o) {
    Value v;
    v.u.o = o;
    v.tag = Tag::Obj;
    return v;
  }

  bool is_undef() const { return tag == Tag::Undef; }
  bool is_none() const { return tag == Tag::None; }
  bool is_bool() const { return tag == Tag::Bool; }
  bool is_int() const { return tag == Tag::Int; }
  bool is_float() const { return tag == Tag::Float; }
  bool is_obj() const { return tag == Tag::Obj; }

  int64_t as_int() const { return u.i; }
  double as_float() const { return u.f; }
  bool as_bool() const { return u.b; }
  Object* as_obj() const { return u.o; }

  // Identity (Python's `is`) for the immediate kinds and objects.
  bool identical(const Value& o) const {
    if (tag != o.tag) return false;
    switch (tag) {
      case Tag::Undef:
      case Tag::None: return true;
      case Tag::Bool: return u.b == o.u.b;
      case Tag::Float: return std::memcmp(&u.f, &o.u.f, sizeof(double)) == 0;
      default: return u.i == o.u.i;
    }
  }
};

static_assert(sizeof(Value) == 16, "Value must be 16 bytes");

// A function returning Value signals "exception pending" with Undef.
[[nodiscard]] inline bool failed(const Value& v) { return v.tag == Tag::Undef; }

}  // namespace pyjitvm::vm

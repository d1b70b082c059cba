// vm/misc_objects.h — small object layouts: module, instance, range, slice, complex,
// and the generator.
//
// Invariants:
//   I1  Range holds int64 start/stop/step with step != 0 and a precomputed length;
//       ranges whose bounds or length do not fit int64 hold Python ints instead
//       (Range::is_big(); vm/range_type.cpp).
//   I2  A Generator's saved registers are a private heap buffer (`regs`, `nregs`
//       Values) traced by the GC; while the generator runs they live on the VM stack
//       and `running` is true.
#pragma once

#include <vector>

#include "vm/bytecode.h"
#include "vm/object.h"

namespace pyjitvm::vm {

struct Function;

struct Module : DictObject {  // dict = globals
  Str* name = nullptr;
  Str* filename = nullptr;  // nullptr for native modules
};

struct Instance : DictObject {};

struct Range : Object {
  int64_t start = 0, stop = 0, step = 1, length = 0;
  // A range whose bounds or length do not fit int64 keeps Python ints here instead
  // (big_start is not Undef); the int64 fields are then unused.
  Value big_start, big_stop, big_step, big_length;
  bool is_big() const { return !big_start.is_undef(); }
};

struct Slice : Object {
  Value start, stop, step;  // None when omitted
};

struct ComplexObj : Object {
  double re = 0.0, im = 0.0;
};

enum class GenState : uint8_t { Created, Suspended, Running, Finished };

struct Generator : Object {
  Function* func = nullptr;
  Value* regs = nullptr;  // I2
  uint32_t nregs = 0;
  uint32_t pc = 0;        // resume pc
  uint32_t send_reg = 0;  // register that receives the value sent in on resume
  GenState state = GenState::Created;
  bool loop_owned = false;  // created by `for x in gen(...)`: no other reference exists
  Value retval;           // value of `return` once Finished (StopIteration.value)
  std::vector<Value> saved_exc;  // handled-exception entries of the suspended frame
  Value yield_from;              // iterator being delegated to, or Undef
  Str* name = nullptr;
  Str* qualname = nullptr;
};

// The exception instance layout (BaseException and every subclass).
struct ExceptionObj : DictObject {
  Value args;           // a tuple
  Value cause;          // __cause__ (None)
  Value context;        // __context__ (None)
  Value traceback;      // a Traceback object or None
  bool suppress_context = false;
};

// One traceback entry per frame the exception passed through, innermost last when
// printed (CPython order). Stored as a vector on a heap object.
struct TracebackEntry {
  Proto* proto;
  uint32_t pc;
  uint64_t frame_serial;
};
struct Traceback : Object {
  std::vector<TracebackEntry> entries;  // in unwinding order: innermost first
};

inline Module* as_module(Value v) { return static_cast<Module*>(v.as_obj()); }
inline Range* as_range(Value v) { return static_cast<Range*>(v.as_obj()); }
inline Slice* as_slice(Value v) { return static_cast<Slice*>(v.as_obj()); }
inline ComplexObj* as_complex(Value v) { return static_cast<ComplexObj*>(v.as_obj()); }
inline Generator* as_generator(Value v) { return static_cast<Generator*>(v.as_obj()); }
inline ExceptionObj* as_exception(Value v) { return static_cast<ExceptionObj*>(v.as_obj()); }

}  // namespace pyjitvm::vm

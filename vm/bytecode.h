// vm/bytecode.h — instructions, the Proto (compiled function) and inline caches.
//
// Stage: vm/compiler produces Protos; vm/interp executes them; vm/dis lists them;
// jit/ records traces from them.
//
// Instr is 8 bytes, fixed width:
//   +--------+--------+----------------+----------------+----------------+
//   | op  u8 | x   u8 | a          u16 | b          u16 | c          u16 |
//   +--------+--------+----------------+----------------+----------------+
//                                      |  bx (u32) / sbx (i32) = b:c    |
//
// Invariants:
//   I1  positions.size() == code.size(): every instruction has a source position.
//   I2  Jump targets are in [0, code.size()); sbx is relative to the *next* pc.
//   I3  handlers are sorted by start; a nested (inner) range comes before the range
//       enclosing it, so the first match for a pc is the innermost handler.
//   I4  nregs >= nlocals >= argcount + kwonly + varargs + varkw; registers
//       [nlocals, nlocals + nfree) hold the free-variable cells (COPY_FREE).
//   I5  A Proto is immutable after compilation except for `caches` and the JIT's
//       counters, which only the interpreter / JIT of the owning VM write.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vm/object.h"

namespace pyjitvm::vm {

namespace ast {
class Arena;
struct Node;
}

enum OpFlags : uint32_t {
  kOpRaise = 1u << 0,
  kOpAlloc = 1u << 1,
  kOpJump = 1u << 2,
  kOpCache = 1u << 3,
  kOpCall = 1u << 4,
};

enum class Op : uint8_t {
#define OP(name, fmt, formula, flags) name,
#include "vm/opcodes.def"
#undef OP
  Count
};

enum class OpFormat : uint8_t { A, AB, AC, ABC, ABx, AsBx, sBx, ABsC };

struct OpInfo {
  const char* name;
  OpFormat format;
  const char* formula;
  uint32_t flags;
};
const OpInfo& op_info(Op op);

struct Instr {
  Op op;
  uint8_t x;
  uint16_t a;
  uint16_t b;
  uint16_t c;

  uint32_t bx() const { return uint32_t(b) | (uint32_t(c) << 16); }
  int32_t sbx() const { return static_cast<int32_t>(bx()); }
  // ABsC format: a 22-bit signed jump offset in (x & 0x3F):c; the top two bits of x
  // are a small operand of the opcode (FORPREP: the argument count).
  int32_t sc() const {
    int32_t v = (static_cast<int32_t>(x & 0x3F) << 16) | c;
    return (v << 10) >> 10;
  }
  void set_sc(int32_t off) {
    uint32_t v = static_cast<uint32_t>(off) & 0x3FFFFF;
    x = static_cast<uint8_t>((x & 0xC0) | (v >> 16));
    c = static_cast<uint16_t>(v & 0xFFFF);
  }
  uint8_t xtop() const { return x >> 6; }
  static constexpr int32_t kMaxShortJump = (1 << 21) - 1;
  void set_bx(uint32_t v) {
    b = uint16_t(v & 0xFFFF);
    c = uint16_t(v >> 16);
  }
  void set_sbx(int32_t v) { set_bx(static_cast<uint32_t>(v)); }
};
static_assert(sizeof(Instr) == 8);

struct SourcePos {
  uint32_t line = 0;
  uint32_t end_line = 0;
  uint16_t col = 0;      // 0-based UTF-8 byte columns, as ast.h spans
  uint16_t end_col = 0;
};

struct Handler {
  uint32_t start;   // first covered pc
  uint32_t end;     // one past the last covered pc
  uint32_t target;  // handler entry pc
  uint16_t reg;     // register receiving the exception
  uint16_t depth;   // handled-exception stack depth (relative to the frame) to restore
};

// Inline cache entry. The interpreter owns the meaning of the fields per opcode:
//   LOAD_GLOBAL: (globals layout_version, builtins layout_version, index, where)
//   LOAD_ATTR / STORE_ATTR / LOAD_METHOD: (type, type version, kind, index, value)
struct InlineCache {
  Str* name = nullptr;
  Type* type = nullptr;
  uint32_t version = 0;
  uint32_t version2 = 0;
  int32_t index = -1;
  uint8_t kind = 0;
  Value value;
};

enum ProtoFlags : uint32_t {
  kProtoVarargs = 1u << 0,
  kProtoVarkw = 1u << 1,
  kProtoGenerator = 1u << 2,
  kProtoModule = 1u << 3,      // module-level code
  kProtoClassBody = 1u << 4,   // class body: names go through the frame's locals dict
  kProtoLambda = 1u << 5,
  kProtoComprehension = 1u << 6,
  kProtoSimpleArgs = 1u << 7,  // only positional parameters (no *args, **kw, kw-only)
  kProtoHasDocstring = 1u << 8,  // consts[0] is the docstring
  // Compiled for numba.njit semantics (compile_variant): int64 arithmetic wraps instead
  // of growing into big ints; stdlib's array indexing returns plain Python numbers for
  // int64/float64/bool/complex128 elements (numba's unboxed values).
  kProtoNumba = 1u << 9,
  // numba options recorded for the JIT tiers (stdlib/numba/numba_internal.h JitOptions);
  // the interpreter reads only kProtoNumbaNumpyErrors (x / 0.0 gives inf/nan).
  kProtoNumbaParallel = 1u << 10,
  kProtoNumbaFastmath = 1u << 11,
  kProtoNumbaNumpyErrors = 1u << 12,
};

struct Proto : Object {
  std::vector<Instr> code;
  std::vector<SourcePos> positions;  // I1
  std::vector<Value> consts;         // includes child Protos
  std::vector<Handler> handlers;     // I3
  std::vector<InlineCache> caches;
  std::vector<Str*> varnames;        // interned; registers [0, nlocals)
  std::vector<Str*> freenames;       // registers [nlocals, nlocals + freenames.size())
  std::vector<uint16_t> cell_regs;   // registers that hold cells (for `dis` / debuggers)
  Str* name = nullptr;
  Str* qualname = nullptr;
  Str* filename = nullptr;
  uint32_t first_line = 0;
  uint32_t nregs = 0;
  uint32_t nlocals = 0;
  uint32_t argcount = 0;  // positional parameters, positional-only included
  uint32_t posonly = 0;
  uint32_t kwonly = 0;
  uint32_t proto_flags = 0;
  // JIT options attached by decorators (@njit etc.), read by jit/.
  uint32_t jit_flags = 0;
  // Source and AST stay reachable for tracebacks, gpu/ and inspect_types().
  std::shared_ptr<ast::Arena> arena;
  const ast::Node* node = nullptr;

  bool is_generator() const { return proto_flags & kProtoGenerator; }
  uint32_t line_at(size_t pc) const { return pc < positions.size() ? positions[pc].line : first_line; }
};

inline Proto* as_proto(Value v) { return static_cast<Proto*>(v.as_obj()); }

}  // namespace pyjitvm::vm

// vm/dis.cpp — opcode metadata (op_info) and the `--dis` listing.
//
// Stage: opcodes.def → kOpInfo table; Proto → text (vm/dis.h).
//
// Invariants: dis.h I1–I2; kOpInfo follows opcodes.def order (ORDER OP).
#include "vm/dis.h"

#include <cstdio>
#include <string>

#include "vm/func_object.h"
#include "vm/misc_objects.h"
#include "vm/numfmt.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::vm {

namespace {

constexpr OpInfo kOpInfo[] = {
#define OP(name, fmt, formula, flags) {#name, OpFormat::fmt, formula, flags},
#include "vm/opcodes.def"
#undef OP
};
static_assert(sizeof(kOpInfo) / sizeof(kOpInfo[0]) == static_cast<size_t>(Op::Count));

std::string const_text(const Value& v, int depth = 0) {
  switch (v.tag) {
    case Tag::None: return "None";
    case Tag::Bool: return v.as_bool() ? "True" : "False";
    case Tag::Int: return std::to_string(v.as_int());
    case Tag::Float: return float_repr(v.as_float());
    case Tag::Undef: return "<undef>";
    case Tag::Obj: break;
  }
  const Object* o = v.as_obj();
  switch (o->kind) {
    case Kind::Str: return str_repr(static_cast<const Str*>(o)->view());
    case Kind::Proto: return "<code " + std::string(static_cast<const Proto*>(o)->qualname->view()) + ">";
    case Kind::Tuple: {
      if (depth > 3) return "(...)";
      const Tuple* t = static_cast<const Tuple*>(o);
      std::string s = "(";
      for (size_t i = 0; i < t->len; ++i) {
        if (i) s += ", ";
        s += const_text((*t)[i], depth + 1);
      }
      if (t->len == 1) s += ",";
      return s + ")";
    }
    case Kind::Complex: {
      const ComplexObj* c = static_cast<const ComplexObj*>(o);
      return complex_repr(c->re, c->im);
    }
    case Kind::BigInt: return "<bigint>";
    default: return "<const>";
  }
}

void list_one(const Proto* p, std::string& out) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s (%s:%u) nregs=%u nlocals=%u argcount=%u%s\n",
                p->qualname ? p->qualname->data() : "?", p->filename ? p->filename->data() : "?",
                p->first_line, p->nregs, p->nlocals, p->argcount,
                p->is_generator() ? " generator" : "");
  out += buf;
  for (size_t pc = 0; pc < p->code.size(); ++pc) {
    const Instr& i = p->code[pc];
    const OpInfo& info = op_info(i.op);
    std::string ops;
    std::string comment;
    switch (info.format) {
      case OpFormat::A: std::snprintf(buf, sizeof buf, "%u", i.a); break;
      case OpFormat::AB: std::snprintf(buf, sizeof buf, "%u %u", i.a, i.b); break;
      case OpFormat::AC: std::snprintf(buf, sizeof buf, "%u %u", i.a, i.c); break;
      case OpFormat::ABC: std::snprintf(buf, sizeof buf, "%u %u %u", i.a, i.b, i.c); break;
      case OpFormat::ABx: std::snprintf(buf, sizeof buf, "%u %u", i.a, i.bx()); break;
      case OpFormat::AsBx:
        std::snprintf(buf, sizeof buf, "%u %d", i.a, i.sbx());
        if (info.flags & kOpJump) comment = "to " + std::to_string(pc + 1 + i.sbx());
        break;
      case OpFormat::sBx:
        std::snprintf(buf, sizeof buf, "%d", i.sbx());
        comment = "to " + std::to_string(pc + 1 + i.sbx());
        break;
      case OpFormat::ABsC:
        std::snprintf(buf, sizeof buf, "%u %u %d", i.a, i.b, i.sc());
        comment = "to " + std::to_string(pc + 1 + i.sc());
        if (i.op == Op::FORPREP) comment += " nargs=" + std::to_string(i.xtop());
        break;
    }
    ops = buf;
    if (info.format == OpFormat::ABC || info.format == OpFormat::AB) {
      if (i.x && i.op != Op::FORMAT) ops += " x" + std::to_string(i.x);
    }
    // comments for constants and caches
    switch (i.op) {
      case Op::LOADK:
      case Op::LOAD_BUILTIN:
      case Op::LOAD_NAME:
      case Op::STORE_NAME:
      case Op::DEL_NAME:
      case Op::MAKE_FUNCTION:
        if (i.bx() < p->consts.size()) comment = const_text(p->consts[i.bx()]);
        break;
      case Op::LOADI: comment = std::to_string(i.sbx()); break;
      case Op::LOAD_GLOBAL:
      case Op::STORE_GLOBAL:
      case Op::DEL_GLOBAL:
        if (i.bx() < p->caches.size()) comment = p->caches[i.bx()].name->data();
        break;
      case Op::LOAD_ATTR:
      case Op::STORE_ATTR:
      case Op::DEL_ATTR:
      case Op::LOAD_METHOD:
      case Op::LOAD_SPECIAL:
        if (i.c < p->caches.size()) comment = std::string(".") + p->caches[i.c].name->data();
        break;
      case Op::ADDK:
      case Op::SUBK:
      case Op::MULK:
        if (i.c < p->consts.size()) comment = const_text(p->consts[i.c]);
        break;
      case Op::CHECKBOUND:
      case Op::IMPORT:
        if (i.b < p->consts.size()) comment = const_text(p->consts[i.b]);
        break;
      case Op::LOAD_DEREF:
      case Op::DEL_DEREF:
      case Op::IMPORT_FROM:
        if (i.c < p->consts.size()) comment = const_text(p->consts[i.c]);
        break;
      case Op::CALL:
      case Op::CALLM:
        if (i.c && i.c - 1u < p->consts.size()) comment = "kw=" + const_text(p->consts[i.c - 1]);
        break;
      case Op::FORMAT:
        if (i.x) comment = std::string("!") + static_cast<char>(i.x);
        break;
      default: break;
    }
    uint32_t line = pc < p->positions.size() ? p->positions[pc].line : 0;
    std::snprintf(buf, sizeof buf, "  %04zu %4u  %-13s %-14s", pc, line, info.name, ops.c_str());
    std::string row = buf;
    if (!comment.empty()) row += "; " + comment;
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  for (const Handler& h : p->handlers) {
    std::snprintf(buf, sizeof buf, "  handler [%u, %u) -> %u  reg=%u depth=%u\n", h.start, h.end,
                  h.target, h.reg, h.depth);
    out += buf;
  }
}

void list_tree(const Proto* p, std::string& out, bool recursive) {
  list_one(p, out);
  if (!recursive) return;
  for (const Value& v : p->consts)
    if (v.is_obj() && v.as_obj()->kind == Kind::Proto) {
      out += "\n";
      list_tree(static_cast<const Proto*>(v.as_obj()), out, true);
    }
}

}  // namespace

const OpInfo& op_info(Op op) { return kOpInfo[static_cast<size_t>(op)]; }

std::string disassemble(const Proto* p, bool recursive) {
  std::string out;
  list_tree(p, out, recursive);
  return out;
}

}  // namespace pyjitvm::vm

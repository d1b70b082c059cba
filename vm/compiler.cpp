// vm/compiler.cpp — compiler entry point: function frames, register allocation,
// constants, instruction emission, jump patching and exception-handler blocks.
//
// Stage: compile_module() → Compiler::compile() → per-function FuncState → Proto.
// Expressions and statements are in compiler_expr.cpp / compiler_stmt.cpp.
//
// Invariants: compiler.h I1–I4, compiler_internal.h I1–I3.
#include "vm/compiler.h"

#include <algorithm>
#include <cstring>

#include "vm/compiler_internal.h"
#include "vm/number_ops.h"
#include "vm/bigint.h"

namespace pyjitvm::vm {

bool Compiler::error(const ast::Node* at, const std::string& msg) {
  if (failed_) return false;
  failed_ = true;
  err_.kind = SyntaxErrorKind::Syntax;
  err_.msg = msg;
  err_.filename = arena_->filename;
  if (at) {
    err_.line = static_cast<int>(at->span.line);
    err_.offset = static_cast<int>(at->span.col) + 1;
    err_.end_line = static_cast<int>(at->span.end_line);
    err_.end_offset = static_cast<int>(at->span.end_col) + 1;
    // source text of the line
    const std::string& src = arena_->source;
    size_t pos = 0;
    for (uint32_t l = 1; l < at->span.line && pos != std::string::npos; ++l) {
      pos = src.find('\n', pos);
      if (pos != std::string::npos) ++pos;
    }
    if (pos != std::string::npos) {
      size_t end = src.find('\n', pos);
      err_.text = src.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    }
  }
  return false;
}

// ------------------------------------------------------------------ registers
uint32_t Compiler::alloc_temp() {
  uint32_t r = fs_->next_reg++;
  if (fs_->next_reg > fs_->max_reg) fs_->max_reg = fs_->next_reg;
  if (r >= 0xFFF0) error(nullptr, "too many registers needed (function too complex)");
  return r;
}

uint32_t Compiler::alloc_temps(uint32_t n) {
  uint32_t first = fs_->next_reg;
  for (uint32_t i = 0; i < n; ++i) alloc_temp();
  return first;
}

// ------------------------------------------------------------------ constants
uint32_t Compiler::add_const(Value v, int kind_tag, const std::string& key) {
  auto k = std::make_pair(kind_tag, key);
  auto it = fs_->const_index.find(k);
  if (it != fs_->const_index.end()) return it->second;
  uint32_t idx = static_cast<uint32_t>(fs_->proto->consts.size());
  fs_->proto->consts.push_back(v);
  fs_->const_index.emplace(k, idx);
  return idx;
}

uint32_t Compiler::const_str(std::string_view s) {
  return add_const(Value::from_obj(vm_.intern(s)), 1, std::string(s));
}

uint32_t Compiler::const_int(int64_t v) {
  return add_const(Value::from_int(v), 2, std::string(reinterpret_cast<const char*>(&v), 8));
}

uint32_t Compiler::const_float(double d) {
  return add_const(Value::from_float(d), 3, std::string(reinterpret_cast<const char*>(&d), 8));
}

uint32_t Compiler::const_value(Value v) {
  uint32_t idx = static_cast<uint32_t>(fs_->proto->consts.size());
  fs_->proto->consts.push_back(v);
  return idx;
}

uint32_t Compiler::new_cache(std::string_view name) {
  InlineCache c;
  c.name = vm_.intern(name);
  fs_->proto->caches.push_back(c);
  return static_cast<uint32_t>(fs_->proto->caches.size() - 1);
}

void Compiler::emit_load_const(uint32_t reg, const ast::Constant* c) {
  switch (c->ckind) {
    case ast::ConstKind::None: emit(Op::LOADNONE, reg); return;
    case ast::ConstKind::True: emit(Op::LOADTRUE, reg); return;
    case ast::ConstKind::False: emit(Op::LOADFALSE, reg); return;
    case ast::ConstKind::Ellipsis:
      emit_abx(Op::LOADK, reg, add_const(vm_.ellipsis(), 4, "..."));
      return;
    case ast::ConstKind::Int:
      if (c->int_fits) {
        if (c->i64 >= INT32_MIN && c->i64 <= INT32_MAX) {
          size_t at = emit(Op::LOADI, reg);
          fs_->proto->code[at].set_sbx(static_cast<int32_t>(c->i64));
        } else {
          emit_abx(Op::LOADK, reg, const_int(c->i64));
        }
      } else {
        BigInt b;
        if (!BigInt::from_digits(c->text, 10, b)) {
          error(c, "invalid integer literal");
          return;
        }
        Value v = int_from_bigint(vm_, b);
        emit_abx(Op::LOADK, reg, add_const(v, 5, c->text));
      }
      return;
    case ast::ConstKind::Float: emit_abx(Op::LOADK, reg, const_float(c->f64)); return;
    case ast::ConstKind::Imag: {
      std::string key(reinterpret_cast<const char*>(&c->f64), 8);
      emit_abx(Op::LOADK, reg, add_const(vm_.new_complex(0.0, c->f64), 6, key));
      return;
    }
    case ast::ConstKind::Str: emit_abx(Op::LOADK, reg, const_str(c->text)); return;
    case ast::ConstKind::Bytes:
      error(c, "bytes literals are not supported by pyjitvm");
      return;
  }
}

// ------------------------------------------------------------------ emission
size_t Compiler::emit(Op op, uint32_t a, uint32_t b, uint32_t c, uint8_t x) {
  Proto* p = fs_->proto;
  if (a > 0xFFFF || b > 0xFFFF || c > 0xFFFF) error(nullptr, "function too complex to compile");
  Instr ins{op, x, static_cast<uint16_t>(a), static_cast<uint16_t>(b), static_cast<uint16_t>(c)};
  p->code.push_back(ins);
  p->positions.push_back(fs_->pos);
  return p->code.size() - 1;
}

size_t Compiler::emit_abx(Op op, uint32_t a, uint32_t bx) {
  size_t at = emit(op, a);
  fs_->proto->code[at].set_bx(bx);
  return at;
}

size_t Compiler::emit_jump(Op op, uint32_t a) { return emit(op, a); }

size_t Compiler::emit_short_jump(Op op, uint32_t a, uint32_t b, uint8_t xtop) {
  return emit(op, a, b, 0, static_cast<uint8_t>(xtop << 6));
}

void Compiler::patch_jump(size_t at, size_t target) {
  Instr& ins = fs_->proto->code[at];
  int64_t off = static_cast<int64_t>(target) - static_cast<int64_t>(at) - 1;
  if (op_info(ins.op).format == OpFormat::ABsC) {
    if (off > Instr::kMaxShortJump || off < -Instr::kMaxShortJump) {
      error(nullptr, "function too large to compile");
      return;
    }
    ins.set_sc(static_cast<int32_t>(off));
  } else {
    ins.set_sbx(static_cast<int32_t>(off));
  }
}

void Compiler::emit_jump_to(Op op, uint32_t a, size_t target) {
  size_t at = emit_jump(op, a);
  patch_jump(at, target);
}

// ------------------------------------------------------------------ blocks
void Compiler::push_block(ExcBlock b) {
  if (b.kind == ExcBlock::kTryExcept || b.kind == ExcBlock::kTryFinally ||
      b.kind == ExcBlock::kWith)
    b.open_start = static_cast<int64_t>(here());
  fs_->blocks.push_back(std::move(b));
}

void Compiler::close_block_range(ExcBlock& b) {
  if (b.open_start < 0) return;
  uint32_t start = static_cast<uint32_t>(b.open_start);
  uint32_t end = static_cast<uint32_t>(here());
  if (end > start) b.ranges.emplace_back(start, end);
  b.open_start = -1;
}

void Compiler::open_block_range(ExcBlock& b) { b.open_start = static_cast<int64_t>(here()); }

ExcBlock Compiler::pop_block() {
  ExcBlock b = std::move(fs_->blocks.back());
  fs_->blocks.pop_back();
  close_block_range(b);
  return b;
}

void Compiler::add_handlers(const ExcBlock& b) {
  for (const auto& [start, end] : b.ranges)
    fs_->proto->handlers.push_back(Handler{start, end, b.handler_pc, b.reg, b.depth});
}

int Compiler::innermost_loop() const {
  for (size_t i = fs_->blocks.size(); i > 0; --i)
    if (fs_->blocks[i - 1].kind == ExcBlock::kLoop) return static_cast<int>(i - 1);
  return -1;
}

void Compiler::da_merge(const std::vector<std::pair<std::vector<uint8_t>, bool>>& states) {
  bool any = false;
  std::vector<uint8_t> out;
  for (const auto& [s, dead] : states) {
    if (dead) continue;
    if (!any) {
      out = s;
      any = true;
    } else {
      for (size_t i = 0; i < out.size(); ++i) out[i] = out[i] && s[i];
    }
  }
  if (any) {
    fs_->assigned = out;
    fs_->dead = false;
  } else {
    fs_->dead = true;
  }
}

// ------------------------------------------------------------------ functions
std::string Compiler::child_qualname(const std::string& name) const {
  if (!fs_ || fs_->module) return name;
  if (fs_->class_body) return fs_->qualname + "." + name;
  return fs_->qualname + ".<locals>." + name;
}

void Compiler::begin_function(FuncState& fs, Scope* scope, const std::string& name,
                              const std::string& qualname, const ast::Node* node) {
  fs.parent = fs_;
  fs.scope = scope;
  fs.qualname = qualname;
  Proto* p = vm_.heap().make<Proto>(vm_.types().code, Kind::Proto, 0);
  p->name = vm_.intern(name);
  p->qualname = vm_.intern(qualname);
  p->filename = filename_;
  p->arena = arena_;
  p->node = node;
  p->first_line = node ? node->span.line : 1;
  p->proto_flags |= variant_flags_;
  fs.proto = p;
  fs.pos = SourcePos{p->first_line, p->first_line, 0, 0};
  fs_ = &fs;
}

void Compiler::end_function(FuncState& fs) {
  Proto* p = fs.proto;
  // implicit `return None` at the end
  if (p->code.empty() || !fs.dead) emit(Op::RETURN_NONE, 0);
  p->nregs = fs.max_reg > fs.next_reg ? fs.max_reg : fs.next_reg;
  if (p->nregs < fs.nlocals) p->nregs = fs.nlocals;
  p->nlocals = fs.nlocals;
  fs_ = fs.parent;
}

namespace {

void add_param(FuncState& fs, std::vector<std::string>& order, const ast::Arg* a) {
  if (a) order.push_back(a->name);
}

}  // namespace

Proto* Compiler::compile_function(Scope* scope, const std::string& name,
                                  const std::string& qualname, const ast::Arguments* args,
                                  const ast::StmtList* body, const ast::Expr* lambda_body,
                                  const ast::Node* node) {
  FuncState fs;
  begin_function(fs, scope, name, qualname, node);
  Proto* p = fs.proto;
  // Docstring first, so that it is consts[0].
  if (body && !body->empty() && (*body)[0]->is<ast::ExprStmt>()) {
    const ast::Expr* v = (*body)[0]->as<ast::ExprStmt>()->value;
    if (v->is<ast::Constant>() && v->as<ast::Constant>()->ckind == ast::ConstKind::Str) {
      const_str(v->as<ast::Constant>()->text);
      p->proto_flags |= kProtoHasDocstring;
    }
  }
  // Register layout (compiler.h I2).
  std::vector<std::string> order;
  if (args) {
    for (const ast::Arg* a : args->posonlyargs) add_param(fs, order, a);
    for (const ast::Arg* a : args->args) add_param(fs, order, a);
    for (const ast::Arg* a : args->kwonlyargs) add_param(fs, order, a);
    add_param(fs, order, args->vararg);
    add_param(fs, order, args->kwarg);
    p->posonly = static_cast<uint32_t>(args->posonlyargs.size());
    p->argcount = static_cast<uint32_t>(args->posonlyargs.size() + args->args.size());
    p->kwonly = static_cast<uint32_t>(args->kwonlyargs.size());
    if (args->vararg) p->proto_flags |= kProtoVarargs;
    if (args->kwarg) p->proto_flags |= kProtoVarkw;
    if (!args->vararg && !args->kwarg && args->kwonlyargs.empty())
      p->proto_flags |= kProtoSimpleArgs;
    if (!order.empty() && p->argcount) fs.first_param = order[0];
  } else if (scope->kind == ScopeKind::Comprehension) {
    order.push_back(".0");
    p->argcount = 1;
    p->proto_flags |= kProtoSimpleArgs;
  }
  uint32_t nparams = static_cast<uint32_t>(order.size());
  for (const std::string& v : scope->varnames)
    if (std::find(order.begin(), order.end(), v) == order.end()) order.push_back(v);
  for (const std::string& v : scope->cellvars)
    if (std::find(order.begin(), order.end(), v) == order.end()) order.push_back(v);
  for (size_t i = 0; i < order.size(); ++i) {
    fs.regs[order[i]] = static_cast<uint16_t>(i);
    p->varnames.push_back(vm_.intern(order[i]));
  }
  fs.nlocals = static_cast<uint32_t>(order.size());
  for (const std::string& v : scope->freevars) {
    fs.regs[v] = static_cast<uint16_t>(fs.nlocals + p->freenames.size());
    p->freenames.push_back(vm_.intern(v));
  }
  fs.next_reg = fs.nlocals + static_cast<uint32_t>(p->freenames.size());
  fs.max_reg = fs.next_reg;
  fs.assigned.assign(fs.nlocals, 0);
  for (uint32_t i = 0; i < nparams; ++i) fs.assigned[i] = 1;
  if (scope->is_generator) p->proto_flags |= kProtoGenerator;
  if (scope->kind == ScopeKind::Lambda) p->proto_flags |= kProtoLambda;
  if (scope->kind == ScopeKind::Comprehension) p->proto_flags |= kProtoComprehension;
  // Entry: free-variable cells, then cells for cell variables.
  if (!p->freenames.empty()) emit(Op::COPY_FREE, fs.nlocals, static_cast<uint32_t>(p->freenames.size()));
  for (const std::string& v : scope->cellvars) {
    uint16_t r = fs.regs[v];
    emit(Op::MAKE_CELL, r);
    p->cell_regs.push_back(r);
  }
  if (scope->kind == ScopeKind::Comprehension) {
    comprehension(static_cast<const ast::Expr*>(node), 0);
  } else if (lambda_body) {
    uint32_t r = expr_any(lambda_body);
    set_pos(lambda_body);
    emit(Op::RETURN, r);
    fs.dead = true;
  } else if (body) {
    stmts(*body);
  }
  end_function(fs);
  return p;
}

Proto* Compiler::compile_class_body(Scope* scope, const ast::ClassDef* cls,
                                    const std::string& qualname) {
  FuncState fs;
  begin_function(fs, scope, cls->name, qualname, cls);
  fs.class_body = true;
  Proto* p = fs.proto;
  p->proto_flags |= kProtoClassBody;
  std::vector<std::string> order;
  for (const std::string& v : scope->cellvars) order.push_back(v);
  for (size_t i = 0; i < order.size(); ++i) {
    fs.regs[order[i]] = static_cast<uint16_t>(i);
    p->varnames.push_back(vm_.intern(order[i]));
  }
  fs.nlocals = static_cast<uint32_t>(order.size());
  for (const std::string& v : scope->freevars) {
    fs.regs[v] = static_cast<uint16_t>(fs.nlocals + p->freenames.size());
    p->freenames.push_back(vm_.intern(v));
  }
  fs.next_reg = fs.nlocals + static_cast<uint32_t>(p->freenames.size());
  fs.max_reg = fs.next_reg;
  fs.assigned.assign(fs.nlocals, 0);
  if (!p->freenames.empty()) emit(Op::COPY_FREE, fs.nlocals, static_cast<uint32_t>(p->freenames.size()));
  for (const std::string& v : scope->cellvars) emit(Op::MAKE_CELL, fs.regs[v]);
  // __module__ = __name__ (global), __qualname__ = "..."
  uint32_t t = alloc_temp();
  emit_abx(Op::LOAD_GLOBAL, t, new_cache("__name__"));
  emit_abx(Op::STORE_NAME, t, const_str("__module__"));
  emit_abx(Op::LOADK, t, const_str(qualname));
  emit_abx(Op::STORE_NAME, t, const_str("__qualname__"));
  if (!cls->body.empty() && cls->body[0]->is<ast::ExprStmt>()) {
    const ast::Expr* v = cls->body[0]->as<ast::ExprStmt>()->value;
    if (v->is<ast::Constant>() && v->as<ast::Constant>()->ckind == ast::ConstKind::Str) {
      emit_abx(Op::LOADK, t, const_str(v->as<ast::Constant>()->text));
      emit_abx(Op::STORE_NAME, t, const_str("__doc__"));
    }
  }
  free_to(t);
  stmts(cls->body);
  if (!fs.dead) {
    auto it = fs.regs.find("__class__");
    if (scope->needs_class_cell && it != fs.regs.end())
      emit(Op::RETURN, it->second);
    else
      emit(Op::RETURN_NONE, 0);
    fs.dead = true;
  }
  end_function(fs);
  return p;
}

void Compiler::emit_closure_and_make(Proto* child, Scope* child_scope, uint32_t target) {
  // target: defaults, target+1: kwdefaults, target+2: closure (all must be set)
  if (!child_scope->freevars.empty()) {
    uint32_t m = mark();
    uint32_t first = alloc_temps(static_cast<uint32_t>(child_scope->freevars.size()));
    for (size_t i = 0; i < child_scope->freevars.size(); ++i) {
      auto it = fs_->regs.find(child_scope->freevars[i]);
      if (it == fs_->regs.end()) {
        error(child_scope->node, "internal error: free variable '" + child_scope->freevars[i] +
                                     "' has no cell in the enclosing scope");
        return;
      }
      emit(Op::MOVE, first + static_cast<uint32_t>(i), it->second);
    }
    emit(Op::BUILD_TUPLE, target + 2, first, static_cast<uint32_t>(child_scope->freevars.size()));
    free_to(m);
  } else {
    emit(Op::LOADNONE, target + 2);
  }
  emit_abx(Op::MAKE_FUNCTION, target, const_value(Value::from_obj(child)));
}

// ------------------------------------------------------------------ module
Proto* Compiler::compile(ast::Module* module) {
  filename_ = vm_.intern(arena_->filename);
  FuncState fs;
  fs.module = true;
  begin_function(fs, module->scope, "<module>", "<module>", module);
  fs.proto->first_line = 1;
  fs.proto->proto_flags |= kProtoModule;
  fs.pos = SourcePos{1, 1, 0, 0};
  stmts(module->body);
  end_function(fs);
  if (failed_) return nullptr;
  return fs.proto;
}

Proto* Compiler::compile_variant(const Proto* original, uint32_t extra_flags) {
  filename_ = original->filename;
  barrier_yield_ = (extra_flags & kProtoCudaBarrierYield) != 0;
  variant_flags_ = extra_flags & ~uint32_t{kProtoCudaBarrierYield};
  const ast::Node* n = original->node;
  std::string qualname(original->qualname->view());
  Proto* p = nullptr;
  if (n && n->is<ast::FunctionDef>()) {
    const ast::FunctionDef* f = n->as<ast::FunctionDef>();
    p = compile_function(f->scope, f->name, qualname, f->args, &f->body, nullptr, f);
  } else if (n && n->is<ast::Lambda>()) {
    const ast::Lambda* l = n->as<ast::Lambda>();
    p = compile_function(l->scope, "<lambda>", qualname, l->args, nullptr, l->body, l);
  } else {
    error(n, "internal error: no function source to recompile");
    return nullptr;
  }
  if (failed_) return nullptr;
  p->proto_flags |= original->proto_flags & (kProtoHasDocstring);
  if (barrier_yielded_) p->proto_flags |= kProtoGenerator;  // kProtoCudaBarrierYield
  p->jit_flags = original->jit_flags;
  return p;
}

Proto* compile_variant(VM& vm, const Proto* original, uint32_t extra_flags, SyntaxErrorInfo& err) {
  Compiler c(vm, original->arena, err);
  return c.compile_variant(original, extra_flags);
}

Proto* compile_module(VM& vm, ParseResult&& parsed, SyntaxErrorInfo& err, bool interactive) {
  std::shared_ptr<ast::Arena> arena(parsed.arena.release());
  Compiler c(vm, arena, err);
  c.interactive_ = interactive;
  return c.compile(parsed.module);
}

// ------------------------------------------------------------------ verification
std::string verify_proto(const Proto* p) {
  if (p->positions.size() != p->code.size()) return "positions/code size mismatch";
  for (size_t pc = 0; pc < p->code.size(); ++pc) {
    const Instr& i = p->code[pc];
    const OpInfo& info = op_info(i.op);
    int64_t target = -1;
    if (info.format == OpFormat::sBx || (info.format == OpFormat::AsBx && (info.flags & kOpJump)))
      target = static_cast<int64_t>(pc) + 1 + i.sbx();
    else if (info.format == OpFormat::ABsC)
      target = static_cast<int64_t>(pc) + 1 + i.sc();
    if (target >= 0 || (info.flags & kOpJump)) {
      if (target < 0 || target > static_cast<int64_t>(p->code.size()))
        return "jump out of range at pc " + std::to_string(pc);
    }
  }
  for (const Handler& h : p->handlers)
    if (h.start >= h.end || h.end > p->code.size() || h.target >= p->code.size())
      return "bad handler range";
  if (p->nregs < p->nlocals) return "nregs < nlocals";
  return "";
}

}  // namespace pyjitvm::vm

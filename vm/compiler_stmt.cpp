// vm/compiler_stmt.cpp — compiling statements: assignment, control flow, loops,
// exception handling, with, definitions and imports.
//
// Stage: Compiler::stmt() for each statement of a body (see compiler_internal.h).
//
// Exception handling layout (CPython 3.11 style: finally bodies are duplicated):
//   try/except   body is a protected region; the handler pushes the exception on the
//                handled stack (PUSH_EXC), tests each clause with EXC_MATCH, and
//                re-raises (RERAISE) when none matches.
//   try/finally  the finally body is emitted on the normal path, on the exceptional
//                path (then RERAISE), and inline before every return/break/continue
//                that leaves the try (unwind_blocks()).
//   with         like try/finally whose finally calls __exit__; a true result from
//                __exit__ on the exceptional path suppresses the exception.
//
// Invariants: compiler_internal.h I1–I3.
#include <algorithm>

#include "vm/compiler_internal.h"

namespace pyjitvm::vm {

namespace {

bool is_direct_safe(const ast::Expr* e) {
  switch (e->kind) {
    case ast::NodeKind::Constant:
    case ast::NodeKind::Name:
    case ast::NodeKind::BinOp:
    case ast::NodeKind::UnaryOp:
    case ast::NodeKind::Call:
    case ast::NodeKind::Attribute:
    case ast::NodeKind::Subscript:
    case ast::NodeKind::List:
    case ast::NodeKind::Tuple:
    case ast::NodeKind::Set:
    case ast::NodeKind::Dict:
    case ast::NodeKind::ListComp:
    case ast::NodeKind::SetComp:
    case ast::NodeKind::DictComp:
    case ast::NodeKind::GeneratorExp:
    case ast::NodeKind::Lambda:
    case ast::NodeKind::JoinedStr: return true;
    case ast::NodeKind::Compare: return e->as<ast::Compare>()->ops.size() == 1;
    default: return false;
  }
}

Op aug_opcode(ast::BinOpKind k) {
  switch (k) {
    case ast::BinOpKind::Add: return Op::ADD;
    case ast::BinOpKind::Sub: return Op::SUB;
    case ast::BinOpKind::Mult: return Op::MUL;
    case ast::BinOpKind::MatMult: return Op::MATMUL;
    case ast::BinOpKind::Div: return Op::TRUEDIV;
    case ast::BinOpKind::Mod: return Op::MOD;
    case ast::BinOpKind::Pow: return Op::POW;
    case ast::BinOpKind::LShift: return Op::LSHIFT;
    case ast::BinOpKind::RShift: return Op::RSHIFT;
    case ast::BinOpKind::BitOr: return Op::BOR;
    case ast::BinOpKind::BitXor: return Op::BXOR;
    case ast::BinOpKind::BitAnd: return Op::BAND;
    case ast::BinOpKind::FloorDiv: return Op::FLOORDIV;
  }
  return Op::ADD;
}

}  // namespace

void Compiler::stmts(const ast::StmtList& body) {
  for (const ast::Stmt* s : body) {
    if (failed_) return;
    stmt(s);
  }
}

// A `cuda.syncthreads()` / `syncthreads()` statement of the outermost function compiled
// with kProtoCudaBarrierYield (compiler.h): it compiles to `yield None`.
bool Compiler::barrier_stmt(const ast::Expr* value) {
  if (!barrier_yield_ || fs_->parent || !value->is<ast::Call>()) return false;
  const ast::Call* c = value->as<ast::Call>();
  if (!c->args.empty() || !c->keywords.empty()) return false;
  const ast::Expr* f = c->func;
  if (f->is<ast::Attribute>()) return f->as<ast::Attribute>()->attr == "syncthreads";
  return f->is<ast::Name>() && f->as<ast::Name>()->id == "syncthreads";
}

void Compiler::stmt(const ast::Stmt* s) {
  PosGuard pg(*this, s);
  uint32_t m = mark();
  switch (s->kind) {
    case ast::NodeKind::ExprStmt: {
      if (interactive_ && fs_->module) {
        uint32_t t = alloc_temps(2);
        emit_abx(Op::LOAD_BUILTIN, t, const_str("__displayhook__"));
        expr(s->as<ast::ExprStmt>()->value, t + 1);
        set_pos(s);
        emit(Op::CALL, t, 1, 0);
        break;
      }
      uint32_t t = alloc_temp();
      if (barrier_stmt(s->as<ast::ExprStmt>()->value)) {  // kProtoCudaBarrierYield
        uint32_t v = alloc_temp();
        emit(Op::LOADNONE, v);
        emit(Op::YIELD, t, v);
        barrier_yielded_ = true;
        break;
      }
      expr(s->as<ast::ExprStmt>()->value, t);
      break;
    }
    case ast::NodeKind::Assign: assign(s->as<ast::Assign>()); break;
    case ast::NodeKind::AugAssign: aug_assign(s->as<ast::AugAssign>()); break;
    case ast::NodeKind::AnnAssign: {
      const auto* a = s->as<ast::AnnAssign>();
      if (a->value) {
        uint32_t v = expr_any(a->value);
        assign_to(a->target, v);
      }
      break;
    }
    case ast::NodeKind::Delete:
      for (const ast::Expr* t : s->as<ast::Delete>()->targets) del(t);
      break;
    case ast::NodeKind::If: if_stmt(s->as<ast::If>()); break;
    case ast::NodeKind::While: while_stmt(s->as<ast::While>()); break;
    case ast::NodeKind::For: for_stmt(s->as<ast::For>()); break;
    case ast::NodeKind::Try: try_stmt(s->as<ast::Try>()); break;
    case ast::NodeKind::With: with_stmt(s->as<ast::With>(), 0); break;
    case ast::NodeKind::FunctionDef: function_def(s->as<ast::FunctionDef>()); break;
    case ast::NodeKind::ClassDef: class_def(s->as<ast::ClassDef>()); break;
    case ast::NodeKind::Return: return_stmt(s->as<ast::Return>()); break;
    case ast::NodeKind::Raise: raise_stmt(s->as<ast::Raise>()); break;
    case ast::NodeKind::Import: import_stmt(s->as<ast::Import>()); break;
    case ast::NodeKind::ImportFrom: import_from(s->as<ast::ImportFrom>()); break;
    case ast::NodeKind::Assert: assert_stmt(s->as<ast::Assert>()); break;
    case ast::NodeKind::Break: break_continue(s, true); break;
    case ast::NodeKind::Continue: break_continue(s, false); break;
    case ast::NodeKind::Global:
    case ast::NodeKind::Nonlocal:
    case ast::NodeKind::Pass: break;
    case ast::NodeKind::AsyncFunctionDef:
      error(s, "async functions are not supported by pyjitvm");
      break;
    case ast::NodeKind::AsyncFor:
    case ast::NodeKind::AsyncWith:
      error(s, "async statements are not supported by pyjitvm");
      break;
    case ast::NodeKind::Match:
      error(s, "match statements are not supported by pyjitvm");
      break;
    default:
      error(s, std::string("unsupported statement: ") + ast::node_kind_name(s->kind));
      break;
  }
  free_to(m);
}

// ------------------------------------------------------------------ assignment
void Compiler::assign_to(const ast::Expr* target, uint32_t src) {
  uint32_t m = mark();
  PosGuard pg(*this, target);
  switch (target->kind) {
    case ast::NodeKind::Name: store_name(target->as<ast::Name>()->id, src); break;
    case ast::NodeKind::Attribute: {
      const auto* a = target->as<ast::Attribute>();
      uint32_t obj = expr_any(a->value);
      set_pos(target);
      emit(Op::STORE_ATTR, obj, src, new_cache(a->attr));
      break;
    }
    case ast::NodeKind::Subscript: {
      const auto* sub = target->as<ast::Subscript>();
      uint32_t obj = expr_any(sub->value);
      uint32_t key;
      if (sub->slice->is<ast::Slice>() || sub->slice->is<ast::Tuple>()) {
        key = alloc_temp();
        subscript_key(sub->slice, key);
      } else {
        key = expr_any(sub->slice);
      }
      set_pos(target);
      emit(Op::SETITEM, obj, key, src);
      break;
    }
    case ast::NodeKind::Tuple:
    case ast::NodeKind::List: {
      const ast::ExprList& elts = target->is<ast::Tuple>() ? target->as<ast::Tuple>()->elts
                                                           : target->as<ast::List>()->elts;
      int star = -1;
      for (size_t i = 0; i < elts.size(); ++i)
        if (elts[i]->is<ast::Starred>()) {
          if (star >= 0) {
            error(elts[i], "multiple starred expressions in assignment");
            return;
          }
          star = static_cast<int>(i);
        }
      uint32_t n = static_cast<uint32_t>(elts.size());
      uint32_t first = alloc_temps(n);
      if (star < 0) {
        emit(Op::UNPACK, first, src, n);
      } else {
        uint32_t before = static_cast<uint32_t>(star);
        uint32_t after = n - before - 1;
        if (before > 255 || after > 255) {
          error(target, "too many expressions in star-unpacking assignment");
          return;
        }
        emit(Op::UNPACK_EX, first, src, before | (after << 8));
      }
      for (uint32_t i = 0; i < n; ++i) {
        const ast::Expr* t = elts[i];
        if (t->is<ast::Starred>()) t = t->as<ast::Starred>()->value;
        assign_to(t, first + i);
      }
      break;
    }
    case ast::NodeKind::Starred: error(target, "starred assignment target must be in a list or tuple"); break;
    default: error(target, "cannot assign to expression"); break;
  }
  free_to(m);
}

void Compiler::assign(const ast::Assign* a) {
  if (a->targets.size() == 1) {
    const ast::Expr* t = a->targets[0];
    if (t->is<ast::Name>()) {
      int r = local_reg(t->as<ast::Name>()->id);
      if (r >= 0 && is_direct_safe(a->value)) {
        expr(a->value, static_cast<uint32_t>(r));
        da_mark(static_cast<uint32_t>(r));
        return;
      }
    }
    // a, b = x, y: evaluate the right side into temporaries, no tuple
    const ast::ExprList* lhs = t->is<ast::Tuple>() ? &t->as<ast::Tuple>()->elts
                               : t->is<ast::List>() ? &t->as<ast::List>()->elts
                                                    : nullptr;
    const ast::ExprList* rhs = a->value->is<ast::Tuple>() ? &a->value->as<ast::Tuple>()->elts
                               : a->value->is<ast::List>() ? &a->value->as<ast::List>()->elts
                                                           : nullptr;
    auto no_star = [](const ast::ExprList* l) {
      return std::none_of(l->begin(), l->end(), [](const ast::Expr* x) { return x->is<ast::Starred>(); });
    };
    if (lhs && rhs && lhs->size() == rhs->size() && no_star(lhs) && no_star(rhs)) {
      uint32_t first = alloc_temps(static_cast<uint32_t>(rhs->size()));
      for (size_t i = 0; i < rhs->size(); ++i) expr((*rhs)[i], first + static_cast<uint32_t>(i));
      for (size_t i = 0; i < lhs->size(); ++i) assign_to((*lhs)[i], first + static_cast<uint32_t>(i));
      return;
    }
  }
  uint32_t v = alloc_temp();
  expr(a->value, v);
  for (const ast::Expr* t : a->targets) assign_to(t, v);
}

void Compiler::aug_assign(const ast::AugAssign* a) {
  Op op = aug_opcode(a->op);
  auto emit_op = [&](uint32_t dst, uint32_t lhs) {
    if ((op == Op::ADD || op == Op::SUB || op == Op::MUL) && a->value->is<ast::Constant>()) {
      const auto* c = a->value->as<ast::Constant>();
      bool num = (c->ckind == ast::ConstKind::Int && c->int_fits) || c->ckind == ast::ConstKind::Float;
      if (num) {
        uint32_t k = c->ckind == ast::ConstKind::Int ? const_int(c->i64) : const_float(c->f64);
        if (k <= 0xFFFF) {
          set_pos(a);
          emit(op == Op::ADD ? Op::ADDK : op == Op::SUB ? Op::SUBK : Op::MULK, dst, lhs, k, 1);
          return;
        }
      }
    }
    uint32_t v = expr_any(a->value);
    set_pos(a);
    emit(op, dst, lhs, v, 1);
  };
  const ast::Expr* t = a->target;
  if (t->is<ast::Name>()) {
    const std::string& name = t->as<ast::Name>()->id;
    int r = local_reg(name);
    if (r >= 0) {
      if (!fs_->assigned[r]) emit(Op::CHECKBOUND, r, const_str(name));
      emit_op(static_cast<uint32_t>(r), static_cast<uint32_t>(r));
      da_mark(static_cast<uint32_t>(r));
      return;
    }
    uint32_t tmp = alloc_temp();
    load_name(name, tmp, t);
    emit_op(tmp, tmp);
    store_name(name, tmp);
    return;
  }
  if (t->is<ast::Attribute>()) {
    const auto* at = t->as<ast::Attribute>();
    uint32_t obj = expr_any(at->value);
    uint32_t tmp = alloc_temp();
    set_pos(t);
    emit(Op::LOAD_ATTR, tmp, obj, new_cache(at->attr));
    emit_op(tmp, tmp);
    set_pos(t);
    emit(Op::STORE_ATTR, obj, tmp, new_cache(at->attr));
    return;
  }
  if (t->is<ast::Subscript>()) {
    const auto* sub = t->as<ast::Subscript>();
    uint32_t obj = expr_any(sub->value);
    uint32_t key;
    if (sub->slice->is<ast::Slice>() || sub->slice->is<ast::Tuple>()) {
      key = alloc_temp();
      subscript_key(sub->slice, key);
    } else {
      key = expr_any(sub->slice);
    }
    uint32_t tmp = alloc_temp();
    set_pos(t);
    emit(Op::GETITEM, tmp, obj, key);
    emit_op(tmp, tmp);
    set_pos(t);
    emit(Op::SETITEM, obj, key, tmp);
    return;
  }
  error(t, "'" + std::string(ast::node_kind_name(t->kind)) + "' is an illegal expression for augmented assignment");
}

void Compiler::del(const ast::Expr* target) {
  uint32_t m = mark();
  PosGuard pg(*this, target);
  switch (target->kind) {
    case ast::NodeKind::Name: delete_name(target->as<ast::Name>()->id, target); break;
    case ast::NodeKind::Attribute: {
      const auto* a = target->as<ast::Attribute>();
      uint32_t obj = expr_any(a->value);
      set_pos(target);
      emit(Op::DEL_ATTR, obj, 0, new_cache(a->attr));
      break;
    }
    case ast::NodeKind::Subscript: {
      const auto* sub = target->as<ast::Subscript>();
      uint32_t obj = expr_any(sub->value);
      uint32_t key;
      if (sub->slice->is<ast::Slice>() || sub->slice->is<ast::Tuple>()) {
        key = alloc_temp();
        subscript_key(sub->slice, key);
      } else {
        key = expr_any(sub->slice);
      }
      set_pos(target);
      emit(Op::DELITEM, obj, key);
      break;
    }
    case ast::NodeKind::Tuple:
      for (const ast::Expr* e : target->as<ast::Tuple>()->elts) del(e);
      break;
    case ast::NodeKind::List:
      for (const ast::Expr* e : target->as<ast::List>()->elts) del(e);
      break;
    default: error(target, "cannot delete expression"); break;
  }
  free_to(m);
}

// ------------------------------------------------------------------ control flow
void Compiler::if_stmt(const ast::If* s) {
  std::vector<size_t> to_else;
  branch(s->test, false, to_else);
  auto entry = da_save();
  bool entry_dead = fs_->dead;
  stmts(s->body);
  std::vector<std::pair<std::vector<uint8_t>, bool>> states;
  states.emplace_back(da_save(), fs_->dead);
  if (!s->orelse.empty()) {
    size_t to_end = emit_jump(Op::JMP);
    for (size_t j : to_else) patch_here(j);
    da_restore(entry);
    fs_->dead = entry_dead;
    stmts(s->orelse);
    states.emplace_back(da_save(), fs_->dead);
    patch_here(to_end);
  } else {
    for (size_t j : to_else) patch_here(j);
    states.emplace_back(entry, entry_dead);
  }
  da_merge(states);
}

void Compiler::while_stmt(const ast::While* s) {
  auto entry = da_save();
  size_t top = here();
  emit(Op::LOOP, 0);
  std::vector<size_t> exits;
  bool cv;
  bool infinite = constant_truth(s->test, cv) && cv;
  branch(s->test, false, exits);
  ExcBlock loop;
  loop.kind = ExcBlock::kLoop;
  loop.continue_target = static_cast<uint32_t>(top);
  loop.continue_known = true;
  push_block(std::move(loop));
  stmts(s->body);
  emit_jump_to(Op::JMP, 0, top);
  ExcBlock done = pop_block();
  da_restore(entry);
  fs_->dead = false;
  for (size_t j : exits) patch_here(j);
  if (!infinite) stmts(s->orelse);
  for (size_t j : done.break_jumps) patch_here(j);
  da_restore(entry);
  fs_->dead = infinite && done.break_jumps.empty();
}

void Compiler::for_stmt(const ast::For* s) {
  auto entry = da_save();
  uint32_t m = mark();
  const ast::Expr* it = s->iter;
  bool range_form = false;
  if (it->is<ast::Call>()) {
    const auto* c = it->as<ast::Call>();
    if (c->func->is<ast::Name>() && c->keywords.empty() && !c->args.empty() && c->args.size() <= 3 &&
        std::none_of(c->args.begin(), c->args.end(), [](const ast::Expr* a) { return a->is<ast::Starred>(); })) {
      const std::string& fn = c->func->as<ast::Name>()->id;
      range_form = fn == "range" || fn == "prange";
    }
  }
  int direct = s->target->is<ast::Name>() ? local_reg(s->target->as<ast::Name>()->id) : -1;
  ExcBlock loop;
  loop.kind = ExcBlock::kLoop;
  size_t exit_jump, body_start = 0, top = 0;
  uint32_t base = 0, tgt = 0;
  if (range_form) {
    const auto* c = it->as<ast::Call>();
    base = alloc_temps(4);
    expr(c->func, base);
    for (size_t i = 0; i < c->args.size(); ++i) expr(c->args[i], base + 1 + static_cast<uint32_t>(i));
    tgt = direct >= 0 ? static_cast<uint32_t>(direct) : alloc_temp();
    set_pos(s);
    exit_jump = emit_short_jump(Op::FORPREP, base, tgt, static_cast<uint8_t>(c->args.size()));
    body_start = here();
    loop.continue_known = false;
  } else {
    uint32_t src = expr_any(it);
    if (it->is<ast::Call>() && here() > 0) {
      // `for x in gen(...)`: a generator created by this very call is owned by the
      // loop alone, so leaving the loop early closes it (as CPython's refcounting does)
      Proto* p = fs_->proto;
      for (size_t k = p->code.size(); k > 0; --k) {
        Instr& ins = p->code[k - 1];
        if (ins.op == Op::CALL || ins.op == Op::CALLM || ins.op == Op::CALLEX) {
          ins.x |= 2;
          break;
        }
        if (ins.op != Op::MOVE) break;
      }
      loop.iter_reg = -2;  // set once the iterator register is known
    }
    base = alloc_temp();
    if (loop.iter_reg == -2) loop.iter_reg = static_cast<int32_t>(base);
    set_pos(s);  // CPython attributes GET_ITER/FOR_ITER to the whole for statement
    emit(Op::GETITER, base, src);
    tgt = direct >= 0 ? static_cast<uint32_t>(direct) : alloc_temp();
    top = here();
    exit_jump = emit_short_jump(Op::FORITER, base, tgt);
    loop.continue_target = static_cast<uint32_t>(top);
    loop.continue_known = true;
  }
  if (direct >= 0)
    da_mark(tgt);
  else
    assign_to(s->target, tgt);
  push_block(std::move(loop));
  stmts(s->body);
  ExcBlock done = pop_block();
  if (range_form) {
    for (size_t j : done.continue_jumps) patch_here(j);
    set_pos(s);
    size_t back = emit_short_jump(Op::FORLOOP, base, tgt);
    patch_jump(back, body_start);
  } else {
    emit_jump_to(Op::JMP, 0, top);
  }
  patch_here(exit_jump);
  da_restore(entry);
  fs_->dead = false;
  stmts(s->orelse);
  for (size_t j : done.break_jumps) patch_here(j);
  da_restore(entry);
  fs_->dead = false;
  free_to(m);
}

void Compiler::break_continue(const ast::Stmt* s, bool is_break) {
  int li = innermost_loop();
  if (li < 0) {
    error(s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    return;
  }
  size_t jump = 0;
  bool known = !is_break && fs_->blocks[li].continue_known;
  uint32_t target = fs_->blocks[li].continue_target;
  int32_t iter_reg = fs_->blocks[li].iter_reg;
  unwind_blocks(static_cast<size_t>(li) + 1, [&] {
    if (is_break && iter_reg >= 0) emit(Op::ITER_CLOSE, static_cast<uint32_t>(iter_reg));
    if (known)
      emit_jump_to(Op::JMP, 0, target);
    else
      jump = emit_jump(Op::JMP);
  });
  if (!known) {
    if (is_break)
      fs_->blocks[li].break_jumps.push_back(jump);
    else
      fs_->blocks[li].continue_jumps.push_back(jump);
  }
  fs_->dead = true;
}

void Compiler::return_stmt(const ast::Return* r) {
  if (fs_->module || fs_->class_body) {
    error(r, "'return' outside function");
    return;
  }
  uint32_t v;
  bool has_exits = std::any_of(fs_->blocks.begin(), fs_->blocks.end(), [](const ExcBlock& b) {
    return b.kind == ExcBlock::kTryFinally || b.kind == ExcBlock::kWith;
  });
  if (r->value) {
    if (has_exits) {
      v = alloc_temp();
      expr(r->value, v);
    } else {
      v = expr_any(r->value);
    }
  } else {
    v = alloc_temp();
    emit(Op::LOADNONE, v);
  }
  set_pos(r);
  unwind_blocks(0, [&] { emit(Op::RETURN, v); });
  fs_->dead = true;
}

void Compiler::raise_stmt(const ast::Raise* r) {
  if (!r->exc) {
    emit(Op::RAISE, 0, 0, 0, 0);
  } else {
    uint32_t e = expr_any(r->exc);
    if (r->cause) {
      uint32_t c = expr_any(r->cause);
      set_pos(r);
      emit(Op::RAISE, e, c, 0, 2);
    } else {
      set_pos(r);
      emit(Op::RAISE, e, 0, 0, 1);
    }
  }
  fs_->dead = true;
}

void Compiler::assert_stmt(const ast::Assert* s) {
  std::vector<size_t> ok;
  branch(s->test, true, ok);
  uint32_t t = alloc_temps(2);
  set_pos(s->test);  // CPython attributes the raise to the tested expression
  emit_abx(Op::LOAD_BUILTIN, t, const_str("AssertionError"));
  if (s->msg) {
    expr(s->msg, t + 1);
    set_pos(s->test);
    emit(Op::CALL, t, 1, 0);
  } else {
    emit(Op::CALL, t, 0, 0);
  }
  emit(Op::RAISE, t, 0, 0, 1);
  for (size_t j : ok) patch_here(j);
}

// ------------------------------------------------------------------ exceptions
void Compiler::try_stmt(const ast::Try* s) {
  if (s->finalbody.empty()) {
    try_except(s);
    return;
  }
  uint32_t m = mark();
  ExcBlock fb;
  fb.kind = ExcBlock::kTryFinally;
  fb.reg = static_cast<uint16_t>(alloc_temp());
  fb.depth = fs_->exc_depth;
  fb.finalbody = &s->finalbody;
  auto entry = da_save();
  push_block(std::move(fb));
  if (!s->handlers.empty()) {
    try_except(s);
  } else {
    stmts(s->body);
  }
  ExcBlock done = pop_block();
  bool body_dead = fs_->dead;
  // normal path
  stmts(s->finalbody);
  auto after_normal = da_save();
  bool normal_dead = fs_->dead || body_dead;
  size_t to_end = emit_jump(Op::JMP);
  // exceptional path
  done.handler_pc = static_cast<uint32_t>(here());
  add_handlers(done);
  da_restore(entry);
  fs_->dead = false;
  emit(Op::PUSH_EXC, done.reg);
  ExcBlock h;
  h.kind = ExcBlock::kHandler;
  h.depth = fs_->exc_depth;
  fs_->exc_depth++;
  push_block(std::move(h));
  stmts(s->finalbody);
  pop_block();
  fs_->exc_depth--;
  emit(Op::RERAISE, done.reg);
  patch_here(to_end);
  da_restore(after_normal);
  fs_->dead = normal_dead;
  free_to(m);
}

void Compiler::try_except(const ast::Try* s) {
  uint32_t m = mark();
  ExcBlock te;
  te.kind = ExcBlock::kTryExcept;
  te.reg = static_cast<uint16_t>(alloc_temp());
  te.depth = fs_->exc_depth;
  uint16_t e = te.reg;
  auto entry = da_save();
  bool entry_dead = fs_->dead;
  push_block(std::move(te));
  stmts(s->body);
  ExcBlock done = pop_block();
  stmts(s->orelse);
  std::vector<std::pair<std::vector<uint8_t>, bool>> states;
  states.emplace_back(da_save(), fs_->dead);
  std::vector<size_t> ends;
  ends.push_back(emit_jump(Op::JMP));
  done.handler_pc = static_cast<uint32_t>(here());
  add_handlers(done);
  emit(Op::PUSH_EXC, e);
  uint16_t outer_depth = fs_->exc_depth;
  ExcBlock hb;
  hb.kind = ExcBlock::kHandler;
  hb.depth = outer_depth;
  fs_->exc_depth++;
  push_block(std::move(hb));
  for (size_t i = 0; i < s->handlers.size(); ++i) {
    const ast::ExceptHandler* h = s->handlers[i];
    PosGuard pg(*this, h);
    if (!h->type && i + 1 < s->handlers.size()) {
      error(h, "default 'except:' must be last");
      return;
    }
    da_restore(entry);
    fs_->dead = entry_dead;
    uint32_t mm = mark();
    size_t next = SIZE_MAX;
    if (h->type) {
      uint32_t tv = expr_any(h->type);
      uint32_t ok = alloc_temp();
      set_pos(h->type);
      emit(Op::EXC_MATCH, ok, e, tv);
      next = emit_jump(Op::JIFNOT, ok);
      free_to(mm);
    }
    if (!h->name.empty()) store_name(h->name, e);
    stmts(h->body);
    if (!h->name.empty() && !fs_->dead) {
      uint32_t none = alloc_temp();
      emit(Op::LOADNONE, none);
      store_name(h->name, none);
      delete_name(h->name, h);
      free_to(mm);
    }
    if (!fs_->dead) {
      emit(Op::POP_EXC, outer_depth);
      ends.push_back(emit_jump(Op::JMP));
    }
    states.emplace_back(da_save(), fs_->dead);
    if (next != SIZE_MAX) patch_here(next);
  }
  bool has_bare = !s->handlers.empty() && !s->handlers.back()->type;
  if (!has_bare) emit(Op::RERAISE, e);
  pop_block();
  fs_->exc_depth = outer_depth;
  for (size_t j : ends) patch_here(j);
  da_merge(states);
  free_to(m);
}

void Compiler::with_stmt(const ast::With* s, size_t item) {
  uint32_t m = mark();
  const ast::WithItem* w = s->items[item];
  auto entry = da_save();
  uint32_t mgr = expr_any(w->context_expr);
  uint32_t exit_reg = alloc_temp();
  uint32_t enter = alloc_temp();
  set_pos(w->context_expr);
  emit(Op::LOAD_SPECIAL, enter, mgr, new_cache("__enter__"));  // CPython looks it up first
  emit(Op::LOAD_SPECIAL, exit_reg, mgr, new_cache("__exit__"));
  emit(Op::CALL, enter, 0, 0);
  if (w->optional_vars) assign_to(w->optional_vars, enter);
  ExcBlock wb;
  wb.kind = ExcBlock::kWith;
  wb.reg = static_cast<uint16_t>(alloc_temp());
  wb.exit_reg = static_cast<uint16_t>(exit_reg);
  wb.depth = fs_->exc_depth;
  uint16_t ex = wb.reg;
  push_block(std::move(wb));
  if (item + 1 < s->items.size())
    with_stmt(s, item + 1);
  else
    stmts(s->body);
  ExcBlock done = pop_block();
  auto body_end = da_save();
  bool body_dead = fs_->dead;
  uint32_t t = alloc_temp();
  set_pos(s);
  emit(Op::WITH_EXIT, exit_reg, 0, t, 0);
  size_t to_end = emit_jump(Op::JMP);
  done.handler_pc = static_cast<uint32_t>(here());
  add_handlers(done);
  emit(Op::PUSH_EXC, ex);
  emit(Op::WITH_EXIT, exit_reg, ex, t, 1);
  size_t reraise = emit_jump(Op::JIFNOT, t);
  emit(Op::POP_EXC, done.depth);
  size_t suppressed = emit_jump(Op::JMP);
  patch_here(reraise);
  emit(Op::RERAISE, ex);
  patch_here(to_end);
  patch_here(suppressed);
  std::vector<std::pair<std::vector<uint8_t>, bool>> states;
  states.emplace_back(body_end, body_dead);
  states.emplace_back(entry, false);
  da_merge(states);
  free_to(m);
}

// ------------------------------------------------------------------ definitions
void Compiler::apply_decorators(const ast::ExprList& decorators, uint32_t base, uint32_t value) {
  uint32_t cur = value;
  for (size_t i = decorators.size(); i > 0; --i) {
    uint32_t t = alloc_temps(2);
    emit(Op::MOVE, t, base + static_cast<uint32_t>(i - 1));
    emit(Op::MOVE, t + 1, cur);
    set_pos(decorators[i - 1]);
    emit(Op::CALL, t, 1, 0);
    cur = t;
  }
  if (cur != value) emit(Op::MOVE, value, cur);
}

void Compiler::function_def(const ast::FunctionDef* f) {
  uint32_t decos = alloc_temps(static_cast<uint32_t>(f->decorator_list.size()));
  for (size_t i = 0; i < f->decorator_list.size(); ++i)
    expr(f->decorator_list[i], decos + static_cast<uint32_t>(i));
  uint32_t a = alloc_temps(3);
  const ast::Arguments* args = f->args;
  if (!args->defaults.empty()) {
    uint32_t mm = mark();
    uint32_t first = alloc_temps(static_cast<uint32_t>(args->defaults.size()));
    for (size_t i = 0; i < args->defaults.size(); ++i) expr(args->defaults[i], first + static_cast<uint32_t>(i));
    emit(Op::BUILD_TUPLE, a, first, static_cast<uint32_t>(args->defaults.size()));
    free_to(mm);
  } else {
    emit(Op::LOADNONE, a);
  }
  uint32_t nkwd = 0;
  for (const ast::Expr* d : args->kw_defaults) nkwd += d != nullptr;
  if (nkwd) {
    uint32_t mm = mark();
    uint32_t first = alloc_temps(2 * nkwd);
    uint32_t k = 0;
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (!args->kw_defaults[i]) continue;
      emit_abx(Op::LOADK, first + 2 * k, const_str(args->kwonlyargs[i]->name));
      expr(args->kw_defaults[i], first + 2 * k + 1);
      ++k;
    }
    emit(Op::BUILD_DICT, a + 1, first, nkwd);
    free_to(mm);
  } else {
    emit(Op::LOADNONE, a + 1);
  }
  Proto* child = compile_function(f->scope, f->name, child_qualname(f->name), f->args, &f->body,
                                  nullptr, f);
  if (failed_) return;
  set_pos(f);
  emit_closure_and_make(child, f->scope, a);
  apply_decorators(f->decorator_list, decos, a);
  store_name(f->name, a);
}

void Compiler::class_def(const ast::ClassDef* c) {
  uint32_t decos = alloc_temps(static_cast<uint32_t>(c->decorator_list.size()));
  for (size_t i = 0; i < c->decorator_list.size(); ++i)
    expr(c->decorator_list[i], decos + static_cast<uint32_t>(i));
  uint32_t nb = static_cast<uint32_t>(c->bases.size());
  uint32_t nk = static_cast<uint32_t>(c->keywords.size());
  uint32_t a = alloc_temps(3 + nb + nk);
  set_pos(c);
  emit_abx(Op::LOAD_BUILTIN, a, const_str("__build_class__"));
  {
    uint32_t mm = mark();
    uint32_t f = alloc_temps(3);
    emit(Op::LOADNONE, f);
    emit(Op::LOADNONE, f + 1);
    Proto* body = compile_class_body(c->scope, c, child_qualname(c->name));
    if (failed_) return;
    set_pos(c);
    emit_closure_and_make(body, c->scope, f);
    emit(Op::MOVE, a + 1, f);
    free_to(mm);
  }
  emit_abx(Op::LOADK, a + 2, const_str(c->name));
  for (uint32_t i = 0; i < nb; ++i) {
    if (c->bases[i]->is<ast::Starred>()) {
      error(c->bases[i], "starred base classes are not supported by pyjitvm");
      return;
    }
    expr(c->bases[i], a + 3 + i);
  }
  uint32_t kw = 0;
  if (nk) {
    Tuple* names = vm_.new_tuple(nk);
    for (uint32_t i = 0; i < nk; ++i) {
      if (c->keywords[i]->arg.empty()) {
        error(c->keywords[i], "class keyword ** unpacking is not supported by pyjitvm");
        return;
      }
      (*names)[i] = Value::from_obj(vm_.intern(c->keywords[i]->arg));
      expr(c->keywords[i]->value, a + 3 + nb + i);
    }
    kw = const_value(Value::from_obj(names)) + 1;
  }
  set_pos(c);
  emit(Op::CALL, a, 2 + nb + nk, kw);
  apply_decorators(c->decorator_list, decos, a);
  store_name(c->name, a);
}

// ------------------------------------------------------------------ imports
void Compiler::import_stmt(const ast::Import* s) {
  for (const ast::Alias* al : s->names) {
    uint32_t mm = mark();
    uint32_t t = alloc_temps(2);
    emit(Op::LOADNONE, t + 1);
    bool leaf = !al->asname.empty();
    set_pos(s);
    emit(Op::IMPORT, t, const_str(al->name), t + 1, leaf ? 0x80 : 0);
    if (leaf) {
      store_name(al->asname, t);
    } else {
      std::string first = al->name.substr(0, al->name.find('.'));
      store_name(first, t);
    }
    free_to(mm);
  }
}

void Compiler::import_from(const ast::ImportFrom* s) {
  uint32_t t = alloc_temps(2);
  bool star = s->names.size() == 1 && s->names[0]->name == "*";
  if (star && !fs_->module) {
    error(s, "import * only allowed at module level");
    return;
  }
  Tuple* names = vm_.new_tuple(s->names.size());
  for (size_t i = 0; i < s->names.size(); ++i) (*names)[i] = Value::from_obj(vm_.intern(s->names[i]->name));
  emit_abx(Op::LOADK, t + 1, const_value(Value::from_obj(names)));
  set_pos(s);
  emit(Op::IMPORT, t, const_str(s->module), t + 1, static_cast<uint8_t>(s->level & 0x7F));
  if (star) {
    emit(Op::IMPORT_STAR, t);
    return;
  }
  for (const ast::Alias* al : s->names) {
    uint32_t mm = mark();
    uint32_t v = alloc_temp();
    emit(Op::IMPORT_FROM, v, t, const_str(al->name));
    store_name(al->asname.empty() ? al->name : al->asname, v);
    free_to(mm);
  }
}

}  // namespace pyjitvm::vm

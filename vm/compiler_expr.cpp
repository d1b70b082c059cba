// vm/compiler_expr.cpp — compiling expressions, names and conditions.
//
// Stage: Compiler::expr(e, target) leaves the value of `e` in register `target`;
// expr_any(e) returns a register holding it (a local's own register when possible);
// branch() compiles a condition straight into jumps (fused compare-and-branch).
//
// Invariants: compiler_internal.h I1–I2. An expression compiled into a local's own
// register must read all its operands before writing the target (is_direct_safe()).
#include <algorithm>

#include "vm/compiler_internal.h"

namespace pyjitvm::vm {

namespace {

Op binop_opcode(ast::BinOpKind k) {
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

Op cmp_opcode(ast::CmpOpKind k) {
  switch (k) {
    case ast::CmpOpKind::Eq: return Op::EQ;
    case ast::CmpOpKind::NotEq: return Op::NE;
    case ast::CmpOpKind::Lt: return Op::LT;
    case ast::CmpOpKind::LtE: return Op::LE;
    case ast::CmpOpKind::Gt: return Op::GT;
    case ast::CmpOpKind::GtE: return Op::GE;
    case ast::CmpOpKind::Is: return Op::IS;
    case ast::CmpOpKind::IsNot: return Op::ISNOT;
    case ast::CmpOpKind::In: return Op::IN;
    case ast::CmpOpKind::NotIn: return Op::NOTIN;
  }
  return Op::EQ;
}

Op branch_opcode(ast::CmpOpKind k) {
  switch (k) {
    case ast::CmpOpKind::Eq: return Op::JNEQ;
    case ast::CmpOpKind::NotEq: return Op::JNNE;
    case ast::CmpOpKind::Lt: return Op::JNLT;
    case ast::CmpOpKind::LtE: return Op::JNLE;
    case ast::CmpOpKind::Gt: return Op::JNGT;
    case ast::CmpOpKind::GtE: return Op::JNGE;
    default: return Op::NOP;
  }
}

bool numeric_const(const ast::Expr* e) {
  if (!e->is<ast::Constant>()) return false;
  const auto* c = e->as<ast::Constant>();
  return (c->ckind == ast::ConstKind::Int && c->int_fits) || c->ckind == ast::ConstKind::Float;
}

}  // namespace

// ------------------------------------------------------------------ names
SymKind Compiler::resolve(const std::string& name) const {
  if (fs_->module) {
    return SymKind::GlobalImplicit;
  }
  return fs_->scope->lookup(name);
}

int Compiler::local_reg(const std::string& name) {
  if (fs_->module || fs_->class_body) return -1;
  if (resolve(name) != SymKind::Local) return -1;
  auto it = fs_->regs.find(name);
  return it == fs_->regs.end() ? -1 : it->second;
}

int Compiler::local_reg_direct(const std::string& name) {
  if (fs_->module || fs_->class_body) return -1;
  if (resolve(name) != SymKind::Local) return -1;
  auto it = fs_->regs.find(name);
  if (it == fs_->regs.end()) return -1;
  if (it->second < fs_->assigned.size() && !fs_->assigned[it->second]) return -1;
  return it->second;
}

void Compiler::load_name(const std::string& name, uint32_t target, const ast::Node* at) {
  SymKind k = resolve(name);
  if (fs_->class_body) {
    if (k == SymKind::Cell || k == SymKind::Free) {
      auto it = fs_->regs.find(name);
      if (it != fs_->regs.end()) {
        emit(Op::LOAD_DEREF, target, it->second, const_str(name));
        return;
      }
    }
    if (k == SymKind::GlobalExplicit) {
      emit_abx(Op::LOAD_GLOBAL, target, new_cache(name));
      return;
    }
    emit_abx(Op::LOAD_NAME, target, const_str(name));
    return;
  }
  switch (k) {
    case SymKind::Local: {
      auto it = fs_->regs.find(name);
      if (it == fs_->regs.end()) {
        error(at, "internal error: local '" + name + "' has no register");
        return;
      }
      uint16_t r = it->second;
      if (r < fs_->assigned.size() && !fs_->assigned[r]) emit(Op::CHECKBOUND, r, const_str(name));
      if (r != target) emit(Op::MOVE, target, r);
      return;
    }
    case SymKind::Cell:
    case SymKind::Free: {
      auto it = fs_->regs.find(name);
      if (it == fs_->regs.end()) {
        error(at, "internal error: cell '" + name + "' has no register");
        return;
      }
      emit(Op::LOAD_DEREF, target, it->second, const_str(name));
      return;
    }
    default: emit_abx(Op::LOAD_GLOBAL, target, new_cache(name)); return;
  }
}

void Compiler::store_name(const std::string& name, uint32_t src) {
  SymKind k = resolve(name);
  if (fs_->class_body && k != SymKind::GlobalExplicit && k != SymKind::Cell && k != SymKind::Free) {
    emit_abx(Op::STORE_NAME, src, const_str(name));
    return;
  }
  switch (k) {
    case SymKind::Local: {
      uint16_t r = fs_->regs[name];
      if (r != src) emit(Op::MOVE, r, src);
      da_mark(r);
      return;
    }
    case SymKind::Cell:
    case SymKind::Free: emit(Op::STORE_DEREF, fs_->regs[name], src); return;
    default: emit_abx(Op::STORE_GLOBAL, src, new_cache(name)); return;
  }
}

void Compiler::delete_name(const std::string& name, const ast::Node* at) {
  SymKind k = resolve(name);
  if (fs_->class_body && k != SymKind::GlobalExplicit) {
    emit_abx(Op::DEL_NAME, 0, const_str(name));
    return;
  }
  switch (k) {
    case SymKind::Local: {
      uint16_t r = fs_->regs[name];
      if (r < fs_->assigned.size() && !fs_->assigned[r]) emit(Op::CHECKBOUND, r, const_str(name));
      emit(Op::LOADUNDEF, r);
      if (r < fs_->assigned.size()) fs_->assigned[r] = 0;
      return;
    }
    case SymKind::Cell:
    case SymKind::Free: emit(Op::DEL_DEREF, fs_->regs[name], 0, const_str(name)); return;
    default: emit_abx(Op::DEL_GLOBAL, 0, new_cache(name)); return;
  }
  (void)at;
}

// ------------------------------------------------------------------ expressions
uint32_t Compiler::expr_any(const ast::Expr* e) {
  if (e->is<ast::Name>()) {
    int r = local_reg_direct(e->as<ast::Name>()->id);
    if (r >= 0) return static_cast<uint32_t>(r);
  }
  uint32_t t = alloc_temp();
  expr(e, t);
  return t;
}

void Compiler::expr(const ast::Expr* e, uint32_t target) {
  if (failed_) return;
  PosGuard pg(*this, e);
  uint32_t m = mark();
  switch (e->kind) {
    case ast::NodeKind::Constant: emit_load_const(target, e->as<ast::Constant>()); break;
    case ast::NodeKind::Name: load_name(e->as<ast::Name>()->id, target, e); break;
    case ast::NodeKind::BinOp: {
      const auto* b = e->as<ast::BinOp>();
      Op op = binop_opcode(b->op);
      uint32_t lhs = expr_any(b->left);
      if ((op == Op::ADD || op == Op::SUB || op == Op::MUL) && numeric_const(b->right)) {
        const auto* c = b->right->as<ast::Constant>();
        uint32_t k = c->ckind == ast::ConstKind::Int ? const_int(c->i64) : const_float(c->f64);
        if (k <= 0xFFFF) {
          set_pos(e);
          emit(op == Op::ADD ? Op::ADDK : op == Op::SUB ? Op::SUBK : Op::MULK, target, lhs, k);
          break;
        }
      }
      uint32_t rhs = expr_any(b->right);
      set_pos(e);
      emit(op, target, lhs, rhs);
      break;
    }
    case ast::NodeKind::UnaryOp: {
      const auto* u = e->as<ast::UnaryOp>();
      if (u->op == ast::UnaryOpKind::USub && numeric_const(u->operand)) {
        const auto* c = u->operand->as<ast::Constant>();
        if (c->ckind == ast::ConstKind::Float) {
          emit_abx(Op::LOADK, target, const_float(-c->f64));
          break;
        }
        if (c->i64 != INT64_MIN) {
          ast::Constant neg;
          neg.ckind = ast::ConstKind::Int;
          neg.i64 = -c->i64;
          emit_load_const(target, &neg);
          break;
        }
      }
      uint32_t v = expr_any(u->operand);
      set_pos(e);
      Op op = u->op == ast::UnaryOpKind::USub   ? Op::NEG
              : u->op == ast::UnaryOpKind::UAdd ? Op::POS
              : u->op == ast::UnaryOpKind::Not  ? Op::NOT
                                                : Op::INVERT;
      emit(op, target, v);
      break;
    }
    case ast::NodeKind::BoolOp: boolop(e->as<ast::BoolOp>(), target); break;
    case ast::NodeKind::Compare: compare(e->as<ast::Compare>(), target); break;
    case ast::NodeKind::IfExp: {
      const auto* x = e->as<ast::IfExp>();
      std::vector<size_t> to_else;
      branch(x->test, false, to_else);
      expr(x->body, target);
      size_t to_end = emit_jump(Op::JMP);
      for (size_t j : to_else) patch_here(j);
      expr(x->orelse, target);
      patch_here(to_end);
      break;
    }
    case ast::NodeKind::Call: call(e->as<ast::Call>(), target); break;
    case ast::NodeKind::Attribute: {
      const auto* a = e->as<ast::Attribute>();
      uint32_t obj = expr_any(a->value);
      set_pos(e);
      emit(Op::LOAD_ATTR, target, obj, new_cache(a->attr));
      break;
    }
    case ast::NodeKind::Subscript: {
      const auto* s = e->as<ast::Subscript>();
      uint32_t obj = expr_any(s->value);
      uint32_t key;
      if (s->slice->is<ast::Slice>() || s->slice->is<ast::Tuple>()) {
        key = alloc_temp();
        subscript_key(s->slice, key);
      } else {
        key = expr_any(s->slice);
      }
      set_pos(e);
      emit(Op::GETITEM, target, obj, key);
      break;
    }
    case ast::NodeKind::List: display(e->as<ast::List>()->elts, Op::BUILD_LIST, target, false); break;
    case ast::NodeKind::Tuple: display(e->as<ast::Tuple>()->elts, Op::BUILD_TUPLE, target, true); break;
    case ast::NodeKind::Set: display(e->as<ast::Set>()->elts, Op::BUILD_SET, target, false); break;
    case ast::NodeKind::Dict: dict_display(e->as<ast::Dict>(), target); break;
    case ast::NodeKind::ListComp:
    case ast::NodeKind::SetComp:
    case ast::NodeKind::DictComp:
    case ast::NodeKind::GeneratorExp: comprehension(e, target); break;
    case ast::NodeKind::Lambda: lambda(e->as<ast::Lambda>(), target); break;
    case ast::NodeKind::JoinedStr: joined_str(e->as<ast::JoinedStr>(), target); break;
    case ast::NodeKind::FormattedValue: {
      ast::JoinedStr js;
      js.values.push_back(const_cast<ast::Expr*>(e));
      joined_str(&js, target);
      break;
    }
    case ast::NodeKind::NamedExpr: {
      const auto* n = e->as<ast::NamedExpr>();
      expr(n->value, target);
      store_name(n->target->as<ast::Name>()->id, target);
      // a walrus may sit in a short-circuited branch: never count it as definite
      if (!n->target->is<ast::Name>()) break;
      if (auto it = fs_->regs.find(n->target->as<ast::Name>()->id);
          it != fs_->regs.end() && it->second < fs_->assigned.size() &&
          resolve(n->target->as<ast::Name>()->id) == SymKind::Local)
        fs_->assigned[it->second] = 0;
      break;
    }
    case ast::NodeKind::Yield: {
      const auto* y = e->as<ast::Yield>();
      uint32_t v;
      if (y->value) {
        v = expr_any(y->value);
      } else {
        v = alloc_temp();
        emit(Op::LOADNONE, v);
      }
      set_pos(e);
      emit(Op::YIELD, target, v);
      break;
    }
    case ast::NodeKind::YieldFrom: {
      const auto* y = e->as<ast::YieldFrom>();
      uint32_t src = expr_any(y->value);
      uint32_t it = alloc_temp();
      set_pos(e);
      emit(Op::GETITER, it, src);
      emit(Op::LOADNONE, target);  // the first value sent to the sub-iterator
      emit(Op::YIELD_FROM, target, it);
      break;
    }
    case ast::NodeKind::Await: error(e, "'await' is not supported by pyjitvm (async code)"); break;
    case ast::NodeKind::Starred: error(e, "can't use starred expression here"); break;
    case ast::NodeKind::Slice: error(e, "invalid slice expression"); break;
    default: error(e, std::string("unsupported expression: ") + ast::node_kind_name(e->kind)); break;
  }
  free_to(m);
}

void Compiler::subscript_key(const ast::Expr* slice, uint32_t target) {
  if (slice->is<ast::Slice>()) {
    const auto* s = slice->as<ast::Slice>();
    uint32_t m = mark();
    uint32_t first = alloc_temps(s->step ? 3 : 2);
    const ast::Expr* parts[3] = {s->lower, s->upper, s->step};
    for (int i = 0; i < (s->step ? 3 : 2); ++i) {
      if (parts[i])
        expr(parts[i], first + i);
      else
        emit(Op::LOADNONE, first + i);
    }
    emit(Op::BUILD_SLICE, target, first, s->step ? 3 : 2);
    free_to(m);
    return;
  }
  if (slice->is<ast::Tuple>()) {
    const auto& elts = slice->as<ast::Tuple>()->elts;
    uint32_t m = mark();
    uint32_t first = alloc_temps(static_cast<uint32_t>(elts.size()));
    for (size_t i = 0; i < elts.size(); ++i) {
      if (elts[i]->is<ast::Slice>())
        subscript_key(elts[i], first + static_cast<uint32_t>(i));
      else if (elts[i]->is<ast::Starred>()) {
        free_to(m);
        display(elts, Op::BUILD_TUPLE, target, true);
        return;
      } else
        expr(elts[i], first + static_cast<uint32_t>(i));
    }
    emit(Op::BUILD_TUPLE, target, first, static_cast<uint32_t>(elts.size()));
    free_to(m);
    return;
  }
  expr(slice, target);
}

void Compiler::boolop(const ast::BoolOp* b, uint32_t target) {
  std::vector<size_t> ends;
  for (size_t i = 0; i < b->values.size(); ++i) {
    expr(b->values[i], target);
    if (i + 1 < b->values.size())
      ends.push_back(emit_jump(b->op == ast::BoolOpKind::And ? Op::JIFNOT : Op::JIF, target));
  }
  for (size_t j : ends) patch_here(j);
}

void Compiler::compare(const ast::Compare* c, uint32_t target) {
  uint32_t m = mark();
  uint32_t lhs = expr_any(c->left);
  std::vector<size_t> ends;
  for (size_t i = 0; i < c->ops.size(); ++i) {
    bool last = i + 1 == c->ops.size();
    uint32_t rhs;
    if (last) {
      rhs = expr_any(c->comparators[i]);
    } else {
      rhs = alloc_temp();
      expr(c->comparators[i], rhs);
    }
    set_pos(c);
    emit(cmp_opcode(c->ops[i]), target, lhs, rhs);
    if (!last) ends.push_back(emit_jump(Op::JIFNOT, target));
    lhs = rhs;
  }
  for (size_t j : ends) patch_here(j);
  free_to(m);
}

bool Compiler::constant_truth(const ast::Expr* e, bool& value) const {
  if (!e->is<ast::Constant>()) return false;
  const auto* c = e->as<ast::Constant>();
  switch (c->ckind) {
    case ast::ConstKind::True: value = true; return true;
    case ast::ConstKind::False:
    case ast::ConstKind::None: value = false; return true;
    case ast::ConstKind::Int: value = !c->int_fits || c->i64 != 0; return true;
    case ast::ConstKind::Str: value = !c->text.empty(); return true;
    default: return false;
  }
}

void Compiler::branch(const ast::Expr* e, bool jump_if, std::vector<size_t>& jumps) {
  if (failed_) return;
  PosGuard pg(*this, e);
  bool cv;
  if (constant_truth(e, cv)) {
    if (cv == jump_if) jumps.push_back(emit_jump(Op::JMP));
    return;
  }
  if (e->is<ast::UnaryOp>() && e->as<ast::UnaryOp>()->op == ast::UnaryOpKind::Not) {
    branch(e->as<ast::UnaryOp>()->operand, !jump_if, jumps);
    return;
  }
  if (e->is<ast::BoolOp>()) {
    const auto* b = e->as<ast::BoolOp>();
    bool is_and = b->op == ast::BoolOpKind::And;
    // and + jump-if-false / or + jump-if-true: any operand decides
    if (is_and != jump_if) {
      for (const ast::Expr* v : b->values) branch(v, jump_if, jumps);
      return;
    }
    std::vector<size_t> local;
    for (size_t i = 0; i + 1 < b->values.size(); ++i) branch(b->values[i], !jump_if, local);
    branch(b->values.back(), jump_if, jumps);
    for (size_t j : local) patch_here(j);
    return;
  }
  uint32_t m = mark();
  if (e->is<ast::Compare>() && e->as<ast::Compare>()->ops.size() == 1 &&
      branch_opcode(e->as<ast::Compare>()->ops[0]) != Op::NOP) {
    const auto* c = e->as<ast::Compare>();
    uint32_t a = expr_any(c->left);
    uint32_t b = expr_any(c->comparators[0]);
    set_pos(e);
    Op op = branch_opcode(c->ops[0]);
    if (!jump_if) {
      jumps.push_back(emit_short_jump(op, a, b));
    } else {
      size_t skip = emit_short_jump(op, a, b);
      jumps.push_back(emit_jump(Op::JMP));
      patch_here(skip);
    }
    free_to(m);
    return;
  }
  uint32_t r = expr_any(e);
  set_pos(e);
  jumps.push_back(emit_jump(jump_if ? Op::JIF : Op::JIFNOT, r));
  free_to(m);
}

// ------------------------------------------------------------------ displays
bool Compiler::constant_value(const ast::Expr* e, Value& out) {
  if (e->is<ast::UnaryOp>() && e->as<ast::UnaryOp>()->op == ast::UnaryOpKind::USub) {
    const ast::Expr* o = e->as<ast::UnaryOp>()->operand;
    if (!o->is<ast::Constant>()) return false;
    const auto* c = o->as<ast::Constant>();
    if (c->ckind == ast::ConstKind::Float) {
      out = Value::from_float(-c->f64);
      return true;
    }
    if (c->ckind == ast::ConstKind::Int && c->int_fits && c->i64 != INT64_MIN) {
      out = Value::from_int(-c->i64);
      return true;
    }
    return false;
  }
  if (!e->is<ast::Constant>()) return false;
  const auto* c = e->as<ast::Constant>();
  switch (c->ckind) {
    case ast::ConstKind::None: out = Value::none(); return true;
    case ast::ConstKind::True: out = Value::from_bool(true); return true;
    case ast::ConstKind::False: out = Value::from_bool(false); return true;
    case ast::ConstKind::Ellipsis: out = vm_.ellipsis(); return true;
    case ast::ConstKind::Int:
      if (!c->int_fits) return false;
      out = Value::from_int(c->i64);
      return true;
    case ast::ConstKind::Float: out = Value::from_float(c->f64); return true;
    case ast::ConstKind::Str: out = Value::from_obj(vm_.intern(c->text)); return true;
    default: return false;
  }
}

void Compiler::display(const ast::ExprList& elts, Op build, uint32_t target, bool to_tuple) {
  bool starred = std::any_of(elts.begin(), elts.end(), [](const ast::Expr* x) { return x->is<ast::Starred>(); });
  uint32_t m = mark();
  // A set display of three or more constants: CPython folds it into a frozenset
  // constant that is rebuilt once from its own iteration order (code constant
  // merging), then copied into a new set. The element order must match.
  if (!starred && build == Op::BUILD_SET && elts.size() > 2) {
    std::vector<Value> vals(elts.size());
    bool all_const = true;
    for (size_t i = 0; i < elts.size() && all_const; ++i) all_const = constant_value(elts[i], vals[i]);
    if (all_const) {
      Set* first = vm_.new_set(vm_.types().frozenset);
      VM::TempRoot r1(vm_, first);
      for (const Value& v : vals)
        if (!set_add(vm_, first, v)) {
          vm_.clear_pending();
          all_const = false;
          break;
        }
      if (all_const) {
        Set* merged = vm_.new_set(vm_.types().frozenset);
        VM::TempRoot r2(vm_, merged);
        size_t pos = 0;
        SetEntry* e;
        while (set_next(first, pos, e)) (void)set_add(vm_, merged, e->key);
        emit(Op::BUILD_SET, target, 0, 0);
        uint32_t k = alloc_temp();
        emit_abx(Op::LOADK, k, const_value(Value::from_obj(merged)));
        emit(Op::SET_UPDATE, target, k);
        free_to(m);
        return;
      }
    }
  }
  if (!starred) {
    // a tuple of constants is itself a constant
    if (build == Op::BUILD_TUPLE && !elts.empty() &&
        std::all_of(elts.begin(), elts.end(), [](const ast::Expr* x) {
          if (!x->is<ast::Constant>()) return false;
          auto k = x->as<ast::Constant>()->ckind;
          return k != ast::ConstKind::Bytes && k != ast::ConstKind::Imag &&
                 (k != ast::ConstKind::Int || x->as<ast::Constant>()->int_fits);
        })) {
      Tuple* t = vm_.new_tuple(elts.size());
      for (size_t i = 0; i < elts.size(); ++i) {
        const auto* c = elts[i]->as<ast::Constant>();
        Value v;
        switch (c->ckind) {
          case ast::ConstKind::None: v = Value::none(); break;
          case ast::ConstKind::True: v = Value::from_bool(true); break;
          case ast::ConstKind::False: v = Value::from_bool(false); break;
          case ast::ConstKind::Ellipsis: v = vm_.ellipsis(); break;
          case ast::ConstKind::Int: v = Value::from_int(c->i64); break;
          case ast::ConstKind::Float: v = Value::from_float(c->f64); break;
          default: v = Value::from_obj(vm_.intern(c->text)); break;
        }
        (*t)[i] = v;
      }
      emit_abx(Op::LOADK, target, const_value(Value::from_obj(t)));
      return;
    }
    uint32_t first = alloc_temps(static_cast<uint32_t>(elts.size()));
    for (size_t i = 0; i < elts.size(); ++i) expr(elts[i], first + static_cast<uint32_t>(i));
    emit(build, target, first, static_cast<uint32_t>(elts.size()));
    free_to(m);
    return;
  }
  bool is_set = build == Op::BUILD_SET;
  uint32_t acc = alloc_temp();
  emit(is_set ? Op::BUILD_SET : Op::BUILD_LIST, acc, 0, 0);
  for (const ast::Expr* x : elts) {
    uint32_t mm = mark();
    if (x->is<ast::Starred>()) {
      uint32_t v = expr_any(x->as<ast::Starred>()->value);
      set_pos(x);
      emit(is_set ? Op::SET_UPDATE : Op::LIST_EXTEND, acc, v);
    } else {
      uint32_t v = expr_any(x);
      emit(is_set ? Op::SET_ADD : Op::LIST_APPEND, acc, v);
    }
    free_to(mm);
  }
  if (to_tuple)
    emit(Op::LIST_TO_TUPLE, target, acc);
  else if (target != acc)
    emit(Op::MOVE, target, acc);
  free_to(m);
}

void Compiler::dict_display(const ast::Dict* d, uint32_t target) {
  uint32_t m = mark();
  bool has_unpack = std::any_of(d->keys.begin(), d->keys.end(), [](const ast::Expr* k) { return !k; });
  if (!has_unpack && d->keys.size() < 0x7FFF) {
    uint32_t first = alloc_temps(static_cast<uint32_t>(2 * d->keys.size()));
    for (size_t i = 0; i < d->keys.size(); ++i) {
      expr(d->keys[i], first + 2 * static_cast<uint32_t>(i));
      expr(d->values[i], first + 2 * static_cast<uint32_t>(i) + 1);
    }
    set_pos(d);
    emit(Op::BUILD_DICT, target, first, static_cast<uint32_t>(d->keys.size()));
    free_to(m);
    return;
  }
  uint32_t acc = alloc_temp();
  emit(Op::BUILD_DICT, acc, 0, 0);
  for (size_t i = 0; i < d->keys.size(); ++i) {
    uint32_t mm = mark();
    if (!d->keys[i]) {
      uint32_t v = expr_any(d->values[i]);
      set_pos(d->values[i]);
      emit(Op::DICT_UPDATE, acc, v);
    } else {
      uint32_t k = expr_any(d->keys[i]);
      uint32_t v = expr_any(d->values[i]);
      emit(Op::DICT_SET, acc, k, v);
    }
    free_to(mm);
  }
  if (target != acc) emit(Op::MOVE, target, acc);
  free_to(m);
}

void Compiler::joined_str(const ast::JoinedStr* js, uint32_t target) {
  uint32_t m = mark();
  if (js->values.empty()) {
    emit_abx(Op::LOADK, target, const_str(""));
    return;
  }
  if (js->values.size() == 1 && js->values[0]->is<ast::Constant>()) {
    emit_load_const(target, js->values[0]->as<ast::Constant>());
    return;
  }
  uint32_t first = alloc_temps(static_cast<uint32_t>(js->values.size()));
  for (size_t i = 0; i < js->values.size(); ++i) {
    const ast::Expr* part = js->values[i];
    uint32_t dst = first + static_cast<uint32_t>(i);
    if (part->is<ast::FormattedValue>()) {
      const auto* fv = part->as<ast::FormattedValue>();
      uint32_t mm = mark();
      uint32_t v = expr_any(fv->value);
      uint32_t spec = 0xFFFF;
      if (fv->format_spec) {
        spec = alloc_temp();
        expr(fv->format_spec, spec);
      }
      set_pos(fv->value);
      emit(Op::FORMAT, dst, v, spec, static_cast<uint8_t>(fv->conversion < 0 ? 0 : fv->conversion));
      free_to(mm);
    } else {
      expr(part, dst);
    }
  }
  if (js->values.size() == 1)
    emit(Op::MOVE, target, first);
  else
    emit(Op::BUILD_STRING, target, first, static_cast<uint32_t>(js->values.size()));
  free_to(m);
}

// ------------------------------------------------------------------ calls
void Compiler::call(const ast::Call* c, uint32_t target) {
  uint32_t m = mark();
  bool has_star = std::any_of(c->args.begin(), c->args.end(), [](const ast::Expr* a) { return a->is<ast::Starred>(); });
  bool has_dstar = std::any_of(c->keywords.begin(), c->keywords.end(), [](const ast::Keyword* k) { return k->arg.empty(); });
  // zero-argument super() inside a method: super(__class__, <first argument>)
  if (c->func->is<ast::Name>() && c->func->as<ast::Name>()->id == "super" && c->args.empty() &&
      c->keywords.empty() && !fs_->class_body && !fs_->module &&
      fs_->regs.count("__class__") && !fs_->first_param.empty()) {
    uint32_t a = alloc_temps(3);
    load_name("super", a, c->func);
    load_name("__class__", a + 1, c);
    load_name(fs_->first_param, a + 2, c);
    set_pos(c);
    emit(Op::CALL, a, 2, 0);
    if (target != a) emit(Op::MOVE, target, a);
    free_to(m);
    return;
  }
  if (has_star || has_dstar) {
    uint32_t a = alloc_temps(3);
    expr(c->func, a);
    // positional arguments → tuple in a+1
    {
      uint32_t mm = mark();
      uint32_t acc = alloc_temp();
      emit(Op::BUILD_LIST, acc, 0, 0);
      for (const ast::Expr* x : c->args) {
        uint32_t m2 = mark();
        if (x->is<ast::Starred>()) {
          uint32_t v = expr_any(x->as<ast::Starred>()->value);
          set_pos(x);
          emit(Op::LIST_EXTEND, acc, v, a, 1);  // call context: errors name the callee
        } else {
          uint32_t v = expr_any(x);
          emit(Op::LIST_APPEND, acc, v);
        }
        free_to(m2);
      }
      emit(Op::LIST_TO_TUPLE, a + 1, acc);
      free_to(mm);
    }
    bool has_kw = !c->keywords.empty();
    if (has_kw) {
      uint32_t mm = mark();
      emit(Op::BUILD_DICT, a + 2, 0, 0);
      for (const ast::Keyword* k : c->keywords) {
        uint32_t m2 = mark();
        if (k->arg.empty()) {
          uint32_t v = expr_any(k->value);
          set_pos(k->value);
          emit(Op::DICT_UPDATE, a + 2, v, a, 1);
        } else {
          uint32_t key = alloc_temp();
          emit_abx(Op::LOADK, key, const_str(k->arg));
          uint32_t v = expr_any(k->value);
          emit(Op::DICT_SET, a + 2, key, v);
        }
        free_to(m2);
      }
      free_to(mm);
    }
    set_pos(c);
    emit(Op::CALLEX, a, has_kw ? 1 : 0);
    if (target != a) emit(Op::MOVE, target, a);
    free_to(m);
    return;
  }
  uint32_t nargs = static_cast<uint32_t>(c->args.size() + c->keywords.size());
  bool method = c->func->is<ast::Attribute>();
  uint32_t a = alloc_temp();
  uint32_t first_arg;
  if (method) {
    const auto* attr = c->func->as<ast::Attribute>();
    alloc_temp();  // self slot
    uint32_t mm = mark();
    uint32_t obj = expr_any(attr->value);
    set_pos(attr);
    emit(Op::LOAD_METHOD, a, obj, new_cache(attr->attr));
    free_to(mm);
    first_arg = a + 2;
  } else {
    expr(c->func, a);
    first_arg = a + 1;
  }
  for (const ast::Expr* x : c->args) {
    uint32_t r = alloc_temp();
    expr(x, r);
  }
  uint32_t kw = 0;
  if (!c->keywords.empty()) {
    Tuple* names = vm_.new_tuple(c->keywords.size());
    for (size_t i = 0; i < c->keywords.size(); ++i) {
      (*names)[i] = Value::from_obj(vm_.intern(c->keywords[i]->arg));
      for (size_t j = 0; j < i; ++j)
        if (c->keywords[j]->arg == c->keywords[i]->arg) {
          error(c->keywords[i], "keyword argument repeated: " + c->keywords[i]->arg);
          return;
        }
      uint32_t r = alloc_temp();
      expr(c->keywords[i]->value, r);
    }
    kw = const_value(Value::from_obj(names)) + 1;
    if (kw > 0xFFFF) {
      error(c, "too many constants in function");
      return;
    }
  }
  (void)first_arg;
  set_pos(c);
  emit(method ? Op::CALLM : Op::CALL, a, nargs, kw);
  if (target != a) emit(Op::MOVE, target, a);
  free_to(m);
}

// ------------------------------------------------------------------ functions
void Compiler::lambda(const ast::Lambda* l, uint32_t target) {
  uint32_t m = mark();
  uint32_t a = alloc_temps(3);
  const ast::Arguments* args = l->args;
  if (!args->defaults.empty()) {
    uint32_t first = alloc_temps(static_cast<uint32_t>(args->defaults.size()));
    for (size_t i = 0; i < args->defaults.size(); ++i) expr(args->defaults[i], first + static_cast<uint32_t>(i));
    emit(Op::BUILD_TUPLE, a, first, static_cast<uint32_t>(args->defaults.size()));
  } else {
    emit(Op::LOADNONE, a);
  }
  uint32_t nkwd = 0;
  for (const ast::Expr* d : args->kw_defaults) nkwd += d != nullptr;
  if (nkwd) {
    uint32_t first = alloc_temps(2 * nkwd);
    uint32_t k = 0;
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (!args->kw_defaults[i]) continue;
      emit_abx(Op::LOADK, first + 2 * k, const_str(args->kwonlyargs[i]->name));
      expr(args->kw_defaults[i], first + 2 * k + 1);
      ++k;
    }
    emit(Op::BUILD_DICT, a + 1, first, nkwd);
  } else {
    emit(Op::LOADNONE, a + 1);
  }
  Proto* child = compile_function(l->scope, "<lambda>", child_qualname("<lambda>"), args,
                                  nullptr, l->body, l);
  if (failed_) return;
  set_pos(l);
  emit_closure_and_make(child, l->scope, a);
  if (target != a) emit(Op::MOVE, target, a);
  free_to(m);
}

void Compiler::comprehension(const ast::Expr* e, uint32_t target) {
  const std::vector<ast::Comprehension*>* gens = nullptr;
  Scope* scope = nullptr;
  const char* name = "<listcomp>";
  switch (e->kind) {
    case ast::NodeKind::ListComp:
      gens = &e->as<ast::ListComp>()->generators;
      scope = e->as<ast::ListComp>()->scope;
      break;
    case ast::NodeKind::SetComp:
      gens = &e->as<ast::SetComp>()->generators;
      scope = e->as<ast::SetComp>()->scope;
      name = "<setcomp>";
      break;
    case ast::NodeKind::DictComp:
      gens = &e->as<ast::DictComp>()->generators;
      scope = e->as<ast::DictComp>()->scope;
      name = "<dictcomp>";
      break;
    default:
      gens = &e->as<ast::GeneratorExp>()->generators;
      scope = e->as<ast::GeneratorExp>()->scope;
      name = "<genexpr>";
      break;
  }
  if (fs_->scope != scope) {
    // In the enclosing function: make the function, call it with iter(first iterable).
    uint32_t m = mark();
    uint32_t a = alloc_temps(3);
    emit(Op::LOADNONE, a);
    emit(Op::LOADNONE, a + 1);
    Proto* child = compile_function(scope, name, child_qualname(name), nullptr, nullptr, nullptr, e);
    if (failed_) return;
    set_pos(e);
    emit_closure_and_make(child, scope, a);
    uint32_t src = expr_any((*gens)[0]->iter);
    set_pos(e);
    emit(Op::GETITER, a + 1, src);
    emit(Op::CALL, a, 1, 0);
    if (target != a) emit(Op::MOVE, target, a);
    free_to(m);
    return;
  }
  // Inside the comprehension function: build the loop nest.
  bool is_gen = e->kind == ast::NodeKind::GeneratorExp;
  uint32_t result = 0;
  if (!is_gen) {
    result = alloc_temp();
    if (e->kind == ast::NodeKind::ListComp) emit(Op::BUILD_LIST, result, 0, 0);
    else if (e->kind == ast::NodeKind::SetComp) emit(Op::BUILD_SET, result, 0, 0);
    else emit(Op::BUILD_DICT, result, 0, 0);
  }
  struct Level {
    size_t top;
    size_t exit_jump;
    std::vector<size_t> skips;  // `if` clauses failing: continue with the next item
  };
  std::vector<Level> levels;
  for (size_t gi = 0; gi < gens->size(); ++gi) {
    const ast::Comprehension* g = (*gens)[gi];
    if (g->is_async) {
      error(g, "asynchronous comprehensions are not supported by pyjitvm");
      return;
    }
    uint32_t it;
    if (gi == 0) {
      it = fs_->regs[".0"];
    } else {
      uint32_t src = expr_any(g->iter);
      it = alloc_temp();
      set_pos(g->iter);
      emit(Op::GETITER, it, src);
    }
    uint32_t tgt;
    bool direct = g->target->is<ast::Name>() && local_reg(g->target->as<ast::Name>()->id) >= 0;
    if (direct)
      tgt = fs_->regs[g->target->as<ast::Name>()->id];
    else
      tgt = alloc_temp();
    size_t top = here();
    set_pos(g);
    size_t exit_jump = emit_short_jump(Op::FORITER, it, tgt);
    if (direct)
      da_mark(tgt);
    else
      assign_to(g->target, tgt);
    levels.push_back({top, exit_jump, {}});
    // A failing `if` jumps forward to the level's back-edge JMP (which polls for
    // interrupts), never straight back to the loop head.
    for (const ast::Expr* cond : g->ifs) branch(cond, false, levels.back().skips);
  }
  uint32_t m = mark();
  set_pos(e);
  switch (e->kind) {
    case ast::NodeKind::ListComp: emit(Op::LIST_APPEND, result, expr_any(e->as<ast::ListComp>()->elt)); break;
    case ast::NodeKind::SetComp: emit(Op::SET_ADD, result, expr_any(e->as<ast::SetComp>()->elt)); break;
    case ast::NodeKind::DictComp: {
      uint32_t k = expr_any(e->as<ast::DictComp>()->key);
      uint32_t v = expr_any(e->as<ast::DictComp>()->value);
      set_pos(e);
      emit(Op::DICT_SET, result, k, v);
      break;
    }
    default: {
      uint32_t v = expr_any(e->as<ast::GeneratorExp>()->elt);
      uint32_t sent = alloc_temp();
      set_pos(e);
      emit(Op::YIELD, sent, v);
      break;
    }
  }
  free_to(m);
  for (size_t i = levels.size(); i > 0; --i) {
    for (size_t j : levels[i - 1].skips) patch_here(j);
    emit_jump_to(Op::JMP, 0, levels[i - 1].top);
    patch_here(levels[i - 1].exit_jump);
  }
  if (is_gen)
    emit(Op::RETURN_NONE, 0);
  else
    emit(Op::RETURN, result);
  fs_->dead = true;
  (void)target;
}

}  // namespace pyjitvm::vm

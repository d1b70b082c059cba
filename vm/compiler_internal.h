// vm/compiler_internal.h — the compiler's private state, shared by compiler.cpp
// (functions, registers, constants, blocks), compiler_expr.cpp and compiler_stmt.cpp.
//
// Stage: ast + scopes → FuncState per function/lambda/comprehension/class body →
// Proto.
//
// Invariants:
//   I1  Temporaries are allocated stack-like: alloc_temp() returns next_reg and
//       free_to(mark) releases everything above a mark, so the registers after a
//       call's callee slot are always the top of the frame (call layout, opcodes.def
//       I2).
//   I2  `assigned` (definite assignment) is a conservative under-approximation: a
//       local is marked only when every path to this point assigns it. `dead` means
//       the current point is unreachable (after return/raise/break/continue); merging
//       ignores dead states.
//   I3  Every protected region (try body, with body) records its pc ranges in its
//       ExcBlock; code emitted inline for a `finally`/`with` exit on a return/break/
//       continue path is excluded from the regions being exited (suspend/resume).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/ast.h"
#include "vm/bytecode.h"
#include "vm/compiler.h"
#include "vm/scope.h"
#include "vm/vm.h"

namespace pyjitvm::vm {

struct ExcBlock {
  enum Kind { kTryExcept, kTryFinally, kWith, kHandler, kLoop } kind;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;  // protected [start, end)
  int64_t open_start = -1;                            // start of the open range
  uint32_t handler_pc = 0;
  uint16_t reg = 0;            // exception register (protected kinds)
  uint16_t depth = 0;          // handled-exception depth to restore at the handler
  const ast::StmtList* finalbody = nullptr;  // kTryFinally
  uint16_t exit_reg = 0;                     // kWith: the bound __exit__
  // kLoop
  std::vector<size_t> break_jumps;
  uint32_t continue_target = 0;
  bool continue_known = false;
  std::vector<size_t> continue_jumps;
  // A for loop over `f(...)`: the iterator register, closed (ITER_CLOSE) when a break
  // or return leaves the loop early; -1 otherwise.
  int32_t iter_reg = -1;
};

struct FuncState {
  FuncState* parent = nullptr;
  Scope* scope = nullptr;
  Proto* proto = nullptr;
  std::string qualname;
  bool class_body = false;
  bool module = false;
  // registers
  std::unordered_map<std::string, uint16_t> regs;  // locals, cells, frees → register
  uint32_t nlocals = 0;
  uint32_t next_reg = 0;
  uint32_t max_reg = 0;
  // constants
  std::map<std::pair<int, std::string>, uint32_t> const_index;
  // definite assignment over registers [0, nlocals)
  std::vector<uint8_t> assigned;
  bool dead = false;
  // exception/loop blocks, innermost last
  std::vector<ExcBlock> blocks;
  uint16_t exc_depth = 0;  // number of active except-handler bodies (PUSH_EXC depth)
  // source position for emitted instructions
  SourcePos pos;
  // first positional parameter name (for zero-argument super())
  std::string first_param;
};

class Compiler {
 public:
  Compiler(VM& vm, std::shared_ptr<ast::Arena> arena, SyntaxErrorInfo& err)
      : vm_(vm), arena_(std::move(arena)), err_(err) {}

  Proto* compile(ast::Module* module);
  Proto* compile_variant(const Proto* original, uint32_t extra_flags);

  // ---- errors (compile stops at the first)
  bool error(const ast::Node* at, const std::string& msg);
  bool failed_ = false;
  uint32_t variant_flags_ = 0;  // set on every Proto compiled (compile_variant)
  // kProtoCudaBarrierYield (compiler.h): barrier statements of the outermost function
  // become yields; barrier_yielded_ records that one was emitted.
  bool barrier_yield_ = false;
  bool barrier_yielded_ = false;
  bool barrier_stmt(const ast::Expr* value);

  // ---- functions (compiler.cpp)
  Proto* compile_function(Scope* scope, const std::string& name, const std::string& qualname,
                          const ast::Arguments* args, const ast::StmtList* body,
                          const ast::Expr* lambda_body, const ast::Node* node);
  Proto* compile_class_body(Scope* scope, const ast::ClassDef* cls, const std::string& qualname);
  void begin_function(FuncState& fs, Scope* scope, const std::string& name,
                      const std::string& qualname, const ast::Node* node);
  void end_function(FuncState& fs);
  std::string child_qualname(const std::string& name) const;
  // emits MAKE_FUNCTION for `child` into `target` (defaults/kwdefaults already in
  // target+0 / target+1 or None)
  void emit_closure_and_make(Proto* child, Scope* child_scope, uint32_t target);

  // ---- registers and constants
  uint32_t alloc_temp();
  uint32_t alloc_temps(uint32_t n);
  void free_to(uint32_t mark) { fs_->next_reg = mark; }
  uint32_t mark() const { return fs_->next_reg; }
  uint32_t add_const(Value v, int kind_tag, const std::string& key);
  uint32_t const_str(std::string_view s);
  uint32_t const_int(int64_t v);
  uint32_t const_float(double d);
  uint32_t const_value(Value v);  // tuples, big ints, protos: never de-duplicated
  uint32_t new_cache(std::string_view name);

  // ---- emission
  size_t emit(Op op, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0, uint8_t x = 0);
  size_t emit_abx(Op op, uint32_t a, uint32_t bx);
  size_t emit_jump(Op op, uint32_t a = 0);        // JMP/JIF/JIFNOT (sBx), patched later
  size_t emit_short_jump(Op op, uint32_t a, uint32_t b, uint8_t xtop = 0);  // ABsC
  void patch_jump(size_t at, size_t target);
  void patch_here(size_t at) { patch_jump(at, here()); }
  void emit_jump_to(Op op, uint32_t a, size_t target);
  size_t here() const { return fs_->proto->code.size(); }
  void emit_load_const(uint32_t reg, const ast::Constant* c);

  // ---- blocks (exception handling, loops)
  void push_block(ExcBlock b);
  void close_block_range(ExcBlock& b);
  void open_block_range(ExcBlock& b);
  ExcBlock pop_block();  // closes ranges, does not register handlers
  void add_handlers(const ExcBlock& b);
  // Emits the exits (finally bodies, with-exits, except depth) for leaving blocks down
  // to (not including) index `stop`, then calls `emit_exit`, then resumes regions.
  template <class F> void unwind_blocks(size_t stop, F&& emit_exit);
  int innermost_loop() const;

  // ---- names (compiler_expr.cpp)
  void load_name(const std::string& name, uint32_t target, const ast::Node* at);
  // If `name` is a local register that needs no check, returns it; else -1.
  int local_reg_direct(const std::string& name);
  // The register of a plain (non-cell) local of a function, or -1.
  int local_reg(const std::string& name);
  void store_name(const std::string& name, uint32_t src);
  void delete_name(const std::string& name, const ast::Node* at);
  SymKind resolve(const std::string& name) const;

  // ---- expressions (compiler_expr.cpp)
  void expr(const ast::Expr* e, uint32_t target);
  uint32_t expr_any(const ast::Expr* e);  // result register (may be a local)
  void call(const ast::Call* c, uint32_t target);
  void comprehension(const ast::Expr* e, uint32_t target);
  void joined_str(const ast::JoinedStr* e, uint32_t target);
  void display(const ast::ExprList& elts, Op build, uint32_t target, bool to_tuple);
  void dict_display(const ast::Dict* d, uint32_t target);
  void compare(const ast::Compare* c, uint32_t target);
  void boolop(const ast::BoolOp* b, uint32_t target);
  void lambda(const ast::Lambda* l, uint32_t target);
  void subscript_key(const ast::Expr* slice, uint32_t target);
  // Branching on a condition: appends to `jumps` the jumps taken when `e` is falsy
  // (jump_if=false) or truthy (jump_if=true); falls through otherwise.
  void branch(const ast::Expr* e, bool jump_if, std::vector<size_t>& jumps);
  bool constant_truth(const ast::Expr* e, bool& value) const;
  // The value of a constant expression (literals, -number), or false.
  bool constant_value(const ast::Expr* e, Value& out);

  // ---- statements (compiler_stmt.cpp)
  void stmts(const ast::StmtList& body);
  void stmt(const ast::Stmt* s);
  void assign_to(const ast::Expr* target, uint32_t src);
  void assign(const ast::Assign* a);
  void aug_assign(const ast::AugAssign* a);
  void del(const ast::Expr* target);
  void if_stmt(const ast::If* s);
  void while_stmt(const ast::While* s);
  void for_stmt(const ast::For* s);
  void try_stmt(const ast::Try* s);
  void try_except(const ast::Try* s);
  void with_stmt(const ast::With* s, size_t item);
  void function_def(const ast::FunctionDef* f);
  void class_def(const ast::ClassDef* c);
  void return_stmt(const ast::Return* r);
  void raise_stmt(const ast::Raise* r);
  void import_stmt(const ast::Import* s);
  void import_from(const ast::ImportFrom* s);
  void assert_stmt(const ast::Assert* s);
  void break_continue(const ast::Stmt* s, bool is_break);
  void apply_decorators(const ast::ExprList& decorators, uint32_t base, uint32_t value);

  // ---- definite assignment
  std::vector<uint8_t> da_save() const { return fs_->assigned; }
  void da_restore(const std::vector<uint8_t>& s) { fs_->assigned = s; }
  // state := intersection of states (ignoring dead ones)
  void da_merge(const std::vector<std::pair<std::vector<uint8_t>, bool>>& states);
  void da_mark(uint32_t reg) {
    if (reg < fs_->assigned.size()) fs_->assigned[reg] = 1;
  }

  // ---- positions
  struct PosGuard {
    PosGuard(Compiler& c, const ast::Node* n) : c_(c), saved_(c.fs_->pos) {
      if (n && n->span.line) {
        c.fs_->pos.line = n->span.line;
        c.fs_->pos.end_line = n->span.end_line;
        c.fs_->pos.col = static_cast<uint16_t>(n->span.col);
        c.fs_->pos.end_col = static_cast<uint16_t>(n->span.end_col);
      }
    }
    ~PosGuard() { c_.fs_->pos = saved_; }
    Compiler& c_;
    SourcePos saved_;
  };
  void set_pos(const ast::Node* n) {
    if (n && n->span.line) {
      fs_->pos = SourcePos{n->span.line, n->span.end_line, static_cast<uint16_t>(n->span.col),
                           static_cast<uint16_t>(n->span.end_col)};
    }
  }

  VM& vm_;
  std::shared_ptr<ast::Arena> arena_;
  SyntaxErrorInfo& err_;
  FuncState* fs_ = nullptr;
  Str* filename_ = nullptr;
  bool interactive_ = false;  // REPL: echo module-level expression statements
};

template <class F>
void Compiler::unwind_blocks(size_t stop, F&& emit_exit) {
  FuncState& fs = *fs_;
  std::vector<size_t> suspended;
  uint16_t depth_target = fs.exc_depth;
  for (size_t i = fs.blocks.size(); i > stop; --i) {
    ExcBlock& b = fs.blocks[i - 1];
    if (b.kind == ExcBlock::kHandler) depth_target = b.depth;
    if (b.kind == ExcBlock::kLoop && b.iter_reg >= 0 && i - 1 >= stop)
      emit(Op::ITER_CLOSE, static_cast<uint32_t>(b.iter_reg));
    if (b.kind == ExcBlock::kTryExcept || b.kind == ExcBlock::kTryFinally ||
        b.kind == ExcBlock::kWith) {
      close_block_range(b);
      suspended.push_back(i - 1);
    }
    if (b.kind == ExcBlock::kTryFinally || b.kind == ExcBlock::kWith) {
      // Emit the exit code with only the blocks outside this one visible.
      std::vector<ExcBlock> inner(fs.blocks.begin() + (i - 1), fs.blocks.end());
      fs.blocks.resize(i - 1);
      uint16_t saved_depth = fs.exc_depth;
      if (b.kind == ExcBlock::kTryFinally) {
        const ast::StmtList* body = inner.front().finalbody;
        bool was_dead = fs.dead;
        stmts(*body);
        fs.dead = was_dead;
      } else {
        uint32_t m = mark();
        uint32_t t = alloc_temp();
        emit(Op::WITH_EXIT, inner.front().exit_reg, 0, t, 0);
        free_to(m);
      }
      fs.exc_depth = saved_depth;
      for (ExcBlock& e : inner) fs.blocks.push_back(std::move(e));
    }
  }
  if (depth_target != fs.exc_depth) emit(Op::POP_EXC, depth_target);
  emit_exit();
  for (size_t idx : suspended) open_block_range(fs.blocks[idx]);
}

}  // namespace pyjitvm::vm

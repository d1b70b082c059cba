// stdlib/numba/parallel_diag.cpp — dispatcher.parallel_diagnostics(level=1..4): Numba
// 0.56's "Parallel Accelerator Optimizing" report, rebuilt from the function's AST.
//
// Stage: dispatcher.cpp's method calls parallel_diagnostics_report() once per compiled
// signature. The prange loops of the source (for ... in prange(...)) are the parfors:
// numbered from a per-VM counter in post-order (inner loops first, as Numba creates
// them), fused when they are adjacent siblings over the same range expression, and
// prange loops nested in another prange loop are serialised into the outer one.
//
// Invariants:
//   I1  Text is produced with Numba's layout rules: 80 columns, str.center() padding
//       and textwrap.wrap(width=80, drop_whitespace=False) for wrapped lines; the file
//       is shown as an absolute path (CPython's co_filename of a script).
//   I2  Only the parts that follow from which loops are prange loops are reproduced;
//       parfors Numba makes from array expressions and the level-4 IR dumps are not.
//   I3  Loop ids of one (dispatcher, signature) are assigned once, on the first
//       report, and kept in NumbaState::extra.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "stdlib/numba/numba_internal.h"
#include "stdlib/stdlib.h"
#include "vm/ast.h"
#include "vm/dict_object.h"
#include "vm/ops.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;

namespace {

constexpr size_t kWidth = 80;

struct Loop {
  const ast::For* node = nullptr;
  int id = 0;
  int parent = -1;          // index of the enclosing prange loop
  std::vector<int> nested;  // prange loops directly inside (serialised)
  std::vector<int> fused;   // loops fused into this one
  int fused_into = -1;
};

std::string center(const std::string& s, size_t width, char fill) {
  if (s.size() >= width) return s;
  size_t pad = width - s.size();
  size_t left = pad / 2 + (pad & width & 1);  // CPython's str.center
  return std::string(left, fill) + s + std::string(pad - left, fill);
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }

// textwrap's chunks: whitespace runs, and words split after inner hyphens.
std::vector<std::string> chunks_of(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    bool ws = s[i] == ' ';
    while (j < s.size() && (s[j] == ' ') == ws) ++j;
    if (ws) {
      out.push_back(s.substr(i, j - i));
    } else {
      size_t start = i;
      for (size_t k = i; k < j; ++k) {
        bool cut = s[k] == '-' && k >= start + 2 && is_letter(s[k - 1]) && is_letter(s[k - 2]) &&
                   k + 2 < j + 1 && k + 1 < j && is_letter(s[k + 1]) &&
                   ((k + 2 < j && is_letter(s[k + 2])) ||
                    (k + 3 < j && s[k + 2] == '-' && is_letter(s[k + 3])));
        if (cut) {
          out.push_back(s.substr(start, k + 1 - start));
          start = k + 1;
        }
      }
      out.push_back(s.substr(start, j - start));
    }
    i = j;
  }
  return out;
}

// textwrap.TextWrapper(width=80, drop_whitespace=False).wrap(line)
std::vector<std::string> wrap(const std::string& line) {
  std::vector<std::string> chunks = chunks_of(line), lines;
  std::reverse(chunks.begin(), chunks.end());
  while (!chunks.empty()) {
    std::string cur;
    while (!chunks.empty() && cur.size() + chunks.back().size() <= kWidth) {
      cur += chunks.back();
      chunks.pop_back();
    }
    if (!chunks.empty() && chunks.back().size() > kWidth) {
      std::string& c = chunks.back();
      size_t space = kWidth > cur.size() ? kWidth - cur.size() : 1;
      size_t end = space;
      size_t h = c.rfind('-', space - 1);
      if (h != std::string::npos && h > 0 && h < space && c.find_first_not_of('-') < h) end = h + 1;
      cur += c.substr(0, end);
      c = c.substr(end);
    }
    if (!cur.empty()) lines.push_back(cur);
  }
  return lines;
}

// Numba's print_wrapped(): every line of `text`, wrapped.
void wrapped(std::string& out, const std::string& text) {
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    if (j == text.size() && i == j && i != 0) break;  // splitlines(): no empty last line
    for (const std::string& l : wrap(text.substr(i, j - i))) out += l + "\n";
    i = j + 1;
  }
}

bool is_prange(const ast::Expr* e) {
  if (!e || !e->is<ast::Call>()) return false;
  const ast::Expr* f = e->as<ast::Call>()->func;
  if (f->is<ast::Name>()) return f->as<ast::Name>()->id == "prange";
  return f->is<ast::Attribute>() && f->as<ast::Attribute>()->attr == "prange";
}

struct Finder {
  const std::string* src;
  std::vector<Loop> loops;

  std::string text(const ast::Node* n) const {
    // the source text of a one-line expression (the range of a prange loop)
    size_t pos = 0;
    for (uint32_t l = 1; l < n->span.line && pos != std::string::npos; ++l)
      pos = src->find('\n', pos) + 1;
    if (n->span.end_line != n->span.line) return std::to_string(reinterpret_cast<uintptr_t>(n));
    return src->substr(pos + n->span.col, n->span.end_col - n->span.col);
  }

  void walk(const ast::StmtList& body, int parent) {
    int prev = -1;  // the previous statement, if it was a prange loop of this list
    for (const ast::Stmt* s : body) {
      int mine = -1;
      if (s->is<ast::For>() && is_prange(s->as<ast::For>()->iter)) {
        const ast::For* f = s->as<ast::For>();
        loops.push_back(Loop{f, 0, parent, {}, {}, -1});
        mine = static_cast<int>(loops.size()) - 1;
        if (parent >= 0) loops[parent].nested.push_back(mine);
        walk(f->body, mine);
        if (prev >= 0 && loops[mine].nested.empty() &&
            text(f->iter) == text(loops[prev].node->iter)) {
          int root = loops[prev].fused_into >= 0 ? loops[prev].fused_into : prev;
          loops[root].fused.push_back(mine);
          loops[mine].fused_into = root;
          if (parent >= 0) loops[parent].nested.pop_back();
        }
      } else {
        children(s, parent);
      }
      prev = mine;
    }
  }

  void children(const ast::Stmt* s, int parent) {
    switch (s->kind) {
      case ast::NodeKind::For:
        walk(s->as<ast::For>()->body, parent);
        walk(s->as<ast::For>()->orelse, parent);
        break;
      case ast::NodeKind::While:
        walk(s->as<ast::While>()->body, parent);
        break;
      case ast::NodeKind::If:
        walk(s->as<ast::If>()->body, parent);
        walk(s->as<ast::If>()->orelse, parent);
        break;
      default:
        break;
    }
  }
};

// Post-order numbering (I3): a loop's nested loops get their ids before it.
void number(std::vector<Loop>& loops, int base) {
  std::vector<int> order;
  std::vector<bool> done(loops.size());
  auto visit = [&](auto&& self, int k) -> void {
    for (size_t c = 0; c < loops.size(); ++c)
      if (loops[c].parent == k && !done[c]) self(self, static_cast<int>(c));
    done[k] = true;
    order.push_back(k);
  };
  for (size_t k = 0; k < loops.size(); ++k)
    if (loops[k].parent < 0) visit(visit, static_cast<int>(k));
  for (size_t i = 0; i < order.size(); ++i) loops[order[i]].id = base + static_cast<int>(i);
}

std::string ids(const std::vector<Loop>& loops, const std::vector<int>& ks, const char* sep,
                const char* pre) {
  std::string s;
  for (size_t i = 0; i < ks.size(); ++i)
    s += (i ? sep : "") + std::string(pre) + std::to_string(loops[ks[i]].id);
  return s;
}

void listing(std::string& out, const std::vector<Loop>& loops,
             const std::vector<std::string>& lines, uint32_t first, const std::string& purpose) {
  if (loops.empty() || lines.empty()) {
    out += "No source available\n";
    return;
  }
  size_t src_width = 0;
  for (const std::string& l : lines) src_width = std::max(src_width, l.size());
  std::vector<std::vector<int>> at(lines.size());
  for (size_t k = 0; k < loops.size(); ++k) {
    size_t row = loops[k].node->span.line - first;
    if (row < at.size()) at[row].push_back(static_cast<int>(k));
  }
  size_t per_line = 1;
  for (const auto& a : at) per_line = std::max(per_line, a.size());
  size_t width = src_width + 1 + per_line * (std::to_string(loops.size()).size() + 2);
  out +=
      "\n\nParallel loop listing for " + purpose + "\n" + std::string(width, '-') + "|loop #ID\n";
  for (size_t r = 0; r < lines.size(); ++r) {
    std::sort(at[r].begin(), at[r].end(), [&](int a, int b) { return loops[a].id < loops[b].id; });
    std::string tag = at[r].empty() ? "" : "#" + ids(loops, at[r], ", ", "");
    std::string l = std::string(width, at[r].empty() ? ' ' : '-') + "| " + tag;
    out += lines[r] + l.substr(std::min(lines[r].size(), l.size())) + "\n";
  }
}

// The "Before/After Optimisation" region listings and the summary.
void regions(std::string& out, const std::vector<Loop>& loops, bool after) {
  int region = 0;
  std::string summary;
  for (size_t k = 0; k < loops.size(); ++k) {
    const Loop& L = loops[k];
    if (L.parent >= 0 || L.fused_into >= 0 || (L.fused.empty() && L.nested.empty())) continue;
    out += "Parallel region " + std::to_string(region) + ":\n";
    std::string line = "+--" + std::to_string(L.id) + " (parallel";
    if (after && !L.fused.empty()) line += ", fused with loop(s): " + ids(loops, L.fused, ", ", "");
    out += line + ")\n";
    if (!after)
      for (int f : L.fused) out += "+--" + std::to_string(loops[f].id) + " (parallel)\n";
    int serial = 0;
    auto nest = [&](auto&& self, const Loop& p, int depth) -> void {
      for (int c : p.nested) {
        out += std::string(3 * depth, ' ') + "+--" + std::to_string(loops[c].id) +
               (after ? " (serial)\n" : " (parallel)\n");
        ++serial;
        self(self, loops[c], depth + 1);
      }
    };
    nest(nest, L, 1);
    out += "\n\n";
    std::string msg = "\n \nParallel region " + std::to_string(region) + " (loop #" +
                      std::to_string(L.id) + ") had " + std::to_string(L.fused.size()) +
                      " loop(s) fused";
    if (serial)
      msg += " and " + std::to_string(serial) +
             " loop(s) serialized as part of the larger parallel loop (#" + std::to_string(L.id) +
             ").";
    else
      msg += ".";
    summary += msg + "\n";
    ++region;
  }
  if (after) {
    if (region)
      wrapped(out, summary);
    else
      out += "Parallel structure is already optimal.\n";
  }
}

void fusion_section(std::string& out, const std::vector<Loop>& loops, int level) {
  out += center(" Fusing loops ", kWidth, '-') + "\n";
  out += "Attempting fusion of parallel loops (combines loops with similar properties)...\n";
  if (level != 3) return;
  bool any = false;
  for (const Loop& L : loops) any = any || !L.fused.empty();
  if (any) {
    out += " \nFused loop summary:\n";
    for (const Loop& L : loops) {
      if (L.fused.empty()) continue;
      out += "+--" + std::to_string(L.id) + " has the following loops fused into it:\n";
      for (int f : L.fused) out += "   +--" + std::to_string(loops[f].id) + " (fused)\n";
    }
  }
  std::vector<int> left;  // the loops that remain, outer loops first, in source order
  auto add = [&](auto&& self, int k) -> void {
    left.push_back(k);
    for (int c : loops[k].nested) self(self, c);
  };
  for (size_t k = 0; k < loops.size(); ++k)
    if (loops[k].parent < 0 && loops[k].fused_into < 0) add(add, static_cast<int>(k));
  wrapped(out, "Following the attempted fusion of parallel for-loops there are " +
                   std::to_string(left.size()) +
                   " parallel for-loop(s) (originating from loops labelled: " +
                   ids(loops, left, ", ", "#") + ").");
  out += std::string(kWidth, '-') + "\n";
  bool nested = false;
  for (const Loop& L : loops) nested = nested || (L.parent < 0 && !L.nested.empty());
  if (!nested) return;
  out += center(" Optimising loop nests ", kWidth, '-') + "\n";
  out += "Attempting loop nest rewrites (optimising for the largest parallel loops)...\n \n";
  for (const Loop& L : loops) {
    if (L.parent >= 0 || L.nested.empty()) continue;
    out += "+--" + std::to_string(L.id) + " is a parallel loop\n";
    auto nest = [&](auto&& self, const Loop& p, int depth) -> void {
      for (int c : p.nested) {
        out += std::string(3 * depth, ' ') + "+--" + std::to_string(loops[c].id) +
               " --> rewritten as a serial loop\n";
        self(self, loops[c], depth + 1);
      }
    };
    nest(nest, L, 1);
  }
  out += std::string(kWidth, '-') + "\n";
}

// Base loop id for (key) from the per-VM counter (I3).
int loop_base(VM& vm, Value key, size_t count) {
  NumbaState& st = numba_state(vm);
  Value have;
  if (dict_get(vm, st.extra, key, have) > 0 && have.is_int())
    return static_cast<int>(have.as_int());
  vm.clear_pending();
  Value next = dict_get_str(st.extra, vm.intern("parfor_next_id"));
  int base = next.is_int() ? static_cast<int>(next.as_int()) : 0;
  dict_set_str(vm.heap(), st.extra, vm.intern("parfor_next_id"),
               Value::from_int(base + static_cast<int64_t>(count)));
  if (!dict_set(vm, st.extra, key, Value::from_int(base))) vm.clear_pending();
  return base;
}

}  // namespace

bool parallel_diagnostics_report(VM& vm, Function* f, Value key, int level, std::string& out) {
  const Proto* p = f->proto;
  if (!p->node || !p->arena || !p->node->is<ast::FunctionDef>()) return true;
  const ast::FunctionDef* fd = p->node->as<ast::FunctionDef>();
  Finder finder{&p->arena->source, {}};
  finder.walk(fd->body, -1);
  std::vector<Loop>& loops = finder.loops;
  number(loops, loop_base(vm, key, loops.size()));
  uint32_t first =
      fd->decorator_list.empty() ? fd->span.line : fd->decorator_list.front()->span.line;
  // the decorator's '@' is on its line: decorators start the listing (inspect.getsource)
  std::vector<std::string> lines;
  {
    const std::string& src = p->arena->source;
    size_t pos = 0;
    for (uint32_t l = 1; pos <= src.size(); ++l) {
      size_t e = src.find('\n', pos);
      if (e == std::string::npos) e = src.size();
      if (l >= first && l <= fd->span.end_line) lines.push_back(src.substr(pos, e - pos));
      if (e == src.size()) break;
      pos = e + 1;
    }
  }
  std::string file(p->filename->view());
  char cwd[4096];
  if (!file.empty() && file[0] != '/' && file[0] != '<' && getcwd(cwd, sizeof cwd))
    file = std::string(cwd) + "/" + file;
  std::string purpose = " Function " + std::string(f->qualname->view()) + ", " + file + " (" +
                        std::to_string(first) + ") ";
  wrapped(out, "\n ");
  out += std::string(kWidth, '=') + "\n";
  wrapped(out, center(" Parallel Accelerator Optimizing: " + purpose + " ", kWidth, '='));
  out += std::string(kWidth, '=') + "\n";
  listing(out, loops, lines, first, purpose);
  if (level >= 3) fusion_section(out, loops, level);
  if (level >= 2) {
    out += center(" Before Optimisation ", kWidth, '-') + "\n";
    regions(out, loops, false);
    out += std::string(kWidth, '-') + "\n";
  }
  out += center(" After Optimisation ", kWidth, '-') + "\n";
  regions(out, loops, true);
  out += std::string(kWidth, '-') + "\n";
  out += std::string(kWidth, '-') + "\n \n";
  if (level >= 3) {
    out += center("Loop invariant code motion", kWidth, '-') + "\n";
    out += "Allocation hoisting:\nNo allocation hoisting found\n";
  }
  if (level == 4) out += "\nInstruction hoisting:\n";
  return true;
}

// Writes through sys.stdout, so that a replaced sys.stdout captures the report.
bool print_report(VM& vm, const std::string& text) {
  Value so = sys_stdout(vm);
  if (so.is_undef() || so.is_none()) {
    vm.write_stdout(text);
    return true;
  }
  return !failed(vm.call_method(so, vm.names().write, {vm.str(text)}));
}

}  // namespace pyjitvm::stdlib::nb

// vm/errors.cpp — traceback recording and CPython-format exception reports.
//
// Stage: interpreter unwinder → add_traceback()/chain_exception_context(); top level
// (tools/, embedding) → format_exception()/report_uncaught().
//
// Invariants: errors.h I1–I2. Caret lines follow CPython 3.11's traceback printer:
// carets are shown only when the failing instruction's span does not cover the whole
// (stripped) source line; a binary operation or subscript gets `~` under its operands
// and `^` under the operator / brackets.
#include "vm/errors.h"

#include <string>
#include <vector>

#include "vm/ast.h"
#include "vm/ops.h"
#include "vm/parser.h"

namespace pyjitvm::vm {

namespace {

Traceback* traceback_of(VM& vm, ExceptionObj* e) {
  if (e->traceback.is_obj() && e->traceback.as_obj()->type == vm.types().traceback)
    return static_cast<Traceback*>(e->traceback.as_obj());
  Traceback* tb = vm.heap().make<Traceback>(vm.types().traceback, Kind::Other, 0);
  e->traceback = Value::from_obj(tb);
  return tb;
}

bool is_exception(const Value& v) { return v.is_obj() && v.as_obj()->kind == Kind::Exception; }

}  // namespace

void add_traceback(VM& vm, Value exc, const Frame& frame, uint32_t pc) {
  if (!is_exception(exc)) return;
  Traceback* tb = traceback_of(vm, as_exception(exc));
  if (!tb->entries.empty() && tb->entries.back().frame_serial == frame.serial) return;
  tb->entries.push_back(TracebackEntry{frame.proto, pc, frame.serial});
}

void chain_exception_context(VM& vm) {
  Value exc = vm.pending();
  if (!is_exception(exc)) return;
  auto& handled = vm.handled_exceptions();
  if (handled.empty()) return;
  Value ctx = handled.back();
  ExceptionObj* e = as_exception(exc);
  if (ctx.identical(exc) || !e->context.is_none()) return;
  // Avoid cycles: ctx must not already chain to exc.
  for (Value c = ctx; is_exception(c); c = as_exception(c)->context)
    if (c.identical(exc)) return;
  e->context = ctx;
}

void convert_stop_iteration(VM& vm) {
  Value stop = vm.take_pending();
  vm.raise(vm.exc().RuntimeError, "generator raised StopIteration");
  ExceptionObj* e = as_exception(vm.pending());
  e->cause = stop;
  e->context = stop;
  e->suppress_context = true;
}

// ------------------------------------------------------------------ formatting
std::string source_line(const Proto* p, uint32_t line) {
  if (!p || !p->arena || line == 0) return "";
  // like CPython's linecache: pseudo-files (<string>, <stdin>) have no source lines
  if (!p->arena->filename.empty() && p->arena->filename[0] == '<') return "";
  const std::string& src = p->arena->source;
  size_t pos = 0;
  for (uint32_t l = 1; l < line; ++l) {
    pos = src.find('\n', pos);
    if (pos == std::string::npos) return "";
    ++pos;
  }
  size_t end = src.find('\n', pos);
  std::string s = src.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

namespace {

size_t char_offset(const std::string& s, size_t byte_offset) {
  if (byte_offset > s.size()) byte_offset = s.size();
  return utf8_length(std::string_view(s).substr(0, byte_offset));
}

struct Anchors {
  size_t left = 0, right = 0;  // character offsets within the segment
};

// CPython's _extract_caret_anchors_from_line_segment().
bool caret_anchors(const std::string& segment, Anchors& out) {
  ParseResult pr;
  SyntaxErrorInfo err;
  if (!parse_module(segment, "<segment>", pr, err, false)) return false;
  if (pr.module->body.size() != 1 || !pr.module->body[0]->is<ast::ExprStmt>()) return false;
  const ast::Expr* e = pr.module->body[0]->as<ast::ExprStmt>()->value;
  if (e->is<ast::BinOp>()) {
    const auto* b = e->as<ast::BinOp>();
    size_t op_start = b->left->span.end_col;
    size_t op_end = b->right->span.col;
    if (b->left->span.end_line != 1 || b->right->span.line != 1 || op_end < op_start) return false;
    std::string op = segment.substr(op_start, op_end - op_start);
    size_t lead = op.find_first_not_of(" \t\f\\\n");
    if (lead == std::string::npos) lead = 0;
    size_t left = op_start + lead;
    size_t right = left + 1;
    if (lead + 1 < op.size() && !isspace(static_cast<unsigned char>(op[lead + 1]))) ++right;
    while (left < segment.size() && (isspace(static_cast<unsigned char>(segment[left])) ||
                                     segment[left] == ')' || segment[left] == '#')) {
      ++left;
      ++right;
    }
    out.left = char_offset(segment, left);
    out.right = char_offset(segment, right);
    return true;
  }
  if (e->is<ast::Subscript>()) {
    const auto* s = e->as<ast::Subscript>();
    if (s->value->span.end_line != 1 || s->slice->span.end_line != 1) return false;
    size_t left = s->value->span.end_col;
    size_t right = s->slice->span.end_col + 1;
    while (left < segment.size() && segment[left] != '[') ++left;
    while (right < segment.size() && segment[right] != ']') ++right;
    if (right < segment.size()) ++right;
    out.left = char_offset(segment, left);
    out.right = char_offset(segment, right);
    return true;
  }
  return false;
}

void format_frame(std::string& out, const TracebackEntry& te) {
  const Proto* p = te.proto;
  SourcePos pos = te.pc < p->positions.size() ? p->positions[te.pc] : SourcePos{p->first_line};
  out += "  File \"";
  out += p->filename ? p->filename->data() : "<unknown>";
  out += "\", line " + std::to_string(pos.line) + ", in ";
  out += p->name ? p->name->data() : "?";
  out += "\n";
  std::string line = source_line(p, pos.line);
  if (line.empty()) return;
  size_t first = line.find_first_not_of(" \t\f");
  if (first == std::string::npos) return;
  size_t last = line.find_last_not_of(" \t\f\r\n");
  std::string stripped = line.substr(first, last - first + 1);
  out += "    " + stripped + "\n";
  if (pos.end_line == 0 || (pos.end_col == 0 && pos.col == 0)) return;
  size_t stripped_chars = char_offset(line, first);
  size_t start = char_offset(line, pos.col) + 1;
  size_t end;
  Anchors anchors;
  bool have_anchors = false;
  if (pos.line == pos.end_line) {
    end = char_offset(line, pos.end_col) + 1;
    if (pos.end_col > pos.col)
      have_anchors = caret_anchors(line.substr(pos.col, pos.end_col - pos.col), anchors);
  } else {
    end = stripped_chars + utf8_length(stripped) + 1;
  }
  size_t stripped_len = utf8_length(stripped);
  if (end < start) return;
  if (end - start < stripped_len || (have_anchors && anchors.right > anchors.left)) {
    out += "    ";
    out += std::string(start - 1 >= stripped_chars ? start - 1 - stripped_chars : 0, ' ');
    if (have_anchors) {
      out += std::string(anchors.left, '~');
      out += std::string(anchors.right - anchors.left, '^');
      size_t width = end - start;
      if (width > anchors.right) out += std::string(width - anchors.right, '~');
    } else {
      out += std::string(end - start, '^');
    }
    out += "\n";
  }
}

std::string type_display_name(VM& vm, Type* t) {
  // CPython prints the class's __qualname__ (NumPy renames private exception classes
  // through __name__ only, and tracebacks still show their real qualname).
  std::string name = t->name->data();
  if (t->dict) {
    Value q = dict_get_str(t->dict, vm.intern("__qualname__"));
    if (is_kind(q, Kind::Str)) name = as_str(q)->data();
  }
  if (t->module_name) {
    std::string_view mod = t->module_name->view();
    if (mod != "builtins" && mod != "__main__") name = std::string(mod) + "." + name;
  }
  return name;
}

void format_one(VM& vm, Value exc, std::string& out) {
  ExceptionObj* e = as_exception(exc);
  if (e->traceback.is_obj() && e->traceback.as_obj()->type == vm.types().traceback) {
    auto* tb = static_cast<Traceback*>(e->traceback.as_obj());
    if (!tb->entries.empty()) {
      out += "Traceback (most recent call last):\n";
      // Like CPython: at most the last 1000 entries; more than 3 identical frames in a
      // row collapse into "[Previous line repeated N more times]".
      constexpr int kCutoff = 3;
      size_t n = tb->entries.size();
      size_t first = n > 1000 ? n - 1000 : 0;
      const Proto* last_proto = nullptr;
      uint32_t last_line = 0;
      int count = 0;
      auto flush = [&] {
        if (count > kCutoff) {
          int more = count - kCutoff;
          out += "  [Previous line repeated " + std::to_string(more) + " more time" +
                 (more > 1 ? "s" : "") + "]\n";
        }
      };
      for (size_t k = n - first; k > 0; --k) {
        const TracebackEntry& te = tb->entries[first + k - 1];
        uint32_t line = te.pc < te.proto->positions.size() ? te.proto->positions[te.pc].line : 0;
        bool same = last_proto && last_proto->filename == te.proto->filename &&
                    last_proto->name == te.proto->name && last_line == line;
        if (!same) {
          flush();
          last_proto = te.proto;
          last_line = line;
          count = 0;
        }
        if (++count > kCutoff) continue;
        format_frame(out, te);
      }
      flush();
    }
  }
  Type* t = exc.as_obj()->type;
  if (t->is_subtype_of(vm.exc().SyntaxError)) {
    // SyntaxError objects made by make_syntax_error() keep the details in args[1].
    Tuple* args = as_tuple(e->args);
    if (args->len == 2 && is_kind((*args)[1], Kind::Tuple)) {
      Tuple* d = as_tuple((*args)[1]);
      if (d->len >= 4 && is_kind((*d)[0], Kind::Str) && (*d)[1].is_int()) {
        SyntaxErrorInfo info;
        info.filename = std::string(as_str((*d)[0])->view());
        info.line = static_cast<int>((*d)[1].as_int());
        info.offset = (*d)[2].is_int() ? static_cast<int>((*d)[2].as_int()) : 0;
        info.text = is_kind((*d)[3], Kind::Str) ? std::string(as_str((*d)[3])->view()) : "";
        while (!info.text.empty() && (info.text.back() == '\n' || info.text.back() == '\r'))
          info.text.pop_back();
        if (d->len >= 6 && (*d)[5].is_int()) info.end_offset = static_cast<int>((*d)[5].as_int());
        info.end_line = info.line;
        if (is_kind((*args)[0], Kind::Str)) info.msg = std::string(as_str((*args)[0])->view());
        std::string formatted = format_syntax_error(info);
        // format_syntax_error ends with "SyntaxError: msg"; use the real class name.
        size_t last = formatted.rfind('\n', formatted.size() - 2);
        out += formatted.substr(0, last == std::string::npos ? 0 : last + 1);
        out += type_display_name(vm, t) + ": " + info.msg + "\n";
        return;
      }
    }
  }
  out += exception_summary(vm, exc) + "\n";
}

void format_chain(VM& vm, Value exc, std::string& out, int depth) {
  ExceptionObj* e = as_exception(exc);
  if (depth < 50) {
    if (is_exception(e->cause)) {
      format_chain(vm, e->cause, out, depth + 1);
      out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (is_exception(e->context) && !e->suppress_context) {
      format_chain(vm, e->context, out, depth + 1);
      out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
  }
  format_one(vm, exc, out);
}

}  // namespace

std::string exception_summary(VM& vm, Value exc) {
  Type* t = vm.type_of(exc);
  std::string out = type_display_name(vm, t);
  if (t->is_subtype_of(vm.exc().SyntaxError) && is_exception(exc)) {
    // the report's last line shows the bare message, not str(e)
    Tuple* args = as_tuple(as_exception(exc)->args);
    if (args->len >= 1 && is_kind((*args)[0], Kind::Str)) {
      out += ": ";
      out += as_str((*args)[0])->view();
      return out;
    }
  }
  Value s = to_str(vm, exc);
  if (failed(s)) {
    vm.clear_pending();
    return out + ": <exception str() failed>";
  }
  if (as_str(s)->nbytes) {
    out += ": ";
    out += as_str(s)->view();
  }
  return out;
}

std::string format_exception(VM& vm, Value exc) {
  std::string out;
  if (!is_exception(exc)) return "<not an exception>\n";
  format_chain(vm, exc, out, 0);
  return out;
}

int report_uncaught(VM& vm, Value exc) {
  if (is_exception(exc) && vm.type_of(exc)->is_subtype_of(vm.exc().SystemExit)) {
    Tuple* args = as_tuple(as_exception(exc)->args);
    Value code = args->len == 0 ? Value::none() : args->len == 1 ? (*args)[0] : Value::from_obj(args);
    if (code.is_none()) return 0;
    if (code.is_int()) return static_cast<int>(code.as_int() & 0xFF);
    if (code.is_bool()) return code.as_bool();
    std::string text;
    if (!str_append(vm, code, text)) vm.clear_pending();
    vm.write_stderr(text + "\n");
    return 1;
  }
  vm.write_stderr(format_exception(vm, exc));
  return 1;
}

Value make_syntax_error(VM& vm, const SyntaxErrorInfo& info) {
  Type* t = info.kind == SyntaxErrorKind::Tab           ? vm.exc().TabError
            : info.kind == SyntaxErrorKind::Indentation ? vm.exc().IndentationError
                                                        : vm.exc().SyntaxError;
  Value msg = vm.str(info.msg);
  // CPython's SyntaxError.text keeps the line's newline
  std::string text = info.text;
  if (!text.empty() && text.back() != '\n') text += "\n";
  Tuple* details = vm.tuple_of({vm.str(info.filename), Value::from_int(info.line),
                                Value::from_int(info.offset), vm.str(text),
                                Value::from_int(info.end_line),
                                Value::from_int(info.end_offset)});
  VM::TempRoot r1(vm, msg);
  VM::TempRoot r2(vm, Value::from_obj(details));
  return vm.new_exception_args(t, vm.tuple_of({msg, Value::from_obj(details)}));
}

}  // namespace pyjitvm::vm

// vm/parser_fstring.cpp — string literals: prefixes, escapes, implicit concatenation and
// f-strings (CPython 3.11 semantics).
//
// Stage: STRING tokens → ast::Constant (str / bytes) or ast::JoinedStr.
//
// As in CPython 3.11, an f-string token is split here, not in the lexer: literal text
// (with "{{" / "}}" and escapes), and `{expr!conv:spec}` fields. Each field's
// expression text is parsed by a sub-parser over "(" + text + ")" whose nodes are
// shifted to their real source position (`SourceShift`); its errors carry the
// "f-string: " prefix and quote "(text)", which is what CPython 3.11 prints.
// `{expr=}` becomes Constant("expr=") + FormattedValue(conversion 'r' unless a
// conversion or a format spec is given).
//
// Invariants:
//   I1  Adjacent literal pieces (across tokens too) merge into one Constant; empty
//       ones are dropped — `flush_literal()`.
//   I2  Constant and FormattedValue parts of a JoinedStr carry the span of the whole
//       string group, except that a format spec's JoinedStr and its trailing text span
//       the token holding them (CPython 3.11's positions) — `fstring_field()`,
//       `parse_fstring()`.
//   I3  Errors found while scanning strings are reported at the token after the last
//       STRING token, as CPython does (it decodes in the `strings` rule's action).
#include <string>

#include "vm/parser_internal.h"

namespace pyjitvm::vm {

using ast::Span;

struct FStringState {
  std::string literal;  // pending literal text, not yet a Constant
  Span whole;           // span of the whole string group (unshifted)
  const Token* first = nullptr;
};

namespace {

struct Prefix {
  bool raw = false, bytes = false, fstr = false, u = false;
  size_t len = 0;  // prefix letters
};

Prefix read_prefix(std::string_view tok_text) {
  Prefix p;
  while (p.len < tok_text.size() && tok_text[p.len] != '\'' && tok_text[p.len] != '"') {
    char c = static_cast<char>(tok_text[p.len] | 0x20);
    p.raw |= c == 'r';
    p.bytes |= c == 'b';
    p.fstr |= c == 'f';
    p.u |= c == 'u';
    ++p.len;
  }
  return p;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool is_py_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Position of byte `i` of `body` in CPython's escaped copy of the body, where every
// non-ASCII character became a 10-character "\UXXXXXXXX" escape.
size_t escaped_position(std::string_view body, size_t i) {
  size_t pos = 0;
  for (size_t k = 0; k < i; ++k) {
    auto c = static_cast<unsigned char>(body[k]);
    if (c < 0x80) {
      ++pos;
    } else if ((c & 0xC0) != 0x80) {
      pos += 10;
    }
  }
  return pos;
}

}  // namespace

// Decodes the escapes of one literal body. `error` receives CPython's message.
bool Parser::decode_string_body(std::string_view body, bool raw, bool bytes,
                                std::string& out, std::string& error) {
  auto unicode_error = [&](size_t start, size_t end, const char* what) {
    error = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
            std::to_string(escaped_position(body, start)) + "-" +
            std::to_string(escaped_position(body, end)) + ": " + what;
    return false;
  };
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (bytes && (static_cast<unsigned char>(c) & 0x80)) {
      error = "bytes can only contain ASCII literal characters";
      return false;
    }
    if (c != '\\' || raw || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    size_t start = i;
    char e = body[++i];
    switch (e) {
      case '\n': break;
      case '\\': case '\'': case '"': out += e; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' &&
                        body[i + 1] <= '7'; ++k) {
          v = v * 8 + (body[++i] - '0');
        }
        if (bytes) {
          out += static_cast<char>(v & 0xFF);
        } else {
          append_utf8(out, static_cast<uint32_t>(v));
        }
        break;
      }
      case 'x': case 'u': case 'U': {
        if (bytes && e != 'x') {  // \u and \U mean nothing in bytes
          out += '\\';
          out += e;
          break;
        }
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int k = 0; k < n; ++k) {
          int h = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
          if (h < 0) {
            if (bytes) {
              error = "(value error) invalid \\x escape at position " + std::to_string(start);
              return false;
            }
            const char* what = e == 'x'   ? "truncated \\xXX escape"
                               : e == 'u' ? "truncated \\uXXXX escape"
                                          : "truncated \\UXXXXXXXX escape";
            return unicode_error(start, i, what);
          }
          v = v * 16 + static_cast<uint32_t>(h);
          ++i;
        }
        if (bytes) {
          out += static_cast<char>(v);
        } else if (v > 0x10FFFF) {
          return unicode_error(start, i, "illegal Unicode character");
        } else {
          append_utf8(out, v);
        }
        break;
      }
      case 'N':
        if (!bytes) {
          size_t end = body.find('}', i);
          if (end == std::string_view::npos || i + 1 >= body.size() || body[i + 1] != '{') {
            return unicode_error(start, i, "malformed \\N character escape");
          }
          error = "(unicode error) \\N{...} escapes are not supported by pyjitvm";
          return false;
        }
        [[fallthrough]];
      default:  // an invalid escape stays as written (CPython only warns)
        out += '\\';
        out += e;
        break;
    }
  }
  return true;
}

ast::JoinedStr* Parser::finish_joined(ast::ExprList& parts, const Span& span) {
  auto* j = make<ast::JoinedStr>(span);
  j->values = std::move(parts);
  return j;
}

// Parses the body of one f-string token from body[i] into `parts` (a format spec when
// depth > 0: then it stops at the spec's closing '}', leaving `i` on it). `body_offset`
// is the source offset of body[0]. Returns false on error.
bool Parser::parse_fstring(FStringState& st, std::string_view body, size_t& i,
                           uint32_t body_offset, const Token& t, bool raw, int depth,
                           ast::ExprList& parts) {
  auto flush_literal = [&](const Span& span) {
    if (st.literal.empty()) return;
    auto* c = make<ast::Constant>(span);
    c->ckind = ast::ConstKind::Str;
    c->text = std::move(st.literal);
    st.literal.clear();
    parts.push_back(c);
  };
  size_t n = body.size();
  while (i < n) {
    size_t lit_start = i;
    std::string chunk;
    while (i < n) {
      char c = body[i];
      if (c == '\\' && !raw && i + 1 < n && body[i + 1] != '{' && body[i + 1] != '}') {
        if (body[i + 1] == 'N' && i + 2 < n && body[i + 2] == '{') {
          size_t close = body.find('}', i);
          i = close == std::string_view::npos ? n : close + 1;
        } else {
          i += 2;
        }
        continue;
      }
      if (c == '{' || c == '}') {
        if (depth == 0 && i + 1 < n && body[i + 1] == c) {  // "{{" or "}}"
          chunk.append(body.substr(lit_start, i + 1 - lit_start));
          i += 2;
          lit_start = i;
          continue;
        }
        break;
      }
      ++i;
    }
    chunk.append(body.substr(lit_start, i - lit_start));
    std::string decoded, error;
    if (!decode_string_body(chunk, raw, false, decoded, error)) {
      tok();
      error_last_token(error);
      return false;
    }
    st.literal += decoded;
    if (i >= n) break;
    if (body[i] == '}') {
      if (depth > 0) break;  // end of a format spec
      tok();
      error_last_token("f-string: single '}' is not allowed");
      return false;
    }
    ast::Expr* field = fstring_field(st, body, i, body_offset, t, raw, depth);
    if (field == nullptr) return false;
    flush_literal(st.whole);
    parts.push_back(field);
  }
  // A format spec's trailing text gets the span of the token holding it (CPython
  // finishes the spec with that token as first and last token).
  if (depth > 0) flush_literal(Span{t.line, t.col, t.end_line, t.end_col});
  return true;
}

// One `{...}` field starting at body[i] == '{'. Leaves `i` after the closing '}'.
// A `{expr=}` field appends its text to st.literal; the caller flushes it before the
// FormattedValue (so "a{x=}" gives Constant('ax=')).
ast::Expr* Parser::fstring_field(FStringState& st, std::string_view body, size_t& i,
                                 uint32_t body_offset, const Token& t, bool raw, int depth) {
  auto scan_error = [&](const std::string& msg) -> ast::Expr* {
    tok();
    return error_last_token(msg);
  };
  if (depth >= 2) return scan_error("f-string: expressions nested too deeply");
  size_t n = body.size();
  size_t expr_start = ++i;
  if (!scan_fstring_expr(body, i, scan_error)) return nullptr;
  std::string_view expr = body.substr(expr_start, i - expr_start);
  bool blank = true;
  for (char c : expr) blank = blank && is_py_space(c);
  if (blank) {
    return scan_error(body[i] == '=' ? "f-string: expression required before '='"
                                     : "f-string: empty expression not allowed");
  }
  ast::Expr* value =
      compile_fstring_expr(expr, body_offset + static_cast<uint32_t>(expr_start), t);
  if (value == nullptr) return nullptr;
  std::string_view expr_text;
  if (body[i] == '=') {
    ++i;
    while (i < n && is_py_space(body[i])) ++i;
    if (i >= n) return scan_error("f-string: expecting '}'");
    expr_text = body.substr(expr_start, i - expr_start);
  }
  int conversion = -1;
  if (body[i] == '!') {
    if (++i >= n) return scan_error("f-string: expecting '}'");
    conversion = static_cast<unsigned char>(body[i++]);
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      return scan_error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  ast::Expr* spec = nullptr;
  if (i < n && body[i] == ':') {
    if (++i >= n) return scan_error("f-string: expecting '}'");
    FStringState spec_state;
    spec_state.whole = st.whole;
    spec_state.first = st.first;
    ast::ExprList spec_parts;
    if (!parse_fstring(spec_state, body, i, body_offset, t, raw, depth + 1, spec_parts)) {
      return nullptr;
    }
    spec = finish_joined(spec_parts, Span{t.line, t.col, t.end_line, t.end_col});
  }
  if (i >= n || body[i] != '}') return scan_error("f-string: expecting '}'");
  ++i;
  if (!expr_text.empty()) {
    st.literal += expr_text;
    if (spec == nullptr && conversion == -1) conversion = 'r';
  }
  auto* fv = make<ast::FormattedValue>(st.whole);
  fv->value = value;
  fv->conversion = conversion;
  fv->format_spec = spec;
  return fv;
}

// Finds the end of a field's expression (CPython's fstring_find_expr loop): tracks
// strings and brackets; stops at a top-level '!', ':', '}' or '=' that is not part of
// "!=", "==", "<=", ">=". Leaves `i` on that character.
template <class OnError>
bool Parser::scan_fstring_expr(std::string_view body, size_t& i, OnError&& scan_error) {
  size_t n = body.size();
  std::string brackets;
  char quote = 0;
  bool triple = false;
  for (; i < n; ++i) {
    char ch = body[i];
    if (ch == '\\') {
      scan_error("f-string expression part cannot include a backslash");
      return false;
    }
    if (quote) {
      if (ch == quote) {
        if (!triple) {
          quote = 0;
        } else if (i + 2 < n && body[i + 1] == ch && body[i + 2] == ch) {
          i += 2;
          quote = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      triple = i + 2 < n && body[i + 1] == ch && body[i + 2] == ch;
      if (triple) i += 2;
      quote = ch;
    } else if (ch == '(' || ch == '[' || ch == '{') {
      if (brackets.size() >= 200) {
        scan_error("f-string: too many nested parenthesis");
        return false;
      }
      brackets += ch;
    } else if (ch == '#') {
      scan_error("f-string expression part cannot include '#'");
      return false;
    } else if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                                    ch == '<' || ch == '>')) {
      char next = i + 1 < n ? body[i + 1] : 0;
      if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
        ++i;
        continue;
      }
      if (ch == '<' || ch == '>') continue;
      break;
    } else if (ch == ')' || ch == ']' || ch == '}') {
      if (brackets.empty()) {
        scan_error(std::string("f-string: unmatched '") + ch + "'");
        return false;
      }
      char open = brackets.back();
      brackets.pop_back();
      if ((open == '(' && ch != ')') || (open == '[' && ch != ']') ||
          (open == '{' && ch != '}')) {
        scan_error(std::string("f-string: closing parenthesis '") + ch +
                   "' does not match opening parenthesis '" + open + "'");
        return false;
      }
    }
  }
  if (quote) {
    scan_error("f-string: unterminated string");
    return false;
  }
  if (!brackets.empty()) {
    scan_error(std::string("f-string: unmatched '") + brackets.back() + "'");
    return false;
  }
  if (i >= n) {
    scan_error("f-string: expecting '}'");
    return false;
  }
  return true;
}

// Parses "(" + expr + ")" with a sub-parser placed at the expression's real position.
ast::Expr* Parser::compile_fstring_expr(std::string_view expr, uint32_t expr_offset,
                                        const Token& t) {
  uint32_t brace = expr_offset - 1;  // the '{' maps onto the '(' of the sub-source
  uint32_t line = t.line;            // position of the '{', counted from the token start
  uint32_t line_start = t.start - t.col;
  for (uint32_t k = t.start; k < brace; ++k) {
    if (src_[k] == '\n') {
      ++line;
      line_start = k + 1;
    }
  }
  SourceShift shift;  // composed with ours when this is itself an f-string sub-parser
  shift.line = line - 1 + (fstring_mode_ ? shift_.line : 0);
  shift.col = brace - line_start + (fstring_mode_ && line == 1 ? shift_.col : 0);
  std::string sub_src = "(" + std::string(expr) + ")";
  Lexer sub_lexer(sub_src, "<fstring>");
  sub_lexer.run();
  Parser sub(sub_lexer, sub_src, arena_);
  sub.depth_ = depth_;
  ast::Expr* e = sub.parse_fstring_expr(shift);
  if (e == nullptr) {
    adopt_error(sub.error());
    return nullptr;
  }
  return e;
}

ast::Expr* Parser::parse_fstring_expr(SourceShift shift) {
  fstring_mode_ = true;
  shift_ = shift;
  ast::Expr* e = star_expressions();
  if (e == nullptr) {
    if (!failed_) fail();
    finish_error();
    return nullptr;
  }
  return e;
}

ast::Expr* Parser::strings() {
  const Token& first = tok();
  std::vector<const Token*> toks;
  while (at(TokenKind::String)) toks.push_back(&take());
  tok();  // CPython decodes after fetching the next token; errors point there (I3)
  bool any_bytes = false, any_text = false, any_f = false;
  for (const Token* t : toks) {
    Prefix p = read_prefix(text(*t));
    any_bytes |= p.bytes;
    any_text |= !p.bytes;
    any_f |= p.fstr;
  }
  if (any_bytes && any_text) return error_last_token("cannot mix bytes and nonbytes literals");
  FStringState st;
  st.whole = span_from(first);
  st.first = &first;
  ast::ExprList parts;
  for (const Token* t : toks) {
    std::string_view tt = text(*t);
    Prefix p = read_prefix(tt);
    size_t q = (tt.size() - p.len >= 6 && tt[p.len] == tt[p.len + 1] &&
                tt[p.len] == tt[p.len + 2])
                   ? 3
                   : 1;
    std::string_view body = tt.substr(p.len + q, tt.size() - p.len - 2 * q);
    uint32_t body_offset = t->start + static_cast<uint32_t>(p.len + q);
    if (p.fstr) {
      size_t i = 0;
      if (!parse_fstring(st, body, i, body_offset, *t, p.raw, 0, parts)) return nullptr;
      continue;
    }
    std::string decoded, error;
    if (!decode_string_body(body, p.raw, p.bytes, decoded, error)) {
      return error_last_token(error);
    }
    st.literal += decoded;
  }
  if (!any_f) {
    auto* c = make<ast::Constant>(st.whole);
    c->ckind = any_bytes ? ast::ConstKind::Bytes : ast::ConstKind::Str;
    c->text = std::move(st.literal);
    c->u_prefix = text(first)[0] == 'u';  // CPython checks for a lowercase 'u' first
    return c;
  }
  if (!st.literal.empty()) {
    auto* c = make<ast::Constant>(st.whole);
    c->ckind = ast::ConstKind::Str;
    c->text = std::move(st.literal);
    parts.push_back(c);
  }
  return finish_joined(parts, st.whole);
}

}  // namespace pyjitvm::vm

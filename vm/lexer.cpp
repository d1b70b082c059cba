// vm/lexer.cpp — CPython 3.11-compatible tokenizer: indentation, numbers, strings, errors.
//
// Stage: prepared source text → Token vector + LexError → vm/parser.
//
// The structure follows CPython's tokenizer state machine (that is what decides which
// error a user sees and where), rewritten as small methods over a byte position:
// start_line() handles indentation, lex_one() one token; numbers and strings have
// their own methods whose error positions are CPython's "cur" conventions.
//
// Invariants:
//   I1  tokens_ ends with EndMarker or Error — `run()`.
//   I2  Every INDENT is matched by a DEDENT before EndMarker — `start_line()` at EOF.
//   I3  Bracket depth never exceeds 200 (CPython's MAXLEVEL) and indentation depth
//       never exceeds 99 (MAXINDENT) — `lex_bracket()`, `start_line()`.
//   I4  Error offsets are 1-based character offsets as CPython reports them — `fail()`.
#include "vm/lexer.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "vm/parser.h"  // kMaxNesting

namespace pyjitvm::vm {

namespace {

constexpr size_t kMaxLevel = kMaxNesting;  // CPython MAXLEVEL: bracket nesting
constexpr size_t kMaxIndent = 100;  // CPython MAXINDENT: indentation levels
constexpr int kTabSize = 8;

struct KeywordEntry {
  std::string_view word;
  TokenKind kind;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", TokenKind::KwFalse},   {"None", TokenKind::KwNone},
    {"True", TokenKind::KwTrue},     {"and", TokenKind::KwAnd},
    {"as", TokenKind::KwAs},         {"assert", TokenKind::KwAssert},
    {"async", TokenKind::KwAsync},   {"await", TokenKind::KwAwait},
    {"break", TokenKind::KwBreak},   {"class", TokenKind::KwClass},
    {"continue", TokenKind::KwContinue}, {"def", TokenKind::KwDef},
    {"del", TokenKind::KwDel},       {"elif", TokenKind::KwElif},
    {"else", TokenKind::KwElse},     {"except", TokenKind::KwExcept},
    {"finally", TokenKind::KwFinally}, {"for", TokenKind::KwFor},
    {"from", TokenKind::KwFrom},     {"global", TokenKind::KwGlobal},
    {"if", TokenKind::KwIf},         {"import", TokenKind::KwImport},
    {"in", TokenKind::KwIn},         {"is", TokenKind::KwIs},
    {"lambda", TokenKind::KwLambda}, {"nonlocal", TokenKind::KwNonlocal},
    {"not", TokenKind::KwNot},       {"or", TokenKind::KwOr},
    {"pass", TokenKind::KwPass},     {"raise", TokenKind::KwRaise},
    {"return", TokenKind::KwReturn}, {"try", TokenKind::KwTry},
    {"while", TokenKind::KwWhile},   {"with", TokenKind::KwWith},
    {"yield", TokenKind::KwYield},
};

// ORDER TOKEN
constexpr const char* kTokenNames[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN",
    "'('", "')'", "'['", "']'", "'{'", "'}'", "':'", "','", "';'", "'.'", "'...'", "'@'",
    "'->'", "':='", "'='",
    "'+'", "'-'", "'*'", "'**'", "'/'", "'//'", "'%'", "'<<'", "'>>'",
    "'&'", "'|'", "'^'", "'~'",
    "'<'", "'>'", "'=='", "'!='", "'<='", "'>='",
    "'+='", "'-='", "'*='", "'**='", "'/='", "'//='",
    "'%='", "'@='", "'&='", "'|='", "'^='", "'<<='",
    "'>>='",
    "OP",
    "'False'", "'None'", "'True'", "'and'", "'as'", "'assert'", "'async'", "'await'",
    "'break'", "'class'", "'continue'", "'def'", "'del'", "'elif'", "'else'", "'except'",
    "'finally'", "'for'", "'from'", "'global'", "'if'", "'import'", "'in'", "'is'",
    "'lambda'", "'nonlocal'", "'not'", "'or'", "'pass'", "'raise'", "'return'", "'try'",
    "'while'", "'with'", "'yield'",
};
static_assert(std::size(kTokenNames) == static_cast<size_t>(TokenKind::KwYield) + 1,
              "kTokenNames must follow TokenKind (ORDER TOKEN)");

// Half-open code point ranges [lo, hi].
struct Range {
  uint32_t lo, hi;
};

bool in_ranges(const Range* ranges, size_t n, uint32_t cp) {
  const Range* end = ranges + n;
  const Range* it = std::upper_bound(ranges, end, cp,
                                     [](uint32_t v, const Range& r) { return v < r.lo; });
  return it != ranges && cp <= (it - 1)->hi;
}

// Non-ASCII code points that may not appear in identifiers at all (punctuation,
// symbols, spaces, controls, private use). An approximation of the complement of
// XID_Continue that covers the characters people actually paste into code.
constexpr Range kNotIdentifier[] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB6},     {0xB8, 0xB9},
    {0xBB, 0xBF},     {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2C2, 0x2C5},
    {0x2D2, 0x2DF},   {0x2E5, 0x2EB},   {0x2ED, 0x2ED},   {0x2EF, 0x2FF},
    {0x375, 0x375},   {0x37E, 0x37E},   {0x384, 0x385},   {0x3F6, 0x3F6},
    {0x482, 0x482},   {0x55A, 0x55F},   {0x589, 0x58F},   {0x5BE, 0x5BE},
    {0x5C0, 0x5C0},   {0x5C3, 0x5C3},   {0x5C6, 0x5C6},   {0x5F3, 0x5F4},
    {0x600, 0x60F},   {0x61B, 0x61F},   {0x66A, 0x66D},   {0x6D4, 0x6D4},
    {0x964, 0x965},   {0x970, 0x970},   {0xE3F, 0xE3F},   {0xE4F, 0xE4F},
    {0xE5A, 0xE5B},   {0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x203E},
    {0x2041, 0x2053}, {0x2055, 0x2070}, {0x2074, 0x207E}, {0x2080, 0x208E},
    {0x20A0, 0x20CF}, {0x2100, 0x2101}, {0x2103, 0x2106}, {0x2108, 0x2109},
    {0x2114, 0x2114}, {0x2116, 0x2117}, {0x211E, 0x2123}, {0x2125, 0x2125},
    {0x2127, 0x2127}, {0x2129, 0x2129}, {0x212E, 0x212E}, {0x213A, 0x213B},
    {0x2140, 0x2144}, {0x214A, 0x214D}, {0x214F, 0x215F}, {0x2189, 0x2BFF},
    {0x2CE5, 0x2CEA}, {0x2CF9, 0x2CFF}, {0x2E00, 0x2E7F}, {0x2FF0, 0x3004},
    {0x3008, 0x3020}, {0x3030, 0x3030}, {0x3036, 0x3037}, {0x303D, 0x303F},
    {0x309B, 0x309C}, {0x30A0, 0x30A0}, {0x30FB, 0x30FB}, {0x3190, 0x319F},
    {0x31C0, 0x31EF}, {0x3200, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4CF},
    {0xD800, 0xF8FF}, {0xFD3E, 0xFD3F}, {0xFDFC, 0xFDFF}, {0xFE10, 0xFE1F},
    {0xFE30, 0xFE32}, {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF},
    {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFE0, 0xFFFF}, {0x1F000, 0x1FBFF}, {0xE0000, 0xE0FFF},
    {0xF0000, 0x10FFFF},
};

// Code points that may continue but not start an identifier (combining marks,
// digits of other scripts, connector punctuation).
constexpr Range kContinueOnly[] = {
    {0xB7, 0xB7},     {0x300, 0x36F},   {0x483, 0x487},   {0x591, 0x5BD},
    {0x610, 0x61A},   {0x64B, 0x669},   {0x6F0, 0x6F9},   {0x900, 0x903},
    {0x93A, 0x94F},   {0x966, 0x96F},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x203F, 0x2040}, {0x2054, 0x2054}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19},
    {0xFF3F, 0xFF3F},
};

// Non-printable code points (Python's str.isprintable() is false): controls, format
// characters, separators other than ' ', surrogates, private use, noncharacters.
constexpr Range kNonPrintable[] = {
    {0x0, 0x1F},      {0x7F, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},
    {0x61C, 0x61C},   {0x6DD, 0x6DD},   {0x70F, 0x70F},   {0x1680, 0x1680},
    {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F},
    {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB},
    {0xFFFE, 0xFFFF}, {0xE0000, 0xE007F}, {0xF0000, 0x10FFFF},
};

bool is_ascii_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_potential_identifier_start(int c) { return is_ascii_alpha(c) || c == '_' || c >= 128; }
bool is_potential_identifier_char(int c) {
  return is_potential_identifier_start(c) || is_digit(c);
}

std::string hex4(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", cp);
  return buf;
}

}  // namespace

// ---------------------------------------------------------------- small helpers

const char* token_kind_name(TokenKind kind) {
  return kTokenNames[static_cast<size_t>(kind)];
}

TokenKind keyword_kind(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return TokenKind::Name;
  char c = word[0];
  if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return TokenKind::Name;
  for (const KeywordEntry& k : kKeywords) {
    if (k.word.size() == word.size() && k.word[0] == c && k.word == word) return k.kind;
  }
  return TokenKind::Name;
}

bool is_printable_code_point(uint32_t cp) {
  return !in_ranges(kNonPrintable, std::size(kNonPrintable), cp);
}

bool is_identifier_continue(uint32_t cp) {
  if (cp < 128) return is_ascii_alpha(static_cast<int>(cp)) || cp == '_' || is_digit(cp);
  return !in_ranges(kNotIdentifier, std::size(kNotIdentifier), cp);
}

bool is_identifier_start(uint32_t cp) {
  if (cp < 128) return is_ascii_alpha(static_cast<int>(cp)) || cp == '_';
  return is_identifier_continue(cp) && !in_ranges(kContinueOnly, std::size(kContinueOnly), cp);
}

int decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
  auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  unsigned c = byte(i);
  if (i >= s.size()) return 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  int len;
  uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  for (int k = 1; k < len; ++k) {
    unsigned cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int byte_to_char_offset(std::string_view line, int byte_offset) {
  if (byte_offset <= 0) return byte_offset;
  int len = static_cast<int>(line.size());
  int clipped = std::min(byte_offset, len + 1);
  int chars = 0;
  for (int i = 0; i < std::min(clipped, len); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  if (clipped > len) ++chars;
  return chars;
}

std::string prepare_source(std::string source) {
  std::string out;
  out.reserve(source.size() + 1);
  size_t i = 0;
  if (source.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  for (; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

// ---------------------------------------------------------------- Lexer

Lexer::Lexer(std::string_view source, std::string_view filename)
    : src_(source), filename_(filename) {}

bool Lexer::run() {
  tokens_.clear();
  tokens_.reserve(src_.size() / 3 + 16);
  while (true) {
    if (!lex_one()) {
      if (!failed_) return true;  // reached EndMarker
      Token t;
      t.kind = TokenKind::Error;
      t.line = t.end_line = line_;
      t.col = t.end_col = pos_ - std::min(pos_, line_start_);
      t.start = t.end = std::min<uint32_t>(pos_, static_cast<uint32_t>(src_.size()));
      t.level = static_cast<uint16_t>(brackets_.size());
      t.no_position = true;
      tokens_.push_back(t);
      return false;
    }
  }
}

void Lexer::emit(TokenKind kind, uint32_t start, uint32_t end) {
  Token t;
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.line = line_;
  t.col = start - line_start_;
  t.end_line = line_;
  t.end_col = end - line_start_;
  t.level = static_cast<uint16_t>(brackets_.size());
  tokens_.push_back(t);
  line_has_tokens_ = true;
}

void Lexer::emit_no_position(TokenKind kind, int32_t err_offset) {
  Token t;
  t.kind = kind;
  t.line = t.end_line = line_;
  t.col = t.end_col = pos_ >= line_start_ ? pos_ - line_start_ : 0;
  t.start = t.end = std::min<uint32_t>(pos_, static_cast<uint32_t>(src_.size()));
  t.no_position = true;
  t.err_offset = err_offset;
  tokens_.push_back(t);
}

int Lexer::char_count(uint32_t from, uint32_t to) const {
  int n = 0;
  for (uint32_t i = from; i < to && i < src_.size(); ++i) {
    if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Lexer::current_line_text() const {
  size_t end = src_.find('\n', line_start_);
  if (end == std::string_view::npos) end = src_.size();
  return std::string(src_.substr(line_start_, end - line_start_));
}

bool Lexer::fail(SyntaxErrorKind kind, std::string msg, int line, int offset, int end_offset,
                 bool hard) {
  failed_ = true;
  error_.kind = kind;
  error_.msg = std::move(msg);
  error_.line = line;
  error_.end_line = line;
  error_.offset = offset;
  error_.end_offset = end_offset;
  error_.hard = hard;
  return false;
}

bool Lexer::fail_at(uint32_t cur, std::string msg) {
  int off = char_count(line_start_, cur);
  error_.text = current_line_text();
  return fail(SyntaxErrorKind::Syntax, std::move(msg), static_cast<int>(line_), off, off, true);
}

// Checks the line that starts at line_start_ for NUL bytes and invalid UTF-8, which
// CPython rejects when it reads the line.
bool Lexer::check_line_encoding() {
  if (checked_line_start_ == line_start_) return true;
  checked_line_start_ = line_start_;
  size_t end = src_.find('\n', line_start_);
  if (end == std::string_view::npos) end = src_.size();
  for (size_t i = line_start_; i < end;) {
    if (src_[i] == '\0') {
      error_.text = std::string(src_.substr(line_start_, i - line_start_));
      return fail(SyntaxErrorKind::Syntax, "source code cannot contain null bytes",
                  static_cast<int>(line_), 0, 0, true);
    }
    uint32_t cp;
    int n = decode_utf8(src_, i, cp);
    if (n == 0) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(src_[i]));
      std::string msg = "Non-UTF-8 code starting with '" + std::string(buf) + "' in file " +
                        filename_ + " on line " + std::to_string(line_) +
                        ", but no encoding declared; see https://peps.python.org/pep-0263/"
                        " for details";
      return fail(SyntaxErrorKind::Syntax, std::move(msg), 0, 0, 0, true);
    }
    i += n;
  }
  return true;
}

// Indentation at the start of a line (CPython: the `atbol` block of tok_get).
bool Lexer::start_line() {
  at_bol_ = false;
  if (!check_line_encoding()) return false;
  int col = 0, alt_col = 0;
  uint32_t p = pos_;
  for (;; ++p) {
    int c = peek(p);
    if (c == ' ') {
      ++col, ++alt_col;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++alt_col;
    } else if (c == '\f') {
      col = alt_col = 0;
    } else {
      break;
    }
  }
  pos_ = p;
  int c = peek(p);
  bool blank = c == '#' || c == '\n';
  if (blank || c == -1 || !brackets_.empty()) return true;  // lex_one() handles EOF
  int32_t err_offset = static_cast<int32_t>(pos_ - line_start_);
  auto tab_error = [&] {
    error_.text = current_line_text();
    return fail(SyntaxErrorKind::Tab, "inconsistent use of tabs and spaces in indentation",
                static_cast<int>(line_), 1, 0, false);
  };
  if (col == indents_.back()) {
    if (alt_col != alt_indents_.back()) return tab_error();
  } else if (col > indents_.back()) {
    if (indents_.size() >= kMaxIndent) {
      error_.text = current_line_text();
      return fail(SyntaxErrorKind::Indentation, "too many levels of indentation",
                  static_cast<int>(line_), 1, 0, false);
    }
    if (alt_col <= alt_indents_.back()) return tab_error();
    indents_.push_back(col);
    alt_indents_.push_back(alt_col);
    emit_no_position(TokenKind::Indent, err_offset);
  } else {
    size_t keep = indents_.size();
    while (keep > 1 && col < indents_[keep - 1]) --keep;
    if (col != indents_[keep - 1]) {
      std::string text = current_line_text();
      int off = byte_to_char_offset(text, static_cast<int>(text.size()) + 1);
      error_.text = std::move(text);
      return fail(SyntaxErrorKind::Indentation,
                  "unindent does not match any outer indentation level",
                  static_cast<int>(line_), off, -1, false);
    }
    if (alt_col != alt_indents_[keep - 1]) return tab_error();
    while (indents_.size() > keep) {
      indents_.pop_back();
      alt_indents_.pop_back();
      emit_no_position(TokenKind::Dedent, err_offset);
    }
  }
  return true;
}

// Lexes one token (or skips one blank stretch). Returns false at EndMarker or error.
bool Lexer::lex_one() {
  if (at_bol_ && !start_line()) return false;
  if (!check_line_encoding()) return false;
  while (peek(pos_) == ' ' || peek(pos_) == '\t' || peek(pos_) == '\f') ++pos_;
  int c = peek(pos_);
  if (c == '#') {
    while (peek(pos_) != '\n' && peek(pos_) != -1) ++pos_;
    c = peek(pos_);
  }
  if (c == -1) {
    if (!brackets_.empty()) {
      failed_ = true;
      error_.eof_in_brackets = true;
      return false;
    }
    if (line_has_tokens_) {  // only without a final newline, which prepare_source adds
      emit(TokenKind::Newline, pos_, pos_);
      line_has_tokens_ = false;
    }
    if (line_ > 1 && pos_ == line_start_) {  // CPython stays on the last line at EOF
      --line_;
      size_t prev = pos_ >= 2 ? src_.rfind('\n', pos_ - 2) : std::string_view::npos;
      line_start_ = prev == std::string_view::npos ? 0 : static_cast<uint32_t>(prev + 1);
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      alt_indents_.pop_back();
      emit_no_position(TokenKind::Dedent, 0);
    }
    emit_no_position(TokenKind::EndMarker, 0);
    return false;
  }
  if (c == '\n') {
    if (brackets_.empty() && line_has_tokens_) {
      emit(TokenKind::Newline, pos_, pos_);
      line_has_tokens_ = false;
    }
    ++pos_;
    ++line_;
    line_start_ = pos_;
    at_bol_ = true;
    return true;
  }
  if (is_potential_identifier_start(c)) return lex_name_or_string();
  if (is_digit(c) || (c == '.' && is_digit(peek(pos_ + 1)))) return lex_number();
  if (c == '"' || c == '\'') return lex_string(pos_);
  if (c == '\\') {
    if (peek(pos_ + 1) != '\n') {
      std::string text = current_line_text();
      int off = byte_to_char_offset(text, static_cast<int>(pos_ + 2 - line_start_));
      error_.text = std::move(text);
      return fail(SyntaxErrorKind::Syntax,
                  "unexpected character after line continuation character",
                  static_cast<int>(line_), off, 0, false);
    }
    if (pos_ + 2 >= src_.size()) {  // end of file right after the continuation
      if (!brackets_.empty()) {
        failed_ = true;
        error_.eof_in_brackets = true;
        return false;
      }
      // CPython (file input) reports the line length when the line holds tokens before
      // the backslash, else 0 (its buffer was already reset).
      error_.text = current_line_text();
      int off = line_has_tokens_ && tokens_.back().line == line_
                    ? byte_to_char_offset(error_.text, static_cast<int>(error_.text.size()) + 1)
                    : 0;
      return fail(SyntaxErrorKind::Syntax, "unexpected EOF while parsing",
                  static_cast<int>(line_), off, -1, false);
    }
    pos_ += 2;
    ++line_;
    line_start_ = pos_;
    return true;
  }
  return lex_operator();
}

bool Lexer::lex_name_or_string() {
  uint32_t start = pos_;
  bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
  while (true) {
    int c = peek(pos_);
    if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
      saw_b = true;
    } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
      saw_u = true;
    } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
      saw_r = true;
    } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
      saw_f = true;
    } else {
      break;
    }
    ++pos_;
    if (peek(pos_) == '"' || peek(pos_) == '\'') return lex_string(start);
  }
  bool non_ascii = false;
  while (is_potential_identifier_char(peek(pos_))) {
    if (peek(pos_) >= 128) non_ascii = true;
    ++pos_;
  }
  if (non_ascii && !verify_identifier(start, pos_)) return false;
  TokenKind kind = keyword_kind(src_.substr(start, pos_ - start));
  emit(kind, start, pos_);
  return true;
}

bool Lexer::verify_identifier(uint32_t start, uint32_t end) {
  bool first = true;
  for (uint32_t i = start; i < end;) {
    uint32_t cp = 0;
    int n = decode_utf8(src_, i, cp);
    if (n == 0) n = 1, cp = 0xFFFD;
    bool ok = first ? is_identifier_start(cp) : is_identifier_continue(cp);
    if (!ok) {
      std::string msg;
      if (is_printable_code_point(cp)) {
        msg = "invalid character '" + std::string(src_.substr(i, n)) + "' (U+" + hex4(cp) + ")";
      } else {
        msg = "invalid non-printable character U+" + hex4(cp);
      }
      return fail_at(i + n, std::move(msg));
    }
    first = false;
    i += n;
  }
  return true;
}

// pos_ is at the opening quote; tok_start includes the prefix letters.
bool Lexer::lex_string(uint32_t tok_start) {
  char quote = src_[pos_];
  bool triple = peek(pos_ + 1) == quote && peek(pos_ + 2) == quote;
  uint32_t first_line = line_, first_line_start = line_start_;
  Token t;
  t.line = line_;
  t.col = tok_start - line_start_;
  pos_ += triple ? 3 : 1;
  auto unterminated = [&](uint32_t detected_line) {
    line_start_ = first_line_start;
    line_ = first_line;
    int off = char_count(first_line_start, tok_start + 1);
    error_.text = current_line_text();
    std::string msg = std::string(triple ? "unterminated triple-quoted string literal"
                                         : "unterminated string literal") +
                      " (detected at line " + std::to_string(detected_line) + ")";
    return fail(SyntaxErrorKind::Syntax, std::move(msg), static_cast<int>(first_line), off,
                off, true);
  };
  while (true) {
    int c = peek(pos_);
    if (c == -1) return unterminated(line_ > first_line && pos_ == line_start_ ? line_ - 1
                                                                               : line_);
    if (c == '\n' && !triple) return unterminated(line_);
    if (c == quote) {
      if (!triple) {
        ++pos_;
        break;
      }
      if (peek(pos_ + 1) == quote && peek(pos_ + 2) == quote) {
        pos_ += 3;
        break;
      }
      ++pos_;
      continue;
    }
    if (c == '\\') {
      ++pos_;
      c = peek(pos_);
      if (c == -1) continue;
    }
    if (c == '\n') {
      ++pos_;
      ++line_;
      line_start_ = pos_;
      if (pos_ < src_.size() && !check_line_encoding()) return false;
      continue;
    }
    ++pos_;
  }
  t.kind = TokenKind::String;
  t.start = tok_start;
  t.end = pos_;
  t.end_line = line_;
  t.end_col = pos_ - line_start_;
  t.level = static_cast<uint16_t>(brackets_.size());
  tokens_.push_back(t);
  line_has_tokens_ = true;
  return true;
}

// Digits with single underscores between them; pos_ is at the first digit.
bool Lexer::lex_decimal_tail() {
  while (true) {
    while (is_digit(peek(pos_))) ++pos_;
    if (peek(pos_) != '_') return true;
    ++pos_;
    if (!is_digit(peek(pos_))) return fail_at(pos_, "invalid decimal literal");
  }
}

// CPython's verify_end_of_number(): a literal directly followed by a name character is
// an error, except before the keywords that may legally follow a number (`1if x`).
bool Lexer::verify_end_of_number(const char* kind) {
  int c = peek(pos_);
  auto ahead = [&](std::string_view rest) {  // the rest of a keyword, then a word end
    return src_.substr(pos_ + 1, rest.size()) == rest &&
           !is_potential_identifier_char(peek(pos_ + 1 + static_cast<uint32_t>(rest.size())));
  };
  bool keyword = false;
  switch (c) {
    case 'a': keyword = ahead("nd"); break;
    case 'e': keyword = ahead("lse"); break;
    case 'f': keyword = ahead("or"); break;
    case 'i': keyword = peek(pos_ + 1) == 'f' || peek(pos_ + 1) == 'n' ||
                        peek(pos_ + 1) == 's'; break;
    case 'o': keyword = ahead("r"); break;
    case 'n': keyword = ahead("ot"); break;
    default: break;
  }
  if (keyword) return true;  // CPython only warns here
  if (is_potential_identifier_char(c)) {
    return fail_at(pos_, std::string("invalid ") + kind + " literal");
  }
  return true;
}

// 0x / 0o / 0b literals; pos_ is just after the prefix.
bool Lexer::lex_radix(int radix, const char* kind) {
  auto valid = [radix](int c) {
    if (radix == 16) return is_xdigit(c);
    return c >= '0' && c < '0' + radix;
  };
  int c = peek(pos_);
  do {
    if (c == '_') c = peek(++pos_);
    if (!valid(c)) {
      if (radix != 16 && is_digit(c)) {
        return fail_at(pos_ + 1, std::string("invalid digit '") + static_cast<char>(c) +
                                      "' in " + kind + " literal");
      }
      return fail_at(pos_, std::string("invalid ") + kind + " literal");
    }
    while (valid(peek(pos_))) ++pos_;
    c = peek(pos_);
  } while (c == '_');
  if (radix != 16 && is_digit(c)) {
    return fail_at(pos_ + 1, std::string("invalid digit '") + static_cast<char>(c) + "' in " +
                                  kind + " literal");
  }
  return verify_end_of_number(kind);
}

// After the integer part: optional fraction, exponent and 'j'. pos_ is at the char
// after the integer digits (or at '.' for ".5").
bool Lexer::lex_fraction_exponent_imag(uint32_t tok_start, bool allow_fraction) {
  (void)tok_start;
  int c = peek(pos_);
  if (allow_fraction && c == '.') {
    ++pos_;
    if (is_digit(peek(pos_)) && !lex_decimal_tail()) return false;
    c = peek(pos_);
  }
  if (c == 'e' || c == 'E') {
    uint32_t e_pos = pos_;
    ++pos_;
    c = peek(pos_);
    if (c == '+' || c == '-') {
      ++pos_;
      if (!is_digit(peek(pos_))) return fail_at(pos_, "invalid decimal literal");
    } else if (!is_digit(c)) {
      pos_ = e_pos;  // "1else": the number ends before 'e'
      return verify_end_of_number("decimal");
    }
    if (!lex_decimal_tail()) return false;
    c = peek(pos_);
  }
  if (c == 'j' || c == 'J') {
    ++pos_;
    return verify_end_of_number("imaginary");
  }
  return verify_end_of_number("decimal");
}

bool Lexer::lex_number() {
  uint32_t start = pos_;
  int c = peek(pos_);
  bool ok;
  if (c == '.') {
    ok = lex_fraction_exponent_imag(start, true);
  } else if (c == '0') {
    int n = peek(pos_ + 1);
    if (n == 'x' || n == 'X') {
      pos_ += 2;
      ok = lex_radix(16, "hexadecimal");
    } else if (n == 'o' || n == 'O') {
      pos_ += 2;
      ok = lex_radix(8, "octal");
    } else if (n == 'b' || n == 'B') {
      pos_ += 2;
      ok = lex_radix(2, "binary");
    } else {
      ++pos_;
      c = peek(pos_);
      while (true) {  // leading zeros, possibly with underscores
        if (c == '_') {
          ++pos_;
          c = peek(pos_);
          if (!is_digit(c)) return fail_at(pos_, "invalid decimal literal");
        }
        if (c != '0') break;
        c = peek(++pos_);
      }
      uint32_t zeros_end = pos_ + 1;
      bool nonzero = false;
      if (is_digit(c)) {
        nonzero = true;
        if (!lex_decimal_tail()) return false;
        c = peek(pos_);
      }
      if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
        ok = lex_fraction_exponent_imag(start, true);
      } else if (nonzero) {
        int off = char_count(line_start_, start + 1);
        int end = char_count(line_start_, zeros_end);
        error_.text = current_line_text();
        return fail(SyntaxErrorKind::Syntax,
                    "leading zeros in decimal integer literals are not permitted; use an 0o "
                    "prefix for octal integers",
                    static_cast<int>(line_), off, end, true);
      } else {
        ok = verify_end_of_number("decimal");
      }
    }
  } else {
    ok = lex_decimal_tail() && lex_fraction_exponent_imag(start, true);
  }
  if (!ok) return false;
  emit(TokenKind::Number, start, pos_);
  return true;
}

bool Lexer::lex_bracket(char c) {
  uint32_t start = pos_;
  ++pos_;
  if (c == '(' || c == '[' || c == '{') {
    if (brackets_.size() >= kMaxLevel) return fail_at(pos_, "too many nested parentheses");
    brackets_.push_back({c, line_, start - line_start_});
  } else {
    if (brackets_.empty()) return fail_at(pos_, std::string("unmatched '") + c + "'");
    OpenBracket open = brackets_.back();
    brackets_.pop_back();
    char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
    if (c != want) {
      std::string msg = std::string("closing parenthesis '") + c +
                        "' does not match opening parenthesis '" + open.ch + "'";
      if (open.line != line_) msg += " on line " + std::to_string(open.line);
      return fail_at(pos_, std::move(msg));
    }
  }
  static constexpr struct {
    char ch;
    TokenKind kind;
  } kBrackets[] = {{'(', TokenKind::LPar},   {')', TokenKind::RPar},
                   {'[', TokenKind::LSqb},   {']', TokenKind::RSqb},
                   {'{', TokenKind::LBrace}, {'}', TokenKind::RBrace}};
  for (const auto& b : kBrackets) {
    if (b.ch == c) emit(b.kind, start, pos_);
  }
  return true;
}

bool Lexer::lex_operator() {
  struct Op {
    std::string_view text;
    TokenKind kind;
  };
  // Longest first, so that a prefix never shadows a longer operator.
  static constexpr Op kOps[] = {
      {"**=", TokenKind::DoubleStarEqual}, {"//=", TokenKind::DoubleSlashEqual},
      {">>=", TokenKind::RightShiftEqual}, {"<<=", TokenKind::LeftShiftEqual},
      {"...", TokenKind::Ellipsis},        {"!=", TokenKind::NotEqual},
      {"%=", TokenKind::PercentEqual},     {"&=", TokenKind::AmperEqual},
      {"**", TokenKind::DoubleStar},       {"*=", TokenKind::StarEqual},
      {"+=", TokenKind::PlusEqual},        {"-=", TokenKind::MinEqual},
      {"->", TokenKind::RArrow},           {"//", TokenKind::DoubleSlash},
      {"/=", TokenKind::SlashEqual},       {":=", TokenKind::ColonEqual},
      {"<<", TokenKind::LeftShift},        {"<=", TokenKind::LessEqual},
      {"==", TokenKind::EqEqual},          {">=", TokenKind::GreaterEqual},
      {">>", TokenKind::RightShift},       {"@=", TokenKind::AtEqual},
      {"^=", TokenKind::CircumflexEqual},  {"|=", TokenKind::VBarEqual},
      {":", TokenKind::Colon},             {",", TokenKind::Comma},
      {";", TokenKind::Semi},              {"+", TokenKind::Plus},
      {"-", TokenKind::Minus},             {"*", TokenKind::Star},
      {"/", TokenKind::Slash},             {"|", TokenKind::VBar},
      {"&", TokenKind::Amper},             {"<", TokenKind::Less},
      {">", TokenKind::Greater},           {"=", TokenKind::Equal},
      {".", TokenKind::Dot},               {"%", TokenKind::Percent},
      {"~", TokenKind::Tilde},             {"^", TokenKind::Circumflex},
      {"@", TokenKind::At},
  };
  int c = peek(pos_);
  if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}') {
    return lex_bracket(static_cast<char>(c));
  }
  std::string_view rest = src_.substr(pos_, 3);
  for (const Op& op : kOps) {
    if (rest.substr(0, op.text.size()) == op.text) {
      uint32_t start = pos_;
      pos_ += static_cast<uint32_t>(op.text.size());
      emit(op.kind, start, pos_);
      return true;
    }
  }
  uint32_t start = pos_++;  // '!', '$', '?', '`', other control characters
  emit(TokenKind::Unknown, start, pos_);
  return true;
}

}  // namespace pyjitvm::vm

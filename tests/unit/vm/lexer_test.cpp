// tests/unit/vm/lexer_test.cpp — the tokenizer: token kinds, positions, indentation and
// CPython 3.11.2's tokenizer errors.
//
// Stage: source text → prepare_source() → Lexer → tokens / LexError.
//
// Token positions were checked against CPython's `tokenize` module; error messages and
// positions against CPython 3.11.2 (`python3 file.py`).
//
// Invariants:
//   I1  Tokens carry CPython's kinds and (line, col, end_line, end_col).
//   I2  Errors carry CPython's message and offsets, and whether they are "hard".
#include <gtest/gtest.h>

#include <string>

#include "vm/lexer.h"

namespace pyjitvm::vm {
namespace {

// "KIND text@l:c-l:c" for position tokens, "KIND@l" for the others, joined by " | ".
std::string tokens_of(const std::string& raw, bool* ok = nullptr) {
  std::string src = prepare_source(raw);
  Lexer lx(src, "t.py");
  bool good = lx.run();
  if (ok) *ok = good;
  std::string out;
  for (const Token& t : lx.tokens()) {
    if (!out.empty()) out += " | ";
    out += token_kind_name(t.kind);
    if (t.no_position || t.kind == TokenKind::Newline || t.kind == TokenKind::Error) {
      out += "@" + std::to_string(t.line);
      continue;
    }
    out += " " + src.substr(t.start, t.end - t.start) + "@" + std::to_string(t.line) + ":" +
           std::to_string(t.col) + "-" + std::to_string(t.end_line) + ":" +
           std::to_string(t.end_col);
  }
  return out;
}

struct LexErr {
  std::string msg;
  int line = 0, offset = 0, end_offset = 0;
  bool hard = false;
  SyntaxErrorKind kind = SyntaxErrorKind::Syntax;
};

LexErr error_of(const std::string& raw) {
  std::string src = prepare_source(raw);
  Lexer lx(src, "t.py");
  if (lx.run()) return {"no error"};
  const LexError& e = lx.error();
  if (e.eof_in_brackets) return {"EOF in brackets", 0, 0, 0, false};
  return {e.msg, e.line, e.offset, e.end_offset, e.hard, e.kind};
}

TEST(Lexer, NumbersOperatorsAndIndentation) {
  std::string src =
      "if x_1 >= 0x_1F:\n    y = [1_000.5, .5, 1., 1e-3, 3j, 2.5J]  # c\n\n"
      "    z = (a **= b\n         //= c)\n";
  EXPECT_EQ(tokens_of(src),
            "'if' if@1:0-1:2 | NAME x_1@1:3-1:6 | '>=' >=@1:7-1:9 | NUMBER 0x_1F@1:10-1:15 | "
            "':' :@1:15-1:16 | NEWLINE@1 | INDENT@2 | NAME y@2:4-2:5 | '=' =@2:6-2:7 | "
            "'[' [@2:8-2:9 | NUMBER 1_000.5@2:9-2:16 | ',' ,@2:16-2:17 | NUMBER .5@2:18-2:20 | "
            "',' ,@2:20-2:21 | NUMBER 1.@2:22-2:24 | ',' ,@2:24-2:25 | NUMBER 1e-3@2:26-2:30 | "
            "',' ,@2:30-2:31 | NUMBER 3j@2:32-2:34 | ',' ,@2:34-2:35 | NUMBER 2.5J@2:36-2:40 | "
            "']' ]@2:40-2:41 | NEWLINE@2 | NAME z@4:4-4:5 | '=' =@4:6-4:7 | '(' (@4:8-4:9 | "
            "NAME a@4:9-4:10 | '**=' **=@4:11-4:14 | NAME b@4:15-4:16 | '//=' //=@5:9-5:12 | "
            "NAME c@5:13-5:14 | ')' )@5:14-5:15 | NEWLINE@5 | DEDENT@5 | ENDMARKER@5");
}

TEST(Lexer, StringsWithPrefixesAndTripleQuotes) {
  EXPECT_EQ(tokens_of("w = rb\"\\\\d\" + f\"\"\"{x}\n\"\"\" Rb'' bR'' u'' F'{y}' fr'' RF''"),
            "NAME w@1:0-1:1 | '=' =@1:2-1:3 | STRING rb\"\\\\d\"@1:4-1:11 | '+' +@1:12-1:13 | "
            "STRING f\"\"\"{x}\n\"\"\"@1:14-2:3 | STRING Rb''@2:4-2:8 | STRING bR''@2:9-2:13 | "
            "STRING u''@2:14-2:17 | STRING F'{y}'@2:18-2:24 | STRING fr''@2:25-2:29 | "
            "STRING RF''@2:30-2:34 | NEWLINE@2 | ENDMARKER@2");
  // "ub" and "bf" are not prefixes: a name followed by a string.
  EXPECT_EQ(tokens_of("ub'x'"), "NAME ub@1:0-1:2 | STRING 'x'@1:2-1:5 | NEWLINE@1 | ENDMARKER@1");
  EXPECT_EQ(tokens_of("'it''s' \"a\\\"b\""),
            "STRING 'it'@1:0-1:4 | STRING 's'@1:4-1:7 | STRING \"a\\\"b\"@1:8-1:14 | "
            "NEWLINE@1 | ENDMARKER@1");
}

TEST(Lexer, AllOperators) {
  EXPECT_EQ(tokens_of("-> := ** // << >> <= >= == != ... @= %= &= |= ^= <<= >>= //= **= ~ !"),
            "'->' ->@1:0-1:2 | ':=' :=@1:3-1:5 | '**' **@1:6-1:8 | '//' //@1:9-1:11 | "
            "'<<' <<@1:12-1:14 | '>>' >>@1:15-1:17 | '<=' <=@1:18-1:20 | '>=' >=@1:21-1:23 | "
            "'==' ==@1:24-1:26 | '!=' !=@1:27-1:29 | '...' ...@1:30-1:33 | '@=' @=@1:34-1:36 | "
            "'%=' %=@1:37-1:39 | '&=' &=@1:40-1:42 | '|=' |=@1:43-1:45 | '^=' ^=@1:46-1:48 | "
            "'<<=' <<=@1:49-1:52 | '>>=' >>=@1:53-1:56 | '//=' //=@1:57-1:60 | "
            "'**=' **=@1:61-1:64 | '~' ~@1:65-1:66 | OP !@1:67-1:68 | NEWLINE@1 | ENDMARKER@1");
  EXPECT_EQ(tokens_of("a..b"),
            "NAME a@1:0-1:1 | '.' .@1:1-1:2 | '.' .@1:2-1:3 | NAME b@1:3-1:4 | NEWLINE@1 | "
            "ENDMARKER@1");
}

TEST(Lexer, KeywordsAndSoftKeywords) {
  EXPECT_EQ(keyword_kind("lambda"), TokenKind::KwLambda);
  EXPECT_EQ(keyword_kind("None"), TokenKind::KwNone);
  EXPECT_EQ(keyword_kind("match"), TokenKind::Name);
  EXPECT_EQ(keyword_kind("case"), TokenKind::Name);
  EXPECT_EQ(keyword_kind("_"), TokenKind::Name);
  EXPECT_EQ(keyword_kind("none"), TokenKind::Name);
  EXPECT_TRUE(is_keyword(TokenKind::KwYield));
  EXPECT_FALSE(is_keyword(TokenKind::Name));
  EXPECT_STREQ(token_kind_name(TokenKind::KwAsync), "'async'");
  // A number directly followed by a keyword it may precede is two tokens (CPython warns).
  EXPECT_EQ(tokens_of("1if x else 2"),
            "NUMBER 1@1:0-1:1 | 'if' if@1:1-1:3 | NAME x@1:4-1:5 | 'else' else@1:6-1:10 | "
            "NUMBER 2@1:11-1:12 | NEWLINE@1 | ENDMARKER@1");
}

TEST(Lexer, LineJoiningBlankLinesAndComments) {
  EXPECT_EQ(tokens_of("x = (1,\n\n  # c\n     2)\n# only comment\ny = 1 + \\\n  2\n"),
            "NAME x@1:0-1:1 | '=' =@1:2-1:3 | '(' (@1:4-1:5 | NUMBER 1@1:5-1:6 | "
            "',' ,@1:6-1:7 | NUMBER 2@4:5-4:6 | ')' )@4:6-4:7 | NEWLINE@4 | NAME y@6:0-6:1 | "
            "'=' =@6:2-6:3 | NUMBER 1@6:4-6:5 | '+' +@6:6-6:7 | NUMBER 2@7:2-7:3 | NEWLINE@7 | "
            "ENDMARKER@7");
}

TEST(Lexer, TabsIndentToMultiplesOfEight) {
  // A tab then 8 spaces is the same column (16)... but inconsistent by CPython's check;
  // a tab and 8 spaces alone are equal columns and consistent only if written alike.
  bool ok = false;
  EXPECT_EQ(tokens_of("if x:\n\tif y:\n\t\tpass\n\tz\n", &ok),
            "'if' if@1:0-1:2 | NAME x@1:3-1:4 | ':' :@1:4-1:5 | NEWLINE@1 | INDENT@2 | "
            "'if' if@2:1-2:3 | NAME y@2:4-2:5 | ':' :@2:5-2:6 | NEWLINE@2 | INDENT@3 | "
            "'pass' pass@3:2-3:6 | NEWLINE@3 | DEDENT@4 | NAME z@4:1-4:2 | NEWLINE@4 | "
            "DEDENT@4 | ENDMARKER@4");
  EXPECT_TRUE(ok);
  LexErr e = error_of("if x:\n\ta = 1\n        b = 2\n");
  EXPECT_EQ(e.kind, SyntaxErrorKind::Tab);
  EXPECT_EQ(e.msg, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.offset, 1);
  EXPECT_EQ(e.end_offset, 0);
}

TEST(Lexer, IndentationErrors) {
  LexErr e = error_of("if x:\n    a = 1\n  b = 2\n");
  EXPECT_EQ(e.kind, SyntaxErrorKind::Indentation);
  EXPECT_EQ(e.msg, "unindent does not match any outer indentation level");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.offset, 8);  // CPython points past the end of the line
  EXPECT_EQ(e.end_offset, -1);
  EXPECT_FALSE(e.hard);
  std::string deep;
  for (int i = 0; i < 101; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  e = error_of(deep);  // CPython 3.11.2: IndentationError at line 101 (the 100th indent)
  EXPECT_EQ(e.msg, "too many levels of indentation");
  EXPECT_EQ(e.line, 101);
}

TEST(Lexer, BracketErrors) {
  LexErr e = error_of("x = (1, 2]\n");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(e.offset, 10);
  EXPECT_TRUE(e.hard);
  e = error_of("x = [1,\n 2)\n");
  EXPECT_EQ(e.msg, "closing parenthesis ')' does not match opening parenthesis '[' on line 1");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.offset, 3);
  e = error_of("x = 1)\n");
  EXPECT_EQ(e.msg, "unmatched ')'");
  EXPECT_EQ(e.offset, 6);
  EXPECT_EQ(error_of("x = (1,\n").msg, "EOF in brackets");
  EXPECT_EQ(error_of(std::string(201, '(')).msg, "too many nested parentheses");
  EXPECT_EQ(error_of(std::string(200, '(')).msg, "EOF in brackets");
  std::string src = prepare_source("f(a, [b,\n c]");
  Lexer lx(src);
  EXPECT_FALSE(lx.run());
  ASSERT_EQ(lx.open_brackets().size(), 1u);
  EXPECT_EQ(lx.open_brackets()[0].ch, '(');
  EXPECT_EQ(lx.tokens()[3].level, 1);  // ','
  EXPECT_EQ(lx.tokens()[4].level, 2);  // '[' is at depth 2 after it opens
}

TEST(Lexer, NumberErrors) {
  struct Case {
    const char* src;
    const char* msg;
    int offset, end_offset;
  };
  const Case cases[] = {
      {"x = 08", "leading zeros in decimal integer literals are not permitted; use an 0o "
                 "prefix for octal integers", 5, 6},
      {"a = 0_7", "leading zeros in decimal integer literals are not permitted; use an 0o "
                  "prefix for octal integers", 5, 7},
      {"x = 0b12", "invalid digit '2' in binary literal", 8, 8},
      {"x = 0o9", "invalid digit '9' in octal literal", 7, 7},
      {"x = 1abc", "invalid decimal literal", 5, 5},
      {"x = 0x", "invalid hexadecimal literal", 6, 6},
      {"x = 1__0", "invalid decimal literal", 6, 6},
      {"x = 1_", "invalid decimal literal", 6, 6},
      {"x = 1e", "invalid decimal literal", 5, 5},
      {"a = 1.e", "invalid decimal literal", 6, 6},
      {"x = 5j5", "invalid imaginary literal", 6, 6},
  };
  for (const Case& c : cases) {
    LexErr e = error_of(c.src);
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.offset, c.offset) << c.src;
    EXPECT_EQ(e.end_offset, c.end_offset) << c.src;
    EXPECT_TRUE(e.hard) << c.src;
  }
}

TEST(Lexer, StringAndCharacterErrors) {
  LexErr e = error_of("x = \"abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(e.offset, 5);
  e = error_of("x = '''abc\n\ny");
  EXPECT_EQ(e.msg, "unterminated triple-quoted string literal (detected at line 3)");
  EXPECT_EQ(e.line, 1);
  e = error_of("x = \"a\\\nb\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 2)");
  e = error_of("x = ab\xe2\x82\xac" "c\n");
  EXPECT_EQ(e.msg, "invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(e.offset, 7);
  e = error_of("x =\xc2\xa0 2\n");
  EXPECT_EQ(e.msg, "invalid non-printable character U+00A0");
  EXPECT_EQ(e.offset, 4);
  e = error_of("x = 1 \\ 2\n");
  EXPECT_EQ(e.msg, "unexpected character after line continuation character");
  EXPECT_EQ(e.offset, 8);
  EXPECT_FALSE(e.hard);
  e = error_of("x = 1\n\\\n");
  EXPECT_EQ(e.msg, "unexpected EOF while parsing");
  EXPECT_EQ(e.line, 2);
  e = error_of(std::string("x = 1\ny = 2\x00\n", 13));
  EXPECT_EQ(e.msg, "source code cannot contain null bytes");
  EXPECT_EQ(e.line, 2);
  e = error_of("x = 1\ny = '\xff'\n");
  EXPECT_EQ(e.msg,
            "Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding "
            "declared; see https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(e.line, 0);  // printed without a location, as CPython does
}

TEST(Lexer, UnicodeIdentifiers) {
  EXPECT_EQ(tokens_of("\xc3\xa9t\xc3\xa9 = \xce\xbb"),
            "NAME \xc3\xa9t\xc3\xa9@1:0-1:5 | '=' =@1:6-1:7 | NAME \xce\xbb@1:8-1:10 | "
            "NEWLINE@1 | ENDMARKER@1");
  EXPECT_TRUE(is_identifier_start(0x3B1));   // α
  EXPECT_FALSE(is_identifier_start(0x300));  // combining grave: continue only
  EXPECT_TRUE(is_identifier_continue(0x300));
  EXPECT_FALSE(is_identifier_continue(0x20AC));
  EXPECT_FALSE(is_printable_code_point(0xA0));
  EXPECT_TRUE(is_printable_code_point(0xE9));
}

TEST(Lexer, PrepareSourceAndOffsets) {
  EXPECT_EQ(prepare_source("a\r\nb\rc"), "a\nb\nc\n");
  EXPECT_EQ(prepare_source("\xEF\xBB\xBFx"), "x\n");
  EXPECT_EQ(prepare_source(""), "");
  EXPECT_EQ(byte_to_char_offset("\xc3\xa9 = 1", 4), 3);  // 'é' is one character
  EXPECT_EQ(byte_to_char_offset("ab", 10), 3);           // clipped to len + 1
}

}  // namespace
}  // namespace pyjitvm::vm

#ifndef DY2ST_SUPPORT_FORMATSPEC_H
#define DY2ST_SUPPORT_FORMATSPEC_H

// What follows a value in an f-string (`!r`, `:>8.3f`): a conversion and
// Python's format specification mini-language. Parsed here once, for the
// verifier of `pydy.print` and for the runtime's printer, which applies it.

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace dy2st {

struct FormatSpec {
  char conversion = 0; ///< 'r', 's', 'a', or 0 for none
  bool hasSpec = false;
  char fill = ' ';
  char align = 0; ///< '<', '>', '=', '^', or 0 for the type's default
  char sign = 0;  ///< '+', '-', ' ', or 0
  bool alternate = false;
  bool zeroPad = false;
  int width = 0;
  char grouping = 0; ///< ',', '_', or 0
  int precision = -1;
  char type = 0; ///< a presentation type letter, or 0 for the default
};

/// `text` as written after the value in an f-string: `""`, `"!r"`, `":.3f"`,
/// `"!s:>8"`; nullopt where Python would reject its syntax.
inline std::optional<FormatSpec> parseFormat(llvm::StringRef text) {
  FormatSpec f;
  if (text.consume_front("!")) {
    if (text.empty() || !llvm::StringRef("rsa").contains(text[0]))
      return std::nullopt;
    f.conversion = text[0];
    text = text.drop_front();
  }
  if (text.empty())
    return f;
  if (!text.consume_front(":"))
    return std::nullopt;
  f.hasSpec = !text.empty();
  auto isAlign = [](char c) { return llvm::StringRef("<>=^").contains(c); };
  if (text.size() >= 2 && isAlign(text[1])) {
    f.fill = text[0];
    f.align = text[1];
    text = text.drop_front(2);
  } else if (!text.empty() && isAlign(text[0])) {
    f.align = text[0];
    text = text.drop_front();
  }
  if (!text.empty() && llvm::StringRef("+- ").contains(text[0])) {
    f.sign = text[0];
    text = text.drop_front();
  }
  f.alternate = text.consume_front("#");
  f.zeroPad = text.consume_front("0");
  auto number = [&](int &out) {
    size_t n = 0;
    while (n < text.size() && n < 6 && llvm::isDigit(text[n]))
      ++n;
    if (n == 0 || (n < text.size() && llvm::isDigit(text[n])))
      return false;
    text.substr(0, n).getAsInteger(10, out);
    text = text.drop_front(n);
    return true;
  };
  if (!text.empty() && llvm::isDigit(text[0]) && !number(f.width))
    return std::nullopt;
  if (!text.empty() && (text[0] == ',' || text[0] == '_')) {
    f.grouping = text[0];
    text = text.drop_front();
  }
  if (text.consume_front(".") && !number(f.precision))
    return std::nullopt;
  if (!text.empty()) {
    if (!llvm::StringRef("bcdeEfFgGnosxX%").contains(text[0]))
      return std::nullopt;
    f.type = text[0];
    text = text.drop_front();
  }
  if (!text.empty())
    return std::nullopt;
  return f;
}

} // namespace dy2st

#endif

// Python's format rules for numbers and text (see PythonFormat.h).
#include "Dy2St/Support/PythonFormat.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <variant>

namespace dy2st {
namespace {

std::string printfDouble(const char *pattern, int precision, double v) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, pattern, precision, v);
  return buffer;
}

/// The mantissa digits and the decimal exponent of `v` (finite, >= 0)
/// rounded to `digits` significant digits.
std::pair<std::string, int> decimalDigits(double v, int digits) {
  std::string s = printfDouble("%.*e", digits - 1, v);
  size_t e = s.find('e');
  std::string mantissa;
  for (char c : s.substr(0, e))
    if (c != '.')
      mantissa += c;
  return {mantissa, std::atoi(s.c_str() + e + 1)};
}

/// Digits and exponent as Python writes them: fixed-point when
/// -4 <= exponent < `limit`, else scientific; trailing zeros dropped, and
/// a fixed-point integral value written with `.0`.
std::string pythonGeneral(const std::string &digits, int exponent, int limit) {
  std::string d = digits;
  while (d.size() > 1 && d.back() == '0')
    d.pop_back();
  if (exponent < -4 || exponent >= limit) {
    std::string s = d.substr(0, 1);
    if (d.size() > 1)
      s += "." + d.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return s + exp;
  }
  if (exponent < 0)
    return "0." + std::string(-exponent - 1, '0') + d;
  if (static_cast<int>(d.size()) <= exponent + 1)
    return d + std::string(exponent + 1 - d.size(), '0') + ".0";
  return d.substr(0, exponent + 1) + "." + d.substr(exponent + 1);
}

std::string nonFinite(double v, bool upper) {
  std::string s = std::isnan(v) ? "nan" : "inf";
  if (upper)
    for (char &c : s)
      c = llvm::toUpper(c);
  return s;
}

std::string quoted(const std::string &text) {
  char quote = text.find('\'') != std::string::npos && text.find('"') == std::string::npos
                   ? '"' : '\'';
  std::string s(1, quote);
  for (char c : text) {
    if (c == '\\' || c == quote)
      s += std::string("\\") + c;
    else if (c == '\n')
      s += "\\n";
    else if (c == '\t')
      s += "\\t";
    else
      s += c;
  }
  return s + quote;
}

/// How many characters UTF-8 `text` holds (Python pads and truncates by
/// characters, not bytes).
size_t characters(const std::string &text) {
  return llvm::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

/// The first `n` characters of UTF-8 `text`.
std::string firstCharacters(const std::string &text, size_t n) {
  size_t end = 0;
  for (size_t seen = 0; end < text.size(); ++end)
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == n)
      break;
  return text.substr(0, end);
}

std::string grouped(const std::string &digits, char separator, size_t every) {
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % every == 0)
      s += separator;
    s += digits[i];
  }
  return s;
}


/// The digits of `n` under `spec` (the sign goes separately), or an error.
llvm::Expected<std::string> numberBody(std::variant<int64_t, double> n, const FormatSpec &spec, bool &negative,
                                       std::string &prefix) {
  auto fail = [](const std::string &message) {
    return llvm::createStringError("ValueError: " + message);
  };
  char type = spec.type;
  if (auto *i = std::get_if<int64_t>(&n)) {
    if (!type || llvm::StringRef("bcdnoxX").contains(type)) {
      if (spec.precision >= 0)
        return fail("Precision not allowed in integer format specifier");
      negative = *i < 0;
      uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(*i) : *i;
      if (type == 'c') {
        // The character, in UTF-8 (the text is written as UTF-8).
        char utf8[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
        char *end = utf8;
        if (*i < 0 || *i > 0x10FFFF)
          return llvm::createStringError("OverflowError: %c arg not in range(0x110000)");
        if (!llvm::ConvertCodePointToUTF8(static_cast<unsigned>(*i), end))
          return llvm::createStringError("UnicodeEncodeError: surrogates not allowed");
        negative = false;
        return std::string(utf8, end);
      }
      unsigned base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
      std::string digits;
      do {
        digits.insert(digits.begin(), "0123456789abcdef"[magnitude % base]);
        magnitude /= base;
      } while (magnitude);
      if (type == 'X')
        for (char &c : digits)
          c = llvm::toUpper(c);
      if (spec.alternate && base != 10)
        prefix = std::string("0") + (type == 'X' ? 'X' : type);
      if (spec.grouping == ',' && base != 10)
        return fail(std::string("Cannot specify ',' with '") + type + "'.");
      return digits;
    }
    n = static_cast<double>(*i);
  }
  double v = std::get<double>(n);
  if (type && !llvm::StringRef("eEfFgGn%").contains(type))
    return fail(std::string("Unknown format code '") + type + "' for object of type 'float'");
  negative = std::signbit(v) && !std::isnan(v);
  v = std::fabs(v);
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (!std::isfinite(v))
    return nonFinite(v, upper) + (type == '%' ? "%" : "");
  int precision = spec.precision >= 0 ? spec.precision : 6;
  std::string s;
  switch (type) {
  case 'e': case 'E': s = printfDouble(upper ? "%.*E" : "%.*e", precision, v); break;
  case 'f': case 'F': s = printfDouble("%.*f", precision, v); break;
  case '%': s = printfDouble("%.*f", precision, v * 100) + "%"; break;
  case 'g': case 'G': case 'n':
    s = printfDouble(spec.alternate ? (upper ? "%#.*G" : "%#.*g") : (upper ? "%.*G" : "%.*g"),
                     precision, v);
    break;
  default:
    if (spec.precision < 0)
      return reprFloat(v);
    precision = std::max(precision, 1);
    auto [digits, exponent] = decimalDigits(v, precision);
    s = pythonGeneral(digits, exponent, precision - 1);
  }
  return s;
}

} // namespace

std::string reprFloat(double v) {
  if (!std::isfinite(v))
    return std::string(std::signbit(v) && std::isinf(v) ? "-" : "") + nonFinite(v, false);
  // The shortest digits that read back as `v`, as Python's repr.
  double magnitude = std::fabs(v);
  std::pair<std::string, int> shortest;
  for (int digits = 1; digits <= 17; ++digits) {
    shortest = decimalDigits(magnitude, digits);
    std::string text = shortest.first.substr(0, 1) + "." + shortest.first.substr(1) + "e" +
                       std::to_string(shortest.second);
    if (std::strtod(text.c_str(), nullptr) == magnitude)
      break;
  }
  return (std::signbit(v) ? "-" : "") + pythonGeneral(shortest.first, shortest.second, 16);
}

llvm::Expected<std::string> formatPython(const PythonValue &value, const FormatSpec &spec) {
  using Kind = PythonValue::Kind;
  // A conversion makes text of the value first (str and repr of a number
  // are the same; repr of text quotes it).
  if (spec.conversion || (value.kind == Kind::Bool && !spec.hasSpec)) {
    std::string text;
    switch (value.kind) {
    case Kind::Int: text = std::to_string(value.intValue); break;
    case Kind::Float: text = reprFloat(value.floatValue); break;
    case Kind::Bool: text = value.intValue ? "True" : "False"; break;
    case Kind::Text:
      text = spec.conversion == 'r' || spec.conversion == 'a' ? quoted(value.text) : value.text;
      break;
    }
    FormatSpec rest = spec;
    rest.conversion = 0;
    return formatPython(PythonValue::ofText(std::move(text)), rest);
  }
  if (!spec.hasSpec) {
    if (value.kind == Kind::Int)
      return std::to_string(value.intValue);
    if (value.kind == Kind::Float)
      return reprFloat(value.floatValue);
    return value.text;
  }
  std::variant<int64_t, double> number = value.intValue;
  if (value.kind == Kind::Float)
    number = value.floatValue;
  const std::string &text = value.text;
  std::string sign, prefix, body;
  char align = spec.align, fill = spec.fill;
  if (value.kind != Kind::Text) {
    bool negative = false;
    llvm::Expected<std::string> digits = numberBody(number, spec, negative, prefix);
    if (!digits)
      return digits.takeError();
    body = *digits;
    sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
    if (spec.zeroPad && !align) {
      align = '=';
      fill = '0';
    }
    if (!align)
      align = '>';
    size_t intEnd = body.find_first_not_of("0123456789abcdefABCDEF");
    if (std::get_if<double>(&number) || spec.type == 'e' || spec.type == 'f')
      intEnd = body.find_first_not_of("0123456789");
    std::string intPart = body.substr(0, intEnd), rest = intEnd == std::string::npos
                                                             ? "" : body.substr(intEnd);
    if (spec.grouping) {
      size_t every = llvm::StringRef("box").contains(spec.type) || spec.type == 'X' ? 4 : 3;
      // Zero padding is grouped too, as Python does.
      while (align == '=' && fill == '0' &&
             sign.size() + prefix.size() + grouped(intPart, spec.grouping, every).size() +
                     rest.size() < static_cast<size_t>(spec.width))
        intPart = "0" + intPart;
      intPart = grouped(intPart, spec.grouping, every);
    }
    body = intPart + rest;
  } else {
    if (spec.type && spec.type != 's')
      return llvm::createStringError(std::string("ValueError: Unknown format code '") +
                                     spec.type + "' for object of type 'str'");
    if (spec.sign)
      return llvm::createStringError("ValueError: Sign not allowed in string format specifier");
    if (spec.alternate)
      return llvm::createStringError(
          "ValueError: Alternate form (#) not allowed in string format specifier");
    if (align == '=')
      return llvm::createStringError(
          "ValueError: '=' alignment not allowed in string format specifier");
    body = spec.precision >= 0 ? firstCharacters(text, spec.precision) : text;
    if (!align)
      align = '<';
  }
  size_t length = sign.size() + prefix.size() + characters(body);
  size_t pad = spec.width > static_cast<int>(length) ? spec.width - length : 0;
  switch (align) {
  case '<': return sign + prefix + body + std::string(pad, fill);
  case '^': return std::string(pad / 2, fill) + sign + prefix + body + std::string(pad - pad / 2, fill);
  case '=': return sign + prefix + std::string(pad, fill) + body;
  default: return std::string(pad, fill) + sign + prefix + body;
  }
}

/// The text without Python's digit-grouping underscores, or nothing where an
/// underscore is not between two digits.
static std::optional<std::string> withoutUnderscores(llvm::StringRef text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      out.push_back(text[i]);
      continue;
    }
    if (i == 0 || i + 1 == text.size() || !llvm::isDigit(text[i - 1]) ||
        !llvm::isDigit(text[i + 1]))
      return std::nullopt;
  }
  return out;
}

std::optional<double> parsePythonFloat(llvm::StringRef text) {
  text = text.trim();
  bool negative = text.consume_front("-");
  if (!negative)
    text.consume_front("+");
  double sign = negative ? -1.0 : 1.0;
  if (text.equals_insensitive("inf") || text.equals_insensitive("infinity"))
    return sign * HUGE_VAL;
  if (text.equals_insensitive("nan"))
    return std::copysign(NAN, sign);
  auto digits = withoutUnderscores(text);
  // Only decimal literals: strtod would also read hexadecimal and "infinity".
  if (!digits || digits->empty() ||
      !llvm::all_of(*digits, [](char c) { return llvm::isDigit(c) || llvm::is_contained(".eE+-", c); }))
    return std::nullopt;
  bool digitBeforeExponent = false;
  for (char c : *digits) {
    if (c == 'e' || c == 'E')
      break;
    digitBeforeExponent |= llvm::isDigit(c);
  }
  if (!digitBeforeExponent || !(llvm::isDigit(digits->front()) || digits->front() == '.'))
    return std::nullopt;
  char *end = nullptr;
  double value = std::strtod(digits->c_str(), &end);
  if (end != digits->c_str() + digits->size())
    return std::nullopt;
  return sign * value;
}

std::optional<int64_t> parsePythonInt(llvm::StringRef text) {
  text = text.trim();
  bool negative = text.consume_front("-");
  if (!negative)
    text.consume_front("+");
  auto digits = withoutUnderscores(text);
  if (!digits || digits->empty() || !llvm::all_of(*digits, llvm::isDigit))
    return std::nullopt;
  llvm::APInt value;
  if (llvm::StringRef(*digits).getAsInteger(10, value) || value.getActiveBits() > 64)
    return std::nullopt;
  llvm::APInt wide = value.zext(std::max(65u, value.getBitWidth() + 1));
  if (negative)
    wide.negate();
  if (!wide.isSignedIntN(64))
    return std::nullopt;
  return wide.getSExtValue();
}

} // namespace dy2st

#include "Dy2St/Support/Nesting.h"

#include "llvm/ADT/StringExtras.h"

/// Whether `text` names an SSA value (`%v6`, `%arg0`) right before `at`.
static bool followsValueName(llvm::StringRef text, size_t at) {
  size_t start = at;
  while (start &&
         (llvm::isAlnum(text[start - 1]) || llvm::StringRef("_$.-").contains(text[start - 1])))
    --start;
  return start < at && start && text[start - 1] == '%';
}

/// The first error of `text` (strings and comments skipped): brackets nested
/// deeper than kMaxNesting, or, where `resultNumbers`, a result number
/// (`%v#N`) beyond kMaxResultNumber.
static llvm::Error scan(llvm::StringRef text, llvm::StringRef name, bool resultNumbers) {
  unsigned depth = 0, line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {
      // A string literal, with backslash escapes.
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\')
          ++i;
      if (i < text.size() && text[i] == '\n')
        ++line;
    } else if (c == '/' && text.substr(i, 2) == "//") {
      i = std::min(text.find('\n', i), text.size()) - 1;
    } else if (c == '{' || c == '(' || c == '[') {
      if (++depth > dy2st::kMaxNesting)
        return llvm::createStringError(
            name + ":" + llvm::Twine(line) + ": the IR nests more than " +
            llvm::Twine(dy2st::kMaxNesting) + " levels deep, more than dy2st reads");
    } else if ((c == '}' || c == ')' || c == ']') && depth) {
      --depth;
    } else if (c == '#' && resultNumbers && followsValueName(text, i) && i + 1 < text.size() &&
               llvm::isDigit(text[i + 1])) {
      llvm::StringRef digits = text.substr(i + 1).take_while(llvm::isDigit);
      unsigned long long number;
      if (digits.getAsInteger(10, number) || number > dy2st::kMaxResultNumber)
        return llvm::createStringError(name + ":" + llvm::Twine(line) + ": the result number " +
                                       digits + " is beyond what dy2st reads");
    }
  }
  return llvm::Error::success();
}

llvm::Error dy2st::checkNesting(llvm::StringRef text, llvm::StringRef name) {
  return scan(text, name, /*resultNumbers=*/false);
}

llvm::Error dy2st::checkReadable(llvm::StringRef text, llvm::StringRef name) {
  return scan(text, name, /*resultNumbers=*/true);
}

#include "Dy2St/Support/Nesting.h"

llvm::Error dy2st::checkNesting(llvm::StringRef text, llvm::StringRef name) {
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
      if (++depth > kMaxNesting)
        return llvm::createStringError(
            name + ":" + llvm::Twine(line) + ": the IR nests more than " +
            llvm::Twine(kMaxNesting) + " levels deep, more than dy2st reads");
    } else if ((c == '}' || c == ')' || c == ']') && depth) {
      --depth;
    }
  }
  return llvm::Error::success();
}

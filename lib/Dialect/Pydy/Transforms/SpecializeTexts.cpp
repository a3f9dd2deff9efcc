// Specialization of methods of strings known when compiling (see
// Specializer.h): `act.lower() == "relu"` of a string argument, computed
// then, as Python's str methods do for ASCII text.
#include "Specializer.h"

#include "llvm/ADT/StringExtras.h"

namespace mlir::pydy::specialization {

/// Python's str.strip() without arguments strips these (of ASCII text).
static constexpr llvm::StringLiteral kWhitespace = " \t\n\r\v\f";

/// `text.replace(old, new, count)`, Python's way (an empty `old` inserts
/// `new` before every character and at the end).
static std::string replaced(StringRef text, StringRef old, StringRef with, int64_t count) {
  std::string out;
  size_t at = 0;
  for (int64_t done = 0; count < 0 || done < count; ++done) {
    size_t found = old.empty() ? (at <= text.size() ? at : StringRef::npos) : text.find(old, at);
    if (found == StringRef::npos)
      break;
    out += text.slice(at, found).str() + with.str();
    if (old.empty()) {
      if (found == text.size())
        return out;
      out += text[found];
      at = found + 1;
    } else {
      at = found + old.size();
    }
  }
  return out + text.drop_front(std::min(at, text.size())).str();
}

LogicalResult Specializer::specializeTextMethod(CallMethodOp op) {
  StringRef method = op.getMethod();
  auto text = dyn_cast_or_null<StringAttr>(constantOf(op.getObject()));
  SmallVector<Attribute> args = llvm::map_to_vector(op.getArgs(), constantOf);
  if (!text || !op.getKwnames().empty() || llvm::is_contained(args, Attribute()))
    return op.emitError() << "calling method '" << method
                          << "' of a str is supported by dy2st for a string and arguments known "
                             "when compiling, given by position";
  StringRef s = text.getValue();
  if (!llvm::isASCII(s))
    return op.emitError() << "str." << method << "() of text beyond ASCII is not supported by "
                             "dy2st yet";
  MLIRContext *ctx = op.getContext();
  auto textArg = [&](size_t i) { return dyn_cast<StringAttr>(args[i]); };
  auto intArg = [&](size_t i) { return dyn_cast<IntegerAttr>(args[i]); };
  Attribute result;
  if ((method == "lower" || method == "upper") && args.empty()) {
    result = StringAttr::get(ctx, method == "lower" ? s.lower() : s.upper());
  } else if ((method == "startswith" || method == "endswith") && args.size() == 1) {
    SmallVector<StringRef> affixes;
    if (auto one = textArg(0))
      affixes.push_back(one.getValue());
    else if (auto several = dyn_cast<ArrayAttr>(args[0]))
      for (Attribute a : several)
        if (auto t = dyn_cast<StringAttr>(a))
          affixes.push_back(t.getValue());
    if (affixes.empty() && !isa<ArrayAttr>(args[0]))
      return op.emitError() << "TypeError: " << method
                            << " first arg must be str or a tuple of str";
    bool found = llvm::any_of(affixes, [&](StringRef a) {
      return method == "startswith" ? s.starts_with(a) : s.ends_with(a);
    });
    result = BoolAttr::get(ctx, found);
  } else if ((method == "strip" || method == "lstrip" || method == "rstrip") &&
             args.size() <= 1) {
    StringRef chars = kWhitespace;
    if (!args.empty() && !isa<UnitAttr>(args[0])) {
      if (!textArg(0))
        return op.emitError() << "TypeError: " << method << " arg must be None or str";
      chars = textArg(0).getValue();
    }
    StringRef stripped = s;
    if (method != "rstrip")
      stripped = stripped.ltrim(chars);
    if (method != "lstrip")
      stripped = stripped.rtrim(chars);
    result = StringAttr::get(ctx, stripped);
  } else if (method == "replace" && (args.size() == 2 || args.size() == 3) && textArg(0) &&
             textArg(1) && (args.size() == 2 || intArg(2))) {
    int64_t count = args.size() == 3 ? intArg(2).getInt() : -1;
    result = StringAttr::get(
        ctx, replaced(s, textArg(0).getValue(), textArg(1).getValue(), count));
  } else if (method == "split" && args.size() <= 2 &&
             (args.empty() || textArg(0) || isa<UnitAttr>(args[0])) &&
             (args.size() < 2 || intArg(1))) {
    // Python's split: by a separator (never empty), or by runs of whitespace.
    int64_t limit = args.size() == 2 ? intArg(1).getInt() : -1;
    SmallVector<StringRef> parts;
    if (!args.empty() && textArg(0)) {
      if (textArg(0).getValue().empty())
        return op.emitError("ValueError: empty separator");
      s.split(parts, textArg(0).getValue(), limit);
    } else {
      StringRef rest = s.ltrim(kWhitespace);
      while (!rest.empty() && (limit < 0 || static_cast<int64_t>(parts.size()) < limit)) {
        auto [head, tail] = rest.split(rest.find_first_of(kWhitespace) == StringRef::npos
                                           ? StringRef()
                                           : rest.substr(rest.find_first_of(kWhitespace), 1));
        parts.push_back(head);
        rest = tail.ltrim(kWhitespace);
      }
      if (!rest.empty())
        parts.push_back(rest.rtrim(kWhitespace));
    }
    result = ArrayAttr::get(ctx, llvm::map_to_vector(parts, [&](StringRef p) -> Attribute {
                              return StringAttr::get(ctx, p);
                            }));
  } else if (method == "find" && args.size() == 1 && textArg(0)) {
    size_t at = s.find(textArg(0).getValue());
    result = IntegerAttr::get(IntegerType::get(ctx, 64),
                              at == StringRef::npos ? -1 : static_cast<int64_t>(at));
  } else {
    return op.emitError() << "str." << method
                          << "() of a string known when compiling is not supported by dy2st "
                             "yet (lower, upper, startswith, endswith, strip, lstrip, rstrip, "
                             "replace, split and find are)";
  }
  OpBuilder b(op);
  Value value;
  if (auto parts = dyn_cast<ArrayAttr>(result)) {
    // split's list of strings.
    SmallVector<Value> items = llvm::map_to_vector(
        parts, [&](Attribute p) -> Value { return ConstantOp::create(b, op.getLoc(), p); });
    SmallVector<Type> types(ValueRange(items).getTypes());
    value = ListOp::create(b, op.getLoc(), ListType::get(ctx, types), items);
  } else {
    value = ConstantOp::create(b, op.getLoc(), result);
  }
  op.getResult().replaceAllUsesWith(value);
  op.getUpdated().replaceAllUsesWith(op.getObject());
  op.erase();
  return success();
}

} // namespace mlir::pydy::specialization

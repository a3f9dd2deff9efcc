// Specialization of calls (see Specializer.h): methods, isinstance, the
// op table's library calls and their static arguments, f-strings.
#include "Specializer.h"

namespace mlir::pydy::specialization {

bool Specializer::writtenPlain(ArrayAttr formats, unsigned i) {
  if (formats.empty())
    return true;
  StringRef format = cast<StringAttr>(formats[i]).getValue();
  return format.empty() || format == ":";
}

/// A list, tuple, dict or namedtuple: written as Python writes it, its
/// items given as print items (see spliceFormats).
static bool isContainer(Type t) { return isa<ListType, TupleType, DictType, NamedTupleType>(t); }

/// Whether an item with `format` is written as text (`str()`, `!r`, no spec).
static bool writtenAsText(StringRef format) {
  std::optional<dy2st::FormatSpec> spec = dy2st::parseFormat(format);
  return format.empty() || (spec && !spec->hasSpec);
}

/// Python's repr of `text` ('quoted', escaped).
static std::string reprText(StringRef text) {
  llvm::Expected<std::string> repr =
      dy2st::formatPython(dy2st::PythonValue::ofText(text.str()), *dy2st::parseFormat("!r"));
  return repr ? *repr : llvm::toString(repr.takeError());
}

/// `v`, a container, as print items: its brackets, separators and keys as
/// text, each item as its repr (the items of nested containers in turn).
static void appendContainerItems(OpBuilder &b, Location loc, Value v, SmallVectorImpl<Value> &items,
                                 SmallVectorImpl<Attribute> &formats) {
  auto text = [&](const Twine &t) {
    items.push_back(ConstantOp::create(b, loc, b.getStringAttr(t)));
    formats.push_back(b.getStringAttr(""));
  };
  auto item = [&](Value e) {
    if (isContainer(e.getType()))
      return appendContainerItems(b, loc, e, items, formats);
    if (isa<PyNoneType>(e.getType()))
      return text("None");
    if (auto known = dyn_cast_or_null<StringAttr>(constantOf(e)))
      return text(reprText(known.getValue()));
    items.push_back(e);
    formats.push_back(b.getStringAttr("!r"));
  };
  Type t = v.getType();
  SmallVector<Value> elements = elementsOf(b, loc, v);
  if (auto dict = dyn_cast<DictType>(t)) {
    text("{");
    for (auto [k, key, e] : llvm::enumerate(dict.getKeys(), elements)) {
      auto name = dyn_cast<StringAttr>(key);
      text((k ? ", " : "") + (name ? reprText(name.getValue()) : dictKeyRepr(key)) + ": ");
      item(e);
    }
    return text("}");
  }
  if (auto named = dyn_cast<NamedTupleType>(t)) {
    text(named.getClassKey().split('#').first + "(");
    for (auto [k, field, e] : llvm::enumerate(named.getFields(), elements)) {
      text((k ? ", " : "") + field.getValue() + "=");
      item(e);
    }
    return text(")");
  }
  bool list = isa<ListType>(t);
  text(list ? "[" : "(");
  for (auto [k, e] : llvm::enumerate(elements)) {
    if (k)
      text(", ");
    item(e);
  }
  text(list ? "]" : elements.size() == 1 ? ",)" : ")");
}

LogicalResult Specializer::specializeFormat(FormatOp op, Operation *&next) {
  for (Value v : op.getValues()) {
    Type t = v.getType();
    if (!constantOf(v) &&
        !isa<RankedTensorType, tensor_array::ArrayType, RuntimeDictType, ExceptionType>(t) &&
        !isPythonScalar(t) && !isKnownOrChosenText(v) && !isContainer(t))
      return op.emitError() << "formatting " << withArticle(t)
                            << " as text is not supported in compiled code";
  }
  op.getResult().setType(StrType::get(op.getContext()));
  SmallVector<Attribute> constants = llvm::map_to_vector(op.getValues(), constantOf);
  if (llvm::all_of(constants, [](Attribute a) { return bool(a); })) {
    SmallVector<OpFoldResult> folded;
    if (failed(op->fold(constants, folded)) || folded.empty())
      return op.emitError("the values of this f-string do not take its formats (Python "
                          "raises a ValueError or TypeError here)");
    OpBuilder b(op);
    op.getResult().replaceAllUsesWith(
        ConstantOp::create(b, op.getLoc(), op.getType(), cast<Attribute>(folded.front())));
    op.erase();
    return success();
  }
  for (OpOperand &use : op->getUses()) {
    Operation *user = use.getOwner();
    ArrayAttr formats = isa<PrintOp>(user)   ? cast<PrintOp>(user).getFormatsAttr()
                        : isa<RaiseOp>(user) ? cast<RaiseOp>(user).getFormatsAttr()
                                             : ArrayAttr();
    if (!formats || !writtenPlain(formats, use.getOperandNumber()))
      return op.emitError("a string made at run time (an f-string of a tensor) can only be "
                          "printed, raised or logged in compiled code");
  }
  return success();
}

void Specializer::spliceFormats(Operation *op, MutableOperandRange values, ArrayAttr formats,
                          StringRef sep) {
  auto madeAtRunTime = [](Value v) {
    auto format = v.getDefiningOp<FormatOp>();
    return format && isa<StrType>(format.getType()) ? format : FormatOp();
  };
  auto formatOf = [&](ArrayAttr all, unsigned i) {
    return all.empty() ? StringRef() : cast<StringAttr>(all[i]).getValue();
  };
  SmallVector<Value> operands(values.getAsOperandRange());
  if (llvm::none_of(llvm::enumerate(operands), [&](auto item) {
        auto [i, v] = item;
        return madeAtRunTime(v) ||
               (isContainer(v.getType()) && writtenAsText(formatOf(formats, i)));
      }))
    return;
  OpBuilder b(op);
  Location loc = op->getLoc();
  SmallVector<Value> items;
  SmallVector<Attribute> itemFormats;
  SmallVector<FormatOp> spliced;
  auto add = [&](Value v, StringRef format) {
    if (isContainer(v.getType()) && writtenAsText(format))
      return appendContainerItems(b, loc, v, items, itemFormats);
    // `{numbers!r:>12}`: the spec applies to the whole text, which the
    // runtime makes of a list of numbers of one kind.
    Type item = isa<ListType>(v.getType()) ? arrayItemType(v.getType()) : Type();
    if (item && isPythonScalar(item))
      v = castTo(b, v, tensor_array::ArrayType::get(item));
    items.push_back(v);
    itemFormats.push_back(b.getStringAttr(format));
  };
  for (auto [i, v] : llvm::enumerate(operands)) {
    if (i && !sep.empty()) {
      items.push_back(ConstantOp::create(b, loc, b.getStringAttr(sep)));
      itemFormats.push_back(b.getStringAttr(""));
    }
    if (FormatOp format = madeAtRunTime(v)) {
      for (auto [j, value] : llvm::enumerate(format.getValues()))
        add(value, formatOf(format.getFormats(), j));
      spliced.push_back(format);
      continue;
    }
    add(v, formatOf(formats, i));
  }
  values.assign(items);
  op->setAttr("formats", b.getArrayAttr(itemFormats));
  if (isa<PrintOp>(op))
    op->setAttr("sep", b.getStringAttr(""));
  for (FormatOp format : spliced)
    if (format->use_empty())
      format->erase();
}

/// The classes a compiled value of type `t` is an instance of, by name (see
/// specializeIsInstance); with `exact`, its own class only.
static SmallVector<StringRef> kindNames(Type t, bool exact) {
  if (t.isInteger(1))
    return exact ? SmallVector<StringRef>{"bool"} : SmallVector<StringRef>{"bool", "int"};
  if (t.isInteger(64))
    return {"int"};
  if (t.isF64())
    return {"float"};
  if (isa<StrType>(t))
    return {"str"};
  if (isa<PyNoneType>(t))
    return {"NoneType"};
  if (isa<ListType, tensor_array::ArrayType>(t))
    return {"list"};
  if (isa<TupleType>(t))
    return {"tuple"};
  if (auto named = dyn_cast<NamedTupleType>(t); named && !exact && !named.isDataclass())
    return {"tuple"};
  if (isa<DictType, RuntimeDictType>(t))
    return {"dict"};
  if (isa<RuntimeSetType>(t))
    return {"set"};
  if (isa<RankedTensorType>(t))
    return {"Tensor"};
  return {};
}

LogicalResult Specializer::specializeIsInstance(CallMethodOp op) {
  // "__type_is__": `type(v) is C`, which a value of a subclass of C is not.
  bool exact = op.getMethod() == "__type_is__";
  // "__isinstance_like__"(w): `isinstance(v, type(w))` (PaddleNLP's
  // `isinstance(encoder_outputs, type(embedding_output))`): w's own class.
  bool like = op.getMethod() == "__isinstance_like__";
  // "__hasattr__"(kinds, name): `hasattr(v, name)`, true for a value of one
  // of the kinds that have the attribute (the importer lists them; a record
  // kind, "namedtuple" or "dataclass", for what all such records have) or
  // for a record with that field.
  bool attribute = op.getMethod() == "__hasattr__";
  Type t = op.getObject().getType();
  // A lambda (or a function passed as one) is callable: `callable(fn)`.
  bool lambda = op.getObject().getDefiningOp<LambdaOp>() != nullptr;
  if (unknown(t) && !lambda)
    return op.emitError() << "dy2st cannot tell the type of this value for "
                          << (exact       ? "type()"
                              : attribute ? "hasattr()"
                                          : "isinstance()");
  SmallVector<StringRef> names = lambda ? SmallVector<StringRef>{"callable"} : kindNames(t, exact);
  SmallVector<StringRef> wanted;
  std::string recordClass;
  if (like) {
    Type other = op.getArgs()[0].getType();
    if (unknown(other))
      return op.emitError("dy2st cannot tell the type of this value for type()");
    if (auto record = dyn_cast<NamedTupleType>(other)) {
      recordClass = "=" + record.getClassKey().split('<').first.str();
      wanted.push_back(recordClass);
    } else {
      wanted = kindNames(other, /*exact=*/true);
    }
  } else {
    auto classes = cast<StringAttr>(constantOf(op.getArgs()[0])).getValue();
    classes.split(wanted, ',');
  }
  // "~base": a user class, of which compiled values are not instances; a
  // subclass of tuple, list or dict cannot be told from its base here.
  for (StringRef w : wanted)
    if (w.consume_front("~") && !w.empty() && llvm::is_contained(names, w))
      return op.emitError() << (exact ? "type() compared with" : "isinstance() with")
                            << " a subclass of " << w << " cannot be told "
                            << "apart from a plain " << w << " in compiled code";
  // "=key": a record class (namedtuple or dataclass), of which a record of
  // it or of a class deriving from it is an instance.
  auto named = dyn_cast<NamedTupleType>(t);
  if (named && attribute)
    names.push_back(named.isDataclass() ? "dataclass" : "namedtuple");
  bool result = llvm::any_of(wanted, [&](StringRef w) {
    if (llvm::is_contained(names, w))
      return true;
    if (!named || !w.consume_front("="))
      return false;
    return exact ? named.getClassKey().split('<').first == w : named.isInstanceOf(w);
  });
  if (attribute && named)
    result |=
        named.fieldIndex(cast<StringAttr>(constantOf(op.getArgs()[1])).getValue()).has_value();
  OpBuilder b(op);
  op.getResult().replaceAllUsesWith(ConstantOp::create(b, op.getLoc(), b.getBoolAttr(result)));
  op.getUpdated().replaceAllUsesWith(op.getObject());
  op.erase();
  return success();
}

LogicalResult Specializer::extendList(CallMethodOp op, Operation *&next) {
  if (op.getArgs().size() != 1 || !op.getKwnames().empty())
    return op.emitError("list.extend() takes exactly one argument");
  Value items = op.getArgs()[0];
  Type type = items.getType();
  if (isa<RuntimeDictType>(type)) {
    OpBuilder b(op);
    items = runtimeDictKeys(b, op.getLoc(), items);
    type = items.getType();
  }
  if (!isa<ListType, TupleType, NamedTupleType, DictType, tensor_array::ArrayType>(type))
    return op.emitError() << "list.extend() of " << withArticle(type)
                          << " is not supported by dy2st yet";
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (!isa<ListType, tensor_array::ArrayType>(type)) {
    // A tuple's items, or a dict's keys, as a list.
    SmallVector<Value> elements;
    if (auto dict = dyn_cast<DictType>(type))
      for (Attribute key : dict.getKeys())
        elements.push_back(ConstantOp::create(b, loc, key));
    else
      elements = elementsOf(b, loc, items);
    SmallVector<Type> types(ValueRange(elements).getTypes());
    items = ListOp::create(b, loc, ListType::get(op.getContext(), types), elements);
  }
  // `l += items`: the list (or TensorArray) the concatenation makes.
  Value joined = BinaryOp::create(b, loc, ObjectType::get(op.getContext()), BinaryKind::add,
                                  op.getObject(), items);
  op.getUpdated().replaceAllUsesWith(joined);
  op.getResult().replaceAllUsesWith(ConstantOp::create(b, loc, b.getUnitAttr()));
  next = firstAfter(before, op);
  op.erase();
  return success();
}

LogicalResult Specializer::tensorRows(CallMethodOp op, bool asList, Operation *&next) {
  // Rows up to this many are a list of their own types; more, or a number
  // known only at run time, a TensorArray filled by a loop (one op per row
  // would grow the program with the tensor).
  constexpr int64_t kMostRowsUnrolled = 64;
  auto tensor = cast<RankedTensorType>(op.getObject().getType());
  int64_t rows = tensor.getDimSize(0);
  bool unrolled = !tensor.isDynamicDim(0) && rows <= kMostRowsUnrolled;
  if (!asList && !unrolled)
    return op.emitError() << "tuple() of " << withArticle(tensor)
                          << " is not supported by dy2st yet (of at most " << kMostRowsUnrolled
                          << " rows known when compiling, it is)";
  Location loc = op.getLoc();
  Type object = ObjectType::get(op.getContext());
  OpBuilder b(op);
  auto constant = [&](int64_t v) -> Value {
    return ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
  };
  Value result;
  Operation *first;
  if (unrolled) {
    SmallVector<Value> items;
    for (int64_t i = 0; i < rows; ++i) {
      Value index = constant(i);
      if (i == 0)
        first = index.getDefiningOp();
      items.push_back(SubscriptOp::create(b, loc, object, op.getObject(), index));
    }
    result = asList ? Value(ListOp::create(b, loc, object, items))
                    : Value(TupleOp::create(b, loc, object, items));
    if (rows == 0)
      first = result.getDefiningOp();
  } else {
    Value n = LenOp::create(b, loc, object, op.getObject());
    first = n.getDefiningOp();
    Value empty = ListOp::create(b, loc, object, ValueRange{});
    result = appendItems(b, loc, empty, op.getObject(), constant(0), n, constant(1));
  }
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(op.getObject());
  op.erase();
  next = first;
  return success();
}

LogicalResult Specializer::specializeMethod(CallMethodOp op, Operation *&next) {
  Type receiver = op.getObject().getType();
  StringRef method = op.getMethod();
  if (isClassQuery(method))
    return specializeIsInstance(op);
  if (method == "__flatten__" || method == "__pack__")
    return specializeStructure(op);
  // pybuiltins' order-free builtins (sum, sorted, ...): a set's items (see
  // SpecializeRuntimeSets.cpp), any other iterable itself.
  if (method == "__unordered__" && op.getArgs().empty()) {
    op.getResult().replaceAllUsesWith(op.getObject());
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    return success();
  }
  // l.copy() / d.copy(): compiled containers are values, so the copy is
  // the same value (list(l) of a list, a new display of a dict).
  if (method == "copy" && op.getArgs().empty() && op.getKwnames().empty() &&
      isa<ListType, tensor_array::ArrayType, DictType>(receiver)) {
    OpBuilder b(op);
    Value copy = op.getObject();
    if (isa<DictType>(receiver))
      copy = makeDict(b, op.getLoc(), entriesOf(b, op.getLoc(), op.getObject()));
    op.getResult().replaceAllUsesWith(copy);
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    return success();
  }
  if (method == "__list__" || method == "__tuple__") {
    // list(x) / tuple(x) of a container known at compile time (a dict: its keys).
    // list(x) of a TensorArray is x: arrays are values, so the copy is too.
    if (method == "__list__" && isa<tensor_array::ArrayType>(receiver)) {
      op.getResult().replaceAllUsesWith(op.getObject());
      op.getUpdated().replaceAllUsesWith(op.getObject());
      op.erase();
      return success();
    }
    if (auto tensor = dyn_cast<RankedTensorType>(receiver); tensor && tensor.getRank() > 0)
      return tensorRows(op, method == "__list__", next);
    if (!sequenceElementTypes(receiver))
      return op.emitError() << method.drop_front(2).drop_back(2) << "() of "
                            << withArticle(receiver) << " is not supported by dy2st yet";
    OpBuilder b(op);
    SmallVector<Value> items;
    if (auto dict = dyn_cast<DictType>(receiver))
      for (Attribute key : dict.getKeys())
        items.push_back(ConstantOp::create(b, op.getLoc(), key));
    else
      items = elementsOf(b, op.getLoc(), op.getObject());
    SmallVector<Type> types(ValueRange(items).getTypes());
    Value result = method == "__list__"
                       ? Value(ListOp::create(b, op.getLoc(),
                                              ListType::get(op.getContext(), types), items))
                       : Value(TupleOp::create(b, op.getLoc(),
                                               TupleType::get(op.getContext(), types), items));
    op.getResult().replaceAllUsesWith(result);
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    return success();
  }
  if (method == "extend" && isa<ListType, tensor_array::ArrayType>(receiver))
    return extendList(op, next);
  bool runtimeIndexed = !op.getArgs().empty() && needsArray(op.getObject(), op.getArgs()[0]);
  if (method == "insert" && (isa<tensor_array::ArrayType>(receiver) ||
                             (isa<ListType>(receiver) && runtimeIndexed)))
    return insertIntoArray(op, next);
  if (method == "reverse" && isa<tensor_array::ArrayType>(receiver))
    return reverseArray(op, next);
  if (isa<tensor_array::ArrayType>(receiver) ||
      (isa<ListType>(receiver) && method == "pop" && op.getArgs().size() == 1 && runtimeIndexed))
    return specializeArrayMethod(op);
  if (isa<ListType>(receiver))
    return specializeListMethod(op);
  if (isa<DictType>(receiver) && method == "get" && op.getKwnames().empty() &&
      !op.getArgs().empty() && op.getArgs().size() <= 2 &&
      isRuntimeKey(receiver, op.getArgs()[0]))
    return getEntryAtRuntimeKey(op, next);
  if (isa<DictType>(receiver))
    return specializeDictMethod(op);
  if (isa<NamedTupleType>(receiver))
    return specializeNamedTupleMethod(op);
  // A NumPy scalar's (see numpy_item): the Python number it holds.
  if (isPythonScalar(receiver) && (method == "item" || method == "tolist") &&
      op.getArgs().empty()) {
    op.getResult().replaceAllUsesWith(op.getObject());
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    return success();
  }
  if (isa<StrType>(receiver))
    return specializeTextMethod(op);
  if (!isa<RankedTensorType>(receiver))
    return op.emitError() << "calling method '" << method << "' of "
                          << withArticle(receiver) << " is not supported by dy2st yet";
  if (method == "numpy" || method == "tolist" || method == "item")
    return valueOfTensor(op);
  StringRef callee = method == "astype" ? StringRef("cast") : method;
  const LibFunction *fn = lookupLibFunction(callee);
  if (!fn || fn->params.empty() || fn->params.front().kind != ParamKind::Tensor)
    return op.emitError() << "Tensor method '" << method
                          << "' is not supported in compiled code";
  OpBuilder b(op);
  SmallVector<Value> args{op.getObject()};
  llvm::append_range(args, op.getArgs());
  auto call = LibCallOp::create(b, op.getLoc(), ObjectType::get(op.getContext()), callee,
                                args, op.getKwnames(), DictionaryAttr());
  op.getResult().replaceAllUsesWith(call.getResult());
  op.getUpdated().replaceAllUsesWith(op.getObject());
  op.erase();
  next = call;
  return success();
}

LogicalResult Specializer::valueOfTensor(CallMethodOp op) {
  StringRef method = op.getMethod();
  if (!op.getArgs().empty())
    return op.emitError() << "Tensor." << method
                          << "() with arguments is not supported in compiled code";
  Value result = op.getObject();
  if (method == "item") {
    Type elem = cast<RankedTensorType>(result.getType()).getElementType();
    UnaryKind kind = elem.isInteger(1)        ? UnaryKind::to_bool
                     : isa<FloatType>(elem) ? UnaryKind::to_float
                                            : UnaryKind::to_int;
    OpBuilder b(op);
    auto unary = UnaryOp::create(b, op.getLoc(), ObjectType::get(op.getContext()), kind, result);
    if (failed(inferResultTypes(unary)))
      return failure();
    result = unary;
  }
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(op.getObject());
  op.erase();
  return success();
}

LogicalResult Specializer::specializeLibCall(LibCallOp op, Operation *&next) {
  const LibFunction *fn = lookupLibFunction(op.getCallee());
  SmallVector<Value> bound;
  if (failed(bindLibArguments(op, bound)))
    return failure();
  if ((fn->op == LibOp::stack || fn->op == LibOp::concat) && bound[0] &&
      isa<tensor_array::ArrayType>(bound[0].getType()))
    return specializeArrayJoin(op, fn->name, bound[0], bound[1]);
  if (fn->op == LibOp::nonzero && bound[1])
    if (auto asTuple = dyn_cast_or_null<BoolAttr>(staticValue(bound[1])); asTuple && asTuple.getValue())
      return nonzeroColumns(op, bound[0], next);
  if (fn->op == LibOp::to_tensor && bound[0])
    if (auto array = dyn_cast<tensor_array::ArrayType>(bound[0].getType());
        array && array.holdsScalars()) {
      // Python numbers in a list whose length is known at run time: a 1-d
      // tensor of them (floats make float32 unless a dtype says otherwise,
      // as eagerly).
      OpBuilder b(op);
      RankedTensorType stacked = array.getStackedType();
      bound[0] = tensor_array::StackOp::create(b, op.getLoc(), stacked, bound[0],
                                               b.getI64IntegerAttr(0), StringAttr());
      bool dtypeGiven = bound[1] && !isa_and_nonnull<UnitAttr>(staticValue(bound[1]));
      if (stacked.getElementType().isF64() && !dtypeGiven)
        bound[0] = UnaryOp::create(b, op.getLoc(), stacked.clone(b.getF32Type()),
                                   UnaryKind::promote, bound[0]);
    }
  if (fn->op == LibOp::to_tensor && bound[0] && isa<DictType, RuntimeDictType>(bound[0].getType()))
    return op.emitError("TypeError: to_tensor cannot make a tensor from dict");
  if (fn->op == LibOp::to_tensor && bound[0] && !staticValue(bound[0]))
    if (auto items = sequenceElementTypes(bound[0].getType());
        items && !items->empty() && !llvm::all_of(*items, isPythonScalar))
      return stackedToTensor(op, bound, next);
  OpBuilder b(op);
  LibTyping typing{op, *fn, {}, {}};
  SmallVector<Value> runtime;
  SmallVector<StringRef> names;
  auto addOperand = [&](const LibParam &param, Value v) {
    typing.operands[param.name].push_back(v);
    runtime.push_back(v);
    names.push_back(param.name);
  };
  for (auto [param, value] : llvm::zip(fn->params, bound)) {
    Attribute literal = value ? staticValue(value) : Attribute();
    if (!value) {
      Attribute def = param.required() ? Attribute() : libDefault(op.getContext(), param);
      if (!def || isa<UnitAttr>(def))
        continue;
      if (param.isStatic()) {
        typing.statics.append(param.name, def);
        continue;
      }
      value = ConstantOp::create(b, op.getLoc(), def);
      literal = def;
    }
    switch (param.kind) {
    case ParamKind::Static:
      if (!literal)
        return op.emitError() << "argument '" << param.name << "' of " << fn->name
                              << "() must be known at compile time";
      if (!isa<UnitAttr>(literal))
        typing.statics.append(param.name, literal);
      break;
    case ParamKind::Data:
      if (literal) {
        typing.statics.append(param.name, literal);
      } else if (auto items = sequenceElementTypes(value.getType());
                 items && !items->empty() && llvm::all_of(*items, isPythonScalar)) {
        // A flat list of numbers known at run time: one operand each.
        for (Value item : elementsOf(b, op.getLoc(), value))
          addOperand(param, item);
        typing.statics.append("items", b.getUnitAttr());
      } else {
        addOperand(param, value);
      }
      break;
    case ParamKind::Tensors:
      if (sequenceElementTypes(value.getType())) {
        for (Value item : elementsOf(b, op.getLoc(), value))
          addOperand(param, item);
        break;
      }
      addOperand(param, value);
      break;
    case ParamKind::Ints:
      if (failed(bindInts(b, op, param, value, typing, addOperand)))
        return failure();
      break;
    case ParamKind::Tensor:
    case ParamKind::Value:
      if (isa<PyNoneType>(value.getType()))
        break;
      addOperand(param, value);
      break;
    }
  }
  FailureOr<Type> result = inferLibCallType(typing);
  if (failed(result))
    return failure();
  auto specialized = LibCallOp::create(b, op.getLoc(), *result, op.getCallee(), runtime,
                                       b.getStrArrayAttr(names),
                                       typing.statics.getDictionary(op.getContext()));
  op.getResult().replaceAllUsesWith(specialized.getResult());
  op.erase();
  (void)next;
  return success();
}

LogicalResult Specializer::nonzeroColumns(LibCallOp op, Value x, Operation *&next) {
  // Binding the arguments checked that `x` is a tensor.
  auto type = cast<RankedTensorType>(x.getType());
  OpBuilder b(op);
  Location loc = op.getLoc();
  Type object = ObjectType::get(op.getContext());
  auto constant = [&](Attribute a) { return ConstantOp::create(b, loc, a).getResult(); };
  auto i64 = [&](int64_t v) { return constant(b.getI64IntegerAttr(v)); };
  auto call = [&](StringRef callee, ValueRange args) {
    return LibCallOp::create(b, loc, object, callee, args, b.getStrArrayAttr({}), DictionaryAttr())
        .getResult();
  };
  Value rows = call("nonzero", {x});
  Operation *first = rows.getDefiningOp();
  SmallVector<Value> columns;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    auto list = [&](int64_t v) {
      return ListOp::create(b, loc, object, ValueRange{i64(v)}).getResult();
    };
    Value column = call("strided_slice", {rows, list(1), list(d), list(d + 1), list(1)});
    columns.push_back(call("squeeze", {column, list(1)}));
  }
  Value result = TupleOp::create(b, loc, object, columns);
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  next = first;
  return success();
}

LogicalResult Specializer::stackedToTensor(LibCallOp op, ArrayRef<Value> bound, Operation *&next) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Type object = ObjectType::get(op.getContext());
  Operation *first = nullptr;
  auto call = [&](StringRef callee, ValueRange args) {
    auto c = LibCallOp::create(b, loc, object, callee, args, b.getStrArrayAttr({}), DictionaryAttr());
    first = first ? first : c.getOperation();
    return c.getResult();
  };
  SmallVector<Value> parts;
  for (Value item : elementsOf(b, loc, bound[0]))
    parts.push_back(isa<RankedTensorType>(item.getType()) ? item : call("to_tensor", {item}));
  auto list = ListOp::create(b, loc, object, parts);
  first = first ? first : list.getOperation();
  Value result = call("stack", {list});
  if (bound[1])
    result = call("cast", {result, bound[1]});
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  next = first;
  return success();
}

Attribute Specializer::staticValue(Value v) {
  if (Attribute a = constantOf(v))
    return a;
  Operation *def = v.getDefiningOp();
  if (auto sub = dyn_cast_or_null<SubscriptOp>(def)) {
    SmallVector<OpFoldResult> folded;
    if (succeeded(sub->fold({Attribute(), constantOf(sub.getIndex())}, folded)) &&
        !folded.empty())
      if (auto attr = dyn_cast<Attribute>(folded.front()))
        return attr;
    auto items = dyn_cast_or_null<ArrayAttr>(staticValue(sub.getValue()));
    auto index = dyn_cast_or_null<IntegerAttr>(constantOf(sub.getIndex()));
    if (!items || !index)
      return {};
    int64_t i = index.getInt() < 0 ? index.getInt() + items.size() : index.getInt();
    return i >= 0 && i < static_cast<int64_t>(items.size()) ? items[i] : Attribute();
  }
  if (!def || !isa<ListOp, TupleOp>(def))
    return {};
  SmallVector<Attribute> items;
  for (Value item : def->getOperands()) {
    items.push_back(staticValue(item));
    if (!items.back())
      return {};
  }
  return ArrayAttr::get(v.getContext(), items);
}

template <typename AddOperand>
LogicalResult Specializer::bindInts(OpBuilder &b, LibCallOp op, const LibParam &param, Value value,
                       LibTyping &typing, AddOperand addOperand) {
  auto isRuntimeInt = [](Type t) {
    if (t.isInteger(64))
      return true;
    auto tensor = dyn_cast<RankedTensorType>(t);
    return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1 &&
           isa<IntegerType>(tensor.getElementType()) &&
           !tensor.getElementType().isInteger(1);
  };
  SmallVector<int64_t> entries;
  auto addEntry = [&](Value v) -> LogicalResult {
    if (auto i = dyn_cast_or_null<IntegerAttr>(staticValue(v)); i && i.getType().isInteger(64)) {
      entries.push_back(i.getInt());
      return success();
    }
    if (!isRuntimeInt(v.getType()))
      return op.emitError() << fn(op) << "(): '" << param.name
                            << "' must hold ints or one-element integer tensors, not "
                            << withArticle(v.getType());
    entries.push_back(kDynamicInt);
    addOperand(param, v);
    return success();
  };
  Type t = value.getType();
  if (auto array = dyn_cast_or_null<ArrayAttr>(staticValue(value))) {
    for (Attribute a : array) {
      auto i = dyn_cast<IntegerAttr>(a);
      if (!i || !i.getType().isInteger(64))
        return op.emitError() << fn(op) << "(): '" << param.name << "' must hold ints";
      entries.push_back(i.getInt());
    }
    typing.statics.append(param.name, b.getDenseI64ArrayAttr(entries));
    return success();
  }
  if (auto tensor = dyn_cast<RankedTensorType>(t); tensor && tensor.getRank() == 1) {
    addOperand(param, value);
    return success();
  }
  if (sequenceElementTypes(t)) {
    for (Value item : elementsOf(b, op.getLoc(), value))
      if (failed(addEntry(item)))
        return failure();
  } else if (failed(addEntry(value))) {
    return failure();
  }
  typing.statics.append(param.name, b.getDenseI64ArrayAttr(entries));
  return success();
}

void Specializer::eraseDeadOps(Region &region) {
  bool changed = true;
  while (changed) {
    changed = false;
    region.walk<WalkOrder::PostOrder, mlir::ReverseIterator>([&](Operation *op) {
      if (isOpTriviallyDead(op)) {
        op->erase();
        changed = true;
      }
    });
  }
}

} // namespace mlir::pydy::specialization

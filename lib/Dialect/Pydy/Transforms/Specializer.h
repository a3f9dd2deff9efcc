#ifndef DY2ST_DIALECT_PYDY_TRANSFORMS_SPECIALIZER_H
#define DY2ST_DIALECT_PYDY_TRANSFORMS_SPECIALIZER_H

// Specialization of a pydy function to an input signature.
//
// A forward walk in program order gives every value a concrete type and folds
// what is static. Python-valued conditions fold, and their `pydy.if` is
// replaced by the branch taken, before the ops after it are typed, so the
// untaken branch is never typed at all (just as Python never runs it). Loops
// are typed to a fixpoint: carried types start from the initial values and are
// joined with what the body yields; when the join widens a type, the body is
// restored from a pristine copy and typed again, so no fold that relied on a
// narrower type survives.
//
// The Specializer is one class; its methods are defined by family in
// Specialize.cpp (the pass, signatures, recursive calls), SpecializeOps.cpp
// (the walk, folds, result types), SpecializeControlFlow.cpp (and/or, if,
// loops), SpecializeContainers.cpp (lists, tensor arrays, dicts, tuples),
// SpecializeCalls.cpp (methods, library calls, f-strings) and the helpers in
// SpecializeHelpers.cpp.

#include "Indexing.h"

#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Support/FormatSpec.h"
#include "Dy2St/Support/PythonFormat.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Iterators.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSet.h"

#include <deque>
#include <functional>

namespace mlir::pydy::specialization {

constexpr int kMaxLoopIterations = 16;

Attribute constantOf(Value v);

/// Whether `v` is a string known when compiling or one a branch or loop
/// chooses among such strings at run time (not one an f-string makes).
bool isKnownOrChosenText(Value v);

bool isIntScalar(Type t);

/// Whether `method` is one of the class queries the importer makes of a value
/// (`isinstance(v, C)`, `type(v) is C`, `hasattr(v, name)`, `isinstance(v,
/// type(w))`): answered from the value's type (specializeIsInstance), they do
/// not read the value, so a runtime container they query keeps its form.
bool isClassQuery(StringRef method);

/// The values of a print or a raise message: tensors, numbers and constant
/// texts; a format spec applies to numbers, texts and 0-d tensors only (an
/// eager tensor of higher rank rejects it: Paddle's `Tensor.__format__`).
/// Whether `op`, a print or raise, formats one of `values` with a spec its
/// class's __format__ rejects (a tensor of rank 1 or more, a container: no
/// spec without a conversion); it is then replaced by Python's TypeError,
/// raised where the f-string runs.
bool replacedByRejectedFormat(Operation *op, ValueRange values, ArrayAttr formats);

/// The first op of `op`'s block after `before` (its previous op, taken before
/// ops were inserted ahead of it; null when `op` was first): where the ops
/// that replace `op` start, to be specialized next.
Operation *firstAfter(Operation *before, Operation *op);

/// `cond ? then() : otherwise()` as a pydy.if of one result of `type`, its
/// branches' values made inside them.
Value chooseValue(OpBuilder &b, Location loc, Type type, Value cond, function_ref<Value()> then,
                  function_ref<Value()> otherwise);

/// The values of a print or raise message are ones compiled code formats:
/// tensors, numbers, lists and dicts of run-time length, texts known when
/// compiling (or chosen among such); else a clear error.
LogicalResult checkFormattedValues(Operation *op, ValueRange values);

/// What a Python callback can be handed: tensors, numbers, and strings or
/// None known when compiling.
LogicalResult checkCallbackValues(PyCallbackOp op);

StringRef nameOf(std::optional<ArrayAttr> names, unsigned i);

/// The elements of a list, tuple or dict value, as values.
SmallVector<Value> elementsOf(OpBuilder &b, Location loc, Value sequence);

/// The values that flow into result `i` of `op` (an `if` or a loop): the
/// yields of its regions, and a loop's initial value.
SmallVector<Value> sourcesOf(Operation *op, unsigned i);

/// The loop (and carried index) whose block argument `arg` is, if any.
std::optional<std::pair<Operation *, unsigned>> carriedBy(BlockArgument arg);

/// Whether `value` is undefined or of `type` on every path: a `pydy.undef`,
/// a value of `type` (an undefined one typed already: a None constant in
/// place of an undef), or an `if` or loop result that is one of those on
/// every path. A carried value is when its initial value is (its yields are
/// checked from the loop's result).
bool undefinedOr(Value value, Type type);

/// Whether `value` is undefined on every path (the return value of code that
/// returns only by raising).
bool isUndefined(Value value);

/// The one type of the values that flow into result `i` of `op` on the
/// paths where it is defined (through nested `if`s and loops; a loop's own
/// carried value adds nothing): None where it is defined on none, null
/// where they differ or one is unknown.
Type definedType(Operation *op, unsigned i);

/// Gives an undefined value `type`: the `pydy.undef`s it comes from, and the
/// `if`s and loops it flows through.
Value typeUndefined(Value value, Type type);

/// Makes `value` have the joined type `type`: widens a tensor with
/// `tensor.cast`, a number or dtype with `pydy.unary promote`, a container
/// element by element, a list into a tensor array (its items appended) and an
/// array into one of wider items; types a never-read `pydy.undef` (and what
/// carries only it).
Value castTo(OpBuilder &b, Value value, Type type);

/// The TensorArray of a set's items.
Value runtimeSetItems(OpBuilder &b, Location loc, Value set);

/// Replaces `for x in ...` by a `for range` over indices [0, stop), its
/// item `itemAt(index)` (made at the start of the body); the first op made.
Operation *loopOverIndices(ForInOp op, Value stop, function_ref<Value(OpBuilder &, Value)> itemAt);

/// The TensorArrays of a dict given keys at run time: of its keys, and of
/// their values.
Value runtimeDictKeys(OpBuilder &b, Location loc, Value dict);
Value runtimeDictValues(OpBuilder &b, Location loc, Value dict);

/// The index of `item` in `array`, an array of ints (`tensor_array.find`: -1
/// where it holds none), and whether such an index `found` its item (or,
/// with `found` false, did not), as a value of `type` (i1, or a
/// `!pydy.object` the specialization types): the lookups of dicts given keys
/// at run time and of sets.
Value findIndex(OpBuilder &b, Location loc, Value array, Value item);
Value foundAt(OpBuilder &b, Location loc, Value at, bool found, Type type);

/// Python's KeyError naming `key` where `missing` holds at run time.
void raiseKeyErrorWhere(OpBuilder &b, Location loc, Value missing, Value key);

/// A `for range` over the indices of `array` carrying a value from `init`
/// (the loop's variable `name`), each iteration's value `step(b, index,
/// carried)`: the loop's result, or the step's failure.
FailureOr<Value> foldOverArray(OpBuilder &b, Location loc, Value array, Value init, StringRef name,
                               function_ref<FailureOr<Value>(OpBuilder &, Value, Value)> step);

/// Whether the loop's body indexes a Python sequence at a computed index.
bool indexesPythonSequence(ForRangeOp op);

/// Whether a `for range` loop with constant bounds runs as Python does,
/// unrolled: it carries a Python list, tuple or None (whose type an iteration
/// may change), or its body indexes a Python sequence of the enclosing code
/// with a computed index (a list of numbers has no runtime-indexed form).
bool runsAsPython(ForRangeOp op);

/// Whether the body compares the loop's index with a constant (a call of
/// `self.layers[i]`, chosen among the layers by such tests): unrolled, each
/// copy calls one layer.
bool testsIndexAgainstConstants(ForRangeOp op);

/// Whether a value of type `given` may be passed where `declared` is expected.
bool fitsDeclared(Type given, Type declared);

/// A recursive function specialized to argument types (`result` is null
/// while it is being inferred).
// Whether `pydy.raised` is known at `raised`: true where a `pydy.raise` runs
// before it on every path (in its block or an enclosing one) and no
// `pydy.catch` between, false where no raise precedes it in the function at
// all or where the test after a call that exits if it raised comes after them.
std::optional<bool> raisedBefore(Operation *raised);

struct Specialization {
  Operation *source;
  SmallVector<Type> args;
  FuncOp func;
  Type result;
};

constexpr size_t kMaxSpecializations = 64;

class Specializer {
public:
  /// With `tolerant`, a value whose type depends on a result still being
  /// inferred gets the unknown type instead of an error: the first pass over a
  /// recursive function, which finds its result type from the paths that
  /// return without recursing.
  /// `templates` are the functions as they were before specialization.
  /// A constant-trip loop over Python containers unrolls while its trip
  /// count times its body's ops stays within `mostUnrolledOps`.
  Specializer(ModuleOp module, const llvm::StringMap<FuncOp> &templates,
              std::deque<Specialization> &specializations, bool tolerant, size_t mostUnrolledOps)
      : module(module), templates(templates), specializations(specializations), tolerant(tolerant),
        mostUnrolledOps(mostUnrolledOps) {}

  LogicalResult run(FuncOp func, ArrayAttr signature);

  /// Types the body of `func`, whose arguments are typed; returns its result
  /// type (null for None).
  FailureOr<Type> specializeFunction(FuncOp func);

private:
  ModuleOp module;
  const llvm::StringMap<FuncOp> &templates;
  std::deque<Specialization> &specializations;
  bool tolerant;
  size_t mostUnrolledOps;

  static bool unknown(Type t) { return isa<ObjectType>(t); }

  /// A call of a recursive function (the others were inlined): a private
  /// copy of the callee specialized to the argument types, made once per
  /// signature. Its result type comes from a first, tolerant pass in which
  /// recursive results are unknown, so the returns that do not recurse decide
  /// it; `run` types the copy for real at the end.
  LogicalResult specializeCall(CallOp call);
  LogicalResult applySignature(FuncOp func, ArrayAttr signature);

  LogicalResult specialize(Block &block);

  /// Replaces `op` by the ops of `block` (but its terminator) and the values
  /// the terminator yields; continues the walk with the first moved op.
  static void inlineBlock(Operation *op, Block &block, Operation *&next);

  LogicalResult checkCondition(Operation *op, Value cond, StringRef construct);

  /// Python's truth of a value that may be None: false where it is None,
  /// else the truth of the number or one-element tensor it holds (null for
  /// other values: their use reads the value, a TypeError where None).
  static Value optionalTruth(OpBuilder &b, Location loc, Value optional);

  /// Uses of a value that may be None: `is None` / `is not None` test its
  /// flag; any other use (but carrying it on: yields, returns, containers)
  /// reads the value, a TypeError at run time where it is None, as eagerly.
  bool useOptionals(Operation *op);

  LogicalResult specialize(Operation *op, Operation *&next);

  /// Replaces `op` by what its fold gives, where it folds (`*replaced` says
  /// whether it did).
  LogicalResult fold(Operation *op, Operation *&next, bool *replaced = nullptr);
  void constantStaticDims(UnpackOp unpack);

  //===--------------------------------------------------------------------===//
  // f-strings
  //===--------------------------------------------------------------------===//

  /// Whether item `i` of a print or raise is written by str() (or format()
  /// without a spec), so that an f-string there can give its own items.
  static bool writtenPlain(ArrayAttr formats, unsigned i);

  /// An f-string of literals folds to its string; one of values known only
  /// at run time is only written (its values spliced into the print, raise
  /// or logging call that takes it).
  LogicalResult specializeFormat(FormatOp op, Operation *&next);

  /// The items of a print or raise with each f-string made at run time
  /// replaced by its own items; `sep` goes between the original items.
  static void spliceFormats(Operation *op, MutableOperandRange values, ArrayAttr formats,
                            StringRef sep);

  //===--------------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------------===//

  /// Python's TypeError for indexing, len(), unpacking or `in` of a
  /// dataclass instance (a record that is no tuple).
  LogicalResult checkNotSequence(Operation *op);
  LogicalResult inferResultTypes(Operation *op);

  LogicalResult specializeLogical(LogicalOp op, Operation *&next);
  /// `op`, whose operands have different types and whose result is used as
  /// a value, as the `pydy.if` that picks one of them (`rhs`, its region's
  /// result, already specialized).
  LogicalResult selectOperand(LogicalOp op, Value rhs);

  /// Whether `value` is used only for its truth: as a condition, under
  /// `not`/`bool()`, or through `and`/`or` that are themselves used so.
  static bool onlyTruthIsUsed(Value value);

  //===--------------------------------------------------------------------===//
  // Control flow
  //===--------------------------------------------------------------------===//

  /// The truth of a value as a condition: a list, tuple or dict has a length
  /// known at compile time; a tensor array's is compared at run time.
  static Value containerTruth(OpBuilder &b, Location loc, Value v);

  /// Inside a branch its condition is known, as upstream's scf.if
  /// ConditionPropagation has it: uses of a bool condition, and of the bool
  /// a `not` made it from, become constants there. An exit flag then folds
  /// in the branch that runs only when it is set, and so does what it guards.
  static void propagateCondition(IfOp op);

  LogicalResult specializeIf(IfOp op, Operation *&next);

  /// Joins carried types with what the loop produces; fails naming the variable.
  LogicalResult joinCarried(Operation *loop, std::optional<ArrayAttr> names,
                            SmallVectorImpl<Type> &types, TypeRange produced);

  static void setArgumentTypes(Block &block, unsigned skip, ArrayRef<Type> types);

  static void castOperands(Operation *op, unsigned skip, ArrayRef<Type> types);

  /// Types one attempt of a loop's regions with carried `types`; widens
  /// `types` and returns false when the regions produce something wider.
  FailureOr<bool> tryLoopTypes(Operation *loop, SmallVectorImpl<Type> &types);

  LogicalResult checkRangeBound(Operation *op, Value v, StringRef what);

  /// `for x in t` over a tensor is a counted loop over dim 0 with `x = t[i]`;
  /// over a Python tuple or list it runs as Python does, unrolled. The loop is
  /// rewritten before its body is typed, so each unrolled copy is typed alone.
  LogicalResult specializeForIn(ForInOp op, Operation *&next);

  /// Replaces `loop` (a for loop: body arguments are the item, then the
  /// carried values) by one copy of its body per item, carried values flowing
  /// from copy to copy; the walk goes on with the copies, typing each alone.
  LogicalResult unroll(Operation *loop, size_t count,
                       function_ref<Value(OpBuilder &, size_t)> itemOf, Operation *&next);

  /// The values a `for range` loop takes, when its bounds are constants and
  /// it runs at most `kMaxUnroll` times.
  static std::optional<SmallVector<int64_t>> constantRange(ForRangeOp op);

  /// A short `for range` loop with constant bounds that carries a Python
  /// list or tuple runs as Python does: unrolled, so the list may grow item
  /// by item with items of any type. Other loops that grow a list of tensors
  /// carry a tensor array.
  LogicalResult unrollRange(ForRangeOp op, ArrayRef<int64_t> indices, Operation *&next);

  /// Types a loop to a fixpoint of its carried types. With `restoreOnFailure`
  /// a loop that cannot be typed is left as it was (to be unrolled instead);
  /// without `numbersInArrays`, one that would carry a list of numbers in a
  /// tensor array counts as such.
  template <typename LoopOp>
  LogicalResult specializeLoop(LoopOp op, bool restoreOnFailure = false,
                               bool numbersInArrays = true);

  /// A compile-time index into a sequence of `size`, Python's negatives allowed.
  FailureOr<size_t> staticIndex(Operation *op, Value index, size_t size, bool inclusive);

  /// Methods of a Python list whose length is known at compile time: each
  /// gives a new list value (stored back into the variable by the importer).
  LogicalResult specializeListMethod(CallMethodOp op);

  //===--------------------------------------------------------------------===//
  // Lists of a length known only at run time: tensor arrays
  //===--------------------------------------------------------------------===//

  /// Whether `sequence[index]` needs a tensor array: the sequence is one, or
  /// a list indexed by a value known only at run time.
  static bool needsArray(Value sequence, Value index);

  /// Whether `sequence[index]` is one of items of one type that no tensor
  /// array holds (strings, a tuple's tensors) at an index known only at run
  /// time: chooseItem's.
  static bool isItemChoice(SubscriptOp op);
  /// `sequence[index]` as a chain of `pydy.if`s comparing the index with
  /// each position (counted from the end when negative), Python's IndexError
  /// past the end (`LABELS[int(pred)]`: a string chosen at run time).
  LogicalResult chooseItem(SubscriptOp op, Operation *&next);

  /// Whether `key` is an int (or a string chosen among strings) known only at
  /// run time and `dict` a dict of keys of that kind only, few enough to
  /// choose among by comparisons (chooseEntry).
  static bool isRuntimeKey(Type dict, Value key);
  /// A value chosen by a dict key known only at run time: a chain of
  /// `pydy.if`s comparing `key` with each of `dict`'s keys, `found(k)` (of
  /// type `type`) for the k-th, `missing()` past the last.
  Value chooseEntry(OpBuilder &b, Location loc, Value dict, Value key, Type type,
                    function_ref<Value(size_t)> found, function_ref<Value()> missing);
  /// The value of `dict` at a `key` known only at run time, `missing()`
  /// where none of its keys is `key`.
  Value entryAtRuntimeKey(OpBuilder &b, Location loc, Value dict, Value key,
                          function_ref<Value()> missing);
  /// `dict[key]`, `dict.get(key, default)`, `key in dict` and
  /// `dict[key] = value` at such a key (Python's KeyError where it is
  /// missing; a key a write would add is a NotImplementedError there).
  LogicalResult readEntryAtRuntimeKey(SubscriptOp op, Operation *&next);
  LogicalResult getEntryAtRuntimeKey(CallMethodOp op, Operation *&next);
  LogicalResult runtimeKeyMembership(CompareOp op, Operation *&next);
  LogicalResult writeEntryAtRuntimeKey(SetItemOp op, Operation *&next);

  /// Whether `op` reads or writes a dict given keys at run time (see
  /// SpecializeRuntimeDicts.cpp): a `!pydy.runtime_dict`, or a dict of int
  /// keys written at an int key known only at run time (which makes it one).
  static bool isRuntimeDictUse(Operation *op);
  /// `d[k]`, `d[k] = v`, `k in d`, `len(d)`, `for k in d` and the methods of
  /// such a dict: lookups of `k` among the keys at run time, Python's
  /// KeyError where it is missing.
  LogicalResult specializeRuntimeDictUse(Operation *op, Operation *&next);
  /// `lhs == rhs` where one is a dict given keys at run time (of number
  /// values), the other a dict too: as many keys, each found in the other
  /// with an equal value.
  FailureOr<Value> runtimeDictsEqual(Operation *op, OpBuilder &b, Value lhs, Value rhs);
  /// `dict[key] = item` where `dict` is (or becomes) a dict given keys at run
  /// time: written where `key` is found, else appended; or a clear error.
  FailureOr<Value> writtenAt(Operation *op, OpBuilder &b, Value dict, Value key, Value item);
  /// `dict.update(other)` of a dict given keys at run time (or one of int
  /// keys), `other` a dict of either kind: its entries written in order.
  FailureOr<Value> updatedRuntimeDict(Operation *op, OpBuilder &b, Value dict, Value other);
  /// The type `dict` has once `item` is written at `key`, or a clear error.
  FailureOr<RuntimeDictType> runtimeDictWritten(Operation *op, Type dict, Type key, Type item);

  /// Whether `op` makes or reads a set of ints (see SpecializeRuntimeSets.cpp):
  /// `set(items)`, a `!pydy.runtime_set`'s methods, `in`, len, iteration.
  static bool isRuntimeSetUse(Operation *op);
  LogicalResult specializeRuntimeSetUse(Operation *op, Operation *&next);
  /// `set` with the items of `items` (a sequence, an array, a dict's keys or
  /// another set) added in order, or a clear error.
  FailureOr<Value> withItemsAdded(Operation *op, OpBuilder &b, Value set, Value items);
  /// The items of `set` that `other` holds (`inOther`: `set & other`) or
  /// lacks (`set - other`).
  FailureOr<Value> keptItems(Operation *op, OpBuilder &b, Value set, Value other, bool inOther);

  /// `sequence` as a tensor array (a list becomes one, its items appended).
  FailureOr<Value> asArray(Operation *op, OpBuilder &b, Value sequence);

  /// A list index known only at run time, as an `i64`.
  FailureOr<Value> runtimeIndex(Operation *op, OpBuilder &b, Value index);

  /// `array` made to hold `item` too: widened when the item's shape differs.
  FailureOr<Value> widenFor(Operation *op, OpBuilder &b, Value array, Value item);

  /// `sequence` as a tensor array, and `index` into it as an `i64`.
  FailureOr<std::pair<Value, Value>> arrayAndIndex(Operation *op, OpBuilder &b, Value sequence,
                                                   Value index);

  LogicalResult specializeArrayRead(SubscriptOp op);

  LogicalResult specializeArrayWrite(SetItemOp op);

  /// `l.reverse()` of a tensor array: `l[::-1]`.
  LogicalResult reverseArray(CallMethodOp op, Operation *&next);

  /// append and pop of a tensor array (and pop at a runtime index of a list).
  LogicalResult specializeArrayMethod(CallMethodOp op);

  /// `a + b` of lists: a longer list, or `b`'s items appended to a tensor array.
  LogicalResult concatenateLists(BinaryOp op);

  /// `a + b` of tuples, and `seq * n` / `n * seq` of a list or tuple and an
  /// int known at compile time: Python builds them item by item.
  static bool isSequenceArithmetic(BinaryOp op);

  LogicalResult combineSequences(BinaryOp op);

  /// `x in seq` of literals: folded (Python compares the literals).
  LogicalResult literalMembership(CompareOp op);

  /// `a == b` / `a != b` of lists or tuples with items known only at run
  /// time (`x.shape == y.shape` with dynamic sizes).
  static bool isSequenceEquality(CompareOp op);

  /// Compares such sequences as Python does: of one kind and length, and
  /// equal item by item.
  LogicalResult sequenceEquality(CompareOp op, Operation *&next);

  /// `a < b` (`<=`, `>`, `>=`) of two lists or two tuples of known length
  /// (`sorted(d.items())`): the first items that differ decide, else the
  /// lengths, as in Python.
  static bool isSequenceOrdering(CompareOp op);
  LogicalResult sequenceOrdering(CompareOp op, Operation *&next);

  /// stack/concat of a tensor array: concat along `axis` is stack along it
  /// with the new dimension merged into the next.
  LogicalResult specializeArrayJoin(LibCallOp op, StringRef name, Value array, Value axisValue);

  /// A dict display: its keys must be strings or ints known at compile time.
  LogicalResult specializeDict(DictOp op);

  /// A dict value with `entries` (key → value, in order).
  Value makeDict(OpBuilder &b, Location loc, ArrayRef<std::pair<Attribute, Value>> entries);

  SmallVector<std::pair<Attribute, Value>> entriesOf(OpBuilder &b, Location loc, Value dict);

  FailureOr<Attribute> staticKey(Operation *op, Value key);

  /// A method of a string known when compiling, with arguments known then
  /// (`act.lower()`), computed then (see SpecializeTexts.cpp).
  LogicalResult specializeTextMethod(CallMethodOp op);

  /// `l.extend(items)` of a list or TensorArray: `l + list(items)`.
  LogicalResult extendList(CallMethodOp op, Operation *&next);

  /// Methods of a dict with compile-time keys.
  LogicalResult specializeDictMethod(CallMethodOp op);

  LogicalResult specializeSetItem(SetItemOp op);
  /// `dict[key] = value` at a key known at compile time.
  LogicalResult specializeDictSetItem(SetItemOp op);

  /// A slice with bounds known at compile time of a sequence of `n` items:
  /// its step, where it starts (clamped as Python does) and the positions
  /// it selects.
  struct StaticSlice {
    int64_t step = 1;
    int64_t from = 0;
    SmallVector<int64_t> positions;
  };
  FailureOr<StaticSlice> staticSlice(Operation *op, Value index, int64_t n);

  /// `l[a:b:c] = items` of a list of known length (`del l[a:b]` is `l[a:b] =
  /// []`): a run replaced by any number of items, an extended slice's items
  /// one for one (Python's ValueError otherwise).
  LogicalResult assignSlice(SetItemOp op);

  /// l[a:b:c] of a list or tuple (x.shape[1:]) with bounds known at compile
  /// time: a new display of the selected elements.
  LogicalResult sliceSequence(SubscriptOp op);
  /// `list(x)` / `tuple(x)` of a tensor: its rows, as a list (or tuple) of
  /// a few known when compiling, else a list filled by a loop.
  LogicalResult tensorRows(CallMethodOp op, bool asList, Operation *&next);
  /// `text[i]` and `text[a:b:c]` of a string known when compiling: the
  /// string of those code points (IndexError out of range, as Python's).
  LogicalResult subscriptText(SubscriptOp op);
  /// `t[i]` and `t[a:b:c]` of a 1-d `to_tensor` of literal ints
  /// (`paddle.shape(x)[2:]` of a static shape) at a known index: `to_tensor`
  /// of the literal picked, so that sizes read from it stay known when
  /// compiling. Not applicable: false.
  bool isLiteralTensorIndex(SubscriptOp op);
  LogicalResult indexLiteralTensor(SubscriptOp op, Operation *&next);
  LogicalResult sliceArray(SubscriptOp op, Operation *&next);
  /// `list` with `sequence[i]` appended for i in range(start, stop, step):
  /// the loop as unspecialized pydy ops.
  static Value appendItems(OpBuilder &b, Location loc, Value list, Value sequence, Value start,
                           Value stop, Value step);
  /// `l + m` with a TensorArray `m`: m's items appended by a loop.
  LogicalResult appendArray(BinaryOp op, Operation *&next);
  /// `l.insert(i, item)` of a TensorArray: `l[:i] + [item] + l[i:]`.
  LogicalResult insertIntoArray(CallMethodOp op, Operation *&next);
  /// Whether the parts of the slice `slice` are None or ints known when compiling.
  static bool boundsKnown(Value slice);

  /// The leaves of a nested structure, depth first; a dict's values in the
  /// order of its sorted keys (Paddle's order).
  void collectLeaves(OpBuilder &b, Location loc, Value v, SmallVectorImpl<Value> &leaves);

  /// `structure` rebuilt with the leaves from `flat[at...]`.
  Value packLike(OpBuilder &b, Location loc, Value structure, ArrayRef<Value> flat, size_t &at);

  /// paddle.utils.flatten(nest) and pack_sequence_as(structure, flat): the
  /// structures are known at compile time.
  LogicalResult specializeStructure(CallMethodOp op);

  /// isinstance(v, classes): answered from v's type ("list,tuple" names the
  /// classes); type(v) is C; hasattr(v, name) (the classes that have it).
  LogicalResult specializeIsInstance(CallMethodOp op);
  /// `value.field` of a named tuple: its element (`_fields`: their names).
  LogicalResult namedTupleField(AttrOp op, Operation *&next);
  /// `x.T` (all axes reversed) and `x.mT` (the last two swapped) of a
  /// tensor: a transpose.
  LogicalResult tensorTranspose(AttrOp op, Operation *&next);
  /// `_replace(field=value, ...)` and `_asdict()` of a named tuple.
  LogicalResult specializeNamedTupleMethod(CallMethodOp op);

  LogicalResult specializeMethod(CallMethodOp op, Operation *&next);

  //===--------------------------------------------------------------------===//
  // Library calls
  //===--------------------------------------------------------------------===//

  /// `f(*seq)` (a call_value with `spread`) of a list or tuple of known
  /// length: the call with its items as the positional arguments.
  LogicalResult spreadArguments(CallValueOp call, Operation *&next);

  /// `t.numpy()` and `t.tolist()` are the tensor itself in compiled code
  /// (used as a tensor is: compared, indexed, in arithmetic); `t.item()` is
  /// the Python number of its one element, read at run time.
  LogicalResult valueOfTensor(CallMethodOp op);
  /// `numpy_item`: int()/float()/bool() of a 0-d tensor, else its operand.
  LogicalResult specializeNumpyItem(UnaryOp op);
  /// `a, b = t`: the items of a tensor's first dimension, known when compiling.
  /// `a is b`: answered where the values tell (knownIdentity), by value for
  /// bools; an error for two tensors or numbers computed apart.
  LogicalResult checkIdentity(CompareOp op);
  /// A call of a lambda chosen by a branch taken at run time (`fn = f if c
  /// else g; fn(x)`): the call made in each branch, as an `if` on the same
  /// condition (each lambda copied there, its free values known at the call).
  LogicalResult callChosenLambda(CallValueOp call, Operation *&next);
  LogicalResult unpackTensor(UnpackOp op, Operation *&next);

  LogicalResult specializeLibCall(LibCallOp op, Operation *&next);

  /// nonzero(x, as_tuple=True): the columns of nonzero(x), one 1-d tensor a
  /// dimension.
  LogicalResult nonzeroColumns(LibCallOp op, Value x, Operation *&next);

  /// to_tensor of a list holding tensors or lists: each item made a tensor,
  /// then stacked (and cast to `dtype`).
  LogicalResult stackedToTensor(LibCallOp op, ArrayRef<Value> bound, Operation *&next);

  /// The literal a value is known to be: a constant, or a list/tuple display
  /// of literals (a list grown by unrolled appends).
  static Attribute staticValue(Value v);

  /// An `Ints` argument: an int, or a list/tuple of ints each known at compile
  /// time or not (`static_args` holds the known ones and kDynamicInt for each
  /// runtime one, which becomes an operand), or a 1-d integer tensor.
  template <typename AddOperand>
  LogicalResult bindInts(OpBuilder &b, LibCallOp op, const LibParam &param, Value value,
                         LibTyping &typing, AddOperand addOperand);

  static StringRef fn(LibCallOp op) { return op.getCallee(); }

  static void eraseDeadOps(Region &region);
};

} // namespace mlir::pydy::specialization

#endif // DY2ST_DIALECT_PYDY_TRANSFORMS_SPECIALIZER_H

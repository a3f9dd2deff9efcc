// The upstream control-flow and call interfaces of pydy's structured ops:
// with them, MLIR's dataflow analyses (dead code, constant propagation) and
// the call graph see through pydy as they do through scf. Exits (return,
// break, continue, raise) are not region terminators: they are modelled only
// after pydy-lower-exits turns them into flags and guards, so analyses of IR
// that still has them treat the code after an exit as live (conservative).
//
// The loops are not LoopLikeOpInterfaces: its verifier requires the inits,
// region arguments, yields and results of a loop to have equal types, and
// pydy's loops carry `!pydy.object` next to known types until
// pydy-specialize (RegionBranchOpInterface lets `areTypesCompatible` say so).
#include "Dy2St/Dialect/Pydy/PydyDialect.h"

using namespace mlir;
using namespace mlir::pydy;

//===----------------------------------------------------------------------===//
// if: both branches from the op, each back to the op's results
//===----------------------------------------------------------------------===//

void IfOp::getSuccessorRegions(RegionBranchPoint point,
                               SmallVectorImpl<RegionSuccessor> &regions) {
  if (!point.isParent()) {
    regions.push_back(RegionSuccessor(getOperation(), getResults()));
    return;
  }
  regions.push_back(RegionSuccessor(&getThenRegion()));
  regions.push_back(RegionSuccessor(&getElseRegion()));
}

bool IfOp::areTypesCompatible(Type a, Type b) { return typesCompatible(a, b); }

//===----------------------------------------------------------------------===//
// and / or: the right operand runs, or the left operand is the result
//===----------------------------------------------------------------------===//

void LogicalOp::getSuccessorRegions(RegionBranchPoint point,
                                    SmallVectorImpl<RegionSuccessor> &regions) {
  if (point.isParent())
    regions.push_back(RegionSuccessor(&getRhs()));
  regions.push_back(RegionSuccessor(getOperation(), getOperation()->getResults()));
}

OperandRange LogicalOp::getEntrySuccessorOperands(RegionSuccessor successor) {
  // Into the result: the left operand; into the right operand's region: none.
  OperandRange lhs = getOperation()->getOperands();
  return successor.isParent() ? lhs : lhs.drop_front(lhs.size());
}

// The value of `a or b` is either operand's, converted to the result's type.
bool LogicalOp::areTypesCompatible(Type, Type) { return true; }

//===----------------------------------------------------------------------===//
// while: inits -> before; condition -> after or results; after -> before
//===----------------------------------------------------------------------===//

void WhileOp::getSuccessorRegions(RegionBranchPoint point,
                                  SmallVectorImpl<RegionSuccessor> &regions) {
  if (point.isParent()) {
    regions.push_back(RegionSuccessor(&getBefore(), getBefore().getArguments()));
    return;
  }
  if (point.getTerminatorPredecessorOrNull()->getParentRegion() == &getAfter()) {
    regions.push_back(RegionSuccessor(&getBefore(), getBefore().getArguments()));
    return;
  }
  regions.push_back(RegionSuccessor(&getAfter(), getAfter().getArguments()));
  regions.push_back(RegionSuccessor(getOperation(), getResults()));
}

OperandRange WhileOp::getEntrySuccessorOperands(RegionSuccessor) { return getInits(); }

bool WhileOp::areTypesCompatible(Type a, Type b) { return typesCompatible(a, b); }

MutableOperandRange ConditionOp::getMutableSuccessorOperands(RegionSuccessor) {
  return getArgsMutable();
}

//===----------------------------------------------------------------------===//
// for: the body (its first argument, the item, is not carried) or the
// results, from the op and from the body
//===----------------------------------------------------------------------===//

static void forLoopSuccessors(Operation *loop, Region &body,
                              SmallVectorImpl<RegionSuccessor> &regions) {
  regions.push_back(RegionSuccessor(&body, body.getArguments().drop_front()));
  regions.push_back(RegionSuccessor(loop, loop->getResults()));
}

void ForRangeOp::getSuccessorRegions(RegionBranchPoint,
                                     SmallVectorImpl<RegionSuccessor> &regions) {
  forLoopSuccessors(getOperation(), getBody(), regions);
}

OperandRange ForRangeOp::getEntrySuccessorOperands(RegionSuccessor) { return getInits(); }

bool ForRangeOp::areTypesCompatible(Type a, Type b) { return typesCompatible(a, b); }

void ForInOp::getSuccessorRegions(RegionBranchPoint,
                                  SmallVectorImpl<RegionSuccessor> &regions) {
  forLoopSuccessors(getOperation(), getBody(), regions);
}

OperandRange ForInOp::getEntrySuccessorOperands(RegionSuccessor) { return getInits(); }

bool ForInOp::areTypesCompatible(Type a, Type b) { return typesCompatible(a, b); }

//===----------------------------------------------------------------------===//
// call: a call of a pydy.func (callable through FunctionOpInterface)
//===----------------------------------------------------------------------===//

CallInterfaceCallable CallOp::getCallableForCallee() { return getCalleeAttr(); }

void CallOp::setCalleeFromCallable(CallInterfaceCallable callee) {
  setCalleeAttr(cast<FlatSymbolRefAttr>(cast<SymbolRefAttr>(callee)));
}

Operation::operand_range CallOp::getArgOperands() { return getArgs(); }

MutableOperandRange CallOp::getArgOperandsMutable() { return getArgsMutable(); }

// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" | FileCheck %s

// print(items, pair) of a list holding a tensor and a dict, and a tuple of
// one: the brackets, separators and keys as text, each item as its repr
// ("!r"), as Python writes a container.
// CHECK-LABEL: pydy.func @print_containers
// CHECK-DAG:  %[[OPEN:.*]] = pydy.constant "["
// CHECK-DAG:  %[[COMMA:.*]] = pydy.constant ", "
// CHECK-DAG:  %[[BRACE:.*]] = pydy.constant "{"
// CHECK-DAG:  %[[KEY:.*]] = pydy.constant "'k': "
// CHECK-DAG:  %[[SPACE:.*]] = pydy.constant " "
// CHECK-DAG:  %[[TUPLE:.*]] = pydy.constant "("
// CHECK-DAG:  %[[ONE:.*]] = pydy.constant ",)"
// CHECK:      pydy.print %[[OPEN]], %x, %[[COMMA]], %[[BRACE]], %[[KEY]], %{{.*}}, %{{.*}}, %{{.*}}, %[[SPACE]], %[[TUPLE]], %{{.*}}, %[[ONE]]
// CHECK-SAME: formats = ["", "!r", "", "", "", "!r", "", "", "", "", "!r", ""]
// CHECK-SAME: sep = ""
pydy.func @print_containers(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1 : i64
  %k = pydy.constant "k"
  %d = pydy.dict keys(%k : !pydy.str) values(%0 : i64) -> !pydy.object
  %1 = pydy.list %x, %d : (!pydy.object, !pydy.object) -> !pydy.object
  %2 = pydy.tuple %0 : (i64) -> !pydy.object
  pydy.print %1, %2 : !pydy.object, !pydy.object
  pydy.return %x : !pydy.object
}

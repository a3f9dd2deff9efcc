// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" | FileCheck %s

// A dict display with int and string keys known at compile time: its type
// keeps both kinds, `d[1]` reads the value of the key 1 (not the item at
// position 1), `1 in d` folds, and print writes an int key without quotes.
// CHECK-LABEL: pydy.func @int_keys
// CHECK-DAG:  %[[OPEN:.*]] = pydy.constant "{"
// CHECK-DAG:  %[[ONE:.*]] = pydy.constant "1: "
// CHECK-DAG:  %[[A:.*]] = pydy.constant ", 'a': "
// CHECK:      pydy.print %[[OPEN]], %[[ONE]], %x, %[[A]]
// CHECK:      %[[TRUE:.*]] = pydy.constant true
// CHECK:      pydy.tuple %x, %[[TRUE]] : (tensor<3xf32>, i1)
pydy.func @int_keys(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %one = pydy.constant 1 : i64
  %zero = pydy.constant 0 : i64
  %a = pydy.constant "a"
  %d = pydy.dict keys(%one, %a : i64, !pydy.str) values(%x, %zero : !pydy.object, i64) -> !pydy.object
  pydy.print %d : !pydy.object
  %v = pydy.subscript %d[%one] : (!pydy.object, i64) -> !pydy.object
  %in = pydy.compare in %one, %d : (i64, !pydy.object) -> !pydy.object
  %r = pydy.tuple %v, %in : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

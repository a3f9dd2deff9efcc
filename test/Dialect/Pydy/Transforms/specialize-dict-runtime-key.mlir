// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>,i64" | FileCheck %s

// `{0: x, 5: x}[k]` and `k in d` at an int key known only at run time: a
// chain of ifs comparing k with each key, Python's KeyError past the last.
// CHECK-LABEL: pydy.func @runtime_key
// CHECK:      %[[IS0:.*]] = pydy.compare eq %k, %{{.*}} : (i64, i64) -> i1
// CHECK:      pydy.if %[[IS0]] : i1 -> tensor<3xf32> {
// CHECK:        pydy.yield %x
// CHECK:      } else {
// CHECK:        %[[IS5:.*]] = pydy.compare eq %k, %{{.*}} : (i64, i64) -> i1
// CHECK:        pydy.if %[[IS5]] : i1 -> tensor<3xf32> {
// CHECK:        } else {
// CHECK:          pydy.raise "KeyError", ""(%k : i64) {formats = ["!r"]}
// CHECK:      pydy.if %{{.*}} : i1 -> i1 {
// CHECK:        pydy.constant true
// CHECK:        pydy.constant false
pydy.func @runtime_key(%x: !pydy.object {pydy.name = "x"}, %k: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %five = pydy.constant 5 : i64
  %d = pydy.dict keys(%zero, %five : i64, i64) values(%x, %x : !pydy.object, !pydy.object) -> !pydy.object
  %v = pydy.subscript %d[%k] : (!pydy.object, !pydy.object) -> !pydy.object
  %in = pydy.compare in %k, %d : (!pydy.object, !pydy.object) -> !pydy.object
  %r = pydy.tuple %v, %in : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

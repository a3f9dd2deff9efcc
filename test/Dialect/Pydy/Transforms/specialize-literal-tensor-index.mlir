// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1x2x6x8xf32>" | FileCheck %s

// `paddle.shape(s)[2:]` of a static shape, then its item (PaddleSeg's
// `F.interpolate(x, paddle.shape(y)[2:])`): indexing a tensor made from
// literal ints gives a tensor made from the literal picked, so a size read
// from it (arange's end) stays known when compiling.
// CHECK-LABEL: pydy.func @sizes
// CHECK: pydy.lib_call "to_tensor"() {static_args = {data = [1, 2, 6, 8], dtype = "int64"
// CHECK: pydy.lib_call "to_tensor"() {static_args = {data = [6, 8], dtype = "int64"{{.*}} -> tensor<2xi64>
// CHECK: %[[END:.*]] = pydy.lib_call "to_tensor"() {static_args = {data = 8 : i64, dtype = "int64"{{.*}} -> tensor<i64>
// CHECK: pydy.lib_call "arange"(%{{.*}}, %[[END]]{{.*}} -> tensor<8xf32>
// CHECK-NOT: pydy.subscript
pydy.func @sizes(%s: !pydy.object {pydy.name = "s"}) -> !pydy.object {
  %0 = pydy.attr %s, "shape" : !pydy.object -> !pydy.object
  %1 = pydy.constant "int64"
  %2 = pydy.lib_call "to_tensor"(%0, %1) {kwnames = ["dtype"]} : (!pydy.object, !pydy.str) -> !pydy.object
  %3 = pydy.constant 2 : i64
  %4 = pydy.constant none
  %5 = pydy.slice %3, %4, %4 : i64, !pydy.none, !pydy.none
  %6 = pydy.subscript %2[%5] : (!pydy.object, !pydy.slice) -> !pydy.object
  %7 = pydy.constant 0 : i64
  %8 = pydy.constant -1 : i64
  %9 = pydy.subscript %6[%8] : (!pydy.object, i64) -> !pydy.object
  %10 = pydy.constant "float32"
  %11 = pydy.lib_call "arange"(%7, %9, %10) {kwnames = ["dtype"]} : (i64, !pydy.object, !pydy.str) -> !pydy.object
  pydy.return %11 : !pydy.object
}

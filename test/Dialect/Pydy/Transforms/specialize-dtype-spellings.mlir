// RUN: dy2st-opt %s --pydy-specialize | FileCheck %s

// NumPy's other names of dtypes, as user code spells them ("double",
// "long"), are the dtypes they name.
pydy.func @spellings(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xi32>]} {
  %double = pydy.constant "double"
  %wide = pydy.lib_call "cast"(%x, %double) : (!pydy.object, !pydy.str) -> !pydy.object
  %long = pydy.constant "long"
  %index = pydy.lib_call "cast"(%x, %long) : (!pydy.object, !pydy.str) -> !pydy.object
  %both = pydy.tuple %wide, %index : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %both : !pydy.object
}

// CHECK-LABEL: pydy.func @spellings
// CHECK-SAME: -> tuple<tensor<2xf64>, tensor<2xi64>>
// CHECK: static_args = {dtype = "double"}} : (tensor<2xi32>) -> tensor<2xf64>
// CHECK: static_args = {dtype = "long"}} : (tensor<2xi32>) -> tensor<2xi64>

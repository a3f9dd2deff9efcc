// RUN: dy2st-opt %s --pydy-specialize="entry=changed signature=tensor<3xf32>" | FileCheck %s

// t = (x, x * 2); t[1].scale_(3.0): the importer writes the changed item back
// into the tuple (`item_changed`); the tuple takes it as its new item.
// CHECK-LABEL: pydy.func @changed
// CHECK:       pydy.binary mul
// CHECK:       %[[NEW:.*]] = pydy.binary mul
// CHECK:       %[[T:.*]] = pydy.tuple %x, %[[NEW]] : (tensor<3xf32>, tensor<3xf32>)
// CHECK:       pydy.return %[[T]]
pydy.func @changed(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %two = pydy.constant 2.0 : f64
  %y = pydy.binary mul %x, %two : (!pydy.object, f64) -> !pydy.object
  %t = pydy.tuple %x, %y : (!pydy.object, !pydy.object) -> !pydy.object
  %c1 = pydy.constant 1 : i64
  %item = pydy.subscript %t[%c1] : (!pydy.object, i64) -> !pydy.object
  %three = pydy.constant 3.0 : f64
  %scaled = pydy.binary mul %item, %three : (!pydy.object, f64) -> !pydy.object
  %t2 = pydy.setitem %t[%c1] = %scaled {item_changed} : (!pydy.object, i64, !pydy.object) -> !pydy.object
  pydy.return %t2 : !pydy.object
}

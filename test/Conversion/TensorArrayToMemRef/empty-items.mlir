// RUN: dy2st-opt %s --convert-tensor-array-to-memref | FileCheck %s

// Items with a static empty dimension hold nothing: appending, reading and
// stacking them make no view (a subview at offset 0 of a static empty
// dimension does not verify) and copy nothing.
// CHECK-LABEL: func.func @empty_items
// CHECK-NOT: memref.subview
// CHECK-NOT: memref.copy
// CHECK-NOT: bufferization.materialize_in_destination
// CHECK: %[[READ:.*]] = memref.alloc() : memref<0x2xf32>
// CHECK: bufferization.to_tensor %[[READ]]
// CHECK: %[[ROWS:.*]] = memref.alloc(%{{.*}}) : memref<?x0x2xf32>
// CHECK: bufferization.to_tensor %[[ROWS]]
func.func @empty_items(%t: tensor<0x2xf32>) -> (tensor<0x2xf32>, tensor<?x0x2xf32>) {
  %a = tensor_array.create : !tensor_array.array<tensor<0x2xf32>>
  %a1 = tensor_array.append %a, %t : !tensor_array.array<tensor<0x2xf32>>
  %a2 = tensor_array.append %a1, %t : !tensor_array.array<tensor<0x2xf32>>
  %i = arith.constant 1 : i64
  %item = tensor_array.read %a2[%i] : !tensor_array.array<tensor<0x2xf32>>
  %rows = tensor_array.stack %a2 : !tensor_array.array<tensor<0x2xf32>> -> tensor<?x0x2xf32>
  return %item, %rows : tensor<0x2xf32>, tensor<?x0x2xf32>
}

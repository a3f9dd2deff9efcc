// RUN: dy2st-opt %s --dy2st-collapse-contiguous-dims --split-input-file | FileCheck %s

// A per-channel scale and shift of NCHW (a batch norm): the [1, C, 1, 1]
// operands lose their unit dimensions, then the rows and columns every
// operand reads in order become one loop of H·W.
// CHECK-DAG: #[[FULL:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @per_channel
// CHECK-DAG: %[[SCALE:.*]] = tensor.collapse_shape %arg1 {{\[\[}}0, 1, 2, 3]] : tensor<1x64x1x1xf32> into tensor<64xf32>
// CHECK-DAG: %[[X:.*]] = tensor.collapse_shape %arg0 {{\[\[}}0], [1], [2, 3]] : tensor<8x64x32x32xf32> into tensor<8x64x1024xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[CHANNEL]], #[[FULL]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]], %[[SCALE]] : tensor<8x64x1024xf32>, tensor<64xf32>)
// CHECK: tensor.expand_shape %[[Y]] {{\[\[}}0], [1], [2, 3]] output_shape [8, 64, 32, 32]
#full = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#channel = affine_map<(d0, d1, d2, d3) -> (0, d1, 0, 0)>
func.func @per_channel(%x: tensor<8x64x32x32xf32>, %scale: tensor<1x64x1x1xf32>) -> tensor<8x64x32x32xf32> {
  %out = tensor.empty() : tensor<8x64x32x32xf32>
  %r = linalg.generic {indexing_maps = [#full, #channel, #full], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %scale : tensor<8x64x32x32xf32>, tensor<1x64x1x1xf32>) outs(%out : tensor<8x64x32x32xf32>) {
  ^bb0(%a: f32, %s: f32, %o: f32):
    %m = arith.mulf %a, %s : f32
    linalg.yield %m : f32
  } -> tensor<8x64x32x32xf32>
  return %r : tensor<8x64x32x32xf32>
}

// -----

// A transposed operand reads the last two loops out of order: nothing merges;
// nor does a reduction.
// CHECK-LABEL: func.func @transposed
// CHECK-NOT: tensor.collapse_shape
// CHECK: iterator_types = ["parallel", "parallel", "parallel"]
// CHECK: iterator_types = ["parallel", "parallel", "reduction"]
#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#swap = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
#rows = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @transposed(%x: tensor<4x8x8xf32>, %y: tensor<4x8x8xf32>) -> (tensor<4x8x8xf32>, tensor<4x8xf32>) {
  %out = tensor.empty() : tensor<4x8x8xf32>
  %r = linalg.generic {indexing_maps = [#id, #swap, #id], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x, %y : tensor<4x8x8xf32>, tensor<4x8x8xf32>) outs(%out : tensor<4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<4x8x8xf32>
  %sums = tensor.empty() : tensor<4x8xf32>
  %t = linalg.generic {indexing_maps = [#id, #rows], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x : tensor<4x8x8xf32>) outs(%sums : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %r, %t : tensor<4x8x8xf32>, tensor<4x8xf32>
}

// -----

// Loops of dynamic sizes stay apart (MLIR 22's expand-strided-metadata
// crashes on their buffers' reshapes); the static ones inside merge.
// CHECK-LABEL: func.func @dynamic
// CHECK: tensor.collapse_shape %arg0 {{\[\[}}0], [1, 2]] : tensor<?x4x8xf32> into tensor<?x32xf32>
// CHECK: iterator_types = ["parallel", "parallel"]
// CHECK-LABEL: func.func @dynamic_inner
// CHECK-NOT: tensor.collapse_shape
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @dynamic(%x: tensor<?x4x8xf32>) -> tensor<?x4x8xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x4x8xf32>
  %out = tensor.empty(%n) : tensor<?x4x8xf32>
  %r = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : tensor<?x4x8xf32>) outs(%out : tensor<?x4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %a : f32
    linalg.yield %s : f32
  } -> tensor<?x4x8xf32>
  return %r : tensor<?x4x8xf32>
}
func.func @dynamic_inner(%x: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c1 : tensor<4x?xf32>
  %out = tensor.empty(%n) : tensor<4x?xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x?xf32>) outs(%out : tensor<4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %a : f32
    linalg.yield %s : f32
  } -> tensor<4x?xf32>
  return %r : tensor<4x?xf32>
}

// -----

// A generic with a loop of dynamic size keeps its unit dimensions too.
// CHECK-LABEL: func.func @dynamic_unit
// CHECK-NOT: tensor.collapse_shape
// CHECK: ins(%arg0 : tensor<?x1xf32>)
func.func @dynamic_unit(%x: tensor<?x1xf32>) -> tensor<?x1xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x1xf32>
  %out = tensor.empty(%n) : tensor<?x1xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x1xf32>) outs(%out : tensor<?x1xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %a : f32
    linalg.yield %s : f32
  } -> tensor<?x1xf32>
  return %r : tensor<?x1xf32>
}

// -----

// A slice of part of its rows (an LSTM's gate of the gates' product) is
// read row by row: merged, bufferization would copy it. A slice of whole
// rows (the first two of four) merges.
// CHECK-LABEL: func.func @gate_slices
// CHECK-NOT: tensor.collapse_shape %{{.*}} : tensor<32x256xf32>
// CHECK: %[[ROWS:.*]] = tensor.extract_slice %arg0[0, 0] [2, 1024]
// CHECK: tensor.collapse_shape %[[ROWS]] {{\[\[}}0, 1]] : tensor<2x1024xf32> into tensor<2048xf32>
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @gate_slices(%gates: tensor<32x1024xf32>) -> (tensor<32x256xf32>, tensor<2x1024xf32>) {
  %gate = tensor.extract_slice %gates[0, 256] [32, 256] [1, 1] : tensor<32x1024xf32> to tensor<32x256xf32>
  %out = tensor.empty() : tensor<32x256xf32>
  %r = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%gate : tensor<32x256xf32>) outs(%out : tensor<32x256xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %a : f32
    linalg.yield %s : f32
  } -> tensor<32x256xf32>
  %rows = tensor.extract_slice %gates[0, 0] [2, 1024] [1, 1] : tensor<32x1024xf32> to tensor<2x1024xf32>
  %out2 = tensor.empty() : tensor<2x1024xf32>
  %w = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%rows : tensor<2x1024xf32>) outs(%out2 : tensor<2x1024xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.mulf %a, %a : f32
    linalg.yield %s : f32
  } -> tensor<2x1024xf32>
  return %r, %w : tensor<32x256xf32>, tensor<2x1024xf32>
}

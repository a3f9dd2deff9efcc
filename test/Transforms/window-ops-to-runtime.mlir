// RUN: dy2st-opt %s --dy2st-window-ops-to-runtime --split-input-file | FileCheck %s

// A f32 convolution of one group becomes a call of the runtime's
// convolution entry on memrefs of any layout: (x, w, out, padding top and
// left, strides, dilations, accumulate). Its input padded with zeros by a
// bufferized tensor.pad (a zero fill, a copy into the interior) is read
// unpadded: the padded buffer is never made. The zero fill of the output
// folds.
// CHECK-LABEL: func.func private @dy2st_conv2d_f32(memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, i64, i64, i64, i64, i64, i64, i1)
// CHECK-LABEL: func.func @conv_padded
// CHECK-NOT: memref.alloc
// CHECK-NOT: linalg.map
// CHECK-NOT: memref.copy
// CHECK-DAG: %[[X:.*]] = memref.cast %arg0 : memref<2x3x8x8xf32> to memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>
// CHECK-DAG: %[[W:.*]] = memref.cast %arg1
// CHECK-DAG: %[[OUT:.*]] = memref.cast %arg2
// CHECK-DAG: %[[TOP:.*]] = arith.constant 1 : i64
// CHECK-DAG: %[[LEFT:.*]] = arith.constant 2 : i64
// CHECK-DAG: %[[SH:.*]] = arith.constant 2 : i64
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: call @dy2st_conv2d_f32(%[[X]], %[[W]], %[[OUT]], %[[TOP]], %[[LEFT]], %[[SH]], %{{.*}}, %{{.*}}, %{{.*}}, %[[FALSE]])
// CHECK-NOT: linalg.conv_2d_nchw_fchw
// CHECK-NOT: memref.dealloc
func.func @conv_padded(%x: memref<2x3x8x8xf32>, %w: memref<4x3x3x3xf32>, %out: memref<2x4x4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %padded = memref.alloc() {alignment = 64 : i64} : memref<2x3x10x12xf32>
  linalg.map outs(%padded : memref<2x3x10x12xf32>)
    (%init: f32) {
      linalg.yield %zero : f32
    }
  %interior = memref.subview %padded[0, 0, 1, 2] [2, 3, 8, 8] [1, 1, 1, 1] : memref<2x3x10x12xf32> to memref<2x3x8x8xf32, strided<[360, 120, 12, 1], offset: 14>>
  memref.copy %x, %interior : memref<2x3x8x8xf32> to memref<2x3x8x8xf32, strided<[360, 120, 12, 1], offset: 14>>
  linalg.fill ins(%zero : f32) outs(%out : memref<2x4x4x8xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
      ins(%padded, %w : memref<2x3x10x12xf32>, memref<4x3x3x3xf32>) outs(%out : memref<2x4x4x8xf32>)
  memref.dealloc %padded : memref<2x3x10x12xf32>
  return
}

// -----

// The padding stays where the source is written between its copy and the
// convolution (the call would read the new values), where the fill is not
// zero, and where the convolution writes into the source itself; the output
// without a zero start accumulates; f64 stays a linalg op (dy2st lowers f64
// convolutions to products before this pass).
// CHECK-LABEL: func.func @conv_kept_padding
// CHECK: memref.copy %arg0
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%arg0
// CHECK: call @dy2st_conv2d_f32(%{{.*}}, %{{.*}}, %{{.*}}, %{{c0_i64[_0-9]*}}, %{{c0_i64[_0-9]*}}, {{.*}}, %{{true[_0-9]*}})
// CHECK: linalg.map
// CHECK: call @dy2st_conv2d_f32(
// CHECK: memref.copy %arg0, %[[SELF:.*]] :
// CHECK: call @dy2st_conv2d_f32(%{{.*}}, %{{.*}}, %{{.*}}, %{{c0_i64[_0-9]*}}, %{{c0_i64[_0-9]*}},
// CHECK: linalg.conv_2d_nchw_fchw {{.*}} memref<1x1x3x3xf64>
func.func @conv_kept_padding(%x: memref<1x1x2x2xf32>, %w: memref<1x1x3x3xf32>, %out: memref<1x1x2x2xf32>, %x64: memref<1x1x3x3xf64>, %w64: memref<1x1x1x1xf64>, %out64: memref<1x1x3x3xf64>) {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %padded = memref.alloc() : memref<1x1x4x4xf32>
  linalg.fill ins(%zero : f32) outs(%padded : memref<1x1x4x4xf32>)
  %interior = memref.subview %padded[0, 0, 1, 1] [1, 1, 2, 2] [1, 1, 1, 1] : memref<1x1x4x4xf32> to memref<1x1x2x2xf32, strided<[16, 16, 4, 1], offset: 5>>
  memref.copy %x, %interior : memref<1x1x2x2xf32> to memref<1x1x2x2xf32, strided<[16, 16, 4, 1], offset: 5>>
  linalg.fill ins(%one : f32) outs(%x : memref<1x1x2x2xf32>)
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%padded, %w : memref<1x1x4x4xf32>, memref<1x1x3x3xf32>) outs(%out : memref<1x1x2x2xf32>)
  memref.dealloc %padded : memref<1x1x4x4xf32>
  %ones = memref.alloc() : memref<1x1x4x4xf32>
  linalg.map outs(%ones : memref<1x1x4x4xf32>)
    (%init: f32) {
      linalg.yield %one : f32
    }
  %inside = memref.subview %ones[0, 0, 1, 1] [1, 1, 2, 2] [1, 1, 1, 1] : memref<1x1x4x4xf32> to memref<1x1x2x2xf32, strided<[16, 16, 4, 1], offset: 5>>
  memref.copy %x, %inside : memref<1x1x2x2xf32> to memref<1x1x2x2xf32, strided<[16, 16, 4, 1], offset: 5>>
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%ones, %w : memref<1x1x4x4xf32>, memref<1x1x3x3xf32>) outs(%out : memref<1x1x2x2xf32>)
  memref.dealloc %ones : memref<1x1x4x4xf32>
  %self = memref.alloc() : memref<1x1x4x4xf32>
  linalg.fill ins(%zero : f32) outs(%self : memref<1x1x4x4xf32>)
  %center = memref.subview %self[0, 0, 1, 1] [1, 1, 2, 2] [1, 1, 1, 1] : memref<1x1x4x4xf32> to memref<1x1x2x2xf32, strided<[16, 16, 4, 1], offset: 5>>
  memref.copy %x, %center : memref<1x1x2x2xf32> to memref<1x1x2x2xf32, strided<[16, 16, 4, 1], offset: 5>>
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%self, %w : memref<1x1x4x4xf32>, memref<1x1x3x3xf32>) outs(%x : memref<1x1x2x2xf32>)
  memref.dealloc %self : memref<1x1x4x4xf32>
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x64, %w64 : memref<1x1x3x3xf64>, memref<1x1x1x1xf64>) outs(%out64 : memref<1x1x3x3xf64>)
  return
}

// -----

// A f32 max pooling becomes a call of the runtime's pooling entry: (x, out,
// kernel, padding top and left, strides, dilations); its input padded with
// the lowest float (Paddle's) is read unpadded. Padded with another value
// (a pool of a buffer that is not a padding), the padded buffer stays.
// CHECK-LABEL: func.func private @dy2st_max_pool2d_f32(memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, i64, i64, i64, i64, i64, i64, i64, i64)
// CHECK-LABEL: func.func @max_pool
// CHECK-NOT: memref.alloc() {alignment
// CHECK: %[[X:.*]] = memref.cast %arg0 : memref<2x3x8x8xf32> to memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>
// CHECK: %[[OUT:.*]] = memref.cast %arg1
// CHECK: call @dy2st_max_pool2d_f32(%[[X]], %[[OUT]], %{{c3_i64[_0-9]*}}, %{{c3_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c2_i64[_0-9]*}}, %{{c2_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c1_i64[_0-9]*}})
// CHECK: %[[ZEROS:.*]] = memref.alloc() : memref<2x3x10x10xf32>
// CHECK: linalg.fill
// CHECK: memref.copy %arg0
// CHECK: call @dy2st_max_pool2d_f32(%{{.*}}, %{{.*}}, %{{c3_i64[_0-9]*}}, %{{c3_i64[_0-9]*}}, %{{c0_i64[_0-9]*}}, %{{c0_i64[_0-9]*}},
// CHECK-NOT: linalg.pooling_nchw_max
func.func @max_pool(%x: memref<2x3x8x8xf32>, %out: memref<2x3x4x4xf32>) {
  %lowest = arith.constant -3.40282347E+38 : f32
  %zero = arith.constant 0.0 : f32
  %window = memref.alloc() : memref<3x3xf32>
  %padded = memref.alloc() {alignment = 64 : i64} : memref<2x3x10x10xf32>
  linalg.map outs(%padded : memref<2x3x10x10xf32>)
    (%init: f32) {
      linalg.yield %lowest : f32
    }
  %interior = memref.subview %padded[0, 0, 1, 1] [2, 3, 8, 8] [1, 1, 1, 1] : memref<2x3x10x10xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  memref.copy %x, %interior : memref<2x3x8x8xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%padded, %window : memref<2x3x10x10xf32>, memref<3x3xf32>) outs(%out : memref<2x3x4x4xf32>)
  memref.dealloc %padded : memref<2x3x10x10xf32>
  %zeros = memref.alloc() : memref<2x3x10x10xf32>
  linalg.fill ins(%zero : f32) outs(%zeros : memref<2x3x10x10xf32>)
  %inside = memref.subview %zeros[0, 0, 1, 1] [2, 3, 8, 8] [1, 1, 1, 1] : memref<2x3x10x10xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  memref.copy %x, %inside : memref<2x3x8x8xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%zeros, %window : memref<2x3x10x10xf32>, memref<3x3xf32>) outs(%out : memref<2x3x4x4xf32>)
  memref.dealloc %zeros : memref<2x3x10x10xf32>
  memref.dealloc %window : memref<3x3xf32>
  return
}

// -----

// A f32 sum pooling (an average pool's sums) becomes a call of the runtime's
// sum entry with the max entry's arguments; its input padded with zeros is
// read unpadded, one padded with the lowest float keeps its padded buffer.
// CHECK-LABEL: func.func private @dy2st_sum_pool2d_f32(memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>, i64, i64, i64, i64, i64, i64, i64, i64)
// CHECK-LABEL: func.func @sum_pool
// CHECK-NOT: memref.alloc() {alignment
// CHECK: %[[X:.*]] = memref.cast %arg0 : memref<2x3x8x8xf32> to memref<?x?x?x?xf32, strided<[?, ?, ?, ?], offset: ?>>
// CHECK: %[[OUT:.*]] = memref.cast %arg1
// CHECK: call @dy2st_sum_pool2d_f32(%[[X]], %[[OUT]], %{{c3_i64[_0-9]*}}, %{{c3_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c2_i64[_0-9]*}}, %{{c2_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c1_i64[_0-9]*}})
// CHECK: %[[LOWEST:.*]] = memref.alloc() : memref<2x3x10x10xf32>
// CHECK: linalg.fill
// CHECK: memref.copy %arg0
// CHECK: call @dy2st_sum_pool2d_f32(%{{.*}}, %{{.*}}, %{{c3_i64[_0-9]*}}, %{{c3_i64[_0-9]*}}, %{{c0_i64[_0-9]*}}, %{{c0_i64[_0-9]*}},
// CHECK-NOT: linalg.pooling_nchw_sum
func.func @sum_pool(%x: memref<2x3x8x8xf32>, %out: memref<2x3x4x4xf32>) {
  %lowest = arith.constant -3.40282347E+38 : f32
  %zero = arith.constant 0.0 : f32
  %window = memref.alloc() : memref<3x3xf32>
  %padded = memref.alloc() {alignment = 64 : i64} : memref<2x3x10x10xf32>
  linalg.fill ins(%zero : f32) outs(%padded : memref<2x3x10x10xf32>)
  %interior = memref.subview %padded[0, 0, 1, 1] [2, 3, 8, 8] [1, 1, 1, 1] : memref<2x3x10x10xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  memref.copy %x, %interior : memref<2x3x8x8xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%padded, %window : memref<2x3x10x10xf32>, memref<3x3xf32>) outs(%out : memref<2x3x4x4xf32>)
  memref.dealloc %padded : memref<2x3x10x10xf32>
  %lows = memref.alloc() : memref<2x3x10x10xf32>
  linalg.fill ins(%lowest : f32) outs(%lows : memref<2x3x10x10xf32>)
  %inside = memref.subview %lows[0, 0, 1, 1] [2, 3, 8, 8] [1, 1, 1, 1] : memref<2x3x10x10xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  memref.copy %x, %inside : memref<2x3x8x8xf32> to memref<2x3x8x8xf32, strided<[300, 100, 10, 1], offset: 11>>
  linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%lows, %window : memref<2x3x10x10xf32>, memref<3x3xf32>) outs(%out : memref<2x3x4x4xf32>)
  memref.dealloc %lows : memref<2x3x10x10xf32>
  memref.dealloc %window : memref<3x3xf32>
  return
}

// -----

// A f32 grouped convolution becomes a call of the runtime's grouped entry on
// its 5-d memrefs (the input padded already): (x, w, out, strides,
// dilations, accumulate); the zero start folds.
// CHECK-LABEL: func.func private @dy2st_grouped_conv2d_f32(memref<?x?x?x?x?xf32, strided<[?, ?, ?, ?, ?], offset: ?>>, memref<?x?x?x?x?xf32, strided<[?, ?, ?, ?, ?], offset: ?>>, memref<?x?x?x?x?xf32, strided<[?, ?, ?, ?, ?], offset: ?>>, i64, i64, i64, i64, i1)
// CHECK-LABEL: func.func @depthwise
// CHECK-NOT: linalg.fill
// CHECK: call @dy2st_grouped_conv2d_f32(%{{.*}}, %{{.*}}, %{{.*}}, %{{c2_i64[_0-9]*}}, %{{c2_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{c1_i64[_0-9]*}}, %{{false[_0-9]*}})
// CHECK-NOT: linalg.conv_2d_ngchw_gfchw
func.func @depthwise(%x: memref<2x8x1x10x10xf32>, %w: memref<8x1x1x3x3xf32>, %out: memref<2x8x1x4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<2x8x1x4x4xf32>)
  linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w : memref<2x8x1x10x10xf32>, memref<8x1x1x3x3xf32>) outs(%out : memref<2x8x1x4x4xf32>)
  return
}

// RUN: dy2st-opt %s --dy2st-outline-loop-nests | FileCheck %s
// RUN: dy2st-opt %s --dy2st-outline-loop-nests --convert-scf-to-cf --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --dy2st-mark-noalias-pointers --reconcile-unrealized-casts | FileCheck %s --check-prefix=LLVM

// Each outermost loop nest (also inside a while loop or an allocating loop) moves into its own
// noinline function, its constants copied in. A buffer that no other argument
// reaches is noalias (a fresh allocation); `in` and `view` of one buffer
// written through `view` are not, nor are two arguments of the caller when
// one is written.
// CHECK-LABEL: func.func private @nests_loops0(
// CHECK-SAME: %{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>)
// CHECK-SAME: attributes {dy2st.noalias_pointers = array<i64: 0, 1, 5, 6>, passthrough = ["noinline"]}
// CHECK: arith.constant 4 : index
// CHECK: scf.for
// CHECK-LABEL: func.func private @nests_loops1(
// CHECK-NOT: dy2st.noalias_pointers
// CHECK-SAME: passthrough = ["noinline"]
// CHECK-LABEL: func.func private @nests_loops2(
// CHECK-NOT: dy2st.noalias_pointers
// CHECK-SAME: passthrough = ["noinline"]
// CHECK-LABEL: func.func @nests
// CHECK: call @nests_loops0
// CHECK: scf.while
// CHECK: call @nests_loops1
// CHECK: call @nests_loops2
// CHECK-NOT: scf.for

// A loop that allocates is the program's (a decoding loop over a model's
// layers): it stays, and the nests inside it are outlined one by one.
// CHECK-LABEL: func.func private @program_loop_loops0(
// CHECK-SAME: memref<4xf32>
// CHECK: scf.for
// CHECK-NOT: memref.alloc
// CHECK-LABEL: func.func @program_loop
// CHECK: scf.for
// CHECK: memref.alloc
// CHECK: call @program_loop_loops0
// CHECK: memref.dealloc

// LLVM-LABEL: llvm.func @nests_loops0(
// LLVM-SAME: %{{.*}}: !llvm.ptr {llvm.noalias}, %{{.*}}: !llvm.ptr {llvm.noalias}, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: !llvm.ptr {llvm.noalias}, %{{.*}}: !llvm.ptr {llvm.noalias}
// LLVM-NOT: dy2st.noalias_pointers
func.func @nests(%in: memref<4xf32>, %other: memref<4xf32>, %n: i64) {
  %out = memref.alloc() : memref<4xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %in[%i] : memref<4xf32>
    memref.store %v, %out[%i] : memref<4xf32>
  }
  %view = memref.subview %in[1] [2] [1] : memref<4xf32> to memref<2xf32, strided<[1], offset: 1>>
  %zero = arith.constant 0 : i64
  %r = scf.while (%k = %zero) : (i64) -> i64 {
    %go = arith.cmpi slt, %k, %n : i64
    scf.condition(%go) %k : i64
  } do {
  ^bb0(%k: i64):
    scf.for %i = %c0 to %c1 step %c1 {
      %v = memref.load %in[%i] : memref<4xf32>
      memref.store %v, %view[%i] : memref<2xf32, strided<[1], offset: 1>>
    }
    %one = arith.constant 1 : i64
    %next = arith.addi %k, %one : i64
    scf.yield %next : i64
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %in[%i] : memref<4xf32>
    memref.store %v, %other[%i] : memref<4xf32>
  }
  return
}

func.func @program_loop(%in: memref<4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %step = %c0 to %n step %c1 {
    %buffer = memref.alloc() : memref<4xf32>
    scf.for %i = %c0 to %c4 step %c1 {
      %v = memref.load %in[%i] : memref<4xf32>
      memref.store %v, %buffer[%i] : memref<4xf32>
    }
    memref.dealloc %buffer : memref<4xf32>
  }
  return
}

// A function whose argument is declared with a dynamic dimension compiles once and runs on
// any size; len() of the dynamic dimension is a runtime value.
// RUN: dy2st-run %s --arg 'dense<[1.0, 2.0, 3.0]> : tensor<3xf32>' | FileCheck %s --check-prefix=THREE
// RUN: dy2st-run %s --arg 'dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>' | FileCheck %s --check-prefix=FIVE
// RUN: not dy2st-run %s --arg 'dense<[[1.0]]> : tensor<1x1xf32>' 2>&1 | FileCheck %s --check-prefix=RANK
// THREE: result 0: float32[3] = [2, 4, 6]
// THREE: result 1: int = 3
// FIVE: result 0: float32[5] = [2, 4, 6, 8, 10]
// FIVE: result 1: int = 5
// RANK: error: argument 'x' is declared as a float32 tensor of shape [?] but the signature gives a float32 tensor of shape [1, 1]
module {
  pydy.func @twice(%x: tensor<?xf32> {pydy.name = "x"}) -> tuple<tensor<?xf32>, i64> {
    %two = pydy.constant 2.0 : f64
    %0 = pydy.binary mul %x, %two : (tensor<?xf32>, f64) -> tensor<?xf32>
    %1 = pydy.len %x : tensor<?xf32> -> i64
    %t = pydy.tuple %0, %1 : (tensor<?xf32>, i64) -> tuple<tensor<?xf32>, i64>
    pydy.return %t : tuple<tensor<?xf32>, i64>
  }
}

// RUN: dy2st-opt %s --pydy-specialize -split-input-file | FileCheck %s

// f'{items:>5}' of a list: Python's list.__format__ takes no spec, a
// TypeError where the f-string runs (the print becomes the raise).
// CHECK-LABEL: pydy.func @format_list
// CHECK: pydy.raise "TypeError", "unsupported format string passed to list.__format__"
// CHECK-NOT: pydy.print
pydy.func @format_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 1 : i64
  %1 = pydy.list %x, %0 : (!pydy.object, i64) -> !pydy.object
  pydy.print %1 : !pydy.object {formats = [":>5"], sep = ""}
  pydy.return %x : !pydy.object
}

// -----

// f'{x:.3f}' of a tensor of three elements (Paddle's Tensor.__format__
// takes a spec for a 0-d tensor only), also in a raise's message.
// CHECK-LABEL: pydy.func @format_spec_vector
// CHECK: pydy.raise "TypeError", "unsupported format string passed to Tensor.__format__"
// CHECK-NOT: pydy.raise "ValueError"
pydy.func @format_spec_vector(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  pydy.raise "ValueError", "bad: " (%x : !pydy.object) {formats = [":.3f"]}
  pydy.return %x : !pydy.object
}

// -----

// A conversion first (`!r:>40`) or a 0-d tensor's spec is taken.
// CHECK-LABEL: pydy.func @format_taken
// CHECK-NOT: pydy.raise
// CHECK: pydy.print
pydy.func @format_taken(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<f32>]} {
  pydy.print %x, %x : !pydy.object, !pydy.object {formats = [":.3f", "!r:>20"], sep = " "}
  pydy.return %x : !pydy.object
}

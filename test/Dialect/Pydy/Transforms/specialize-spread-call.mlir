// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics | FileCheck %s

// f(*args) of a lambda: specialization, which knows that args is a list of
// two, calls f with its items (and the keyword), then inlines it.
// CHECK-LABEL: pydy.func @spread
// CHECK-NOT: pydy.call_value
// CHECK: %[[SUM:.*]] = pydy.binary add %x, %x
// CHECK: %[[SCALED:.*]] = pydy.binary mul %[[SUM]], %{{.*}}
// CHECK: pydy.return %[[SCALED]]
pydy.func @spread(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %one = pydy.constant 1 : i64
  %f = pydy.lambda ["a", "b", "k"] defaults(%one : i64) : !pydy.object {
  ^bb0(%a: !pydy.object, %b: !pydy.object, %k: !pydy.object):
    %s = pydy.binary add %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
    %r = pydy.binary mul %s, %k : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %r : !pydy.object
  } {default_params = ["k"]}
  %args = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %three = pydy.constant 3 : i64
  %0 = pydy.call_value %f(%args, %three) {kwnames = ["k"], spread} : !pydy.object, (!pydy.object, i64) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// A spread sequence's length must be known when compiling.
pydy.func @spread_number(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %f = pydy.lambda ["a"] : !pydy.object {
  ^bb0(%a: !pydy.object):
    pydy.yield %a : !pydy.object
  }
  %n = pydy.constant 3 : i64
  // expected-error @+1 {{f(*args) needs a list or tuple whose length is known when compiling, not an int}}
  %0 = pydy.call_value %f(%n) {spread} : !pydy.object, (i64) -> !pydy.object
  pydy.return %0 : !pydy.object
}

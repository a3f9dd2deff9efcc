// RUN: dy2st-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: pydy.func @types
// CHECK-SAME: !pydy.dict<"weight": tensor<4xf32>, "step": i64>
// CHECK-SAME: !pydy.dict<>
// CHECK-SAME: !pydy.dict<0: f64, -3: i64, "a": i1>
// CHECK-SAME: !pydy.list<i64, f64>
// CHECK-SAME: !pydy.list<>
pydy.func @types(%a: !pydy.dict<"weight": tensor<4xf32>, "step": i64>, %b: !pydy.dict<>,
                 %i: !pydy.dict<0: f64, -3: i64, "a": i1>,
                 %c: !pydy.list<i64, f64>, %d: !pydy.list<>) -> !pydy.object {
  // CHECK: pydy.dict keys() values() -> !pydy.object
  %e = pydy.dict keys() values() -> !pydy.object
  pydy.return
}

// -----

// expected-error @+1 {{duplicate dict key "a"}}
pydy.func @duplicate(%a: !pydy.dict<"a": i64, "a": f64>) -> !pydy.object {
  pydy.return
}

// -----

// expected-error @+1 {{duplicate dict key 2 : i64}}
pydy.func @duplicate_int(%a: !pydy.dict<2: i64, "2": i64, 2: f64>) -> !pydy.object {
  pydy.return
}

// -----

// A namedtuple class's instances: the class key (with its bases' after `<`),
// the fields and their types; a field that is no identifier is quoted.
// CHECK-LABEL: pydy.func @named_tuples
// CHECK-SAME: !pydy.named_tuple<"Cache#0"(k: tensor<2x?xf32>, v: i64)>
// CHECK-SAME: !pydy.named_tuple<"Point#2<Base#1"()>
// CHECK-SAME: !pydy.named_tuple<"Odd#3"("a b": !pydy.object)>
pydy.func @named_tuples(%a: !pydy.named_tuple<"Cache#0"(k: tensor<2x?xf32>, "v": i64)>,
                        %b: !pydy.named_tuple<"Point#2<Base#1"()>,
                        %c: !pydy.named_tuple<"Odd#3"("a b": !pydy.object)>) -> !pydy.object {
  pydy.return
}

// -----

// expected-error @+1 {{named tuple fields must be distinct names, not "k"}}
pydy.func @duplicate_field(%a: !pydy.named_tuple<"Cache#0"(k: i64, k: f64)>) -> !pydy.object {
  pydy.return
}

// -----

// expected-error @+1 {{a named tuple type needs its class key}}
pydy.func @no_class(%a: !pydy.named_tuple<""(k: i64)>) -> !pydy.object {
  pydy.return
}

// RUN: dy2st-opt %s --pydy-expand-tuples --canonicalize | FileCheck %s

// A tuple carried by a loop is carried as its elements; the tuple is rebuilt
// after the loop, where the unpack folds away.
// CHECK-LABEL: pydy.func @carried_tuple
// CHECK:      %[[R:.*]]:3 = pydy.while(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2xf32>, i64, i1) -> tensor<2xf32>, i64, i1 {
// CHECK:        ^bb0(%{{.*}}: tensor<2xf32>, %{{.*}}: i64, %{{.*}}: i1):
// CHECK:      } {names = ["acc.0", "acc.1", "done"]}
// CHECK-NOT:  pydy.unpack
// CHECK:      pydy.binary mul %[[R]]#0, %[[R]]#1
pydy.func @carried_tuple(%x: tensor<2xf32>) -> tensor<2xf32> {
  %c0 = pydy.constant 0 : i64
  %f = pydy.constant false
  %t = pydy.tuple %x, %c0 : (tensor<2xf32>, i64) -> tuple<tensor<2xf32>, i64>
  %r:2 = pydy.while(%t, %f : tuple<tensor<2xf32>, i64>, i1) -> tuple<tensor<2xf32>, i64>, i1 {
  ^bb0(%acc: tuple<tensor<2xf32>, i64>, %done: i1):
    %n = pydy.unary not %done : (i1) -> i1
    pydy.condition(%n : i1) %acc, %done : tuple<tensor<2xf32>, i64>, i1
  } do {
  ^bb0(%acc: tuple<tensor<2xf32>, i64>, %done: i1):
    %v:2 = pydy.unpack %acc : tuple<tensor<2xf32>, i64> -> tensor<2xf32>, i64
    %one = pydy.constant 1 : i64
    %n = pydy.binary add %v#1, %one : (i64, i64) -> i64
    %next = pydy.tuple %v#0, %n : (tensor<2xf32>, i64) -> tuple<tensor<2xf32>, i64>
    %t2 = pydy.constant true
    pydy.yield %next, %t2 : tuple<tensor<2xf32>, i64>, i1
  } {names = ["acc", "done"]}
  %e:2 = pydy.unpack %r#0 : tuple<tensor<2xf32>, i64> -> tensor<2xf32>, i64
  %y = pydy.binary mul %e#0, %e#1 : (tensor<2xf32>, i64) -> tensor<2xf32>
  pydy.return %y : tensor<2xf32>
}

// A branch yielding a list: an undefined value splits into undefined elements.
// CHECK-LABEL: pydy.func @branch_list
// CHECK:      %[[B:.*]]:2 = pydy.if %{{.*}} : i1 -> i64, i64 {
// CHECK:      } else {
// CHECK:        %[[U1:.*]] = pydy.undef "shape" : i64
// CHECK:        %[[U2:.*]] = pydy.undef "shape" : i64
// CHECK:        pydy.yield %[[U1]], %[[U2]] : i64, i64
// CHECK:      %[[L:.*]] = pydy.list %[[B]]#0, %[[B]]#1 : (i64, i64) -> !pydy.list<i64, i64>
// CHECK:      pydy.return %[[L]]
pydy.func @branch_list(%c: i1, %s: !pydy.list<i64, i64>) -> !pydy.list<i64, i64> {
  %0 = pydy.if %c : i1 -> !pydy.list<i64, i64> {
    pydy.yield %s : !pydy.list<i64, i64>
  } else {
    %u = pydy.undef "shape" : !pydy.list<i64, i64>
    pydy.yield %u : !pydy.list<i64, i64>
  }
  pydy.return %0 : !pydy.list<i64, i64>
}

// -----

// None (a compile-time value) is carried as no value at all.
// CHECK-LABEL: pydy.func @none_result
// CHECK: %[[R:.*]] = pydy.if %{{.*}} : i1 -> i64 {
// CHECK: pydy.yield %{{.*}} : i64
// CHECK: } {names = ["n"]}
// CHECK: pydy.return %[[R]] : i64
pydy.func @none_result(%c: i1 {pydy.name = "c"}) -> i64 {
  %none = pydy.constant none
  %one = pydy.constant 1 : i64
  %two = pydy.constant 2 : i64
  %r:2 = pydy.if %c : i1 -> !pydy.none, i64 {
    pydy.yield %none, %one : !pydy.none, i64
  } else {
    pydy.yield %none, %two : !pydy.none, i64
  } {names = ["v", "n"]}
  pydy.return %r#1 : i64
}

// -----

// An optional value is carried as its flag and its value.
// CHECK-LABEL: pydy.func @optional_carried
// CHECK: %[[R:.*]]:2 = pydy.if %{{.*}} : i1 -> i1, tensor<2xf32>
// CHECK: %[[O:.*]] = pydy.optional %[[R]]#0, %[[R]]#1 : tensor<2xf32> -> <tensor<2xf32>>
// CHECK: pydy.optional_value %[[O]]
pydy.func @optional_carried(%c: i1 {pydy.name = "c"}, %x: tensor<2xf32> {pydy.name = "x"}) -> tensor<2xf32> {
  %t = pydy.constant true
  %f = pydy.constant false
  %r = pydy.if %c : i1 -> !pydy.optional<tensor<2xf32>> {
    %o = pydy.optional %t, %x : tensor<2xf32> -> !pydy.optional<tensor<2xf32>>
    pydy.yield %o : !pydy.optional<tensor<2xf32>>
  } else {
    %o = pydy.optional %f, %x : tensor<2xf32> -> !pydy.optional<tensor<2xf32>>
    pydy.yield %o : !pydy.optional<tensor<2xf32>>
  } {names = ["h"]}
  %v = pydy.optional_value %r : !pydy.optional<tensor<2xf32>> -> tensor<2xf32>
  pydy.return %v : tensor<2xf32>
}

// -----

// An instance of a namedtuple class is carried as its fields and rebuilt
// with its class after the branch.
// CHECK-LABEL: pydy.func @branch_named_tuple
// CHECK:      %[[B:.*]]:2 = pydy.if %{{.*}} : i1 -> tensor<2xf32>, i64 {
// CHECK:      pydy.tuple %[[B]]#0, %[[B]]#1 : (tensor<2xf32>, i64) -> !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>
pydy.func @branch_named_tuple(%c: i1, %x: tensor<2xf32>) -> !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)> {
  %one = pydy.constant 1 : i64
  %two = pydy.constant 2 : i64
  %0 = pydy.if %c : i1 -> !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)> {
    %a = pydy.tuple %x, %one : (tensor<2xf32>, i64) -> !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>
    pydy.yield %a : !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>
  } else {
    %b = pydy.tuple %x, %two : (tensor<2xf32>, i64) -> !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>
    pydy.yield %b : !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>
  } {names = ["cache"]}
  pydy.return %0 : !pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>
}

// A dict given keys at run time is carried as the arrays of its keys and
// values, and rebuilt from them after the loop.
// CHECK-LABEL: pydy.func @carried_runtime_dict
// CHECK:      %[[R:.*]]:2 = pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, i64, i64 iter_args(%{{.*}}, %{{.*}} : !tensor_array.array<i64>, !tensor_array.array<f64>) -> !tensor_array.array<i64>, !tensor_array.array<f64> {
// CHECK:        ^bb0(%[[I:.*]]: i64, %[[K:.*]]: !tensor_array.array<i64>, %[[V:.*]]: !tensor_array.array<f64>):
// CHECK:        %[[K2:.*]] = tensor_array.append %[[K]], %[[I]]
// CHECK:        %[[V2:.*]] = tensor_array.append %[[V]], %{{.*}}
// CHECK:        pydy.yield %[[K2]], %[[V2]]
// CHECK:      } {names = ["d.0", "d.1"]}
// CHECK:      pydy.runtime_dict %[[R]]#0, %[[R]]#1
pydy.func @carried_runtime_dict(%n: i64) -> !pydy.runtime_dict<i64, f64> {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %half = pydy.constant 0.5 : f64
  %k = tensor_array.create : !tensor_array.array<i64>
  %v = tensor_array.create : !tensor_array.array<f64>
  %d = pydy.runtime_dict %k, %v : !tensor_array.array<i64>, !tensor_array.array<f64> -> <i64, f64>
  %r = pydy.for_range %c0, %n, %c1 : i64, i64, i64 iter_args(%d : !pydy.runtime_dict<i64, f64>) -> !pydy.runtime_dict<i64, f64> {
  ^bb0(%i: i64, %acc: !pydy.runtime_dict<i64, f64>):
    %keys = pydy.runtime_dict_keys %acc : <i64, f64> -> !tensor_array.array<i64>
    %values = pydy.runtime_dict_values %acc : <i64, f64> -> !tensor_array.array<f64>
    %k2 = tensor_array.append %keys, %i : !tensor_array.array<i64>
    %v2 = tensor_array.append %values, %half : !tensor_array.array<f64>
    %next = pydy.runtime_dict %k2, %v2 : !tensor_array.array<i64>, !tensor_array.array<f64> -> <i64, f64>
    pydy.yield %next : !pydy.runtime_dict<i64, f64>
  } {names = ["d"]}
  pydy.return %r : !pydy.runtime_dict<i64, f64>
}

// A set of ints is carried as the array of its items.
// CHECK-LABEL: pydy.func @carried_runtime_set
// CHECK:      %[[R:.*]] = pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, i64, i64 iter_args(%{{.*}} : !tensor_array.array<i64>) -> !tensor_array.array<i64> {
// CHECK:        ^bb0(%[[I:.*]]: i64, %[[ITEMS:.*]]: !tensor_array.array<i64>):
// CHECK:        %[[MORE:.*]] = tensor_array.append %[[ITEMS]], %[[I]]
// CHECK:        pydy.yield %[[MORE]]
// CHECK:      } {names = ["s.0"]}
// CHECK:      pydy.runtime_set %[[R]]
pydy.func @carried_runtime_set(%n: i64) -> !pydy.runtime_set<i64> {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %items = tensor_array.create : !tensor_array.array<i64>
  %s = pydy.runtime_set %items : !tensor_array.array<i64> -> <i64>
  %r = pydy.for_range %c0, %n, %c1 : i64, i64, i64 iter_args(%s : !pydy.runtime_set<i64>) -> !pydy.runtime_set<i64> {
  ^bb0(%i: i64, %acc: !pydy.runtime_set<i64>):
    %held = pydy.runtime_set_items %acc : <i64> -> !tensor_array.array<i64>
    %more = tensor_array.append %held, %i : !tensor_array.array<i64>
    %next = pydy.runtime_set %more : !tensor_array.array<i64> -> <i64>
    pydy.yield %next : !pydy.runtime_set<i64>
  } {names = ["s"]}
  pydy.return %r : !pydy.runtime_set<i64>
}

// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<?xi64>,tensor<i64>" | FileCheck %s

// `seen = {0}` filled by `seen.add(int(ids[i]))` in a loop of a trip count
// known only at run time: a `!pydy.runtime_set` carried as the array of its
// distinct items; an item is appended where `tensor_array.find` does not
// find it, removed by discard() where it does; `in` and len read the array.
// CHECK-LABEL: pydy.func @sets
// CHECK:      %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<i64>
// CHECK:      tensor_array.find %[[EMPTY]], %{{.*}} : !tensor_array.array<i64>
// CHECK:      %[[SEEN:.*]] = pydy.for_range %{{.*}} iter_args(%{{.*}} : !pydy.runtime_set<i64>) -> !pydy.runtime_set<i64> {
// CHECK:        %[[AT:.*]] = tensor_array.find %{{.*}}, %{{.*}} : !tensor_array.array<i64>
// CHECK:        %[[FOUND:.*]] = pydy.compare ge %[[AT]], %{{.*}} : (i64, i64) -> i1
// CHECK:        pydy.if %[[FOUND]] : i1 -> !pydy.runtime_set<i64> {
// CHECK:        } else {
// CHECK:          tensor_array.append
// CHECK:      %[[AT1:.*]] = tensor_array.find %{{.*}}, %{{.*}}
// CHECK:      %[[HAS1:.*]] = pydy.compare ge %[[AT1]], %{{.*}}
// CHECK:      %[[LEFT:.*]] = pydy.if %[[HAS1]] : i1 -> !pydy.runtime_set<i64> {
// CHECK:        tensor_array.pop %{{.*}}[%[[AT1]]]
// CHECK:      %[[ITEMS:.*]] = pydy.runtime_set_items %[[LEFT]]
// CHECK:      %[[AT2:.*]] = tensor_array.find %[[ITEMS]], %{{.*}}
// CHECK:      %[[IN:.*]] = pydy.compare ge %[[AT2]], %{{.*}}
// CHECK:      %[[N:.*]] = tensor_array.length %{{.*}} : !tensor_array.array<i64>
// CHECK:      pydy.tuple %[[IN]], %[[N]]
pydy.func @"sets"(%arg0: !pydy.object {pydy.name = "ids"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %v1 = pydy.constant 0 : i64
  %v2 = pydy.tuple %v1 : (i64) -> !pydy.object
  %v3:2 = pydy.call_method %v2, "__set__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.store "seen", %v3#0 : !pydy.object
  %v4 = pydy.load "n" : !pydy.object
  %v5 = pydy.constant 0 : i64
  %v6 = pydy.constant 1 : i64
  pydy.for_range %v5, %v4, %v6 : i64, !pydy.object, i64 {
    ^bb0(%v7: !pydy.object):
    pydy.store "i", %v7 : !pydy.object
    %v8 = pydy.load "seen" : !pydy.object
    %v9 = pydy.load "ids" : !pydy.object
    %v10 = pydy.load "i" : !pydy.object
    %v11 = pydy.subscript %v9[%v10] : (!pydy.object, !pydy.object) -> !pydy.object
    %v12 = pydy.unary to_int %v11 : (!pydy.object) -> !pydy.object
    %v13:2 = pydy.call_method %v8, "add"(%v12) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "seen", %v13#1 : !pydy.object
  }
  %v14 = pydy.load "seen" : !pydy.object
  %v15 = pydy.constant 1 : i64
  %v16:2 = pydy.call_method %v14, "discard"(%v15) : !pydy.object, (i64) -> (!pydy.object, !pydy.object)
  pydy.store "seen", %v16#1 : !pydy.object
  %v17 = pydy.constant 2 : i64
  %v18 = pydy.load "seen" : !pydy.object
  %v19 = pydy.compare in %v17, %v18 : (i64, !pydy.object) -> !pydy.object
  %v22 = pydy.load "seen" : !pydy.object
  %v23 = pydy.len %v22 : !pydy.object -> !pydy.object
  %v27 = pydy.tuple %v19, %v23 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %v27 : !pydy.object
}

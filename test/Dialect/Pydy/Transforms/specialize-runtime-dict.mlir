// RUN: dy2st-opt %s -split-input-file --pydy-specialize="signature=i64,i64" | FileCheck %s

// A dict of int keys written at a key known only at run time becomes a
// `!pydy.runtime_dict`: the arrays of its keys and values, the key looked up
// among the keys (`tensor_array.find`), a write appending it where it is
// missing, a read raising Python's KeyError there.
// CHECK-LABEL: pydy.func @written_at_runtime_key
// CHECK:      %[[K0:.*]] = tensor_array.create : !tensor_array.array<i64>
// CHECK:      %[[V0:.*]] = tensor_array.create : !tensor_array.array<f64>
// CHECK:      %[[K1:.*]] = tensor_array.append %[[K0]], %{{.*}} : !tensor_array.array<i64>
// CHECK:      tensor_array.append %[[V0]], %{{.*}} : !tensor_array.array<f64>
// CHECK:      %[[AT:.*]] = tensor_array.find %[[K1]], %k : !tensor_array.array<i64>
// CHECK:      %[[FOUND:.*]] = pydy.compare ge %[[AT]], %{{.*}} : (i64, i64) -> i1
// CHECK:      %[[D1:.*]] = pydy.if %[[FOUND]] : i1 -> !pydy.runtime_dict<i64, f64> {
// CHECK:        tensor_array.write %{{.*}}[%[[AT]]], %{{.*}} : !tensor_array.array<f64>
// CHECK:      } else {
// CHECK-DAG:    tensor_array.append %{{.*}}, %{{.*}} : !tensor_array.array<f64>
// CHECK-DAG:    tensor_array.append %{{.*}}, %k : !tensor_array.array<i64>
// CHECK:      }
// CHECK:      %[[KEYS:.*]] = pydy.runtime_dict_keys %[[D1]]
// CHECK:      %[[AT2:.*]] = tensor_array.find %[[KEYS]], %j
// CHECK:      %[[MISSING:.*]] = pydy.compare lt %[[AT2]], %{{.*}} : (i64, i64) -> i1
// CHECK:      pydy.if %[[MISSING]] : i1 {
// CHECK:        pydy.raise "KeyError", ""(%j : i64) {formats = ["!r"]}
// CHECK:      }
// CHECK:      %[[READ:.*]] = tensor_array.read %{{.*}}[%[[AT2]]] : !tensor_array.array<f64>
// CHECK:      %[[IN:.*]] = pydy.compare ge %{{.*}}, %{{.*}} : (i64, i64) -> i1
// CHECK:      %[[N:.*]] = tensor_array.length %{{.*}} : !tensor_array.array<i64>
// CHECK:      pydy.tuple %[[D1]], %[[READ]], %[[IN]], %[[N]]
pydy.func @written_at_runtime_key(%k: !pydy.object {pydy.name = "k"},
                                  %j: !pydy.object {pydy.name = "j"}) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %half = pydy.constant 0.5 : f64
  %d = pydy.dict keys(%zero : i64) values(%half : f64) -> !pydy.object
  %d1 = pydy.setitem %d[%k] = %half : (!pydy.object, !pydy.object, f64) -> !pydy.object
  %v = pydy.subscript %d1[%j] : (!pydy.object, !pydy.object) -> !pydy.object
  %in = pydy.compare in %j, %d1 : (!pydy.object, !pydy.object) -> !pydy.object
  %n = pydy.len %d1 : !pydy.object -> !pydy.object
  %r = pydy.tuple %d1, %v, %in, %n : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// A loop that gives an empty dict keys: its carried type joins `{}` with
// the dict the body makes.
// CHECK-LABEL: pydy.func @filled_in_a_loop
// CHECK:      pydy.for_range %{{.*}} iter_args(%{{.*}} : !pydy.runtime_dict<i64, i64>) -> !pydy.runtime_dict<i64, i64>
// CHECK:        tensor_array.find
// CHECK:        pydy.if %{{.*}} : i1 -> i64
// CHECK:        pydy.if %{{.*}} : i1 -> !pydy.runtime_dict<i64, i64>
// CHECK:      pydy.return %{{.*}} : !pydy.runtime_dict<i64, i64>
pydy.func @filled_in_a_loop(%n: !pydy.object {pydy.name = "n"},
                            %m: !pydy.object {pydy.name = "m"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %d = pydy.dict keys() values() -> !pydy.object
  %r = pydy.for_range %c0, %n, %c1 : i64, !pydy.object, i64 iter_args(%d : !pydy.object) -> !pydy.object {
  ^bb0(%i: !pydy.object, %acc: !pydy.object):
    %k = pydy.binary mod %i, %m : (!pydy.object, !pydy.object) -> !pydy.object
    %old:2 = pydy.call_method %acc, "get"(%k, %c0) : !pydy.object, (!pydy.object, i64) -> (!pydy.object, !pydy.object)
    %new = pydy.binary add %old#0, %c1 : (!pydy.object, i64) -> !pydy.object
    %next = pydy.setitem %acc[%k] = %new : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %next : !pydy.object
  } {names = ["counts"]}
  pydy.return %r : !pydy.object
}

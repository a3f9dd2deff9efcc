// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics | FileCheck %s

// `is` where the values tell: one value is one object (`b = a; a is b`),
// values no object has both types of are two (a tensor and a number,
// tensors of different dtypes), and True and False are one object each
// (bools compare by value).
// CHECK-LABEL: pydy.func @identity
// CHECK: %[[SAME:.*]] = pydy.constant true
// CHECK: %[[NUMBER:.*]] = pydy.constant false
// CHECK: %[[DTYPES:.*]] = pydy.constant false
// CHECK: %[[FLAGS:.*]] = pydy.compare eq %{{.*}}, %{{.*}} : (i1, i1) -> i1
// CHECK: pydy.tuple %[[SAME]], %[[NUMBER]], %[[DTYPES]], %[[FLAGS]]
pydy.func @identity(%x: !pydy.object {pydy.name = "x"}, %flag: !pydy.object {pydy.name = "flag"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>, i1]} {
  %0 = pydy.compare is %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %n = pydy.constant 2 : i64
  %1 = pydy.compare is %x, %n : (!pydy.object, i64) -> !pydy.object
  %dtype = pydy.constant "int64"
  %c = pydy.lib_call "cast"(%x, %dtype) : (!pydy.object, !pydy.str) -> !pydy.object
  %2 = pydy.compare is %x, %c : (!pydy.object, !pydy.object) -> !pydy.object
  %zero = pydy.constant 0.0 : f64
  %positive = pydy.compare gt %x, %zero : (!pydy.object, f64) -> !pydy.object
  %any = pydy.lib_call "any"(%positive) : (!pydy.object) -> !pydy.object
  %truth = pydy.unary to_bool %any : (!pydy.object) -> !pydy.object
  %3 = pydy.compare is %truth, %flag : (!pydy.object, !pydy.object) -> !pydy.object
  %r = pydy.tuple %0, %1, %2, %3 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// Two tensors of one type computed apart may be one object eagerly, or two.
pydy.func @apart(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %one = pydy.constant 1.0 : f64
  %y = pydy.binary add %x, %one : (!pydy.object, f64) -> !pydy.object
  // expected-error @+1 {{dy2st cannot tell whether two values computed apart (of type float32 tensor of shape [2]) are one object}}
  %0 = pydy.compare is %x, %y : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// A lambda is never None, and callable() of it (the "callable" class of
// __isinstance__) is true, of a tensor false: both fold, so a check of a
// function argument leaves only the branch that calls it.
// CHECK-LABEL: pydy.func @lambda_is_not_none
// CHECK-NEXT: pydy.constant [true, true, false]
pydy.func @lambda_is_not_none(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %fn = pydy.lambda [] : !pydy.object {
    pydy.yield %x : !pydy.object
  }
  %none = pydy.constant none
  %0 = pydy.compare is_not %fn, %none : (!pydy.object, !pydy.none) -> !pydy.object
  %kind = pydy.constant "callable"
  %1:2 = pydy.call_method %fn, "__isinstance__"(%kind) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2:2 = pydy.call_method %x, "__isinstance__"(%kind) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %r = pydy.tuple %0, %1#0, %2#0 : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// hasattr(v, name) of a value computed in compiled code: true where v's kind
// is one the importer lists as having the attribute, or v is a record with
// that field.
// CHECK-LABEL: pydy.func @has_attribute
// CHECK-NEXT: pydy.constant [true, false, true, false]
pydy.func @has_attribute(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %tensor_kinds = pydy.constant "Tensor"
  %shape = pydy.constant "shape"
  %0:2 = pydy.call_method %x, "__hasattr__"(%tensor_kinds, %shape) : !pydy.object, (!pydy.str, !pydy.str) -> (!pydy.object, !pydy.object)
  %none = pydy.constant ""
  %nope = pydy.constant "nope"
  %1:2 = pydy.call_method %x, "__hasattr__"(%none, %nope) : !pydy.object, (!pydy.str, !pydy.str) -> (!pydy.object, !pydy.object)
  %record = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.named_tuple<"P#0"(k: !pydy.object, v: !pydy.object)>
  %k = pydy.constant "k"
  %2:2 = pydy.call_method %record, "__hasattr__"(%none, %k) : !pydy.named_tuple<"P#0"(k: !pydy.object, v: !pydy.object)>, (!pydy.str, !pydy.str) -> (!pydy.object, !pydy.object)
  %q = pydy.constant "q"
  %3:2 = pydy.call_method %record, "__hasattr__"(%none, %q) : !pydy.named_tuple<"P#0"(k: !pydy.object, v: !pydy.object)>, (!pydy.str, !pydy.str) -> (!pydy.object, !pydy.object)
  %r = pydy.tuple %0#0, %1#0, %2#0, %3#0 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// isinstance(v, type(w)) (PaddleNLP's `isinstance(encoder_outputs,
// type(embedding_output))`): w's own class, once specialized; a bool is an
// int, an int no bool.
// CHECK-LABEL: pydy.func @isinstance_like
// CHECK-NEXT: pydy.constant [true, false, true, false]
pydy.func @isinstance_like(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %y = pydy.binary mul %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %one = pydy.constant 1 : i64
  %yes = pydy.constant true
  %0:2 = pydy.call_method %y, "__isinstance_like__"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  %1:2 = pydy.call_method %y, "__isinstance_like__"(%one) : !pydy.object, (i64) -> (!pydy.object, !pydy.object)
  %2:2 = pydy.call_method %yes, "__isinstance_like__"(%one) : i1, (i64) -> (!pydy.object, !pydy.object)
  %3:2 = pydy.call_method %one, "__isinstance_like__"(%yes) : i64, (i1) -> (!pydy.object, !pydy.object)
  %r = pydy.tuple %0#0, %1#0, %2#0, %3#0 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

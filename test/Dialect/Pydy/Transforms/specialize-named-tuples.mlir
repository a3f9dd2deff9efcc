// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" -split-input-file -verify-diagnostics | FileCheck %s

// Cache(x, 2): the display's type keeps the class and fields and takes its
// elements' types; `.v` is the element, `_fields` the names, isinstance()
// answers from the class key (or a base's after `<`), and `_replace` makes
// another instance of the class.
// CHECK-LABEL: pydy.func @fields
// CHECK: %[[TWO:.*]] = pydy.constant 2 : i64
// CHECK: %[[NAMES:.*]] = pydy.constant ["k", "v"]
// CHECK: %[[OWN:.*]] = pydy.constant true
// CHECK: %[[BASE:.*]] = pydy.constant true
// CHECK: %[[OTHER:.*]] = pydy.constant false
// CHECK: %[[R:.*]] = pydy.tuple %x, %{{.*}} : (tensor<2xf32>, tensor<f32>) -> !pydy.named_tuple<"Cache#1<Base#0"(k: tensor<2xf32>, v: tensor<f32>)>
// CHECK: pydy.tuple %[[TWO]], %[[NAMES]], %[[OWN]], %[[BASE]], %[[OTHER]], %[[R]]
pydy.func @fields(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %two = pydy.constant 2 : i64
  %c = pydy.tuple %x, %two : (!pydy.object, i64) -> !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)>
  %v = pydy.attr %c, "v" : !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)> -> !pydy.object
  %names = pydy.attr %c, "_fields" : !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)> -> !pydy.object
  %own = pydy.constant "=Cache#1"
  %is_own:2 = pydy.call_method %c, "__isinstance__"(%own) : !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)>, (!pydy.str) -> (!pydy.object, !pydy.object)
  %base = pydy.constant "=Base#0"
  %is_base:2 = pydy.call_method %c, "__isinstance__"(%base) : !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)>, (!pydy.str) -> (!pydy.object, !pydy.object)
  %other = pydy.constant "=Other#2,list"
  %is_other:2 = pydy.call_method %c, "__isinstance__"(%other) : !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)>, (!pydy.str) -> (!pydy.object, !pydy.object)
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %r:2 = pydy.call_method %c, "_replace"(%s) {kwnames = ["v"]} : !pydy.named_tuple<"Cache#1<Base#0"(k: !pydy.object, v: !pydy.object)>, (!pydy.object) -> (!pydy.object, !pydy.object)
  %t = pydy.tuple %v, %names, %is_own#0, %is_base#0, %is_other#0, %r#0 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// An instance carried by a loop whose field grows: the field's types join
// (the length becomes dynamic) and the class stays.
// CHECK-LABEL: pydy.func @carried
// CHECK: pydy.for_range {{.*}} -> !pydy.named_tuple<"Cache#0"(k: tensor<?xf32>)>
pydy.func @carried(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %n = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %m = pydy.unary to_int %n : (!pydy.object) -> !pydy.object
  %c = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
  %r = pydy.for_range %0, %m, %1 : i64, !pydy.object, i64 iter_args(%c : !pydy.named_tuple<"Cache#0"(k: !pydy.object)>) -> !pydy.object {
  ^bb0(%i: !pydy.object, %cache: !pydy.object):
    %k = pydy.attr %cache, "k" : !pydy.object -> !pydy.object
    %l = pydy.list %k, %x : (!pydy.object, !pydy.object) -> !pydy.object
    %cat = pydy.lib_call "concat"(%l) : (!pydy.object) -> !pydy.object
    %next = pydy.tuple %cat : (!pydy.object) -> !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
    pydy.yield %next : !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
  } {names = ["cache"]}
  pydy.return %r : !pydy.object
}

// -----

pydy.func @no_field(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
  // expected-error @+1 {{AttributeError: 'Cache(k=float32 tensor of shape [2])' object has no attribute 'q'}}
  %q = pydy.attr %c, "q" : !pydy.named_tuple<"Cache#0"(k: !pydy.object)> -> !pydy.object
  pydy.return %q : !pydy.object
}

// -----

pydy.func @replace_unknown(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
  // expected-error @+1 {{ValueError: Got unexpected field names: ['q']}}
  %r:2 = pydy.call_method %c, "_replace"(%x) {kwnames = ["q"]} : !pydy.named_tuple<"Cache#0"(k: !pydy.object)>, (!pydy.object) -> (!pydy.object, !pydy.object)
  pydy.return %r#0 : !pydy.object
}

// -----

// A namedtuple instance and a plain tuple do not join.
pydy.func @join_with_tuple(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %n = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %cond = pydy.compare gt %n, %n : (!pydy.object, !pydy.object) -> !pydy.object
  // expected-error @+1 {{variable 'cache' is a Cache(k=float32 tensor of shape [2]) in the 'if' branch but a tuple(float32 tensor of shape [2]) in the 'else' branch}}
  %r = pydy.if %cond : !pydy.object -> !pydy.object {
    %c = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
    pydy.yield %c : !pydy.named_tuple<"Cache#0"(k: !pydy.object)>
  } else {
    %t = pydy.tuple %x : (!pydy.object) -> !pydy.object
    pydy.yield %t : !pydy.object
  } {names = ["cache"]}
  pydy.return %r : !pydy.object
}

// -----

// A dataclass's instance (its key starts with '@') is a record, not a tuple:
// a field reads, isinstance() of its class holds and of tuple does not.
// CHECK-LABEL: pydy.func @dataclass_fields
// CHECK: %[[OWN:.*]] = pydy.constant true
// CHECK: %[[TUPLE:.*]] = pydy.constant false
// CHECK: pydy.tuple %x, %[[OWN]], %[[TUPLE]]
pydy.func @dataclass_fields(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %o = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"@Output#3"(loss: !pydy.object)>
  %loss = pydy.attr %o, "loss" : !pydy.named_tuple<"@Output#3"(loss: !pydy.object)> -> !pydy.object
  %own = pydy.constant "=@Output#3"
  %is_own:2 = pydy.call_method %o, "__isinstance__"(%own) : !pydy.named_tuple<"@Output#3"(loss: !pydy.object)>, (!pydy.str) -> (!pydy.object, !pydy.object)
  %tuple = pydy.constant "tuple"
  %is_tuple:2 = pydy.call_method %o, "__isinstance__"(%tuple) : !pydy.named_tuple<"@Output#3"(loss: !pydy.object)>, (!pydy.str) -> (!pydy.object, !pydy.object)
  %t = pydy.tuple %loss, %is_own#0, %is_tuple#0 : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// Output(x)[0], len(Output(x)), `a, = Output(x)`: Python's TypeErrors.
pydy.func @dataclass_index(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %o = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"@Output#3"(loss: !pydy.object)>
  %zero = pydy.constant 0 : i64
  // expected-error @+1 {{TypeError: 'Output' object is not subscriptable}}
  %first = pydy.subscript %o[%zero] : (!pydy.named_tuple<"@Output#3"(loss: !pydy.object)>, i64) -> !pydy.object
  pydy.return %first : !pydy.object
}

// -----

pydy.func @dataclass_len(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %o = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"@Output#3"(loss: !pydy.object)>
  // expected-error @+1 {{TypeError: object of type 'Output' has no len()}}
  %n = pydy.len %o : !pydy.named_tuple<"@Output#3"(loss: !pydy.object)> -> !pydy.object
  pydy.return %n : !pydy.object
}

// -----

pydy.func @dataclass_unpack(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %o = pydy.tuple %x : (!pydy.object) -> !pydy.named_tuple<"@Output#3"(loss: !pydy.object)>
  // expected-error @+1 {{TypeError: cannot unpack non-iterable Output object}}
  %a = pydy.unpack %o : !pydy.named_tuple<"@Output#3"(loss: !pydy.object)> -> !pydy.object
  pydy.return %a : !pydy.object
}

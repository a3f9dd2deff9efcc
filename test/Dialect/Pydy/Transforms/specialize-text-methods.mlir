// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" -split-input-file -verify-diagnostics | FileCheck %s

// Methods of a string known when compiling, with arguments known then, are
// computed then (`act.lower() == "relu"` of a string argument): split gives
// a list of strings.
// CHECK-LABEL: pydy.func @text_methods
// CHECK-DAG: pydy.constant "relu"
// CHECK-DAG: pydy.constant true
// CHECK-DAG: pydy.constant "a-b"
// CHECK-DAG: pydy.constant 1 : i64
// CHECK-DAG: %[[A:.*]] = pydy.constant "a"
// CHECK-DAG: %[[B:.*]] = pydy.constant "b"
// CHECK: pydy.list %[[A]], %[[B]] : (!pydy.str, !pydy.str) -> !pydy.list<!pydy.str, !pydy.str>
pydy.func @text_methods(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %act = pydy.constant "ReLU"
  %lower, %0 = pydy.call_method %act, "lower"() : !pydy.str, () -> (!pydy.object, !pydy.object)
  %re = pydy.constant "Re"
  %starts, %1 = pydy.call_method %act, "startswith"(%re) : !pydy.str, (!pydy.str) -> (!pydy.object, !pydy.object)
  %text = pydy.constant " a_b "
  %stripped, %2 = pydy.call_method %text, "strip"() : !pydy.str, () -> (!pydy.object, !pydy.object)
  %under = pydy.constant "_"
  %dash = pydy.constant "-"
  %joined, %3 = pydy.call_method %stripped, "replace"(%under, %dash) : !pydy.object, (!pydy.str, !pydy.str) -> (!pydy.object, !pydy.object)
  %at, %4 = pydy.call_method %joined, "find"(%dash) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %parts, %5 = pydy.call_method %stripped, "split"(%under) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %r = pydy.tuple %lower, %starts, %joined, %at, %parts : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @unsupported_method(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %act = pydy.constant "relu"
  // expected-error @+1 {{str.title() of a string known when compiling is not supported by dy2st yet}}
  %t, %0 = pydy.call_method %act, "title"() : !pydy.str, () -> (!pydy.object, !pydy.object)
  pydy.return %t : !pydy.object
}

// -----

// Items, slices (by code point) and substring tests of strings known when
// compiling are computed then (`name[7:]`, `"weight" in name`).
// CHECK-LABEL: pydy.func @text_items_and_substrings
// CHECK: pydy.constant ["\C3\A9", "wih_", true, false]
// CHECK-NOT: pydy.subscript
// CHECK-NOT: pydy.compare
pydy.func @text_items_and_substrings(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %name = pydy.constant "weight_é"
  %minus1 = pydy.constant -1 : i64
  %last = pydy.subscript %name[%minus1] : (!pydy.str, i64) -> !pydy.object
  %none = pydy.constant none
  %two = pydy.constant 2 : i64
  %every = pydy.slice %none, %none, %two : !pydy.none, !pydy.none, i64
  %picked = pydy.subscript %name[%every] : (!pydy.str, !pydy.slice) -> !pydy.object
  %part = pydy.constant "ght"
  %found = pydy.compare in %part, %name : (!pydy.str, !pydy.str) -> !pydy.object
  %other = pydy.constant "bias"
  %missing = pydy.compare in %other, %name : (!pydy.str, !pydy.str) -> !pydy.object
  %r = pydy.tuple %last, %picked, %found, %missing : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @text_index_out_of_range(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %name = pydy.constant "ab"
  %five = pydy.constant 5 : i64
  // expected-error @+1 {{IndexError: string index out of range}}
  %c = pydy.subscript %name[%five] : (!pydy.str, i64) -> !pydy.object
  pydy.return %c : !pydy.object
}

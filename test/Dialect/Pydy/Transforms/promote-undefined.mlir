// RUN: dy2st-opt %s --pydy-promote-variables -split-input-file -verify-diagnostics

pydy.func @one_branch(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
    %one = pydy.constant 1 : i64
    // expected-note @+1 {{'y' is assigned here}}
    pydy.store "y", %one : i64
  } else {
  }
  // expected-error @+1 {{variable 'y' may be undefined here: it is not assigned on every path that reaches this use}}
  %y = pydy.load "y" : !pydy.object
  pydy.return %y : !pydy.object
}

// -----

pydy.func @after_loop(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %n = pydy.load "n" : !pydy.object
  pydy.for_range %c0, %n, %c1 : i64, !pydy.object, i64 {
  ^bb0(%i: !pydy.object):
    // expected-note @+1 {{'last' is assigned here}}
    pydy.store "last", %i : !pydy.object
  }
  // expected-error @+1 {{variable 'last' may be undefined here}}
  %r = pydy.load "last" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @never_assigned() -> !pydy.object {
  // expected-error @+1 {{variable 'z' is used before it is assigned}}
  %z = pydy.load "z" : !pydy.object
  pydy.return %z : !pydy.object
}

// -----

pydy.func @read_before_write_in_loop(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.while {
    pydy.condition(%c : !pydy.object)
  } do {
    // expected-error @+1 {{variable 'acc' may be undefined here}}
    %a = pydy.load "acc" : !pydy.object
    // expected-note @+1 {{'acc' is assigned here}}
    pydy.store "acc", %a : !pydy.object
    pydy.yield
  }
  pydy.return
}

// RUN: dy2st-opt %s --pydy-promote-variables -split-input-file -verify-diagnostics

// Exits inside branches and loops are pydy-lower-exits' to lower first.
pydy.func @unlowered_break(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  pydy.while {
    %t = pydy.constant true
    pydy.condition(%t : i1)
  } do {
    // expected-error @+1 {{'break' inside a branch or loop must be lowered by pydy-lower-exits before promotion}}
    pydy.break
    pydy.yield
  }
  %x = pydy.load "x" : !pydy.object
  pydy.return %x : !pydy.object
}

// -----

// A lambda reads the enclosing function's variables but cannot assign them
// (Python's `:=` in a lambda, which the importer rejects earlier).
pydy.func @assigning_lambda(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{assignments inside this expression are not supported}}
  %f = pydy.lambda ["v"] : !pydy.object {
  ^bb0(%v: !pydy.object):
    pydy.store "x", %v : !pydy.object
    pydy.yield %v : !pydy.object
  }
  %x = pydy.load "x" : !pydy.object
  pydy.return %x : !pydy.object
}

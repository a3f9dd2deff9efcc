// RUN: dy2st-opt %s --pydy-promote-variables -split-input-file | FileCheck %s

// A read of a variable that is not assigned on every path becomes the value
// it has (undef where unassigned) after a pydy.unsupported that reports it:
// specialization reports it only if the read remains (a branch that folds
// away may read what only the other branch assigns).

pydy.func @one_branch(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
    %one = pydy.constant 1 : i64
    pydy.store "y", %one : i64
  } else {
  }
  // CHECK-LABEL: pydy.func @one_branch
  // CHECK: %[[Y:.*]] = pydy.if
  // CHECK: pydy.unsupported "variable 'y' may be undefined here: it is not assigned on every path that reaches this use" {note = #loc
  // CHECK: pydy.return %[[Y]]
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
    pydy.store "last", %i : !pydy.object
  }
  // CHECK-LABEL: pydy.func @after_loop
  // CHECK: pydy.unsupported "variable 'last' may be undefined here
  %r = pydy.load "last" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @never_assigned() -> !pydy.object {
  // CHECK-LABEL: pydy.func @never_assigned
  // CHECK: pydy.unsupported "variable 'z' is used before it is assigned"
  // CHECK: %[[Z:.*]] = pydy.undef "z"
  // CHECK: pydy.return %[[Z]]
  %z = pydy.load "z" : !pydy.object
  pydy.return %z : !pydy.object
}

// -----

pydy.func @read_before_write_in_loop(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.while {
    pydy.condition(%c : !pydy.object)
  } do {
    // CHECK-LABEL: pydy.func @read_before_write_in_loop
    // CHECK: pydy.unsupported "variable 'acc' may be undefined here
    %a = pydy.load "acc" : !pydy.object
    pydy.store "acc", %a : !pydy.object
    pydy.yield
  }
  pydy.return
}

// -----

// A `checked` read (the importer tests a flag and raises UnboundLocalError
// before it) takes the merged value without a report.
// CHECK-LABEL: pydy.func @checked_read
// CHECK: %[[Y:.*]] = pydy.if
// CHECK-NOT: pydy.unsupported
// CHECK: pydy.return %[[Y]]
pydy.func @checked_read(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
    %one = pydy.constant 1 : i64
    pydy.store "y", %one : i64
  } else {
  }
  %y = pydy.load "y" {checked} : !pydy.object
  pydy.return %y : !pydy.object
}

// -----

// What the then branch of a guard that runs its else branch only after a
// raise assigns counts as assigned after it (the else branch yields undef).
// CHECK-LABEL: pydy.func @assigned_unless_raised
// CHECK: %[[T:.*]] = pydy.if %{{.*}} : !pydy.object -> !pydy.object {
// CHECK: } else {
// CHECK-NEXT: %[[U:.*]] = pydy.undef "t"
// CHECK-NEXT: pydy.yield %[[U]]
// CHECK-NEXT: } {else_exited, names = ["t"]}
// CHECK-NOT: pydy.unsupported
// CHECK: pydy.return %[[T]]
pydy.func @assigned_unless_raised(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
    %one = pydy.constant 1 : i64
    pydy.store "t", %one : i64
  } else {
  } {else_exited}
  %t = pydy.load "t" : !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// A branch that ends in an exit (marked by pydy-lower-exits) leaves nothing
// partial: what the other branch assigns counts as assigned after the `if`.
// CHECK-LABEL: pydy.func @assigned_unless_exited
// CHECK: %[[T:.*]] = pydy.if %{{.*}} : !pydy.object -> !pydy.object {
// CHECK-NEXT: %[[U:.*]] = pydy.undef "t"
// CHECK-NEXT: pydy.yield %[[U]]
// CHECK: } {names = ["t"], then_exited}
// CHECK-NOT: pydy.unsupported
// CHECK: pydy.return %[[T]]
pydy.func @assigned_unless_exited(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
  } else {
    %one = pydy.constant 1 : i64
    pydy.store "t", %one : i64
  } {then_exited}
  %t = pydy.load "t" : !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// Hidden variables of the importer's AST rewrites are named by what they
// hold, not by their internal names.
pydy.func @hidden_names() -> !pydy.object {
  // CHECK-LABEL: pydy.func @hidden_names
  // CHECK: pydy.unsupported "the list a comprehension builds is used before it is assigned"
  // CHECK: pydy.unsupported "variable 'item' of a comprehension is used before it is assigned"
  // CHECK: pydy.unsupported "the value of a conditional expression (`a if c else b`) is used
  %c = pydy.load "_dy2st_comprehension_3" : !pydy.object
  %i = pydy.load "_dy2st_item_4" : !pydy.object
  %e = pydy.load "_dy2st_ifexp_1" : !pydy.object
  %t = pydy.tuple %c, %i, %e : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

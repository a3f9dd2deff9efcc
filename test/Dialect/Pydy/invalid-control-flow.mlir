// RUN: dy2st-opt %s -split-input-file -verify-diagnostics

pydy.func @break_outside_loop(%arg0: !pydy.object) -> !pydy.object {
  pydy.if %arg0 : !pydy.object {
    // expected-error @+1 {{'break' outside a loop}}
    pydy.break
  } else {
  }
  pydy.return
}

// -----

pydy.func @continue_in_condition(%arg0: !pydy.object) -> !pydy.object {
  pydy.while {
    // expected-error @+1 {{'continue' in a loop condition}}
    pydy.continue
    pydy.condition(%arg0 : !pydy.object)
  } do {
    pydy.yield
  }
  pydy.return
}

// -----

pydy.func @return_in_lambda(%arg0: !pydy.object) -> !pydy.object {
  %0 = pydy.lambda [] : !pydy.object {
    // expected-error @+1 {{cannot return from inside a lambda}}
    pydy.return
    pydy.yield %arg0 : !pydy.object
  }
  pydy.return
}

// -----

pydy.func @break_crosses_lambda(%arg0: !pydy.object) -> !pydy.object {
  pydy.while {
    pydy.condition(%arg0 : !pydy.object)
  } do {
    %0 = pydy.lambda [] : !pydy.object {
      // expected-error @+1 {{'break' outside a loop}}
      pydy.break
      pydy.yield %arg0 : !pydy.object
    }
    pydy.yield
  }
  pydy.return
}

// -----

pydy.func @if_result_types(%arg0: i1) -> !pydy.object {
  // expected-error @+1 {{branch yield value #0 has type 'f64' but 'i64' is expected}}
  %0 = pydy.if %arg0 : i1 -> i64 {
    %a = pydy.constant 1 : i64
    pydy.yield %a : i64
  } else {
    %b = pydy.constant 1.0 : f64
    pydy.yield %b : f64
  }
  pydy.return
}

// -----

pydy.func @if_names(%arg0: i1) -> !pydy.object {
  // expected-error @+1 {{has 2 names for 1 results}}
  %0 = pydy.if %arg0 : i1 -> i64 {
    %a = pydy.constant 1 : i64
    pydy.yield %a : i64
  } else {
    %b = pydy.constant 2 : i64
    pydy.yield %b : i64
  } {names = ["a", "b"]}
  pydy.return
}

// -----

pydy.func @while_condition_args(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{'pydy.condition' has 0 values but 1 are expected}}
  %0 = pydy.while(%arg0 : i64) -> i64 {
  ^bb0(%a: i64):
    %t = pydy.constant true
    pydy.condition(%t : i1)
  } do {
  ^bb0(%a: i64):
    pydy.yield %a : i64
  }
  pydy.return
}

// -----

pydy.func @for_body_arguments(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{body must take the loop item and 1 carried values}}
  %0 = pydy.for_range %arg0, %arg0, %arg0 : i64, i64, i64 iter_args(%arg0 : i64) -> i64 {
  ^bb0(%i: i64):
    pydy.yield %i : i64
  }
  pydy.return
}

// -----

pydy.func @yield_outside(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{expects parent op to be one of}}
  pydy.yield
  pydy.return
}

// -----

pydy.func @while_yield_type(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{body yield value #0 has type 'f64' but 'i64' is expected}}
  %0 = pydy.while(%arg0 : i64) -> i64 {
  ^bb0(%a: i64):
    %t = pydy.constant true
    pydy.condition(%t : i1) %a : i64
  } do {
  ^bb0(%a: i64):
    %h = pydy.constant 5.000000e-01 : f64
    pydy.yield %h : f64
  }
  pydy.return
}

// -----

pydy.func @while_init_type(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{loop init value #0 has type 'i64' but 'f64' is expected}}
  %0 = pydy.while(%arg0 : i64) -> !pydy.object {
  ^bb0(%a: f64):
    %t = pydy.constant true
    pydy.condition(%t : i1) %a : f64
  } do {
  ^bb0(%a: !pydy.object):
    pydy.yield %a : !pydy.object
  }
  pydy.return
}

// -----

pydy.func @for_yield_type(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{body yield value #0 has type 'f64' but 'i64' is expected}}
  %0 = pydy.for_range %arg0, %arg0, %arg0 : i64, i64, i64 iter_args(%arg0 : i64) -> !pydy.object {
  ^bb0(%i: i64, %a: i64):
    %h = pydy.constant 5.000000e-01 : f64
    pydy.yield %h : f64
  }
  pydy.return
}

// -----

pydy.func @for_result_type(%arg0: i64) -> !pydy.object {
  // expected-error @+1 {{body yield value #0 has type 'f64' but 'i64' is expected}}
  %0 = pydy.for_range %arg0, %arg0, %arg0 : i64, i64, i64 iter_args(%arg0 : i64) -> i64 {
  ^bb0(%i: i64, %a: !pydy.object):
    %h = pydy.constant 5.000000e-01 : f64
    pydy.yield %h : f64
  }
  pydy.return
}

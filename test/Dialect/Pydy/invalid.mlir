// RUN: dy2st-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{body must end with 'pydy.return'}}
pydy.func @no_return() -> !pydy.object {
  %0 = pydy.constant 1 : i64
}

// -----

pydy.func @bad_literal() -> !pydy.object {
  // expected-error @+1 {{expected a Python literal}}
  %0 = pydy.constant 1 : i32
  pydy.return
}

// -----

pydy.func @literal_type_mismatch() -> !pydy.object {
  // expected-error @+1 {{result type 'i1' does not match the literal's type 'i64'}}
  %0 = "pydy.constant"() <{value = 1 : i64}> : () -> i1
  pydy.return
}

// -----

pydy.func @unknown_library_function(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{unknown dy2st library function 'frobnicate'}}
  %0 = pydy.lib_call "frobnicate"(%arg0) : (!pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @too_many_arguments(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{exp() takes at most 2 arguments (3 given)}}
  %0 = pydy.lib_call "exp"(%arg0, %arg0, %arg0) : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @unknown_keyword(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{sum() got an unexpected keyword argument 'axes'}}
  %0 = pydy.lib_call "sum"(%arg0, %arg0) {kwnames = ["axes"]} : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @duplicate_keyword(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{cast() got multiple values for argument 'x'}}
  %0 = pydy.lib_call "cast"(%arg0, %arg0) {kwnames = ["x"]} : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @missing_argument(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{cast() missing required argument 'dtype'}}
  %0 = pydy.lib_call "cast"(%arg0) : (!pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @dict_arity(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %k = pydy.constant "k"
  // expected-error @+1 {{has 2 keys but 1 values}}
  %0 = pydy.dict keys(%k, %k : !pydy.str, !pydy.str) values(%arg0 : !pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @unpack_arity(%arg0: tuple<i64, i64>) -> !pydy.object {
  // expected-error @+1 {{cannot unpack a sequence of 2 values into 3}}
  %0:3 = pydy.unpack %arg0 : tuple<i64, i64> -> i64, i64, i64
  pydy.return
}

// -----

pydy.func @call_unknown(%arg0: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{'missing' does not name a 'pydy.func'}}
  %0 = pydy.call @missing(%arg0) : (!pydy.object) -> !pydy.object
  pydy.return
}

// -----

pydy.func @lambda_params() -> !pydy.object {
  // expected-error @+1 {{has 2 parameters but its body takes 1 arguments}}
  %0 = pydy.lambda ["a", "b"] : !pydy.object {
  ^bb0(%a: !pydy.object):
    pydy.yield %a : !pydy.object
  }
  pydy.return
}

// -----

pydy.func @lambda_defaults(%d: f64) -> !pydy.object {
  // expected-error @+1 {{has 1 defaults for 2 parameters}}
  %0 = pydy.lambda ["a", "b"] defaults(%d : f64) : !pydy.object {
  ^bb0(%a: !pydy.object, %b: !pydy.object):
    pydy.yield %a : !pydy.object
  } {default_params = ["a", "b"]}
  pydy.return
}

// -----

pydy.func @lambda_default_of_no_parameter(%d: f64) -> !pydy.object {
  // expected-error @+1 {{has a default for 'c', which is not a parameter}}
  %0 = pydy.lambda ["a"] defaults(%d : f64) : !pydy.object {
  ^bb0(%a: !pydy.object):
    pydy.yield %a : !pydy.object
  } {default_params = ["c"]}
  pydy.return
}

// -----

pydy.func @lambda_vararg_of_no_parameter() -> !pydy.object {
  // expected-error @+1 {{'rest' (*args) is not a parameter}}
  %0 = pydy.lambda ["a"] : !pydy.object {
  ^bb0(%a: !pydy.object):
    pydy.yield %a : !pydy.object
  } {vararg = "rest"}
  pydy.return
}

// -----

pydy.func @lambda_kwarg_not_last() -> !pydy.object {
  // expected-error @+1 {{'kw' (**kwargs) is not the last parameter}}
  %0 = pydy.lambda ["kw", "a"] : !pydy.object {
  ^bb0(%kw: !pydy.object, %a: !pydy.object):
    pydy.yield %a : !pydy.object
  } {kwarg = "kw"}
  pydy.return
}

// -----

pydy.func @lambda_kwarg_is_vararg() -> !pydy.object {
  // expected-error @+1 {{'r' is both *args and **kwargs}}
  %0 = pydy.lambda ["a", "r"] : !pydy.object {
  ^bb0(%a: !pydy.object, %r: !pydy.object):
    pydy.yield %a : !pydy.object
  } {kwarg = "r", vararg = "r"}
  pydy.return
}

// -----

pydy.func @lambda_kwarg_default(%d: f64) -> !pydy.object {
  // expected-error @+1 {{has a default for 'kw', which is **kwargs}}
  %0 = pydy.lambda ["a", "kw"] defaults(%d : f64) : !pydy.object {
  ^bb0(%a: !pydy.object, %kw: !pydy.object):
    pydy.yield %a : !pydy.object
  } {default_params = ["kw"], kwarg = "kw"}
  pydy.return
}

// -----

pydy.func @lambda_keyword_only_after_vararg() -> !pydy.object {
  // expected-error @+1 {{counts keyword-only parameters, which are those after *args}}
  %0 = pydy.lambda ["a", "r", "k"] : !pydy.object {
  ^bb0(%a: !pydy.object, %r: !pydy.object, %k: !pydy.object):
    pydy.yield %a : !pydy.object
  } {keyword_only = 1, vararg = "r"}
  pydy.return
}

// -----

pydy.func @lambda_too_many_positional_only() -> !pydy.object {
  // expected-error @+1 {{has 2 positional-only and 1 keyword-only of 2 parameters}}
  %0 = pydy.lambda ["a", "k"] : !pydy.object {
  ^bb0(%a: !pydy.object, %k: !pydy.object):
    pydy.yield %a : !pydy.object
  } {keyword_only = 1, positional_only = 2}
  pydy.return
}

// -----

pydy.func @logical_yield(%arg0: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{right operand region must yield exactly one value}}
  %0 = pydy.logical or %arg0 : !pydy.object -> !pydy.object {
    pydy.yield
  }
  pydy.return
}

// -----

// Once specialized, every operand names its parameter.
pydy.func @specialized_unnamed(%arg0: tensor<2xf32>) {
  // expected-error @+1 {{once specialized, names the parameter of each of its 2 operands}}
  %0 = pydy.lib_call "add"(%arg0, %arg0) {kwnames = ["x"], static_args = {}} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  pydy.return
}

// -----

pydy.func @specialized_static_operand(%arg0: tensor<2xf32>, %arg1: i64) {
  // expected-error @+1 {{operand named 'axis' is not a runtime parameter of sum()}}
  %0 = pydy.lib_call "sum"(%arg0, %arg1) {kwnames = ["x", "axis"], static_args = {}} : (tensor<2xf32>, i64) -> tensor<f32>
  pydy.return
}

// -----

pydy.func @promote_changes_shape(%arg0: tensor<2xf32>) {
  // expected-error @+1 {{changes the dtype of a tensor (or fills a 0-d one into a static shape), not its shape}}
  %0 = pydy.unary promote %arg0 : (tensor<2xf32>) -> tensor<3xf64>
  pydy.return
}

// -----

pydy.func @promote_into_dynamic_shape(%arg0: i64) {
  // expected-error @+1 {{fills a number into a tensor of static shape only}}
  %0 = pydy.unary promote %arg0 : (i64) -> tensor<?xf32>
  pydy.return
}

// -----

pydy.func @promote_tensor_to_number(%arg0: tensor<f32>) {
  // expected-error @+1 {{promotes a number to a number or to a tensor, or a tensor to another dtype}}
  %0 = pydy.unary promote %arg0 : (tensor<f32>) -> f64
  pydy.return
}

// -----

pydy.func @raise_kind_not_a_name() {
  // expected-error @+1 {{kind must name an exception class, not 'Value Error'}}
  pydy.raise "Value Error", "message"
  pydy.return
}

// -----

pydy.func @catch_nothing() {
  // expected-error @+1 {{catches no exception class}}
  %c = pydy.catch [] : i1
  pydy.return
}

// -----

pydy.func @catch_kind_not_a_name() {
  // expected-error @+1 {{kinds must name exception classes, not 'Key-Error'}}
  %c = pydy.catch ["IndexError", "Key-Error"] : i1
  pydy.return
}

// -----

pydy.func @catch_users_class_without_a_name() {
  // expected-error @+1 {{kinds must name exception classes, not 'ValueError/'}}
  %c = pydy.catch ["ValueError/"] : i1
  pydy.return
}

// -----

pydy.func @raise_users_class_without_a_name() {
  // expected-error @+1 {{kind must name an exception class, not 'ValueError/'}}
  pydy.raise "ValueError/", "no class name"
  pydy.return
}

// -----

pydy.func @caught_exception_of_a_float(%arg0: f64) {
  // expected-error @+1 {{operand #0 must be 64-bit signless integer or a Python value whose type is not known yet}}
  %e = pydy.caught_exception %arg0 : f64
  pydy.return
}

// -----

pydy.func @raise_held_of_a_float(%arg0: f64) {
  // expected-error @+1 {{operand #0 must be 64-bit signless integer or a Python value whose type is not known yet}}
  pydy.raise_held %arg0 : f64
  pydy.return
}

// -----

pydy.func @raise_format_count(%arg0: i64) {
  // expected-error @+1 {{has 2 formats for 1 values}}
  pydy.raise "ValueError", "bad " (%arg0 : i64) {formats = ["", ":d"]}
  pydy.return
}

// -----

pydy.func @print_invalid_format(%arg0: f64) {
  // expected-error @+1 {{has an invalid format ':.3q'}}
  pydy.print %arg0 : f64 {formats = [":.3q"]}
  pydy.return
}

// -----

pydy.func @log_without_level(%arg0: f64) {
  // expected-error @+1 {{logs with both a logger and a level, or prints with neither}}
  pydy.print %arg0 : f64 {logger = "train"}
  pydy.return
}

// -----

pydy.func @optional_of_another_type(%arg0: i1, %arg1: tensor<2xf32>) {
  // expected-error @+1 {{holds 'tensor<3xf32>' but is given 'tensor<2xf32>'}}
  %0 = pydy.optional %arg0, %arg1 : tensor<2xf32> -> !pydy.optional<tensor<3xf32>>
  pydy.return
}

// -----

pydy.func @format_count(%arg0: i64) {
  // expected-error @+1 {{has 2 formats for 1 values}}
  %0 = pydy.format %arg0 : i64 {formats = ["", ":d"]} -> !pydy.str
  pydy.return
}

// -----

pydy.func @callback_without_key(%arg0: f64) {
  // expected-error @+1 {{needs the key of a registered callback}}
  pydy.py_callback ""(%arg0 : f64)
  pydy.return
}

// -----

pydy.func @record_without_logger(%arg0: f64) {
  // expected-error @+1 {{has the fields of a log record but does not log}}
  pydy.print %arg0 : f64 {record = "{}"}
  pydy.return
}

// -----

pydy.func @kwnames(%x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{has more keyword names than operands}}
  %0 = pydy.lib_call "sum"(%x) {kwnames = ["x", "axis"]} : (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @optional_reads(%maybe: !pydy.optional<i1>) -> !pydy.object {
  // expected-error @+1 {{reads 'i1' as 'i64'}}
  %0 = pydy.optional_value %maybe : !pydy.optional<i1> -> i64
  pydy.return %0 : i64
}

// -----

pydy.func @lambda_yields_two(%x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{body must yield exactly one value}}
  %0 = pydy.lambda ["v"] : !pydy.object {
  ^bb0(%v: !pydy.object):
    pydy.yield %v, %v : !pydy.object, !pydy.object
  }
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @spread_two(%f: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{has 2 arguments for 0 keywords and one spread sequence}}
  %0 = pydy.call_value %f(%x, %x) {spread} : !pydy.object, (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @more_keywords(%f: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{has 1 arguments for 2 keywords}}
  %0 = pydy.call_value %f(%x) {kwnames = ["a", "b"]} : !pydy.object, (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

func.func @outside() {
  // expected-error @+1 {{must be inside a 'pydy.func'}}
  pydy.return
}

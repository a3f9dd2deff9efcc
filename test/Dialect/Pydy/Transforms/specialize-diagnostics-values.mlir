// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics

// Diagnostics of pydy-specialize about recursion, formatting, lambdas,
// operators, tensor indexing, library arguments and loops, on the promoted
// IR of the Python each case names (the entry's signature is its
// `pydy.signature` attribute, as the compiler driver gives it). Messages
// name a called function by its Python name (`pydy.qualname`).

// A recursive function returning 1 on its base case and a float through recursion.
pydy.func @rec_types(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.signature = [tensor<i64>]} {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.compare le %n, %2 : (!pydy.object, i64) -> !pydy.object
  %4:2 = pydy.if %3 : !pydy.object -> i1, !pydy.object {
    %7 = pydy.constant 1 : i64
    %8 = pydy.constant true
    pydy.yield %8, %7 : i1, i64
  } else {
    pydy.yield %0, %1 : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %5 = pydy.unary not %4#0 : (i1) -> !pydy.object
  %6 = pydy.if %5 : !pydy.object -> !pydy.object {
    %7 = pydy.constant 1 : i64
    %8 = pydy.binary sub %n, %7 : (!pydy.object, i64) -> !pydy.object
    %9 = pydy.call @rec_types__2(%8) : (!pydy.object) -> !pydy.object
    %10 = pydy.constant 5.000000e-01 : f64
    %11 = pydy.binary add %9, %10 : (!pydy.object, f64) -> !pydy.object
    pydy.yield %11 : !pydy.object
  } else {
    pydy.yield %4#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %6 : !pydy.object
}
// expected-error @+1 {{'rec_types' returns an int on its base case but a float through recursion}}
pydy.func @rec_types__2(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.qualname = "rec_types"} {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.compare le %n, %2 : (!pydy.object, i64) -> !pydy.object
  %4:2 = pydy.if %3 : !pydy.object -> i1, !pydy.object {
    %7 = pydy.constant 1 : i64
    %8 = pydy.constant true
    pydy.yield %8, %7 : i1, i64
  } else {
    pydy.yield %0, %1 : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %5 = pydy.unary not %4#0 : (i1) -> !pydy.object
  %6 = pydy.if %5 : !pydy.object -> !pydy.object {
    %7 = pydy.constant 1 : i64
    %8 = pydy.binary sub %n, %7 : (!pydy.object, i64) -> !pydy.object
    %9 = pydy.call @rec_types__2(%8) : (!pydy.object) -> !pydy.object
    %10 = pydy.constant 5.000000e-01 : f64
    %11 = pydy.binary add %9, %10 : (!pydy.object, f64) -> !pydy.object
    pydy.yield %11 : !pydy.object
  } else {
    pydy.yield %4#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %6 : !pydy.object
}

// -----

// Recursion that unsqueezes its argument: a new signature at every depth.
pydy.func @grow(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>,tensor<i64>]} {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.compare gt %n, %2 : (!pydy.object, i64) -> !pydy.object
  %4:2 = pydy.if %3 : !pydy.object -> i1, !pydy.object {
    %7 = pydy.constant 0 : i64
    %8 = pydy.lib_call "unsqueeze"(%x, %7) : (!pydy.object, i64) -> !pydy.object
    %9 = pydy.constant 1 : i64
    %10 = pydy.binary sub %n, %9 : (!pydy.object, i64) -> !pydy.object
    %11 = pydy.call @grow__2(%8, %10) : (!pydy.object, !pydy.object) -> !pydy.object
    %12 = pydy.constant true
    pydy.yield %12, %11 : i1, !pydy.object
  } else {
    pydy.yield %0, %1 : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %5 = pydy.unary not %4#0 : (i1) -> !pydy.object
  %6 = pydy.if %5 : !pydy.object -> !pydy.object {
    %7 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    pydy.yield %7 : !pydy.object
  } else {
    pydy.yield %4#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %6 : !pydy.object
}
pydy.func @grow__2(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.qualname = "grow"} {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.compare gt %n, %2 : (!pydy.object, i64) -> !pydy.object
  %4:2 = pydy.if %3 : !pydy.object -> i1, !pydy.object {
    %7 = pydy.constant 0 : i64
    %8 = pydy.lib_call "unsqueeze"(%x, %7) : (!pydy.object, i64) -> !pydy.object
    %9 = pydy.constant 1 : i64
    %10 = pydy.binary sub %n, %9 : (!pydy.object, i64) -> !pydy.object
    // expected-error @+1 {{recursive calls of 'grow' keep changing argument types; dy2st stops after 64 specializations}}
    %11 = pydy.call @grow__2(%8, %10) : (!pydy.object, !pydy.object) -> !pydy.object
    %12 = pydy.constant true
    pydy.yield %12, %11 : i1, !pydy.object
  } else {
    pydy.yield %0, %1 : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %5 = pydy.unary not %4#0 : (i1) -> !pydy.object
  %6 = pydy.if %5 : !pydy.object -> !pydy.object {
    %7 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    pydy.yield %7 : !pydy.object
  } else {
    pydy.yield %4#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %6 : !pydy.object
}

// -----

// def forever(n): return forever(n - 1) -- no path returns.
pydy.func @forever(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.signature = [tensor<i64>]} {
  %0 = pydy.constant 1 : i64
  %1 = pydy.binary sub %n, %0 : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{dy2st cannot tell what 'forever' returns: no path returns without a recursive call, or it returns None}}
  %2 = pydy.call @forever__2(%1) : (!pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}
pydy.func @forever__2(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.qualname = "forever"} {
  %0 = pydy.constant 1 : i64
  %1 = pydy.binary sub %n, %0 : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.call @forever__2(%1) : (!pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

// fs = [lambda a: a + 1]; fs[0](x, x): Python's TypeError.
pydy.func @lambda_arity(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lambda ["a"] : !pydy.object {
  ^bb0(%arg0: !pydy.object):
    %5 = pydy.constant 1 : i64
    %6 = pydy.binary add %arg0, %5 : (!pydy.object, i64) -> !pydy.object
    pydy.yield %6 : !pydy.object
  }
  %1 = pydy.list %0 : (!pydy.object) -> !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.subscript %1[%2] : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{TypeError: the lambda takes 1 positional argument but 2 were given}}
  %4 = pydy.call_value %3(%x, %x) : !pydy.object, (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

// x < 'a'.
pydy.func @compare_str(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant "a"
  // expected-error @+1 {{unsupported operand types for '<': float32 tensor of shape [3] and str}}
  %1 = pydy.compare lt %x, %0 : (!pydy.object, !pydy.str) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

// x[t] where the tuple t is chosen by a tensor condition.
pydy.func @index_tuple_branch(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3x3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.unary to_int %0 : (!pydy.object) -> !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.tuple %1, %2 : (!pydy.object, i64) -> !pydy.object
  %4 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %5 = pydy.constant 0 : i64
  %6 = pydy.compare gt %4, %5 : (!pydy.object, i64) -> !pydy.object
  %7 = pydy.if %6 : !pydy.object -> !pydy.object {
    %9 = pydy.constant 0 : i64
    %10 = pydy.tuple %9, %1 : (i64, !pydy.object) -> !pydy.object
    pydy.yield %10 : !pydy.object
  } else {
    pydy.yield %3 : !pydy.object
  } {names = ["t"]}
  // expected-error @+1 {{a tensor index tuple must be written out in compiled code}}
  %8 = pydy.subscript %x[%7] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %8 : !pydy.object
}

// -----

// x[0.5:].
pydy.func @slice_bound_float(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 5.000000e-01 : f64
  %1 = pydy.constant none
  %2 = pydy.constant none
  %3 = pydy.slice %0, %1, %2 : f64, !pydy.none, !pydy.none
  // expected-error @+1 {{slice bounds must be ints, not a float}}
  %4 = pydy.subscript %x[%3] : (!pydy.object, !pydy.slice) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

// x[m, 0] with a boolean mask m.
pydy.func @mask_read(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3x3xf32>]} {
  %0 = pydy.constant 0 : i64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.constant 0 : i64
  %3 = pydy.tuple %1, %2 : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{boolean mask indexing of tensors is supported in compiled code only as the whole index of an assignment (x[mask] = v)}}
  %4 = pydy.subscript %x[%3] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

// x[m] with a mask of more dimensions than x.
pydy.func @mask_more_dims(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 3 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.list %0, %1 : (i64, i64) -> !pydy.object
  %3 = pydy.lib_call "reshape"(%x, %2) : (!pydy.object, !pydy.object) -> !pydy.object
  %4 = pydy.constant 0 : i64
  %5 = pydy.compare gt %3, %4 : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{the mask has more dimensions than the tensor}}
  %6 = pydy.subscript %x[%5] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %6 : !pydy.object
}

// -----

// y[idx] = 1.0 with a 2-d integer tensor idx.
pydy.func @assign_rows_2d(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 3 : i64
  %1 = pydy.constant 3 : i64
  %2 = pydy.list %0, %1 : (i64, i64) -> !pydy.object
  %3 = pydy.lib_call "zeros"(%2) : (!pydy.object) -> !pydy.object
  %4 = pydy.constant 0 : i64
  %5 = pydy.constant 1 : i64
  %6 = pydy.list %4, %5 : (i64, i64) -> !pydy.object
  %7 = pydy.list %6 : (!pydy.object) -> !pydy.object
  %8 = pydy.lib_call "to_tensor"(%7) : (!pydy.object) -> !pydy.object
  %9 = pydy.constant 1.000000e+00 : f64
  // expected-error @+1 {{assignment through integer tensors of rank > 1 is not supported in compiled code yet (use paddle.put_along_axis)}}
  %10 = pydy.setitem %3[%8] = %9 : (!pydy.object, !pydy.object, f64) -> !pydy.object
  pydy.return %10 : !pydy.object
}

// -----

// y[None, 0] = 1.0.
pydy.func @assign_none(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 3 : i64
  %1 = pydy.list %0 : (i64) -> !pydy.object
  %2 = pydy.lib_call "zeros"(%1) : (!pydy.object) -> !pydy.object
  %3 = pydy.constant 1.000000e+00 : f64
  %4 = pydy.constant none
  %5 = pydy.constant 0 : i64
  %6 = pydy.tuple %4, %5 : (!pydy.none, i64) -> !pydy.object
  // expected-error @+1 {{None in the index of an assignment is not supported}}
  %7 = pydy.setitem %2[%6] = %3 : (!pydy.object, !pydy.object, f64) -> !pydy.object
  pydy.return %7 : !pydy.object
}

// -----

// x.item(0).
pydy.func @tensor_item_args(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 0 : i64
  // expected-error @+1 {{Tensor.item() with arguments is not supported in compiled code}}
  %result, %updated = pydy.call_method %x, "item"(%0) : !pydy.object, (i64) -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

// paddle.reshape(x, [3, 0.5]).
pydy.func @reshape_float_shape(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 3 : i64
  %1 = pydy.constant 5.000000e-01 : f64
  %2 = pydy.list %0, %1 : (i64, f64) -> !pydy.object
  // expected-error @+1 {{reshape(): 'shape' must hold ints}}
  %3 = pydy.lib_call "reshape"(%x, %2) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

// paddle.reshape(x, [3, paddle.sum(x)]).
pydy.func @reshape_float_tensor(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 3 : i64
  %1 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %2 = pydy.list %0, %1 : (i64, !pydy.object) -> !pydy.object
  // expected-error @+1 {{reshape(): 'shape' must hold ints or one-element integer tensors, not a float32 tensor of shape []}}
  %3 = pydy.lib_call "reshape"(%x, %2) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

// Eighteen variables that pass a float one step per iteration (a0 = a1, ..., a17 = 0.5): typing the loop stops after 16 rounds.
pydy.func @shift_register(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 0 : i64
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 0 : i64
  %5 = pydy.constant 0 : i64
  %6 = pydy.constant 0 : i64
  %7 = pydy.constant 0 : i64
  %8 = pydy.constant 0 : i64
  %9 = pydy.constant 0 : i64
  %10 = pydy.constant 0 : i64
  %11 = pydy.constant 0 : i64
  %12 = pydy.constant 0 : i64
  %13 = pydy.constant 0 : i64
  %14 = pydy.constant 0 : i64
  %15 = pydy.constant 0 : i64
  %16 = pydy.constant 0 : i64
  %17 = pydy.constant 0 : i64
  // expected-error @+1 {{the types of the loop's variables do not settle}}
  %18:19 = pydy.while(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, %16, %17, %x : i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, !pydy.object) -> !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object, %arg2: !pydy.object, %arg3: !pydy.object, %arg4: !pydy.object, %arg5: !pydy.object, %arg6: !pydy.object, %arg7: !pydy.object, %arg8: !pydy.object, %arg9: !pydy.object, %arg10: !pydy.object, %arg11: !pydy.object, %arg12: !pydy.object, %arg13: !pydy.object, %arg14: !pydy.object, %arg15: !pydy.object, %arg16: !pydy.object, %arg17: !pydy.object, %arg18: !pydy.object):
    %19 = pydy.lib_call "sum"(%arg18) : (!pydy.object) -> !pydy.object
    %20 = pydy.constant 0 : i64
    %21 = pydy.compare gt %19, %20 : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%21 : !pydy.object) %arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %arg13, %arg14, %arg15, %arg16, %arg17, %arg18 : !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object
  } do {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object, %arg2: !pydy.object, %arg3: !pydy.object, %arg4: !pydy.object, %arg5: !pydy.object, %arg6: !pydy.object, %arg7: !pydy.object, %arg8: !pydy.object, %arg9: !pydy.object, %arg10: !pydy.object, %arg11: !pydy.object, %arg12: !pydy.object, %arg13: !pydy.object, %arg14: !pydy.object, %arg15: !pydy.object, %arg16: !pydy.object, %arg17: !pydy.object, %arg18: !pydy.object):
    %19 = pydy.constant 5.000000e-01 : f64
    %20 = pydy.constant 1 : i64
    %21 = pydy.binary sub %arg18, %20 : (!pydy.object, i64) -> !pydy.object
    pydy.yield %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11, %arg12, %arg13, %arg14, %arg15, %arg16, %arg17, %19, %21 : !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, f64, !pydy.object
  } {names = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "x"]}
  pydy.return %18#0 : !pydy.object
}

// -----

// Values whose type nothing gives (an undefined variable the importer's
// checks did not guard): isinstance, a call's argument, any other use.
pydy.func @isinstance_of_undefined(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.undef "y" : !pydy.object
  %1 = pydy.constant "int"
  // expected-error @+1 {{dy2st cannot tell the type of this value for isinstance()}}
  %result, %updated = pydy.call_method %0, "__isinstance__"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

pydy.func @call_with_undefined(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.undef "y" : !pydy.object
  // expected-error @+1 {{dy2st could not infer the type of an argument of this call}}
  %1 = pydy.call @identity(%0) : (!pydy.object) -> !pydy.object
  pydy.return %1 : !pydy.object
}
pydy.func @identity(%v: !pydy.object {pydy.name = "v"}) -> !pydy.object {
  pydy.return %v : !pydy.object
}

// -----

pydy.func @list_of_undefined(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  // expected-error @+1 {{dy2st could not infer the type of this value}}
  %0 = pydy.undef "y" : !pydy.object
  %1 = pydy.list %0 : (!pydy.object) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

// A signature entry that is neither a type nor a Python literal.
// expected-error @+1 {{signature entry dense<1> : tensor<2xi32> is neither a type nor a Python literal}}
pydy.func @bad_signature_entry(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [dense<1> : tensor<2xi32>]} {
  pydy.return %x : !pydy.object
}

// -----

// IR that skipped the passes before this one.
pydy.func @unpromoted(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  // expected-error @+1 {{variables must be promoted (pydy-promote-variables) before specialization}}
  pydy.store "x", %x : !pydy.object
  %0 = pydy.load "x" : !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @unlowered_break(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  pydy.while {
    %t = pydy.constant true
    pydy.condition(%t : i1)
  } do {
    // expected-error @+1 {{'break' is not supported by dy2st yet}}
    pydy.break
    pydy.yield
  }
  pydy.return %x : !pydy.object
}

// -----

// len(s), s = "ab" if x.sum() > 0 else "c": the string is chosen at run time.
pydy.func @len_of_runtime_str(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0:2 = pydy.call_method %x, "sum"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %1 = pydy.constant 0 : i64
  %2 = pydy.compare gt %0#0, %1 : (!pydy.object, i64) -> !pydy.object
  %3 = pydy.if %2 : !pydy.object -> !pydy.object {
    %5 = pydy.constant "ab"
    pydy.yield %5 : !pydy.str
  } else {
    %5 = pydy.constant "c"
    pydy.yield %5 : !pydy.str
  } {names = ["s"]}
  // expected-error @+1 {{len() of a string chosen at run time is not supported by dy2st yet}}
  %4 = pydy.len %3 : !pydy.object -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

// return F.relu (a function used as a value, as the importer makes it: a
// lambda calling it).
pydy.func @returns_a_function(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<1xf32>]} {
  %0 = pydy.lambda ["x"] : !pydy.object {
  ^bb0(%arg0: !pydy.object):
    %1 = pydy.lib_call "relu"(%arg0) : (!pydy.object) -> !pydy.object
    pydy.yield %1 : !pydy.object
  }
  // expected-error @+1 {{a function (a lambda, or a function used as a value) can be called in compiled code but not returned from it}}
  pydy.return %0 : !pydy.object
}

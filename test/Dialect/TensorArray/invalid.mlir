// RUN: dy2st-opt %s -split-input-file -verify-diagnostics

func.func @append_wrong_item(%t: tensor<3xf32>) {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // expected-error @+1 {{has the element type of}}
  %0 = "tensor_array.append"(%a, %t) : (!tensor_array.array<tensor<4xf32>>, tensor<3xf32>) -> !tensor_array.array<tensor<4xf32>>
  return
}

// -----

func.func @read_wrong_result(%i: i64) {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // expected-error @+1 {{has the element type of}}
  %0 = "tensor_array.read"(%a, %i) : (!tensor_array.array<tensor<4xf32>>, i64) -> tensor<4xf64>
  return
}

// -----

func.func @stack_axis(%i: i64) {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // expected-error @+1 {{axis 2 is out of range for items of rank 1}}
  %0 = tensor_array.stack %a {axis = 2} : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  return
}

// -----

func.func @stack_rank(%i: i64) {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // expected-error @+1 {{result must have rank 2 and element type 'f32'}}
  %0 = tensor_array.stack %a : !tensor_array.array<tensor<4xf32>> -> tensor<?xf32>
  return
}

// -----

func.func @stack_dims(%i: i64) {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // expected-error @+1 {{result dimension 1 is 5 but items have 4}}
  %0 = tensor_array.stack %a : !tensor_array.array<tensor<4xf32>> -> tensor<?x5xf32>
  return
}

// -----

func.func @copy_type(%a: !tensor_array.array<tensor<4xf32>>) {
  // expected-error @+1 {{all of {source, result} have same type}}
  %0 = "tensor_array.copy"(%a) : (!tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<?xf32>>
  return
}

// -----

func.func @cast_dtype(%a: !tensor_array.array<tensor<4xf32>>) {
  // expected-error @+1 {{items of type 'tensor<4xf32>' cannot be seen as 'tensor<?xf64>'}}
  %0 = tensor_array.cast %a : !tensor_array.array<tensor<4xf32>> to !tensor_array.array<tensor<?xf64>>
  return
}

// -----

func.func @cast_shape(%a: !tensor_array.array<tensor<4xf32>>) {
  // expected-error @+1 {{items of type 'tensor<4xf32>' cannot be seen as 'tensor<5xf32>'}}
  %0 = tensor_array.cast %a : !tensor_array.array<tensor<4xf32>> to !tensor_array.array<tensor<5xf32>>
  return
}


// -----

// expected-error @+1 {{items must be ranked tensors, integers or floats, not 'index'}}
func.func @index_items(%a: !tensor_array.array<index>) {
  return
}

// -----

func.func @scalar_item_of_a_tensor_array(%x: f32) {
  %a = tensor_array.create : !tensor_array.array<tensor<f32>>
  // expected-error @+1 {{has the element type of}}
  %0 = "tensor_array.append"(%a, %x) : (!tensor_array.array<tensor<f32>>, f32) -> !tensor_array.array<tensor<f32>>
  return
}

// -----

func.func @cast_scalar_items(%a: !tensor_array.array<i64>) {
  // expected-error @+1 {{items of type 'i64' cannot be seen as 'i32'}}
  %0 = tensor_array.cast %a : !tensor_array.array<i64> to !tensor_array.array<i32>
  return
}

// -----

// A lookup compares scalar items only (a dict's int keys).
func.func @find_in_tensors(%t: tensor<4xf32>) {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // expected-error @+1 {{operand #1 must be signless integer}}
  %0 = "tensor_array.find"(%a, %t) : (!tensor_array.array<tensor<4xf32>>, tensor<4xf32>) -> i64
  return
}

// -----

func.func @find_other_type(%k: i32) {
  %a = tensor_array.create : !tensor_array.array<i64>
  // expected-error @+1 {{has the element type of}}
  %0 = "tensor_array.find"(%a, %k) : (!tensor_array.array<i64>, i32) -> i64
  return
}

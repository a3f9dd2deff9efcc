// RUN: not dy2st-opt %s --pydy-specialize="entry=missing" 2>&1 | FileCheck %s --check-prefix=ENTRY
// RUN: not dy2st-opt %s --pydy-specialize="signature=tensor<3x" 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: echo "module {}" | not dy2st-opt --pydy-specialize 2>&1 | FileCheck %s --check-prefix=EMPTY

// What the pass's options name must exist and parse.
// ENTRY: error: no pydy.func named 'missing'
// PARSE: error: cannot parse signature 'tensor<3x'
// EMPTY: error: no pydy.func to specialize
pydy.func @f(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  pydy.return %x : !pydy.object
}

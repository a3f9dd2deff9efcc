// The pydy that the Python importer makes of this function:
//
//   def grow(x):
//       i = 0
//       while x.sum() < 100.0:      # a data-dependent loop on a tensor condition
//           if x.max() > 20.0:      # a data-dependent branch
//               x = x + 1.0
//           else:
//               x = x * 2.0
//           i = i + 1               # a Python int: stays an i64 in a register
//       return x, i
pydy.func @grow(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "i", %c0 : i64
  pydy.while {
    %x = pydy.load "x" : !pydy.object
    %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    %lim = pydy.constant 1.000000e+02 : f64
    %c = pydy.compare lt %s, %lim : (!pydy.object, f64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %m = pydy.lib_call "max"(%x) : (!pydy.object) -> !pydy.object
    %twenty = pydy.constant 2.000000e+01 : f64
    %big = pydy.compare gt %m, %twenty : (!pydy.object, f64) -> !pydy.object
    pydy.if %big : !pydy.object {
      %x1 = pydy.load "x" : !pydy.object
      %one = pydy.constant 1.000000e+00 : f64
      %y = pydy.binary add %x1, %one : (!pydy.object, f64) -> !pydy.object
      pydy.store "x", %y : !pydy.object
    } else {
      %x2 = pydy.load "x" : !pydy.object
      %two = pydy.constant 2.000000e+00 : f64
      %y = pydy.binary mul %x2, %two : (!pydy.object, f64) -> !pydy.object
      pydy.store "x", %y : !pydy.object
    }
    %i = pydy.load "i" : !pydy.object
    %one = pydy.constant 1 : i64
    %j = pydy.binary add %i, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "i", %j : !pydy.object
    pydy.yield
  }
  %x = pydy.load "x" : !pydy.object
  %i = pydy.load "i" : !pydy.object
  %t = pydy.tuple %x, %i : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

// def scale(x, k):
//     return x * k
pydy.func @scale(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %k = pydy.load "k" : !pydy.object
  %y = pydy.binary mul %x, %k : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %y : !pydy.object
}

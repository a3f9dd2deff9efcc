"""paddle.nn.layer.activation: Paddle's module of activation layers, which
model code reads by name (PaddleSeg's `Activation("relu")` looks the class up
in this module's `__dict__`). The classes are dy2st's own, from the modules
that define them."""
from ..layer_activation import (CELU, GLU, SELU, Hardshrink, Hardsigmoid,  # noqa: F401
                                Hardtanh, LogSigmoid, Maxout, Mish, PReLU, RReLU, Softmax2D,
                                Softshrink, Softsign, Swish, Tanhshrink, ThresholdedReLU)
from ..layer_basic import (ELU, GELU, Hardswish, LeakyReLU, LogSoftmax, ReLU,  # noqa: F401
                           ReLU6, Sigmoid, Softmax, Softplus, Tanh)
from ..layer_basic import SiLU as Silu  # noqa: F401 (Paddle's name in this module)

__all__ = ["CELU", "ELU", "GELU", "GLU", "Hardshrink", "Hardsigmoid", "Hardswish", "Hardtanh",
           "LeakyReLU", "LogSigmoid", "LogSoftmax", "Maxout", "Mish", "PReLU", "RReLU", "ReLU",
           "ReLU6", "SELU", "Sigmoid", "Silu", "Softmax", "Softmax2D", "Softplus", "Softshrink",
           "Softsign", "Swish", "Tanh", "Tanhshrink", "ThresholdedReLU"]

"""dy2st.nn.functional: activations over the op table's primitives."""
from ..functional import (log_softmax, matmul as linear_matmul, one_hot, relu,  # noqa: F401
                          sigmoid, softmax)

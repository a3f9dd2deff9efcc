"""dy2st.nn.functional: activations."""
from ..functional import matmul as linear_matmul  # noqa: F401
from ..functional import relu, sigmoid, softmax  # noqa: F401

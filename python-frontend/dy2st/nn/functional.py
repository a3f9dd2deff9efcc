"""dy2st.nn.functional: activations."""
from ..functional import relu, sigmoid, softmax  # noqa: F401

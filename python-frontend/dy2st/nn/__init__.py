"""dy2st.nn: layers. `Layer.__call__` runs `forward`."""
from . import functional


class Layer:
    """Base class of layers: subclasses define `forward`."""

    def __init__(self):
        pass

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} does not define forward()")

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

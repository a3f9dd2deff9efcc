"""paddle.vision: the classic image models (models) and their building
blocks (ops), written as Paddle layers with Paddle's parameter names, so a
state dict saved by real Paddle loads into them."""
from . import models, ops  # noqa: F401

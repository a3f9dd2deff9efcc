"""paddle.jit.api: the module Paddle's to_static, save and load live in
(model code imports them from here)."""
from . import (enable_to_static, ignore_module, load, not_to_static, save,  # noqa: F401
               to_static)
from ..runtime.static_function import StaticFunction  # noqa: F401
from ..runtime.translated_layer import TranslatedLayer  # noqa: F401

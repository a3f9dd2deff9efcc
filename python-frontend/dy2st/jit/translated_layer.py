"""paddle.jit.translated_layer: the layer `jit.load` gives back, and the
suffixes of a saved model's two files."""
from ..runtime.saving import MODEL_SUFFIX as INFER_MODEL_SUFFIX  # noqa: F401
from ..runtime.saving import PARAMS_SUFFIX as INFER_PARAMS_SUFFIX  # noqa: F401
from ..runtime.translated_layer import TranslatedLayer  # noqa: F401

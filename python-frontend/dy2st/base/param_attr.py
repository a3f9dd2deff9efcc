"""paddle.base.param_attr: where older Paddle code imports ParamAttr from."""
from ..nn.layer import ParamAttr  # noqa: F401 (paddle.base.param_attr's API)

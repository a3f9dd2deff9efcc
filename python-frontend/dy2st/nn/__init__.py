"""dy2st.nn: layers with Paddle's names, arguments and parameter layouts. A
layer's tensors are inputs of its compiled programs, so changing a weight
never recompiles."""
from . import functional, initializer  # noqa: F401
from .layer import Layer, Parameter, ParamAttr  # noqa: F401
from .layer_basic import (ELU, GELU, Dropout, Embedding, Flatten, Hardswish,  # noqa: F401
                          Identity, LayerDict, LayerList, LayerNorm, LeakyReLU, Linear,
                          LogSoftmax, ParameterList, ReLU, ReLU6, Sequential, Sigmoid, SiLU,
                          Softmax, Softplus, Tanh)
from .layer_conv import (AdaptiveAvgPool2D, AdaptiveMaxPool2D, AvgPool1D, AvgPool2D,  # noqa: F401
                         Conv1D, Conv1DTranspose, Conv2D, Conv2DTranspose, Conv3D, MaxPool1D,
                         MaxPool2D, Upsample, UpsamplingBilinear2D, UpsamplingNearest2D)
from .layer_norm import (BatchNorm, BatchNorm1D, BatchNorm2D, BatchNorm3D,  # noqa: F401
                         GroupNorm, InstanceNorm1D, InstanceNorm2D, InstanceNorm3D)
from .layer_rnn import GRU, LSTM, GRUCell, LSTMCell, RNNCellBase, SimpleRNN, SimpleRNNCell  # noqa: F401
from .layer_rnn_wrappers import RNN, BiRNN  # noqa: F401
from . import decode  # noqa: F401
from .decode import BeamSearchDecoder, dynamic_decode  # noqa: F401
from .layer_transformer import (MultiHeadAttention, Transformer,  # noqa: F401
                                TransformerDecoder, TransformerDecoderLayer, TransformerEncoder,
                                TransformerEncoderLayer)

"""dy2st.nn: layers with Paddle's names, arguments and parameter layouts. A
layer's tensors are inputs of its compiled programs, so changing a weight
never recompiles."""
from . import functional, initializer  # noqa: F401
from .layer import Layer, Parameter, ParamAttr  # noqa: F401
from .layer_basic import (ELU, GELU, Dropout, Embedding, Flatten, Hardswish,  # noqa: F401
                          Identity, LayerDict, LayerList, LayerNorm, LeakyReLU, Linear,
                          LogSoftmax, ParameterDict, ParameterList, ReLU, ReLU6, Sequential,
                          Sigmoid, SiLU,
                          Softmax, Softplus, Tanh)
from .layer_conv import (AdaptiveAvgPool1D, AdaptiveAvgPool2D, AdaptiveAvgPool3D,  # noqa: F401
                         AdaptiveMaxPool1D, AdaptiveMaxPool2D, AdaptiveMaxPool3D, AvgPool1D,
                         AvgPool2D, AvgPool3D, Conv1D, Conv1DTranspose, Conv2D, Conv2DTranspose,
                         Conv3D, Conv3DTranspose, Fold, LPPool1D, LPPool2D, MaxPool1D,
                         MaxPool2D, MaxPool3D, MaxUnPool1D, MaxUnPool2D, MaxUnPool3D, Unfold,
                         Upsample,
                         UpsamplingBilinear2D, UpsamplingNearest2D)
from .layer_norm import (BatchNorm, BatchNorm1D, BatchNorm2D, BatchNorm3D,  # noqa: F401
                         GroupNorm, InstanceNorm1D, InstanceNorm2D, InstanceNorm3D, SyncBatchNorm)
from .spectral_norm import SpectralNorm  # noqa: F401
from .layer_rnn import GRU, LSTM, GRUCell, LSTMCell, RNNCellBase, SimpleRNN, SimpleRNNCell  # noqa: F401
from .layer_rnn_wrappers import RNN, BiRNN  # noqa: F401
from . import decode, utils  # noqa: F401
from .decode import BeamSearchDecoder, dynamic_decode  # noqa: F401
from .layer_transformer import (MultiHeadAttention, Transformer,  # noqa: F401
                                TransformerDecoder, TransformerDecoderLayer, TransformerEncoder,
                                TransformerEncoderLayer)
from .layer_activation import (CELU, GLU, SELU, AlphaDropout, Dropout2D, Dropout3D,  # noqa: F401
                               FeatureAlphaDropout, Hardshrink, Hardsigmoid, Hardtanh,
                               LogSigmoid, Maxout, Mish, PReLU, RReLU, Softmax2D, Softshrink,
                               Softsign,
                               Swish, Tanhshrink, ThresholdedReLU)
from .layer_pairs import (BCELoss, BCEWithLogitsLoss, Bilinear,  # noqa: F401
                          CosineEmbeddingLoss, CosineSimilarity, CrossEntropyLoss, CTCLoss,
                          GaussianNLLLoss, HingeEmbeddingLoss, KLDivLoss, L1Loss,
                          MarginRankingLoss, MSELoss, MultiLabelMarginLoss,
                          MultiLabelSoftMarginLoss, MultiMarginLoss, NLLLoss, PairwiseDistance,
                          PoissonNLLLoss, SmoothL1Loss, SoftMarginLoss, TripletMarginLoss,
                          TripletMarginWithDistanceLoss)
from .layer_channels import (ChannelShuffle, CircularPad1D, CircularPad2D,  # noqa: F401
                             CircularPad3D, ConstantPad1D, ConstantPad2D, ConstantPad3D,
                             LocalResponseNorm, Pad1D, Pad2D, Pad3D, PixelShuffle, PixelUnshuffle,
                             ReflectionPad1D, ReflectionPad2D, ReflectionPad3D, ReplicationPad1D,
                             ReplicationPad2D, ReplicationPad3D, Unflatten, ZeroPad1D, ZeroPad2D,
                             ZeroPad3D)

# Paddle's other names for the same classes (PyTorch's spellings).
Module, ModuleList, ModuleDict, Silu = Layer, LayerList, LayerDict, SiLU
Conv1d, Conv2d, Conv3d = Conv1D, Conv2D, Conv3D
AdaptiveAvgPool1d, AdaptiveAvgPool2d, AdaptiveAvgPool3d = (AdaptiveAvgPool1D, AdaptiveAvgPool2D,
                                                           AdaptiveAvgPool3D)
AdaptiveMaxPool1d, AdaptiveMaxPool2d, AdaptiveMaxPool3d = (AdaptiveMaxPool1D, AdaptiveMaxPool2D,
                                                           AdaptiveMaxPool3D)
UpsamplingBilinear2d, UpsamplingNearest2d = UpsamplingBilinear2D, UpsamplingNearest2D
ZeroPad1d, ZeroPad2d, ZeroPad3d = ZeroPad1D, ZeroPad2D, ZeroPad3D
ConstantPad1d, ConstantPad2d, ConstantPad3d = ConstantPad1D, ConstantPad2D, ConstantPad3D
ReflectionPad1d, ReflectionPad2d, ReflectionPad3d = ReflectionPad1D, ReflectionPad2D, ReflectionPad3D
ReplicationPad1d, ReplicationPad2d, ReplicationPad3d = (ReplicationPad1D, ReplicationPad2D,
                                                        ReplicationPad3D)
CircularPad1d, CircularPad2d, CircularPad3d = CircularPad1D, CircularPad2D, CircularPad3D
LPPool1d, LPPool2d = LPPool1D, LPPool2D
MaxUnpool1d, MaxUnpool2d, MaxUnpool3d = MaxUnPool1D, MaxUnPool2D, MaxUnPool3D
HuberLoss = SmoothL1Loss  # Paddle 3.3's name of the Huber form (is_huber=True, its default)

# Paddle's module of activation layers (`nn.layer.activation.ReLU`), after the
# modules it gathers from.
from .layer import activation  # noqa: E402,F401

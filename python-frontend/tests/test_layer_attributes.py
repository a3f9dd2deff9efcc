"""Layers keep their settings under Paddle's names and in Paddle's forms
(layer_attribute_cases against real Paddle), and a block re-parameterized
the way PaddleOCR's and PaddleClas's rep layers are (branches fused eagerly
from those settings, then deleted) compiles and matches its unfused self."""
import numpy as np

import dy2st as paddle
import layer_attribute_cases
from test_paddle_oracle import paddle_json, require_paddle

nn = paddle.nn


def test_layer_settings_agree_with_real_paddle(tmp_path):
    require_paddle()
    assert layer_attribute_cases.run(paddle) == paddle_json("layer_attribute_cases", tmp_path)


def test_layer_settings_in_paddle_forms():
    conv = nn.Conv2D(4, 8, 3, stride=2, padding=1, groups=2, data_format="NHWC")
    assert (conv._in_channels, conv._out_channels, conv._groups) == (4, 8, 2)
    assert conv._kernel_size == [3, 3] and conv._stride == [2, 2] and conv._dilation == [1, 1]
    assert conv._channel_dim == 3 and conv.output_padding == 0
    assert nn.MaxPool2D(3).stride is None and nn.LPPool2D(2, 3).stride == 3
    assert nn.LSTM(4, 8).state_components == 2 and nn.GRU(4, 8).mode == "GRU"


class ConvBN(nn.Layer):
    def __init__(self, cin, cout, k, stride, groups):
        super().__init__()
        self.conv = nn.Conv2D(cin, cout, k, stride, (k - 1) // 2, groups=groups,
                              bias_attr=False)
        self.bn = nn.BatchNorm2D(cout)

    def forward(self, x):
        return self.bn(self.conv(x))


class RepBlock(nn.Layer):
    """A kxk branch, a 1x1 branch and an identity batch norm, summed; `rep()`
    folds them into one convolution."""

    def __init__(self, channels, k=3, stride=1, groups=1):
        super().__init__()
        self.is_repped = False
        self.identity = nn.BatchNorm2D(channels) if stride == 1 else None
        self.conv_kxk = nn.LayerList([ConvBN(channels, channels, k, stride, groups)
                                      for _ in range(2)])
        self.conv_1x1 = ConvBN(channels, channels, 1, stride, groups)
        self.act = nn.Hardswish()

    def forward(self, x):
        if self.is_repped:
            return self.act(self.reparam_conv(x))
        out = 0
        if self.identity is not None:
            out += self.identity(x)
        out += self.conv_1x1(x)
        for conv in self.conv_kxk:
            out += conv(x)
        return self.act(out)

    def _fused(self, branch):
        first = self.conv_kxk[0].conv
        k, groups = first._kernel_size[0], first._groups
        if isinstance(branch, ConvBN):
            kernel, bn = branch.conv.weight, branch.bn
            if branch.conv._kernel_size[0] == 1:
                kernel = nn.functional.pad(kernel, [k // 2] * 4)
        else:
            per_group = first._in_channels // groups
            kernel = paddle.zeros([first._in_channels, per_group, k, k])
            for i in range(first._in_channels):
                kernel[i, i % per_group, k // 2, k // 2] = 1
            bn = branch
        std = (bn._variance + bn._epsilon).sqrt()
        return kernel * (bn.weight / std).reshape([-1, 1, 1, 1]), bn.bias - bn._mean * bn.weight / std

    @paddle.no_grad()
    def rep(self):
        branches = list(self.conv_kxk) + [self.conv_1x1]
        if self.identity is not None:
            branches.append(self.identity)
        kernel, bias = 0, 0
        for branch in branches:
            k, b = self._fused(branch)
            kernel, bias = kernel + k, bias + b
        first = self.conv_kxk[0].conv
        self.reparam_conv = nn.Conv2D(first._in_channels, first._out_channels,
                                      first._kernel_size, first._stride, first._padding,
                                      groups=first._groups)
        self.reparam_conv.weight.set_value(kernel)
        self.reparam_conv.bias.set_value(bias)
        del self.conv_kxk
        del self.conv_1x1
        if self.identity is not None:
            del self.identity
        self.is_repped = True


def _randomized(block, seed):
    rng = np.random.RandomState(seed)
    for name, value in block.state_dict().items():
        v = rng.standard_normal(value.shape).astype("float32") * 0.3
        value.set_value(np.abs(v) + 0.5 if name.endswith("_variance") else v)
    block.eval()
    return block


def test_a_reparameterized_block_compiles_and_matches_its_branches():
    x = paddle.to_tensor(np.random.RandomState(1).standard_normal((2, 4, 9, 9))
                         .astype("float32"))
    for stride, groups in ((1, 1), (2, 4), (1, 2)):
        block = _randomized(RepBlock(4, stride=stride, groups=groups), stride + groups)
        branches = block(x).numpy()
        compiled_branches = paddle.jit.to_static(block)
        np.testing.assert_allclose(compiled_branches(x).numpy(), branches, rtol=1e-5, atol=1e-5)
        block.rep()
        assert not hasattr(block, "conv_kxk")
        np.testing.assert_allclose(block(x).numpy(), branches, rtol=1e-4, atol=1e-4)
        # The same converted layer, now repped: imported again for the new branch.
        np.testing.assert_allclose(compiled_branches(x).numpy(), branches, rtol=1e-4, atol=1e-4)

"""paddle.vision.models: LeNet, AlexNet, VGG, ResNet (with ResNeXt and wide
ResNet), MobileNetV1, V2 and V3, ShuffleNetV2, SqueezeNet, DenseNet and
GoogLeNet, built as real Paddle builds them (the same layers and parameter
names). Pretrained weights are not downloaded: `pretrained=True` is
a clear error; load a state dict instead."""
from .classic import AlexNet, LeNet, VGG, alexnet, vgg11, vgg13, vgg16, vgg19  # noqa: F401
from .densenet import (DenseNet, densenet121, densenet161, densenet169,  # noqa: F401
                       densenet201, densenet264)
from .googlenet import GoogLeNet, googlenet  # noqa: F401
from .mobilenets import (MobileNetV1, MobileNetV3Large, MobileNetV3Small,  # noqa: F401
                         mobilenet_v1, mobilenet_v3_large, mobilenet_v3_small)
from .mobilenetv2 import MobileNetV2, mobilenet_v2  # noqa: F401
from .small_nets import (ShuffleNetV2, SqueezeNet, shufflenet_v2_swish,  # noqa: F401
                         shufflenet_v2_x0_5, shufflenet_v2_x0_25, shufflenet_v2_x0_33,
                         shufflenet_v2_x1_0, shufflenet_v2_x1_5, shufflenet_v2_x2_0,
                         squeezenet1_0, squeezenet1_1)
from .resnet import (BasicBlock, BottleneckBlock, ResNet, resnet18, resnet34,  # noqa: F401
                     resnet50, resnet101, resnet152, resnext50_32x4d, resnext50_64x4d,
                     resnext101_32x4d, resnext101_64x4d, resnext152_32x4d, resnext152_64x4d,
                     wide_resnet50_2, wide_resnet101_2)

"""Torch twins of three zoo models (examples/models), for bench/models.py:
the same layers, sizes and inputs (ResNet-18 on 64x64 images with 10
classes, the 2-layer LSTM language model, BERT-small with its padding mask),
with torch's own random weights: the timings compare, the values do not.
`build(name)` -> (module, numpy inputs -> torch arguments) or None for a model
without a twin."""
import torch
from torch import nn


class BasicBlock(nn.Module):
    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU()
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride=stride,
                                                      bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + identity)


class ResNet18(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False),
                                  nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        blocks, inplanes = [], 64
        for planes, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            blocks += [BasicBlock(inplanes, planes, stride), BasicBlock(planes, planes)]
            inplanes = planes
        self.blocks = nn.Sequential(*blocks)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, num_classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.blocks(self.stem(x))), 1))


class LSTMLanguageModel(nn.Module):
    def __init__(self, vocab=1000, hidden=128, layers=2):
        super().__init__()
        self.embedding = nn.Embedding(vocab, hidden)
        self.lstm = nn.LSTM(hidden, hidden, num_layers=layers, batch_first=True)
        self.fc = nn.Linear(hidden, vocab)

    def forward(self, ids, h, c):
        out, (h, c) = self.lstm(self.embedding(ids), (h, c))
        return self.fc(out), h, c


class Bert(nn.Module):
    def __init__(self, vocab=1000, hidden=128, layers=2, heads=4, intermediate=256,
                 max_position=128, type_vocab=2):
        super().__init__()
        self.word = nn.Embedding(vocab, hidden)
        self.position = nn.Embedding(max_position, hidden)
        self.token_type = nn.Embedding(type_vocab, hidden)
        self.norm = nn.LayerNorm(hidden)
        layer = nn.TransformerEncoderLayer(hidden, heads, intermediate, dropout=0.1,
                                           activation="gelu", batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.pooler = nn.Linear(hidden, hidden)

    def forward(self, ids, token_types):
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.norm(self.word(ids) + self.position(positions) + self.token_type(token_types))
        out = self.encoder(x, src_key_padding_mask=ids == 0)
        return out, torch.tanh(self.pooler(out[:, 0]))


def _lstm_arguments(ids, h, c):
    return torch.from_numpy(ids), torch.from_numpy(h), torch.from_numpy(c)


TWINS = {
    "resnet18": (ResNet18, lambda x: (torch.from_numpy(x),)),
    "lstm_lm": (LSTMLanguageModel, _lstm_arguments),
    "bert": (Bert, lambda ids, types: (torch.from_numpy(ids), torch.from_numpy(types))),
}


def build(name):
    if name not in TWINS:
        return None
    make, arguments = TWINS[name]
    torch.manual_seed(0)
    model = make().eval()

    def run(*args):
        with torch.inference_mode():
            return model(*args)
    return run, arguments

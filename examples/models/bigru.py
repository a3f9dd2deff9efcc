"""A bidirectional GRU text classifier (Paddle's sentiment-analysis style):
embedding with a padding index, a two-layer bidirectional GRU that stops at
each sequence's length, max pooling over the valid steps, and a classifier."""
import paddle
from paddle import nn
import paddle.nn.functional as F


class BiGRUClassifier(nn.Layer):
    def __init__(self, vocab_size=1000, emb_dim=64, hidden_size=64, num_classes=2,
                 padding_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb_dim, padding_idx=padding_idx)
        self.gru = nn.GRU(emb_dim, hidden_size, num_layers=2, direction="bidirect")
        self.fc = nn.Linear(hidden_size * 2, hidden_size)
        self.output = nn.Linear(hidden_size, num_classes)

    def forward(self, ids, lengths):
        emb = self.embedding(ids)
        encoded, _ = self.gru(emb, sequence_length=lengths)
        mask = paddle.unsqueeze(F.sequence_mask(lengths, maxlen=ids.shape[1], dtype="float32"),
                                -1)
        pooled = paddle.max(encoded * mask + (mask - 1.0) * 1e9, axis=1)
        hidden = paddle.tanh(self.fc(pooled))
        return F.softmax(self.output(hidden), axis=-1)

"""An LSTM language model in the style of the PTB model of Paddle's dy2st
tests: embedding, a stacked LSTM carrying its state across batches, dropout,
and a projection to the vocabulary."""
import paddle
from paddle import nn


class LSTMLanguageModel(nn.Layer):
    def __init__(self, vocab_size=1000, hidden_size=128, num_layers=2, dropout=0.2):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        self.embedding = nn.Embedding(vocab_size, hidden_size)
        self.lstm = nn.LSTM(hidden_size, hidden_size, num_layers=num_layers, dropout=dropout)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden_size, vocab_size)

    def forward(self, input_ids, init_hidden, init_cell):
        x = self.dropout(self.embedding(input_ids))
        out, (last_hidden, last_cell) = self.lstm(x, (init_hidden, init_cell))
        logits = self.fc(self.dropout(out))
        return logits, last_hidden, last_cell

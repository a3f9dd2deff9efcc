"""A small BERT encoder (Devlin et al.), with the structure of PaddleNLP's
BertModel: word, position and token-type embeddings, LayerNorm and dropout,
a Transformer encoder (GELU, post-norm), and a tanh pooler over [CLS]."""
import paddle
from paddle import nn


class BertEmbeddings(nn.Layer):
    def __init__(self, vocab_size, hidden_size, max_position, type_vocab_size, dropout):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, hidden_size)
        self.position_embeddings = nn.Embedding(max_position, hidden_size)
        self.token_type_embeddings = nn.Embedding(type_vocab_size, hidden_size)
        self.layer_norm = nn.LayerNorm(hidden_size)
        self.dropout = nn.Dropout(dropout)

    def forward(self, input_ids, token_type_ids):
        position_ids = paddle.unsqueeze(paddle.arange(0, input_ids.shape[1], dtype="int64"), 0)
        embeddings = (self.word_embeddings(input_ids) + self.position_embeddings(position_ids)
                      + self.token_type_embeddings(token_type_ids))
        return self.dropout(self.layer_norm(embeddings))


class BertPooler(nn.Layer):
    def __init__(self, hidden_size):
        super().__init__()
        self.dense = nn.Linear(hidden_size, hidden_size)
        self.activation = nn.Tanh()

    def forward(self, hidden_states):
        return self.activation(self.dense(hidden_states[:, 0]))


class BertModel(nn.Layer):
    def __init__(self, vocab_size=1000, hidden_size=128, num_hidden_layers=2,
                 num_attention_heads=4, intermediate_size=256, dropout=0.1,
                 max_position_embeddings=128, type_vocab_size=2, pad_token_id=0):
        super().__init__()
        self.pad_token_id = pad_token_id
        self.embeddings = BertEmbeddings(vocab_size, hidden_size, max_position_embeddings,
                                         type_vocab_size, dropout)
        layer = nn.TransformerEncoderLayer(hidden_size, num_attention_heads, intermediate_size,
                                           dropout=dropout, activation="gelu", attn_dropout=dropout,
                                           act_dropout=0)
        self.encoder = nn.TransformerEncoder(layer, num_hidden_layers)
        self.pooler = BertPooler(hidden_size)

    def forward(self, input_ids, token_type_ids):
        attention_mask = paddle.unsqueeze(
            (input_ids == self.pad_token_id).astype("float32") * -1e4, axis=[1, 2])
        embedding_output = self.embeddings(input_ids, token_type_ids)
        sequence_output = self.encoder(embedding_output, attention_mask)
        return sequence_output, self.pooler(sequence_output)

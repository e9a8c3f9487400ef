"""Export: the network as a plain torch model, shaped like the seed articles' models."""

from __future__ import annotations

from torch import Tensor, nn

from rnnviz.core.network import Network, make_rnn_module


class RecurrentModel(nn.Module):
    """Optional `self.embedding`, `self.rnn` (nn.RNN/LSTM/GRU), then optional `self.linear`
    and (log-)softmax.

    Its state_dict uses the names a seed-article model saves (`rnn.weight_ih_l0`,
    `linear.weight`), so rnnviz loads what this module saves and vice versa.
    """

    def __init__(self, network: Network):
        super().__init__()
        spec = network.spec
        self.embedding = None  # tokens (T, B) → x when the network reads through a table
        if spec.embedding is not None:
            self.embedding = nn.Embedding(spec.embedding.num_embeddings, spec.input_size,
                                          dtype=network.dtype)
        self.rnn = make_rnn_module(spec, dtype=network.dtype)
        self.linear = None
        self.activation = None
        if spec.head is not None:
            self.linear = nn.Linear(spec.output_features, spec.head.output_size,
                                    bias=spec.head.bias, dtype=network.dtype)
            if spec.head.activation == "softmax":
                self.activation = nn.Softmax(dim=-1)
            elif spec.head.activation == "log_softmax":
                self.activation = nn.LogSoftmax(dim=-1)
        self.load_state_dict(network.state_dict())

    @classmethod
    def from_network(cls, network: Network) -> RecurrentModel:
        return cls(network).eval()

    def forward(self, x: Tensor, hx=None):
        """x (T, B, I), or token ids (T, B) with an embedding -> (y or output, hidden)
        where y = head(output) when a head exists."""
        if self.embedding is not None:
            x = self.embedding(x)
        output, hidden = self.rnn(x, hx)  # (T, B, D*H_out)
        if self.linear is None:
            return output, hidden
        y = self.linear(output)  # (T, B, O)
        if self.activation is not None:
            y = self.activation(y)
        return y, hidden

"""How resources/models/wordlm.pt was made: PyTorch's word language model, small.

The model is the `RNNModel` of the PyTorch examples (word_language_model/model.py):
an Embedding called `encoder`, an LSTM, a Linear called `decoder` with tied weights,
log-softmax outputs. It is trained briefly on the sentences below and saved as that
example saves it, whole: `torch.save(model, f)`. rnnviz opens it without running this
file (its classes are never imported), with the vocabulary in wordlm.vocab.txt:

    python resources/models/wordlm_train.py
    rnnviz --model resources/models/wordlm.pt --vocab-file resources/models/wordlm.vocab.txt \
        --text "the cat sat on the mat" --head log_softmax
"""

from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

TEXT = """the cat sat on the mat . the dog sat on the rug . the cat saw the dog .
the dog saw the cat . a cat ran under the table . a dog ran under the bed .
the small cat sat on the big mat . the big dog sat on the small rug .
the cat ate the fish . the dog ate the bone . the bird sat on the tree .
a bird saw the cat . the cat ran up the tree . the dog ran to the house .
the cat sat on the rug . the dog sat on the mat . the bird ate the seed ."""


class RNNModel(nn.Module):
    """As in pytorch/examples word_language_model (LSTM, tied weights)."""

    def __init__(self, ntoken, ninp=24, nhid=24, nlayers=2, dropout=0.1):
        super().__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = nn.LSTM(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        self.decoder.weight = self.encoder.weight  # tie_weights, as --tied does

    def forward(self, x, hidden=None):
        emb = self.drop(self.encoder(x))
        output, hidden = self.rnn(emb, hidden)
        return F.log_softmax(self.decoder(self.drop(output)), dim=-1), hidden


def main() -> None:
    here = Path(__file__).parent
    words = TEXT.split()
    vocab = sorted(set(words))
    ids = torch.tensor([vocab.index(w) for w in words])
    torch.manual_seed(0)
    model = RNNModel(len(vocab))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(300):
        start = torch.randint(0, len(ids) - 21, (8,))
        batch = torch.stack([ids[s:s + 21] for s in start], dim=1)  # (21, 8)
        out, _ = model(batch[:-1])
        loss = F.nll_loss(out.reshape(-1, len(vocab)), batch[1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    print(f"loss {loss.item():.3f}, vocabulary {len(vocab)} words")
    torch.save(model, here / "wordlm.pt")
    (here / "wordlm.vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

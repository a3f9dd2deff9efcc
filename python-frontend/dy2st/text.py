"""paddle.text: Viterbi decoding of a linear-chain CRF (`viterbi_decode`,
`ViterbiDecoder`), written once over the operations, eagerly and compiled.

It follows Paddle's CPU kernel step for step (phi's viterbi_decode): the
scores of finished sequences are carried as `new * mask + old * (1 - mask)`,
the best previous tag is the first of equal scores, and a path is as wide as
the longest sequence, 0 past each sequence's end."""
from __future__ import annotations

from typing import Any

from .eager.functional import arange, argmax, cast, gather, max, reshape, transpose, unsqueeze, \
    zeros
from .eager.tensor import Tensor
from .nn.layer import Layer

__all__ = ["viterbi_decode", "ViterbiDecoder"]


def viterbi_decode(potentials: Tensor, transition_params: Tensor, lengths: Tensor,
                   include_bos_eos_tag: bool = True, name: str | None = None) -> Any:
    """The best tag sequence of each of a batch: (scores [batch], paths
    [batch, longest length], int64). With `include_bos_eos_tag`, the last
    row of `transition_params` scores the start and the one before it the stop."""
    if potentials.ndim != 3 or transition_params.ndim != 2:
        raise ValueError("viterbi_decode(): potentials must be [batch, length, tags] and "
                         "transition_params [tags, tags]")
    batch, tags = potentials.shape[0], potentials.shape[2]
    dtype = potentials.dtype
    left = cast(reshape(lengths, [-1, 1]), "int64")
    longest = int(max(lengths)) if batch > 0 else 0
    if longest > potentials.shape[1]:
        raise ValueError("viterbi_decode(): a length is longer than the sequences")
    transitions = unsqueeze(transition_params, 0)
    stop = transition_params[tags - 2]
    alpha = potentials[:, 0]
    if include_bos_eos_tag:
        alpha = alpha + transition_params[tags - 1]
        alpha = alpha + stop * cast(left == 1, dtype)
    left = left - 1
    history = []
    for i in range(1, longest):
        candidates = unsqueeze(alpha, 2) + transitions
        history.append(argmax(candidates, axis=1))
        following = max(candidates, axis=1) + potentials[:, i]
        mask = cast(left > 0, dtype)
        alpha = following * mask + alpha * (1 - mask)
        if include_bos_eos_tag:
            alpha = alpha + stop * cast(left == 1, dtype)
        left = left - 1
    scores = max(alpha, axis=1)
    last = argmax(alpha, axis=1)
    left = reshape(left, [-1])
    path = zeros([longest, batch], "int64")
    if longest > 0:
        path[longest - 1] = last * cast(left >= 0, "int64")
    offsets = arange(batch) * tags
    for step in range(longest - 2, -1, -1):
        left = left + 1
        update = gather(reshape(history[step], [-1]), offsets + last)
        update = update * cast(left > 0, "int64")
        ended = cast(left == 0, "int64")
        update = update * (1 - ended) + last * ended
        last = last * cast(left < 0, "int64") + update
        path[step] = update
    return scores, transpose(path, [1, 0])


class ViterbiDecoder(Layer):
    """viterbi_decode with the transitions it holds: called with
    (potentials, lengths)."""

    def __init__(self, transitions: Tensor, include_bos_eos_tag: bool = True,
                 name: str | None = None) -> None:
        super().__init__()
        self.transitions = transitions
        self.include_bos_eos_tag = include_bos_eos_tag
        self.name = name

    def forward(self, potentials: Tensor, lengths: Tensor) -> Any:
        return viterbi_decode(potentials, self.transitions, lengths, self.include_bos_eos_tag,
                              self.name)


"""Decoding loops: nn.dynamic_decode runs a Decoder (nn.BeamSearchDecoder, or
the user's subclass) step by step until every sequence is finished, as
Paddle's dygraph `dynamic_decode` does. The states are namedtuples, carried
by a `while` in compiled code."""
from __future__ import annotations

from typing import Any, Callable, NamedTuple

from ..eager import functional as _functional
from ..eager import structures as _structures
from ..eager.tensor import Tensor
from . import functional
from .layer import Layer
from .layer_rnn_wrappers import _swap_batch_time

_KINF = 1e9
"""What Paddle's beam search adds to the log probability of a beam that is no
candidate (the empty beams of the first step, a finished beam's other tokens)."""


class Decoder:
    """The steps dynamic_decode runs: initialize(inits) -> (inputs, states,
    finished); step(time, inputs, states) -> (outputs, states, next inputs,
    finished); finalize(outputs, states, lengths) -> (outputs, states)."""

    def initialize(self, inits: Any) -> tuple[Any, Any, Tensor]:
        raise NotImplementedError

    def step(self, time: Tensor, inputs: Any, states: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def finalize(self, outputs: Any, final_states: Any, sequence_lengths: Tensor) -> Any:
        raise NotImplementedError

    @property
    def tracks_own_finished(self) -> bool:
        return False

    @property
    def _finalizes(self):
        """Whether the class defines finalize (read in Python when compiled
        code asks: dynamic_decode skips the base's, which raises)."""
        return type(self).finalize is not Decoder.finalize


class BeamSearchDecoder(Decoder):
    """Beam search over `cell`: each step keeps the beam_size best of the
    beams' continuations by total log probability; a beam that produced
    end_token stays finished. embedding_fn maps token ids to the cell's
    inputs, output_fn the cell's outputs to logits."""

    class OutputWrapper(NamedTuple):
        scores: Tensor
        predicted_ids: Tensor
        parent_ids: Tensor

    class StateWrapper(NamedTuple):
        cell_states: Any
        log_probs: Tensor
        finished: Tensor
        lengths: Tensor

    def __init__(self, cell: Layer, start_token: int, end_token: int, beam_size: int,
                 embedding_fn: Callable[..., Any] | None = None,
                 output_fn: Callable[..., Any] | None = None) -> None:
        self.cell = cell
        self.embedding_fn = embedding_fn
        self.output_fn = output_fn
        self.start_token = start_token
        self.end_token = end_token
        self.beam_size = beam_size

    @staticmethod
    def tile_beam_merge_with_batch(x: Tensor, beam_size: int) -> Tensor:
        """[batch, ...] -> [batch * beam_size, ...], each row beam_size times
        in a row (an encoder's output for the merged batch of beams)."""
        tiled = _functional.tile(_functional.unsqueeze(x, [1]),
                                 [1, beam_size] + [1] * (len(x.shape) - 1))
        return _functional.reshape(tiled, [-1] + list(x.shape[1:]))

    def _split_batch_beams(self, x):
        return _functional.reshape(x, [-1, self.beam_size] + list(x.shape[1:]))

    def _merge_batch_beams(self, x):
        return _functional.reshape(x, [-1] + list(x.shape[2:]))

    def _expand_to_beam_size(self, x):
        x = _functional.unsqueeze(x, [1])
        return _functional.tile(x, [1, self.beam_size] + [1] * (len(x.shape) - 2))

    def _gather(self, x, indices):
        """x[b, indices[b, k]] for x [batch, n, ...] and indices [batch, beam]."""
        batch = _functional.arange(0, x.shape[0], 1, dtype=indices.dtype)
        rows = _functional.tile(_functional.unsqueeze(batch, [1]), [1, self.beam_size])
        return _functional.gather_nd(x, _functional.stack([rows, indices], axis=2))

    def initialize(self, initial_cell_states: Any) -> tuple[Any, StateWrapper, Tensor]:
        state = _structures.flatten(initial_cell_states)[0]
        batch = state.shape[0]
        cell_states = _structures.map_structure(self._expand_to_beam_size, initial_cell_states)
        inputs = _functional.full([batch, self.beam_size], self.start_token, "int64")
        # The first step continues beam 0 only: the others start at -KINF.
        first = _functional.arange(0, self.beam_size, 1, dtype="int64") == 0
        log_probs = _functional.where(first, _functional.zeros([self.beam_size], "float32"),
                                      _functional.full([self.beam_size], -_KINF, "float32"))
        log_probs = _functional.tile(_functional.unsqueeze(log_probs, [0]), [batch, 1])
        finished = _functional.full([batch, self.beam_size], False, "bool")
        lengths = _functional.zeros_like(inputs)
        if self.embedding_fn is not None:
            inputs = self.embedding_fn(inputs)
        return inputs, self.StateWrapper(cell_states, log_probs, finished, lengths), finished

    def _beam_search_step(self, time, logits, next_cell_states, beam_state):
        vocab = logits.shape[-1]
        # A finished beam continues with end_token only, at no cost.
        is_end = _functional.arange(0, vocab, 1, dtype="int64") == self.end_token
        noend = _functional.where(is_end, _functional.zeros([vocab], logits.dtype),
                                  _functional.full([vocab], -_KINF, logits.dtype))
        step_log_probs = _functional.log(functional.softmax(logits))
        finished = _functional.cast(beam_state.finished, step_log_probs.dtype)
        step_log_probs = _functional.tile(_functional.unsqueeze(finished, [2]),
                                          [1, 1, vocab]) * noend - \
            step_log_probs * _functional.unsqueeze(finished - 1, [2])
        log_probs = step_log_probs + _functional.unsqueeze(beam_state.log_probs, [2])
        scores = _functional.reshape(log_probs, [-1, self.beam_size * vocab])
        topk_scores, topk_indices = _functional.topk(scores, k=self.beam_size)
        beam_indices = _functional.floor_divide(topk_indices, _functional.full([1], vocab,
                                                                               "int64"))
        token_indices = _functional.remainder(topk_indices, _functional.full([1], vocab,
                                                                             "int64"))
        next_log_probs = self._gather(scores, topk_indices)
        next_cell_states = _structures.map_structure(
            lambda x: self._gather(x, beam_indices), next_cell_states)
        next_finished = self._gather(beam_state.finished, beam_indices)
        next_lengths = self._gather(beam_state.lengths, beam_indices)
        next_lengths = next_lengths + _functional.cast(_functional.logical_not(next_finished),
                                                       beam_state.lengths.dtype)
        next_finished = _functional.logical_or(
            next_finished,
            _functional.equal(token_indices, _functional.full([1], self.end_token, "int64")))
        return (self.OutputWrapper(topk_scores, token_indices, beam_indices),
                self.StateWrapper(next_cell_states, next_log_probs, next_finished,
                                  next_lengths))

    def step(self, time: Tensor, inputs: Any, states: Any, **kwargs: Any) -> Any:
        inputs = _structures.map_structure(self._merge_batch_beams, inputs)
        cell_states = _structures.map_structure(self._merge_batch_beams, states.cell_states)
        cell_outputs, next_cell_states = self.cell(inputs, cell_states, **kwargs)
        cell_outputs = _structures.map_structure(self._split_batch_beams, cell_outputs)
        next_cell_states = _structures.map_structure(self._split_batch_beams,
                                                     next_cell_states)
        if self.output_fn is not None:
            cell_outputs = self.output_fn(cell_outputs)
        output, state = self._beam_search_step(time, cell_outputs, next_cell_states, states)
        next_inputs = output.predicted_ids
        if self.embedding_fn is not None:
            next_inputs = self.embedding_fn(next_inputs)
        return output, state, next_inputs, state.finished

    def finalize(self, outputs: Any, final_states: Any, sequence_lengths: Tensor) -> Any:
        """The ids of each final beam traced back through its parents."""
        predicted_ids = functional.gather_tree(outputs.predicted_ids, outputs.parent_ids)
        return predicted_ids, final_states

    @property
    def tracks_own_finished(self) -> bool:
        return True


def dynamic_decode(decoder: Decoder, inits: Any = None, max_step_num: int | None = None,
                   output_time_major: bool = False, impute_finished: bool = False,
                   is_test: bool = False, return_length: bool = False,
                   **kwargs: Any) -> Any:
    """Runs `decoder` from `inits` until all sequences are finished (and at
    most max_step_num + 1 steps, as Paddle counts): the steps' outputs stacked
    along time ([batch, time, ...], or time first), the final states, and with
    return_length the sequences' lengths."""
    inputs, states, finished = decoder.initialize(inits)
    lengths = _functional.cast(_functional.zeros_like(finished), "int64")
    time = _functional.full([1], 0, "int64")
    # The first step makes the outputs' structure: one list per leaf.
    step_outputs, states, inputs, finished, lengths = _decode_step(
        decoder, time, inputs, states, finished, lengths, impute_finished, kwargs)
    columns = [[leaf] for leaf in _structures.flatten(step_outputs)]
    steps = 1
    time = _functional.increment(time, 1.0)
    while not _functional.all(finished) and (max_step_num is None or steps <= max_step_num):
        step_outputs, states, inputs, finished, lengths = _decode_step(
            decoder, time, inputs, states, finished, lengths, impute_finished, kwargs)
        for i, leaf in enumerate(_structures.flatten(step_outputs)):
            columns[i].append(leaf)
        steps += 1
        time = _functional.increment(time, 1.0)
    outputs = _structures.pack_sequence_as(step_outputs,
                                           [_functional.stack(c, axis=0) for c in columns])
    if decoder._finalizes:
        outputs, states = decoder.finalize(outputs, states, lengths)
    if not output_time_major:
        outputs = _structures.map_structure(_swap_batch_time, outputs)
    if return_length:
        return outputs, states, lengths
    return outputs, states


def _decode_step(decoder, time, inputs, states, finished, lengths, impute_finished, kwargs):
    """One step of dynamic_decode: (outputs, states, inputs, finished,
    lengths) after it."""
    outputs, next_states, next_inputs, next_finished = decoder.step(time, inputs, states,
                                                                    **kwargs)
    if decoder.tracks_own_finished:
        next_lengths = next_states.lengths
    else:
        # Paddle assigns the new flags into `finished` first: the lengths and
        # the imputed states read them.
        next_finished = _functional.logical_or(next_finished, finished)
        next_lengths = lengths + _functional.cast(_functional.logical_not(next_finished),
                                                  "int64")
        if impute_finished:
            next_states = _structures.map_structure(
                lambda old, new: _kept_where_finished(old, new, next_finished), states,
                next_states)
    return outputs, next_states, next_inputs, next_finished, next_lengths


def _kept_where_finished(state, new_state, finished):
    """Paddle's _maybe_copy: the old state where the sequence had finished."""
    dtype = state.dtype
    if dtype == "bool":
        state, new_state = _functional.cast(state, "float32"), _functional.cast(new_state,
                                                                                "float32")
    mask = _functional.unsqueeze(_functional.cast(finished, state.dtype), [1])
    kept = state * mask - new_state * (mask - 1)
    return _functional.cast(kept, dtype) if dtype == "bool" else kept


"""paddle.io: datasets, samplers and the DataLoader that batches samples into
tensors, as Paddle's (`python/paddle/io/dataloader`): the same classes,
arguments, batching rules (default_collate_fn stacks arrays, tensors and
numbers field by field, keeps strings as lists, recurses into dicts and
sequences) and batch counts. Loading runs in the calling process:
`num_workers` and the buffering arguments are accepted and change nothing
(get_worker_info() is None, as in Paddle's main process)."""
from __future__ import annotations

import bisect
import itertools
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

import numpy as np

from .eager.functional import stack
from .eager.primitives import to_tensor
from .eager.tensor import Tensor

__all__ = ["BatchSampler", "ChainDataset", "ComposeDataset", "ConcatDataset", "DataLoader",
           "Dataset", "DistributedBatchSampler", "IterableDataset", "RandomSampler", "Sampler",
           "SequenceSampler", "Subset", "SubsetRandomSampler", "TensorDataset",
           "WeightedRandomSampler", "default_collate_fn", "default_convert_fn",
           "get_worker_info", "random_split"]

T = TypeVar("T")


class Dataset(Generic[T]):
    """A map-style dataset: `__getitem__(index)` and `__len__`."""

    def __getitem__(self, index: int) -> T:
        raise NotImplementedError(f"'{type(self).__name__}' does not implement __getitem__")

    def __len__(self) -> int:
        raise NotImplementedError(f"'{type(self).__name__}' does not implement __len__")


class IterableDataset(Dataset[T]):
    """A dataset of samples read by iterating it (`__iter__`)."""

    def __iter__(self) -> Iterator[T]:
        raise NotImplementedError(f"'{type(self).__name__}' does not implement __iter__")

    def __getitem__(self, index: int) -> T:
        raise RuntimeError(f"'{type(self).__name__}' should not call __getitem__")

    def __len__(self) -> int:
        raise RuntimeError(f"'{type(self).__name__}' should not call __len__")


class TensorDataset(Dataset[tuple]):
    """The i-th rows of the tensors (all of one length) as a sample."""

    def __init__(self, tensors: Sequence[Tensor]) -> None:
        if any(t.shape[0] != tensors[0].shape[0] for t in tensors):
            raise ValueError("tensors not have same shape of the 1st dimension")
        self.tensors = list(tensors)

    def __getitem__(self, index: int) -> tuple:
        return tuple(t[index] for t in self.tensors)

    def __len__(self) -> int:
        return self.tensors[0].shape[0]


def _fields(sample: Any) -> tuple:
    return tuple(sample) if isinstance(sample, (list, tuple)) else (sample,)


class ComposeDataset(Dataset[tuple]):
    """The fields of the i-th samples of several datasets of one length,
    joined into one sample."""

    def __init__(self, datasets: Sequence[Dataset]) -> None:
        self.datasets = list(datasets)
        if not self.datasets:
            raise ValueError("input datasets should not be empty")
        for d in self.datasets:
            if isinstance(d, IterableDataset):
                raise TypeError("ComposeDataset should only be constructed with map-style "
                                "Dataset, not IterableDataset")
            if len(d) != len(self.datasets[0]):
                raise ValueError("lengths of datasets should be same")

    def __len__(self) -> int:
        return len(self.datasets[0])

    def __getitem__(self, index: int) -> tuple:
        return tuple(itertools.chain.from_iterable(_fields(d[index]) for d in self.datasets))


class ChainDataset(IterableDataset[Any]):
    """The samples of several iterable datasets, one after the other."""

    def __init__(self, datasets: Sequence[IterableDataset]) -> None:
        self.datasets = list(datasets)
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise TypeError(f"ChainDataset only support paddle.io.IterableDataset, but got "
                                f"{type(d)}")

    def __iter__(self) -> Iterator[Any]:
        for d in self.datasets:
            yield from d


class ConcatDataset(Dataset[Any]):
    """The samples of several map-style datasets, one after the other."""

    def __init__(self, datasets: Iterable[Dataset]) -> None:
        self.datasets = list(datasets)
        if not self.datasets:
            raise ValueError("datasets should not be an empty iterable")
        for d in self.datasets:
            if isinstance(d, IterableDataset):
                raise ValueError("ConcatDataset does not support IterableDataset")
        self.cumulative_sizes = list(itertools.accumulate(len(d) for d in self.datasets))

    def __len__(self) -> int:
        return self.cumulative_sizes[-1]

    def __getitem__(self, index: int) -> Any:
        if index < 0:
            if -index > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            index += len(self)
        which = bisect.bisect_right(self.cumulative_sizes, index)
        start = self.cumulative_sizes[which - 1] if which > 0 else 0
        return self.datasets[which][index - start]


class Subset(Dataset[T]):
    """The samples of `dataset` at `indices`."""

    def __init__(self, dataset: Dataset[T], indices: Sequence[int]) -> None:
        self.dataset, self.indices = dataset, indices

    def __getitem__(self, index: int) -> T:
        return self.dataset[self.indices[index]]

    def __len__(self) -> int:
        return len(self.indices)


def random_split(dataset: Dataset[T], lengths: Sequence[float], generator: Any = None
                 ) -> list[Subset[T]]:
    """Disjoint random subsets of the given lengths (or fractions of the
    dataset, the remainder spread one by one from the first)."""
    n = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        sizes = [int(math.floor(n * f)) for f in lengths]
        for i in range(n - sum(sizes)):
            sizes[i % len(sizes)] += 1
    else:
        sizes = [int(length) for length in lengths]
    if sum(sizes) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    order = np.random.permutation(n).tolist()
    return [Subset(dataset, order[end - size:end])
            for size, end in zip(sizes, itertools.accumulate(sizes))]


class Sampler:
    """An iterable of dataset indices."""

    def __init__(self, data_source: Any = None) -> None:
        self.data_source = data_source

    def __iter__(self) -> Iterator[int]:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self.data_source)


class SequenceSampler(Sampler):
    """0, 1, ..., len(data_source) - 1."""

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self.data_source)))


class RandomSampler(Sampler):
    """The indices in random order (with `replacement`: num_samples draws)."""

    def __init__(self, data_source: Any, replacement: bool = False,
                 num_samples: int | None = None, generator: Any = None) -> None:
        super().__init__(data_source)
        if not replacement and num_samples is not None:
            raise ValueError("num_samples should not be specified while replacement is False")
        self.replacement, self._num_samples, self.generator = replacement, num_samples, generator

    @property
    def num_samples(self) -> int:
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self) -> Iterator[int]:
        n = len(self.data_source)
        if self.generator is not None:
            for _ in range(self.num_samples):
                yield next(self.generator)
        elif self.replacement:
            yield from np.random.randint(0, n, size=self.num_samples).tolist()
        else:
            yield from np.random.permutation(n).tolist()

    def __len__(self) -> int:
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """The given indices in random order."""

    def __init__(self, indices: Sequence[int]) -> None:
        super().__init__(indices)
        if len(indices) == 0:
            raise ValueError("The length of `indices` in SubsetRandomSampler should be greater "
                             "than 0.")
        self.indices = indices

    def __iter__(self) -> Iterator[int]:
        for i in np.random.permutation(len(self.indices)):
            yield self.indices[i]

    def __len__(self) -> int:
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """num_samples indices drawn with the probabilities of `weights`."""

    def __init__(self, weights: Any, num_samples: int, replacement: bool = True) -> None:
        super().__init__(None)
        weights = np.asarray(weights,
                             np.float64)
        if weights.ndim != 1:
            raise ValueError("weights should be a 1-D array")
        if not replacement and num_samples > weights.size:
            raise ValueError("num_samples should be smaller than or equal to the number of "
                             "weights without replacement")
        self.weights, self.num_samples, self.replacement = weights, num_samples, replacement

    def __iter__(self) -> Iterator[int]:
        p = self.weights / self.weights.sum()
        yield from np.random.choice(self.weights.size, self.num_samples, self.replacement,
                                    p).tolist()

    def __len__(self) -> int:
        return self.num_samples


def _grouped(items: Iterable[Any], size: int, drop_last: bool) -> Iterator[list]:
    """`items` in lists of `size`, the last one shorter unless `drop_last`."""
    group: list = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group and not drop_last:
        yield group


class BatchSampler(Sampler):
    """Lists of `batch_size` indices from `sampler` (or from the dataset's
    indices, shuffled with `shuffle`); the last one shorter unless
    `drop_last`."""

    def __init__(self, dataset: Any = None, sampler: Any = None, shuffle: bool = False,
                 batch_size: int = 1, drop_last: bool = False) -> None:
        if (dataset is None) == (sampler is None):
            raise ValueError("either dataset or sampler should be set")
        if not isinstance(batch_size, int) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer, but got {batch_size}")
        if sampler is not None and shuffle:
            raise ValueError("shuffle should be False when sampler is set")
        if sampler is None:
            sampler = RandomSampler(dataset) if shuffle else SequenceSampler(dataset)
        super().__init__(dataset)
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last
        self.shuffle = shuffle

    def __iter__(self) -> Iterator[list[int]]:  # type: ignore[override]
        return _grouped(self.sampler, self.batch_size, self.drop_last)

    def __len__(self) -> int:
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)


class DistributedBatchSampler(BatchSampler):
    """A BatchSampler over this process's share of the dataset: in one
    process (dy2st's), all of it."""

    def __init__(self, dataset: Any, batch_size: int, num_replicas: int | None = None,
                 rank: int | None = None, shuffle: bool = False,
                 drop_last: bool = False) -> None:
        if num_replicas not in (None, 1) or rank not in (None, 0):
            raise ValueError("dy2st runs in one process: num_replicas 1 and rank 0")
        super().__init__(dataset, shuffle=shuffle, batch_size=batch_size, drop_last=drop_last)
        self.nranks, self.local_rank, self.epoch = 1, 0, 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch


def default_collate_fn(batch: list) -> Any:
    """The samples of a batch joined field by field: arrays, tensors and
    numbers stacked (numbers into numpy arrays), strings kept as a list,
    dicts and sequences recursed into."""
    sample = batch[0]
    if isinstance(sample, np.ndarray):
        return np.stack(batch, axis=0)
    if isinstance(sample, Tensor):
        return stack(batch, axis=0)
    if isinstance(sample, numbers.Number):
        return np.array(batch)
    if isinstance(sample, (str, bytes)):
        return batch
    if isinstance(sample, Mapping):
        return {key: default_collate_fn([d[key] for d in batch]) for key in sample}
    if isinstance(sample, Sequence):
        if not all(len(s) == len(sample) for s in batch):
            raise RuntimeError("fields number not same among samples in a batch")
        return [default_collate_fn(list(fields)) for fields in zip(*batch)]
    raise TypeError(f"batch data con only contains: tensor, numpy.ndarray, dict, list, "
                    f"number, but got {type(sample)}")


def default_convert_fn(batch: Any) -> Any:
    """A sample as it is (the collate function without batching)."""
    if isinstance(batch, (Tensor, np.ndarray, str, bytes)):
        return batch
    if isinstance(batch, Mapping):
        return {key: default_convert_fn(batch[key]) for key in batch}
    if isinstance(batch, Sequence):
        return [default_convert_fn(d) for d in batch]
    return batch


def _as_tensors(value: Any) -> Any:
    """numpy arrays (also in dicts and lists) as tensors, as Paddle's loader
    gives them."""
    if isinstance(value, np.ndarray):
        return to_tensor(value)
    if isinstance(value, dict):
        return {k: _as_tensors(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_tensors(v) for v in value]
    return value


def get_worker_info() -> None:
    """None: samples are loaded in the calling process."""
    return None


class DataLoader:
    """Iterates `dataset` in batches: of `batch_size` samples in order (or
    shuffled), or as `batch_sampler` gives their indices; `collate_fn` joins
    a batch (default_collate_fn), arrays become tensors. batch_size=None
    gives the samples one by one (default_convert_fn)."""

    def __init__(self, dataset: Any, feed_list: Any = None, places: Any = None,
                 return_list: bool = True, batch_sampler: Any = None, batch_size: int | None = 1,
                 shuffle: bool = False, drop_last: bool = False,
                 collate_fn: Callable[[list], Any] | None = None, num_workers: int = 0,
                 use_buffer_reader: bool = True, reader_buffer_size: int = 2,
                 prefetch_factor: int = 2, use_shared_memory: bool = True, timeout: int = 0,
                 worker_init_fn: Callable[[int], None] | None = None,
                 persistent_workers: bool = False) -> None:
        if num_workers < 0:
            raise ValueError("num_workers should be a non-negative value")
        self.dataset, self.return_list = dataset, return_list
        self.collate_fn, self.num_workers = collate_fn, num_workers
        self._iterable = isinstance(dataset, IterableDataset)
        if self._iterable:
            if shuffle:
                raise ValueError(f"IterableDataset not support shuffle, but got shuffle={shuffle}")
            if batch_sampler is not None:
                raise ValueError("IterableDataset expect unspecified batch_sampler")
            self.batch_size, self.drop_last, self.batch_sampler = batch_size, drop_last, None
        elif batch_sampler is not None:
            if batch_size != 1 or shuffle or drop_last:
                raise ValueError("batch_size/shuffle/drop_last should not be set when "
                                 "batch_sampler is given")
            self.batch_sampler, self.batch_size, self.drop_last = batch_sampler, None, False
        elif batch_size is None:
            self.batch_sampler, self.batch_size, self.drop_last = None, None, False
        else:
            if not isinstance(batch_size, int) or batch_size <= 0:
                raise ValueError(f"batch_size should be None or a positive value, but got "
                                 f"{batch_size}")
            self.batch_sampler = BatchSampler(dataset, shuffle=shuffle, batch_size=batch_size,
                                              drop_last=drop_last)
            self.batch_size, self.drop_last = batch_size, drop_last

    def __len__(self) -> int:
        if self._iterable:
            raise ValueError("length of IterableDataset not supported")
        if self.batch_sampler is None:
            return len(self.dataset)
        return len(self.batch_sampler)

    def _batches(self) -> Iterator[list]:
        if self._iterable:
            if self.batch_size is None:
                yield from self.dataset
            else:
                yield from _grouped(self.dataset, self.batch_size, self.drop_last)
        elif self.batch_sampler is None:
            for i in range(len(self.dataset)):
                yield self.dataset[i]
        else:
            for indices in self.batch_sampler:
                yield [self.dataset[i] for i in indices]

    def __iter__(self) -> Iterator[Any]:
        batched = self.batch_size is not None or self.batch_sampler is not None
        join = self.collate_fn or (default_collate_fn if batched else default_convert_fn)
        for batch in self._batches():
            yield _as_tensors(join(batch))

    def __call__(self) -> Iterator[Any]:
        return self.__iter__()

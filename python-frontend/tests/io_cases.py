"""paddle.io loaders written once against Paddle's API, run by real Paddle
(paddle_io_child.py) and by dy2st (test_io.py): each loader's batches,
flattened to (path, dtype, value) leaves."""
import numpy as np


def leaves(value, path="", out=None):
    """(path, kind, dtype, value) of each leaf of a batch: tensors as numpy."""
    out = [] if out is None else out
    if isinstance(value, dict):
        for k in sorted(value):
            leaves(value[k], f"{path}.{k}", out)
    elif isinstance(value, (list, tuple)):
        out.append((path, type(value).__name__, "", len(value)))
        for i, v in enumerate(value):
            leaves(v, f"{path}[{i}]", out)
    elif isinstance(value, np.generic):
        out.append((path, type(value).__name__, "", value.item()))
    elif hasattr(value, "numpy"):
        array = value.numpy()
        out.append((path, "tensor", str(array.dtype), array.tolist()))
    else:
        out.append((path, type(value).__name__, "", value))
    return out


def run(paddle):
    io = paddle.io

    class Records(io.Dataset):
        """Samples of arrays, numpy and Python numbers, strings and dicts."""

        def __init__(self, n=5):
            self.x = np.arange(n * 2, dtype="float32").reshape(n, 2)

        def __getitem__(self, i):
            return self.x[i], np.int64(i), {"twice": self.x[i] * 2, "meta": [i, float(i)]}, \
                f"s{i}", i % 2 == 0

        def __len__(self):
            return len(self.x)

    class Stream(io.IterableDataset):
        def __iter__(self):
            for i in range(5):
                yield np.full([2], i, "float32")

    tensors = io.TensorDataset([paddle.to_tensor(np.arange(6).reshape(3, 2)),
                                paddle.to_tensor([1.0, 2.0, 3.0])])
    loaders = {
        "records": io.DataLoader(Records(), batch_size=2),
        "records_drop_last": io.DataLoader(Records(), batch_size=2, drop_last=True),
        "unbatched": io.DataLoader(Records(3), batch_size=None),
        "tensors": io.DataLoader(tensors, batch_size=2),
        "stream": io.DataLoader(Stream(), batch_size=2),
        "stream_drop_last": io.DataLoader(Stream(), batch_size=2, drop_last=True),
        "collate": io.DataLoader(Records(4), batch_size=3,
                                 collate_fn=lambda s: (np.stack([r[0] for r in s]),
                                                       [r[1] for r in s])),
        "batch_sampler": io.DataLoader(
            tensors, batch_sampler=io.BatchSampler(sampler=io.SequenceSampler(tensors),
                                                   batch_size=2, drop_last=True)),
        "compose": io.DataLoader(io.ComposeDataset([tensors, tensors]), batch_size=3),
        "concat": io.DataLoader(io.ConcatDataset([tensors, io.Subset(tensors, [2, 0])]),
                                batch_size=4),
        "chain": io.DataLoader(io.ChainDataset([Stream(), Stream()]), batch_size=4),
    }
    out = {}
    for name, loader in loaders.items():
        batches = [b for b in loader]  # list() asks len(), an error for iterable datasets
        out[name] = [leaves(b) for b in batches]
        if not name.startswith("stream") and name != "chain":
            out[name + "/len"] = len(loader)
    shuffled = io.DataLoader(Records(7), batch_size=3, shuffle=True)
    out["shuffled/len"] = len(shuffled)
    out["shuffled/sizes"] = [len(b[1].numpy()) for b in shuffled]
    out["shuffled/ids"] = sorted(i for b in shuffled for i in b[1].numpy().tolist())
    parts = io.random_split(Records(10), [0.5, 0.3, 0.2])
    out["split/sizes"] = [len(p) for p in parts]
    out["split/ids"] = sorted(int(p[i][1]) for p in parts for i in range(len(p)))
    out["worker_info"] = repr(io.get_worker_info())
    return out

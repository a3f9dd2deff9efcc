"""Compiled programs kept on disk between processes (jit.set_disk_cache):
a second process reads what the first compiled and computes the same; a
damaged or hostile file is never trusted (compiled again, never a crash);
programs that call back into Python are not kept; the folder stays within
its size."""
import hashlib
import json
import pathlib
import struct

import pytest

from test_package import ENV, run_script

PROGRAM = """
import numpy as np
import paddle
paddle.jit.set_verbosity(1)
{setup}
@paddle.jit.to_static
def f(x, n):
    s = x
    for i in range(n):
        if paddle.sum(s) > 100:
            s = s * 0.5
        else:
            s = s + x
    # A string chosen at run time and one known when compiling.
    return s, "done" if paddle.sum(s) > 0 else "empty", {{"rows": s.shape[0], "kind": "sum"}}
out = f(paddle.to_tensor(np.arange(4, dtype="float32")), {n})
print(out[0].numpy().tolist(), out[1], out[2])
print("stages:", "llvm.func" in f.mlir("llvm"), "pydy.func" in f.mlir("pydy"))
"""
# s = (n + 1) * x while its sum, 6 (n + 1), stays under 100.
EXPECTED = "[0.0, 8.0, 16.0, 24.0] done {'rows': 4, 'kind': 'sum'}"


def run(tmp_path, cache, n=7, setup=""):
    env = dict(ENV, DY2ST_DISK_CACHE=str(cache))
    done = run_script(PROGRAM.format(setup=setup, n=n), tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    return done


def programs(cache):
    return sorted(pathlib.Path(cache).glob("*.program"))


def test_a_second_process_reads_what_the_first_compiled(tmp_path):
    cache = tmp_path / "cache"
    first = run(tmp_path, cache)
    assert EXPECTED in first.stdout and "stages: True True" in first.stdout
    assert "dy2st: compiled f(" in first.stderr and "disk cache" not in first.stderr
    assert len(programs(cache)) == 1
    second = run(tmp_path, cache)
    assert EXPECTED in second.stdout and "stages: True True" in second.stdout
    assert "(read from the disk cache)" in second.stderr
    # Another signature (n is compiled in) is another program.
    run(tmp_path, cache, n=3)
    assert len(programs(cache)) == 2


# A function of 40 statements, each a few loop nests: LLVM compiles it in parts.
LARGE = """
import numpy as np
import paddle
paddle.jit.set_verbosity(1)
@paddle.jit.to_static
def f(x):
{body}
    return x.sum()
out = f(paddle.to_tensor(np.linspace(-1, 1, 64, dtype="float32")))
print("sum", round(float(out), 3), "objects", f._last.object_count)
""".format(body="\n".join(f"    x = paddle.tanh(x * {k + 1.5}).cumsum(0) + x[::-1] / {k + 2}"
                          for k in range(40)))


def test_a_large_program_compiled_in_parts_is_kept_and_read_back(tmp_path):
    """Its object files (one per part LLVM compiled on its own thread) are
    stored and linked again from the disk."""
    env = dict(ENV, DY2ST_DISK_CACHE=str(tmp_path / "cache"))
    first = run_script(LARGE, tmp_path, env=env)
    assert first.returncode == 0, first.stderr
    objects = int(first.stdout.split()[-1])
    assert objects > 1 and "disk cache" not in first.stderr
    second = run_script(LARGE, tmp_path, env=env)
    assert second.returncode == 0, second.stderr
    assert "(read from the disk cache)" in second.stderr
    assert second.stdout == first.stdout


def rewrite(path, mutate):
    data = bytearray(path.read_bytes())
    path.write_bytes(bytes(mutate(data)))


def resigned(data, edit_description):
    """The file with its description edited and the checksum made right
    again, as a hostile writer would."""
    magic = b"dy2st-program 2\n"
    body = bytes(data[len(magic) + 32:])
    (length,) = struct.unpack("<Q", body[:8])
    description = edit_description(json.loads(body[8:8 + length]))
    text = description if isinstance(description, bytes) else json.dumps(description).encode()
    body = struct.pack("<Q", len(text)) + text + body[8 + length:]
    return magic + hashlib.sha256(body).digest() + body


def deep(n):
    return '{"list": [' * n + "null" + "]}" * n


@pytest.mark.parametrize("mutate", [
    lambda d: d[:len(d) // 2],                                        # truncated
    lambda d: d[:10],
    lambda d: d[:-1] + bytes([d[-1] ^ 1]),                            # a flipped bit
    lambda d: b"garbage",
    lambda d: resigned(d, lambda j: {**j, "inputs": [{"kind": "tensor"}]}),
    lambda d: resigned(d, lambda j: {**j, "results": "many"}),
    lambda d: resigned(d, lambda j: {**j, "result_structure": deep(200000)}),
    lambda d: resigned(d, lambda j: deep(200000).encode()),
    lambda d: resigned(d, lambda j: {**j, "result_structure": "{"}),
    lambda d: resigned(d, lambda j: {**j, "entry": 7}),
    lambda d: resigned(d, lambda j: {**j, "inputs": [{"kind": "tensor", "dtype": "int8",
                                                      "shape": [], "description": ""}]}),
    lambda d: resigned(d, lambda j: {**j, "inputs": [{"kind": "int", "dtype": "int64",
                                                      "shape": [-3], "description": ""}]}),
    lambda d: resigned(d, lambda j: {**j, "object_sizes": [2 ** 40]}),
    lambda d: resigned(d, lambda j: {**j, "object_sizes": [-1, 5]}),
    lambda d: resigned(d, lambda j: {**j, "object_sizes": [j["object_sizes"][0] - 1]}),
    lambda d: resigned(d, lambda j: {**j, "object_sizes": []}),
    lambda d: resigned(d, lambda j: {**j, "result_structure": '{"text_choice": []}'}),
    lambda d: resigned(d, lambda j: {**j, "result_structure": '{"text_choice": ["a", 1]}'}),
], ids=["half", "header", "bit", "garbage", "slot-fields", "results-kind", "deep-structure", "deep-description",
        "bad-structure", "entry-kind", "dtype", "shape", "object-too-large", "object-negative",
        "bytes-after-objects", "no-objects", "no-text-choices", "text-choice-kind"])
def test_a_damaged_or_hostile_file_is_compiled_again(tmp_path, mutate):
    cache = tmp_path / "cache"
    run(tmp_path, cache)
    (path,) = programs(cache)
    rewrite(path, mutate)
    again = run(tmp_path, cache)
    assert EXPECTED in again.stdout
    assert "disk cache" not in again.stderr
    assert "disk cache" in run(tmp_path, cache).stderr  # the file was written anew


def test_an_entry_the_object_lacks_is_compiled_again(tmp_path):
    cache = tmp_path / "cache"
    run(tmp_path, cache)
    (path,) = programs(cache)
    rewrite(path, lambda d: resigned(d, lambda j: {**j, "entry": "no_such_symbol"}))
    assert EXPECTED in run(tmp_path, cache).stdout


def test_programs_that_call_python_are_not_kept(tmp_path):
    cache = tmp_path / "cache"
    code = ("import paddle\n"
            "@paddle.jit.not_to_static\ndef note(x):\n    print('noted', x.shape)\n"
            "@paddle.jit.to_static\ndef f(x):\n    note(x)\n    return x + 1\n"
            "print(f(paddle.to_tensor([1.0, 2.0])).numpy())\n")
    done = run_script(code, tmp_path, env=dict(ENV, DY2ST_DISK_CACHE=str(cache)))
    assert done.returncode == 0, done.stderr
    assert "noted [2]" in done.stdout
    assert programs(cache) == []


def test_no_cache_when_turned_off(tmp_path):
    cache = tmp_path / "cache"
    run(tmp_path, cache, setup="paddle.jit.set_disk_cache('')")
    assert not cache.exists()
    run(tmp_path, "")
    run(tmp_path, "0")
    assert not (tmp_path / "0").exists()


def test_the_folder_keeps_within_its_size(tmp_path):
    cache = tmp_path / "cache"
    for n in (2, 3, 4):
        run(tmp_path, cache, n=n, setup=f"paddle.jit.set_disk_cache({str(cache)!r}, 0.01)")
    # Each program is larger than 10 kB: only the last one written stays.
    assert len(programs(cache)) == 1
    assert "disk cache" in run(tmp_path, cache, n=4).stderr


def test_set_disk_cache_checks_its_size_and_returns_the_previous_folder(tmp_path):
    done = run_script("import paddle\n"
                      f"print(paddle.jit.set_disk_cache({str(tmp_path / 'a')!r}))\n"
                      "print(paddle.jit.set_disk_cache(''))\n"
                      "try:\n    paddle.jit.set_disk_cache(None, 0)\n"
                      "except ValueError as e:\n    print('ValueError', e)\n",
                      tmp_path, env=dict(ENV, DY2ST_DISK_CACHE=str(tmp_path / "env")))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(tmp_path / "env"), str(tmp_path / "a"),
                                        "ValueError set_disk_cache() needs a positive size, not 0"]

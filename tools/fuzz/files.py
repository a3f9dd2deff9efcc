"""dy2st's file fuzzer: mutated copies of a valid saved model (.pdmodel,
.pdiparams) and of its .npy argument, each loaded and called by jit.load and
by dy2st-run in child processes. Files read from disk are untrusted: every
outcome must be a result or a clean error (an exception of the kinds a bad
file or program raises, or dy2st-run's message and exit status 1), never a
signal, a hang, an internal exception or "a bug in dy2st".

    /usr/bin/python3 tools/fuzz/files.py --seed 0 --count 300 [--jobs 2] [--out DIR]

Mutations: bytes flipped, ranges cut, doubled or truncated anywhere; the
program's text edited (numbers, types, op names, lines) and signed again, so
that its checksum holds and the parser, verifier and passes see it; header
fields set to hostile JSON; parameter archives rebuilt around hostile .npy
members (shape, dtype, order, data length) or with hostile tar headers.
Exits 0 when every mutant was handled cleanly, 1 otherwise (the findings are
kept in --out)."""
import argparse
import concurrent.futures
import hashlib
import io
import json
import pathlib
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from fuzz import child_environment  # noqa: E402 (the same children's environment)
HEADER = "// dy2st-model: "

# What each phase of jit.load and a call may raise on a bad file: loading,
# ValueError naming the file; the call of a (re-signed) program, its compile
# error or a runtime error the program raises. The harness's own np.load of
# the argument is numpy's business: any exception.
CLEAN_ERRORS = {
    "load": {"ValueError"},
    "call": {"Dy2StError", "ValueError", "IndexError", "OverflowError", "MemoryError",
             "ZeroDivisionError", "AssertionError", "RecursionError", "UnboundLocalError"},
}

SAVE_MODEL = """
import sys
import dy2st as paddle
import numpy as np
from dy2st.static import InputSpec


class Net(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc = paddle.nn.Linear(4, 3)
        self.steps = 2

    def forward(self, x):
        y = self.fc(x)
        if y.sum() > 0:
            y = y * 2.0
        i = 0
        while i < self.steps:
            y = paddle.concat([y, x[:, :3]], axis=0)
            i += 1
        return y.mean(axis=0), y[-1]


paddle.seed(1)
paddle.jit.save(Net(), sys.argv[1], input_spec=[InputSpec([None, 4], "float32", "x")])
np.save(sys.argv[2], np.arange(8, dtype=np.float32).reshape(2, 4))
"""

LOAD_AND_CALL = """
import sys
import dy2st as paddle
import numpy as np

phase = "load"
try:
    model = paddle.jit.load(sys.argv[1])
    phase = "input"
    x = paddle.to_tensor(np.load(sys.argv[2], allow_pickle=False))
    phase = "call"
    model(x)
    print("outcome: ok")
except Exception as e:
    print("outcome:", phase, type(e).__name__, str(e).replace("\\n", " ")[:400])
"""

EDGE_NUMBERS = ["0", "-1", "1", "3", "2147483648", "9223372036854775807", "-9223372036854775808",
                "18446744073709551616", "1000000000000", "1e30", "nan"]
TYPES = ["f32", "f64", "i1", "i32", "i64", "index", "!pydy.object", "tensor<?x4xf32>",
         "tensor<0x4xf32>", "tensor<4xf32>", "tensor<*xf32>", "tensor<2x3xi64>", "none"]
HOSTILE_JSON = [None, True, -1, 0, 2 ** 63, 1e308, "", "forward", "x" * 300, [], [-1], [0, 0],
                [10 ** 20], ["x"], [[1]], {"a": 1}, ["tensor<99999999999x4xf32>"],
                ["tensor<?x4xf32"], ["i64"], ["!pydy.object"], list(range(300))]
HEADER_FIELDS = ["format", "version", "entry", "inputs", "input_types", "params", "numbers",
                 "state", "sha256", "results"]
NPY_DESCRS = ["<f4", "<f8", "<i4", "<i8", "|b1", ">f4", "<c8", "|O", "<U3", "<f2", "bogus"]
NPY_SHAPES = ["()", "(3,)", "(0, 4)", "(4, 3)", "(3, 4)", "(4, 3, 1)", "(99999999999, 4)",
              "(-1, 3)", "(18446744073709551617,)", "(4611686018427387904, 4)", "(1,) * 40", "x"]


def dy2st_run():
    return pathlib.Path(child_environment()["DY2ST_BUILD_DIR"]) / "bin" / "dy2st-run"


# Mutations ------------------------------------------------------------------

def sign(text):
    """`text` with its header's checksum made to match its program again."""
    first, _, body = text.partition("\n")
    if not first.startswith(HEADER):
        return text
    try:
        meta = json.loads(first[len(HEADER):])
    except json.JSONDecodeError:
        return text
    if isinstance(meta, dict):
        meta["sha256"] = hashlib.sha256(body.encode()).hexdigest()
        first = HEADER + json.dumps(meta)
    return first + "\n" + body


def mutate_bytes(rng, data):
    data = bytearray(data)
    kind = rng.choice(["flip", "cut", "double", "truncate"])
    if not data:
        return bytes(data), kind
    at = rng.randrange(len(data))
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "cut":
        del data[at:at + rng.randint(1, 64)]
    elif kind == "double":
        data[at:at] = data[at:at + rng.randint(1, 64)]
    else:
        del data[at:]
    return bytes(data), f"bytes {kind} at {at}"


def mutate_program(rng, text):
    """The program's text edited, then signed again."""
    first, _, body = text.partition("\n")
    lines = body.split("\n")
    kind = rng.choice(["number", "type", "op", "delete", "duplicate", "swap", "nest"])
    i = rng.randrange(len(lines))
    line = lines[i]
    if kind == "number" and re.search(r"\b\d+\b", line):
        spots = list(re.finditer(r"\b\d+\b", line))
        m = rng.choice(spots)
        lines[i] = line[:m.start()] + rng.choice(EDGE_NUMBERS) + line[m.end():]
    elif kind == "type":
        known = [t for t in TYPES if t in line]
        if known:
            lines[i] = line.replace(rng.choice(known), rng.choice(TYPES), 1)
    elif kind == "op":
        ops = sorted(set(re.findall(r"\b(?:pydy|tensor_array|arith|scf|tensor|linalg)\.\w+",
                                    body)))
        mine = re.findall(r"\b(?:pydy|tensor_array|arith|scf|tensor|linalg)\.\w+", line)
        if mine and ops:
            lines[i] = line.replace(rng.choice(mine), rng.choice(ops), 1)
    elif kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, line)
    elif kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        depth = rng.choice([10, 200, 2000])
        lines.insert(i, "scf.execute_region {" * depth + "}" * depth)
    return sign(first + "\n" + "\n".join(lines)), f"program {kind} at line {i + 2}"


def mutate_header(rng, text):
    first, _, body = text.partition("\n")
    meta = json.loads(first[len(HEADER):])
    field = rng.choice(HEADER_FIELDS)
    if rng.random() < 0.2:
        meta.pop(field, None)
        what = f"header without {field}"
    else:
        meta[field] = rng.choice(HOSTILE_JSON)
        what = f"header {field} = {json.dumps(meta[field])[:60]}"
    text = HEADER + json.dumps(meta) + "\n" + body
    return (sign(text) if field != "sha256" else text), what


def npy_bytes(descr, shape, data, fortran=False):
    header = f"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}"
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + data


def mutate_npy(rng, data):
    """A .npy with a hostile header or data length (or its bytes mutated)."""
    kind = rng.choice(["descr", "shape", "fortran", "data", "version", "bytes"])
    payload = data[data.index(b"\n") + 1:] if b"\n" in data else data
    descr, shape = "<f4", "(2, 4)"
    if kind == "descr":
        descr = rng.choice(NPY_DESCRS)
    elif kind == "shape":
        shape = rng.choice(NPY_SHAPES)
    elif kind == "data":
        payload = payload[:rng.randrange(len(payload) + 1)] + b"\0" * rng.choice([0, 4, 64])
    elif kind == "version":
        made = bytearray(npy_bytes(descr, shape, payload))
        made[6] = rng.choice([0, 2, 3, 9])
        return bytes(made), "npy version"
    elif kind == "bytes":
        return mutate_bytes(rng, data)
    return npy_bytes(descr, shape, payload, fortran=kind == "fortran"), \
        f"npy {kind} {descr} {shape}"


def mutate_archive(rng, data):
    """A parameter archive rebuilt around a hostile member, or one whose tar
    headers are edited."""
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]
    kind = rng.choice(["member", "name", "drop", "extra", "size"])
    i = rng.randrange(len(members))
    what = f"archive {kind} {i}"
    if kind == "member":
        members[i] = (members[i][0], mutate_npy(rng, members[i][1])[0])
    elif kind == "name":
        members[i] = (rng.choice(["x.npy", "-1.npy", "../0.npy", "7.npy", "0.txt", "00.npy",
                                  "99999999999999999999.npy", ""]), members[i][1])
    elif kind == "drop":
        del members[i]
    elif kind == "extra":
        members.append((f"{len(members)}.npy", members[i][1]))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, content in members:
            info = tarfile.TarInfo(name or "0.npy")
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    made = bytearray(buffer.getvalue())
    if kind == "size":
        # The octal size field of the first header (bytes 124..135).
        made[124:136] = rng.choice([b"77777777777\0", b"00000000000\0", b"99999999999\0",
                                    b"-0000000001\0", b"00000000001\0"])
        what += " field"
    return bytes(made), what


def mutant(seed, originals):
    """(files, description) of mutant `seed`: the originals with one of
    them mutated."""
    rng = random.Random(seed)
    files = dict(originals)
    target = rng.choice(["model", "model", "model", "params", "params", "input"])
    if target == "model":
        text = originals["m.pdmodel"].decode()
        how = rng.choice(["bytes", "program", "program", "header"])
        if how == "bytes":
            files["m.pdmodel"], what = mutate_bytes(rng, originals["m.pdmodel"])
            return files, "model " + what
        text, what = (mutate_program if how == "program" else mutate_header)(rng, text)
        files["m.pdmodel"] = text.encode()
        return files, what
    if target == "params":
        if rng.random() < 0.3:
            files["m.pdiparams"], what = mutate_bytes(rng, originals["m.pdiparams"])
            return files, "params " + what
        files["m.pdiparams"], what = mutate_archive(rng, originals["m.pdiparams"])
        return files, what
    files["x.npy"], what = mutate_npy(rng, originals["x.npy"])
    return files, "input " + what


# Running --------------------------------------------------------------------

def classify_python(run):
    if run.returncode != 0:
        return "crash", f"jit.load: exit code {run.returncode}: {run.stderr[-1200:]}"
    line = next((l for l in run.stdout.splitlines() if l.startswith("outcome:")), None)
    if line is None:
        return "crash", f"jit.load: no outcome: {run.stderr[-1200:]}"
    words = line.split()
    if words[1] == "ok":
        return "ok", ""
    phase, kind = words[1], words[2]
    if phase != "input" and (kind not in CLEAN_ERRORS[phase] or "a bug in dy2st" in line):
        return "internal", "jit.load: " + line
    return "clean", "jit.load: " + line


def classify_cli(run):
    text = run.stderr + run.stdout
    if run.returncode == 0:
        return "ok", ""
    if run.returncode != 1 or "Stack dump" in text or "PLEASE submit" in text:
        return "crash", f"dy2st-run: exit code {run.returncode}: {text[-1200:]}"
    if "a bug in dy2st" in text or not text.strip():
        return "internal", "dy2st-run: " + text[-600:]
    return "clean", "dy2st-run: " + text[-300:]


def run_mutant(folder, files, timeout):
    """The worse of the two readers' verdicts on the files in `folder`.

    An edited program may loop for ever, as its Python would (a deleted
    `i += 1`): dy2st-run prints the compiled module (--print-ir=llvm) before
    it runs it, so a hang after that is the program's ("loops", not a
    finding), and jit.load's hang on the same files is taken to be too."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
    model, x = str(folder / "m"), str(folder / "x.npy")
    verdicts = []
    for name, command, classify in (
            ("dy2st-run", [str(dy2st_run()), model + ".pdmodel", "--arg", x, "--print-ir=llvm"],
             classify_cli),
            ("jit.load", [sys.executable, "-c", LOAD_AND_CALL, model, x], classify_python)):
        try:
            run = subprocess.run(command, capture_output=True, text=True, errors="replace",
                                 timeout=timeout, env=child_environment())
        except subprocess.TimeoutExpired as e:
            printed = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) \
                else e.stdout or ""
            if "llvm.func" in printed or (verdicts and verdicts[0][0] == "loops"):
                verdicts.append(("loops", f"{name}: the compiled program runs for ever"))
            else:
                verdicts.append(("hang", f"{name}: no answer within {timeout:.0f} s"))
            continue
        verdicts.append(classify(run))
    order = ["crash", "hang", "internal", "loops", "clean", "ok"]
    return min(verdicts, key=lambda v: order.index(v[0]))


def originals(folder):
    script = folder / "save_model.py"  # a file: dy2st reads the layer's source
    script.write_text(SAVE_MODEL)
    run = subprocess.run([sys.executable, str(script), str(folder / "m"),
                          str(folder / "x.npy")], capture_output=True, text=True,
                         env=child_environment())
    if run.returncode != 0:
        raise SystemExit("files.py: saving the model to mutate failed:\n" + run.stderr)
    return {name: (folder / name).read_bytes() for name in ("m.pdmodel", "m.pdiparams", "x.npy")}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0, help="the first mutant's seed")
    parser.add_argument("--count", type=int, default=100, help="how many mutants")
    parser.add_argument("--jobs", type=int, default=2, help="mutants at a time")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per reader")
    parser.add_argument("--out", help="where findings go (default: a temp folder)")
    args = parser.parse_args(argv)
    out = pathlib.Path(args.out or tempfile.mkdtemp(prefix="dy2st-files-"))
    out.mkdir(parents=True, exist_ok=True)
    base = originals(out)
    started = time.time()

    def one(seed):
        files, what = mutant(seed, base)
        folder = out / f"mutant_{seed}"
        verdict, detail = run_mutant(folder, files, args.timeout)
        if verdict in ("ok", "clean", "loops"):
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
        return seed, what, verdict, detail

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(one, range(args.seed, args.seed + args.count)))
    counts = {}
    for _, _, verdict, _ in results:
        counts[verdict] = counts.get(verdict, 0) + 1
    print(f"{len(results)} mutants (seeds {args.seed}..{args.seed + args.count - 1}) in "
          f"{time.time() - started:.0f} s: " +
          ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items())))
    findings = [r for r in results if r[2] not in ("ok", "clean", "loops")]
    for seed, what, verdict, detail in findings:
        print(f"\n{verdict}: mutant {seed} ({what}) in {out / f'mutant_{seed}'}\n  {detail}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

"""dy2st's differential fuzzer: random programs (programs.py) run eagerly (the
specification) and compiled, in child processes (child.py); every mismatch,
crash, hang or rejection is minimized (minimize.py) and kept.

    /usr/bin/python3 tools/fuzz/fuzz.py --seed 0 --count 200 [--jobs 2] [--out DIR]

Exits 0 when every program agreed, 1 otherwise (the findings are in --out,
each with the minimized program next to the original)."""
import argparse
import concurrent.futures
import json
import os
import pathlib
import queue
import re
import subprocess
import sys
import tempfile
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import minimize  # noqa: E402
import programs  # noqa: E402

ROOT = HERE.parents[1]


def child_environment():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "python-frontend"),
                                                      env.get("PYTHONPATH")]))
    env.setdefault("DY2ST_BUILD_DIR", str(ROOT / "build"))
    env.setdefault("OMP_NUM_THREADS", "1")
    # Candidates of the minimizer share a file name: stale bytecode would run
    # an older candidate eagerly.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _forward_lines(stream, lines):
    for line in stream:
        lines.put(line)
    lines.put(None)


def run_batch(paths, timeout):
    """{path: (verdict, detail)} for `paths`, run in as few children as
    possible: after a crash or a hang (no answer within `timeout` seconds for
    one program) the rest go to a new child."""
    results = {}
    pending = [str(p) for p in paths]
    while pending:
        command = [sys.executable, str(HERE / "child.py")] + pending
        errors = tempfile.TemporaryFile("w+")
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True,
                                 env=child_environment())
        lines = queue.Queue()
        threading.Thread(target=_forward_lines, args=(child.stdout, lines), daemon=True).start()
        hung = False
        while True:
            try:
                line = lines.get(timeout=timeout)
            except queue.Empty:
                hung = True
                child.kill()
                break
            if line is None:
                break
            if line.startswith("{"):
                record = json.loads(line)
                results[record["path"]] = (record["verdict"], record["detail"])
        code = child.wait()
        errors.seek(0)
        stderr = errors.read()
        errors.close()
        pending = [p for p in pending if p not in results]
        if pending:
            first = pending.pop(0)
            if hung:
                results[first] = ("hang", f"no answer within {timeout:.0f} s")
            else:
                results[first] = ("crash", f"exit code {code}: {stderr[-1500:]}")
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0, help="the first program's seed")
    parser.add_argument("--count", type=int, default=100, help="how many programs")
    parser.add_argument("--jobs", type=int, default=2, help="child processes at a time")
    parser.add_argument("--batch", type=int, default=25, help="programs per child process")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds a program may take (compiling and running it)")
    parser.add_argument("--out", help="where programs and findings go (default: a temp folder)")
    parser.add_argument("--no-minimize", action="store_true", help="keep findings as found")
    parser.add_argument("--minimize", metavar="PROGRAM",
                        help="only minimize this program file (a finding kept earlier)")
    args = parser.parse_args(argv)
    if args.minimize:
        return minimize_file(pathlib.Path(args.minimize), args.timeout)

    out = pathlib.Path(args.out or tempfile.mkdtemp(prefix="dy2st-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(args.seed, args.seed + args.count):
        path = out / f"program_{seed}.py"
        path.write_text(programs.generate(seed).source)
        paths.append(path)
    batches = [paths[i:i + args.batch] for i in range(0, len(paths), args.batch)]
    started = time.time()
    counts = {}
    findings = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        # Each batch is reported as it ends: a long run stopped early keeps
        # what it found.
        for batch, found in zip(batches, pool.map(lambda b: run_batch(b, args.timeout),
                                                  batches)):
            for path in batch:
                verdict, detail = found[str(path)]
                counts[verdict] = counts.get(verdict, 0) + 1
                if verdict == "agree":
                    path.unlink()
                else:
                    findings.append((path, verdict, detail))
                    print(f"{verdict}: {path}", flush=True)
            print(f"[{sum(counts.values())}/{len(paths)}] {time.time() - started:.0f} s", flush=True)
    print(f"{len(paths)} programs (seeds {args.seed}..{args.seed + args.count - 1}) in "
          f"{time.time() - started:.0f} s: " +
          ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items())))
    for path, verdict, detail in findings:
        print(f"\n{verdict}: {path}\n  {detail[:800]}")
        if not args.no_minimize:
            write_minimized(path, verdict, detail, args.timeout)
    print(f"\nprograms and findings in {out}")
    return 0 if not findings else 1


def minimize_file(path, timeout):
    """Minimizes the finding of one program file, next to it."""
    verdict, detail = run_batch([path], timeout)[str(path)]
    print(f"{verdict}: {path}\n  {detail[:800]}")
    if verdict == "agree":
        return 0
    write_minimized(path, verdict, detail, timeout)
    return 1


def write_minimized(path, verdict, detail, timeout):
    """Minimizes the finding (`verdict`, `detail`) of the program at `path`
    into `<name>_minimized.py` beside it; candidates run from a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="dy2st-minimize-") as scratch:
        small = minimize.minimize(path.read_text(), signature(verdict, detail),
                                  lambda source: check(source, pathlib.Path(scratch), timeout))
    small_path = path.with_name(path.stem + "_minimized.py")
    small_path.write_text(small)
    print(f"  minimized ({len(small.splitlines())} lines): {small_path}")


def signature(verdict, detail):
    """What a minimized program must keep of a finding: the verdict, and for
    a rejection its message, for a mismatch which side raised what."""
    if verdict == "rejected":
        message = detail.splitlines()[0] if detail else ""
        return verdict, re.sub(r"\d+", "#", re.sub(r'^.*?(line|column) \d+: ', "", message))
    if verdict == "mismatch":
        return verdict, tuple(re.findall(r"\('(value|raise)', '?(\w*)", detail))
    if verdict == "crash":
        return verdict, detail.split(":")[0]
    return verdict, ""


def check(source, out, timeout):
    """The signature of one candidate program's finding, in a child of its own."""
    path = out / "candidate.py"
    path.write_text(source)
    return signature(*run_batch([path], timeout)[str(path)])


if __name__ == "__main__":
    sys.exit(main())

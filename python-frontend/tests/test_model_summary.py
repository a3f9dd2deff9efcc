"""paddle.summary and paddle.flops print what real Paddle prints for the same
networks (summary_cases.py, each side in a fresh interpreter: layer names
count per process) and return the same counts."""
import os
import pathlib
import subprocess
import sys

import dy2st as paddle
from test_paddle_oracle import PYTHON, paddle_env, require_paddle

CASES = pathlib.Path(__file__).with_name("summary_cases.py")


def _printed(command, env):
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


def test_summary_and_flops_print_as_paddles():
    require_paddle()
    theirs = _printed([PYTHON, str(CASES)], paddle_env())
    ours = _printed([sys.executable, str(CASES), "--dy2st"], dict(os.environ))
    assert ours == theirs


def test_summary_counts_and_mode(capsys):
    net = paddle.nn.Sequential(paddle.nn.Linear(3, 4), paddle.nn.BatchNorm1D(4))
    counts = paddle.summary(net, (2, 3))
    assert counts == {"total_params": 16 + 8 + 8, "trainable_params": 16 + 8}
    assert net.training and "Linear-" in capsys.readouterr().out
    assert paddle.flops(net, [1, 3]) == 12

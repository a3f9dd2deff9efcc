"""The package as a user meets it: `import paddle` as written (the seed's
examples run verbatim, each in its own process), `python -m dy2st`, the
version, the translator's reports, saved models' files and names."""
import hashlib
import io
import json
import os
import pathlib
import re
import stat
import subprocess
import sys
import tarfile

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from test_layers_and_saving import (BUILD, FRONTEND, SEED_BRANCHING_FUNC, SEED_LAYER, SEED_SAVE,
                                    SEED_STATIC_RUN, SEED_TO_STATIC, SEED_TRACE,
                                    SEED_TRACED_LAYER, Gate)
from test_paddle_oracle import PYTHON as PADDLE_PYTHON, paddle_env, require_paddle

ENV = dict(os.environ, PYTHONPATH=os.path.abspath(FRONTEND), DY2ST_BUILD_DIR=os.path.abspath(BUILD))


def run_python(args, cwd, python=sys.executable, env=ENV, **kwargs):
    done = subprocess.run([python] + args, cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=600, **kwargs)
    return done


def run_script(code, cwd, env=ENV):
    """Runs `code` from a file (dy2st reads the source of what it converts)."""
    script = pathlib.Path(cwd) / "script.py"
    script.write_text(code)
    return run_python([str(script)], cwd, env=env)


@pytest.mark.parametrize("parts", [
    [SEED_TO_STATIC],
    [SEED_LAYER, SEED_SAVE],
    [SEED_TRACED_LAYER, SEED_TRACE, SEED_STATIC_RUN],
    [SEED_TO_STATIC, SEED_BRANCHING_FUNC,
     "_, traced = paddle.jit.TracedLayer.trace(func, inputs=[input_var])\n"],
], ids=["to_static", "save", "traced_layer", "branching_trace"])
def test_seed_examples_run_as_written_with_import_paddle(tmp_path, parts):
    import textwrap
    script = tmp_path / "example.py"
    script.write_text("".join(textwrap.dedent(p) for p in parts) + "print('ran')\n")
    done = run_python([str(script)], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ran")


def test_import_paddle_is_dy2st_with_its_submodules(tmp_path):
    code = ("import paddle, dy2st\nimport paddle.nn.functional as F\n"
            "from paddle.jit import to_static\nfrom paddle.static import InputSpec\n"
            "from paddle.jit.api import to_static as api_to_static\n"
            "from paddle.jit.translated_layer import INFER_MODEL_SUFFIX, INFER_PARAMS_SUFFIX\n"
            "assert paddle is dy2st and F is dy2st.nn.functional\n"
            "assert to_static is dy2st.jit.to_static and paddle.nn.Linear is dy2st.nn.Linear\n"
            "assert api_to_static is to_static\n"
            "assert (INFER_MODEL_SUFFIX, INFER_PARAMS_SUFFIX) == ('.pdmodel', '.pdiparams')\n"
            "print(paddle.__version__)\n")
    done = run_python(["-c", code], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == paddle.__version__


def test_import_paddle_never_shadows_a_real_paddle(tmp_path):
    require_paddle()
    done = run_python(["-c", "import paddle, paddle.nn; print(paddle.__file__); "
                             "print(paddle.nn.Linear.__module__)"], tmp_path, python=PADDLE_PYTHON,
                      env=dict(paddle_env(ENV), PYTHONPATH=ENV["PYTHONPATH"]))
    assert done.returncode == 0, done.stderr[-3000:]
    where, linear = done.stdout.split()
    assert not where.startswith(os.path.abspath(FRONTEND)), where
    assert linear.startswith("paddle.nn")


def test_python_m_dy2st_config_run_and_ir(tmp_path):
    done = run_python(["-m", "dy2st", "config"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"dy2st {paddle.__version__}" in done.stdout and "compiler extension" in done.stdout
    assert "disk cache" in done.stdout

    layer = Gate()
    x = np.random.default_rng(0).standard_normal((2, 4)).astype("float32")
    paddle.jit.save(layer, str(tmp_path / "gate"), input_spec=[InputSpec([None, 4], "float32")])
    np.save(tmp_path / "x.npy", x)
    done = run_python(["-m", "dy2st", "run", "gate.pdmodel", "x.npy", "--output", "out"], tmp_path)
    assert done.returncode == 0, done.stderr
    np.testing.assert_allclose(np.load(tmp_path / "out0.npy"),
                               layer(paddle.to_tensor(x)).numpy(), rtol=1e-5)

    (tmp_path / "fn.py").write_text("import paddle\n\ndef double(x):\n"
                                    "    if x.sum() > 0:\n        return x * 2\n    return x\n")
    done = run_python(["-m", "dy2st", "ir", "fn.py", "double"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert 'pydy.func @"double"' in done.stdout and "pydy.if" in done.stdout
    done = run_python(["-m", "dy2st", "ir", "fn.py", "double", "--stage", "core",
                       "--arg", "x.npy"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "scf.if" in done.stdout

    done = run_python(["-m", "dy2st", "run", "missing.pdmodel"], tmp_path)
    assert done.returncode != 0 and done.stderr.startswith("dy2st: ")
    assert "Traceback" not in done.stderr


def test_every_public_function_and_class_has_a_docstring():
    import inspect
    import dy2st.nn.functional as functional
    missing = [f"{module.__name__}.{name}"
               for module in (paddle, paddle.jit, paddle.static, paddle.nn, functional)
               for name in dir(module) if not name.startswith("_")
               for obj in [getattr(module, name)]
               if (inspect.isfunction(obj) or inspect.isclass(obj)) and not inspect.getdoc(obj)]
    assert not missing


def _annotation_gaps(fn, owner):
    """The parameters (and 'return') of `fn` without a type hint."""
    import inspect
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return []
    gaps = [f"{owner}({p.name})" for p in signature.parameters.values()
            if p.name not in ("self", "cls") and p.annotation is p.empty]
    if signature.return_annotation is signature.empty:
        gaps.append(f"{owner} -> ?")
    return gaps


def test_every_public_function_class_and_method_has_type_hints():
    import inspect
    import dy2st.nn.functional as functional
    import dy2st.nn.initializer as initializer
    from dy2st.eager import functional as operations
    generated = set(operations.__all__) | {n for n in dir(functional) if not n.startswith("_")}
    gaps = []
    for module in (paddle, paddle.jit, paddle.static, paddle.nn, initializer, paddle.utils):
        for name in dir(module):
            obj = getattr(module, name)
            if name.startswith("_") or getattr(obj, "__module__", "").split(".")[0] != "dy2st":
                continue
            if inspect.isfunction(obj) and name not in generated:
                gaps += _annotation_gaps(obj, f"{module.__name__}.{name}")
            if inspect.isclass(obj):
                members = {attr: member for klass in reversed(obj.__mro__)
                           if klass.__module__.split(".")[0] == "dy2st"
                           for attr, member in vars(klass).items()}
                for attr, member in members.items():
                    member = member.fget if isinstance(member, property) else member
                    member = getattr(member, "__func__", member)
                    public = not attr.startswith("_") or attr in ("__init__", "__call__")
                    # Not a method user code set on the class (the tests set
                    # some on Tensor, as PaddleSpeech does).
                    ours = getattr(member, "__module__", "").split(".")[0] == "dy2st"
                    if public and ours and inspect.isfunction(member):
                        gaps += _annotation_gaps(member, f"{obj.__name__}.{attr}")
    assert not gaps


def test_the_generated_type_stubs_are_current():
    done = run_python([str(pathlib.Path(FRONTEND) / ".." / "tools" / "generate_stubs.py"),
                       "--check"], FRONTEND)
    assert done.returncode == 0, done.stdout + done.stderr


def _mypy(args, cwd):
    pytest.importorskip("mypy", reason="mypy is not installed (scripts/setup.sh installs it)")
    env = dict(ENV, MYPYPATH=os.path.abspath(FRONTEND))
    return run_python(["-m", "mypy", "--no-incremental", "--cache-dir", os.devnull] + args, cwd,
                      python="/usr/bin/python3", env=env)


def test_the_package_and_its_stubs_type_check():
    done = _mypy(["-p", "dy2st", "-p", "paddle"], FRONTEND)
    assert done.returncode == 0, done.stdout + done.stderr


USER_CODE = """\
import numpy as np
import paddle
import paddle.nn.functional as F
from paddle.jit import to_static


class Net(paddle.nn.Layer):
    def __init__(self) -> None:
        super().__init__()
        self.fc = paddle.nn.Linear(4, 3)

    def forward(self, x: paddle.Tensor) -> paddle.Tensor:
        return F.relu(self.fc(x))


@to_static
def f(x: paddle.Tensor) -> paddle.Tensor:
    y = paddle.sum(x, axis=0)
    if y > 1:
        y = paddle.exp(y) + 1
    return F.softmax(y)


x = paddle.to_tensor(np.ones([2, 4], "float32"))
reveal_type(paddle.exp(x))
reveal_type(paddle.split(x, 2))
reveal_type(F.max_pool2d(x, 2, return_mask=True))
reveal_type(x.shape)
reveal_type(x * 2 + 1)
reveal_type(paddle.nn.Linear(4, 3).weight)
reveal_type(paddle.nn.LSTM(4, 8).forward(x))
reveal_type(to_static(Net()))
reveal_type(f)
reveal_type(paddle.jit.load("model"))
paddle.reshape(x, "4, 2")
paddle.nn.Linear("4", 3)
"""


def test_a_type_checker_sees_paddle_code_through_the_hints(tmp_path):
    """What an editor or mypy tells a user about Paddle code run by dy2st: the
    types of operations, layers and to_static, and the wrong arguments."""
    (tmp_path / "user.py").write_text(USER_CODE)
    done = _mypy(["--follow-imports=silent", "user.py"], tmp_path)
    out = done.stdout
    revealed = re.findall(r'Revealed type is "(.*)"', out)
    assert revealed == [
        "dy2st.eager.tensor.Tensor", "builtins.list[dy2st.eager.tensor.Tensor]",
        "Union[dy2st.eager.tensor.Tensor, Tuple[dy2st.eager.tensor.Tensor, "
        "dy2st.eager.tensor.Tensor]]",
        "builtins.list[builtins.int]", "dy2st.eager.tensor.Tensor",
        "dy2st.nn.layer.Parameter",
        "Tuple[dy2st.eager.tensor.Tensor, Any]", "user.Net", "dy2st.runtime.static_function.StaticFunction",
        "dy2st.runtime.translated_layer.TranslatedLayer"], out
    errors = re.findall(r"user.py:(\d+): error: (.*)", out)
    assert [line for line, _ in errors] == ["35", "36"], out
    assert 'Argument 2 to "reshape" has incompatible type "str"' in errors[0][1]
    assert 'Argument 1 to "Linear" has incompatible type "str"; expected "int"' in errors[1][1]


def test_python_m_dy2st_ops_lists_every_operation_with_its_summary(tmp_path):
    from dy2st.eager import composites, optable
    done = run_python(["-m", "dy2st", "ops"], tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [line.split("|") for line in done.stdout.splitlines()[2:]]
    listed = {row[1].strip(" `"): row[4].strip() for row in rows}
    assert set(listed) == set(optable.PRIMITIVES) | set(composites.COMPOSITES)
    assert all(listed.values()), [name for name, summary in listed.items() if not summary]
    assert listed["matmul"].startswith("The matrix product")


@pytest.mark.parametrize("td, doc, prefix", [
    ("Dialect/Pydy/PydyOps.td", "PydyDialect.md", "pydy"),
    ("Dialect/TensorArray/TensorArrayOps.td", "TensorArrayDialect.md", "tensor_array")])
def test_the_build_generates_each_dialects_reference_from_ods(td, doc, prefix):
    source = (pathlib.Path(FRONTEND) / ".." / "include" / "Dy2St" / td).read_text()
    ops = re.findall(r'_Op<"(\w+)"', source)
    text = (pathlib.Path(BUILD) / "docs" / doc).read_text()
    assert ops and all(f"### `{prefix}.{op}`" in text for op in ops)
    passes = (pathlib.Path(BUILD) / "docs" / "TransformsPasses.md").read_text()
    assert "-dy2st-name-allocation-sites" in passes


def test_verbosity_reports_compiles_and_code_level_shows_code(tmp_path):
    code = ("import paddle\npaddle.jit.set_verbosity(1)\npaddle.jit.set_code_level()\n"
            "@paddle.jit.to_static\ndef twice(x):\n    return x * 2\n"
            "twice(paddle.to_tensor([1.0]))\n")
    done = run_script(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "dy2st: compiled twice(tensor<1xf32>) in " in done.stderr
    assert 'pydy.func @"twice"' in done.stderr
    plain = code.replace("paddle.jit.set_verbosity(1)\n", "").replace(
        "paddle.jit.set_code_level()\n", "")
    quiet = run_script(plain, tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    by_env = run_script(plain, tmp_path, env=dict(ENV, TRANSLATOR_VERBOSITY="1"))
    assert "dy2st: compiled twice" in by_env.stderr


def test_a_long_compile_says_so_while_it_runs(tmp_path):
    code = ("import paddle, dy2st.runtime.verbosity as v\nv.SLOW_COMPILE_SECONDS = 0.01\n"
            "@paddle.jit.to_static\ndef twice(x):\n    return x * 2\n"
            "twice(paddle.to_tensor([1.0]))\n")
    done = run_script(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "dy2st: still compiling twice" in done.stderr


def test_saved_models_honour_the_umask_and_name_parameters_as_paddle(tmp_path):
    old = os.umask(0o022)
    try:
        paddle.jit.save(Gate(), str(tmp_path / "gate"), input_spec=[InputSpec([2, 4], "float32")])
    finally:
        os.umask(old)
    for suffix in (".pdmodel", ".pdiparams"):
        mode = stat.S_IMODE(os.stat(tmp_path / ("gate" + suffix)).st_mode)
        assert mode == 0o644, oct(mode)
    header = (tmp_path / "gate.pdmodel").read_text().splitlines()[0]
    import json
    meta = json.loads(header[len("// dy2st-model: "):])
    assert meta["params"] == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]


def test_no_perf_jitdump_folders_unless_asked_for(tmp_path):
    code = ("import paddle\n@paddle.jit.to_static\ndef twice(x):\n    return x * 2\n"
            "twice(paddle.to_tensor([1.0]))\n")
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    done = run_script(code, tmp_path, env=dict(ENV, JITDUMPDIR=str(dumps)))
    assert done.returncode == 0, done.stderr
    assert not any(dumps.rglob("*"))
    done = run_script(code, tmp_path, env=dict(ENV, JITDUMPDIR=str(dumps), DY2ST_PERF_JITDUMP="1"))
    assert done.returncode == 0, done.stderr
    assert any(dumps.rglob("jit-*.dump"))


def test_a_saved_model_nested_too_deep_is_an_error_not_a_crash(tmp_path):
    """A hostile model with a valid checksum: MLIR's parser would recurse
    once per level and overflow the stack."""
    from dy2st.runtime import saving
    paddle.jit.save(Gate(), str(tmp_path / "gate"), input_spec=[InputSpec([2, 4], "float32")])
    model = tmp_path / "gate.pdmodel"
    header = json.loads(model.read_text().splitlines()[0][len(saving.HEADER):])
    deep = "pydy.func @deep(%c: i1) {\n" + "pydy.if %c {\n" * 100000 + "}\n" * 100000 + "}\n"
    meta = {k: v for k, v in header.items() if k != "sha256"}
    model.write_text(saving.program_text(meta, deep, "module {\n}\n"))
    loaded = paddle.jit.load(str(tmp_path / "gate"))
    with pytest.raises(paddle.Dy2StError, match="nests more than 1000 levels"):
        loaded(np.ones((2, 4), np.float32))


@pytest.mark.parametrize("damage", ["truncate", "edit"])
def test_a_damaged_saved_model_fails_at_load_with_a_clear_error(tmp_path, damage):
    paddle.jit.save(Gate(), str(tmp_path / "gate"), input_spec=[InputSpec([2, 4], "float32")])
    model = tmp_path / "gate.pdmodel"
    text = model.read_text()
    if damage == "truncate":
        model.write_text(text[:len(text) * 2 // 3])
    else:
        model.write_text(text.replace("pydy.binary add", "pydy.binary sub", 1))
    with pytest.raises(ValueError, match="is damaged or was edited"):
        paddle.jit.load(str(tmp_path / "gate"))
    np.save(tmp_path / "x.npy", np.ones((2, 4), "float32"))
    done = subprocess.run([os.path.join(BUILD, "bin", "dy2st-run"), str(model), "--arg",
                           str(tmp_path / "x.npy")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "is damaged or was edited" in done.stderr


def test_a_signed_model_whose_program_does_not_parse_names_its_file(tmp_path):
    """A file fuzz finding: jit.load blamed 'a bug in dy2st' (the importer)."""
    from dy2st.runtime import saving
    paddle.jit.save(Gate(), str(tmp_path / "gate"), input_spec=[InputSpec([2, 4], "float32")])
    model = tmp_path / "gate.pdmodel"
    header, body = model.read_text().split("\n", 1)
    body = body.replace("pydy.load", "pydy.lode", 1)
    meta = json.loads(header[len(saving.HEADER):])
    meta["sha256"] = hashlib.sha256(body.encode()).hexdigest()
    model.write_text(saving.HEADER + json.dumps(meta) + "\n" + body)
    loaded = paddle.jit.load(str(tmp_path / "gate"))
    with pytest.raises(paddle.Dy2StError) as info:
        loaded(np.ones((2, 4), np.float32))
    message = str(info.value)
    assert "gate.pdmodel is not valid (the file was damaged or edited)" in message
    assert "pydy.lode" in message and "a bug in dy2st" not in message


@pytest.mark.parametrize("field, value", [("inputs", 5), ("input_types", ["f32", "f32"]),
                                          ("params", [1, 2]), ("entry", None)])
def test_a_header_field_of_the_wrong_kind_is_a_corrupt_header(tmp_path, field, value):
    """A file fuzz finding: such fields failed later with a TypeError."""
    from dy2st.runtime import saving
    paddle.jit.save(Gate(), str(tmp_path / "gate"), input_spec=[InputSpec([2, 4], "float32")])
    model = tmp_path / "gate.pdmodel"
    header, body = model.read_text().split("\n", 1)
    meta = json.loads(header[len(saving.HEADER):])
    meta[field] = value
    model.write_text(saving.HEADER + json.dumps(meta) + "\n" + body)
    with pytest.raises(ValueError, match=f"corrupt header \\('{field}'\\)"):
        paddle.jit.load(str(tmp_path / "gate"))


def test_a_parameter_numpy_cannot_read_is_a_value_error_naming_the_archive(tmp_path):
    """A file fuzz finding: numpy's reader raised its own kinds (TokenError)."""
    paddle.jit.save(Gate(), str(tmp_path / "gate"), input_spec=[InputSpec([2, 4], "float32")])
    archive = tmp_path / "gate.pdiparams"
    with tarfile.open(archive) as tar:
        names = [m.name for m in tar.getmembers()]
    header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (4,"
    bad = b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header
    with tarfile.open(archive, "w", format=tarfile.USTAR_FORMAT) as tar:
        for name in names:
            info = tarfile.TarInfo(name)
            info.size = len(bad)
            tar.addfile(info, io.BytesIO(bad))
    with pytest.raises(ValueError, match="cannot read the parameters .*gate.pdiparams"):
        paddle.jit.load(str(tmp_path / "gate"))


def doubled(t):
    return t * 2.0


def test_an_array_of_the_other_byte_order_is_the_same_tensor():
    """A file fuzz finding: a big-endian float32 array was 'not a dtype dy2st
    supports'."""
    big = np.arange(6, dtype=">f4").reshape(2, 3)
    x = paddle.to_tensor(big)
    assert x.dtype == paddle.float32 and x.numpy().dtype.isnative
    np.testing.assert_array_equal(x.numpy(), big)
    np.testing.assert_array_equal(paddle.jit.to_static(doubled)(x).numpy(), big * 2)


def site_packages_of(venv):
    """The venv's site-packages folder."""
    return next((venv / "lib").glob("python3*/site-packages"))


def test_pip_install_builds_and_installs_dy2st_paddle_and_the_tools(tmp_path):
    """`pip install .` in a venv made with --system-site-packages (here
    without build isolation, so without the network): the installed package
    runs Paddle code from any folder, without PYTHONPATH or the build."""
    root = os.path.abspath(os.path.join(FRONTEND, ".."))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DY2ST_BUILD_DIR"] = os.path.abspath(BUILD)
    done = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation",
                           "--no-deps", "-q", root], env=env, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    (tmp_path / "demo.py").write_text(
        "import paddle\nimport dy2st\n\n\n@paddle.jit.to_static\ndef f(x):\n"
        "    if x.sum() > 0:\n        return x * 2\n    return x - 1\n\n\n"
        "print(dy2st.runtime.native.module().__file__)\nprint(f(paddle.to_tensor([1.0, 2.0])).numpy())\n")
    env.pop("DY2ST_BUILD_DIR")
    done = subprocess.run([str(venv / "bin" / "python"), "demo.py"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert str(venv) in done.stdout and "[2. 4.]" in done.stdout
    done = subprocess.run([str(venv / "bin" / "dy2st-run"),
                           os.path.join(root, "examples", "grow.mlir"), "--arg",
                           "dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "result 0: float32[4]" in done.stdout, done.stderr
    done = subprocess.run([str(venv / "bin" / "dy2st-opt"), "--help"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "dy2st optimizer driver" in done.stdout
    installed = pathlib.Path(site_packages_of(venv))
    for typed in ("dy2st/py.typed", "dy2st/eager/functional.pyi", "dy2st/nn/functional.pyi",
                  "paddle/py.typed", "paddle/__init__.pyi", "paddle/nn/functional.pyi"):
        assert (installed / typed).is_file(), typed

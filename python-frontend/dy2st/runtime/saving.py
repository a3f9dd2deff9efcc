"""Saved static programs: `<path>.pdmodel` (MLIR: the program as imported and
as specialized, behind a one-line JSON header) and `<path>.pdiparams` (an
uncompressed tar of .npy files, the program's tensor inputs that are not
arguments: parameters and other captured tensors). Both are written to
temporary files first and renamed, so a failed save leaves nothing behind."""
import hashlib
import io
import json
import os
import tarfile
import tempfile

import numpy as np

from ..compiler import errors
from . import native
from ..compiler.signature import InputSpec, number_entry
from ..compiler.unit import tagged_attribute
from ..eager.tensor import Tensor

MODEL_SUFFIX = ".pdmodel"
PARAMS_SUFFIX = ".pdiparams"

HEADER = "// dy2st-model: "


def _nest(name, text):
    """`text` (a printed module, maybe with aliases before it) as `module @name`,
    with the module's attributes (`pydy.default_float`)."""
    lines = text.strip("\n").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("module"))
    aliases, body = lines[:start], lines[start:]
    opening = body[0]
    attributes = ""
    if opening.startswith("module attributes ") and opening.endswith(" {"):
        attributes = " " + opening[len("module "):-len(" {")]
        body = body[1:-1]
    elif opening.startswith("module {"):
        body = body[1:-1]
    return aliases, [f"  module @{name}{attributes} {{"] + ["  " + line for line in body] + \
        ["  }"]


def program_text(meta, imported, specialized):
    """The header (with the SHA-256 of what follows it, so that a truncated
    or edited file is told apart at load) and the program."""
    if not imported.lstrip().startswith("module"):
        imported = "module {\n" + imported + "}\n"
    aliases1, pydy = _nest("pydy", imported)
    aliases2, spec = _nest("specialized", specialized)
    body = "\n".join(aliases1 + aliases2 + ["module {"] + pydy + spec + ["}"]) + "\n"
    meta = dict(meta, sha256=hashlib.sha256(body.encode()).hexdigest())
    return HEADER + json.dumps(meta) + "\n" + body


def _params_bytes(arrays):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for i, array in enumerate(arrays):
            data = io.BytesIO()
            np.save(data, np.asarray(array, order="C"), allow_pickle=False)
            info = tarfile.TarInfo(f"{i}.npy")
            info.size = data.tell()
            data.seek(0)
            tar.addfile(info, data)
    return buffer.getvalue()


def write_model(path, meta, imported, specialized, params):
    """Writes `<path>.pdmodel` and `<path>.pdiparams` atomically."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    contents = {path + MODEL_SUFFIX: program_text(meta, imported, specialized).encode(),
                path + PARAMS_SUFFIX: _params_bytes(params)}
    temporaries = []
    try:
        for target, data in contents.items():
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".dy2st-")
            temporaries.append((tmp, target))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
        # mkstemp's files are private (0600); saved models are as open as
        # the user's other files (the umask decides).
        umask = os.umask(0)
        os.umask(umask)
        for tmp, target in temporaries:
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
    except BaseException:
        for tmp, _ in temporaries:
            if os.path.exists(tmp):
                os.remove(tmp)
        raise


def model_stem(path):
    """A saved model's path without `.pdmodel` (it may be given either way)."""
    return path[: -len(MODEL_SUFFIX)] if path.endswith(MODEL_SUFFIX) else path


def read_model(path):
    """(meta, program text, parameter arrays) of a saved model; ValueError
    when the files are missing or not a dy2st model."""
    path = model_stem(path)
    try:
        with open(path + MODEL_SUFFIX, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise ValueError(f"cannot read the model {path}.pdmodel: {e.strerror}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}.pdmodel is not a dy2st model") from None
    first = text.split("\n", 1)[0]
    if not first.startswith(HEADER):
        raise ValueError(f"{path}.pdmodel is not a dy2st model (no '{HEADER.strip()}' header)")
    try:
        meta = json.loads(first[len(HEADER):])
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}.pdmodel has a corrupt header: {e}") from None
    _check_header(path, meta)
    body = text[len(first) + 1:]
    if "sha256" in meta and hashlib.sha256(body.encode()).hexdigest() != meta["sha256"]:
        raise ValueError(f"{path}.pdmodel is damaged or was edited: its program does not match "
                         "the checksum in its header (save the model again)")
    try:
        with tarfile.open(path + PARAMS_SUFFIX, mode="r:") as tar:
            members = sorted((m for m in tar.getmembers() if m.name.endswith(".npy")),
                             key=lambda m: int(m.name[:-4]))
            params = [np.load(io.BytesIO(tar.extractfile(m).read()), allow_pickle=False)
                      for m in members]
    except Exception as e:  # noqa: BLE001 (numpy's reader of an untrusted header raises many kinds)
        raise ValueError(f"cannot read the parameters {path}.pdiparams: "
                         f"{type(e).__name__}: {e}") from None
    for i, param in enumerate(params):
        if not param.dtype.isnative:
            # Another byte order holds the same numbers.
            params[i] = param.astype(param.dtype.newbyteorder("="))
        if params[i].dtype.name not in _PARAMETER_DTYPES:
            raise ValueError(f"{path}.pdiparams: parameter {i} is of dtype {param.dtype}, which "
                             "no dy2st model holds")
    if len(params) != len(meta.get("params", [])):
        raise ValueError(f"{path}.pdiparams holds {len(params)} parameters, the model needs "
                         f"{len(meta.get('params', []))}")
    _check_indices(path, meta, "numbers", len(params))
    _check_indices(path, meta, "state", len(params), NOT_STATE)
    _check_indices(path, meta, "changed_inputs", len(meta["inputs"]))
    for i in meta.get("numbers", []):
        if params[i].shape != () or params[i].dtype.kind not in "bif":
            raise ValueError(f"{path}.pdiparams: parameter {i} is not a number")
    return meta, text, params


# The dtypes of dy2st's tensors, the only ones a saved parameter has.
_PARAMETER_DTYPES = {"bool", "int32", "int64", "float32", "float64"}

# The header's fields and the types the loader relies on (a file is untrusted).
_HEADER_FIELDS = {"entry": str, "inputs": list, "input_types": list, "params": list}


def _check_header(path, meta):
    if not isinstance(meta, dict):
        raise ValueError(f"{path}.pdmodel has a corrupt header")
    for field, kind in _HEADER_FIELDS.items():
        value = meta.get(field)
        if not isinstance(value, kind) or \
                (kind is list and not all(isinstance(v, str) for v in value)):
            raise ValueError(f"{path}.pdmodel has a corrupt header ('{field}')")
    if len(meta["input_types"]) != len(meta["inputs"]) or \
            ("fetch" in meta and not isinstance(meta["fetch"], list)):
        raise ValueError(f"{path}.pdmodel has a corrupt header ('input_types')")


def _check_indices(path, meta, field, count, lowest=0):
    indices = meta.get(field, [])
    if not isinstance(indices, list) or \
            not all(type(i) is int and lowest <= i < count for i in indices):
        raise ValueError(f"{path}.pdmodel has a corrupt header ('{field}')")


def specs_of(input_spec, names):
    if input_spec is None:
        raise ValueError("saving a static program needs input_spec: the shapes and dtypes of "
                         "its inputs (InputSpec, with None for a dimension of any size, or "
                         "example tensors), unless it was converted with one or called "
                         "with tensors before")
    specs = [InputSpec.from_tensor(s) if isinstance(s, Tensor) else s for s in input_spec]
    if len(specs) != len(names) or not all(isinstance(s, InputSpec) for s in specs):
        raise ValueError(f"input_spec must give an InputSpec or a tensor for each of the "
                         f"inputs {names}")
    return specs


def compile_for_save(static_function, specs):
    """(meta, imported text, specialized text, parameter arrays)."""
    imported = static_function._import()
    if imported.arrays:
        raise errors.Dy2StError(
            f"{static_function.dygraph_function.__qualname__}() returns NumPy arrays (or lists "
            "made by tolist()), which a saved program cannot give back: return the tensors "
            "to save it")
    text, captures, written = imported.text, imported.captures, imported.written
    state = _state_of(static_function._instance, captures, written)
    params = [c.read() for c in captures]
    entries = [s.signature_entry() for s in specs] + [_param_entry(p) for p in params]
    name = imported.entry
    module = native.module()
    try:
        compiled = module.compile(text, name, entries)
    except module.CompileError as e:
        raise errors.from_compiler(e) from None
    meta = {"format": "dy2st-model", "version": 1, "entry": name,
            # An InputSpec's name where given (as Paddle names the feed).
            "inputs": [spec.name or param
                       for spec, param in zip(specs, static_function._parameters())],
            "input_types": [s.mlir_type() for s in specs],
            "params": _parameter_names(static_function._instance, captures, params),
            "numbers": [i for i, p in enumerate(params) if not isinstance(p, Tensor)],
            "state": state,
            "changed_inputs": [static_function._parameters().index(name)
                               for name in imported.changed]}
    results = compiled.result_structure
    count = _tensor_count(results[0] if state or imported.changed else results)
    if count is not None:
        # Paddle's fetch targets (the predictor's output names, paddle.inference).
        meta["fetch"] = fetch_names(count)
    arrays = [np.asarray(p) for p in params]
    return meta, text, compiled.stage("specialized"), arrays


def _tensor_count(structure):
    """How many tensors a result of `structure` (see static_function._rebuild)
    flattens to, or None where that is known only at run time."""
    if structure is None:
        return 1
    if isinstance(structure, str):
        return 0 if structure == "none" or structure.startswith("text:") else None
    if isinstance(structure, dict):
        structure = list(structure.values())
    elif not isinstance(structure, (list, tuple)):
        structure = getattr(structure, "items", ())
    counts = [_tensor_count(s) for s in structure]
    return None if None in counts else sum(counts)


def _param_entry(value):
    """The signature entry of a parameter: a tensor's, or a number's (an
    attribute the forward assigns, passed as a runtime number)."""
    if isinstance(value, Tensor):
        return InputSpec.from_tensor(value).signature_entry()
    return number_entry(value)


def fetch_names(count):
    """The names of a saved program's `count` fetch targets (its flattened
    results, as Paddle names a program's outputs)."""
    return [f"fetch_{i}" for i in range(count)]


NOT_STATE = -1
"""The "state" entry of a value the saved program gives back that is no
state of its own: which function an attribute holds (unit.object_tag), a
Python object a loaded program has none of."""


def _state_of(layer, captures, written):
    """For each attribute the forward assigns, the index of the parameter
    that holds it: the saved program returns its new value after the result
    and the loaded layer keeps it for the next call, as the layer would."""
    state = []
    tagged = {(id(obj), tagged_attribute(attr)) for obj, attr in written
              if tagged_attribute(attr) is not None}
    for obj, attr in written:
        if tagged_attribute(attr) is not None or (id(obj), attr) in tagged:
            state.append(NOT_STATE)
            continue
        found = [i for i, c in enumerate(captures)
                 if c.origin.kind == "object" and c.origin.root is obj and c.origin.path == [attr]]
        if not found:
            where = _object_path(layer, obj)
            held = getattr(obj, attr, None)
            hint = "not in the items of a dict or list" if type(held) in (dict, list) else \
                "(give it its first value before saving)"
            raise errors.Dy2StError(
                f"saving a layer whose forward assigns {where}.{attr} is not supported while "
                f"it holds {type(held).__name__}: a saved program keeps state in tensors and "
                f"numbers {hint}")
        state.append(found[0])
    return state


def _object_path(layer, obj):
    """`self` or `self.<sublayer path>` of an object the forward reaches."""
    if obj is layer or layer is None or not hasattr(layer, "named_sublayers"):
        return "self"
    for path, sub in layer.named_sublayers():
        if sub is obj:
            return "self." + path
    return type(obj).__name__


def _parameter_names(layer, captures, params):
    """Paddle's names of the captured tensors: a layer's parameters and
    buffers as its state_dict() names them (`fc1.weight`); other values by
    the path they were read from (`cell.state`)."""
    by_identity = {}
    if layer is not None and hasattr(layer, "state_dict"):
        by_identity = {id(t): name for name, t in layer.state_dict().items()}
    names = []
    for c, p in zip(captures, params):
        name = by_identity.get(id(p)) if isinstance(p, Tensor) else None
        if name is None and c.origin.kind == "object" and c.origin.name is None:
            path = _object_path(layer, c.origin.root) + c.label[len("self"):]
            name = path.removeprefix("self.")
        names.append(name or c.label.removeprefix("self."))
    return names

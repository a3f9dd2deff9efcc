"""paddle.inference: Paddle Inference's deployment API (Config,
create_predictor, the predictor's input and output handles) over programs
saved by `paddle.jit.save`, so that a deployment script written for Paddle
runs a dy2st model as it is. The predictor runs the saved program's compiled
code on the CPU (jit.load); the settings of other engines and devices
(TensorRT, oneDNN, IR passes, GPUs) are accepted and change nothing but what
the config reports."""
from __future__ import annotations

import enum
import os
import warnings
from typing import Any, Sequence

import numpy as np

from .eager.tensor import Tensor as _EagerTensor
from .runtime import native, saving
from .runtime.translated_layer import TranslatedLayer
from .utils import flatten


class PrecisionType(enum.Enum):
    Float32 = 0
    Int8 = 1
    Half = 2
    Bfloat16 = 3


class PlaceType(enum.Enum):
    UNK = -1
    CPU = 0
    GPU = 1
    XPU = 2
    CUSTOM = 3


class DataType(enum.Enum):
    FLOAT64 = "float64"
    FLOAT32 = "float32"
    INT64 = "int64"
    INT32 = "int32"
    BOOL = "bool"


def _model_path(path: str) -> str:
    """The saved model's path prefix from a program file's name (Paddle 3's
    `.json`, or `.pdmodel`) or a model directory holding one."""
    if os.path.isdir(path):
        found = sorted(name for name in os.listdir(path) if name.endswith(saving.MODEL_SUFFIX))
        if len(found) != 1:
            raise ValueError(f"the model directory {path!r} holds {len(found)} saved programs "
                             f"({saving.MODEL_SUFFIX}); name the program file")
        return os.path.join(path, found[0])
    stem, suffix = os.path.splitext(path)
    return stem + saving.MODEL_SUFFIX if suffix == ".json" else path


class Config:
    """Where the model is and how to run it: Config(model_dir) or
    Config(prog_file, params_file); the parameters are read from the file
    saved beside the program."""

    Float32, Int8, Half, Bfloat16 = (PrecisionType.Float32, PrecisionType.Int8,
                                     PrecisionType.Half, PrecisionType.Bfloat16)

    def __init__(self, model: str | None = None, params: str | None = None) -> None:
        self._model_dir = self._prog_file = self._params_file = ""
        if model is not None:
            self.set_model(model, params)
        self._threads = native.module().threads()
        self._ir_optim = True
        self._switches: dict[str, Any] = {}

    def set_model(self, model: str, params: str | None = None) -> None:
        if params is None:
            self._model_dir = model
        else:
            self._prog_file, self._params_file = model, params

    def set_prog_file(self, path: str) -> None:
        self._prog_file = path

    def set_params_file(self, path: str) -> None:
        self._params_file = path

    def model_dir(self) -> str:
        return self._model_dir

    def prog_file(self) -> str:
        return self._prog_file

    def params_file(self) -> str:
        return self._params_file

    def enable_use_gpu(self, memory_pool_init_size_mb: int = 100, device_id: int = 0,
                       precision: PrecisionType = PrecisionType.Float32) -> None:
        # As Paddle's CPU build: a message, and the CPU.
        warnings.warn("dy2st's predictor runs on the CPU (enable_use_gpu has no effect; "
                      "compiled code reaches a GPU through to_static(backend='gpu'))",
                      stacklevel=2)

    def use_gpu(self) -> bool:
        return False

    def disable_gpu(self) -> None:
        pass

    def gpu_device_id(self) -> int:
        return 0

    def set_cpu_math_library_num_threads(self, threads: int) -> None:
        """The threads the predictor's program runs on (paddle.set_num_threads
        while it runs)."""
        self._threads = int(threads)

    def cpu_math_library_num_threads(self) -> int:
        return self._threads

    def switch_ir_optim(self, x: bool = True) -> None:
        self._ir_optim = bool(x)

    def ir_optim(self) -> bool:
        return self._ir_optim

    def __getattr__(self, name: str) -> Any:
        # The switches of engines, passes and logging dy2st does not have
        # (enable_mkldnn, enable_tensorrt_engine, enable_memory_optim,
        # disable_glog_info, switch_use_feed_fetch_ops, delete_pass, ...):
        # accepted, recorded, without effect.
        if name.startswith(("enable_", "disable_", "switch_", "set_", "delete_", "exp_")):
            def switch(*args: Any, **kwargs: Any) -> None:
                self._switches[name] = (args, kwargs)
            return switch
        raise AttributeError(f"'Config' object has no attribute '{name}'")

    def summary(self) -> str:
        return (f"dy2st predictor: model {self._model_dir or self._prog_file}, CPU, "
                f"{self._threads} threads")


class Tensor:
    """A predictor's input or output, by name: copy_from_cpu gives an input
    its values, copy_to_cpu reads an output after run()."""

    def __init__(self, predictor: Predictor, name: str, is_input: bool) -> None:
        self._predictor, self._name, self._is_input = predictor, name, is_input

    def name(self) -> str:
        return self._name

    def reshape(self, shape: Sequence[int]) -> None:
        """Paddle sizes the input before the copy; dy2st takes the copied
        array's shape."""

    def copy_from_cpu(self, data: np.ndarray) -> None:
        if not self._is_input:
            raise ValueError(f"'{self._name}' is an output of the predictor")
        self._predictor._inputs[self._name] = np.array(data, copy=True)

    def copy_to_cpu(self) -> np.ndarray:
        return self._value().copy()

    def shape(self) -> list[int]:
        return list(self._value().shape)

    def type(self) -> DataType:
        return DataType(str(self._value().dtype))

    def _value(self) -> np.ndarray:
        store = self._predictor._inputs if self._is_input else self._predictor._outputs
        if self._name not in store:
            raise RuntimeError(f"'{self._name}' holds no data yet ("
                               + ("copy_from_cpu it first)" if self._is_input else
                                  "run the predictor first)"))
        return store[self._name]


class Predictor:
    """Runs a saved program on the inputs given to its handles."""

    def __init__(self, config: Config, model: TranslatedLayer | None = None) -> None:
        self._config = config
        if model is None:
            path = config.prog_file() or config.model_dir()
            if not path:
                raise ValueError("the Config names no model (Config(model_dir) or "
                                 "Config(prog_file, params_file))")
            model = TranslatedLayer(_model_path(path))
        self._model = model
        self._inputs: dict[str, np.ndarray] = {}
        self._outputs: dict[str, np.ndarray] = {}

    def get_input_names(self) -> list[str]:
        return self._model.input_names

    def get_output_names(self) -> list[str]:
        return self._model.output_names(len(self._outputs) or None)

    def get_input_handle(self, name: str) -> Tensor:
        if name not in self.get_input_names():
            raise RuntimeError(f"the model has no input named '{name}' (its inputs: "
                               f"{self.get_input_names()})")
        return Tensor(self, name, is_input=True)

    def get_output_handle(self, name: str) -> Tensor:
        return Tensor(self, name, is_input=False)

    def run(self, inputs: Sequence[Any] | None = None) -> list[_EagerTensor] | None:
        """The program on the inputs copied to the handles; or, given tensors
        (Paddle 3's form), on those, returning the outputs as tensors."""
        names = self.get_input_names()
        if inputs is None:
            missing = [n for n in names if n not in self._inputs]
            if missing:
                raise RuntimeError(f"no data was copied to the inputs {missing}")
            arrays = [self._inputs[n] for n in names]
        else:
            arrays = [np.asarray(v) for v in inputs]
        previous = native.module().threads()
        native.module().set_threads(self._config.cpu_math_library_num_threads())
        try:
            results = [np.asarray(r) for r in flatten(self._model(*arrays))]
        finally:
            native.module().set_threads(previous)
        self._outputs = dict(zip(self._model.output_names(len(results)), results))
        return None if inputs is None else [_EagerTensor(r) for r in results]

    def clone(self) -> Predictor:
        return Predictor(self._config, self._model)

    def clear_intermediate_tensor(self) -> None:
        pass

    def try_shrink_memory(self) -> int:
        return 0


def create_predictor(config: Config) -> Predictor:
    """A predictor of the model `config` names."""
    return Predictor(config)


def get_version() -> str:
    """What deployment scripts log: this is dy2st's predictor."""
    return "version: dy2st (Paddle Inference's API over programs saved by paddle.jit.save)"

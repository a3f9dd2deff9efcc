"""paddle.inference over programs saved by paddle.jit.save: a deployment
script written for Paddle Inference (Config, create_predictor, the handles'
copy_from_cpu / run / copy_to_cpu, PaddleOCR's and PaddleClas's predictors
do so) runs a dy2st model as it is, and gives what jit.load gives."""
import pathlib

import numpy as np
import pytest

import dy2st as paddle
import dy2st.inference as inference
from dy2st.static import InputSpec


class _Classifier(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.conv = paddle.nn.Conv2D(3, 4, 3, padding=1)
        self.fc = paddle.nn.Linear(4, 5)

    def forward(self, image, scale):
        features = paddle.nn.functional.adaptive_avg_pool2d(self.conv(image), 1).flatten(1)
        logits = self.fc(features) * scale
        return {"probs": paddle.nn.functional.softmax(logits), "top": logits.argmax(-1)}


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    paddle.seed(0)
    layer = _Classifier()
    layer.eval()
    prefix = str(tmp_path_factory.mktemp("inference") / "inference")
    paddle.jit.save(layer, prefix, input_spec=[InputSpec([None, 3, None, None], "float32", "x"),
                                               InputSpec([1], "float32")])
    return layer, prefix


def _deployment_script(model_file, params_file, image, scale):
    # As PaddleClas's python/predict_cls.py writes it.
    config = inference.Config(model_file, params_file)
    config.disable_gpu()
    config.enable_mkldnn()
    config.set_cpu_math_library_num_threads(2)
    config.switch_ir_optim(True)
    config.enable_memory_optim()
    config.disable_glog_info()
    config.switch_use_feed_fetch_ops(False)
    predictor = inference.create_predictor(config)
    for name, data in zip(predictor.get_input_names(), (image, scale)):
        handle = predictor.get_input_handle(name)
        handle.reshape(data.shape)
        handle.copy_from_cpu(data)
    predictor.run()
    return [predictor.get_output_handle(name).copy_to_cpu()
            for name in predictor.get_output_names()]


@pytest.mark.parametrize("program_name", [".pdmodel", ".json"])
def test_a_deployment_script_runs_a_saved_model(saved, program_name):
    layer, prefix = saved
    image = np.random.RandomState(0).rand(2, 3, 9, 7).astype("float32")
    scale = np.array([2.0], "float32")
    outputs = _deployment_script(prefix + program_name, prefix + ".pdiparams", image, scale)
    want = paddle.utils.flatten(paddle.jit.load(prefix)(paddle.to_tensor(image),
                                                        paddle.to_tensor(scale)))
    assert len(outputs) == len(want) == 2
    for got, expected in zip(outputs, want):
        np.testing.assert_array_equal(got, expected.numpy())
    eager = layer(paddle.to_tensor(image), paddle.to_tensor(scale))
    np.testing.assert_allclose(outputs[0], eager["probs"].numpy(), rtol=1e-5, atol=1e-6)


def test_names_shapes_and_the_tensor_form_of_run(saved):
    _, prefix = saved
    predictor = inference.create_predictor(inference.Config(str(pathlib.Path(prefix).parent)))
    assert predictor.get_input_names() == ["x", "scale"]
    assert predictor.get_output_names() == ["fetch_0", "fetch_1"]
    image = np.ones((1, 3, 4, 4), "float32")
    outputs = predictor.run([paddle.to_tensor(image), paddle.to_tensor([1.0])])
    assert [list(o.shape) for o in outputs] == [[1, 5], [1]]
    handle = predictor.get_input_handle("x")
    with pytest.raises(RuntimeError, match="copy_from_cpu it first"):
        handle.shape()
    handle.copy_from_cpu(image)
    assert handle.shape() == [1, 3, 4, 4] and handle.type() == inference.DataType.FLOAT32
    with pytest.raises(RuntimeError, match="no data was copied to the inputs \\['scale'\\]"):
        predictor.run()
    with pytest.raises(RuntimeError, match="no input named 'y'"):
        predictor.get_input_handle("y")
    with pytest.warns(UserWarning, match="runs on the CPU"):
        inference.Config(prefix + ".pdmodel", prefix + ".pdiparams").enable_use_gpu(100, 0)

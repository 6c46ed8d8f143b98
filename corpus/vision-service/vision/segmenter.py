import cv2
import numpy as np
import onnxruntime as ort

PROVIDERS = ["CUDAExecutionProvider", "CPUExecutionProvider"]


class Segmenter:
    INPUT_SIZE = (512, 512)

    def __init__(self, model_path: str = "models/unet_segmenter.onnx"):
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(model_path, sess_options=opts, providers=PROVIDERS)
        self.input_name = self.session.get_inputs()[0].name
        self.mean = np.load("models/imagenet_mean.npy")

    def __call__(self, image: np.ndarray) -> np.ndarray:
        x = cv2.resize(image, self.INPUT_SIZE).astype(np.float32) / 255.0 - self.mean
        x = np.transpose(x, (2, 0, 1))[None]
        (logits,) = self.session.run(None, {self.input_name: x})
        return logits.argmax(axis=1)[0].astype(np.uint8)

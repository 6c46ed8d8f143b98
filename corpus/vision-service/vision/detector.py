from pathlib import Path

import numpy as np
from ultralytics import YOLO

WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "weights"


class Detector:
    def __init__(self, weights: str = "yolov8n.pt", conf: float = 0.25):
        self.model = YOLO(weights)
        self.conf = conf

    def detect(self, image: np.ndarray) -> list[dict]:
        result = self.model.predict(image, conf=self.conf, verbose=False)[0]
        return [
            {"cls": result.names[int(b.cls)], "conf": float(b.conf), "xyxy": b.xyxy[0].tolist()}
            for b in result.boxes
        ]


def load_segmenter():
    return YOLO(str(WEIGHTS_DIR / "yolov8s-seg-custom.pt"))

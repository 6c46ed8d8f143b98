import cv2
import numpy as np
from fastapi import FastAPI, File, UploadFile

from vision.detector import Detector
from vision.segmenter import Segmenter

app = FastAPI()
detector = Detector()
segmenter = Segmenter()


def _decode(data: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


@app.post("/detect")
async def detect(file: UploadFile = File(...)):
    return detector.detect(_decode(await file.read()))


@app.post("/segment")
async def segment(file: UploadFile = File(...)):
    mask = segmenter(_decode(await file.read()))
    return {"classes": np.unique(mask).tolist()}

import io
import logging
from concurrent import futures

import grpc
import timm.data
from PIL import Image

from . import embed_pb2
from . import embed_pb2_grpc as pb2_grpc
from .models import TextEncoder, image_embedding, load_image_encoder

log = logging.getLogger("embedder")


class EmbedderServicer(pb2_grpc.EmbedderServicer):
    def __init__(self):
        self.text = TextEncoder()

    def EmbedText(self, request, context):
        vectors = self.text.encode_batch(list(request.texts))
        return embed_pb2.EmbedReply(vectors=[embed_pb2.Vector(values=v) for v in vectors])

    def EmbedImage(self, request, context):
        model = load_image_encoder()
        config = timm.data.resolve_data_config({}, model=model)
        transform = timm.data.create_transform(**config)
        pixels = transform(Image.open(io.BytesIO(request.image)).convert("RGB")).unsqueeze(0)
        return embed_pb2.EmbedReply(vectors=[embed_pb2.Vector(values=image_embedding(model, pixels))])


def serve(port: int = 50051) -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    pb2_grpc.add_EmbedderServicer_to_server(EmbedderServicer(), server)
    server.add_insecure_port(f"[::]:{port}")
    server.start()
    log.info("embedder listening on %d", port)
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()

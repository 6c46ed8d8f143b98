"""Export the baseline torchvision model and compare it with the TorchScript artefact."""
import sys

import torch

WEIGHT_URLS = {
    "resnet18": "https://download.pytorch.org/models/resnet18-f37072fd.pth",
    "resnet50": "https://download.pytorch.org/models/resnet50-11ad3fa6.pth",
}


def main(arch: str = "resnet18"):
    model = torch.hub.load("pytorch/vision:v0.19.0", arch, weights=None)
    model.load_state_dict(torch.hub.load_state_dict_from_url(WEIGHT_URLS[arch], progress=False))
    model.eval()
    scripted = torch.jit.script(model)
    scripted.save(f"models/{arch}_scripted.pt")

    reloaded = torch.jit.load(f"models/{arch}_scripted.pt", map_location="cpu")
    x = torch.randn(1, 3, 224, 224)
    print("max diff:", (model(x) - reloaded(x)).abs().max().item())


if __name__ == "__main__":
    main(*sys.argv[1:2])

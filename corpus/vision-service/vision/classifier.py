import timm
import torch

CHECKPOINT = "checkpoints/effnet_b0_finetuned.pt"
NUM_CLASSES = 12


def build_backbone():
    # ImageNet-pretrained ResNet-50 used as a frozen feature extractor
    model = timm.create_model("resnet50", pretrained=True, num_classes=0)
    model.eval()
    return model


def build_classifier():
    model = timm.create_model("efficientnet_b0", pretrained=False, num_classes=NUM_CLASSES)
    state = torch.load(CHECKPOINT, map_location="cpu")
    model.load_state_dict(state["model"])
    return model.eval()


def load_head(path: str = "checkpoints/head.pt"):
    head = torch.nn.Linear(2048, NUM_CLASSES)
    head.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
    return head

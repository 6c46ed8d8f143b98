import torch
from torch import nn
from transformers import AutoModel


class RewardModel(nn.Module):
    """Scalar reward head on top of a transformer backbone."""

    def __init__(self, backbone):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(backbone.config.hidden_size, 1)

    @classmethod
    def from_pretrained(cls, path: str) -> "RewardModel":
        backbone = AutoModel.from_pretrained(path)
        model = cls(backbone)
        model.head.load_state_dict(torch.load(f"{path}/head.pt", map_location="cpu", weights_only=True))
        return model

    def save_pretrained(self, path: str) -> None:
        self.backbone.save_pretrained(path)
        torch.save(self.head.state_dict(), f"{path}/head.pt")

    def forward(self, input_ids, attention_mask=None):
        hidden = self.backbone(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.head(hidden[:, -1]).squeeze(-1)

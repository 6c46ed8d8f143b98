BASE_MODEL = "microsoft/phi-2"
BASE_REVISION = "ef382358ec9e382308935a992d908de099b64c23"
DATASET_NAME = "tatsu-lab/alpaca"
OUTPUT_DIR = "./outputs"
ADAPTER_DIR = "./outputs/adapter"

LORA_R = 16
LORA_ALPHA = 32
LORA_DROPOUT = 0.05
TARGET_MODULES = ["q_proj", "k_proj", "v_proj", "dense"]

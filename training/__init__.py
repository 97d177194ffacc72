"""JEPA world-model training pipeline: MCAP recordings -> latent world model -> ONNX export."""

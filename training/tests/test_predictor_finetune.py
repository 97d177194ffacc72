"""The second training stage changes the predictor only, and lowers its long-rollout error."""

import torch

from training.dataset import load_frames
from training.model import ModelConfig, WorldModel
from training.predictor_finetune import finetune_predictor, rollout_mse
from training.tests.mcap_fixture import write_fixture


def test_rollout_mse_averages_every_step_of_the_own_rollout():
    class AddAction(torch.nn.Module):
        def forward(self, z, a):
            return z + a

    z0 = torch.zeros(1, 1)
    actions = torch.ones(1, 2, 1)  # rollout 1 then 2; targets 0 -> (1 + 4) / 2
    assert float(rollout_mse(AddAction(), z0, actions, torch.zeros(1, 2, 1))) == 2.5


def test_finetune_trains_the_predictor_and_leaves_the_encoders_alone(tmp_path):
    rec = write_fixture(tmp_path / "fx.mcap", seconds=40.0)
    frames = load_frames([rec], period_sec=0.1, image_hw=(16, 16), segment_sec=10.0)
    torch.manual_seed(0)
    cfg = ModelConfig(image_hw=(16, 16), joints=3, actions=5, latent_dim=8, channels=(8, 8), predictor_hidden=32)
    model = WorldModel(cfg, torch.ones(5))
    before = {k: v.clone() for k, v in model.state_dict().items()}
    log = finetune_predictor(model, frames, steps=300, k=6, batch=32, lr=3e-3, seed=0, log_every=299)
    after = model.state_dict()
    for name, value in before.items():
        changed = not torch.equal(value, after[name])
        if name.startswith("predictor.") and name != "predictor.inv_action_scale":
            assert changed, name
        else:
            assert not changed, name
    assert log["last_loss"] < 0.5 * log["first_loss"]


def test_with_a_goal_pose_head_the_finetune_trains_head_and_predictor_but_not_the_encoders(tmp_path):
    rec = write_fixture(tmp_path / "fx.mcap", seconds=40.0)
    frames = load_frames([rec], period_sec=0.1, image_hw=(16, 16), segment_sec=10.0)
    torch.manual_seed(0)
    cfg = ModelConfig(image_hw=(16, 16), joints=3, actions=5, latent_dim=8, channels=(8, 8), predictor_hidden=32,
                      pose_head_hidden=16)
    model = WorldModel(cfg, torch.ones(5))
    before = {k: v.clone() for k, v in model.state_dict().items()}
    log = finetune_predictor(model, frames, steps=200, k=4, batch=32, lr=3e-3, seed=0, log_every=199,
                             pose_head_weight=1.0, goal_offset=20)
    after = model.state_dict()
    for name, value in before.items():
        trained = name.startswith(("predictor.", "pose_head.")) and name != "predictor.inv_action_scale"
        assert (not torch.equal(value, after[name])) == trained, name
    assert log["pose_head_weight"] == 1.0 and log["last_loss"] < log["first_loss"]

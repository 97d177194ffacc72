import torch

from training.losses import rollout_loss, sigreg, vicreg


def test_sigreg_prefers_an_isotropic_gaussian_to_a_collapsed_embedding():
    g = torch.Generator().manual_seed(0)
    gauss = torch.randn(512, 16, generator=g)
    collapsed = gauss[:, :1].repeat(1, 16) * 0.01
    assert sigreg(gauss, torch.Generator().manual_seed(1)) < 0.2 * sigreg(collapsed, torch.Generator().manual_seed(1))


def test_vicreg_is_near_zero_for_whitened_data_and_positive_for_collapse():
    g = torch.Generator().manual_seed(0)
    white = torch.randn(4096, 8, generator=g)
    collapsed = torch.zeros(4096, 8)
    assert vicreg(white) < 0.05
    # variance hinge: every dim has std sqrt(1e-4) = 0.01 -> relu(1 - 0.01) = 0.99
    assert abs(float(vicreg(collapsed)) - 0.99) < 1e-4


class _AddAction:
    """Stand-in model whose predictor adds the action: z_t+1 = z_t + a_t."""

    @staticmethod
    def predictor(z, a):
        return z + a


def test_rollout_loss_compares_only_the_requested_steps():
    z0 = torch.zeros(1, 1)
    actions = torch.ones(1, 2, 1)  # rollout: 1 after step 1, 2 after step 2
    # all steps against zero targets: (1^2 + 2^2) / 2 = 2.5
    assert float(rollout_loss(_AddAction, z0, actions, torch.zeros(1, 2, 1))) == 2.5
    # only step 2 against a zero target: 2^2 = 4
    assert float(rollout_loss(_AddAction, z0, actions, torch.zeros(1, 1, 1), [2])) == 4.0


def test_loss_steps_default_to_every_step_and_refuse_steps_beyond_k():
    from training.train import loss_steps, parse_args

    assert loss_steps(parse_args(["--data", "x", "--out", "y", "--k", "3"])) == [1, 2, 3]
    assert loss_steps(parse_args(["--data", "x", "--out", "y", "--k", "8", "--loss-steps", "8,1,2,4"])) == [1, 2, 4, 8]
    try:
        loss_steps(parse_args(["--data", "x", "--out", "y", "--k", "4", "--loss-steps", "1,5"]))
    except ValueError as e:
        assert "--loss-steps" in str(e) and "1..4" in str(e)
    else:
        raise AssertionError("expected a ValueError for a step beyond --k")


def test_odometry_ranking_loss_wants_the_nearer_pose_nearer_in_latent_space_by_a_margin():
    from training.losses import odometry_ranking_loss

    z_a = torch.zeros(1, 4)
    near, far = torch.full((1, 4), 0.1), torch.full((1, 4), 1.0)
    d_near, d_far = torch.tensor([0.5]), torch.tensor([2.5])
    # right order, latent gap 0.9 >= margin 0.1/m * 2 m: nothing to learn
    assert float(odometry_ranking_loss(z_a, near, far, d_near, d_far)) == 0.0
    # same frames passed as (q, p): the loss is symmetric in which partner is farther
    assert float(odometry_ranking_loss(z_a, far, near, d_far, d_near)) == 0.0
    # wrong order: latent gap 0.9 the wrong way plus the 0.2 margin
    wrong = float(odometry_ranking_loss(z_a, far, near, d_near, d_far))
    assert abs(wrong - 1.1) < 1e-6
    # right order but closer than the margin asks: only the shortfall counts (0.2 - 0.1)
    short = float(odometry_ranking_loss(z_a, near, torch.full((1, 4), 0.2), d_near, d_far))
    assert abs(short - 0.1) < 1e-6
    # equal pose distance: no preference
    assert float(odometry_ranking_loss(z_a, far, near, d_near, d_near)) == 0.0


def test_goal_pose_loss_is_zero_on_the_truth_and_counts_position_more_than_heading():
    from training.losses import goal_pose_loss

    truth = torch.tensor([[1.0, -0.5, 0.0, 1.0]])
    assert goal_pose_loss(truth, truth).item() == 0.0
    off_pos = goal_pose_loss(truth + torch.tensor([[0.3, 0.0, 0.0, 0.0]]), truth).item()
    off_head = goal_pose_loss(truth + torch.tensor([[0.0, 0.0, 0.3, 0.0]]), truth).item()
    assert off_pos > off_head > 0

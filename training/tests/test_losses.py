import torch

from training.losses import sigreg, vicreg


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

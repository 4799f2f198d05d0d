"Every registered model, one test each, so a failure names its model (what the Models page shows for one of them)."
import pytest, torch
from nodown.models import create_model, default_cfg, list_models, ModelCfg

CLASSIFIERS = [m for m in list_models() if default_cfg(m).task == 'classify']
SEGMENTERS = [m for m in list_models() if default_cfg(m).task == 'segment']

@pytest.mark.parametrize('name', CLASSIFIERS)
@pytest.mark.parametrize('n_out', [10, 100])
def test_classifier_output(name, n_out):
    assert create_model(name, n_out=n_out)(torch.randn(2, 3, 32, 32)).shape == (2, n_out)

@pytest.mark.parametrize('name', SEGMENTERS)
def test_segmenter_output_any_size(name):
    assert create_model(name, n_out=32)(torch.randn(1, 3, 96, 128)).shape == (1, 32, 96, 128)   # CamVid's 32 codes

@pytest.mark.parametrize('name', list_models())
def test_gradients_reach_every_parameter(name):
    m = create_model(name)
    m(torch.randn(2, *default_cfg(name).input_size)).sum().backward()
    assert all(p.grad is not None for p in m.parameters())

@pytest.mark.parametrize('name', list_models('*_cnn_*'))
def test_allcnn_pools_over_6x6(name):
    "Table 1 of Springenberg et al.: global averaging over 6x6 maps."
    assert create_model(name)[:-3](torch.randn(2, 3, 32, 32)).shape[-2:] == (6, 6)

@pytest.mark.parametrize('name', list_models())
def test_declared_one_way(name):
    "A function named after the model, its docstring the registry's description, its cfg a row of `default_cfgs`."
    from nodown.models import _model_entrypoints, default_cfgs
    fn = _model_entrypoints[name]
    assert fn.__name__ == name and ' '.join(fn.__doc__.strip().split('\n\n')[0].split()) == default_cfg(name).doc
    assert name in default_cfgs and isinstance(default_cfg(name), ModelCfg)
    assert all(getattr(default_cfg(name), k) == (tuple(v) if isinstance(v, list) else v) for k, v in default_cfgs[name].items())

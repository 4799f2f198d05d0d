"The stored runs stay valid as the code grows: every config in results/ is the config today's engine builds for it."
import json
from pathlib import Path
import pytest
from nodown.train import RunConfig, config_diff, config_identity

RESULTS = sorted((Path(__file__).parent.parent/'results').glob('*/*/result.json'))

def test_there_are_stored_runs():
    assert len(RESULTS) > 50, len(RESULTS)

@pytest.mark.parametrize('path', RESULTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_stored_config_is_the_same_run_today(path):
    r = json.loads(path.read_text())
    cfg = RunConfig(**r['config'])                    # read with today's schema (fields added since take their old value)
    assert config_diff(r['config'], cfg) == ''        # compares equal: it would be reused, never retrained
    assert cfg.key == r['key']                        # and hashes to the key it was saved under
    assert config_identity(cfg.to_dict()) == config_identity(r['config'])

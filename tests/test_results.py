"The stored runs stay valid as the code grows: every config in results/ is the config today's engine builds for it."
import json
from pathlib import Path
import pytest
from nodown.config import RunConfig, SCHEMA, config_diff, config_identity

ROOT = Path(__file__).parent.parent/'results'
RESULTS = sorted(ROOT.glob('**/result.json'))   # a study's folder, or a folder per width inside it (the frontier)

def test_there_are_stored_runs():
    assert len(RESULTS) > 50, len(RESULTS)

@pytest.mark.parametrize('path', RESULTS, ids=lambda p: str(p.parent.relative_to(ROOT)))
def test_stored_config_is_the_same_run_today(path):
    r = json.loads(path.read_text())
    cfg = RunConfig.from_dict(r['config'])            # read with today's schema (older ones migrated on read)
    assert config_diff(r['config'], cfg) == ''        # compares equal: it would be reused, never retrained
    assert cfg.key == r['key']                        # and hashes to the key it was saved under
    assert config_identity(cfg.to_dict()) == config_identity(r['config'])

def test_a_stored_config_saved_again_is_todays_schema():
    "Read, then written by today's engine: the same run under the same key, now with the schema it was written in."
    r = json.loads(RESULTS[0].read_text())
    new = RunConfig.from_dict(r['config']).to_dict()
    assert new['schema'] == SCHEMA and RunConfig.from_dict(new).key == r['key']
    assert config_diff(new, RunConfig.from_dict(r['config'])) == ''

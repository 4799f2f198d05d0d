"""Publish the repository's runs: convert any older `model.pth` to `model.safetensors` (logits checked), then write the
package's table of published runs (`nodown/data/published.json`) and `results/leaderboard.csv` from `results/`.
Run it after new results land:  python tools/publish.py"""
from pathlib import Path
from nodown.hub import convert_weights, write_published, leaderboard, published_runs, PUBLISHED

ROOT = Path(__file__).resolve().parent.parent/'results'

def main():
    done = convert_weights(ROOT)
    if done: print(f"converted {len(done)} runs to safetensors")
    write_published(ROOT, PUBLISHED)
    leaderboard(published_runs(ROOT)).to_csv(ROOT/'leaderboard.csv', index=False)
    print(f"wrote {PUBLISHED} and {ROOT/'leaderboard.csv'}")

if __name__ == '__main__': main()

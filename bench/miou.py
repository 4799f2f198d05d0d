"""`MeanIoU` (per-class counts kept on the device) against fastai's `JaccardCoeffMulti` (two `.item()` per class and
batch), measured side by side in one run: accumulating a segmentation epoch's batches (64 canvases of 64x64, 11
classes, as the CIFAR mosaic), on whatever device torch picks. Prints the ratio of times and checks the values agree.

    python bench/miou.py [batches]
"""
import sys, time
from types import SimpleNamespace
import torch
from fastai.metrics import JaccardCoeffMulti
from nodown.train import MeanIoU

def timed(metric, batches)->tuple:
    "Seconds to accumulate `batches` and read the value, and the value."
    if torch.cuda.is_available(): torch.cuda.synchronize()
    t = time.perf_counter(); metric.reset()
    for b in batches: metric.accumulate(b)
    v = metric.value
    return time.perf_counter() - t, v

if __name__ == '__main__':
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    g = torch.Generator().manual_seed(0)
    batches = [SimpleNamespace(pred=torch.randn(64, 11, 64, 64, generator=g).to(dev),
                               y=torch.randint(0, 11, (64, 64, 64), generator=g).to(dev)) for _ in range(n)]
    timed(MeanIoU(), batches[:2]); timed(JaccardCoeffMulti(), batches[:2])   # warm-up
    (t_ours, v_ours), (t_fa, v_fa) = timed(MeanIoU(), batches), timed(JaccardCoeffMulti(), batches)
    assert abs(v_ours - v_fa) < 1e-9, (v_ours, v_fa)
    print(f"{dev}, {n} batches of 64x11x64x64: MeanIoU {t_ours:.3f} s, fastai's JaccardCoeffMulti {t_fa:.3f} s: "
          f"{t_fa/t_ours:.1f}x faster (the same value, {v_ours:.6f})")

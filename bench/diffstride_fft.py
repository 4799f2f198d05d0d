"""DiffStride's forward on the real FFT's half spectrum (`rfft2`, `irfft2`, what `DiffStride` does) against the same
masked crop on the full complex spectrum (`spectral_crop`, the baseline), measured in one run, alternating round by
round: one layer's forward and backward on a batch of maps, and a training step of the strides study's net
(`vgg4_diffstride` started at stride 1 and at stride 2). Prints milliseconds and the speed-up (above 1: faster), and
checks that both give the same output.

    python bench/diffstride_fft.py [--bs 64] [--rounds 3] [--steps 3]
"""
import argparse, statistics, time, types
import torch
from nodown.layers import DiffStride, spectral_crop, centred_freqs
from nodown.models import create_model
from nodown.train import _step_time

def full_spectrum_forward(self, x):
    "The baseline: the centred masked crop of the full complex spectrum, back with a complex inverse FFT."
    s = self.strides()
    mh, mw = (self.ramp(centred_freqs(self.side(n, si), x.device).to(si.dtype), n, si) for n, si in zip(x.shape[-2:], s))
    return spectral_crop(x, len(mh), len(mw), mh[:, None]*mw[None, :])

def with_baseline(model):
    "`model` with every `DiffStride` computing the baseline's way."
    for m in model.modules():
        if isinstance(m, DiffStride): m.forward = types.MethodType(full_spectrum_forward, m)
    return model

def layer_time(layer, x, steps):
    "Seconds for `steps` forward-backward passes of `layer` on `x` (after one warm-up)."
    for i in range(steps+1):
        if i == 1: t = time.perf_counter()
        layer(x).square().mean().backward()
    return time.perf_counter() - t

if __name__ == '__main__':
    p = argparse.ArgumentParser(); p.add_argument('--bs', type=int, default=64)
    p.add_argument('--rounds', type=int, default=3); p.add_argument('--steps', type=int, default=3)
    a = p.parse_args()
    torch.manual_seed(0)
    x = torch.randn(a.bs, 32, 32, 32).contiguous(memory_format=torch.channels_last).requires_grad_()
    xb = torch.randn(a.bs, 3, 32, 32).contiguous(memory_format=torch.channels_last); yb = torch.randint(0, 10, (a.bs,))
    cases = {}
    for s in (1., 2.):
        cases[f'layer, stride {s:g}'] = [(lambda l: lambda: layer_time(l, x, a.steps))(layer)
                                         for layer in (DiffStride(s), with_baseline(DiffStride(s)))]
        torch.testing.assert_close(DiffStride(s)(x), with_baseline(DiffStride(s))(x), atol=1e-5, rtol=1e-5)
    for s in (1, 2):
        torch.manual_seed(0); new = create_model('vgg4_diffstride', init_stride=s).train()
        old = with_baseline(create_model('vgg4_diffstride', init_stride=s).train())
        old.load_state_dict(new.state_dict())
        nets = [m.to(memory_format=torch.channels_last) for m in (new, old)]
        torch.testing.assert_close(nets[0](xb), nets[1](xb), atol=1e-4, rtol=1e-4)
        cases[f'vgg4_diffstride step, init_stride {s}'] = [(lambda m: lambda: _step_time(m, xb, yb, a.steps))(m)
                                                            for m in nets]
    times = {k: ([], []) for k in cases}
    for _ in range(a.rounds):
        for k, fs in cases.items():
            for t, f in zip(times[k], fs): t.append(f() / a.steps)
    print(f"{'case':36s} {'rfft ms':>8s} {'full ms':>8s} {'speed-up':>9s}   ({torch.get_num_threads()} threads)")
    for k, (new, old) in times.items():
        n, o = statistics.median(new)*1e3, statistics.median(old)*1e3
        print(f"{k:36s} {n:8.1f} {o:8.1f} {o/n:9.2f}")

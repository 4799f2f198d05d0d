"""Is `torch.compile` worth it for a training step here? For each net, a bare training step (forward, backward, SGD) on a
random batch in the channels_last format the study uses, eager against compiled (`nn.Module.compile`, inductor),
alternating round by round, the compile time apart; and whether compiled training is deterministic (two compiled
copies trained the same steps from the same weights end bit-equal) and how far it moves from eager (max abs weight
difference after those steps). A run's `compile` option follows from what this prints for its net and machine.

    python bench/compile_speed.py [--models vgg_4 vgg4_dilation_same convmixer_64_4_p1] [--steps 5] [--rounds 3]
"""
import argparse, copy, statistics, time
import torch
from nodown.models import create_model
from nodown.train import _step_time

def trained(m, xb, yb, steps:int):
    "`m` after `steps` SGD steps on one batch (lr 0.01): its weights, flat."
    opt = torch.optim.SGD(m.parameters(), lr=0.01)
    for _ in range(steps): opt.zero_grad(); torch.nn.functional.cross_entropy(m(xb), yb).backward(); opt.step()
    return torch.cat([p.detach().flatten() for p in m.parameters()])

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--models', nargs='+', default=['vgg_4', 'vgg4_dilation_same', 'convmixer_64_4_p1'])
    p.add_argument('--bs', type=int, default=64); p.add_argument('--steps', type=int, default=5)
    p.add_argument('--rounds', type=int, default=3)
    a = p.parse_args()
    g = torch.Generator().manual_seed(0)
    xb = torch.randn(a.bs, 3, 32, 32, generator=g).contiguous(memory_format=torch.channels_last)
    yb = torch.randint(0, 10, (a.bs,), generator=g)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {a.bs}")
    for name in a.models:
        torch.manual_seed(0); m = create_model(name).train().to(memory_format=torch.channels_last)
        eager, comp = copy.deepcopy(m), copy.deepcopy(m)
        t = time.perf_counter(); comp.compile(); _step_time(comp, xb, yb, 1); c_s = time.perf_counter() - t
        te, tc = [], []
        for _ in range(a.rounds):
            te.append(_step_time(eager, xb, yb, a.steps)); tc.append(_step_time(comp, xb, yb, a.steps))
        w1, w2 = copy.deepcopy(m), copy.deepcopy(m); w1.compile(); w2.compile()
        c1, c2, e = trained(w1, xb, yb, 3), trained(w2, xb, yb, 3), trained(copy.deepcopy(m), xb, yb, 3)
        same, diff = torch.equal(c1, c2), (e - c1).abs().max().item()
        print(f"{name:20s} eager {statistics.median(te)/a.steps*1e3:7.1f} ms  compiled "
              f"{statistics.median(tc)/a.steps*1e3:7.1f} ms  speedup {statistics.median(te)/statistics.median(tc):.2f}x  "
              f"(compile {c_s:.0f} s)  compiled deterministic: {same}  max |w_eager - w_compiled| after 3 steps: {diff:.1e}")

#!/usr/bin/python3
"""Owns training + ONNX export of the tiny patch descriptor the engine runs per frame.

Same data and loss as train_patch_descriptor.py (self-supervised patch pairs from homographic warps
of Debian wallpapers and synthetic cards, HardNet triplet loss), but a network ~15x cheaper so a
frame's ~500 patches fit the live-camera budget in onnxruntime-web WASM:
32x32 -> 2x2 average -> conv 8 -> conv 16 /2 -> conv 32 /2 -> linear 256, L2-normalised.

  /usr/bin/python3 models/training/train_tiny_descriptor.py --minutes 12 --out /tmp/patch-descriptor-tiny-trained.onnx
  then: /usr/bin/python3 models/training/trim_descriptor_input.py /tmp/patch-descriptor-tiny-trained.onnx models/patch-descriptor-tiny.onnx
  (the engine runs the trimmed graph: its patch sampler standardises and pools, see that script)
"""
import argparse, os, random, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_patch_descriptor import binary_top1, cached_pairs, export, make_pairs, sources, train_step  # noqa: E402

torch.set_flush_denormal(True)
torch.set_num_threads(2)


class TinyPatchNet(nn.Module):
    def __init__(self, dim=256):
        super().__init__()
        def blk(i, o, s=1):
            return [nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
        self.f = nn.Sequential(nn.AvgPool2d(2), *blk(1, 8), *blk(8, 16, 2), *blk(16, 32, 2))
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(32 * 4 * 4, dim, bias=False), nn.BatchNorm1d(dim, affine=False))

    def forward(self, x):  # x: N x 1 x 32 x 32 raw grey 0..255
        m = x.mean(dim=(2, 3), keepdim=True)
        s = ((x - m) ** 2).mean(dim=(2, 3), keepdim=True).add(1e-3).sqrt() + 4.0
        return F.normalize(self.head(self.f((x - m) / s)), dim=1)



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=12)
    ap.add_argument('--pairs', type=int, default=200000)
    ap.add_argument('--out', default='/tmp/patch-descriptor-tiny-trained.onnx')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--batch', type=int, default=512)
    ap.add_argument('--cache', default='.cache/patch-pairs-v0.npz')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    A, B = cached_pairs(args.cache, lambda: make_pairs(sources(), rng, args.pairs))
    nval = 5000
    va, vb = torch.from_numpy(A[:nval, None].astype(np.float32)), torch.from_numpy(B[:nval, None].astype(np.float32))
    A, B = A[nval:], B[nval:]
    net = TinyPatchNet()
    opt = torch.optim.Adam(net.parameters(), lr=3e-3, weight_decay=1e-4)
    step, t1 = 0, time.time()
    while time.time() - t1 < args.minutes * 60:
        lr = 3e-3 * max(0.05, 1 - (time.time() - t1) / (args.minutes * 60))
        loss = train_step(net, opt, A, B, rng, args.batch, lr)
        step += 1
        if step % 200 == 0:
            net.eval()
            with torch.no_grad():
                bacc = binary_top1(net(va[:2000]), net(vb[:2000]))
            net.train()
            print(f'step {step} loss {loss.item():.3f} val top1 binary {bacc:.3f} ({time.time() - t1:.0f} s)', flush=True)
            export(net, args.out)
    export(net, args.out)


if __name__ == '__main__':
    main()

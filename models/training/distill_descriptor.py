#!/usr/bin/python3
"""Owns the distillation of the shipped tiny patch descriptor into a cheaper student network.

The student learns to reproduce the teacher's unit descriptors (squared error, plus a hinge that
asks for the teacher's sign on every dimension, since the engine keeps only the signs) on the
patches of the cached self-supervised training pairs: the same Debian-sourced data as the teacher,
no benchmark images. Architectures are listed in STUDENTS (layers after the 2x2 average: in,
out, stride); the per-patch standardisation and the L2 normalisation are the teacher's.

  /usr/bin/python3 models/training/distill_descriptor.py --student s8 --minutes 15 \
      --teacher models/patch-descriptor-tiny.onnx --out /tmp/desc-s8.onnx
"""
import argparse, os, random, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_patch_descriptor import binary_top1, cached_pairs, export, hardnet_loss, make_pairs, sources  # noqa: E402
from finetune_descriptor import FoldedTinyNet, load_onnx  # noqa: E402

torch.set_flush_denormal(True)

# name: (conv layers after the 2x2 average as (in, out, stride), flattened features)
STUDENTS = {
    's8': ([(1, 8, 2), (8, 16, 2)], 256),
    's9': ([(1, 16, 2), (16, 16, 2)], 256),
    's10': ([(1, 8, 2), (8, 32, 2)], 512),
}


class StudentNet(nn.Module):
    def __init__(self, layers, features, dim=256):
        super().__init__()
        blocks = []
        for i, o, s in layers:
            blocks += [nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
        self.f = nn.Sequential(nn.AvgPool2d(2), *blocks)
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(features, dim, bias=False), nn.BatchNorm1d(dim, affine=False))

    def forward(self, x):  # x: N x 1 x 32 x 32 raw grey 0..255, standardised like the teacher
        m = x.mean(dim=(2, 3), keepdim=True)
        s = ((x - m) ** 2).mean(dim=(2, 3), keepdim=True).add(1e-3).sqrt() + 4.0
        return F.normalize(self.head(self.f((x - m) / s)), dim=1)


def teacher_outputs(teacher, patches, batch=4096):
    out = np.empty((len(patches), 256), np.float32)
    with torch.no_grad():
        for i in range(0, len(patches), batch):
            out[i:i + batch] = teacher(torch.from_numpy(patches[i:i + batch, None].astype(np.float32))).numpy()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--student', default='s8', choices=sorted(STUDENTS))
    ap.add_argument('--teacher', default='models/patch-descriptor-tiny.onnx')
    ap.add_argument('--minutes', type=float, default=15)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--batch', type=int, default=1024)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--pair-weight', type=float, default=0, help='weight of the HardNet loss on the pairs')
    ap.add_argument('--cache', default='.cache/patch-pairs-v0.npz')
    ap.add_argument('--hard-cache', default='.cache/patch-pairs-hard-s3.npz')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    A, B = cached_pairs(args.cache, lambda: make_pairs(sources(), rng, 120000))
    nval = 5000  # the teacher's validation pairs stay unseen here too
    va, vb = torch.from_numpy(A[:nval, None].astype(np.float32)), torch.from_numpy(B[:nval, None].astype(np.float32))
    PA, PB = A[nval:], B[nval:]
    if os.path.exists(args.hard_cache):
        z = np.load(args.hard_cache)
        PA, PB = np.concatenate([PA, z['a']]), np.concatenate([PB, z['b']])
    teacher = FoldedTinyNet()
    load_onnx(teacher, args.teacher)
    teacher.eval()
    t0 = time.time()
    TA, TB = teacher_outputs(teacher, PA), teacher_outputs(teacher, PB)
    with torch.no_grad():
        print(f'{len(PA)} pairs, teacher outputs in {time.time() - t0:.0f} s; teacher val top1 binary '
              f'{binary_top1(teacher(va[:2000]), teacher(vb[:2000])):.3f}', flush=True)
    layers, features = STUDENTS[args.student]
    net = StudentNet(layers, features)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    step, t1 = 0, time.time()
    while time.time() - t1 < args.minutes * 60:
        lr = 3e-3 * max(0.03, 1 - (time.time() - t1) / (args.minutes * 60))
        for g in opt.param_groups:
            g['lr'] = lr
        idx = np.random.randint(0, len(PA), args.batch // 2)
        x = torch.from_numpy(np.concatenate([PA[idx], PB[idx]])[:, None].astype(np.float32))
        t = torch.from_numpy(np.concatenate([TA[idx], TB[idx]]))
        s = net(x)
        # Teacher's descriptors (values and signs), plus the teacher's own pair objective.
        loss = ((s - t) ** 2).sum(1).mean() + 4 * F.relu(0.03 - s * torch.sign(t)).sum(1).mean()
        if args.pair_weight > 0:
            loss = loss + args.pair_weight * hardnet_loss(s[:len(idx)], s[len(idx):])
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        if step % 250 == 0:
            net.eval()
            with torch.no_grad():
                sa, ta = net(va[:2000]), teacher(va[:2000])
                agree = ((sa > 0) == (ta > 0)).float().mean().item()
                top1 = binary_top1(sa, net(vb[:2000]))
            net.train()
            print(f'step {step} loss {loss.item():.4f} sign agreement {agree:.4f} val top1 binary {top1:.3f} '
                  f'({time.time() - t1:.0f} s)', flush=True)
            export(net, args.out)
    export(net, args.out)


if __name__ == '__main__':
    main()

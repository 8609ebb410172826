#!/usr/bin/python3
"""Owns training + ONNX export of the tiny patch descriptor, second recipe (from scratch).

Same network as train_tiny_descriptor.py (so the same cost per frame), trained longer on a 1:1 mix
of the original pairs and hard pairs (frontal clean view vs a degraded view: perspective tilt up
to 60 degrees, faded prints, blur, noise, JPEG; see finetune_descriptor.py), with a larger batch
for harder in-batch negatives and a second HardNet term on tanh-squashed descriptors, so that the
signs the engine keeps (Hamming matching) carry the discrimination, not only the float values.

  /usr/bin/python3 models/training/train_descriptor_v2.py --minutes 35 --out /tmp/patch-descriptor-tiny-trained.onnx
  then: /usr/bin/python3 models/training/trim_descriptor_input.py /tmp/patch-descriptor-tiny-trained.onnx models/patch-descriptor-tiny.onnx
  (the engine runs the trimmed graph: its patch sampler standardises and pools, see that script)
"""
import argparse, os, random, sys, time
import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_patch_descriptor import binary_top1, cached_pairs, export, hardnet_with_signs, make_pairs, pairs_top1, sources  # noqa: E402
from train_tiny_descriptor import TinyPatchNet  # noqa: E402
from finetune_descriptor import FoldedTinyNet, hard_pairs, load_onnx, mixed_batch  # noqa: E402
from distill_descriptor import STUDENTS, StudentNet  # noqa: E402

torch.set_flush_denormal(True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=35)
    ap.add_argument('--out', default='/tmp/patch-descriptor-tiny-trained.onnx')
    ap.add_argument('--seed', type=int, default=3)
    ap.add_argument('--batch', type=int, default=768)
    ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--binary-weight', type=float, default=0.5)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--hard', type=int, default=200000)
    ap.add_argument('--arch', default='tiny', choices=['tiny', *sorted(STUDENTS)], help='tiny, or a cheaper network of distill_descriptor.py')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    t0 = time.time()
    imgs = sources()
    # Original pairs: same generator and seed as the first recipe (train_tiny_descriptor.py).
    EA, EB = cached_pairs('.cache/patch-pairs-v0.npz', lambda: make_pairs(imgs, random.Random(1), 120000))
    HA, HB = cached_pairs(f'.cache/patch-pairs-hard-s{args.seed}.npz', lambda: hard_pairs(imgs, random.Random(args.seed), args.hard))
    print(f'{len(EA)} original + {len(HA)} hard pairs ({time.time() - t0:.0f} s)', flush=True)
    nval = 5000  # the first rows of each set are held out (as in the earlier scripts)
    val = [torch.from_numpy(x[:2000, None].astype(np.float32)) for x in (HA, HB, EA, EB)]
    HA, HB, EA, EB = HA[nval:], HB[nval:], EA[nval:], EB[nval:]

    net = TinyPatchNet() if args.arch == 'tiny' else StudentNet(*STUDENTS[args.arch])
    opt = torch.optim.Adam(net.parameters(), lr=args.lr, weight_decay=1e-4)

    def evaluate():
        return pairs_top1(net, val[0], val[1]), pairs_top1(net, val[2], val[3])

    def embed(x):
        """The network's forward before its L2 normalisation (same standardisation)."""
        m = x.mean(dim=(2, 3), keepdim=True)
        s = ((x - m) ** 2).mean(dim=(2, 3), keepdim=True).add(1e-3).sqrt() + 4.0
        return net.head(net.f((x - m) / s))

    shipped = FoldedTinyNet()
    load_onnx(shipped, 'models/patch-descriptor-tiny.onnx')
    shipped.eval()
    with torch.no_grad():
        print('shipped model: binary top1 hard %.3f original %.3f' % (
            binary_top1(shipped(val[0]), shipped(val[1])), binary_top1(shipped(val[2]), shipped(val[3]))), flush=True)

    best, step, t1 = -1.0, 0, time.time()
    while time.time() - t1 < args.minutes * 60:
        lr = args.lr * max(0.03, 1 - (time.time() - t1) / (args.minutes * 60))
        for g in opt.param_groups:
            g['lr'] = lr
        xa, xb = mixed_batch(HA, HB, EA, EB, args.batch)
        loss = hardnet_with_signs(embed(xa), embed(xb), args.binary_weight)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        if step % 200 == 0:
            hard, orig = evaluate()
            print(f'step {step} loss {loss.item():.3f} binary top1 hard {hard:.3f} original {orig:.3f} ({time.time() - t1:.0f} s)', flush=True)
            if hard + orig > best:
                best = hard + orig
                export(net, args.out)
                net.train()
    hard, orig = evaluate()
    if best < 0:  # too short a run for any evaluation: export what there is
        export(net, args.out)
    print(f'end after {step} steps: binary top1 hard {hard:.3f} original {orig:.3f}; exported {args.out}', flush=True)


if __name__ == '__main__':
    main()

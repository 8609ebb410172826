#!/usr/bin/python3
"""Experiment (nothing shipped): fine-tunes the shipped tiny descriptor on pairs the engine itself cut
(engine_pairs.ts: the compiler's reference keypoints against the matcher's keypoints in synthetic
phone photos, with the engine's own orientation, scale and sampling), mixed 1:1 with the original
pairs, with the HardNet loss on the descriptors and on their tanh-squashed signs. Writes the network
in the engine's trimmed form (standardised 16x16 input, no L2; see trim_descriptor_input.py), ready
for `ab.ts --model`.

  npx tsx models/training/engine_pairs.ts --pairs 40000 --seed 11 --out .cache/engine-pairs-s11
  /usr/bin/python3 models/training/finetune_engine_pairs.py --pairs .cache/engine-pairs-s11 --minutes 15 --out /tmp/desc-engine.onnx
Sixteenth session, the hard tail (engine_pairs.ts --hard) mixed with ordinary engine pairs:
  npx tsx models/training/engine_pairs.ts --pairs 30000 --seed 11 --out .cache/s16/engine-pairs-s11
  npx tsx models/training/engine_pairs.ts --pairs 40000 --seed 12 --hard --out .cache/s16/engine-pairs-hard-s12
  /usr/bin/python3 models/training/finetune_engine_pairs.py --pairs .cache/s16/engine-pairs-hard-s12 \
    --mix .cache/s16/engine-pairs-s11 --minutes 60 --checkpoint-every 1000 --out /tmp/desc-hard.onnx
"""
import argparse, copy, os, sys
import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from finetune_descriptor import FoldedTinyNet, load_onnx, mixed_batch, timed_steps  # noqa: E402
from train_patch_descriptor import hardnet_with_signs, pairs_top1  # noqa: E402

torch.set_flush_denormal(True)


class Trimmed(nn.Module):
    """The fine-tuned network from its first convolution on, as the engine runs it."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, y):
        return self.net.trunk(y)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pairs', required=True, help='prefix of the <prefix>-a.u8 / -b.u8 files from engine_pairs.ts')
    ap.add_argument('--minutes', type=float, default=15)
    ap.add_argument('--lr', type=float, default=5e-4)
    ap.add_argument('--batch', type=int, default=384)
    ap.add_argument('--binary-weight', type=float, default=0.5)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--init', default='models/patch-descriptor-tiny.onnx', help='the trimmed network to start from')
    ap.add_argument('--device', default='cpu', help="torch device, e.g. 'cuda' on a lent GPU")
    ap.add_argument('--mix', default='.cache/patch-pairs-v0.npz',
                    help='pairs mixed in 1:1: the original recipe (.npz) or another engine_pairs.ts prefix')
    ap.add_argument('--checkpoint-every', type=int, default=0, help='also export every N steps (<out>-<step>.onnx)')
    ap.add_argument('--out', default='/tmp/desc-engine.onnx')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    A = np.fromfile(args.pairs + '-a.u8', np.uint8).reshape(-1, 32, 32)
    B = np.fromfile(args.pairs + '-b.u8', np.uint8).reshape(-1, 32, 32)
    if args.mix.endswith('.npz'):
        z = np.load(args.mix)  # made by train_tiny_descriptor.py / train_descriptor_v2.py
        EA, EB = z['a'], z['b']
    else:
        EA = np.fromfile(args.mix + '-a.u8', np.uint8).reshape(-1, 32, 32)
        EB = np.fromfile(args.mix + '-b.u8', np.uint8).reshape(-1, 32, 32)
    # Held out: the first 3,000 engine pairs (the first images) and the original recipe's 5,000.
    device = torch.device(args.device)
    val = [torch.from_numpy(x[:2000, None].astype(np.float32)).to(device) for x in (A, B, EA, EB)]
    A, B, EA, EB = A[3000:], B[3000:], EA[5000:], EB[5000:]
    net = FoldedTinyNet()
    load_onnx(net, args.init)
    net.to(device)

    def evaluate():
        return pairs_top1(net, val[0], val[1]), pairs_top1(net, val[2], val[3])

    print('start: binary top1 engine pairs %.3f, original pairs %.3f' % evaluate(), flush=True)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    step = 0
    for step, seconds in timed_steps(opt, args.lr, args.minutes):
        xa, xb = (x.to(device) for x in mixed_batch(A, B, EA, EB, args.batch))
        loss = hardnet_with_signs(net.embed(xa), net.embed(xb), args.binary_weight)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 100 == 0:
            print(f'step {step} loss {loss.item():.3f} binary top1 engine/mixed-in %.3f/%.3f ({seconds:.0f} s)' % evaluate(), flush=True)
        if args.checkpoint_every and step > 0 and step % args.checkpoint_every == 0:
            export(net, args.out.replace('.onnx', f'-{step}.onnx'))
    print('end after %d steps: binary top1 engine pairs %.3f, mixed-in pairs %.3f' % (step, *evaluate()), flush=True)
    export(net, args.out)


def export(net, path):
    trimmed = Trimmed(copy.deepcopy(net).cpu()).eval()
    torch.onnx.export(trimmed, torch.zeros(8, 1, 16, 16), path, input_names=['patches'], output_names=['descriptors'],
                      dynamic_axes={'patches': {0: 'n'}, 'descriptors': {0: 'n'}}, opset_version=13)
    print('exported', path, flush=True)


if __name__ == '__main__':
    main()

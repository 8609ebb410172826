#!/usr/bin/python3
"""Owns training + ONNX export of the prototype patch descriptor (HardNet-style, self-supervised on
homographic warps). Debian packages only: python3-torch python3-opencv python3-onnx python3-numpy.

  /usr/bin/python3 models/training/train_patch_descriptor.py --minutes 12 --out models/patch-desc-v0.onnx

Patches follow the sampling rule in src/recognition/shared/patches.ts (ORB keypoint, 1.25 x size,
rotated by the ORB angle, bilinear from a box-filtered /2 pyramid) so training and runtime agree.
"""
import argparse, glob, os, random, time
import numpy as np
import cv2
import torch
import torch.nn as nn
import torch.nn.functional as F

P = 32
torch.set_flush_denormal(True)
torch.set_num_threads(2)
cv2.setNumThreads(1)


def sources():
    files = sorted(glob.glob('/usr/share/wallpapers/*/contents/images/*.jpg') + glob.glob('/usr/share/wallpapers/*/contents/images/*.png'))
    files += sorted(glob.glob('/usr/share/backgrounds/mate/nature/*.jpg') + glob.glob('/usr/share/backgrounds/*.jpg') + glob.glob('/usr/share/backgrounds/*.png'))
    files += sorted(glob.glob('/usr/share/backgrounds/gnome/*.webp'))
    files += sorted(glob.glob('/usr/share/visp-images-data/ViSP-images/*/image.0*1.pgm'))
    imgs = []
    for f in files:
        im = cv2.imread(f, cv2.IMREAD_GRAYSCALE)
        if im is None:
            continue
        s = 900 / max(im.shape)
        if s < 1:
            im = cv2.resize(im, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
        imgs.append(im)
    return imgs


def text_card(rng):
    """Poster-like synthetic card: flat colours, shapes and text (posters are mostly this)."""
    h, w = 480, 480
    im = np.full((h, w), rng.randint(0, 255), np.uint8)
    for _ in range(rng.randint(3, 12)):
        c = rng.randint(0, 255)
        k = rng.random()
        x, y = rng.randint(0, w), rng.randint(0, h)
        if k < 0.4:
            cv2.circle(im, (x, y), rng.randint(5, 80), c, -1 if rng.random() < 0.7 else rng.randint(1, 6), cv2.LINE_AA)
        elif k < 0.7:
            cv2.rectangle(im, (x, y), (x + rng.randint(10, 150), y + rng.randint(10, 150)), c, -1, cv2.LINE_AA)
        else:
            word = ''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') for _ in range(rng.randint(3, 10)))
            cv2.putText(im, word, (x - 100, y), rng.randint(0, 7), rng.uniform(0.6, 2.5), c, rng.randint(1, 4), cv2.LINE_AA)
    return im


def random_homography(rng, w, h):
    c = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    tilt = rng.uniform(0, 0.35)
    d = c + np.float32([[rng.uniform(-tilt, tilt) * w, rng.uniform(-tilt, tilt) * h] for _ in range(4)])
    ang = np.deg2rad(rng.gauss(0, 25) if rng.random() < 0.8 else rng.uniform(-180, 180))
    s = np.exp(rng.uniform(np.log(0.5), np.log(1.5)))
    ctr = np.float32([w / 2, h / 2])
    R = np.float32([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]]) * s
    d = (d - ctr) @ R.T + ctr
    return cv2.getPerspectiveTransform(c, d.astype(np.float32))


def photometric(rng, im):
    f = im.astype(np.float32) * rng.uniform(0.5, 1.3) + rng.uniform(-30, 30)
    f = 255 * np.clip(f / 255, 0, 1) ** rng.uniform(0.7, 1.4)
    if rng.random() < 0.5:
        f = cv2.GaussianBlur(f, (0, 0), rng.uniform(0.4, 2.0))
    f += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, rng.uniform(0, 8), f.shape)
    out = np.clip(f, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        out = cv2.imdecode(cv2.imencode('.jpg', out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(35, 90)])[1], 0)
    return out


def pyramid(im):
    levels = [im.astype(np.float32)]
    for _ in range(3):
        prev = levels[-1]
        h, w = prev.shape[0] // 2, prev.shape[1] // 2
        levels.append(prev[: 2 * h, : 2 * w].reshape(h, 2, w, 2).mean(axis=(1, 3)))
    return levels


def extract(pyr, kps):
    """Same rule as patches.ts: side = 1.25*size, rotate by angle, sample level floor(log2(step))."""
    out = np.zeros((len(kps), P, P), np.float32)
    g = (np.arange(P, dtype=np.float32) - (P - 1) / 2)
    gu, gv = np.meshgrid(g, g)
    for n, (x, y, ang, size) in enumerate(kps):
        step = 1.25 * size / P
        lvl = int(min(3, max(0, np.floor(np.log2(max(step, 1e-6))))))
        im = pyr[lvl]
        sc = 2.0 ** lvl
        t = np.deg2rad(ang)
        ca, sa = np.cos(t), np.sin(t)
        px = x + (gu * ca - gv * sa) * step
        py = y + (gu * sa + gv * ca) * step
        lx = np.clip((px + 0.5) / sc - 0.5, 0, im.shape[1] - 1.001)
        ly = np.clip((py + 0.5) / sc - 0.5, 0, im.shape[0] - 1.001)
        x0, y0 = np.floor(lx).astype(int), np.floor(ly).astype(int)
        fx, fy = lx - x0, ly - y0
        out[n] = (im[y0, x0] * (1 - fx) + im[y0, x0 + 1] * fx) * (1 - fy) + (im[y0 + 1, x0] * (1 - fx) + im[y0 + 1, x0 + 1] * fx) * fy
    return out


def make_pairs(imgs, rng, count):
    orb = cv2.ORB_create(400)
    A, B = [], []
    total = 0
    while total < count:
        base = text_card(rng) if rng.random() < 0.35 else rng.choice(imgs)
        h, w = base.shape
        cw, ch = min(w, 480), min(h, 480)
        x0, y0 = rng.randint(0, w - cw), rng.randint(0, h - ch)
        a = base[y0:y0 + ch, x0:x0 + cw]
        H = random_homography(rng, cw, ch)
        b = photometric(rng, cv2.warpPerspective(a, H, (cw, ch), borderMode=cv2.BORDER_REFLECT))
        a = photometric(rng, a)
        ka = orb.detect(a, None)
        kb = orb.detect(b, None)
        if len(ka) < 10 or len(kb) < 10:
            continue
        pa = cv2.perspectiveTransform(np.float32([k.pt for k in ka]).reshape(-1, 1, 2), H).reshape(-1, 2)
        pb = np.float32([k.pt for k in kb])
        d = ((pa[:, None, :] - pb[None, :, :]) ** 2).sum(-1)
        j = d.argmin(1)
        ok = d[np.arange(len(ka)), j] < 2.5 ** 2
        ia = np.nonzero(ok)[0]
        if len(ia) == 0:
            continue
        ia = ia[np.unique(j[ia], return_index=True)[1]]
        qa = [(ka[i].pt[0], ka[i].pt[1], ka[i].angle, ka[i].size) for i in ia]
        qb = [(kb[j[i]].pt[0], kb[j[i]].pt[1], kb[j[i]].angle, kb[j[i]].size) for i in ia]
        A.append(extract(pyramid(a), qa).astype(np.uint8))
        B.append(extract(pyramid(b), qb).astype(np.uint8))
        total += len(ia)
    return np.concatenate(A)[:count], np.concatenate(B)[:count]


class PatchNet(nn.Module):
    def __init__(self, dim=256):
        super().__init__()
        def blk(i, o, s=1):
            return [nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
        self.f = nn.Sequential(*blk(1, 16), *blk(16, 16, 2), *blk(16, 32), *blk(32, 32, 2), *blk(32, 64), *blk(64, 64, 2),
                               nn.Conv2d(64, dim, 4, bias=False), nn.BatchNorm2d(dim, affine=False))

    def forward(self, x):  # x: N×1×32×32 raw grey 0..255
        m = x.mean(dim=(2, 3), keepdim=True)
        s = ((x - m) ** 2).mean(dim=(2, 3), keepdim=True).add(1e-3).sqrt() + 4.0
        y = self.f((x - m) / s).flatten(1)
        return F.normalize(y, dim=1)


def cached_pairs(cache, make):
    """Patch pairs (a, b) from an .npz cache, made by make() and saved there the first time."""
    if os.path.exists(cache):
        z = np.load(cache)
        return z['a'], z['b']
    a, b = make()
    os.makedirs(os.path.dirname(cache) or '.', exist_ok=True)
    np.savez(cache, a=a, b=b)
    return a, b


def hardnet_loss(a, b, margin=1.0):
    d = torch.cdist(a, b)
    pos = d.diag()
    eye = torch.eye(len(a), device=a.device) * 10
    neg = torch.min((d + eye).min(1)[0], (d + eye).min(0)[0])
    return F.relu(margin + pos - neg).mean()


def train_step(net, opt, A, B, rng, batch, lr):
    """One HardNet step on a random batch of pairs (views swapped half the time)."""
    idx = np.random.randint(0, len(A), batch)
    xa = torch.from_numpy(A[idx, None].astype(np.float32))
    xb = torch.from_numpy(B[idx, None].astype(np.float32))
    if rng.random() < 0.5:
        xa, xb = xb, xa
    loss = hardnet_loss(net(xa), net(xb))
    for g in opt.param_groups:
        g['lr'] = lr
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss


def binary_top1(da, db):
    """Share of patches whose sign-binarised descriptor's Hamming nearest neighbour is its pair."""
    ba, bb = (da > 0).float(), (db > 0).float()
    ham = (ba[:, None, :] != bb[None, :, :]).sum(-1)
    return (ham.argmin(1) == torch.arange(len(da), device=da.device)).float().mean().item()


def hardnet_with_signs(ya, yb, binary_weight):
    """HardNet loss on the descriptors (before L2) plus, weighted, on their tanh-squashed signs, so
    that the signs the engine keeps (Hamming matching) carry the discrimination too."""
    loss = hardnet_loss(F.normalize(ya, dim=1), F.normalize(yb, dim=1))
    if binary_weight > 0:
        loss = loss + binary_weight * hardnet_loss(F.normalize(torch.tanh(2 * ya), dim=1), F.normalize(torch.tanh(2 * yb), dim=1))
    return loss


def pairs_top1(net, a, b):
    """binary_top1 of the network's descriptors of held-out pairs (a[i], b[i]), in eval mode."""
    net.eval()
    with torch.no_grad():
        r = binary_top1(net(a), net(b))
    net.train()
    return r


def export(net, out):
    net.eval()
    os.makedirs(os.path.dirname(out) or '.', exist_ok=True)
    torch.onnx.export(net, torch.zeros(8, 1, P, P), out, input_names=['patches'], output_names=['descriptors'],
                      dynamic_axes={'patches': {0: 'n'}, 'descriptors': {0: 'n'}}, opset_version=13)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=12)
    ap.add_argument('--pairs', type=int, default=200000)
    ap.add_argument('--out', default='models/patch-desc-v0.onnx')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--batch', type=int, default=256)
    ap.add_argument('--cache', default='.cache/patch-pairs-v0.npz', help='reuse generated pairs across runs')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    t0 = time.time()
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache)
        A, B = z['a'], z['b']
    else:
        A, B = make_pairs(sources(), rng, args.pairs)
        if args.cache:
            os.makedirs(os.path.dirname(args.cache) or '.', exist_ok=True)
            np.savez(args.cache, a=A, b=B)
    print(f'{len(A)} patch pairs in {time.time() - t0:.0f} s', flush=True)
    nval = 5000
    va, vb = torch.from_numpy(A[:nval, None].astype(np.float32)), torch.from_numpy(B[:nval, None].astype(np.float32))
    A, B = A[nval:], B[nval:]
    net = PatchNet()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-4)
    bs, step, t1 = args.batch, 0, time.time()
    sched = lambda: max(0.05, 1 - (time.time() - t1) / (args.minutes * 60))
    while time.time() - t1 < args.minutes * 60:
        loss = train_step(net, opt, A, B, rng, bs, 2e-3 * sched())
        step += 1
        if step % 100 == 0:
            net.eval()
            with torch.no_grad():
                da, db = net(va[:2000]), net(vb[:2000])
                acc = (torch.cdist(da, db).argmin(1) == torch.arange(2000)).float().mean().item()
                bacc = binary_top1(da, db)
            net.train()
            print(f'step {step} loss {loss.item():.3f} val top1 float {acc:.3f} binary {bacc:.3f} ({time.time() - t1:.0f} s)', flush=True)
        if step % 300 == 0:
            export(net, args.out)
            net.train()
    export(net, args.out)
    print(f'exported {args.out} after {step} steps, {time.time() - t0:.0f} s total')


if __name__ == '__main__':
    main()

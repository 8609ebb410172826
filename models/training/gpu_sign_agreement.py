"""Owns a GPU check of the shipped descriptor: how many descriptor signs a GPU's float arithmetic
(cuDNN through PyTorch, strict fp32 and TF32) flips against onnxruntime's CPU run, the figure behind
the browser's WebGPU agreement rule (src/recognition/engine/descriptor-backend.ts).

  python3 models/training/gpu_sign_agreement.py --patches patches.f32

`--patches`: float32 N x 32 x 32 raw grey patches as the engine samples them (the eighth session
used 4,096 patches sampled from bench frames). Needs torch (CUDA for the GPU rows), onnx,
onnxruntime and the training scripts beside this file. The shipped model is now trimmed to take
16×16 standardised inputs (trim_descriptor_input.py), which onnxruntime cannot run on these raw
patches, so the reference falls back to PyTorch on CPU; pass a trained (untrimmed) model as
`--model` to compare against onnxruntime as the eighth session did.
"""
import argparse, os, sys, time
import numpy as np
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from finetune_descriptor import FoldedTinyNet, load_onnx  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('--patches', required=True)
ap.add_argument('--model', default='models/patch-descriptor-tiny.onnx')
args = ap.parse_args()
P = np.fromfile(args.patches, dtype=np.float32).reshape(-1, 1, 32, 32)
out = {}
try:
    import onnxruntime as ort
    sess = ort.InferenceSession(args.model, providers=['CPUExecutionProvider'])
    ref = sess.run(None, {'patches': P})[0]
    out['ref'] = 'onnxruntime CPU ' + ort.__version__
except Exception as e:  # noqa: BLE001
    ref = None
    out['ort_error'] = repr(e)
net = FoldedTinyNet()
load_onnx(net, args.model)
net.eval()
with torch.no_grad():
    cpu = net(torch.from_numpy(P)).numpy()
if ref is None:
    ref = cpu
    out['ref'] = 'torch CPU'

def cmp(name, x):
    same = ((x > 0) == (ref > 0)).mean()
    out[name] = dict(agreement=float(same), flipped=int(((x > 0) != (ref > 0)).sum()), of=int(x.size), max_abs_diff=float(np.abs(x - ref * (np.linalg.norm(x, axis=1, keepdims=True) / np.linalg.norm(ref, axis=1, keepdims=True))).max()))

cmp('torch_cpu', cpu)
if torch.cuda.is_available():
    out['gpu'] = torch.cuda.get_device_name(0)
    g = net.cuda()
    x = torch.from_numpy(P).cuda()
    for tf32 in (False, True):
        torch.backends.cudnn.allow_tf32 = tf32
        torch.backends.cuda.matmul.allow_tf32 = tf32
        with torch.no_grad():
            y = g(x).cpu().numpy()
            cmp('cuda_tf32' if tf32 else 'cuda_fp32', y)
            b = x[:512]
            for _ in range(5):
                g(b)
            torch.cuda.synchronize()
            t = time.perf_counter()
            for _ in range(50):
                g(b)
            torch.cuda.synchronize()
            out['ms_per_512_' + ('tf32' if tf32 else 'fp32')] = (time.perf_counter() - t) / 50 * 1000
for k, v in out.items():
    print(k, v)

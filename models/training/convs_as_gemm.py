# Experiment (seventh session, nothing shipped): rewrites the shipped descriptor graph with its 3x3
# convolutions as NHWC im2col Gemms — Pad, nine strided Slices, Concat, Gemm + bias, Relu — and the
# head's weight rows permuted to the NHWC flatten order. Same weights and maths (outputs agree to
# 3e-7, no sign flips on 128,000 values), to see whether one big GEMM per layer beats ORT-web's
# per-image convolutions in WASM. It does not (models/README.md). Needs python3-onnx and numpy only:
#   /usr/bin/python3 models/training/convs_as_gemm.py models/patch-descriptor-tiny.onnx /tmp/nhwc.onnx
import sys
import numpy as np
import onnx
from onnx import helper as h, numpy_helper as nh, TensorProto as T

src = onnx.load(sys.argv[1])
init = {t.name: nh.to_array(t) for t in src.graph.initializer}
nodes = list(src.graph.node)
# Keep the standardisation + pad + avgpool prefix (up to the AveragePool) unchanged.
prefix = []
for n in nodes:
    prefix.append(n)
    if n.op_type == 'AveragePool':
        pooled = n.output[0]
        break
tail_start = [i for i, n in enumerate(nodes) if n.op_type == 'MatMul'][0]
tail = nodes[tail_start + 1:]
convs = [n for n in nodes if n.op_type == 'Conv']
out_nodes = list(prefix)
inits = [t for t in src.graph.initializer if t.name in ('head.2.running_mean', 'head.2.running_var')]
def const(name, arr):
    inits.append(nh.from_array(np.asarray(arr), name)); return name
x = 'nhwc0'
out_nodes.append(h.make_node('Transpose', [pooled], [x], perm=[0, 2, 3, 1]))
size = 16
for li, conv in enumerate(convs):
    W = init[conv.input[1]]; b = init[conv.input[2]]
    stride = [a for a in conv.attribute if a.name == 'strides'][0].ints[0]
    co, ci = W.shape[0], W.shape[1]
    p = f'l{li}'
    out_nodes.append(h.make_node('Pad', [x, const(p + '_pads', np.array([0, 1, 1, 0, 0, 1, 1, 0], np.int64))], [p + '_pad']))
    osz = size // stride
    cols = []
    for dy in range(3):
        for dx in range(3):
            nm = f'{p}_s{dy}{dx}'
            out_nodes.append(h.make_node('Slice', [p + '_pad', const(nm + '_st', np.array([dy, dx], np.int64)), const(nm + '_en', np.array([dy + stride * (osz - 1) + 1, dx + stride * (osz - 1) + 1], np.int64)), const(nm + '_ax', np.array([1, 2], np.int64)), const(nm + '_sp', np.array([stride, stride], np.int64))], [nm]))
            cols.append(nm)
    out_nodes.append(h.make_node('Concat', cols, [p + '_cat'], axis=3))
    K = 9 * ci
    out_nodes.append(h.make_node('Reshape', [p + '_cat', const(p + '_shp', np.array([-1, K], np.int64))], [p + '_2d']))
    Wm = W.transpose(2, 3, 1, 0).reshape(K, co).astype(np.float32)  # row (dy*3+dx)*ci + c
    out_nodes.append(h.make_node('Gemm', [p + '_2d', const(p + '_w', Wm), const(p + '_b', b.astype(np.float32))], [p + '_mm']))
    out_nodes.append(h.make_node('Relu', [p + '_mm'], [p + '_relu']))
    out_nodes.append(h.make_node('Reshape', [p + '_relu', const(p + '_back', np.array([-1, osz, osz, co], np.int64))], [p + '_out']))
    x = p + '_out'; size = osz
C = co
Wh = init['onnx::MatMul_69']  # rows c*16 + h*4 + w
perm = np.array([c * size * size + hh * size + ww for hh in range(size) for ww in range(size) for c in range(C)])
out_nodes.append(h.make_node('Reshape', [x, const('flat_shp', np.array([-1, C * size * size], np.int64))], ['flat']))
out_nodes.append(h.make_node('MatMul', ['flat', const('head_w', Wh[perm].astype(np.float32))], ['/head/head.1/MatMul_output_0']))
out_nodes += tail
g = h.make_graph(out_nodes, 'descriptor_nhwc', list(src.graph.input), list(src.graph.output), inits)
m = h.make_model(g, opset_imports=src.opset_import, producer_name='stamp-rally')
m.ir_version = src.ir_version
onnx.checker.check_model(m)
onnx.save(m, sys.argv[2])
print('ok', sys.argv[2])

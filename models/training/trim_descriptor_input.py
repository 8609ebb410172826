"""Derives the shipped descriptor from a trained one: the same weights, with the graph's input steps
(per-patch standardisation and the 2×2 average) moved out to the engine's patch sampler, and the
final L2 normalisation dropped (the engine keeps only the signs, which a positive scale keeps).

A trained network (train_tiny_descriptor.py) takes raw 32×32 patches; its first nodes standardise
each patch, (x − mean) / (sqrt(var + 0.001) + 4), and average 2×2 blocks down to 16×16. The engine
now does both while sampling (src/recognition/shared/patches.ts), so the shipped network starts at
its first convolution and takes [N, 1, 16, 16] standardised values: a quarter of the input to copy
into onnxruntime and ten fewer nodes to run. The sampler's statistics are float64 where onnxruntime's
were float32, so a descriptor bit flips about once in a million (README, model card).

    /usr/bin/python3 models/training/trim_descriptor_input.py trained.onnx models/patch-descriptor-tiny.onnx
"""
import sys

import onnx
from onnx import checker, numpy_helper


def trim(model: onnx.ModelProto) -> onnx.ModelProto:
    graph = model.graph
    nodes = list(graph.node)
    pool = next(i for i, n in enumerate(nodes) if n.op_type == 'AveragePool')
    conv = next(i for i, n in enumerate(nodes) if n.op_type == 'Conv')
    if conv != pool + 1 or nodes[conv].input[0] != nodes[pool].output[0]:
        raise SystemExit('expected the 2×2 average right before the first convolution')
    ops = [n.op_type for n in nodes[:pool]]
    expected = ['ReduceMean', 'Sub', 'Constant', 'Pow', 'ReduceMean', 'Constant', 'Add', 'Sqrt',
                'Constant', 'Add', 'Div', 'Constant', 'Pad']
    if ops != expected:
        raise SystemExit(f'unexpected input steps {ops}: this script knows the tiny network only')
    # The constants the sampler hard-codes: variance epsilon 0.001 and the +4 on the deviation.
    consts = [numpy_helper.to_array(n.attribute[0].t).item() for n in nodes[:pool]
              if n.op_type == 'Constant' and len(n.attribute[0].t.dims) == 0]
    if [round(c, 6) for c in consts] != [2.0, 0.001, 4.0]:
        raise SystemExit(f'unexpected standardisation constants {consts}')
    nodes[conv].input[0] = graph.input[0].name
    bn = next(i for i, n in enumerate(nodes) if n.op_type == 'BatchNormalization')
    tail = [n.op_type for n in nodes[bn + 1:]]
    if tail != ['ReduceL2', 'Constant', 'Clip', 'Shape', 'Expand', 'Div']:
        raise SystemExit(f'unexpected output steps {tail}')
    nodes[bn].output[0] = graph.output[0].name
    del graph.node[bn + 1:]
    del graph.node[:conv]
    dims = graph.input[0].type.tensor_type.shape.dim
    dims[2].dim_value = 16
    dims[3].dim_value = 16
    used = {i for n in graph.node for i in n.input}
    for init in [i for i in graph.initializer if i.name not in used]:
        graph.initializer.remove(init)
    checker.check_model(model)
    return model


if __name__ == '__main__':
    if len(sys.argv) != 3:
        raise SystemExit('usage: trim_descriptor_input.py <trained.onnx> <out.onnx>')
    onnx.save(trim(onnx.load(sys.argv[1])), sys.argv[2])
    print('wrote', sys.argv[2])

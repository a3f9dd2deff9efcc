"""Independent numpy computations of Paddle's documented formulas for the
convolution, resizing and CTC cases of test_op_table.py: by the definition, element
by element, sharing no code with dy2st's kernels."""
import itertools

import numpy as np


def conv(x, w, stride, pads, dilation, groups):
    """N-d convolution: x [N, C, *S], w [F, C / groups, *K], pads one
    (before, after) pair per spatial dimension."""
    n = x.ndim - 2
    x = np.pad(x.astype(np.float64), [(0, 0), (0, 0)] + list(pads))
    filters, cg = w.shape[:2]
    kernel = w.shape[2:]
    sizes = [(x.shape[2 + d] - dilation[d] * (kernel[d] - 1) - 1) // stride[d] + 1
             for d in range(n)]
    out = np.zeros((x.shape[0], filters) + tuple(sizes))
    for o in range(filters):
        g = o // (filters // groups)
        for pos in np.ndindex(*sizes):
            window = tuple(slice(pos[d] * stride[d],
                                 pos[d] * stride[d] + dilation[d] * (kernel[d] - 1) + 1,
                                 dilation[d]) for d in range(n))
            patch = x[(slice(None), slice(g * cg, (g + 1) * cg)) + window]
            out[(slice(None), o) + pos] = (patch * w[o]).sum(axis=tuple(range(1, n + 2)))
    return out.astype(np.float32)


def conv_transpose(x, w, stride, pads, dilation, groups, output_padding):
    """N-d transposed convolution by scattering: each input element adds
    x * w[c] at stride * position + dilation * tap; then `pads` are cut from
    the ends (output_padding extends the end first)."""
    n = x.ndim - 2
    channels = x.shape[1]
    fg = w.shape[1]
    kernel = w.shape[2:]
    cg = channels // groups
    full = [(x.shape[2 + d] - 1) * stride[d] + dilation[d] * (kernel[d] - 1) + 1
            + output_padding[d] for d in range(n)]
    out = np.zeros((x.shape[0], fg * groups) + tuple(full))
    for c in range(channels):
        g = c // cg
        for pos in np.ndindex(*x.shape[2:]):
            for tap in np.ndindex(*kernel):
                at = tuple(pos[d] * stride[d] + tap[d] * dilation[d] for d in range(n))
                out[(slice(None), slice(g * fg, (g + 1) * fg)) + at] += (
                    x[(slice(None), c) + pos][:, None] * w[(c, slice(None)) + tap])
    cut = tuple(slice(pads[d][0], full[d] - pads[d][1]) for d in range(n))
    return out[(slice(None), slice(None)) + cut].astype(np.float32)


def _ratio(size, out, align_corners, scale):
    if out <= 1:
        return np.float32(0)
    if align_corners:
        return np.float32(size - 1) / np.float32(out - 1)
    if scale:
        return np.float32(1.0 / scale)
    return np.float32(size) / np.float32(out)


def interpolate(x, sizes, mode, align_corners=False, align_mode=0, scales=None):
    """Paddle's interpolation kernels, one output element at a time, float32
    source positions: nearest truncates (rounds with align_corners); linear
    modes weight the 2^n neighbouring inputs by their distances."""
    n = x.ndim - 2
    ratios = [_ratio(x.shape[2 + d], sizes[d], align_corners, scales[d] if scales else None)
              for d in range(n)]
    out = np.zeros(x.shape[:2] + tuple(sizes), np.float32)
    centered = align_mode == 0 and not align_corners
    for pos in np.ndindex(*sizes):
        if mode == "nearest":
            src = tuple(min(int(ratios[d] * np.float32(pos[d])), x.shape[2 + d] - 1)
                        for d in range(n))
            out[(slice(None), slice(None)) + pos] = x[(slice(None), slice(None)) + src]
            continue
        corners = []
        for d in range(n):
            k = np.float32(pos[d])
            if centered:
                source = max(ratios[d] * (k + np.float32(0.5)) - np.float32(0.5), np.float32(0))
            else:
                source = ratios[d] * k
            low = int(source)
            high = min(low + 1, x.shape[2 + d] - 1)
            far = np.float32(source - low)
            corners.append(((low, np.float32(1) - far), (high, far)))
        total = 0
        for choice in itertools.product(*corners):
            weight = np.prod([c[1] for c in choice])
            total = total + weight * x[(slice(None), slice(None)) + tuple(c[0] for c in choice)]
        out[(slice(None), slice(None)) + pos] = total
    return out


def ctc(logits, labels, input_lengths, label_lengths, blank):
    """CTC's negative log-likelihood per sequence by Graves et al.'s forward
    recursion, state by state in probabilities (float64); 0 where the labels
    need more steps than the input has, as warp-ctc."""
    losses = []
    for b in range(logits.shape[1]):
        steps, label = input_lengths[b], list(labels[b, :label_lengths[b]])
        repeats = sum(label[i] == label[i - 1] for i in range(1, len(label)))
        if len(label) + repeats > steps:
            losses.append(0.0)
            continue
        z = logits[:steps, b].astype(np.float64)
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        states = [blank] + [s for v in label for s in (v, blank)]
        alpha = np.zeros(len(states))
        alpha[:2] = p[0, states[:2]]
        for t in range(1, steps):
            previous = alpha.copy()
            for s in range(len(states)):
                total = previous[s] + (previous[s - 1] if s > 0 else 0.0)
                if s > 1 and states[s] != blank and states[s] != states[s - 2]:
                    total += previous[s - 2]
                alpha[s] = total * p[t, states[s]]
        likelihood = alpha[-1] + (alpha[-2] if len(states) > 1 else 0.0)
        losses.append(-np.log(likelihood) if likelihood > 0 else np.inf)
    return np.array(losses, np.float32)

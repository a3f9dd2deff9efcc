// Type rules of convolution and pooling: Paddle's forms of stride, padding
// and dilation, normalized into `strides`, `dilations` and `paddings`
// ([top, bottom, left, right], including what ceil_mode adds at the end).
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace mlir::pydy {

static constexpr int64_t kDyn = ShapedType::kDynamic;

/// An int or a pair of ints as a pair.
static FailureOr<std::array<int64_t, 2>> pairOf(LibTyping &t, StringRef param,
                                                std::array<int64_t, 2> fallback) {
  auto values = t.integers(param);
  if (failed(values))
    return failure();
  if (!*values)
    return fallback;
  if ((*values)->size() == 1)
    return std::array<int64_t, 2>{(**values)[0], (**values)[0]};
  if ((*values)->size() == 2)
    return std::array<int64_t, 2>{(**values)[0], (**values)[1]};
  return t.error() << "'" << param << "' must be an int or two ints";
}

/// Paddle's padding forms as [top, bottom, left, right].
/// A dynamic size under 'SAME' at stride 1 pads by the kernel's span less
/// one; at another stride the padding depends on the size:
/// kSamePaddingAtRunTime (the lowering computes it).
static FailureOr<std::array<int64_t, 4>> paddingOf(LibTyping &t, ArrayRef<int64_t> size,
                                                   std::array<int64_t, 2> kernel,
                                                   std::array<int64_t, 2> stride,
                                                   std::array<int64_t, 2> dilation) {
  Attribute a = t.statics.get("padding");
  if (auto s = dyn_cast_or_null<StringAttr>(a)) {
    // Paddle reads the names in any case ('same').
    if (s.getValue().equals_insensitive("VALID"))
      return std::array<int64_t, 4>{0, 0, 0, 0};
    if (!s.getValue().equals_insensitive("SAME"))
      return t.error() << "padding must be 'SAME', 'VALID' or ints";
    std::array<int64_t, 4> pads{};
    for (int d = 0; d < 2; ++d) {
      // At stride 1 the padding is the kernel's span less one, whatever the
      // size (PaddleSeg's 'same' convolutions of images of any size).
      if (ShapedType::isDynamic(size[d]) && stride[d] == 1) {
        int64_t total = (kernel[d] - 1) * dilation[d];
        pads[2 * d] = total / 2;
        pads[2 * d + 1] = total - total / 2;
        continue;
      }
      if (ShapedType::isDynamic(size[d])) {
        pads[2 * d] = pads[2 * d + 1] = kSamePaddingAtRunTime;
        continue;
      }
      int64_t out = (size[d] + stride[d] - 1) / stride[d];
      int64_t total = std::max<int64_t>(
          (out - 1) * stride[d] + (kernel[d] - 1) * dilation[d] + 1 - size[d], 0);
      pads[2 * d] = total / 2;
      pads[2 * d + 1] = total - total / 2;
    }
    return pads;
  }
  SmallVector<int64_t> flat;
  std::function<bool(Attribute)> collect = [&](Attribute v) {
    if (auto i = dyn_cast<IntegerAttr>(v)) {
      flat.push_back(i.getInt());
      return true;
    }
    auto array = dyn_cast<ArrayAttr>(v);
    return array && llvm::all_of(array, collect);
  };
  if (a && !collect(a))
    return t.error() << "padding must be 'SAME', 'VALID' or ints";
  if (flat.empty())
    flat.push_back(0);
  if (flat.size() == 8) // [[0, 0], [0, 0], [top, bottom], [left, right]]
    flat.erase(flat.begin(), flat.begin() + 4);
  if (flat.size() == 1)
    return std::array<int64_t, 4>{flat[0], flat[0], flat[0], flat[0]};
  if (flat.size() == 2)
    return std::array<int64_t, 4>{flat[0], flat[0], flat[1], flat[1]};
  if (flat.size() == 4)
    return std::array<int64_t, 4>{flat[0], flat[1], flat[2], flat[3]};
  return t.error() << "padding must have 1, 2 or 4 entries";
}

static LogicalResult nchwOnly(LibTyping &t) {
  auto format = dyn_cast_or_null<StringAttr>(t.statics.get("data_format"));
  if (format && format.getValue() != "NCHW")
    return t.error() << "data_format '" << format.getValue()
                     << "' is not supported in compiled code yet (use NCHW)";
  return success();
}

static void store(LibTyping &t, StringRef name, ArrayRef<int64_t> values) {
  t.statics.set(name, DenseI64ArrayAttr::get(t.getContext(), values));
}

/// conv2d: x [N, C, H, W], weight [F, C / groups, KH, KW] -> [N, F, OH, OW].
FailureOr<Type> inferConv2D(LibTyping &t) {
  auto x = t.tensor("x"), w = t.tensor("weight");
  if (failed(x) || failed(w) || failed(nchwOnly(t)))
    return failure();
  if (x->getRank() != 4 || w->getRank() != 4)
    return t.error() << "needs a 4-d input and a 4-d weight";
  if (!w->hasStaticShape())
    return t.error() << "needs a weight of static shape";
  if (!isa<FloatType>(x->getElementType()) || x->getElementType() != w->getElementType())
    return t.error() << "needs float tensors of one dtype";
  auto stride = pairOf(t, "stride", {1, 1}), dilation = pairOf(t, "dilation", {1, 1});
  auto groups = t.integer("groups", 1);
  if (failed(stride) || failed(dilation) || failed(groups))
    return failure();
  int64_t channels = x->getDimSize(1), filters = w->getDimSize(0);
  if (*groups < 1 || ShapedType::isDynamic(channels) || channels % *groups ||
      w->getDimSize(1) != channels / *groups || filters % *groups)
    return t.error() << "the weight's shape does not fit " << channels << " channels in "
                     << *groups << " groups";
  if (auto b = t.typeOf("bias")) {
    auto bias = dyn_cast<RankedTensorType>(b);
    if (!bias || bias.getRank() != 1 || bias.getDimSize(0) != filters)
      return t.error() << "the bias must be a 1-d tensor of " << filters << " elements";
  }
  std::array<int64_t, 2> kernel{w->getDimSize(2), w->getDimSize(3)};
  // Paddle computes 'SAME' padding, and convolves, without dilation.
  if (auto s = dyn_cast_or_null<StringAttr>(t.statics.get("padding"));
      s && s.getValue().equals_insensitive("SAME"))
    *dilation = {1, 1};
  auto pads = paddingOf(t, x->getShape().drop_front(2), kernel, *stride, *dilation);
  if (failed(pads))
    return failure();
  SmallVector<int64_t> shape{x->getDimSize(0), filters};
  for (int d = 0; d < 2; ++d) {
    int64_t size = x->getDimSize(2 + d);
    int64_t span = (*dilation)[d] * (kernel[d] - 1) + 1;
    int64_t padded = size + (*pads)[2 * d] + (*pads)[2 * d + 1];
    if (!ShapedType::isDynamic(size) && padded < span)
      return t.error() << "the kernel is larger than the padded input";
    shape.push_back(ShapedType::isDynamic(size) ? kDyn : (padded - span) / (*stride)[d] + 1);
  }
  store(t, "strides", *stride);
  store(t, "dilations", *dilation);
  store(t, "paddings", *pads);
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// max_pool2d / avg_pool2d: windows of `kernel_size` (stride: the kernel),
/// ceil_mode rounding the output size up (extra padding at the end).
FailureOr<Type> inferPool2D(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x) || failed(nchwOnly(t)))
    return failure();
  if (x->getRank() != 4 || !isa<FloatType>(x->getElementType()))
    return t.error() << "needs a 4-d float tensor";
  auto kernel = pairOf(t, "kernel_size", {0, 0});
  if (failed(kernel))
    return failure();
  auto stride = pairOf(t, "stride", *kernel);
  auto ceil = t.flag("ceil_mode");
  if (failed(stride) || failed(ceil))
    return failure();
  if (t.fn.op == LibOp::max_pool2d) {
    auto mask = t.flag("return_mask");
    if (failed(mask))
      return failure();
    if (*mask)
      return t.error() << "return_mask=True is not supported in compiled code";
  }
  auto pads = paddingOf(t, x->getShape().drop_front(2), *kernel, *stride, {1, 1});
  if (failed(pads))
    return failure();
  auto name = dyn_cast_or_null<StringAttr>(t.statics.get("padding"));
  bool same = name && name.getValue().equals_insensitive("SAME");
  SmallVector<int64_t> shape{x->getDimSize(0), x->getDimSize(1)};
  SmallVector<int64_t> extra{0, 0};
  for (int d = 0; d < 2; ++d) {
    int64_t size = x->getDimSize(2 + d);
    if (ShapedType::isDynamic(size)) {
      // 'SAME' pads to whole windows: ceil_mode changes nothing.
      if (*ceil && !same)
        return t.error() << "ceil_mode needs a static input size";
      shape.push_back(kDyn);
      continue;
    }
    int64_t padded = size + (*pads)[2 * d] + (*pads)[2 * d + 1];
    int64_t span = padded - (*kernel)[d];
    // Paddle keeps a last window that starts past the input (its value:
    // the lowest float for max, 0 / 0 for an exclusive average). C++'s
    // division toward zero is Paddle's too: a kernel a little larger than
    // the padded input still has one window, its rest extra padding.
    int64_t out = (*ceil ? (span + (*stride)[d] - 1) / (*stride)[d] : span / (*stride)[d]) + 1;
    if (out < 0)
      return t.error() << "the output size must be greater than or equal to 0, not " << out;
    extra[d] = std::max<int64_t>((out - 1) * (*stride)[d] + (*kernel)[d] - padded, 0);
    shape.push_back(out);
  }
  store(t, "kernel", *kernel);
  store(t, "strides", *stride);
  store(t, "paddings", *pads);
  store(t, "ceil_extra", extra);
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

} // namespace mlir::pydy

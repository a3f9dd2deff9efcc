#include "Npy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>
#include <regex>

namespace dy2st {

static llvm::Error bad(llvm::StringRef path, llvm::StringRef why) {
  return llvm::createStringError(("dy2st-run: " + path + ": " + why).str());
}

static std::optional<DType> dtypeOfDescr(llvm::StringRef descr) {
  if (descr == "|b1") return DType::Bool;
  if (descr == "<i4") return DType::Int32;
  if (descr == "<i8") return DType::Int64;
  if (descr == "<f4") return DType::Float32;
  if (descr == "<f8") return DType::Float64;
  if (descr == "<c8")
    return DType::Complex64;
  if (descr == "<c16")
    return DType::Complex128;
  return std::nullopt;
}

static const char *descrOf(DType dtype) {
  switch (dtype) {
  case DType::Bool: return "|b1";
  case DType::Int32: return "<i4";
  case DType::Int64: return "<i8";
  case DType::Float32: return "<f4";
  case DType::Float64: return "<f8";
  case DType::Complex64:
    return "<c8";
  case DType::Complex128:
    return "<c16";
  }
  return "";
}

llvm::Expected<RuntimeValue> readNpy(llvm::StringRef path) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return bad(path, file.getError().message());
  return parseNpy((*file)->getBuffer(), path);
}

llvm::Expected<std::vector<RuntimeValue>> readNpyTar(llvm::StringRef path) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return bad(path, file.getError().message());
  llvm::StringRef bytes = (*file)->getBuffer();
  std::vector<RuntimeValue> values;
  auto fail = [&](llvm::StringRef why) {
    for (RuntimeValue &v : values)
      std::free(v.allocation);
    return bad(path, why);
  };
  // ustar: 512-byte headers (name at 0, octal size at 124), data padded to 512.
  for (size_t offset = 0; offset + 512 <= bytes.size();) {
    llvm::StringRef header = bytes.substr(offset, 512);
    if (header.find_first_not_of('\0') == llvm::StringRef::npos)
      return values;
    llvm::StringRef name = header.substr(0, 100).split('\0').first;
    llvm::StringRef sizeField = header.substr(124, 12).trim(llvm::StringRef("\0 ", 2));
    unsigned long long size;
    if (sizeField.getAsInteger(8, size) || offset + 512 + size > bytes.size())
      return fail("not a valid parameter archive (bad tar header)");
    if (name.ends_with(".npy")) {
      auto value = parseNpy(bytes.substr(offset + 512, size), (path + ":" + name).str());
      if (!value) {
        for (RuntimeValue &v : values)
          std::free(v.allocation);
        return value.takeError();
      }
      values.push_back(std::move(*value));
    }
    offset += 512 + (size + 511) / 512 * 512;
  }
  return fail("not a valid parameter archive (truncated)");
}

llvm::Expected<RuntimeValue> parseNpy(llvm::StringRef bytes, llvm::StringRef path) {
  if (bytes.size() < 10 || !bytes.starts_with("\x93NUMPY"))
    return bad(path, "not a .npy file");
  unsigned major = static_cast<unsigned char>(bytes[6]);
  size_t headerLength, headerStart;
  if (major == 1) {
    headerLength = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return bad(path, "truncated header");
    headerLength = 0;
    for (int i = 0; i < 4; ++i)
      headerLength |= static_cast<size_t>(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    headerStart = 12;
  } else {
    return bad(path, "unsupported .npy version " + std::to_string(major));
  }
  if (headerStart + headerLength > bytes.size())
    return bad(path, "truncated header");
  std::string header = bytes.substr(headerStart, headerLength).str();

  std::smatch m;
  if (!std::regex_search(header, m, std::regex("'descr':\\s*'([^']*)'")))
    return bad(path, "header has no 'descr'");
  std::optional<DType> dtype = dtypeOfDescr(m[1].str());
  if (!dtype)
    return bad(path, "unsupported dtype '" + m[1].str() +
                         "' (supported: bool, int32, int64, float32, float64, little-endian)");
  if (std::regex_search(header, m, std::regex("'fortran_order':\\s*True")))
    return bad(path, "Fortran-ordered arrays are not supported");
  if (!std::regex_search(header, m, std::regex("'shape':\\s*\\(([^)]*)\\)")))
    return bad(path, "header has no 'shape'");
  RuntimeValue value;
  value.kind = RuntimeValue::Kind::Tensor;
  value.dtype = *dtype;
  std::string dims = m[1].str();
  std::regex number("\\d+");
  // The file is untrusted: every size is checked, and their product may not
  // overflow (a wrapped byte count would pass the size check below).
  uint64_t dataBytes = dtypeSize(*dtype);
  for (auto it = std::sregex_iterator(dims.begin(), dims.end(), number);
       it != std::sregex_iterator(); ++it) {
    int64_t dim;
    if (llvm::StringRef(it->str()).getAsInteger(10, dim) || dim < 0 ||
        __builtin_mul_overflow(dataBytes, static_cast<uint64_t>(dim), &dataBytes))
      return bad(path, "header's shape is too large");
    value.shape.push_back(dim);
  }
  size_t dataStart = headerStart + headerLength;
  if (bytes.size() - dataStart != dataBytes)
    return bad(path, "holds " + std::to_string(bytes.size() - dataStart) +
                         " bytes of data, its header says " + std::to_string(dataBytes));
  value.allocation = std::malloc(std::max<size_t>(dataBytes, 1));
  std::memcpy(value.allocation, bytes.data() + dataStart, dataBytes);
  value.data = value.allocation;
  return value;
}

llvm::Error writeNpy(llvm::StringRef path, const RuntimeValue &value) {
  RuntimeValue tensor = value;
  int64_t i = value.intValue;
  double f = value.floatValue;
  bool b = value.boolValue;
  switch (value.kind) {
  case RuntimeValue::Kind::Tensor: break;
  case RuntimeValue::Kind::Int: tensor.dtype = DType::Int64; tensor.data = &i; break;
  case RuntimeValue::Kind::Float: tensor.dtype = DType::Float64; tensor.data = &f; break;
  case RuntimeValue::Kind::Bool: tensor.dtype = DType::Bool; tensor.data = &b; break;
  }
  std::string shape = "(";
  for (int64_t d : tensor.shape)
    shape += std::to_string(d) + (tensor.shape.size() == 1 ? "," : ", ");
  if (tensor.shape.size() > 1)
    shape.resize(shape.size() - 2);
  shape += ")";
  std::string header = std::string("{'descr': '") + descrOf(tensor.dtype) +
                       "', 'fortran_order': False, 'shape': " + shape + ", }";
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';

  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return llvm::createStringError("dy2st-run: cannot write " + path.str() + ": " + ec.message());
  os << "\x93NUMPY" << '\x01' << '\x00';
  os << static_cast<char>(header.size() & 0xff) << static_cast<char>(header.size() >> 8);
  os << header;
  os.write(static_cast<const char *>(tensor.data), tensor.numElements() * dtypeSize(tensor.dtype));
  return llvm::Error::success();
}

} // namespace dy2st

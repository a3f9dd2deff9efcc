#ifndef DY2ST_RUNTIME_FFT_H
#define DY2ST_RUNTIME_FFT_H

#include "Dy2St/Runtime/Program.h"

namespace dy2st {

/// Defines the Fourier transform entries (kFftC64, kFftC128) for compiled code.
void defineFftSymbols(SymbolDefiner define);

} // namespace dy2st

#endif

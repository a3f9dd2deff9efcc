"""paddle.audio: the feature layers (`features`: Spectrogram, MelSpectrogram,
LogMelSpectrogram, MFCC) and their functions (`functional`: windows, mel
scales, filter banks, decibels, the DCT), eagerly and in compiled code.
Reading and writing audio files (`load`, `save`, `info`, `backends`) and the
datasets are absent."""
from . import features, functional

__all__ = ["features", "functional"]

"""Telephone audio: G.711 μ-law at 8 kHz (what the provider's media stream carries) to and from 16-bit PCM."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 8000
FRAME_BYTES = 160  # 20 ms of μ-law at 8 kHz, the provider's frame
_BIAS = 0x84
_CLIP = 32635

Pcm = npt.NDArray[np.int16]


def mulaw_encode(pcm: Pcm) -> bytes:
    """16-bit PCM samples as μ-law bytes (ITU-T G.711)."""
    samples = pcm.astype(np.int32)
    sign = np.where(samples < 0, 0x80, 0)
    magnitude = np.minimum(np.abs(samples), _CLIP) + _BIAS
    exponent = np.floor(np.log2(magnitude)).astype(np.int32) - 7
    exponent = np.clip(exponent, 0, 7)
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    encoded: bytes = (~(sign | (exponent << 4) | mantissa) & 0xFF).astype(np.uint8).tobytes()
    return encoded


def mulaw_decode(data: bytes) -> Pcm:
    """μ-law bytes as 16-bit PCM samples."""
    codes = ~np.frombuffer(data, dtype=np.uint8).astype(np.int32) & 0xFF
    sign = codes & 0x80
    exponent = (codes >> 4) & 0x07
    mantissa = codes & 0x0F
    magnitude = (((mantissa << 3) + _BIAS) << exponent) - _BIAS
    return np.where(sign != 0, -magnitude, magnitude).astype(np.int16)


def resample(pcm: Pcm, rate: int, target: int = SAMPLE_RATE) -> Pcm:
    """Linear resampling; speech for the telephone needs no more (the band ends at 3.4 kHz)."""
    if rate == target or len(pcm) == 0:
        return pcm
    count = max(1, round(len(pcm) * target / rate))
    positions = np.linspace(0, len(pcm) - 1, count)
    return np.interp(positions, np.arange(len(pcm)), pcm.astype(np.float64)).astype(np.int16)


def frames(data: bytes, size: int = FRAME_BYTES) -> list[bytes]:
    return [data[offset : offset + size] for offset in range(0, len(data), size)]


def level(pcm: Pcm) -> float:
    """Root mean square of the samples, 0..32768."""
    if len(pcm) == 0:
        return 0.0
    return float(np.sqrt(np.mean(pcm.astype(np.float64) ** 2)))

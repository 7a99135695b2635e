"""Own speech engines for the media stream: ``SpeechToText`` and ``TextToSpeech``, and the offline ones shipped.

A retailer who runs its own recognition and voice plugs them in here instead of the provider's (<Gather> and
<Say>). Both are blocking (a model or a process works), so callers run them in a thread.

Shipped: ``EspeakTextToSpeech`` (espeak-ng from the distribution, German and English voices, run as a process) and
``KeypadTones``, which recognises the keypad's tones (DTMF) inside the audio. No German speech recogniser was
found that installs from the package registries without torch and without downloading its model at run time
(docs/phone.md, "Own speech engines").
"""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from heine_ai.channels.phone.audio import SAMPLE_RATE, Pcm, resample
from heine_ai.errors import ProviderError

Samples = npt.NDArray[np.float64]
DTMF_LOW = (697, 770, 852, 941)
DTMF_HIGH = (1209, 1336, 1477, 1633)
DTMF_KEYS = ("123A", "456B", "789C", "*0#D")
_ESPEAK_VOICES = {"de": "de", "en": "en-gb"}
TONE_WINDOW = 0.04  # seconds of audio per tone decision (a key is pressed for at least 40 ms)


@dataclass(frozen=True, slots=True)
class Transcript:
    text: str
    confidence: float


class SpeechToText(Protocol):
    def transcribe(self, pcm: Pcm, language: str) -> Transcript:
        """One utterance (8 kHz PCM) as text; empty text when nothing was recognised."""
        ...


class TextToSpeech(Protocol):
    def synthesize(self, text: str, language: str) -> Pcm:
        """``text`` spoken, as 8 kHz PCM."""
        ...


@dataclass(frozen=True, slots=True)
class SpeechEngines:
    """The recogniser and the voice of the media stream."""

    stt: SpeechToText
    tts: TextToSpeech


class EspeakTextToSpeech:
    """espeak-ng (Debian package ``espeak-ng``) as a process per utterance: its WAV resampled to 8 kHz."""

    def __init__(self, binary: str = "espeak-ng", words_per_minute: int = 160, timeout: float = 20) -> None:
        found = shutil.which(binary)
        if found is None:
            raise ProviderError(f"{binary} is not installed (Debian package espeak-ng)")
        self._binary = found
        self._speed = words_per_minute
        self._timeout = timeout

    def synthesize(self, text: str, language: str) -> Pcm:
        voice = _ESPEAK_VOICES.get(language[:2], "de")
        command = [self._binary, "-v", voice, "-s", str(self._speed), "--stdout"]
        done = subprocess.run(  # noqa: S603 (a fixed binary; the text goes in on stdin, never as an argument)
            [*command, "--stdin"], input=text.encode("utf-8"), capture_output=True, timeout=self._timeout, check=False
        )
        if done.returncode != 0:
            raise ProviderError(f"espeak-ng failed with exit code {done.returncode}")
        with wave.open(io.BytesIO(done.stdout)) as wav:
            rate = wav.getframerate()
            pcm = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
        return resample(pcm, rate)


class KeypadTones:
    """Recognises keypad tones (DTMF) in the caller's audio: digits only, for numbers typed on a phone whose
    provider passes the tones in the audio rather than as events. The power of the eight DTMF frequencies per
    40 ms window (a DFT at those frequencies, as Goertzel filters compute it)."""

    def __init__(self, min_level: float = 300.0) -> None:
        self._min_level = min_level
        window = int(SAMPLE_RATE * TONE_WINDOW)
        phases = 2 * np.pi * np.outer(np.array(DTMF_LOW + DTMF_HIGH), np.arange(window)) / SAMPLE_RATE
        self._cos, self._sin = np.cos(phases), np.sin(phases)

    def transcribe(self, pcm: Pcm, language: str) -> Transcript:
        window = self._cos.shape[1]
        count = len(pcm) // window
        if count == 0:
            return Transcript("", 0.0)
        chunks = pcm[: count * window].astype(np.float64).reshape(count, window)
        power = (chunks @ self._cos.T) ** 2 + (chunks @ self._sin.T) ** 2  # windows x 8 frequencies
        energy = np.sum(chunks**2, axis=1) * window / 2
        keys: list[str] = []
        previous = ""
        for index in range(count):
            key = self._key(power[index], float(energy[index]), chunks[index])
            if key and key != previous:
                keys.append(key)
            previous = key
        digits = "".join(key for key in keys if key.isdigit())
        return Transcript(digits, 1.0 if digits else 0.0)

    def _key(self, power: Samples, energy: float, chunk: Samples) -> str:
        if np.sqrt(np.mean(chunk**2)) < self._min_level:
            return ""
        row, column = int(np.argmax(power[:4])), int(np.argmax(power[4:]))
        if power[row] + power[4 + column] < 0.5 * energy:  # the two tones must carry most of the energy
            return ""
        return DTMF_KEYS[row][column]


def keypad_tone(key: str, seconds: float = 0.12, amplitude: int = 8000) -> Pcm:
    """The tone of one key, as a phone plays it."""
    for row, keys in enumerate(DTMF_KEYS):
        if key in keys:
            t = np.arange(int(SAMPLE_RATE * seconds)) / SAMPLE_RATE
            wave_ = np.sin(2 * np.pi * DTMF_LOW[row] * t) + np.sin(2 * np.pi * DTMF_HIGH[keys.index(key)] * t)
            return (wave_ * amplitude / 2).astype(np.int16)
    raise ValueError(f"'{key}' is not a key of the keypad")

"""Phone channel: time from a speech result's arrival to the TwiML reply, over real HTTP to a served app.

Serves the demo brand with a phone line (a temporary brand file, the embedded defaults: SQLite, embedded Chroma,
extractive answers), then places calls one after another: each call starts, asks ``--turns`` questions of
bench/data/heine_questions.jsonl as speech results (signed as the provider signs them) and hangs up. Prints p50,
p95 and max milliseconds per speech result, and the same for the call start; then the offline engines: espeak-ng's
real-time factor and the keypad recogniser's accuracy on 100 numbers in μ-law audio with noise.

    .venv/bin/python bench/phone_latency.py [--calls 40] [--turns 3] [--vectors FILE]

``--vectors FILE`` serves the app in this process (uvicorn in a thread) with the tests' embedder, which keeps the
model's vectors in FILE (as HEINE_TEST_VECTORS does): on a busy machine the demo knowledge is then not embedded
again before the first call. The answers and the timed path are the same.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import numpy as np
import yaml

from common import ROOT, percentile, served_app
from heine_ai.channels.phone.audio import SAMPLE_RATE, mulaw_decode, mulaw_encode
from heine_ai.channels.phone.signature import compute_signature
from heine_ai.channels.phone.speech import EspeakTextToSpeech, KeypadTones, keypad_tone
from heine_ai.config import PhoneTexts
from heine_ai.installation import build_installation, installation_settings
from heine_ai.lifespan import build_state, close_state

TOKEN = "bench-phone-token"  # noqa: S105 (the bench line's own, signs its webhooks)
CALLER = "+491701234567"


def brand_dir(folder: Path) -> Path:
    data = yaml.safe_load((ROOT / "config" / "brands" / "heine.yaml").read_text(encoding="utf-8"))
    data["knowledge_path"] = str(ROOT / "knowledge" / "heine")
    data["phone"] = {"number": "+4940999888777", "hotline": "+4940123456789"}
    (folder / "heine.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def post(client: httpx.Client, url: str, params: dict[str, str]) -> tuple[float, str]:
    headers = {"X-Twilio-Signature": compute_signature(url, params.items(), TOKEN)}
    started = time.perf_counter()
    response = client.post(url, data=params, headers=headers)
    elapsed = time.perf_counter() - started
    if response.status_code not in (200, 204):
        raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")
    return elapsed, response.text


def call(client: httpx.Client, base: str, questions: list[str]) -> tuple[float, list[float]]:
    sid = "CA" + uuid.uuid4().hex
    params = {"CallSid": sid, "From": CALLER, "To": "+4940999888777"}
    start, _ = post(client, f"{base}/api/v1/phone/heine/voice", {**params, "CallStatus": "ringing"})
    turns = []
    for turn, question in enumerate(questions, start=1):
        url = f"{base}/api/v1/phone/heine/speech?turn={turn}&misses=0"
        elapsed, _ = post(client, url, {**params, "SpeechResult": question, "Confidence": "0.9"})
        turns.append(elapsed)
    post(client, f"{base}/api/v1/phone/heine/status", {**params, "CallStatus": "completed"})
    return start, turns


@contextmanager
def in_process(folder: Path, vectors: str) -> Iterator[str]:
    os.environ["PHONE_HEINE_AUTH_TOKEN"] = TOKEN
    sys.path.insert(0, str(ROOT))
    from tests.support.embedder import MemoEmbedder
    from tests.support.live import live_server

    embedder = MemoEmbedder(vectors)
    settings = installation_settings(folder / "data", brands_dir=folder, log_level="WARNING")

    async def ingest() -> None:
        knowledge = {"heine": ROOT / "knowledge" / "heine"}
        await close_state(await build_installation(settings, embedder=embedder, knowledge=knowledge))

    asyncio.run(ingest())
    with live_server(build_state(settings, embedder=embedder)) as base:
        yield base


def engines(numbers: int = 100) -> dict[str, float]:
    """The shipped offline engines: espeak-ng's seconds of work per second of German speech, and the keypad
    recogniser's share of 8-digit numbers read back right from μ-law audio."""
    voice = EspeakTextToSpeech()
    texts = PhoneTexts.default()
    sentences = [texts.ai_notice.format(brand="heine"), texts.transcription_notice, texts.callback, texts.goodbye]
    started = time.perf_counter()
    audio = sum(len(voice.synthesize(sentence, "de")) for sentence in sentences) / SAMPLE_RATE
    work = time.perf_counter() - started
    rng = np.random.default_rng(1)
    pause = np.zeros(int(SAMPLE_RATE * 0.08), dtype=np.int16)
    right = 0
    for _ in range(numbers):
        digits = "".join(str(d) for d in rng.integers(0, 10, 8))
        pcm = np.concatenate([np.concatenate([keypad_tone(key), pause]) for key in digits])
        noisy = (pcm + rng.normal(0, 300, len(pcm))).astype(np.int16)
        right += KeypadTones().transcribe(mulaw_decode(mulaw_encode(noisy)), "de").text == digits
    return {"tts_real_time_factor": round(work / audio, 3), "keypad_numbers_right": right / numbers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--vectors", help="serve in this process, vectors cached in this SQLite file")
    args = parser.parse_args()
    lines = (ROOT / "bench" / "data" / "heine_questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    starts: list[float] = []
    turns: list[float] = []
    with tempfile.TemporaryDirectory(prefix="heine-phone-") as tmp:
        env = {"BRANDS_DIR": str(brand_dir(Path(tmp))), "PHONE_HEINE_AUTH_TOKEN": TOKEN}
        server = in_process(Path(tmp), args.vectors) if args.vectors else served_app(**env)
        with server as base, httpx.Client(timeout=60) as client:
            for number in range(args.calls):
                asked = [questions[(number * args.turns + i) % len(questions)] for i in range(args.turns)]
                start, elapsed = call(client, base, asked)
                starts.append(start)
                turns.extend(elapsed)
                print(f"call {number + 1}/{args.calls}: {[round(t * 1000) for t in elapsed]} ms", file=sys.stderr)
    report = {
        "calls": args.calls,
        "speech_results": len(turns),
        "speech_p50_ms": round(percentile(turns, 0.5) * 1000, 1),
        "speech_p95_ms": round(percentile(turns, 0.95) * 1000, 1),
        "speech_max_ms": round(max(turns) * 1000, 1),
        "speech_mean_ms": round(statistics.mean(turns) * 1000, 1),
        "start_p50_ms": round(percentile(starts, 0.5) * 1000, 1),
        "start_p95_ms": round(percentile(starts, 0.95) * 1000, 1),
    }
    report.update(engines())
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""A TCP proxy on loopback that stalls and drops connections like a mobile network (tunnel, lift, cell change).

``FlakyProxy`` forwards every connection to one upstream address. ``stall()`` stops forwarding in both directions
(connections stay open and new ones are accepted, but no byte passes, as in a tunnel) until ``resume()``;
``drop()`` aborts every open connection at once. ``ProxyThread`` runs one in a thread of its own for synchronous
tests (the browser tests); ``bench/chat_delivery.py`` runs many on its own loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager

CHUNK = 65536


class FlakyProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._connections: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None
        self.port = 0
        self.accepted = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def close(self) -> None:
        self.drop()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    @property
    def stalled(self) -> bool:
        return not self._flowing.is_set()

    def stall(self) -> None:
        self._flowing.clear()

    def resume(self) -> None:
        self._flowing.set()

    def drop(self) -> None:
        """Abort every open connection (both sides see a reset, nothing buffered is delivered)."""
        for writer in list(self._connections):
            writer.transport.abort()
        self._connections.clear()

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self._upstream)
        except OSError:
            client_writer.transport.abort()
            return
        pair = {client_writer, upstream_writer}
        self._connections.update(pair)
        try:
            await asyncio.gather(self._pipe(client_reader, upstream_writer), self._pipe(upstream_reader, client_writer))
        finally:
            for writer in pair:
                self._connections.discard(writer)
                writer.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while True:
                await self._flowing.wait()
                data = await reader.read(CHUNK)
                if not data:
                    break
                await self._flowing.wait()  # read before a stall: held until it ends, as a network would
                if writer.transport.is_closing():
                    break
                writer.write(data)
                await writer.drain()
        writer.transport.abort()  # one side ended: the connection ends (a half-close never lingers)


class ProxyThread:
    """A ``FlakyProxy`` on an event loop in its own thread, controlled from synchronous code."""

    def __init__(self, proxy: FlakyProxy, loop: asyncio.AbstractEventLoop) -> None:
        self.proxy = proxy
        self._loop = loop

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.proxy.port}"

    def stall(self) -> None:
        self._loop.call_soon_threadsafe(self.proxy.stall)

    def resume(self) -> None:
        self._loop.call_soon_threadsafe(self.proxy.resume)

    def drop(self) -> None:
        self._loop.call_soon_threadsafe(self.proxy.drop)


@contextmanager
def proxy_thread(upstream_port: int) -> Iterator[ProxyThread]:
    loop = asyncio.new_event_loop()
    proxy = FlakyProxy("127.0.0.1", upstream_port)
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(proxy.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    if not started.wait(10):
        raise RuntimeError("the proxy did not start")
    try:
        yield ProxyThread(proxy, loop)
    finally:
        asyncio.run_coroutine_threadsafe(proxy.close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


async def chaos(
    proxy: FlakyProxy,
    rng: random.Random,
    *,
    calm: tuple[float, float],
    stall: tuple[float, float],
    stop: asyncio.Event,
) -> dict[str, int]:
    """Until ``stop``: after a calm of ``calm`` seconds, either a stall of ``stall`` seconds (that ends with the
    connections dropped half of the time, as after a cell change) or a plain drop. Returns what it did."""
    done = {"stalls": 0, "drops": 0}
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), rng.uniform(*calm))
        if stop.is_set():
            break
        if rng.random() < 0.5:
            done["stalls"] += 1
            proxy.stall()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), rng.uniform(*stall))
            if rng.random() < 0.5:
                proxy.drop()
                done["drops"] += 1
            proxy.resume()
        else:
            done["drops"] += 1
            proxy.drop()
    proxy.resume()
    return done

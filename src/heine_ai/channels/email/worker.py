"""The worker of one brand's mailbox: fetch unseen mails, process each, wait (IDLE or poll), back off on outages."""

from __future__ import annotations

import asyncio
import email.policy
from email.parser import BytesHeaderParser
from email.utils import getaddresses

from sqlalchemy.exc import SQLAlchemyError

from heine_ai.channels.email.imap import Fetched, ImapError, ImapFolder
from heine_ai.channels.email.processor import MailProcessor, ServiceDown, Step
from heine_ai.channels.email.settings import Mailbox
from heine_ai.channels.email.status import MailboxStatus
from heine_ai.observability.logging import get_logger

log = get_logger(__name__)

BACKOFF_INITIAL_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 300.0
_OUTAGES = (ImapError, ServiceDown, OSError, TimeoutError, SQLAlchemyError)


class MailboxWorker:
    def __init__(
        self,
        mailbox: Mailbox,
        processor: MailProcessor,
        status: MailboxStatus,
        *,
        backoff_initial: float = BACKOFF_INITIAL_SECONDS,
        backoff_max: float = BACKOFF_MAX_SECONDS,
        on_step: Step | None = None,
    ) -> None:
        self._mailbox = mailbox
        self._processor = processor
        self.status = status
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._step = on_step

    async def run(self) -> None:
        """Forever: connect, drain the folder, wait for mail; an outage waits 1, 2, 4 ... up to 300 s."""
        delay = self._backoff_initial
        while True:
            folder = ImapFolder(self._mailbox)
            try:
                await self._connect(folder)
                delay = self._backoff_initial
                while True:
                    await self.drain(folder)
                    await folder.wait_for_mail(self._mailbox.config.imap.poll_interval)
            except Exception as exc:  # an outage (or a bug) must not end the mailbox's worker: retry later
                code = exc.code if isinstance(exc, ImapError | ServiceDown) else f"error_{type(exc).__name__}"
                self.status.backing_off(code, delay)
                log.warning("email_backing_off", brand=self._mailbox.brand.id, error=code, seconds=delay)
            finally:
                await folder.close()
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._backoff_max)

    async def run_once(self) -> int:
        """Connect, process every unseen mail, disconnect; the number of mails handled."""
        folder = ImapFolder(self._mailbox)
        try:
            await self._connect(folder)
            return await self.drain(folder)
        finally:
            await folder.close()
            self.status.state = "stopped"

    async def _connect(self, folder: ImapFolder) -> None:
        await folder.connect()
        self.status.connected(idle=folder.supports_idle)
        log.info("email_connected", brand=self._mailbox.brand.id, idle=folder.supports_idle)

    async def drain(self, folder: ImapFolder) -> int:
        """Every unseen mail, ``parallel`` at a time (the assistant's CPU time overlaps with SMTP and database
        waits); the folder is only touched here, in order."""
        handled = 0
        max_bytes = self._mailbox.config.max_mail_mb << 20
        step = self._mailbox.config.parallel
        uids = await folder.unseen()
        for start in range(0, len(uids), step):
            batch = [f for f in [await folder.fetch(u, max_bytes) for u in uids[start : start + step]] if f]
            for fetched, action in zip(batch, await self._handle_batch(batch), strict=True):
                if self._step is not None:
                    self._step("done")
                if action == "seen":
                    await folder.mark_seen(fetched.uid)
                elif action == "review":
                    await folder.move_to_review(fetched.uid)
                handled += 1
        self.status.polled()
        return handled

    async def _handle_batch(self, batch: list[Fetched]) -> list[str]:
        """Different senders' mails side by side, each sender's in order (a mail may answer the one before).

        Every sender's run finishes before an outage is raised, so no mail is cut off inside its SMTP send.
        """
        senders: dict[str, list[int]] = {}
        for index, fetched in enumerate(batch):
            senders.setdefault(_sender_key(fetched.data), []).append(index)
        actions = ["leave"] * len(batch)

        async def in_order(indexes: list[int]) -> None:
            for index in indexes:
                actions[index] = await self._handle(batch[index])

        results = await asyncio.gather(*(in_order(group) for group in senders.values()), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result
        return actions

    async def _handle(self, fetched: Fetched) -> str:
        try:
            return await self._processor.handle(fetched)
        except _OUTAGES:
            raise
        except Exception as exc:  # a mail that breaks the code must not stop the mailbox: keep it for review
            log.error(
                "email_processing_failed", brand=self._mailbox.brand.id, uid=fetched.uid, error=type(exc).__name__
            )
            return "review"


def _sender_key(data: bytes) -> str:
    sender = BytesHeaderParser(policy=email.policy.compat32).parsebytes(data, headersonly=True).get("From", "")
    addresses = [address.lower() for _name, address in getaddresses([str(sender)]) if address]
    return addresses[0] if addresses else ""

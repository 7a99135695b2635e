"""The e-mail channel of an installation: one worker per configured mailbox, their health, the staff outbox, and
one sender per mailbox of the actions' queued confirmation mails."""

from __future__ import annotations

import asyncio
import contextlib

from heine_ai.assistant.turn import Assistant
from heine_ai.channels.email.confirmations import EmailConfirmations
from heine_ai.channels.email.ledger import MailLedger
from heine_ai.channels.email.outbox import EmailOutbox
from heine_ai.channels.email.processor import MailProcessor, ServiceDown, Step
from heine_ai.channels.email.replies import ReplyMailer
from heine_ai.channels.email.settings import Mailbox
from heine_ai.channels.email.status import MailboxStatus
from heine_ai.channels.email.worker import BACKOFF_INITIAL_SECONDS, MailboxWorker
from heine_ai.conversations.attachments import AttachmentStore
from heine_ai.conversations.ratings import RatingLinks
from heine_ai.conversations.service import ConversationService
from heine_ai.observability.metrics import Metrics
from heine_ai.providers.locks import InProcessLocks, LockStore
from heine_ai.security.crypto import Cipher
from heine_ai.security.scanner import VirusScanner


class EmailChannel:
    def __init__(
        self,
        mailboxes: dict[str, Mailbox],
        *,
        assistant: Assistant,
        conversations: ConversationService,
        cipher: Cipher,
        metrics: Metrics,
        on_step: Step | None = None,
        backoff_initial: float = BACKOFF_INITIAL_SECONDS,
        locks: LockStore | None = None,
        scanner: VirusScanner | None = None,
        rating_links: RatingLinks | None = None,
        attachments: AttachmentStore | None = None,  # the installation's (the web chat's uploads use it too)
    ) -> None:
        self.mailboxes = mailboxes
        self._locks = locks or InProcessLocks()
        self.status = {brand: MailboxStatus(brand) for brand in mailboxes}
        self.ledger = ledger = MailLedger(conversations, cipher)
        mailers = {brand: ReplyMailer(box) for brand, box in mailboxes.items()}
        self.attachments = attachments = attachments or AttachmentStore(
            conversations.sessions, cipher, scanner or VirusScanner.installed()
        )
        self.workers = {
            brand: MailboxWorker(
                box,
                MailProcessor(
                    box,
                    assistant=assistant,
                    conversations=conversations,
                    ledger=ledger,
                    mailer=mailers[brand],
                    attachments=attachments,
                    rating_links=rating_links,
                    metrics=metrics,
                    on_step=on_step,
                ),
                self.status[brand],
                backoff_initial=backoff_initial,
                on_step=on_step,
            )
            for brand, box in mailboxes.items()
        }
        self.outbox = EmailOutbox(mailers, conversations, cipher, rating_links)
        self.confirmations = EmailConfirmations(
            mailers, conversations.sessions, cipher, backoff_initial=backoff_initial
        )

    def start(self) -> list[asyncio.Task[None]]:
        """Two background tasks per mailbox, running until cancelled: its poller and its confirmations' sender.
        Every process runs the senders (a mail queued here goes out at once); a claim keeps each mail to one."""
        pollers = [asyncio.create_task(self.poll(brand), name=f"email:{brand}") for brand in self.workers]
        senders = [
            asyncio.create_task(self.confirmations.run(brand), name=f"email-confirmations:{brand}")
            for brand in self.workers
        ]
        return pollers + senders

    async def poll(self, brand: str) -> None:
        """Poll the mailbox while this worker holds its poller's lock. With Redis (several workers) one of them
        polls and the others stand by; when the poller stops, or dies and its lock expires, one takes over. A
        mail is still processed once if two ever poll at once (Redis away): its Message-ID is unique."""
        self.status[brand].standby()
        async with self._locks.lock(f"email-poller:{self.mailboxes[brand].folder_key}"):
            self.status[brand].starting()
            await self.workers[brand].run()

    async def run_once(self, brands: list[str] | None = None) -> dict[str, int]:
        """Process every unseen mail of the given brands' mailboxes once, and send their queued confirmations;
        mails handled per brand."""
        handled = {brand: await self.workers[brand].run_once() for brand in brands or sorted(self.workers)}
        for brand in handled:
            with contextlib.suppress(ServiceDown):  # they stay queued for the next run
                await self.confirmations.send_due(brand)
        return handled

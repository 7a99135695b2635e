"""Satisfaction: a customer rates a conversation 1 to 5, with an optional comment, once.

The widget rates by its session token (``POST /api/v1/sessions/{id}/rating``), an e-mail customer through the
signed link in every reply (``/rate/<token>``, ``RatingLinks``). A second rating of the same conversation is
refused (``already_rated``), so the ``csat`` metric counts each conversation once; whether a person took part
(an agent wrote in it) is fixed when the rating is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from heine_ai.conversations import rating_repository as repository
from heine_ai.conversations.service import ConversationService
from heine_ai.db.models import Conversation, Rating, utcnow
from heine_ai.errors import AlreadyRated
from heine_ai.observability.metrics import Metrics
from heine_ai.security.crypto import Cipher
from heine_ai.security.tokens import TokenService

LINK_PURPOSE = "rating"


@dataclass(frozen=True, slots=True)
class RatingView:
    score: int
    comment: str | None
    with_person: bool
    created_at: datetime


class RatingService:
    def __init__(self, conversations: ConversationService, cipher: Cipher, metrics: Metrics) -> None:
        self._conversations = conversations
        self._cipher = cipher
        self._metrics = metrics

    async def rate_by_customer(
        self, conversation_id: str, token: str | None, score: int, comment: str | None
    ) -> RatingView:
        """The customer of the session (its token), also after the conversation was closed."""
        async with self._conversations.sessions() as session:
            conversation = await self._conversations.for_customer(session, conversation_id, token, allow_closed=True)
        return await self._rate(conversation, score, comment)

    async def rate_by_link(self, conversation_id: str, score: int, comment: str | None) -> RatingView:
        """The customer holding the signed link of a mail (the caller verified it)."""
        async with self._conversations.sessions() as session:
            conversation = await self._conversations.get(session, conversation_id)
        return await self._rate(conversation, score, comment)

    async def target(self, conversation_id: str) -> tuple[str, bool]:
        """The brand of a conversation a link rates, and whether it has been rated."""
        async with self._conversations.sessions() as session:
            conversation = await self._conversations.get(session, conversation_id)
            return conversation.brand, await repository.get(session, conversation_id) is not None

    async def of(self, conversation_id: str) -> RatingView | None:
        async with self._conversations.sessions() as session:
            row = await repository.get(session, conversation_id)
        return self._view(row) if row else None

    async def _rate(self, conversation: Conversation, score: int, comment: str | None) -> RatingView:
        text = (comment or "").strip() or None
        try:
            async with self._conversations.sessions() as session, session.begin():
                if await repository.get(session, conversation.id) is not None:
                    raise AlreadyRated("This conversation has been rated already.")
                row = Rating(
                    conversation_id=conversation.id,
                    brand=conversation.brand,
                    channel=conversation.channel,
                    score=score,
                    comment_enc=self._cipher.encrypt(text) if text else None,
                    with_person=await repository.a_person_took_part(session, conversation.id),
                    created_at=utcnow(),
                )
                session.add(row)
        except IntegrityError as exc:  # rated at the same moment in another request
            raise AlreadyRated("This conversation has been rated already.") from exc
        labels = {"brand": row.brand, "channel": row.channel, "with_person": str(row.with_person).lower()}
        self._metrics.csat.labels(**labels, score=str(score)).inc()
        return self._view(row)

    def _view(self, row: Rating) -> RatingView:
        comment = self._cipher.decrypt(row.comment_enc) if row.comment_enc else None
        return RatingView(score=row.score, comment=comment, with_person=row.with_person, created_at=row.created_at)


class RatingLinks:
    """The rating link of a conversation's mails, if the service's public URL is configured."""

    def __init__(self, tokens: TokenService, public_url: str | None, days: int) -> None:
        self._tokens = tokens
        self._base = public_url.rstrip("/") if public_url else None
        self._seconds = days * 86400

    def url(self, conversation_id: str) -> str | None:
        if self._base is None:
            return None
        token = self._tokens.issue_link(LINK_PURPOSE, conversation_id, expire_seconds=self._seconds)
        return f"{self._base}/rate/{token}"

    def conversation(self, token: str) -> str:
        """The conversation a link rates; ``InvalidToken`` for a forged or expired one."""
        return self._tokens.verify_link(LINK_PURPOSE, token)

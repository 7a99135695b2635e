"""One error tree for the whole service.

Services raise ``AppError`` subclasses, never ``HTTPException``; the API turns every one into the same JSON body
``{"error": {"code": ..., "message": ...}}`` with the status the class carries. Foreign errors are mapped at the
edge where they happen (``raise SomethingError(...) from exc``).
"""

from __future__ import annotations

from typing import Any, ClassVar


class AppError(Exception):
    """Base of every error the service raises on purpose."""

    status_code: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}

    def to_body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            error["details"] = self.details
        return {"error": error}


class ConfigError(AppError):
    """A configuration file or variable is missing or malformed; the service refuses to start."""

    code = "config_error"


class DatabaseNotMigrated(ConfigError):
    """The database lacks tables or columns of this release: ``heine-ai db upgrade`` adds them."""

    status_code = 503
    code = "database_not_migrated"


class ValidationFailed(AppError):
    status_code = 422
    code = "validation_error"


class MessageTooLong(ValidationFailed):
    code = "message_too_long"


class EmptyMessage(ValidationFailed):
    code = "message_empty"


class NotFound(AppError):
    status_code = 404
    code = "not_found"


class BrandNotFound(NotFound):
    code = "brand_not_found"


class SessionNotFound(NotFound):
    code = "session_not_found"


class CallNotFound(NotFound):
    """A phone webhook for a call the channel never started (or whose record is gone)."""

    code = "call_not_found"


class PhoneLineNotFound(NotFound):
    """A phone webhook for a brand without a phone line."""

    code = "phone_line_not_found"


class InvalidSignature(AppError):
    """A phone webhook without the provider's signature, or with a wrong one."""

    status_code = 403
    code = "invalid_signature"


class InvalidUserHash(AppError):
    """A ``user_hash`` that is not the brand's signature of the ``customer_id`` sent with it: the shop's
    integration signs with another secret or another id. Refused, never served as an anonymous chat."""

    status_code = 403
    code = "invalid_user_hash"


class IdentityNotConfigured(AppError):
    """A ``user_hash`` for a brand that has no identity secret (WIDGET_<BRAND>_IDENTITY_SECRET)."""

    status_code = 400
    code = "identity_not_configured"


class AttachmentNotFound(NotFound):
    """No stored file by that id (or one refused by the limits or the virus scan, which keeps no data)."""

    code = "attachment_not_found"


class PrivacySubjectNotFound(NotFound):
    """A privacy export or erasure for a customer id, address or session of which nothing is held."""

    code = "privacy_subject_not_found"


class PrivacyRequestNotFound(NotFound):
    """No privacy request with this id waits for a decision (unknown, or decided already)."""

    code = "privacy_request_not_found"


class ConfirmationRequired(AppError):
    """An erasure asked for without ``confirm: true``: it cannot be undone."""

    status_code = 422
    code = "confirmation_required"


class SessionExpired(AppError):
    status_code = 410
    code = "session_expired"


class HistoryExpired(AppError):
    """A customer asked for the history of a conversation that ended longer ago than ``CLOSED_HISTORY_DAYS``."""

    status_code = 410
    code = "history_expired"


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"


class InvalidToken(Unauthorized):
    code = "invalid_token"


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"


class Overloaded(AppError):
    status_code = 503
    code = "overloaded"


class EmbeddingUnavailable(AppError):
    """The remote embeddings endpoint failed or timed out (after the client's retries). A chat message is stored
    before anything is embedded, so the customer may simply send again once the endpoint is back."""

    status_code = 503
    code = "embedding_unavailable"


class BodyTooLarge(AppError):
    """A request body over the API's limit (``MAX_REQUEST_BODY_KB``), by its Content-Length or as it streams in."""

    status_code = 413
    code = "body_too_large"


class BodyTimeout(AppError):
    """The client stopped sending its request body for ``REQUEST_BODY_TIMEOUT`` seconds."""

    status_code = 408
    code = "body_timeout"


class RequestTimeout(AppError):
    status_code = 504
    code = "request_timeout"


class ProviderError(AppError):
    """A provider (LLM, vector store, cache, ...) failed."""

    status_code = 503
    code = "provider_unavailable"


class KnowledgeError(AppError):
    """A knowledge document could not be read or indexed."""

    status_code = 422
    code = "knowledge_error"


class FileTooLarge(AppError):
    """An uploaded file is over its limit (a knowledge document: KNOWLEDGE_MAX_FILE_MB; a customer's file: the
    attachment store's)."""

    status_code = 413
    code = "file_too_large"


class FileTypeNotAllowed(AppError):
    """A customer's file that is not an image or PDF, or whose first bytes do not match its declared type."""

    status_code = 415
    code = "file_type_not_allowed"


class FileInfected(AppError):
    """The virus scanner found a signature in a customer's file; only the fact that it was sent is kept."""

    status_code = 422
    code = "file_infected"


# --- human hand-off: staff accounts and tickets ---------------------------------------------------------------


class ConversationNotFound(NotFound):
    """Unknown, or of a brand the agent does not serve: the same answer, so nothing is revealed."""

    code = "conversation_not_found"


class InvalidCredentials(Unauthorized):
    """Unknown user, wrong password or a deactivated account: one answer for all, so nothing is revealed."""

    code = "invalid_credentials"


class AgentAccountRequired(Forbidden):
    """An operator token (no staff account behind it) reads no transcript and acts on no ticket."""

    code = "agent_account_required"


class WeakPassword(ValidationFailed):
    code = "weak_password"


class InvalidAssignee(ValidationFailed):
    """The colleague does not exist, is deactivated or does not serve the conversation's brand."""

    code = "invalid_assignee"


class Conflict(AppError):
    status_code = 409
    code = "conflict"


class AlreadyRated(Conflict):
    """A conversation is rated once: the rating counts in the ``csat`` metric."""

    code = "already_rated"


class UsernameTaken(Conflict):
    code = "username_taken"


class TicketAlreadyClaimed(Conflict):
    code = "ticket_already_claimed"


class TicketNotActive(Conflict):
    """The conversation has no open or claimed ticket (already resolved or handed back, or never escalated)."""

    code = "ticket_not_active"


class ConversationNotHeld(Conflict):
    """Only the agent holding the conversation may reply, resolve or hand it back."""

    code = "conversation_not_held"


# --- web chat WebSocket (channels/chat): sent as ``error`` events; the status is the HTTP equivalent ----------


class MalformedFrame(AppError):
    """A WebSocket frame that is not a JSON object (or is binary)."""

    status_code = 400
    code = "malformed_json"


class UnknownFrameType(ValidationFailed):
    code = "unknown_type"


class FrameTooLarge(AppError):
    status_code = 413
    code = "frame_too_large"


class TooManyLoginAttempts(AppError):
    """Too many failed staff logins of one username from one address (``LOGIN_MAX_FAILURES``)."""

    status_code = 429
    code = "too_many_login_attempts"


class RateLimited(AppError):
    """More frames on one connection than WS_RATE_LIMIT per WS_RATE_WINDOW seconds, or more of something costly
    or guessable from one client than its limit allows (``security/rate_limits.py``)."""

    status_code = 429
    code = "rate_limited"


class HelloRequired(AppError):
    """A frame other than ``hello`` (or ``ping``) before the session is established."""

    status_code = 409
    code = "hello_required"


class AlreadyStarted(AppError):
    """A second ``hello`` on a connection whose session is established; open a new connection instead."""

    status_code = 409
    code = "already_started"


class NotAnEmailConversation(Conflict):
    """An e-mail view (the thread's address and subject, a mail preview) of a conversation of another channel."""

    code = "not_an_email_conversation"


class EmailDeliveryFailed(AppError):
    """A mail to a customer could not be sent (no mailbox, no address, SMTP refused or unreachable)."""

    status_code = 502
    code = "email_delivery_failed"


class DebugDisabled(NotFound):
    """The debug endpoints answer only in debug mode (``DEBUG``) or with ``DEBUG_ENDPOINTS``."""

    code = "debug_disabled"


# --- the retailer's shop system (orders/http.py) -----------------------------------------------------------------


class CommerceUnavailable(ProviderError):
    """The shop system did not answer, answered 5xx or 429 after the client's retries, refused the token, or
    answered something that does not fit the contract (``docs/commerce-api.yaml``)."""

    code = "commerce_unavailable"


class CommerceConflict(Conflict):
    """The shop refused an action its order's state does not allow, or an idempotency key used for another request."""

    code = "commerce_conflict"


class CommerceRejected(ValidationFailed):
    """The shop refused a request that names what the order does not hold (an unknown position or size)."""

    code = "commerce_rejected"


class EmailNotAvailable(Conflict):
    """The brand has no mailbox, so a web chat cannot continue by e-mail."""

    code = "email_not_available"


class TooManyFiles(AppError):
    """A web chat conversation holds the most files a customer may send into it."""

    status_code = 429
    code = "too_many_files"

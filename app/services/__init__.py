"""Use cases shared by views and CLI. They take the acting user, check, audit and flush —
the caller (view or CLI command) commits."""


class ServiceError(Exception):
    """A refused use case. `field` names the form field the message belongs to, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(ServiceError):
    """Someone else changed the object since it was loaded (optimistic locking)."""


class FieldErrors(ServiceError):
    """Several refusals at once, each for its own form field."""

    def __init__(self, errors: list[tuple[str | None, str]]):
        super().__init__(errors[0][1], errors[0][0])
        self.errors = errors

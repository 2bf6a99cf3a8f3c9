"""Who is calling: the uid of a verified Firebase ID token, and when they signed in."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from firebase_admin import auth
from flask import Request

from taskly.api.errors import unauthenticated
from taskly.platform.auth import app


def bearer_token(request: Request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthenticated("Sign in first: send 'Authorization: Bearer <ID token>'.")
    return token.strip()


@dataclass(frozen=True)
class Caller:
    """The signed-in person a request acts for."""

    uid: str
    email: str | None
    email_verified: bool
    # When the person last proved who they are (entered the password): a refreshed token
    # keeps it, so a token kept for a day still says the sign-in was a day ago.
    auth_time: datetime

    def signed_in_within(self, seconds: int, now: datetime) -> bool:
        return now - self.auth_time <= timedelta(seconds=seconds)


def verified_caller(request: Request) -> Caller:
    """The caller from the ID token; revoked, expired, forged or deleted users get 401."""
    token = bearer_token(request)
    try:
        claims = auth.verify_id_token(token, app=app(), check_revoked=True)
    except (auth.UserNotFoundError, auth.UserDisabledError):
        raise unauthenticated("This account no longer exists or is disabled.") from None
    except (auth.ExpiredIdTokenError, auth.RevokedIdTokenError):
        raise unauthenticated("Your session has expired. Sign in again.") from None
    except (auth.InvalidIdTokenError, ValueError):
        raise unauthenticated("The sign-in token is not valid.") from None
    auth_time = claims.get("auth_time")
    if not isinstance(auth_time, int):  # every token Firebase Auth issues has it
        raise unauthenticated("The sign-in token is not valid.")
    return Caller(
        uid=str(claims["uid"]),
        email=claims.get("email"),
        email_verified=bool(claims.get("email_verified")),
        auth_time=datetime.fromtimestamp(auth_time, UTC),
    )

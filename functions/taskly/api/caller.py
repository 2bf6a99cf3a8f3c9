"""Who is calling: the uid of a verified Firebase ID token, and nothing else."""

from dataclasses import dataclass

from firebase_admin import auth
from flask import Request

from taskly.api.errors import unauthenticated
from taskly.auth import app


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
    return Caller(
        uid=str(claims["uid"]),
        email=claims.get("email"),
        email_verified=bool(claims.get("email_verified")),
    )

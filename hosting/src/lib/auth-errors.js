/**
 * Firebase Auth error codes as messages for people, with the form field they belong to and,
 * for some, what the person can do about it.
 */
const MESSAGES = {
  "auth/invalid-credential": [null, "That email and password don't match an account."],
  "auth/wrong-password": [null, "That email and password don't match an account."],
  "auth/user-not-found": [null, "That email and password don't match an account."],
  "auth/invalid-email": ["email", "That doesn't look like an email address."],
  "auth/missing-email": ["email", "Enter your email address."],
  "auth/email-already-in-use": [
    "email",
    "There's already an account with this email.",
    { label: "Try signing in", action: "sign-in" },
  ],
  "auth/weak-password": ["password", "Choose a stronger password."],
  "auth/missing-password": ["password", "Enter a password."],
  "auth/too-many-requests": [null, "Too many attempts. Wait a few minutes, then try again."],
  "auth/network-request-failed": [null, "Can't reach Taskly right now. Check your connection."],
  "auth/user-disabled": [null, "This account has been disabled."],
  "auth/requires-recent-login": [null, "Please sign in again, then retry."],
};

/**
 * @typedef {{ label: string, action: "sign-in" }} AuthErrorOffer
 * @param {unknown} error
 * @returns {{ field: string | null, message: string, offer: AuthErrorOffer | null }}
 */
export function describeAuthError(error) {
  const [field, message, offer = null] = MESSAGES[error?.code] ?? [
    null,
    "Something went wrong. Try again.",
  ];
  return { field, message, offer };
}

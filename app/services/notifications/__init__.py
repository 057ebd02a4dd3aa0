"""Notifications: what happened to me (from the workflow's audit events) and reminders (deadlines,
waiting reviews, keberatan to decide, the weekly digest), in the app and, for reminders, by e-mail."""

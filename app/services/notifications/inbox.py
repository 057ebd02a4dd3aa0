"""The notification centre: which workflow step tells whom (`RECIPIENTS`), written with the audit
event of that step (`on_event` listens to audit.recorded; create_app imports this module), and the reading side — my list, the unread
count, marking read."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import Notification, User
from app.models.base import utcnow
from app.services.audit import recorded

EVENT = "peristiwa"
REMINDER = "pengingat"


def _user(employee) -> User | None:
    return employee.user if employee is not None else None


def _assessor(employee) -> User | None:
    return _user(employee.assessor) if employee is not None else None


def _second(employee) -> User | None:
    """The Atasan Pejabat Penilai: the assessor's assessor."""
    assessor = employee.assessor if employee is not None else None
    return _assessor(assessor) if assessor is not None else None


# action → who is told (from the object of the event). The actor is never told of their own step.
RECIPIENTS: dict[str, Callable[[Any], list[User | None]]] = {
    "skp.diajukan": lambda plan: [_assessor(plan.employee)],
    "skp.disetujui": lambda plan: [_user(plan.employee)],
    "skp.dikembalikan": lambda plan: [_user(plan.employee)],
    "penilaian.diajukan": lambda a: [_assessor(a.employee)],
    "penilaian.disetujui": lambda a: [_user(a.employee)],
    "penilaian.dikembalikan": lambda a: [_user(a.employee)],
    "penilaian.dibuka_kembali": lambda a: [_user(a.employee)],
    "tahunan.diserahkan": lambda ev: [_user(ev.employee)],
    "keberatan.diajukan": lambda ev: [_assessor(ev.employee)],
    "keberatan.ditanggapi": lambda ev: [_user(ev.employee), _second(ev.employee)],
    "keberatan.diputuskan": lambda ev: [_user(ev.employee), _assessor(ev.employee)],
    "dokumen.diterbitkan": lambda document: [_user(document.employee)],
    "kegiatan.dikembalikan": lambda activity: [_user(activity.employee)],
    "kegiatan.umpan_balik": lambda note: [_user(note.employee)],
    "akun.kode_aktivasi_dibuat": lambda user: [user],
    "akun.kata_sandi_ditetapkan": lambda user: [user],
    "akun.kunci_dibuka": lambda user: [user],
    "akun.peran_diubah": lambda user: [user],
}


@recorded.connect
def on_event(event, *, obj: Any, actor: User | None, title: str) -> None:
    """Tell whom the step concerns (audit.record signals every event it writes, with the step in
    words)."""
    rule = RECIPIENTS.get(event.action)
    if rule is None or obj is None:
        return
    told: set[int] = set()
    for user in rule(obj):
        if user is None or user.id is None or user.id in told or (actor is not None and user.id == actor.id):
            continue
        told.add(user.id)
        db.session.add(Notification(user_id=user.id, kind=EVENT, event=event, title=title,
                                    body=event.summary or "", object_type=event.object_type,
                                    object_id=event.object_id, created_at=utcnow()))


def remind(user: User, key: str, title: str, body: str, *, object_type: str | None = None,
           object_id: int | None = None) -> Notification | None:
    """A reminder for `user`, once per key ever: None when it was given before."""
    exists = db.session.scalar(select(Notification.id).where(Notification.user_id == user.id, Notification.key == key))
    if exists is not None:
        return None
    notification = Notification(user_id=user.id, kind=REMINDER, key=key, title=title, body=body,
                                object_type=object_type, object_id=object_id, created_at=utcnow())
    db.session.add(notification)
    db.session.flush()
    return notification


def unread_expression(user: User):
    """My unread count as SQL, to be asked together with the menu's other questions."""
    return (select(func.count(Notification.id)).where(Notification.user_id == user.id, Notification.read_at.is_(None))
            .scalar_subquery())


def unread_count(user: User) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def my_notifications(user: User):
    """My notifications, newest first, each with its audit event (who acted) read in the same
    query (the caller paginates)."""
    return select(Notification).options(joinedload(Notification.event)).where(
        Notification.user_id == user.id).order_by(
        Notification.created_at.desc(), Notification.id.desc())


def mark_all_read(user: User) -> int:
    done = db.session.execute(update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)).values(read_at=utcnow())
        .execution_options(synchronize_session=False))
    return done.rowcount


def open_notification(user: User, notification_id: int) -> Notification | None:
    """Mine, marked read; None when it is not mine (or does not exist)."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        return None
    if notification.read_at is None:
        notification.read_at = utcnow()
    return notification

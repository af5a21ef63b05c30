"""Key slots: one random database key, wrapped once per local user.

A task force of several people shares one laptop. The SQLCipher database is encrypted with a
random 256-bit key; each user's passphrase derives (scrypt) a key-encryption key that wraps the
database key with AES-256-GCM. Adding or removing a user adds or removes a slot without
re-encrypting the database, and the slot tells who unlocked it, so the audit knows who did what.

KDF: scrypt, N = 2**15, r = 8, p = 1 (32 MiB, ~0.1 s on a 2020 laptop), 16-byte random salt per
slot. The parameters are stored in each slot so they can be raised later without breaking old
slots. The AES-GCM associated data binds a slot to its database id, user id and name, so slots
cannot be swapped between users or files unnoticed.

The slot file lives beside the database (``<db>.keys``, JSON). It holds no personal data beyond
the users' display names, which the unlock screen must show before anything is decrypted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import BangfuError

DEFAULT_KDF: dict[str, int] = {"n": 2**15, "r": 8, "p": 1}
FORMAT_VERSION = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


@dataclass
class Slot:
    user_id: str
    name: str
    salt: str
    nonce: str
    wrapped: str
    kdf: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_KDF))


@dataclass
class SlotFile:
    db_id: str
    slots: list[Slot] = field(default_factory=list)
    version: int = FORMAT_VERSION

    # -- persistence -----------------------------------------------------------------------
    @staticmethod
    def path_for(db_path: Path) -> Path:
        return Path(str(db_path) + ".keys")

    @classmethod
    def load(cls, db_path: Path) -> SlotFile:
        path = cls.path_for(db_path)
        try:
            raw = json.loads(path.read_text("utf-8"))
            slots = [Slot(**s) for s in raw["slots"]]
            return cls(db_id=raw["db_id"], slots=slots, version=raw.get("version", 1))
        except FileNotFoundError:
            raise BangfuError("store.no_keys", path=path.name) from None
        except (ValueError, KeyError, TypeError):
            raise BangfuError("store.keys_damaged", path=path.name) from None

    def save(self, db_path: Path) -> None:
        """Atomically replace the slot file (write, fsync, rename, fsync dir)."""
        path = self.path_for(db_path)
        tmp = path.with_name(path.name + ".tmp")
        data = json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)

    # -- slots -----------------------------------------------------------------------------
    def find(self, name: str) -> Slot | None:
        wanted = name.strip().casefold()
        return next((s for s in self.slots if s.name.casefold() == wanted), None)

    def names(self) -> list[str]:
        return [s.name for s in self.slots]

    def add(self, user_id: str, name: str, passphrase: str, db_key: bytes, kdf: dict[str, int] | None = None) -> Slot:
        if self.find(name) is not None:
            raise BangfuError("user.exists", name=name)
        slot = wrap(self.db_id, user_id, name, passphrase, db_key, kdf)
        self.slots.append(slot)
        return slot

    def remove(self, name: str) -> Slot:
        slot = self.find(name)
        if slot is None:
            raise BangfuError("user.unknown", name=name)
        self.slots.remove(slot)
        return slot

    def unlock(self, name: str, passphrase: str) -> tuple[Slot, bytes]:
        slot = self.find(name)
        if slot is None:
            raise BangfuError("user.unknown", name=name)
        return slot, unwrap(self.db_id, slot, passphrase)


def _aad(db_id: str, user_id: str, name: str) -> bytes:
    return f"bangfu-slot|{db_id}|{user_id}|{name}".encode()


def derive(passphrase: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    n, r, p = kdf["n"], kdf["r"], kdf["p"]
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=32)


def wrap(db_id: str, user_id: str, name: str, passphrase: str, db_key: bytes, kdf: dict[str, int] | None = None) -> Slot:
    params = dict(kdf or DEFAULT_KDF)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = derive(passphrase, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, db_key, _aad(db_id, user_id, name))
    return Slot(user_id=user_id, name=name, salt=_b64(salt), nonce=_b64(nonce), wrapped=_b64(wrapped), kdf=params)


def unwrap(db_id: str, slot: Slot, passphrase: str) -> bytes:
    kek = derive(passphrase, _unb64(slot.salt), slot.kdf)
    try:
        return AESGCM(kek).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), _aad(db_id, slot.user_id, slot.name))
    except InvalidTag:
        raise BangfuError("store.wrong_passphrase", name=slot.name) from None


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

"""The offline bundle file: encrypted to its recipient and signed by its sender.

Used by both ends: the laptop writes push bundles for the county and reads return bundles; the
server does the opposite. Keys are exchanged at enrollment (device and server each have an
Ed25519 signing key pair and an X25519 encryption key pair).

File layout::

    b"BANGFU-BUNDLE/1\\n" | u32 big-endian header length | header (canonical JSON)
    | ciphertext | 64-byte Ed25519 signature

* Encryption (per file): a fresh ephemeral X25519 key pair; ``shared = X25519(ephemeral, recipient)``;
  ``key = HKDF-SHA256(shared, salt=bundle_id, info="bangfu-bundle/1" + sender + recipient)``;
  ``ciphertext = ChaCha20-Poly1305(key).encrypt(nonce, gzip(payload JSON), aad=magic + header)``.
  Only the recipient's X25519 private key opens it; the header (sender, recipient, ids, times) is
  authenticated but readable, so an operator can see whose stick it is without decrypting.
* Signature: Ed25519 by the sender over ``magic + header + ciphertext``. The reader checks the
  signature against the sender key it already trusts *before* decrypting anything, so a forged or
  altered file is refused without touching its content.

Replaying a bundle is harmless: batches inside follow the server's exactly-once rules, and a laptop
applies pulled rows only when their revision is newer than its own.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import struct
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

import app.sync.messages  # noqa: F401
from app.domain.base import utcnow, uuid7
from app.errors import BangfuError

MAGIC = b"BANGFU-BUNDLE/1\n"
SIG_LEN = 64
MAX_HEADER = 64 * 1024
MAX_PAYLOAD = 512 * 1024 * 1024
CIPHER = "X25519-HKDF-SHA256-ChaCha20Poly1305"
SIGNATURE = "Ed25519"


def private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def public_bytes(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KeyPairs:
    """One party's keys as base64 strings (private parts stay in the encrypted store / server DB)."""

    sign_private: str
    sign_public: str
    box_private: str
    box_public: str

    @classmethod
    def generate(cls) -> KeyPairs:
        sign = Ed25519PrivateKey.generate()
        box = X25519PrivateKey.generate()
        return cls(b64(private_bytes(sign)), b64(public_bytes(sign.public_key())),
                   b64(private_bytes(box)), b64(public_bytes(box.public_key())))


def _kdf(shared: bytes, bundle_id: str, sender: str, recipient: str) -> bytes:
    info = b"bangfu-bundle/1" + sender.encode() + b"|" + recipient.encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=bundle_id.encode(), info=info).derive(shared)


def _header_bytes(header: dict[str, Any]) -> bytes:
    return json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(payload: dict[str, Any], *, kind: str, sender: str, recipient: str, sign_private: str,
         recipient_box_public: str) -> bytes:
    """Encrypt ``payload`` to the recipient and sign it as ``sender``; returns the file bytes."""
    bundle_id = uuid7()
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(unb64(recipient_box_public)))
    nonce = os.urandom(12)
    header = {"format": 1, "kind": kind, "bundle_id": bundle_id, "sender": sender, "recipient": recipient,
              "created_at": utcnow().isoformat(), "cipher": CIPHER, "signature": SIGNATURE,
              "ephemeral": b64(public_bytes(eph.public_key())), "nonce": b64(nonce)}
    head = _header_bytes(header)
    body = gzip.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0)
    key = _kdf(shared, bundle_id, sender, recipient)
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, body, MAGIC + head)
    signed = MAGIC + struct.pack(">I", len(head)) + head + ciphertext
    signer = Ed25519PrivateKey.from_private_bytes(unb64(sign_private))
    return signed + signer.sign(MAGIC + head + ciphertext)


def read_header(data: bytes) -> dict[str, Any]:
    """The authenticated-but-readable header (who sent it, to whom); raises ``bundle.invalid``."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4 + SIG_LEN:
        raise BangfuError("bundle.invalid")
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    if length > MAX_HEADER or len(MAGIC) + 4 + length + SIG_LEN > len(data):
        raise BangfuError("bundle.invalid")
    try:
        header = json.loads(data[len(MAGIC) + 4:len(MAGIC) + 4 + length])
    except ValueError:
        raise BangfuError("bundle.invalid") from None
    if not isinstance(header, dict) or header.get("format") != 1:
        raise BangfuError("bundle.invalid")
    return header


def open_sealed(data: bytes, *, sender_sign_public: str, box_private: str, expect_kind: str,
                recipient: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Verify the signature, then decrypt; returns (header, payload). Raises ``bundle.*`` errors."""
    header = read_header(data)
    start = len(MAGIC) + 4
    (length,) = struct.unpack(">I", data[len(MAGIC):start])
    head = data[start:start + length]
    ciphertext = data[start + length:-SIG_LEN]
    signature = data[-SIG_LEN:]
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sender_sign_public)).verify(signature, MAGIC + head + ciphertext)
    except (InvalidSignature, ValueError):
        raise BangfuError("bundle.bad_signature") from None
    if header.get("kind") != expect_kind:
        raise BangfuError("bundle.wrong_kind")
    if header.get("recipient") != recipient:
        raise BangfuError("bundle.wrong_recipient")
    try:
        shared = X25519PrivateKey.from_private_bytes(unb64(box_private)).exchange(
            X25519PublicKey.from_public_bytes(unb64(header["ephemeral"])))
        key = _kdf(shared, header["bundle_id"], header["sender"], header["recipient"])
        body = ChaCha20Poly1305(key).decrypt(unb64(header["nonce"]), ciphertext, MAGIC + head)
        inflater_out = gzip.decompress(body)
        if len(inflater_out) > MAX_PAYLOAD:
            raise BangfuError("bundle.invalid")
        payload = json.loads(inflater_out)
    except (InvalidTag, KeyError, ValueError, OSError):
        raise BangfuError("bundle.cannot_decrypt") from None
    if not isinstance(payload, dict):
        raise BangfuError("bundle.invalid")
    return header, payload

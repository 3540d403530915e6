#!/usr/bin/env python3
"""Writes store/src/test/resources/audit-vectors.json from docs/audit-chain.md, independently of the
Java code: canonical encoding, SHA-256 chaining, verification outcomes and an Ed25519 checkpoint.
Run from the repository root: python3 store/scripts/make-audit-vectors.py (needs 'cryptography')."""
import hashlib, json, pathlib
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

GENESIS = "00" * 32

def canonical(seq, at, kind, actor, subject, details):
    lines = ["pactbridge-audit-v1", f"seq={seq}", f"at={at}", f"kind={kind}", f"actor={actor}", f"subject={subject}"]
    # detail keys are ASCII, so byte order and code-point order agree
    lines += [f"{k}={details[k]}" for k in sorted(details)]
    return ("\n".join(lines) + "\n").encode("utf-8")

def sha(prev_hex, body):
    return hashlib.sha256(bytes.fromhex(prev_hex) + body).hexdigest()

EVENTS = [
    ("2011-01-05T00:00:00Z", "ITEM_ADDED", "KOR", "item-1", {"level": "KOR:II", "marking": "//KOR II//REL TO USA, JPN"}),
    ("2011-01-05T00:00:01.500Z", "CONSENT_REQUESTED", "USA", "item-1", {"id": "c-1", "originator": "KOR", "recipient": "JPN"}),
    ("2016-11-23T00:00:00Z", "AGREEMENT_ADDED", "admin", "ROK-JPN-GSOMIA-2016", {}),
    ("2019-11-22T09:00:00Z", "TIMELINE_EVENT_ADDED", "admin", "ROK-JPN-GSOMIA-2016", {"type": "NOTICE_SUSPENDED", "note-ja": "終了通告の効力停止"}),
    ("2023-03-21T00:00:00.000000001Z", "RELEASED", "USA", "item-1", {"recipient": "JPN", "outcome": "PERMIT", "z-last": "", "a-first": "x=y"}),
]

encoding, chain = [], []
prev = GENESIS
for i, (at, kind, actor, subject, details) in enumerate(EVENTS, start=1):
    body = canonical(i, at, kind, actor, subject, details)
    h = sha(prev, body)
    encoding.append({"name": f"event {i}: {kind}", "seq": i,
                     "event": {"at": at, "kind": kind, "actor": actor, "subject": subject, "details": details},
                     "canonical": body.decode("utf-8"), "canonicalHex": body.hex(), "prevHash": prev, "hash": h})
    chain.append({"seq": i, "prevHash": prev, "bodyHex": body.hex(), "hash": h})
    prev = h
head = {"seq": len(chain), "hash": prev}

def variant(name, entries, expect, with_head=True):
    return {"name": name, "entries": entries, "head": head if with_head else None, "expect": expect}

def copy():
    return [dict(e) for e in chain]

chains = [variant("intact chain", copy(), {"ok": True, "entries": 5, "lastSeq": 5, "headHash": prev})]
c = copy(); b = bytearray.fromhex(c[2]["bodyHex"]); b[-2] ^= 0x01; c[2]["bodyHex"] = b.hex()
chains.append(variant("one byte of entry 3's body flipped", c, {"ok": False, "problem": "ALTERED", "seq": 3}))
c = copy(); h = bytearray.fromhex(c[1]["hash"]); h[0] ^= 0x80; c[1]["hash"] = h.hex()
chains.append(variant("one byte of entry 2's stored hash flipped", c, {"ok": False, "problem": "ALTERED", "seq": 2}))
c = copy(); p = bytearray.fromhex(c[3]["prevHash"]); p[31] ^= 0x01; c[3]["prevHash"] = p.hex()
chains.append(variant("one byte of entry 4's previous hash flipped", c, {"ok": False, "problem": "ALTERED", "seq": 4}))
c = copy(); del c[2]
chains.append(variant("entry 3 deleted", c, {"ok": False, "problem": "MISSING", "seq": 3}))
c = copy(); c[1], c[3] = dict(c[3], seq=2), dict(c[1], seq=4)
chains.append(variant("the contents of entries 2 and 4 swapped", c, {"ok": False, "problem": "REORDERED", "seq": 2}))
c = copy()[:3]
chains.append(variant("truncated after entry 3, head records 5", c, {"ok": False, "problem": "TRUNCATED", "seq": 4}))
chains.append(variant("truncated after entry 3, no head", copy()[:3], {"ok": True, "entries": 3, "lastSeq": 3, "headHash": chain[2]["hash"]}, with_head=False))
c = copy(); body = canonical(3, "2016-11-23T00:00:00Z", "AGREEMENT_ADDED", "admin", "ROK-JPN-GSOMIA-2016", {"extra": "1"})
c[2]["bodyHex"] = body.hex(); c[2]["hash"] = sha(c[2]["prevHash"], body)
chains.append(variant("entry 3 rewritten with a consistent hash (entry 4's link breaks)", c, {"ok": False, "problem": "ALTERED", "seq": 4}))

invalid_bodies = [
    {"name": "no final LF", "bodyHex": chain[0]["bodyHex"][:-2], "error": "not ended by LF"},
    {"name": "leading zero in seq", "bodyHex": canonical(1, "2011-01-05T00:00:00Z", "K", "a", "s", {}).replace(b"seq=1", b"seq=01").hex(), "error": "leading zeros"},
    {"name": "instant not canonical", "bodyHex": canonical(1, "2011-01-05T00:00:00.000Z", "K", "a", "s", {}).hex(), "error": "canonical form"},
    {"name": "details out of order", "bodyHex": (canonical(1, "2011-01-05T00:00:00Z", "K", "a", "s", {}) + b"b=1\na=2\n").hex(), "error": "sorted"},
    {"name": "wrong magic", "bodyHex": canonical(1, "2011-01-05T00:00:00Z", "K", "a", "s", {}).replace(b"-v1", b"-v2").hex(), "error": "pactbridge-audit-v1"},
]
invalid_events = [
    {"name": "lower-case kind", "event": {"at": "2011-01-05T00:00:00Z", "kind": "item_added", "actor": "KOR", "subject": "s", "details": {}}, "error": "kind"},
    {"name": "line break in a detail", "event": {"at": "2011-01-05T00:00:00Z", "kind": "K", "actor": "KOR", "subject": "s", "details": {"note": "a\nb"}}, "error": "control character"},
    {"name": "reserved detail key", "event": {"at": "2011-01-05T00:00:00Z", "kind": "K", "actor": "KOR", "subject": "s", "details": {"seq": "7"}}, "error": "reserved"},
]

seed = bytes(range(32))
key = Ed25519PrivateKey.from_private_bytes(seed)
pub = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
pkcs8 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
signed = f"pactbridge-checkpoint-v1\nseq={head['seq']}\nhash={head['hash']}\nat=2023-03-21T00:00:05Z\n".encode()
import base64
checkpoint = {"seq": head["seq"], "hash": head["hash"], "at": "2023-03-21T00:00:05Z", "signedText": signed.decode(),
              "privateKeyPkcs8": base64.b64encode(pkcs8).decode(), "publicKeyX509": base64.b64encode(pub).decode(),
              "signature": base64.b64encode(key.sign(signed)).decode()}

out = {"format": "pactbridge-audit-v1", "genesis": GENESIS, "encoding": encoding, "invalidEvents": invalid_events,
       "invalidBodies": invalid_bodies, "chains": chains, "checkpoint": checkpoint}
path = pathlib.Path("store/src/test/resources/audit-vectors.json")
path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {path}: {len(encoding)} encodings, {len(chains)} chains")

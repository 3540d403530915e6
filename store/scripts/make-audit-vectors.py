#!/usr/bin/env python3
"""Writes store/src/test/resources/audit-vectors.json from docs/audit-chain.md, independently of the
Java code: the v1, v2 and v3 canonical encodings, the stored column copies, SHA-256 chaining, the
RFC 9162 Merkle tree over the bodies (tree heads at every size, inclusion and consistency proofs),
Ed25519 signed heads (v1, and v2 with the tree head), and verification outcomes (problem and first
wrong entry) for chains of v1, v2 and v3 entries with their checkpoints and kept heads.
Run from the repository root: python3 store/scripts/make-audit-vectors.py (needs 'cryptography')."""
import base64, hashlib, json, pathlib
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

GENESIS = "00" * 32
SUBJECT_COLUMN = 400

# --- section 2: bodies -------------------------------------------------------------------------------

def details_lines(details):
    # detail keys are ASCII, so byte order and code-point order agree
    return [f"{k}={details[k]}" for k in sorted(details)]

def body_v1(seq, at, kind, actor, subject, details):
    lines = ["pactbridge-audit-v1", f"seq={seq}", f"at={at}", f"kind={kind}", f"actor={actor}", f"subject={subject}"]
    return ("\n".join(lines + details_lines(details)) + "\n").encode("utf-8")

def body_v2(seq, commit, at, kind, subject, actor, details, magic="pactbridge-audit-v2"):
    actor_id, actor_name, nation = actor
    lines = [magic, f"seq={seq}", f"commit={commit[0]}-{commit[1]}", f"at={at}", f"kind={kind}",
             f"subject={subject}", f"actor.id={actor_id}", f"actor.name={actor_name}", f"actor.nation={nation}"]
    return ("\n".join(lines + details_lines(details)) + "\n").encode("utf-8")

def body_v3(seq, commit, at, kind, subject, actor, details):
    return body_v2(seq, commit, at, kind, subject, actor, details, magic="pactbridge-audit-v3")

# --- section 3: the Merkle tree (RFC 9162 section 2.1), written from the RFC's definitions ----------

def leaf(body):
    return hashlib.sha256(b"\x00" + body).digest()

def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()

def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k

def mth(leaves):
    """MTH(D[n]) over leaf hashes."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = split(len(leaves))
    return node(mth(leaves[:k]), mth(leaves[k:]))

def path(m, leaves):
    """PATH(m, D[n])."""
    n = len(leaves)
    if n <= 1:
        return []
    k = split(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]

def subproof(m, leaves, b):
    n = len(leaves)
    if m == n:
        return [] if b else [mth(leaves)]
    k = split(n)
    if m <= k:
        return subproof(m, leaves[:k], b) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]

def proof(m, leaves):
    """PROOF(m, D[n]); empty for m = 0 or m = n."""
    return [] if m == 0 or m == len(leaves) else subproof(m, leaves, True)

# --- section 4: the stored copies --------------------------------------------------------------------

def utf16_units(text):
    return len(text.encode("utf-16-le")) // 2

def subject_column(subject):
    if utf16_units(subject) <= SUBJECT_COLUMN:
        return subject
    units = subject.encode("utf-16-le")[:2 * SUBJECT_COLUMN]
    last = int.from_bytes(units[-2:], "little")
    if 0xD800 <= last <= 0xDBFF:  # a high surrogate: do not split the pair
        units = units[:-2]
    return units.decode("utf-16-le")

def columns_v1(kind, subject):
    return {"kind": kind, "subject": subject_column(subject), "actorId": None, "actorName": None, "actorNation": None}

def columns_v2(kind, subject, actor):
    return {"kind": kind, "subject": subject_column(subject), "actorId": actor[0], "actorName": actor[1],
            "actorNation": actor[2] or None}

# --- section 3: hashes -------------------------------------------------------------------------------

def sha(prev_hex, body):
    return hashlib.sha256(bytes.fromhex(prev_hex) + body).hexdigest()

# --- section 5: signed heads -------------------------------------------------------------------------

SEED = bytes(range(32))
KEY = Ed25519PrivateKey.from_private_bytes(SEED)
PUBLIC = base64.b64encode(KEY.public_key().public_bytes(serialization.Encoding.DER,
                                                        serialization.PublicFormat.SubjectPublicKeyInfo)).decode()
PKCS8 = base64.b64encode(KEY.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption())).decode()

def signed_text(seq, hash_hex, at):
    return f"pactbridge-checkpoint-v1\nseq={seq}\nhash={hash_hex}\nat={at}\n".encode("utf-8")

def checkpoint(seq, hash_hex, at):
    return {"seq": seq, "hash": hash_hex, "at": at, "signature": base64.b64encode(KEY.sign(signed_text(seq, hash_hex, at))).decode()}

def signed_text_v2(size, root_hex, hash_hex, at):
    return f"pactbridge-checkpoint-v2\nsize={size}\nroot={root_hex}\nhash={hash_hex}\nat={at}\n".encode("utf-8")

def checkpoint_v2(size, root_hex, hash_hex, at):
    return {"seq": size, "hash": hash_hex, "root": root_hex, "at": at,
            "signature": base64.b64encode(KEY.sign(signed_text_v2(size, root_hex, hash_hex, at))).decode()}

# --- encodings ---------------------------------------------------------------------------------------

KIM = ("6f1c2d4e-0000-4000-8000-000000000001", "kim", "KOR")
SMITH = ("9a8b7c6d-0000-4000-8000-000000000002", "smith", "USA")
NODE = ("node", "node", "JPN")
OPERATOR = ("local:root", "root", "")
TANAKA = ("u-7", "田中", "JPN")

V1_EVENTS = [
    ("2011-01-05T00:00:00Z", "ITEM_ADDED", "KOR", "item-1", {"level": "KOR:II", "marking": "//KOR II//REL TO USA, JPN"}),
    ("2011-01-05T00:00:01.500Z", "CONSENT_REQUESTED", "USA", "item-1", {"id": "c-1", "originator": "KOR", "recipient": "JPN"}),
    ("2016-11-23T00:00:00Z", "AGREEMENT_ADDED", "admin", "ROK-JPN-GSOMIA-2016", {}),
    ("2019-11-22T09:00:00Z", "TIMELINE_EVENT_ADDED", "admin", "ROK-JPN-GSOMIA-2016", {"type": "NOTICE_SUSPENDED", "note-ja": "終了通告の効力停止"}),
    ("2023-03-21T00:00:00.000000001Z", "RELEASED", "USA", "item-1", {"recipient": "JPN", "outcome": "PERMIT", "z-last": "", "a-first": "x=y"}),
]

encoding = []
prev = GENESIS
for i, (at, kind, actor, subject, details) in enumerate(V1_EVENTS, start=1):
    body = body_v1(i, at, kind, actor, subject, details)
    h = sha(prev, body)
    encoding.append({"name": f"v1 event {i}: {kind}", "format": 1, "seq": i, "commit": None,
                     "event": {"at": at, "kind": kind, "actor": {"id": "", "name": actor, "nation": ""}, "subject": subject, "details": details},
                     "canonical": body.decode("utf-8"), "canonicalHex": body.hex(), "prevHash": prev, "hash": h,
                     "columns": columns_v1(kind, subject)})
    prev = h

LONG_SUBJECT = "x" * 399 + "😀" + "tail"  # the pair would be units 400 and 401: the column stops at 399
V2_EVENTS = [
    # seq, commit, at, kind, subject, actor, details
    (6, (6, 6), "2026-01-05T09:00:00Z", "ITEM_ADDED", "item-2", KIM,
     {"level": "USA:SECRET", "originators": "USA,KOR", "marking": "SECRET//REL TO USA, KOR", "content-sha256": "ab" * 32}),
    (7, (7, 8), "2026-01-05T09:00:01.250Z", "RELEASED", "item-2", SMITH,
     {"id": "r-1", "holder": "USA", "recipient": "JPN", "outcome": "PERMIT", "reasons": "", "agreements": "USA-JPN-GSOMIA-2007"}),
    (8, (7, 8), "2026-01-05T09:00:01.250Z", "HOLDING_ADDED", "item-2", SMITH, {"holder": "JPN", "route": "USA>JPN", "marking": "極秘"}),
    (9, (9, 9), "2026-01-05T09:00:02Z", "USER_CREATED", "u-7", NODE, {"name": "田中", "nationality": "JPN", "roles": "ANALYST"}),
    (10, (10, 10), "2026-01-05T09:00:03Z", "REGISTRY_IMPORTED", LONG_SUBJECT, OPERATOR, {"added": "0", "unchanged": "12"}),
]
for seq, commit, at, kind, subject, actor, details in V2_EVENTS:
    body = body_v2(seq, commit, at, kind, subject, actor, details)
    h = sha(prev, body)
    encoding.append({"name": f"v2 event {seq}: {kind} by {actor[1]}", "format": 2, "seq": seq, "commit": list(commit),
                     "event": {"at": at, "kind": kind, "actor": {"id": actor[0], "name": actor[1], "nation": actor[2]},
                               "subject": subject, "details": details},
                     "canonical": body.decode("utf-8"), "canonicalHex": body.hex(), "prevHash": prev, "hash": h,
                     "columns": columns_v2(kind, subject, actor)})
    prev = h

V3_EVENTS = [
    (11, (11, 11), "2026-12-03T18:00:00Z", "DECISION", "req-1", KIM,
     {"originator": "KOR", "level": "KOR:II", "to": "USA", "topics": "", "outcome": "PERMIT", "reasons": "PERMITTED_BY_AGREEMENT"}),
    (12, (12, 13), "2026-12-03T18:00:00.002Z", "DECISION_BATCH", "batch-7", SMITH,
     {"count": "1000", "outcome.permit": "990", "outcome.consent-required": "7", "outcome.deny": "3",
      "request-sha256": "cd" * 32, "response-sha256": "ef" * 32}),
    (13, (12, 13), "2026-12-03T18:00:00.002Z", "KAS_REWRAP", "item-2", TANAKA, {"requester": "JPN", "outcome": "PERMIT"}),
]
for seq, commit, at, kind, subject, actor, details in V3_EVENTS:
    body = body_v3(seq, commit, at, kind, subject, actor, details)
    h = sha(prev, body)
    encoding.append({"name": f"v3 event {seq}: {kind} by {actor[1]}", "format": 3, "seq": seq, "commit": list(commit),
                     "event": {"at": at, "kind": kind, "actor": {"id": actor[0], "name": actor[1], "nation": actor[2]},
                               "subject": subject, "details": details},
                     "canonical": body.decode("utf-8"), "canonicalHex": body.hex(), "prevHash": prev, "hash": h,
                     "columns": columns_v2(kind, subject, actor)})
    prev = h

# --- chains ------------------------------------------------------------------------------------------

def entry(seq, prev_hex, body, columns):
    return {"seq": seq, "prevHash": prev_hex, "bodyHex": body.hex(), "hash": sha(prev_hex, body), "columns": columns}

def build(specs, start_prev=GENESIS):
    """specs: ("v1", seq, at, kind, actor, subject, details) or ("v2", seq, commit, at, kind, subject, actor, details)."""
    out, p = [], start_prev
    for spec in specs:
        if spec[0] == "v1":
            _, seq, at, kind, actor, subject, details = spec
            e = entry(seq, p, body_v1(seq, at, kind, actor, subject, details), columns_v1(kind, subject))
        else:
            version, seq, commit, at, kind, subject, actor, details = spec
            encode = body_v3 if version == "v3" else body_v2
            e = entry(seq, p, encode(seq, commit, at, kind, subject, actor, details), columns_v2(kind, subject, actor))
        out.append(e)
        p = e["hash"]
    return out

def heads_at(entries, seqs, at="2026-01-05T10:00:00Z"):
    by_seq = {e["seq"]: e for e in entries}
    return [checkpoint(s, by_seq[s]["hash"], at) for s in seqs]

def copy(entries):
    return [dict(e, columns=dict(e["columns"])) for e in entries]

T = "2026-01-05T09:00:0{}Z"
SPECS = [
    ("v1", 1, "2011-01-05T00:00:00Z", "ITEM_ADDED", "KOR", "item-1", {"level": "KOR:II"}),
    ("v1", 2, "2011-01-06T00:00:00Z", "RELEASED", "USA", "item-1", {"recipient": "JPN"}),
    ("v1", 3, "2011-01-07T00:00:00Z", "AGREEMENT_ADDED", "admin", "ROK-JPN-GSOMIA-2016", {}),
    ("v2", 4, (4, 5), T.format(1), "RELEASED", "item-1", KIM, {"recipient": "USA", "outcome": "PERMIT"}),
    ("v2", 5, (4, 5), T.format(1), "HOLDING_ADDED", "item-1", KIM, {"holder": "USA", "route": "KOR>USA"}),
    ("v2", 6, (6, 6), T.format(2), "CONSENT_REQUESTED", "item-1", SMITH, {"id": "c-9", "originator": "KOR", "recipient": "JPN"}),
    ("v2", 7, (7, 8), T.format(3), "ITEM_ADDED", "item-3", TANAKA, {"level": "JPN:HI"}),
    ("v2", 8, (7, 8), T.format(3), "ITEM_ADDED", "item-4", TANAKA, {"level": "JPN:HI"}),
]
CHAIN = build(SPECS)
V1_CHECKPOINTS = heads_at(CHAIN, [2], at="2011-01-06T00:00:05Z")  # v1 signed every so often, not every commit
SIGNED = V1_CHECKPOINTS + heads_at(CHAIN, [5, 6, 8])
HEAD_FILE = {"where": "keys/audit-head", **heads_at(CHAIN, [8])[0]}
LAST = CHAIN[-1]["hash"]

def variant(name, entries, checkpoints, kept, expect):
    return {"name": name, "entries": entries, "checkpoints": checkpoints, "kept": kept, "expect": expect}

def ok(count, last_hash, checkpoints):
    return {"ok": True, "entries": count, "lastSeq": count, "headHash": last_hash, "checkpoints": checkpoints}

def bad(problem, seq, contains=None):
    e = {"ok": False, "problem": problem, "seq": seq}
    if contains:
        e["messageContains"] = contains
    return e

chains = []
# v1 only, links and truncation as before v2 (no signed head is required in a v1 stretch)
V1 = CHAIN[:3]
chains.append(variant("v1 chain intact", copy(V1), [], [], ok(3, V1[2]["hash"], 0)))
c = copy(V1); b = bytearray.fromhex(c[2]["bodyHex"]); b[-2] ^= 0x01; c[2]["bodyHex"] = b.hex()
chains.append(variant("v1: one byte of entry 3's body flipped", c, [], [], bad("ALTERED", 3)))
c = copy(V1); h = bytearray.fromhex(c[1]["hash"]); h[0] ^= 0x80; c[1]["hash"] = h.hex()
chains.append(variant("v1: one byte of entry 2's stored hash flipped", c, [], [], bad("ALTERED", 2)))
c = copy(V1); del c[1]
chains.append(variant("v1: entry 2 deleted", c, [], [], bad("MISSING", 2)))
c = copy(V1); c[0], c[2] = dict(c[2], seq=1), dict(c[0], seq=3)
chains.append(variant("v1: the contents of entries 1 and 3 swapped", c, [], [], bad("REORDERED", 1)))
chains.append(variant("v1: truncated after entry 2, its checkpoint at 2 kept", copy(V1[:2]), list(V1_CHECKPOINTS), [],
                      ok(2, V1[1]["hash"], 1)))

# v1 followed by v2 commits, each v2 commit signed
chains.append(variant("v1 then v2: intact", copy(CHAIN), SIGNED, [HEAD_FILE], ok(8, LAST, 4)))
c = copy(CHAIN); b = bytearray.fromhex(c[5]["bodyHex"]); b[-3] ^= 0x20; c[5]["bodyHex"] = b.hex()
chains.append(variant("v2: one byte of entry 6's body flipped", c, SIGNED, [], bad("ALTERED", 6)))
c = copy(CHAIN); c[5]["columns"]["kind"] = "CONSENT_ANSWERED"
chains.append(variant("v2: only entry 6's kind column changed", c, SIGNED, [], bad("ALTERED", 6, "stored kind")))
c = copy(CHAIN); c[2]["columns"]["subject"] = "item-9"
chains.append(variant("v1: only entry 3's subject column changed", c, SIGNED, [], bad("ALTERED", 3, "stored subject")))
c = copy(CHAIN); c[6]["columns"]["actorNation"] = "USA"
chains.append(variant("v2: only entry 7's actor nation column changed", c, SIGNED, [], bad("ALTERED", 7, "stored actor.nation")))
c = copy(CHAIN); c[0]["columns"]["actorName"] = "kim"
chains.append(variant("v1: an actor name column set on a v1 entry", c, SIGNED, [], bad("ALTERED", 1, "stored actor.name")))

# a rewrite with fresh hashes from one entry on: a consistent chain that only signed heads catch
def rewritten(index, spec):
    specs = list(SPECS)
    specs[index] = spec
    return build(specs)

R8 = rewritten(7, ("v2", 8, (7, 8), T.format(3), "ITEM_ADDED", "item-4", TANAKA, {"level": "JPN:GOKUHI"}))
chains.append(variant("v2: entry 8 rewritten with a fresh hash, signed heads kept: named at its commit 7-8", copy(R8), SIGNED, [],
                      bad("ALTERED", 7, "entries 7 to 8 differ")))
chains.append(variant("v2: the same, its signed head deleted", copy(R8), [cp for cp in SIGNED if cp["seq"] != 8], [],
                      bad("UNSIGNED", 7, "commit 7-8")))
chains.append(variant("v2: the same, its signed head deleted, the head file kept", copy(R8), [cp for cp in SIGNED if cp["seq"] != 8],
                      [HEAD_FILE], bad("ALTERED", 7, "kept in keys/audit-head")))
R6 = rewritten(5, ("v2", 6, (6, 6), T.format(2), "CONSENT_REQUESTED", "item-1", SMITH, {"id": "c-9", "originator": "KOR", "recipient": "GBR"}))
chains.append(variant("v2: entries rewritten from entry 6 with fresh hashes, signed heads kept", copy(R6), SIGNED, [],
                      bad("ALTERED", 6)))
chains.append(variant("v2: the same, the signed heads from entry 6 on deleted", copy(R6), [cp for cp in SIGNED if cp["seq"] < 6], [],
                      bad("UNSIGNED", 6)))
# entry 3 is v1, after the last v1 checkpoint (2): nothing signed it until commit 4-5's head, so a rewrite
# from entry 5 is named from entry 3, the first entry no genuine signed head confirms
R5 = rewritten(4, ("v2", 5, (4, 5), T.format(1), "HOLDING_ADDED", "item-1", KIM, {"holder": "GBR", "route": "KOR>GBR"}))
chains.append(variant("v1 then v2: entries rewritten from entry 5, signed heads kept: named from the unsigned v1 entry 3", copy(R5),
                      SIGNED, [], bad("ALTERED", 3)))
chains.append(variant("v2: the signed head of commit 6-6 deleted, nothing else", copy(CHAIN),
                      [cp for cp in SIGNED if cp["seq"] != 6], [], bad("UNSIGNED", 6)))
chains.append(variant("v2: every checkpoint deleted", copy(CHAIN), [], [], bad("UNSIGNED", 1)))
chains.append(variant("v2: entries 7-8 deleted, their signed head kept", copy(CHAIN[:6]), SIGNED, [], bad("TRUNCATED", 7)))
chains.append(variant("v2: entries and signed heads after 6 deleted, no head file", copy(CHAIN[:6]),
                      [cp for cp in SIGNED if cp["seq"] <= 6], [], ok(6, CHAIN[5]["hash"], 3)))
chains.append(variant("v2: entries and signed heads after 6 deleted, caught by the head file", copy(CHAIN[:6]),
                      [cp for cp in SIGNED if cp["seq"] <= 6], [HEAD_FILE], bad("TRUNCATED", 7, "kept in keys/audit-head")))
chains.append(variant("v2: entry 8 and its signed head deleted, inside commit 7-8", copy(CHAIN[:7]),
                      [cp for cp in SIGNED if cp["seq"] <= 6], [], bad("TRUNCATED", 8, "commit 7-8")))
forged = [dict(cp) for cp in SIGNED]; forged[-1]["at"] = "2020-01-01T00:00:00Z"
chains.append(variant("v2: the highest signed head's time changed (its signature fails)", copy(CHAIN), forged, [],
                      bad("BAD_CHECKPOINT", 7)))
chains.append(variant("v2: a valid signature at entry 7, inside commit 7-8", copy(CHAIN), SIGNED + heads_at(CHAIN, [7]), [],
                      bad("BAD_CHECKPOINT", 7)))
bad_file = dict(HEAD_FILE, signature=base64.b64encode(b"\x00" * 64).decode())
chains.append(variant("a head file whose signature fails", copy(CHAIN), SIGNED, [bad_file], bad("BAD_CHECKPOINT", 8)))
V1_AFTER_V2 = build(SPECS[:6] + [("v1", 7, "2026-01-05T09:00:03Z", "ITEM_ADDED", "JPN", "item-3", {})])
chains.append(variant("a v1 entry after v2 entries", V1_AFTER_V2, SIGNED[:3], [], bad("ALTERED", 7, "v1 body after v2")))

# v1, then v2, then v3 commits: each v3 commit signed by a v2 checkpoint naming the Merkle tree head
U = "2026-12-03T18:00:0{}Z"
SPECS3 = SPECS + [
    ("v3", 9, (9, 9), U.format(1), "DECISION", "req-1", KIM, {"outcome": "PERMIT", "reasons": "", "to": "USA"}),
    ("v3", 10, (10, 12), U.format(2), "DECISION_BATCH", "batch-1", SMITH,
     {"count": "3", "outcome.deny": "1", "outcome.permit": "2", "request-sha256": "aa" * 32, "response-sha256": "bb" * 32}),
    ("v3", 11, (10, 12), U.format(2), "KAS_REWRAP", "item-2", TANAKA, {"outcome": "PERMIT", "requester": "JPN"}),
    ("v3", 12, (10, 12), U.format(2), "DECISION_SHOWN", "item-2", KIM, {"outcome": "DENY", "reasons": "NOT_RELEASABLE"}),
    ("v3", 13, (13, 13), U.format(3), "ITEM_ADDED", "item-5", NODE, {"level": "JPN:HI"}),
]
CHAIN3 = build(SPECS3)

def tree_heads_at(entries, sizes, at="2026-12-03T18:00:05Z"):
    leaves = [leaf(bytes.fromhex(e["bodyHex"])) for e in entries]
    return [checkpoint_v2(n, mth(leaves[:n]).hex(), entries[n - 1]["hash"], at) for n in sizes]

SIGNED3 = SIGNED + tree_heads_at(CHAIN3, [9, 12, 13])
LAST3 = CHAIN3[-1]["hash"]
HEAD_FILE3 = {"where": "keys/audit-head", **tree_heads_at(CHAIN3, [13])[0]}
chains.append(variant("v1 then v2 then v3: intact", copy(CHAIN3), SIGNED3, [HEAD_FILE3], ok(13, LAST3, 7)))
c = copy(CHAIN3); b = bytearray.fromhex(c[10]["bodyHex"]); b[-2] ^= 0x01; c[10]["bodyHex"] = b.hex()
chains.append(variant("v3: one byte of entry 11's body flipped", c, SIGNED3, [], bad("ALTERED", 11)))
wrong_root = [dict(cp) for cp in SIGNED3]
wrong_root[-2] = checkpoint_v2(12, mth([leaf(bytes.fromhex(e["bodyHex"])) for e in CHAIN3[:11]]).hex(), CHAIN3[11]["hash"], "2026-12-03T18:00:05Z")
chains.append(variant("v3: the signed head of commit 10-12 names another tree head (validly signed)", copy(CHAIN3), wrong_root, [],
                      bad("ALTERED", 10, "Merkle tree head")))
rootless = [dict(cp) for cp in SIGNED3]
rootless[-1] = checkpoint(13, LAST3, "2026-12-03T18:00:05Z")
chains.append(variant("v3: commit 13-13 signed by a v1 checkpoint, without a tree head", copy(CHAIN3), rootless, [],
                      bad("BAD_CHECKPOINT", 13, "names no Merkle tree head")))
moved_root = [dict(cp) for cp in SIGNED3]
moved_root[-1] = dict(moved_root[-1], root=SIGNED3[-2]["root"])
chains.append(variant("v3: the highest signed head's root column changed (its signature fails)", copy(CHAIN3), moved_root, [],
                      bad("BAD_CHECKPOINT", 13)))
file_root = dict(HEAD_FILE3, **checkpoint_v2(13, SIGNED3[-2]["root"], LAST3, "2026-12-03T18:00:05Z"))
chains.append(variant("v3: a head file naming another tree head (validly signed)", copy(CHAIN3), SIGNED3, [file_root],
                      bad("ALTERED", 13, "kept in keys/audit-head")))
V2_AFTER_V3 = build(SPECS3[:9] + [("v2", 10, (10, 10), U.format(2), "ITEM_ADDED", "item-6", KIM, {})])
chains.append(variant("a v2 entry after v3 entries", V2_AFTER_V3, SIGNED + tree_heads_at(V2_AFTER_V3, [9]) + heads_at(V2_AFTER_V3, [10]), [],
                      bad("ALTERED", 10, "v2 body after v3")))
MIXED_COMMIT = build(SPECS3[:9] + [("v3", 10, (10, 11), U.format(2), "ITEM_ADDED", "item-6", KIM, {}),
                                   ("v2", 11, (10, 11), U.format(2), "ITEM_ADDED", "item-7", KIM, {})])
chains.append(variant("a commit of a v3 and a v2 entry", MIXED_COMMIT, SIGNED + tree_heads_at(MIXED_COMMIT, [9, 11]), [],
                      bad("ALTERED", 11)))

# the tree over CHAIN3's bodies: heads at every size, and proofs
LEAVES3 = [leaf(bytes.fromhex(e["bodyHex"])) for e in CHAIN3]
tree = {"bodiesHex": [e["bodyHex"] for e in CHAIN3],
        "leafHashes": [l.hex() for l in LEAVES3],
        "roots": [mth(LEAVES3[:n]).hex() for n in range(len(LEAVES3) + 1)],
        "inclusion": [{"seq": m + 1, "size": n, "proof": [h.hex() for h in path(m, LEAVES3[:n])]}
                      for n in range(1, len(LEAVES3) + 1) for m in range(n)],
        "consistency": [{"oldSize": m, "newSize": n, "proof": [h.hex() for h in proof(m, LEAVES3[:n])]}
                        for n in range(0, len(LEAVES3) + 1) for m in range(0, n + 1)]}

# --- invalid input -----------------------------------------------------------------------------------

def v1():
    return body_v1(1, "2011-01-05T00:00:00Z", "K", "a", "s", {})

V2_OK = body_v2(3, (2, 4), "2011-01-05T00:00:00Z", "K", "s", KIM, {})
invalid_bodies = [
    {"name": "v1: no final LF", "bodyHex": CHAIN[0]["bodyHex"][:-2], "error": "not ended by LF"},
    {"name": "v1: leading zero in seq", "bodyHex": v1().replace(b"seq=1", b"seq=01").hex(), "error": "leading zeros"},
    {"name": "v1: instant not canonical", "bodyHex": body_v1(1, "2011-01-05T00:00:00.000Z", "K", "a", "s", {}).hex(), "error": "canonical form"},
    {"name": "v1: details out of order", "bodyHex": (v1() + b"b=1\na=2\n").hex(), "error": "sorted"},
    {"name": "unknown format", "bodyHex": v1().replace(b"-v1", b"-v4").hex(), "error": "pactbridge-audit-v3"},
    {"name": "v3 magic on a v1 body", "bodyHex": v1().replace(b"-v1", b"-v3").hex(), "error": "eight fixed fields"},
    {"name": "v3: seq outside its commit", "bodyHex": body_v3(5, (2, 4), "2011-01-05T00:00:00Z", "K", "s", KIM, {}).hex(), "error": "outside its commit"},
    {"name": "v1 magic on a v2 body", "bodyHex": V2_OK.replace(b"-v2", b"-v1").hex(), "error": "expected field 'at'"},
    {"name": "v2: seq outside its commit", "bodyHex": body_v2(5, (2, 4), "2011-01-05T00:00:00Z", "K", "s", KIM, {}).hex(), "error": "outside its commit"},
    {"name": "v2: commit backwards", "bodyHex": V2_OK.replace(b"commit=2-4", b"commit=4-2").hex(), "error": "not a range"},
    {"name": "v2: leading zero in commit", "bodyHex": V2_OK.replace(b"commit=2-4", b"commit=02-4").hex(), "error": "commit is not first-last"},
    {"name": "v2: empty actor id", "bodyHex": body_v2(3, (2, 4), "2011-01-05T00:00:00Z", "K", "s", ("", "kim", "KOR"), {}).hex(), "error": "actor.id is empty"},
    {"name": "v2: nation not a party code", "bodyHex": body_v2(3, (2, 4), "2011-01-05T00:00:00Z", "K", "s", ("u", "kim", "kor"), {}).hex(), "error": "actor.nation"},
    {"name": "v2: subject before kind", "bodyHex": V2_OK.replace(b"kind=K\nsubject=s\n", b"subject=s\nkind=K\n").hex(), "error": "expected field 'kind'"},
    {"name": "v2: a detail named like an actor field", "bodyHex": (V2_OK + b"actor.role=admin\n").hex(), "error": "reserved"},
]

def ev(details=None, kind="K", actor=None):
    return {"at": "2011-01-05T00:00:00Z", "kind": kind, "actor": actor or {"id": "u-1", "name": "kim", "nation": "KOR"},
            "subject": "s", "details": details or {}}

invalid_events = [
    {"name": "lower-case kind", "event": ev(kind="item_added"), "error": "kind"},
    {"name": "line break in a detail", "event": ev({"note": "a\nb"}), "error": "control character"},
    {"name": "reserved detail key seq", "event": ev({"seq": "7"}), "error": "reserved"},
    {"name": "reserved detail key commit", "event": ev({"commit": "1-2"}), "error": "reserved"},
    {"name": "detail key in the actor's namespace", "event": ev({"actor.id": "x"}), "error": "reserved"},
    {"name": "actor name too long", "event": ev(actor={"id": "u-1", "name": "k" * 129, "nation": "KOR"}), "error": "actor.name"},
    {"name": "tab in an actor name", "event": ev(actor={"id": "u-1", "name": "k\tm", "nation": "KOR"}), "error": "control character"},
]

signed = signed_text(8, LAST, "2026-01-05T10:00:00Z")
checkpoint_vector = {"seq": 8, "hash": LAST, "at": "2026-01-05T10:00:00Z", "signedText": signed.decode(),
                     "privateKeyPkcs8": PKCS8, "publicKeyX509": PUBLIC, "signature": base64.b64encode(KEY.sign(signed)).decode()}
head_file_text = (f"pactbridge-audit-head-v1\nseq=8\nhash={LAST}\nat=2026-01-05T10:00:00Z\nsigner={PUBLIC}\n"
                  f"signature={checkpoint_vector['signature']}\n")

ROOT3 = mth(LEAVES3).hex()
signed2 = signed_text_v2(13, ROOT3, LAST3, "2026-12-03T18:00:05Z")
checkpoint_v2_vector = {"seq": 13, "root": ROOT3, "hash": LAST3, "at": "2026-12-03T18:00:05Z", "signedText": signed2.decode(),
                        "signature": base64.b64encode(KEY.sign(signed2)).decode()}
head_file_v2_text = (f"pactbridge-audit-head-v2\nseq=13\nhash={LAST3}\nroot={ROOT3}\nat=2026-12-03T18:00:05Z\nsigner={PUBLIC}\n"
                     f"signature={checkpoint_v2_vector['signature']}\n")

out = {"formats": ["pactbridge-audit-v1", "pactbridge-audit-v2", "pactbridge-audit-v3"], "genesis": GENESIS, "publicKeyX509": PUBLIC,
       "encoding": encoding, "invalidEvents": invalid_events, "invalidBodies": invalid_bodies, "chains": chains,
       "checkpoint": checkpoint_vector, "headFile": head_file_text, "checkpointV2": checkpoint_v2_vector,
       "headFileV2": head_file_v2_text, "tree": tree}
path = pathlib.Path("store/src/test/resources/audit-vectors.json")
path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {path}: {len(encoding)} encodings, {len(chains)} chains, {len(invalid_bodies)} invalid bodies, {len(invalid_events)} invalid events, "
      f"a tree of {len(LEAVES3)} with {len(tree['inclusion'])} inclusion and {len(tree['consistency'])} consistency proofs")

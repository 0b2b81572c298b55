#!/usr/bin/env python3
"""Plain reference implementation of the ingest benchmark (docs/performance.md, section Ingest).

Reads recorded top-k logprobs with the standard json module and computes, for every token
record, the Shannon entropy in bits of the renormalised top-k distribution for k = 5, 10, 15, 20
(the same rule as org.entropyworkbench.core.entropy.TopKEntropy: sentinels -9999 / below -1e30 /
-inf / NaN / +inf dropped, positive values clamped to 0, entries sorted by logprob descending, the
k most probable entries kept, duplicate token texts among them merged by adding probabilities,
k larger than what is there uses all of it). Written plainly, one pass per k.

Input formats:
  run     the project's run format (JSON Lines); step lines carry "top": [{"t": [...], "lp": [...]}]
  openai  one raw OpenAI chat completion per line; choices[0].logprobs.content[].top_logprobs[]

Prints one JSON object: records, per-k mean entropy over all token records with a usable entry,
and the wall/CPU seconds spent (json parse + entropy, file read included).

Usage: reference_ingest.py {run|openai} FILE
"""
import json
import math
import sys
import time

KS = (5, 10, 15, 20)
LN2 = math.log(2.0)


def usable(lp):
    return lp is not None and lp == lp and lp > -9999.0 and lp != math.inf


def entropies(pairs):
    """pairs: iterable of (token, logprob). Returns a list of entropies (bits) for KS, or None.

    For each k: the k most probable usable entries as returned, duplicates among them merged by
    adding their probabilities, renormalised, Shannon entropy in bits.
    """
    entries = []
    for tok, lp in pairs:
        if not usable(lp):
            continue
        entries.append((tok, 0.0 if lp > 0 else lp))
    if not entries:
        return None
    entries.sort(key=lambda e: e[1], reverse=True)
    top = entries[0][1]
    out = []
    for k in KS:
        merged = {}
        for tok, lp in entries[:k]:
            merged[tok] = merged.get(tok, 0.0) + math.exp(lp - top)
        total = sum(merged.values())
        h = 0.0
        for w in merged.values():
            p = w / total
            if p > 0:
                h -= p * math.log(p)
        out.append(max(0.0, h / LN2))
    return out


def positions_run(line):
    obj = json.loads(line)
    if obj.get("type") != "step":
        return
    for pos in obj.get("top") or []:
        yield zip(pos["t"], pos["lp"])


def positions_openai(line):
    obj = json.loads(line)
    content = obj["choices"][0]["logprobs"]["content"]
    for entry in content:
        yield ((alt["token"], alt["logprob"]) for alt in entry["top_logprobs"])


def main(argv):
    if len(argv) != 3 or argv[1] not in ("run", "openai"):
        sys.stderr.write("usage: reference_ingest.py {run|openai} FILE\n")
        return 2
    positions = positions_run if argv[1] == "run" else positions_openai
    wall0 = time.perf_counter()
    cpu0 = time.process_time()
    records = 0
    usable_records = 0
    sums = [0.0] * len(KS)
    with open(argv[2], "r", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            for pairs in positions(line):
                records += 1
                h = entropies(pairs)
                if h is None:
                    continue
                usable_records += 1
                for j in range(len(KS)):
                    sums[j] += h[j]
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    means = {str(k): (sums[j] / usable_records if usable_records else None) for j, k in enumerate(KS)}
    print(json.dumps({"records": records, "usable": usable_records, "mean": means,
                      "wallSeconds": wall, "cpuSeconds": cpu}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

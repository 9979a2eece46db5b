#!/usr/bin/env python3
"""Where a process's resident memory is, from /proc/PID/smaps, grouped by what owns the mapping.

    python3 environment/rss_breakdown.py PID [--json]

Groups: each mapped file by name (libtorch_cpu.so, the jar, ...); [heap] (glibc's main arena, brk);
glibc's secondary malloc arenas (anonymous mappings inside a 64 MB-aligned 64 MB reservation, which
is how glibc makes an arena heap); thread stacks; the Java heap (the largest anonymous reservation,
or the range given with --java-heap START-END from `jcmd PID VM.native_memory detail`); and other
anonymous memory (libtorch's and the JVM's own mallocs above glibc's mmap threshold, code cache,
metaspace). Sizes are resident MB (Rss).
"""
import argparse
import json
import re
from collections import defaultdict

ARENA = 64 << 20  # glibc HEAP_MAX_SIZE on 64-bit: each secondary arena heap is one such reservation
HEADER = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$")


def mappings(pid):
    out, cur = [], None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            m = HEADER.match(line)
            if m:
                cur = {"start": int(m.group(1), 16), "end": int(m.group(2), 16), "perms": m.group(3),
                       "name": m.group(4).strip(), "rss": 0}
                out.append(cur)
            elif line.startswith("Rss:"):
                cur["rss"] = int(line.split()[1]) * 1024
    return out


def classify(maps, java_heap):
    # anonymous reservations: runs of adjacent anonymous mappings (a reservation is split by protection)
    groups, run = [], []
    for m in maps:
        if m["name"] == "" and run and run[-1]["end"] == m["start"]:
            run.append(m)
        else:
            if run:
                groups.append(run)
            run = [m] if m["name"] == "" else []
    if run:
        groups.append(run)
    if java_heap is None and groups:
        biggest = max(groups, key=lambda g: g[-1]["end"] - g[0]["start"])
        java_heap = (biggest[0]["start"], biggest[-1]["end"])
    owner = {}
    for g in groups:
        start, end = g[0]["start"], g[-1]["end"]
        for m in g:
            if java_heap[0] <= m["start"] < java_heap[1]:
                owner[id(m)] = "java heap"
            elif start % ARENA == 0 and (end - start) % ARENA == 0:
                owner[id(m)] = "glibc malloc arenas (secondary)"
            elif "---p" in [x["perms"] for x in g] and len(g) == 2 and (end - start) <= (16 << 20):
                owner[id(m)] = "thread stacks (anonymous, with guard page)"
            else:
                owner[id(m)] = "other anonymous (mmap'd mallocs, JVM metaspace/code/GC)"
    totals = defaultdict(int)
    for m in maps:
        name = m["name"]
        if name == "":
            key = owner.get(id(m), "other anonymous (mmap'd mallocs, JVM metaspace/code/GC)")
        elif name == "[heap]":
            key = "[heap] glibc main arena (brk)"
        elif name.startswith("[stack"):
            key = "main thread stack"
        elif name.startswith("["):
            key = name
        else:
            key = "file " + name.rsplit("/", 1)[-1]
        totals[key] += m["rss"]
    return totals


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pid", type=int)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--java-heap", help="START-END in hex (from NMT detail); default: the largest anonymous reservation")
    a = ap.parse_args()
    heap = tuple(int(x, 16) for x in a.java_heap.split("-")) if a.java_heap else None
    totals = classify(mappings(a.pid), heap)
    mb = {k: round(v / 2**20, 1) for k, v in sorted(totals.items(), key=lambda kv: -kv[1]) if v >= 2**20 / 10}
    mb["TOTAL rss"] = round(sum(totals.values()) / 2**20, 1)
    if a.json:
        print(json.dumps(mb))
    else:
        for k, v in mb.items():
            print(f"{v:10.1f} MB  {k}")


if __name__ == "__main__":
    main()

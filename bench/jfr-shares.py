#!/usr/bin/env python3
"""Where the projection's time goes, from a JFR recording of reporting-service (settings=profile):
the execution and native samples whose stack contains EventProjector.apply, counted per the
projection's own method they pass through (the innermost frame of package ...reporting.projection
other than apply itself), and the statements' share (frames below executeQuery/executeUpdate/executeBatch).
   bench/jfr-shares.py recording.jfr [root-frame=EventProjector.apply]"""
import collections, json, subprocess, sys

path = sys.argv[1]
root = sys.argv[2] if len(sys.argv) > 2 else "EventProjector.apply"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events",
                      "jdk.ExecutionSample,jdk.NativeMethodSample", path], capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
total = 0
inner = collections.Counter()
kind = collections.Counter()
for e in events:
    frames = [f["method"]["type"]["name"].replace("/", ".").rsplit(".", 1)[-1] + "." + f["method"]["name"]
              for f in e["values"]["stackTrace"]["frames"]]
    pkgs = [f["method"]["type"]["name"].replace("/", ".") for f in e["values"]["stackTrace"]["frames"]]
    if root not in frames:
        continue
    total += 1
    own = next((fr for fr, p in zip(frames, pkgs) if ".reporting.projection." in p and fr != root
                and "lambda$" not in fr), root)
    inner[own] += 1
    native = e["type"] == "jdk.NativeMethodSample"
    kind["native (waiting, mostly on the PostgreSQL socket)" if native else "execution (CPU)"] += 1
print(f"samples with {root} on the stack: {total}")
for k, n in kind.most_common():
    print(f"  {k}: {n} ({100 * n / max(total, 1):.0f} %)")
print("by the projection's innermost own method:")
for k, n in inner.most_common(25):
    print(f"  {100 * n / max(total, 1):5.1f} %  {n:6d}  {k}")

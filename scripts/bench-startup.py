#!/usr/bin/env python3
"""A warm run of a plugin on the bundled corpus against `dossier --version`, for two builds at once.

  scripts/bench-startup.py [--runs N] NAME=CHECKOUT [NAME=CHECKOUT ...]

Each CHECKOUT is a checkout with a release build (`CHECKOUT/.build/release/dossier`); every command runs from its own
checkout, so that each build reads its own resources. Each of the N iterations runs every build's `--version` and
`run visits-per-decade --format json` (with a cache folder of its own, warmed first) once, in a shuffled order, and
takes each process's CPU time (user + system) from wait4: single processes, interleaved, so that the builds share
the machine's load alike. The gazetteer snapshots go to a private folder (`DOSSIER_CACHE_DIR`).

Prints per build the mean and median CPU time of each command and the ratio the issue's target names (<= 2x).
"""
import argparse
import os
import random
import statistics
import subprocess
import tempfile
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200, help="iterations (default 200)")
    parser.add_argument("builds", nargs="+", metavar="NAME=CHECKOUT")
    args = parser.parse_args()
    roots = {}
    for build in args.builds:
        name, sep, root = build.partition("=")
        if not sep or not name or not root:
            parser.error(f"'{build}': expected NAME=CHECKOUT")
        roots[name] = os.path.abspath(root)
    work = tempfile.mkdtemp(prefix="bench-startup-")
    env = dict(os.environ, DOSSIER_NO_WORKSPACE="1", DOSSIER_CACHE_DIR=work)
    env.pop("DOSSIER_NO_CACHE", None)

    def command(name, what):
        exe = os.path.join(roots[name], ".build/release/dossier")
        if what == "version":
            return [exe, "--version"]
        return [exe, "run", "visits-per-decade", "--format", "json", "--cache", os.path.join(work, "cache-" + name), "--quiet"]

    def cpu_ms(name, what):
        # subprocess starts the child with vfork: nothing of Python's runs in it before exec.
        child = subprocess.Popen(command(name, what), cwd=roots[name], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = status
        if status != 0:
            raise SystemExit(f"{name}: {' '.join(command(name, what))} failed (status {status})")
        return (usage.ru_utime + usage.ru_stime) * 1000

    for name in roots:  # the model and the gazetteer snapshot made, then read once
        cpu_ms(name, "run")
        cpu_ms(name, "run")
    times = {(name, what): [] for name in roots for what in ("version", "run")}
    load, start = open("/proc/loadavg").read().split()[0], time.strftime("%H:%M:%S", time.gmtime())
    for _ in range(args.runs):
        jobs = list(times)
        random.shuffle(jobs)
        for job in jobs:
            times[job].append(cpu_ms(*job))
    end_load, end = open("/proc/loadavg").read().split()[0], time.strftime("%H:%M:%S", time.gmtime())
    print(f"{start}-{end} UTC, load average {load}-{end_load}, {args.runs} interleaved runs of each command")
    for name in roots:
        version, run = times[(name, "version")], times[(name, "run")]
        print(f"{name:10s} --version mean {statistics.mean(version):6.2f} ms median {statistics.median(version):6.2f}"
              f" | run mean {statistics.mean(run):6.2f} ms median {statistics.median(run):6.2f}"
              f" | run / --version {statistics.mean(run) / statistics.mean(version):.2f}x"
              f" (medians {statistics.median(run) / statistics.median(version):.2f}x) (target <= 2x)")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()

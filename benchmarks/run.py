"""Speed and memory benchmark: the project against underthesea baselines, on a built corpus.

Run ``make bench`` or ``.venv/bin/python benchmarks/run.py [--pages N] [--from DIR ...]``;
``--memory-pages 20000`` adds the memory check at scale. See ``benchmarks/README.md``.

Every measured step runs in its own subprocess; the parent samples the resident
memory of that process and all its children (workers included) and reports the peak.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

import psutil

ROOT = Path(__file__).resolve().parent.parent
PAGE_SUFFIXES = (".txt", ".html", ".htm")

# --- the corpus -----------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w/:.,-])\d+(?:[.,]\d+)*(?![\w/:-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_BEFORE = re.compile(r"(?:ngày|tháng|năm|giờ|lúc)\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s*(?:tháng|giờ|h\b|phút)", re.IGNORECASE)
_BODY_LINE_CHARS = 60


def _is_figure(text: str, match: re.Match[str]) -> bool:
    """Return True for a number of two or more digits that is not a year, day, month or time ("4.171", "266")."""
    token = match.group(0)
    if sum(ch.isdigit() for ch in token) < 2 or _YEAR.fullmatch(token):
        return False
    before = text[max(0, match.start() - 8):match.start()]
    return not _DATE_BEFORE.search(before) and not _DATE_AFTER.match(text, match.end())


def vary_page(text: str, variant: int) -> tuple[str, str]:
    """Return ``text`` with the last two digits of the figures in its body-like lines changed, and its :func:`body_key`.

    Variant 0 is the page unchanged. Dates, times and years are kept, so each copy reads
    like another day's bulletin of the same kind: "thêm 266 ca" becomes "thêm 237 ca".
    """
    if variant == 0:
        return text, body_key(text)
    changed: list[str] = []

    def figure(match: re.Match[str], line: str) -> str:
        if not _is_figure(line, match):
            return match.group(0)
        digest = hashlib.blake2b(f"{variant}:{len(changed)}".encode(), digest_size=4).digest()
        new = match.group(0)[:-2] + f"{int.from_bytes(digest, 'big') % 100:02d}"
        changed.append(new)
        return new

    lines = [
        _NUMBER.sub(lambda m, line=line: figure(m, line), line) if len(line) >= _BODY_LINE_CHARS else line
        for line in text.split("\n")
    ]
    page = "\n".join(lines)
    return page, body_key(page)


def body_key(text: str) -> str:
    """Return the fingerprint of the body covidlib's cleaner keeps from a page: equal keys mean a repeated article."""
    from covidlib.text.article import build_article
    from covidlib.io import fingerprint
    from covidlib.normalize import normalize_page

    return fingerprint(build_article(normalize_page(text), article_id="bench", file="bench.txt").body)


def _source_pages(folders: list[Path]) -> list[tuple[str, str]]:
    """Return (name, text) of every UTF-8 page under ``folders`` (sorted, recursively)."""
    pages = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in PAGE_SUFFIXES and not path.name.startswith("."):
                try:
                    pages.append((path.name, path.read_text(encoding="utf-8")))
                except UnicodeDecodeError:
                    print(f"  (not UTF-8, not used: {path})", file=sys.stderr)
    if not pages:
        raise SystemExit(f"no .txt/.html pages under {', '.join(map(str, folders))}")
    return pages


def corpus_pages(sources: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Yield (relative path, text) of distinct pages made from ``sources`` in turn, without end.

    Page ``i`` is a variant of source ``i % len(sources)``; a variant whose cleaned body
    repeats an earlier one of the same source is passed over, and a source that cannot
    make a new body in 50 tries is dropped, so no two pages share a body.
    """
    seen: list[set[str]] = [set() for _ in sources]
    next_variant = [0] * len(sources)
    live = list(range(len(sources)))
    index = 0
    while live:
        source = live[index % len(live)]
        name, text = sources[source]
        for _attempt in range(50):
            page, key = vary_page(text, next_variant[source])
            next_variant[source] += 1
            if key not in seen[source]:
                seen[source].add(key)
                break
        else:
            live.remove(source)
            continue
        stem, _, suffix = name.rpartition(".")
        yield f"{index // 1000:03d}/{index:06d}_{stem}.{suffix}", page
        index += 1


def build_corpus(folder: Path, sources: list[tuple[str, str]], n_pages: int, *, first: int = 0) -> int:
    """Write pages ``first`` to ``n_pages - 1`` of the corpus into ``folder``; return how many were written."""
    written = 0
    for index, (rel, text) in enumerate(corpus_pages(sources)):
        if index >= n_pages:
            break
        if index >= first:
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written += 1
    if written < n_pages - first:
        raise SystemExit(f"only {first + written} distinct pages can be made from these sources")
    return written


def _sources_digest(sources: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for name, text in sources:
        digest.update(name.encode())
        digest.update(text.encode())
    return digest.hexdigest()[:10]


def corpus_folder(work: Path, sources: list[tuple[str, str]], n_pages: int) -> Path:
    """Return a folder holding the first ``n_pages`` corpus pages, building it unless an identical one exists."""
    folder = work / f"corpus-{n_pages}-{_sources_digest(sources)}"
    done = folder.with_name(folder.name + ".complete")
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        build_corpus(folder, sources, n_pages)
        done.write_text(str(n_pages))
        print(f"  built {folder} ({n_pages} pages) in {time.perf_counter() - started:.1f}s")
    return folder


# --- measuring in a subprocess ----------------------------------------------------------


@dataclass
class Measure:
    """One measured step: its own timing of the work, wall time, peak memory of its process tree."""

    label: str
    pages: int
    seconds: float
    wall: float
    peak_rss: int
    peak_pss: int
    extra: dict[str, Any]

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else float("inf")

    def line(self) -> str:
        return (f"  {self.label:<34} {self.pages:>6} pages  {self.seconds:8.1f} s  {self.pages_per_s:8.2f} pages/s  "
                f"peak RSS {self.peak_rss / 1e6:7.0f} MB  (PSS {self.peak_pss / 1e6:6.0f} MB)")


def _tree_memory(process: psutil.Process, *, proportional: bool) -> int:
    """Return the summed RSS (or, if ``proportional``, PSS) of ``process`` and all its descendants."""
    total = 0
    try:
        members = [process] + process.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += getattr(member.memory_full_info(), "pss", 0) if proportional else member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def measure(label: str, mode: str, pages: int, **options: Any) -> Measure:
    """Run ``run.py --child mode`` with ``options``; return its timing and the peak memory of its process tree.

    RSS is sampled every 0.1 s (cheap); PSS, which shares pages among the processes
    that use them, every second (reading it costs more).
    """
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, json.dumps(options)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    process = psutil.Process(child.pid)
    peak_rss = peak_pss = 0
    ticks = 0
    while child.poll() is None:
        peak_rss = max(peak_rss, _tree_memory(process, proportional=False))
        if ticks % 10 == 0:
            peak_pss = max(peak_pss, _tree_memory(process, proportional=True))
        ticks += 1
        time.sleep(0.1)
    wall = time.perf_counter() - started
    output = child.stdout.read() if child.stdout else ""
    if child.returncode != 0:
        raise SystemExit(f"{label}: the child failed (exit {child.returncode})\n{output}")
    result = json.loads(output.strip().splitlines()[-1])
    seconds = result.pop("seconds")
    return Measure(label, pages, seconds, wall, peak_rss, peak_pss, result)


# --- what the children run ------------------------------------------------------------


def _page_files(folder: str) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def _child_extract(options: dict[str, Any]) -> dict[str, Any]:
    """Run the command line ``extract`` as a user would; the timer starts after the imports (models and workers start inside it)."""
    import covidlib.run.pipeline  # noqa: F401  (imports are not the work being measured)
    from covidlib.__main__ import main
    from covidlib.run.cache import library_version

    args = ["extract", options["inputs"], "--out", options["out"], "--quiet", "--engine", options.get("engine", "local")]
    args += ["--workers", str(options["workers"])] if options.get("workers") else []
    args += ["--cache", options["cache"]] if options.get("cache") else ["--no-cache"]
    started = time.perf_counter()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        main(args)
    seconds = time.perf_counter() - started
    summary = printed.getvalue().splitlines()[0] if printed.getvalue() else ""
    cache = re.search(r"cache: (\d+) reused, (\d+) new", summary)
    statuses = re.search(r"\d+ inputs \(([^)]*)\)", summary)
    return {"seconds": seconds, "summary": statuses.group(1) if statuses else summary, "version": library_version(),
            "reused": int(cache.group(1)) if cache else None, "processed": int(cache.group(2)) if cache else None}


def _child_word_tokenize(options: dict[str, Any]) -> dict[str, Any]:
    """One underthesea ``word_tokenize`` pass over the raw pages (read as UTF-8, no cleaning)."""
    from underthesea import word_tokenize

    word_tokenize("Hà Nội")  # the model loads before the timer: the baseline is timed at full speed
    started = time.perf_counter()
    words = 0
    for path in _page_files(options["inputs"]):
        words += len(word_tokenize(path.read_text(encoding="utf-8", errors="replace")))
    return {"seconds": time.perf_counter() - started, "words": words}


def _child_naive(options: dict[str, Any]) -> dict[str, Any]:
    """The naive pipeline: underthesea ``ner`` on every sentence of ``sent_tokenize`` of each raw page."""
    from underthesea import ner, sent_tokenize

    ner(sent_tokenize("Hà Nội thêm 12 ca.")[0])  # the models load before the timer
    started = time.perf_counter()
    entities = 0
    for path in _page_files(options["inputs"])[: options["limit"]]:
        for sentence in sent_tokenize(path.read_text(encoding="utf-8", errors="replace")):
            entities += sum(1 for token in ner(sentence) if token[-1] != "O")
    return {"seconds": time.perf_counter() - started, "entity_tokens": entities}


def _child_profile(options: dict[str, Any]) -> dict[str, Any]:
    """Profile ``process_page`` on the first pages in one process; return self time by module (builtins to callers)."""
    import cProfile
    import pstats

    from covidlib.io import iter_pages
    from covidlib.run.pipeline import process_page

    items = []
    for item in iter_pages(options["inputs"]):
        items.append(item)
        if len(items) >= options["limit"]:
            break
    from underthesea import word_tokenize

    word_tokenize("Hà Nội")  # warm-up: models and reference tables load once per process
    process_page(*items[0])
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for item in items:
        process_page(*item)
    profiler.disable()
    seconds = time.perf_counter() - started
    by_module = _self_time_by_module(pstats.Stats(profiler))
    return {"seconds": seconds, "by_module": by_module}


_SITE = re.compile(r"site-packages/([^/]+)")
_OWN = re.compile(r"/(covidlib/.*)\.py$")


def _module_of(filename: str) -> str | None:
    """Return the module a profiled file belongs to, or None for the standard library and builtins."""
    own = _OWN.search(filename)
    if own:
        return own.group(1).replace("/", ".")
    site = _SITE.search(filename)
    if site:
        return site.group(1).split(".")[0]
    return None


def _self_time_by_module(stats: Any) -> dict[str, float]:
    """Return self time per module; time in builtins and the standard library goes to the module that called them."""
    raw = stats.stats  # func -> (cc, nc, tt, ct, callers)
    totals: dict[str, float] = {}

    def give(func: tuple, amount: float, depth: int) -> None:
        module = _module_of(func[0])
        if module is not None or depth > 20:
            totals[module or "python"] = totals.get(module or "python", 0.0) + amount
            return
        callers = raw.get(func, (0, 0, 0, 0, {}))[4]
        edge_total = sum(edge[2] for edge in callers.values())
        if not callers or edge_total <= 0:
            totals["python"] = totals.get("python", 0.0) + amount
            return
        for caller, edge in callers.items():
            give(caller, amount * edge[2] / edge_total, depth + 1)

    for func, (_cc, _nc, tottime, _ct, _callers) in raw.items():
        give(func, tottime, 0)
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


CHILDREN = {"extract": _child_extract, "word_tokenize": _child_word_tokenize, "naive": _child_naive,
            "profile": _child_profile}


# --- the benchmark ---------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _cache_scenario(work: Path, sources: list[tuple[str, str]], corpus: Path, n_pages: int, workers: int) -> list[Measure]:
    """Process the corpus with a cache, add 10 new pages, process again; return both runs.

    The cache is keyed by the library's code, so an edit to covidlib between the two runs
    rightly invalidates it; the pair is then run again (up to three times).
    """
    for _attempt in range(3):
        first, again = _cache_pair(work, sources, corpus, n_pages, workers)
        if first.extra["version"] == again.extra["version"]:
            break
        print("  (covidlib changed between the two runs: the cache was rightly not reused; running them again)")
    return [first, again]


def _cache_pair(work: Path, sources: list[tuple[str, str]], corpus: Path, n_pages: int, workers: int) -> list[Measure]:
    folder = work / f"cache-scenario-{n_pages}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(corpus, folder, copy_function=os.link)
    cache, out = work / f"cache-scenario-{n_pages}.cache", work / "out-cache"
    shutil.rmtree(cache, ignore_errors=True)
    first = measure(f"cache: first run ({workers} cores)", "extract", n_pages, inputs=str(folder), out=str(out),
                    workers=workers, cache=str(cache))
    build_corpus(folder, sources, n_pages + 10, first=n_pages)
    again = measure("cache: after adding 10 pages", "extract", n_pages + 10, inputs=str(folder), out=str(out),
                    workers=workers, cache=str(cache))
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return [first, again]


def _print_profile(profile: Measure, top: int = 12) -> None:
    by_module: dict[str, float] = profile.extra["by_module"]
    total = sum(by_module.values()) or 1.0
    print(f"\nWhere one core spends its time (cProfile over {profile.pages} pages, "
          f"{1000 * profile.seconds / profile.pages:.0f} ms/page under the profiler; "
          "builtins and standard library counted to the module that called them):")
    for module, seconds in list(by_module.items())[:top]:
        print(f"  {module:<32} {100 * seconds / total:5.1f}%  {1000 * seconds / profile.pages:6.1f} ms/page")


def _best(runs: list[Measure]) -> Measure:
    """Return the fastest of repeated runs of one step, with the highest memory peaks any of them had."""
    fastest = min(runs, key=lambda m: m.seconds)
    extra = {**fastest.extra, "pages_per_s_runs": [round(m.pages_per_s, 2) for m in runs]}
    return replace(fastest, peak_rss=max(m.peak_rss for m in runs),
                               peak_pss=max(m.peak_pss for m in runs), extra=extra)


def _speed(work: Path, corpus: Path, n: int, cores: int, *, naive_pages: int, dask: bool,
           repeat: int = 1) -> tuple[dict[str, Measure], list[str]]:
    """Measure the project on 1 core, on all cores and on Dask, and the two baselines; return figures and verdicts.

    With ``repeat`` > 1 every step runs that many times, the rounds interleaved (1 core, all
    cores, ..., then again), and each step keeps its fastest run: other work on the machine
    only ever slows a run down, so the fastest is the least disturbed.
    """
    runs = [("one", "project, 1 core", "extract", n, {"out": str(work / "out-1"), "workers": 1}),
            ("all", f"project, {cores} cores", "extract", n, {"out": str(work / "out-n"), "workers": cores})]
    if dask:
        runs.append(("dask", f"project, Dask engine ({cores} workers)", "extract", n,
                     {"out": str(work / "out-dask"), "workers": cores, "engine": "dask"}))
    runs += [("wt", "underthesea word_tokenize pass", "word_tokenize", n, {}),
             ("naive", "naive: ner per sentence", "naive", min(naive_pages, n), {"limit": min(naive_pages, n)})]
    measured: dict[str, list[Measure]] = {key: [] for key, *_ in runs}
    for round_ in range(repeat):
        if repeat > 1:
            print(f"  round {round_ + 1} of {repeat}")
        for key, label, mode, pages, options in runs:
            measured[key].append(measure(label, mode, pages, inputs=str(corpus), **options))
            print(measured[key][-1].line())
    figures = {key: _best(found) for key, found in measured.items()}
    if repeat > 1:
        print(f"  fastest of {repeat} runs (memory: highest of them)")
        for key in figures:
            print(figures[key].line())
    one, wt, naive = figures["one"], figures["wt"], figures["naive"]
    ratio = one.pages_per_s / wt.pages_per_s
    verdicts = [f"{_verdict(ratio >= 1.5)}  1 core vs one word_tokenize pass: {one.pages_per_s:.1f} vs "
                f"{wt.pages_per_s:.1f} pages/s = {ratio:.2f}x (target >= 1.5x)"]
    ratio = one.pages_per_s / naive.pages_per_s
    verdicts.append(f"{_verdict(ratio >= 20)}  1 core vs the naive ner pipeline: {one.pages_per_s:.1f} vs "
                    f"{naive.pages_per_s:.2f} pages/s = {ratio:.1f}x (target >= 20x)")
    if cores > 1:
        ratio = figures["all"].pages_per_s / one.pages_per_s
        verdicts.append(f"{_verdict(ratio >= 1.8)}  {cores} cores vs 1 core: {ratio:.2f}x (target >= 1.8x on 2 cores)")
    if dask:
        verdicts.append(f"info  Dask engine vs local engine on {cores} cores: "
                        f"{figures['dask'].pages_per_s / figures['all'].pages_per_s:.2f}x")
    return figures, verdicts


def _cache(work: Path, sources: list[tuple[str, str]], n: int, cores: int) -> tuple[dict[str, Measure], list[str]]:
    corpus = corpus_folder(work, sources, n)
    first, again = _cache_scenario(work, sources, corpus, n, cores)
    print(first.line())
    print(again.line())
    processed = again.extra.get("processed")
    verdict = (f"{_verdict(processed == 10)}  cache: after adding 10 pages to {n}, {processed} processed "
               f"({again.extra.get('reused')} reused) in {again.seconds:.1f}s (first run {first.seconds:.1f}s)")
    return {"cache_first": first, "cache_again": again}, [verdict]


def _memory(work: Path, sources: list[tuple[str, str]], n: int, cores: int) -> tuple[dict[str, Measure], list[str]]:
    corpus = corpus_folder(work, sources, n)
    memory = measure(f"memory check, {cores} cores", "extract", n, inputs=str(corpus), out=str(work / "out-memory"),
                     workers=cores)
    print(memory.line())
    verdict = (f"{_verdict(memory.peak_rss < 8e8)}  memory at {n} pages: peak RSS {memory.peak_rss / 1e6:.0f} MB "
               f"summed over the process tree (PSS {memory.peak_pss / 1e6:.0f} MB); target < 800 MB")
    return {"memory": memory}, [verdict]


STEPS = ("speed", "cache", "memory", "profile")


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Build the corpora, measure the chosen steps, print figures and PASS/FAIL lines; return the figures."""
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    cores = args.workers or _cores()
    steps = set(args.only.split(",")) if args.only else set(STEPS)
    sources = _source_pages([ROOT / "data" / "raw", *map(Path, args.from_dirs)])
    print(f"covidlib benchmark: {args.pages} pages made from {len(sources)} source pages; {cores} cores; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    corpus = corpus_folder(work, sources, args.pages)
    figures: dict[str, Measure] = {}
    verdicts: list[str] = []
    if "speed" in steps:
        found, said = _speed(work, corpus, args.pages, cores, naive_pages=args.naive_pages, dask=not args.skip_dask,
                             repeat=args.repeat)
        figures.update(found)
        verdicts += said
    if "cache" in steps:
        found, said = _cache(work, sources, args.cache_pages or args.pages, cores)
        figures.update(found)
        verdicts += said
    if "memory" in steps and args.memory_pages:
        found, said = _memory(work, sources, args.memory_pages, cores)
        figures.update(found)
        verdicts += said
    record: dict[str, Any] = {key: {**m.__dict__, "pages_per_s": m.pages_per_s} for key, m in figures.items()}
    if "profile" in steps:
        pages = min(args.profile_pages, args.pages)
        profile = measure("profile", "profile", pages, inputs=str(corpus), limit=pages)
        _print_profile(profile)
        record["profile"] = profile.extra["by_module"]
    print(f"\nTargets (load average after: {os.getloadavg()[0]:.2f}; other work on the machine lowers every speed figure):")
    for line in verdicts:
        print(f"  {line}")
    (work / "results.json").write_text(json.dumps(record, indent=2, default=str), encoding="utf-8")
    print(f"\nfigures saved in {work / 'results.json'}")
    return record


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``--child``, one measured step)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000, help="corpus size for the speed figures (default 2000)")
    parser.add_argument("--from", dest="from_dirs", action="append", default=[],
                        help="another folder of source pages (besides data/raw); may repeat")
    parser.add_argument("--memory-pages", type=int, default=0, help="also check peak memory on a corpus of this size")
    parser.add_argument("--cache-pages", type=int, default=None, help="corpus size for the cache scenario (default --pages)")
    parser.add_argument("--only", default=None, help=f"comma-separated steps to run, out of {','.join(STEPS)} (default all)")
    parser.add_argument("--naive-pages", type=int, default=20, help="pages for the slow naive ner baseline (default 20)")
    parser.add_argument("--profile-pages", type=int, default=200, help="pages to profile on one core (default 200)")
    parser.add_argument("--workers", type=int, default=None, help="cores for the parallel runs (default: all)")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask engine")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each speed step, interleaved; the fastest counts (default 2)")
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "covidlib-bench"),
                        help="folder for corpora and outputs (default: a folder in the system temp dir)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "OPTIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, options = args.child
        print(json.dumps(CHILDREN[mode](json.loads(options))))
        return 0
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``unspin eval ptc`` and ``unspin techniques export|import``: the PTC benchmark and
its label files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from unspin import app
from unspin.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    Commands,
    config_backbone_options,
    echo,
    group,
    paths_argument,
    pipeline_config,
    pipeline_options,
    report_formats_option,
)


def add_technique_commands(sub: Commands) -> None:
    benches = group(sub, "eval", "benchmark", "BENCHMARK", help="score unspin on public benchmarks")
    p = benches.add_parser(
        "ptc",
        help="propaganda techniques (SemEval-2020 Task 11): SI, TC and FLC scores",
        description="Score the techniques analyzer (or a label file given with --pred) on "
        "PTC articles with the official SI / TC scorers of SemEval-2020 Task 11 and the "
        "NLP4IF-2019 FLC scorer.",
    )
    p.add_argument(
        "--data", type=Path, required=True, metavar="DIR", help="a PTC folder (train-articles/...)"
    )
    p.add_argument(
        "--ids",
        metavar="IDS",
        help="article ids: comma-separated, a file with one per line, or 'all' (default: the "
        "articles the shipped model was not trained on)",
    )
    p.add_argument(
        "--pred",
        type=Path,
        metavar="FILE",
        help="score this PTC label file instead of running the analyzer",
    )
    p.add_argument(
        "--task",
        choices=("all", "si", "tc", "flc"),
        default="all",
        help="which scores to report (default: all that apply)",
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", dest="out_format", help="output"
    )
    config_backbone_options(p)
    p.add_argument(
        "--techniques-threshold",
        type=float,
        metavar="X",
        help="score the spans scoring at least X (default: the analyzer's operating point)",
    )
    p.add_argument(
        "--all-candidates",
        action="store_true",
        help="score every candidate span (the best-F1 operating point)",
    )
    p.set_defaults(func=cmd_eval_ptc)

    tcmd = group(
        sub,
        "techniques",
        "techniques_command",
        help="PTC label files: export findings, import labels",
    )
    x = tcmd.add_parser(
        "export",
        help="analyse articles and write their technique spans as PTC labels",
        description="Analyse articles and write their technique findings in the PTC label "
        "format (article id, technique, start, end; tab-separated). The article id is NNN "
        "for a file named articleNNN.txt, else the document id.",
    )
    paths_argument(x)
    x.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the labels here (default: stdout)"
    )
    x.add_argument(
        "--si", action="store_true", help="SI format: spans only, overlapping spans merged"
    )
    pipeline_options(x)
    x.set_defaults(func=cmd_techniques_export)
    m = tcmd.add_parser(
        "import",
        help="load PTC label files as technique findings and write reports",
        description="Read PTC label files (gold or another system's) as technique findings of "
        "their articles and write one report per article.",
    )
    m.add_argument("labels", nargs="+", type=Path, metavar="LABELS", help="label files")
    m.add_argument(
        "--articles", type=Path, required=True, metavar="DIR", help="folder of articleNNN.txt"
    )
    report_formats_option(m, "json, html or md; repeat or comma-separate (default: html)")
    m.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="write reports here"
    )
    m.set_defaults(func=cmd_techniques_import)


def _score_table(name: str, score: Any, per_technique: bool) -> str:
    lines = [
        f"{name}: F1 {score.f1:.4f}  precision {score.precision:.4f}  recall "
        f"{score.recall:.4f}  ({score.n_pred} predicted, {score.n_gold} gold)"
    ]
    if per_technique and score.per_technique:
        lines.append(f"  {'technique':<38} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
        for t, sc in sorted(score.per_technique.items(), key=lambda kv: -kv[1].n_gold):
            lines.append(
                f"  {t:<38} {sc.precision:>6.3f} {sc.recall:>6.3f} {sc.f1:>6.3f} "
                f"{sc.n_pred:>5} {sc.n_gold:>5}"
            )
    return "\n".join(lines)


def cmd_eval_ptc(args: argparse.Namespace) -> int:
    run = app.evaluate_ptc(
        args.data,
        ids=args.ids,
        pred=args.pred,
        config=args.config,
        backbone=args.backbone,
        techniques_threshold=args.techniques_threshold,
        all_candidates=args.all_candidates,
    )
    for warning in run.warnings:
        echo(f"unspin: {warning}", err=True)
    result = run.result
    shown = {"si": result.si, "tc": result.tc, "flc": result.flc}
    if args.task != "all":
        shown = {args.task: shown[args.task]}
    if args.out_format == "json":
        full = result.as_dict()
        echo(json.dumps({"articles": result.articles, **{k: full[k] for k in shown}}, indent=2))
        return EXIT_OK
    echo(f"PTC: {result.articles} article(s) from {args.data}")
    names = {"si": "SI (spans)", "tc": "TC (gold spans)", "flc": "FLC (span and technique)"}
    for key, score in shown.items():
        if score is None:
            echo(f"{names[key]}: not scored (no technique labels)")
        else:
            echo(_score_table(names[key], score, per_technique=key != "si"))
    return EXIT_OK


def cmd_techniques_export(args: argparse.Namespace) -> int:
    result = app.export_technique_labels(
        args.paths, pipeline_config(args), si=args.si, output=args.output
    )
    if args.output is None:
        sys.stdout.write(result.text)
    else:
        echo(f"wrote {result.spans} span(s) to {args.output}", err=True)
    for e in result.errors:
        echo(f"unspin: {e}", err=True)
    return EXIT_PARTIAL if result.errors or result.failures else EXIT_OK


def cmd_techniques_import(args: argparse.Namespace) -> int:
    result = app.import_technique_labels(
        args.labels, args.articles, args.output, formats=args.formats or ["html"]
    )
    echo(
        f"wrote {result.written} report file(s) for {result.articles} article(s) to {args.output}",
        err=True,
    )
    for p in result.problems:
        echo(f"unspin: {p}", err=True)
    return EXIT_PARTIAL if result.problems else EXIT_OK

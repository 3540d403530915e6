#!/usr/bin/env python3
"""Derives the reference world's sources.yaml from the research record.

The research record (world/src/main/reference/agreements-reference.yaml, the project's copy; its
PROVENANCE.md says where it came from) is not the project's format; the project's own world files are
derived from it. Sources are copied mechanically by this script; the parties, schemes and agreements
files are written by hand from the record, with each fact's source ids. ReferenceWorldTest checks that
sources.yaml is still what this script gives.

Usage (from the repository root; the record's path may be omitted):
  python3 world/scripts/derive-sources.py world/src/main/reference/agreements-reference.yaml \
    > world/src/main/resources/org/pactbridge/world/reference/sources.yaml
"""
import os
import sys
import unicodedata

import yaml


def quote(text):
    text = unicodedata.normalize("NFKC", str(text))
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(path):
    with open(path, encoding="utf-8") as handle:
        record = yaml.safe_load(handle)
    print("# Derived by world/scripts/derive-sources.py from the research record; do not edit by hand.")
    print("sources:")
    for source_id, source in record["sources"].items():
        fields = [f"url: {quote(source.get('url', ''))}", f"publisher: {quote(source.get('publisher', ''))}"]
        if source.get("type"):
            fields.append(f"type: {quote(source['type'])}")
        if source.get("lang"):
            fields.append(f"lang: {quote(source['lang'])}")
        print(f"  {source_id}: {{{', '.join(fields)}}}")


if __name__ == "__main__":
    RECORD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "reference", "agreements-reference.yaml")
    main(sys.argv[1] if len(sys.argv) > 1 else RECORD)

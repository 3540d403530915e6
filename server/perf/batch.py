#!/usr/bin/env python3
"""Writes a batch body of N decision requests on the reference world (a KOR/JPN/USA mix, 2011-2023)."""
import json, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
levels = {"KOR": ["III", "II", "I"], "JPN": ["HI", "GOKUHI", "KIMITSU"], "USA": ["CONFIDENTIAL", "SECRET", "TOP_SECRET"]}
parties = ["KOR", "JPN", "USA"]
dates = ["2011-01-05", "2015-06-01", "2017-01-05", "2019-11-01", "2023-06-01"]
requests = []
i = 0
while len(requests) < n:
    origin = parties[i % 3]
    to = parties[(i // 3 + 1 + i % 3) % 3]
    if to == origin:
        to = parties[(i + 1) % 3]
    request = {"originator": origin, "level": levels[origin][i % 3], "to": to, "at": dates[(i // 9) % len(dates)]}
    if i % 2 == 0:
        request["topics"] = ["dprk-missile"]
    requests.append(request)
    i += 1
json.dump({"requests": requests}, sys.stdout, separators=(",", ":"))

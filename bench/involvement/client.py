#!/usr/bin/env python3
"""The timing client of bench/involvement: signs in as the treasurer (GET /signin for the
CSRF token and cookie, POST /signin), then over one kept-alive connection (Python's
http.client, a few tens of microseconds a request of its own) times to the last byte:
 - the claims page in three ways: the default tab (submitted, page 1), a deep page of the
   paid tab (page 200, or the last if there are fewer) and every claim (?state=all), each
   RUNS times after WARM requests;
 - the CSV export of the big batch, EXPORT_RUNS times after one, checking that it has one
   line a payee, method and charity with something to pay and that its amounts add up to
   the batch's total.
Writes the times and what the peer needs to run the same statements to OUT.json.

  client.py URL EMAIL PASSWORD EXPECT.json RUNS EXPORT_RUNS OUT.json"""
import csv
import io
import json
import re
import sys
import time
import os

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
from session import Session, pct  # noqa: E402
from decimal import Decimal

url, email, password, expect_file, runs, export_runs, out_file = sys.argv[1:8]
runs, export_runs = int(runs), int(export_runs)
WARM = 5
expect = json.load(open(expect_file))
session = Session(url)
request = session.request
session.sign_in(email, password)

base = f'/spaces/{expect["slug"]}/involvement'
counts = expect['counts']
paid_pages = max(1, (counts.get('paid', 0) + 49) // 50)
deep = min(200, paid_pages)
cases = [
    {'label': 'submitted (the default tab), page 1', 'path': f'{base}/claims', 'state': 'submitted', 'page': 1},
    {'label': f'paid, page {deep} of {paid_pages}', 'path': f'{base}/claims?state=paid&page={deep}', 'state': 'paid',
     'page': deep},
    {'label': 'all, page 1', 'path': f'{base}/claims?state=all', 'state': '', 'page': 1},
]
for case in cases:
    status, _, body = request('GET', case['path'])
    if status != 200:
        sys.exit(f'GET {case["path"]} answered {status}')
    case['bytes'] = len(body)
    case['rows'] = len(set(re.findall(rb'/involvement/claims/(\d+)"', body)))
    if case['rows'] == 0 or b'Bench Person' not in body:
        sys.exit(f'GET {case["path"]} shows no claims with their names')
    times = []
    for i in range(WARM + runs):
        t = time.perf_counter()
        status, _, body = request('GET', case['path'])
        took = (time.perf_counter() - t) * 1000
        if status != 200:
            sys.exit(f'GET {case["path"]} answered {status}')
        if i >= WARM:
            times.append(took)
    case['times'] = times
    print(f'-- GET {case["path"]} ({case["label"]}; {case["rows"]} claims shown, {case["bytes"]} bytes): '
          f'{runs} runs after {WARM}: p50 {pct(times, 0.5):.2f} ms, p99 {pct(times, 0.99):.2f} ms, '
          f'slowest {max(times):.2f} ms', flush=True)

# The export of the big batch.
path = f'{base}/batches/{expect["batch"]}.csv'
export = []
for i in range(1 + export_runs):
    t = time.perf_counter()
    status, res, body = request('GET', path)
    took = (time.perf_counter() - t) * 1000
    if status != 200:
        sys.exit(f'GET {path} answered {status}')
    if i >= 1:
        export.append(took)
rows = list(csv.reader(io.StringIO(body.decode('utf-8'))))
lines = rows[1:]
pence = sum(int(Decimal(r[3]) * 100) for r in lines)
claims = sum(len(r[4].split()) for r in lines)
ok = len(lines) == expect['csv_lines'] and pence == expect['total_pence']
print(f'-- GET {path} (batch B{expect["batch"]}: {expect["claims"]} claims, {expect["payees"]} payees; '
      f'{res.getheader("Content-Type")}, {len(body)} bytes): {export_runs} runs after 1: '
      f'p50 {pct(export, 0.5):.1f} ms, slowest {max(export):.1f} ms')
print(f'   CSV: {len(lines)} lines after the header (expected {expect["csv_lines"]}: one a payee, method and charity '
      f'with something to pay), {claims} claim references (the batch has {expect["claims"]}, those of nothing to pay '
      f'left out), amounts add up to £{pence / 100:,.2f} (batch total £{expect["total_pence"] / 100:,.2f}): '
      f'{"OK" if ok else "MISMATCH"}')
json.dump({'cases': cases, 'export': export, 'batch': expect['batch'], 'batch_claims': expect['claims'], 'csv_ok': ok}, open(out_file, 'w'))
if not ok:
    sys.exit(1)

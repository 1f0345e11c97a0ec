#!/usr/bin/env python3
"""The timing client of bench/equity: signs in as the facilitator (GET /signin for the CSRF
token and cookie, POST /signin), then over one kept-alive connection (Python's http.client)
times to the last byte:
 - the event's run page, GET /events/ID/run, which works out the spread of contributions
   on every load (and which, live, fetches itself again after each contribution): RUNS
   times after WARM, checking that it shows the spread the generator made ("N of M people
   have contributed; the most active fifth made P %");
 - the equality report of the network space, GET /spaces/SLUG/equality: REPORT_RUNS times
   after one (nothing changed: its kept counts), then REPORT_RUNS times each just after the
   facilitator changed their own answers (carried into the kept counts), then REPORT_RUNS times
   with the kept counts cleared before each (counted afresh, as after a change of members), then
   its CSV once, checking every count it shows against the answers the
   generator sealed (and the total of people who answered).
Writes the times to OUT.json for the peer.

  client.py URL EMAIL PASSWORD EXPECT.json RUNS REPORT_RUNS OUT.json"""
import csv
import io
import json
import re
import sys
import time
import os

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
from session import Session, pct  # noqa: E402

url, email, password, expect_file, runs, report_runs, out_file = sys.argv[1:8]
runs, report_runs = int(runs), int(report_runs)
WARM = 10
expect = json.load(open(expect_file))
session = Session(url)
request = session.request
timed = session.timed
session.sign_in(email, password)
ok = True

# The run page and its spread.
sp = expect['spread']
path = f'/events/{sp["event"]}/run'
run_times, body = timed(path, runs, WARM)
m = re.search(rb'(\d+) of (\d+) people have contributed; the most active fifth made (\d+) %', body)
shown = tuple(int(x) for x in m.groups()) if m else None
want = (sp['contributed'], sp['present'], sp['top_fifth_percent'])
ok = ok and shown == want
print(f'-- GET {path} (the run page: {sp["present"]} people, {sp["contributions"]} contributions: {sp["cloud"]} words, '
      f'{sp["polls"]} poll answers, {sp["questions"]} questions; the most active person {sp["most"]}, the median '
      f'of those who spoke {sp["median_active"]}; {len(body)} bytes): {runs} runs after {WARM}: '
      f'p50 {pct(run_times, 0.5):.2f} ms, p99 {pct(run_times, 0.99):.2f} ms, slowest {max(run_times):.2f} ms')
print(f'   spread shown: {shown[0] if shown else "?"} of {shown[1] if shown else "?"} contributed, most active fifth '
      f'{shown[2] if shown else "?"} % (generated: {want[0]} of {want[1]}, {want[2]} %): {"OK" if shown == want else "MISMATCH"}',
      flush=True)

# The equality report.
rp = expect['report']
path = f'/spaces/{rp["slug"]}/equality'
report_times, body = timed(path, report_runs, 1)
m = re.search(rb'>\s*(\d[\d,]*)\s*<', body)
print(f'-- GET {path} (the equality report: {rp["members"]} members, {rp["people"]} answered; {len(body)} bytes), '
      f'nothing changed since the last one (its counts kept, migration 0038): {report_runs} runs after 1: p50 {pct(report_times, 0.5):.1f} ms, p99 {pct(report_times, 0.99):.1f} ms, '
      f'slowest {max(report_times):.1f} ms', flush=True)
# The ordinary case after a change: someone changes their answers (here the facilitator,
# on /account/equality, which moves the answers' generation), then the report is asked for:
# the kept counts no longer hold and every member's answers are opened again.
import urllib.parse  # noqa: E402
changed_times = []
for i in range(report_runs):
    status, _, page = request('GET', '/account/equality')
    m = re.search(rb'name="csrf" value="([^"]+)"', page)
    form = urllib.parse.urlencode({'csrf': m.group(1).decode(), 'q_sex': 'female' if i % 2 else 'male'})
    status, _, _ = request('POST', '/account/equality', form,
                           {'Content-Type': 'application/x-www-form-urlencoded', 'Origin': url})
    if status != 303:
        sys.exit(f'POST /account/equality answered {status}')
    t = time.perf_counter()
    status, _, changed_body = request('GET', path)
    changed_times.append((time.perf_counter() - t) * 1000)
    if status != 200:
        sys.exit(f'GET {path} answered {status}')
# Counted afresh: what a change of the space's members causes (or the first report): the
# kept counts are cleared before each run (CLEAR: a shell command run.sh gives, straight on
# the database), so every member's answers are opened again.
import subprocess  # noqa: E402
afresh_times = []
clear = os.environ.get('CLEAR', '')
for i in range(report_runs if clear else 0):
    subprocess.run(clear, shell=True, check=True, stdout=subprocess.DEVNULL)
    t = time.perf_counter()
    status, _, _ = request('GET', path)
    afresh_times.append((time.perf_counter() - t) * 1000)
    if status != 200:
        sys.exit(f'GET {path} answered {status}')
if afresh_times:
    print(f'   counted afresh (the kept counts cleared before each run, as a change of members or a first report '
          f'leaves them; {report_runs} runs): p50 {pct(afresh_times, 0.5):.1f} ms, p99 {pct(afresh_times, 0.99):.1f} ms, '
          f'slowest {max(afresh_times):.1f} ms', flush=True)
# The facilitator's answers go again, so the CSV below counts the generated answers only.
status, _, page = request('GET', '/account/equality')
m = re.search(rb'name="csrf" value="([^"]+)"', page)
status, _, _ = request('POST', '/account/equality/delete', urllib.parse.urlencode({'csrf': m.group(1).decode()}),
                       {'Content-Type': 'application/x-www-form-urlencoded', 'Origin': url})
if status != 303:
    sys.exit(f'POST /account/equality/delete answered {status}')
print(f'   after each change of someone\'s answers (carried into the kept counts, migration 0038; '
      f'{report_runs} runs): p50 {pct(changed_times, 0.5):.1f} ms, p99 {pct(changed_times, 0.99):.1f} ms, '
      f'slowest {max(changed_times):.1f} ms', flush=True)
t = time.perf_counter()
status, res, body = request('GET', path + '.csv')
csv_ms = (time.perf_counter() - t) * 1000
if status != 200:
    sys.exit(f'GET {path}.csv answered {status}')
lines = list(csv.reader(io.StringIO(body.decode('utf-8'))))[1:]
want_cells = [n for _, counts in rp['counts'] for n in counts]
cells = lines[:-1]
total = int(lines[-1][2]) if lines and lines[-1][2].isdigit() else None
numeric = [(i, int(r[2])) for i, r in enumerate(cells) if r[2].isdigit()]
wrong = [(i, n, want_cells[i]) for i, n in numeric if i >= len(want_cells) or want_cells[i] != n]
report_ok = len(cells) == len(want_cells) and total == rp['people'] and not wrong
ok = ok and report_ok
print(f'   CSV ({csv_ms:.0f} ms, {len(body)} bytes): {len(cells)} rows (expected {len(want_cells)}), {len(numeric)} counts shown '
      f'and {len(cells) - len(numeric)} withheld or suppressed, {len(wrong)} of the shown differ from the sealed answers, '
      f'total {total} people (expected {rp["people"]}): {"OK" if report_ok else "MISMATCH " + str(wrong[:5])}')
json.dump({'run': run_times, 'report': report_times, 'changed': changed_times, 'afresh': afresh_times, 'ok': ok, 'run_bytes': len(body)}, open(out_file, 'w'))
if not ok:
    sys.exit(1)
